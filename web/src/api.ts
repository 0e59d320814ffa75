// Types and calls of Parley's HTTP API (see /api/openapi.json).
import * as signin from './signin'

export type Range = [number, number]
export interface Anchor { value: number; label: string }
export interface Issue { id: string; name: string; description?: string; scale?: { min: number; max: number }; anchors?: Anchor[]; discrete?: boolean; reference?: number; decision?: Decision }
// Decision is an issue's decision rule (scenario.Decision): its voters and
// weights name actors by id or alias.
export interface Decision { rule: string; voters?: string[]; weights?: { [actor: string]: number }; quota?: number }
export interface Actor {
  id: string; name: string; description?: string; capability: number; capability_range?: Range; capability_note?: string
  capability_evidence?: Evidence[]; capability_assumed?: string
  aliases?: string[]; mentions?: string[]; red_lines?: { [issue: string]: string }; reservation?: number
  red_line_evidence?: { [issue: string]: Evidence[] }; red_line_assumed?: { [issue: string]: string }
  reservation_evidence?: Evidence[]; reservation_assumed?: string
}
export interface Evidence { source: string; quote: string; date?: string; note?: string }
export interface Stance {
  actor: string; issue: string; position: number; salience: number
  range?: { position?: Range; salience?: Range }
  evidence?: Evidence[]; assumed?: string; note?: string
}
export interface Source { id: string; title?: string; publisher?: string; date?: string; file?: string; url?: string }
// Changes are a snapshot's or a variant's overrides (docs/format.md).
export interface StanceChange {
  actor: string; issue: string; position?: number; salience?: number
  range?: { position?: Range; salience?: Range }; evidence?: Evidence[]; assumed?: string; note?: string
  // why the change drops a range on purpose (moves the number out of it
  // and gives none): silences the validator's warning, changes nothing else
  range_dropped?: string
}
export interface ActorChange {
  id: string; capability?: number; capability_range?: Range; capability_evidence?: Evidence[]; capability_assumed?: string
  capability_range_dropped?: string
  red_lines?: { [issue: string]: string }; reservation?: number; note?: string
  red_line_evidence?: { [issue: string]: Evidence[] }; red_line_assumed?: { [issue: string]: string }
  reservation_evidence?: Evidence[]; reservation_assumed?: string
}
export interface Changes {
  actors?: ActorChange[]; stances?: StanceChange[]; add_actors?: Actor[]; remove_actors?: string[]
  proposals?: Proposal[]; withdraw_proposals?: string[]
}
export interface Snapshot extends Changes { date: string; label?: string; description?: string }
export interface Variant extends Changes { id: string; name?: string; description?: string }
// Outcome is what happened on an issue (scenario.Outcome).
export interface Outcome { issue: string; value: number; date: string; note?: string; evidence: Evidence[] }
export interface Proposal {
  id: string; name: string; description?: string; proposers?: string[]; date: string; withdrawn?: string
  package: { [issue: string]: number }; evidence?: Evidence[]; assumed?: string; note?: string
}
// Scenario is the scenario file as JSON (scenario.Scenario); fields the
// page does not edit (issue attrs, mentions, …) are kept as they came.
export interface Scenario {
  metadata: { id: string; title: string; description?: string; as_of: string; salience_scale?: number; capability_scale?: string; sources?: Source[] }
  issues: Issue[]; actors: Actor[]; stances: Stance[]; snapshots?: Snapshot[]; variants?: Variant[]; proposals?: Proposal[]; outcomes?: Outcome[]
  [other: string]: unknown
}
// A note (note: true, also a warning) only informs, as parley validate
// prints it "note:" and --strict does not refuse it: a quote dated after
// the date from which the number it supports takes effect (scenario's
// Diagnostic).
export interface Diagnostic { path: string; file?: string; line?: number; column?: number; message: string; text?: string; valid?: string; warning?: boolean; note?: boolean }
// A save's answer adds notes: that the stored file could not be edited
// as text and was written whole; an evidence apply's says what it
// applied (docs/json.md, "Saves").
export interface ScenarioView { id: string; version: number; name: string; format: string; scenario: Scenario; warnings: Diagnostic[]; applied?: string; notes?: string[] }
// savedNotes is a save's notes as the status line adds them: " Note: …",
// or "" when it has none.
export function savedNotes(sv: { notes?: string[] }): string {
  return sv.notes?.length ? ' Note: ' + sv.notes.join(' ') : ''
}
// savedApplied is an evidence apply's answer as the status line says it:
// what was applied, the server's sentence (the one parley ingest apply
// prints) as a sentence, then its notes.
export function savedApplied(sv: { applied?: string; notes?: string[] }): string {
  const a = sv.applied ?? ''
  return (a ? a[0].toUpperCase() + a.slice(1) + '.' : '') + savedNotes(sv)
}
export interface Record { id: string; version: number; name: string }
// Version is one version of a scenario's file (GET …/versions): the
// current one, or an earlier one kept when an edit, a restore or a
// delete replaced it (docs/serve.md, "History").
export interface Version {
  version: number; name: string; format: string; size: number; saved_at: string; current: boolean
  replaced_at?: string; replaced_by?: 'edit' | 'restore' | 'delete'; restored?: number
}
export interface VersionView extends Version { id: string; scenario: Scenario; warnings: Diagnostic[] }
// Deleted is a deleted scenario whose history is kept (GET
// /api/scenarios/deleted): its id and the version the delete replaced.
export interface Deleted extends Version { id: string }
export interface Param { name: string; model: string; kind: 'bool' | 'number' | 'enum'; help: string; values?: string[]; default: string }
// ModelInfo.title is the model's plain name ("Kalai–Smorodinsky
// bargaining" for ks), shown beside its short name; name_text the model
// as a sentence names it ("smp (KTAB spatial model, SMP)").
export interface ModelInfo { name: string; title?: string; name_text?: string; summary: string; default: boolean; params?: Param[] }
export interface FormatInfo { name: string; summary: string }
export interface Run<R = unknown> { id: string; kind: string; status: string; progress: number; result?: R; error?: string; input_hash: string; seed: number; estimate?: Estimate }
// Estimate is a job's estimated size, in the answer that starts it and
// in its status while it runs: text says it in the words parley says
// it in before a long run (ask.Size.Estimated), shown as it is.
export interface Estimate { steps: number; bytes: number; cpu_seconds: number; text: string }

