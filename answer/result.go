package answer

import (
	"parley/deal"
	"parley/docs"
	"parley/model"
	"parley/skill"
	"parley/sweep"
)

// Forecast answers a ForecastRequest: every model's forecast per issue.
type Forecast struct {
	Scenario Scenario        `json:"scenario"`
	Request  ForecastRequest `json:"request"`
	Models   []ModelForecast `json:"models"`
	// RedLinesCrossed are the stated red lines the models' forecasts
	// cross, each once with every model that crosses it and where, in
	// the words every door prints under its heading (ask.RedLinesCrossed,
	// ask.RedLinesCrossedHead): "Russia's red line (it needs Territory
	// >= 65): compromise 46.8; nash, ks 35.0". Omitted when none is.
	RedLinesCrossed []string `json:"red_lines_crossed,omitempty"`
	// RedLinesCrossedHead is the heading every door prints over
	// RedLinesCrossed (ask.RedLinesCrossedHead; the command line in lower
	// case, as its other headings); omitted when none is crossed.
	RedLinesCrossedHead string `json:"red_lines_crossed_head,omitempty"`
	// BottomLine is what the models' forecasts come to, issue by issue
	// (ask.BottomLine), which every door shows first; omitted when fewer
	// than two models ran.
	BottomLine *BottomLine `json:"bottom_line,omitempty"`
}

// ModelForecast is one model's forecast of every issue. A model that
// failed has Error set and no issues; the other models still answer.
type ModelForecast struct {
	Model string `json:"model"`
	// Error says why the model gave no forecast.
	Error string `json:"error,omitempty"`
	// Err is the error behind Error, with its code; not in the JSON.
	Err    error           `json:"-"`
	Issues []IssueForecast `json:"issues"`
	// Notes are what the model says about its run (a detected scale, a
	// degenerate case handled, why it stopped), each written with the
	// scenario's names (ask.NoteText), then the red lines' (RedLines).
	Notes []string `json:"notes,omitempty"`
	// ModelNotes are the model's own notes as it gave them, their issues
	// and actors as ids (less any the Warnings say again): what an answer
	// that keeps the notes of one issue sorts by (ask's explanation of
	// an issue). Notes begin with them, written. Not in the JSON.
	ModelNotes []model.Note `json:"-"`
	// Warnings are what the reader must know before using a number: a
	// forecast that did not settle, most of all (one warning for all the
	// issues that did not settle, each named with its range, or the
	// issue's own sentence when it is the only one).
	Warnings []string `json:"warnings,omitempty"`
	// RedLines are the stated red lines the model's forecasts cross, one
	// for each issue and actor, in issue order; each is also a note (its
	// Text), so that a reader of the notes alone misses none. Omitted
	// when none is crossed.
	RedLines []RedLineCrossing `json:"red_lines,omitempty"`
	// Detail is model-specific output that the peer-format writers of
	// package ask read (KTAB's log, Decide's exchanges); not in the JSON.
	Detail any `json:"-"`
}

// RedLineCrossing is a stated red line a model's forecast of an issue
// crosses: the test is deal's (deal.Crosses); of a forecast that did not
// settle, of the range it kept moving in, which may cross it in part.
type RedLineCrossing struct {
	Issue string `json:"issue"`
	// Actor is the id of the actor whose red line it is.
	Actor string `json:"actor"`
	// RedLine names it as the file writes it: "Russia's red line
	// (Territory >= 65)".
	RedLine string `json:"red_line"`
	// At is the forecast, or the range of one that did not settle, at
	// the issue's decimals: "55.0", "60.0–65.4".
	At string `json:"at"`
	// Partly is true when only part of the range crosses it.
	Partly bool `json:"partly,omitempty"`
	// Note is the crossing as the model's note says it (Text), sent for
	// the page to show as it is.
	Note string `json:"text"`
}

// Text is the crossing as the model's note says it: "55.0 crosses
// Russia's red line (it needs Territory at 65 or above)". The red line names the
// actor and the issue by name, so no id leads it (docs/DECISIONS.md,
// "names24").
func (c RedLineCrossing) Text() string {
	verb := "crosses"
	if c.Partly {
		verb = "partly crosses"
	}
	return c.At + " " + verb + " " + c.RedLine
}

