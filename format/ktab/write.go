package ktab

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"parley/errs"
	"parley/scenario"
)

// Table is a scenario as KTAB holds it: every actor with a position and a
// salience on every dimension, all on 0–100, saliences of an actor
// summing to at most 100.
type Table struct {
	Name, Desc string
	Dims       []string
	// SalCols name each dimension's salience column: what Read keeps
	// as the issue's description ("salience column: S1"), so a KTAB file
	// written back keeps its headers, else the dimension's name + " Sal".
	SalCols []string
	Actors  []TableActor
	// Lost names what the scenario had that KTAB cannot hold, one line
	// each (evidence, snapshots, ranges, anchors, …).
	Lost []string
}

// TableActor is one actor's row.
type TableActor struct {
	Name, Desc string
	Power      float64
	Pos, Sal   []float64
}

// PowerScale returns the factor that brings every actor's power to at
// most limit (1 when none is above it), and when it is not 1 says so in
// Lost, naming the limit as what: models read capabilities relative to
// each other, so scaling them all changes no forecast.
func (t *Table) PowerScale(limit float64, what string) float64 {
	maxP := 0.0
	for _, a := range t.Actors {
		maxP = max(maxP, a.Power)
	}
	if maxP <= limit {
		return 1
	}
	scale := limit / maxP
	t.Lost = append(t.Lost, fmt.Sprintf("capabilities above %s, all scaled by %g (models read them relative to each other)", what, scale))
	return scale
}

// NewTable lays s out as KTAB holds it. A position on a scale other than
// 0–100 is mapped linearly onto 0–100 (models read positions relative to
// the scale, so forecasts map back the same way); saliences go onto
// 0–100. It fails, saying why, when a number cannot be held: a missing
// stance, an actor's saliences summing past 100, fewer than 3 actors.
func NewTable(s *scenario.Scenario) (*Table, error) {
	t := &Table{Name: s.Metadata.Title, Desc: s.Metadata.Description}
	if t.Name == "" {
		t.Name = s.Metadata.ID
	}
	if len(s.Actors) < MinActors {
		return nil, errs.New(errs.Invalid, "KTAB needs at least %d actors; the scenario has %d", MinActors, len(s.Actors))
	}
	idx := map[string]int{}
	var rescaled []string
	for k, is := range s.Issues {
		idx[is.ID] = k
		name := is.Name
		if name == "" {
			name = is.ID
		}
		t.Dims = append(t.Dims, name)
		sal, ok := strings.CutPrefix(is.Description, salColumn)
		if !ok || strings.TrimSpace(sal) == "" {
			sal = name + " Sal"
		}
		t.SalCols = append(t.SalCols, sal)
		if lo, hi := is.Bounds(); lo != 0 || hi != 100 {
			rescaled = append(rescaled, fmt.Sprintf("%s [%v, %v]", is.ID, lo, hi))
		}
	}
	div := s.SalienceDivisor()
	have := make([][]bool, len(s.Actors))
	aidx := map[string]int{}
	for i, a := range s.Actors {
		aidx[a.ID] = i
		name := a.Name
		if name == "" {
			name = a.ID
		}
		t.Actors = append(t.Actors, TableActor{Name: name, Desc: a.Description, Power: a.Capability,
			Pos: make([]float64, len(s.Issues)), Sal: make([]float64, len(s.Issues))})
		have[i] = make([]bool, len(s.Issues))
	}
	var ranges, evidence int
	for _, st := range s.Stances {
		a := s.Actor(st.Actor)
		if a == nil {
			return nil, errs.New(errs.Invalid, "stance names unknown actor %q", st.Actor)
		}
		i, k := aidx[a.ID], idx[st.Issue]
		lo, hi := s.Issues[k].Bounds()
		t.Actors[i].Pos[k] = 100 * (st.Position - lo) / (hi - lo)
		t.Actors[i].Sal[k] = st.Salience * (100 / div)
		have[i][k] = true
		if st.Range != nil {
			ranges++
		}
		evidence += len(st.Evidence)
	}
	for i, a := range t.Actors {
		sum := 0.0
		for k := range t.Dims {
			if !have[i][k] {
				return nil, errs.New(errs.Invalid, "KTAB needs every actor's stance on every issue: %s has none on %s", s.Actors[i].ID, s.Issues[k].ID)
			}
			sum += a.Sal[k]
		}
		if sum > 100+1e-9 {
			// Said on the scenario's own salience scale: a 0–1 file's
			// saliences 0.9 + 0.5 + 0.4 + 0.6 were said to "sum to 240".
			return nil, errs.New(errs.Invalid, "KTAB needs an actor's saliences to sum to at most %s: %s's sum to %.4g; lower them, or export one issue at a time (--issue; the API's issue=)", salienceCap(div), s.Actors[i].ID, sum*div/100)
		}
	}
	if len(rescaled) > 0 {
		t.Lost = append(t.Lost, "issue scales other than 0–100, mapped onto 0–100: "+strings.Join(rescaled, ", "))
	}
	var anchors, caps int
	for _, is := range s.Issues {
		anchors += len(is.Anchors)
	}
	for _, a := range s.Actors {
		if a.CapabilityRange != nil {
			caps++
		}
		evidence += len(a.CapabilityEvidence) + len(a.ReservationEvidence)
		for _, ev := range a.RedLineEvidence {
			evidence += len(ev)
		}
	}
	for _, x := range []struct {
		n    int
		what string
	}{{len(s.Snapshots), "snapshots (only the base stances are written)"}, {len(s.Variants), "variants"},
		{anchors, "option labels (anchors)"}, {ranges + caps, "uncertainty ranges"}, {evidence, "evidence quotes"}} {
		if x.n > 0 {
			t.Lost = append(t.Lost, fmt.Sprintf("%s (%d)", x.what, x.n))
		}
	}
	return t, nil
}

