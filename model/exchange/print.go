package exchange

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// WriteCSV writes one row per issue and round with the header
// issue,round,preference_nbs,voting_nbs: the layout of Decide's
// per-issue output, values on the issue's scale at full precision (28
// digits in exact mode).
func (d *Detail) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"issue", "round", "preference_nbs", "voting_nbs"})
	for k, id := range d.Issues {
		for _, rd := range d.Rounds {
			cw.Write([]string{id, strconv.Itoa(rd.Round), rd.Preference[k].String(), rd.Voting[k].String()})
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteTrace prints every realised exchange of every round: who supplies
// which issue, from where to where (on the 0–100 scale the model works
// on), and the gain.
func (d *Detail) WriteTrace(w io.Writer) error {
	mode := "fast (float64)"
	if d.Exact {
		mode = "exact (28-digit decimal)"
	}
	fmt.Fprintf(w, "\nexchange — realised exchanges, %s; positions on the 0–100 scale\n", mode)
	for _, rd := range d.Rounds {
		fmt.Fprintf(w, "round %d: %d candidates, %d valid, %d realised", rd.Round, rd.Candidates, rd.Valid, len(rd.Exchanges))
		if rd.Ties > 0 {
			fmt.Fprintf(w, ", %d coin-flip ties", rd.Ties)
		}
		fmt.Fprintln(w)
		for _, e := range rd.Exchanges {
			fmt.Fprintf(w, "  %3d  %s on %s: %s → %s (%s)  |  %s on %s: %s → %s (%s)  gain %s\n", e.N,
				e.I.Actor, e.I.Supply, d.num(e.I.Start), d.num(e.I.Y), d.num(e.I.Move),
				e.J.Actor, e.J.Supply, d.num(e.J.Start), d.num(e.J.Y), d.num(e.J.Move),
				d.num(e.Gain))
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// num prints a value at full precision in exact mode, to 8 significant
// digits in fast mode.
func (d *Detail) num(n Number) string {
	if n.IsExact() {
		return n.String()
	}
	return strconv.FormatFloat(n.Float64(), 'g', 8, 64)
}
