package answer

// AdviseRequest asks what one actor can do to move the forecast toward
// its positions: its levers (moving its own position or salience, or
// persuading another actor to move), each with its effect on the forecast
// and on the actor's utility.
type AdviseRequest struct {
	Target
	// Actor is the actor advised (id or alias).
	Actor string `json:"actor"`
	// Model is the model whose forecast the levers move.
	Model string `json:"model"`
	// Issue is an issue id to advise on; "" every issue the actor takes
	// part in.
	Issue string `json:"issue,omitempty"`
	// Step is the size of one lever: a position moves by Step × the
	// issue's scale width, a salience by Step × its scale (90 → 95 on
	// salience_scale 100 with Step 0.05).
	Step float64 `json:"step"`
	// Draws, when > 0, also tries every lever on this many Monte Carlo
	// draws of the stated ranges (the sweep's draws) and reports its mean
	// effect and the share of draws where it helps.
	Draws int `json:"draws,omitempty"`
	// Uniform samples each range uniformly instead of triangularly.
	Uniform bool `json:"uniform,omitempty"`
	// Settings run the model, at the stated values and in every draw, as
	// a forecast with them runs it.
	Settings
	// Seed seeds the draws (and models that draw random numbers).
	Seed uint64 `json:"seed"`
}

// Advise defaults.
const (
	DefaultAdviseModel = "compromise"
	// DefaultAdviseModelWhy is why advise runs DefaultAdviseModel when
	// none is named, as its answer's head says (Advice.HeadText).
	DefaultAdviseModelWhy = "its shifts are exact, from the weighted mean's closed form, with no re-run of the model per lever"
	DefaultAdviseStep     = 0.05
	// MaxAdviseDraws bounds an advise request's draws: each draw re-runs
	// the model once per lever.
	MaxAdviseDraws = 10_000
)

// NewAdviseRequest returns an advise request with every default: the
// latest snapshot, the compromise model at its default settings, every
// issue, a step of 5% of the scale, no draws, seed 1.
func NewAdviseRequest() AdviseRequest {
	return AdviseRequest{Target: Target{Snapshot: DefaultSnapshot}, Model: DefaultAdviseModel, Step: DefaultAdviseStep, Seed: DefaultSeed}
}

// The kinds of lever.
const (
	LeverOwnPosition      = "own-position"
	LeverOwnSalience      = "own-salience"
	LeverPersuadePosition = "persuade-position"
	LeverPersuadeSalience = "persuade-salience"
)

// Advice answers an AdviseRequest.
type Advice struct {
	Scenario Scenario      `json:"scenario"`
	Request  AdviseRequest `json:"request"`
	// Model is the model, by its canonical name; Actor and Name the actor
	// advised.
	Model string `json:"model"`
	Actor string `json:"actor"`
	Name  string `json:"name"`
	// Method is "closed form" (compromise: each shift computed from the
	// weighted mean's formula) or "re-run" (the model run again with each
	// lever pulled: a finite difference).
	Method string `json:"method"`
	// Utility is the actor's utility for the forecast (package deal's
	// equation 1 with ρ = 1, at the actor's stated positions and
	// saliences): 1 at its own positions, 0 at the far end of every scale.
	Utility Num `json:"utility"`
	// Issues are the issues advised on, each with its levers ranked by
	// how far they move that issue's forecast toward the actor (with
	// draws, by what holds over them: IssueAdvice.Levers).
	Issues []IssueAdvice `json:"issues"`
	// Top are the levers with the largest utility gain, over all issues
	// (at most 5).
	Top []Lever `json:"top"`
	// Draws is the number of Monte Carlo draws the levers were tried on
	// (0: none).
	Draws int `json:"draws"`
	// UnsettledDraws is how many of the draws gave a forecast that had
	// not come to rest on some issue advised on (model.Settled); their
	// levers compare last rounds' points of a moving forecast.
	UnsettledDraws int `json:"unsettled_draws"`
	// HeldFixed is what the draws held at the stated values, having no
	// range; only with draws.
	HeldFixed *HeldFixed `json:"held_fixed,omitempty"`
	// CostNote says what a lever's cost is and why it reads 0: always
	// under the closed form (a lever moves only its own issue), and
	// under a re-run when every lever's cost is 0 (a column of zeros
	// read as a fault); "" otherwise.
	CostNote string `json:"cost_note,omitempty"`
	// Notes are what the model said about its run at the stated values,
	// as a forecast's notes give them, less its red lines crossed, which
	// RedLines gives.
	Notes []string `json:"notes,omitempty"`
	// RedLines are the stated red lines that run's forecasts cross (of
	// every issue, advised on or not), as ModelForecast's RedLines gives
	// them (not repeated in Notes).
	RedLines []RedLineCrossing `json:"red_lines,omitempty"`
	// RedLinesCrossed are RedLines in a forecast's words
	// (Forecast.RedLinesCrossed, ask.RedLinesCrossed), which every door
	// prints under RedLinesCrossedHead; omitted when none is crossed.
	RedLinesCrossed []string `json:"red_lines_crossed,omitempty"`
	// RedLinesCrossedHead is their heading, a forecast's
	// (Forecast.RedLinesCrossedHead); omitted when none is crossed.
	RedLinesCrossedHead string `json:"red_lines_crossed_head,omitempty"`
	// LeverColumns head every door's table of an issue's levers
	// (ask.LeverColumns); omitted in an answer stored before the answers
	// carried them.
	LeverColumns []string `json:"lever_columns,omitempty"`
	// HeadText heads the advice at every door (ask.AdviseHead): the
	// actor, the model and how its shifts are found, why that model when
	// it is advise's default (DefaultAdviseModelWhy), and the actor's
	// utility at the forecast.
	HeadText string `json:"head_text,omitempty"`
	// TopText lists Top in a sentence every door prints: each lever
	// (its walk-back of a tabled offer included), its issue and its gain,
	// with that gain's share of what the actor lacks at the forecast.
	TopText  string   `json:"top_text,omitempty"`
	Warnings []string `json:"warnings"`
}

