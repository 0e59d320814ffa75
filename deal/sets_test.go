package deal

import (
	"fmt"
	"slices"
	"testing"

	"parley/scenario"
)

// TestContradictionSets: cli/testdata/contradict-three.yaml. On one
// issue (0–100) a (capability 1, at 0) keeps p ≤ 20, b (capability 2, at
// 50) p in [40, 60] and c (capability 4, at 100) p ≥ 80: no two share a
// value, so no one crossing alone leaves the others one, and there is no
// way out alone. The smallest sets that do are the three pairs, each at
// the value of least capability-weighted crossing (shares 1/7, 2/7, 4/7)
// that the third actor's red line allows (candidates 0, 20, 40, 60, 80,
// 100):
//
//   - {a, b} at 80 (c allows 80 and 100): a crosses 60 points, b 20:
//     (60·1 + 20·2)/7 = 14.2857% of scale; utility a (0.8 − 0.2)·1/7 +
//     b (0.3 − 0.1)·2/7 = 0.142857 (at 100: (80 + 80)/7 = 22.9%).
//   - {a, c} at 60 (b allows 40 and 60): a 40, c 20: (40 + 80)/7 =
//     17.1429%; utility 0.4/7 + 0.2·4/7 = 0.171429.
//   - {b, c} at 20 (a allows 0 and 20): b 20, c 60: (40 + 240)/7 = 40%;
//     utility 0.2·2/7 + 0.6·4/7 = 0.4.
//
// Stage A settles at 80 (the least crossing overall), and the plan that
// bends red lines too (its crossing falls by 1/7 per point up to 80 and
// rises after), so both take {a, b}'s.
func TestContradictionSets(t *testing.T) {
	p := problem([]float64{1, 2, 4}, [][]float64{{0}, {50}, {100}}, [][]float64{{1}, {1}, {1}})
	in := &Input{Problem: p, RedLines: []map[int]scenario.RedLine{{0: redLine(t, "<= 20")}, {0: redLine(t, "[40, 60]")}, {0: redLine(t, ">= 80")}}}
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := res.Concession.Contradictions
	if len(cs) != 1 || len(cs[0].Sides) != 0 || len(cs[0].Sets) != 3 || cs[0].MoreSets != 0 || !slices.Equal(cs[0].Actors, []string{"a", "b", "c"}) {
		t.Fatalf("contradictions %+v, want one with no side alone and three sets", cs)
	}
	both := []string{"lower_alternatives", "bend_red_lines"}
	for i, w := range []struct {
		actors        []string
		value         float64
		crossed       []float64 // each member's points crossed
		cost, utility float64
		plans         []string
	}{
		{[]string{"a", "b"}, 80, []float64{60, 20}, 100.0 / 7, 1.0 / 7, both},
		{[]string{"a", "c"}, 60, []float64{40, 20}, 120.0 / 7, 1.2 / 7, nil},
		{[]string{"b", "c"}, 20, []float64{20, 60}, 40, 0.4, nil},
	} {
		st := cs[0].Sets[i]
		var actors []string
		sum, usum := 0.0, 0.0
		for m, sd := range st.Members {
			actors = append(actors, sd.Actor)
			sum, usum = sum+sd.Cost, usum+sd.UtilityCost
			if sd.Value != w.value || len(sd.Bends) != 1 || !near(sd.Bends[0].By, w.crossed[m], 1e-9) || !near(sd.Cost, sd.Share*w.crossed[m], 1e-9) || len(sd.Plans) != 0 {
				t.Errorf("set %d member %d: %+v, want at %v crossing %v points", i, m, sd, w.value, w.crossed[m])
			}
		}
		if !slices.Equal(actors, w.actors) || st.Value != w.value || !near(st.Cost, w.cost, 1e-9) || !near(st.UtilityCost, w.utility, 1e-9) ||
			!near(sum, st.Cost, 1e-12) || !near(usum, st.UtilityCost, 1e-12) || !slices.Equal(st.Plans, w.plans) {
			t.Errorf("set %d: %+v, want %v at %v costing %v %% and %v utility, taken by %v", i, st, w.actors, w.value, w.cost, w.utility, w.plans)
		}
	}
}

