package sweep

import (
	"context"
	"math"
	"testing"

	"parley/model"
	"parley/model/bdm"
	"parley/model/compromise"
	"parley/model/exchange"
)

// twoIssues is a problem of issues x and y (0–100) and actors a, b and c
// of capability 1: a at 0 on x alone, its capability ranged [1, 3]; b at
// 100 on x, its position ranged [80, 100], and at 20 on y; c at 80 on y;
// every salience 1. No range touches y in a model that reads each issue
// alone: a, whose capability is ranged, takes no part in y.
func twoIssues() *model.Problem {
	st := func(x, lo, hi float64) model.Stance {
		return model.Stance{Present: true, Position: x, Salience: 1, PosLo: lo, PosHi: hi, SalLo: 1, SalHi: 1}
	}
	return &model.Problem{
		Actors: []model.Actor{
			{ID: "a", Name: "A", Capability: 1, CapLo: 1, CapHi: 3},
			{ID: "b", Name: "B", Capability: 1, CapLo: 1, CapHi: 1},
			{ID: "c", Name: "C", Capability: 1, CapLo: 1, CapHi: 1},
		},
		Issues: []model.Issue{{ID: "x", Name: "X", Min: 0, Max: 100}, {ID: "y", Name: "Y", Min: 0, Max: 100}},
		Stances: [][]model.Stance{
			{st(0, 0, 0), {}},
			{st(100, 80, 100), st(20, 20, 20)},
			{{}, st(80, 80, 80)},
		},
	}
}

// Compromise reads each issue alone, so y, which no ranged input
// touches, is fixed: every draw gives (20 + 80)/2 = 50, a point that is
// no certainty. x, which a's capability and b's position move, is not.
func TestFixedIssueOfALocalModel(t *testing.T) {
	r, err := Run(context.Background(), compromise.Model{}, twoIssues(), Options{Draws: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	x, y := r.Issues[0], r.Issues[1]
	if x.Fixed {
		t.Errorf("x: fixed, but a's capability and b's position have ranges")
	}
	if !y.Fixed || y.Base != 50 || y.Lo95 != 50 || y.Hi95 != 50 {
		t.Errorf("y: fixed %v, base %v, 95%% [%v, %v]; want fixed at 50", y.Fixed, y.Base, y.Lo95, y.Hi95)
	}
}

// With a at 50 on y too, a's ranged capability touches y, though it
// does not move it: (50c + 20 + 80)/(c + 2) = 50 for every c. The point
// is then what the stated ranges do, not what no range was given for,
// and y is not fixed.
func TestTouchedIssueThatDoesNotMoveIsNotFixed(t *testing.T) {
	p := twoIssues()
	p.Stances[0][1] = model.Stance{Present: true, Position: 50, Salience: 1, PosLo: 50, PosHi: 50, SalLo: 1, SalHi: 1}
	r, err := Run(context.Background(), compromise.Model{}, p, Options{Draws: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// 50 to rounding: (50c + 100)/(c + 2) in floating point.
	if y := r.Issues[1]; y.Fixed || math.Abs(y.Lo95-50) > 1e-9 || math.Abs(y.Hi95-50) > 1e-9 {
		t.Errorf("y: fixed %v, 95%% [%v, %v]; want not fixed, at 50", y.Fixed, y.Lo95, y.Hi95)
	}
}

// A model that weighs issues together (exchange trades across them) may
// move y by a range on x: no issue is fixed while any input has a
// range, and every issue is when none has.
func TestFixedIssueOfAModelAcrossIssues(t *testing.T) {
	r, err := Run(context.Background(), exchange.Model{}, twoIssues(), Options{Draws: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range r.Issues {
		if is.Fixed {
			t.Errorf("exchange, %s: fixed, but ranges on x may move it", is.Issue)
		}
	}
	p := twoIssues()
	p.Actors[0].CapHi = 1
	p.Stances[1][0].PosLo = 100
	r, err = Run(context.Background(), exchange.Model{}, p, Options{Draws: 20, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range r.Issues {
		if !is.Fixed {
			t.Errorf("exchange without ranges, %s: not fixed", is.Issue)
		}
	}
}

// A sensitivity analysis says which issue no ranged input touches, as
// its Monte Carlo does: y, in compromise (every draw and every end at
// (20 + 80)/2 = 50) and in bdm, which also reads each issue alone (b
// and c, of equal weight, at 20 and 80: neither makes the other an
// offer it takes, so the run stops at round 1 on round 0's median, the
// lower weighted median of the tie, 20, where b's weight alone reaches
// half); x, which a's capability and b's position move, is not fixed in
// either.
func TestSensitivitySaysAFixedIssue(t *testing.T) {
	for _, c := range []struct {
		m    model.Model
		base float64
	}{{compromise.Model{}, 50}, {bdm.Model{}, 20}} {
		m := c.m
		r, err := Sensitivity(context.Background(), m, twoIssues(), Options{Draws: MinSensitivityDraws, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		x, y := r.Issues[0], r.Issues[1]
		if x.Fixed {
			t.Errorf("%s, x: fixed, but a's capability and b's position have ranges", m.Name())
		}
		if !y.Fixed || y.Base != c.base {
			t.Errorf("%s, y: fixed %v, base %v; want fixed at %v", m.Name(), y.Fixed, y.Base, c.base)
		}
		for _, s := range y.Swings {
			if s.Swing != 0 {
				t.Errorf("%s, y: %s swings it by %v; want 0", m.Name(), s.Input.Label(), s.Swing)
			}
		}
	}
}
