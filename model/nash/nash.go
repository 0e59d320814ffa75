// Package nash implements the asymmetric Nash bargaining solution, issue by
// issue (Nash 1950, "The bargaining problem", Econometrica 18:155–162;
// asymmetric form Kalai 1977; applied to EU legislative bargaining by
// Achen 2006, ch. 4 of The European Union Decides, and Schneider, Finke &
// Bailer 2010, "Bargaining power in the European Union", Political Studies
// 58:85–103).
//
// Utility. Actor i's utility for outcome x is quadratic loss (Achen 2006):
//
//	uᵢ(x) = −(x − xᵢ)²                                               (1)
//
// Disagreement point. When the issue has a reference point q (the status
// quo), breakdown leaves q in place, so dᵢ = uᵢ(q). When no reference point
// is known, breakdown is taken to be the worst outcome on the scale for each
// actor, dᵢ = −Mᵢ² with Mᵢ = max(xᵢ − min, max − xᵢ) (a documented choice,
// see docs/DECISIONS.md).
//
// Solution. With weights wᵢ = cᵢsᵢ the forecast maximises the weighted Nash
// product over the agreements every weighted actor weakly prefers to
// breakdown:
//
//	x̂ = argmax_{x ∈ F} Σᵢ wᵢ log(uᵢ(x) − dᵢ),                         (2)
//	F = ⋂ᵢ [xᵢ − rᵢ, xᵢ + rᵢ],  rᵢ = √(−dᵢ) = |q − xᵢ| or Mᵢ.          (3)
//
// Each term of (2) is concave on F, so the maximiser is unique; it is found
// by bisection on the derivative Σᵢ −2wᵢ(x − xᵢ)/(uᵢ(x) − dᵢ), which falls
// monotonically across F, to about 1e-13 of the scale. Any number of the
// last bracket (widened by its width, for the derivative's sign rounding
// the wrong way a few ulps from the root) is as good an answer as its
// middle, and the one returned is, in this order,
//
//	an actor's position within the bracket, the nearest, as stated;
//	else the number of the bracket with the fewest significant digits.  (4)
//
// x̂ lies exactly at an actor's position wherever all weight sits there
// or the others' pulls balance there (an actor's own term is zero at its
// position): 70, not 69.999999999998863. Elsewhere an exact answer a
// reader or a red line names is a round number (equal weights at 0.3
// and 0.7 on 0–1 give 0.5, not 0.49999999999994316); the shortest
// number of an interval is the rule Steele & White use to print a float
// (1990, "How to print floating-point numbers accurately", PLDI '90,
// 112–126), applied to the solver's interval rather than a float's
// rounding interval. Neither moves an answer by more than the bracket
// (docs/DECISIONS.md, nashmed23 and numbers24). The status quo is never
// inside F (it is an end of every actor's interval in (3), hence of F),
// nor is a scale's end unless every weighted actor sits there. If F is
// the single point q (an actor with weight sits at the status quo, or
// actors on both sides of it leave no common gain), no agreement
// improves on breakdown for everyone and the forecast is q itself.
//
// As the disagreement point moves far away, (2) tends to the weighted mean
// (the compromise model), which is Achen's derivation of that model.
//
// Cost: O(n · 60) per issue.
package nash

import (
	"context"
	"math"
	"strconv"

	"parley/model"
)

// Model is the asymmetric Nash bargaining model. Its zero value is ready.
type Model struct{}

var (
	_ model.Model              = Model{}
	_ model.PointForecaster    = Model{}
	_ model.SettlingForecaster = Model{}
)

// Name implements model.Model.
func (Model) Name() string { return "nash" }

// ReadsIssueAlone implements model.IssueLocal: it forecasts each issue
// from that issue alone (model.EachIssue).
func (Model) ReadsIssueAlone() {}

// SolvesInClosedForm implements model.ClosedForm: each issue's forecast
// is a formula of its column, with no rounds.
func (Model) SolvesInClosedForm() {}

// Summary implements model.Model.
func (Model) Summary() string {
	return "asymmetric Nash bargaining solution, weights capability×salience, quadratic utility, status quo as disagreement (" + cite.Papers + ")"
}

// Title is the model's plain name (model.Titled).
func (Model) Title() string { return "Nash bargaining" }

// cite is the model's papers, the equations its explanation rests on
// and its section of docs/models.md.
var cite = model.Citation{Papers: "Nash 1950; Achen 2006; Schneider, Finke & Bailer 2010", Equations: "(2) x* = argmax over F of Σᵢ wᵢ log(uᵢ(x) − dᵢ), F and rᵢ by (3)", Section: "nash — the asymmetric Nash bargaining solution"}

// Cite implements model.Cited.
func (Model) Cite() model.Citation { return cite }

// Forecast implements model.Model.
func (Model) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	return model.EachIssue(ctx, p, "nash", solveIssue)
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

// NoStatusQuo is the note of an issue without a status quo, in nash and
// ks alike: the disagreement point is then Parley's choice, not the
// scenario's, and it moves the forecast.
const NoStatusQuo = "no status quo (reference) stated: each actor's disagreement point is its farther end of the scale, a default that shapes the forecast; state the issue's reference to bargain from the status quo"

