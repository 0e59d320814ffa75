// The Backtest view: the forecasts made from an earlier snapshot scored
// against the outcomes the scenario records after it (POST
// /api/scenarios/{id}/backtest; Go: answer.Backtest, ask.Backtest — the
// answer `parley backtest` prints). The page draws what the command line
// prints: the outcomes scored, each with the quote that reports it, then
// the score table with the same columns and numbers, its legend, the
// answer's warnings above and the models' notes folded. Every number is
// the API's; the page only writes it as the command line does.
import { call, inlineOrJob, defaults, sized } from './api'
import type { AnswerScenario, Anchor, Scenario, Settings, Target } from './api'
import { h, fmt, noNumber, tieJoin, caveatsHeading, settingsText, errorText, decimalsOf, upperFirst, modelLabel } from './util'

export interface BacktestRequest extends Target, Settings { to?: string; models: string[]; seed: number }
export interface BacktestOutcome { issue: string; name: string; date: string; value: number; options: Anchor[]; source: string; quote: string }
export interface BacktestScore { issue: string; date: string; outcome: number; forecast: number | null; abs_error: number | null; option_hit: number; option_tie?: number; crps: number | null; in80?: boolean; in95?: boolean; option_hit_text?: string }
export interface BacktestModel {
  model: string; error?: string; scores: BacktestScore[]; notes?: string[]; n: number
  mae: number | null; option_hits: number; crps: number | null; mae_pct: number | null; crps_pct: number | null; coverage80: number | null; coverage95: number | null
  option_hits_text?: string
  // coverage80_text, coverage95_text: the coverages as every door's
  // table writes them (ask.CoverageText: "67%", the missing-number dash)
  coverage80_text?: string; coverage95_text?: string
}
export interface Backtest {
  scenario: AnswerScenario; request: BacktestRequest; as_of: string; recorded_on: string; as_of_text?: string; head_text: string; outcomes: BacktestOutcome[]; models: BacktestModel[]
  score_decimals: number; mixed_scales: boolean; warnings: string[]
  // legend_text: what the cells hold, the ties' marks and, on mixed
  // scales, MAE % and CRPS %, in ask's words (ask.BacktestLegend, with
  // tie_legend_text, which the page does not read alone); absent from an
  // answer stored before it carried it. The scores' option_hit_text and
  // the models' option_hits_text are ask's too (ask.OptionHitMark,
  // ask.OptionHitsText): the page prints them (docs/DECISIONS.md,
  // texts24s).
  legend_text?: string
}

// BacktestContext is what the view reads of the page's state: the
// header's scenario, variant and models, and the settings of those
// models (which the backtest runs them with, as the forecast does).
export interface BacktestContext {
  id: string; variant: string; scenario: Scenario; models: string[]
  status: (msg: string, error?: boolean) => void
  params: (models: string[]) => { [name: string]: string } | undefined
}

// pctDecimals are the decimals of MAE % and CRPS % (ask.PctDecimals: a
// percent of a scale is a number on a 0–100 scale).
const pctDecimals = 1

// The view's choices survive re-renders (a change of model in the
// header re-runs the backtest with them); from starts as the server's
// default snapshot (answer.NewBacktestRequest, GET /api/defaults). The
// last answer is kept with the request and the scenario document it
// answered, so that coming back to the view shows it without asking
// again; the button always asks.
const ui = { scenario: '', from: '', to: '', key: '', doc: null as Scenario | null, answer: null as Backtest | null }

