// The Explain view: why a model forecasts what it does, from POST
// /api/scenarios/{id}/explain (Go: answer.Explanation, ask.Explain). The
// closed forms show each actor's pull (ks each actor's share of its best
// feasible gain, and who bounds the forecast); the ensemble lists its
// members' parts in the combination; snap and compromise-band show the
// compromise's pulls, and snap its candidate outcomes; bdm draws each round's quadrant
// chart (BDM 1994) from one actor's perspective; exchange draws the
// network of realised exchanges (actors as nodes, exchanges as edges) and
// the externalities; smp lists each turn's bargains and options. Every
// number is the API's; the page only draws it.
import { h, s, svgLabel, textWidth, fitText, fmt, signed, caveatsHeading, color, rangeText, intervalText, noNumber, settingsText, errorText, decimalsOf, plural, possessive, plainNumber, opensOnRelease, stanceLabel, modelLabel } from './util'
import { api, inlineOrJob, defaults, sized } from './api'
import type { AnswerScenario, Issue, Settings } from './api'

// pull_text and share_text are the pull and the share as every door
// writes them (ask.PullText, ask.WeightShareText), ratio_text ks's
// ratio to its best (ask.RatioDecimals); absent from an answer stored
// before the answers carried them.
export interface Pull { actor: string; name: string; position: number; weight: number; share: number; pull: number | null; pull_text?: string; share_text?: string; distance: number; gain?: number; ideal?: number; ideal_gain?: number; ratio?: number; ratio_text?: string; relative_weight?: number; per_weight?: number; per_weight_text?: string; binding?: boolean }
export interface KSBound { lo: number; hi: number; level: number }
// probability_text, continuous_text and discrete_text are snap's
// percents as every door writes them (ask.SnapPercentDecimals); absent
// from an answer stored before the answers carried them (numbers24).
// candidates_head_text heads the candidates' table as parley explain
// heads it (ask.SnapCandidatesHead; lines25).
export interface SnapCandidate { value: number; stated?: boolean; end?: boolean; reference?: boolean; option?: boolean; share: number; distance_term: number; end_term: number; reference_term: number; stated_term: number; share_term: number; utility: number; probability: number; probability_text?: string }
export interface SnapExplanation { compromise: number; radius: number; nearest_stated: number; distance: number; snapped?: boolean; continuous: number; continuous_text?: string; discrete_text?: string; scale: number; interval80: { lo: number; hi: number }; interval95: { lo: number; hi: number }; tau80: number; tau95: number; candidates: SnapCandidate[]; candidates_head_text?: string; probability_legend_text?: string }
export interface EnsembleMember { model: string; fitted: number; weight: number; forecast: number | null; settled: boolean; range?: { lo: number; hi: number }; contribution: number; shift: number; failed?: string }
export interface Pivotal { actors: string[]; position: number; below: number; at: number; above: number; tie?: boolean; upper?: number }
export interface Challenge { actor: string; other: string; x: number; y: number; quadrant: string; offer?: number; taken?: boolean }
export interface BDMMove { actor: string; with: string; kind: string; x: number; y: number; from: number; to: number; why: string }
export interface BDMRound { round: number; median: number; mean: number; actors: { actor: string; position: number; risk: number }[]; challenges: Challenge[]; moves: BDMMove[]; text: string }
export interface IssueExplanation { issue: string; name: string; forecast: number | null; settled: boolean; range?: { lo: number; hi: number }; reference: number; reference_from: string; pulls: Pull[]; pivotal?: Pivotal; status_quo_kept?: boolean; ks?: KSBound; rounds?: BDMRound[]; members?: EnsembleMember[]; snap?: SnapExplanation; text: string; pulls_head_text?: string }
export interface ExchangeSide { actor: string; supply: string; demand: string; from: number; to: number; target: number; forecast_before: number; forecast_after: number; capped?: boolean }
export interface Externality { actor: string; class: string; sign: string; value: number }
export interface RealisedExchange { n: number; issues: string[]; groups: string; gain: number; sides: ExchangeSide[]; externalities: Externality[] }
export interface ExchangeRound { round: number; candidates: number; valid: number; exchanges: RealisedExchange[] }
export interface ActorExternalities { actor: string; name: string; exchanges: number; own: number; inner_positive: number; inner_negative: number; outer_positive: number; outer_negative: number; total: number }
// offers_text (ask.OffersText, the issues by name), phi_text and
// probability_text (ask.Chance) and gain_text (ask.GainText) are smp's words as every door writes them; absent from an
// answer stored before the answers carried them.
export interface SMPBargain { id: number; initiator: string; receiver: string; phi: number; gain: number; offers: { issue: string; initiator: number; receiver: number }[]; offers_text?: string; phi_text?: string; gain_text?: string }
export interface SMPTurn { turn: number; bargains: SMPBargain[]; choices: { actor: string; options: { bargain: number; probability: number; chosen?: boolean; probability_text?: string }[] }[]; positions: { actor: string; probability: number | null }[]; text: string }
export interface Explanation {
  scenario: AnswerScenario; request: Settings; model: string; citation_text?: string; issues: IssueExplanation[]; exchanges?: ExchangeRound[]; externalities?: ActorExternalities[]; externalities_head_text?: string; turns?: SMPTurn[]
  notes?: string[]; warnings: string[]
}

