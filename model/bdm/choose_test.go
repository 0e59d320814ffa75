package bdm

import "testing"

// §3.9 C-paper: the offer needing the least change |x_new − x_i| wins;
// at equal change, conflict before compromise before capitulate, then
// input order. Receiver 0 sits at 5; each case gives it offers (a, b)
// built to fall in one quadrant (§3.7):
//
//	conflict    a = .1, b = .3  (b > a > 0): move to x_j
//	compromise  a = −.1, b = .2 (b > 0 > a, b > |a|): move to
//	            5 + (x_j − 5)·|a/b| = 5 + (x_j − 5)/2
//	capitulate  a = −.4, b = .2 (b > 0 > a, b < |a|): move to x_j
//
// and every offer but the last case's asks for a change of 2, so only the
// tie order decides.
func TestPaperTieOrder(t *testing.T) {
	type offer struct{ x, a, b float64 }
	var (
		conf = func(x float64) offer { return offer{x, 0.1, 0.3} }
		comp = func(x float64) offer { return offer{x, -0.1, 0.2} }
		capi = func(x float64) offer { return offer{x, -0.4, 0.2} }
	)
	cases := []struct {
		name   string
		offers []offer // actors 1, 2, …
		to     float64
		k      kind
		with   int
	}{
		// capitulate to 3, compromise toward 9 (to 7), conflict to 7
		{"conflict before compromise and capitulate", []offer{capi(3), comp(9), conf(7)}, 7, conflict, 3},
		{"compromise before capitulate", []offer{capi(3), comp(1)}, 3, compromise, 2},
		{"same kind: first in input order", []offer{capi(7), capi(3)}, 7, capitulate, 1},
		{"same kind, order swapped", []offer{capi(3), capi(7)}, 3, capitulate, 1},
		{"two conflicts after a compromise", []offer{comp(9), conf(3), conf(7)}, 3, conflict, 2},
		// a smaller change beats any kind: capitulate to 6 (change 1)
		{"least change first", []offer{conf(7), comp(9), capi(6)}, 6, capitulate, 3},
	}
	c := &column{paper: true}
	for _, tc := range cases {
		x, a, b := []float64{5}, []float64{0}, []float64{0}
		for _, o := range tc.offers {
			x, a, b = append(x, o.x), append(a, o.a), append(b, o.b)
		}
		to, k, with := c.choose(0, x, a, b)
		if to != tc.to || k != tc.k || with != tc.with {
			t.Errorf("%s: moved to %v (%v from %d), want %v (%v from %d)", tc.name, to, k, with, tc.to, tc.k, tc.with)
		}
	}
}
