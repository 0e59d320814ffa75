// Diagnostics in words. The server names the field a diagnostic is about
// by its path in the scenario file ("stances[2].position"); the page says
// which field that is in the reader's terms ("Stance of North on Budget:
// position"), using the scenario's own names, and never shows the path.
import type { Diagnostic, Scenario } from './api'
import { plural } from './util'
import { parsePath, keyed } from './paths'
import { allActors } from './scopes'

// words are the fields' names as a reader says them.
const words: { [field: string]: string } = {
  id: 'id', name: 'name', title: 'title', description: 'description', as_of: 'as-of date', salience_scale: 'salience scale',
  capability_scale: 'note on what capability measures', sources: 'sources', publisher: 'publisher', date: 'date', file: 'file', url: 'URL',
  sha256: 'SHA-256', scale: 'scale', min: 'minimum', max: 'maximum', anchors: 'options', value: 'value', label: 'label',
  reference: 'status quo', decision: 'decision rule', keywords: 'keywords', attrs: 'attributes', capability: 'capability',
  capability_range: 'capability range', capability_note: 'capability note', capability_range_dropped: 'reason the capability range is dropped',
  range_dropped: 'reason the range is dropped',
  capability_evidence: 'quotes behind the capability', capability_assumed: 'reason the capability is assumed', aliases: 'aliases', mentions: 'mentions',
  red_lines: 'red lines', red_line_evidence: 'quotes behind the red lines', red_line_assumed: 'reasons the red lines are assumed',
  reservation: 'reservation utility', reservation_evidence: 'quotes behind the reservation', reservation_assumed: 'reason the reservation is assumed', actor: 'actor', issue: 'issue', position: 'position',
  salience: 'salience', range: 'range', evidence: 'evidence', quote: 'quote', source: 'source', assumed: 'reason it is assumed',
  note: 'note', snapshots: 'snapshots', variants: 'variants', add_actors: 'added actors', remove_actors: 'removed actors',
  actors: 'actors', stances: 'stances', issues: 'issues', proposals: 'proposals', withdraw_proposals: 'withdrawn proposals',
  proposers: 'proposers', withdrawn: 'date withdrawn', package: 'package', outcomes: 'outcomes', metadata: 'the scenario',
  rule: 'rule', voters: 'voters', weights: 'weights', quota: 'quota',
}

// single names one element of a list of plain values.
const single: { [list: string]: string } = {
  aliases: 'alias', mentions: 'mention', keywords: 'keyword', remove_actors: 'removed actor', proposers: 'proposer',
  withdraw_proposals: 'withdrawn proposal', voters: 'voter',
}


const quoted = (s: string) => `“${s}”`

// actorName and issueName name an actor (by id or alias) and an issue.
export function actorName(doc: Scenario, id: string): string {
  const all = allActors(doc)
  const a = all.find((x) => x.id === id) ?? all.find((x) => x.aliases?.includes(id))
  return a?.name || a?.id || id || 'an unnamed actor'
}

export function issueName(doc: Scenario, id: string): string {
  const is = (doc.issues ?? []).find((x) => x.id === id)
  return is?.name || id || 'an unnamed issue'
}

// item names the i-th element of a list, by what it holds.
function item(doc: Scenario, list: string, x: any, i: number, inChanges: boolean): string {
  const n = i + 1
  const named = (kind: string, v: string | undefined) => (v ? `${kind} ${quoted(v)}` : `${kind} ${n}`)
  switch (list) {
    case 'sources': return named('source', x?.id)
    case 'issues': return named('issue', x?.name || x?.id)
    case 'anchors': return `option ${n}${x?.label ? ' (' + quoted(x.label) + ')' : ''}`
    case 'actors': return inChanges ? `change to ${named('actor', x?.id ? actorName(doc, x.id) : '')}` : named('actor', x?.name || x?.id)
    case 'add_actors': return named('added actor', x?.name || x?.id)
    case 'stances': {
      const what = x?.actor || x?.issue ? `stance of ${actorName(doc, x?.actor ?? '')} on ${issueName(doc, x?.issue ?? '')}` : `stance ${n}`
      return inChanges ? 'change to the ' + what : what
    }
    case 'evidence': return `quote ${n}`
    case 'capability_evidence': return `capability quote ${n}`
    case 'reservation_evidence': return `reservation quote ${n}`
    case 'snapshots': return x?.date ? `snapshot of ${x.date}${x.label ? ' (' + quoted(x.label) + ')' : ''}` : `snapshot ${n}`
    case 'variants': return named('variant', x?.name || x?.id)
    case 'proposals': return named('proposal', x?.name || x?.id)
    case 'outcomes': {
      const of = x?.issue ? ` of ${issueName(doc, x.issue)}` : ''
      const on = x?.date ? ` on ${x.date}` : ''
      return of || on ? `outcome${of}${on}` : `outcome ${n}`
    }
  }
  if (single[list]) return `${single[list]} ${n}`
  return `${(words[list] ?? list.replace(/_/g, ' '))} ${n}`
}

