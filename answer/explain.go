package answer

// ExplainRequest asks why one model forecasts what it does: each actor's
// pull on each issue's forecast, and for the median the pivotal actor.
type ExplainRequest struct {
	Target
	// Model is the model to explain: compromise, median or nash (the
	// others are not explained yet).
	Model string `json:"model"`
	// Issue is an issue id to explain; "" explains every issue.
	Issue string `json:"issue,omitempty"`
}

// DefaultExplainModel is the model explain explains when none is named.
const DefaultExplainModel = "compromise"

// ExplainModels are the models explain covers so far.
var ExplainModels = []string{"compromise", "median", "nash"}

// NewExplainRequest returns an explain request with every default: the
// latest snapshot, the compromise model, every issue.
func NewExplainRequest() ExplainRequest {
	return ExplainRequest{Target: Target{Snapshot: "latest"}, Model: DefaultExplainModel}
}

// Explanation answers an ExplainRequest: per issue, the forecast (the
// same number the forecast answer gives for the model) and why.
type Explanation struct {
	Scenario Scenario       `json:"scenario"`
	Request  ExplainRequest `json:"request"`
	// Model is the model explained, by its canonical name.
	Model  string             `json:"model"`
	Issues []IssueExplanation `json:"issues"`
	// Notes are what the model says about its run.
	Notes []string `json:"notes,omitempty"`
	// Warnings are what the reader must know before using a number.
	Warnings []string `json:"warnings"`
}

// IssueExplanation is why the model forecasts what it does on one issue.
type IssueExplanation struct {
	Issue string `json:"issue"`
	Name  string `json:"name"`
	// Forecast is the model's forecast, as the forecast answer gives it.
	Forecast Num `json:"forecast"`
	// Nearest are the labelled options nearest the forecast.
	Nearest []Anchor `json:"nearest"`
	// Reference is the origin the compromise pulls are measured from: the
	// issue's reference point (status quo) when it has one, else the
	// scale's minimum; ReferenceFrom says which ("reference" or "min").
	Reference     float64 `json:"reference"`
	ReferenceFrom string  `json:"reference_from"`
	// Pulls are the actors with a stance on the issue, sorted by the size
	// of their pull, largest first.
	Pulls []Pull `json:"pulls"`
	// Pivotal is the median model's pivotal position; only for median.
	Pivotal *Pivotal `json:"pivotal,omitempty"`
	// StatusQuoKept is true when the nash model keeps the status quo
	// because no agreement improves on it for every weighted actor.
	StatusQuoKept bool `json:"status_quo_kept,omitempty"`
	// Text says why in one or two plain sentences.
	Text string `json:"text"`
}

// Pull is one actor's part in a forecast. What Pull measures depends on
// the model:
//
//   - compromise: share × (position − reference); the pulls sum to the
//     forecast − reference exactly.
//   - median: +share for an actor above the forecast, −share below it, 0
//     at it: the weight voting to move the forecast up or down.
//   - nash: the actor's term of the Nash product's first-order condition
//     at the forecast, share × 2(position − forecast)/(r² − (forecast −
//     position)²), r² the actor's room for gain over breakdown; the pulls
//     sum to 0 at the forecast (that is where it lies); null when the
//     status quo is kept.
type Pull struct {
	Actor    string  `json:"actor"`
	Name     string  `json:"name"`
	Position float64 `json:"position"`
	// Weight is capability × salience.
	Weight float64 `json:"weight"`
	// Share is Weight / Σ Weight over the issue's actors.
	Share float64 `json:"share"`
	Pull  Num     `json:"pull"`
	// Distance is position − forecast.
	Distance float64 `json:"distance"`
	// Gain (nash only) is the part of its possible gain over breakdown
	// the actor gets at the forecast, 1 − (forecast − position)²/r², from
	// 0 (no better than breakdown) to 1 (its own position).
	Gain *float64 `json:"gain,omitempty"`
}

// Pivotal is the weighted median's position: the first position, from
// the scale's low end, at which the cumulative weight reaches half.
type Pivotal struct {
	// Actors are the actors at the pivotal position (several when they
	// share it).
	Actors   []string `json:"actors"`
	Position float64  `json:"position"`
	// Below, At and Above are the shares of the weight strictly below,
	// at and strictly above the pivotal position.
	Below float64 `json:"below"`
	At    float64 `json:"at"`
	Above float64 `json:"above"`
	// Tie is true when the weight at and below is exactly half: every
	// point up to Upper, the next position, ties in pairwise votes, and
	// the model forecasts the midpoint.
	Tie   bool     `json:"tie,omitempty"`
	Upper *float64 `json:"upper,omitempty"`
}
