// The Evidence view: the evidence coverage (share of capability × salience
// resting on quotes, per actor, per issue, at each snapshot, and the
// capabilities, red lines and reservations quoted), a browser of every
// quote (a stance's, a capability's, a red line's, a reservation's, a
// proposal's) by source, kind, actor and issue with the quote highlighted in its
// source's text, and the review screen of `parley ingest`: draft evidence
// from documents, keep or delete each entry, merge the kept ones into a
// new snapshot. Everything shown comes from the API (answer.Evidence,
// answer.IngestReview); the page only draws it.
import { call, APIError, savedApplied } from './api'
import type { ScenarioView, Diagnostic } from './api'
import { h, fmt, noNumber, plural, plainNumber } from './util'

// head_text heads the share's row as every door does (ask.CoverageRowHead:
// "actor United States"; "overall"); absent from an answer stored before
// the answers carried it.
// counts_text says what the row's quotes support, number by number
// (ask.CoverageCounts).
export interface CoverageShare {
  id?: string; name?: string; quoted: number; assumed: number; unsupported: number; share: number; stances: number; quotes: number; head_text?: string; share_text?: string
  positions?: number; positions_shared?: number; saliences?: number; capabilities?: CoverageCapabilities; counts_text?: string
}
export interface CoverageCapabilities { actors: number; quoted: number; assumed: number }
export interface CoverageBacking { stated: number; quoted: number; assumed: number }
export interface Coverage {
  snapshot: string; overall: CoverageShare; actors: CoverageShare[]; issues: CoverageShare[]; capabilities: CoverageCapabilities
  red_lines: CoverageBacking; reservations: CoverageBacking
  // headline is evidence.Headline: what rests on quotes, each kind apart
  headline: string
  // unquoted is evidence.Unquoted: what the capabilities, red lines and
  // reservations not quoted rest on, one line a kind; none when all are
  unquoted?: string[]
}
// short_title: the title as a list of quotes names the source
// (ask.SourceShortTitle).
export interface EvidenceSource { id: string; title?: string; short_title?: string; publisher?: string; date?: string; file?: string; url?: string; sha256?: string; status: string; text?: string }
export interface EvidenceItem {
  path: string; snapshot: string; kind: 'stance' | 'capability' | 'red_line' | 'reservation' | 'proposal' | 'outcome'; actor: string; issue: string; proposal?: string
  source: string; quote: string; date?: string; note?: string; found: boolean | null; start: number; end: number
  // who_text, snapshot_text, source_text: what the quote speaks for, where
  // it is recorded and its source, by names (ask's evidenceNames); absent
  // from an answer stored before they were carried.
  who_text?: string; snapshot_text?: string; source_text?: string
  // date_text labels the quote's date as the drawer does; found_text
  // says when it was not found or not compared; shared_text with whom
  // other actors' stances share it.
  date_text?: string; found_text?: string; shared_text?: string
}
// unchecked_text says why the quotes were not compared with their
// sources when no source text was read (ask.EvidenceUnchecked).
export interface Evidence { id: string; title: string; sources_checked: boolean; sources: EvidenceSource[]; items: EvidenceItem[]; coverage: Coverage[]; warnings: string[]; unchecked_text?: string }
export interface IngestEntry {
  actor: string; issue: string; evidence: { source: string; quote: string; date?: string; note?: string }
  position?: number; salience?: number; option?: number; option_label?: string; words?: string[]; score: number; line: number
}
export interface IngestReview { scenario: string; date: string; sources?: { id: string; title?: string; date?: string; file?: string; sha256?: string }[]; entries: IngestEntry[]; warnings?: string[] }

const enc = encodeURIComponent

// renderEvidence draws the view into box for the scenario sv; saved is
// called with the scenario's id and what the status line says of the
// merge (savedApplied: what was applied, and the save's notes) after the
// review is merged.
// issue, when given, is the issue whose quotes the browser lists first
// (its Issue filter chosen), as the forecast table's issue links ask.
export async function renderEvidence(box: HTMLElement, sv: ScenarioView, saved: (id: string, said: string) => void, issue = ''): Promise<void> {
  const note = h('p', { class: 'hint' }, 'Loading the evidence…')
  box.replaceChildren(note)
  let ev: Evidence
  try {
    ev = await call<Evidence>('GET', `/api/scenarios/${enc(sv.id)}/evidence`)
  } catch (e) {
    note.textContent = String(e instanceof APIError ? e.message : e)
    return
  }
  box.replaceChildren(
    h('section', { class: 'card', 'data-testid': 'coverage' }, h('h2', {}, 'Evidence coverage'), coverageView(ev)),
    h('section', { class: 'card', 'data-testid': 'evidence-browser' }, h('h2', {}, 'Evidence'), browser(ev, sv, issue)),
    h('section', { class: 'card', 'data-testid': 'ingest' }, h('h2', {}, 'Draft evidence from documents'), ingestView(sv, saved)),
  )
}

