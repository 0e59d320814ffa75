package answer

// Defaults is every kind of run's request as the application builds it
// before a caller names anything (the New*Request functions, which the
// command line's flags and the API's request bodies start from too), the
// limits a caller's input is checked against, and the lists a client
// offers to choose from. The API serves it at GET /api/defaults; the web
// page takes its defaults from there rather than stating them again.
type Defaults struct {
	// Requests is each kind of run's default request, keyed as the
	// kinds of run are named (GET /api/kinds).
	Requests DefaultRequests `json:"requests"`
	// Limits are the bounds a request is checked against.
	Limits Limits `json:"limits"`
	// ExplainModels are the models explain explains.
	ExplainModels []string `json:"explain_models"`
	// RobustDraws is the draws of a robust deal analysis that names none.
	RobustDraws int `json:"robust_draws"`
	// AdviseStepUnit is the unit of advise's step, in the words the
	// command line's --step says it (ask.AdviseStepUnit, which
	// ask.Defaults sets; NewDefaults leaves it empty): a client labels its
	// step with it, where "Step 0.05" read as 0.05 of a point.
	AdviseStepUnit string `json:"advise_step_unit,omitempty"`
	// IDExample is the example of a scenario's id that validation's
	// "missing" names (scenario.IDExample, which ask.Defaults sets;
	// NewDefaults leaves it empty): a client's hint for the id gives the
	// same one.
	IDExample string `json:"id_example,omitempty"`
}

// DefaultRequests is each kind of run's request with every default.
type DefaultRequests struct {
	Forecast      ForecastRequest      `json:"forecast"`
	Sweep         SweepRequest         `json:"sweep"`
	Sensitivity   SweepRequest         `json:"sensitivity"`
	Deal          DealEvaluateRequest  `json:"deal"`
	DealSearch    DealSearchRequest    `json:"deal-search"`
	DealProposals DealProposalsRequest `json:"deal-proposals"`
	Explain       ExplainRequest       `json:"explain"`
	Backtest      BacktestRequest      `json:"backtest"`
	Advise        AdviseRequest        `json:"advise"`
	Power         PowerRequest         `json:"power"`
	Compare       CompareRequest       `json:"compare"`
}

// Limits are the bounds of a request's numbers (docs/limits.md).
type Limits struct {
	// MaxDraws bounds a sweep's, a sensitivity analysis's and a robust
	// deal analysis's draws.
	MaxDraws int `json:"max_draws"`
	// MinSensitivityDraws is the fewest draws of a sensitivity analysis.
	MinSensitivityDraws int `json:"min_sensitivity_draws"`
	// MaxAdviseDraws bounds an advise request's draws.
	MaxAdviseDraws int `json:"max_advise_draws"`
	// MaxRounds bounds rounds and max_rounds.
	MaxRounds int `json:"max_rounds"`
	// MaxPackages bounds a deal search's frontier and samples.
	MaxPackages int `json:"max_packages"`
	// MaxPowerSamples bounds a power request's samples.
	MaxPowerSamples int `json:"max_power_samples"`
	// MaxRho bounds a deal's risk exponent ρ (rho).
	MaxRho float64 `json:"max_rho"`
}

// NewDefaults returns the defaults and limits.
func NewDefaults() Defaults {
	return Defaults{
		Requests: DefaultRequests{
			Forecast:      NewForecastRequest(),
			Sweep:         NewSweepRequest(),
			Sensitivity:   NewSensitivityRequest(),
			Deal:          NewDealEvaluateRequest(),
			DealSearch:    NewDealSearchRequest(),
			DealProposals: NewDealProposalsRequest(),
			Explain:       NewExplainRequest(),
			Backtest:      NewBacktestRequest(),
			Advise:        NewAdviseRequest(),
			Power:         NewPowerRequest(),
			Compare:       NewCompareRequest(),
		},
		Limits: Limits{MaxDraws: MaxDraws, MinSensitivityDraws: MinSensitivityDraws, MaxAdviseDraws: MaxAdviseDraws,
			MaxRounds: MaxRounds, MaxPackages: MaxPackages, MaxPowerSamples: MaxPowerSamples, MaxRho: MaxRho},
		ExplainModels: append([]string(nil), ExplainModels...),
		RobustDraws:   DefaultRobustDraws,
	}
}