// The result schema (Go package answer; docs/json.md).

// AnswerScenario says what a question was asked about.
export interface AnswerScenario {
  id: string; title: string; source: string; format: string; as_of: string; snapshot: string; variant?: string; variant_name?: string
  // recorded_on: the date of the recorded state the answer reads, the
  // latest at or before as_of; as_of_text both in ask's words ("as of
  // 2026-11-25: the state recorded on 2026-11-20, the latest at or
  // before it"; only "as of DATE" on a recorded date; none without a date)
  recorded_on: string
  as_of_text?: string
  actors: { id: string; name: string; capability: number }[]
  // decimals: how many decimals every door writes a number on the
  // issue's scale with (ask.ScaleDecimals; util's decimalsOf)
  issues: { id: string; name: string; min: number; max: number; reference?: number; anchors?: Anchor[]; decimals: number }[]
  // salience_scale: the scale every salience of the answer is on, as
  // the file writes it: 1 (0–1) or 100 (0–100; util's inputValue)
  salience_scale: number
  // warnings: the file's, as validate counts them; assumed: what the
  // answer's numbers rest on that no quote backs (no warning), and
  // assumed_count its numbers and assumed_text those in ask's words,
  // "11 of 70 stances and 3 of 10 capabilities" (neither in a
  // comparison's scenario, the text none when nothing is assumed)
  warnings: string[]
  assumed: string[]
  assumed_count?: AssumedCount
  assumed_text?: string
}
// AssumedCount: of each kind of input, how many rest on an assumed
// reason alone, of how many the scenario states (answer.AssumedCount).
export interface AssumedCount { stances: AssumedOf; capabilities: AssumedOf; red_lines: AssumedOf; reservations: AssumedOf }
export interface AssumedOf { assumed: number; of: number }
export interface Target { snapshot: string; variant?: string }
// Settings are how every request that runs a model runs it (Go:
// answer.Settings): the same fields in a forecast, an explanation, advice
// and a deal.
export interface Settings { params?: { [name: string]: string }; rounds?: number; max_rounds?: number }
export interface RunRequest extends Settings { models: string[]; seed: number }
export type ForecastRequest = Target & RunRequest
export interface SweepRequest extends Target, RunRequest { draws: number; uniform?: boolean }
export interface DealRequest extends Target, Settings { require?: string[]; batna: string; rho: number; seed?: number }
export interface DealRobust { on: boolean; draws?: number; uniform?: boolean }
export interface DealEvaluateRequest extends DealRequest { package: { [issue: string]: number }; rest: string; models: string[]; robust?: DealRobust }
export interface DealSearchRequest extends DealRequest { fix?: { [issue: string]: number }; frontier?: number; samples?: number; robust?: DealRobust }

export interface Round { round: number; positions: { [actor: string]: number }; forecast: number | null; values?: { [k: string]: number } }
export interface IssueForecast {
  issue: string; name: string; forecast: number | null
  // settled is false when the rounds had not come to rest: the forecast
  // is then range (and cycle), not a point.
  settled: boolean; range?: { lo: number; hi: number }; cycle?: number[]
  // nearest: the labelled options nearest the forecast (more than one on a
  // tie); for an unsettled forecast, the options its range reaches.
  nearest: Anchor[]; values?: { [k: string]: number }; rounds?: Round[]
  // points_text: the points all of it reads as ("→70", ask.PointsText);
  // nearest_text those options by points and labels, as the cell writes
  // them ("→70 …", "… over all its range" for an unsettled one); both
  // omitted where no option reads as all of it, and in an answer stored
  // before they were carried.
  points_text?: string; nearest_text?: string
  // unsettled_text: one that did not settle, the range to read it as, in
  // the words the model's warning gives the issue (ask's unsettledText);
  // omitted for a settled one, and in an answer stored before it was
  // carried.
  unsettled_text?: string
  // forecast_text: a settled forecast as every door writes it
  // (ask.PointText: "34.98", not "35.0", beside a red line ">= 35" it
  // crosses); omitted for one that did not settle.
  forecast_text?: string
  // distribution: where the outcome may land, for models fitted on real
  // outcomes (snap); see docs/json.md, Distribution.
  distribution?: Distribution
}
export interface Distribution {
  median: number | null; interval80: { lo: number; hi: number }; interval95: { lo: number; hi: number }
  options: { label: string; value: number; p: number | null }[]
  positions: { value: number; actors: string[]; p: number | null }[]; elsewhere: number | null
  // likeliest: every option as probable as the most probable (or, with no
  // labelled options, every stated position), several on a tie.
  likeliest: Likely[]
  // likeliest_note: why the likeliest option is not the forecast's
  // nearest, in ask's words; absent when it is (docs/json.md).
  likeliest_note?: string
  // likeliest_chance_text: their chance in ask's words ("26%",
  // ask.LikeliestChance); absent from an answer stored before the
  // answers carried their words.
  likeliest_chance_text?: string
}
// Likely is one of a distribution's likeliest: an option (label) or a
// stated position (actors); text names it in ask's words ("→55 30-day
// ceasefire", "62.0 (Alpha, Beta)": ask.LikelyText), absent from an
// answer stored before the answers carried their words.
export interface Likely { value: number; label?: string; actors?: string[]; p: number | null; text?: string }
export interface ModelForecast { model: string; error?: string; issues: IssueForecast[]; notes?: string[]; warnings?: string[]; red_lines?: RedLineCrossing[] }
// bottom_line: what the models come to, issue by issue (ask.BottomLine):
// its head and each issue's text are the words every door prints; the
// numbers beside them (docs/json.md, BottomLine); absent when fewer than
// two models ran.
export interface BottomLineIssue {
  issue: string; name: string; text: string; lead_model: string; forecast: number | null; settled: boolean; range?: { lo: number; hi: number }; nearest: Anchor[]
  agree: number; models: number; low: number | null; high: number | null; low_models: string[]; high_models: string[]
  interval80?: { lo: number; hi: number }; likeliest?: Likely[]; unsettled?: string[]; red_lines?: string[]
}
export interface BottomLine { head: string; lead: string; calibrated?: string; issues: BottomLineIssue[] }
// red_lines_crossed: each red line the models' forecasts cross, once,
// in the words parley forecast prints under red_lines_crossed_head
// (ask.RedLinesCrossedHead; both omitted when none is crossed).
export interface Forecast { scenario: AnswerScenario; request: ForecastRequest; models: ModelForecast[]; red_lines_crossed?: string[]; red_lines_crossed_head?: string; bottom_line?: BottomLine }

