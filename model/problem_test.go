package model_test

import (
	"testing"

	"parley/model"
	"parley/scenario"
)

// FromScenario refuses what `parley validate` refuses, with validate's
// diagnostics: an issue no actor weighs gives no Problem and
// scenario.Unweighed's errors, as any other error gives no Problem.
func TestFromScenarioUsesValidatesRule(t *testing.T) {
	base := func() *scenario.Scenario {
		return &scenario.Scenario{
			Metadata: scenario.Metadata{ID: "t", Title: "t", AsOf: "2025-01-01", SalienceScale: 100},
			Issues:   []scenario.Issue{{ID: "cf"}, {ID: "tax"}},
			Actors:   []scenario.Actor{{ID: "a", Capability: 1}, {ID: "b", Capability: 2}},
			Stances: []scenario.Stance{
				{Actor: "a", Issue: "cf", Position: 10, Salience: 50, Assumed: "x"},
				{Actor: "b", Issue: "tax", Position: 20, Salience: 40, Assumed: "x"},
			},
		}
	}
	cases := []struct {
		name      string
		edit      func(s *scenario.Scenario)
		problem   bool
		errPaths  []string
		unweighed bool // the error is s.Unweighed()
	}{
		{"valid", func(s *scenario.Scenario) {}, true, nil, false},
		{"tax's only salience 0", func(s *scenario.Scenario) { s.Stances[1].Salience = 0 }, false, []string{"issues[1]"}, true},
		{"no stance at all", func(s *scenario.Scenario) { s.Stances = nil }, false, []string{"issues[0]", "issues[1]"}, true},
		{"another error as well", func(s *scenario.Scenario) {
			s.Stances[1].Salience = 0
			s.Stances[0].Position = 200
		}, false, []string{"stances[0].position", "issues[1]"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := base()
			c.edit(s)
			p, err := model.FromScenario(s)
			if (p != nil) != c.problem {
				t.Errorf("problem %v, want one: %v", p, c.problem)
			}
			if len(c.errPaths) == 0 {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				if w := p.Weight(1, 1); w != 2*0.4 {
					t.Errorf("b's weight on tax %v, want 2 × 40/100 = 0.8", w)
				}
				return
			}
			ds, ok := err.(scenario.Diagnostics)
			if !ok {
				t.Fatalf("error %T %v, want scenario.Diagnostics", err, err)
			}
			var paths []string
			for _, d := range ds {
				paths = append(paths, d.Path)
			}
			if len(paths) != len(c.errPaths) {
				t.Fatalf("error at %v, want %v: %v", paths, c.errPaths, err)
			}
			for i := range paths {
				if paths[i] != c.errPaths[i] {
					t.Errorf("error at %v, want %v: %v", paths, c.errPaths, err)
				}
			}
			if c.unweighed && err.Error() != s.Unweighed().Error() {
				t.Errorf("error\n%v\nwant Unweighed's\n%v", err, s.Unweighed())
			}
		})
	}
}

// Weighed sums capability × salience over the actors present on the
// issue, and Check refuses exactly the issue whose sum is not > 0. By
// hand, with capabilities 2, 3 and 4 (binary fractions, so the sums
// are exact): on "cf" a (0.5) and b (0.25) are present, c is absent
// with a salience that must not count: 2·0.5 + 3·0.25 = 1.75; on "tax"
// a is absent with salience 0.75 and b and c care nothing: 0, which
// Check refuses although an absent actor's weight would be 2·0.75.
func TestWeighed(t *testing.T) {
	p := &model.Problem{
		Actors: []model.Actor{{ID: "a", Capability: 2}, {ID: "b", Capability: 3}, {ID: "c", Capability: 4}},
		Issues: []model.Issue{{ID: "cf", Min: 0, Max: 100}, {ID: "tax", Min: 0, Max: 100}},
		Stances: [][]model.Stance{
			{{Present: true, Position: 10, Salience: 0.5}, {Present: false, Salience: 0.75}},
			{{Present: true, Position: 60, Salience: 0.25}, {Present: true, Position: 20, Salience: 0}},
			{{Present: false, Salience: 1}, {Present: true, Position: 80, Salience: 0}},
		},
	}
	if w := p.Weighed(0); w != 1.75 {
		t.Errorf("Weighed(cf) %v, want 2·0.5 + 3·0.25 = 1.75", w)
	}
	if w := p.Weighed(1); w != 0 {
		t.Errorf("Weighed(tax) %v, want 0 (a is absent; b and c care nothing)", w)
	}
	const want = "issue tax: no actor has a stance with salience > 0, so no model can weigh it"
	if err := p.Check(); err == nil || err.Error() != want {
		t.Errorf("Check() = %v, want %q", err, want)
	}
	// c's salience on tax raised to 0.125: Weighed 4·0.125 = 0.5, and
	// Check passes.
	p.Stances[2][1].Salience = 0.125
	if w := p.Weighed(1); w != 0.5 {
		t.Errorf("Weighed(tax) %v, want 4·0.125 = 0.5", w)
	}
	if err := p.Check(); err != nil {
		t.Errorf("Check() = %v, want nil", err)
	}
}
