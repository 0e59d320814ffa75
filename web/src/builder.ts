// The Build view: a scenario builder. It edits the scenario file as JSON
// (the "scenario" of GET /api/scenarios/{id}) — metadata and sources,
// issues with their labelled options and decision rules, actors, stances
// with their quotes, snapshots, variants, proposals and outcomes — and
// saves it through the server
// (PUT …/document; POST /api/scenarios for a new one), which validates it
// with the command line's code and writes it over the stored file in its
// own format, keeping a YAML file's comments. What the server finds wrong
// is shown beside the field it names, in words (diagnostics.ts); nothing
// is checked here that the server does not check. New scenarios start
// blank or from an uploaded file in any format import reads (a file the
// server refuses has its problems listed under the upload); the saved
// scenario downloads as its file, in a peer tool's format, or as the
// one-page brief. Renaming an id carries its references along (rename);
// removing an item removes what names it, after asking, or is refused
// with the reason (removal.ts); taking an actor's alias away names it by
// its id where the file named it by the alias (unalias).
import { api, download, APIError, savedNotes, defaults } from './api'
import type { Scenario, ScenarioView, Diagnostic, Evidence, Changes, FormatInfo, Actor, Proposal, Issue, Decision, Version, Deleted } from './api'
import { h, errorText, rangeJoin, plural, isAre, plainNum } from './util'
import { describe, message, sentence, actorName, issueName, kind, mark, counted } from './diagnostics'
import { parsePath, getPath, setPath } from './paths'
import { resolves, scopeOf, actorsIn, proposalsIn, reach, allActors, changesOf, actorEntries } from './scopes'
import { removal, votes, naming, company } from './removal'
import { itemPaths, keepNotes } from './carry'

// BuildContext is what the page gives the view.
export interface BuildContext {
  // sv is the scenario loaded in the page, null when there is none.
  sv: ScenarioView | null
  snapshot: string
  variant: string
  status: (msg: string, error?: boolean) => void
  // opened loads a scenario just saved, created or uploaded in the page.
  opened: (sv: ScenarioView) => Promise<void>
  // deleted tells the page a scenario is gone.
  deleted: (id: string) => Promise<void>
  // relist lists the stored scenarios afresh in the page's scenario list,
  // the one shown still chosen: one restored elsewhere joins it.
  relist: () => Promise<void>
  // editingNew tells the page whether the builder edits a new scenario
  // not saved yet, for its header to say so rather than name the stored
  // one still chosen there.
  editingNew: (on: boolean) => void
}

// Draft is the scenario being edited: id null for a new one not saved yet.
// pristine is the document as it was loaded, or as a blank draft starts
// (canonical), which edited compares it with. refused is a file whose
// upload the server refused, with its problems: they are the file's, not
// the draft's, so they are listed apart.
interface Draft {
  id: string | null; version: number; title: string; doc: Scenario; diags: Diagnostic[]; pristine: string
  refused?: { name: string; diags: Diagnostic[] }
}

// unread is the scenario the page knows nothing of: a refused upload's
// problems are said with it, by place ("Issue 1") and line, since the
// names in the file (YAML, or a peer tool's) never reach the page.
const unread: Scenario = { metadata: { id: '', title: '', as_of: '' }, issues: [], actors: [], stances: [] }

let draft: Draft | null = null
// openMore holds the actors (by path) whose folded fields are open, so
// that they stay open when the view is drawn again (a quote added).
const openMore = new Set<string>()
// emptied holds, per item (an issue, actor, source, proposal), the id
// (or file) its field held before it was emptied or given another
// item's, which what names the item by it still waits for (waiting):
// the field's own record of it (data-was) is drawn again from the
// document when the view is.
const emptied = new WeakMap<object, { [field: string]: string }>()
// mistakes holds, per item, the id (or file) its field was given when
// that was another item's (taken), while it still has it: the item owns
// nothing by it (what names the id is the other's, or waits for it), so
// a rename from it carries nothing, and claimed does not count it.
const mistakes = new WeakMap<object, { [field: string]: string }>()
const byMistake = (x: any, f: string, id: string) => !!id && mistakes.get(x)?.[f] === id
// noteMistake records that item's field f has id by mistake, or, with
// id '', that it no longer has one: the field's record goes, and the
// item's with its last, so that an id typed by mistake and typed back
// leaves nothing behind (it left a record of '' that matched nothing).
function noteMistake(item: object, f: string, id: string) {
  const rec = { ...mistakes.get(item) }
  if (id) rec[f] = id
  else delete rec[f]
  if (Object.keys(rec).length) mistakes.set(item, rec)
  else mistakes.delete(item)
}
// drawnDoc is the document each view was last drawn from: a field typed
// in when it is drawn again keeps what it had on record only for the
// same document (draw).
const drawnDoc = new WeakMap<HTMLElement, Scenario>()
// drawing says a view is being replaced: its fields leaving the page are
// not left by the person.
let drawing = false
// formats are the formats an upload may be in (GET /api/formats), null
// until they come.
let formats: FormatInfo[] | null = null
// deletedOpen is whether the list of deleted scenarios is open: it stays
// open when the view is drawn again (after a delete, on the scenario
// shown next, where the one deleted is then listed).
let deletedOpen = false
// deletedFetch is the list of deleted scenarios as last asked of the
// server (GET /api/scenarios/deleted), null when it is to be asked
// again: when the list is opened, and after a change made here (a
// delete, a restore, a purge). A redraw of the view, which comes with
// every item added or removed, draws the list from it, without a
// request.
let deletedFetch: Promise<Deleted[]> | null = null

// removeNames names the item each remove button removes, as it is now:
// its label follows what is typed (relabel), so that a new actor's
// button, drawn before it has a name, and a renamed one's say the name
// the person sees.
const removeNames = new WeakMap<HTMLElement, () => string>()
// labelField matches the paths of the fields a remove button's name is
// made of (remove): ids, names, dates, a stance's or an outcome's actor
// and issue, and an actor's aliases (a stance may name its actor by one).
const labelField = /\.(id|name|date|actor|issue|aliases)$/

// relabelled are the boxes whose remove buttons relabel listens for.
const relabelled = new WeakSet<HTMLElement>()

// relabel names each remove button in box by its item as it is now.
function relabel(box: HTMLElement) {
  for (const b of box.querySelectorAll<HTMLElement>('button[data-remove]')) {
    const named = removeNames.get(b)
    if (!named) continue
    const label = `Remove ${named()}`
    if (b.getAttribute('aria-label') !== label) { b.setAttribute('aria-label', label); b.title = label }
  }
}

// openItems are the items whose folds are open, each with its path
// now, to be found again after an edit moves them (reopen).
function openItems(doc: Scenario): [string, unknown][] {
  return [...openMore].map((k): [string, unknown] => [k, getPath(doc, k)]).filter(([, x]) => x !== null && typeof x === 'object')
}

// reopen keeps the folds open on the items they were open on before an
// edit (openItems), at the paths those items have now: a removal moves up
// the items after it in its list, and in the other lists it takes items
// from (an actor's removal takes its changes out of the snapshots and
// variants); the items gone take their folds with them.
function reopen(doc: Scenario, open: [string, unknown][]) {
  const at = itemPaths(doc)
  openMore.clear()
  for (const [, x] of open) {
    const p = at.get(x)
    if (p !== undefined) openMore.add(p)
  }
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x))

// nth is the place, from 1, of the item at path in its list.
const nth = (path: string) => (parsePath(path).pop() as number) + 1

// The view's sections, by their paths (the document's keys they draw).
const sections = ['metadata', 'issues', 'actors', 'stances', 'snapshots', 'variants', 'proposals', 'outcomes'] as const

// Shape is what takeOut compares before and after a removal: the names
// the view lists in its choices and rows wherever it draws them (names),
// each section's part of the document (text), and the item's section
// with the item alone taken out of its list (alone).
interface Shape { names: string; text: Map<string, string>; alone: string }

// names is what of doc the view draws outside the item that has it: the
// sources, issues and actors (every scope's) with the names, scales and
// aliases the menus, rows and hints show, and each scope's proposals.
function names(doc: Scenario): string {
  const scopes = ['', ...changesOf(doc).map(([, sc]) => sc)]
  const actor = (a: Actor) => [a.id, a.name, a.aliases]
  return JSON.stringify([(doc.metadata.sources ?? []).map((x) => [x.id, x.title, x.file]), doc.issues.map((i) => [i.id, i.name, i.scale]),
    doc.metadata.salience_scale, everyActor(doc).map(actor),
    scopes.map((sc) => [sc, actorsIn(doc, sc).map(actor), [...proposalsIn(doc, sc)], [...proposalsIn(doc, sc, false)]])])
}

// shapeOf is doc's Shape before the removal of the item at path.
function shapeOf(doc: Scenario, path: string): Shape {
  const text = new Map(sections.map((k) => [k, JSON.stringify((doc as any)[k]) ?? '']))
  const segs = parsePath(path)
  const list = getPath(doc, path.replace(/\[\d+\]$/, ''))
  const at = segs[segs.length - 1]
  let alone = ''
  if (Array.isArray(list) && typeof at === 'number' && at < list.length) {
    const [x] = list.splice(at, 1)
    alone = JSON.stringify((doc as any)[segs[0]]) ?? ''
    list.splice(at, 0, x)
  }
  return { names: names(doc), text, alone }
}

// takeOut updates the view after the item at path was removed from doc
// (before is the shape the document had), in place, when the removal
// left the names the view lists as they were: the item's element goes,
// the paths of the items after it in its list move up one, the sections
// of the document the removal changed besides are drawn again (draw),
// and the diagnostics go (the positions they name no longer hold) but
// the notes still true, drawn again at their items (keepNotes). The
// rest of the view stays the elements it was, with what is typed in
// them, their folds, the focus and the scroll: drawing the whole
// built-in case again took a second or more per click. It reports
// whether it did; else the view is to be drawn again whole (an actor,
// issue, source or proposal removed, whose names the menus list).
function takeOut(box: HTMLElement, ctx: BuildContext, doc: Scenario, path: string, before: Shape): boolean {
  const segs = parsePath(path)
  const top = segs[0], at = segs[segs.length - 1]
  // The cheap checks first: the path's, the item's element's, the names'
  // and the item's own section's, each section's text (the rest of the
  // document's) only once the removal can be made in place.
  if (typeof top !== 'string' || typeof at !== 'number' || !before.alone) return false
  const el = box.querySelector<HTMLElement>(`:scope > section [data-path="${CSS.escape(path)}"]`)
  if (!el || el.matches('[data-kind]')) return false
  if (names(doc) !== before.names || (JSON.stringify((doc as any)[top]) ?? '') !== before.alone) return false
  const changed = sections.filter((k) => k !== top && (JSON.stringify((doc as any)[k]) ?? '') !== before.text.get(k))
  el.remove()
  renumber(box, doc, path.replace(/\[\d+\]$/, ''), at)
  const unshown = remark(box, draft!.diags, doc)
  relabel(box)
  draw(box, ctx, changed)
  // The notes kept that were not shown as they are now, in the sections
  // not drawn again (draw marks those of the sections it draws).
  showDiagnostics(box, unshown.filter((x) => !(changed as readonly string[]).includes(String(parsePath(x.path)[0]))), doc)
  return true
}

// pathAttrs are the attributes of the view's elements that hold a path
// of the document (data-path, data-add…, and a diagnostic's data-for).
const pathAttrs = ['path', 'add', 'remove', 'more', 'scale', 'issues', 'decision', 'for', 'scope'] as const

// renumber moves up one the paths in box of the items of the list at
// list (a full path) after the one at gone, which was removed: an
// element of the item that was list[5] is list[4]'s now. An add
// button's label, which describes its list by the item's place, is
// said again.
function renumber(box: HTMLElement, doc: Scenario, list: string, gone: number) {
  const pre = list + '['
  const moved = (v: string) => {
    if (!v.startsWith(pre)) return v
    const m = /^(\d+)\]/.exec(v.slice(pre.length))
    if (!m || Number(m[1]) <= gone) return v
    return pre + (Number(m[1]) - 1) + v.slice(pre.length + m[1].length)
  }
  const sel = pathAttrs.map((a) => `[data-${a}^="${CSS.escape(pre)}"]`).join(',')
  for (const el of box.querySelectorAll<HTMLElement>(sel)) {
    for (const a of pathAttrs) {
      const v = el.dataset[a]
      if (v === undefined || moved(v) === v) continue
      el.dataset[a] = moved(v)
      if (a === 'add') el.setAttribute('aria-label', `Add to ${describe(el.dataset.add!, doc).toLowerCase()}`)
    }
  }
}


// canonical is a document as JSON with every mapping's keys sorted, so
// that two documents saying the same compare equal, whatever the order
// their fields were written in (a field emptied and typed again moves to
// the end of its mapping). Each mapping's and list's text is kept
// (canonCache) until the document is changed by other than a letter
// typed: a letter typed changes only the objects on its field's path
// (typed), so the text of the rest is not made again, and a keystroke
// in the built-in case costs a few hundred characters of JSON instead
// of the whole file's, twice (about 9 ms of every keystroke under load).
// keep says the cache holds for doc (only letters typed since it was
// last made whole); without it the cache is dropped and made again.
function canonical(doc: Scenario, keep = false): string {
  if (!keep) canonCache = new WeakMap()
  return canon(doc) ?? 'null'
}

// canonCache is the canonical text of each object of the document, as
// canonical last made it.
let canonCache = new WeakMap<object, string>()

// canon is x as canonical JSON (keys sorted as Array.sort sorts them),
// undefined for what JSON leaves out (an undefined field).
function canon(x: unknown): string | undefined {
  if (x === null || typeof x !== 'object') return JSON.stringify(x)
  let s = canonCache.get(x)
  if (s !== undefined) return s
  if (Array.isArray(x)) s = '[' + x.map((v) => canon(v) ?? 'null').join(',') + ']'
  else {
    const o = x as { [k: string]: unknown }
    s = '{' + Object.keys(o).sort().flatMap((k) => { const v = canon(o[k]); return v === undefined ? [] : [JSON.stringify(k) + ':' + v] }).join(',') + '}'
  }
  canonCache.set(x, s)
  return s
}

// typed drops from canonCache the objects on the path of the field at
// path, a letter typed in which has changed them (wire), so that
// canonical with keep makes their text again and reuses the rest's.
function typed(doc: Scenario, path: string) {
  let cur: any = doc
  for (const seg of [undefined, ...parsePath(path, doc)]) {
    if (seg !== undefined) cur = cur?.[seg]
    if (cur === null || typeof cur !== 'object') return
    canonCache.delete(cur)
  }
}

function fromView(sv: ScenarioView): Draft {
  const doc = clone(sv.scenario)
  return { id: sv.id, version: sv.version, title: sv.name, doc, diags: sv.warnings.map((w) => ({ ...w, warning: true })), pristine: canonical(doc) }
}

function blank(): Draft {
  const today = new Date().toISOString().slice(0, 10)
  const doc: Scenario = { metadata: { id: '', title: '', as_of: today }, issues: [], actors: [], stances: [] }
  return { id: null, version: 0, title: '', doc, diags: [], pristine: canonical(doc) }
}

// edited reports whether the draft's document differs from the one it
// started from: the stored scenario as loaded, or the blank one. An edit
// undone is no edit; a blank draft nobody has touched has nothing to lose.
function edited(d: Draft, keep = false): boolean { return canonical(d.doc, keep) !== d.pristine }

// unsaved reports whether the builder holds edits not saved yet, which
// replacing the draft (another scenario, an upload, a new blank one)
// would lose.
export function unsaved(): boolean { return !!draft && edited(draft) }

// startBlank makes the builder's draft a new, empty scenario.
export function startBlank() { draft = blank() }