// Comparison: forecasts of variants or snapshots side by side, each cell
// a forecast (null where the model or the column failed: its column's
// error says why) and its change against the first column, given only
// where both settled (docs/json.md, Compare). The page shows the changes
// it is given and works out none.
export interface CompareRequest extends RunRequest { snapshot: string; variant?: string; over: 'variants' | 'snapshots'; variants?: string[]; snapshots?: string[] }
export interface CompareColumn { snapshot: string; as_of: string; recorded_on: string; as_of_text?: string; variant?: string; variant_name?: string; label: string; assumed?: string[] }
export interface CompareCell { forecast: IssueForecast | null; change?: number; change_text?: string }
export interface CompareModel {
  model: string; columns: { error?: string; warnings?: string[]; notes?: string[] }[]
  // unsettled_text and no_forecast_text: over snapshots, the columns
  // where the model's line has no point on the issue, in ask's words
  // (ask.CompareGapTexts), the timeline's notes under its chart
  issues: { issue: string; name: string; cells: CompareCell[]; unsettled_text?: string; no_forecast_text?: string }[]
}
// red_lines_crossed: each red line the columns' forecasts cross, once,
// in the words parley compare prints under red_lines_crossed_head.
// span_text: over snapshots, the dates the columns span and the variant
// by its name (ask.CompareSpanText), as parley compare's heading says it.
export interface Comparison { scenario: AnswerScenario; request: CompareRequest; columns: CompareColumn[]; models: CompareModel[]; warnings?: string[]; red_lines_crossed?: string[]; red_lines_crossed_head?: string; span_text?: string }

