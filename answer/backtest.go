package answer

import (
	"encoding/json"

	"parley/errs"
)

// BacktestRequest asks how well each model, run on an earlier snapshot,
// forecast the outcomes the scenario records (its outcomes section).
type BacktestRequest struct {
	// Target's Snapshot is the snapshot the forecasts are made from
	// (`--from`): "base" (the as_of stances), a date, or "latest".
	Target
	// To, when set (YYYY-MM-DD), scores only outcomes dated on or before
	// it; outcomes dated on or before the snapshot are never scored.
	To string `json:"to,omitempty"`
	// From is Snapshot's other name, the CLI's --from: a request may
	// name the snapshot by either word (FoldFrom moves it to Snapshot,
	// which the answer and a stored run echo).
	From string `json:"from,omitempty"`
	Run
}

// FoldFrom moves From into Snapshot: given alone, it is the snapshot;
// given with a snapshot other than the default and its own value, it is
// one setting given twice (errs.Invalid, naming the field "from").
func (r *BacktestRequest) FoldFrom() error {
	if r.From == "" {
		return nil
	}
	if r.Snapshot != "" && r.Snapshot != NewBacktestRequest().Snapshot && r.Snapshot != r.From {
		return errs.Field("from", "from and snapshot are one setting, given twice (%q, %q); valid: one of them once", r.From, r.Snapshot)
	}
	r.Snapshot, r.From = r.From, ""
	return nil
}

// NewBacktestRequest returns a backtest request with every default: from
// the base snapshot, every outcome after it, the default models, seed 1.
func NewBacktestRequest() BacktestRequest {
	return BacktestRequest{Target: Target{Snapshot: "base"}, Run: Run{Models: []string{}, Seed: DefaultSeed}}
}

// Backtest answers a BacktestRequest: every model's forecast from the
// snapshot scored against each recorded outcome after it.
type Backtest struct {
	Scenario Scenario        `json:"scenario"`
	Request  BacktestRequest `json:"request"`
	// AsOf is the date the forecasts stand at (the snapshot's); "" for a
	// peer format's file, which states no date (as Scenario.AsOf).
	AsOf string `json:"as_of"`
	// RecordedOn is the date of the recorded state the forecasts read,
	// the latest at or before AsOf (Scenario.RecordedOn): a backtest
	// from a date between recorded states forecasts from the earlier one.
	RecordedOn string `json:"recorded_on"`
	// AsOfText is AsOf and RecordedOn in ask's words, as Scenario.AsOfText
	// says them.
	AsOfText string `json:"as_of_text,omitempty"`
	// HeadText is the line every door heads the scores with
	// (ask.BacktestHead): "forecasts as of 2025-03-01; scored against 2
	// outcomes recorded after 2025-03-01".
	HeadText string `json:"head_text"`
	// Outcomes are the outcomes scored, in the scenario's order.
	Outcomes []BacktestOutcome `json:"outcomes"`
	Models   []BacktestModel   `json:"models"`
	// ScoreDecimals is how many decimals the models' MAE and CRPS are
	// written with: the most of the scored issues' (Issue.Decimals), so
	// that an error on a 0–1 issue is not rounded away; 1 with none.
	ScoreDecimals int `json:"score_decimals"`
	// MixedScales is true when the scored issues' scales differ in width:
	// then MAE and CRPS mix units, and the models' MAEPct and CRPSPct are
	// the scores that compare them (the doors show those too).
	MixedScales bool `json:"mixed_scales"`
	// Warnings say what limits the reading (too few outcomes to rank the
	// models, outcomes left out).
	Warnings []string `json:"warnings"`
	// TieLegendText says what each tie's mark in the cells means
	// (OptionHitText " ✓1/2"), once a mark, and that option hits add up
	// the shares (ask.OptionTieLegend, ask.OptionHitsAddUp): the part of
	// the legend under the scores that only ties need. Omitted when no
	// cell has a tie's mark, and in an answer stored before the answers
	// carried their words.
	TieLegendText string `json:"tie_legend_text,omitempty"`
	// LegendText says what the score table's cells hold, the ties' marks
	// (TieLegendText) and, on mixed scales, what MAE % and CRPS % are
	// (ask.BacktestLegend): the legend every door prints under the
	// scores, each adding what its own columns are called. Omitted in an
	// answer stored before the answers carried it.
	LegendText string `json:"legend_text,omitempty"`
}