// Num formats a number so that reading it back gives the same double.
func Num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// csvField escapes a text field the way KTAB's reader unescapes it: a
// comma becomes "$$"; line breaks become spaces.
func csvField(s string) string {
	s = strings.NewReplacer(",", "$$", "\n", " ", "\r", " ", "\"", "'").Replace(s)
	return s
}

// Write writes s as KTAB's SMP CSV (smpc --csv), with what the CSV could
// not hold returned for the user. Names are cut to KTAB's 25 characters
// and descriptions to 256 (listed as lost when cut); power must be at
// most 1e8.
func Write(w io.Writer, s *scenario.Scenario) ([]string, error) {
	t, err := NewTable(s)
	if err != nil {
		return nil, err
	}
	if len(t.Actors) > MaxActors {
		return nil, errs.New(errs.Invalid, "KTAB's CSV holds at most %d actors; the scenario has %d", MaxActors, len(t.Actors))
	}
	scale := t.PowerScale(MaxPower, "KTAB's 1e8")
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s,%s,%d,%d\n", csvField(t.Name), csvField(t.Desc), len(t.Actors), len(t.Dims))
	bw.WriteString("Actor,Description,Power")
	for k, d := range t.Dims {
		fmt.Fprintf(bw, ",%s,%s", csvField(d), csvField(t.SalCols[k]))
	}
	bw.WriteString("\n")
	cut := 0
	used := map[string]bool{}
	for i, a := range t.Actors {
		name := csvField(a.Name)
		if len(name) > MaxName || used[name] {
			cut++
			name = fmt.Sprintf("%.*s%d", MaxName-4, name, i+1)
		}
		used[name] = true
		desc := csvField(a.Desc)
		if len(desc) > MaxDesc {
			desc = desc[:MaxDesc]
			cut++
		}
		fmt.Fprintf(bw, "%s,%s,%s", name, desc, Num(a.Power*scale))
		for k := range t.Dims {
			fmt.Fprintf(bw, ",%s,%s", Num(a.Pos[k]), Num(a.Sal[k]))
		}
		bw.WriteString("\n")
	}
	if cut > 0 {
		t.Lost = append(t.Lost, fmt.Sprintf("names longer than 25 characters or descriptions longer than 256, cut (%d)", cut))
	}
	return t.Lost, bw.Flush()
}

// salienceCap is KTAB's cap on an actor's saliences, 100, on a scenario
// salience scale of div (1 or 100).
func salienceCap(div float64) string {
	if div == 100 {
		return "100"
	}
	return "1 on the scenario's 0–1 salience scale (KTAB's 100)"
}
