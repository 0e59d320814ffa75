// The advise and power views: an actor's levers (POST …/advise) and the
// voting power under each issue's decision rule (POST …/power). The numbers
// and sentences come from the API's answers (docs/json.md: Advice, Power);
// this file only draws them.
import { api, follow, inlineOrJob, defaults, APIError, sized } from './api'
import type { AnswerScenario, Scenario, Run, Settings, RedLineCrossing, HeldFixed, RedLinesCrossed } from './api'
import { h, fmt, signed, count, settingsText, decimalsOf, inputValue, leverInput, heldFixed, caveatsCard, redLinesCrossed, plainNumber, stanceButton, stanceLabel, modelLabel } from './util'

export interface AdviseRequest extends Settings { snapshot?: string; variant?: string; actor: string; model?: string; issue?: string; step?: number; draws?: number; uniform?: boolean; seed?: number }
// kind_text, cost_text, head_text and lever_columns are ask's words for
// a lever's kind and cost, an issue's head and the levers' columns
// (ask.LeverKindText, ask.LeverCost, ask.AdviseIssueHead,
// ask.LeverColumns; helps_text, ask.Chance); absent from an answer stored
// before the answers carried them.
export interface Lever {
  kind: string; kind_text?: string; actor: string; name: string; issue: string; from: number; to: number
  shift: number | null; toward: number | null; shift_text?: string; toward_text?: string; per_unit: number | null; gain: number | null; cost: number | null; cost_text?: string
  mean_toward?: number; helps?: number; helps_text?: string; failed_draws?: number; no_forecast_draws?: number
  // walks_back names the offer the actor tabled that an own-position
  // lever moves away from; text is the lever in ask's words
  // (ask.LeverSentence), with its shares of the scale and of what the
  // actor lacks.
  walks_back?: string; text?: string
  // caveat_text is the line under the issue's levers of one that walks
  // back a tabled offer the issue's sentence does not name
  // (ask.LeverCaveatText), shown as it is
  caveat_text?: string
}
export interface IssueAdvice {
  issue: string; name: string; position: number; salience: number; forecast: number | null; forecast_text?: string; distance: number | null
  settled: boolean; range?: { lo: number; hi: number }; apart?: { lo: number; hi: number }; levers: Lever[]; text: string; head_text?: string; step_text?: string
}
export interface Advice extends RedLinesCrossed {
  scenario: AnswerScenario; request: AdviseRequest; model: string; actor: string; name: string; method: string
  utility: number | null; issues: IssueAdvice[]; top: Lever[]; draws: number; held_fixed?: HeldFixed; cost_note?: string; notes?: string[]; red_lines?: RedLineCrossing[]; lever_columns?: string[]; head_text?: string; top_text?: string; warnings: string[]
}
export interface PowerRequest { snapshot?: string; variant?: string; issue?: string; quota?: number; weights?: number[]; names?: string[]; samples?: number; seed?: number }
export interface PowerPlayer {
  id: string; name?: string; weight: number; shapley: number; banzhaf: number | null; banzhaf_abs: number; swings?: number
  shapley_se?: number; banzhaf_se?: number; banzhaf_abs_se?: number; shapley_below?: number; banzhaf_abs_below?: number
  veto?: boolean; dummy?: boolean
}
export interface PowerGame { issue?: string; name?: string; rule: string; quota: number; total: number; exact: boolean; samples?: number; method: string; players: PowerPlayer[]; veto: string[]; dummies?: string[] }
export interface Power { scenario?: AnswerScenario; request: PowerRequest; games: PowerGame[]; warnings: string[] }

// AdviseContext is what the views read of the page's state.
export interface AdviseContext {
  id: string; snapshot: string; variant: string; scenario: Scenario; models: string[]
  status: (msg: string, error?: boolean) => void
  // params are the settings changed on the Forecast view of the models
  // named, which the advice runs its model with
  params: (models: string[]) => { [name: string]: string } | undefined
  // stance opens the stance drawer on an actor's stance on an issue
  // (ids), the input a lever moves
  stance: (actor: string, issue: string) => void
}

// The draws above which advise runs as a job (with progress) rather
// than within the request.
const inlineDraws = 200

let last: { actor: string; model: string; issue: string; step: number; draws: number } | null = null

