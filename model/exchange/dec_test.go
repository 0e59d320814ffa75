package exchange

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/cockroachdb/apd/v3"
)

// randDec draws a decimal of up to 28 digits with a random exponent, with
// many short coefficients (like input data) and many full 28-digit ones
// (like computed values).
func randDec(r *rand.Rand) dec {
	nd := 1 + r.IntN(28)
	if r.IntN(3) == 0 {
		nd = 28
	}
	var c u256
	for i := 0; i < nd; i++ {
		c = add256(mulSmall(c, 10), u256{uint64(r.IntN(10))})
	}
	if r.IntN(20) == 0 {
		c = u256{}
	}
	return dec{lo: c[0], hi: c[1], exp: int32(r.IntN(70) - 60), neg: r.IntN(2) == 0}
}

// TestDecAgainstAPD: every operation of dec gives the same value and the
// same representation (coefficient and exponent, hence the same printed
// text) as apd in Python's context, on a million random operand pairs,
// including operands far apart (the apd fallback) and exact quotients
// (the ideal exponent).
func TestDecAgainstAPD(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	x := &exactArith{}
	d := &decArith{}
	n := 200000
	if testing.Short() {
		n = 20000
	}
	for i := 0; i < n; i++ {
		a, b := randDec(r), randDec(r)
		if r.IntN(10) == 0 { // exact quotients: b divides a
			b = dec{lo: uint64(1 + r.IntN(64)), exp: int32(r.IntN(6) - 3)}
			a = x.mul(b, dec{lo: uint64(r.IntN(1 << 20)), exp: int32(r.IntN(6) - 3)})
		}
		A, B := a.toAPD(), b.toAPD()
		check := func(op string, got dec, want *apd.Decimal) {
			if got.String() != want.String() {
				t.Fatalf("%s %s %s = %s, apd %s", a, op, b, got, want)
			}
		}
		check("+", x.add(a, b), d.add(A, B))
		check("-", x.sub(a, b), d.sub(A, B))
		check("*", x.mul(a, b), d.mul(A, B))
		if !b.isZero() {
			check("/", x.quo(a, b), d.quo(A, B))
		}
		if got, want := x.cmp(a, b), A.Cmp(B); got != want {
			t.Fatalf("cmp(%s, %s) = %d, apd %d", a, b, got, want)
		}
	}
	if x.err() != nil || d.err() != nil {
		t.Fatal(x.err(), d.err())
	}
}

// TestDecThresholds: comparisons with Decide's float thresholds are exact:
// 1e-10 as a float is 1.0000000000000000364…E-10, so a 28-digit value
// equal to its 28-digit truncation is below it, and the next value up is
// above it.
func TestDecThresholds(t *testing.T) {
	x := &exactArith{}
	k := x.consts()
	for _, c := range []struct {
		s    string
		want int
	}{
		{"1.000000000000000036432197315E-10", -1},
		{"1.000000000000000036432197316E-10", 1},
		{"1E-10", -1},
		{"0.0000000001000000000000000037", 1},
		{"-5", -1},
		{"0", -1},
		{"1.0E-38", -1},
	} {
		v, ok := parseDec(c.s)
		if !ok {
			t.Fatalf("parse %s", c.s)
		}
		if got := x.cmp(v, k.eps10); got != c.want {
			t.Errorf("cmp(%s, 1e-10) = %d, want %d", c.s, got, c.want)
		}
		if got := x.cmp(k.eps10, v); got != -c.want {
			t.Errorf("cmp(1e-10, %s) = %d, want %d", c.s, got, -c.want)
		}
	}
	// Decimal(0.4)·0.8 rounds as Python does
	if got := x.mul(dec{lo: 8, exp: -1}, k.salienceW).String(); got != "0.3200000000000000177635683940" {
		t.Errorf("0.8·Decimal(0.4) = %s", got)
	}
	if got := x.from(0.7).String(); got != "0.7" {
		t.Errorf("from(0.7) = %s", got)
	}
	_ = strconv.Itoa
}

// FuzzDec: for any two decimals of at most 28 digits, dec's +, −, ×, ÷
// and comparison print exactly as apd's in Python's context.
func FuzzDec(f *testing.F) {
	f.Add("61.57627118644067796610169492", "0.26")
	f.Add("1E-27", "100")
	f.Add("-3.27881773399014778325123152", "3.27881773399014778325123152")
	f.Add("7", "0.3")
	f.Add("0E-27", "15.38461538461538461538461538")
	f.Fuzz(func(t *testing.T, as, bs string) {
		a, ok1 := parseDec(as)
		b, ok2 := parseDec(bs)
		// apd caps exponents at ±100000 (Python at ±999999); the model's
		// numbers lie within 1e-80..1e3, so stay well inside both.
		if !ok1 || !ok2 || a.exp > 1000 || a.exp < -1000 || b.exp > 1000 || b.exp < -1000 {
			return
		}
		x, d := &exactArith{}, &decArith{}
		A, B := a.toAPD(), b.toAPD()
		for _, c := range []struct {
			op        string
			got, want string
		}{
			{"+", x.add(a, b).String(), d.add(A, B).String()},
			{"-", x.sub(a, b).String(), d.sub(A, B).String()},
			{"*", x.mul(a, b).String(), d.mul(A, B).String()},
		} {
			if c.got != c.want {
				t.Fatalf("%s %s %s = %s, apd %s", as, c.op, bs, c.got, c.want)
			}
		}
		if !b.isZero() {
			if got, want := x.quo(a, b).String(), d.quo(A, B).String(); got != want {
				t.Fatalf("%s / %s = %s, apd %s", as, bs, got, want)
			}
		}
		if x.cmp(a, b) != A.Cmp(B) {
			t.Fatalf("cmp(%s, %s) = %d, apd %d", as, bs, x.cmp(a, b), A.Cmp(B))
		}
	})
}

// A fork of exact arithmetic keeps its own failure record; join moves it
// into the parent's, where the first failure joined counts (as the
// parent's own first failure would) and the fork's is cleared.
func TestExactForkJoin(t *testing.T) {
	x := &exactArith{}
	a, b := x.fork().(*exactArith), x.fork().(*exactArith)
	a.quo(dec{lo: 1}, dec{})
	b.from(math.NaN())
	if x.err() != nil || a.err() != errDivZero || b.err() != errBadInput {
		t.Fatalf("forks: parent %v, a %v, b %v; want nil, %v, %v", x.err(), a.err(), b.err(), errDivZero, errBadInput)
	}
	x.join(a)
	x.join(b)
	if x.err() != errDivZero || a.err() != nil {
		t.Errorf("after join: parent %v, a %v; want %v, nil", x.err(), a.err(), errDivZero)
	}
}
