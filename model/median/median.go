// Package median implements the weighted median model: each issue settles
// at the position that beats every other in pairwise votes where actor i
// casts cᵢsᵢ votes for the alternative nearer its own position (Black 1948,
// "On the rationale of group decision-making", J. Political Economy 56:23–34;
// applied to EU bargaining by Achen 2006 and Thomson et al. 2006, The
// European Union Decides, Cambridge UP).
//
// In one dimension with single-peaked (here: distance-based) preferences the
// Condorcet winner is the weighted median:
//
//	x̂ = x₍ⱼ₎,  the first sorted position with Σ_{l≤j} w₍ₗ₎ ≥ W/2   (1)
//
// where w = c·s and W = Σ w. When the cumulative weight at x₍ⱼ₎ is exactly
// W/2, every point from x₍ⱼ₎ to the next position x₍ⱼ₊₁₎ ties in pairwise
// votes; the model then forecasts the midpoint of the two (2), so that the
// forecast does not depend on which end of the scale is called 0. (BDM's
// model, package bdm, keeps the lower one as its spec requires.)
//
// Cost: O(n log n) per issue.
package median

import (
	"context"
	"fmt"

	"parley/model"
)

// Model is the weighted median model. Its zero value is ready.
type Model struct{}

var (
	_ model.Model              = Model{}
	_ model.PointForecaster    = Model{}
	_ model.SettlingForecaster = Model{}
)

// Name implements model.Model.
func (Model) Name() string { return "median" }

// ReadsIssueAlone implements model.IssueLocal: it forecasts each issue
// from that issue alone (model.EachIssue).
func (Model) ReadsIssueAlone() {}

// SolvesInClosedForm implements model.ClosedForm: each issue's forecast
// is a formula of its column, with no rounds.
func (Model) SolvesInClosedForm() {}

// Summary implements model.Model.
func (Model) Summary() string {
	return "capability×salience weighted median, the pairwise-vote (Condorcet) winner (" + cite.Papers + ")"
}

// Title is the model's plain name (model.Titled).
func (Model) Title() string { return "Weighted median (pairwise-vote winner)" }

// cite is the model's papers, the equations its explanation rests on
// and its section of docs/models.md.
var cite = model.Citation{Papers: "Black 1948; Achen 2006", Equations: "(1) x* = the first sorted position whose cumulative weight cᵢsᵢ reaches half the total, (2) the midpoint on a tie", Section: "median — the weighted median (pairwise-vote winner)"}

// Cite implements model.Cited.
func (Model) Cite() model.Citation { return cite }

// Forecast implements model.Model.
func (Model) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	return model.EachIssue(ctx, p, "median", solveIssue)
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
// weights w, for Forecast and PointForecast alike.
func solveIssue(_ model.Issue, x, w []float64) (float64, string) {
	lo, hi, tie := model.WeightedMedian(x, w)
	if tie {
		return (lo + hi) / 2, fmt.Sprintf("the weighted vote ties between %v and %v; forecast is their midpoint", lo, hi)
	}
	return lo, ""
}
