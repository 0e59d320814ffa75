package answer

import "parley/model"

// LedgerEntry is one sealed forecast in a ledger file (one JSON object
// per line): what was forecast, from which inputs, by which engine, when.
// Seal is the SHA-256 of the entry's other fields as JSON, so an entry
// edited after the fact no longer matches its seal.
type LedgerEntry struct {
	// ID is the seal's first 12 hex digits.
	ID string `json:"id"`
	// Recorded is the date the forecast was sealed (YYYY-MM-DD, UTC).
	Recorded string `json:"recorded"`
	Engine   string `json:"engine"`
	Scenario string `json:"scenario"`
	// AsOf is the date of the snapshot forecast from: outcomes after it
	// grade the entry.
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
// an outcome recorded after its date, scored, and the models ranked when
// enough questions are graded.
type LedgerGrade struct {
	// Entries counts the ledger's entries; Graded the (entry, issue,
	// outcome) questions graded.
	Entries int `json:"entries"`
	Graded  int `json:"graded"`
	// Models are per model, ranked by MAEPct when Ranked (the same
	// order as MAE where every graded issue's scale has one width), else
	// by name.
	Models []LedgerModel `json:"models"`
	// Ranked is false when fewer than 10 questions are graded.
	Ranked bool `json:"ranked"`
	// ScoreDecimals is how many decimals the MAE and CRPS are written
	// with: the most of the graded issues' (Issue.Decimals); 1 with none.
	ScoreDecimals int `json:"score_decimals"`
	// MixedScales is true when the graded issues' scales differ in
	// width, as in Backtest.
	MixedScales bool     `json:"mixed_scales"`
	Warnings    []string `json:"warnings"`
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