// ForecastOf returns the model's forecast of the issue with the id; false
// when it has none (a model that failed has none of any issue).
func (m *ModelForecast) ForecastOf(issue string) (IssueForecast, bool) {
	for _, f := range m.Issues {
		if f.Issue == issue {
			return f, true
		}
	}
	return IssueForecast{}, false
}

// Unsettled returns the model's forecasts that did not settle (each with
// the range it kept moving in), in issue order.
func (m *ModelForecast) Unsettled() []IssueForecast {
	var out []IssueForecast
	for _, f := range m.Issues {
		if !f.Settled && f.Range != nil {
			out = append(out, f)
		}
	}
	return out
}

// IssueForecast is one model's forecast of one issue.
type IssueForecast struct {
	Issue string `json:"issue"`
	Name  string `json:"name"`
	// Forecast is the model's answer (its last round's, for models that
	// move in rounds); null when there is none.
	Forecast Num `json:"forecast"`
	// Settled is false when the model's rounds had not come to rest: then
	// Range is the span the forecast kept moving in over the last rounds
	// (Cycle the values it alternates between, when it cycles), and the
	// forecast is that range, not a point.
	Settled bool      `json:"settled"`
	Range   *Interval `json:"range,omitempty"`
	Cycle   []float64 `json:"cycle,omitempty"`
	// Nearest are the labelled options nearest the forecast: one, or
	// several on an exact tie. For a forecast that did not settle, the
	// options its range reaches (Scenario.Spanned).
	Nearest []Anchor `json:"nearest"`
	// ForecastText is the forecast as every door writes its point
	// (ask.PointText): at the issue's decimals, or with as many more as
	// make the number written cross a red line the forecast crosses
	// ("34.98", not "35.0", beside ">= 35"). Omitted for a forecast that
	// did not settle (its range is written) or none, and in an answer
	// stored before it was carried.
	ForecastText string `json:"forecast_text,omitempty"`
	// PointsText is the scale points of the options all of the forecast
	// reads as (ask.PointsText of Nearest): "→70", "→25 / 75" for a tie;
	// omitted for a forecast that did not settle whose range reaches
	// several options, or none. parley forecast writes it after the
	// number, the page before the options' labels.
	PointsText string `json:"points_text,omitempty"`
	// NearestText is the options the forecast reads as, by their points
	// and labels (ask.NearestText), as the page's cell writes them under
	// the number: "→70 30-day ceasefire", "→30 30 years over all its
	// range" for a forecast that did not settle whose whole range reads
	// as one option; omitted where PointsText is. Omitted too in an
	// answer stored before it was carried: the page then shows the
	// labels plainly (docs/DECISIONS.md, texts24f).
	NearestText string `json:"nearest_text,omitempty"`
	// UnsettledText says, of a forecast that did not settle, the range to
	// read it as, in the words the model's warning gives this issue among
	// the others (ask's unsettledText: "did not settle: read it as the
	// range 20.7–90.0 (69.3% of the scale, across options), cycling
	// through 90.0, 20.7 (period 2)"); omitted for a settled forecast and
	// in an answer stored before it was carried.
	UnsettledText string `json:"unsettled_text,omitempty"`
	// Values holds extra named numbers (e.g. "mean", "stop_round").
	Values map[string]float64 `json:"values,omitempty"`
	// Rounds holds round 0 (the starting positions) and every round
	// after; empty for models without rounds.
	Rounds []Round `json:"rounds,omitempty"`
	// Distribution is where the outcome may land, for models that give a
	// predictive distribution fitted on real outcomes (snap,
	// compromise-band); omitted for the others.
	Distribution *Distribution `json:"distribution,omitempty"`
	// Predictive is the model's distribution itself, for the questions
	// that score it (backtest, ledger); not in the JSON.
	Predictive *model.Predictive `json:"-"`
}