// TestContradictionSetsLimit: with more smallest sets than MaxWaySets,
// the cheapest are listed and the rest counted. On one issue, actor i
// (capability 1) keeps p == 10·i for i = 0 … 9: any value leaves all
// but one actor crossing, so the smallest sets are the ten sets of nine,
// one for each actor kept. Kept at 10·k, the others cross Σ_i |10·i −
// 10·k| points, least for k = 4 and 5 (250 points each: 25% of scale at
// share 1/10); the listing runs by cost, then by value.
func TestContradictionSetsLimit(t *testing.T) {
	caps, pos, sal := make([]float64, 10), make([][]float64, 10), make([][]float64, 10)
	rl := make([]map[int]scenario.RedLine, 10)
	for i := range caps {
		caps[i], pos[i], sal[i] = 1, []float64{float64(10 * i)}, []float64{1}
		rl[i] = map[int]scenario.RedLine{0: redLine(t, fmt.Sprintf("== %d", 10*i))}
	}
	res, err := Search(&Input{Problem: problem(caps, pos, sal), RedLines: rl}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Concession.Contradictions[0]
	if len(c.Sides) != 0 || len(c.Sets) != MaxWaySets || c.MoreSets != 10-MaxWaySets || len(c.Actors) != 10 {
		t.Fatalf("%d sides, %d sets, %d more, actors %v; want 0, %d, %d, all ten (those of the sets not listed too)", len(c.Sides), len(c.Sets), c.MoreSets, c.Actors, MaxWaySets, 10-MaxWaySets)
	}
	// Kept k crosses 10·Σ|i − k| points of 100 at share 1/10: k = 4, 5:
	// 25%; 3, 6: 27%; 2, 7: 31%; 1, 8: 37%; 0, 9: 45%. Equal costs
	// list the smaller value first.
	wantKept := []float64{40, 50, 30, 60, 20, 70, 10, 80}[:MaxWaySets]
	wantCost := []float64{25, 25, 27, 27, 31, 31, 37, 37}[:MaxWaySets]
	for i, st := range c.Sets {
		if len(st.Members) != 9 || st.Value != wantKept[i] || !near(st.Cost, wantCost[i], 1e-9) {
			t.Errorf("set %d: %d members at %v costing %v %%, want 9 at %v costing %v %%", i, len(st.Members), st.Value, st.Cost, wantKept[i], wantCost[i])
		}
	}
}

// TestContradictionSetBesideSide: a way out together is listed beside
// the ways alone, and a plan may take it. On one issue a (capability 1,
// at 100) keeps p ≥ 60, b (capability 10, at 0) p ≤ 40 and c
// (capability 1, at 100) p ≥ 50 (shares 1/12, 10/12, 1/12). b alone
// gives way at 60 (a's and c's red lines allow 60 and 100): 20 points at
// 10/12, 16.67% of scale; a and c together give way at 40 (b allows 0
// and 40): (20 + 10)/12 = 2.5% of scale, utility (0.2 + 0.1)/12 =
// 0.025. Both plans take a and c's; before, the choice said neither plan
// took a way out, and only b's was listed.
func TestContradictionSetBesideSide(t *testing.T) {
	p := problem([]float64{1, 10, 1}, [][]float64{{100}, {0}, {100}}, [][]float64{{1}, {1}, {1}})
	in := &Input{Problem: p, RedLines: []map[int]scenario.RedLine{{0: redLine(t, ">= 60")}, {0: redLine(t, "<= 40")}, {0: redLine(t, ">= 50")}}}
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Concession.Contradictions[0]
	if len(c.Sides) != 1 || c.Sides[0].Actor != "b" || c.Sides[0].Value != 60 || !near(c.Sides[0].Cost, 200.0/12, 1e-9) || len(c.Sides[0].Plans) != 0 {
		t.Errorf("sides %+v, want b alone at 60 costing 16.67 %%, taken by no plan", c.Sides)
	}
	both := []string{"lower_alternatives", "bend_red_lines"}
	if len(c.Sets) != 1 || c.Sets[0].Value != 40 || len(c.Sets[0].Members) != 2 || c.Sets[0].Members[0].Actor != "a" || c.Sets[0].Members[1].Actor != "c" ||
		!near(c.Sets[0].Cost, 2.5, 1e-9) || !near(c.Sets[0].UtilityCost, 0.025, 1e-9) || !slices.Equal(c.Sets[0].Plans, both) {
		t.Errorf("sets %+v, want a and c at 40 costing 2.5 %%, 0.025 utility, taken by both plans", c.Sets)
	}
	if !slices.Equal(c.Actors, []string{"a", "b", "c"}) {
		t.Errorf("actors %v, want a, b, c", c.Actors)
	}
}