// StatusQuoKept is the note of an issue whose bargaining set is the
// status quo alone, in nash and ks alike. It does not repeat the value,
// which is the forecast, so that the issues it holds for share one note.
const StatusQuoKept = "no agreement improves on the status quo for every weighted actor; the forecast is the status quo"

// solveIssue forecasts one issue from its present actors' positions x and
// weights w, for Forecast and PointForecast alike, with NoStatusQuo as
// its note when the issue has no status quo.
func solveIssue(is model.Issue, x, w []float64) (float64, string) {
	f, note := Solve(x, w, is.Min, is.Max, is.Reference, is.HasReference)
	if !is.HasReference {
		note = NoStatusQuo
	}
	return f, note
}

// Bargaining returns each actor's room for gain rᵢ = √(−dᵢ) (3) —
// rᵢ² = uᵢ(xᵢ) − dᵢ, |q − xᵢ| with a status quo q, else the distance to
// the far end of [lo, hi] — and the set F = [L, U] (3) of agreements every
// weighted actor (w[i] > 0) weakly prefers to breakdown (±Inf when none
// has weight). Package ks and the explanations of this model read the
// same disagreement point through it.
func Bargaining(x, w []float64, lo, hi, q float64, hasQ bool) (r []float64, L, U float64) {
	r = make([]float64, len(x))
	L, U = math.Inf(-1), math.Inf(1)
	for i := range x {
		if hasQ {
			r[i] = math.Abs(q - x[i])
		} else {
			r[i] = math.Max(x[i]-lo, hi-x[i])
		}
		if w[i] == 0 {
			continue
		}
		L = math.Max(L, x[i]-r[i])
		U = math.Min(U, x[i]+r[i])
	}
	return r, L, U
}

// Solve returns the weighted Nash bargaining outcome (2) for positions x
// with weights w on the scale [lo, hi], with the status quo q when hasQ,
// and a note when the outcome is the status quo because F is a point.
func Solve(x, w []float64, lo, hi, q float64, hasQ bool) (float64, string) {
	r, L, U := Bargaining(x, w, lo, hi, q, hasQ)
	if !(L < U) {
		// F is a single point: with a status quo it is q; without one it
		// can only be a lone actor at the middle of a scale of zero width.
		if hasQ {
			return q, StatusQuoKept
		}
		return L, ""
	}
	// d(x) = Σ −2wᵢ(x − xᵢ) / (rᵢ² − (x − xᵢ)²) decreases from +∞ to −∞ on (L, U).
	deriv := func(v float64) float64 {
		s := 0.0
		for i := range x {
			if w[i] == 0 {
				continue
			}
			g := r[i]*r[i] - (v-x[i])*(v-x[i])
			s += -2 * w[i] * (v - x[i]) / g
		}
		return s
	}
	a, b := L, U
	for iter := 0; iter < 200 && b-a > 1e-13*(1+math.Abs(a)+math.Abs(b)); iter++ {
		m := a + (b-a)/2
		if m <= a || m >= b {
			break
		}
		d := deriv(m)
		switch {
		case d > 0:
			a = m
		case d < 0:
			b = m
		default:
			a, b = m, m
		}
	}
	return onPosition(x, a, b, L, U), ""
}

// onPosition returns the answer (4) of the bisection's last bracket
// [a, b] of the maximiser of (2) in F = (L, U): an actor's position
// within the bracket's width of its middle, the nearest, exactly as
// stated, else the shortest number as near (shortest). Where the
// maximiser is an actor's position (a lone weighted actor, or the
// others' pulls balancing there) it is that position, 70 and not 69.999999999998863, which a red line ">= 70"
// excludes. (2) is smooth, so a comparison of its values cannot tell
// the position from its neighbours at this width, as ks's kink can; any
// point of the bracket is as near the maximiser as its middle, and the
// bracket is widened by its width for the sign of the derivative
// rounding the wrong way within a few ulps of the root.
func onPosition(x []float64, a, b, L, U float64) float64 {
	m := a + (b-a)/2
	at, near := m, b-a
	found := false
	for _, xi := range x {
		if d := math.Abs(xi - m); d <= near && L < xi && xi < U {
			at, near, found = xi, d, true
		}
	}
	if found {
		return at
	}
	return shortest(m, near, L, U)
}

// shortest returns the number with the fewest significant digits within
// near of m (and inside F = (L, U)): 0 where that is near enough, else m
// rounded to 1, 2, … significant digits, the first near enough; m itself
// where none is. near is the bisection's own uncertainty (its last
// bracket, widened by its width), so any number within it is as good an
// answer as m; the shortest makes an exact answer that is a round number
// exact (0.5, not 0.49999999999994316, for equal weights at 0.3 and 0.7
// on 0–1), and moves a non-round one (90 − √1700) by no more than the
// bracket. This is rule (4) of the package doc.
func shortest(m, near, L, U float64) float64 {
	ok := func(v float64) bool { return math.Abs(v-m) <= near && L < v && v < U }
	if ok(0) {
		return 0
	}
	for p := 0; p < 17; p++ {
		v, err := strconv.ParseFloat(strconv.FormatFloat(m, 'e', p, 64), 64)
		if err == nil && ok(v) {
			return v
		}
	}
	return m
}