// Distribution is a model's predictive distribution of one issue's
// outcome: how far real outcomes fell from forecasts like this one (its
// parameters are fitted on DEU train, docs/skill.md), not the spread of
// the stated input ranges (that is what sweep adds).
type Distribution struct {
	// Median is the distribution's median.
	Median Num `json:"median"`
	// Interval80 and Interval95 hold 80% and 95% of the outcomes'
	// probability (calibrated on DEU train).
	Interval80 Interval `json:"interval80"`
	Interval95 Interval `json:"interval95"`
	// Options give, per labelled option, the probability that the outcome
	// lands nearer it than any other option (ties to the lower); empty
	// when the issue has no labelled options.
	Options []OptionProb `json:"options"`
	// Positions give, per distinct stated position, the probability that
	// the outcome is exactly there.
	Positions []PositionProb `json:"positions"`
	// Elsewhere is the probability that the outcome is at none of them.
	Elsewhere Num `json:"elsewhere"`
	// Likeliest is where the outcome most probably lands: every labelled
	// option as probable as the most probable (to 1e-12), or, on an issue
	// with none, every stated position as probable as the most probable
	// (several on a tie, which is named, not broken); empty when there is
	// neither or no probability is a number.
	Likeliest []Likely `json:"likeliest"`
	// LikeliestNote says why the likeliest option is not the option
	// nearest the forecast, where it is not (ask's likeliestNote): the
	// chance of an option is of the whole stretch of the scale nearer it
	// than any other option, and the likeliest's stretch is wider or holds
	// more of the chance the model puts on single values. Empty, and
	// omitted, when a likeliest option is a nearest one, or there is no
	// option or no settled forecast.
	LikeliestNote string `json:"likeliest_note,omitempty"`
	// LikeliestChanceText is the likeliest's chance as every door writes
	// it (ask.LikeliestChance): "26%", the dash when none is a number.
	// Written by ask with each Likely's Text; omitted in an answer stored
	// before the answers carried their words.
	LikeliestChanceText string `json:"likeliest_chance_text,omitempty"`
}

// Likely is one of the likeliest places for the outcome: a labelled
// option (Label) or a stated position (Actors).
type Likely struct {
	Value float64 `json:"value"`
	// Label is the option's label; omitted for a stated position.
	Label string `json:"label,omitempty"`
	// Actors are the actors stated at the position; omitted for an
	// option.
	Actors []string `json:"actors,omitempty"`
	P      Num      `json:"p"`
	// Text names it as every door does (ask.LikelyText): an option by
	// its point and label, "→55 30-day ceasefire", a position by its
	// value and its actors' names, "62.0 (Alpha, Beta)". Written by ask;
	// omitted in an answer stored before the answers carried their words.
	Text string `json:"text,omitempty"`
}

// OptionProb is the probability of one labelled option.
type OptionProb struct {
	Label string  `json:"label"`
	Value float64 `json:"value"`
	P     Num     `json:"p"`
}

// PositionProb is the probability that the outcome is at one stated
// position, with the actors stated there.
type PositionProb struct {
	Value  float64  `json:"value"`
	Actors []string `json:"actors"`
	P      Num      `json:"p"`
}

// Interval is a closed range of a scale.
type Interval struct {
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
}

// Round is the state after one round.
type Round struct {
	Round int `json:"round"`
	// Positions are by actor id (actors absent from the issue left out).
	Positions map[string]float64 `json:"positions"`
	Forecast  Num                `json:"forecast"`
	Values    map[string]float64 `json:"values,omitempty"`
}

// Sweep answers a sweep request: per model, the Monte Carlo summary of
// every issue's forecast over the stated ranges.
type Sweep struct {
	Scenario Scenario     `json:"scenario"`
	Request  SweepRequest `json:"request"`
	Models   []SweepModel `json:"models"`
	// HeldFixed is what the draws held at the stated values, having no
	// range (ask.HeldFixedText says it).
	HeldFixed *HeldFixed `json:"held_fixed,omitempty"`
	// SpreadText says what the sweep's intervals are, for every door to
	// print under its head (ask.SweepSpreadText).
	SpreadText string `json:"spread_text"`
	// RedLinesCrossed are the stated red lines the models' forecasts at
	// the stated values cross (each model's RedLines), in a forecast's
	// words (Forecast.RedLinesCrossed, ask.RedLinesCrossed), which every
	// door prints under RedLinesCrossedHead; omitted when none is.
	RedLinesCrossed []string `json:"red_lines_crossed,omitempty"`
	// RedLinesCrossedHead is their heading, a forecast's
	// (Forecast.RedLinesCrossedHead); omitted when none is crossed.
	RedLinesCrossedHead string `json:"red_lines_crossed_head,omitempty"`
}