// ExplainContext is what the view needs from the page.
export interface ExplainContext {
  scenario: string
  snapshot: string
  variant: string
  issues: Issue[]
  actorName: (id: string) => string
  status: (msg: string, error?: boolean) => void
  // params are the settings changed on the Forecast view of the models
  // named, which the explanation runs its model with
  params: (models: string[]) => { [name: string]: string } | undefined
  // stance opens the stance drawer on an actor's stance on an issue
  // (ids), the input a pull rests on
  stance: (actor: string, issue: string) => void
}

// The view's own state survives re-renders; model '' is the server's
// default model.
const ui = { model: '', issue: '', round: 1, perspective: '', step: 1, key: '', answer: null as Explanation | null }

async function fetchExplanation(ctx: ExplainContext): Promise<Explanation> {
  const body = { model: ui.model, issue: ui.issue, snapshot: ctx.snapshot, variant: ctx.variant, params: ctx.params([ui.model]) }
  const key = JSON.stringify([ctx.scenario, body])
  if (ui.key === key && ui.answer) return ui.answer
  // The API helper sends the token and, when the server refuses the
  // explanation as over its budget within a request, runs it as a job.
  const run = await inlineOrJob<Explanation>(ctx.scenario, 'explain', body, () => api.explain<Explanation>(ctx.scenario, body),
    (pct, est) => ctx.status(sized(`Explaining (as a job: too large to answer at once): ${pct}%`, est)))
  if (!run.result) throw new Error(run.error ?? `run ${run.status}`)
  ui.key = key
  ui.answer = run.result
  return run.result
}

