package deal

import (
	"slices"
	"testing"
)

// named is qmvCase with the actors named Alpha, Beta and Gamma (their ids
// stay a, b and c), so that a line naming an actor by id shows.
func named(rules ...Rule) *Input {
	in := qmvCase(rules...)
	for i, n := range []string{"Alpha", "Beta", "Gamma"} {
		in.Problem.Actors[i].Name = n
	}
	return in
}

// TestSearchSummaryNamesVeto: the summary under decision rules names the
// veto players by name, as it names the coalitions' members (the answer's
// Veto keeps their ids). The figures are those of TestSearchQMVHand:
//
// qmv3 (weights 2, 1, 1, quota 3): coalitions {a, b} and {a, c}, a in
// both (the veto), both open, the margin 0.075 ({a, b}'s).
//
// Weights 2, 2, 1 with quota 4: the one minimal winning coalition is
// {a, b} (a with c weighs 3), so a and b both have a veto; its zone is
// a's [10, 50] ∩ b's [0, 25], margin 0.075 at 17.5.
//
// qmv3 with a's reservation 0.97: a accepts [27, 33] (U_a = 1 − |x −
// 30|/100), b [0, 25], c [40, 80], so both coalitions are closed. In {a,
// b}, g_a = x/100 − 0.27 meets g_b = 0.25 − x/100 at 26, both −0.010; in
// {a, c}, g_a = 0.33 − x/100 meets g_c = x/100 − 0.4 at 36.5, both
// −0.035: the nearest is {a, b}, a and b 0.010 short.
func TestSearchSummaryNamesVeto(t *testing.T) {
	closed := named(qmv3)
	closed.Reservation[0] = 0.97
	for _, c := range []struct {
		name string
		in   *Input
		veto []string
		want string
	}{
		{"qmv3", named(qmv3), []string{"a"},
			"Agreement is possible under the decision rules (veto: Alpha): in 2 of the 2 minimal winning coalitions the members can all accept some package (e.g. {Alpha, Beta}), and every such package passes the rules (at best, the worst-served member of a coalition gains 0.075)."},
		{"two vetoes", named(Rule{Rule: "qmv", Voters: []int{0, 1, 2}, Weights: []float64{2, 2, 1}, Quota: 4}), []string{"a", "b"},
			"Agreement is possible under the decision rules (veto: Alpha, Beta): the members of {Alpha, Beta}, the one minimal winning coalition, can all accept some package, and every such package passes the rules (at best, the worst-served member gains 0.075)."},
		{"closed", closed, []string{"a"},
			"No agreement is possible as things stand: no package passes the decision rules (veto: Alpha) — no minimal winning coalition's members can all accept one; the nearest, {Alpha, Beta}, leaves Alpha by 0.010, Beta by 0.010 short even at the package that serves its worst-served member best."},
	} {
		res, err := Search(c.in, Options{Samples: -1, Frontier: -1})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(res.Veto, c.veto) || res.Summary != c.want {
			t.Errorf("%s: veto %v, want %v\nsummary %q\nwant    %q", c.name, res.Veto, c.veto, res.Summary, c.want)
		}
	}
}
