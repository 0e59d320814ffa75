// What of the diagnostics shown outlives a removal. A removal moves up
// the items after the one removed in its list, and in the other lists it
// takes items from, so the positions the diagnostics name no longer hold;
// and some diagnostics it makes untrue (a problem with the item removed,
// or with what named it). The notes (ℹ: quotes dated after the date from
// which the number they support takes effect, scenario.LookAhead) depend
// only on the quote, its source and its state's date, none of which a
// removal changes but by taking the quote, or its state, away with it:
// those that name no item removed (at their path or in their words) are
// still true, and are kept at the positions the items they name have now,
// unless a quote removed cites the same source: a note is one per state
// and source, and counts the others of its source ("as do 57 other
// quotes of it, dated up to …"), which it does not all name.
// The errors and the warnings go, as before, until the next save says
// them again.
import type { Scenario, Diagnostic } from './api'
import { parsePath } from './paths'
import type { Seg } from './paths'
import { pathInText } from './diagnostics'

// itemPaths maps each list item of doc (an object or a value in a list)
// to its path now.
export function itemPaths(doc: Scenario): Map<unknown, string> {
  const at = new Map<unknown, string>()
  const walk = (x: unknown, p: string) => {
    if (Array.isArray(x)) x.forEach((y, i) => { at.set(y, `${p}[${i}]`); walk(y, `${p}[${i}]`) })
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, p ? `${p}.${k}` : k)
  }
  walk(doc, '')
  return at
}

// Anchor is what a path names, found again after an edit: the innermost
// item of a list on the path (an object, kept by the edit if it is kept)
// and the rest of the path after it; fixed for a path through no list
// (metadata.as_of), which a removal leaves where it is.
type Anchor = { item: object; rest: string } | 'fixed'

// anchorOf is path's Anchor in doc, or null when it cannot be found
// again (a path to a value in a list of values, or to nothing).
function anchorOf(doc: Scenario, path: string): Anchor | null {
  const segs = parsePath(path, doc)
  let cur: any = doc
  let item: object | null = null, after = 0
  for (let i = 0; i < segs.length; i++) {
    cur = cur?.[segs[i]]
    if (cur === undefined) return null
    if (typeof segs[i] === 'number' && cur !== null && typeof cur === 'object') { item = cur; after = i + 1 }
  }
  const rest: Seg[] = segs.slice(after)
  if (item === null) return rest.some((s) => typeof s === 'number') ? null : 'fixed'
  if (rest.some((s) => typeof s === 'number')) return null
  return { item, rest: rest.map((s) => '.' + s).join('') }
}

// keepNotes reads, before a removal from doc, where the notes of diags
// are; the function it returns, called after the removal, gives the
// notes still true: those whose path and every path their words cite
// name items still there, each path as it is now.
export function keepNotes(doc: Scenario, diags: Diagnostic[]): () => Diagnostic[] {
  if (!diags.some((d) => d.note)) return () => [] // no note to carry: no walk of doc
  const texts = ['message', 'text', 'valid'] as const
  const was = [...itemPaths(doc).keys()]
  const plans = diags.filter((d) => d.note).map((d) => {
    const own = anchorOf(doc, d.path)
    const cited = new Map<string, Anchor | null>()
    for (const f of texts) for (const p of d[f]?.match(pathInText) ?? []) cited.set(p, anchorOf(doc, p))
    return { d, own, cited }
  })
  return () => {
    const at = itemPaths(doc)
    // The sources, as written, of the quotes gone.
    const gone = new Set(was.filter((x) => !at.has(x) && x !== null && typeof x === 'object' && typeof (x as { source?: unknown }).source === 'string').map((x) => (x as { source: string }).source))
    const now = (a: Anchor | null, old: string): string | undefined => {
      if (a === null) return undefined
      if (a === 'fixed') return old
      const p = at.get(a.item)
      return p === undefined ? undefined : p + a.rest
    }
    const out: Diagnostic[] = []
    for (const { d, own, cited } of plans) {
      // A note names an item (its quote): one that names none says
      // something of the whole file, which a removal may have changed.
      if (own === null || own === 'fixed') continue
      const source = (own.item as { source?: unknown }).source
      if (typeof source === 'string' && gone.has(source)) continue
      const path = now(own, d.path)
      const moved = new Map([...cited].map(([p, a]) => [p, now(a, p)]))
      if (path === undefined || [...moved.values()].some((p) => p === undefined)) continue
      // The file's line and column are those of the file as saved, which
      // the draft no longer is.
      const kept: Diagnostic = { ...d, path, line: undefined, column: undefined }
      for (const f of texts) if (d[f] !== undefined) kept[f] = d[f]!.replace(pathInText, (p) => moved.get(p) ?? p)
      out.push(kept)
    }
    return out
  }
}
