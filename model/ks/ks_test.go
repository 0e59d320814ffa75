package ks

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"parley/model"
	mt "parley/model/modeltest"
	"parley/model/nash"
)

func forecast(t *testing.T, p *model.Problem) *model.Result { return mt.Forecast(t, Model{}, p) }

// Each want below is derived by hand from equations (1)–(6) of the package
// doc; the derivation is in the comment beside it.
func TestForecast(t *testing.T) {
	cases := []struct {
		name string
		p    *model.Problem
		want float64
	}{
		// Equal weights at the scale's ends, worst-case breakdown: the two
		// normalised gains are mirror images, equal at the midpoint.
		{"symmetric ends", mt.OneIssue(0, 100, mt.A(1, 0, 1), mt.A(1, 100, 1)), 50},
		// Symmetric about 50 with M = 80 for both: midpoint again.
		{"symmetric inner", mt.OneIssue(0, 100, mt.A(2, 20, 0.5), mt.A(1, 80, 1)), 50},
		// Three actors symmetric about 50: g(0) and g(100) cross at 50, where
		// the middle actor has its ideal (g = 1), so it does not bind.
		{"symmetric three", mt.OneIssue(0, 100, mt.A(1, 0, 1), mt.A(1, 50, 1), mt.A(1, 100, 1)), 50},
		// KS counts gains, not heads: two equal actors at 0 have the same g,
		// so the answer is the two-actor midpoint (compromise says 33.3).
		{"duplicates add nothing", mt.OneIssue(0, 100, mt.A(1, 0, 1), mt.A(1, 0, 1), mt.A(1, 100, 1)), 50},
		// Two actors where KS and Nash differ (TestKSAndNashDiffer):
		// q = 0, equal weights, actors at 60 and 100 on 0–100.
		//   (2) r₁ = 60, r₂ = 100;  (3) F = [0,100] ∩ [0,120] ∩ [0,200] = [0,100];
		//   (4) both positions are in F, δ = 0, so ū − d = 3600 and 10000;
		//   (5) g₁ = x(120 − x)/3600, g₂ = x(200 − x)/10000;
		//   (6) g₁ = g₂ with x > 0: 10000(120 − x) = 3600(200 − x),
		//       1 200 000 − 720 000 = 6400x, x = 75 (both gains 0.9375).
		// Nash on the same problem: 120 − 20√6 ≈ 71.01.
		{"status quo, both gain", mt.WithReference(mt.OneIssue(0, 100, mt.A(1, 60, 1), mt.A(1, 100, 1)), 0), 75},
		// Weights: actors at 0 (w = 1) and 100 (w = 3), no status quo, so
		// r = 100 for both, F = [0, 100], ū − d = 10000 for both;
		//   g₁ = (10000 − x²)/10000, g₂ = x(200 − x)/10000;
		//   (6) g₁/1 = g₂/3: 3(10000 − x²) = 200x − x², x² + 100x − 15000 = 0,
		//   x = −50 + √17500 = 50√7 − 50 ≈ 82.29.
		{"asymmetric weights", mt.OneIssue(0, 100, mt.A(1, 0, 1), mt.A(3, 100, 1)), 50*math.Sqrt(7) - 50},
		// Three actors, status quo q = 0, equal weights, at 20, 60, 100:
		//   (2) r = 20, 60, 100; (3) F = [0, 40] (the actor at 20 bounds it);
		//   (4) δ = 0, 20, 60, so ū − d = 400, 3600 − 400 = 3200, 10000 − 3600 = 6400;
		//   (5) g₁ = x(40 − x)/400, g₂ = x(120 − x)/3200, g₃ = x(200 − x)/6400.
		//   On F, g₃ ≤ g₂ (2(120 − x) ≥ 200 − x iff x ≤ 40), so the actors
		//   wanting more are bound by g₃, and (6) is g₁ = g₃ with x > 20:
		//   16(40 − x) = 200 − x, x = 440/15 = 88/3 ≈ 29.33, where
		//   g₁ = g₃ = 2816/3600 ≈ 0.782 and g₂ = 2992/3600 ≈ 0.831 (slack).
		{"three actors, status quo", mt.WithReference(mt.OneIssue(0, 100, mt.A(1, 20, 1), mt.A(1, 60, 1), mt.A(1, 100, 1)), 0), 88.0 / 3},
		// One actor: its own position is its ideal, g = 1.
		{"single actor", mt.OneIssue(0, 100, mt.A(2, 30, 0.5)), 30},
		// A zero-salience actor at the status quo drops out (no veto): the
		// "status quo, both gain" answer.
		{"zero salience at status quo", mt.WithReference(mt.OneIssue(0, 100, mt.A(5, 0, 0), mt.A(1, 60, 1), mt.A(1, 100, 1)), 0), 75},
		// The same problem on a shifted, stretched scale: v ↦ 1000 − 2v.
		{"affine scale", mt.WithReference(mt.OneIssue(800, 1000, mt.A(1, 880, 1), mt.A(1, 800, 1)), 1000), 850},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := forecast(t, c.p)
			if got := r.Issues[0].Forecast; math.Abs(got-c.want) > 1e-9 {
				t.Errorf("forecast = %.12f, want %.12f", got, c.want)
			}
			// Without a status quo the disagreement point is Parley's
			// default, which the note says; with one, no note.
			var want []string
			if is := c.p.Issues[0]; !is.HasReference {
				want = []string{is.ID + ": " + nash.NoStatusQuo}
			}
			if !slices.Equal(mt.NoteStrings(r.Notes), want) {
				t.Errorf("notes = %q, want %q", r.Notes, want)
			}
		})
	}
}