// A bin's text: its edges as every door writes them (ask.BinEdges: the
// histogram's decimals and its one separator); absent from an answer
// stored before it was carried (lines25); its share_text, its share of
// the draws (ask.BinShareText), likewise.
export interface Bin { low: number; high: number; count: number; text?: string; share_text?: string }
// Band's p_interval and p_at_least_interval: p's and p_at_least's Wilson
// intervals over the draws (mcerr.Wilson), [low, high]; p_text and
// p_at_least_text write each with its interval in ask's words
// (ask.ProbabilityText), absent from an answer stored before the answers
// carried their words.
export interface Band { label: string; value: number; low: number; high: number; p: number; p_at_least: number; p_interval: [number, number]; p_at_least_interval: [number, number]; p_text?: string; p_at_least_text?: string }
// SweepCombined: the outcome's spread with the model's own error on real
// outcomes added to the inputs' (models with a predictive distribution,
// e.g. snap), and how the variance splits between the two.
export interface SweepCombined { lo80: number; hi80: number; lo95: number; hi95: number; sd: number; sd_inputs: number; sd_model: number; share_inputs: number; share_model: number; share_text?: string; outcome_text?: string }
export interface SweepIssue {
  issue: string; name: string; base: number; base_text?: string; mean: number; sd: number; median: number; lo80: number; hi80: number; lo95: number; hi95: number
  // interval_text: both intervals as every door writes an interval
  // (ask.SweepIntervalText: "80% 45.3–54.2, 95% 40.1–60.0")
  interval_text?: string
  // inputs_text: the line on the spread over the inputs every door
  // prints (ask.SweepInputsText: "Forecast over the inputs: median …")
  inputs_text?: string
  // unsettled_draws: the draws whose forecast of this issue had not come
  // to rest (counted at their last round's point); last_step_max and
  // last_step_median: the most and the median they moved in their last
  // round, on the issue's scale; draws_unsettled_text says so in ask's
  // words (ask.DrawsUnsettledText; absent when none).
  unsettled_draws: number; last_step_max: number; last_step_median: number; draws_unsettled_text?: string
  // fixed: nothing that moves the model's forecast of this issue has a
  // range, so its interval is a point, not a certainty; fixed_text says
  // so in ask.SweepFixedText's words.
  fixed?: boolean; fixed_text?: string
  // outside_text: the clause the histogram's caption adds where the
  // forecast at the stated values lies outside the 80% interval
  // (ask.SweepOutsideText), shown as it is
  outside_text?: string
  // likeliest_text: the option (options, on a tie) the most draws land
  // nearest, with their share, in ask.SweepLikeliestText's words
  histogram: Bin[]; bands?: Band[]; likeliest_text?: string; combined?: SweepCombined
}
export interface SweepInput { kind: string; actor: string; issue?: string; low: number; value: number; high: number }
// A stated red line a forecast crosses (answer.RedLineCrossing): a
// forecast's red_lines, and a sweep's, a sensitivity analysis's and
// advice's of their forecast at the stated values.
export interface RedLineCrossing { issue: string; actor: string; red_line: string; at: string; partly?: boolean; text: string }
// SweepModel's and Sensitivity's notes: what the model said about its
// run at the stated values (the draws and ends keep none), less the red
// lines that run crosses (red_lines).
// alone_text: whose intervals these are, and where the closed-form
// models fall beyond them (ask's line under the sweep's head).
// interrupted_text: how many draws an interrupted sweep kept
// (ask.InterruptedAfter); interval_legend: what the options'
// parentheses hold (ask.IntervalLegend); head_text: the head every
// door prints (ask.SweepHead); each in ask's words.
export interface SweepModel { model: string; requested: number; draws: number; interrupted: boolean; unsettled_draws: number; seed: number; distribution: string; inputs: SweepInput[]; issues: SweepIssue[]; alone_text: string; notes?: string[]; red_lines?: RedLineCrossing[]; warnings?: string[]; interrupted_text?: string; interval_legend?: string; head_text?: string }
// HeldFixed: what an answer that varies the inputs held at the stated
// values, having no range; text is ask.HeldFixedText's sentence ("" when
// every input has a range).
export interface HeldFixed { positions: number; saliences: number; capabilities: number; stances: number; actors: number; assumed_stances: number; assumed_capabilities: number; text: string }
// RedLinesCrossed: an answer's red lines crossed, each once, in the
// words parley prints under red_lines_crossed_head (ask.RedLinesCrossed
// of a forecast, a sweep, a sensitivity analysis or advice;
// ask.CompareRedLinesCrossed of a comparison); omitted when none is.
export interface RedLinesCrossed { red_lines_crossed?: string[]; red_lines_crossed_head?: string }
export interface Sweep extends RedLinesCrossed { scenario: AnswerScenario; request: SweepRequest; models: SweepModel[]; held_fixed?: HeldFixed; spread_text: string }
// A swing's forecast_at_low or forecast_at_high is null where the model
// refused the problem with the input at that end (failed_at_low,
// failed_at_high say why); its swing is then measured from the other.
// base_outside_ends: the forecast at the stated values lies outside low →
// high (sweep.Swing's BaseOutside), and the swing runs to the farther end.
// In ask's words: what_text, what the input is after its actor's name
// (ask.SwingWhat); share_text, the variance share with its interval
// (ask.ShareText); mark, † or ‡ after the swing (ask.SwingMark). Absent
// from an answer stored before the answers carried their words.
export interface Swing { input: SweepInput; forecast_at_low: number | null; forecast_at_high: number | null; swing: number; variance_share: number; variance_share_interval: [number, number]; unsettled_at_low?: boolean; unsettled_at_high?: boolean; failed_at_low?: string; failed_at_high?: string; base_outside_ends?: boolean; what_text?: string; share_text?: string; mark?: string }
// SensitivityIssue: one issue's tornado, with what its variance shares
// sum to (the estimates held at 0 or more, and not held, with its
// interval).
export interface SensitivityIssue {
  issue: string; name: string; base: number; base_text?: string; unsettled_draws: number; unsettled_ends: number; ends_last_step_max: number; ends_last_step_median: number; swings: Swing[]
  // The lines under the tornado, in ask's words: its unsettled ends
  // (ask.EndsUnsettledText), its one-ended and its not monotone swings
  // among the first ask.TornadoTop (ask.OneEndedText,
  // ask.BaseOutsideText); absent when none. more_text: that the swings
  // after those move it less (ask.MoreInputsText); absent when none.
  ends_unsettled_text?: string; one_ended_text?: string; base_outside_text?: string; more_text?: string
  // fixed: nothing that moves the model's forecast of this issue has a
  // range, so every swing is 0; fixed_text says so in the sweep's words
  // (ask.SweepFixedText).
  fixed?: boolean; fixed_text?: string
  // caption_text: the tornado's caption, the issue's name and the
  // forecast at the stated values (ask.TornadoCaptionText)
  caption_text?: string
  // left_out: the inputs of other issues an issue-local model's tornado
  // leaves out (their swing here exactly 0); left_out_text says how many
  // and why (ask.LeftOutLine).
  left_out?: number; left_out_text?: string
  variance_shares_sum: number; variance_shares_raw_sum: number; variance_shares_raw_sum_interval: [number, number]
}
export interface Sensitivity extends RedLinesCrossed {
  scenario: AnswerScenario; request: SweepRequest; held_fixed?: HeldFixed
  models: { model: string; draws: number; unsettled_draws: number; ends: number; unsettled_ends: number; failed_ends: number; not_measurable?: { input: SweepInput; failed_at_low: string; failed_at_high: string }[]; seed: number; share_replicates: number; issues: SensitivityIssue[]; notes?: string[]; red_lines?: RedLineCrossing[]; warnings?: string[]; shares_notes?: { [issue: string]: string }; shares_common_text?: string; shares_rest_text?: { [issue: string]: string } }[]
}