// IssueAdvice is the actor's levers on one issue.
type IssueAdvice struct {
	Issue string `json:"issue"`
	Name  string `json:"name"`
	// Position and Salience are the actor's stance (the salience on the
	// file's scale, Scenario.SalienceScale).
	Position float64 `json:"position"`
	Salience float64 `json:"salience"`
	// Forecast is the model's forecast and Distance |forecast − position|.
	Forecast Num `json:"forecast"`
	Distance Num `json:"distance"`
	// ForecastText is Forecast as every door writes it, a forecast's
	// point (IssueForecast.ForecastText, ask.PointText): with the digits
	// that tell which side of a red line it crosses it falls; omitted
	// where it did not settle.
	ForecastText string `json:"forecast_text,omitempty"`
	// Settled is false when the model's rounds had not come to rest: then
	// Range is the span the forecast kept moving in over the last rounds
	// (the forecast answer's), Apart the nearest and the farthest that
	// range lies from the position, and the forecast is that range, not
	// the last round's point Forecast: a door shows Range and Apart.
	Settled bool      `json:"settled"`
	Range   *Interval `json:"range,omitempty"`
	Apart   *Interval `json:"apart,omitempty"`
	// UnsettledDraws is how many of the draws gave a forecast of this
	// issue that had not come to rest (Advice.UnsettledDraws), and
	// LastStepMax and LastStepMedian the largest and the median step
	// those took in their last round, on the issue's scale (0 when none;
	// as a sweep's).
	UnsettledDraws int     `json:"unsettled_draws"`
	LastStepMax    float64 `json:"last_step_max"`
	LastStepMedian float64 `json:"last_step_median"`
	// Levers, ranked by ask's one rule (docs/models.md, "What would move
	// it"): by Toward, largest first; with draws, by what holds over them
	// (a positive MeanToward first, then the most draws helped in, then
	// MeanToward, then Toward).
	Levers []Lever `json:"levers"`
	// Text says in a sentence which lever moves the forecast most.
	Text string `json:"text"`
	// HeadText heads the issue's advice at every door
	// (ask.AdviseIssueHead with ask.AdviseHeadNumbers): the forecast (its
	// range where it did not settle), where the actor stands, its
	// salience and how far apart they are; omitted in an answer stored
	// before the answers carried it.
	HeadText string `json:"head_text,omitempty"`
	// StepText says what one step is on this issue (ask.AdviseStepText):
	// a position's step on the issue's scale, a salience's on the file's,
	// the request's Step in its unit (ask.AdviseStepUnit), and whether it
	// is advise's default (DefaultAdviseStep).
	StepText string `json:"step_text,omitempty"`
}

