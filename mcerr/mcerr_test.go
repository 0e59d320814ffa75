package mcerr

import (
	"math"
	"testing"
)

// Wilson's interval by hand (z = 1.959964, z² = 3.841459):
// 0 of 500: [0, z²/(500 + z²)] = [0, 3.841459/503.841459] = [0, 0.0076243];
// 500 of 500: its mirror [0.9923757, 1];
// 403 of 500: p̂ = 0.806, centre = (0.806 + 0.0038415)/1.0076829 = 0.8036670,
// half = 1.959964/1.0076829 · √(0.806·0.194/500 + 3.841459/10⁶) = 0.0346066,
// so [0.7690604, 0.8382735];
// 1 of 2: centre 1/2, half = 1.959964/2.9207295 · √(1/8 + 0.2400912) = 0.4054688.
func TestWilsonByHand(t *testing.T) {
	for _, c := range []struct {
		k, n   int
		lo, hi float64
	}{
		{0, 500, 0, 0.0076243},
		{500, 500, 0.9923757, 1},
		{403, 500, 0.7690604, 0.8382735},
		{1, 2, 0.0945312, 0.9054688},
		{0, 0, 0, 0},
	} {
		got := Wilson(c.k, c.n)
		if math.Abs(got[0]-c.lo) > 5e-8 || math.Abs(got[1]-c.hi) > 5e-8 {
			t.Errorf("Wilson(%d, %d) = %v, want [%v, %v]", c.k, c.n, got, c.lo, c.hi)
		}
	}
	if w := Wilson(0, 500); w[0] != 0 {
		t.Errorf("Wilson(0, 500) low end %v, want exactly 0", w[0])
	}
	if w := Wilson(500, 500); w[1] != 1 {
		t.Errorf("Wilson(500, 500) high end %v, want exactly 1", w[1])
	}
}

func TestCount(t *testing.T) {
	for _, c := range []struct {
		p    float64
		n, k int
	}{{0.806, 500, 403}, {0, 500, 0}, {1, 500, 500}, {math.NaN(), 5, 0}, {0.5, 0, 0}} {
		if got := Count(c.p, c.n); got != c.k {
			t.Errorf("Count(%v, %d) = %d, want %d", c.p, c.n, got, c.k)
		}
	}
}

// The 2.5% and 97.5% quantiles of 0, 1, …, 40: positions 1 and 39.
func TestPercentile(t *testing.T) {
	xs := make([]float64, 41)
	for i := range xs {
		xs[i] = float64(40 - i)
	}
	if got := Percentile(xs); got != [2]float64{1, 39} {
		t.Errorf("Percentile = %v, want [1 39]", got)
	}
}