// The export formats of GET …/export?to= (the route's summary lists them).
const peerFormats: [string, string][] = [
  ['ktab-csv', 'KTAB CSV'], ['ktab-xml', 'KTAB XML'], ['decide', 'Decide'], ['bdm-csv', 'BDM CSV (one issue)'], ['schelling', 'Schelling JSON'],
]

// renderBuilder draws the view into box.
export function renderBuilder(box: HTMLElement, ctx: BuildContext) {
  const sv = ctx.sv
  if (!draft || (draft.id !== null && (!sv || draft.id !== sv.id || (!edited(draft) && draft.version !== sv.version)))) draft = sv ? fromView(sv) : blank()
  draw(box, ctx)
  if (!formats) api.formats().then((f) => { formats = f; showFormats(box) }, () => { formats = [] })
}

// formatOptions are the upload's choices of format: detect it, or one of
// the formats.
function formatOptions(): HTMLElement[] {
  return [h('option', { value: '' }, 'detect the format'), ...(formats ?? []).map((f) => h('option', { value: f.name, title: f.summary }, f.name))]
}

// formatNames names the peer tools' formats an upload may be in.
function formatNames(): string {
  return (formats ?? []).filter((f) => f.name !== 'scenario').map((f) => f.name).join(', ') || '…'
}

// showFormats puts the formats, once they come, into the upload's fields
// in box where they are, if the builder is still drawn there. Drawing the
// view again instead would replace every field, and lose a file chosen
// or a value set before the answer came; and it would draw the builder
// over another view the page has gone to since.
function showFormats(box: HTMLElement) {
  const sel = box.querySelector<HTMLSelectElement>('#build-upload-format')
  if (sel) {
    const v = sel.value
    sel.replaceChildren(...formatOptions())
    sel.value = v
  }
  const names = box.querySelector<HTMLElement>('[data-formats]')
  if (names) names.textContent = formatNames()
}

// stateText says whether the draft d is saved; changed is whether it is
// edited.
function stateText(d: Draft, changed = edited(d)): string {
  return d.id === null ? 'New scenario, not saved yet' : changed ? `${d.title} · version ${d.version} · unsaved changes` : `${d.title} · version ${d.version} · saved`
}

// sayState says in box whether the draft is saved, as it is now: the
// state line, the discard button (shown with edits to discard) and the
// downloads' note that they lack the edits. Each edit goes into the
// document as it is typed (wire), and the view is not drawn again for
// it. at is the path of the field a letter was just typed in, when that
// is all that changed the document since it was last compared whole: the
// comparison then reuses the text of what was not typed in (canonical).
function sayState(box: HTMLElement, at?: string) {
  if (!draft) return
  if (at !== undefined) typed(draft.doc, at)
  const changed = edited(draft, at !== undefined)
  const line = box.querySelector<HTMLElement>('[data-testid=build-state]')
  const text = stateText(draft, changed)
  if (line && line.textContent !== text) line.textContent = text
  const discard = box.querySelector<HTMLElement>('[data-testid=build-discard]')
  if (discard && draft.id !== null) discard.hidden = !changed
  const note = box.querySelector<HTMLElement>('[data-testid=build-unsaved-note]')
  if (note) note.hidden = !changed
}

// ---------- reading the fields into the document ----------

// read is a field's value as the document holds it: undefined leaves an
// optional field out; a required number left empty is null, which the
// server reports as "no value given".
function read(el: HTMLElement, doc: Scenario, old: unknown): unknown {
  const kind = el.dataset.kind
  const val = () => ((el as HTMLInputElement).value ?? '').trim()
  const num = (s: string) => (s === '' ? null : Number(s))
  switch (kind) {
    case 'text': return val()
    case 'opttext': return val() === '' ? undefined : (el as HTMLInputElement).value
    case 'number': return num(val())
    case 'optnumber': return val() === '' ? undefined : Number(val())
    // a box ticked is true; unticked, the field is left out (false is
    // its default)
    case 'optbool': return (el as HTMLInputElement).checked ? true : undefined
    case 'actor': {
      // An alias written in the file stays as written while it names
      // the actor chosen.
      const v = val()
      return typeof old === 'string' && old !== v && resolves(doc, old) === v ? old : v
    }
    case 'list': {
      const xs = val().split(',').map((x) => x.trim()).filter((x) => x)
      return xs.length ? xs : undefined
    }
    case 'pair': {
      const [lo, hi] = [...el.querySelectorAll('input')].map((i) => i.value.trim())
      return lo === '' && hi === '' ? undefined : [num(lo), num(hi)]
    }
    case 'scale': {
      const [lo, hi] = [...el.querySelectorAll('input')].map((i) => i.value.trim())
      return lo === '' && hi === '' ? undefined : { min: num(lo), max: num(hi) }
    }
    case 'checklist': {
      // The file's names (an actor's aliases too) in the file's order,
      // then the ones newly ticked.
      const on = [...el.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value)
      const id = (o: string) => (el.dataset.choices === 'actor' ? resolves(doc, o) ?? o : o)
      const olds = (Array.isArray(old) ? (old as string[]) : []).filter((o) => on.includes(id(o)))
      const ids = [...olds, ...on.filter((v) => !olds.some((o) => id(o) === v))]
      return ids.length ? ids : undefined
    }
  }
  return val()
}

// collect reads every field of the view into the document.
function collect(box: HTMLElement, doc: Scenario) {
  for (const el of box.querySelectorAll<HTMLElement>('[data-kind]')) {
    const path = el.dataset.path!
    setPath(doc, path, read(el, doc, getPath(doc, path)))
  }
  // Optional groups left empty are left out.
  const tidy = (o: any) => {
    if (o?.range && Object.keys(o.range).length === 0) delete o.range
    if (o?.red_lines && Object.keys(o.red_lines).length === 0) delete o.red_lines
    if (o?.red_line_assumed && Object.keys(o.red_line_assumed).length === 0) delete o.red_line_assumed
    if (o?.red_line_evidence) {
      for (const [k, v] of Object.entries(o.red_line_evidence)) if (Array.isArray(v) && v.length === 0) delete o.red_line_evidence[k]
      if (Object.keys(o.red_line_evidence).length === 0) delete o.red_line_evidence
    }
  }
  doc.stances.forEach(tidy)
  doc.actors.forEach(tidy)
  for (const is of doc.issues) if (is.decision?.weights && Object.keys(is.decision.weights).length === 0) delete is.decision.weights
  for (const c of [...(doc.snapshots ?? []), ...(doc.variants ?? [])]) { c.stances?.forEach(tidy); c.actors?.forEach(tidy); c.add_actors?.forEach(tidy) }
}

// rename changes every reference to an actor's, issue's, source's or
// proposal's id when the id itself (the field at path) is changed — and
// to a source's file, which a quote may cite it by too — so
// that the file still means what it meant: the references the page draws
// (stances, red lines, packages, proposers, withdrawals, quotes, decision
// rules' voters and weights, outcomes' issues and quotes). It renames
// them in the scopes
// that see the renamed item (reach), so that an actor a variant adds is
// renamed in that variant alone; decision rules, which count an actor
// wherever it is added, follow renameVoter's rule. A proposal a change
// names by an id already on the table is a change of that one: renaming
// it makes it a new proposal, and nothing else follows.
//
// An actor's aliases are names, not references, and are never rewritten
// (an alias taken away is another matter: unalias).
// The subtle case is an alias equal to the old id (the old id kept as an
// alias, so that the old name still works): the references written as
// the old id follow to the new one all the same, since both name the
// same actor, the menus show the actor by its id, and the file then
// reads as the page shows it; the alias stays as written, since
// rewriting it would make it the actor's own id, which the server
// refuses as a duplicate, and would take away the name kept on purpose.
function rename(doc: Scenario, kind: Kind, from: string, to: string, path: string) {
  const sees = kind === 'actor' || kind === 'proposal' ? reach(doc, path) : () => true
  const changes = changesOf(doc).filter(([, scope]) => sees(scope)).map(([c]) => c)
  const base = sees('')
  const proposals = [...(base ? doc.proposals ?? [] : []), ...changes.flatMap((c) => c.proposals ?? [])]
  const stances = [...(base ? doc.stances : []), ...changes.flatMap((c) => c.stances ?? [])]
  if (kind === 'proposal') {
    const scope = scopeOf(path)
    if (scope && proposalsIn(doc, scope, false).has(from)) return
    // A later proposal of its own list given its id by mistake is no
    // change of it, and keeps the id (claimed).
    const own = getPath(doc, path.replace(/\[\d+\]\.id$/, ''))
    for (const c of changes) {
      if (c.proposals !== own) for (const p of c.proposals ?? []) if (p.id === from) p.id = to
      if (c.withdraw_proposals) c.withdraw_proposals = c.withdraw_proposals.map((x) => (x === from ? to : x))
    }
  } else if (kind === 'source') {
    const actors: { capability_evidence?: Evidence[]; red_line_evidence?: { [issue: string]: Evidence[] }; reservation_evidence?: Evidence[] }[] =
      actorEntries(doc, changes)
    const quotes = [...stances, ...proposals, ...(doc.outcomes ?? [])].flatMap((x) => x.evidence ?? [])
    for (const a of actors) quotes.push(...(a.capability_evidence ?? []), ...(a.reservation_evidence ?? []), ...Object.values(a.red_line_evidence ?? {}).flat())
    for (const e of quotes) if (e.source === from) e.source = to
  } else if (kind === 'actor') {
    for (const s of stances) if (s.actor === from) s.actor = to
    for (const c of changes) {
      for (const a of c.actors ?? []) if (a.id === from) a.id = to
      if (c.remove_actors) c.remove_actors = c.remove_actors.map((x) => (x === from ? to : x))
    }
    for (const p of proposals) if (p.proposers) p.proposers = p.proposers.map((x) => (x === from ? to : x))
    renameVoter(doc, from, to, path)
  } else {
    for (const s of stances) if (s.issue === from) s.issue = to
    for (const a of actorEntries(doc, changes)) {
      renameKey(a.red_lines, from, to); renameKey(a.red_line_evidence, from, to); renameKey(a.red_line_assumed, from, to)
    }
    for (const p of proposals) renameKey(p.package, from, to)
    for (const o of doc.outcomes ?? []) if (o.issue === from) o.issue = to
  }
}

// claimed says whether an item other than the one whose id (or
// source's file) is at path is called from too, and owns it as the
// server reads ids: an issue, a source or a proposal of its list before
// it, an actor at the table with it before it in a scope (company); and
// a source's file another source has, or cites by. The references to
// from are then that one's, and stay when this one's id changes: two
// items given one id by mistake, the later one given another, leave the
// references with the first, which kept it; the first given another
// carries them along, and the later one keeps nothing, as it owned
// nothing (removal.ts reads the id the same way). An id emptied on the
// first and given meanwhile to a later item is still the first's. With
// any, an item after this one counts too: an id changed to another
// item's (taken) carries nothing (the change listener): merged with the
// other's, the references could not be told apart when the typing goes
// on. An item that has the id by mistake (given it when another's,
// mistakes) owns nothing by it, and is not counted but with any.
function claimed(doc: Scenario, kind: Kind, from: string, path: string, any = false): boolean {
  const at = path.replace(/\.(?:id|file)$/, '')
  const self = getPath(doc, at)
  // before are the items of list before self (all but self, with any).
  const before = <T>(list: T[]): T[] => {
    const i = list.indexOf(self as T)
    return any || i < 0 ? list.filter((x) => x !== self) : list.slice(0, i)
  }
  // has says x's field f is from, and x owns it (with any, has it at
  // all): an item given it by mistake (mistakes) does not.
  const has = (x: any, f: string) => x[f] === from && (any || !byMistake(x, f, from))
  switch (kind) {
    case 'issue': return before(doc.issues).some((x) => has(x, 'id'))
    case 'source': {
      const all = doc.metadata.sources ?? []
      if (path.endsWith('.file')) return all.some((x) => x !== self && (has(x, 'id') || has(x, 'file')))
      return all.some((x) => x !== self && has(x, 'file')) || before(all).some((x) => has(x, 'id'))
    }
    case 'actor': {
      if (any) return [...company(doc, path)].some((a) => a !== self && a.id === from)
      const sees = reach(doc, path)
      return ['', ...changesOf(doc).map(([, sc]) => sc)].some((sc) => {
        const l = actorsIn(doc, sc), i = l.indexOf(self as Actor)
        return sees(sc) && i > 0 && l.slice(0, i).some((a) => has(a, 'id'))
      })
    }
    case 'proposal': {
      const list = getPath(doc, at.replace(/\[\d+\]$/, ''))
      return Array.isArray(list) && before(list).some((x) => x && has(x, 'id'))
    }
  }
  return false
}

// onTable says whether to is the id of a proposal other than the one
// whose id is at path in a scope that sees that one (reach): on the
// table there, or put on it there (proposalsIn), beyond the list claimed
// looks in. A change's entry given it changes that proposal, and a
// proposal given it would take that one's changes and withdrawals for
// its own: what the rename carried could not be told apart again, and a
// rename back (from an id on the table, rename) would carry nothing, or
// take that one's along.
function onTable(doc: Scenario, to: string, path: string): boolean {
  const self = getPath(doc, path.replace(/\.id$/, '')) as Proposal | undefined
  if (!self || typeof self !== 'object') return false
  const id = self.id
  self.id = ''
  try {
    const sees = reach(doc, path)
    return ['', ...changesOf(doc).map(([, sc]) => sc)].some((sc) => sees(sc) && proposalsIn(doc, sc).has(to))
  } finally { self.id = id }
}

// taken says whether to, typed in the id (or source's file) field at
// path, is another item's name: its id (claimed); the id of a proposal
// on the table in a scope that sees this one (onTable); an alias of an
// actor at the table with this one, which the id would take from it,
// since an id names before an alias does (resolves): what names that
// actor by the alias would be this one's while the slip stands.
function taken(doc: Scenario, kind: Kind, to: string, path: string): boolean {
  if (claimed(doc, kind, to, path, true) || awaited(doc, kind, to, path)) return true
  if (kind === 'proposal') return onTable(doc, to, path)
  if (kind !== 'actor') return false
  const self = getPath(doc, path.replace(/\.id$/, ''))
  return [...company(doc, path)].some((a) => a !== self && !!a.aliases?.includes(to))
}

// awaited says whether to is the id (or file) another item had, whose
// field was emptied or given another item's since, and which what named
// it by to waits for (waiting): given to this one, it would take them
// for its own, and the id typed next on that one would carry nothing.
// An id nothing named the item by is waited for by nothing, and is free.
function awaited(doc: Scenario, kind: Kind, to: string, path: string): boolean {
  return awaiting(doc, kind, to, path).some(([x, f]) => {
    // What names x by to, with x given it back and this field not
    // holding it: the document as it would be read were x's field
    // waiting's id again.
    const p = itemPath(doc, x)
    if (!p) return true
    const as = clone(doc)
    setPath(as, path, '')
    setPath(as, `${p}.${f}`, to)
    return naming(as, p).length > 0
  })
}

// awaiting are the other items (with the field) whose field had to
// before it was emptied or given another item's since (emptied), among
// those an item at path may share an id with.
function awaiting(doc: Scenario, kind: Kind, to: string, path: string): [any, string][] {
  const at = path.replace(/\.(?:id|file)$/, '')
  const self = getPath(doc, at)
  const others: any[] = kind === 'issue' ? doc.issues : kind === 'source' ? doc.metadata.sources ?? []
    : kind === 'actor' ? [...company(doc, path)] : getPath(doc, at.replace(/\[\d+\]$/, '')) ?? []
  return others.filter((x) => x && x !== self).flatMap((x) => ['id', 'file'].filter((f) => emptied.get(x)?.[f] === to && x[f] !== to).map((f) => [x, f] as [any, string]))
}

