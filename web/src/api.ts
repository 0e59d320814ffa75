// Types and calls of Parley's HTTP API (see /api/openapi.json).

export type Range = [number, number]
export interface Anchor { value: number; label: string }
export interface Issue { id: string; name: string; description?: string; scale?: { min: number; max: number }; anchors?: Anchor[]; reference?: number }
export interface Actor { id: string; name: string; description?: string; capability: number; capability_range?: Range; capability_note?: string }
export interface Evidence { source: string; quote: string; date?: string; note?: string }
export interface Stance {
  actor: string; issue: string; position: number; salience: number
  range?: { position?: Range; salience?: Range }
  evidence?: Evidence[]; assumed?: string; note?: string
}
export interface Source { id: string; title?: string; publisher?: string; date?: string; file?: string; url?: string }
export interface Snapshot { date: string; label?: string; description?: string }
export interface Variant { id: string; name?: string; description?: string }
export interface Scenario {
  metadata: { id: string; title: string; description?: string; as_of: string; salience_scale?: number; sources?: Source[] }
  issues: Issue[]; actors: Actor[]; stances: Stance[]; snapshots?: Snapshot[]; variants?: Variant[]
}
export interface Diagnostic { path: string; file?: string; line?: number; column?: number; message: string; valid?: string; warning?: boolean }
export interface ScenarioView { id: string; version: number; name: string; format: string; scenario: Scenario; warnings: Diagnostic[] }
export interface Record { id: string; version: number; name: string }
export interface ModelInfo { name: string; summary: string; default: boolean }
export interface Round { round: number; positions: (number | null)[]; forecast: number | null }
export interface IssueResult { issue: string; forecast: number | null; rounds?: Round[] }
export interface ModelResult { model: string; error?: string; notes?: string[]; issues: IssueResult[] }
export interface ForecastResult { as_of: string; snapshot: string; variant?: string; actors: string[]; issues: string[]; models: ModelResult[] }
export interface Run<R = unknown> { id: string; kind: string; status: string; progress: number; result?: R; error?: string; input_hash: string; seed: number }
export interface Bin { low: number; high: number; count: number }
export interface SweepIssue { issue: string; name: string; base: number; mean: number; sd: number; median: number; lo80: number; hi80: number; lo95: number; hi95: number; histogram: Bin[] }
export interface SweepResult { models: { model: string; draws: number; seed: number; distribution: string; issues: SweepIssue[] }[] }
export interface Swing { input: { kind: string; actor: string; issue?: string; low: number; value: number; high: number }; forecast_at_low: number; forecast_at_high: number; swing: number; variance_share: number }
export interface SensitivityResult { models: { model: string; issues: { issue: string; name: string; base: number; swings: Swing[] }[] }[] }
export class APIError extends Error {
  constructor(public status: number, message: string, public diagnostics: Diagnostic[] = []) { super(message) }
}

function token(): string | null { return sessionStorage.getItem('parley-token') }

async function call<T>(method: string, path: string, body?: unknown, headers: { [k: string]: string } = {}): Promise<T> {
  const h: { [k: string]: string } = { ...headers }
  const t = token()
  if (t) h['Authorization'] = 'Bearer ' + t
  let data: BodyInit | undefined
  if (body !== undefined) {
    if (typeof body === 'string') { data = body } else { data = JSON.stringify(body); h['Content-Type'] = 'application/json' }
  }
  const res = await fetch(path, { method, headers: h, body: data })
  const text = await res.text()
  let json: any = null
  try { json = text ? JSON.parse(text) : null } catch { /* not JSON */ }
  if (!res.ok) {
    if (res.status === 401) {
      const t = window.prompt('This server needs its access token (PARLEY_TOKEN) for changes:')
      if (t) { sessionStorage.setItem('parley-token', t); return call(method, path, body, headers) }
    }
    throw new APIError(res.status, json?.error ?? `${res.status} ${res.statusText}`, json?.diagnostics ?? [])
  }
  return json as T
}

export const api = {
  models: () => call<ModelInfo[]>('GET', '/api/models'),
  kinds: () => call<string[]>('GET', '/api/kinds'),
  scenarios: () => call<Record[]>('GET', '/api/scenarios'),
  scenario: (id: string) => call<ScenarioView>('GET', `/api/scenarios/${enc(id)}`),
  resolved: (id: string, snapshot: string, variant: string) =>
    call<{ scenario: Scenario }>('GET', `/api/scenarios/${enc(id)}/resolved?snapshot=${enc(snapshot)}&variant=${enc(variant)}`),
  patchStance: (id: string, actor: string, issue: string, patch: object) =>
    call<ScenarioView>('PATCH', `/api/scenarios/${enc(id)}/stances/${enc(actor)}/${enc(issue)}`, patch),
  forecast: (id: string, req: object) => call<Run<ForecastResult>>('POST', `/api/scenarios/${enc(id)}/forecast`, req),
  start: (id: string, req: object) => call<Run>('POST', `/api/scenarios/${enc(id)}/runs`, req),
  run: <R>(id: string) => call<Run<R>>('GET', `/api/runs/${enc(id)}`),
  cancel: (id: string) => call<Run>('POST', `/api/runs/${enc(id)}/cancel`),
}

function enc(s: string): string { return encodeURIComponent(s) }

// follow streams a run's progress and resolves with the finished run.
export function follow<R>(id: string, progress: (done: number, total: number) => void): Promise<Run<R>> {
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
    es.onerror = () => {
      es.close()
      api.run<R>(id).then((r) => (r.status === 'running' || r.status === 'queued' ? reject(new Error('lost the progress stream')) : resolve(r)), reject)
    }
  })
}
