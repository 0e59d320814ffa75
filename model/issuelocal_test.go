package model_test

import (
	"context"
	"math"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/catalog"
)

// A model that says it reads each issue alone (model.IssueLocal) gives
// the same forecast of issue k, bit for bit, when every other issue's
// positions and saliences and the capability of every actor absent
// from k change; a sweep calls an issue no such input touches fixed.
// The four closed-form models say so, and no other.
func TestIssueLocalReadsTheIssueAlone(t *testing.T) {
	var local []string
	for _, m := range catalog.All() {
		if _, ok := m.(model.IssueLocal); !ok {
			continue
		}
		local = append(local, m.Name())
		for c := range 4 {
			p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 6 + c, Issues: 3, Seed: uint64(c + 7)}))
			if err != nil {
				t.Fatal(err)
			}
			for i := range p.Actors {
				if (i+c)%3 == 0 {
					p.Stances[i][0].Present = false
				}
			}
			before, err := model.Forecasts(context.Background(), m, p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			q := p.Clone()
			for i := range q.Actors {
				if !q.Stances[i][0].Present {
					q.Actors[i].Capability *= 3
				}
				for k := 1; k < len(q.Issues); k++ {
					st := &q.Stances[i][k]
					st.Position = q.Issues[k].Min + (q.Issues[k].Max-q.Issues[k].Min)*float64((i+k)%5)/4
					st.Salience = 0.1 + 0.2*float64((i*k)%5)
				}
			}
			after, err := model.Forecasts(context.Background(), m, q, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if math.Float64bits(before[0]) != math.Float64bits(after[0]) {
				t.Errorf("%s, case %d: issue 0 moved from %v to %v when only other issues and absent actors changed", m.Name(), c, before[0], after[0])
			}
		}
	}
	if want := []string{"compromise", "median", "nash", "ks"}; len(local) != len(want) || local[0] != want[0] || local[1] != want[1] || local[2] != want[2] || local[3] != want[3] {
		t.Errorf("models reading each issue alone: %v; want %v", local, want)
	}
}
