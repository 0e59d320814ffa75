package answer

// The questions and their defaults. Every door builds a request from a
// New*Request value and overwrites only what the user gave: the command
// line takes its flags' defaults from these, the API decodes a request
// body over them. So a default is defined here and nowhere else.

import "parley/sweep"

// DefaultSeed seeds every random draw unless a request names another.
const DefaultSeed = 1

// DefaultSnapshot is the snapshot a question is about when it names none
// (every question but backtest's, whose default is "base").
const DefaultSnapshot = "latest"

// Target names the snapshot and variant a question is about.
type Target struct {
	// Snapshot is a date YYYY-MM-DD, "base" (no snapshot) or "latest".
	Snapshot string `json:"snapshot"`
	// Variant is a what-if variant's id or name; "" for none.
	Variant string `json:"variant,omitempty"`
}

// Run is how models are run: which, with which settings.
type Run struct {
	// Models are model names (see Models); empty means the default set,
	// "all" every model.
	Models []string `json:"models"`
	Settings
	// Seed seeds models that draw random numbers.
	Seed uint64 `json:"seed"`
}

// Settings are how models run apart from which models and the seed: the
// same fields in every request that runs a model, so that a model
// explained, advised on or compared with a deal runs as a forecast runs
// it. A question that names its models elsewhere (explain's and
// advise's model, a deal's batna, rest and models) takes Settings beside
// its own Seed; a setting for a model the question does not run is an
// error. The zero value runs every model with its defaults.
type Settings struct {
	// Params are model settings by name (see Param), in text form, e.g.
	// {"exact": "true", "smp-vote": "Binary"}.
	Params map[string]string `json:"params,omitempty"`
	// Rounds, when > 0, runs exactly this many rounds with no early stop.
	Rounds int `json:"rounds,omitempty"`
	// MaxRounds caps the rounds of models that stop early (0: each
	// model's default).
	MaxRounds int `json:"max_rounds,omitempty"`
}

// ModelSettings returns the settings; every request that embeds Settings
// has the method, so that a caller can read any request's settings
// without a case per request type.
func (s Settings) ModelSettings() Settings { return s }

// ForecastRequest asks where each issue lands, per model.
type ForecastRequest struct {
	Target
	Run
}

// NewForecastRequest returns a forecast request with every default: the
// latest snapshot, the default models, seed 1.
func NewForecastRequest() ForecastRequest {
	return ForecastRequest{Target: Target{Snapshot: DefaultSnapshot}, Run: Run{Models: []string{}, Seed: DefaultSeed}}
}

// SweepRequest asks what the stated ranges do to each forecast (sweep)
// or which input moves it most (sensitivity).
type SweepRequest struct {
	Target
	Run
	// Draws is the number of Monte Carlo draws.
	Draws int `json:"draws"`
	// Uniform samples each range uniformly instead of triangularly with
	// the stated value as mode.
	Uniform bool `json:"uniform,omitempty"`
	// Issue is an issue id the answer keeps alone, as explain and advise
	// take it; "" every issue. The model still runs on every issue (a
	// model may link them); only the answer is filtered.
	Issue string `json:"issue,omitempty"`
	// Workers is the number of goroutines (0: every core). It never
	// changes the answer, so it is not part of the schema.
	Workers int `json:"-"`
}

// Default draws of a sweep and of a sensitivity analysis.
const (
	DefaultSweepDraws       = 1000
	DefaultSensitivityDraws = 4000
	// MinSensitivityDraws is the fewest draws of a sensitivity analysis:
	// its variance shares need two bins of two draws.
	MinSensitivityDraws = sweep.MinSensitivityDraws
	// MaxDraws bounds the draws of one request.
	MaxDraws = 1_000_000
	// MaxWorkers bounds the goroutines a request may ask for (workers; 0
	// is every core): more than any machine's cores only costs memory.
	MaxWorkers = 1024
	// MaxRounds bounds rounds and max_rounds.
	MaxRounds = 10_000
)

// DefaultSweepModel is the model a sweep or sensitivity analysis runs
// when none is named: a sweep runs the model thousands of times, so one
// fast model (the baseline the skill benchmark measures others against)
// rather than every model.
const DefaultSweepModel = "compromise"

// NewSweepRequest returns a sweep request with every default.
func NewSweepRequest() SweepRequest {
	return SweepRequest{Target: Target{Snapshot: DefaultSnapshot}, Run: Run{Models: []string{DefaultSweepModel}, Seed: DefaultSeed}, Draws: DefaultSweepDraws}
}

// NewSensitivityRequest returns a sensitivity request with every default.
func NewSensitivityRequest() SweepRequest {
	r := NewSweepRequest()
	r.Draws = DefaultSensitivityDraws
	return r
}

