package answer

import "parley/model"

// LedgerEntry is one sealed forecast in a ledger file (one JSON object
// per line): what was forecast, from which inputs, by which engine, when.
// Seal is the SHA-256 of the entry's other fields as JSON, so an entry
// edited after the fact no longer matches its seal.
type LedgerEntry struct {
	// ID is the seal's first 12 hex digits.
	ID string `json:"id"`
	// Recorded is the date the forecast was sealed (YYYY-MM-DD, UTC):
	// outcomes dated after it grade the entry as sealed, those dated on
	// or before it (which may have been known) only in hindsight.
	Recorded string `json:"recorded"`
	Engine   string `json:"engine"`
	Scenario string `json:"scenario"`
	// AsOf is the date of the snapshot forecast from: only outcomes after
	// it are the entry's questions.
	AsOf   string   `json:"as_of"`
	Target Target   `json:"target"`
	Models []string `json:"models"`
	// InputsSHA256 is the SHA-256 of the resolved scenario (JSON), and
	// ResultSHA256 of the forecast answer (JSON) the entry was made from.
	InputsSHA256 string `json:"inputs_sha256"`
	ResultSHA256 string `json:"result_sha256"`
	// Forecasts are the sealed numbers, by model and issue.
	Forecasts []LedgerForecast `json:"forecasts"`
	Seal      string           `json:"seal"`
}

// LedgerForecast is one model's forecast of one issue.
type LedgerForecast struct {
	Model    string  `json:"model"`
	Issue    string  `json:"issue"`
	Forecast float64 `json:"forecast"`
	// Predictive is the model's distribution, for models that give one.
	Predictive *model.Predictive `json:"predictive,omitempty"`
}

// LedgerGrade answers `parley ledger grade`: every sealed forecast with
// an outcome dated after its snapshot, scored, and the models ranked when
// enough questions are graded. A question is sealed when its outcome is
// dated after the day its entry was recorded; one dated on or before it
// (the outcome may have been known when the forecast was sealed) is
// scored apart, in hindsight, and counts in no sealed grade or rank.
// An entry recorded for a what-if variant forecast a counterfactual, not
// the scenario as stated: it is graded apart, in Variants, and counts in
// no grade or rank of Models or HindsightModels, nor in Graded or
// Hindsight.
type LedgerGrade struct {
	// Entries counts the ledger's entries; Graded the sealed (entry,
	// issue, outcome) questions graded of the entries of the scenario as
	// stated (no variant); Hindsight those questions whose outcome is
	// dated on or before the day their entry was recorded.
	Entries   int `json:"entries"`
	Graded    int `json:"graded"`
	Hindsight int `json:"hindsight"`
	// Models are the sealed questions' grades per model, ranked by
	// MAEPct when Ranked (the same order as MAE where every graded
	// issue's scale has one width), else by name.
	Models []LedgerModel `json:"models"`
	// HindsightModels are the hindsight questions' grades per model, by
	// name and never ranked (Rank 0).
	HindsightModels []LedgerModel `json:"hindsight_models"`
	// Variants are the grades of the entries recorded for what-if
	// variants, one group per variant in the ledger's order: never
	// ranked, never in Models. Empty when no entry names a variant.
	Variants []LedgerVariantGrade `json:"variants"`
	// Ranked is false when fewer than 10 sealed questions are graded.
	Ranked bool `json:"ranked"`
	// ScoreDecimals is how many decimals the MAE and CRPS are written
	// with (sealed and hindsight alike): the most of the graded issues'
	// (Issue.Decimals); 1 with none.
	ScoreDecimals int `json:"score_decimals"`
	// MixedScales is true when the graded issues' scales (sealed and
	// hindsight together) differ in width, as in Backtest.
	MixedScales bool     `json:"mixed_scales"`
	Warnings    []string `json:"warnings"`
}

// LedgerVariantGrade is the grade of the entries recorded for one
// what-if variant: the forecasts they sealed under the variant's changes,
// scored against the outcomes that happened (which do not say whether
// the what-if came true), sealed and in hindsight apart as in
// LedgerGrade, per model by name and never ranked (Rank 0).
type LedgerVariantGrade struct {
	// Variant is the variant's id as the entries recorded it; Name its
	// name in the scenario, "" where it has none or the scenario no
	// longer has the variant (Removed).
	Variant string `json:"variant"`
	Name    string `json:"name,omitempty"`
	Removed bool   `json:"removed"`
	// HeadingText is the group's heading, the same words at every door:
	// which variant, how many entries and questions, and that it is not
	// the scenario as stated and not ranked.
	HeadingText     string        `json:"heading_text"`
	Entries         int           `json:"entries"`
	Graded          int           `json:"graded"`
	Hindsight       int           `json:"hindsight"`
	Models          []LedgerModel `json:"models"`
	HindsightModels []LedgerModel `json:"hindsight_models"`
}

// LedgerModel is one model's grade.
type LedgerModel struct {
	Model string `json:"model"`
	N     int    `json:"n"`
	MAE   Num    `json:"mae"`
	CRPS  Num    `json:"crps"`
	// MAEPct and CRPSPct are the means of each question's error as a
	// percent of its issue's scale, as in BacktestModel.
	MAEPct  Num `json:"mae_pct"`
	CRPSPct Num `json:"crps_pct"`
	// Coverage80 is null for a model without a distribution.
	Coverage80 Num `json:"coverage80"`
	// Rank is 1 for the lowest MAEPct; 0 when not ranked.
	Rank int `json:"rank"`
}
