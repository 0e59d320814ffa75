// Package ks implements the Kalai–Smorodinsky bargaining solution, issue by
// issue, on the same utilities and disagreement point as package nash
// (Kalai, E. & Smorodinsky, M. 1975, "Other solutions to Nash's bargaining
// problem", Econometrica 43(3):513–518; its n-person extension by the
// smallest normalised gain, Imai, H. 1983, "Individual monotonicity and
// lexicographic maxmin solution", Econometrica 51(2):389–402; weights after
// the asymmetric Kalai–Smorodinsky solution of Dubra, J. 2001, Economics
// Letters 73:131–136).
//
// Where Nash's solution maximises the product of the gains, Kalai and
// Smorodinsky keep Nash's Pareto optimality, symmetry and invariance to
// affine changes of utility, drop independence of irrelevant alternatives
// and ask for monotonicity instead: a player whose best attainable utility
// rises, all else equal, must not lose. Their solution gives each player the
// same share of the most it could hope for.
//
// Utility. Actor i's utility for outcome x is quadratic loss, as in nash:
//
//	uᵢ(x) = −(x − xᵢ)²                                               (1)
//
// Disagreement point, as in nash. With a reference point q (the status
// quo) dᵢ = uᵢ(q); without one, each actor's worst outcome on the scale,
// dᵢ = −Mᵢ² with Mᵢ = max(xᵢ − min, max − xᵢ). Write rᵢ = √(−dᵢ) for the
// distance at which an outcome is as bad for i as breakdown:
//
//	dᵢ = −rᵢ²,  rᵢ = |q − xᵢ| or Mᵢ                                   (2)
//
// Bargaining set. Kalai and Smorodinsky consider only agreements that no
// player likes less than breakdown (their feasible set lies above d). The
// outcomes on the scale that every weighted actor (wᵢ = cᵢsᵢ > 0) weakly
// prefers to breakdown form an interval:
//
//	F = [min, max] ∩ ⋂ᵢ [xᵢ − rᵢ, xᵢ + rᵢ]                              (3)
//
// Ideal point. The most actor i can obtain in F — KS's bᵢ(S), the utopia
// point — is at the point of F nearest its position, at distance δᵢ:
//
//	ūᵢ = max_{x∈F} uᵢ(x) = −δᵢ²,  δᵢ = dist(xᵢ, F)                     (4)
//
// Normalised gain. Each actor's gain as a share of its possible gain:
//
//	gᵢ(x) = (uᵢ(x) − dᵢ)/(ūᵢ − dᵢ) = (rᵢ² − (x − xᵢ)²)/(rᵢ² − δᵢ²)    (5)
//
// which is 0 at breakdown and 1 at the actor's ideal.
//
// Solution. For two actors KS pick the Pareto-optimal agreement on the
// segment from d to ū, where g₁ = g₂. With n > 2 actors the utilities of a
// one-dimensional issue form a curve in ℝⁿ, which that segment generally
// misses (and Roth 1979, IJGT 8:129–132, shows no solution is Pareto
// optimal, symmetric and monotone for every n-person problem). Parley uses
// the standard extension — the agreement that maximises the smallest
// normalised gain — with each gain divided by the actor's weight:
//
//	x̂ = argmax_{x∈F} minᵢ gᵢ(x)/wᵢ   over the actors with wᵢ > 0     (6)
//
// With equal weights (6) is the symmetric solution: for two actors exactly
// KS 1975's point (g₁(x̂) = g₂(x̂), which is on the segment from d to ū),
// for n actors Imai's lexicographic maxmin solution (each gᵢ is strictly
// concave on F, so the maximiser of the minimum is unique and the
// lexicographic refinement changes nothing). With weights, for two actors
// the point where g₁/w₁ = g₂/w₂: the Pareto point on the ray from d in the
// direction (w₁(ū₁ − d₁), w₂(ū₂ − d₂)) — Dubra's asymmetric solution as
// Parley reads it — with weights capability × salience, the weights
// package nash puts on the same actors (docs/DECISIONS.md). Actors with zero weight drop out, as in
// nash: they neither narrow F nor enter the minimum.
//
// Finding x̂. The actors with xᵢ > x want the outcome higher: the smallest
// of their weighted gains, L(x), does not fall as x rises. The others want
// it lower: the smallest of theirs, R(x), does not rise. The minimum in (6)
// is min(L, R), which is largest where the two cross; bisection on the sign
// of L(x) − R(x) finds the crossing to about 1e-13 of the scale. Where
// the maximum is instead at an actor's own position (its weighted gain
// the smallest, and largest there), L − R changes sign as it changes
// side, and the answer is that position as stated, exactly: an actor in
// the last bracket whose position scores at least the bracket's middle
// is taken. The issue is first mapped to [−1, 1] (KS is invariant to such
// a change of scale), so no scale is too wide for the squares in (5).
//
// Degenerate cases. If F is the single point q (an actor with weight sits
// at the status quo, or actors on both sides of it leave no common gain),
// every weighted actor has ūᵢ = dᵢ, no agreement improves on breakdown for
// everyone, and the forecast is q with a note, as in nash. A single
// weighted actor gets its own position.
//
// Cost: O(n log n + n · 50) per issue.
package ks