// SweepResult is package sweep's summary of one model's draws.
type SweepResult = sweep.Result

// SweepIssue is the summary of one issue's draws.
type SweepIssue = sweep.IssueSummary

// SweepBin is one histogram bin.
type SweepBin = sweep.Bin

// SweepPosition is the kind of a swept input that is a stance's position,
// a number on its issue's scale (a salience or a capability is not).
const SweepPosition = sweep.Position

// SweepCombined is the spread of the outcome from the inputs and the
// model's error together.
type SweepCombined = sweep.Combined

// SweepModel is one model's sweep, with what the model said about its
// run at the stated values and what the reader must know about the sweep
// (a forecast at the stated values that lies outside its own 80%
// interval, an interrupted run).
type SweepModel struct {
	*SweepResult
	// AloneText says, under the model's head, that its intervals are
	// this model's alone and where the closed-form models put the
	// issues at the stated values when beyond them (ask.aloneText).
	AloneText string `json:"alone_text"`
	// Notes are what the model said about its run at the stated values,
	// the run each issue's base is the forecast of, as a forecast's
	// notes (ModelForecast's) give them, less its red lines crossed,
	// which RedLines gives: the draws keep none.
	Notes []string `json:"notes,omitempty"`
	// RedLines are the stated red lines that run's forecasts cross, as
	// ModelForecast's RedLines gives them (not repeated in Notes).
	RedLines []RedLineCrossing `json:"red_lines,omitempty"`
	Warnings []string          `json:"warnings,omitempty"`
	// InterruptedText says how many of the requested draws an
	// interrupted sweep kept, as every door heads it
	// (ask.InterruptedAfter: "interrupted after 37 of 1,000 draws");
	// omitted when the sweep was not interrupted.
	InterruptedText string `json:"interrupted_text,omitempty"`
	// IntervalLegend says what the parentheses of the options'
	// probabilities (SweepIssue's Bands, PText) hold (ask.IntervalLegend);
	// omitted in an answer stored before the answers carried their words.
	IntervalLegend string `json:"interval_legend,omitempty"`
	// HeadText says what the sweep drew, as every door heads it
	// (ask.SweepHead: "model compromise: 1,000 draws (triangular, seed
	// 1); 150 uncertain inputs", InterruptedText before the inputs when
	// interrupted; with none, that the draws are the point forecast N
	// times; kept to one issue, the inputs that bear on it, "30 of the
	// 150 uncertain inputs bear on Territory (…)", ask.SweepInputsOn);
	// omitted in an answer stored before it was carried.
	HeadText string `json:"head_text,omitempty"`
}

// Sensitivity answers a sensitivity request: per model and issue, the
// inputs ranked by how far they move the forecast.
type Sensitivity struct {
	Scenario Scenario            `json:"scenario"`
	Request  SweepRequest        `json:"request"`
	Models   []*SensitivityModel `json:"models"`
	// HeldFixed is what the draws held at the stated values, having no
	// range (ask.HeldFixedText says it).
	HeldFixed *HeldFixed `json:"held_fixed,omitempty"`
	// RedLinesCrossed are the stated red lines the models' forecasts at
	// the stated values cross (each model's RedLines), in a forecast's
	// words (Forecast.RedLinesCrossed, ask.RedLinesCrossed), which every
	// door prints under RedLinesCrossedHead; omitted when none is.
	RedLinesCrossed []string `json:"red_lines_crossed,omitempty"`
	// RedLinesCrossedHead is their heading, a forecast's
	// (Forecast.RedLinesCrossedHead); omitted when none is crossed.
	RedLinesCrossedHead string `json:"red_lines_crossed_head,omitempty"`
}

// SensitivityResult is package sweep's tornado of one model.
type SensitivityResult = sweep.SensitivityResult

