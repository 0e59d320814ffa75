package xmath

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// refExp is e^x to about 180 bits: the Taylor series of e^{x/2^20} at 256
// bits, squared 20 times.
func refExp(x float64) *big.Float {
	const prec, halvings = 256, 20
	y := new(big.Float).SetPrec(prec).SetFloat64(x)
	y.SetMantExp(y, -halvings)
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for n := int64(1); n < 40; n++ {
		term.Mul(term, y)
		term.Quo(term, new(big.Float).SetPrec(prec).SetInt64(n))
		sum.Add(sum, term)
	}
	for range halvings {
		sum.Mul(sum, sum)
	}
	return sum
}

// ulps is how far got is from the exact value want, in units of the last
// place of want's float64 rounding.
func ulps(got float64, want *big.Float) float64 {
	w, _ := want.Float64()
	ulp := math.Nextafter(w, math.Inf(1)) - w
	d, _ := new(big.Float).Sub(new(big.Float).SetPrec(256).SetFloat64(got), want).Float64()
	return math.Abs(d) / ulp
}

// TestExpAccuracy compares Exp with the 180-bit reference on 20,000 seeded
// arguments across the range the fast path takes, and on the table's
// knots (x = j·ln2/128, where r is 0 and only the table speaks).
func TestExpAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	w := worst{f: Exp, ref: refExp}
	for range 10000 {
		w.check(-5 + 5*rng.Float64()) // BDM's arguments: r·ln d, d ≤ 1
	}
	for range 10000 {
		w.check(-lim + 2*lim*rng.Float64())
	}
	for j := -300; j <= 300; j++ {
		w.check(float64(j) * math.Ln2 / tableSize)
	}
	w.report(t, "Exp", 0.51)
}

// worst keeps the largest error of f against ref over the arguments
// checked.
type worst struct {
	f        func(float64) float64
	ref      func(float64) *big.Float
	ulps, at float64
}

func (w *worst) check(x float64) {
	if e := ulps(w.f(x), w.ref(x)); e > w.ulps {
		w.ulps, w.at = e, x
	}
}

// report logs the worst error and fails if it exceeds limit ulps.
func (w *worst) report(t *testing.T, name string, limit float64) {
	t.Helper()
	t.Logf("worst %.3f ulp at x = %v", w.ulps, w.at)
	if w.ulps > limit {
		t.Errorf("%s is %.3f ulp from the reference at x = %v, want ≤ %v", name, w.ulps, w.at, limit)
	}
}

// TestExpSpecial: the cases Exp hands to math.Exp, and exact values.
func TestExpSpecial(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{0, 1},
		{math.Inf(-1), 0},
		{math.Inf(1), math.Inf(1)},
		{-800, math.Exp(-800)}, // subnormal
		{-745.2, 0},
		{710, math.Inf(1)},
		{math.Ln2, 2},
		{-math.Ln2, 0.5},
	} {
		if got := Exp(c.x); got != c.want {
			t.Errorf("Exp(%v) = %v, want %v", c.x, got, c.want)
		}
	}
	if got := Exp(math.NaN()); !math.IsNaN(got) {
		t.Errorf("Exp(NaN) = %v", got)
	}
}

var sink float64

// BenchmarkExp compares Exp with math.Exp on 1,024 arguments in BDM's
// range.
func BenchmarkExp(b *testing.B) {
	xs := make([]float64, 1024)
	for i := range xs {
		xs[i] = -3 * float64(i) / 1024
	}
	for _, f := range []struct {
		name string
		fn   func(float64) float64
	}{{"xmath", Exp}, {"math", math.Exp}} {
		b.Run(f.name, func(b *testing.B) {
			s := 0.0
			for b.Loop() {
				for _, x := range xs {
					s += f.fn(x)
				}
			}
			sink = s
		})
	}
}

// BenchmarkExpTo is Exp over a slice.
func BenchmarkExpTo(b *testing.B) {
	xs := make([]float64, 1024)
	ys := make([]float64, 1024)
	for i := range xs {
		xs[i] = -3 * float64(i) / 1024
	}
	for b.Loop() {
		ExpTo(ys, xs)
	}
}

// ExpTo gives Exp's values.
func TestExpToEqualsExp(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	src := []float64{math.Inf(-1), math.NaN(), -800, 0, 710}
	for range 1000 {
		src = append(src, -10+20*rng.Float64())
	}
	dst := make([]float64, len(src))
	ExpTo(dst, src)
	for i, x := range src {
		if want := Exp(x); dst[i] != want && !(math.IsNaN(want) && math.IsNaN(dst[i])) {
			t.Fatalf("ExpTo at %v = %v, Exp = %v", x, dst[i], want)
		}
	}
}
