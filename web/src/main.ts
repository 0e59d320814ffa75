// Parley's web app: one page, nine views over the HTTP API. The numbers,
// the labelled options nearest them, and every warning and note come from
// the API's answers (Go package answer); the page only draws them. The
// address holds the scenario, snapshot, variant, models, model settings
// and view shown (?scenario=…&snapshot=…&variant=…&models=a,b&param=k=v#view),
// so a link opens the page as it was.
import './style.css'
import { api, follow, download, APIError, inlineOrJob, loadDefaults, defaults, sized, savedNotes } from './api'
import type { Scenario, ScenarioView, Forecast, ModelForecast, IssueForecast, Issue, Stance, ModelInfo, Param, Sweep, SweepIssue, Swing, Sensitivity, Diagnostic, DealEvaluation, DealSearch, DealPackage, DealPlan, Bend, Shortfall, Distribution, DealRobustness, Comparison, CompareCell, CompareColumn, Range, HeldFixed, Source, Bin, Evidence, SweepInput } from './api'
import { h, s, svgLabel, fitText, textWidth, fmt, signed, plainNum, count, color, rangeText, intervalText, plainNumber, rangeJoin, noNumber, tieJoin, reachJoin, settingsText, errorText, decimalsOf, inputValue, plural, heldFixed, foldCaveats, niceTicks, ink, redLinesCrossed, caveatsCard, distanceText, possessive, stanceButton, stanceLabel, upperFirst, setModelTitles, modelLabel, modelNameText } from './util'
import { renderExplain } from './explain'
import { proposalsCard } from './proposals'
import { renderAdvise } from './advise'
import { renderBacktest } from './backtest'
import { Chart, registerables, type Plugin, type BarElement } from 'chart.js'
import { renderEvidence } from './evidence'
import { renderBuilder, unsaved, startBlank } from './builder'
import { sentence } from './diagnostics'
import { openModal, closeModal } from './modal'
import { unknownParams, type AddressParam } from './address'
import * as signin from './signin'

Chart.register(...registerables)
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
Chart.defaults.animation = false
Chart.defaults.maintainAspectRatio = false

type View = 'scenario' | 'forecast' | 'backtest' | 'sweep' | 'deal' | 'explain' | 'evidence' | 'advise' | 'build'
const views: View[] = ['scenario', 'forecast', 'backtest', 'sweep', 'deal', 'explain', 'evidence', 'advise', 'build']

const st = {
  view: 'scenario' as View,
  sv: null as ScenarioView | null,
  resolved: null as Scenario | null,
  snapshot: 'latest',
  variant: '',
  models: [] as ModelInfo[],
  selected: new Set<string>(),
  // params are the model settings changed from their defaults, by name.
  params: {} as { [name: string]: string },
  kinds: [] as string[],
  forecast: null as Forecast | null,
  // forecastError is why the last forecast of the scenario shown failed
  // ('' while it runs or once it is in): the views say it in its place.
  forecastError: '',
  charts: [] as Chart[],
  sweep: null as Sweep | null,
  tornado: null as Sensitivity | null,
  job: null as string | null,
  trajModel: '',
  compareModel: '',
  deal: {} as { [issue: string]: number },
  // dealOpts are the deal settings evaluate and search share; require
  // null means every actor.
  // robust asks evaluate and search how the deal fares over draws of the
  // stated ranges; draws null leaves the number to the server's default.
  // batna and rho start as the server's defaults (init).
  dealOpts: { batna: '', rho: 0, require: null as Set<string> | null, fix: new Set<string>(), robust: false, draws: null as number | null },
  dealSearch: null as DealSearch | null,
  refocus: null as string | null,
  // evidenceIssue is the issue whose quotes the Evidence view opens on
  // (a forecast table's issue link), once; '' for every issue.
  evidenceIssue: '',
  // caveatsOpen is whether the list of every caveat is open, as the
  // reader last left it; null until then (open on a wide screen, folded
  // on a phone: foldCaveats).
  caveatsOpen: null as boolean | null,
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const main = $('main')

// runLine is the status line of the forecast in hand (refresh writes
// it): status('') puts it back, as a view that said it was busy
// (advising, a backtest) does when its answer is in, so that the next
// view opened shows it as the others do.
let runLine = ''

function status(msg: string, error = false) {
  const el = $('status')
  el.textContent = msg || runLine
  el.className = 'status' + (error ? ' error' : '')
}

function bounds(is: Issue): [number, number] { return is.scale ? [is.scale.min, is.scale.max] : [0, 100] }

// nearest names the labelled options nearest x on an issue, each with
// its point in d decimals, "nearest: +25c (25.0)", every one on a tie
// ("A (30.0) / B (40.0)"), '' on an issue without options: the words of
// parley deal evaluate's column "Nearest option" (ask.NearestOptionText,
// which an evaluation carries as nearest_text), under the word its column
// head gives. It labels what no answer holds yet: a slider as it moves
// (no round trip per step) and a stance's position; a search's
// packages carry their own (nearest_text, texts24r).
// "between 10 (+10c) and 25 (+25c)" named two options where the command
// line names the one nearest (docs/DECISIONS.md, "proposals24").
function nearest(is: Issue, x: number, d: number): string {
  const as = is.anchors ?? []
  if (!as.length || !Number.isFinite(x)) return ''
  const [lo, hi] = bounds(is)
  // answer.Scenario.Nearest's tie: within 1e-9 of the scale's range.
  const tol = 1e-9 * Math.max(1, hi - lo)
  const best = Math.min(...as.map((a) => Math.abs(a.value - x)))
  return 'nearest: ' + as.filter((a) => Math.abs(a.value - x) <= best + tol).map((a) => `${a.label} (${fmt(a.value, d)})`).join(tieJoin)
}

// nearestText is the labelled option the API found nearest a forecast;
// a tie shows every option, "A / B" (tieJoin).
function nearestText(f: IssueForecast): string {
  const ls = f.nearest.map((a) => a.label)
  return !f.settled && ls.length > 1 ? ls[0] + reachJoin + ls[ls.length - 1] : ls.join(tieJoin)
}

// dec is the decimals of issue id (decimalsOf): every number on its
// scale is written with them, as the answers in hand give them (the
// forecast's, else the sweep's, the sensitivity's, the deal search's);
// 1 where none has the issue.
function dec(id: string): number {
  for (const a of [st.forecast, st.sweep, st.tornado, st.dealSearch]) {
    if (a?.scenario?.issues.some((x) => x.id === id)) return decimalsOf(a.scenario, id)
  }
  return 1
}

// shown is a forecast as it may be read: a point when settled, else the
// range it kept moving in; with its issue's decimals (dec). A point as
// the answer writes it (forecast_text, ask.PointText: more decimals where
// they keep a red line it crosses crossed), where it carries one.
function shown(f: IssueForecast, d = dec(f.issue)): string {
  if (!f.settled && f.range) return rangeText(f.range.lo, f.range.hi, d)
  return f.forecast_text ?? fmt(f.forecast, d)
}

function actorName(id: string): string {
  return st.resolved?.actors.find((a) => a.id === id)?.name || id
}

function issueName(id: string): string {
  return st.resolved?.issues.find((x) => x.id === id)?.name || id
}

// proposalName is a proposal's name wherever the scenario tables it: at
// its base, in a snapshot or in a variant.
function proposalName(id: string): string {
  const sc = st.sv?.scenario
  const all = [...(sc?.proposals ?? []), ...(sc?.snapshots ?? []).flatMap((x) => x.proposals ?? []), ...(sc?.variants ?? []).flatMap((x) => x.proposals ?? [])]
  return all.find((p) => p.id === id)?.name || id
}

// sourceTitle is the title of the source a quote cites (by its id, or
// its file), as the scenario's metadata declares it; its id when it has
// no title.
function sourceTitle(ref: string): string {
  const src = (st.sv?.scenario.metadata.sources ?? []).find((x) => x.id === ref) ?? (st.sv?.scenario.metadata.sources ?? []).find((x) => x.file === ref)
  return src?.title || ref
}

// modelTip is a model's tooltip where it is shown by its short name:
// its plain name, the short name that the command line takes
// (modelLabel), and its summary when given ("Kalai–Smorodinsky
// bargaining (ks): …").
function modelTip(name: string, summary = ''): string {
  return modelLabel(name) + (summary ? ': ' + summary : '')
}

function modelList(): string[] { return st.models.filter((m) => st.selected.has(m.name)).map((m) => m.name) }

// paramsFor is the settings changed on the Forecast view of the named
// models: every question that runs a model (forecast, sweep, explain,
// advise, deal) sends those of the models it runs, so each runs them as
// the forecast does (the API refuses a setting of a model the run does
// not include).
function paramsFor(models: string[]): { [name: string]: string } | undefined {
  const out: { [name: string]: string } = {}
  for (const m of st.models) {
    if (!models.includes(m.name)) continue
    for (const p of m.params ?? []) if (st.params[p.name] !== undefined) out[p.name] = st.params[p.name]
  }
  return Object.keys(out).length ? out : undefined
}

function forecastRequest(snapshot: string, variant: string) {
  const models = modelList()
  return { models, params: paramsFor(models), snapshot, variant }
}

// tornadoTop is how many inputs a tornado chart shows per issue, as
// parley sensitivity prints them by default (its --top 8).
const tornadoTop = 8

function destroyCharts() { for (const c of st.charts) c.destroy(); st.charts = [] }

// ---------- loading ----------

// signedOutState is the page after Sign out (signin.ts): what it says,
// and Sign in, which loads it anew; nothing is asked of the server.
function signedOutState() {
  runLine = ''
  status('Signed out: this tab has forgotten the access token, and the page shows nothing it loaded with it.')
  const again = h('button', { type: 'button', class: 'primary', 'data-testid': 'signed-out-signin', onclick: () => signin.signInAgain() }, 'Sign in')
  const card = h('section', { class: 'card', 'data-testid': 'signed-out' },
    h('h2', {}, 'Signed out'),
    h('p', {}, 'Sign in loads the page again; it asks for the access token (PARLEY_TOKEN) when the server needs it.'), again)
  main.replaceChildren(card)
  signin.markSignedOut(card, again)
  again.focus()
}

async function init() {
  // Sign out asks before it discards the builder's unsaved edits, as
  // choosing another scenario does.
  signin.beforeSignOut(() => !(st.view === 'build' && unsaved()) || confirm('Sign out and discard the unsaved edits in the builder?'))
  if (signin.signedOut()) { signedOutState(); return }
  try {
    const [models, kinds, list, d] = await Promise.all([api.models(), api.kinds(), api.scenarios(), loadDefaults()])
    st.dealOpts.batna = d.requests.deal.batna
    st.dealOpts.rho = d.requests.deal.rho
    st.models = models
    setModelTitles(models)
    st.kinds = kinds
    // The address's models and settings, else the default models.
    const q = new URLSearchParams(location.search)
    const arg = (name: AddressParam) => q.get(name)
    const want = (arg('models') ?? '').split(',').filter((n) => n !== '')
    for (const m of models) if (want.includes(m.name)) st.selected.add(m.name)
    // An address that names no model the server has (or none) shows the
    // default models, ticked: a forecast of no model is theirs, and the
    // ticks are the columns shown.
    if (!st.selected.size) for (const m of models) if (m.default) st.selected.add(m.name)
    const unknownModels = want.filter((n) => !models.some((m) => m.name === n))
    // A setting of a model the server has is kept (a model not ticked
    // runs it once ticked); one no model ticked has is said
    // (addressRefusals), and so is a param= that is not NAME=VALUE.
    const unusedSettings: [string, string][] = []
    const notSettings: string[] = []
    for (const p of q.getAll('param' satisfies AddressParam)) {
      const i = p.indexOf('=')
      const [name, value] = [p.slice(0, i), p.slice(i + 1)]
      if (i <= 0) notSettings.push(`param ${JSON.stringify(p)}: valid: NAME=VALUE, a setting of a model ticked and its value (param=smp-vote=Binary)`)
      else {
        if (models.some((m) => m.params?.some((x) => x.name === name))) st.params[name] = value
        if (!models.some((m) => st.selected.has(m.name) && m.params?.some((x) => x.name === name))) unusedSettings.push([name, value])
      }
    }
    const sel = $<HTMLSelectElement>('scenario')
    fillScenarios(list)
    sel.onchange = () => {
      if (sel.value === '') return
      if (st.view === 'build' && unsaved() && !confirm('Discard the unsaved edits in the builder?')) { sel.value = sel.querySelector('option[data-new]') ? '' : st.sv?.id ?? ''; return }
      loadScenario(sel.value)
    }
    const fs = $('models')
    for (const m of models) {
      const id = 'model-' + m.name
      const cb = h('input', { type: 'checkbox', id, value: m.name, checked: st.selected.has(m.name) }) as HTMLInputElement
      cb.onchange = () => { cb.checked ? st.selected.add(m.name) : st.selected.delete(m.name); renderSettings(); refresh() }
      // The short name (what the command line takes) stays, the plain
      // name in its tooltip and in the checkbox's name read aloud: eleven
      // plain names do not fit the header's row.
      if (m.title) cb.setAttribute('aria-label', `${m.name} — ${m.title}`)
      fs.append(h('label', { for: id, title: modelTip(m.name, m.summary), 'data-title': m.title ?? '' }, cb, h('span', { class: m.title ? 'named' : '' }, m.name)))
    }
    renderSettings()
    for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')) {
      b.onclick = () => show(b.dataset.view as View)
      b.onkeydown = (e) => {
        const tabs = [...document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')]
        const i = tabs.indexOf(b)
        if (e.key === 'ArrowRight') { tabs[(i + 1) % tabs.length].focus(); e.preventDefault() }
        if (e.key === 'ArrowLeft') { tabs[(i + tabs.length - 1) % tabs.length].focus(); e.preventDefault() }
      }
    }
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return
      const set = document.querySelector<HTMLDetailsElement>('details.settings[open]')
      if (set) { set.open = false; set.querySelector('summary')?.focus() } else closeDrawer()
    })
    const hash = location.hash.slice(1) as View
    if (views.includes(hash)) st.view = hash
    const asked = arg('scenario')
    const first = list.find((r) => r.id === asked) ?? list[0]
    if (first) {
      await loadScenario(first.id, { snapshot: arg('snapshot'), variant: arg('variant') })
      if (asked && first.id !== asked) status(`There is no scenario ${asked} (deleted?); showing “${first.name}”.`, true)
      await addressRefusals(first.id, unknownModels, first.id === asked ? arg('snapshot') : null, first.id === asked ? arg('variant') : null, unusedSettings, [...notSettings, ...unknownParams(q)])
    } else {
      // Nothing stored yet: start one in the builder.
      startBlank()
      st.view = 'build'
      syncURL()
      render()
      status('No scenarios yet: build one, or upload a file.')
    }
  } catch (e) { status(String(e), true) }
}

// addressNotice is the notice of what the page could not use from its
// address (addressRefusals), and the refresh it was shown after: the
// next refresh, which the reader's own choice starts, takes it away.
let addressNotice: { el: HTMLElement; after: number } | null = null

// addressRefusals says, above the page, what of its address the page
// could not use — models the server does not have, a snapshot or variant
// the scenario shown does not — in the server's words: each value is
// sent to the API (a forecast of the one model, the resolved scenario at
// the snapshot or with the variant) and its refusal shown, as parley
// -m, --snapshot and --variant would refuse it; so is each model setting
// no model ticked has (a forecast of the models ticked with that one
// setting, refused before any model runs: ask.NoSetting's "no model
// setting "smp-vot" (did you mean "smp-vote"?); valid: …", or the
// model it is for and that the run does not include). A value the server
// accepts but the page's lists do not hold (a date between snapshots) is
// said in the page's words, and so is a parameter the page does not read
// (unknown, said by unknownParams). Nothing is shown when all was used.
async function addressRefusals(id: string, models: string[], snapshot: string | null, variant: string | null, settings: [string, string][], unknown: string[]) {
  const refusal = async (ask: () => Promise<unknown>, otherwise: string): Promise<string> => {
    try { await ask(); return otherwise } catch (e) { return e instanceof APIError ? e.message : String(e) }
  }
  const said: string[] = []
  for (const n of models) said.push(await refusal(() => api.forecast(id, { models: [n], snapshot: st.snapshot, variant: st.variant }), `model “${n}” is not among the models the page offers`))
  if (snapshot !== null && snapshot !== st.snapshot) said.push(await refusal(() => api.resolved(id, snapshot, ''), `snapshot “${snapshot}” is not among the snapshots the page lists for this scenario`))
  if (variant !== null && variant !== st.variant) said.push(await refusal(() => api.resolved(id, 'latest', variant), `variant “${variant}” is not among the variants the page lists for this scenario`))
  for (const [k, v] of settings) said.push(await refusal(() => api.forecast(id, { models: modelList(), params: { [k]: v }, snapshot: st.snapshot, variant: st.variant }), `setting “${k}” is not among the settings of the models ticked`))
  said.push(...unknown)
  if (!said.length) return
  addressNotice?.el.remove()
  const el = h('div', { class: 'status error', role: 'alert', 'data-testid': 'address-refused' },
    'Not used from the address (the page shows the models ticked and the snapshot and variant chosen above instead):',
    h('ul', {}, ...said.map((x) => h('li', {}, x))))
  $('status').before(el)
  addressNotice = { el, after: refreshes }
}

// fillScenarios lists the stored scenarios in the header, after the
// entry of a new scenario being built when there is one (editingNew).
function fillScenarios(list: { id: string; name: string }[]) {
  const sel = $<HTMLSelectElement>('scenario')
  const fresh = sel.querySelector('option[data-new]')
  sel.replaceChildren(...(fresh ? [fresh] : []), ...list.map((r) => h('option', { value: r.id }, r.name)))
  if (fresh) sel.value = ''
}

// editingNew shows in the header's scenario list, chosen, a temporary
// entry for the new scenario the builder edits, not saved yet, or takes
// it away (once saved, or leaving the Build view), the scenario shown
// chosen again. The header went on naming the stored scenario a blank
// one replaced in the builder.
function editingNew(on: boolean) {
  const sel = $<HTMLSelectElement>('scenario')
  const fresh = sel.querySelector('option[data-new]')
  if (on) {
    if (!fresh) sel.prepend(h('option', { value: '', 'data-new': '', 'data-testid': 'scenario-new' }, 'New scenario (not saved)'))
    sel.value = ''
  } else if (fresh) {
    fresh.remove()
    sel.value = st.sv?.id ?? ''
  }
}

// syncURL writes what the page shows into its address (without a new
// history entry), so the address can be shared.
function syncURL() {
  const q = new URLSearchParams()
  const put = (name: AddressParam, v: string) => q.append(name, v)
  if (st.sv) put('scenario', st.sv.id)
  if (st.snapshot !== 'latest') put('snapshot', st.snapshot)
  if (st.variant) put('variant', st.variant)
  put('models', modelList().join(','))
  for (const [k, v] of Object.entries(st.params)) put('param', `${k}=${v}`)
  history.replaceState(null, '', `${location.pathname}?${q.toString().replace(/%2C/g, ',').replace(/%3D/g, '=')}#${st.view}`)
}

// opened loads a scenario the builder saved, created or uploaded.
async function opened(sv: ScenarioView) {
  fillScenarios(await api.scenarios())
  editingNew(false)
  await loadScenario(sv.id, { snapshot: st.snapshot, variant: st.variant })
}