// SensitivityModel is one model's tornado, with what the model said about
// its run at the stated values and what the reader must know about the
// analysis (a forecast at the stated values that did not settle).
type SensitivityModel struct {
	*SensitivityResult
	// Notes are what the model said about its run at the stated values,
	// the run each issue's base (the ● of its tornado) is the forecast
	// of, as a forecast's notes (ModelForecast's) give them, less its
	// red lines crossed, which RedLines gives: the ends and the draws
	// keep none.
	Notes []string `json:"notes,omitempty"`
	// RedLines are the stated red lines that run's forecasts cross, as
	// ModelForecast's RedLines gives them (not repeated in Notes).
	RedLines []RedLineCrossing `json:"red_lines,omitempty"`
	Warnings []string          `json:"warnings,omitempty"`
	// SharesNotes is, by issue id, the line every door gives under the
	// issue's tornado (ask.SharesText): what its variance shares are and
	// sum to, opening, where the draws do not yet order the inputs (two
	// intervals overlap, one wider than ask.ShareOrderWidth), with those
	// inputs and the draws to raise them to.
	SharesNotes map[string]string `json:"shares_notes"`
	// SharesCommonText is the opening every issue's SharesNotes line
	// shares, up to its last clause in common, said once above the
	// tornadoes and ended with a full stop (ask.SharesCommon): "Var.
	// share: the share of the forecast's variance each input explains
	// alone, estimated from 2,000 draws, with its 95% interval
	// (bootstrap, 1,000 resamples)."; omitted where fewer than two
	// issues have a line, or they share less than a clause of 40
	// characters.
	SharesCommonText string `json:"shares_common_text,omitempty"`
	// SharesRestText is, by issue id, the rest of the issue's
	// SharesNotes line after SharesCommonText, its first letter upper
	// case ("The shares sum to 1.00"); the whole line where there is no
	// common opening. The page prints it under the issue's tornado.
	SharesRestText map[string]string `json:"shares_rest_text,omitempty"`
}

// SensitivityIssue is one issue's tornado.
type SensitivityIssue = sweep.IssueSensitivity

// SensitivitySwing is one input's swing of one issue's forecast.
type SensitivitySwing = sweep.Swing

// DealEvaluation answers a deal evaluate request.
type DealEvaluation struct {
	Scenario Scenario            `json:"scenario"`
	Request  DealEvaluateRequest `json:"request"`
	// NoDeal names the package behind each actor's alternative:
	// "reference", "model:NAME" or "none".
	NoDeal string `json:"no_deal"`
	// NoDealText says that package in words (ask.NoDealText: "No-deal
	// package behind each alternative: the status quo (each issue's
	// reference point)."), as every door prints it; omitted in an answer
	// stored before it was carried.
	NoDealText string `json:"no_deal_text,omitempty"`
	// Rest names where the issues the package leaves out took their value.
	Rest       string        `json:"rest"`
	Evaluation *DealVerdicts `json:"evaluation"`
	// NearestText names, issue by issue in the scenario's order, the
	// labelled options nearest the package's value, each with its point
	// (ask.NearestOptionText, "+25c (25.0)"; "" for an issue with none):
	// deal evaluate's column "Nearest option". Absent from an answer
	// stored before it was carried.
	NearestText []string `json:"nearest_text,omitempty"`
	// SummaryText says in words whether the package is accepted and by
	// what test, or who blocks it (ask.EvaluationSummary: "Accepted:
	// every required actor accepts it.", "Blocked by: Russia."), as
	// every door prints it under the verdicts; omitted in an answer
	// stored before it was carried.
	SummaryText string `json:"summary_text,omitempty"`
	// RestCrossedText says which red lines are crossed only on the issues
	// the package does not name, at the value the rest gives them, and
	// that deal proposals, judging a proposal that leaves those issues
	// open, does not check them there (ask.RestCrossedText: "Egypt's red
	// line Drought release >= 35 is crossed at 30.0 (reference), an issue
	// the package does not name: …"), as every door prints it under the
	// summary; omitted where no such red line is crossed.
	RestCrossedText string `json:"rest_crossed_text,omitempty"`
	// Robust is the robust analysis, when asked for.
	Robust *DealRobustness `json:"robust,omitempty"`
	// HeldFixed is what the robust analysis's draws held at the stated
	// values, having no range; only with Robust.
	HeldFixed *HeldFixed `json:"held_fixed,omitempty"`
	Warnings  []string   `json:"warnings,omitempty"`
}

// DealRobustness is package deal's robust analysis.
type DealRobustness = deal.Robust

// DealVerdicts is package deal's evaluation of one package.
type DealVerdicts = deal.Evaluation

