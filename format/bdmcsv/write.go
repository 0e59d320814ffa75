package bdmcsv

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"parley/scenario"
)

// Write writes the one issue of s as Actor,Capability,Position,Salience
// (saliences on 0–1), one line per actor with a stance on it; actors are
// named by their names (ids when unnamed), which Read turns back into
// ids. The caller cuts s to one issue (Write fails otherwise).
func Write(w io.Writer, s *scenario.Scenario) error {
	if len(s.Issues) != 1 {
		return fmt.Errorf("bdm-csv holds one issue; the scenario has %d", len(s.Issues))
	}
	cw := csv.NewWriter(w)
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	if err := cw.Write([]string{"Actor", "Capability", "Position", "Salience"}); err != nil {
		return err
	}
	div := s.SalienceDivisor()
	for _, st := range s.Stances {
		a := s.Actor(st.Actor)
		if a == nil {
			return fmt.Errorf("stance names unknown actor %q", st.Actor)
		}
		name := a.Name
		if name == "" {
			name = a.ID
		}
		if err := cw.Write([]string{name, num(a.Capability), num(st.Position), num(st.Salience / div)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