// The *text fields are the words package ask writes once for every door
// (docs/json.md); an answer stored before they were carried has none.
export interface Crossing { issue: string; red_line: string; value: number; by: number; text?: string }
export interface Verdict { actor: string; required: boolean; utility: number; alternative: number; gain: number; alternative_from: string; alternative_text?: string; crossed?: Crossing[]; accepts: boolean; defaulted?: boolean; verdict_text?: string }
export interface ForecastDistance { model: string; mean_pct: number; max_pct: number; by_issue: number[]; text?: string }
export interface DealVerdicts { issues: string[]; package: number[]; actors: Verdict[]; accepted: boolean; blockers?: string[]; rules?: DealRuleVerdict[]; acceptance: string; defaulted?: string[]; default_note?: string; forecasts?: ForecastDistance[]; distance_head?: string }
// DealRobustness: how a deal fares over draws of the stated ranges.
export interface DealRobustness {
  draws: number; seed: number; distribution: string; inputs: number
  actors?: { actor: string; required: boolean; p_accepts: number; p_accepts_interval: [number, number]; p_accepts_text?: string; required_text?: string }[]
  p_accepted: number; p_accepted_interval: [number, number]; interval: string; acceptance: string
  p_zone?: number; p_zone_interval?: [number, number]; best?: DealPackage; candidates?: number
  // In ask's words (absent from an answer stored before the answers
  // carried them): what the parentheses hold (ask.IntervalLegend), and
  // each probability with its interval (ask.ProbabilityText).
  interval_legend?: string; p_accepted_text?: string; p_zone_text?: string
  // Its lines as every door prints them (ask.RobustHead,
  // RobustAcceptance, RobustAcceptedLine; the zone's a search's only).
  head_text?: string; zone_line_text?: string; acceptance_text?: string; accepted_line_text?: string
}
// nearest_text: issue by issue, the options nearest the package's value
// with their points (ask.NearestOptionText), as deal evaluate's column
// "Nearest option"; summary_text: the line under the verdicts
// (ask.EvaluationSummary); each absent from an answer stored before it
// was carried. rest_crossed_text: the red lines crossed only on issues
// the package does not name, which deal proposals would not count
// (ask.RestCrossedText); absent where there are none.
export interface DealEvaluation { scenario: AnswerScenario; request: DealEvaluateRequest; no_deal: string; no_deal_text?: string; rest: string; evaluation: DealVerdicts; nearest_text?: string[]; summary_text?: string; rest_crossed_text?: string; robust?: DealRobustness; held_fixed?: HeldFixed; warnings?: string[] }
// DealRuleVerdict: whether a package passes one issue's decision rule, and
// the voters who carry it (coalition); text, all of it in words
// (ask.RuleText), on the rules of deal proposals and deal evaluate.
export interface DealRuleVerdict { issue: string; rule: string; quota: number; for: number; total: number; passes: boolean; coalition?: string[]; against?: string[]; text?: string }
// restated: how deal search put a package's values on discrete issues at
// their options (deal.Restated); text is ask.RestatedText's words.
export interface DealRestated { continuous: number[]; issues: string[]; combinations: number; nearest?: boolean; yeses: number; continuous_yeses: number; lost?: string[]; value_text?: string[]; text?: string }
export interface DealAtOptions { open: boolean; checked: boolean; combinations: number; outside?: string[]; values: number[] | null; lost?: string[]; text?: string }
export interface DealPackage { label: string; values: number[]; options?: string[]; nearest_text?: string[]; utilities: number[]; gains: number[]; rules?: DealRuleVerdict[]; restated?: DealRestated }
export interface DealRuleGame { issue: string; rule: string; voters: string[]; weights: number[]; quota: number; minimal_winning: string[][]; veto: string[] }
export interface DealCoalition { actors: string[]; open: boolean; margin: number | null; margin_bound: number | null; short?: string[]; conflict?: string }
export interface Bend { actor: string; issue: string; red_line: string; to: string; by: number; strict?: boolean; from: number; utility_lost: number; options?: string[]; text?: string }
export interface Move { issue: string; from: number; to: number; by: number }
export interface Shortfall { actor: string; utility: number; alternative: number; by: number; moves?: Move[]; text?: string }
export interface DealPlan { package: DealPackage; bends?: Bend[]; shortfalls?: Shortfall[]; cost: number; utility_cost: number; scale_cost: number; gap: number; head_text?: string; cost_text?: string; same_crossing_text?: string; no_concession_text?: string }
// DealSide is one actor resolving a contradiction of red lines alone
// (deal.Side); DealWaySet several actors together (deal.WaySet, each
// member's part a DealSide); DealContradiction one issue's ways out.
export interface DealSide { actor: string; value: number; bends: Bend[]; share: number; cost: number; utility_cost: number; plans?: string[]; text?: string }
export interface DealWaySet { value: number; members: DealSide[]; cost: number; utility_cost: number; plans?: string[]; text?: string }
export interface DealContradiction { issue: string; actors: string[]; coalition?: string[]; sides: DealSide[]; sets?: DealWaySet[]; more_sets?: number; head_text?: string; more_sets_text?: string; choice_text?: string; close?: DealCloseCall }
export interface DealCloseCall { chosen: string[]; runner_up: string[]; chosen_cost: number; runner_up_cost: number; ratio: number; margin: boolean; flips: boolean; assumed?: string[]; value: number; plan?: DealPlan; text: string }
export interface DealZone {
  issues: string[]; actors: string[]; required: string[]; fixed?: { [issue: string]: number }; rho: number
  alternatives: { actor: string; value: number; from: string; text?: string; required_text?: string }[]
  open: boolean; margin: number | null; margin_bound: number | null
  balanced?: DealPackage; nash?: DealPackage; nash_product?: number; nash_bound?: number
  // restated_text: the zone and its margin are the search's before
  // restating at options (ask.BeforeRestatingText); nash_product_text the
  // Nash product's line (ask.NashProductLine).
  restated_text?: string; nash_product_text?: string
  // at_options: whether some package with every discrete issue at an
  // option is accepted (deal.AtOptions; text: ask.AtOptionsText);
  // zone_text the line on the zone under the summary (ask.ZoneLine);
  // unrestated_text that the frontier and the sample keep the search's
  // values between options (ask.UnrestatedText).
  at_options?: DealAtOptions; zone_text?: string; unrestated_text?: string
  ranges?: { issue: string; lo: number; hi: number; fixed?: boolean; indifferent?: boolean }[]
  frontier?: DealPackage[]; sample?: DealPackage[]
  concession?: { lower_alternatives?: DealPlan; bend_red_lines?: DealPlan; contradictions?: DealContradiction[]; notes?: string[] }
  rules?: DealRuleGame[]; acceptance: string; coalitions?: DealCoalition[]; veto?: string[]; veto_head_text?: string; no_veto_text?: string; blockers?: string[]
  summary: string; defaulted?: string[]; default_note?: string; notes?: string[]; stats: { solves: number; newton_steps: number; max_gap: number }
  // certified is false when the solver could not certify the answer
  // (a note says so): the bounds are then not stated.
  certified: boolean
}
export interface DealSearch { scenario: AnswerScenario; request: DealSearchRequest; no_deal: string; no_deal_text?: string; must_accept_text?: string; result: DealZone; robust?: DealRobustness; held_fixed?: HeldFixed; warnings?: string[]; solver_text?: string }

