// Package compromise implements the compromise model: each issue settles at
// the capability × salience weighted mean of the actors' positions,
//
//	x̂ = Σᵢ cᵢsᵢxᵢ / Σᵢ cᵢsᵢ                                  (1)
//
// as in Achen, C. H. (2006), "Institutional realism and bargaining models",
// ch. 4 of Thomson, Stokman, Achen & König (eds.), The European Union
// Decides, Cambridge UP, and Thomson et al. (2006), ch. 10 of the same
// volume, where it forecasts EU legislative outcomes as well as any
// game-theoretic model. It is the bar every other Parley model is scored
// against. Achen derives (1) as the asymmetric Nash bargaining solution with
// quadratic losses and the disagreement point far away.
//
// Cost: O(n) per issue.
package compromise

import (
	"context"

	"parley/model"
)

// Model is the compromise (weighted mean) model. Its zero value is ready.
type Model struct{}

var (
	_ model.Model              = Model{}
	_ model.PointForecaster    = Model{}
	_ model.SettlingForecaster = Model{}
)

// Name implements model.Model.
func (Model) Name() string { return "compromise" }

// ReadsIssueAlone implements model.IssueLocal: it forecasts each issue
// from that issue alone (model.EachIssue).
func (Model) ReadsIssueAlone() {}

// SolvesInClosedForm implements model.ClosedForm: each issue's forecast
// is a formula of its column, with no rounds.
func (Model) SolvesInClosedForm() {}

// Summary implements model.Model.
func (Model) Summary() string {
	return "capability×salience weighted mean of positions (" + cite.Papers + ")"
}

// Title is the model's plain name (model.Titled).
func (Model) Title() string { return "Weighted compromise (mean)" }

// cite is the model's papers, the equation its explanation rests on
// and its section of docs/models.md.
var cite = model.Citation{Papers: "Achen 2006; Thomson et al. 2006", Equations: "(1) x* = Σᵢ cᵢsᵢxᵢ / Σᵢ cᵢsᵢ", Section: "compromise — the weighted mean"}

// Cite implements model.Cited.
func (Model) Cite() model.Citation { return cite }

// Forecast implements model.Model. Actors with zero salience carry no
// weight; an issue where every weight is zero is rejected by Problem.Check.
func (Model) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	return model.EachIssue(ctx, p, "compromise", solveIssue)
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
	return model.WeightedMean(x, w), ""
}
