// Parley's web app: one page, four views over the HTTP API.
import './style.css'
import { api, follow, APIError } from './api'
import type { Scenario, ScenarioView, ForecastResult, Issue, Stance, ModelInfo, SweepResult, SensitivityResult, Diagnostic, Run } from './api'
import { h, s, fmt, color } from './util'
import { Chart, registerables } from 'chart.js'

Chart.register(...registerables)
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
Chart.defaults.animation = false
Chart.defaults.maintainAspectRatio = false

type View = 'scenario' | 'forecast' | 'sweep' | 'deal'

const st = {
  view: 'scenario' as View,
  sv: null as ScenarioView | null,
  resolved: null as Scenario | null,
  snapshot: 'latest',
  variant: '',
  models: [] as ModelInfo[],
  selected: new Set<string>(),
  kinds: [] as string[],
  forecast: null as ForecastResult | null,
  charts: [] as Chart[],
  sweep: null as SweepResult | null,
  tornado: null as SensitivityResult | null,
  job: null as string | null,
  trajModel: '',
  compareModel: '',
  deal: {} as { [issue: string]: number },
  refocus: null as string | null,
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const main = $('main')

function status(msg: string, error = false) {
  const el = $('status')
  el.textContent = msg
  el.className = 'status' + (error ? ' error' : '')
}

function bounds(is: Issue): [number, number] { return is.scale ? [is.scale.min, is.scale.max] : [0, 100] }

function nearest(is: Issue, x: number | null): string {
  if (x === null || !is.anchors?.length) return ''
  let best = is.anchors[0]
  for (const a of is.anchors) if (Math.abs(a.value - x) < Math.abs(best.value - x)) best = a
  return best.label
}

function actorName(id: string): string {
  return st.resolved?.actors.find((a) => a.id === id)?.name || id
}

function modelList(): string[] { return st.models.filter((m) => st.selected.has(m.name)).map((m) => m.name) }

function destroyCharts() { for (const c of st.charts) c.destroy(); st.charts = [] }

// ---------- loading ----------

async function init() {
  try {
    const [models, kinds, list] = await Promise.all([api.models(), api.kinds(), api.scenarios()])
    st.models = models
    st.kinds = kinds
    for (const m of models) if (m.default) st.selected.add(m.name)
    const sel = $<HTMLSelectElement>('scenario')
    sel.replaceChildren(...list.map((r) => h('option', { value: r.id }, r.name)))
    sel.onchange = () => loadScenario(sel.value)
    const fs = $('models')
    for (const m of models) {
      const id = 'model-' + m.name
      const cb = h('input', { type: 'checkbox', id, value: m.name, checked: st.selected.has(m.name) }) as HTMLInputElement
      cb.onchange = () => { cb.checked ? st.selected.add(m.name) : st.selected.delete(m.name); refresh() }
      fs.append(h('label', { for: id, title: m.summary }, cb, m.name))
    }
    for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')) {
      b.onclick = () => show(b.dataset.view as View)
      b.onkeydown = (e) => {
        const tabs = [...document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')]
        const i = tabs.indexOf(b)
        if (e.key === 'ArrowRight') { tabs[(i + 1) % tabs.length].focus(); e.preventDefault() }
        if (e.key === 'ArrowLeft') { tabs[(i + tabs.length - 1) % tabs.length].focus(); e.preventDefault() }
      }
    }
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeDrawer() })
    const hash = location.hash.slice(1) as View
    if (['scenario', 'forecast', 'sweep', 'deal'].includes(hash)) st.view = hash
    if (list.length) await loadScenario(list[0].id)
    else main.replaceChildren(h('p', {}, 'No scenarios yet: POST one to /api/scenarios.'))
  } catch (e) { status(String(e), true) }
}

