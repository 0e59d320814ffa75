package deal

import (
	"testing"

	"parley/model"
	"parley/scenario"
)

// TestContradictionSides: the case of TestStrictRedLineFlipCosted (one
// issue labelled at 0, 50, 65 and 100; A, capability 1 at 20, keeps
// p < 65; B, capability 2 at 100, keeps p ≥ 65). The contradiction has
// two ways out, each actor crossing in turn, costed by equation (9):
//
//   - A accepts 65: "< 65" becomes "<= 65", crossing 15 points from its
//     last allowed option 50; it gives up |0.65 − 0.2| − |0.5 − 0.2| =
//     0.15 utility; its share is 1/3, so the capability-weighted
//     crossing is 100·(1/3)·0.15 = 5% of the scale and the weighted
//     utility (1/3)·0.15 = 0.05.
//   - B accepts 50 (the last value A allows that someone named): ">= 65"
//     becomes ">= 50", 15 points from 65; it gives up |0.5 − 1| −
//     |0.65 − 1| = 0.15 utility; share 2/3: 10% of the scale, 0.1
//     utility.
//
// Both plans take A's (5 < 10).
func TestContradictionSides(t *testing.T) {
	p := problem([]float64{1, 2}, [][]float64{{20}, {100}}, [][]float64{{1}, {1}})
	p.Issues[0].Anchors = []model.Anchor{{Value: 0, Label: "none"}, {Value: 50, Label: "half"}, {Value: 65, Label: "Donetsk and Luhansk"}, {Value: 100, Label: "all"}}
	in := &Input{Problem: p, RedLines: []map[int]scenario.RedLine{{0: redLine(t, "< 65")}, {0: redLine(t, ">= 65")}}}
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := res.Concession.Contradictions
	if len(cs) != 1 || cs[0].Issue != p.Issues[0].ID || len(cs[0].Sides) != 2 {
		t.Fatalf("contradictions %+v, want one on the issue with two sides", cs)
	}
	want := []struct {
		actor, redLine, to string
		value, from        float64
		strict             bool
		cost, utility      float64
		options            []string
		plans              int
	}{
		{"a", "< 65", "<= 65", 65, 50, true, 5, 0.05, []string{"65: Donetsk and Luhansk"}, 2},
		{"b", ">= 65", ">= 50", 50, 65, false, 10, 0.1, []string{"50: half"}, 0},
	}
	for i, w := range want {
		sd := cs[0].Sides[i]
		if sd.Actor != w.actor || sd.Value != w.value || len(sd.Plans) != w.plans || !near(sd.Share, float64(i+1)/3, 1e-12) ||
			!near(sd.Cost, w.cost, 1e-9) || !near(sd.UtilityCost, w.utility, 1e-9) || len(sd.Bends) != 1 {
			t.Fatalf("side %d: %+v, want %s accepting %v at cost %v %% of scale, %v utility, taken by %d plans", i, sd, w.actor, w.value, w.cost, w.utility, w.plans)
		}
		b := sd.Bends[0]
		if b.RedLine != w.redLine || b.To != w.to || b.From != w.from || b.Strict != w.strict || !near(b.UtilityLost, 0.15, 1e-9) ||
			len(b.Options) != len(w.options) || b.Options[0] != w.options[0] {
			t.Errorf("side %d's bend %+v, want %s to %s from %v, 0.15 utility, options %v", i, b, w.redLine, w.to, w.from, w.options)
		}
	}
	// The plans' costs in both units: the lower plan's crossing is A's,
	// 5% of the scale; the bend plan gives up A's 0.05 utility.
	lo, bd := res.Concession.LowerAlternatives, res.Concession.BendRedLines
	if !near(lo.ScaleCost, 5, 1e-6) || !near(lo.UtilityCost, lo.Cost, 1e-12) || !near(bd.UtilityCost, 0.05, 1e-6) || !near(bd.ScaleCost, bd.Cost, 1e-12) {
		t.Errorf("lower: scale %v utility %v (cost %v); bend: scale %v utility %v (cost %v); want 5 %%, 0.05 and 5 %%, 0.05", lo.ScaleCost, lo.UtilityCost, lo.Cost, bd.ScaleCost, bd.UtilityCost, bd.Cost)
	}
}