// The two-actor case of TestForecast where the solutions differ: KS gives
// each actor the same share of its best gain (75), Nash maximises the
// product of gains (120 − 20√6 ≈ 71.01).
func TestKSAndNashDiffer(t *testing.T) {
	x, w := []float64{60, 100}, []float64{1, 1}
	k, _ := Solve(x, w, 0, 100, 0, true)
	n, _ := nash.Solve(x, w, 0, 100, 0, true)
	if math.Abs(k-75) > 1e-9 || math.Abs(n-(120-20*math.Sqrt(6))) > 1e-9 {
		t.Fatalf("ks = %v (want 75), nash = %v (want 120 − 20√6)", k, n)
	}
}

func TestStatusQuoBlocks(t *testing.T) {
	cases := []struct {
		name string
		p    *model.Problem
	}{
		// Actors on both sides of q = 50: F = {50}, ūᵢ = dᵢ for both.
		{"both sides", mt.WithReference(mt.OneIssue(0, 100, mt.A(1, 20, 1), mt.A(1, 90, 1)), 50)},
		// An actor with weight at the status quo has r = 0: F = {50}.
		{"actor at status quo", mt.WithReference(mt.OneIssue(0, 100, mt.A(1, 50, 0.2), mt.A(10, 90, 1)), 50)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := forecast(t, c.p)
			if got := r.Issues[0].Forecast; got != 50 {
				t.Errorf("forecast = %v, want the status quo 50", got)
			}
			if len(r.Notes) != 1 || !strings.Contains(r.Notes[0].String(), "status quo") {
				t.Errorf("notes = %q, want one saying the status quo holds", r.Notes)
			}
		})
	}
}

// gains returns each weighted actor's normalised gain (5) at v, computed
// directly from (1)–(4) on the original scale, and the interval F (3).
func gains(x, w []float64, lo, hi, q float64, hasQ bool, v float64) (g []float64, L, U float64) {
	r, L, U := nash.Bargaining(x, w, lo, hi, q, hasQ)
	L, U = math.Max(L, lo), math.Min(U, hi)
	for i := range x {
		if w[i] == 0 {
			g = append(g, math.NaN())
			continue
		}
		best := math.Min(U, math.Max(L, x[i]))
		u := func(y float64) float64 { return -(y - x[i]) * (y - x[i]) }
		d := -r[i] * r[i]
		g = append(g, (u(v)-d)/(u(best)-d))
	}
	return g, L, U
}