// release takes to, given to the item at path while nothing waited for
// it, from the other items whose field had it (awaiting): it is this
// one's now, and the id typed next on those carries nothing of it.
function release(box: HTMLElement, doc: Scenario, kind: Kind, to: string, path: string) {
  for (const [x, f] of awaiting(doc, kind, to, path)) {
    emptied.set(x, { ...emptied.get(x), [f]: '' })
    const p = itemPath(doc, x)
    const el = p ? box.querySelector<HTMLInputElement>(`input[data-rename][data-path="${CSS.escape(`${p}.${f}`)}"]`) : null
    if (el) el.dataset.was = el.dataset.left = el.value.trim()
  }
}

// itemPath is the path of item x (an issue, a source, an actor, a
// proposal) in doc, or undefined.
function itemPath(doc: Scenario, x: object): string | undefined {
  const lists: [string, unknown[] | undefined][] = [['issues', doc.issues], ['metadata.sources', doc.metadata.sources],
    ['actors', doc.actors], ['proposals', doc.proposals]]
  for (const [c, sc] of changesOf(doc)) lists.push([`${sc}.add_actors`, c.add_actors], [`${sc}.proposals`, c.proposals])
  for (const [p, l] of lists) {
    const i = (l ?? []).indexOf(x)
    if (i >= 0) return `${p}[${i}]`
  }
  return undefined
}

// waiting is the id (or source's file) the field at path held before,
// when the field is empty now, or holds an id another item has, and
// nothing else is called by the one before: what named the item by it
// still does, and follows the id typed next (rename); '' when there is
// none.
function waiting(box: HTMLElement, doc: Scenario, path: string): string {
  const el = box.querySelector<HTMLInputElement>(`[data-rename][data-path="${CSS.escape(path)}"]`)
  const was = el?.dataset.was ?? ''
  return el && el.value.trim() !== was && was && !claimed(doc, el.dataset.rename as Kind, was, path) ? was : ''
}

// idless are the id fields in box left empty whose items other fields
// still name by the id they had (waiting), each with its problem said
// as the server's are: the server would say the id is missing, and that
// each of those names an unknown item, where they only wait for the id.
function idless(box: HTMLElement, doc: Scenario): [HTMLInputElement, Diagnostic][] {
  const out: [HTMLInputElement, Diagnostic][] = []
  for (const el of box.querySelectorAll<HTMLInputElement>('input[data-rename][data-path$=".id"]')) {
    const p = el.dataset.path!
    const was = waiting(box, doc, p)
    if (!was || el.value.trim() !== '') continue
    const as = clone(doc)
    setPath(as, p, was)
    const names = naming(as, p.replace(/\.id$/, ''))
    if (names.length) out.push([el, { path: p, message: `missing; what named it by its id “${was}” waits for one, and follows the id typed: ${names.join('; ')}`, valid: 'a unique identifier' }])
  }
  return out
}

// renameKey moves m's value at key from to key to; with keep, it copies it
// and from keeps its own.
function renameKey(m: { [k: string]: unknown } | undefined, from: string, to: string, keep = false) {
  if (!m || !(from in m)) return
  m[to] = m[from]
  if (!keep) delete m[from]
}

// renameVoter carries the rename of the actor whose id is at path, from
// to to, into the issues' decision rules, whose voters and weights name
// actors by id or alias. A rule is not a scope's: it counts an actor in
// the base, a snapshot or a variant wherever it is at the table. So while
// another actor is still called from (an actor a second variant adds
// under the same id), the rule keeps from, which names that one, and
// names the renamed actor beside it with the same votes: in each variant
// the game is the one it was. The renamed actor's own alias equal to
// from is not another actor (see rename): the rule then takes the new id.
function renameVoter(doc: Scenario, from: string, to: string, path: string) {
  const self = getPath(doc, path.replace(/\.id$/, ''))
  const all = allActors(doc)
  // An actor at the table with this one given its id by mistake is a
  // later one (rename follows the first alone: claimed), which owned
  // nothing: the votes are this one's, and go.
  const table = company(doc, path)
  const shared = all.some((a) => a !== self && ((a.id === from && !table.has(a)) || !!a.aliases?.includes(from)))
  for (const d of doc.issues.flatMap(decisions)) {
    // A list that names to already (the rule kept from beside to when
    // the actor was renamed from to to, and now it is renamed back)
    // names it once.
    const listed = d.voters?.includes(to)
    if (d.voters?.includes(from)) d.voters = d.voters.flatMap((x) => (x !== from ? [x] : shared ? (listed ? [x] : [x, to]) : listed ? [] : [to]))
    renameKey(d.weights, from, to, shared)
  }
}

// decisions are the issue's decision rule and the fields of the rules it
// had before (ruleMemory), which a rename follows into, so that a rule
// chosen again names the actors as they are called now.
function decisions(is: Issue): Partial<Decision>[] {
  return [is.decision, ruleMemory.get(is)].filter((d): d is Partial<Decision> => !!d)
}

// unalias carries the removal of name from the aliases of the actor at
// p into what named the actor by it: there it becomes the actor's id, as
// everywhere else the page names an actor (a stance's, a proposer's, a
// leaving's menu shows the actor), in its place, so that a list keeps
// the order the person gave it. The fields were read with the alias
// still there (the aliases' change listener), so that a list of ticked
// actors kept the alias where it was written; this is what renames it.
// The references in the scopes that see the actor change, where the
// name named it (another actor's id, or an earlier actor's alias, is
// that actor's name: resolves). The decision rules, which count an actor
// wherever it is added, keep name too while another actor answers to
// it, as renameVoter does. A list of voters that names the actor by
// another name as well named it twice (an error the save points to):
// the entry name goes, and the voters are the ones they were. A qmv
// rule's weights that do so are left as they are, since the two names
// may have votes of their own and which to keep is the person's to
// decide: the page draws the name no actor answers to "(not defined)",
// to be emptied.
function unalias(doc: Scenario, p: string, name: string) {
  const self = getPath(doc, p) as Actor | undefined
  if (!self?.id || name === self.id || self.aliases?.includes(name)) return
  const to = self.id
  const all = allActors(doc)
  const mine = !all.some((a) => a.id === name) && !all.slice(0, all.indexOf(self)).some((a) => a.aliases?.includes(name))
  if (mine) {
    const sees = reach(doc, p)
    const changes = changesOf(doc).filter(([, scope]) => sees(scope)).map(([c]) => c)
    const base = sees('')
    const swap = (xs: string[] | undefined) => xs?.map((x) => (x === name ? to : x))
    for (const s of [...(base ? doc.stances : []), ...changes.flatMap((c) => c.stances ?? [])]) if (s.actor === name) s.actor = to
    for (const c of changes) {
      for (const a of c.actors ?? []) if (a.id === name) a.id = to
      if (c.remove_actors) c.remove_actors = swap(c.remove_actors)
    }
    for (const x of [...(base ? doc.proposals ?? [] : []), ...changes.flatMap((c) => c.proposals ?? [])]) if (x.proposers) x.proposers = swap(x.proposers)
  }
  const shared = all.some((a) => a !== self && (a.id === name || !!a.aliases?.includes(name)))
  const besides = (names: string[]) => names.some((x) => x !== name && resolves(doc, x) === to)
  for (const d of doc.issues.flatMap(decisions)) {
    if (d.voters?.includes(name)) d.voters = d.voters.flatMap((x) => (x !== name ? [x] : shared ? (besides(d.voters!) ? [x] : [x, to]) : besides(d.voters!) ? [] : [to]))
    if (d.weights && name in d.weights && !besides(Object.keys(d.weights))) renameKey(d.weights, name, to, shared)
  }
}

// ---------- choices of actors, issues and sources ----------

type Kind = 'actor' | 'issue' | 'source' | 'proposal'

// choices are what a select of an actor, issue, source or proposal offers
// in a field at scope (the base, a snapshot, a variant: the actors and
// proposals it sees; '*' for every actor anywhere, as a decision rule
// counts them), with the value in the file when it names none of them
// (an alias is shown as its actor).
function choices(doc: Scenario, kind: Kind, cur: string, scope = ''): [string, string][] {
  const list: [string, string][] = kind === 'actor' ? (scope === '*' ? everyActor(doc) : actorsIn(doc, scope)).filter((a) => a.id).map((a) => [a.id, a.name || a.id])
    : kind === 'issue' ? doc.issues.filter((i) => i.id).map((i) => [i.id, i.name || i.id])
      : kind === 'proposal' ? [...proposalsIn(doc, scope)]
        : (doc.metadata.sources ?? []).filter((x) => x.id).map((x) => [x.id, x.title ? `${x.id} — ${x.title}` : x.id])
  const shown = kind === 'actor' ? resolves(doc, cur) ?? cur : cur
  const out: [string, string][] = [['', `(choose ${{ actor: 'an actor', issue: 'an issue', source: 'a source', proposal: 'a proposal' }[kind]})`], ...list]
  // A quote may cite its source by the source's file (docs/format.md):
  // it is shown as that source, and keeps the file it names.
  const byFile = kind === 'source' && shown ? (doc.metadata.sources ?? []).find((x) => x.file === shown) : undefined
  if (shown && !list.some(([v]) => v === shown)) out.push([shown, byFile?.id ? `${byFile.title ? `${byFile.id} — ${byFile.title}` : byFile.id} (by its file, ${shown})` : `${shown} (not defined)`])
  return out
}

// checkItems are the boxes of a checklist of kind at path, chosen ticked:
// what its scope sees (scope, else the path's), then the chosen it does
// not (not defined).
function checkItems(doc: Scenario, kind: Kind, path: string, chosen: Set<string>, scope = scopeOf(path)): HTMLElement[] {
  const list = choices(doc, kind, '', scope).slice(1)
  for (const c of chosen) if (!list.some(([v]) => v === c)) list.push([c, `${c} (not defined)`])
  return checkboxes(list, chosen)
}

// refreshChoices rebuilds every select and list of actors, issues,
// sources and proposals after an id or a name changed, keeping what each
// has chosen, so that a new actor can be chosen at once, without drawing
// the view again (which would lose the click that ended the typing); the
// suggestions of a change's proposal id (a datalist of the proposals on
// the table in its scope), so that they name the proposals as they are
// now; and the decision rules' fields, which list every actor by name
// (the document, read before, holds what they held, renamed).
function refreshChoices(box: HTMLElement, doc: Scenario) {
  for (const el of box.querySelectorAll<HTMLElement>('[data-decision]')) {
    if (el.dataset.drawn !== decisionDrawn(doc, el.dataset.decision!)) redrawDecision(el, doc, false)
  }
  // Only the lists whose choices changed are rebuilt: an actor renamed
  // leaves the issues' and sources' lists as they are (they were all
  // rebuilt, 4,300 nodes in the built-in case, at every name left).
  for (const sel of box.querySelectorAll<HTMLSelectElement>('select[data-choices]')) {
    const v = sel.value
    if (setOptions(sel, choices(doc, sel.dataset.choices as Kind, v, scopeOf(sel.dataset.path ?? '')))) sel.value = v
  }
  for (const fs of box.querySelectorAll<HTMLElement>('fieldset[data-choices]')) {
    const on = new Set([...fs.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value))
    const boxes = checkItems(doc, fs.dataset.choices as Kind, fs.dataset.path ?? '', on, fs.dataset.scope)
    const labels = [...fs.querySelectorAll<HTMLLabelElement>(':scope > label')]
    const same = labels.length === boxes.length && boxes.every((b, k) => b.textContent === labels[k].textContent &&
      b.querySelector('input')!.value === labels[k].querySelector('input')?.value)
    if (same) continue
    labels.forEach((l) => l.remove())
    fs.append(...boxes)
  }
  for (const dl of box.querySelectorAll<HTMLDataListElement>('datalist[data-scope]')) {
    setOptions(dl, [...proposalsIn(doc, dl.dataset.scope!, false)])
  }
}

// setOptions makes the options of el list's, value and label, in order:
// the same values keep their options, and a label changed (an actor
// renamed) is written in its own; other lists are rebuilt. It reports
// whether it rebuilt them.
function setOptions(el: HTMLSelectElement | HTMLDataListElement, list: [string, string][]): boolean {
  const opts = el.querySelectorAll('option')
  if (opts.length === list.length && list.every(([v], k) => opts[k].value === v)) {
    list.forEach(([, l], k) => { if (opts[k].textContent !== l) opts[k].textContent = l })
    return false
  }
  el.replaceChildren(...list.map(([v, l]) => h('option', { value: v }, l)))
  return true
}

// renameInPage changes an id in the page's fields as rename does in the
// document (in the scopes that see it): the choices made, the id fields
// of the changes' entries that change a proposal, and the paths that
// hold it as a key (red lines and packages are keyed by issue). Without
// it the next read of the fields would write the old id back.
function renameInPage(box: HTMLElement, doc: Scenario, kind: Kind, from: string, to: string, path: string) {
  const sees = kind === 'actor' || kind === 'proposal' ? reach(doc, path) : () => true
  if (kind === 'proposal' && scopeOf(path) && proposalsIn(doc, scopeOf(path), false).has(from)) return
  for (const sel of box.querySelectorAll<HTMLSelectElement>(`select[data-choices=${kind}]`)) {
    if (sel.value === from && sees(scopeOf(sel.dataset.path ?? ''))) { sel.append(h('option', { value: to }, to)); sel.value = to }
  }
  for (const fs of box.querySelectorAll<HTMLElement>(`fieldset[data-choices=${kind}]`)) {
    if (sees(scopeOf(fs.dataset.path ?? ''))) for (const i of fs.querySelectorAll('input')) if (i.value === from) i.value = to
  }
  if (kind === 'proposal') {
    for (const el of box.querySelectorAll<HTMLInputElement>('input[data-rename=proposal]')) {
      const at = scopeOf(el.dataset.path ?? '')
      const list = (q: string) => q.replace(/\[\d+\]\.id$/, '')
      if (at && list(el.dataset.path ?? '') !== list(path) && el.value.trim() === from && sees(at)) { el.value = to; el.dataset.was = to; el.dataset.left = to }
    }
  }
  if (kind !== 'issue') return
  // A key ends the path or is followed by an index (….red_line_evidence.ISSUE[0].quote).
  const keys = ['.red_lines.', '.package.', '.red_line_assumed.', '.red_line_evidence.']
  const renamed = (p: string) => {
    for (const key of keys) {
      const at = p.indexOf(key + from)
      const after = p.slice(at + key.length + from.length)
      if (at >= 0 && (after === '' || after.startsWith('['))) return p.slice(0, at + key.length) + to + after
    }
    return p
  }
  for (const attr of ['path', 'add', 'remove'] as const) {
    for (const el of box.querySelectorAll<HTMLElement>(`[data-${attr}]`)) el.dataset[attr] = renamed(el.dataset[attr]!)
  }
}

function checkboxes(list: [string, string][], on: Set<string>): HTMLElement[] {
  return list.map(([v, l]) => { const id = 'b' + ++uid; return h('label', { for: id }, h('input', { type: 'checkbox', id, value: v, checked: on.has(v) }), l) })
}

// ---------- fields ----------

let uid = 0

// scale, with hint, is the path of the field naming the issue whose scale
// the hint starts with ("(0–100; …)"), or the salience scale's, said
// again when the issue or its scale changes (sayScales).
interface Opts { options?: [string, string][]; choices?: Kind; hint?: string; scale?: string; rows?: number; wide?: boolean; min?: number; max?: number; step?: string; placeholder?: string; rename?: Kind; refresh?: boolean; list?: string }