// renderBacktest fills main with the Backtest view and runs the
// backtest with the choices shown.
export function renderBacktest(main: HTMLElement, ctx: BacktestContext) {
  const sc = ctx.scenario
  const d = defaults().requests.backtest as BacktestRequest
  if (ui.scenario !== ctx.id) Object.assign(ui, { scenario: ctx.id, from: d.snapshot, to: d.to ?? '' })
  const dates = [...(sc.snapshots ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  const from = h('select', { id: 'backtest-from', 'data-testid': 'backtest-from' },
    h('option', { value: 'base' }, `base (${sc.metadata.as_of})`),
    // the last snapshot is the latest: one option, not two
    ...dates.slice(0, -1).map((x) => h('option', { value: x.date }, `${x.date}${x.label ? ' — ' + x.label : ''}`)),
    h('option', { value: 'latest' }, dates.length ? `${dates[dates.length - 1].date}${dates[dates.length - 1].label ? ' — ' + dates[dates.length - 1].label : ''} (latest)` : `latest (${sc.metadata.as_of})`)) as HTMLSelectElement
  if (dates.length && ui.from === dates[dates.length - 1].date) ui.from = 'latest'
  from.value = ui.from
  if (from.value !== ui.from) from.value = ui.from = d.snapshot
  const to = h('input', { id: 'backtest-to', 'data-testid': 'backtest-to', type: 'text', value: ui.to, placeholder: 'YYYY-MM-DD', size: 11, 'aria-describedby': 'backtest-to-help' }) as HTMLInputElement
  const go = h('button', { type: 'submit', class: 'primary', 'data-testid': 'backtest-run' }, 'Run backtest') as HTMLButtonElement
  const out = h('div', { 'data-testid': 'backtest-out', 'aria-live': 'polite' })
  // each label stays with its control where the line wraps (a phone)
  const form = h('form', { class: 'controls' },
    h('span', { class: 'pair' }, h('label', { for: 'backtest-from' }, 'From '), from), ' ',
    h('span', { class: 'pair' }, h('label', { for: 'backtest-to' }, 'To '), to, ' ',
      h('small', { id: 'backtest-to-help', class: 'hint' }, '(optional: score only the outcomes up to this date)')), ' ', go)
  let seq = 0
  const run = async (again: boolean) => {
    ui.from = from.value
    ui.to = to.value.trim()
    const req: Partial<BacktestRequest> = { snapshot: ui.from, variant: ctx.variant || undefined, to: ui.to || undefined, models: ctx.models, params: ctx.params(ctx.models) }
    const key = JSON.stringify([ctx.id, req])
    if (!again && ui.answer && ui.key === key && ui.doc === sc) { drawBacktest(out, ui.answer, sc); return }
    const mine = ++seq
    go.disabled = true
    ctx.status('Backtesting…')
    try {
      const r = await inlineOrJob<Backtest>(ctx.id, 'backtest', req,
        () => call('POST', `/api/scenarios/${encodeURIComponent(ctx.id)}/backtest`, req),
        (pct, est) => { if (mine === seq) ctx.status(sized(`Backtesting (as a job: too large to answer at once): ${pct}%`, est)) })
      if (mine !== seq) return
      if (!r.result) throw new Error(r.error ?? `run ${r.status}`)
      Object.assign(ui, { key, doc: sc, answer: r.result })
      drawBacktest(out, r.result, sc)
      ctx.status('')
    } catch (e) {
      if (mine === seq) { out.replaceChildren(h('p', { class: 'error', role: 'alert', 'data-testid': 'backtest-error' }, errorText(e))); ctx.status('') }
    } finally { if (mine === seq) go.disabled = false }
  }
  form.onsubmit = (e) => { e.preventDefault(); run(true) }
  main.replaceChildren(
    h('section', { class: 'card' }, h('h2', {}, 'Backtest: how the forecasts fared'),
      h('p', { class: 'hint' }, 'Every model selected above forecasts the scenario as it stood at an earlier snapshot, with the settings chosen under Model settings (the header’s “As of” does not apply: the snapshot is chosen here); each forecast is scored against the outcomes recorded after that date: its absolute error, whether its nearest labelled option is the outcome’s, the CRPS (for a point forecast, its absolute error) and, for a model with a predictive distribution, whether the outcome fell inside its 80% and 95% intervals.'),
      form),
    out)
  run(false)
}

// drawBacktest shows the answer as parley backtest prints it: the
// warnings first (as the other views show an answer's), the outcomes
// scored, the score table and its legend, and the models' notes folded.
function drawBacktest(box: HTMLElement, b: Backtest, doc: Scenario) {
  const parts: HTMLElement[] = []
  if (b.warnings.length) {
    parts.push(h('section', { class: 'card caveats', 'data-testid': 'backtest-warnings' }, caveatsHeading(),
      h('ul', {}, ...b.warnings.map((w) => h('li', {}, w)))))
  }
  const set = settingsText(b.request)
  if (set) parts.push(h('p', { class: 'hint', 'data-testid': 'backtest-settings' }, `The models run with the settings chosen under Model settings (${set}), as the forecast does.`))
  // the line parley backtest heads its scores with (ask.BacktestHead),
  // and the variant the page's header does not show
  const head = upperFirst(b.head_text) + (b.scenario.variant ? ` (variant ${b.scenario.variant})` : '')
  if (!b.outcomes.length) {
    // The scenario records outcomes, none in the window (the answer's
    // warning names it): a choice of dates, not a file to fill in.
    const hint = doc.outcomes?.length
      ? (b.request.to
        ? 'Nothing to score between these dates: backtest from a snapshot dated before an outcome, or give a later end date (or none).'
        : 'Nothing to score after this snapshot: backtest from a snapshot dated before an outcome.')
      : 'Nothing to score: record what happened — where an issue landed on its scale, the date and the quote that reports it — in the scenario’s outcomes section (docs/format.md, “outcomes: what actually happened”), or under Outcomes in the Build view, then backtest from a snapshot dated before it.'
    parts.push(h('section', { class: 'card' }, h('h2', { 'data-testid': 'backtest-head' }, head),
      h('p', { class: 'hint', 'data-testid': 'backtest-no-outcomes' }, hint)))
  } else {
    parts.push(h('section', { class: 'card' }, h('h2', { 'data-testid': 'backtest-head' }, head), outcomeList(b, doc), scoreTable(b), h('p', { class: 'hint', 'data-testid': 'backtest-legend' }, legend(b)),
      storedBefore(b) ? h('p', { class: 'hint', 'data-testid': 'backtest-stored-before' }, 'This answer was stored before answers carried their words: its option hits are shown as numbers and its cells without their marks; run the backtest again to read them in full.') : ''))
  }
  const notes = b.models.flatMap((m) => (m.notes ?? []).map((n) => ({ m: m.model, n })))
  if (notes.length) {
    parts.push(h('div', { class: 'notices' }, h('details', { class: 'model-notes', 'data-testid': 'backtest-notes' },
      h('summary', {}, `Model notes (${notes.length})`),
      h('ul', {}, ...notes.map((x) => h('li', {}, h('strong', {}, x.m), ': ', x.n))))))
  }
  box.replaceChildren(...parts)
}

// outcomeList is the outcomes scored, as the command line lists them:
// the date, the issue, the value with the issue's decimals and the
// labelled options nearest it, then the quote that reports it and its
// source (its title where the scenario gives one).
function outcomeList(b: Backtest, doc: Scenario): HTMLElement {
  const title = (id: string) => doc.metadata.sources?.find((x) => x.id === id || x.file === id)?.title || id
  return h('ul', { class: 'outcomes', 'data-testid': 'backtest-outcomes' }, ...b.outcomes.map((o) => {
    const near = o.options.map((a) => a.label).join(tieJoin)
    return h('li', { 'data-issue': o.issue, 'data-date': o.date },
      h('span', { class: 'date' }, o.date), ' ', h('strong', {}, o.name), ' = ', h('b', { 'data-testid': 'outcome-value' }, fmt(o.value, decimalsOf(b.scenario, o.issue))),
      near ? h('span', { 'data-testid': 'outcome-options' }, ` (${near})`) : '',
      o.quote ? h('blockquote', {}, `“${o.quote}”`, ' ', h('cite', { title: o.source }, '— ' + title(o.source))) : '')
  }))
}

// scoreTable is a row per model with the command line's columns (cli's
// scoresTable): Model, MAE, MAE % (only where the scales differ), Option
// hits, CRPS, CRPS % (likewise), In 80%, In 95%, then per outcome its
// forecast and absolute error with the issue's decimals and ✓ where the
// forecast's nearest option is the outcome's (✓1/2 half of one: a tie). MAE and CRPS have the
// answer's score_decimals; a model that failed has its error in its row.
function scoreTable(b: Backtest): HTMLElement {
  const sd = b.score_decimals
  const cols: { head: string; num: boolean; cell: (m: BacktestModel) => string }[] = [
    { head: 'MAE', num: true, cell: (m) => fmt(m.mae, sd) },
    ...(b.mixed_scales ? [{ head: 'MAE %', num: true, cell: (m: BacktestModel) => fmt(m.mae_pct, pctDecimals) }] : []),
    { head: 'Option hits', num: false, cell: hitsText },
    { head: 'CRPS', num: true, cell: (m) => fmt(m.crps, sd) },
    ...(b.mixed_scales ? [{ head: 'CRPS %', num: true, cell: (m: BacktestModel) => fmt(m.crps_pct, pctDecimals) }] : []),
    { head: 'In 80%', num: false, cell: (m) => m.coverage80_text ?? share(m.coverage80) },
    { head: 'In 95%', num: false, cell: (m) => m.coverage95_text ?? share(m.coverage95) },
  ]
  const width = cols.length + b.outcomes.length
  return h('table', { class: 'compare backtest', 'data-testid': 'backtest-scores' },
    h('caption', {}, 'Scores by model'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Model'), ...cols.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : '' }, c.head)),
      ...b.outcomes.map((o) => h('th', { scope: 'col', 'data-issue': o.issue, title: o.issue }, o.name, h('small', {}, o.date))))),
    h('tbody', {}, ...b.models.map((m) => m.error
      ? h('tr', { 'data-model': m.model, class: 'failed' }, h('th', { scope: 'row' }, modelLabel(m.model)), h('td', { colspan: width, class: 'err' }, 'error: ' + m.error))
      : h('tr', { 'data-model': m.model }, h('th', { scope: 'row' }, modelLabel(m.model)), ...cols.map((c) => h('td', { class: c.num ? 'num' : '' }, c.cell(m))),
        ...b.outcomes.map((o, i) => scoreCell(m.scores[i], decimalsOf(b.scenario, o.issue)))))))
}

// scoreCell is a model's forecast of one outcome and its absolute error,
// "59.6 (15.4)", with " ✓" where its nearest option is the outcome's; the
// missing-number dash where the model gave no forecast.
function scoreCell(s: BacktestScore | undefined, d: number): HTMLElement {
  if (!s || s.forecast === null || !Number.isFinite(s.forecast)) return h('td', {}, noNumber)
  return h('td', { class: s.option_hit > 0 ? 'hit' : '' }, `${fmt(s.forecast, d)} (${fmt(s.abs_error, d)})${s.option_hit_text ?? ''}`)
}

// hitsText is a model's option hits out of the outcomes scored, as the
// answer writes them (option_hits_text, ask.OptionHitsText: "3/3",
// "2.5/3"); in an answer stored before the answers carried their words,
// the sum plainly, to two decimals at most ("2.5").
function hitsText(m: BacktestModel): string {
  return m.option_hits_text ?? String(Math.round(100 * m.option_hits) / 100)
}

// storedBefore says whether b was stored before the answers carried
// their words: a model scored without its option_hits_text.
function storedBefore(b: Backtest): boolean {
  return b.models.some((m) => !m.error && m.option_hits_text === undefined)
}

// share is a coverage in an answer stored before it carried its words
// (coverage80_text, ask.CoverageText): a whole percent, the
// missing-number dash for a model without a predictive distribution.
function share(x: number | null): string {
  return x === null || !Number.isFinite(x) ? noNumber : fmt(100 * x, 0) + '%'
}

// legend is the answer's legend under the scores (legend_text, which
// the command line prints too), then what this table's own columns are
// called; an answer stored before it carried one names the columns
// alone.
function legend(b: Backtest): string {
  const l = b.legend_text ? b.legend_text + '; ' : ''
  return l + "option hits: forecasts whose nearest option is the outcome's, a tie its share; in 80%, in 95%: outcomes inside those intervals (models with a predictive distribution)"
}