// Deal proposals (docs/json.md, "Deal proposals").
export interface DealProposalsRequest extends DealRequest { all_snapshots?: boolean; models: string[] }
// open_crossed: the red lines the proposal's open issues would cross at
// their value without a deal, not checked (their text as crossed's).
export interface ProposalVerdict extends Verdict { why: string; open_crossed?: Crossing[] }
export interface ProposalVerdicts {
  id: string; name: string; description?: string; proposers?: string[]; date: string; withdrawn?: string
  // text: the value and the option it is or is only nearest
  // (ask.PackageValueText); verdict_text: the verdict and who accepts and
  // rejects it, by name (ask.ProposalVerdictText). Both absent from an
  // answer stored before they were carried.
  package: { issue: string; value: number; option?: string; text?: string }[]; open?: string[]; evidence?: Evidence[]; assumed?: string
  // open_red_lines_text: the red lines its open issues would cross at
  // their value without a deal, which the verdict does not check
  // (ask.OpenRedLinesText); absent where none would.
  accepted: boolean; verdict_text?: string; open_red_lines_text?: string; rules?: DealRuleVerdict[]; accepts: string[]; rejects: string[]; actors: ProposalVerdict[]; forecasts?: ForecastDistance[]
  // error says why the proposal could not be judged (no one was asked).
  error?: string
}
// A proposal's support at one snapshot: text is it in words
// (ask.SupportText: "2/2 ✓ (1 by default)", "not judged"), defaulted
// the yeses a default decides, which timeline_note explains.
export interface ProposalSnapshot { snapshot: string; label?: string; proposals: { id: string; name: string; accepted: boolean; accepts: string[]; rejects: string[]; defaulted?: string[]; error?: string; text: string; open_red_lines_text?: string }[] }
export interface DealProposals {
  scenario: AnswerScenario; request: DealProposalsRequest; no_deal: string
  alternatives: { actor: string; value: number; from: string }[]; alternatives_text?: string; acceptance: string
  proposals: ProposalVerdicts[]; timeline?: ProposalSnapshot[]; timeline_note?: string; timeline_open_red_lines?: string[]; distance_head?: string; warnings?: string[]
}
// Defaults: each kind of run's default request as the Go code builds it
// (answer.New*Request), the limits of a request's numbers and the lists
// to choose from (GET /api/defaults; docs/json.md, Defaults). The page
// states no default of its own: it reads them here.
export interface Defaults {
  requests: {
    forecast: ForecastRequest; sweep: SweepRequest; sensitivity: SweepRequest; deal: DealEvaluateRequest; 'deal-search': DealSearchRequest
    'deal-proposals': DealProposalsRequest; explain: { snapshot: string; variant?: string; model: string; issue?: string }
    advise: { snapshot: string; model: string; step: number; draws?: number; seed: number }; power: { samples: number; seed: number }
    [kind: string]: unknown
  }
  limits: { max_draws: number; min_sensitivity_draws: number; max_advise_draws: number; max_rounds: number; max_packages: number; max_power_samples: number; max_rho: number }
  explain_models: string[]; robust_draws: number
  // advise's step's unit, as parley advise --step says it (ask.AdviseStepUnit)
  advise_step_unit?: string
  // an example of a scenario's id, as validation's error for a missing
  // one names it (scenario.IDExample)
  id_example?: string
}

let loadedDefaults: Defaults | null = null

// loadDefaults asks the server for its defaults once; the page loads them
// before it draws anything.
export async function loadDefaults(): Promise<Defaults> {
  loadedDefaults = await call<Defaults>('GET', '/api/defaults')
  return loadedDefaults
}

// defaults are the server's defaults, as loadDefaults got them.
export function defaults(): Defaults {
  if (!loadedDefaults) throw new Error('the defaults are not loaded yet (GET /api/defaults)')
  return loadedDefaults
}

// APIError is an answer other than 2xx: its status, the error's code
// (docs/serve.md: busy, over_budget, timeout, …), diagnostics, and the
// request field it refuses ("rho", "robust.draws"; '' for none), as the
// server names it where it refuses it.
export class APIError extends Error {
  constructor(public status: number, message: string, public diagnostics: Diagnostic[] = [], public code = '', public field = '') { super(message) }
}

// token is the access token the server last accepted in this tab
// (signin.ts keeps it), or null.
export function token(): string | null { return signin.stored() }

// reach fetches as fetch does; a request that got no answer at all (the
// server stopped, the network down) is an APIError that says so, where
// the browser's own words, "Failed to fetch", were all the page showed.
async function reach(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new APIError(0, 'The server did not answer (no connection to it): is parley serve still running? Try again once it is.', [], 'unreachable')
  }
}

// unlocking is the one request for the server's token under way: every
// call the server refuses for want of it (401) while it is asked waits
// for it, rather than asking again. The page's first four calls go at
// once; each asked on its own, and a mistyped token, sent by each, took
// the server's ten failures (which shut out every client at the address
// for a minute) in three tries.
let unlocking: Promise<string | null> | null = null

// calls numbers the calls sent, and declined is the number of the last
// call sent when the user last cancelled the sign-in: a call sent before
// the cancel (its number not past declined), refused after it, takes the
// cancel as its answer too and does not ask again; a call sent after it
// (a later action of the user's, or a call after Sign out) asks anew.
// Without it, the page's other first calls, refused a moment after the
// cancel, each asked again.
let calls = 0
let declined = 0

// vouched is the token the server has taken in this page's life, and
// trying the one call sending a token it has not (kept by the tab from
// before the page loaded): every other call waits until that one is
// answered — taken, or refused and signed in anew or cancelled — and
// then sends the token the tab keeps then. The page's first calls all
// sent a stale token at once, each a wrong token the server counts
// toward its lock-out (--max-auth-failures).
let vouched: string | null = null
let trying: Promise<unknown> | null = null

// refusedWith forgets the token the tab keeps when the server refuses a
// call sent with it, res: a 401 (the server's token is another now: it
// was started again with a new PARLEY_TOKEN) or a 429 (the address is
// shut out, and the token is not known to be good). Kept, it was sent
// again by every later call and every load of the page, each a wrong
// token the server counts (--max-auth-failures), until it shut the
// address out, the right token too. It returns res.
function refusedWith(t: string | null, res: Response): Response {
  if (t && (res.status === 401 || res.status === 429)) signin.forget(t)
  else if (t) vouched = t
  return res
}

// errorOf is the server's error message in a refusal (its JSON's error),
// else its status line; the response's body is left for its caller.
async function errorOf(res: Response): Promise<string> {
  const text = await res.clone().text()
  try { return JSON.parse(text).error ?? `${res.status} ${res.statusText}` } catch { return `${res.status} ${res.statusText}` }
}