// renderAdvise fills main with the advise and power cards.
export function renderAdvise(main: HTMLElement, ctx: AdviseContext) {
  const sc = ctx.scenario
  // The first time, the server's defaults (answer.NewAdviseRequest).
  const d = defaults()
  const o = last ?? { actor: sc.actors.find((a) => a.id === 'ukraine')?.id ?? sc.actors[0]?.id ?? '', model: d.requests.advise.model, issue: '', step: d.requests.advise.step, draws: d.requests.advise.draws ?? 0 }
  const actor = h('select', { id: 'advise-actor', 'data-testid': 'advise-actor' }, ...sc.actors.map((a) => h('option', { value: a.id, selected: a.id === o.actor }, a.name || a.id)))
  const model = h('select', { id: 'advise-model' }, ...ctx.models.map((m) => h('option', { value: m, selected: m === o.model }, modelLabel(m))))
  const issue = h('select', { id: 'advise-issue' }, h('option', { value: '' }, 'every issue'), ...sc.issues.map((is) => h('option', { value: is.id, selected: is.id === o.issue }, is.name || is.id)))
  const step = h('input', { id: 'advise-step', type: 'number', min: 0.01, max: 1, step: 0.01, value: o.step }) as HTMLInputElement
  const draws = h('input', { id: 'advise-draws', type: 'number', min: 0, max: d.limits.max_advise_draws, step: 50, value: o.draws }) as HTMLInputElement
  const out = h('div', { 'data-testid': 'advise-out', 'aria-live': 'polite' })
  const go = h('button', { type: 'submit', id: 'advise-go' }, 'Advise')
  // Each label with its box, so that a box does not wrap alone onto the
  // next line ("Draws" at a line's end, its box under it); the step in
  // its unit as parley advise --step says it (the defaults carry it,
  // ask.AdviseStepUnit): "Step 0.05" read as 0.05 of a point.
  const pair = (...xs: (string | HTMLElement)[]) => h('span', { class: 'pair' }, ...xs)
  const form = h('form', { class: 'controls' },
    pair(h('label', { for: 'advise-actor' }, 'Actor '), actor), ' ',
    pair(h('label', { for: 'advise-model' }, 'Model '), model), ' ',
    pair(h('label', { for: 'advise-issue' }, 'Issue '), issue), ' ',
    pair(h('label', { for: 'advise-step' }, 'Step '), step, d.advise_step_unit ? h('span', { class: 'unit', 'data-testid': 'advise-step-unit' }, ' ' + d.advise_step_unit) : ''), ' ',
    pair(h('label', { for: 'advise-draws' }, 'Draws '), draws), ' ', go)
  let seq = 0
  const run = async () => {
    last = { actor: actor.value, model: model.value, issue: issue.value, step: Number(step.value), draws: Number(draws.value) }
    const req: AdviseRequest = { snapshot: ctx.snapshot, variant: ctx.variant || undefined, actor: last.actor, model: last.model, issue: last.issue || undefined, step: last.step, draws: last.draws || undefined, params: ctx.params([last.model]) }
    const mine = ++seq
    go.disabled = true
    ctx.status('Advising ' + actor.selectedOptions[0]?.textContent + '…')
    try {
      let r: Run<Advice>
      if (last.draws > inlineDraws) {
        const job = await api.start(ctx.id, { kind: 'advise', ...req })
        const est = job.estimate?.text ?? ''
        ctx.status(sized('Advising: 0%', est))
        r = await follow<Advice>(job.id, (d, t) => ctx.status(sized(`Advising: ${Math.round(100 * d / Math.max(1, t))}%`, est)))
        if (r.status !== 'done') throw new Error(r.error ?? r.status)
      } else {
        r = await inlineOrJob<Advice>(ctx.id, 'advise', req, () => api.advise<Advice>(ctx.id, req),
          (pct, est) => { if (mine === seq) ctx.status(sized(`Advising (as a job: too large to answer at once): ${pct}%`, est)) })
      }
      if (mine !== seq) return
      drawAdvice(out, r.result!, ctx)
      ctx.status('')
    } catch (e) {
      if (mine === seq) { out.replaceChildren(h('p', { class: 'warn', role: 'alert' }, String((e as Error).message ?? e))); ctx.status('') }
    } finally { go.disabled = false }
  }
  form.onsubmit = (e) => { e.preventDefault(); run() }
  // With a box the browser refuses (a step of 2), the form does not
  // submit, and the last results stood under the error as if for the
  // inputs shown (webreview26): they are marked stale until it is fixed.
  const stale = h('p', { class: 'warn', role: 'status', 'data-testid': 'advise-stale', hidden: true }, 'The results below are for the previous inputs: correct the marked box and press Advise.')
  const mark = () => { const bad = !form.checkValidity(); stale.hidden = !bad || !out.childElementCount; out.classList.toggle('stale', bad) }
  form.addEventListener('input', mark)
  form.addEventListener('change', mark)
  form.addEventListener('invalid', mark, true)
  const power = h('div', { 'data-testid': 'power-out' })
  main.replaceChildren(
    h('section', { class: 'card' }, h('h2', {}, 'Advise: what would move the forecast'),
      h('p', { class: 'hint' }, 'An actor’s levers, one step each: moving its own position or salience, or persuading another actor. Ranked by how much closer each brings the forecast to the actor; gain and cost are in the actor’s own utility. With draws, each lever is tried on Monte Carlo draws of the stated ranges.'),
      form, stale, out),
    h('section', { class: 'card' }, h('h2', {}, 'Voting power'),
      h('p', { class: 'hint' }, 'Shapley–Shubik and Banzhaf indices under each issue’s decision rule (exact up to 58 voters with weights that are integers after scaling by a power of ten, sampled otherwise), with veto players and dummies.'),
      power))
  run()
  loadPower(power, ctx)
}

