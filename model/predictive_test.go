package model

import (
	"math"
	"testing"
)

// Two atoms of ½ at 0 and 10 on [0, 10]: F = ½ on [0, 10), 1 from 10.
// CRPS at y = 0: ∫₀¹⁰ (½ − 1)² = 2.5; at y = 4: ∫₀⁴ ¼ + ∫₄¹⁰ ¼ = 2.5;
// at y = 10: ∫₀¹⁰ ¼ = 2.5. A single atom's CRPS is the absolute error.
func TestPredictiveAtoms(t *testing.T) {
	d := &Predictive{Min: 0, Max: 10, Atoms: []Atom{{Value: 0, Prob: 0.5}, {Value: 10, Prob: 0.5}}}
	for _, y := range []float64{0, 4, 10} {
		if c := d.CRPS(y); math.Abs(c-2.5) > 1e-12 {
			t.Errorf("CRPS(%v) = %v, want 2.5", y, c)
		}
	}
	if q := d.Quantile(0.5); q != 0 {
		t.Errorf("Q(.5) = %v, want 0 (smallest x with F ≥ .5)", q)
	}
	if q := d.Quantile(0.51); q != 10 {
		t.Errorf("Q(.51) = %v, want 10", q)
	}
	if lo, hi := d.Interval80(); lo != 0 || hi != 10 {
		t.Errorf("80%% interval [%v, %v], want [0, 10]", lo, hi)
	}
	one := &Predictive{Min: 0, Max: 100, Atoms: []Atom{{Value: 30, Prob: 1}}}
	if c := one.CRPS(72); math.Abs(c-42) > 1e-12 {
		t.Errorf("one atom CRPS = %v, want 42", c)
	}
	if p := d.ProbNear(10, 0.5); p != 0.5 {
		t.Errorf("P(10) = %v, want .5", p)
	}
}

// The continuous part: a Laplace with location 50, scale 10 on [0, 100]
// loses e^{-5}/2 of its mass on each side, so the truncated CDF at 50 is
// ½ and at 60 is (1 − ½e^{-1} − ½e^{-5}) / (1 − e^{-5}). With scale 2 the
// truncation is negligible (e^{-25}) and the CRPS is the Laplace's closed
// form |y−m| + b·e^{−|y−m|/b} − 3b/4 (Jordan, Krüger & Lerch 2019,
// "Evaluating probabilistic forecasts with scoringRules", J. Stat. Softw.
// 90(12), §C), to Simpson's accuracy.
func TestPredictiveLaplace(t *testing.T) {
	d := &Predictive{Min: 0, Max: 100, Cont: 1, Center: 50, Scale: 10}
	if f := d.CDF(50); math.Abs(f-0.5) > 1e-12 {
		t.Errorf("F(50) = %v, want .5", f)
	}
	e5 := math.Exp(-5)
	want := (1 - 0.5*math.Exp(-1) - 0.5*e5) / (1 - e5)
	if f := d.CDF(60); math.Abs(f-want) > 1e-12 {
		t.Errorf("F(60) = %v, want %v", f, want)
	}
	if m := d.Median(); math.Abs(m-50) > 1e-6 {
		t.Errorf("median = %v, want 50", m)
	}
	n := &Predictive{Min: 0, Max: 100, Cont: 1, Center: 50, Scale: 2}
	for _, y := range []float64{50, 53, 20} {
		closed := math.Abs(y-50) + 2*math.Exp(-math.Abs(y-50)/2) - 1.5
		if c := n.CRPS(y); math.Abs(c-closed) > 1e-4 {
			t.Errorf("CRPS(%v) = %v, closed form %v", y, c, closed)
		}
	}
	// Mixture: ½ atom at 0, ½ Laplace: Q(.25) is the atom, F(0) = ½.
	m := &Predictive{Min: 0, Max: 100, Atoms: []Atom{{Value: 0, Prob: 0.5}}, Cont: 0.5, Center: 50, Scale: 10}
	if q := m.Quantile(0.25); q != 0 {
		t.Errorf("Q(.25) = %v, want 0", q)
	}
	if q := m.Quantile(0.75); math.Abs(q-50) > 1e-6 {
		t.Errorf("Q(.75) = %v, want 50", q)
	}
}

// Moments: atoms ½ at 0 and 10 have mean 5, variance 25; a Laplace of
// scale 2 centred on a wide scale has its centre as mean and variance
// 2b² = 8 (less the tails cut at ±50, about 4e-8).
func TestPredictiveMoments(t *testing.T) {
	d := &Predictive{Min: 0, Max: 10, Atoms: []Atom{{Value: 0, Prob: 0.5}, {Value: 10, Prob: 0.5}}}
	if m, v := d.Moments(); m != 5 || v != 25 {
		t.Errorf("atoms: mean %v var %v, want 5 and 25", m, v)
	}
	l := &Predictive{Min: 0, Max: 100, Cont: 1, Center: 50, Scale: 2}
	if m, v := l.Moments(); math.Abs(m-50) > 1e-9 || math.Abs(v-8) > 1e-7 {
		t.Errorf("Laplace: mean %v var %v, want 50 and 8", m, v)
	}
	// Centred on the scale's end 0 with scale b: the half-Laplace
	// (exponential) of mean b and variance b², to the truncation at 100
	// (e^{-50}); with an atom of ½ at 0 mixed in: mean b/2 and variance
	// E[x²] − mean² = b² − b²/4.
	h := &Predictive{Min: 0, Max: 100, Cont: 0.5, Center: 0, Scale: 2, Atoms: []Atom{{Value: 0, Prob: 0.5}}}
	if m, v := h.Moments(); math.Abs(m-1) > 1e-9 || math.Abs(v-3) > 1e-9 {
		t.Errorf("half-Laplace: mean %v var %v, want 1 and 3", m, v)
	}
}