// unlock asks for the token once for every call refused at once: the
// first refused call opens the sign-in dialog (signin.ts) and retries
// itself with the token typed (send), keeping the dialog open, with the
// server's words on it, while the server refuses it; the token is kept
// when the server takes it. It resolves with the token taken, or null
// when the user cancels, and the first call's own answer. read: the call
// is a read (GET), which the notice after a cancel says.
// A 429 (the server shuts out an address after too many wrong tokens)
// ends the asking: the dialog shows the server's words and asks no
// more, the token is not known to be good, it is not kept, and the
// call's answer says why in the server's words too. A cancel while the
// token typed is checked ends the asking too, once the server answers:
// taken, the token is kept (the call is done); refused, not asked again.
// The token the tab kept, refused, was forgotten before (refusedWith).
async function unlock(send: (t: string | null) => Promise<Response>, refused: Response, read: boolean): Promise<{ token: string | null; res: Response }> {
  let res = refused
  const asked = (async () => {
    let said = ''
    for (;;) {
      const t = await signin.ask(said)
      if (!t) { declined = calls; signin.cancelled(read); return null }
      signin.checking()
      let withdrawn: boolean
      try {
        res = await send(t)
      } catch (e) {
        // no answer at all: the dialog says so, and the call does too
        signin.ended(e instanceof Error ? e.message : String(e))
        throw e
      } finally {
        withdrawn = signin.checked()
      }
      if (res.status === 429) { signin.ended(await errorOf(res)); return null }
      // taken, the call is done (a write too), cancelled meanwhile or not
      if (res.status !== 401) { signin.keep(t); signin.accepted(); return t }
      // cancelled while the token was checked: the asking ends there
      if (withdrawn) { declined = calls; signin.cancelled(read); return null }
      said = await errorOf(res)
    }
  })()
  unlocking = asked
  try {
    return { token: await asked, res }
  } finally {
    unlocking = null
  }
}

// authorised answers a call the server refused for want of its token
// (refused, sent with sent): with a token given since the call was sent,
// the call again with it; while the token is being asked for, the call
// again once it is given; else it asks (unlock).
// A call sent before the user cancelled a sign-in (n, its number, not
// past declined) does not ask again.
async function authorised(send: (t: string | null) => Promise<Response>, refused: Response, sent: string | null, n: number, read: boolean): Promise<Response> {
  const now = token()
  if (now && now !== sent && !unlocking) {
    const res = await send(now)
    if (res.status !== 401) return res
    refused = res
  }
  if (unlocking) {
    const t = await unlocking
    return t ? send(t) : refused
  }
  if (n <= declined) return refused
  return (await unlock(send, refused, read)).res
}

// authorisedFetch sends a request with the token the tab keeps and, when
// the server refuses it for want of the token (401), asks for it as
// every call does (authorised); it resolves with the server's answer.
// A token the server has not taken yet in this page's life is sent by
// one call at a time (trying). read: the request loads what the page
// shows (the notice after a cancel says so).
async function authorisedFetch(method: string, path: string, headers: { [k: string]: string }, data: BodyInit | undefined, read: boolean): Promise<Response> {
  const n = ++calls
  while (trying) await trying.catch(() => undefined)
  const send = async (t: string | null) => {
    const h: { [k: string]: string } = { ...headers }
    if (t) h['Authorization'] = 'Bearer ' + t
    return refusedWith(t, await reach(path, { method, headers: h, body: data }))
  }
  const sent = token()
  const answered = (async () => {
    const res = await send(sent)
    return res.status === 401 ? authorised(send, res, sent, n, read) : res
  })()
  if (sent !== null && sent !== vouched) {
    trying = answered
    answered.finally(() => { if (trying === answered) trying = null }).catch(() => undefined)
  }
  return answered
}

export async function call<T>(method: string, path: string, body?: unknown, headers: { [k: string]: string } = {}): Promise<T> {
  let data: BodyInit | undefined
  const json0: { [k: string]: string } = {}
  if (body !== undefined) {
    if (typeof body === 'string' || body instanceof Blob) { data = body } else { data = JSON.stringify(body); json0['Content-Type'] = 'application/json' }
  }
  const res = await authorisedFetch(method, path, { ...headers, ...json0 }, data, method === 'GET')
  const text = await res.text()
  let json: any = null
  try { json = text ? JSON.parse(text) : null } catch { /* not JSON */ }
  if (!res.ok) throw new APIError(res.status, json?.error ?? `${res.status} ${res.statusText}`, json?.diagnostics ?? [], json?.code ?? '', json?.field ?? '')
  return json as T
}