// field is one labelled input whose data-path is the path the server's
// diagnostics name it by; data-kind says how it is read.
function field(label: string, path: string, kind: string, value: unknown, o: Opts = {}): HTMLElement {
  const id = 'b' + ++uid
  let input: HTMLElement
  if (o.options) {
    const opts = o.options.map(([v, l]) => h('option', { value: v }, l))
    const sel = h('select', { id }, ...opts) as HTMLSelectElement
    sel.value = value === undefined || value === null ? '' : String(value)
    if (o.choices) sel.dataset.choices = o.choices
    input = sel
  } else if (kind === 'optbool') {
    input = h('input', { id, type: 'checkbox', checked: value === true })
  } else if (kind === 'textarea' || kind === 'opttextarea' || ((kind === 'text' || kind === 'opttext') && typeof value === 'string' && /[\r\n]/.test(value))) {
    // A text of several lines in the file (a note written as a YAML
    // block) gets a box that holds them: a one-line input would drop its
    // line breaks, and saving would rewrite the file.
    const lines = typeof value === 'string' ? value.split('\n').length : 1
    input = h('textarea', { id, rows: Math.min(Math.max(o.rows ?? 2, lines), 8), placeholder: o.placeholder }, String(value ?? ''))
    kind = kind === 'textarea' || kind === 'text' ? 'text' : 'opttext'
  } else {
    const numeric = kind === 'number' || kind === 'optnumber'
    input = h('input', { id, type: numeric ? 'number' : 'text', step: numeric ? o.step ?? 'any' : null, min: o.min, max: o.max,
      value: value === undefined || value === null ? '' : String(value), placeholder: o.placeholder, list: o.list })
  }
  input.dataset.path = path
  input.dataset.kind = kind
  if (o.rename) input.dataset.rename = o.rename
  // was is what the field held when last left, to see what a change changed.
  if (o.refresh || o.rename) { input.dataset.refresh = ''; input.dataset.was = String(value ?? '') }
  // left is what an id field held when last left (was is the id it has
  // on record, which an id emptied keeps): the view is drawn as it was
  // then when drawn again while the id is typed (draw).
  if (o.rename) input.dataset.left = String(value ?? '')
  return h('label', { class: 'bfield' + (o.wide ? ' wide' : ''), for: id }, h('span', {}, label, o.hint ? h('small', { 'data-scale': o.scale }, ' ' + o.hint) : null), input)
}

// group is a field of two numbers read together (a range, a scale).
function group(label: string, path: string, kind: 'pair' | 'scale', lo: number | null | undefined, hi: number | null | undefined, names: [string, string]): HTMLElement {
  const box = h('span', { class: 'bpair' },
    h('input', { type: 'number', step: 'any', value: lo ?? '', 'aria-label': `${label}: ${names[0]}`, placeholder: names[0] }),
    '–',
    h('input', { type: 'number', step: 'any', value: hi ?? '', 'aria-label': `${label}: ${names[1]}`, placeholder: names[1] }))
  box.dataset.path = path
  box.dataset.kind = kind
  return h('div', { class: 'bfield' }, h('span', {}, label), box)
}

// checklist picks ids (actors, or proposals) as a list; scope is the
// scope whose actors or proposals it offers, else the path's.
function checklist(label: string | HTMLElement, path: string, chosen: string[], doc: Scenario, kind: Kind = 'actor', scope?: string): HTMLElement {
  const ids = new Set(chosen.map((c) => (kind === 'actor' ? resolves(doc, c) ?? c : c)))
  const fs = h('fieldset', { class: 'bchecks' }, h('legend', {}, label), ...checkItems(doc, kind, path, ids, scope ?? scopeOf(path)))
  fs.dataset.path = path
  fs.dataset.kind = 'checklist'
  fs.dataset.choices = kind
  if (scope !== undefined) fs.dataset.scope = scope
  return fs
}

// everyActor is each actor of the scenario once, by id: the base's, then
// those the snapshots and the variants add (an id two variants add is
// the first's), as a decision rule counts them wherever they are at the
// table.
function everyActor(doc: Scenario): Actor[] {
  const all = allActors(doc)
  return all.filter((a, k) => all.findIndex((b) => b.id === a.id) === k)
}

// ---------- decision rules ----------

// The rules an issue's decision may state (scenario.DecisionRules).
const rules: [string, string][] = [['', 'none'], ['unanimity', 'unanimity: each voter has a veto'], ['qmv', 'qmv: a qualified majority of weighted votes'], ['majority', 'majority: more than half the voters']]

// ruleMemory holds, per issue, the fields of the rules it had before the
// rule was changed (the qmv weights and quota; the voters), so that a
// rule chosen again gets them back rather than starting empty.
const ruleMemory = new WeakMap<Issue, Partial<Decision>>()

// setRule makes rule the issue's decision rule: '' removes the decision;
// another rule keeps the fields it shares with the rule before (the
// voters, from unanimity to majority) and takes back those it had
// (ruleMemory), less the actors removed since (a rename has followed
// into them); the fields the rule does not take are left out, since
// the format refuses them (weights only with qmv, voters only without).
function setRule(doc: Scenario, is: Issue, rule: string) {
  const old = is.decision
  const m = ruleMemory.get(is) ?? {}
  if (old?.rule === 'qmv') { m.weights = old.weights; m.quota = old.quota } else if (old) m.voters = old.voters
  ruleMemory.set(is, m)
  if (!rule) { delete is.decision; return }
  const d: Decision = { rule }
  const there = (name: string) => resolves(doc, name) !== undefined
  if (rule === 'qmv') {
    const weights = Object.fromEntries(Object.entries(m.weights ?? {}).filter(([k]) => there(k)))
    if (Object.keys(weights).length) d.weights = weights
    if (m.quota !== undefined) d.quota = m.quota
  } else if (m.voters?.some(there)) d.voters = m.voters.filter(there)
  is.decision = d
}

// decisionDrawn says what a decision editor shows of the document, so
// that it is drawn again only when that changed: the rule and its fields,
// and the actors with their names and aliases.
function decisionDrawn(doc: Scenario, p: string): string {
  return JSON.stringify([getPath(doc, p + '.decision') ?? null, everyActor(doc).map((a) => [a.id, a.name, a.aliases])])
}

// weightRows are a qmv rule's votes fields: one per actor, named as the
// weights name it (an alias written as a key stays the key), blank when
// it has none (not a voter); an actor named twice has a field per name,
// so that one can be emptied; a name no actor answers to has its own
// field, marked, so that it can be emptied too.
function weightRows(doc: Scenario, p: string, d: Decision): HTMLElement[] {
  const w = d.weights ?? {}
  const used = new Set<string>()
  const rows: HTMLElement[] = []
  for (const a of everyActor(doc)) {
    if (!a.id) continue
    const keys = Object.keys(w).filter((k) => resolves(doc, k) === a.id)
    for (const k of keys.length ? keys : [a.id]) {
      used.add(k)
      rows.push(field(a.name || a.id, `${p}.decision.weights.${k}`, 'optnumber', w[k], { hint: k !== a.id ? `(as ${k})` : undefined, min: 0, placeholder: 'not a voter' }))
    }
  }
  for (const k of Object.keys(w)) if (!used.has(k)) rows.push(field(`${k} (not defined)`, `${p}.decision.weights.${k}`, 'optnumber', w[k], { min: 0 }))
  return rows
}

// decisionEditor is the decision rule of the issue at p: the rule, then
// for unanimity and majority the voters (none ticked: every actor), for
// qmv each actor's votes and the quota, with the total said as it is
// typed. The rule's fields are read like any other (collect); choosing
// the rule changes the document at once and draws the editor again.
function decisionEditor(doc: Scenario, p: string): HTMLElement {
  const is = getPath(doc, p) as Issue
  const d = is.decision
  const sel = h('select', { id: 'b' + ++uid, 'data-testid': 'decision-rule' }, ...rules.map(([v, l]) => h('option', { value: v }, l))) as HTMLSelectElement
  sel.value = d?.rule ?? ''
  sel.dataset.path = p + '.decision.rule'
  const box = h('div', { class: 'bdecision', 'data-path': p + '.decision' },
    h('div', { class: 'brow' }, h('label', { class: 'bfield', for: sel.id }, h('span', {}, 'Decision rule', h('small', {}, ' (who must agree for the issue to be settled)')), sel)))
  box.dataset.decision = p
  box.dataset.drawn = decisionDrawn(doc, p)
  sel.addEventListener('change', () => {
    readFields(box, doc)
    setRule(doc, is, sel.value)
    if (draft) draft.diags = draft.diags.filter((x) => !x.path.startsWith(box.dataset.decision + '.decision'))
    redrawDecision(box, doc, true)
  })
  if (!d) return box
  if (d.rule === 'qmv') {
    const total = h('p', { class: 'hint', 'data-testid': 'decision-total' })
    const say = () => {
      const dd = is.decision
      const of = votes(doc, dd?.weights ?? {})
      total.textContent = typeof dd?.quota === 'number' ? `quota ${dd.quota} of ${of} votes` : `no quota yet, of ${of} votes`
    }
    say()
    box.addEventListener('input', say)
    box.append(
      h('div', { class: 'brow', 'data-path': p + '.decision.weights' }, h('strong', {}, 'Votes'), h('small', { class: 'hint' }, ' blank: not a voter'), ...weightRows(doc, p, d)),
      h('div', { class: 'brow' }, field('Quota', p + '.decision.quota', 'optnumber', d.quota, { hint: '(the votes a qualified majority needs)', min: 0 })),
      total)
  } else {
    const note = h('small', { class: 'hint', 'data-testid': 'decision-voters' })
    const fs = checklist(h('span', {}, 'Voters ', note), p + '.decision.voters', d.voters ?? [], doc, 'actor', '*')
    const say = () => {
      const n = fs.querySelectorAll('input:checked').length
      note.textContent = n ? `(${n} ticked)` : '(none ticked: every actor votes)'
    }
    say()
    fs.addEventListener('change', say)
    box.append(fs)
  }
  return box
}

// readFields reads the fields inside el into the document.
function readFields(el: HTMLElement, doc: Scenario) {
  for (const f of el.querySelectorAll<HTMLElement>('[data-kind]')) setPath(doc, f.dataset.path!, read(f, doc, getPath(doc, f.dataset.path!)))
}

// wire makes each edit of a field inside root go into the document at
// once, so that nothing typed is lost when the view is left or drawn
// again before a save.
function wire(root: HTMLElement, doc: Scenario) {
  for (const el of root.querySelectorAll<HTMLElement>('[data-kind]')) {
    el.addEventListener('input', () => {
      const p = el.dataset.path!
      setPath(doc, p, read(el, doc, getPath(doc, p)))
    })
  }
}

// redrawDecision draws the decision editor el again from the document,
// with the diagnostics on its fields; focus puts the focus back on the
// rule (it was just chosen).
function redrawDecision(el: HTMLElement, doc: Scenario, focus: boolean) {
  const p = el.dataset.decision!
  const fresh = decisionEditor(doc, p)
  wire(fresh, doc)
  el.replaceWith(fresh)
  const box = fresh.closest<HTMLElement>('.builder')
  if (box && draft) showDiagnostics(box, draft.diags.filter((x) => x.path.startsWith(p + '.decision')), doc)
  if (focus) fresh.querySelector('select')?.focus({ preventScroll: true })
}

// when says a time the server gave, in the reader's time zone.
function when(t: string): string { return new Date(t).toLocaleString() }

// bytes says a file's size.
function bytes(n: number): string { return n < 1024 ? `${n} bytes` : n < 1 << 20 ? `${(n / 1024).toFixed(1)} kB` : `${(n / (1 << 20)).toFixed(1)} MB` }

// replacedBy says what replaced a kept version, and when.
function replacedBy(v: Version): string {
  const how = v.replaced_by === 'restore' ? `replaced by restoring version ${v.restored}` : v.replaced_by === 'delete' ? 'deleted' : 'replaced by an edit'
  return `${how} ${v.replaced_at ? when(v.replaced_at) : ''}`.trim()
}

// deletedBox is the list of deleted scenarios whose history the server
// keeps (GET /api/scenarios/deleted), asked for when it is opened or
// after a change made here, and drawn from that answer when the view is
// drawn again (deletedFetch): each one's name, when it was deleted and
// the version deleted, with Restore, which brings it back as it was
// deleted (that version restored, If-Match naming it) under its id and
// opens it in the builder, and Purge, which deletes its kept versions
// for good once confirmed (If-Match naming the version deleted, so a
// version deleted since the list was asked for is not purged unseen).
// Without it a deleted scenario could be brought back or purged only
// through the API.
function deletedBox(box: HTMLElement, ctx: BuildContext): HTMLElement {
  const list = h('ul', { class: 'bhistory', 'data-testid': 'deleted-list' })
  const show = async () => {
    list.replaceChildren(h('li', {}, 'Loading…'))
    const asked = deletedFetch ??= api.deleted()
    try {
      const ds = await asked
      list.replaceChildren(...(ds.length ? ds.map((x) => h('li', { 'data-deleted': x.id },
        h('span', {}, `${x.name} · deleted ${x.replaced_at ? when(x.replaced_at) : ''} · version ${x.version}, saved ${when(x.saved_at)}`),
        h('button', { type: 'button', class: 'small', 'data-testid': `deleted-restore-${x.id}`, 'aria-label': `Restore ${x.name}`, onclick: () => undelete(x) }, 'Restore'),
        h('button', { type: 'button', class: 'small danger', 'data-testid': `deleted-purge-${x.id}`, 'aria-label': `Purge ${x.name}`, onclick: () => purge(x) }, 'Purge')))
        : [h('li', {}, 'None: no deleted scenario has versions kept on the server.')]))
    } catch (e) {
      if (deletedFetch === asked) deletedFetch = null
      list.replaceChildren(h('li', { class: 'error' }, errorText(e)))
    }
  }
  // afresh asks the server for the list again, after a change.
  const afresh = () => { deletedFetch = null; return show() }
  const undelete = async (x: Deleted) => {
    if (unsaved() && !confirm(`Discard the unsaved edits and open “${x.name}”, restored?`)) return
    box.inert = true
    try {
      const sv = await api.restore(x.id, x.version, x.version)
      box.inert = false
      deletedFetch = null
      draft = fromView(sv)
      await ctx.opened(sv)
      ctx.status(`Restored “${sv.name}” as it was deleted (version ${x.version}), now version ${sv.version}; it is open in the builder.`)
    } catch (e) {
      const why = e instanceof APIError && e.status === 409 ? 'it was restored or saved elsewhere since this list was loaded; choose it in the scenario list'
        : e instanceof APIError && e.diagnostics.length ? `its file no longer loads on this server (${plural(e.diagnostics.filter((d) => !d.warning).length, 'problem')}, the first: ${sentence(e.diagnostics.find((d) => !d.warning) ?? e.diagnostics[0], unread)})`
          : errorText(e)
      ctx.status(`Not restored: “${x.name}”: ${why}.`, true)
      afresh()
      ctx.relist().catch(() => {})
    } finally { box.inert = false }
  }
  const purge = async (x: Deleted) => {
    if (!confirm(`Purge “${x.name}”? Its saved versions (the last, version ${x.version}, deleted ${x.replaced_at ? when(x.replaced_at) : ''}) are deleted from the server for good: no restore brings them back. This cannot be undone.`)) return
    try {
      await api.purge(x.id, x.version)
      ctx.status(`Purged “${x.name}”: its saved versions are deleted from the server for good.`)
    } catch (e) {
      const why = e instanceof APIError && e.status === 409 ? 'it was restored, created again or deleted again elsewhere since this list was loaded; the list is loaded afresh, purge again if you still want to'
        : e instanceof APIError && e.status === 404 ? 'it is no longer kept on the server (purged elsewhere)'
          : errorText(e)
      ctx.status(`Not purged: “${x.name}”: ${why}.`, true)
      ctx.relist().catch(() => {})
    }
    afresh()
  }
  const el = h('details', { class: 'bhistory', 'data-testid': 'build-deleted',
    ontoggle: (e: Event) => {
      deletedOpen = (e.currentTarget as HTMLDetailsElement).open
      // Opened, it is drawn (from the last answer on a redraw); closed,
      // it is asked for again when next opened.
      if (deletedOpen) show(); else deletedFetch = null
    } },
  h('summary', {}, 'Deleted scenarios'),
  h('p', { class: 'hint' }, 'A deleted scenario’s versions stay on the server (as many as its versions limit says), its runs do not. Restore brings it back as it was when deleted, under its id, and opens it here. Purge deletes its versions from the server for good, for a file that should not be there. Close and open the list to load it afresh.'),
  list) as HTMLDetailsElement
  el.open = deletedOpen
  return el
}