// DealVerdict is one actor's verdict on a package.
type DealVerdict = deal.Verdict

// DealRuleVerdict is whether a package passes one issue's decision rule.
type DealRuleVerdict = deal.RuleVerdict

// DealSearch answers a deal search request.
type DealSearch struct {
	Scenario Scenario          `json:"scenario"`
	Request  DealSearchRequest `json:"request"`
	NoDeal   string            `json:"no_deal"`
	// NoDealText says the no-deal package in words (ask.NoDealText), and
	// MustAcceptText whose acceptance the zone needs (ask.MustAcceptText:
	// "Must accept: Ukraine, Russia."), as every door prints them;
	// omitted in an answer stored before they were carried.
	NoDealText     string          `json:"no_deal_text,omitempty"`
	MustAcceptText string          `json:"must_accept_text,omitempty"`
	Result         *DealZone       `json:"result"`
	Robust         *DealRobustness `json:"robust,omitempty"`
	// HeldFixed is what the robust analysis's draws held at the stated
	// values, having no range; only with Robust.
	HeldFixed *HeldFixed `json:"held_fixed,omitempty"`
	Warnings  []string   `json:"warnings,omitempty"`
	// SolverText is the search's technical detail in words, which every
	// door prints last (ask.SolverLine): the loss's exponent, the no-deal
	// package, the work and the certificate gaps. Every answer made now
	// has it; one stored before the deal answers carried their words
	// has not (nor their other texts).
	SolverText string `json:"solver_text,omitempty"`
}

// DealZone is package deal's search result.
type DealZone = deal.Result

// DealPackage is one package of a search.
type DealPackage = deal.Package

// DealRestated says how a search's package was restated at the options
// of its discrete issues.
type DealRestated = deal.Restated

// DealAtOptions says whether a search's open zone holds a package with
// every discrete issue at one of its options.
type DealAtOptions = deal.AtOptions

// DealPlan is a set of concessions that would open an empty zone.
type DealPlan = deal.ConcessionPlan

// DealBend is one red line a plan bends.
type DealBend = deal.Bend

// DealShortfall is one required actor below its alternative in a plan.
type DealShortfall = deal.Shortfall

// DealContradiction is one issue whose required actors' red lines leave
// no value, with each way out.
type DealContradiction = deal.Contradiction

// DealSide is one actor resolving a contradiction by crossing its own
// red lines.
type DealSide = deal.Side

// DealWaySet is several actors resolving a contradiction together, each
// crossing its own red lines.
type DealWaySet = deal.WaySet

// DealAlternative is one actor's alternative to agreement.
type DealAlternative = deal.Alternative

// Bench answers a bench request: every model scored on real outcomes.
type Bench struct {
	Request BenchRequest `json:"request"`
	Report  *BenchReport `json:"report"`
	// Notes name the issues left out and why.
	Notes []string `json:"notes,omitempty"`
	// Run is every forecast, for --per-issue; not in the JSON.
	Run *skill.Run `json:"-"`
}

// BenchReport is package skill's report.
type BenchReport = skill.Report

// Document is one of the documents the answers cite ("see
// docs/limits.md"), which the binary carries (package docs): its file
// name and title. parley docs -f json and GET /api/docs list them;
// parley docs NAME prints one and the server serves it at /docs/NAME.md.
type Document = docs.Doc

// ModelInfo describes one model for a door's list of models.
type ModelInfo struct {
	Name string `json:"name"`
	// Title is the model's plain name ("Kalai–Smorodinsky bargaining"
	// for ks; model.Titled), which the page shows beside Name.
	Title string `json:"title"`
	// NameText names the model in running text (ask.ModelNameText): its
	// name, then its title in parentheses, "smp (KTAB spatial model,
	// SMP)"; the name alone without a title. The page's sentences and
	// its no-deal picker name a model by it.
	NameText string `json:"name_text"`
	Summary  string `json:"summary"`
	// Default is true for the models a request without models runs.
	Default bool `json:"default"`
	// Params are the model's settings.
	Params []Param `json:"params,omitempty"`
}

// Param is one model setting (see model.Param).
type Param = model.Param

// DealCloseCall is a contradiction's choice of way out read as a close
// call, with the runner-up and what it would open.
type DealCloseCall = deal.CloseCall