import (
	"cmp"
	"context"
	"math"
	"slices"

	"parley/model"
	"parley/model/nash"
)

// Model is the Kalai–Smorodinsky bargaining model, weighted by
// capability × salience. Its zero value is ready.
type Model struct{}

var (
	_ model.Model              = Model{}
	_ model.PointForecaster    = Model{}
	_ model.SettlingForecaster = Model{}
)

// Name implements model.Model.
func (Model) Name() string { return "ks" }

// ReadsIssueAlone implements model.IssueLocal: it forecasts each issue
// from that issue alone (model.EachIssue).
func (Model) ReadsIssueAlone() {}

// SolvesInClosedForm implements model.ClosedForm: each issue's forecast
// is a formula of its column, with no rounds.
func (Model) SolvesInClosedForm() {}

// Summary implements model.Model.
func (Model) Summary() string {
	return "Kalai–Smorodinsky bargaining solution: the largest equal share of each actor's best feasible gain, weights capability×salience, quadratic utility, status quo as disagreement (" + cite.Papers + ")"
}

// Title is the model's plain name (model.Titled).
func (Model) Title() string { return "Kalai–Smorodinsky bargaining" }

// cite is the model's papers, the equations its explanation rests on
// and its section of docs/models.md.
var cite = model.Citation{Papers: "Kalai & Smorodinsky 1975; Imai 1983; Dubra 2001", Equations: "(4) the utopia point, (5) gᵢ(x) = (rᵢ² − (x − xᵢ)²)/(rᵢ² − δᵢ²), (6) x* = argmax over F of minᵢ gᵢ(x)/wᵢ", Section: "ks — the Kalai–Smorodinsky bargaining solution"}

// Cite implements model.Cited.
func (Model) Cite() model.Citation { return cite }

// Forecast implements model.Model.
func (Model) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	return model.EachIssue(ctx, p, "ks", solveIssue)
}

// PointForecast implements model.PointForecaster: Forecast's forecasts,
// bit for bit, without its Result (a sweep's draws read nothing else).
func (Model) PointForecast(ctx context.Context, p *model.Problem, o model.Options, dst []float64) error {
	return model.EachIssuePoint(ctx, p, solveIssue, dst)
}

// PointForecastSettling implements model.SettlingForecaster:
// PointForecast's forecasts, each also as the forecast one round before
// the last, since Forecast's one round, Round 0, is the forecast itself.
func (Model) PointForecastSettling(ctx context.Context, p *model.Problem, o model.Options, dst, prev []float64) error {
	return model.EachIssuePointSettling(ctx, p, solveIssue, dst, prev)
}

// solveIssue forecasts one issue from its present actors' positions x and
// weights w, for Forecast and PointForecast alike, with nash.NoStatusQuo
// as its note when the issue has no status quo.
func solveIssue(is model.Issue, x, w []float64) (float64, string) {
	f, note := Solve(x, w, is.Min, is.Max, is.Reference, is.HasReference)
	if !is.HasReference {
		note = nash.NoStatusQuo
	}
	return f, note
}

// actor is a weighted actor of Solve on the scale [−1, 1]: its position
// t, its breakdown distance r (2) and inv = 1/(ŵᵢ(ūᵢ − dᵢ)), with its
// position x on the issue's own scale.
type actor struct{ t, r, inv, x float64 }

// minGain returns the smallest weighted gain (5)/wᵢ at v among as.
func minGain(as []actor, v float64) float64 {
	m := math.Inf(1)
	for _, a := range as {
		e := v - a.t
		if g := (a.r - e) * (a.r + e) * a.inv; g < m {
			m = g
		}
	}
	return m
}