function bar(s: CoverageShare): HTMLElement {
  const total = s.quoted + s.assumed + s.unsupported
  const w = (x: number) => `${total > 0 ? (100 * x) / total : 0}%`
  return h('div', { class: 'covbar', title: `quoted ${fmt(s.quoted, 1)} · assumed ${fmt(s.assumed, 1)} · neither ${fmt(s.unsupported, 1)} (capability × salience)` },
    h('span', { class: 'quoted', style: `width:${w(s.quoted)}` }),
    h('span', { class: 'assumed', style: `width:${w(s.assumed)}` }),
    h('span', { class: 'unsupported', style: `width:${w(s.unsupported)}` }))
}

// rowHead heads a coverage row with the words the answer carries; an
// answer stored before it carried them, with the actor's or issue's name
// (its id where it has none), and the overall row by its field's name
// (docs/DECISIONS.md, texts24x).
function rowHead(s: CoverageShare, plain: string): string { return s.head_text ?? (s.name || s.id || plain) }

function coverageView(ev: Evidence): HTMLElement {
  const out = h('div', {})
  if (!ev.coverage.length) return h('p', { class: 'hint' }, 'No stances to measure.')
  const sel = h('select', { id: 'coverage-snapshot', 'aria-label': 'Snapshot' },
    ...ev.coverage.map((c, i) => h('option', { value: String(i), selected: i === ev.coverage.length - 1 }, c.snapshot))) as HTMLSelectElement
  const table = h('div', {})
  const headline = h('p', { 'data-testid': 'coverage-headline' })
  const unquoted = h('p', { 'data-testid': 'coverage-unquoted' })
  const draw = () => {
    const c = ev.coverage[Number(sel.value)]
    headline.textContent = `${c.snapshot}: ${c.headline}`
    unquoted.textContent = (c.unquoted ?? []).join(' ')
    const row = (label: string, s: CoverageShare) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, s.share_text ?? plainNumber(s.share)), h('td', {}, bar(s)), h('td', {}, s.counts_text ?? `${s.quotes} of ${s.stances} stances quoted`))
    table.replaceChildren(h('table', { class: 'coverage' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'Quoted'), h('th', {}, 'quoted · assumed · neither'), h('th', {}, ''))),
      h('tbody', { 'data-testid': 'coverage-rows' }, ...c.actors.map((a) => row(rowHead(a, ''), a)),
        ...c.issues.map((i) => row(rowHead(i, ''), i)), row(rowHead(c.overall, 'overall'), c.overall))))
  }
  sel.onchange = draw
  draw()
  out.append(h('p', { class: 'hint' }, 'What rests on quotes, each kind apart; the table weighs the stances by capability × salience. ',
    h('label', { for: 'coverage-snapshot' }, 'At '), sel), headline, table, unquoted)
  if (ev.unchecked_text) out.append(h('p', { class: 'hint', 'data-testid': 'coverage-unchecked' }, ev.unchecked_text))
  return out
}

// whose says what a quote speaks for, by ids, for an answer stored
// before the items carried who_text: a stance, a capability, a red line,
// a reservation, a proposal, an outcome.
function whose(it: EvidenceItem): string {
  if (it.kind === 'capability') return `${it.actor}'s capability`
  if (it.kind === 'red_line') return `${it.actor}'s red line on ${it.issue}`
  if (it.kind === 'reservation') return `${it.actor}'s reservation`
  if (it.kind === 'proposal') return `proposal ${it.proposal ?? ''}`
  if (it.kind === 'outcome') return `outcome on ${it.issue}`
  return `${it.actor} · ${it.issue}`
}

// kindNames are the readable names of what a quote speaks for.
const kindNames: { [kind: string]: string } = { stance: 'stance', capability: 'capability', red_line: 'red line', reservation: 'reservation', proposal: 'proposal', outcome: 'outcome' }

