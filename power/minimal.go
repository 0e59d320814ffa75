package power

import (
	"slices"
	"sort"
)

// Wins reports whether the players in (in[i] true) win g: the sum of
// their weights, added in player order, reaches the quota. Adding the
// weights in one fixed order makes the test monotone in floating point
// (a superset's sum is never below a subset's), so a coalition that wins
// is never turned into a losing one by taking in more players.
func (g Game) Wins(in []bool) bool {
	s := 0.0
	for i, w := range g.Weights {
		if in[i] {
			s += w
		}
	}
	return s >= g.Quota
}

// MinimalWinning lists the minimal winning coalitions of g — the
// coalitions that win (Wins) and lose when any member leaves — each as
// increasing player indices, the list sorted lexicographically. It
// returns false, with the first limit found, when there are more than
// limit. A quota ≤ 0 has one, the empty coalition; a quota the grand
// coalition cannot reach has none.
//
// It is a depth-first search over the players by decreasing weight
// (players of weight 0 are in no minimal coalition and are skipped),
// taking each player in or leaving it out, abandoning a branch as soon as
// its coalition wins (a superset of a winning coalition is not minimal)
// or can no longer win with every player still to decide. Taken in
// decreasing weight, the player whose entry makes a coalition win is its
// lightest, so (in exact arithmetic) every coalition the search stops at
// is minimal and the work is O(n²) per coalition found. Minimality is
// still checked, against rounding.
func MinimalWinning(g Game, limit int) ([][]int, bool) {
	n := len(g.Weights)
	in := make([]bool, n)
	if g.Wins(in) {
		return [][]int{{}}, limit >= 1
	}
	var order []int
	for i, w := range g.Weights {
		if w > 0 {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return g.Weights[order[a]] > g.Weights[order[b]] })
	var out [][]int
	minimal := func() bool {
		for i := range in {
			if in[i] {
				in[i] = false
				w := g.Wins(in)
				in[i] = true
				if w {
					return false
				}
			}
		}
		return true
	}
	canWin := func(pos int) bool {
		for _, i := range order[pos:] {
			in[i] = true
		}
		w := g.Wins(in)
		for _, i := range order[pos:] {
			in[i] = false
		}
		return w
	}
	more := false
	var rec func(pos int)
	rec = func(pos int) {
		if more {
			return
		}
		if g.Wins(in) {
			if minimal() {
				if len(out) == limit {
					more = true
					return
				}
				var c []int
				for i := range in {
					if in[i] {
						c = append(c, i)
					}
				}
				out = append(out, c)
			}
			return
		}
		if pos == len(order) || !canWin(pos) {
			return
		}
		i := order[pos]
		in[i] = true
		rec(pos + 1)
		in[i] = false
		rec(pos + 1)
	}
	rec(0)
	slices.SortFunc(out, slices.Compare[[]int])
	return out, !more
}