// ---------- drawing ----------

// draw draws the view into box from the draft. only, the path of a list
// an item was just added to, draws again only the part of the view that
// holds that list (the list, else its section), when the view was drawn
// from the same document: an item added, with an empty id or one of
// what exists, changes nothing drawn elsewhere, and drawing the whole
// built-in case again (15,500 nodes) took a second or more per click
// under load. only as a list of sections (by their paths: stances,
// metadata…) draws those again whole, and none of the rest (takeOut).
// The file's and the downloads' sections, which say whether the draft
// is saved, are drawn again with any part. draw reports whether it drew
// the whole view.
function draw(box: HTMLElement, ctx: BuildContext, only?: string | string[]): boolean {
  const d = draft!
  ctx.editingNew(d.id === null)
  const doc = d.doc
  // The section drawn again, when only one is: the others are the nodes
  // already in the page (section), with their fields, listeners and
  // diagnostics.
  const first = only === undefined ? undefined : typeof only === 'string' ? [parsePath(only)[0]] : only
  const partial = first && drawnDoc.get(box) === doc &&
    first.every((x) => typeof x === 'string' && box.querySelector(`:scope > section[data-path="${CSS.escape(x)}"]`)) ? first as string[] : undefined
  const section = (name: string, make: () => HTMLElement) =>
    (partial !== undefined && !partial.includes(name) && box.querySelector<HTMLElement>(`:scope > section[data-path="${CSS.escape(name)}"]`)) || make()
  // What came before the drawing (an item added or removed, a rename
  // carried) changed the document by more than a letter typed: its text
  // is made whole at the next comparison.
  canonCache = new WeakMap()
  // The field typed in, and where in it: the view is drawn again while
  // the person types when the page's forecast answers (after a save, or
  // a snapshot chosen), and the typing goes on where it was.
  const active = document.activeElement instanceof HTMLElement && box.contains(document.activeElement) ? document.activeElement as HTMLInputElement : null
  const focus = active?.dataset.path
  const caret = typeof active?.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd ?? active.selectionStart, active.selectionDirection ?? 'none'] as const : null
  // An id typed in and not yet left: the view is drawn as it stood
  // when the field was last left (data-left), the letters typed so far
  // put back in the field after, and the field keeps the id it has on
  // record (data-was), which the rename on leaving it carries the
  // references from. Drawn from the document, which each letter typed
  // goes into, the field would take the letters typed so far for that
  // id, and the rename would carry nothing; and the fields keyed by an
  // issue's id (its value in each package, its red lines) would be drawn
  // empty under the letters, and read over the values the rename
  // carries to them. The item is kept to check that the field drawn
  // again at the path is its.
  const typing = active?.dataset.rename && active.dataset.was !== undefined && drawnDoc.get(box) === doc
    ? { path: focus!, was: active.dataset.was, left: active.dataset.left ?? active.dataset.was, text: active.value,
        now: getPath(doc, focus!), item: getPath(doc, focus!.replace(/\.\w+$/, '')) } : null
  if (typing) setPath(doc, typing.path, typing.left)
  // The page keeps its scroll where it is when the view is drawn again
  // whole (it was put back where it was when the view was last drawn
  // whole, which a part drawn since, or the person's scrolling, has
  // left behind).
  const again = (only?: string) => { const y = window.scrollY; if (draw(box, ctx, only)) window.scrollTo(0, y) }
  // change reads the fields, applies an edit of the document's shape,
  // and draws again; dropped says items were removed, so the positions
  // the last diagnostics name no longer hold: only the notes still true
  // are kept, at their items' positions now (keepNotes); only is the list an item
  // was added to, the one part of the view to draw again (draw).
  // done, when given, updates the view itself after the edit, and says
  // whether it could (takeOut); else the view is drawn again.
  const change = (edit: () => void, dropped = false, only?: string, done?: () => boolean) => {
    collect(box, doc)
    // The folds as they are now (a fold's toggle is told a moment after
    // it opens), before an edit moves them (reopen).
    for (const el of box.querySelectorAll<HTMLDetailsElement>('details[data-more]')) {
      if (el.open) openMore.add(el.dataset.more!); else openMore.delete(el.dataset.more!)
    }
    const kept = dropped ? keepNotes(doc, d.diags) : undefined
    edit()
    if (kept) d.diags = kept()
    if (!done?.()) again(only)
  }
  // add appends an item to a list and puts the focus in its first field.
  // Both read their path from the button when clicked: an issue renamed
  // since the view was drawn has changed it (renameInPage). An item given
  // as a function is made when clicked, from the document as it is then
  // (a source renamed or a date typed since the view was drawn).
  const add = (drawn: string, item: unknown) => h('button', { type: 'button', class: 'small', 'data-add': drawn, 'aria-label': `Add to ${describe(drawn, doc).toLowerCase()}`, onclick: (e: Event) => {
    const path = (e.currentTarget as HTMLElement).dataset.add ?? drawn
    let at = 0
    change(() => {
      const list = getPath(doc, path)
      const made = clone(typeof item === 'function' ? item() : item)
      if (Array.isArray(list)) at = list.push(made) - 1
      else setPath(doc, path, [made])
    }, false, path)
    const first = box.querySelector<HTMLElement>(`[data-path^="${CSS.escape(`${path}[${at}].`)}"]`)
    first?.focus({ preventScroll: true })
    first?.scrollIntoView({ block: 'nearest' })
  } }, '+ add')
  // remove removes the item at its path (read from the button, as add's)
  // and what names it elsewhere (removal.ts): at once when nothing does;
  // else after asking, with the list of what goes with it; never when
  // the removal would change what remains in a way the person must
  // decide (the reasons are said instead, and the focus put on the
  // first field to change). what names the item, when clicked if a function
  // (an id or a name typed since the view was drawn).
  const remove = (drawn: string, what: string | ((path: string) => string)) => {
    let button: HTMLElement
    const named = () => (typeof what === 'function' ? what(button?.dataset.remove ?? drawn) : what)
    button = h('button', { type: 'button', class: 'small remove', 'data-remove': drawn, 'aria-label': `Remove ${named()}`, title: `Remove ${named()}`,
      onclick: (e: Event) => {
        const path = (e.currentTarget as HTMLElement | null)?.dataset.remove ?? drawn
        collect(box, doc)
        const before = shapeOf(doc, path)
        // An item whose id (or file) is empty, or another item's given
        // by mistake, is named by what named it by the one it had
        // (waiting), which goes with it: the item's own, and those of the
        // items a snapshot or variant adds. The others are read so too
        // meanwhile: an item given by mistake the id this one's field
        // had does not own what waits for this one.
        const ids = [...box.querySelectorAll<HTMLElement>('input[data-rename]')].map((el) => el.dataset.path!)
        const kept = ids.map((p) => [p, waiting(box, doc, p), getPath(doc, p)]).filter(([, was]) => was)
        for (const [p, was] of kept) setPath(doc, p, was)
        const r = removal(doc, path)
        for (const [p, , before] of kept) setPath(doc, p, before)
        const it = named()
        if (r.refused.length) {
          const why = `${it.charAt(0).toUpperCase() + it.slice(1)} cannot be removed here.\n${r.refused.map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join('\n')}`
          ctx.status(why.replace(/\n/g, ' '), true)
          alert(why)
          // The first field to change first, at hand.
          const at = r.fields.find((f) => f) && place(box, r.fields.find((f) => f)!)
          const input = at && (at.matches('input,select,textarea') ? at : at.querySelector<HTMLElement>('input,select,textarea'))
          if (input) { input.scrollIntoView({ block: 'center' }); input.focus({ preventScroll: true }) }
          return
        }
        if (r.also.length && !confirm(`Remove ${it}? These name it, and go with it:\n${r.also.map((x) => '• ' + x).join('\n')}`)) return
        change(() => { const open = openItems(doc); r.apply(); reopen(doc, open) }, true, undefined, () => takeOut(box, ctx, doc, path, before))
        // The focus stays where the item was: on the item after it, now
        // in its place, else on the list's add button.
        const next = box.querySelector<HTMLElement>(`button[data-remove="${CSS.escape(path)}"]`) ??
          box.querySelector<HTMLElement>(`button[data-add="${CSS.escape(path.replace(/\[\d+\]$/, ''))}"]`)
        next?.focus({ preventScroll: true })
      } }, '✕')
    removeNames.set(button, named)
    return button
  }

  // more is a folded group of an item's less used fields.
  const more = (key: string, summary: string, ...kids: (HTMLElement | null)[]) => {
    const el = h('details', { class: 'bmore', open: openMore.has(key), 'data-more': key }, h('summary', {}, summary), ...kids)
    el.addEventListener('toggle', () => { const at = el.dataset.more!; if (el.open) openMore.add(at); else openMore.delete(at) })
    return el
  }
  const issues = choices(doc, 'issue', '').slice(1)
  const actorField = (label: string, path: string, cur: string) => {
    const f = field(label, path, 'actor', cur, { options: choices(doc, 'actor', cur, scopeOf(path)), choices: 'actor' })
    const sel = f.querySelector('select') as HTMLSelectElement
    sel.value = resolves(doc, cur) ?? cur
    return f
  }
  const issueField = (label: string, path: string, cur: string) => field(label, path, 'text', cur, { options: choices(doc, 'issue', cur), choices: 'issue' })
  const salience = 'metadata.salience_scale'
  const salMax = doc.metadata.salience_scale === 100 ? 100 : 1
  const scaleOf = (issue: string) => {
    const is = doc.issues.find((x) => x.id === issue)
    return is?.scale ? rangeJoin(is.scale.min === undefined || is.scale.min === null ? '?' : plainNum(is.scale.min), is.scale.max === undefined || is.scale.max === null ? '?' : plainNum(is.scale.max)) : '0–100'
  }

  // evidence rows: pick the source, paste the quote; list is the path of
  // the list (a stance's ….evidence, an actor's ….capability_evidence). A
  // new quote cites the first source.
  const quoteRows = (list: string, ev: Evidence[] | undefined, title = 'Quotes') => h('div', { class: 'bevidence', 'data-path': list },
    h('div', { class: 'bhead' }, h('strong', {}, title), add(list, () => ({ source: doc.metadata.sources?.[0]?.id ?? '', quote: '' }))),
    ...(ev ?? []).map((e, k) => {
      const p = `${list}[${k}]`
      return h('div', { class: 'brow', 'data-path': p },
        field('Source', p + '.source', 'text', e.source, { options: choices(doc, 'source', e.source), choices: 'source' }),
        field('Date', p + '.date', 'opttext', e.date, { placeholder: 'YYYY-MM-DD' }),
        field('Quote, verbatim', p + '.quote', 'textarea', e.quote, { wide: true, rows: 2 }),
        remove(p, (q) => `quote ${nth(q)}`))
    }))
  const evidenceRows = (path: string, ev: Evidence[] | undefined) => quoteRows(path + '.evidence', ev)
  // redLineRows are an actor's (or an actor change's, at p) red line on
  // each issue, each with its reason and its quotes.
  type RedLined = { red_lines?: { [issue: string]: string }; red_line_assumed?: { [issue: string]: string }; red_line_evidence?: { [issue: string]: Evidence[] } }
  const redLine = (p: string, a: RedLined, is: Issue, hint?: string) => h('div', { class: 'bredline' },
    h('div', { class: 'brow' },
      field(`Red line on ${is.name || is.id}`, `${p}.red_lines.${is.id}`, 'opttext', a.red_lines?.[is.id], { placeholder: 'e.g. <= 40', hint }),
      field('Red line assumed because', `${p}.red_line_assumed.${is.id}`, 'opttext', a.red_line_assumed?.[is.id], { wide: true, placeholder: 'when no source speaks to it' })),
    quoteRows(`${p}.red_line_evidence.${is.id}`, a.red_line_evidence?.[is.id], `Quotes behind the red line on ${is.name || is.id}`))
  const redLineRows = (p: string, a: RedLined, hint?: string) => h('div', { class: 'bredlines', 'data-issues': p, 'data-hint': hint },
    ...doc.issues.filter((is) => is.id).map((is) => redLine(p, a, is, hint)))

  // actorEditor is an actor at p, of the base or added by a snapshot or
  // variant.
  const actorEditor = (p: string, a: Actor) => h('div', { class: 'bitem', 'data-path': p },
    h('div', { class: 'brow' },
      field('Id', p + '.id', 'text', a.id, { rename: 'actor' }), field('Name', p + '.name', 'text', a.name, { refresh: true }),
      field('Capability', p + '.capability', 'number', a.capability, { hint: '(> 0; only ratios matter)' }),
      group('Capability range', p + '.capability_range', 'pair', a.capability_range?.[0], a.capability_range?.[1], ['low', 'high']),
      field('Aliases', p + '.aliases', 'list', a.aliases?.join(', '), { hint: '(comma-separated)', refresh: true }),
      remove(p, (q) => `actor ${a.name || a.id || nth(q)}`)),
    h('div', { class: 'brow' }, field('Capability assumed because', p + '.capability_assumed', 'opttext', a.capability_assumed, { wide: true, placeholder: 'when no source speaks to it' })),
    quoteRows(p + '.capability_evidence', a.capability_evidence, 'Quotes behind the capability'),
    more(p, 'Description, red lines, reservation',
      field('Description', p + '.description', 'opttextarea', a.description, { wide: true }),
      field('Capability note', p + '.capability_note', 'opttext', a.capability_note, { wide: true }),
      redLineRows(p, a),
      h('div', { class: 'brow' },
        field('Reservation utility', p + '.reservation', 'optnumber', a.reservation, { hint: '(0–1)' }),
        field('Reservation assumed because', p + '.reservation_assumed', 'opttext', a.reservation_assumed, { wide: true, placeholder: 'when no source speaks to it' })),
      quoteRows(p + '.reservation_evidence', a.reservation_evidence, 'Quotes behind the reservation')))

  // packageField is the value for the issue is in the package of the
  // proposal x at p (of a change's, with change).
  const packageField = (p: string, x: Proposal, is: Issue, change: boolean) =>
    field(is.name || is.id, `${p}.package.${is.id}`, 'optnumber', x.package?.[is.id], { hint: `(${scaleOf(is.id)})`, scale: `issues[${doc.issues.indexOf(is)}].id`, placeholder: change ? 'unchanged' : 'open' })

  // proposalEditor is a proposal at p, of the base or of a snapshot's or
  // variant's changes (change): there an id already on the table changes
  // that proposal, and the fields left empty keep its own, so the name and
  // date may be left empty.
  const proposalEditor = (p: string, x: Proposal, change: boolean) => {
    const tabled = change ? [...proposalsIn(doc, scopeOf(p), false)] : []
    const listId = 'b' + ++uid
    return h('div', { class: 'bitem', 'data-path': p },
      h('div', { class: 'brow' },
        field('Id', p + '.id', 'text', x.id, { rename: 'proposal', list: change ? listId : undefined, hint: change ? '(new, or one on the table to change)' : undefined }),
        change ? h('datalist', { id: listId, 'data-scope': scopeOf(p) }, ...tabled.map(([v, l]) => h('option', { value: v }, l))) : null,
        field('Name', p + '.name', change ? 'opttext' : 'text', x.name, { wide: true, refresh: true, placeholder: change ? 'empty: unchanged' : undefined }),
        field('Date', p + '.date', change ? 'opttext' : 'text', x.date, { placeholder: 'YYYY-MM-DD' }), field('Withdrawn', p + '.withdrawn', 'opttext', x.withdrawn, { placeholder: 'YYYY-MM-DD' }),
        remove(p, (q) => `proposal ${x.name || x.id || nth(q)}`)),
      field('Description', p + '.description', 'opttextarea', x.description, { wide: true }),
      h('div', { class: 'brow', 'data-path': p + '.package', 'data-issues': p }, ...doc.issues.filter((is) => is.id).map((is) => packageField(p, x, is, change))),
      checklist('Proposed by', p + '.proposers', x.proposers ?? [], doc),
      h('div', { class: 'brow' }, field('Assumed because', p + '.assumed', 'opttext', x.assumed, { wide: true }), field('Note', p + '.note', 'opttext', x.note, { wide: true })),
      evidenceRows(p, x.evidence))
  }

  // the changes a snapshot or variant makes
  const changesEditor = (path: string, c: Changes) => {
    return h('div', { class: 'bchanges' },
      h('div', { class: 'bhead', 'data-path': path + '.add_actors' }, h('strong', {}, 'Added actors'), add(path + '.add_actors', { id: '', name: '', capability: null }),
        h('small', { class: 'hint' }, ' New at the table from this change on (a snapshot’s, at every later date too): give their stances under Changed stances.')),
      ...(c.add_actors ?? []).map((a, k) => actorEditor(`${path}.add_actors[${k}]`, a)),
      h('div', { class: 'bhead', 'data-path': path + '.stances' }, h('strong', {}, 'Changed stances'), add(path + '.stances', { actor: '', issue: '' }),
        h('small', { class: 'hint' }, ' Position, salience, note: what a change leaves empty stays as it was. A range given replaces that range; one left empty is kept where it still holds the value, and dropped (warned of) where it does not: say why under Range dropped because, or give a range.')),
      ...(c.stances ?? []).map((sc, k) => {
        const p = `${path}.stances[${k}]`
        return h('div', { class: 'bitem', 'data-path': p },
          h('div', { class: 'brow' },
            actorField('Actor', p + '.actor', sc.actor), issueField('Issue', p + '.issue', sc.issue),
            field('Position', p + '.position', 'optnumber', sc.position, { hint: `(${scaleOf(sc.issue)}; empty: unchanged)`, scale: p + '.issue' }),
            field('Salience', p + '.salience', 'optnumber', sc.salience, { hint: `(0–${salMax}; empty: unchanged)`, scale: salience }),
            group('Position range', p + '.range.position', 'pair', sc.range?.position?.[0], sc.range?.position?.[1], ['low', 'high']),
            group('Salience range', p + '.range.salience', 'pair', sc.range?.salience?.[0], sc.range?.salience?.[1], ['low', 'high']),
            remove(p, 'this change')),
          h('div', { class: 'brow' }, field('Assumed because', p + '.assumed', 'opttext', sc.assumed, { wide: true, placeholder: 'when no source speaks to it' }),
            field('Note', p + '.note', 'opttext', sc.note, { wide: true })),
          h('div', { class: 'brow' }, field('Range dropped because', p + '.range_dropped', 'opttext', sc.range_dropped,
            { wide: true, placeholder: 'when the change moves the number out of its range on purpose and gives none' })),
          evidenceRows(p, sc.evidence))
      }),
      h('div', { class: 'bhead', 'data-path': path + '.actors' }, h('strong', {}, 'Changed actors'), add(path + '.actors', { id: '' }),
        h('small', { class: 'hint' }, ' Capability, red lines, reservation: what a change leaves empty stays as it was.')),
      ...(c.actors ?? []).map((ac, k) => {
        const p = `${path}.actors[${k}]`
        return h('div', { class: 'bitem', 'data-path': p },
          h('div', { class: 'brow' }, actorField('Actor', p + '.id', ac.id),
            field('Capability', p + '.capability', 'optnumber', ac.capability, { hint: '(empty: unchanged)' }),
            group('Capability range', p + '.capability_range', 'pair', ac.capability_range?.[0], ac.capability_range?.[1], ['low', 'high']),
            field('Capability assumed because', p + '.capability_assumed', 'opttext', ac.capability_assumed, { wide: true }),
            remove(p, 'this change')),
          h('div', { class: 'brow' }, field('Capability range dropped because', p + '.capability_range_dropped', 'opttext', ac.capability_range_dropped,
            { wide: true, placeholder: 'when the change moves the capability out of its range on purpose and gives none' })),
          quoteRows(p + '.capability_evidence', ac.capability_evidence, 'Quotes behind the new capability'),
          // Folded as an actor's are; the fold opens when a diagnostic
          // falls inside it.
          more(p, 'Red lines, reservation, note',
            redLineRows(p, ac, '(empty: unchanged; none: dropped)'),
            h('div', { class: 'brow' },
              field('Reservation utility', p + '.reservation', 'optnumber', ac.reservation, { hint: '(0–1; empty: unchanged)' }),
              field('Reservation assumed because', p + '.reservation_assumed', 'opttext', ac.reservation_assumed, { wide: true, placeholder: 'when no source speaks to it' })),
            quoteRows(p + '.reservation_evidence', ac.reservation_evidence, 'Quotes behind the reservation'),
            field('Note', p + '.note', 'opttext', ac.note, { wide: true })))
      }),
      checklist('Actors who leave', path + '.remove_actors', c.remove_actors ?? [], doc),
      h('div', { class: 'bhead', 'data-path': path + '.proposals' }, h('strong', {}, 'Proposals put on the table or changed'), add(path + '.proposals', { id: '' }),
        h('small', { class: 'hint' }, ' A new id adds a proposal (name, date and package needed); the id of one on the table changes it: what is given replaces its own, the package issue by issue.')),
      ...(c.proposals ?? []).map((x, k) => proposalEditor(`${path}.proposals[${k}]`, x, true)),
      checklist('Proposals taken off the table', path + '.withdraw_proposals', c.withdraw_proposals ?? [], doc, 'proposal'))
  }

  const md = doc.metadata
  const stored = d.id !== null
  const problems = d.diags.filter((x) => !x.warning)

  // the file: save, new, upload, delete
  // The file chosen and its format outlive drawing the view again (an
  // item added, a save refused): the fields drawn before are moved into
  // the new view, with what the user chose in them.
  const fileInput = box.querySelector<HTMLInputElement>('#build-upload-file') ??
    h('input', { type: 'file', id: 'build-upload-file', 'data-testid': 'build-upload-file' }) as HTMLInputElement
  const fmt = box.querySelector<HTMLSelectElement>('#build-upload-format') ??
    h('select', { id: 'build-upload-format', 'aria-label': 'Format of the file' }, ...formatOptions()) as HTMLSelectElement
  const upload = async () => {
    const f = fileInput.files?.[0]
    if (!f) { ctx.status('Choose a file to upload first.', true); return }
    if (unsaved() && !confirm('Discard the unsaved edits and open the uploaded file?')) return
    try {
      const sv = await api.import(f, f.name, fmt.value)
      // Uploaded: the choice is spent, and is not kept into the view of
      // the file drawn next.
      fileInput.value = ''
      fmt.value = ''
      draft = fromView(sv)
      await ctx.opened(sv)
      ctx.status(`Uploaded ${f.name} as “${sv.name}”${sv.warnings.length ? `, with ${counted(sv.warnings)} marked below` : ''}.`)
    } catch (e) {
      // The problems are the file's: listed under the upload, not put
      // beside the draft's fields, which they do not name.
      const diags = e instanceof APIError ? e.diagnostics : []
      if (diags.length || d.refused) {
        d.refused = diags.length ? { name: f.name, diags } : undefined
        again()
      }
      ctx.status(diags.length ? `${f.name} was not uploaded: the server found ${plural(diags.filter((x) => !x.warning).length, 'problem')} in it, listed under the upload.` : errorText(e), true)
    }
  }
  const showError = (e: unknown) => {
    if (e instanceof APIError && e.diagnostics.length) {
      d.diags = e.diagnostics
      again()
      ctx.status(`The server found ${plural(e.diagnostics.filter((x) => !x.warning).length, 'problem')}: see the marked fields.`, true)
    } else ctx.status(errorText(e), true)
  }
  const save = async () => {
    collect(box, doc)
    // A number field holding text that is not a number reads as empty
    // (the browser gives no value), which would save it as not given:
    // the save is refused here instead, the fields marked as the
    // server's problems are, and not drawn again, which would empty them.
    // So is an id left empty that other fields name the item by still
    // (idless): the server would take them for names of unknown items.
    unmark(box, '[data-local]')
    const bad = unreadable(box), empty = idless(box, doc)
    if (bad.length || empty.length) {
      const all = [...bad, ...empty]
      showDiagnostics(box, all.map(([, x]) => x), doc, true)
      all[0][0].scrollIntoView({ block: 'center' })
      all[0][0].focus({ preventScroll: true })
      const why = [bad.length ? `${plural(bad.length, 'number field')} ${bad.length === 1 ? 'holds' : 'hold'} text that is not a number` : '',
        empty.length ? `${plural(empty.length, 'id')} ${isAre(empty.length)} empty, which other fields name their items by still` : ''].filter((x) => x)
      ctx.status(`Not saved: ${why.join(', and ')}: see the marked fields.`, true)
      return
    }
    // While the server has the document, the builder takes no edits: the
    // server's copy replaces the draft when it answers, and what was typed
    // meanwhile would be lost without a word (a second click on Save
    // would send the same version twice, the second refused).
    box.inert = true
    try {
      const sv = d.id === null ? await api.create(doc) : await api.saveDocument(d.id, d.version, doc)
      box.inert = false
      draft = fromView(sv)
      await ctx.opened(sv)
      const warned = sv.warnings.length ? `, with ${counted(sv.warnings)} marked below` : ''
      ctx.status(d.id !== null && sv.version === d.version ? `Nothing to save: “${sv.name}” is as stored (version ${sv.version})${warned}.`
        : `Saved “${sv.name}” (version ${sv.version})${warned}; forecasts re-run.${savedNotes(sv)}`)
    } catch (e) { showError(e) } finally { box.inert = false }
  }
  const del = async () => {
    if (!stored || !confirm(`Delete “${d.title}” and its runs? The runs are gone for good; its saved versions stay on the server, and “Deleted scenarios” in the Build view (below History) restores it.`)) return
    try {
      await api.remove(d.id!, d.version)
      const id = d.id!
      draft = null
      deletedFetch = null
      await ctx.deleted(id)
      ctx.status(`Deleted “${d.title}” and its runs; “Deleted scenarios” in the Build view lists it, to restore.`)
    } catch (e) { showError(e) }
  }
  const fresh = () => {
    if (unsaved() && !confirm('Discard the unsaved edits and start a blank scenario?')) return
    draft = blank()
    again()
  }
  const discard = () => { draft = null; renderBuilder(box, ctx) }

  // The saved versions (GET …/versions), listed when History is opened:
  // View loads one into the builder as unsaved edits of the current
  // version (Save makes it the next version; Discard changes goes back);
  // Restore saves it as the next version on the server, if no one saved
  // the scenario since it was loaded here, and the version it replaces
  // stays in the history, so a restore can be undone the same way.
  const versionList = h('ol', { class: 'bhistory', 'data-testid': 'history-list' })
  const viewVersion = async (v: Version) => {
    if (unsaved() && !confirm(`Discard the unsaved edits and load version ${v.version}?`)) return
    try {
      const vv = await api.version(d.id!, v.version)
      draft = { id: d.id, version: d.version, title: d.title, doc: clone(vv.scenario), pristine: d.pristine,
        diags: vv.warnings.map((w) => ({ ...w, warning: true })) }
      draw(box, ctx)
      box.querySelector<HTMLElement>('[data-testid=build-state]')?.scrollIntoView({ block: 'nearest' })
      ctx.status(`Loaded version ${v.version} (${when(v.saved_at)}) into the builder, not saved: Save makes it version ${d.version + 1}; Discard changes goes back to version ${d.version}.`)
    } catch (e) { ctx.status(errorText(e), true) }
  }
  const restoreVersion = async (v: Version) => {
    if (!confirm(unsaved() ? `Discard the unsaved edits and restore version ${v.version} as version ${d.version + 1}?` : `Restore version ${v.version} as version ${d.version + 1}? Version ${d.version} stays in the history.`)) return
    box.inert = true
    try {
      const sv = await api.restore(d.id!, v.version, d.version)
      box.inert = false
      draft = fromView(sv)
      await ctx.opened(sv)
      ctx.status(`Restored version ${v.version} of “${sv.name}” as version ${sv.version}; version ${d.version} is kept in the history.`)
    } catch (e) {
      if (e instanceof APIError && e.status === 409) {
        ctx.status(`Not restored: “${d.title}” was saved elsewhere since you loaded version ${d.version}, and a restore would replace those changes unseen. Choose the scenario again in the list to load its latest version, then restore again if you still want version ${v.version}.`, true)
      } else showError(e)
    } finally { box.inert = false }
  }
  // downloadVersion saves a version as the file that was saved, comments
  // and layout and all (GET …/versions/{n}/file).
  const downloadVersion = (v: Version) => download(`/api/scenarios/${encodeURIComponent(d.id!)}/versions/${v.version}/file`)
    .then(() => ctx.status(`Downloaded version ${v.version} of “${d.title}” as it was saved.`), (e) => ctx.status(errorText(e), true))
  const showVersions = async () => {
    versionList.replaceChildren(h('li', {}, 'Loading…'))
    try {
      const vs = await api.versions(d.id!)
      versionList.replaceChildren(...vs.map((v) => h('li', { 'data-version': String(v.version) },
        h('span', {}, `Version ${v.version} · ${when(v.saved_at)} · ${bytes(v.size)}${v.current ? ' · current' : ' · ' + replacedBy(v)}`),
        h('button', { type: 'button', class: 'small', 'data-testid': `history-download-${v.version}`, 'aria-label': `Download version ${v.version}`, onclick: () => downloadVersion(v) }, 'Download'),
        v.current ? null : h('button', { type: 'button', class: 'small', 'data-testid': `history-view-${v.version}`, 'aria-label': `View version ${v.version}`, onclick: () => viewVersion(v) }, 'View'),
        v.current ? null : h('button', { type: 'button', class: 'small', 'data-testid': `history-restore-${v.version}`, 'aria-label': `Restore version ${v.version}`, onclick: () => restoreVersion(v) }, 'Restore'))))
    } catch (e) { versionList.replaceChildren(h('li', { class: 'error' }, errorText(e))) }
  }
  const historyBox = stored ? h('details', { class: 'bhistory', 'data-testid': 'build-history', ontoggle: (e: Event) => { if ((e.currentTarget as HTMLDetailsElement).open) showVersions() } },
    h('summary', {}, 'History'),
    h('p', { class: 'hint' }, 'Each save keeps the version it replaces (the server keeps the newest of them, as many as its versions limit says: parley serve --limit versions=N). Download saves one as the file that was saved, comments and all; View loads one into the builder, unsaved; Restore saves it as a new version, which can be undone the same way.'),
    versionList) : null

  const head = h('section', { class: 'card bfile', 'data-testid': 'build-file' },
    h('h2', {}, 'Build a scenario'),
    h('p', { class: 'hint' }, 'Edit the scenario and save: the server checks it as ', h('code', {}, 'parley validate'), ' does (quotes against their sources too, when it runs with --sources) and marks what is wrong beside the field. A saved YAML file keeps its comments.'),
    h('p', { class: 'bstate', 'data-testid': 'build-state' }, stateText(d)),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', 'data-testid': 'build-save', onclick: save }, stored ? 'Save' : 'Create scenario'),
      h('button', { type: 'button', onclick: discard, 'data-testid': 'build-discard', hidden: stored && !edited(d) }, stored ? 'Discard changes' : 'Cancel'),
      stored ? h('button', { type: 'button', 'data-testid': 'build-new', onclick: fresh }, 'New blank scenario') : null,
      stored ? h('button', { type: 'button', class: 'danger', 'data-testid': 'build-delete', onclick: del }, 'Delete scenario') : null),
    historyBox,
    deletedBox(box, ctx),
    h('div', { class: 'row' }, h('label', { for: 'build-upload-file' }, 'Or upload a file (a scenario, or a peer tool’s: ', h('span', { 'data-formats': '' }, formatNames()), ') '),
      fileInput, fmt, h('button', { type: 'button', 'data-testid': 'build-upload', onclick: upload }, 'Upload')),
    d.refused ? h('div', { class: 'bproblems', role: 'alert', 'data-testid': 'upload-problems' },
      h('p', {}, `${d.refused.name} was not uploaded: ${plural(d.refused.diags.filter((x) => !x.warning).length, 'problem')} in it to fix${d.refused.diags.some((x) => x.warning) ? `, and ${counted(d.refused.diags)}` : ''}:`),
      h('ul', {}, ...d.refused.diags.map((x) => h('li', { class: kind(x) }, mark(x) + (x.line ? `Line ${x.line}: ` : '') + sentence(x, unread))))) : null,
    d.diags.length ? h('div', { class: 'bproblems', role: 'alert', 'data-testid': 'build-problems' },
      h('p', {}, problems.length ? `${plural(problems.length, 'problem')} to fix before it can be saved${d.diags.length > problems.length ? `, and ${counted(d.diags)}` : ''}:` : `${counted(d.diags)}:`),
      h('ul', {}, ...d.diags.map((x) => h('li', { class: kind(x) },
        h('button', { type: 'button', class: 'link', onclick: () => (place(box, x.path)?.querySelector<HTMLElement>('input,select,textarea') ?? place(box, x.path))?.focus() }, sentence(x, doc)))))) : null)

  // downloads of the saved scenario
  const q = (o: { [k: string]: string }) => Object.entries(o).filter(([, v]) => v).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
  const base = stored ? `/api/scenarios/${encodeURIComponent(d.id!)}` : ''
  const lost = h('ul', { class: 'hint', 'data-testid': 'export-lost' })
  const link = (href: string, text: string, testid: string) => h('a', { href, class: 'button', 'data-testid': testid, download: '',
    onclick: (e: Event) => {
      e.preventDefault()
      download(href).then((hdr) => {
        const l = hdr.get('Parley-Cannot-Hold')
        const list: string[] = l ? JSON.parse(l) : []
        lost.replaceChildren(...list.map((x) => h('li', {}, x)))
        ctx.status(list.length ? `Downloaded ${text}; the format cannot hold ${plural(list.length, 'thing')}, listed under Export.` : `Downloaded ${text}.`)
      }, (err) => ctx.status(errorText(err), true))
    } }, text)
  const exportIssue = h('select', { id: 'export-issue', 'aria-label': 'Issue' }, h('option', { value: '' }, 'every issue'), ...issues.map(([v, l]) => h('option', { value: v }, l))) as HTMLSelectElement
  const peerLinks = h('span', { class: 'row' })
  const drawPeer = () => peerLinks.replaceChildren(...peerFormats.map(([f, l]) =>
    link(`${base}/export?${q({ to: f, issue: exportIssue.value, snapshot: ctx.snapshot, variant: ctx.variant })}`, l, 'export-' + f)))
  exportIssue.onchange = drawPeer
  drawPeer()
  const at = `${ctx.snapshot === 'latest' ? 'the latest snapshot' : ctx.snapshot === 'base' ? 'the base date' : ctx.snapshot}${ctx.variant ? ', variant ' + ctx.variant : ''}`
  const downloads = stored ? h('section', { class: 'card', 'data-testid': 'build-downloads' }, h('h2', {}, 'Download'),
    h('p', { class: 'hint' }, 'Of the saved version', h('span', { 'data-testid': 'build-unsaved-note', hidden: !edited(d) }, ' (save first to include your edits)'), `. The brief and the peer formats are at ${at}, as chosen above.`),
    h('div', { class: 'row' }, h('strong', {}, 'Brief'),
      link(`${base}/brief?${q({ format: 'html', snapshot: ctx.snapshot, variant: ctx.variant })}`, 'HTML', 'brief-html'),
      link(`${base}/brief?${q({ format: 'md', snapshot: ctx.snapshot, variant: ctx.variant })}`, 'Markdown', 'brief-md'),
      link(`${base}/brief?${q({ format: 'pdf', snapshot: ctx.snapshot, variant: ctx.variant })}`, 'PDF', 'brief-pdf')),
    h('div', { class: 'row' }, h('strong', {}, 'Export'),
      link(`${base}/export`, 'the file as saved', 'export-file'), link(`${base}/export?format=yaml`, 'YAML', 'export-yaml'), link(`${base}/export?format=json`, 'JSON', 'export-json')),
    h('div', { class: 'row' }, h('strong', {}, 'For another tool'), h('label', { for: 'export-issue' }, 'Issue '), exportIssue, peerLinks),
    lost) : null

  // the scenario: metadata and sources
  const meta = section('metadata', () => h('section', { class: 'card', 'data-testid': 'build-metadata', 'data-path': 'metadata' }, h('h2', {}, 'Scenario'),
    h('div', { class: 'brow' },
      field('Id', 'metadata.id', 'text', md.id, { hint: defaults().id_example ? `(short, e.g. ${defaults().id_example})` : '(short)' }),
      field('Title', 'metadata.title', 'text', md.title, { wide: true }),
      field('As of', 'metadata.as_of', 'text', md.as_of, { hint: '(the date the stances describe)', placeholder: 'YYYY-MM-DD' }),
      field('Salience scale', 'metadata.salience_scale', 'optnumber', md.salience_scale, { options: [['', '0–1 (unstated)'], ['1', '0–1'], ['100', '0–100']], refresh: true })),
    field('Description', 'metadata.description', 'opttextarea', md.description, { wide: true }),
    field('What capability measures', 'metadata.capability_scale', 'opttext', md.capability_scale, { wide: true }),
    h('div', { class: 'bhead', 'data-path': 'metadata.sources' }, h('h3', {}, 'Sources'), add('metadata.sources', { id: '' }),
      h('small', { class: 'hint' }, ' Quotes cite a source by its id; the file (in the server’s --sources folder) is what quotes are checked against.')),
    ...(md.sources ?? []).map((s, k) => {
      const p = `metadata.sources[${k}]`
      // One line a source, its × at the line's end (class bsource,
      // style.css): the title the widest field, where the six fields
      // wrapped the × onto a line of its own and cut the title.
      return h('div', { class: 'brow bsource', 'data-path': p },
        field('Id', p + '.id', 'text', s.id, { rename: 'source' }), field('Title', p + '.title', 'opttext', s.title, { refresh: true }),
        field('Publisher', p + '.publisher', 'opttext', s.publisher), field('Date', p + '.date', 'opttext', s.date, { placeholder: 'YYYY-MM-DD' }),
        field('File', p + '.file', 'opttext', s.file, { rename: 'source' }), field('URL', p + '.url', 'opttext', s.url), remove(p, (q) => `source ${s.id || nth(q)}`))
    })))

  // issues with their options
  const issueCards = section('issues', () => h('section', { class: 'card', 'data-testid': 'build-issues', 'data-path': 'issues' },
    h('div', { class: 'bhead' }, h('h2', {}, 'Issues'), add('issues', { id: '', name: '' })),
    ...doc.issues.map((is, i) => {
      const p = `issues[${i}]`
      return h('div', { class: 'bitem', 'data-path': p },
        h('div', { class: 'brow' },
          field('Id', p + '.id', 'text', is.id, { rename: 'issue' }), field('Name', p + '.name', 'text', is.name, { refresh: true }),
          group('Scale', p + '.scale', 'scale', is.scale?.min, is.scale?.max, ['min (0)', 'max (100)']),
          field('Status quo', p + '.reference', 'optnumber', is.reference),
          // discrete: its options are its only outcomes (docs/format.md)
          field('Discrete', p + '.discrete', 'optbool', is.discrete, { hint: '(only its options)' }),
          remove(p, (q) => `issue ${is.name || is.id || nth(q)}`)),
        field('Description', p + '.description', 'opttextarea', is.description, { wide: true }),
        decisionEditor(doc, p),
        h('div', { class: 'bhead', 'data-path': p + '.anchors' }, h('strong', {}, 'Options'), add(p + '.anchors', { value: null, label: '' }),
          h('small', { class: 'hint' }, ' Points of the scale labelled with what they stand for, in increasing order.')),
        ...(is.anchors ?? []).map((a, k) => {
          const q = `${p}.anchors[${k}]`
          return h('div', { class: 'brow', 'data-path': q }, field('Value', q + '.value', 'number', a.value),
            field('Label', q + '.label', 'text', a.label, { wide: true }), remove(q, (at) => `option ${nth(at)}`))
        }))
    })))

  // actors
  const actorRows = section('actors', () => h('section', { class: 'card', 'data-testid': 'build-actors', 'data-path': 'actors' },
    h('div', { class: 'bhead' }, h('h2', {}, 'Actors'), add('actors', { id: '', name: '', capability: null })),
    ...doc.actors.map((a, i) => actorEditor(`actors[${i}]`, a))))

  // stances
  const missing = () => doc.actors.flatMap((a) => doc.issues.filter((is) => !doc.stances.some((x) => (resolves(doc, x.actor) ?? x.actor) === a.id && x.issue === is.id))
    .map((is) => ({ actor: a.id, issue: is.id, position: null as unknown as number, salience: null as unknown as number })))
  const stanceRows = section('stances', () => h('section', { class: 'card', 'data-testid': 'build-stances', 'data-path': 'stances' },
    h('div', { class: 'bhead' }, h('h2', {}, 'Stances'), add('stances', { actor: '', issue: '', position: null, salience: null }),
      h('button', { type: 'button', class: 'small', 'data-testid': 'add-missing-stances', onclick: () => change(() => { doc.stances.push(...missing().filter((x) => x.actor && x.issue)) }, false, 'stances') },
        '+ add one for each actor and issue without one')),
    h('p', { class: 'hint', 'data-scale': salience }, `Each actor’s position on an issue’s scale and the issue’s salience to it (0–${salMax}), with the quotes it rests on — or why it is assumed.`),
    ...doc.stances.map((x, i) => {
      const p = `stances[${i}]`
      return h('div', { class: 'bitem', 'data-path': p },
        h('div', { class: 'brow' },
          actorField('Actor', p + '.actor', x.actor), issueField('Issue', p + '.issue', x.issue),
          field('Position', p + '.position', 'number', x.position, { hint: `(${scaleOf(x.issue)})`, scale: p + '.issue' }),
          field('Salience', p + '.salience', 'number', x.salience, { hint: `(0–${salMax})`, scale: salience }),
          group('Position range', p + '.range.position', 'pair', x.range?.position?.[0], x.range?.position?.[1], ['low', 'high']),
          group('Salience range', p + '.range.salience', 'pair', x.range?.salience?.[0], x.range?.salience?.[1], ['low', 'high']),
          remove(p, () => `the stance of ${actorName(doc, x.actor)} on ${issueName(doc, x.issue)}`)),
        h('div', { class: 'brow' }, field('Assumed because', p + '.assumed', 'opttext', x.assumed, { wide: true, placeholder: 'when no source speaks to it' }),
          field('Note', p + '.note', 'opttext', x.note, { wide: true })),
        evidenceRows(p, x.evidence))
    })))

  // snapshots and variants
  const snapshots = section('snapshots', () => h('section', { class: 'card', 'data-testid': 'build-snapshots', 'data-path': 'snapshots' },
    h('div', { class: 'bhead' }, h('h2', {}, 'Snapshots'), add('snapshots', { date: '' })),
    h('p', { class: 'hint' }, 'What changed at a later date; snapshots add up in date order.'),
    ...(doc.snapshots ?? []).map((s, i) => {
      const p = `snapshots[${i}]`
      return h('div', { class: 'bitem', 'data-path': p },
        h('div', { class: 'brow' }, field('Date', p + '.date', 'text', s.date, { placeholder: 'YYYY-MM-DD' }), field('Label', p + '.label', 'opttext', s.label, { wide: true }), remove(p, (q) => `snapshot ${s.date || nth(q)}`)),
        field('Description', p + '.description', 'opttextarea', s.description, { wide: true }),
        changesEditor(p, s))
    })))
  const variants = section('variants', () => h('section', { class: 'card', 'data-testid': 'build-variants', 'data-path': 'variants' },
    h('div', { class: 'bhead' }, h('h2', {}, 'Variants'), add('variants', { id: '' })),
    h('p', { class: 'hint' }, 'What-ifs, applied on top of any snapshot.'),
    ...(doc.variants ?? []).map((v, i) => {
      const p = `variants[${i}]`
      return h('div', { class: 'bitem', 'data-path': p },
        h('div', { class: 'brow' }, field('Id', p + '.id', 'text', v.id), field('Name', p + '.name', 'opttext', v.name, { wide: true }), remove(p, (q) => `variant ${v.name || v.id || nth(q)}`)),
        field('Description', p + '.description', 'opttextarea', v.description, { wide: true }),
        changesEditor(p, v))
    })))

  // proposals
  const proposals = section('proposals', () => h('section', { class: 'card', 'data-testid': 'build-proposals', 'data-path': 'proposals' },
    h('div', { class: 'bhead' }, h('h2', {}, 'Proposals'), add('proposals', () => ({ id: '', name: '', date: md.as_of, package: {} }))),
    h('p', { class: 'hint' }, 'Packages put on the table: a value per issue decided (leave an issue empty to keep it open).'),
    ...(doc.proposals ?? []).map((x, i) => proposalEditor(`proposals[${i}]`, x, false))))

  // outcomes: what happened on an issue at a date, with the quotes that
  // report it (an outcome is a claim about the world, never assumed)
  const outcomes = section('outcomes', () => h('section', { class: 'card', 'data-testid': 'build-outcomes', 'data-path': 'outcomes' },
    // A new one is of the first issue, with a quote of the first source
    // to paste: an outcome needs one, and the quote's fields say so.
    h('div', { class: 'bhead' }, h('h2', {}, 'Outcomes'), add('outcomes', () => ({ issue: doc.issues.find((x) => x.id)?.id ?? '', value: null, date: '',
      evidence: [{ source: doc.metadata.sources?.find((x) => x.id)?.id ?? '', quote: '' }] }))),
    h('p', { class: 'hint' }, 'What really happened: where an issue landed on its scale at a date, with the quotes that report it. Backtests score the forecasts against them; models never read them.'),
    ...(doc.outcomes ?? []).map((o, i) => {
      const p = `outcomes[${i}]`
      return h('div', { class: 'bitem', 'data-path': p },
        h('div', { class: 'brow' }, issueField('Issue', p + '.issue', o.issue),
          field('Date', p + '.date', 'text', o.date, { placeholder: 'YYYY-MM-DD', hint: '(when it landed there)' }),
          field('Value', p + '.value', 'number', o.value, { hint: `(${scaleOf(o.issue)})`, scale: p + '.issue', placeholder: 'where it landed' }),
          field('Note', p + '.note', 'opttext', o.note, { wide: true, placeholder: 'how the report maps to the value' }),
          remove(p, () => `the outcome of ${issueName(doc, o.issue)}${o.date ? ' on ' + o.date : ''}`)),
        quoteRows(p + '.evidence', o.evidence, 'Quotes that report it (one at least: an outcome is never assumed)'))
    })))

  // roots are the parts of the page drawn anew, whose fields are wired
  // below: the whole view, or (only) the file's and the downloads'
  // sections and the list added to, else its section.
  let roots: HTMLElement[] = [box]
  drawing = true
  try {
    if (partial === undefined) box.replaceChildren(head, downloads ?? '', meta, issueCards, actorRows, stanceRows, snapshots, variants, proposals, outcomes)
    else {
      const nows = partial.map((name) => {
        const fresh = [meta, issueCards, actorRows, stanceRows, snapshots, variants, proposals, outcomes].find((x) => x.dataset.path === name)!
        const oldSection = box.querySelector<HTMLElement>(`:scope > section[data-path="${CSS.escape(name)}"]`)!
        // The list's own element, where it has one that holds its items
        // (a list of quotes; a section), else the section.
        const at = (root: HTMLElement) => typeof only !== 'string' ? root : root.dataset.path === only ? root : root.querySelector<HTMLElement>(`[data-path="${CSS.escape(only)}"]:not(.bhead)`)
        let was = at(oldSection), now = at(fresh)
        if (!was || !now || was.tagName !== now.tagName) { was = oldSection; now = fresh }
        was.replaceWith(now)
        return now
      })
      box.querySelector(':scope > [data-testid=build-file]')?.replaceWith(head)
      const oldDownloads = box.querySelector(':scope > [data-testid=build-downloads]')
      if (oldDownloads && downloads) oldDownloads.replaceWith(downloads)
      else if (oldDownloads) oldDownloads.remove()
      else if (downloads) head.after(downloads)
      roots = [head, ...(downloads ? [downloads] : []), ...nows]
    }
  } finally { drawing = false }
  drawnDoc.set(box, doc)
  box.classList.add('builder')
  // within is each element in the parts drawn anew that sel matches.
  const within = <T extends HTMLElement>(sel: string): T[] => roots.flatMap((r) => [...(r !== box && r.matches(sel) ? [r as T] : []), ...r.querySelectorAll<T>(sel)])

  // An id renamed carries its references along; a name or id changed
  // updates the choices that list them. The fields are read as the page
  // was before the rename, the id still the old one: typing the id has
  // put the new one in the document already (each input does), and a
  // list of ticked actors read against it would take a box still
  // showing the old id for a new choice, and drop the alias beside it.
  for (const el of within<HTMLInputElement>('[data-refresh]')) {
    // A field drawn again while an id was typed in it (typing) is left
    // with no change the browser sees when nothing more is typed: leaving
    // it is its change.
    el.addEventListener('blur', () => { if (!drawing && el.dataset.pending !== undefined) el.dispatchEvent(new Event('change', { bubbles: true })) })
    el.addEventListener('change', () => {
      delete el.dataset.pending
      const kind = el.dataset.rename as Kind | undefined
      const from = el.dataset.was ?? '', to = el.value.trim()
      const m = /^(.*)\.(\w+)$/.exec(el.dataset.path!)
      const f = m?.[2] ?? '', item = m ? getPath(doc, m[1]) : undefined
      // An id another item owns (claimed), or this one has by mistake,
      // carries nothing: renamed from one, the references are the
      // other's; to one, they would be merged with the other's (or with
      // those that wait for it), and could not be told apart again.
      const mine = !!kind && !!from && !claimed(doc, kind, from, el.dataset.path!) && !byMistake(item, f, from)
      const onto = !!kind && !!to && taken(doc, kind, to, el.dataset.path!)
      const renaming = mine && !!to && from !== to && !onto
      // Aliases changed are read as they were too: a list of ticked
      // actors read against the new ones would take the box of an actor
      // named by an alias taken away for a new choice, and move it to
      // the end of the list (unalias renames it in its place).
      const aliases = /\.aliases$/.test(el.dataset.path!) && from !== to
      // An id made another's is read as it was too: the names that
      // name another actor by an alias it took would be read as its.
      const typed = el.value
      if (renaming || aliases || (onto && from !== to)) { el.value = from; setPath(doc, el.dataset.path!, read(el, doc, undefined)) }
      collect(box, doc)
      if (onto && from !== to) { el.value = typed; setPath(doc, el.dataset.path!, read(el, doc, undefined)) }
      if (renaming) {
        el.value = to
        setPath(doc, el.dataset.path!, to)
        renameInPage(box, doc, kind, from, to, el.dataset.path!)
        rename(doc, kind, from, to, el.dataset.path!)
      }
      // An alias taken away: what names the actor by it names it by its
      // id (unalias).
      if (aliases) {
        el.value = typed
        setPath(doc, el.dataset.path!, read(el, doc, undefined))
        const now = new Set((read(el, doc, undefined) as string[] | undefined) ?? [])
        for (const n of from.split(',').map((x) => x.trim())) if (n && !now.has(n)) unalias(doc, el.dataset.path!.replace(/\.aliases$/, ''), n)
      }
      // An id emptied, or made another item's, keeps the one it had,
      // which what named the item by it still does (waiting): the id
      // typed next carries it along.
      el.dataset.was = mine && (!to || onto) ? from : to
      el.dataset.left = to
      // An id given while nothing waited for it is this item's, no
      // longer the one of another item whose field had it (release).
      if (kind && to && from !== to && !onto) release(box, doc, kind, to, el.dataset.path!)
      if (kind && item && typeof item === 'object') {
        emptied.set(item, { ...emptied.get(item), [f]: el.dataset.was !== to ? el.dataset.was : '' })
        if (from !== to) noteMistake(item, f, onto ? to : '')
      }
      refreshChoices(box, doc)
    })
  }
  // An issue given its id, or its name changed: the rows keyed by issue
  // (each package's values, each actor's red lines) get a row for it and
  // name each issue as it now is, in place, so that what is typed in
  // them and the focus stay.
  const issueRows = () => {
    for (const row of box.querySelectorAll<HTMLElement>('[data-issues]')) {
      const p = row.dataset.issues!
      const item = getPath(doc, p)
      if (!item) continue
      const pkg = row.dataset.path === p + '.package'
      for (const is of doc.issues.filter((x) => x.id)) {
        const at = pkg ? `${p}.package.${is.id}` : `${p}.red_lines.${is.id}`
        const f = row.querySelector<HTMLElement>(`[data-path="${CSS.escape(at)}"]`)
        const name = is.name || is.id
        if (!f) {
          const fresh = pkg ? packageField(p, item, is, !!scopeOf(p)) : redLine(p, item, is, row.dataset.hint)
          wire(fresh, doc)
          row.append(fresh)
          continue
        }
        const label = f.closest('label')?.querySelector('span')?.firstChild
        if (label) label.textContent = pkg ? name : `Red line on ${name}`
        const quotes = row.querySelector(`[data-path="${CSS.escape(`${p}.red_line_evidence.${is.id}`)}"] > .bhead > strong`)
        if (quotes) quotes.textContent = `Quotes behind the red line on ${name}`
      }
    }
  }
  for (const el of within<HTMLElement>('[data-path^="issues["][data-refresh]')) el.addEventListener('change', issueRows)
  // An id field drawn empty again keeps the id it had (emptied).
  for (const el of within<HTMLInputElement>('input[data-rename]')) {
    const [, at, f] = /^(.*)\.(\w+)$/.exec(el.dataset.path!)!
    const was = emptied.get(getPath(doc, at))?.[f]
    if (was && was !== el.value.trim()) el.dataset.was = was
  }
  for (const r of roots) wire(r, doc)
  // The remove buttons' labels follow the names typed, after the
  // fields' own listeners have put them in the document (and carried a
  // rename along).
  // So does the line that says whether the draft is saved, as each
  // edit is made (an edit undone is none).
  if (!relabelled.has(box)) {
    relabelled.add(box)
    // A letter typed has changed the document at its field's path
    // alone (wire): the comparison with the stored scenario makes again
    // only that path's text. Anything else compares the whole.
    // The remove buttons are named by ids, names, dates and the actor
    // and issue of a stance or an outcome (remove): a letter typed in
    // another field (a quote, a note, a number) renames none of them,
    // and the 432 buttons of the built-in case are left alone.
    box.addEventListener('input', (e) => {
      const at = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-kind]')?.dataset.path : undefined
      if (at === undefined || labelField.test(at)) relabel(box)
      sayState(box, at)
    })
    box.addEventListener('change', () => { relabel(box); sayState(box) })
  }
  // The scale said beside a position or a value follows the issue
  // chosen, and the issue's scale as it is edited.
  const sayScales = () => {
    for (const el of box.querySelectorAll<HTMLElement>('[data-scale]')) {
      const at = el.dataset.scale!
      const scale = at === salience ? `0–${doc.metadata.salience_scale === 100 ? 100 : 1}` : scaleOf(String(getPath(doc, at) ?? ''))
      // Written only when it changes: rewriting the same text makes a
      // node per hint (352 in the built-in case) at every field left.
      const text = el.textContent!.replace(/\([^;)]*/, '(' + scale)
      if (el.textContent !== text) el.textContent = text
    }
  }
  for (const sec of [meta, issueCards, stanceRows, snapshots, variants, proposals, outcomes]) if (roots.includes(sec) || roots.includes(box)) sec.addEventListener('change', sayScales)
  // The diagnostics of the parts kept are in the page already.
  showDiagnostics(box, partial === undefined ? d.diags : d.diags.filter((x) => { const el = place(box, x.path); return !!el && roots.some((r) => r.contains(el)) }), doc)
  const back = focus ? box.querySelector<HTMLInputElement>(`[data-path="${CSS.escape(focus)}"]`) : null
  if (typing) {
    setPath(doc, typing.path, typing.now)
    if (back && typing.path === focus && getPath(doc, typing.path.replace(/\.\w+$/, '')) === typing.item) {
      back.value = typing.text
      back.dataset.was = typing.was
      back.dataset.left = typing.left
      if (typing.text.trim() !== typing.left) back.dataset.pending = ''
    }
    // The view was drawn with the id as it was before the typing: the
    // line that says whether the draft is saved says it as it is.
    sayState(box)
  }
  back?.focus({ preventScroll: true })
  if (back && caret && typeof back.selectionStart === 'number') back.setSelectionRange(caret[0], caret[1], caret[2])
  // Drawn in part, the line that says whether the draft is saved says
  // it with the item added.
  if (partial !== undefined) sayState(box)
  return partial === undefined
}

