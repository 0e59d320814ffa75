package power

import (
	"slices"
	"testing"
)

// TestMinimalWinningHand: coalitions derived by hand.
//
//   - [3; 2, 1, 1]: {a, b} and {a, c} weigh 3; {b, c} weighs 2 and loses;
//     {a, b, c} wins but not minimally.
//   - [0.6; 0.5, 0.3, 0.2, 0]: the same game in tenths, with a dummy of
//     weight 0 in no minimal coalition.
//   - unanimity [3; 1, 1, 1]: only the grand coalition.
//   - majority [2; 1, 1, 1]: the three pairs.
//   - [5; 1, 1]: the quota is out of reach, no coalition wins.
func TestMinimalWinningHand(t *testing.T) {
	cases := []struct {
		g    Game
		want [][]int
	}{
		{Game{Quota: 3, Weights: []float64{2, 1, 1}}, [][]int{{0, 1}, {0, 2}}},
		{Game{Quota: 0.6, Weights: []float64{0.5, 0.3, 0.2, 0}}, [][]int{{0, 1}, {0, 2}}},
		{Game{Quota: 3, Weights: []float64{1, 1, 1}}, [][]int{{0, 1, 2}}},
		{Game{Quota: 2, Weights: []float64{1, 1, 1}}, [][]int{{0, 1}, {0, 2}, {1, 2}}},
		{Game{Quota: 5, Weights: []float64{1, 1}}, nil},
		{Game{Quota: 0, Weights: []float64{1, 1}}, [][]int{{}}},
	}
	for _, c := range cases {
		got, all := MinimalWinning(c.g, 10)
		if !all || !slices.EqualFunc(got, c.want, slices.Equal[[]int]) {
			t.Errorf("%v: got %v (all %v), want %v", c.g, got, all, c.want)
		}
	}
}

// TestMinimalWinningEU15 checks the search against an enumeration of all
// 2^15 coalitions of the EU-15 Council game (each tested for winning and
// for losing without each member), and the limit: asked for fewer than
// there are, it returns that many and says there are more.
func TestMinimalWinningEU15(t *testing.T) {
	n := len(eu15.Weights)
	var want [][]int
	in := make([]bool, n)
	for m := 0; m < 1<<n; m++ {
		var c []int
		for i := range in {
			in[i] = m&(1<<i) != 0
			if in[i] {
				c = append(c, i)
			}
		}
		if !eu15.Wins(in) {
			continue
		}
		minimal := true
		for _, i := range c {
			in[i] = false
			minimal = minimal && !eu15.Wins(in)
			in[i] = true
		}
		if minimal {
			want = append(want, c)
		}
	}
	slices.SortFunc(want, slices.Compare[[]int])
	got, all := MinimalWinning(eu15, 1<<n)
	if !all || !slices.EqualFunc(got, want, slices.Equal[[]int]) {
		t.Fatalf("got %d coalitions (all %v), enumeration %d", len(got), all, len(want))
	}
	t.Logf("EU-15: %d minimal winning coalitions", len(want))
	few, all := MinimalWinning(eu15, 64)
	if all || len(few) != 64 {
		t.Errorf("limit 64: %d coalitions, all %v; want 64 and false", len(few), all)
	}
}