// On random problems: the forecast is finite and on the scale, lies in F
// and between the weighted actors' positions, no point of a fine grid over
// F has a larger smallest weighted gain (6), and with two equal weights the
// two normalised gains are equal (KS 1975's definition).
func TestRandomProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		n := 1 + rng.IntN(6)
		lo, hi := -100+200*rng.Float64(), 0.0
		hi = lo + 0.01 + 300*rng.Float64()
		x, w := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i] = lo + (hi-lo)*rng.Float64()
			if rng.IntN(5) > 0 {
				w[i] = rng.Float64() * 5
			}
		}
		w[rng.IntN(n)] = 0.5 + rng.Float64()
		if trial%3 == 0 && n == 2 {
			w[0], w[1] = 1, 1
		}
		hasQ := rng.IntN(2) == 0
		q := lo + (hi-lo)*rng.Float64()
		got, note := Solve(x, w, lo, hi, q, hasQ)
		if math.IsNaN(got) || math.IsInf(got, 0) || got < lo || got > hi {
			t.Fatalf("trial %d: forecast %v not finite on [%v, %v]", trial, got, lo, hi)
		}
		g, L, U := gains(x, w, lo, hi, q, hasQ, got)
		if note != "" {
			if !hasQ || got != q || L < U-1e-9*(hi-lo) {
				t.Fatalf("trial %d: note %q with F = [%v, %v], forecast %v", trial, note, L, U, got)
			}
			continue
		}
		tol := 1e-9 * (hi - lo)
		if got < L-tol || got > U+tol {
			t.Fatalf("trial %d: forecast %v outside F = [%v, %v]", trial, got, L, U)
		}
		xmin, xmax := math.Inf(1), math.Inf(-1)
		for i := range x {
			if w[i] > 0 {
				xmin, xmax = math.Min(xmin, x[i]), math.Max(xmax, x[i])
			}
		}
		if got < xmin-tol || got > xmax+tol {
			t.Fatalf("trial %d: forecast %v outside the positions [%v, %v]", trial, got, xmin, xmax)
		}
		minw := func(g []float64) float64 {
			m := math.Inf(1)
			for i := range g {
				if w[i] > 0 {
					m = math.Min(m, g[i]/w[i])
				}
			}
			return m
		}
		best := minw(g)
		for j := 0; j <= 2000; j++ {
			v := L + (U-L)*float64(j)/2000
			gv, _, _ := gains(x, w, lo, hi, q, hasQ, v)
			if m := minw(gv); m > best+1e-9 {
				t.Fatalf("trial %d: at %v the smallest weighted gain is %v > %v at the forecast %v", trial, v, m, best, got)
			}
		}
		if n == 2 && w[0] == 1 && w[1] == 1 && math.Abs(g[0]-g[1]) > 1e-9 {
			t.Fatalf("trial %d: two equal actors get gains %v and %v, want equal", trial, g[0], g[1])
		}
	}
}

// Scales far beyond any scenario's still give a finite answer on the scale.
func TestExtremeScales(t *testing.T) {
	cases := []struct {
		name   string
		lo, hi float64
		x, w   []float64
		want   float64
	}{
		{"huge", -1e300, 1e300, []float64{-1e300, 1e300}, []float64{1, 1}, 0},
		{"tiny", 0, 1e-300, []float64{0, 1e-300}, []float64{1, 1}, 5e-301},
		{"max float", -math.MaxFloat64, math.MaxFloat64, []float64{-math.MaxFloat64, math.MaxFloat64, 0}, []float64{1, 1, 1}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := Solve(c.x, c.w, c.lo, c.hi, 0, false)
			if math.IsNaN(got) || math.IsInf(got, 0) || got < c.lo || got > c.hi || math.Abs(got-c.want) > 1e-9*(c.hi/2-c.lo/2) {
				t.Errorf("forecast = %v, want %v on [%v, %v]", got, c.want, c.lo, c.hi)
			}
		})
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (Model{}).Forecast(ctx, mt.Builtin(t), model.Options{}); err == nil {
		t.Error("a cancelled context gave no error")
	}
}

// On the built-in case every forecast is finite and on its issue's scale.
func TestBuiltin(t *testing.T) {
	p := mt.Builtin(t)
	r := forecast(t, p)
	for k, ir := range r.Issues {
		is := p.Issues[k]
		if math.IsNaN(ir.Forecast) || ir.Forecast < is.Min || ir.Forecast > is.Max {
			t.Errorf("%s: forecast %v not on %v–%v", is.ID, ir.Forecast, is.Min, is.Max)
		}
	}
}

// Weights far from 1 change nothing but their ratio: equal tiny weights give
// the symmetric midpoint, and a weight negligible beside another leaves the
// forecast at the other's position.
func TestExtremeWeights(t *testing.T) {
	cases := []struct {
		name string
		w    []float64
		want float64
	}{
		{"equal tiny", []float64{1e-300, 1e-300}, 50},
		{"equal huge", []float64{1e300, 1e300}, 50},
		{"negligible", []float64{5e-324, 1}, 100},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := Solve([]float64{0, 100}, c.w, 0, 100, 0, false)
			if math.Abs(got-c.want) > 1e-9 {
				t.Errorf("forecast = %v, want %v", got, c.want)
			}
		})
	}
}