// renderExplain fills box with the Explain view.
export async function renderExplain(box: HTMLElement, ctx: ExplainContext) {
  // The models the API explains and the one it explains by default
  // (answer.ExplainModels, answer.NewExplainRequest).
  const explainModels = defaults().explain_models
  if (!ui.model) ui.model = defaults().requests.explain.model
  const model = h('select', { id: 'explain-model', 'data-testid': 'explain-model' },
    ...explainModels.map((m) => h('option', { value: m, selected: m === ui.model }, modelLabel(m)))) as HTMLSelectElement
  const issue = h('select', { id: 'explain-issue', 'data-testid': 'explain-issue' },
    h('option', { value: '', selected: ui.issue === '' }, 'every issue'),
    ...ctx.issues.map((is) => h('option', { value: is.id, selected: is.id === ui.issue }, is.name))) as HTMLSelectElement
  model.onchange = () => { ui.model = model.value; ui.round = 1; ui.step = 1; renderExplain(box, ctx) }
  issue.onchange = () => { ui.issue = issue.value; ui.round = 1; renderExplain(box, ctx) }
  const out = h('div', { 'data-testid': 'explain-result', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Explaining…'))
  box.replaceChildren(
    h('section', { class: 'card' }, h('h2', {}, 'Why the forecast is what it is'),
      h('p', { class: 'lede' }, 'Each model\'s reasons: the closed forms by each actor\'s pull (Kalai–Smorodinsky by each actor\'s share of its best feasible gain); BDM by its rounds of challenges (the quadrant chart); the exchange model by its exchanges and their externalities; SMP by its bargains, turn by turn; the ensemble by its members\' parts; snap by the compromise, the stated position it moves onto and each candidate outcome\'s fitted terms.'),
      h('div', { class: 'controls' }, h('label', { for: 'explain-model' }, 'Model '), model, ' ', h('label', { for: 'explain-issue' }, 'Issue '), issue)),
    out)
  let e: Explanation
  try { e = await fetchExplanation(ctx) } catch (err) { out.replaceChildren(h('p', { class: 'error' }, errorText(err))); return }
  const parts: HTMLElement[] = []
  // the model's papers, equations and docs section, as ask writes them
  if (e.citation_text) parts.push(h('p', { class: 'hint', 'data-testid': 'explain-citation' }, e.citation_text))
  const set = settingsText(e.request)
  if (set) parts.push(h('p', { class: 'hint', 'data-testid': 'explain-settings' }, `${e.model} runs with the settings chosen on the Forecast view (${set}), as the forecast does.`))
  if (e.warnings.length) parts.push(h('section', { class: 'card caveats', 'data-testid': 'explain-warnings' }, caveatsHeading(), h('ul', {}, ...e.warnings.map((w) => h('li', {}, w)))))
  if (e.exchanges) parts.push(exchangeView(e, ctx, box))
  if (e.turns) parts.push(turnView(e, ctx, box))
  for (const ie of e.issues) {
    // every number on the issue's scale with its decimals, as the
    // command line writes it
    const d = decimalsOf(e.scenario, ie.issue)
    const card = h('section', { class: 'card', 'data-issue': ie.issue, 'data-forecast': String(ie.forecast) }, h('h3', {}, `${ie.name}: ${!ie.settled && ie.range ? rangeText(ie.range.lo, ie.range.hi, d) + ' (did not settle)' : fmt(ie.forecast, d)}`), h('p', { class: 'desc' }, ie.text))
    if (ie.rounds) card.append(bdmView(ie, ctx, box, d))
    else if (e.model === 'ks') card.append(ksTable(ie, ctx, d))
    else if (ie.members) card.append(membersTable(ie, d))
    else if (!e.exchanges && !e.turns) {
      // what a pull measures, as the answer says it (ask.PullsHead)
      if (ie.pulls_head_text) card.append(h('p', { class: 'hint', 'data-testid': 'pulls-head' }, ie.pulls_head_text))
      card.append(pullChart(ie, e.model, ctx, d))
    }
    if (ie.snap?.candidates.length) card.append(snapTable(ie.snap, d))
    parts.push(card)
  }
  for (const n of e.notes ?? []) parts.push(h('p', { class: 'note' }, 'note: ' + n))
  out.replaceChildren(...parts)
}

// ksTable lists, for ks, each actor's best feasible outcome (its utopia
// point: its best among those every weighted actor prefers to
// breakdown), its gain at the forecast and there, the share of its best
// it gets, that share per unit of weight (per_weight_text), and whether
// it bounds the forecast; its share of the weight and of its best as
// the answer writes them (shareText, ratio_text), as parley explain's ks
// table does, or, in an answer stored before it carried them, as the
// numbers they are (plainNumber).
function ksTable(ie: IssueExplanation, ctx: ExplainContext, d: number): HTMLElement {
  const opt = (x: number | undefined, f: (v: number) => string) => (x === undefined ? noNumber : f(x))
  const cap = ie.ks
    ? `The bargaining set (every weighted actor prefers it to breakdown): ${intervalText(ie.ks.lo, ie.ks.hi, d)}. The forecast makes the smallest share of its best any actor gets, per unit of weight, as large as it goes; the actors marked bound it.`
    : 'The status quo is kept: no agreement improves on it for every weighted actor.'
  return h('table', { class: 'compare', 'data-testid': 'ks-table' },
    h('caption', {}, cap),
    h('thead', {}, h('tr', {}, ...['Actor', 'Position', 'Share', 'Best feasible (utopia)', 'Gain', 'Best gain', 'Of best', 'Per weight', 'Bounds it'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...ie.pulls.map((p) => h('tr', { 'data-actor': p.actor, 'data-ratio': String(p.ratio ?? ''), 'data-binding': String(!!p.binding) },
      h('th', { scope: 'row' }, ctx.actorName(p.actor)), h('td', {}, fmt(p.position, d)), h('td', {}, shareText(p)),
      h('td', {}, opt(p.ideal, (v) => fmt(v, d))), h('td', {}, opt(p.gain, (v) => fmt(v, 2))), h('td', {}, opt(p.ideal_gain, (v) => fmt(v, 2))),
      h('td', {}, p.ratio_text ?? plainNumber(p.ratio)),
      h('td', { 'data-testid': 'ks-per-weight' }, p.per_weight_text ?? plainNumber(p.per_weight)),
      h('td', {}, p.binding ? (p.distance > 0 ? 'yes, from above' : 'yes, from below') : '')))))
}

// snapTable lists snap's candidate outcomes: each one's kind, the terms
// of its fitted utility and its probability, the percents as the answer
// writes them, under the answer's head (candidates_head_text, as parley
// explain heads its table); an answer stored before it carried them
// shows each share as the number it is (plainNumber), as a stored pull
// is shown, and the head as "Candidate outcomes". The P column's legend
// (probability_legend_text) is the table's foot.
function snapTable(se: SnapExplanation, d: number): HTMLElement {
  const kind = (c: SnapCandidate) => [c.stated && 'stated', c.end && 'end', c.reference && 'reference', c.option && 'option'].filter(Boolean).join(', ')
  const t = (x: number) => (x === 0 ? '' : signed(x, 2))
  return h('table', { class: 'compare', 'data-testid': 'snap-candidates' },
    h('caption', {}, se.candidates_head_text ?? 'Candidate outcomes'),
    h('thead', {}, h('tr', {}, ...['Outcome', 'Kind', 'Distance', 'End', 'Reference', 'Stated', 'Share', 'Utility', 'P'].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...se.candidates.map((c) => h('tr', { 'data-value': String(c.value), 'data-p': String(c.probability) },
      h('th', { scope: 'row' }, fmt(c.value, d)), h('td', {}, kind(c)), h('td', {}, t(c.distance_term)), h('td', {}, t(c.end_term)), h('td', {}, t(c.reference_term)),
      h('td', {}, t(c.stated_term)), h('td', {}, t(c.share_term)), h('td', {}, t(c.utility)), h('td', {}, c.probability_text ?? plainNumber(c.probability))))),
    // the P column's legend, as parley explain prints it under the table
    se.probability_legend_text ? h('tfoot', {}, h('tr', {}, h('td', { colspan: 9, class: 'note', 'data-testid': 'snap-p-legend' }, se.probability_legend_text))) : null)
}

// membersTable lists the ensemble's members on an issue: each one's
// weight as fitted and as used, its forecast (its range where it did not
// settle), its contribution weight × forecast (they sum to the forecast)
// and its shift from the heaviest member's forecast: a forecast with the
// issue's d decimals, a contribution and a shift with one more, as the
// command line and the sentence write them.
function membersTable(ie: IssueExplanation, d: number): HTMLElement {
  return h('table', { class: 'compare', 'data-testid': 'ensemble-members' },
    h('caption', {}, 'The forecast is Σ weight × member\'s forecast, each member run on this issue alone. Explain a member (pick it above) for why it says what it says.'),
    h('thead', {}, h('tr', {}, ...['Member', 'Fitted weight', 'Weight here', 'Forecast', 'Weight × forecast', 'Shift from the heaviest'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...ie.members!.map((m) => h('tr', { 'data-model': m.model, 'data-contribution': String(m.contribution) },
      h('th', { scope: 'row' }, modelLabel(m.model)), h('td', {}, fmt(m.fitted, 3)), h('td', {}, m.failed ? `0 (failed: ${m.failed})` : fmt(m.weight, 3)),
      h('td', {}, m.failed ? noNumber : !m.settled && m.range ? `${rangeText(m.range.lo, m.range.hi, d)} (did not settle)` : fmt(m.forecast, d)),
      h('td', {}, m.failed ? noNumber : fmt(m.contribution, d + 1)), h('td', {}, m.failed ? noNumber : signed(m.shift, d + 1))))))
}

// pullChart draws each actor's pull as a horizontal bar from zero.
function pullChart(ie: IssueExplanation, model: string, ctx: ExplainContext, d: number): SVGSVGElement {
  const rows = ie.pulls.filter((p) => p.pull !== null)
  // Drawn at the width it has (up to 720, its width on a laptop), as the
  // position map is: drawn 720 wide on a phone, its text was shrunk to
  // half size, some 6 px, too small to read.
  const room = document.getElementById('main')?.clientWidth ?? 0
  const W = room > 0 ? Math.round(Math.min(720, Math.max(340, room - 50))) : 720
  const lab = W < 560 ? 120 : 180, row = 22, H = 20 + row * Math.max(1, rows.length)
  const top = Math.max(1e-12, ...rows.map((p) => Math.abs(p.pull!)))
  const mid = lab + (W - lab) / 2, half = (W - lab) / 2 - (W < 560 ? 45 : 60)
  // A group, not an image: each actor's row is a link to the stance its
  // pull rests on (an image's parts are hidden from a screen reader).
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'posmap', role: 'group', 'data-testid': 'pull-chart', style: 'max-width:760px', 'aria-label': `${model}: each actor's pull on ${ie.name}` })
  rows.forEach((p, i) => {
    const y = 14 + i * row
    const w = (Math.abs(p.pull!) / top) * half
    const x = p.pull! < 0 ? mid - w : mid
    const label = pullText(p)
    // The row (name, bar and number) opens the stance drawer on the
    // actor's stance on this issue, the position and salience its pull
    // is made of, with the quotes they rest on.
    const link = opensOnRelease(s('a', { href: '#', class: 'stance-link', 'data-actor': p.actor, 'data-issue': ie.issue, 'aria-label': stanceLabel(ctx.actorName(p.actor), ie.name) },
      s('rect', { x: 0, y: y - row / 2, width: W, height: row, fill: 'transparent', class: 'hit' }),
      svgLabel({ x: lab - 8, y: y + 4, 'text-anchor': 'end', class: 'aname' }, ctx.actorName(p.actor), lab - 12),
      s('rect', { x, y: y - 7, width: Math.max(1, w), height: 14, fill: p.pull! < 0 ? color(1) : color(0), class: 'pull', 'data-actor': p.actor, 'data-pull': String(p.pull), 'data-share': String(p.share) },
        s('title', {}, `${p.name}: position ${fmt(p.position, d)}, ${shareText(p)} of the weight, pull ${label}`)),
      s('text', { x: p.pull! < 0 ? x - 4 : x + w + 4, y: y + 4, 'text-anchor': p.pull! < 0 ? 'end' : 'start', class: 'tick' }, label)), () => ctx.stance(p.actor, ie.issue))
    svg.append(link)
  })
  // the zero line over the rows, which a row's highlight would hide
  svg.append(s('line', { x1: mid, x2: mid, y1: 4, y2: H - 4, class: 'axis' }))
  return svg
}

// pullText and shareText are a pull and an actor's share of the weight
// as the answer writes them (ask.PullText with ask.PullDecimals,
// ask.WeightShareText with ask.ShareDecimals), as parley explain prints
// them. An answer stored before the answers carried them shows each as
// the number it is, to three significant figures (docs/DECISIONS.md,
// texts24x).
function pullText(p: Pull): string { return p.pull_text ?? plainNumber(p.pull) }
function shareText(p: Pull): string { return p.share_text ?? plainNumber(p.share) }

// The regions of the quadrant chart and their colours, each named in
// the words parley explain counts it with (cli's quadrantCount: "1
// compromise by the other", "2 lost conflicts"), in the singular a key
// takes.
const regions: { [q: string]: [string, string] } = {
  conflict_lost: ['lost conflict', '#D55E00'], conflict_won: ['won conflict', '#E69F00'],
  compromise: ['compromise', '#0072B2'], capitulate: ['capitulation', '#CC79A7'],
  other_compromises: ['compromise by the other', '#56B4E9'], other_capitulates: ['capitulation by the other', '#882255'],
  status_quo: ['status quo', '#999999'], same_position: ['reading at the same position', '#444444'], boundary: ['reading on a line', '#117733'],
}

// bdmView is one issue's rounds: a round picker, a perspective picker and
// the quadrant chart, with the round's story and each move's reason.
function bdmView(ie: IssueExplanation, ctx: ExplainContext, box: HTMLElement, d: number): HTMLElement {
  const rounds = ie.rounds!
  if (!rounds.length) return h('p', { class: 'hint' }, 'No rounds.')
  const r = rounds[Math.min(ui.round, rounds.length) - 1]
  const actors = r.actors.map((a) => a.actor)
  if (!actors.includes(ui.perspective)) ui.perspective = r.moves[0]?.actor ?? actors[0]
  const rp = h('select', { 'data-testid': 'bdm-round', 'aria-label': 'Round' }, ...rounds.map((x) => h('option', { value: String(x.round), selected: x.round === r.round }, `round ${x.round}`))) as HTMLSelectElement
  rp.onchange = () => { ui.round = Number(rp.value); renderExplain(box, ctx) }
  const pp = h('select', { 'data-testid': 'bdm-perspective', 'aria-label': 'Perspective' }, ...actors.map((a) => h('option', { value: a, selected: a === ui.perspective }, ctx.actorName(a)))) as HTMLSelectElement
  pp.onchange = () => { ui.perspective = pp.value; renderExplain(box, ctx) }
  const pts = r.challenges.filter((c) => c.actor === ui.perspective)
  return h('div', {},
    h('div', { class: 'controls' }, rp, ' as seen by ', pp),
    h('p', {}, r.text),
    r.moves.length ? h('ul', {}, ...r.moves.map((m) => h('li', { class: 'note' }, m.why))) : null,
    quadMap(pts, ctx, `${possessive(ctx.actorName(ui.perspective))} perspective, round ${r.round}`, d),
    h('div', { class: 'legend', 'data-testid': 'quad-legend' }, ...Object.entries(regions).filter(([q]) => pts.some((p) => p.quadrant === q)).map(([, [name, c]]) => h('span', { class: 'key' }, h('i', { style: `background:${c};height:10px;width:10px;border-radius:5px` }), name))))
}

// quadMap draws the points (x, y) = (E(U_ij), E(U_ji)) of one actor's
// readings, with the axes and the diagonals |x| = |y| that split the
// regions.
function quadMap(pts: Challenge[], ctx: ExplainContext, title: string, d: number): SVGSVGElement {
  const W = 560, P = 40, R = (W - 2 * P) / 2, c = W / 2
  const m = Math.max(0.1, ...pts.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y)))) * 1.1
  const X = (v: number) => c + (v / m) * R, Y = (v: number) => c - (v / m) * R
  const yName = '↑ y: what the other expects from challenging it'
  const yw = textWidth(yName, 12) || yName.length * 12 * 0.55
  const svg = s('svg', { viewBox: `0 0 ${W} ${W}`, class: 'posmap quadmap', role: 'img', 'data-testid': 'quad-map', 'aria-label': title, style: 'max-width:560px' },
    s('rect', { x: P, y: P, width: 2 * R, height: 2 * R, fill: '#fafbfc', stroke: '#e8ebef' }),
    s('line', { x1: P, x2: W - P, y1: c, y2: c, class: 'axis' }), s('line', { x1: c, x2: c, y1: P, y2: W - P, class: 'axis' }),
    s('line', { x1: P, y1: W - P, x2: W - P, y2: P, class: 'grid', 'stroke-dasharray': '4 3' }),
    s('line', { x1: P, y1: P, x2: W - P, y2: W - P, class: 'grid', 'stroke-dasharray': '4 3' }),
    s('text', { x: W - P, y: c - 6, 'text-anchor': 'end', class: 'tick' }, 'x: what it expects from challenging →'),
    // the y axis's title from the axis up, or, where it would run past
    // the chart's right edge (where it was cut), ending at that edge
    yw + 6 <= c - 4 ? s('text', { x: c + 6, y: P - 8, class: 'tick', 'data-testid': 'quad-y-title' }, yName)
      : s('text', { x: W - 4, y: P - 8, 'text-anchor': 'end', class: 'tick', 'data-testid': 'quad-y-title' }, yName),
    s('text', { x: W - P - 6, y: P + 16, 'text-anchor': 'end', class: 'ref' }, 'conflict'),
    s('text', { x: P + 6, y: P + 16, class: 'ref' }, 'compromise / capitulate'),
    s('text', { x: P + 6, y: W - P - 8, class: 'ref' }, 'status quo'),
    s('text', { x: W - P - 6, y: W - P - 8, 'text-anchor': 'end', class: 'ref' }, 'the other gives ground'),
    // the axes' half-length, at the x axis's right end inside the plot
    s('text', { x: W - P - 6, y: c + 16, 'text-anchor': 'end', class: 'tick', 'data-testid': 'quad-range' }, `±${fmt(m, 2)}`))
  // Actors at one position read alike: one label names them all.
  const labels = new Map<string, string[]>()
  for (const p of pts) {
    const k = `${Math.round(X(p.x))},${Math.round(Y(p.y))}`
    labels.set(k, [...(labels.get(k) ?? []), ctx.actorName(p.other)])
  }
  // the chart's own words, which no label may cover: the x axis's name
  // and range at its right end, the regions' names in the corners
  const tw = (t: string, size: number) => textWidth(t, size) || t.length * size * 0.55
  const xName = 'x: what it expects from challenging →', range = `±${fmt(m, 2)}`
  const fixed: [number, number, number, number][] = [[W - P - tw(xName, 12), c - 16, W - P, c - 3], [W - P - 6 - tw(range, 12), c + 6, W - P - 6, c + 19],
    [W - P - 6 - tw('conflict', 11), P + 6, W - P - 6, P + 19], [P + 6, P + 6, P + 6 + tw('compromise / capitulate', 11), P + 19],
    [P + 6, W - P - 18, P + 6 + tw('status quo', 11), W - P - 5], [W - P - 6 - tw('the other gives ground', 11), W - P - 18, W - P - 6, W - P - 5]]
  const placed = quadLabels(pts.map((p) => [X(p.x), Y(p.y), p.taken ? 8 : 5.5]), fixed, labels, P, W - P)
  for (const p of pts) {
    const [name, col] = regions[p.quadrant] ?? [p.quadrant, '#000']
    const k = `${Math.round(X(p.x))},${Math.round(Y(p.y))}`
    const lb = placed.get(k)
    placed.delete(k)
    svg.append(s('g', { class: 'qpt', 'data-other': p.other, 'data-quadrant': p.quadrant },
      s('circle', { cx: X(p.x), cy: Y(p.y), r: p.taken ? 8 : 5.5, fill: col, stroke: p.taken ? '#14243a' : '#fff', 'stroke-width': p.taken ? 2.5 : 1 },
        s('title', {}, `${ctx.actorName(p.other)}: x ${fmt(p.x, 3)}, y ${fmt(p.y, 3)} — ${name}${p.offer !== undefined ? `, offer ${fmt(p.offer, d)}` : ''}${p.taken ? ' (taken)' : ''}`)),
      lb?.leader ? s('line', { x1: X(p.x), y1: Y(p.y), x2: lb.leader[0], y2: lb.leader[1], class: 'leader', stroke: '#8a94a3', 'stroke-width': 0.8 }) : null,
      lb ? s('text', { x: lb.x, y: lb.y, 'text-anchor': lb.anchor, class: 'tick qlabel', 'data-name': lb.lines.join(' ') },
        ...lb.lines.map((l, i) => s('tspan', { x: lb.x, dy: i ? 14 : 0 }, fitText(l, lb.room, 12)))) : null))
  }
  return svg
}

// quadLabels places the quadrant chart's labels, one per position (the
// names of the actors read there), so that none covers another or a
// point: each goes to the first free place beside its point (right or
// left, above or below), else further up or down with a leader line to
// it. Before, every label stood right of its point and nearby ones ran
// together ("United Kingdom" over "Italy, Finland, France, Germany").
function quadLabels(dots: [number, number, number][], fixed: [number, number, number, number][], groups: Map<string, string[]>, lo: number, hi: number): Map<string, QuadLabel> {
  type Box = [number, number, number, number]
  const hit = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
  const taken: Box[] = [...fixed, ...dots.map(([x, y, r]): Box => [x - r, y - r, x + r, y + r])]
  const tw = (t: string) => textWidth(t, 12) || t.length * 6.6
  const out = new Map<string, QuadLabel>()
  const keys = [...groups.keys()].sort((a, b) => Number(a.split(',')[1]) - Number(b.split(',')[1]) || Number(a.split(',')[0]) - Number(b.split(',')[0]))
  for (const k of keys) {
    const [x, y] = k.split(',').map(Number)
    // many names at one point go on lines of at most 190 px
    const lines: string[] = []
    for (const n of groups.get(k)!) {
      const last = lines.length - 1
      if (last >= 0 && tw(lines[last] + ', ' + n) <= 190) lines[last] += ', ' + n
      else { if (last >= 0) lines[last] += ','; lines.push(n) }
    }
    const w = Math.min(Math.max(...lines.map(tw)), hi - lo - 20), hgt = 14 * (lines.length - 1)
    // a first baseline b's box spans b − 10 to b + 3 + 14 per more line
    const tries: [number, number, boolean][] = [[1, -6 - hgt, false], [1, 16, false], [-1, -6 - hgt, false], [-1, 16, false]]
    for (let dy = 22; dy <= hi - lo; dy += 14) tries.push([1, -6 - hgt - dy, true], [1, 16 + dy, true], [-1, -6 - hgt - dy, true], [-1, 16 + dy, true])
    let done = false
    for (const [side, dy, leader] of tries) {
      const b = y + dy
      const x0 = side > 0 ? x + 8 : x - 8 - w
      const box: Box = [x0, b - 10, x0 + w, b + 3 + hgt]
      if (box[0] < lo + 2 || box[2] > hi - 2 || box[1] < lo + 2 || box[3] > hi - 2) continue
      if (taken.some((t) => hit(t, box))) continue
      taken.push(box)
      out.set(k, { x: side > 0 ? x + 8 : x - 8, y: b, anchor: side > 0 ? 'start' : 'end', lines, room: w + 1, leader: leader ? [side > 0 ? x0 : x0 + w, b - 4] : undefined })
      done = true
      break
    }
    // nowhere free: beside the point, cut to the room it has
    if (!done) out.set(k, { x: x + 8, y: y - 6, anchor: 'start', lines, room: hi - x - 12 })
  }
  return out
}

// QuadLabel is where quadLabels puts one position's label: its first
// baseline, its side, its lines and the room each has, and the end of
// its leader line when it stands away from its point.
interface QuadLabel { x: number; y: number; anchor: string; lines: string[]; room: number; leader?: [number, number] }

// exchangeView draws one round's exchange network and the externalities.
function exchangeView(e: Explanation, ctx: ExplainContext, box: HTMLElement): HTMLElement {
  const rounds = e.exchanges!
  const k = (issue: string) => decimalsOf(e.scenario, issue)
  // an issue by its name, as parley explain's exchange table names it
  const issueName = (id: string) => e.scenario.issues.find((is) => is.id === id)?.name || id
  const r = rounds[Math.min(ui.step, rounds.length) - 1]
  const rp = h('select', { 'data-testid': 'exchange-round', 'aria-label': 'Round' }, ...rounds.map((x) => h('option', { value: String(x.round), selected: x.round === r?.round }, `round ${x.round}`))) as HTMLSelectElement
  rp.onchange = () => { ui.step = Number(rp.value); renderExplain(box, ctx) }
  const ids = (e.externalities ?? []).map((a) => a.actor)
  const W = 620, c = W / 2, R = W / 2 - 90
  const pos = new Map(ids.map((id, i) => [id, [c + R * Math.cos((2 * Math.PI * i) / ids.length - Math.PI / 2), c + R * Math.sin((2 * Math.PI * i) / ids.length - Math.PI / 2)]]))
  const top = Math.max(1e-9, ...(r?.exchanges ?? []).map((x) => x.gain))
  const svg = s('svg', { viewBox: `0 0 ${W} ${W}`, class: 'posmap', role: 'img', 'data-testid': 'exchange-network', 'aria-label': `Exchanges of round ${r?.round}`, style: 'max-width:620px' })
  for (const x of r?.exchanges ?? []) {
    const [a, b] = x.sides
    const p = pos.get(a.actor), q = pos.get(b.actor)
    if (!p || !q) continue
    svg.append(s('line', { x1: p[0], y1: p[1], x2: q[0], y2: q[1], class: 'edge', stroke: color(ids.indexOf(a.actor)), 'stroke-opacity': 0.55, 'stroke-width': 1 + 7 * (x.gain / top), 'data-n': x.n },
      s('title', {}, `#${x.n}: ${ctx.actorName(a.actor)} gives way on ${issueName(a.supply)} (${fmt(a.from, k(a.supply))} → ${fmt(a.to, k(a.supply))}), ${ctx.actorName(b.actor)} on ${issueName(b.supply)} (${fmt(b.from, k(b.supply))} → ${fmt(b.to, k(b.supply))}); gain ${plainNumber(x.gain)} each`)))
  }
  ids.forEach((id, i) => {
    const [x, y] = pos.get(id)!
    const n = (r?.exchanges ?? []).filter((ex) => ex.sides.some((sd) => sd.actor === id)).length
    svg.append(s('g', { class: 'node', 'data-actor': id },
      s('circle', { cx: x, cy: y, r: 8 + Math.min(12, n), fill: color(i), stroke: '#14243a' }, s('title', {}, `${ctx.actorName(id)}: ${plural(n, 'exchange')} this round`)),
      svgLabel({ x, y: y + (y < c ? -22 : 30), 'text-anchor': 'middle', class: 'aname' }, ctx.actorName(id), 2 * Math.min(x, W - x) - 8)))
  })
  const f = (v: number) => fmt(v, 2)
  const ext = h('table', { class: 'compare', 'data-testid': 'externalities' },
    // The head the answer carries (ask.ExternalitiesHead), as parley
    // explain prints it; "Externalities per actor" in an answer stored
    // before it carried one.
    h('caption', {}, e.externalities_head_text ?? 'Externalities per actor'),
    h('thead', {}, h('tr', {}, ...['Actor', 'Exchanges', 'Own', 'Inner +', 'Inner −', 'Outer +', 'Outer −', 'Total'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...(e.externalities ?? []).map((a) => h('tr', {}, h('th', { scope: 'row' }, a.name), h('td', {}, String(a.exchanges)),
      ...[a.own, a.inner_positive, a.inner_negative, a.outer_positive, a.outer_negative, a.total].map((v) => h('td', {}, f(v)))))))
  return h('section', { class: 'card' }, h('h3', {}, 'Exchange network'),
    h('p', { class: 'desc' }, 'Each edge is one realised exchange: both actors give way on the issue they care less about, so that the forecast moves their way on the one they care more about. Edge width is the equal gain; hover for the moves.'),
    h('div', { class: 'controls' }, rp, r ? ` ${r.exchanges.length} realised of ${r.candidates} candidates (${r.valid} valid)` : ''),
    svg, ext)
}

// turnView lists one SMP turn's bargains and every actor's options, the
// chances of winning, expected gains, offers and probabilities in the
// answer's words; an answer stored before it carried them shows its
// fields plainly: each offer by its issue's id with the numbers to three
// significant figures, each probability as the number it is
// (docs/DECISIONS.md, turns25, rest25).
function turnView(e: Explanation, ctx: ExplainContext, box: HTMLElement): HTMLElement {
  const turns = e.turns!
  if (!turns.length) return h('p', { class: 'hint' }, 'No turns.')
  const t = turns[Math.min(ui.step, turns.length) - 1]
  const tp = h('select', { 'data-testid': 'smp-turn', 'aria-label': 'Turn' }, ...turns.map((x) => h('option', { value: String(x.turn), selected: x.turn === t.turn }, `turn ${x.turn}`))) as HTMLSelectElement
  tp.onchange = () => { ui.step = Number(tp.value); renderExplain(box, ctx) }
  const bargains = h('table', { class: 'compare', 'data-testid': 'smp-bargains' },
    h('thead', {}, h('tr', {}, ...['#', 'Challenger', 'Target', 'P(win)', 'Expected gain', 'Offers (challenger / target)'].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...t.bargains.map((b) => h('tr', {}, h('td', {}, String(b.id)), h('td', {}, ctx.actorName(b.initiator)), h('td', {}, ctx.actorName(b.receiver)),
      h('td', {}, b.phi_text ?? fmt(b.phi, 2)), h('td', {}, b.gain_text ?? plainNumber(b.gain)), h('td', {}, b.offers_text ?? b.offers.map((o) => `${o.issue} ${plainNumber(o.initiator)}/${plainNumber(o.receiver)}`).join('; '))))))
  const choices = h('table', { class: 'compare', 'data-testid': 'smp-options' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Actor'), h('th', { scope: 'col' }, 'Options: probability (chosen in bold)'))),
    h('tbody', {}, ...t.choices.map((c) => h('tr', {}, h('th', { scope: 'row' }, ctx.actorName(c.actor)),
      h('td', {}, ...c.options.map((o) => h(o.chosen ? 'strong' : 'span', {}, `${o.bargain === 0 ? 'status quo' : 'bargain ' + o.bargain} ${o.probability_text ?? plainNumber(o.probability)}  `)))))))
  return h('section', { class: 'card' }, h('h3', {}, 'Turns'), h('div', { class: 'controls' }, tp), h('p', {}, t.text), bargains, choices)
}