function num(x: number | null | undefined, d = 2): string {
  return signed(x, d)
}

// shownLevers is how many levers an issue's table shows before "Show
// all", the levers parley advise prints by default (its --top 6).
const shownLevers = 6


// plainColumns head the levers of an answer stored before the answers
// carried their columns' words (lever_columns): the fields each column
// shows, by their names in the answer (docs/DECISIONS.md, texts24x).
const plainColumns = ['kind', 'name', 'from', 'to', 'shift', 'toward', 'gain', 'cost']

// drawAdvice shows, per issue, the levers as a table with a bar for how
// much closer each brings the forecast, under the head and in the
// columns' and kinds' words the answer carries; an answer stored before
// it carried them shows each issue's name, each lever's kind and the
// fields' names instead.
function drawAdvice(box: HTMLElement, a: Advice, ctx: AdviseContext) {
  const withDraws = a.draws > 0
  const set = settingsText(a.request)
  // the answer's head (ask.AdviseHead): which model, and why where it is
  // advise's default
  const cards: HTMLElement[] = [h('p', { 'data-testid': 'advise-head' }, a.head_text ?? `${a.name}, model ${a.model} (${a.method}); its utility at the forecast ${fmt(a.utility, 3)}.`)]
  // Why every lever's cost is 0, when it is: the answer's line.
  if (a.cost_note) cards.push(h('p', { class: 'hint', 'data-testid': 'advise-cost-note' }, a.cost_note))
  // What the draws held at the stated values, as the sweep's head says it.
  const held = withDraws ? heldFixed(a.held_fixed, 'advise-held') : ''
  if (held) cards.push(held)
  if (set) cards.push(h('p', { class: 'hint', 'data-testid': 'advise-settings' }, `${a.model} runs with the settings chosen on the Forecast view (${set}), as the forecast does.`))
  // What to read before the levers, as the forecast view's caveats card
  // holds it: the warnings, then the red lines the forecast crosses
  // (the answer's lines, under its heading).
  const caveats = caveatsCard('advise-caveats', a.warnings.length ? h('ul', { 'data-testid': 'advise-warnings' }, ...a.warnings.map((w) => h('li', {}, w))) : null,
    redLinesCrossed(a, 'advise-red-lines'))
  if (caveats) cards.push(caveats)
  for (const ia of a.issues) {
    // numbers on the issue's scale with its decimals; a lever's shift
    // and how much closer it brings the forecast as the answer writes
    // them (shift_text, toward_text: one decimal more, or as many as keep
    // a nonzero one from reading zero), one more for a stored answer
    const d = decimalsOf(a.scenario, ia.issue)
    const top = Math.max(1e-12, ...ia.levers.map((l) => Math.abs(l.toward ?? 0)))
    const rows = ia.levers.map((l, i) => {
      const t = l.toward ?? 0
      const bar = h('span', { class: 'lever-bar' + (t < 0 ? ' away' : ''), style: `width:${Math.round(60 * Math.abs(t) / top)}px` })
      return h('tr', { 'data-kind': l.kind, 'data-actor': l.actor, 'data-helps': String(t > 0), hidden: i >= shownLevers },
        h('td', {}, l.kind_text ?? l.kind),
        // the actor's name opens the stance drawer on the stance the
        // lever moves, with the quotes it rests on
        h('td', {}, stanceButton(stanceLabel(l.name, ia.name), () => ctx.stance(l.actor, l.issue), l.name)),
        h('td', {}, inputValue(a.scenario, leverInput(l.kind), l.issue, l.from)), h('td', {}, inputValue(a.scenario, leverInput(l.kind), l.issue, l.to)),
        h('td', {}, l.shift_text ?? num(l.shift, d + 1)), h('td', {}, l.toward_text ?? num(l.toward, d + 1), ' ', bar),
        h('td', {}, num(l.gain, 4)), h('td', {}, l.cost_text ?? plainNumber(l.cost)),
        withDraws ? h('td', { 'data-failed-draws': String(l.failed_draws ?? 0) }, `${num(l.mean_toward, d + 1)} · ${l.helps_text ?? plainNumber(l.helps)}`,
          l.failed_draws ? ` (failed in ${count(l.failed_draws)} of ${count(a.draws)})` : '',
          l.no_forecast_draws ? ` (no forecast in ${count(l.no_forecast_draws)} of ${count(a.draws)})` : '') : null)
    })
    // class levers: the columns line up from one issue's table to the next
    // (style.css).
    cards.push(h('table', { class: 'compare levers', 'data-issue': ia.issue },
      h('caption', { 'data-forecast': String(ia.forecast) }, ia.head_text ?? ia.name),
      h('thead', {}, h('tr', {}, ...(a.lever_columns ?? plainColumns).map((c) => h('th', { scope: 'col' }, c)),
        withDraws ? h('th', { scope: 'col' }, `Over ${count(a.draws)} draws: mean · helps`) : null)),
      h('tbody', {}, ...rows)))
    const more = moreLevers(rows)
    if (more) cards.push(more)
    // what one step is here (ask.AdviseStepText)
    if (ia.step_text) cards.push(h('p', { class: 'hint', 'data-testid': 'advise-step', 'data-issue': ia.issue }, ia.step_text))
    // each lever shown that walks back an offer the actor tabled, unless
    // the issue's sentence already names it: the answer's line
    for (const l of ia.levers.slice(0, shownLevers)) {
      if (l.caveat_text) cards.push(h('p', { class: 'hint warn', 'data-testid': 'advise-walks-back', 'data-issue': ia.issue }, l.caveat_text))
    }
    cards.push(h('p', { class: 'hint', 'data-testid': 'advise-text', 'data-issue': ia.issue }, ia.text))
  }
  if (a.top_text) cards.push(h('p', { class: 'hint', 'data-testid': 'advise-top' }, a.top_text))
  // the model's notes, less the red lines crossed (the answer's notes
  // leave them out: the caveats card lists them)
  const notes = a.notes ?? []
  if (notes.length) cards.push(h('ul', { class: 'warn', 'data-testid': 'advise-notes' }, ...notes.map((w) => h('li', {}, w))))
  box.replaceChildren(...cards)
}