// unreadable are the number fields in box whose text is not a number
// ("20e", "1.2.3"), each with a problem said as the server's are, by the
// field's path (a range's or a scale's for one of its two numbers).
function unreadable(box: HTMLElement): [HTMLInputElement, Diagnostic][] {
  return [...box.querySelectorAll<HTMLInputElement>('input[type=number]')].filter((i) => i.validity.badInput).map((i) => {
    const at = i.closest<HTMLElement>('[data-kind]')!
    const end = at === i ? '' : `${i.placeholder.replace(/ \(.*\)$/, '')}: `
    return [i, { path: at.dataset.path!, message: `${end}what is typed is not a number, and would be saved as no value`, valid: 'a number, e.g. 40, 0.5 or -2' }]
  })
}

// unmark takes away the notes in box that sel matches, and the marks of
// the fields they leave with none.
function unmark(box: HTMLElement, sel: string) {
  for (const note of box.querySelectorAll<HTMLElement>(`.diag${sel}`)) {
    const wrap = note.parentElement
    note.remove()
    if (!wrap || wrap.querySelector('.diag')) continue
    wrap.classList.remove('has-error', 'has-warning', 'has-note')
    wrap.querySelectorAll('[aria-invalid]').forEach((x) => x.removeAttribute('aria-invalid'))
  }
}