// Solve returns the weighted Kalai–Smorodinsky outcome (6) for positions x
// with weights w on the scale [lo, hi], with the status quo q when hasQ,
// and a note when the outcome is the status quo because F (3) is a point.
// Actors with w[i] = 0 take no part. At least one weight must be positive.
func Solve(x, w []float64, lo, hi, q float64, hasQ bool) (float64, string) {
	// Work on t = (v − mid)/half ∈ [−1, 1]: (6) is unchanged by an affine
	// change of the scale, and the squares in (5) stay small.
	mid, half := lo/2+hi/2, hi/2-lo/2
	if !(half > 0) {
		return lo, ""
	}
	to := func(v float64) float64 { return (v - mid) / half }
	from := func(t float64) float64 { return math.Min(hi, math.Max(lo, mid+t*half)) }

	t := make([]float64, len(x))
	for i := range x {
		t[i] = to(x[i])
	}
	// F (3), on the scale: nash's disagreement point and bargaining set.
	r, L, U := nash.Bargaining(t, w, -1, 1, to(q), hasQ)
	L, U = math.Max(L, -1), math.Min(U, 1)
	gridlock := func() (float64, string) {
		if hasQ {
			return q, nash.StatusQuoKept
		}
		return from(L + (U-L)/2), ""
	}
	if !(L < U) {
		return gridlock()
	}
	// The weighted actors only, sorted by position (so the actors above v
	// are a suffix), each with inv = 1/(ŵᵢ(ūᵢ − dᵢ)), ŵᵢ = wᵢ/max w (the
	// scale of the weights does not change (6)), where ūᵢ − dᵢ = rᵢ² − δᵢ²
	// (4) is positive when F has width.
	wmax := slices.Max(w)
	as := make([]actor, 0, len(x))
	for i := range x {
		if w[i] == 0 {
			continue
		}
		delta := math.Max(0, math.Max(L-t[i], t[i]-U))
		den := (r[i] - delta) * (r[i] + delta)
		if !(den > 0) {
			return gridlock()
		}
		as = append(as, actor{t[i], r[i], math.Min(math.MaxFloat64, 1/(den*(w[i]/wmax))), x[i]})
	}
	slices.SortFunc(as, func(a, b actor) int { return cmp.Compare(a.t, b.t) })
	// side returns L(v) − R(v)'s sign: the smallest weighted gain of the
	// actors above v against that of the actors at or below it.
	side := func(v float64) int {
		split, _ := slices.BinarySearchFunc(as, v, func(a actor, v float64) int {
			if a.t <= v {
				return -1
			}
			return 1
		})
		down, up := minGain(as[:split], v), minGain(as[split:], v)
		switch {
		case up < down:
			return 1
		case up > down:
			return -1
		}
		return 0
	}
	a, b := L, U
	for iter := 0; iter < 200 && b-a > 1e-13*(1+math.Abs(a)+math.Abs(b)); iter++ {
		m := a + (b-a)/2
		if m <= a || m >= b {
			break
		}
		switch side(m) {
		case 1:
			a = m
		case -1:
			b = m
		default:
			return from(m), ""
		}
	}
	// The maxmin lies either where L and R cross, a root of a quadratic
	// that bisection approaches to the bracket's width, or at an actor's
	// own position, where its weighted gain is the smallest and at its
	// largest and the sign of L − R flips as that actor changes side.
	// There the answer is the position itself, exactly as the file states
	// it: 70, not 69.99999999999773, which a red line ">= 70" excludes.
	// An actor in the last bracket whose position scores at least as well
	// as the bracket's middle is that point (the maximiser is unique).
	// The actors are sorted by position: each distinct one in [a, b] once.
	m := a + (b-a)/2
	best, at := minGain(as, m), math.NaN()
	j, _ := slices.BinarySearchFunc(as, a, func(e actor, a float64) int { return cmp.Compare(e.t, a) })
	for ; j < len(as) && as[j].t <= b; j++ {
		if j > 0 && as[j].t == as[j-1].t {
			continue
		}
		if g := minGain(as, as[j].t); g >= best {
			best, at = g, as[j].x
		}
	}
	if !math.IsNaN(at) {
		return at, ""
	}
	return from(m), ""
}