// moreLevers says how many of an issue's levers its table leaves out, as
// parley advise does ("2 more levers"), with a button that shows them:
// the page showed the first 8 and said nothing of the rest.
function moreLevers(rows: HTMLElement[]): HTMLElement | null {
  const n = rows.length - shownLevers
  if (n <= 0) return null
  const all = h('button', { type: 'button', class: 'small', 'data-testid': 'advise-all' }, 'Show all') as HTMLButtonElement
  const p = h('p', { class: 'hint', 'data-testid': 'advise-more' }, `${n} more ${n === 1 ? 'lever' : 'levers'} `, all)
  all.onclick = () => {
    for (const r of rows) r.hidden = false
    p.replaceChildren(`All ${rows.length} levers.`)
  }
  return p
}

async function loadPower(box: HTMLElement, ctx: AdviseContext) {
  // A scenario none of whose issues (at this snapshot and variant)
  // states a decision rule is offered the ad-hoc game at once: asking
  // the server would only be refused (ask.Power: "no issue of … states a
  // decision rule"), a 400 the browser logs as an error on every visit.
  if (!ctx.scenario.issues.some((is) => is.decision)) {
    adHocGame(box, ctx, `No issue of ${ctx.scenario.metadata.title || ctx.scenario.metadata.id} states a decision rule (an issue's decision: unanimity, majority or qmv, docs/format.md).`)
    return
  }
  try {
    const req = { snapshot: ctx.snapshot, variant: ctx.variant || undefined }
    const r = await inlineOrJob<Power>(ctx.id, 'power', req, () => api.power<Power>(ctx.id, req),
      (pct, est) => ctx.status(sized(`Measuring voting power (as a job: too large to answer at once): ${pct}%`, est)))
    drawPower(box, r.result!)
  } catch (e) {
    // Only a scenario with no decision rule (ask.Power's argument error
    // "no issue of … states a decision rule") gets the ad-hoc game; any
    // other failure (busy, the token, a timeout) is shown as it is.
    if (!noDecisionRule(e)) {
      box.replaceChildren(h('p', { class: 'warn', role: 'alert', 'data-testid': 'power-error' }, String((e as Error).message ?? e)))
      return
    }
    adHocGame(box, ctx, String((e as Error).message ?? e))
  }
}

