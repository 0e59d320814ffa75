// Package modeltest builds small model.Problems for tests of the models.
package modeltest

import (
	"context"
	"testing"

	"parley/model"
	"parley/scenarios"
)

// Actor is one actor on a one-issue problem.
type Actor struct{ Cap, Pos, Sal float64 }

// OneIssue returns a problem with one issue on [lo, hi] and the actors.
func OneIssue(lo, hi float64, actors ...Actor) *model.Problem {
	p := &model.Problem{Issues: []model.Issue{{ID: "x", Name: "x", Min: lo, Max: hi}}}
	for i, a := range actors {
		id := string(rune('a' + i))
		p.Actors = append(p.Actors, model.Actor{ID: id, Name: id, Capability: a.Cap, CapLo: a.Cap, CapHi: a.Cap})
		p.Stances = append(p.Stances, []model.Stance{{Present: true, Position: a.Pos, Salience: a.Sal,
			PosLo: a.Pos, PosHi: a.Pos, SalLo: a.Sal, SalHi: a.Sal}})
	}
	return p
}

// WithReference sets the reference point of every issue.
func WithReference(p *model.Problem, q float64) *model.Problem {
	for k := range p.Issues {
		p.Issues[k].Reference, p.Issues[k].HasReference = q, true
	}
	return p
}

// A returns an Actor with capability c, position x and salience s.
func A(c, x, s float64) Actor { return Actor{Cap: c, Pos: x, Sal: s} }

// Builtin returns the problem of the built-in case at its latest snapshot,
// for benchmarks and tests that want a realistic problem.
func Builtin(tb testing.TB) *model.Problem {
	tb.Helper()
	s, err := scenarios.LoadDefault()
	if err != nil {
		tb.Fatal(err)
	}
	r, err := s.Resolve("", "")
	if err != nil {
		tb.Fatal(err)
	}
	p, err := model.FromScenario(r)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// Forecast runs m on p with the default options and fails the test on an
// error.
func Forecast(tb testing.TB, m model.Model, p *model.Problem) *model.Result {
	tb.Helper()
	r, err := m.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// NoteStrings is each note's String, as the models' tests compare them.
func NoteStrings(notes []model.Note) []string {
	if notes == nil {
		return nil
	}
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n.String()
	}
	return out
}