// Lever is one change of one input, with what it does.
type Lever struct {
	// Kind is own-position, own-salience, persuade-position or
	// persuade-salience, and KindText names it as every door does
	// (ask.LeverKindText: "persuade: position"); KindText is omitted in
	// an answer stored before the answers carried it.
	Kind     string `json:"kind"`
	KindText string `json:"kind_text,omitempty"`
	// Actor and Name are whose stance changes (the advised actor's own,
	// or the actor to persuade); Issue is the stance's issue.
	Actor string `json:"actor"`
	Name  string `json:"name"`
	Issue string `json:"issue"`
	// From and To are the input's value before and after (a position on
	// the issue's scale, or a salience on the file's scale,
	// Scenario.SalienceScale).
	From float64 `json:"from"`
	To   float64 `json:"to"`
	// Shift is the change of the issue's forecast the lever causes.
	Shift Num `json:"shift"`
	// Toward is how much closer the forecast comes to the advised actor's
	// position on the issue, |f − x| − |f' − x| (negative: farther).
	Toward Num `json:"toward"`
	// ShiftText and TowardText are Shift and Toward as every door writes
	// them (ask.LeverDecimals): signed, with one decimal more than the
	// issue's, or as many more as keep every nonzero shift and toward of
	// the issue's levers from reading as zero. Omitted in an answer
	// stored before they were carried.
	ShiftText  string `json:"shift_text,omitempty"`
	TowardText string `json:"toward_text,omitempty"`
	// PerUnit is Shift per unit of the input's change (To − From).
	PerUnit Num `json:"per_unit"`
	// Gain is the change of the advised actor's utility over every issue
	// (a lever on one issue may move others in models that link issues);
	// Cost is the utility it gives up on the issues where the forecast
	// moves away from it (≥ 0).
	Gain Num `json:"gain"`
	Cost Num `json:"cost"`
	// CostText is Cost as every door writes it (ask.LeverCost: "0",
	// "0.0420", "3.2e-05"), written by ask; omitted in an answer stored
	// before the answers carried it.
	CostText string `json:"cost_text,omitempty"`
	// MeanToward and Helps are, over the draws in which the lever's run
	// gave a forecast of its issue, Toward's mean and the share of those
	// draws where the lever brings the forecast closer (only with draws;
	// absent too when its run gave none in every draw: a run that failed
	// or left the issue with no forecast is no shift, not one of 0).
	MeanToward *float64 `json:"mean_toward,omitempty"`
	Helps      *float64 `json:"helps,omitempty"`
	// HelpsInterval is Helps's Wilson score interval at 95% (mcerr.Wilson)
	// over those draws; absent with Helps.
	HelpsInterval *[2]float64 `json:"helps_interval,omitempty"`
	// HelpsText is Helps as every door writes a chance (ask.Chance: a
	// nonzero share never reads "0%", one below 1 never "100%"); absent
	// with Helps, and in an answer stored before the answers carried it.
	HelpsText string `json:"helps_text,omitempty"`
	// FailedDraws is how many draws the lever's run failed in (the model
	// returned an error with it pulled), left out of MeanToward and
	// Helps; 0, absent, when none did or without draws. The answer's
	// warnings name the levers that failed and the first error.
	FailedDraws int `json:"failed_draws,omitempty"`
	// WalksBack says, of an own-position lever that moves the actor's
	// position away from a proposal it has tabled (one it is a proposer
	// of, not withdrawn, whose package sets the lever's issue), which
	// offer it walks back ("walks back its own tabled offer
	// hospital-offer-2 at 4.0"); "" for every other lever.
	WalksBack string `json:"walks_back,omitempty"`
	// Text is the lever in words, as every door writes it
	// (ask.LeverSentence): what it changes, WalksBack, how much closer
	// the forecast comes with that as a share of the issue's scale, and
	// the utility it gains with that as a share of what the actor lacks
	// at the forecast.
	Text string `json:"text,omitempty"`
	// CaveatText is the line every door gives under the issue's levers
	// for a lever that WalksBack, unless the issue's sentence already
	// holds its Text: "caveat: " and Text (ask.LeverCaveatText); omitted
	// for every other lever.
	CaveatText string `json:"caveat_text,omitempty"`
	// NoForecastDraws is how many draws the lever left its issue with no
	// forecast in: with it pulled no actor weighs the issue (it lowered
	// to 0 the salience of the only actor with weight there), so no
	// model can forecast it. Those draws are left out of MeanToward and
	// Helps, as failed ones are; 0, absent, when none or without draws.
	// The answer's warnings name such levers.
	NoForecastDraws int `json:"no_forecast_draws,omitempty"`
}