// adHocGame offers an ad-hoc weighted voting game in box, under why.
function adHocGame(box: HTMLElement, ctx: AdviseContext, why: string) {
  const quota = h('input', { id: 'power-quota', type: 'number', min: 0, step: 'any', value: 62 }) as HTMLInputElement
  const weights = h('input', { id: 'power-weights', size: 40, value: '10,10,10,10,8,5,5,5,5,4,4,3,3,3,2' }) as HTMLInputElement
  const out = h('div', {})
  const form = h('form', { class: 'controls' }, h('label', { for: 'power-quota' }, 'Quota '), quota, ' ', h('label', { for: 'power-weights' }, 'Weights '), weights, ' ', h('button', { type: 'submit' }, 'Measure'))
  form.onsubmit = async (ev) => {
    ev.preventDefault()
    // A weight that is no number would go as null (JSON has no NaN),
    // which the server refuses naming only its place (weights[1]): said
    // here in the words the user typed.
    const ws = weights.value.split(',').map((x) => x.trim())
    const bad = ws.filter((x) => x === '' || !Number.isFinite(Number(x)))
    if (bad.length || quota.value.trim() === '') {
      out.replaceChildren(h('p', { class: 'warn', role: 'alert', 'data-testid': 'power-input-error' }, quota.value.trim() === ''
        ? 'quota: empty; valid: a number above 0'
        : `weights: ${bad.map((x) => x === '' ? 'an empty entry' : `“${x}”`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a number; valid: numbers separated by commas, e.g. 2,1,1`))
      return
    }
    try {
      const r = await api.power<Power>(ctx.id, { quota: Number(quota.value), weights: ws.map(Number) })
      drawPower(out, r.result!)
    } catch (e2) { out.replaceChildren(h('p', { class: 'warn', role: 'alert' }, String((e2 as Error).message ?? e2))) }
  }
  box.replaceChildren(h('p', { class: 'hint' }, why), h('p', {}, 'An ad-hoc weighted voting game (the EU-15 Council’s qualified majority, 62 of 87, by default):'), form, out)
}

// noDecisionRule says whether e is ask.Power's refusal of a scenario
// none of whose issues states a decision rule.
function noDecisionRule(e: unknown): boolean {
  return e instanceof APIError && e.code === 'argument' && /^no issue of .* states a decision rule/.test(e.message)
}

function drawPower(box: HTMLElement, p: Power) {
  // An index sampling never saw shows the bound it is below, not ± 0; a
  // normalised Banzhaf index is null (undefined) when no voter swung.
  const idx = (x: number | null, se?: number, below?: number, sampled = false) =>
    x === null ? 'undefined'
      : below !== undefined ? `${fmt(x, 4)} (< ${below.toPrecision(2)})`
        : se !== undefined ? `${fmt(x, 4)} ± ${fmt(se, 4)}`
          : fmt(x, 4) + (sampled ? ' (none seen)' : '')
  const out: HTMLElement[] = []
  for (const g of p.games) {
    const top = Math.max(1e-12, ...g.players.map((pl) => pl.shapley))
    out.push(h('table', { class: 'compare', 'data-testid': 'power-game' },
      h('caption', {}, `${g.name ? g.name + ': ' : ''}${g.rule}, quota ${g.quota} of ${g.total} — ${g.method}`),
      h('thead', {}, h('tr', {}, ...['Voter', 'Weight', 'Shapley–Shubik', 'Banzhaf', 'Banzhaf (abs.)', ''].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...g.players.map((pl) => h('tr', {},
        h('td', {}, pl.name || pl.id), h('td', {}, String(pl.weight)),
        h('td', {}, idx(pl.shapley, pl.shapley_se, pl.shapley_below, !g.exact), ' ', h('span', { class: 'lever-bar', style: `width:${Math.round(60 * pl.shapley / top)}px` })),
        h('td', {}, idx(pl.banzhaf, pl.banzhaf_se, undefined, !g.exact)), h('td', {}, idx(pl.banzhaf_abs, pl.banzhaf_abs_se, pl.banzhaf_abs_below, !g.exact)),
        h('td', {}, pl.veto ? 'veto' : pl.dummy ? 'dummy' : ''))))))
  }
  if (p.warnings.length) out.push(h('ul', { class: 'warn' }, ...p.warnings.map((w) => h('li', {}, w))))
  box.replaceChildren(...out)
}