function browser(ev: Evidence, sv: ScenarioView, issue: string): HTMLElement {
  const uniq = (xs: string[]) => [...new Set(xs)].sort()
  // The filters name actors, issues and sources as the cards do; their
  // values stay the ids.
  const named = (xs: { id: string; name?: string }[]) => (id: string) => xs.find((x) => x.id === id)?.name || id
  const actorName = named([...sv.scenario.actors, ...(sv.scenario.snapshots ?? []).flatMap((x) => x.add_actors ?? []), ...(sv.scenario.variants ?? []).flatMap((x) => x.add_actors ?? [])])
  const issueName = named(sv.scenario.issues)
  const sourceName = (id: string) => { const x = ev.sources.find((s) => s.id === id); return x?.short_title || x?.title || id }
  const pick = (id: string, label: string, values: string[], name: (v: string) => string = (v) => v) =>
    h('label', { for: id }, label + ' ', h('select', { id }, h('option', { value: '' }, 'all'), ...values.map((v) => h('option', { value: v }, name(v)))))
  const filters = h('div', { class: 'filters' },
    pick('ev-source', 'Source', ev.sources.map((s) => s.id), sourceName), pick('ev-kind', 'Of', uniq(ev.items.map((i) => i.kind)), (k) => kindNames[k] ?? k),
    pick('ev-actor', 'Actor', uniq(ev.items.map((i) => i.actor).filter((x) => x)), actorName), pick('ev-issue', 'Issue', uniq(ev.items.map((i) => i.issue).filter((x) => x)), issueName))
  const list = h('ul', { class: 'evidence-list' })
  const text = h('div', { class: 'source-text', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Choose a quote to see it in its source.'))
  const val = (id: string) => (filters.querySelector('#' + id) as HTMLSelectElement).value
  const srcOf = (ref: string) => ev.sources.find((s) => s.id === ref || s.file === ref)
  const open = (it: EvidenceItem) => {
    const src = srcOf(it.source)
    if (!src?.text) {
      text.replaceChildren(h('p', { class: 'hint' }, `The text of ${it.source_text ?? it.source} is not available (${src?.status ?? 'unknown source'}).`))
      return
    }
    const chars = Array.from(src.text)
    const head = h('p', {}, h('strong', {}, src.title ?? src.id), src.date ? ` (${src.date})` : '', src.file ? ` · ${src.file}` : '')
    if (it.start < 0) {
      text.replaceChildren(head, h('p', { class: 'error' }, 'This quote was not found in the source.'), h('pre', {}, src.text))
      return
    }
    const mark = h('mark', {}, chars.slice(it.start, it.end).join(''))
    text.replaceChildren(head, h('pre', {}, chars.slice(0, it.start).join(''), mark, chars.slice(it.end).join('')))
    mark.scrollIntoView({ block: 'center' })
  }
  const draw = () => {
    const s = val('ev-source'), k = val('ev-kind'), a = val('ev-actor'), i = val('ev-issue')
    const items = ev.items.filter((it) => (!s || srcOf(it.source)?.id === s) && (!k || it.kind === k) && (!a || it.actor === a) && (!i || it.issue === i))
    list.replaceChildren(...items.map((it) => {
      const parts = [it.who_text ?? whose(it), it.snapshot_text ?? (it.snapshot || 'base'), it.source_text ?? it.source, it.date_text, it.shared_text, it.found_text].filter((x) => x)
      const b = h('button', { type: 'button', class: 'quote' + (it.found === false ? ' missing' : '') },
        h('span', { class: 'who' }, parts.join(' · ')),
        h('q', {}, it.quote))
      b.onclick = () => open(it)
      return h('li', {}, b)
    }))
    if (!items.length) list.append(h('li', { class: 'hint' }, 'No quote matches.'))
  }
  for (const id of ['ev-source', 'ev-kind', 'ev-actor', 'ev-issue']) (filters.querySelector('#' + id) as HTMLSelectElement).onchange = draw
  if (issue) (filters.querySelector('#ev-issue') as HTMLSelectElement).value = issue
  draw()
  const warn = ev.warnings.length ? h('details', {}, h('summary', {}, plural(ev.warnings.length, 'warning')), h('ul', {}, ...ev.warnings.map((w) => h('li', {}, w)))) : null
  return h('div', {}, filters, warn, h('div', { class: 'evidence-split' }, list, text))
}

function ingestView(sv: ScenarioView, saved: (id: string, said: string) => void): HTMLElement {
  const name = h('input', { id: 'ingest-name', value: 'document.txt', size: 24 }) as HTMLInputElement
  const area = h('textarea', { id: 'ingest-text', rows: 8, cols: 80, placeholder: 'Paste an article (text, Markdown or HTML), or choose files below.' }) as HTMLTextAreaElement
  const files = h('input', { id: 'ingest-files', type: 'file', multiple: true, accept: '.txt,.md,.markdown,.html,.htm' }) as HTMLInputElement
  const go = h('button', { type: 'button' }, 'Draft evidence') as HTMLButtonElement
  const out = h('div', {})
  go.onclick = async () => {
    const docs: { name: string; text: string }[] = []
    for (const f of Array.from(files.files ?? [])) docs.push({ name: f.name, text: await f.text() })
    if (area.value.trim()) docs.push({ name: name.value || 'document.txt', text: area.value })
    if (!docs.length) { out.replaceChildren(h('p', { class: 'error' }, 'Paste a document or choose a file first.')); return }
    try {
      const rev = await call<IngestReview>('POST', `/api/scenarios/${enc(sv.id)}/ingest/review`, { documents: docs })
      out.replaceChildren(review(sv, rev, saved))
    } catch (e) { out.replaceChildren(h('p', { class: 'error' }, String(e instanceof APIError ? e.message : e))) }
  }
  return h('div', {}, h('p', { class: 'hint' }, 'Candidates are drafted offline from the scenario\'s actors (names, aliases, mentions) and issues (keywords, names, option labels). Nothing is saved until you keep entries and apply them as a new snapshot.'),
    h('p', {}, h('label', { for: 'ingest-name' }, 'Name '), name), area, h('p', {}, h('label', { for: 'ingest-files' }, 'Files '), files, ' ', go), out)
}

function review(sv: ScenarioView, rev: IngestReview, saved: (id: string, said: string) => void): HTMLElement {
  // The answer's warnings (why no candidate was found, and what to do),
  // as every door prints them.
  const warns = rev.warnings?.length ? h('ul', { class: 'warn', 'data-testid': 'ingest-warnings' }, ...rev.warnings.map((w) => h('li', {}, w))) : null
  if (!rev.entries.length) return h('div', {}, h('p', { class: 'hint' }, 'No candidate found.'), warns)
  const keep = rev.entries.map(() => false)
  const date = h('input', { id: 'ingest-date', value: rev.date, size: 10 }) as HTMLInputElement
  const apply = h('button', { type: 'button' }, 'Apply the kept entries as a new snapshot') as HTMLButtonElement
  const msg = h('div', { 'aria-live': 'polite' })
  const rows = rev.entries.map((e, i) => {
    const cb = h('input', { type: 'checkbox', id: `keep-${i}`, 'aria-label': `keep entry ${i + 1}` }) as HTMLInputElement
    cb.onchange = () => { keep[i] = cb.checked }
    return h('tr', {}, h('td', {}, cb), h('td', {}, fmt(e.score, 1)), h('td', {}, e.actor), h('td', {}, e.issue),
      h('td', {}, e.option !== undefined ? `${e.option} ${e.option_label ?? ''}${e.words?.length ? ' (' + e.words.join(', ') + ')' : ''}` : noNumber),
      h('td', {}, h('q', {}, e.evidence.quote), h('small', {}, ` ${e.evidence.source}:${e.line}${e.evidence.date ? ' · ' + e.evidence.date : ''}`)))
  })
  apply.onclick = async () => {
    const kept = { ...rev, entries: rev.entries.filter((_, i) => keep[i]) }
    if (!kept.entries.length) { msg.replaceChildren(h('p', { class: 'error' }, 'Keep at least one entry.')); return }
    try {
      const done = await call<ScenarioView>('POST', `/api/scenarios/${enc(sv.id)}/ingest/apply?date=${enc(date.value)}`, kept, { 'If-Match': String(sv.version) })
      saved(sv.id, savedApplied(done))
    } catch (e) {
      const ds: Diagnostic[] = e instanceof APIError ? e.diagnostics : []
      msg.replaceChildren(h('p', { class: 'error' }, String(e instanceof APIError ? e.message : e)), ...ds.map((d) => h('p', { class: 'error' }, `${d.path}: ${d.message}`)))
    }
  }
  return h('div', {}, h('table', { class: 'review' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Keep'), h('th', {}, 'Score'), h('th', {}, 'Actor'), h('th', {}, 'Issue'), h('th', {}, 'Suggested option'), h('th', {}, 'Quote'))),
    h('tbody', {}, ...rows)), warns, h('p', {}, h('label', { for: 'ingest-date' }, 'Snapshot date '), date, ' ', apply), msg)
}