export const api = {
  models: () => call<ModelInfo[]>('GET', '/api/models'),
  kinds: () => call<string[]>('GET', '/api/kinds'),
  scenarios: () => call<Record[]>('GET', '/api/scenarios'),
  scenario: (id: string) => call<ScenarioView>('GET', `/api/scenarios/${enc(id)}`),
  resolved: (id: string, snapshot: string, variant: string) =>
    call<{ scenario: Scenario }>('GET', `/api/scenarios/${enc(id)}/resolved?snapshot=${enc(snapshot)}&variant=${enc(variant)}`),
  // create stores a new scenario (a scenario file's JSON); import, a file
  // in any format the server reads (format '' detects it).
  // create stores a new scenario built in the page as a YAML file.
  create: (doc: Scenario) => call<ScenarioView>('POST', '/api/scenarios?as=yaml', doc),
  import: (file: Blob, filename: string, format: string) =>
    call<ScenarioView>('POST', `/api/scenarios/import?filename=${enc(filename)}${format ? '&format=' + enc(format) : ''}`, file),
  // saveDocument saves an edited scenario over its file (If-Match: the
  // version edited); a 400 carries the diagnostics by field path.
  saveDocument: (id: string, version: number, doc: Scenario) =>
    call<ScenarioView>('PUT', `/api/scenarios/${enc(id)}/document`, doc, { 'If-Match': `"${version}"` }),
  remove: (id: string, version: number) => call<null>('DELETE', `/api/scenarios/${enc(id)}`, undefined, { 'If-Match': `"${version}"` }),
  // versions lists a scenario's versions, newest first; version reads one;
  // restore saves kept version n as the next one, if the scenario is
  // still at version current (else a 409).
  versions: (id: string) => call<Version[]>('GET', `/api/scenarios/${enc(id)}/versions`),
  version: (id: string, n: number) => call<VersionView>('GET', `/api/scenarios/${enc(id)}/versions/${n}`),
  restore: (id: string, n: number, current: number) =>
    call<ScenarioView>('POST', `/api/scenarios/${enc(id)}/versions/${n}/restore`, undefined, { 'If-Match': `"${current}"` }),
  // deleted lists the deleted scenarios whose history is kept, the latest
  // deleted first; restore(id, v, v) brings one back as it was deleted.
  deleted: () => call<Deleted[]>('GET', '/api/scenarios/deleted'),
  // purge deletes a deleted scenario's kept versions for good, if it is
  // still deleted at version (else a 409).
  purge: (id: string, version: number) => call<null>('DELETE', `/api/scenarios/${enc(id)}/versions`, undefined, { 'If-Match': `"${version}"` }),
  patchStance: (id: string, actor: string, issue: string, patch: object) =>
    call<ScenarioView>('PATCH', `/api/scenarios/${enc(id)}/stances/${enc(actor)}/${enc(issue)}`, patch),
  formats: () => call<FormatInfo[]>('GET', '/api/formats'),
  forecast: (id: string, req: Partial<ForecastRequest>) => call<Run<Forecast>>('POST', `/api/scenarios/${enc(id)}/forecast`, req),
  compare: (id: string, req: Partial<CompareRequest>) => call<Run<Comparison>>('POST', `/api/scenarios/${enc(id)}/compare`, req),
  dealEvaluate: (id: string, req: Partial<DealEvaluateRequest>) => call<Run<DealEvaluation>>('POST', `/api/scenarios/${enc(id)}/deal/evaluate`, req),
  dealSearch: (id: string, req: Partial<DealSearchRequest>) => call<Run<DealSearch>>('POST', `/api/scenarios/${enc(id)}/deal/search`, req),
  dealProposals: (id: string, req: Partial<DealProposalsRequest>) => call<Run<DealProposals>>('POST', `/api/scenarios/${enc(id)}/deal/proposals`, req),
  advise: <R>(id: string, req: object) => call<Run<R>>('POST', `/api/scenarios/${enc(id)}/advise`, req),
  power: <R>(id: string, req: object) => call<Run<R>>('POST', `/api/scenarios/${enc(id)}/power`, req),
  explain: <R>(id: string, req: object) => call<Run<R>>('POST', `/api/scenarios/${enc(id)}/explain`, req),
  // start queues a run of a kind (see kinds) with that kind's request fields.
  start: (id: string, req: { kind: string; [field: string]: unknown }) => call<Run>('POST', `/api/scenarios/${enc(id)}/runs`, req),
  run: <R>(id: string) => call<Run<R>>('GET', `/api/runs/${enc(id)}`),
  cancel: (id: string) => call<Run>('POST', `/api/runs/${enc(id)}/cancel`),
}

function enc(s: string): string { return encodeURIComponent(s) }

// sized is a job's progress line with its estimated size after it, in
// the server's words (Estimate's text; nothing when there is none).
export function sized(line: string, estimate: string): string {
  return estimate ? `${line}; ${estimate}` : line
}

// download saves what a GET of url answers as a file (with the token,
// which a plain link cannot send), named as the server's
// Content-Disposition says; it resolves with the response's headers.
// Refused for want of the token, it asks for it as every call does and
// downloads with it. A cancel says what was not done (not a read: the
// page shows what it showed).
export async function download(url: string): Promise<Headers> {
  const res = await authorisedFetch('GET', url, {}, undefined, false)
  if (!res.ok) throw new APIError(res.status, await errorOf(res))
  const blob = await res.blob()
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? 'download'
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10000)
  return res.headers
}

// inlineOrJob asks a question within the request (inline) or, when the
// server refuses that as over its work limit or its time, as a job of
// that kind, as the refusal advises: it resolves with the finished run
// and tells progress (0–100) while the job runs, with the job's
// estimated size in the server's words ('' when it gave none): from the
// moment the job is started, before its first progress.
export async function inlineOrJob<R>(id: string, kind: string, req: object, inline: () => Promise<Run<R>>, progress: (pct: number, estimate: string) => void): Promise<Run<R>> {
  try {
    return await inline()
  } catch (e) {
    if (!(e instanceof APIError) || (e.code !== 'over_budget' && e.code !== 'timeout')) throw e
  }
  const job = await api.start(id, { kind, ...req })
  const est = job.estimate?.text ?? ''
  progress(0, est)
  const r = await follow<R>(job.id, (d, t) => progress(Math.round(100 * d / Math.max(1, t)), est))
  if (r.status !== 'done') throw new Error(r.error ?? r.status)
  return r
}

// follow streams a run's progress and resolves with the finished run.
// An EventSource cannot send the token, so with one it polls the run.
export function follow<R>(id: string, progress: (done: number, total: number) => void): Promise<Run<R>> {
  if (token()) return poll<R>(id, progress)
  return new Promise((resolve, reject) => {
    const es = new EventSource(`/api/runs/${enc(id)}/events`)
    es.addEventListener('progress', (e) => {
      const p = JSON.parse((e as MessageEvent).data)
      progress(p.done, p.total)
    })
    es.addEventListener('end', () => {
      es.close()
      api.run<R>(id).then(resolve, reject)
    })
    // The stream failed (the server's cap on open streams answers 503
    // busy, or the connection dropped): a run still going is polled.
    es.onerror = () => {
      es.close()
      api.run<R>(id).then((r) => (r.status === 'running' || r.status === 'queued' ? poll<R>(id, progress).then(resolve, reject) : resolve(r)), reject)
    }
  })
}

// poll asks for the run every half second until it has stopped.
async function poll<R>(id: string, progress: (done: number, total: number) => void): Promise<Run<R>> {
  for (;;) {
    const r = await api.run<R>(id)
    if (r.status !== 'running' && r.status !== 'queued') return r
    progress(Math.round(r.progress * 1000), 1000)
    await new Promise((ok) => setTimeout(ok, 500))
  }
}