// describe says in words which field a diagnostic's path names, e.g.
// "Stance of North on Budget, quote 1: quote" for
// stances[0].evidence[0].quote, and "Issue “Budget”, decision rule: weight
// of North" for issues[0].decision.weights.north.
export function describe(path: string, doc: Scenario): string {
  const segs = parsePath(path, doc)
  const parts: string[] = []
  let field = ''
  let cur: any = doc
  let inChanges = false
  let meta = false
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k]
    if (typeof seg === 'number') continue // read with the list's name
    const next = segs[k + 1]
    const parent = segs[k - 1]
    const val = cur?.[seg]
    if (parent === 'red_line_evidence' && typeof next === 'number') {
      // actors[1].red_line_evidence.territory[0]: a quote behind a red line.
      parts.push(`quote ${next + 1} behind the red line on ${issueName(doc, seg)}`)
      field = ''
      cur = val?.[next]
      continue
    }
    if (typeof next === 'number') {
      const x = val?.[next]
      if ((x !== null && typeof x === 'object') || !single[seg]) {
        parts.push(item(doc, seg, x, next, inChanges))
        field = ''
      } else {
        field = item(doc, seg, x, next, inChanges)
      }
      if (seg === 'snapshots' || seg === 'variants') inChanges = true
      cur = x
      continue
    }
    if (seg === 'metadata' && k === 0) { meta = true; cur = val; continue }
    if (parent === 'red_lines') { field = `red line on ${issueName(doc, seg)}`; cur = val; continue }
    if (parent === 'red_line_assumed') { field = `reason the red line on ${issueName(doc, seg)} is assumed`; cur = val; continue }
    if (parent === 'red_line_evidence') { field = `quotes behind the red line on ${issueName(doc, seg)}`; cur = val; continue }
    if (parent === 'package') { field = `value for ${issueName(doc, seg)}`; cur = val; continue }
    if (parent === 'attrs') { field = `attribute ${quoted(seg)}`; cur = val; continue }
    if (parent === 'weights') { field = `weight of ${actorName(doc, seg)}`; cur = val; continue }
    if (parent === 'range' && (seg === 'position' || seg === 'salience')) { field = `range of the ${seg}`; cur = val; continue }
    const word = words[seg] ?? seg.replace(/_/g, ' ')
    cur = val
    // A mapping of fields with a field after it (issues[0].decision.quota,
    // issues[0].scale.min) is named before that field, as a list's item
    // is: "Issue “Budget”, decision rule: quota". A mapping keyed by ids
    // (red_lines.budget, weights.north) is not: its key is read as the
    // field's words above ("red line on Budget", "weight of North").
    if (typeof next === 'string' && !keyed.has(seg) && !(seg === 'range' && (next === 'position' || next === 'salience'))) {
      parts.push(word)
      field = ''
      continue
    }
    field = word
  }
  let out = parts.join(', ')
  if (field) out = out ? `${out}: ${field}` : meta ? `the scenario’s ${field}` : field
  if (!out) out = 'the scenario'
  return out.charAt(0).toUpperCase() + out.slice(1)
}

// A path inside a message or a "valid" text: a top-level field followed
// by at least one .field or [index].
export const pathInText = /\b(?:metadata|issues|actors|stances|snapshots|variants|proposals|outcomes)(?:\[\d+\]|\.[A-Za-z_][\w-]*)+/g

// inWords rewrites the paths a text cites ("also stances[3]") in words.
export function inWords(text: string, doc: Scenario): string {
  return text.replace(pathInText, (p) => {
    const d = describe(p, doc)
    return d.charAt(0).toLowerCase() + d.slice(1)
  })
}

// message is a diagnostic's message for a reader of the page (its text,
// which names actors and issues by name and no line of the file, where
// the server gives one) with what would be valid, in words: "…; use a
// number from 0 to 1".
export function message(d: Diagnostic, doc: Scenario): string {
  return inWords(d.text || d.message, doc) + (d.valid ? `; use ${inWords(d.valid, doc)}` : '')
}

// sentence is the whole diagnostic in words: the field, then the message.
export function sentence(d: Diagnostic, doc: Scenario): string {
  return (d.path ? describe(d.path, doc) + ': ' : '') + message(d, doc)
}

// kind is what a diagnostic is, as its class on the page: an error to
// fix ('error', marked ✕), a warning ('warn', ⚠), or a note that only
// informs ('note', ℹ: validate's "note:", which --strict does not
// refuse), never counted as a warning.
export function kind(d: Diagnostic): 'error' | 'warn' | 'note' {
  return d.note ? 'note' : d.warning ? 'warn' : 'error'
}

// mark is the sign a diagnostic of that kind opens with.
export function mark(d: Diagnostic): string {
  return { error: '✕ ', warn: '⚠ ', note: 'ℹ ' }[kind(d)]
}

// counted says how many warnings and notes ds holds, "2 warnings and 1
// note", leaving out a kind it has none of; '' for neither.
export function counted(ds: Diagnostic[]): string {
  const w = ds.filter((d) => kind(d) === 'warn').length, n = ds.filter((d) => kind(d) === 'note').length
  return [w ? plural(w, 'warning') : '', n ? plural(n, 'note') : ''].filter((x) => x).join(' and ')
}
