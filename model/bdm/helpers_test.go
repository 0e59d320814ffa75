package bdm

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"parley/model"
)

// loadCSV reads a testdata/*.csv file (Actor,Capability,Position,Salience)
// into a one-issue Problem, saliences divided by 100 when any exceeds 1.
func loadCSV(t testing.TB, name string) *model.Problem {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var caps, pos, sal []float64
	var names []string
	div := 1.0
	for _, r := range recs[1:] {
		num := func(s string) float64 {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		names = append(names, r[0])
		caps, pos, sal = append(caps, num(r[1])), append(pos, num(r[2])), append(sal, num(r[3]))
		if sal[len(sal)-1] > 1 {
			div = 100
		}
	}
	lo, hi := pos[0], pos[0]
	for _, v := range pos {
		lo, hi = min(lo, v), max(hi, v)
	}
	p := &model.Problem{Issues: []model.Issue{{ID: "issue", Min: lo, Max: hi}}}
	for i := range names {
		p.Actors = append(p.Actors, model.Actor{ID: names[i], Name: names[i], Capability: caps[i]})
		p.Stances = append(p.Stances, []model.Stance{{Present: true, Position: pos[i], Salience: sal[i] / div}})
	}
	return p
}

// columnOf builds the engine's column for issue 0 of p.
func columnOf(p *model.Problem, paper bool) (*column, []float64) {
	_, capab, x, sal := p.Column(0)
	c := &column{s: sal, paper: paper, q: 1, t: 1, w: make([]float64, len(x))}
	lo, hi := x[0], x[0]
	for j := range x {
		c.w[j] = capab[j] * sal[j]
		lo, hi = min(lo, x[j]), max(hi, x[j])
	}
	c.delta = hi - lo
	return c, x
}
