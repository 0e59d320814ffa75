package deal

import (
	"slices"
	"testing"
)

// TestRules: one issue on 0–100, actors a at 0, b at 50, c at 100, each
// with salience 1, and the status quo 100 as the no-deal package. For the
// package 40, by equation (1) with ρ = 1: U_a = 1 − 0.4 = 0.6 over its
// alternative U_a(100) = 0, U_b = 0.9 over 0.5, U_c = 0.4 under 1. So a
// and b accept, c refuses.
//
//   - no rule: every actor is required, c blocks;
//   - unanimity: c's veto blocks (for 2 of quota 3);
//   - qmv a 3, b 2, c 5, quota 5: a and b weigh 5 ≥ 5, it passes although
//     c refuses; with quota 6 it fails and c is against;
//   - majority: 2 of 3 votes ≥ ⌊3/2⌋ + 1 = 2, it passes.
func TestRules(t *testing.T) {
	in := func(rules ...Rule) *Input {
		return &Input{Problem: problem([]float64{1, 1, 1}, [][]float64{{0}, {50}, {100}}, [][]float64{{1}, {1}, {1}}),
			NoDeal: []float64{100}, Rules: rules}
	}
	all := []int{0, 1, 2}
	ones := []float64{1, 1, 1}
	cases := []struct {
		name     string
		in       *Input
		accepted bool
		blockers []string
		forW     float64
	}{
		{"no rule", in(), false, []string{"c"}, -1},
		{"unanimity", in(Rule{Rule: "unanimity", Voters: all, Weights: ones, Quota: 3}), false, []string{"c"}, 2},
		{"qmv passes", in(Rule{Rule: "qmv", Voters: all, Weights: []float64{3, 2, 5}, Quota: 5}), true, nil, 5},
		{"qmv fails", in(Rule{Rule: "qmv", Voters: all, Weights: []float64{3, 2, 5}, Quota: 6}), false, []string{"c"}, 5},
		{"majority", in(Rule{Rule: "majority", Voters: all, Weights: ones, Quota: 2}), true, nil, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev, err := Evaluate(c.in, []float64{40}, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var acc []bool
			for _, v := range ev.Actors {
				acc = append(acc, v.Accepts)
			}
			if !slices.Equal(acc, []bool{true, true, false}) {
				t.Fatalf("accepts = %v, want [true true false]", acc)
			}
			if ev.Accepted != c.accepted || !slices.Equal(ev.Blockers, c.blockers) {
				t.Errorf("accepted %v blockers %v, want %v %v", ev.Accepted, ev.Blockers, c.accepted, c.blockers)
			}
			if c.forW >= 0 {
				if len(ev.Rules) != 1 || ev.Rules[0].For != c.forW || ev.Rules[0].Passes != c.accepted || !slices.Equal(ev.Rules[0].Against, []string{"c"}) {
					t.Errorf("rules = %+v, want for %v against [c]", ev.Rules, c.forW)
				}
			} else if len(ev.Rules) != 0 {
				t.Errorf("rules = %+v without a rule", ev.Rules)
			}
		})
	}
}

// TestAcceptanceText: what "accepted" means is said once, by the rules
// and the required actors. Two issues, actors a, b, c; a rule on the
// first only (qmv a 3, b 2, c 5, quota 5): every required actor must
// also accept, the second issue having no rule. Required a, b and c
// weigh 10 ≥ 5, so their yes carries the rule and it changes nothing;
// required a alone weighs 3 < 5, so the rule also needs b or c.
func TestAcceptanceText(t *testing.T) {
	p := problem([]float64{1, 1, 1}, [][]float64{{0, 0}, {50, 50}, {100, 100}}, [][]float64{{1, 1}, {1, 1}, {1, 1}})
	qmv := Rule{Issue: 0, Rule: "qmv", Voters: []int{0, 1, 2}, Weights: []float64{3, 2, 5}, Quota: 5}
	maj := Rule{Issue: 1, Rule: "majority", Voters: []int{0, 1, 2}, Weights: []float64{1, 1, 1}, Quota: 2}
	for _, c := range []struct {
		name     string
		rules    []Rule
		required []int
		want     string
	}{
		{"no rule", nil, []int{0, 1, 2}, "every required actor accepts it"},
		{"every issue ruled", []Rule{qmv, maj}, []int{0}, "it passes every issue's decision rule (i1 by qmv, i2 by majority)"},
		{"one of two, carried", []Rule{qmv}, []int{0, 1, 2}, "it passes the decision rule of 1 of 2 issues (i1 by qmv) and every required actor accepts it (i2 has no rule); every required actor's yes already passes i1's rule, so it changes nothing here"},
		{"one of two, not carried", []Rule{qmv}, []int{0}, "it passes the decision rule of 1 of 2 issues (i1 by qmv) and every required actor accepts it (i2 has no rule)"},
	} {
		if got := acceptance(&Input{Problem: p, Rules: c.rules}, c.required); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