// remark keeps the diagnostics box shows that ds holds (at the same
// path, of the same kind), their words said again as they read now (a
// path they cite may have moved up), takes the others away with their
// marks, and returns those of ds it did not find shown: after a removal,
// the notes kept (keepNotes) stay the elements they were.
function remark(box: HTMLElement, ds: Diagnostic[], doc: Scenario): Diagnostic[] {
  const left = [...ds]
  for (const note of box.querySelectorAll<HTMLElement>('.diag')) {
    const i = note.dataset.local === undefined ? left.findIndex((d) => note.dataset.for === d.path && note.classList.contains(kind(d))) : -1
    if (i >= 0) {
      const [d] = left.splice(i, 1)
      const head = mark(d) + describe(d.path, doc) + ': ', words = message(d, doc)
      const [strong, text] = note.childNodes
      if (strong instanceof HTMLElement && strong.tagName === 'STRONG' && text instanceof Text && note.childNodes.length === 2) {
        if (strong.textContent !== head) strong.textContent = head
        if (text.data !== words) text.data = words
      } else note.replaceChildren(h('strong', {}, head), words)
      continue
    }
    for (const x of box.querySelectorAll<HTMLElement>(`[aria-describedby~="${CSS.escape(note.id)}"]`)) {
      const rest = x.getAttribute('aria-describedby')!.split(' ').filter((id) => id && id !== note.id)
      if (rest.length) x.setAttribute('aria-describedby', rest.join(' ')); else x.removeAttribute('aria-describedby')
    }
    const wrap = note.parentElement
    note.remove()
    if (!wrap) continue
    // The field's marks are those of the diagnostics it still has.
    const still = [...wrap.querySelectorAll('.diag')]
    for (const [k, c] of [['error', 'has-error'], ['warn', 'has-warning'], ['note', 'has-note']]) if (!still.some((x) => x.classList.contains(k))) wrap.classList.remove(c)
    if (!still.some((x) => x.classList.contains('error'))) wrap.querySelectorAll('[aria-invalid]').forEach((x) => x.removeAttribute('aria-invalid'))
  }
  return left
}

