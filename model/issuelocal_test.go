package model_test

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/catalog"
	"parley/model/compromise"
	"parley/model/ensemble"
	"parley/model/exchange"
)

// localProblem is a random problem of 5–9 actors and 3 issues with some
// stances absent and some issues with a status quo, from seed c.
func localProblem(t *testing.T, c int) *model.Problem {
	t.Helper()
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 5 + c%5, Issues: 3, Seed: uint64(c + 7)}))
	if err != nil {
		t.Fatal(err)
	}
	for k := range p.Issues {
		if (k+c)%2 == 0 {
			p.Issues[k].Reference, p.Issues[k].HasReference = p.Issues[k].Min+float64(10+7*c%80), true
		}
		for i := range p.Actors {
			if i > 1 && (i+k+c)%3 == 0 {
				p.Stances[i][k].Present = false
			}
		}
	}
	return p
}

// perturbOutside returns a copy of p in which everything a forecast of
// issue k must not read is redrawn by r: every other issue's scale,
// status quo, and each actor's presence, position and salience on it,
// and the capability of every actor absent from k. What k itself reads
// is left as it is.
func perturbOutside(p *model.Problem, k int, r *rand.Rand) *model.Problem {
	q := p.Clone()
	for i := range q.Actors {
		if !q.Stances[i][k].Present {
			q.Actors[i].Capability *= 0.2 + 5*r.Float64()
		}
	}
	for l := range q.Issues {
		if l == k {
			continue
		}
		is := &q.Issues[l]
		is.Min -= 50 * r.Float64()
		is.Max += 50 * r.Float64()
		is.Reference, is.HasReference = is.Min+(is.Max-is.Min)*r.Float64(), r.IntN(2) == 0
		for i := range q.Actors {
			st := &q.Stances[i][l]
			st.Present = i < 2 || r.IntN(4) > 0
			st.Position = is.Min + (is.Max-is.Min)*r.Float64()
			st.Salience = 0.05 + 0.95*r.Float64()
		}
	}
	return q
}

// A model that says it reads each issue alone (model.IssueLocal) gives
// the same forecast of issue k, bit for bit, when everything outside k
// changes (perturbOutside: the other issues' scales, status quos,
// stances, and the capability of every actor absent from k), on random
// problems; a sweep calls an issue no ranged input touches fixed, and
// says so. The models that say so are exactly those listed; smp and
// exchange, which move every issue together, do not, and
// TestAcrossIssuesReadOtherIssues shows a forecast of theirs moving.
func TestIssueLocalReadsTheIssueAlone(t *testing.T) {
	var local []string
	for _, m := range catalog.All() {
		if _, ok := m.(model.IssueLocal); !ok {
			continue
		}
		local = append(local, m.Name())
		checkIssueLocal(t, m, 12)
	}
	want := []string{"compromise", "median", "nash", "ks", "bdm", "bdm-paper", "ensemble", "snap", "compromise-band"}
	if !slices.Equal(local, want) {
		t.Errorf("models reading each issue alone: %v; want %v", local, want)
	}
}

// The ensemble runs every member on one issue at a time (OneIssue), so
// it reads each issue alone whatever its members: even with exchange, a
// model that trades across issues, as a member.
func TestEnsembleOfAnyMembersReadsTheIssueAlone(t *testing.T) {
	checkIssueLocal(t, ensemble.Model{Members: []ensemble.Member{{Model: exchange.Model{}, Weight: 1}, {Model: compromise.Model{}, Weight: 2}}}, 6)
}

// checkIssueLocal checks m on n random problems, every issue of each,
// three perturbations an issue.
func checkIssueLocal(t *testing.T, m model.Model, n int) {
	t.Helper()
	r := rand.New(rand.NewPCG(22, 1))
	for c := range n {
		p := localProblem(t, c)
		before, err := model.Forecasts(context.Background(), m, p, model.Options{})
		if err != nil {
			t.Fatalf("%s, case %d: %v", m.Name(), c, err)
		}
		for k := range p.Issues {
			for range 3 {
				q := perturbOutside(p, k, r)
				after, err := model.Forecasts(context.Background(), m, q, model.Options{})
				if err != nil {
					t.Fatalf("%s, case %d, issue %d: %v", m.Name(), c, k, err)
				}
				if math.Float64bits(before[k]) != math.Float64bits(after[k]) {
					t.Errorf("%s, case %d: issue %d moved from %v to %v when only other issues and absent actors changed", m.Name(), c, k, before[k], after[k])
				}
			}
		}
	}
}

// smp and exchange read across issues (smp moves every issue together
// by actors' whole-vector utilities; exchange trades one issue against
// another): on some random problem a change outside an issue moves
// their forecast of it, so neither may say it reads each issue alone.
func TestAcrossIssuesReadOtherIssues(t *testing.T) {
	for _, name := range []string{"smp", "exchange"} {
		m, err := catalog.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := m.(model.IssueLocal); ok {
			t.Errorf("%s says it reads each issue alone", name)
		}
		r := rand.New(rand.NewPCG(22, 2))
		moved := false
		for c := 0; c < 8 && !moved; c++ {
			p := localProblem(t, c)
			before, err := model.Forecasts(context.Background(), m, p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			q := perturbOutside(p, 0, r)
			after, err := model.Forecasts(context.Background(), m, q, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			moved = math.Float64bits(before[0]) != math.Float64bits(after[0])
		}
		if !moved {
			t.Errorf("%s: no change outside issue 0 moved its forecast in 8 problems; it may read each issue alone", name)
		}
	}
}