// DealRequest is what deal evaluate and deal search share.
type DealRequest struct {
	Target
	// Require lists the actors (ids or aliases) that must accept; empty
	// means every actor.
	Require []string `json:"require,omitempty"`
	// Batna is the package expected without a deal, behind each actor's
	// alternative: "auto" (the issues' reference points when every issue
	// has one, else none — and the answer says so), "reference", "none"
	// (stated reservations only) or "model:NAME" (a model's forecast).
	Batna string `json:"batna"`
	// Rho is the risk exponent ρ of the utility (1: linear loss).
	Rho float64 `json:"rho"`
	// Settings are the settings of every model the question runs: the
	// batna's and rest's "model:NAME" and the models compared.
	Settings
	// Seed seeds those models, the robust analysis's draws and a
	// search's frontier and sample.
	Seed uint64 `json:"seed"`
}

// DealEvaluateRequest asks how each actor judges one package.
type DealEvaluateRequest struct {
	DealRequest
	// Package gives issue id → value; issues left out take Rest.
	Package map[string]float64 `json:"package"`
	// Rest fills the issues Package leaves out: "reference",
	// "model:NAME" or "none" (every issue must be named).
	Rest string `json:"rest"`
	// Models are the models whose forecasts the package is compared with
	// (empty: the default set; ["none"]: none).
	Models []string `json:"models"`
	// Robust asks how often each actor accepts the package over draws of
	// the stated ranges (seeded by Seed).
	Robust DealRobust `json:"robust"`
}

// DealRobust asks how a deal fares over the uncertainty the scenario
// states (its capability, position and salience ranges), drawn as a sweep
// draws them.
type DealRobust struct {
	// On turns the analysis on.
	On bool `json:"on"`
	// Draws is the number of draws (0: DefaultRobustDraws; at most
	// MaxDraws).
	Draws int `json:"draws,omitempty"`
	// Uniform draws each range uniformly instead of triangularly.
	Uniform bool `json:"uniform,omitempty"`
	// Workers is the number of goroutines (0: every core). It never
	// changes the answer, so it is not part of the schema.
	Workers int `json:"-"`
}

// DefaultRobustDraws is the draws of a robust deal analysis.
const DefaultRobustDraws = 500

// DealSearchRequest asks for the zone of agreement and its packages.
type DealSearchRequest struct {
	DealRequest
	// Fix pins issues: issue id → value.
	Fix map[string]float64 `json:"fix,omitempty"`
	// Frontier is the number of weight directions sampling the Pareto
	// frontier (0: one per required actor, at most 10, plus the
	// capability-weighted sum; -1: none).
	Frontier int `json:"frontier,omitempty"`
	// Samples is the number of packages drawn from the zone (0: 5; -1:
	// none). Frontier and Samples are at most MaxPackages.
	Samples int `json:"samples,omitempty"`
	// Robust asks how often a zone exists and which package is most often
	// accepted over draws of the stated ranges.
	Robust DealRobust `json:"robust"`
}

// Deal defaults.
const (
	DefaultBatna = "auto"
	DefaultRest  = "reference"
	DefaultRho   = 1.0
	// MaxRho bounds ρ: past 10 every loss short of the whole scale is
	// nearly 0, so every utility is ≈ 1 and every gain ≈ 0 (and a
	// search's problems are ill-conditioned). The command line, the API
	// and the page (GET /api/defaults' max_rho) all take it from here.
	MaxRho = 10.0
	// MaxPackages bounds a deal search's frontier and samples: each
	// frontier package is one solve.
	MaxPackages = 1000
)

// newDealRequest is what every deal request starts from: the latest
// snapshot, the default batna and ρ, models at their defaults, seed 1.
func newDealRequest() DealRequest {
	return DealRequest{Target: Target{Snapshot: DefaultSnapshot}, Batna: DefaultBatna, Rho: DefaultRho, Seed: DefaultSeed}
}

// NewDealEvaluateRequest returns a deal evaluate request with every default.
func NewDealEvaluateRequest() DealEvaluateRequest {
	return DealEvaluateRequest{DealRequest: newDealRequest(), Package: map[string]float64{}, Rest: DefaultRest, Models: []string{}}
}

// NewDealSearchRequest returns a deal search request with every default.
func NewDealSearchRequest() DealSearchRequest {
	return DealSearchRequest{DealRequest: newDealRequest()}
}

// BenchRequest asks how well each model forecasts real outcomes (DEU).
type BenchRequest struct {
	// Models to score (empty: the default set; "all": every model); the
	// baseline is always scored.
	Models []string `json:"models"`
	// Baseline is the model every other is compared with.
	Baseline string `json:"baseline"`
	// Resamples is the number of paired bootstrap resamples.
	Resamples int `json:"resamples"`
	// Seed seeds the bootstrap.
	Seed uint64 `json:"seed"`
	// ByProposal gives each model every issue of a proposal at once.
	ByProposal bool `json:"by_proposal,omitempty"`
	// ResampleBy is what the ΔMAE intervals' bootstrap draws: "proposal"
	// (whole proposals, each with all its issues) or "issue" (issues one
	// by one, too narrow when a proposal's issues are correlated).
	ResampleBy string `json:"resample_by"`
}

// NewBenchRequest returns a bench request with every default.
func NewBenchRequest() BenchRequest {
	return BenchRequest{Models: []string{}, Baseline: "compromise", Resamples: 10000, Seed: DefaultSeed, ResampleBy: "proposal"}
}