// place is the element a diagnostic's path names, or its nearest
// ancestor that has one (stances[2] for a whole stance, issues for the
// list).
function place(box: HTMLElement, path: string): HTMLElement | null {
  let p = path
  while (p) {
    const el = box.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`)
    if (el) return el
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['))
    p = cut > 0 ? p.slice(0, cut) : ''
  }
  return null
}

// showDiagnostics puts each diagnostic beside the field it names, in
// words, and marks the field; local says the page found them, not the
// server (unmark takes them away at the next save).
function showDiagnostics(box: HTMLElement, ds: Diagnostic[], doc: Scenario, local = false) {
  for (const d of ds) {
    const el = place(box, d.path)
    if (!el) continue
    const folded = el.closest('details')
    if (folded) folded.open = true
    const id = 'diag-' + ++uid
    const note = h('p', { class: 'diag ' + kind(d), id, 'data-testid': 'diagnostic', 'data-for': d.path, 'data-local': local ? '' : null },
      h('strong', {}, mark(d) + describe(d.path, doc) + ': '), message(d, doc))
    const input = el.matches('input,select,textarea,[data-kind]') ? el : null
    if (input) {
      if (!d.warning) input.setAttribute('aria-invalid', 'true')
      input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter((x) => x).join(' '))
      const wrap = input.closest('.bfield') ?? input
      wrap.classList.add({ error: 'has-error', warn: 'has-warning', note: 'has-note' }[kind(d)])
      wrap.append(note)
    } else if (el.classList.contains('bhead')) el.after(note)
    else {
      const headEl = el.querySelector(':scope > .bhead, :scope > .brow, :scope > h2')
      if (headEl) headEl.after(note)
      else el.prepend(note)
    }
  }
}
