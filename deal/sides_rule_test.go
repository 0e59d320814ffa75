package deal

import (
	"slices"
	"testing"

	"parley/model"
	"parley/scenario"
)

// qmvContradiction is cli/testdata/contradict-qmv.yaml: one issue
// labelled at 0, 50, 65 and 100; a (capability 1, at 20) keeps p < 65, b
// (capability 2, at 100) p ≥ 65 and c (capability 3, at 100) p ≥ 75; no
// alternatives stated (0), so no one falls short of its alternative.
func qmvContradiction(t *testing.T, rules ...Rule) *Input {
	p := problem([]float64{1, 2, 3}, [][]float64{{20}, {100}, {100}}, [][]float64{{1}, {1}, {1}})
	p.Issues[0].Anchors = []model.Anchor{{Value: 0, Label: "none"}, {Value: 50, Label: "half"}, {Value: 65, Label: "line"}, {Value: 100, Label: "all"}}
	return &Input{Problem: p, Rules: rules, RedLines: []map[int]scenario.RedLine{{0: redLine(t, "< 65")}, {0: redLine(t, ">= 65")}, {0: redLine(t, ">= 75")}}}
}

// TestContradictionSidesRule: the ways out under a decision rule are
// those of a minimal winning coalition, costed with the capability
// shares among its members.
//
// Qualified majority [3; a 2, b 1, c 1]: the minimal winning coalitions
// are {a, b} and {a, c}, both closed by red lines.
//   - {a, b} (shares 1/3, 2/3): a accepts 65, "< 65" becoming "<= 65",
//     15 points from its last allowed option 50: 100·(1/3)·0.15 = 5% of
//     scale, utility (1/3)·(|0.65 − 0.2| − |0.5 − 0.2|) = 0.05; b accepts
//     50, 15 points below 65: (2/3)·15 = 10%, 0.1 utility.
//   - {a, c} (shares 1/4, 3/4): a accepts 75, 25 points from 50:
//     (1/4)·25 = 6.25%, 0.0625 utility; c accepts 50: (3/4)·25 = 18.75%.
//
// The cheapest plan of each kind is {a, b}'s (0.05 utility < 0.0625; 5%
// < 6.25%), so its contradiction is shown, and both plans take a's way
// out.
//
// Without a rule every actor must accept (shares 1/6, 2/6, 3/6): b or c
// crossing alone leaves a against the other, so a's is the one way out
// alone, at 75: (1/6)·25 = 4.1667%, utility (1/6)·0.25 = 0.041667. The
// rule changed the value (65 against 75) and the shares (1/3 against
// 1/6). Without it b and c together are a way out too, at 50 (the
// highest value a allows that someone named): b crosses 15 points at
// share 2/6, c 25 at 3/6: 5 + 12.5 = 17.5% of scale, 0.175 utility;
// under the rule each coalition holds two actors and no such set.
//
// Coalition names the coalition whose contradiction is shown, {a, b},
// within which its shares are counted. Weights a 2, b 2, c 1 with quota
// 4 make {a, b} the one minimal winning coalition (a with c weighs 3):
// the same ways out, and Coalition says it too, as the required actors
// are all three. Unanimity of all three is the search without a rule:
// its one coalition is the required actors, and Coalition is omitted.
func TestContradictionSidesRule(t *testing.T) {
	type side struct {
		actor         string
		value, share  float64
		cost, utility float64
		plans         []string
	}
	both := []string{"lower_alternatives", "bend_red_lines"}
	for _, c := range []struct {
		name      string
		rules     []Rule
		actors    []string
		coalition []string
		want      []side
		sets      []side // each set's members, at the set's value
	}{
		{"qmv", []Rule{{Issue: 0, Rule: "qmv", Voters: []int{0, 1, 2}, Weights: []float64{2, 1, 1}, Quota: 3}}, []string{"a", "b"}, []string{"a", "b"},
			[]side{{"a", 65, 1.0 / 3, 5, 0.05, both}, {"b", 50, 2.0 / 3, 10, 0.1, nil}}, nil},
		{"one coalition", []Rule{{Issue: 0, Rule: "qmv", Voters: []int{0, 1, 2}, Weights: []float64{2, 2, 1}, Quota: 4}}, []string{"a", "b"}, []string{"a", "b"},
			[]side{{"a", 65, 1.0 / 3, 5, 0.05, both}, {"b", 50, 2.0 / 3, 10, 0.1, nil}}, nil},
		{"every actor", nil, []string{"a", "b", "c"}, nil, []side{{"a", 75, 1.0 / 6, 100.0 / 24, 0.25 / 6, both}},
			[]side{{"b", 50, 2.0 / 6, 5, 0.05, nil}, {"c", 50, 3.0 / 6, 12.5, 0.125, nil}}},
		{"unanimity", []Rule{{Issue: 0, Rule: "unanimity", Voters: []int{0, 1, 2}, Weights: []float64{1, 1, 1}, Quota: 3}}, []string{"a", "b", "c"}, nil,
			[]side{{"a", 75, 1.0 / 6, 100.0 / 24, 0.25 / 6, both}},
			[]side{{"b", 50, 2.0 / 6, 5, 0.05, nil}, {"c", 50, 3.0 / 6, 12.5, 0.125, nil}}},
	} {
		res, err := Search(qmvContradiction(t, c.rules...), Options{})
		if err != nil {
			t.Fatal(err)
		}
		cs := res.Concession.Contradictions
		if len(cs) != 1 || cs[0].Issue != "i1" || len(cs[0].Sides) != len(c.want) || !slices.Equal(cs[0].Actors, c.actors) {
			t.Fatalf("%s: contradictions %+v, want one on i1 between %v with %d sides", c.name, cs, c.actors, len(c.want))
		}
		if !slices.Equal(cs[0].Coalition, c.coalition) {
			t.Errorf("%s: coalition %v, want %v", c.name, cs[0].Coalition, c.coalition)
		}
		for i, w := range c.want {
			sd := cs[0].Sides[i]
			if sd.Actor != w.actor || sd.Value != w.value || !near(sd.Share, w.share, 1e-12) || !near(sd.Cost, w.cost, 1e-9) ||
				!near(sd.UtilityCost, w.utility, 1e-9) || !slices.Equal(sd.Plans, w.plans) {
				t.Errorf("%s: side %d %+v, want %s accepting %v (share %v) at %v %% of scale, %v utility, taken by %v", c.name, i, sd, w.actor, w.value, w.share, w.cost, w.utility, w.plans)
			}
		}
		if len(c.sets) == 0 && len(cs[0].Sets) != 0 || len(c.sets) > 0 && (len(cs[0].Sets) != 1 || len(cs[0].Sets[0].Members) != len(c.sets) ||
			!near(cs[0].Sets[0].Cost, 17.5, 1e-9) || !near(cs[0].Sets[0].UtilityCost, 0.175, 1e-9) || cs[0].Sets[0].Value != 50 || len(cs[0].Sets[0].Plans) != 0) {
			t.Fatalf("%s: sets %+v, want %d members", c.name, cs[0].Sets, len(c.sets))
		}
		for i, w := range c.sets {
			sd := cs[0].Sets[0].Members[i]
			if sd.Actor != w.actor || sd.Value != w.value || !near(sd.Share, w.share, 1e-12) || !near(sd.Cost, w.cost, 1e-9) || !near(sd.UtilityCost, w.utility, 1e-9) {
				t.Errorf("%s: set member %d %+v, want %s at %v (share %v), %v %%, %v utility", c.name, i, sd, w.actor, w.value, w.share, w.cost, w.utility)
			}
		}
		lo, bd := res.Concession.LowerAlternatives, res.Concession.BendRedLines
		if !near(lo.UtilityCost, c.want[0].utility, 1e-6) || !near(lo.ScaleCost, c.want[0].cost, 1e-6) || !near(bd.ScaleCost, c.want[0].cost, 1e-6) {
			t.Errorf("%s: lower plan %v utility, %v %%; bend plan %v %%; want %v, %v, %v", c.name, lo.UtilityCost, lo.ScaleCost, bd.ScaleCost, c.want[0].utility, c.want[0].cost, c.want[0].cost)
		}
	}
}
