package xmath

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// refLog is ln x to about 200 bits: ln 2 times the exponent plus 2 atanh
// of the mantissa's (m − 1)/(m + 1).
func refLog(x float64) *big.Float {
	const prec = 256
	atanh2 := func(m *big.Float) *big.Float { // 2 atanh((m−1)/(m+1)) = ln m
		y := new(big.Float).SetPrec(prec).Quo(
			new(big.Float).SetPrec(prec).Sub(m, big.NewFloat(1)),
			new(big.Float).SetPrec(prec).Add(m, big.NewFloat(1)))
		y2 := new(big.Float).SetPrec(prec).Mul(y, y)
		sum, pow := new(big.Float).SetPrec(prec), new(big.Float).SetPrec(prec).Set(y)
		for k := int64(0); k < 120; k++ {
			sum.Add(sum, new(big.Float).SetPrec(prec).Quo(pow, new(big.Float).SetInt64(2*k+1)))
			pow.Mul(pow, y2)
		}
		return sum.Mul(sum, big.NewFloat(2))
	}
	fr, e := math.Frexp(x) // x = fr·2^e, fr in [0.5, 1)
	l := atanh2(new(big.Float).SetPrec(prec).SetFloat64(fr))
	ln2 := atanh2(new(big.Float).SetPrec(prec).SetInt64(2))
	return l.Add(l, ln2.Mul(ln2, new(big.Float).SetPrec(prec).SetInt64(int64(e))))
}

// TestLogAccuracy compares Log with the reference on 20,000 seeded
// arguments: BDM's (0, 1], near 1 on both sides, and across the range.
func TestLogAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	w := worst{f: Log, ref: refLog}
	for range 8000 {
		w.check(rng.Float64())
	}
	for range 4000 {
		w.check(1 + (rng.Float64()-0.5)/32) // the series and the table's first rows
	}
	for range 8000 {
		w.check(math.Exp(-700 + 1400*rng.Float64()))
	}
	for _, x := range []float64{1 - 1.0/128, 1 + 1.0/128, math.Nextafter(1, 0), math.Nextafter(1, 2), 2, 0.5, 1.5, 0.75} {
		w.check(x)
	}
	w.report(t, "Log", 1)
}

// TestLogSpecial: the cases Log hands to math.Log, and exact values.
func TestLogSpecial(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{1, 0},
		{0, math.Inf(-1)},
		{math.Inf(1), math.Inf(1)},
		{2, math.Ln2},
		{0.5, -math.Ln2},
		{5e-324, math.Log(5e-324)}, // subnormal
	} {
		if got := Log(c.x); got != c.want {
			t.Errorf("Log(%v) = %v, want %v", c.x, got, c.want)
		}
	}
	for _, x := range []float64{-1, math.Inf(-1), math.NaN()} {
		if got := Log(x); !math.IsNaN(got) {
			t.Errorf("Log(%v) = %v, want NaN", x, got)
		}
	}
}

// BenchmarkLog compares Log with math.Log on 1,024 arguments in (0, 1].
func BenchmarkLog(b *testing.B) {
	xs := make([]float64, 1024)
	for i := range xs {
		xs[i] = float64(i+1) / 1024
	}
	ys := make([]float64, 1024)
	b.Run("xmath", func(b *testing.B) {
		for b.Loop() {
			for i, x := range xs {
				ys[i] = Log(x)
			}
		}
	})
	b.Run("math", func(b *testing.B) {
		for b.Loop() {
			for i, x := range xs {
				ys[i] = math.Log(x)
			}
		}
	})
}