async function loadScenario(id: string) {
  status('Loading…')
  st.sv = await api.scenario(id)
  const sc = st.sv.scenario
  const snap = $<HTMLSelectElement>('snapshot')
  const dates = [...(sc.snapshots ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  snap.replaceChildren(
    h('option', { value: 'latest' }, dates.length ? `latest (${dates[dates.length - 1].date})` : `as of ${sc.metadata.as_of}`),
    h('option', { value: 'base' }, `base (${sc.metadata.as_of})`),
    ...dates.map((d) => h('option', { value: d.date }, `${d.date}${d.label ? ' — ' + d.label : ''}`)),
  )
  snap.value = st.snapshot = 'latest'
  snap.onchange = () => { st.snapshot = snap.value; refresh() }
  const vr = $<HTMLSelectElement>('variant')
  vr.replaceChildren(h('option', { value: '' }, 'none'), ...(sc.variants ?? []).map((v) => h('option', { value: v.id, title: v.description ?? '' }, v.name || v.id)))
  vr.value = st.variant = ''
  vr.onchange = () => { st.variant = vr.value; refresh() }
  st.sweep = st.tornado = null
  st.deal = {}
  await refresh()
}

async function refresh() {
  if (!st.sv) return
  try {
    status('Forecasting…')
    const [res, run] = await Promise.all([
      api.resolved(st.sv.id, st.snapshot, st.variant),
      api.forecast(st.sv.id, { models: modelList(), snapshot: st.snapshot, variant: st.variant }),
    ])
    st.resolved = res.scenario
    st.forecast = run.result ?? null
    const warn = st.sv.warnings.length ? ` · ${st.sv.warnings.length} warning(s)` : ''
    status(`${st.sv.name} · version ${st.sv.version} · as of ${st.resolved.metadata.as_of}${st.variant ? ' · variant ' + st.variant : ''} · run ${run.id.slice(0, 8)}${warn}`)
    render()
  } catch (e) { status(e instanceof APIError ? e.message : String(e), true) }
}

function show(v: View) {
  st.view = v
  history.replaceState(null, '', '#' + v)
  render()
  main.focus({ preventScroll: true })
}

function render() {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')) {
    b.setAttribute('aria-selected', String(b.dataset.view === st.view))
    b.tabIndex = b.dataset.view === st.view ? 0 : -1
  }
  destroyCharts()
  if (!st.resolved || !st.forecast) return
  main.setAttribute('aria-labelledby', 'tab-' + st.view)
  if (st.view === 'scenario') renderScenario()
  if (st.view === 'forecast') renderForecast()
  if (st.view === 'sweep') renderSweep()
  if (st.view === 'deal') renderDeal()
}

// ---------- scenario view: position maps ----------

function forecastFor(model: string, issue: string): number | null {
  const m = st.forecast?.models.find((x) => x.model === model)
  return m?.issues.find((x) => x.issue === issue)?.forecast ?? null
}

function renderScenario() {
  const sc = st.resolved!
  const md = st.sv!.scenario.metadata
  const intro = h('section', { class: 'intro' },
    h('h1', {}, md.title),
    md.description ? h('p', { class: 'lede' }, md.description) : null,
    h('p', { class: 'hint' }, 'Each marker is an actor at its position: size = capability, shade = salience, whiskers = range. Lines mark each model’s forecast. Select a marker (click, or Tab and Enter) to read its evidence and edit it.'),
  )
  const legend = h('div', { class: 'legend', 'aria-label': 'Model colours' },
    ...modelList().map((m, i) => h('span', { class: 'key' }, h('i', { style: `background:${color(i)}` }), m)))
  const snaps = [...(st.sv!.scenario.snapshots ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  const shown = st.snapshot === 'base' ? null : st.snapshot === 'latest' ? snaps[snaps.length - 1] : snaps.filter((x) => x.date <= st.snapshot).pop()
  const asof = h('p', { class: 'asof' }, h('strong', {}, `As of ${sc.metadata.as_of}`),
    shown ? ` — ${shown.label ?? ''}${shown.description ? ': ' + shown.description : ''}` : ' — the base stances',
    st.variant ? h('span', { class: 'variant' }, ` · variant: ${st.sv!.scenario.variants?.find((v) => v.id === st.variant)?.name ?? st.variant}`) : null)
  main.replaceChildren(intro, asof, legend, ...sc.issues.map((is) => issueCard(is)))
  if (st.refocus) {
    main.querySelector<SVGGElement>(st.refocus)?.focus()
    st.refocus = null
  }
}

function issueCard(is: Issue): HTMLElement {
  const sc = st.resolved!
  const [lo, hi] = bounds(is)
  const stances = sc.stances.filter((x) => x.issue === is.id).sort((a, b) => a.position - b.position)
  const maxCap = Math.max(...sc.actors.map((a) => a.capability))
  const someQuoted = stances.some((x) => x.evidence?.length)
  const W = 1000, L = 185, R = 30, rowH = 30
  const X = (v: number) => L + ((v - lo) / (hi - lo)) * (W - L - R)
  // Forecast labels: left to right, each on the first line where it does
  // not overlap the label before it.
  const fl = modelList().map((m, i) => ({ m, i, f: forecastFor(m, is.id), row: 0 }))
    .filter((x) => x.f !== null).sort((a, b) => a.f! - b.f!)
  const ends: number[] = []
  for (const x of fl) {
    const text = `${x.m} ${fmt(x.f)}`
    const w = text.length * 7.4
    let cx = Math.min(Math.max(X(x.f!), L + w / 2), W - w / 2)
    let row = ends.findIndex((e) => e < cx - w / 2 - 10)
    if (row < 0) { row = ends.length; ends.push(0) }
    ends[row] = cx + w / 2
    x.row = row
    ;(x as any).cx = cx
  }
  const top = 22 + ends.length * 14
  const H = top + stances.length * rowH + 40
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'posmap', role: 'group', 'aria-label': `Positions on ${is.name}` })
  // grid and anchors
  for (const a of is.anchors ?? []) {
    svg.append(s('line', { x1: X(a.value), x2: X(a.value), y1: top - 8, y2: H - 34, class: 'grid' }))
    svg.append(s('text', { x: X(a.value), y: H - 18, class: 'tick', 'text-anchor': 'middle' }, s('title', {}, a.label), String(a.value)))
  }
  if (!is.anchors?.length) for (const v of [lo, (lo + hi) / 2, hi]) svg.append(s('text', { x: X(v), y: H - 18, class: 'tick', 'text-anchor': 'middle' }, String(v)))
  svg.append(s('line', { x1: X(lo), x2: X(hi), y1: H - 34, y2: H - 34, class: 'axis' }))
  if (is.reference !== undefined) {
    svg.append(s('text', { x: X(is.reference), y: H - 4, class: 'ref', 'text-anchor': 'middle' }, '▲ status quo'))
  }
  // forecasts
  for (const x of fl) {
    const px = X(x.f!)
    svg.append(s('line', { x1: px, x2: px, y1: top - 8, y2: H - 34, stroke: color(x.i), class: 'fline', 'data-model': x.m, 'data-forecast': x.f!.toFixed(3) }))
    svg.append(s('text', { x: (x as any).cx, y: 13 + x.row * 14, fill: color(x.i), class: 'flabel', 'text-anchor': 'middle' }, `${x.m} ${fmt(x.f)}`))
  }
  // actors
  stances.forEach((stc, row) => {
    const a = sc.actors.find((x) => x.id === stc.actor)!
    const y = top + row * rowH + rowH / 2
    const r = 4 + 10 * Math.sqrt(a.capability / maxCap)
    const sal = stc.salience / (sc.metadata.salience_scale === 100 ? 100 : 1)
    const g = s('g', { class: 'marker', tabindex: 0, role: 'button', 'data-actor': a.id, 'data-issue': is.id,
      'aria-label': `${a.name || a.id}: position ${stc.position}, salience ${stc.salience}, capability ${a.capability}. Open evidence.` })
    svg.append(s('text', { x: L - 10, y: y + 4, class: 'aname', 'text-anchor': 'end' }, a.name || a.id))
    const pr = stc.range?.position
    if (pr) {
      g.append(s('line', { x1: X(pr[0]), x2: X(pr[1]), y1: y, y2: y, class: 'whisker' }))
      g.append(s('line', { x1: X(pr[0]), x2: X(pr[0]), y1: y - 5, y2: y + 5, class: 'whisker' }))
      g.append(s('line', { x1: X(pr[1]), x2: X(pr[1]), y1: y - 5, y2: y + 5, class: 'whisker' }))
    }
    g.append(s('circle', { cx: X(stc.position), cy: y, r, fill: `hsl(214 70% ${88 - 58 * sal}%)`, class: 'dot' },
      s('title', {}, `${a.name}: ${stc.position} (salience ${stc.salience})${stc.evidence?.length ? ` · ${stc.evidence.length} quote(s)` : stc.assumed ? ' · assumed' : ''}`)))
    if (!stc.evidence?.length && someQuoted) g.append(s('text', { x: X(stc.position) + r + 3, y: y + 4, class: 'assumed' }, 'assumed'))
    g.addEventListener('click', () => openStance(a.id, is.id))
    // Open on key release, so the key that opened the panel cannot also
    // reach the field that then has the focus.
    const isKey = (e: Event) => (e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' '
    g.addEventListener('keydown', (e) => { if (isKey(e)) e.preventDefault() })
    g.addEventListener('keyup', (e) => { if (isKey(e)) { e.preventDefault(); openStance(a.id, is.id) } })
    svg.append(g)
  })
  const anchors = is.anchors?.length
    ? h('details', { class: 'anchors' }, h('summary', {}, 'Scale'), h('dl', {}, ...(is.anchors.flatMap((a) => [h('dt', {}, String(a.value)), h('dd', {}, a.label)]))))
    : null
  return h('section', { class: 'card issue', 'data-issue': is.id },
    h('h2', {}, is.name),
    is.description ? h('p', { class: 'desc' }, is.description) : null,
    someQuoted ? null : h('p', { class: 'hint' }, 'No stance on this issue quotes a source: every one is assumed.'),
    svg, anchors)
}

// ---------- stance drawer ----------

let lastFocus: HTMLElement | null = null

function closeDrawer() {
  const d = $('drawer')
  if (d.getAttribute('aria-hidden') === 'true') return
  d.setAttribute('aria-hidden', 'true')
  d.replaceChildren()
  lastFocus?.focus()
}

function openStance(actor: string, issue: string) {
  const sc = st.resolved!
  const stc = sc.stances.find((x) => x.actor === actor && x.issue === issue) as Stance
  const a = sc.actors.find((x) => x.id === actor)!
  const is = sc.issues.find((x) => x.id === issue)!
  const sources = st.sv!.scenario.metadata.sources ?? []
  lastFocus = document.activeElement as HTMLElement
  const d = $('drawer')
  const [lo, hi] = bounds(is)
  const num = (name: string, label: string, value: number | undefined, min: number, max: number, step: number) =>
    h('label', { class: 'field' }, label, h('input', { type: 'number', name, value: value ?? '', min, max, step, 'data-testid': 'edit-' + name }))
  const salMax = sc.metadata.salience_scale === 100 ? 100 : 1
  const errors = h('div', { class: 'errors', role: 'alert', 'data-testid': 'edit-errors' })
  const form = h('form', { class: 'edit', 'data-testid': 'stance-form', novalidate: true },
    h('h3', {}, 'Edit'),
    num('position', `Position (${lo}–${hi})`, stc.position, lo, hi, 0.5),
    num('salience', `Salience (0–${salMax})`, stc.salience, 0, salMax, salMax / 100),
    h('div', { class: 'pair' }, num('plo', 'Range low', stc.range?.position?.[0], lo, hi, 0.5), num('phi', 'Range high', stc.range?.position?.[1], lo, hi, 0.5)),
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
    const old = stc.range?.position
    if (plo !== (old?.[0] ?? null) || phi !== (old?.[1] ?? null)) {
      patch.range = plo === null && phi === null ? { salience: stc.range?.salience } : { position: [plo ?? 0, phi ?? 0], salience: stc.range?.salience }
    }
    const note = String(f.get('note') ?? '')
    if (note !== (stc.note ?? '')) patch.note = note
    errors.replaceChildren()
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid')
    try {
      st.sv = await api.patchStance(st.sv!.id, actor, issue, patch)
      st.refocus = `g.marker[data-actor="${actor}"][data-issue="${issue}"]`
      closeDrawer()
      await refresh()
      status(`Saved ${a.name} on ${is.name} (version ${st.sv.version}); forecast re-run.`)
    } catch (err) {
      showErrors(form, errors, err)
    }
  }
  const evidence = stc.evidence?.length
    ? h('ol', { class: 'evidence', 'data-testid': 'evidence' }, ...stc.evidence.map((ev) => {
      const src = sources.find((x) => x.id === ev.source || x.file === ev.source)
      return h('li', {},
        h('blockquote', {}, /^["“‘']/.test(ev.quote) ? ev.quote : '“' + ev.quote + '”'),
        h('p', { class: 'cite' }, src?.title ?? ev.source, src?.publisher ? ` — ${src.publisher}` : '', ev.date || src?.date ? ` · ${ev.date ?? src?.date}` : ''),
        ev.note ? h('p', { class: 'note' }, ev.note) : null)
    }))
    : h('p', { class: 'assumed-why', 'data-testid': 'evidence' }, h('strong', {}, 'Assumed: '), stc.assumed ?? 'no reason given')
  d.replaceChildren(...[
    h('button', { class: 'close', 'aria-label': 'Close', onclick: () => closeDrawer() }, '×'),
    h('h2', { id: 'drawer-title' }, `${a.name} on ${is.name}`),
    h('p', { class: 'facts' }, `Position ${stc.position}${stc.range?.position ? ` [${stc.range.position.join('–')}]` : ''} · salience ${stc.salience} · capability ${a.capability}`),
    h('p', { class: 'near' }, nearest(is, stc.position)),
    stc.note ? h('p', { class: 'note' }, stc.note) : null,
    h('h3', {}, 'Evidence'), evidence, form].filter((x) => x !== null) as HTMLElement[])
  d.setAttribute('aria-hidden', 'false')
  ;(d.querySelector('input[name=position]') as HTMLInputElement)?.focus()
}

function showErrors(form: HTMLElement, box: HTMLElement, err: unknown) {
  if (err instanceof APIError && err.diagnostics.length) {
    box.replaceChildren(h('ul', {}, ...err.diagnostics.map((d: Diagnostic) => h('li', {}, h('code', {}, d.path), ': ', d.message, d.valid ? ` (valid: ${d.valid})` : ''))))
    for (const d of err.diagnostics) {
      const field = d.path.endsWith('range.position') ? 'plo' : d.path.split('.').pop()
      form.querySelector(`[name=${field}]`)?.setAttribute('aria-invalid', 'true')
    }
  } else box.replaceChildren(h('p', {}, err instanceof Error ? err.message : String(err)))
}

// ---------- forecast view ----------

function renderForecast() {
  const sc = st.resolved!
  const fc = st.forecast!
  const models = fc.models
  const table = h('table', { class: 'compare', 'data-testid': 'model-table' },
    h('caption', {}, `Forecast by model, as of ${fc.as_of}${fc.variant ? ', variant ' + fc.variant : ''}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Issue'), ...models.map((m, i) => h('th', { scope: 'col', style: `border-bottom-color:${color(i)}` }, m.model)))),
    h('tbody', {}, ...sc.issues.map((is) => h('tr', {}, h('th', { scope: 'row' }, is.name),
      ...models.map((m) => {
        const f = m.issues.find((x) => x.issue === is.id)?.forecast ?? null
        return h('td', {}, m.error ? h('span', { class: 'err' }, m.error) : h('span', {}, h('b', {}, fmt(f)), h('small', { title: nearest(is, f) }, nearest(is, f))))
      })))))
  const multi = models.filter((m) => m.issues.some((x) => (x.rounds?.length ?? 0) > 1)).map((m) => m.model)
  if (!multi.includes(st.trajModel)) st.trajModel = multi[0] ?? models[0]?.model ?? ''
  const pick = h('select', { 'aria-label': 'Model for trajectories' }, ...models.map((m) => h('option', { value: m.model, selected: m.model === st.trajModel }, m.model))) as HTMLSelectElement
  pick.onchange = () => { st.trajModel = pick.value; render() }
  const traj = h('div', { class: 'grid' })
  const timeline = h('div', { class: 'grid', 'data-testid': 'timeline' })
  const variants = h('div', { 'data-testid': 'variants' })
  main.replaceChildren(
    h('section', { class: 'card' }, table),
    h('section', { class: 'card' }, h('h2', {}, 'Round by round ', pick), h('p', { class: 'hint' }, 'Each actor’s position after each round; the thick dashed line is the forecast.'), traj),
    h('section', { class: 'card' }, h('h2', {}, 'How the forecast moved'), h('p', { class: 'hint' }, 'The forecast at the base date and at each snapshot (variant applied).'), timeline),
    h('section', { class: 'card' }, h('h2', {}, 'Variants side by side'), variants))
  const m = models.find((x) => x.model === st.trajModel)
  if (m) for (const is of sc.issues) {
    const ir = m.issues.find((x) => x.issue === is.id)
    if (!ir?.rounds?.length) continue
    const canvas = h('canvas', { 'aria-label': `Trajectories on ${is.name} (${m.model})`, role: 'img' })
    traj.append(h('figure', { class: 'chart' }, h('figcaption', {}, is.name), h('div', { class: 'box' }, canvas)))
    const labels = ir.rounds.map((r) => String(r.round))
    const ds = fc.actors.map((id, i) => ({ label: actorName(id), data: ir.rounds!.map((r) => r.positions[i]), borderColor: color(i), backgroundColor: color(i), pointRadius: ir.rounds!.length > 1 ? 0 : 4, borderWidth: 1.5, spanGaps: false }))
      .filter((d) => d.data.some((v) => v !== null))
    ds.push({ label: 'forecast', data: ir.rounds.map((r) => r.forecast), borderColor: '#111', backgroundColor: '#111', pointRadius: ir.rounds.length > 1 ? 0 : 6, borderWidth: 3, spanGaps: false, ...({ borderDash: [6, 4] } as object) })
    const [lo, hi] = bounds(is)
    st.charts.push(new Chart(canvas as HTMLCanvasElement, { type: 'line', data: { labels, datasets: ds }, options: { scales: { y: { min: lo, max: hi, title: { display: true, text: 'position' } }, x: { title: { display: true, text: 'round' } } }, plugins: { legend: { position: 'right', labels: { boxWidth: 10, font: { size: 11 } } } } } }))
  }
  loadTimeline(timeline)
  loadVariants(variants)
}

async function loadTimeline(box: HTMLElement) {
  const sc = st.sv!.scenario
  const dates = ['base', ...[...(sc.snapshots ?? [])].map((x) => x.date).sort()]
  box.replaceChildren(h('p', { class: 'hint' }, 'Computing…'))
  try {
    const runs = await Promise.all(dates.map((d) => api.forecast(st.sv!.id, { models: modelList(), snapshot: d, variant: st.variant })))
    if (st.view !== 'forecast') return
    box.replaceChildren()
    const labels = runs.map((r) => r.result!.as_of)
    for (const is of st.resolved!.issues) {
      const canvas = h('canvas', { role: 'img', 'aria-label': `Forecast over time on ${is.name}` })
      box.append(h('figure', { class: 'chart small' }, h('figcaption', {}, is.name), h('div', { class: 'box' }, canvas)))
      const [lo, hi] = bounds(is)
      st.charts.push(new Chart(canvas as HTMLCanvasElement, {
        type: 'line',
        data: { labels, datasets: modelList().map((m, i) => ({ label: m, data: runs.map((r) => r.result!.models.find((x) => x.model === m)?.issues.find((x) => x.issue === is.id)?.forecast ?? null), borderColor: color(i), backgroundColor: color(i), pointRadius: 3 })) },
        options: { scales: { y: { min: lo, max: hi } }, plugins: { legend: { display: is === st.resolved!.issues[0], position: 'bottom', labels: { boxWidth: 10 } } } },
      }))
    }
  } catch (e) { box.replaceChildren(h('p', { class: 'error' }, String(e))) }
}

async function loadVariants(box: HTMLElement) {
  const vs = st.sv!.scenario.variants ?? []
  if (!vs.length) { box.replaceChildren(h('p', { class: 'hint' }, 'This scenario has no variants.')); return }
  box.replaceChildren(h('p', { class: 'hint' }, 'Computing…'))
  try {
    const runs = await Promise.all([{ id: '', name: 'no variant' }, ...vs].map((v) => api.forecast(st.sv!.id, { models: modelList(), snapshot: st.snapshot, variant: v.id })))
    if (st.view !== 'forecast') return
    const models = modelList()
    if (!models.includes(st.compareModel)) st.compareModel = models[0]
    const pick = h('select', { 'aria-label': 'Model for variants' }, ...models.map((m) => h('option', { value: m, selected: m === st.compareModel }, m))) as HTMLSelectElement
    pick.onchange = () => { st.compareModel = pick.value; loadVariants(box) }
    const val = (r: Run<ForecastResult>, is: string) => r.result!.models.find((x) => x.model === st.compareModel)?.issues.find((x) => x.issue === is)?.forecast ?? null
    box.replaceChildren(h('p', {}, 'Model ', pick),
      h('table', { class: 'compare' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Issue'), h('th', { scope: 'col' }, 'No variant'), ...vs.map((v) => h('th', { scope: 'col', title: v.description ?? '' }, v.name || v.id)))),
        h('tbody', {}, ...st.resolved!.issues.map((is) => {
          const base = val(runs[0], is.id)
          return h('tr', {}, h('th', { scope: 'row' }, is.name), h('td', {}, h('b', {}, fmt(base))),
            ...runs.slice(1).map((r) => {
              const v = val(r, is.id)
              const d = v !== null && base !== null ? v - base : null
              return h('td', {}, h('b', {}, fmt(v)), d !== null && Math.abs(d) >= 0.05 ? h('small', { class: d > 0 ? 'up' : 'down' }, (d > 0 ? '+' : '') + fmt(d)) : null)
            }))
        }))))
  } catch (e) { box.replaceChildren(h('p', { class: 'error' }, String(e))) }
}

// ---------- sweep view ----------

function renderSweep() {
  const models = modelList()
  const modelSel = h('select', { name: 'model', 'data-testid': 'sweep-model' }, ...models.map((m) => h('option', { value: m }, m))) as HTMLSelectElement
  const samples = h('input', { type: 'number', name: 'samples', value: 1000, min: 10, max: 20000, step: 10, 'data-testid': 'sweep-samples' }) as HTMLInputElement
  const seed = h('input', { type: 'number', name: 'seed', value: 1, min: 0, step: 1 }) as HTMLInputElement
  const bar = h('progress', { max: 1, value: 0, 'data-testid': 'sweep-progress', 'aria-label': 'Progress' }) as HTMLProgressElement
  const msg = h('span', { class: 'hint' })
  const cancel = h('button', { type: 'button', disabled: true, onclick: () => st.job && api.cancel(st.job) }, 'Cancel') as HTMLButtonElement
  const out = h('div', { class: 'grid', 'data-testid': 'sweep-results' })
  const tor = h('div', { class: 'grid', 'data-testid': 'tornado' })
  const start = async (kind: 'sweep' | 'sensitivity') => {
    try {
      const run = await api.start(st.sv!.id, { kind, models: [modelSel.value], samples: Number(samples.value), seed: Number(seed.value), snapshot: st.snapshot, variant: st.variant })
      st.job = run.id
      cancel.disabled = false
      msg.textContent = `${kind} running…`
      const done = await follow(run.id, (d, t) => { bar.max = t; bar.value = d; msg.textContent = `${kind}: ${d} of ${t}` })
      st.job = null
      cancel.disabled = true
      msg.textContent = `${kind} ${done.status}${done.error ? ': ' + done.error : ''} (run ${done.id.slice(0, 8)}, seed ${done.seed})`
      if (done.status !== 'done') return
      if (kind === 'sweep') st.sweep = done.result as SweepResult
      else st.tornado = done.result as SensitivityResult
      drawSweep(out, tor)
    } catch (e) { msg.textContent = String(e) }
  }
  main.replaceChildren(
    h('section', { class: 'card controls' },
      h('h2', {}, 'Uncertainty'),
      h('p', { class: 'hint' }, 'A sweep draws every capability, position and salience from its stated range (triangular, peaked at the stated value) and re-runs the model; sensitivity moves one range at a time to its ends (a tornado chart: blue moves the forecast up, orange down).'),
      h('div', { class: 'row' }, h('label', {}, 'Model ', modelSel), h('label', {}, 'Samples ', samples), h('label', {}, 'Seed ', seed),
        h('button', { class: 'primary', 'data-testid': 'run-sweep', onclick: () => start('sweep') }, 'Run sweep'),
        h('button', { 'data-testid': 'run-sensitivity', onclick: () => start('sensitivity') }, 'Run sensitivity'), cancel),
      h('div', { class: 'row' }, bar, msg)),
    h('section', { class: 'card' }, h('h2', {}, 'Distribution of the forecast'), h('p', { class: 'hint' }, 'Draws per bin of the forecast; the orange bin holds the forecast at the stated values.'), out),
    h('section', { class: 'card' }, h('h2', {}, 'What moves it most'), tor))
  drawSweep(out, tor)
}

function drawSweep(out: HTMLElement, tor: HTMLElement) {
  const sc = st.resolved!
  out.replaceChildren()
  tor.replaceChildren()
  const sw = st.sweep?.models[0]
  if (!sw) out.append(h('p', { class: 'hint' }, 'Run a sweep to see the histograms.'))
  else for (const si of sw.issues) {
    const is = sc.issues.find((x) => x.id === si.issue)
    const canvas = h('canvas', { role: 'img', 'aria-label': `Histogram of the ${sw.model} forecast on ${si.name}` })
    out.append(h('figure', { class: 'chart small', 'data-issue': si.issue }, h('figcaption', {}, `${si.name}: median ${fmt(si.median)}, 80% in ${fmt(si.lo80)}–${fmt(si.hi80)}`), h('div', { class: 'box' }, canvas)))
    st.charts.push(new Chart(canvas as HTMLCanvasElement, {
      type: 'bar',
      data: { labels: si.histogram.map((b) => `${fmt(b.low, 0)}–${fmt(b.high, 0)}`), datasets: [{ label: `${sw.model} (${sw.draws} draws)`, data: si.histogram.map((b) => b.count), backgroundColor: si.histogram.map((b) => (si.base >= b.low && si.base < b.high ? color(1) : color(0))), barPercentage: 1, categoryPercentage: 1 }] },
      options: { plugins: { legend: { display: false }, tooltip: { callbacks: { footer: () => (is ? `stated values: ${fmt(si.base)} (orange bin)` : '') } } }, scales: { x: { title: { display: true, text: 'forecast' }, ticks: { maxRotation: 0, autoSkip: true, font: { size: 10 } } }, y: { title: { display: true, text: 'draws' } } } },
    }))
  }
  const tm = st.tornado?.models[0]
  if (!tm) tor.append(h('p', { class: 'hint' }, 'Run sensitivity to see the tornado charts.'))
  else for (const ti of tm.issues) {
    const is = sc.issues.find((x) => x.id === ti.issue)
    const bars = ti.swings.filter((b) => b.swing > 1e-9).slice(0, 10)
    if (!bars.length || !is) continue
    const canvas = h('canvas', { role: 'img', 'aria-label': `Tornado chart for ${ti.name}` })
    tor.append(h('figure', { class: 'chart small' }, h('figcaption', {}, `${ti.name}: ${fmt(ti.base)} at the stated values`), h('div', { class: 'box', style: `height:${60 + bars.length * 24}px` }, canvas)))
    // Zoom to the bars (and the base), with a margin, within the scale.
    const [lo, hi] = bounds(is)
    const ends = bars.flatMap((b) => [b.forecast_at_low, b.forecast_at_high]).concat([ti.base])
    const pad = Math.max((Math.max(...ends) - Math.min(...ends)) * 0.15, (hi - lo) * 0.02)
    const xmin = Math.max(lo, Math.floor(Math.min(...ends) - pad)), xmax = Math.min(hi, Math.ceil(Math.max(...ends) + pad))
    st.charts.push(new Chart(canvas as HTMLCanvasElement, {
      type: 'bar',
      data: { labels: bars.map((b) => `${actorName(b.input.actor)} · ${b.input.kind}${b.input.issue && b.input.issue !== ti.issue ? ' on ' + b.input.issue : ''}`), datasets: [{ label: 'forecast with the input at its low → high end', data: bars.map((b) => [b.forecast_at_low, b.forecast_at_high]) as unknown as number[], backgroundColor: bars.map((b) => (b.forecast_at_high >= b.forecast_at_low ? color(0) : color(1))) }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { min: xmin, max: xmax, title: { display: true, text: `forecast (base ${fmt(ti.base)})` } }, y: { ticks: { font: { size: 11 } } } } },
    }))
  }
}

// ---------- deal view ----------

function renderDeal() {
  const sc = st.resolved!
  const first = st.forecast!.models[0]?.model ?? ''
  const result = h('div', { 'data-testid': 'deal-result' })
  if (!st.kinds.includes('deal')) {
    main.replaceChildren(h('section', { class: 'card' }, h('h2', {}, 'Deal'), h('p', {}, 'This server cannot evaluate deals yet.')))
    return
  }
  const sliders = sc.issues.map((is) => {
    const [lo, hi] = bounds(is)
    const v = st.deal[is.id] ?? Math.round(forecastFor(first, is.id) ?? is.reference ?? (lo + hi) / 2)
    st.deal[is.id] = v
    const out = h('output', {}, String(v))
    const label = h('small', {}, nearest(is, v))
    const input = h('input', { type: 'range', min: lo, max: hi, step: 1, value: v, id: 'deal-' + is.id, 'data-issue': is.id }) as HTMLInputElement
    input.oninput = () => { st.deal[is.id] = Number(input.value); out.textContent = input.value; label.textContent = nearest(is, Number(input.value)); schedule() }
    return h('div', { class: 'slider' }, h('label', { for: 'deal-' + is.id }, is.name), input, out, label)
  })
  let timer = 0
  const schedule = () => { clearTimeout(timer); timer = window.setTimeout(evaluate, 250) }
  const evaluate = async () => {
    try {
      const run = await api.start(st.sv!.id, { kind: 'deal', models: [first], snapshot: st.snapshot, variant: st.variant, package: st.deal })
      const done = await follow<any>(run.id, () => {})
      if (done.status !== 'done') { result.replaceChildren(h('p', { class: 'error' }, done.error ?? done.status)); return }
      drawDeal(result, done.result)
    } catch (e) { result.replaceChildren(h('p', { class: 'error' }, e instanceof Error ? e.message : String(e))) }
  }
  main.replaceChildren(h('section', { class: 'card' }, h('h2', {}, 'Evaluate a package'),
    h('p', { class: 'hint' }, `Set one outcome per issue (starting at the ${first} forecast); each actor accepts when the package beats its alternative and crosses none of its red lines.`),
    h('div', { class: 'sliders' }, ...sliders), result))
  evaluate()
}

function drawDeal(box: HTMLElement, ev: any) {
  const verdicts: any[] = ev?.actors ?? ev?.evaluation?.actors ?? []
  box.replaceChildren(
    h('p', { class: ev.accepted ?? ev.evaluation?.accepted ? 'ok' : 'error', 'data-testid': 'deal-summary' },
      (ev.accepted ?? ev.evaluation?.accepted) ? 'Every required actor accepts this package.' : `Blocked by ${(ev.blockers ?? ev.evaluation?.blockers ?? []).map(actorName).join(', ')}.`),
    h('table', { class: 'compare' },
      h('thead', {}, h('tr', {}, ...['Actor', 'Utility', 'Alternative', 'Gain', 'Red lines crossed', 'Accepts'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...verdicts.map((v) => h('tr', { class: v.accepts ? 'yes' : 'no' },
        h('th', { scope: 'row' }, actorName(v.actor)), h('td', {}, fmt(v.utility, 3)), h('td', {}, fmt(v.alternative, 3)), h('td', {}, fmt(v.gain, 3)),
        h('td', {}, (v.crossed ?? []).map((c: any) => `${c.issue} ${c.red_line}`).join('; ')),
        h('td', {}, v.accepts ? '✓ yes' : '✗ no'))))))
}

init()