// BacktestOutcome is one recorded outcome.
type BacktestOutcome struct {
	Issue string  `json:"issue"`
	Name  string  `json:"name"`
	Date  string  `json:"date"`
	Value float64 `json:"value"`
	// Options are the labelled options nearest the outcome (several on an
	// exact tie; [] when the issue has none).
	Options []Anchor `json:"options"`
	// Source and Quote are the first piece of evidence.
	Source string `json:"source"`
	Quote  string `json:"quote"`
}

// BacktestModel is one model's scores.
type BacktestModel struct {
	Model string `json:"model"`
	// Error says why the model gave no forecast (then Scores is empty).
	Error string `json:"error,omitempty"`
	Err   error  `json:"-"`
	// Scores are per outcome, in Outcomes' order.
	Scores []BacktestScore `json:"scores"`
	// Notes are what the model said about its run, as in the forecast
	// (a default it took, why it stopped).
	Notes []string `json:"notes,omitempty"`
	// N counts the outcomes scored; MAE is their mean absolute error;
	// OptionHits adds up the scores' OptionHit, the forecasts nearest the
	// outcome's option, a tie its share (2.5 of 3); CRPS is the mean
	// CRPS (a point forecast's CRPS is its absolute error).
	N          int     `json:"n"`
	MAE        Num     `json:"mae"`
	OptionHits float64 `json:"option_hits"`
	CRPS       Num     `json:"crps"`
	// MAEPct and CRPSPct are the same means with each outcome's error
	// first taken as a percent of its issue's scale (100 × error ÷
	// (max − min)): scale-free, so they compare errors on scales of
	// different widths; on 0–100 scales they equal MAE and CRPS.
	MAEPct  Num `json:"mae_pct"`
	CRPSPct Num `json:"crps_pct"`
	// Coverage80 and Coverage95 are the shares of outcomes inside the
	// model's intervals; null for a model without a distribution.
	Coverage80 Num `json:"coverage80"`
	Coverage95 Num `json:"coverage95"`
	// Coverage80Text and Coverage95Text are Coverage80 and Coverage95 as
	// every door's table writes them (ask.CoverageText): a whole percent,
	// "67%", the missing-number dash for a model without a distribution;
	// omitted in an answer stored before they were carried.
	Coverage80Text string `json:"coverage80_text,omitempty"`
	Coverage95Text string `json:"coverage95_text,omitempty"`
	// OptionHitsText is OptionHits out of N in the words every door
	// writes it (ask.OptionHitsText: "3/3", "2.5/3"); omitted in an
	// answer stored before the answers carried their words.
	OptionHitsText string `json:"option_hits_text,omitempty"`
}

// BacktestScore is one model's forecast of one outcome.
type BacktestScore struct {
	Issue    string  `json:"issue"`
	Date     string  `json:"date"`
	Outcome  float64 `json:"outcome"`
	Forecast Num     `json:"forecast"`
	AbsError Num     `json:"abs_error"`
	// OptionHit is the share of a hit the forecast earns (ask.OptionHit):
	// 1 when its nearest labelled option is one nearest the outcome, 0
	// when it is not; a forecast equally near k options (OptionTie), j of
	// them nearest the outcome, earns j/k, the expected score of breaking
	// the tie at random. An answer stored before ties were shares holds
	// true or false, which decodes as 1 or 0.
	OptionHit HitShare `json:"option_hit"`
	// OptionTie is how many labelled options the forecast lies equally
	// near when it is more than one (a tie); omitted otherwise.
	OptionTie int `json:"option_tie,omitempty"`
	// CRPS is the distribution's CRPS at the outcome, or the absolute
	// error for a point forecast.
	CRPS Num `json:"crps"`
	// In80 and In95 say whether the outcome is inside the model's 80% and
	// 95% intervals; omitted for a model without a distribution.
	In80 *bool `json:"in80,omitempty"`
	In95 *bool `json:"in95,omitempty"`
	// OptionHitText is what follows the cell's forecast and error at
	// every door (ask.OptionHitMark): " ✓" for a whole hit, " ✓1/2" for
	// a tie's share; omitted for no hit, and in an answer stored before
	// the answers carried their words.
	OptionHitText string `json:"option_hit_text,omitempty"`
}

// HitShare is a share of an option hit, 0 to 1. It decodes a boolean,
// as an answer stored before ties were shares wrote it, as 1 or 0.
type HitShare float64

// UnmarshalJSON implements json.Unmarshaler (true is 1, false 0).
func (h *HitShare) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "true":
		*h = 1
		return nil
	case "false":
		*h = 0
		return nil
	}
	var x float64
	if err := json.Unmarshal(b, &x); err != nil {
		return err
	}
	*h = HitShare(x)
	return nil
}