// relist lists the stored scenarios afresh, the one shown still chosen
// (none when none is shown).
async function relist() {
  fillScenarios(await api.scenarios())
  const sel = $<HTMLSelectElement>('scenario')
  sel.value = sel.querySelector('option[data-new]') ? '' : st.sv?.id ?? ''
}

// deleted shows the newest scenario left, or the builder when none is.
async function deleted(id: string) {
  const list = (await api.scenarios()).filter((r) => r.id !== id)
  fillScenarios(list)
  if (list.length) { await loadScenario(list[0].id); return }
  st.sv = st.resolved = st.forecast = null
  for (const s of ['snapshot', 'variant']) $<HTMLSelectElement>(s).replaceChildren()
  st.snapshot = 'latest'
  st.variant = ''
  st.view = 'build'
  syncURL()
  render()
}

// loadScenario shows a scenario, at the snapshot and with the variant
// asked for when it has them (else the latest, and none).
async function loadScenario(id: string, want: { snapshot?: string | null; variant?: string | null } = {}) {
  status('Loading…')
  st.sv = await api.scenario(id)
  $<HTMLSelectElement>('scenario').value = id
  const sc = st.sv.scenario
  const snap = $<HTMLSelectElement>('snapshot')
  const dates = [...(sc.snapshots ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  snap.replaceChildren(
    h('option', { value: 'latest' }, dates.length ? `latest (${dates[dates.length - 1].date})` : `as of ${sc.metadata.as_of}`),
    h('option', { value: 'base' }, `base (${sc.metadata.as_of})`),
    ...dates.map((d) => h('option', { value: d.date }, `${d.date}${d.label ? ' — ' + d.label : ''}`)),
  )
  snap.value = want.snapshot ?? 'latest'
  if (snap.value !== want.snapshot) snap.value = 'latest'
  st.snapshot = snap.value
  snap.onchange = () => { st.snapshot = snap.value; refresh() }
  const vr = $<HTMLSelectElement>('variant')
  vr.replaceChildren(h('option', { value: '' }, 'none'), ...(sc.variants ?? []).map((v) => h('option', { value: v.id, title: v.description ?? '' }, v.name || v.id)))
  vr.value = want.variant ?? ''
  if (vr.value !== want.variant) vr.value = ''
  st.variant = vr.value
  vr.onchange = () => { st.variant = vr.value; refresh() }
  // The forecast in hand is another scenario's (or version's): no view
  // shows it under this one's name while this one's runs.
  st.resolved = st.forecast = null
  st.sweep = st.tornado = null
  st.dealSearch = null
  st.deal = {}
  st.dealOpts.require = null
  st.dealOpts.fix.clear()
  // The view shown says it waits (the builder, which needs no forecast,
  // is drawn when the forecast is in, as before).
  if (st.view !== 'build') { st.forecastError = ''; render() }
  await refresh()
}

// refreshes counts refresh's calls: an answer that arrives after a later
// call began (a forecast run as a job can take a minute) is dropped.
let refreshes = 0

async function refresh() {
  syncURL()
  if (!st.sv) return
  const mine = ++refreshes
  if (addressNotice && mine > addressNotice.after) { addressNotice.el.remove(); addressNotice = null }
  st.forecastError = ''
  runLine = '' // the forecast in hand is no longer the one shown
  try {
    status('Forecasting…')
    const req = forecastRequest(st.snapshot, st.variant)
    const id = st.sv.id
    const [res, run] = await Promise.all([
      api.resolved(id, st.snapshot, st.variant),
      inlineOrJob<Forecast>(id, 'forecast', req, () => api.forecast(id, req),
        (pct, est) => { if (mine === refreshes) status(sized(`Forecasting (as a job: too large to answer at once): ${pct}%`, est)) }),
    ])
    if (mine !== refreshes || !st.sv) return
    st.resolved = res.scenario
    st.forecast = run.result ?? null
    st.dealSearch = null
    const fc = st.forecast
    // A warning is what validate counts (the file's, as the notices list
    // them, less its notes, which only inform); what the answer's numbers
    // assume is counted apart.
    const nsc = fileWarnings().length + (fc ? answerOnlyWarnings(fc).length : 0)
    // ask's words for the count (assumed_text), not the page's own
    const nas = fc?.scenario.assumed_text ?? ''
    const nmw = fc?.models.reduce((n, m) => n + (m.warnings?.length ?? 0) + (m.error ? 1 : 0), 0) ?? 0
    const warn = (nmw ? ` · ${plural(nmw, 'model warning')}` : '') + (nsc ? ` · ${plural(nsc, 'scenario warning')}` : '') +
      (nas ? ` · ${nas} assumed` : '')
    runLine = `${st.sv.name} · version ${st.sv.version} · as of ${st.resolved.metadata.as_of}${st.variant ? ' · variant ' + st.variant : ''} · run ${run.id.slice(0, 8)}${warn}`
    status(runLine)
    render()
  } catch (e) {
    if (mine !== refreshes) return
    runLine = ''
    const msg = e instanceof APIError ? e.message : String(e)
    status(msg, true)
    // The forecast in hand no longer answers the settings shown: the
    // views say why there is none rather than show it.
    st.forecast = null
    st.forecastError = msg
    render()
  }
}

// renderSettings offers the settings of the selected models (GET
// /api/models lists them); a change re-runs the forecast with them.
function renderSettings() {
  const box = $('settings')
  const ms = st.models.filter((m) => st.selected.has(m.name) && m.params?.length)
  if (!ms.length) { box.replaceChildren(h('p', { class: 'hint' }, 'None of the selected models has settings.')); return }
  box.replaceChildren(...ms.map((m) => h('fieldset', { class: 'params', 'data-model': m.name },
    h('legend', {}, m.title ? `${m.name} — ${m.title}` : m.name), ...m.params!.map((p) => paramInput(p)))))
}

function paramInput(p: Param): HTMLElement {
  const id = 'param-' + p.name
  const cur = st.params[p.name] ?? p.default
  const set = (v: string) => {
    if (v === p.default) delete st.params[p.name]
    else st.params[p.name] = v
    refresh()
  }
  let input: HTMLInputElement | HTMLSelectElement
  if (p.kind === 'bool') {
    const cb = h('input', { type: 'checkbox', id, name: p.name, checked: cur === 'true', 'aria-describedby': id + '-help' }) as HTMLInputElement
    cb.onchange = () => set(String(cb.checked))
    input = cb
  } else if (p.kind === 'enum') {
    const sel = h('select', { id, name: p.name, 'aria-describedby': id + '-help' }, ...(p.values ?? []).map((v) => h('option', { value: v, selected: v === cur }, v + (v === p.default ? ' (default)' : '')))) as HTMLSelectElement
    sel.onchange = () => set(sel.value)
    input = sel
  } else {
    const num = h('input', { type: 'number', id, name: p.name, value: cur, step: 'any', 'aria-describedby': id + '-help' }) as HTMLInputElement
    num.onchange = () => set(num.value.trim() === '' ? p.default : num.value.trim())
    input = num
  }
  return h('div', { class: 'param' }, h('label', { for: id }, p.name.replace(new RegExp('^' + p.model + '-'), '')), input,
    h('small', { id: id + '-help' }, p.help.replace(new RegExp('^' + p.model + ': '), '')))
}

function show(v: View) {
  st.view = v
  syncURL()
  render()
  main.focus({ preventScroll: true })
}

function render() {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')) {
    b.setAttribute('aria-selected', String(b.dataset.view === st.view))
    b.tabIndex = b.dataset.view === st.view ? 0 : -1
  }
  destroyCharts()
  main.setAttribute('aria-labelledby', 'tab-' + st.view)
  // A backtest picks its own snapshot (its From): the header's As of,
  // which does not apply there, is disabled and says why.
  const asOf = $<HTMLSelectElement>('snapshot')
  asOf.disabled = st.view === 'backtest'
  asOf.title = asOf.disabled ? 'Not used by Backtest: it forecasts from the snapshot chosen in From' : ''
  if (st.view === 'build') {
    renderBuilder(main, { sv: st.sv, snapshot: st.snapshot, variant: st.variant, status, opened, deleted, relist, editingNew })
    return
  }
  main.classList.remove('builder')
  editingNew(false)
  if (!st.sv) { main.replaceChildren(h('p', { class: 'hint' }, 'No scenario yet: build one, or upload a file, in the Build view.')); return }
  if (!st.resolved || !st.forecast) { main.replaceChildren(forecastPending()); return }
  if (st.view === 'scenario') renderScenario()
  if (st.view === 'forecast') renderForecast()
  if (st.view === 'backtest') renderBacktest(main, { id: st.sv!.id, variant: st.variant, scenario: st.sv!.scenario, models: modelList(), status, params: paramsFor })
  if (st.view === 'sweep') renderSweep()
  if (st.view === 'deal') renderDeal()
  if (st.view === 'explain') renderExplain(main, { scenario: st.sv!.id, snapshot: st.snapshot, variant: st.variant, issues: st.resolved.issues, actorName, status, params: paramsFor, stance: openStance })
  if (st.view === 'evidence') {
    renderEvidence(main, st.sv!, (id, said) => { void loadScenario(id).then(() => status(said)) }, st.evidenceIssue)
    st.evidenceIssue = ''
  }
  if (st.view === 'advise') renderAdvise(main, { id: st.sv!.id, snapshot: st.snapshot, variant: st.variant, scenario: st.resolved, models: st.models.map((m) => m.name), status, params: paramsFor, stance: openStance })
}

// forecastPending stands in a view whose scenario has no forecast in
// hand: it is running (the status line counts a job's progress), or the
// server refused it, said in words. Every view but the builder reads the
// forecast or the scenario it resolved; the page used to leave the view
// shown before in place, another scenario's forecast or the builder.
function forecastPending(): HTMLElement {
  if (st.forecastError) {
    return h('section', { class: 'card' }, h('p', { class: 'error', role: 'alert', 'data-testid': 'view-failed' },
      `No forecast of “${st.sv!.name}” to show: ${st.forecastError}`),
    h('p', { class: 'hint' }, 'Change the snapshot, the variant, the models or their settings above to run it again, or correct the scenario in the Build view.'))
  }
  return h('section', { class: 'card' }, h('p', { class: 'hint', 'data-testid': 'view-waiting' },
    `Forecasting “${st.sv!.name}”… this view appears when the forecast is in (a large scenario runs as a job; the line above counts its progress).`))
}

// ---------- warnings and notes ----------

function issueAnswer(model: string, issue: string): IssueForecast | undefined {
  return st.forecast?.models.find((x) => x.model === model)?.issues.find((x) => x.issue === issue)
}

// forecastFor is a settled forecast's point; null when there is none or
// the rounds did not settle (then it is a range, not a point).
function forecastFor(model: string, issue: string): number | null {
  const f = issueAnswer(model, issue)
  return f && f.settled ? f.forecast : null
}

// issueWarnings are the models' warnings about one issue: the warnings
// that name it and no other of the model's issues, and, for an unsettled
// forecast none of those names, its own range (and cycle) in the
// answer's words (unsettled_text, ask's unsettledText: the words the
// model's warning gives the issue among the others); an answer stored
// before it was carried gives its range plainly. A warning naming several issues (a model's one
// warning for all it did not settle on) stays with the model's caveats:
// here it would bury this issue's range among the others'.
function issueWarnings(models: ModelForecast[], issue: string): { model: string; text: string }[] {
  const out: { model: string; text: string }[] = []
  for (const m of models) {
    const names = (w: string, id: string) => w.includes(`(${id})`)
    const ws = (m.warnings ?? []).filter((w) => names(w, issue) && !m.issues.some((x) => x.issue !== issue && names(w, x.issue)))
    for (const w of ws) out.push({ model: m.model, text: w })
    const f = m.issues.find((x) => x.issue === issue)
    if (f && !f.settled && !ws.length) out.push({ model: m.model, text: f.unsettled_text ?? `did not settle: ${shown(f)}` })
  }
  return out
}

// answerOnlyWarnings are the answer's scenario warnings the stored file's
// do not hold: the answer repeats the file's (as text, for the doors
// without the file), and the page lists those from the file, where each
// names its place.
function answerOnlyWarnings(fc: Forecast): string[] {
  const file = st.sv?.warnings ?? []
  return (fc.scenario.warnings ?? []).filter((w) => !file.some((d) => w.includes(`${d.path}: ${d.message}`)))
}

// fileWarnings are the stored file's warnings less its notes (a quote
// dated after its state's date: validate's "note:"), which the builder
// marks beside their fields as notes.
function fileWarnings(): Diagnostic[] {
  return (st.sv?.warnings ?? []).filter((d) => !d.note)
}

// foldedAssumed lists what the answer's numbers rest on that no quote
// backs, only an assumed reason: valid in the file, so no warning (no ⚠),
// folded under summary with what it counts, in ask's words (the answer's
// assumed_text: "Assumed inputs: 11 of 70 stances and 3 of 10
// capabilities"), or, where there is no count, how many lines; null for
// none.
function foldedAssumed(xs: string[], testid: string, summary: string, counted?: string): HTMLElement | null {
  if (!xs.length) return null
  return h('details', { class: 'assumed-inputs', 'data-testid': testid },
    h('summary', {}, counted ? `${summary}: ${counted}` : `${summary} (${xs.length})`), h('ul', { 'data-testid': `${testid}-list` }, ...xs.map((x) => h('li', {}, x))))
}

// notices are the caveats every view of a forecast shows above its
// numbers (on the Forecast view, under the bottom line): the models'
// warnings and failures and the red lines the forecasts cross
// (prominent), then their notes, the scenario's own warnings and what
// its numbers assume (folded, with their counts).
function notices(fc: Forecast): HTMLElement[] {
  const out: HTMLElement[] = []
  const warned = fc.models.filter((m) => m.error || m.warnings?.length)
  const crossed = redLinesCrossed(fc, 'red-lines-crossed')
  if (warned.length) {
    // Every caveat is listed, under a line that says how many there are
    // (counted as the header's run line counts them, "4 model warnings",
    // where this line's "4 caveats" read as another count),
    // and the first (the answer's first: the same list the CLI prints):
    // folded on a phone, where the list filled the first screen and put
    // the forecast below it.
    const lines = warned.flatMap((m) => [...(m.error ? [`${m.model} gave no forecast: ${m.error}`] : []), ...(m.warnings ?? []).map((w) => `${m.model}: ${w}`)])
    const all = h('details', { class: 'caveats-all', 'data-testid': 'caveats-all', open: st.caveatsOpen ?? !foldCaveats.matches },
      h('summary', { 'data-testid': 'caveats-summary' }, h('strong', {}, plural(lines.length, 'model warning')), `, from ${warned.map((m) => m.model).join(', ')}`,
        h('span', { class: 'first' }, `; the first: ${lines[0]}`)),
      h('ul', {}, ...warned.map((m) => h('li', { 'data-model': m.model }, h('strong', {}, m.model),
        m.error ? [' gave no forecast: ', m.error].join('') : '',
        m.warnings?.length ? h('ul', {}, ...m.warnings.map((w) => h('li', {}, w))) : null))))
    all.addEventListener('toggle', () => { st.caveatsOpen = (all as HTMLDetailsElement).open })
    out.push(caveatsCard('model-warnings', all, crossed)!)
  } else if (crossed) {
    out.push(caveatsCard('model-warnings', crossed)!)
  }
  // A model's notes less the red lines it crosses, listed above (as
  // parley forecast's notes leave them to their own block).
  const notes = fc.models.flatMap((m) => (m.notes ?? []).filter((n) => !(m.red_lines ?? []).some((x) => x.text === n)).map((n) => ({ m: m.model, n })))
  const file = fileWarnings()
  const sw = answerOnlyWarnings(fc)
  const assumed = fc.scenario.assumed ?? []
  if (notes.length || sw.length || file.length || assumed.length) {
    out.push(h('div', { class: 'notices' },
      sw.length || file.length ? h('details', { class: 'scenario-warnings', 'data-testid': 'scenario-warnings' },
        h('summary', {}, `Scenario warnings (${sw.length + file.length})`),
        h('ul', {}, ...sw.map((w) => h('li', {}, w)), ...file.map((d) => h('li', {}, sentence(d, st.sv!.scenario))))) : null,
      foldedAssumed(assumed, 'assumed-inputs', 'Assumed inputs', fc.scenario.assumed_text),
      notes.length ? h('details', { class: 'model-notes', 'data-testid': 'model-notes' },
        h('summary', {}, `Model notes (${notes.length})`),
        h('ul', {}, ...notes.map((x) => h('li', {}, h('strong', {}, x.m), ': ', x.n)))) : null))
  }
  return out
}

function warningList(ws: string[] | undefined, testid: string): HTMLElement | null {
  if (!ws?.length) return null
  return h('ul', { class: 'warnings', 'data-testid': testid }, ...ws.map((w) => h('li', {}, h('span', { 'aria-hidden': 'true' }, '⚠ '), w)))
}

// foldedWarnings folds the warnings of a comparison across snapshots or
// variants under one line ("⚠ 3 warnings across the snapshots", or
// with the model they are of: "⚠ bdm: 3 …"), so that they do not push
// the charts and the table down; '' (nothing) when there are none. name
// gives the test ids: name-warnings, and name-warning-list for the list.
function foldedWarnings(ws: string[], name: string, across: string, model?: string): HTMLElement | '' {
  if (!ws.length) return ''
  return h('details', { class: 'folded-warnings', 'data-testid': `${name}-warnings` },
    h('summary', {}, `⚠ ${model ? model + ': ' : ''}${plural(ws.length, 'warning')} across the ${across}`), warningList(ws, `${name}-warning-list`))
}

// ---------- scenario view: position maps ----------

function renderScenario() {
  const sc = st.resolved!
  const md = st.sv!.scenario.metadata
  const intro = h('section', { class: 'intro' },
    h('h1', {}, md.title),
    md.description ? h('p', { class: 'lede' }, md.description) : null,
    h('p', { class: 'hint' }, 'Each marker is an actor at its position: size = capability, shade = salience, whiskers = range. Lines mark each model’s forecast; a shaded band marks a forecast that did not settle, read as the range it kept moving in. Select a marker (click, or Tab and Enter) to read its evidence and edit it.'),
  )
  const legend = h('div', { class: 'legend', 'aria-label': 'Model colours' },
    ...modelList().map((m, i) => h('span', { class: 'key', title: modelTip(m) }, h('i', { style: `background:${color(i)}` }), m)))
  const snaps = [...(st.sv!.scenario.snapshots ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  const snap = st.snapshot === 'base' ? null : st.snapshot === 'latest' ? snaps[snaps.length - 1] : snaps.filter((x) => x.date <= st.snapshot).pop()
  const asof = h('p', { class: 'asof' }, h('strong', {}, `As of ${sc.metadata.as_of}`),
    snap ? ` — ${snap.label ?? ''}${snap.description ? ': ' + snap.description : ''}` : ' — the base stances',
    st.variant ? h('span', { class: 'variant' }, ` · variant: ${st.sv!.scenario.variants?.find((v) => v.id === st.variant)?.name ?? st.variant}`) : null)
  main.replaceChildren(intro, asof, ...notices(st.forecast!), legend, ...sc.issues.map((is) => issueCard(is)))
  if (st.refocus) {
    main.querySelector<SVGGElement>(st.refocus)?.focus()
    st.refocus = null
  }
}

// assumedTag is the grey "assumed" beside an assumed stance's point at
// (X(position), y), of radius r, on a chart W wide whose scale starts at
// L (the actors' names end left of it), drawn clear of the stance's
// range whisker (its line at y, its end caps 5 above and below) and of
// the point: right of both where the chart has room for it, else left
// of both, else (a range over nearly the whole scale) above the
// whisker's line and its caps, beside the point. It was drawn just right
// of the point, on the whisker's line.
function assumedTag(X: (v: number) => number, position: number, range: Range | undefined, r: number, y: number, L: number, W: number): SVGTextElement {
  const word = 'assumed'
  const tw = (textWidth(word, 11) || 44) + 4 // italic is a little wider than the upright it is measured in
  const px = X(position)
  const right = Math.max(px + r, range ? X(range[1]) : -Infinity) + 4
  const left = Math.min(px - r, range ? X(range[0]) : Infinity) - 4
  const at = right + tw <= W ? { x: right, y: y + 4, anchor: 'start' }
    : left - tw >= L ? { x: left, y: y + 4, anchor: 'end' }
    : px + r + 3 + tw <= W ? { x: px + r + 3, y: y - 7, anchor: 'start' }
    : { x: px - r - 3, y: y - 7, anchor: 'end' }
  return s('text', { x: at.x, y: at.y, 'text-anchor': at.anchor, class: 'assumed' }, word)
}

function issueCard(is: Issue): HTMLElement {
  const sc = st.resolved!
  const [lo, hi] = bounds(is)
  const stances = sc.stances.filter((x) => x.issue === is.id).sort((a, b) => a.position - b.position)
  const maxCap = Math.max(...sc.actors.map((a) => a.capability))
  const someQuoted = stances.some((x) => x.evidence?.length)
  const d = dec(is.id)
  // The map is drawn at the width it has (up to 1000, its width on a
  // laptop), so its text stays legible on a phone rather than shrunk
  // with a map drawn for a wide screen; narrow, the names get less room.
  // It is drawn at the card's own width there (main's and the card's
  // sides off), so that a phone shows its text at the sizes the style
  // sets (11 px at least), not shrunk to 86% from a 400-wide drawing.
  const narrow = window.matchMedia('(max-width: 800px)').matches
  const avail = main.clientWidth - (narrow ? 20 + 24 + 2 : 40 + 36 + 2)
  const W = Math.round(Math.min(1000, Math.max(300, avail))), L = W < 420 ? 140 : W < 700 ? 165 : 185, R = 30, rowH = 30
  const X = (v: number) => L + ((v - lo) / (hi - lo)) * (W - L - R)
  // Forecast labels: left to right, each on the first line where it does
  // not overlap the label before it. An unsettled forecast is its range.
  const fl = modelList().map((m, i) => {
    const f = issueAnswer(m, is.id)
    const band = f && !f.settled && f.range ? f.range : null
    const at = band ? (band.lo + band.hi) / 2 : f?.forecast ?? null
    const text = band ? `${m} ${rangeText(band.lo, band.hi, d)} (did not settle)` : `${m} ${fmt(at, d)}`
    return { m, i, f, band, at, text, row: 0, cx: 0 }
  }).filter((x) => x.at !== null).sort((a, b) => a.at! - b.at!)
  const ends: number[] = []
  for (const x of fl) {
    const w = x.text.length * 7.4
    const cx = Math.min(Math.max(X(x.at!), L + w / 2), W - w / 2)
    let row = ends.findIndex((e) => e < cx - w / 2 - 10)
    if (row < 0) { row = ends.length; ends.push(0) }
    ends[row] = cx + w / 2
    x.row = row
    x.cx = cx
  }
  const top = 22 + ends.length * 14
  // Below the axis (at H - B): the scale's regular ticks, then a row of
  // the issue's options, each a diamond at its value, named "options" at
  // the row's left (its label on hover, all in the Scale list below);
  // then the status quo. The options were the ticks, unevenly spaced
  // (0, 20, 30, 40, 55, …) and not said to be options.
  const opts = is.anchors ?? []
  const B = opts.length ? 50 : 34
  const H = top + stances.length * rowH + B + 6
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'posmap', role: 'group', 'aria-label': `Positions on ${is.name}` })
  for (const v of niceTicks(lo, hi, W < 700 ? 5 : 11)) {
    svg.append(s('line', { x1: X(v), x2: X(v), y1: top - 8, y2: H - B, class: 'grid' }))
    svg.append(s('text', { x: X(v), y: H - B + 16, class: 'tick', 'text-anchor': 'middle', 'data-tick': String(v) }, plainNum(v)))
  }
  if (opts.length) {
    const y = H - B + 30
    svg.append(s('text', { x: L - 10, y: y + 4, class: 'optlabel', 'text-anchor': 'end' }, 'options'))
    for (const a of opts) {
      const x = X(a.value)
      svg.append(s('path', { d: `M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`, class: 'option', 'data-option': String(a.value) }, s('title', {}, `option ${plainNum(a.value)}: ${a.label}`)))
    }
  }
  svg.append(s('line', { x1: X(lo), x2: X(hi), y1: H - B, y2: H - B, class: 'axis' }))
  if (is.reference !== undefined) {
    svg.append(s('text', { x: X(is.reference), y: H - 4, class: 'ref', 'text-anchor': 'middle' }, '▲ status quo'))
  }
  // forecasts: a dashed line at a settled point, a band over an
  // unsettled range (with a tick at each value of its cycle)
  for (const x of fl) {
    const near = x.f ? nearestText(x.f) : ''
    if (x.band) {
      const x0 = X(x.band.lo), x1 = X(x.band.hi)
      svg.append(s('rect', { x: x0, y: top - 8, width: Math.max(x1 - x0, 3), height: H - B - (top - 8), fill: color(x.i), stroke: color(x.i), class: 'fband', 'data-model': x.m, 'data-lo': x.band.lo.toFixed(3), 'data-hi': x.band.hi.toFixed(3) },
        s('title', {}, `${x.m} did not settle: read it as the range ${rangeText(x.band.lo, x.band.hi, d)}, not a point`)))
      for (const c of x.f?.cycle ?? []) svg.append(s('line', { x1: X(c), x2: X(c), y1: top - 8, y2: H - B, stroke: color(x.i), class: 'fcycle' }))
    } else {
      const px = X(x.at!)
      svg.append(s('line', { x1: px, x2: px, y1: top - 8, y2: H - B, stroke: color(x.i), class: 'fline', 'data-model': x.m, 'data-forecast': x.at!.toFixed(3) },
        near ? s('title', {}, `${x.m}: ${fmt(x.at, d)}, nearest ${near}`) : null))
    }
    svg.append(s('text', { x: x.cx, y: 13 + x.row * 14, fill: ink(color(x.i)), class: 'flabel' + (x.band ? ' unsettled' : ''), 'data-model': x.m, 'text-anchor': 'middle' }, x.text))
  }
  // actors
  stances.forEach((stc, row) => {
    const a = sc.actors.find((x) => x.id === stc.actor)!
    const y = top + row * rowH + rowH / 2
    const r = 4 + 10 * Math.sqrt(a.capability / maxCap)
    const sal = stc.salience / (sc.metadata.salience_scale === 100 ? 100 : 1)
    const g = s('g', { class: 'marker', tabindex: 0, role: 'button', 'data-actor': a.id, 'data-issue': is.id,
      'aria-label': `${a.name || a.id}: position ${plainNum(stc.position)}, salience ${plainNum(stc.salience)}, capability ${plainNum(a.capability)}. Open evidence.` })
    svg.append(svgLabel({ x: L - 10, y: y + 4, class: 'aname', 'text-anchor': 'end' }, a.name || a.id, L - 14))
    const pr = stc.range?.position
    if (pr) {
      g.append(s('line', { x1: X(pr[0]), x2: X(pr[1]), y1: y, y2: y, class: 'whisker' }))
      g.append(s('line', { x1: X(pr[0]), x2: X(pr[0]), y1: y - 5, y2: y + 5, class: 'whisker' }))
      g.append(s('line', { x1: X(pr[1]), x2: X(pr[1]), y1: y - 5, y2: y + 5, class: 'whisker' }))
    }
    g.append(s('circle', { cx: X(stc.position), cy: y, r, fill: `hsl(214 70% ${88 - 58 * sal}%)`, class: 'dot' },
      s('title', {}, `${a.name}: ${plainNum(stc.position)} (salience ${plainNum(stc.salience)})${stc.evidence?.length ? ` · ${plural(stc.evidence.length, 'quote')}` : stc.assumed ? ' · assumed' : ''}`)))
    if (!stc.evidence?.length && someQuoted) g.append(assumedTag(X, stc.position, pr, r, y, L, W))
    g.addEventListener('click', () => openStance(a.id, is.id))
    // Open on key release, so the key that opened the panel cannot also
    // reach the field that then has the focus.
    const isKey = (e: Event) => (e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' '
    g.addEventListener('keydown', (e) => { if (isKey(e)) e.preventDefault() })
    g.addEventListener('keyup', (e) => { if (isKey(e)) { e.preventDefault(); openStance(a.id, is.id) } })
    svg.append(g)
  })
  const anchors = is.anchors?.length
    ? h('details', { class: 'anchors' }, h('summary', {}, 'Scale'), h('dl', {}, ...(is.anchors.flatMap((a) => [h('dt', {}, plainNum(a.value)), h('dd', {}, a.label)]))))
    : null
  const ws = issueWarnings(st.forecast!.models, is.id)
  const near = fl.filter((x) => x.f && !x.band && x.f.nearest.length).map((x) => h('li', {}, h('strong', { style: `color:${color(x.i)}` }, x.m), ` ${fmt(x.at, d)} → `, nearestText(x.f!)))
  return h('section', { class: 'card issue', 'data-issue': is.id },
    h('h2', {}, is.name),
    is.description ? h('p', { class: 'desc' }, is.description) : null,
    someQuoted ? null : h('p', { class: 'hint' }, 'No stance on this issue quotes a source: every one is assumed.'),
    ws.length ? h('ul', { class: 'warnings', 'data-testid': 'issue-warnings' }, ...ws.map((w) => h('li', { 'data-model': w.model }, h('span', { 'aria-hidden': 'true' }, '⚠ '), h('strong', {}, w.model), ': ', w.text))) : null,
    svg,
    near.length ? h('details', { class: 'anchors' }, h('summary', {}, 'Nearest option by model'), h('ul', { class: 'nearest' }, ...near)) : null,
    anchors)
}

// ---------- stance drawer ----------

// The stance drawer is a modal dialog (modal.ts): Tab stays in it, and
// closing it gives the focus back to the marker that opened it.
function closeDrawer() {
  const d = $('drawer')
  if (!closeModal(d)) return
  d.replaceChildren()
}

function openStance(actor: string, issue: string) {
  const sc = st.resolved!
  const stc = sc.stances.find((x) => x.actor === actor && x.issue === issue) as Stance | undefined
  const a = sc.actors.find((x) => x.id === actor)
  const is = sc.issues.find((x) => x.id === issue)
  if (!stc || !a || !is) return
  const d = $('drawer')
  const [lo, hi] = bounds(is)
  const num = (name: string, label: string, value: number | undefined, min: number, max: number, step: number) =>
    h('label', { class: 'field' }, label, h('input', { type: 'number', name, value: value ?? '', min, max, step, 'data-testid': 'edit-' + name }))
  const salMax = sc.metadata.salience_scale === 100 ? 100 : 1
  const errors = h('div', { class: 'errors', role: 'alert', 'data-testid': 'edit-errors' })
  // A range with one end given is refused here, beside the range's
  // fields, and nothing is sent: its empty end is no number, and sending
  // 0 for it (as the page did) was a range nobody stated.
  const rangeError = h('p', { class: 'field-error', id: 'range-error', role: 'alert', 'data-testid': 'range-error', hidden: true })
  const form = h('form', { class: 'edit', 'data-testid': 'stance-form', novalidate: true },
    h('h3', {}, 'Edit'),
    num('position', `Position (${rangeJoin(plainNum(lo), plainNum(hi))})`, stc.position, lo, hi, 0.5),
    num('salience', `Salience (0–${salMax})`, stc.salience, 0, salMax, salMax / 100),
    h('div', { class: 'pair' }, num('plo', 'Range low', stc.range?.position?.[0], lo, hi, 0.5), num('phi', 'Range high', stc.range?.position?.[1], lo, hi, 0.5)),
    rangeError,
    h('label', { class: 'field' }, 'Note', h('textarea', { name: 'note', rows: 3 }, stc.note ?? '')),
    errors,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', 'data-testid': 'save-stance' }, 'Save and re-forecast'), h('button', { type: 'button', onclick: () => closeDrawer() }, 'Close')),
  )
  form.onsubmit = async (e) => {
    e.preventDefault()
    const f = new FormData(form)
    const n = (k: string) => { const v = String(f.get(k) ?? '').trim(); return v === '' ? null : Number(v) }
    const patch: { [k: string]: unknown } = { version: st.sv!.version, snapshot: st.snapshot }
    if (n('position') !== stc.position) patch.position = n('position')
    if (n('salience') !== stc.salience) patch.salience = n('salience')
    const plo = n('plo'), phi = n('phi')
    errors.replaceChildren()
    rangeError.hidden = true
    rangeError.replaceChildren()
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid')
    for (const el of form.querySelectorAll('[aria-describedby=range-error]')) el.removeAttribute('aria-describedby')
    if ((plo === null) !== (phi === null)) {
      const empty = form.querySelector<HTMLInputElement>(`[name=${plo === null ? 'plo' : 'phi'}]`)!
      empty.setAttribute('aria-invalid', 'true')
      empty.setAttribute('aria-describedby', 'range-error')
      rangeError.replaceChildren(`Range ${plo === null ? 'low' : 'high'} is empty: give both ends, or clear both to remove the range.`)
      rangeError.hidden = false
      empty.focus()
      return
    }
    const old = stc.range?.position
    if (plo !== (old?.[0] ?? null) || phi !== (old?.[1] ?? null)) {
      patch.range = plo === null || phi === null ? { salience: stc.range?.salience } : { position: [plo, phi], salience: stc.range?.salience }
    }
    const note = String(f.get('note') ?? '')
    if (note !== (stc.note ?? '')) patch.note = note
    try {
      st.sv = await api.patchStance(st.sv!.id, actor, issue, patch)
      st.refocus = `g.marker[data-actor="${actor}"][data-issue="${issue}"]`
      closeDrawer()
      await refresh()
      status(`Saved ${a.name} on ${is.name} (version ${st.sv.version}); forecast re-run.${savedNotes(st.sv)}`)
    } catch (err) {
      showErrors(form, errors, err)
    }
  }
  const evidence = evidenceList(stc.evidence, stc.assumed)
  d.dataset.actor = actor
  d.dataset.issue = issue
  d.replaceChildren(...[
    h('button', { class: 'close', 'aria-label': 'Close', onclick: () => closeDrawer() }, '×'),
    h('h2', { id: 'drawer-title' }, `${a.name} on ${is.name}`),
    h('p', { class: 'facts' }, `Position ${plainNum(stc.position)}${stc.range?.position ? ` [${rangeJoin(plainNum(stc.range.position[0]), plainNum(stc.range.position[1]))}]` : ''} · salience ${plainNum(stc.salience)} · capability ${plainNum(a.capability)}`),
    h('p', { class: 'near' }, nearest(is, stc.position, dec(is.id))),
    stc.note ? h('p', { class: 'note' }, stc.note) : null,
    h('h3', {}, 'Evidence'), evidence, form].filter((x) => x !== null) as HTMLElement[])
  openModal(d, d.querySelector<HTMLInputElement>('input[name=position]'))
}

// evidenceList is what a stance or a capability rests on, as the drawer
// shows it: each quote with its citation and note, or "Assumed:" with
// the reason the file gives.
function evidenceList(evs: Evidence[] | undefined, assumed: string | undefined): HTMLElement {
  const sources = st.sv!.scenario.metadata.sources ?? []
  return evs?.length
    ? h('ol', { class: 'evidence', 'data-testid': 'evidence' }, ...evs.map((ev) => {
      const src = sources.find((x) => x.id === ev.source || x.file === ev.source)
      return h('li', {},
        h('blockquote', {}, /^["“‘']/.test(ev.quote) ? ev.quote : '“' + ev.quote + '”'),
        h('p', { class: 'cite' }, citeLine(ev.source, ev.date, src)),
        ev.note ? h('p', { class: 'note' }, ev.note) : null)
    }))
    : h('p', { class: 'assumed-why', 'data-testid': 'evidence' }, h('strong', {}, 'Assumed: '), assumed ?? 'no reason given')
}

// openCapability opens the drawer on an actor's capability, the input a
// tornado's capability bar rests on: its value and range, its note and
// the quotes it rests on, or why it is assumed. It is edited in the
// Build view, as every actor's entry is.
function openCapability(actor: string) {
  const a = st.resolved!.actors.find((x) => x.id === actor)
  if (!a) return
  const d = $('drawer')
  d.dataset.actor = actor
  d.dataset.issue = ''
  const r = a.capability_range
  const close = h('button', { class: 'close', 'aria-label': 'Close', onclick: () => closeDrawer() }, '×')
  d.replaceChildren(...[
    close,
    h('h2', { id: 'drawer-title' }, `${possessive(a.name || a.id)} capability`),
    h('p', { class: 'facts' }, `Capability ${plainNum(a.capability)}${r ? ` [${rangeJoin(plainNum(r[0]), plainNum(r[1]))}]` : ''}`),
    a.capability_note ? h('p', { class: 'note' }, a.capability_note) : null,
    h('h3', {}, 'Evidence'), evidenceList(a.capability_evidence, a.capability_assumed),
    h('p', { class: 'hint' }, 'Edit it in the Build view.')].filter((x) => x !== null) as HTMLElement[])
  openModal(d, close)
}

// openInput opens the drawer on what a number rests on: an actor's
// stance on an issue, or, with no issue, the actor's capability.
function openInput(actor: string, issue: string | undefined) {
  if (issue) openStance(actor, issue)
  else openCapability(actor)
}

// citeLine is a quote's citation: its source's title, its publisher
// (as written, or "not stated"), and each date said for what it is in
// the file: the quote's own (the date it speaks for) and the source's
// (when it was written); one date when both are the same.
function citeLine(cited: string, quoteDate: string | undefined, src: Source | undefined): string {
  const parts = [src?.title || cited, `publisher: ${src?.publisher || 'not stated'}`]
  const sd = src?.date
  if (quoteDate && sd && quoteDate === sd) parts.push(`quote and source dated ${sd}`)
  else {
    if (quoteDate) parts.push(`quote dated ${quoteDate}`)
    if (sd) parts.push(`source dated ${sd}`)
  }
  return parts.join(' · ')
}

function showErrors(form: HTMLElement, box: HTMLElement, err: unknown) {
  if (err instanceof APIError && err.diagnostics.length) {
    box.replaceChildren(h('ul', {}, ...err.diagnostics.map((d: Diagnostic) => h('li', {}, sentence(d, st.sv!.scenario)))))
    for (const d of err.diagnostics) {
      const field = d.path.endsWith('range.position') ? 'plo' : d.path.split('.').pop()
      form.querySelector(`[name=${field}]`)?.setAttribute('aria-invalid', 'true')
    }
  } else box.replaceChildren(h('p', {}, errorText(err)))
}

// ---------- forecast view ----------

// briefLinks download the one-page brief (parley brief) of the scenario
// at the snapshot and variant shown.
function briefLinks(): HTMLElement {
  const link = (format: string, text: string) => {
    const href = `/api/scenarios/${encodeURIComponent(st.sv!.id)}/brief?format=${format}&snapshot=${encodeURIComponent(st.snapshot)}&variant=${encodeURIComponent(st.variant)}`
    return h('a', { href, download: '', 'data-testid': 'forecast-brief-' + format, onclick: (e: Event) => {
      e.preventDefault()
      status('Writing the brief…')
      download(href).then(() => status('Downloaded the brief.'), (err) => status(errorText(err), true))
    } }, text)
  }
  return h('p', { class: 'hint' }, 'The one-page brief of this forecast (forecasts with intervals, drivers, proposals, evidence, sources): ', link('html', 'HTML'), ' · ', link('md', 'Markdown'), ' · ', link('pdf', 'PDF (one A4 page; the server prints it with Chromium)'))
}

// forecastCell is one model's forecast of one issue in a table: the
// point and the nearest option, or the range with "did not settle".
function forecastCell(m: ModelForecast, f: IssueForecast | undefined): HTMLElement {
  if (m.error) return h('td', {}, h('span', { class: 'err' }, m.error))
  if (!f) return h('td', {}, noNumber)
  // The options the forecast reads as in the answer's words (its
  // nearest_text, ask's forecastTexts): their points, as parley
  // forecast's → after the number (points_text), written before the
  // labels a cell clips, so that options whose labels begin alike
  // ("30-day ceasefire…" at 55 and at 70) stay apart. An answer stored
  // before it carried them shows the labels plainly, "A / B" on a tie
  // (docs/DECISIONS.md, texts24f).
  const at = f.nearest_text ?? nearestText(f)
  const d = dec(f.issue)
  if (!f.settled) {
    // The option all of the range reads as, where it is one, "→30 30
    // years over all its range" as parley forecast's → and its long
    // table's "… over all its range"; none where the range spans
    // several: "the range reaches 30 years" read as if it went to 30.
    const whole = f.nearest_text ?? ''
    return h('td', { class: 'unsettled', 'data-model': m.model, 'data-issue': f.issue },
      h('b', {}, shown(f)), h('small', { class: 'warn' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), 'did not settle'),
      cellNote('small', { title: whole, 'data-testid': 'unsettled-note' }, `last round ${fmt(f.forecast, d)}${whole ? '; ' + whole : ''}`))
  }
  const near = at !== ''
  return h('td', { 'data-model': m.model, 'data-issue': f.issue }, h('b', {}, shown(f, d)),
    near ? cellNote('small', { title: at, 'data-testid': 'nearest', class: f.nearest.length > 1 ? 'tie' : '' }, f.nearest.length > 1 ? 'tie: ' + at : at)
      : h('small', { 'data-testid': 'nearest' }),
    f.distribution ? distributionNote(f.distribution, d) : null)
}

// cellNote is a note under a number in the forecast table (a nearest
// option, an unsettled cell's range, snap's likeliest): cut after two
// lines, so that 7 issues by 9 models read at a glance at 1000 px, and
// read whole on hover and on focus (Tab, or a click or tap, which focus
// it; Escape puts it back), drawn over the rows below so that they do
// not move as the pointer crosses the table (style.css, .clip.open). A
// title alone reached neither a keyboard nor a touch screen. Its text is
// whole in the page: a screen reader reads all of it. On a phone an
// opened note stands whole at the screen's foot (style.css), where a
// narrow column's note ran off the screen's edge. A note may hold a note
// (snap's distribution, its likeliest): focus on the inner one opens the
// outer one too, where the outer one is cut.
function cellNote(tag: 'small' | 'span', attrs: { [k: string]: string | undefined }, ...text: (string | Node | null)[]): HTMLElement {
  const el = h(tag, { ...attrs, class: attrs.class ? attrs.class + ' clip' : 'clip', tabindex: 0 }, h('span', {}, ...text))
  // Opened, the note keeps the height it had cut (the whole text, wider
  // than its column, overflows it): the rows do not move. A note not cut
  // is not opened.
  const open = () => {
    if (el.classList.contains('open') || el.scrollHeight <= el.clientHeight + 1) return
    el.style.height = `${el.getBoundingClientRect().height}px`
    el.classList.add('open')
  }
  const shut = (e: Event) => {
    const focus = e instanceof FocusEvent ? e.relatedTarget : document.activeElement
    if (focus instanceof Node && el.contains(focus)) return
    if (e.type === 'focusout' && el.matches(':hover')) return
    el.classList.remove('open')
    el.style.height = ''
  }
  el.addEventListener('pointerenter', open)
  el.addEventListener('focusin', open)
  el.addEventListener('pointerleave', shut)
  el.addEventListener('focusout', shut)
  el.addEventListener('keydown', (e) => { if (e.key === 'Escape') el.blur() })
  return el
}

// distributionNote is a model's predictive distribution in a cell: the
// 80% and 95% intervals and the likeliest labelled option (or, on an
// issue without labels, stated position), calibrated on real EU outcomes
// (docs/models.md, snap). The likeliest are the answer's (a tie names
// them all); the page does not choose. Numbers on the scale have the
// issue's digits decimals. The intervals and the likeliest's chance are
// read whole; an option is its point (→55, as a forecast's nearest is)
// and its label, cut after two lines like the nearest's, whole on hover
// or focus (cellNote): whole, a long label made the column's rows three
// times the others' height, a phone's ten times.
//
// On a phone the whole distribution is cut after two lines too, opened by
// a tap as the other notes are: read whole in a column 5.5em wide, it
// made every row ≈170 px tall where the other cells used ≈60.
//
// Where the likeliest option is not the forecast's nearest, the answer's
// note of why (likeliest_note, ask's words, as the command line prints
// it under its table) follows the likeliest, cut after two lines as it
// is and read whole on hover or focus: "the likeliest option is →35
// (32%), not →50 (25%), …" beside a forecast of 55.0 →50.
function distributionNote(d: Distribution, digits: number): HTMLElement {
  const names = d.likeliest.map((l) => l.text ?? `${fmt(l.value, digits)} ${l.label ?? (l.actors ?? []).map(actorName).join(', ')}`).join(tieJoin)
  return cellNote('small', { class: 'dist', 'data-testid': 'distribution', title: 'How far real EU outcomes fell from forecasts like this one (fitted on DEU III; docs/skill.md)' },
    `80%: ${intervalText(d.interval80.lo, d.interval80.hi, digits)} · 95%: ${intervalText(d.interval95.lo, d.interval95.hi, digits)}${d.likeliest.length ? '; ' : ''}`,
    d.likeliest.length ? cellNote('span', { class: 'likely', 'data-testid': 'likeliest', title: names }, `likeliest${d.likeliest_chance_text ? ` (${d.likeliest_chance_text})` : ''}: ${names}`) : null,
    d.likeliest_note ? cellNote('span', { class: 'why', 'data-testid': 'likeliest-note', title: d.likeliest_note }, d.likeliest_note) : null)
}

// bottomLineCard is the forecast's bottom line (bottom_line, ask's
// words, as parley prints it under its heading line): its head, then
// each issue's sentence as it is; null when the answer has none (fewer
// than two models ran). It is shown open on every screen: it is the
// answer, which on a phone takes the first screen before the caveats
// and the wide table (docs/DECISIONS.md, bottomline22).
function bottomLineCard(fc: Forecast): HTMLElement | null {
  const b = fc.bottom_line
  if (!b) return null
  return h('section', { class: 'card bottom-line', 'data-testid': 'bottom-line', 'aria-labelledby': 'bottom-line-head' },
    h('p', { class: 'head', id: 'bottom-line-head', 'data-testid': 'bottom-line-head' }, b.head),
    h('ul', {}, ...b.issues.map((x) => h('li', { 'data-issue': x.issue, 'data-agree': String(x.agree), 'data-models': String(x.models) }, x.text))))
}

// evidenceLink is an issue's name in the forecast table, a link to the
// quotes its forecasts rest on: a forecast rests on every stance of the
// issue, so it opens the Evidence view at the issue's quotes rather than
// one stance's drawer.
function evidenceLink(is: Issue): HTMLElement {
  return h('a', { href: '#evidence', class: 'evidence-link', 'data-testid': 'issue-evidence', 'aria-label': `${is.name}: the evidence the forecasts rest on`, title: `The evidence on ${is.name}`,
    onclick: (e: Event) => { e.preventDefault(); st.evidenceIssue = is.id; show('evidence') } }, is.name)
}

function renderForecast() {
  const sc = st.resolved!
  const fc = st.forecast!
  const models = fc.models
  const table = h('table', { class: 'compare', 'data-testid': 'model-table' },
    h('caption', {}, `Forecast by model, ${fc.scenario.as_of_text ?? 'as of ' + fc.scenario.as_of}${fc.scenario.variant ? ', variant ' + (fc.scenario.variant_name || fc.scenario.variant) : ''}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Issue'), ...models.map((m, i) => h('th', { scope: 'col', style: `border-bottom-color:${color(i)}`, title: modelTip(m.model) }, m.model)))),
    h('tbody', {}, ...sc.issues.map((is) => h('tr', { 'data-issue': is.id }, h('th', { scope: 'row' }, evidenceLink(is)),
      ...models.map((m) => forecastCell(m, m.issues.find((x) => x.issue === is.id)))))))
  const multi = models.filter((m) => m.issues.some((x) => (x.rounds?.length ?? 0) > 1)).map((m) => m.model)
  if (!multi.includes(st.trajModel)) st.trajModel = multi[0] ?? models[0]?.model ?? ''
  const pick = h('select', { 'aria-label': 'Model for trajectories' }, ...models.map((m) => h('option', { value: m.model, selected: m.model === st.trajModel }, modelLabel(m.model)))) as HTMLSelectElement
  pick.onchange = () => { st.trajModel = pick.value; render() }
  const traj = h('div', { class: 'grid' })
  const timeline = h('div', { class: 'grid', 'data-testid': 'timeline' })
  const timelineHead = h('div', { 'data-testid': 'timeline-head' })
  const variants = h('div', { 'data-testid': 'variants' })
  main.replaceChildren(
    ...[bottomLineCard(fc)].filter((c): c is HTMLElement => c !== null),
    ...notices(fc),
    h('section', { class: 'card' }, table, briefLinks()),
    h('section', { class: 'card' }, h('h2', {}, 'Round by round ', pick), h('p', { class: 'hint' }, 'Each actor’s position after each round; the thick dashed line is the forecast.'), traj),
    h('section', { class: 'card' }, h('h2', {}, 'How the forecast moved'), h('p', { class: 'hint' }, 'The forecast at the base date and at each snapshot (variant applied); a bar is a forecast that did not settle, drawn as its range.'), timelineHead, timeline),
    h('section', { class: 'card' }, h('h2', {}, 'Variants side by side'), variants))
  const m = models.find((x) => x.model === st.trajModel)
  if (m) for (const is of sc.issues) {
    const ir = m.issues.find((x) => x.issue === is.id)
    if (!ir?.rounds?.length) continue
    const canvas = h('canvas', { 'aria-label': `Trajectories on ${is.name} (${m.model})`, role: 'img' })
    // The key is the page's own list beside the chart (under it when
    // narrow), every name whole and wrapped where long: Chart.js's
    // legend, drawn on the canvas, cut names at its edge ("European
    // Commissi", webreview26) and could show no tooltip.
    const key = h('ul', { class: 'trajkey', 'data-testid': 'traj-key' })
    const fig = h('figure', { class: 'chart' }, h('figcaption', {}, is.name, ir.settled ? '' : h('span', { class: 'warn' }, ` — did not settle: ${shown(ir)}`)), h('div', { class: 'trajwrap' }, h('div', { class: 'box' }, canvas), key))
    traj.append(fig)
    // Narrow (a phone), the key goes under the chart: at its right it
    // would leave the plot too little room.
    if (fig.clientWidth > 0 && fig.clientWidth < 500) fig.classList.add('keyunder')
    const labels = ir.rounds.map((r) => String(r.round))
    const ds = fc.scenario.actors.map((a, i) => ({ label: a.name || a.id, data: ir.rounds!.map((r): number | null => r.positions[a.id] ?? null), borderColor: color(i), backgroundColor: color(i), pointRadius: ir.rounds!.length > 1 ? 0 : 4, borderWidth: 1.5, spanGaps: false }))
      .filter((d) => d.data.some((v) => v !== null))
    // The forecast is drawn over the actors' lines (order -1: Chart.js
    // draws the lowest order last), where the last actor drawn hid it.
    ds.push({ label: 'forecast', data: ir.rounds.map((r) => r.forecast), borderColor: '#111', backgroundColor: '#111', pointRadius: ir.rounds.length > 1 ? 0 : 6, borderWidth: 3, spanGaps: false, ...({ borderDash: [6, 4], order: -1 } as object) })
    const [lo, hi] = bounds(is)
    // The legend's swatches are lines, drawn as the chart's are: the
    // forecast's a thick dashed one (as a box, its dashes were a
    // scribble). The last round's tick stands inside the plot
    // (align 'inner'), clear of a legend at its right.
    key.append(...[ds[ds.length - 1], ...ds.slice(0, -1)].map((d) => h('li', {}, h('i', { style: `border-top: ${d.label === 'forecast' ? '3px dashed' : '2px solid'} ${d.borderColor}` }), d.label)))
    st.charts.push(new Chart(canvas as HTMLCanvasElement, { type: 'line', data: { labels, datasets: ds }, options: { layout: { padding: { right: 8 } }, scales: { y: { min: lo, max: hi, title: { display: true, text: 'position' } }, x: { title: { display: true, text: 'round' }, ticks: { align: 'inner' } } }, plugins: { legend: { display: false } } } }))
    // Where the forecast's last round stands (CSS px from the canvas's
    // top), for the tests.
    const last = ir.rounds[ir.rounds.length - 1]?.forecast
    if (typeof last === 'number') fig.dataset.forecastY = String(st.charts[st.charts.length - 1].scales.y.getPixelForValue(last))
    const shared = sharedLines(fc.scenario.actors.map((a) => ({ name: a.name || a.id, data: ir.rounds!.map((r) => r.positions[a.id] ?? null) })), hi - lo)
    if (shared.length) fig.append(h('p', { class: 'hint shared-lines', 'data-testid': 'shared-lines' }, `Lines drawn over one another (the same position, within ${plainNum(sharedTolerance * 100)}% of the scale, at every round): ${shared.map((g) => g.join(', ')).join('; ')}.`))
  }
  loadTimeline(timeline, timelineHead)
  loadVariants(variants)
}

// sharedTolerance is how close (a share of the scale) two actors'
// positions are at every round for their lines to be drawn as one.
const sharedTolerance = 0.005

// sharedLines is the groups of two or more actors whose lines lie over
// one another: at every round both have a position, within
// sharedTolerance of the scale's span apart. On the built-in case's
// Territory ten actors stand on four lines, and the last drawn hid the
// rest.
function sharedLines(lines: { name: string; data: (number | null)[] }[], span: number): string[][] {
  const tol = sharedTolerance * span
  const same = (a: (number | null)[], b: (number | null)[]) => a.every((v, i) => v !== null && b[i] !== null && Math.abs(v - b[i]!) <= tol)
  const groups: { data: (number | null)[]; names: string[] }[] = []
  for (const l of lines) {
    if (!l.data.some((v) => v !== null)) continue
    const g = groups.find((x) => same(x.data, l.data))
    if (g) g.names.push(l.name)
    else groups.push({ data: l.data, names: [l.name] })
  }
  return groups.filter((g) => g.names.length > 1).map((g) => g.names)
}

// compare asks for the comparison of the models and settings of the
// forecast shown: over variants (every variant, at the snapshot shown) or
// over snapshots (the base and every snapshot, the variant shown
// applied). It costs a forecast per column, so when the server refuses it
// within the request it runs as a job, its progress shown in box.
async function compare(over: 'variants' | 'snapshots', box: HTMLElement): Promise<Comparison> {
  const models = modelList()
  const req = over === 'variants' ? { models, params: paramsFor(models), over, snapshot: st.snapshot } : { models, params: paramsFor(models), over, variant: st.variant }
  const id = st.sv!.id
  const run = await inlineOrJob<Comparison>(id, 'compare', req, () => api.compare(id, req),
    (pct, est) => box.replaceChildren(h('p', { class: 'hint' }, sized(`Computing (as a job: too large to answer at once): ${pct}%`, est))))
  return run.result!
}

// snapshotSpan says which snapshots a comparison over snapshots covers,
// as parley compare's heading does: the columns stand at several dates,
// none of them the comparison's own.
function snapshotSpan(cmp: Comparison): string {
  if (cmp.span_text) return upperFirst(cmp.span_text) + '.'
  // An answer stored before it carried the span: the variant by its
  // name where the column has it.
  const cs = cmp.columns
  const at = (c: CompareColumn) => (c.snapshot === 'base' ? (c.as_of ? `the base (${c.as_of})` : 'the base') : c.snapshot)
  // ask.CompareSpanText's rule: the base is named, not counted.
  const n = cs.length
  const base = cs[0]?.snapshot === 'base'
  const span = base
    ? n === 1 ? `${at(cs[0])} alone` : n === 2 ? `${at(cs[0])} and 1 snapshot, ${at(cs[1])}` : `${at(cs[0])} and ${n - 1} snapshots to ${at(cs[n - 1])}`
    : n === 1 ? `1 snapshot, ${at(cs[0])}` : `${n} snapshots from ${at(cs[0])} to ${at(cs[n - 1])}`
  const v = cs[0]?.variant_name || cs[0]?.variant
  return `${upperFirst(span)}, ${v ? 'variant ' + v : 'no variant'}.`
}

// timelineAssumed is what the snapshots' scenarios assume: what every
// snapshot assumes once, the rest each with the snapshot it is about.
// (The file's warnings, every snapshot's, are the notices'.)
function timelineAssumed(cmp: Comparison): string[] {
  const every = cmp.columns.length > 1 ? 'Every snapshot' : cmp.columns[0]?.label ?? ''
  return [...(cmp.scenario.assumed ?? []).map((w) => `${every}: ${w}`),
    ...cmp.columns.flatMap((c) => (c.assumed ?? []).map((w) => `${c.label}${c.label !== c.as_of && c.as_of ? ' (' + c.as_of + ')' : ''}: ${w}`))]
}

async function loadTimeline(box: HTMLElement, head: HTMLElement) {
  box.replaceChildren(h('p', { class: 'hint' }, 'Computing…'))
  head.replaceChildren()
  try {
    const cmp = await compare('snapshots', box)
    if (st.view !== 'forecast') return
    box.replaceChildren()
    head.replaceChildren(h('p', { 'data-testid': 'timeline-span' }, snapshotSpan(cmp)),
      redLinesCrossed(cmp, 'timeline-red-lines') ?? '',
      foldedAssumed(timelineAssumed(cmp), 'timeline-assumed', 'Assumed inputs across the snapshots') ?? '')
    // The x axis is days: the snapshots stand as far apart as their
    // dates (evenly spaced, five months read as one week), the ticks are
    // the months, and each snapshot's name stands over its date.
    const days = cmp.columns.map((c) => dayOf(c.as_of))
    const first = Math.min(...days), last = Math.max(...days)
    const pad = Math.max(1, Math.round((last - first) * 0.04))
    const names = cmp.columns.map((c) => (c.label && c.label !== c.as_of ? c.label : c.as_of))
    for (const is of st.resolved!.issues) {
      const canvas = h('canvas', { role: 'img', 'aria-label': `Forecast over time on ${is.name}` })
      const boxEl = h('div', { class: 'box' }, canvas)
      const fig = h('figure', { class: 'chart small', 'data-issue': is.id }, h('figcaption', {}, is.name), boxEl)
      box.append(fig)
      const gaps = timelineGaps(cmp, is.id)
      if (gaps.length) fig.append(h('ul', { class: 'hint gaps', 'data-testid': 'timeline-gaps' }, ...gaps.map((g) => h('li', { 'data-model': g.model }, g.text))))
      fig.append(timelineNumbers(cmp, is.id, is.name))
      const [lo, hi] = bounds(is)
      // A settled forecast is a point on its model's line; an unsettled
      // one a floating bar over its range.
      const datasets: object[] = []
      // dsModel is each dataset's model, for its legend entry's tooltip.
      const dsModel: string[] = []
      cmp.models.forEach((m, i) => {
        const fs = (m.issues.find((x) => x.issue === is.id)?.cells ?? []).map((c) => c.forecast)
        dsModel.push(m.model)
        datasets.push({ type: 'line', label: m.model, data: fs.map((f, j) => ({ x: days[j], y: f && f.settled ? f.forecast : null })), borderColor: color(i), backgroundColor: color(i), pointRadius: 3 })
        if (fs.some((f) => f && !f.settled && f.range)) {
          dsModel.push(m.model)
          datasets.push({ type: 'bar', label: `${m.model} (did not settle)`, data: fs.map((f, j) => ({ x: days[j], y: f && !f.settled && f.range ? [f.range.lo, f.range.hi] : null })), backgroundColor: color(i) + '55', borderColor: color(i), borderWidth: 1, barThickness: 6, grouped: false })
        }
      })
      const width = Math.max(200, boxEl.clientWidth - 50)
      const rows = nameRows(days.map((d) => ((d - first + pad) / (last - first + 2 * pad)) * width), names, width)
      const chart = new Chart(canvas as HTMLCanvasElement, {
        type: 'line',
        data: { datasets: datasets as any },
        plugins: [snapshotNames(days, names)],
        options: {
          layout: { padding: { top: 6 + 12 * (Math.max(...rows) + 1) } },
          scales: {
            x: { type: 'linear', min: first - pad, max: last + pad, afterBuildTicks: (ax) => { ax.ticks = monthTicks(first - pad, last + pad).map((value) => ({ value })) }, ticks: { autoSkip: true, maxRotation: 0, callback: (v) => dateOf(Number(v)).slice(0, 7) } },
            y: { min: lo, max: hi },
          },
          // A legend entry, drawn on the canvas, says its model's plain
          // name as the canvas's tooltip while the pointer is on it.
          plugins: { legend: { display: is === st.resolved!.issues[0], position: 'bottom', labels: { boxWidth: 10 }, onHover: (_e, item) => { canvas.title = modelTip(dsModel[item.datasetIndex ?? -1] ?? '') }, onLeave: () => { canvas.title = '' } }, tooltip: { callbacks: { title: (items) => { const x = items[0]?.parsed.x ?? null; return x === null ? '' : `${dateOf(x)} ${names[days.indexOf(x)] ?? ''}` } } } },
        },
      })
      st.charts.push(chart)
      // Where the snapshots stand on the axis, for the tests.
      fig.dataset.days = JSON.stringify(days)
      fig.dataset.x = JSON.stringify(days.map((d) => chart.scales.x.getPixelForValue(d)))
    }
  } catch (e) { box.replaceChildren(h('p', { class: 'error' }, errorText(e))) }
}

// dayOf is a date's (YYYY-MM-DD) day number since 1970-01-01; dateOf
// its inverse.
function dayOf(date: string): number { return Math.round(Date.parse(date + 'T00:00:00Z') / 86400000) }
function dateOf(day: number): string { return new Date(Math.round(day) * 86400000).toISOString().slice(0, 10) }

// monthTicks is the first day of each month from lo to hi (days), every
// second, third, sixth or twelfth month where there are many.
function monthTicks(lo: number, hi: number): number[] {
  const d = new Date(lo * 86400000)
  let y = d.getUTCFullYear(), m = d.getUTCMonth() + 1
  const all: number[] = []
  for (;;) {
    if (m > 11) { y++; m = 0 }
    const v = Math.round(Date.UTC(y, m, 1) / 86400000)
    if (v > hi) break
    all.push(v)
    m++
  }
  const every = [1, 2, 3, 6, 12].find((k) => all.length / k <= 7) ?? 12
  return all.filter((_, i) => i % every === 0)
}

// nameRows puts each snapshot's name (centred at x, kept inside width)
// on the first row where it clears the names before it.
function nameRows(xs: number[], names: string[], width: number): number[] {
  const ends: number[] = []
  return xs.map((x, i) => {
    const w = (textWidth(names[i], 11) || names[i].length * 6.6) + 8
    const cx = Math.min(Math.max(x, w / 2), width - w / 2)
    let row = ends.findIndex((e) => e <= cx - w / 2)
    if (row < 0) { row = ends.length; ends.push(0) }
    ends[row] = cx + w / 2
    return row
  })
}

// snapshotNames draws, over the timeline's plot, each snapshot's name
// above a dotted line at its date.
function snapshotNames(days: number[], names: string[]) {
  return {
    id: 'snapshotNames',
    afterDraw(chart: Chart) {
      const { ctx, chartArea: a, scales } = chart
      const xs = days.map((d) => scales.x.getPixelForValue(d))
      const rows = nameRows(xs.map((x) => x - a.left), names, a.right - a.left)
      ctx.save()
      ctx.font = `11px ${getComputedStyle(document.documentElement).fontFamily}`
      ctx.fillStyle = '#5b6573'
      ctx.strokeStyle = '#b8c0cc'
      ctx.setLineDash([2, 3])
      xs.forEach((x, i) => {
        const w = ctx.measureText(names[i]).width
        const cx = Math.min(Math.max(x, a.left + w / 2), a.right - w / 2)
        const y = a.top - 4 - 12 * rows[i]
        ctx.textAlign = 'center'
        ctx.fillText(names[i], cx, y)
        ctx.beginPath(); ctx.moveTo(x, y + 2); ctx.lineTo(x, a.bottom); ctx.stroke()
      })
      ctx.restore()
    },
  }
}

// timelineGaps says, for each model, why its line on an issue has no
// point at a snapshot (a line stopped part-way, or dots without a line
// between them): it did not settle there (drawn as a bar over its range)
// or gave no forecast (the answer's error), in the answer's words
// (unsettled_text, no_forecast_text: ask.CompareGapTexts), which parley
// compare's answer carries too. An answer stored before it carried them
// has them written here from its cells.
function timelineGaps(cmp: Comparison, issue: string): { model: string; text: string }[] {
  const out: { model: string; text: string }[] = []
  for (const m of cmp.models) {
    const is = m.issues.find((x) => x.issue === issue)
    if (is && (is.unsettled_text !== undefined || is.no_forecast_text !== undefined)) {
      if (is.unsettled_text) out.push({ model: m.model, text: is.unsettled_text })
      if (is.no_forecast_text) out.push({ model: m.model, text: is.no_forecast_text })
    } else out.push(...storedTimelineGaps(cmp, m, issue))
  }
  return out
}

// storedTimelineGaps is timelineGaps for one model in an answer stored
// before it carried its words.
function storedTimelineGaps(cmp: Comparison, m: Comparison['models'][number], issue: string): { model: string; text: string }[] {
  const at = (j: number) => { const c = cmp.columns[j]; return c.label && c.label !== c.as_of ? `${c.as_of} (${c.label})` : c.as_of }
  const out: { model: string; text: string }[] = []
  const k = decimalsOf(cmp.scenario, issue)
  const cells = m.issues.find((x) => x.issue === issue)?.cells ?? []
  const unsettled: string[] = [], failed: string[] = []
  cmp.columns.forEach((_, j) => {
    const f = cells[j]?.forecast
    if (m.columns[j]?.error) failed.push(`${at(j)}: ${m.columns[j].error}`)
    else if (!f) failed.push(at(j))
    else if (!f.settled) unsettled.push(`${at(j)}${f.range ? ` (${rangeText(f.range.lo, f.range.hi, k)})` : ''}`)
  })
  if (unsettled.length) out.push({ model: m.model, text: `${m.model} has no point at ${unsettled.join(', ')}: it did not settle there; ${unsettled.length === 1 ? 'its bar is its range' : 'each bar is its range'}.` })
  if (failed.length) out.push({ model: m.model, text: `${m.model} gave no forecast at ${failed.join('; ')}.` })
  return out
}

// timelineNumbers is one issue's chart over the snapshots as a table, for
// those who cannot tell the models' colours apart or read a canvas: each
// model's forecast at each date, a range where it did not settle. Its
// caption names the issue, as the chart's does: a table found among the
// page's tables (one per issue) says which it is.
function timelineNumbers(cmp: Comparison, issue: string, name: string): HTMLElement {
  return h('details', { class: 'anchors', 'data-testid': 'timeline-numbers' }, h('summary', {}, 'The numbers'),
    h('table', { class: 'compare' }, h('caption', {}, `Each model's forecast on ${name} at each date`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Model'), ...cmp.columns.map((c) => h('th', { scope: 'col' }, c.as_of, c.label && c.label !== c.as_of ? h('small', {}, c.label) : null)))),
      h('tbody', {}, ...cmp.models.map((m) => {
        const cells = m.issues.find((x) => x.issue === issue)?.cells ?? []
        return h('tr', { 'data-model': m.model }, h('th', { scope: 'row', title: modelTip(m.model) }, m.model), ...cmp.columns.map((_, j) => {
          const f = cells[j]?.forecast
          if (m.columns[j]?.error) return h('td', {}, h('span', { class: 'err' }, 'no forecast: ' + m.columns[j].error))
          if (!f) return h('td', {}, noNumber)
          return h('td', {}, shown(f, decimalsOf(cmp.scenario, issue)), f.settled ? '' : h('small', { class: 'warn' }, 'did not settle'))
        }))
      }))))
}

async function loadVariants(box: HTMLElement) {
  const vs = st.sv!.scenario.variants ?? []
  if (!vs.length) { box.replaceChildren(h('p', { class: 'hint' }, 'This scenario has no variants.')); return }
  box.replaceChildren(h('p', { class: 'hint' }, 'Computing…'))
  try {
    const cmp = await compare('variants', box)
    if (st.view !== 'forecast') return
    drawVariants(box, cmp)
  } catch (e) { box.replaceChildren(h('p', { class: 'error' }, errorText(e))) }
}

// drawVariants shows one model's row of the comparison over variants:
// each variant's forecast and the change from no variant the answer
// gives (between settled forecasts only).
function drawVariants(box: HTMLElement, cmp: Comparison) {
  const models = cmp.models.map((m) => m.model)
  if (!models.includes(st.compareModel)) st.compareModel = models[0]
  const pick = h('select', { 'aria-label': 'Model for variants' }, ...models.map((m) => h('option', { value: m, selected: m === st.compareModel }, modelLabel(m)))) as HTMLSelectElement
  pick.onchange = () => { st.compareModel = pick.value; drawVariants(box, cmp) }
  const m = cmp.models.find((x) => x.model === st.compareModel)
  const description = (id?: string) => st.sv!.scenario.variants?.find((v) => v.id === id)?.description ?? ''
  const cell = (c: CompareCell | undefined, j: number, issue: string) => {
    const at = { 'data-issue': issue, 'data-column': j }
    const err = m?.columns[j]?.error
    if (err) return h('td', at, h('span', { class: 'err' }, err))
    const f = c?.forecast
    if (!f) return h('td', at, noNumber)
    const k = decimalsOf(cmp.scenario, issue)
    if (!f.settled) return h('td', { class: 'unsettled', ...at }, h('b', {}, shown(f, k)), h('small', { class: 'warn' }, 'did not settle'))
    // the change as the answer writes it (ask.ChangeText), as parley
    // compare does: "±0.0" where it moves the forecast by less than the
    // last decimal shown
    return h('td', at, h('b', {}, fmt(f.forecast, k)),
      c!.change_text ? h('small', { class: 'change', 'data-testid': 'variant-change' }, c!.change_text) : null)
  }
  const ws = cmp.columns.flatMap((c, j) => (m?.columns[j]?.warnings ?? []).map((w) => `${c.label}: ${w}`))
  // What a variant alone assumes (what all do is the notices'): no warning.
  const assumed = cmp.columns.flatMap((c) => (c.assumed ?? []).map((w) => `${c.label}: ${w}`))
  // The red lines crossed are every model's, as parley compare lists
  // them, so they come before the model is picked.
  box.replaceChildren(redLinesCrossed(cmp, 'variants-red-lines') ?? '',
    h('p', {}, 'Model ', pick),
    foldedWarnings(ws, 'variant', 'variants', st.compareModel),
    foldedAssumed(assumed, 'variant-assumed', 'Assumed inputs by variant') ?? '',
    h('table', { class: 'compare', 'data-testid': 'variants-table', 'data-model': st.compareModel },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Issue'), ...cmp.columns.map((c, j) => h('th', { scope: 'col', title: description(c.variant) }, j ? c.label : 'No variant')))),
      h('tbody', {}, ...st.resolved!.issues.map((is) => {
        const cells = m?.issues.find((x) => x.issue === is.id)?.cells ?? []
        return h('tr', {}, h('th', { scope: 'row' }, is.name), ...cmp.columns.map((_, j) => cell(cells[j], j, is.id)))
      }))))
}

// ---------- sweep view ----------

function renderSweep() {
  const models = modelList()
  const modelSel = h('select', { name: 'model', 'data-testid': 'sweep-model' }, ...models.map((m) => h('option', { value: m }, modelLabel(m)))) as HTMLSelectElement
  // Draws left empty are each kind's default (a sensitivity analysis
  // needs more than a sweep); the seed starts at the default.
  const d = defaults()
  const samples = h('input', { type: 'number', name: 'draws', value: '', min: 1, max: d.limits.max_draws, step: 10, 'data-testid': 'sweep-samples',
    // Empty, each kind's default: the placeholder the sweep's, as the
    // deal's draws say theirs ("default 500"), the sensitivity's in the
    // title ("sweep 1000" read as a run already made).
    placeholder: `default ${d.requests.sweep.draws}`, title: `sensitivity: default ${d.requests.sensitivity.draws}, at least ${d.limits.min_sensitivity_draws}` }) as HTMLInputElement
  const uniform = h('input', { type: 'checkbox', name: 'uniform' }) as HTMLInputElement
  const seed = h('input', { type: 'number', name: 'seed', value: d.requests.sweep.seed, min: 0, step: 1 }) as HTMLInputElement
  // The bar is shown from a run's start: empty before any, it read as a
  // run stuck at nothing.
  const bar = h('progress', { max: 1, value: 0, hidden: true, 'data-testid': 'sweep-progress', 'aria-label': 'Progress' }) as HTMLProgressElement
  // Each kind its own status line: a sensitivity analysis's "done" put
  // the sweep's out of sight, as if the sweep had never run.
  const msgs = {
    sweep: h('span', { class: 'hint', role: 'status', 'aria-live': 'polite', 'data-testid': 'sweep-message' }),
    sensitivity: h('span', { class: 'hint', role: 'status', 'aria-live': 'polite', 'data-testid': 'sensitivity-message' }),
  }
  // size is the job's estimated size, in the server's words, while it runs
  const size = h('p', { class: 'hint', hidden: true, 'data-testid': 'sweep-estimate' })
  const cancel = h('button', { type: 'button', disabled: true, 'data-testid': 'sweep-cancel', onclick: () => st.job && api.cancel(st.job) }, 'Cancel') as HTMLButtonElement
  const out = h('div', { class: 'grid', 'data-testid': 'sweep-results' })
  const tor = h('div', { class: 'grid', 'data-testid': 'tornado' })
  const warn = h('div', { 'data-testid': 'sweep-warnings' })
  const torWarn = h('div', { 'data-testid': 'tornado-warnings' })
  // the sweep's and the sensitivity analysis's caveats cards, each
  // above the card of its charts
  const cav = h('div', {})
  const torCav = h('div', {})
  const start = async (kind: 'sweep' | 'sensitivity') => {
    const msg = msgs[kind]
    try {
      const models = [modelSel.value]
      const run = await api.start(st.sv!.id, { kind, models, params: paramsFor(models), draws: samples.value === '' ? d.requests[kind].draws : Number(samples.value), uniform: uniform.checked, seed: Number(seed.value), snapshot: st.snapshot, variant: st.variant })
      st.job = run.id
      cancel.disabled = false
      bar.hidden = false
      msg.textContent = `${kind} running…`
      msg.className = 'hint'
      size.textContent = run.estimate ? `This ${kind === 'sweep' ? 'sweep' : 'sensitivity analysis'} is ${run.estimate.text}.` : ''
      size.hidden = !run.estimate
      const done = await follow(run.id, (d, t) => { bar.max = t; bar.value = d; msg.textContent = `${kind}: ${count(d)} of ${count(t)}` }).finally(() => { size.hidden = true })
      st.job = null
      cancel.disabled = true
      // The run's error after its status, less the status's own word
      // ("sweep cancelled: the result keeps what finished, …").
      const why = done.error && done.error !== done.status ? ': ' + done.error.replace(new RegExp(`^${done.status}; `), '') : ''
      msg.textContent = `${kind} ${done.status}${why} (run ${done.id.slice(0, 8)}, seed ${done.seed})`
      // A cancelled sweep keeps the draws done, its header and warning
      // saying it was interrupted; any other run that did not finish
      // has no answer to show.
      if (done.status !== 'done' && !(kind === 'sweep' && done.status === 'cancelled' && done.result)) return
      if (kind === 'sweep') st.sweep = done.result as Sweep
      else st.tornado = done.result as Sensitivity
      drawSweep(out, tor, warn, torWarn, cav, torCav)
    } catch (e) { msg.textContent = errorText(e); msg.className = 'error' }
  }
  main.replaceChildren(
    h('section', { class: 'card controls' },
      h('h2', {}, 'Uncertainty'),
      h('p', { class: 'hint' }, 'A sweep draws every capability, position and salience from its stated range (triangular, peaked at the stated value, or uniform) and re-runs the model; sensitivity moves one range at a time to its ends (a tornado chart: blue moves the forecast up, orange down).'),
      h('div', { class: 'row' }, h('label', {}, 'Model ', modelSel), h('label', {}, 'Draws ', samples), h('label', {}, 'Seed ', seed), h('label', {}, uniform, ' uniform'),
        h('button', { class: 'primary', 'data-testid': 'run-sweep', onclick: () => start('sweep') }, 'Run sweep'),
        h('button', { 'data-testid': 'run-sensitivity', onclick: () => start('sensitivity') }, 'Run sensitivity'), cancel),
      h('div', { class: 'row' }, bar, msgs.sweep, msgs.sensitivity), size),
    cav,
    h('section', { class: 'card' }, h('h2', {}, 'Distribution of the forecast'), h('p', { class: 'hint' }, 'Draws per bin of the forecast; the orange bin holds the forecast at the stated values.'), warn, out),
    torCav,
    h('section', { class: 'card' }, h('h2', {}, 'What moves it most'), torWarn, tor))
  drawSweep(out, tor, warn, torWarn, cav, torCav)
}

// sweepStats is an issue's summary as the command line prints it, in
// the answer's lines (inputs_text, ask.SweepInputsText; outcome_text,
// ask.SweepOutcomeText; an answer stored before it carried them, written
// here from its numbers): the
// spread of the forecast over the inputs (median, mean, sd, 80% and 95%
// intervals) and, for a model with a predictive distribution, the
// outcome's spread with the model's own error added (combined), with the
// variance's split between the inputs and the model's error in the
// answer's words (share_text, ask.VarianceSplitText; an answer stored
// before it carried them, as the numbers they are: plainNumber). Numbers on the scale have
// the issue's d decimals.
function sweepStats(si: SweepIssue, d: number): HTMLElement {
  const c = si.combined
  return h('div', { class: 'hint', 'data-testid': 'sweep-stats' },
    // Draws whose forecast had not come to rest are counted at their last
    // round's point, as the command line says under each issue (the
    // answer's line; an answer stored before it carried its words has
    // the model's warning alone).
    si.draws_unsettled_text ? h('p', { class: 'warn', 'data-testid': 'sweep-unsettled', 'data-unsettled': si.unsettled_draws },
      '⚠ ' + si.draws_unsettled_text) : '',
    h('p', { 'data-testid': 'sweep-inputs', 'data-mean': si.mean, 'data-sd': si.sd, 'data-lo95': si.lo95, 'data-hi95': si.hi95 },
      si.inputs_text ?? `Forecast over the inputs: median ${fmt(si.median, d)}, mean ${fmt(si.mean, d)}, sd ${fmt(si.sd, d)}; ${si.interval_text ?? `80% ${intervalText(si.lo80, si.hi80, d)}, 95% ${intervalText(si.lo95, si.hi95, d)}`}`),
    c ? h('p', { 'data-testid': 'sweep-combined', 'data-lo80': c.lo80, 'data-hi80': c.hi80, 'data-lo95': c.lo95, 'data-hi95': c.hi95, 'data-share-inputs': c.share_inputs, 'data-share-model': c.share_model },
      c.outcome_text ?? `Outcome, with the model's error on real outcomes (approximate): 80% ${intervalText(c.lo80, c.hi80, d)}, 95% ${intervalText(c.lo95, c.hi95, d)}; sd ${fmt(c.sd, d)} = ${c.share_text ?? `inputs ${plainNumber(c.share_inputs)} + model error ${plainNumber(c.share_model)}`} (of the variance)`) : '')
}

// histNumbers is a sweep's histogram as a table, for those who cannot
// read a canvas, with the rows parley sweep prints: the bins from the
// first to the last with a draw, each bin's edges (binLabel), its
// draws and their share of all draws (share_text, ask.BinShareText). Its
// caption names the model and the issue, as the canvas's label does: a
// table found among the page's tables (one per issue) says which it is.
function histNumbers(si: SweepIssue, model: string, draws: number): HTMLElement | '' {
  const hit = si.histogram.map((b) => b.count > 0)
  const first = hit.indexOf(true), last = hit.lastIndexOf(true)
  if (first < 0 || draws <= 0) return ''
  return h('details', { class: 'anchors', 'data-testid': 'histogram-numbers' }, h('summary', {}, 'The numbers'),
    h('table', { class: 'compare' }, h('caption', {}, `Draws of the ${model} forecast on ${si.name}, bin by bin`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Forecast'), h('th', { scope: 'col' }, 'Draws'), h('th', { scope: 'col' }, 'Share'))),
      h('tbody', {}, ...si.histogram.slice(first, last + 1).map((b) => h('tr', {},
        h('th', { scope: 'row' }, binLabel(b)), h('td', {}, count(b.count)), h('td', {}, b.share_text ?? `${fmt(100 * b.count / draws)}%`))))))
}

// optionsNumbers folds an issue's options as parley sweep's table lists
// them under its histogram: each option's value (the issue's k
// decimals), the share of the draws nearest it, P(nearest), and the share
// at or above it, P(≥ at), each with its interval (p_text, ask.ProbabilityText), and
// under them what the parentheses hold (interval_legend, ask.IntervalLegend); '' for an issue
// without labelled options.
function optionsNumbers(si: SweepIssue, model: string, legend: string | undefined, k: number): HTMLElement | '' {
  if (!si.bands?.length) return ''
  return h('details', { class: 'anchors', 'data-testid': 'sweep-options' }, h('summary', {}, 'The options'),
    h('table', { class: 'compare' }, h('caption', {}, `How often the ${model} forecast on ${si.name} lands near each option`),
      h('thead', {}, h('tr', {}, ...['Option', 'At', 'P(nearest)', 'P(≥ at)'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...si.bands.map((b) => h('tr', {},
        h('th', { scope: 'row' }, b.label), h('td', {}, fmt(b.value, k)),
        h('td', {}, probabilityCell(b.p, b.p_text)), h('td', {}, probabilityCell(b.p_at_least, b.p_at_least_text)))))),
    h('p', { class: 'hint' }, `P(nearest): the share of draws whose forecast is nearer the option than any other; P(≥ at): the share at or above its value${legend ? '; ' + legend : ''}.`))
}

// probabilityCell is a share of draws as the answer writes it with its
// interval (p_text, ask.ProbabilityText); in an answer stored before the
// answers carried their words, the share plainly, to three decimals.
function probabilityCell(p: number, text: string | undefined): string {
  return text ?? fmt(p, 3)
}

// binLabel is a histogram bin's edges as the answer writes them (its
// text, ask.BinEdges: the decimals and the one separator parley sweep
// writes its bars with); a bin stored before it carried them shows its
// edges as the numbers they are, "-2.50 to 0.00".
function binLabel(b: Bin): string {
  return b.text ?? `${plainNumber(b.low)} to ${plainNumber(b.high)}`
}

// swingWhat is what a swing's input is, after its actor's name, as the
// answer writes it (what_text, ask.SwingWhat: " · position", " ·
// salience on Ukraine and NATO"); the tornado's labels and its table of
// numbers both write it. An answer stored before the answers carried
// their words gives the input's kind plainly.
function swingWhat(b: Swing): string {
  return b.what_text ?? ` · ${b.input.kind}`
}

// swingNumbers folds a tornado's numbers, the rows parley sensitivity
// prints (its --top 8): each input's range, the forecast at its low and
// high ends, the swing and its share of the variance. The chart showed
// them only in a tooltip, under the pointer. The forecasts and swings
// have the issue's k decimals; a range, as inputValue writes its input
// (a position's with its own issue's decimals, a salience on the file's
// scale, a capability with one); an end the model did not settle at is
// marked *, one it refused reads "none"; the swing's mark and its share
// with their interval are the answer's words (mark, share_text).
function swingNumbers(name: string, shown: Swing[], k: number, issue: string, model: string): HTMLElement {
  const end = (x: number | null, unsettled?: boolean) => x === null ? 'none' : fmt(x, k) + (unsettled ? '*' : '')
  const unsettled = shown.some((b) => b.unsettled_at_low || b.unsettled_at_high)
  return h('details', { class: 'anchors', 'data-testid': 'tornado-numbers' }, h('summary', {}, 'The numbers'),
    h('table', { class: 'compare swings' }, h('caption', {}, `What moves the ${model} forecast on ${name}: each input at the ends of its range${unsettled ? ' (* the model had not settled at that end)' : ''}`),
      h('thead', {}, h('tr', {}, ...['Input', 'Range', 'Forecast low → high', 'Swing', 'Var. share'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...shown.map((b) => h('tr', {},
        h('th', { scope: 'row' }, actorName(b.input.actor) + swingWhat(b)),
        h('td', {}, rangeJoin(inputValue(st.tornado?.scenario, b.input.kind, b.input.issue ?? issue, b.input.low), inputValue(st.tornado?.scenario, b.input.kind, b.input.issue ?? issue, b.input.high))),
        h('td', {}, `${end(b.forecast_at_low, b.unsettled_at_low)} → ${end(b.forecast_at_high, b.unsettled_at_high)}`),
        h('td', {}, fmt(b.swing, k) + (b.mark ?? '')), h('td', {}, b.share_text ?? fmt(b.variance_share, 2)))))))
}

// statedNotes folds a sweep's or a sensitivity analysis's notes — what
// the model said about its run at the stated values, less the red lines
// it crosses, which the caveats card lists (the answer's notes leave
// them out) — as the forecast view folds a forecast's (notices); '' when
// there are none. testid names the folded list.
function statedNotes(model: string, given: string[] | undefined, testid: string): HTMLElement | '' {
  const notes = given ?? []
  if (!notes.length) return ''
  return h('div', { class: 'notices' }, h('details', { class: 'model-notes', 'data-testid': testid },
    h('summary', {}, `Model notes at the stated values (${notes.length})`),
    h('ul', {}, ...notes.map((n) => h('li', {}, h('strong', {}, model), ': ', n)))))
}

// The sweep's caveats card (cav: its warnings, the red lines its
// forecasts at the stated values cross) stands above its histograms'
// card, the sensitivity analysis's (torCav) above its tornado charts',
// as the forecast view's stands above its table; what each ran, held
// and noted (warn, torWarn) opens its card.
function drawSweep(out: HTMLElement, tor: HTMLElement, warn: HTMLElement, torWarn: HTMLElement, cav: HTMLElement, torCav: HTMLElement) {
  const sc = st.resolved!
  out.replaceChildren()
  tor.replaceChildren()
  const sw = st.sweep?.models[0]
  // What the sweep drew, as the command line heads it: an interrupted
  // sweep says how many of the requested draws it covers, in
  // ask.InterruptedAfter's words (counts grouped, as its warning's).
  warn.replaceChildren(sw ? h('p', { 'data-testid': 'sweep-head', 'data-draws': sw.draws, 'data-requested': sw.requested, 'data-interrupted': String(sw.interrupted), 'data-unsettled': sw.unsettled_draws },
    // the answer's head (head_text, ask.SweepHead), with an
    // interrupted sweep's words in it; stored before, its fields plainly
    ...(sw.head_text ? [sw.interrupted ? h('strong', { class: 'warn', 'data-testid': 'sweep-interrupted' }, sw.head_text) : sw.head_text]
      : [`model ${sw.model}, draws ${sw.draws}, ${sw.distribution}, seed ${sw.seed}, inputs ${sw.inputs.length}`,
        sw.interrupted ? h('strong', { class: 'warn', 'data-testid': 'sweep-interrupted' }, ` — ${sw.interrupted_text ?? 'interrupted'}`) : ''])) : '',
  // what the intervals are, in ask.SweepSpreadText's words
  sw && st.sweep?.spread_text ? h('p', { class: 'small', 'data-testid': 'sweep-spread' }, st.sweep.spread_text) : '',
  // whose intervals these are, and where other models fall beyond them
  sw?.alone_text ? h('p', { class: 'small', 'data-testid': 'sweep-alone' }, sw.alone_text) : '',
  sw ? heldFixed(st.sweep?.held_fixed, 'sweep-held') : '',
  sw ? statedNotes(sw.model, sw.notes, 'sweep-notes') : '')
  cav.replaceChildren((st.sweep && caveatsCard('sweep-caveats', warningList(sw?.warnings, 'sweep-warning-list'), redLinesCrossed(st.sweep, 'sweep-red-lines'))) || '')
  if (!sw) out.append(h('p', { class: 'hint' }, 'Run a sweep to see the histograms.'))
  else for (const si of sw.issues) {
    const is = sc.issues.find((x) => x.id === si.issue)
    const canvas = h('canvas', { role: 'img', 'aria-label': `Histogram of the ${sw.model} forecast on ${si.name}` })
    const k = decimalsOf(st.sweep?.scenario, si.issue)
    out.append(h('figure', { class: 'chart small', 'data-issue': si.issue }, h('figcaption', {}, `${si.name}: median ${fmt(si.median, k)}, 80% ${intervalText(si.lo80, si.hi80, k)}`,
      // where the point lies outside the 80% interval, ask's clause (the
      // test its warning makes)
      si.outside_text ? h('span', { class: 'warn', 'data-testid': 'sweep-outside' }, ' — ⚠ ', h('span', { 'data-testid': 'sweep-outside-text' }, si.outside_text)) : ''),
      // an issue nothing ranged moves: its point is no certainty (ask's words)
      si.fixed_text ? h('p', { class: 'hint warn', 'data-testid': 'sweep-fixed' }, si.fixed_text) : '',
      h('div', { class: 'box' }, canvas),
      histNumbers(si, sw.model, sw.draws),
      sweepStats(si, k),
      optionsNumbers(si, sw.model, sw.interval_legend, k),
      // The option (options, on a tie) the most draws landed nearest,
      // with their share, as parley sweep says it under its options
      // (likeliest_text, ask.SweepLikeliestText); an answer stored
      // before has the options' table alone.
      si.likeliest_text ? h('p', { class: 'hint', 'data-testid': 'sweep-likeliest' }, si.likeliest_text) : ''))
    st.charts.push(new Chart(canvas as HTMLCanvasElement, {
      type: 'bar',
      data: { labels: si.histogram.map(binLabel), datasets: [{ label: `${sw.model} (${count(sw.draws)} draws)`, data: si.histogram.map((b) => b.count), backgroundColor: si.histogram.map((b) => (si.base >= b.low && si.base < b.high ? color(1) : color(0))), barPercentage: 1, categoryPercentage: 1 }] },
      options: { plugins: { legend: { display: false }, tooltip: { callbacks: { footer: () => (is ? `stated values: ${si.base_text ?? fmt(si.base, k)} (orange bin)` : '') } } }, scales: { x: { title: { display: true, text: 'forecast' }, ticks: { maxRotation: 0, autoSkip: true, font: { size: 11 } } }, y: { title: { display: true, text: 'draws' } } } },
    }))
  }
  const tm = st.tornado?.models[0]
  torWarn.replaceChildren(tm ? heldFixed(st.tornado?.held_fixed, 'tornado-held') : '',
    tm ? statedNotes(tm.model, tm.notes, 'tornado-notes') : '')
  torCav.replaceChildren((st.tornado && caveatsCard('tornado-caveats', warningList(tm?.warnings?.map((w) => `sensitivity (${tm.model}): ${w}`), 'tornado-warning-list'),
    redLinesCrossed(st.tornado, 'tornado-red-lines'))) || '')
  if (!tm) tor.append(h('p', { class: 'hint' }, 'Run sensitivity to see the tornado charts.'))
  // What every issue's line under its tornado opens with (what a
  // variance share is, from how many draws), said once above the charts
  // (the answer's shares_common_text, ask.SharesCommon); each chart keeps
  // the rest of its line (shares_rest_text). It was said seven times.
  if (tm?.shares_common_text) tor.append(h('p', { class: 'hint', 'data-testid': 'tornado-shares-common' }, tm.shares_common_text))
  if (tm) for (const ti of tm.issues) {
    const is = sc.issues.find((x) => x.id === ti.issue)
    // The inputs parley sensitivity prints (its --top 8), those that move
    // the forecast at all drawn as bars, and how many more there are, as
    // it says: the page drew the first 10 and said nothing of the rest.
    const shown = ti.swings.slice(0, tornadoTop)
    const bars = shown.filter((b) => b.swing > 1e-9)
    // An issue nothing ranged moves has no bars: its point is no
    // certainty, as the command line says under its tornado (ask's words).
    if (ti.fixed_text) tor.append(h('p', { class: 'hint warn', 'data-testid': 'tornado-fixed', 'data-issue': ti.issue }, `${ti.name}: ${ti.fixed_text}`))
    if (!bars.length || !is) continue
    const more = ti.swings.length - tornadoTop
    const canvas = h('canvas', { role: 'img', 'aria-label': `Tornado chart for ${ti.name}` })
    const fig = h('figure', { class: 'chart small', 'data-issue': ti.issue }, h('figcaption', {}, h('span', { 'data-testid': 'tornado-caption' }, ti.caption_text ?? ti.name),
      ti.ends_unsettled_text ? h('span', { class: 'warn', 'data-testid': 'tornado-unsettled', 'data-unsettled': ti.unsettled_ends }, ' — ⚠ ' + ti.ends_unsettled_text) : ''),
      // each chart's key, where only the view's opening line said it
      h('p', { class: 'hint tkey', 'data-testid': 'tornado-key' }, h('span', { class: 'swatch', style: `background:${color(0)}` }), ' moves the forecast up as the input rises ', h('span', { class: 'swatch', style: `background:${color(1)}` }), ' down'),
      h('div', { class: 'box', style: `height:${60 + bars.length * 24}px` }, canvas))
    // the answer's words (more_text, ask.MoreInputsText), as parley
    // sensitivity prints them under its table; the server writes them
    // into an answer stored before they were carried
    // (ask.StoredSensitivityTexts), so the count alone is the fallback
    if (more > 0) fig.append(h('p', { class: 'hint', 'data-testid': 'tornado-more', 'data-more': more }, ti.more_text ?? `more inputs: ${count(more)}`))
    // The inputs shown (the command line's rows) whose one end the model
    // refused, as the command line says under its table; their bars run
    // from the base to the end that ran, their labels marked †.
    if (ti.one_ended_text) fig.append(h('p', { class: 'hint warn', 'data-testid': 'tornado-one-ended' }, ti.one_ended_text))
    // The inputs shown the model is not monotone in, as the command line
    // says under its table: their labels marked ‡.
    if (ti.base_outside_text) fig.append(h('p', { class: 'hint', 'data-testid': 'tornado-base-outside' }, ti.base_outside_text))
    fig.append(swingNumbers(ti.name, shown, decimalsOf(st.tornado?.scenario, ti.issue), ti.issue, tm.model))
    // The inputs of other issues left out of the tornado (an issue-local
    // model's swing of 0), as the command line says under its table.
    if (ti.left_out_text) fig.append(h('p', { class: 'hint', 'data-testid': 'tornado-left-out', 'data-left-out': ti.left_out ?? 0 }, ti.left_out_text))
    // The shares are estimates, and what they sum to (first, where the
    // draws do not yet order the inputs, the draws to raise them to): the
    // answer's line (ask.SharesText), the command line's under its table,
    // less the opening said above (shares_rest_text); an answer stored
    // before it carried the rest has the whole line.
    const sharesNote = tm.shares_rest_text?.[ti.issue] ?? tm.shares_notes?.[ti.issue]
    if (sharesNote) fig.append(h('p', { class: 'hint', 'data-testid': 'tornado-shares' }, sharesNote))
    tor.append(fig)
    // A bar's ends: a missing one (null) at the base.
    const barEnds = (b: Swing): [number, number] => [b.forecast_at_low ?? ti.base, b.forecast_at_high ?? ti.base]
    // Zoom to the bars (and the base), with a margin, within the scale.
    const [lo, hi] = bounds(is)
    const ends = bars.flatMap(barEnds).concat([ti.base])
    const pad = Math.max((Math.max(...ends) - Math.min(...ends)) * 0.15, (hi - lo) * 0.02)
    // The axis ends on the issue's scale step (scaleStep): whole points
    // on 0–100, tenths on 0–1, where whole numbers left the whole scale.
    const k = decimalsOf(st.tornado?.scenario, ti.issue), u = scaleStep(k), sd = Math.max(0, k - 1)
    const xmin = Math.max(lo, onStep(Math.floor((Math.min(...ends) - pad) / u) * u, sd)), xmax = Math.min(hi, onStep(Math.ceil((Math.max(...ends) + pad) / u) * u, sd))
    fig.dataset.xmin = String(xmin)
    fig.dataset.xmax = String(xmax)
    fig.dataset.ends = JSON.stringify(bars.map(barEnds))
    // Each bar's input, its actor's name cut to fit (fitText) where the
    // whole label is wider than the room Chart.js gives the axis (about
    // half the chart), which it cut at the canvas's edge, the actor's
    // name first: "…omous Territories · position" (the tooltip has the
    // whole label).
    const room = Math.min(260, 0.45 * (fig.clientWidth || 500))
    const full = bars.map((b) => [actorName(b.input.actor), `${swingWhat(b)}${b.mark ? ' ' + b.mark : ''}`])
    const labels = full.map(([who, what]) => fitText(who, room - textWidth(what, 11), 11) + what)
    fig.dataset.labels = JSON.stringify(labels)
    fig.dataset.room = String(room)
    // Each bar, and its label, opens the drawer on the input it is: the
    // actor's stance on the input's issue, or its capability.
    const open = (i: number) => openInput(bars[i].input.actor, bars[i].input.issue)
    const chart = new Chart(canvas as HTMLCanvasElement, {
      type: 'bar',
      data: { labels, datasets: [{ label: 'forecast with the input at its low → high end', data: bars.map(barEnds) as unknown as number[], backgroundColor: bars.map((b) => (barEnds(b)[1] >= barEnds(b)[0] ? color(0) : color(1))) }] },
      plugins: [baseLine(ti.base), inputLinks(bars.map(inputLabel), bars.map((b) => b.input), open)],
      options: {
        indexAxis: 'y',
        onClick: (_e, els) => { if (els.length) open(els[0].index) },
        onHover: (e, els) => { const c = e.native?.target as HTMLElement | undefined; if (c) c.style.cursor = els.length ? 'pointer' : '' },
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: (items) => items.length ? full[items[0].dataIndex].join('') : '' } } }, scales: { x: { min: xmin, max: xmax, ticks: { includeBounds: false }, title: { display: true, text: `forecast (base ${fmt(ti.base, decimalsOf(st.tornado?.scenario, ti.issue))})` } }, y: { ticks: { font: { size: 11 }, color: linkColor } } },
      },
    })
    st.charts.push(chart)
    // The axis's ticks, for the tests: evenly spaced, its ends written
    // only where they fall on the step (includeBounds: false), not
    // "41 42" where the zoomed axis starts a point off the step.
    fig.dataset.ticks = JSON.stringify(chart.scales.x?.ticks.map((t) => t.value) ?? [])
  }
}

// linkColor is the page's accent, the colour of its links: a tornado's
// labels, which open the inputs' evidence, are drawn in it.
const linkColor = '#0b5cad'

// inputLabel is the accessible name of a tornado bar's link: the actor
// and the issue of a position or a salience, by name, or the actor's
// capability.
function inputLabel(b: Swing): string {
  const who = actorName(b.input.actor)
  return b.input.issue ? stanceLabel(who, issueName(b.input.issue)) : `${possessive(who)} capability: its evidence`
}

// inputLinks lays a button over each of a tornado's labels (the canvas
// draws them, and a canvas has no parts a keyboard can reach), named by
// labels, that opens the drawer on its bar's input (open; the inputs'
// actor and issue ids are the buttons' data-actor and data-issue); the bars
// open it on a click (the chart's onClick). Each bar's centre, for the
// tests, is the canvas's data-bars (CSS pixels from its corner).
function inputLinks(labels: string[], inputs: SweepInput[], open: (i: number) => void): Plugin<'bar'> {
  let layer: HTMLElement | null = null
  return {
    id: 'inputLinks',
    afterDraw(chart) {
      const y = chart.scales.y
      const box = chart.canvas.parentElement
      if (!y || !box) return
      if (!layer) {
        layer = h('div', { class: 'input-links' }, ...labels.map((label, i) => {
          const b = stanceButton(label, () => open(i))
          b.dataset.actor = inputs[i].actor
          b.dataset.issue = inputs[i].issue ?? ''
          return b
        }))
        box.append(layer)
      }
      const step = labels.length > 1 ? Math.abs(y.getPixelForTick(1) - y.getPixelForTick(0)) : chart.chartArea.bottom - chart.chartArea.top
      const meta = chart.getDatasetMeta(0)
      labels.forEach((_, i) => {
        const b = layer!.children[i] as HTMLElement
        b.style.left = `${y.left}px`
        b.style.width = `${Math.max(0, y.right - y.left)}px`
        b.style.top = `${y.getPixelForTick(i) - step / 2}px`
        b.style.height = `${step}px`
      })
      chart.canvas.dataset.bars = JSON.stringify(meta.data.map((el) => { const p = (el as unknown as BarElement).getCenterPoint(true); return [Math.round(p.x ?? 0), Math.round(p.y ?? 0)] }))
    },
  }
}

// baseLine draws a tornado's base, the forecast at the stated values its
// axis's title names ("forecast (base 46.6)"), as a dark vertical line
// over the plot, where the chart drew none: the bars' ends had nothing to
// be read against.
function baseLine(base: number): Plugin<'bar'> {
  return {
    id: 'baseLine',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x, area = chart.chartArea
      if (!x || !Number.isFinite(base)) return
      const px = Math.round(x.getPixelForValue(base)) + 0.5
      const ctx = chart.ctx
      ctx.save()
      ctx.strokeStyle = '#1b1f24'
      ctx.lineWidth = 2
      ctx.beginPath()
      ctx.moveTo(px, area.top)
      ctx.lineTo(px, area.bottom)
      ctx.stroke()
      ctx.restore()
      // Where it stands, along the plot (0 its left edge, 1 its right),
      // for the tests.
      chart.canvas.dataset.base = String((px - area.left) / (area.right - area.left))
    },
  }
}

// ---------- deal view ----------

// dealBase is what deal evaluate, search and proposals share, with the
// Forecast view's settings of the models the question runs: the
// batna's "model:NAME" and also (evaluate: the models it compares with).
function dealBase(also: string[] = []) {
  const o = st.dealOpts
  const batna = o.batna.startsWith('model:') ? [o.batna.slice('model:'.length)] : []
  return { snapshot: st.snapshot, variant: st.variant, batna: o.batna, rho: o.rho, require: o.require ? [...o.require] : undefined, params: paramsFor([...batna, ...also]) }
}

// dealRobust is the robust part of an evaluate or search request.
function dealRobust() {
  const o = st.dealOpts
  return o.robust ? { robust: { on: true, draws: o.draws ?? undefined } } : {}
}

// robustBox shows a robust analysis: how often each actor accepts the
// package (evaluate) or the most robust package (search), how often it is
// accepted, and for a search how often a zone exists at all; under it
// what the draws held at the stated values (held), as the sweep's head.
function robustBox(r: DealRobustness | undefined, held: HeldFixed | undefined, search: boolean): HTMLElement | string {
  if (!r) return ''
  const sc = st.resolved!
  const what = search ? 'the most robust package' : 'this package'
  return h('div', { class: 'robust', 'data-testid': search ? 'search-robust' : 'deal-robust' },
    // The analysis's lines as parley deal evaluate --robust and deal
    // search --robust print them (head_text, zone_line_text,
    // acceptance_text, accepted_line_text: ask.RobustHead, …), each
    // share with its interval (ask.ProbabilityText), the head as the
    // box's heading ("Robustness over 1,000 draws of the stated
    // ranges (…)": a heading of the page's own above it said "Over the
    // stated ranges" again); an answer stored before shows its fields
    // plainly under that heading.
    ...(r.head_text ? [h('h3', { class: 'line', 'data-testid': 'robust-head' }, r.head_text)]
      : [h('h3', { 'data-testid': 'robust-head' }, 'Over the stated ranges'), h('p', { class: 'hint' }, `draws ${r.draws}, ${r.distribution}, seed ${r.seed}, ranged inputs ${r.inputs}`)]),
    h('ul', { class: 'hint' },
      r.interval_legend ? h('li', {}, `(${r.interval_legend}.)`) : '',
      search && r.p_zone !== undefined ? h('li', {}, h('b', {}, r.zone_line_text ?? `p_zone ${probabilityCell(r.p_zone, r.p_zone_text)}`)) : '',
      r.acceptance_text ? h('li', {}, r.acceptance_text) : '',
      h('li', {}, h('b', {}, r.accepted_line_text ?? (r.best || !search ? `p_accepted ${probabilityCell(r.p_accepted, r.p_accepted_text)}` : 'no package'))),
      search && r.candidates && !r.accepted_line_text ? h('li', {}, `candidates ${r.candidates}`) : ''),
    heldFixed(held, search ? 'search-held' : 'deal-held'),
    search && r.best ? h('table', { class: 'compare' }, h('caption', {}, 'The most robust package'),
      h('tbody', {}, ...sc.issues.map((is, k) => h('tr', {}, h('th', { scope: 'row' }, is.name), packageCell(r.best!.values[k], dec(is.id), r.best!.nearest_text?.[k], r.best!.options?.[k]))))) : '',
    // restated at options, in the answer's words (ask.RestatedText)
    search && r.best?.restated?.text ? h('p', { class: 'hint', 'data-testid': 'robust-restated' }, r.best.restated.text) : '',
    // An actor the deal does not need is marked in the answer's words
    // (required_text, ask.RequiredText, as the command line's column);
    // an answer stored before it carried them, with the page's old hint.
    r.actors?.length ? h('table', { class: 'compare' }, h('caption', {}, `How often each actor accepts ${what}`),
      h('tbody', {}, ...r.actors.map((a) => h('tr', {}, h('th', { scope: 'row' }, actorName(a.actor), a.required ? '' : h('small', { class: 'muted', 'data-testid': 'not-required' }, a.required_text ?? 'need not accept')),
        h('td', { class: a.p_accepts < 0.5 ? 'down' : '' }, probabilityCell(a.p_accepts, a.p_accepts_text)))))) : '')
}

// forecastOf names a model's forecast as the no-deal package in the
// picker, as the sentence under the answer names it (ask.NoDealText, the
// answer's no_deal_text): by the model as a sentence names it
// (modelNameText, Go's name_text): "the forecast of smp (KTAB spatial
// model, SMP)". It read "the forecast of KTAB spatial model (SMP)
// (smp)", the title first as a table lists it.
function forecastOf(model: string): string {
  return `the forecast of ${modelNameText(model)}`
}

// seq numbers the deal requests, so that only the latest one's answer
// is drawn (answers may arrive out of order).
const seq = { evaluate: 0, search: 0 }

function renderDeal() {
  const sc = st.resolved!
  if (!st.kinds.includes('deal')) {
    main.replaceChildren(h('section', { class: 'card' }, h('h2', {}, 'Deal'), h('p', {}, 'This server cannot evaluate deals yet.')))
    return
  }
  const first = modelList()[0] ?? ''
  const o = st.dealOpts
  const result = h('div', { 'data-testid': 'deal-result', 'aria-live': 'polite' })
  const found = h('div', { 'data-testid': 'deal-search-result', 'aria-live': 'polite' })

  // settings: the no-deal package, ρ and who must accept
  const batna = h('select', { name: 'batna', 'data-testid': 'deal-batna' },
    h('option', { value: 'auto' }, 'auto: the status quo where every issue has one, else none'),
    h('option', { value: 'reference' }, 'the status quo (reference points)'),
    h('option', { value: 'none' }, 'none: stated reservations only'),
    ...modelList().map((m) => h('option', { value: 'model:' + m }, forecastOf(m)))) as HTMLSelectElement
  batna.value = o.batna
  if (batna.value !== o.batna) batna.value = o.batna = defaults().requests.deal.batna
  const rho = h('input', { type: 'number', name: 'rho', value: o.rho, min: 0.1, max: defaults().limits.max_rho, step: 0.1 }) as HTMLInputElement
  const robust = h('input', { type: 'checkbox', id: 'deal-robust', 'data-testid': 'deal-robust-on', checked: o.robust }) as HTMLInputElement
  const draws = h('input', { type: 'number', id: 'deal-draws', min: 1, step: 1, value: o.draws ?? '', max: defaults().limits.max_draws, placeholder: `default ${defaults().robust_draws}`, disabled: !o.robust }) as HTMLInputElement
  const changed = () => { st.dealSearch = null; evaluate(); search() }
  // The proposals are judged with the no-deal package, ρ and who must
  // accept (not the ranges): a change of those judges them again.
  const proposals = h('div', { 'data-testid': 'proposals-card' })
  // Each proposal is compared with the forecasts of the models shown
  // (its distance from each), as evaluate compares the sliders' package:
  // asked apart from the verdicts, which need no model (proposalsCard).
  const judge = () => { if (st.kinds.includes('deal-proposals')) proposals.replaceChildren(proposalsCard(st.sv!, dealBase(), dealBase(modelList()), modelList(), actorName, proposalName, sourceTitle)) }
  robust.onchange = () => { o.robust = robust.checked; draws.disabled = !o.robust; changed() }
  draws.onchange = () => { const v = Math.round(Number(draws.value)); o.draws = draws.value === '' || !(v > 0) ? null : v; if (o.robust) changed() }
  batna.onchange = () => { o.batna = batna.value; changed(); judge() }
  // ρ is the server's to judge (ask.Check): the package is evaluated at
  // the new ρ, and a ρ the server refuses is put back (evaluate does it)
  // rather than left shown beside answers at the old ρ. A refusal of
  // something else (robust draws over the limit) leaves ρ as typed and
  // is said on the status line in the server's words.
  rho.onchange = async () => {
    o.rho = Number(rho.value)
    const refused = await evaluate()
    if (refused === null) return // put back, or changed again meanwhile
    if (refused) status(refused, true)
    st.dealSearch = null; search(); judge()
  }
  const req = h('fieldset', { class: 'require' }, h('legend', {}, 'Must accept'),
    ...sc.actors.map((a) => {
      const id = 'require-' + a.id
      const cb = h('input', { type: 'checkbox', id, value: a.id, checked: !o.require || o.require.has(a.id) }) as HTMLInputElement
      cb.onchange = () => {
        const cur = o.require ?? new Set(sc.actors.map((x) => x.id))
        cb.checked ? cur.add(a.id) : cur.delete(a.id)
        o.require = cur.size === sc.actors.length ? null : cur
        if (o.require?.size === 0) { o.require = null; cb.checked = true }
        changed()
        judge()
      }
      return h('label', { for: id }, cb, a.name || a.id)
    }))

  // evaluate: one slider per issue
  let timer = 0, stimer = 0
  // accepted is the last ρ the server took (evaluate puts a refused ρ
  // back to it); the view opens at the ρ in effect.
  let accepted = o.rho
  const schedule = (pinned: boolean) => {
    clearTimeout(timer); timer = window.setTimeout(evaluate, 250)
    if (pinned) { clearTimeout(stimer); stimer = window.setTimeout(search, 400) }
  }
  const sliders = sc.issues.map((is) => {
    const [lo, hi] = bounds(is)
    // A slider steps by the issue's last decimal (sliderStep): 0.1 on
    // 0–100 and 0–20, 0.01 on 0–1; it starts at the forecast in the
    // issue's decimals, as the forecast is written and as parley deal
    // evaluate takes it typed, and a package set on it from the zone
    // lands on its value. A step of ten decimals set 6.4 on 0–20 at 6,
    // on a red line ">= 6", and the page evaluated another package than
    // the forecast it said it started at.
    const d = dec(is.id)
    // On a discrete issue the slider moves from option to option: the
    // only values deal evaluate takes there (the lower on a tie).
    const put = (x: number) => is.discrete && (is.anchors?.length ?? 0) >= 2 && is.anchors ? is.anchors.reduce((b, a) => Math.abs(a.value - x) < Math.abs(b - x) ? a.value : b, is.anchors[0].value) : onStep(x, d)
    const v = st.deal[is.id] ?? put(forecastFor(first, is.id) ?? is.reference ?? (lo + hi) / 2)
    st.deal[is.id] = v
    const out = h('output', {}, fmt(v, d))
    const label = h('small', { title: nearest(is, v, d), 'data-testid': 'deal-nearest', 'data-issue': is.id }, nearest(is, v, d))
    const input = h('input', { type: 'range', min: lo, max: hi, step: sliderStep(d), value: v, id: 'deal-' + is.id, 'data-issue': is.id }) as HTMLInputElement
    input.oninput = () => { const x = put(Number(input.value)); input.value = String(x); st.deal[is.id] = x; out.textContent = fmt(x, d); label.textContent = label.title = nearest(is, x, d); schedule(o.fix.has(is.id)) }
    const pin = h('input', { type: 'checkbox', id: 'pin-' + is.id, checked: o.fix.has(is.id) }) as HTMLInputElement
    pin.onchange = () => { pin.checked ? o.fix.add(is.id) : o.fix.delete(is.id); search() }
    return h('div', { class: 'slider' }, h('label', { for: 'deal-' + is.id }, is.name), input, out, label,
      h('label', { class: 'pin', for: 'pin-' + is.id, title: `Pin ${is.name} at this value in the search` }, pin, 'pin'))
  })
  // evaluate draws the package's evaluation. A refusal of ρ (a 400
  // whose body's field is rho, whatever its words) puts ρ back to the
  // last ρ the server took (accepted), the status line saying what is
  // valid in the server's words, and evaluates again. It answers null then and
  // when a later request is under way; else the server's words when it
  // refuses the request for something else (a 400: ask.Check's, or a
  // body's mistake), else ''. Only the latest request's answer counts:
  // typing 50 then 60 put a refused 60 back to 50, which the previous,
  // unanswered change had written.
  const evaluate = async (): Promise<string | null> => {
    const my = ++seq.evaluate
    const sent = o.rho
    try {
      const run = await api.dealEvaluate(st.sv!.id, { ...dealBase(modelList()), ...dealRobust(), package: st.deal, models: modelList() })
      if (my !== seq.evaluate) return null // a later request is under way
      accepted = sent
      if (run.status !== 'done' || !run.result) { result.replaceChildren(h('p', { class: 'error' }, run.error ?? run.status)); return '' }
      drawDeal(result, run.result)
      // Each slider's option in the words the answer carries
      // (nearest_text), where the slider still holds the value evaluated.
      const ev = run.result.evaluation, near = run.result.nearest_text
      ev.issues.forEach((id, k) => {
        const label = main.querySelector<HTMLElement>(`[data-testid=deal-nearest][data-issue="${CSS.escape(id)}"]`)
        if (label && near && st.deal[id] === ev.package[k]) label.textContent = label.title = near[k] ? 'nearest: ' + near[k] : ''
      })
    } catch (e) {
      if (my !== seq.evaluate) return null
      result.replaceChildren(h('p', { class: 'error' }, errorText(e)))
      if (!(e instanceof APIError) || e.status !== 400) return ''
      if (e.field !== 'rho') return e.message
      o.rho = accepted; rho.value = String(accepted)
      status(`${e.message}; kept ${accepted}`, true)
      evaluate()
      return null
    }
    return ''
  }
  const search = async () => {
    const my = ++seq.search
    found.replaceChildren(h('p', { class: 'hint' }, 'Searching…'))
    try {
      const fix: { [issue: string]: number } = {}
      for (const id of o.fix) fix[id] = st.deal[id]
      const run = await api.dealSearch(st.sv!.id, { ...dealBase(), ...dealRobust(), fix: Object.keys(fix).length ? fix : undefined })
      if (my !== seq.search) return
      if (run.status !== 'done' || !run.result) { found.replaceChildren(h('p', { class: 'error' }, run.error ?? run.status)); return }
      st.dealSearch = run.result
      drawSearch(found, run.result)
    } catch (e) { if (my === seq.search) found.replaceChildren(h('p', { class: 'error' }, errorText(e))) }
  }
  main.replaceChildren(
    h('section', { class: 'card controls' }, h('h2', {}, 'Deal settings'),
      h('p', { class: 'hint' }, 'An actor’s alternative to agreement is the larger of its stated reservation and what the no-deal package is worth to it; it accepts a package worth at least that which crosses none of its red lines.'),
      h('div', { class: 'row' }, h('label', {}, 'No-deal package ', batna), h('label', {}, 'Risk exponent ρ ', rho),
        h('label', { for: 'deal-robust', title: 'Evaluate and search again over draws of the capability, position and salience ranges the scenario states' }, robust, ' Robust to the stated ranges'),
        h('label', { for: 'deal-draws' }, 'draws ', draws)), req),
    h('section', { class: 'card' }, h('h2', {}, 'Evaluate a package'),
      h('p', { class: 'hint' }, `Set one outcome per issue (starting at the ${first || 'status quo'}${first ? ' forecast' : ''}); each actor accepts when the package beats its alternative and crosses none of its red lines. Pin an issue to hold it at its value in the search below.`),
      h('div', { class: 'sliders' }, ...sliders), result),
    h('section', { class: 'card' }, h('h2', {}, 'Zone of agreement'),
      h('p', { class: 'hint' }, 'The packages every required actor accepts: whether there are any, the Nash bargaining package and the balanced one (the largest smallest gain), each issue’s range across the zone, or, when it is empty, the concessions that would open it.'),
      found),
    proposals)
  judge()
  evaluate()
  if (st.dealSearch) drawSearch(found, st.dealSearch)
  else search()
}

// scaleStep is the step a tornado's axis ends on, on an issue of d
// decimals (dec; a deal slider steps by sliderStep):
// ten of the issue's last decimal, 10^(1 − d), so that every scale has
// from 10 to 100 steps as 0–100 has 100 (a whole point) and 0–10 has 10;
// 0.1 on 0–1, where a step of 1 left only its two ends.
function scaleStep(d: number): number { return Number((10 ** (1 - d)).toFixed(Math.max(0, d - 1))) }

// sliderStep is a deal slider's step on an issue of d decimals (dec):
// its last decimal, 10^−d, so that a slider takes every value the issue
// is written with (the forecast, a package from the zone).
function sliderStep(d: number): number { return Number((10 ** -d).toFixed(d)) }

// onStep is x rounded to k decimals, without the binary fraction's
// trailing digits (0.30000000000000004).
function onStep(x: number, k: number): number { return Number((Math.round(x * 10 ** k) / 10 ** k).toFixed(k)) }

function drawDeal(box: HTMLElement, ans: DealEvaluation) {
  const ev = ans.evaluation
  const dist = ev.forecasts ?? []
  box.replaceChildren(
    h('p', { class: ev.accepted ? 'ok' : 'error', 'data-testid': 'deal-summary' },
      // The line parley deal evaluate prints under its verdicts
      // (summary_text, ask.EvaluationSummary), then each decision rule in
      // the answer's words (ask.RuleText), which the command line shows
      // as its rules table; an answer stored before reads plainly.
      ans.summary_text ?? (ev.accepted ? 'accepted' : 'blocked')),
    // A red line crossed only on an issue the package does not name,
    // which deal proposals would not count (ask.RestCrossedText), as
    // parley deal evaluate prints it under the summary.
    ans.rest_crossed_text ? h('p', { class: 'hint', 'data-testid': 'deal-rest-crossed' }, ans.rest_crossed_text) : '',
    ev.rules?.length ? h('ul', { class: 'hint', 'data-testid': 'deal-rules' }, ...ev.rules.map((r) => h('li', {}, r.text ?? `${issueName(r.issue)} by ${r.rule}: ${r.passes ? 'passes' : 'fails'}`))) : '',
    // The package behind every alternative in the answer's words
    // (no_deal_text, ask.NoDealText), as parley deal evaluate prints it;
    // an answer stored before it was carried names it plainly.
    h('p', { class: 'hint', 'data-testid': 'deal-no-deal' }, ans.no_deal_text ?? `No-deal package: ${ans.no_deal}`),
    warningList(ans.warnings, 'deal-warnings') ?? '',
    h('table', { class: 'compare' },
      // the command line's columns and words (printVerdicts): whether an
      // actor's acceptance is needed is said in its verdict
      h('thead', {}, h('tr', {}, ...['Actor', 'Utility', 'Alternative', 'Gain', 'Red lines crossed', 'Verdict'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', { 'data-testid': 'deal-verdicts' }, ...ev.actors.map((v) => h('tr', { class: v.accepts ? 'yes' : 'no' },
        h('th', { scope: 'row' }, actorName(v.actor)), h('td', {}, fmt(v.utility, 3)),
        h('td', {}, v.alternative_text ?? `${fmt(v.alternative, 3)} ${v.alternative_from}`), h('td', {}, signed(v.gain, 3)),
        // the answer's words (ask.CrossedText, ask.VerdictText); an
        // answer without them shows the fields plainly
        h('td', {}, (v.crossed ?? []).map((c) => c.text ?? `${issueName(c.issue)} ${c.red_line}`).join('; ')),
        h('td', {}, v.verdict_text ?? (v.accepts ? 'accepts' : 'blocks')))))),
    // Beside the verdicts "accepts by default": why (the answer's
    // default_note, as the command line prints it under the table).
    ev.default_note ? h('p', { class: 'hint', 'data-testid': 'deal-default' }, ev.default_note) : '',
    // In the words the answer carries (its distance_head, each
    // distance's text), with one decimal as parley deal evaluate's
    // table: "compromise 1%" read as a package a point from the forecast
    // it was set at. "Distances" heads those of an answer stored before.
    dist.length ? h('p', { class: 'hint', 'data-testid': 'deal-distances' }, (ev.distance_head ?? 'Distances') + ': ',
      ...dist.flatMap((d, i) => [i ? ' · ' : '', h('span', { 'data-model': d.model, 'data-mean': String(d.mean_pct) }, distanceText(d))])) : '',
    settingsText(ans.request) ? h('p', { class: 'hint', 'data-testid': 'deal-settings' }, `The deal runs its models with the settings chosen on the Forecast view (${settingsText(ans.request)}), as the forecast does.`) : '',
    robustBox(ans.robust, ans.held_fixed, false))
}

// packageCell is one package's value on one issue, with its d decimals
// (the issue's), and the options nearest it as the answer names them
// (near: the package's nearest_text, ask.NearestOptionText), as parley
// deal search lists its packages under "Nearest option"; an answer
// stored before it was carried names them by the package's options.
function packageCell(v: number | undefined, d: number, near: string | undefined, option: string | undefined): HTMLElement {
  if (v === undefined) return h('td', {}, noNumber)
  const p = near === undefined ? option ?? '' : near ? 'nearest: ' + near : ''
  return h('td', {}, h('b', {}, fmt(v, d)), h('small', { title: p }, p))
}

function drawSearch(box: HTMLElement, ans: DealSearch) {
  const r = ans.result
  const k = (id: string) => decimalsOf(ans.scenario, id)
  const plans: { title: string; plan: DealPlan }[] = []
  if (r.concession?.lower_alternatives) plans.push({ title: 'Plan 1: lower alternatives', plan: r.concession.lower_alternatives })
  if (r.concession?.bend_red_lines) plans.push({ title: 'Plan 2: bend red lines', plan: r.concession.bend_red_lines })
  const pkgs: { title: string; pkg: DealPackage }[] = r.open
    ? [...(r.nash ? [{ title: 'Nash', pkg: r.nash }] : []), ...(r.balanced ? [{ title: 'Balanced', pkg: r.balanced }] : [])]
    : plans.map((x) => ({ title: x.title, pkg: x.plan.package }))
  const idx = (id: string) => r.issues.indexOf(id)
  const ai = (id: string) => r.actors.indexOf(id)
  const use = (p: DealPackage) => {
    r.issues.forEach((id, k) => { st.deal[id] = onStep(p.values[k], dec(id)) })
    render()
    status(`Package “${p.label}” set on the sliders; evaluating it.`)
  }
  // The headline and the zone's line in the answer's words (summary;
  // zone_text, ask.ZoneLine), as parley deal search prints them, the
  // default that decided the zone (default_note) in bold where the
  // headline carries it; open only between the options of a discrete
  // issue, the headline warns. An answer stored before it carried
  // zone_text shows its headline alone.
  const note = r.default_note && r.summary.includes(r.default_note) ? r.default_note : ''
  const head = note ? r.summary.split(note) : [r.summary]
  const summary = h('p', { class: !r.open ? 'error' : r.at_options && !r.at_options.open ? 'warn' : 'ok', 'data-testid': 'zone-summary' },
    head[0], ...(note ? [h('strong', { 'data-testid': 'zone-default' }, note), head.slice(1).join(note)] : []))
  // Under decision rules: each coalition's zone, the veto players, and
  // which voters carry each package shown on each ruled issue.
  const names = (ids?: string[]) => (ids ?? []).map(actorName).join(', ')
  const rules = r.coalitions ? h('div', { 'data-testid': 'zone-rules' },
    h('p', { class: 'hint' }, `A package is accepted when ${r.acceptance}. The issues’ rules: ${(r.rules ?? []).map((g) => `${issueName(g.issue)} by ${g.rule} (quota ${fmt(g.quota)})`).join(', ')}. `,
      // the veto players, or that there are none, in the answer's words
      // (veto_head_text, no_veto_text), as parley deal search prints them
      r.veto?.length ? `${r.veto_head_text ?? 'Veto'}: ${names(r.veto)}.` : (r.no_veto_text ?? '')),
    h('table', { class: 'compare' },
      h('caption', {}, 'Minimal winning coalitions: the zone is the union of their zones'),
      h('thead', {}, h('tr', {}, ...['Coalition', 'Zone', 'Largest smallest gain', 'Short of its alternative'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...r.coalitions.map((c) => h('tr', { class: c.open ? 'yes' : 'no' }, h('th', { scope: 'row' }, names(c.actors)),
        h('td', {}, c.open ? 'open' : 'empty'), h('td', {}, c.margin === null ? noNumber : fmt(c.margin, 3)), h('td', {}, c.conflict ?? names(c.short)))))),
    pkgs.some((p) => p.pkg.rules?.length) ? h('table', { class: 'compare', 'data-testid': 'zone-carried' },
      h('caption', {}, 'Who carries each package, issue by issue'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Issue'), ...pkgs.map((p) => h('th', { scope: 'col' }, p.title)))),
      h('tbody', {}, ...(r.rules ?? []).map((g) => h('tr', {}, h('th', { scope: 'row' }, issueName(g.issue)),
        ...pkgs.map((p) => { const v = p.pkg.rules?.find((x) => x.issue === g.issue); return h('td', { class: v?.passes ? '' : 'down' }, v ? (v.passes ? names(v.coalition) : `fails: ${names(v.against)} against`) : '—') }))))) : '') : ''
  const blockers = r.blockers?.length ? h('p', { class: 'hint', 'data-testid': 'zone-blockers' }, `Blocked by: ${names(r.blockers)}.`) : ''
  const notes = [...(r.notes ?? []), ...(r.concession?.notes ?? [])]
  // Each contradiction's ways out, then each plan under a head that says
  // what it does, its cost in both units, and the solver's line: the
  // words the answer carries, which ask writes once for every door
  // (ask.ContradictionHead, SideLine, SetLine, MoreSetsText, SidesChoice,
  // PlanHead, BendText, ShortfallLine, PlanCostsLine, SolverLine). An
  // answer stored before it carried them shows its fields plainly
  // (plainBend, plainShortfall; docs/DECISIONS.md, texts23).
  const bendLine = (b: Bend) => b.text ?? plainBend(b, actorName, issueName)
  const contradictions = r.concession?.contradictions ?? []
  const sides = contradictions.map((c) => h('div', { class: 'plan', 'data-testid': 'contradiction' },
    h('p', { 'data-testid': 'contradiction-head' }, c.head_text ?? `Red lines that contradict each other on ${issueName(c.issue)}: ${(c.actors ?? (c.sides ?? []).map((x) => x.actor)).map(actorName).join(', ')}.`),
    h('ul', {}, ...(c.sides ?? []).map((x) => h('li', { 'data-testid': 'contradiction-side', class: x.plans?.length ? 'yes' : '' }, x.text ?? x.bends.map(bendLine).join('; '))),
      ...(c.sets ?? []).map((x) => h('li', { 'data-testid': 'contradiction-set', class: x.plans?.length ? 'yes' : '' }, x.text ?? x.members.flatMap((m) => m.bends.map(bendLine)).join('; ')))),
    c.more_sets ? h('p', { class: 'hint', 'data-testid': 'contradiction-more' }, c.more_sets_text ?? `Not listed: ${c.more_sets} more.`) : '',
    c.choice_text ? h('p', { class: 'hint', 'data-testid': 'contradiction-choice' }, c.choice_text) : '',
    // A close call's runner-up (ask.CloseCallText), as every door prints it.
    c.close?.text ? h('p', { class: 'hint warn', 'data-testid': 'contradiction-close' }, c.close.text) : ''))
  const planList = plans.map(({ title, plan }) => h('div', { class: 'plan' }, h('h3', { 'data-testid': 'plan-head' }, plan.head_text ?? title),
    h('ul', {},
      ...(plan.same_crossing_text ? [h('li', { 'data-testid': 'plan-bend' }, plan.same_crossing_text)] : (plan.bends ?? []).map((b) => h('li', { 'data-testid': 'plan-bend' }, bendLine(b)))),
      ...(plan.shortfalls ?? []).map((x) => h('li', { 'data-testid': 'plan-shortfall' }, x.text ?? plainShortfall(x, actorName))),
      // A plan with neither says so in the answer's words
      // (ask.NoConcessionText), as parley deal search prints it.
      plan.no_concession_text ? h('li', { 'data-testid': 'plan-none' }, plan.no_concession_text) : null),
    plan.cost_text ? h('p', { class: 'hint', 'data-testid': 'plan-cost' }, plan.cost_text) : ''))
  const solver = h('p', { class: 'hint', 'data-testid': 'search-solver' },
    ans.solver_text ?? 'This answer was stored before answers carried their words: its ways out and plans are shown plainly; search again to read them in full.')
  const others = [...(r.frontier ?? []), ...(r.sample ?? [])]
  box.replaceChildren(summary,
    r.zone_text ? h('p', { class: 'hint', 'data-testid': 'zone-line' }, r.zone_text) : '',
    // a package at the options that is accepted, where the Nash package
    // restated is not (without one, the headline says so)
    r.at_options?.open && r.at_options.text ? h('p', { class: 'hint', 'data-testid': 'zone-at-options' }, r.at_options.text) : '',
    // the zone and its margin are the search's before restating its
    // balanced package at options, in the answer's words
    // (ask.BeforeRestatingText), as parley deal search prints it
    r.restated_text ? h('p', { class: 'hint warn', 'data-testid': 'zone-before-restating' }, r.restated_text) : '',
    robustBox(ans.robust, ans.held_fixed, true),
    // The no-deal package and whose acceptance the zone needs, in the
    // answer's words (no_deal_text, must_accept_text; ask.NoDealText,
    // MustAcceptText), as parley deal search prints them; an answer
    // stored before they were carried shows its fields plainly.
    h('p', { class: 'hint', 'data-testid': 'search-no-deal' }, ans.no_deal_text ?? `No-deal package: ${ans.no_deal}`, ' ',
      ans.must_accept_text ?? `Must accept: ${names(r.required)}`),
    warningList(ans.warnings, 'search-warnings') ?? '',
    settingsText(ans.request) ? h('p', { class: 'hint', 'data-testid': 'search-settings' }, `The search runs its models with the settings chosen on the Forecast view (${settingsText(ans.request)}), as the forecast does.`) : '',
    notes.length ? h('ul', { class: 'hint' }, ...notes.map((n) => h('li', {}, n))) : '',
    blockers, rules,
    // The ways out and the plans before the packages they open, as
    // parley deal search prints them: the table of packages read first
    // hid the crossing each plan needs (webreview25).
    ...sides, ...planList,
    pkgs.length || r.ranges?.length ? h('table', { class: 'compare', 'data-testid': 'zone-packages' },
      h('caption', {}, r.open ? 'Packages in the zone' : 'Packages the concessions would open'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Issue'), r.open && r.ranges?.length ? h('th', { scope: 'col' }, 'Range in the zone') : null,
        ...pkgs.map((p) => h('th', { scope: 'col' }, p.title, ' ', h('button', { type: 'button', class: 'small', onclick: () => use(p.pkg) }, 'evaluate'))))),
      h('tbody', {}, ...r.issues.map((id) => {
        const rg = r.ranges?.find((x) => x.issue === id)
        return h('tr', {}, h('th', { scope: 'row' }, issueName(id)),
          r.open && r.ranges?.length ? h('td', {}, rg ? intervalText(rg.lo, rg.hi, k(id)) : noNumber, rg?.fixed ? h('small', {}, 'fixed') : rg?.indifferent ? h('small', {}, 'no required actor cares') : null) : null,
          ...pkgs.map((p) => packageCell(p.pkg.values[idx(id)], k(id), p.pkg.nearest_text?.[idx(id)], p.pkg.options?.[idx(id)])))
      }))) : '',
    // A package restated at the options of its discrete issues, in the
    // answer's words (ask.RestatedText), as parley deal search prints it.
    // The Nash and balanced packages restated to one say it once, of
    // both, in the same text (ask's searchTexts).
    ...pkgs.filter((p, j) => p.pkg.restated?.text && pkgs.findIndex((q) => q.pkg.restated?.text === p.pkg.restated!.text) === j)
      .map((p) => h('p', { class: 'hint', 'data-testid': 'zone-restated' }, p.pkg.restated!.text!)),
    r.nash_product_text ? h('p', { class: 'hint', 'data-testid': 'zone-nash-product' }, r.nash_product_text) : '',
    h('table', { class: 'compare', 'data-testid': 'zone-actors' },
      h('caption', {}, 'Each actor’s alternative, and its gain over it'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Actor'), h('th', { scope: 'col' }, 'Alternative'), ...pkgs.map((p) => h('th', { scope: 'col' }, `Gain: ${p.title}`)))),
      h('tbody', {}, ...r.alternatives.map((a) => h('tr', {}, h('th', { scope: 'row' }, actorName(a.actor), r.required.includes(a.actor) ? '' : h('small', { class: 'muted', 'data-testid': 'not-required' }, a.required_text ?? 'need not accept')),
        h('td', {}, a.text ?? `${fmt(a.value, 3)} ${a.from}`),
        ...pkgs.map((p) => { const g = p.pkg.gains[ai(a.actor)]; return h('td', { class: g < -1e-9 ? 'down' : '' }, signed(g, 3)) }))))),
    others.length ? h('details', { class: 'anchors' }, h('summary', {}, `Other packages in the zone (${others.length})`),
      // the search's values, between the options of a discrete issue
      // (ask.UnrestatedText), as parley deal search says over its tables
      r.unrestated_text ? h('p', { class: 'hint warn', 'data-testid': 'zone-unrestated' }, r.unrestated_text) : '',
      h('table', { class: 'compare' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Package'), ...r.issues.map((id) => h('th', { scope: 'col' }, issueName(id))))),
        h('tbody', {}, ...others.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.label), ...p.values.map((v, j) => h('td', {}, fmt(v, k(r.issues[j]))))))))) : '',
    solver)
}

init()

// plainBend and plainShortfall show a bend and a shortfall of a deal
// answer stored before the answers carried their words (Bend.text,
// Shortfall.text, which ask writes): the fields as they are, not ask's
// sentence rewritten here (docs/DECISIONS.md, texts23).
function plainBend(b: Bend, actor: (id: string) => string, issue: (id: string) => string): string {
  return `${actor(b.actor)}: ${issue(b.issue)} ${b.red_line} → ${b.to}`
}
function plainShortfall(x: Shortfall, actor: (id: string) => string): string {
  return `${actor(x.actor)}: utility ${fmt(x.utility, 3)}, alternative ${fmt(x.alternative, 3)}`
}

