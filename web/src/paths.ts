// Paths into the scenario file, as the server writes them in a
// diagnostic ("stances[2].evidence[0].quote") and as the builder names its
// fields by them: fields joined by dots, list indices in brackets, and a
// mapping's key written as it is, after a dot ("actors[0].red_lines.budget").
//
// A key is an id or a name from the file (an issue id in a red line or a
// package, an actor id or alias in a decision rule's weights, an
// attribute's name), and nothing stops it holding a dot or a bracket: an
// issue id "eu.budget" makes "proposals[0].package.eu.budget". Splitting
// such a path at every dot would name an issue "eu" and a field "budget".
// So a key is read by what may follow it: nothing does in a red line, a
// reason for one, a package, the weights or the attributes, whose values
// are plain, and the key is the rest of the path; in red line quotes a
// quote's index and field may ("….red_line_evidence.eu.budget[0].quote").
import type { Scenario } from './api'

export type Seg = string | number

// keyed are the mappings keyed by an issue id (red lines and their
// reasons and quotes, packages), an actor's name (a qmv rule's weights)
// or a name of the file's own (attributes).
export const keyed = new Set(['red_lines', 'red_line_assumed', 'red_line_evidence', 'package', 'attrs', 'weights'])

// keyAt reads the key of a keyed mapping at the start of rest, the path
// after the mapping's dot; m is the mapping as the document holds it, if
// it does. A key of m equal to the whole rest is that key, even if it
// ends like an index ("x[0]"); else a quote's index and field are left
// after a red line quote's key, and every other key is the whole rest.
function keyAt(map: string, rest: string, m: unknown): string {
  if (map !== 'red_line_evidence' || (m && typeof m === 'object' && Object.prototype.hasOwnProperty.call(m, rest))) return rest
  return rest.replace(/\[\d+\](?:\.[A-Za-z_]\w*)?$/, '')
}

// parsePath splits a path into its fields, indices and keys; doc, when
// given, is the document it is a path into.
export function parsePath(path: string, doc?: Scenario): Seg[] {
  const out: Seg[] = []
  let cur: any = doc
  let i = 0
  while (i < path.length) {
    const idx = /^\[(\d+)\]/.exec(path.slice(i))
    if (idx) {
      const n = Number(idx[1])
      out.push(n)
      cur = cur?.[n]
      i += idx[0].length
      continue
    }
    if (path[i] === '.') i++
    const prev = out[out.length - 1]
    const seg = typeof prev === 'string' && keyed.has(prev) ? keyAt(prev, path.slice(i), cur) : /^[^.[\]]*/.exec(path.slice(i))![0]
    if (seg === '') { i++; continue } // a stray bracket or dot: skipped
    out.push(seg)
    cur = cur?.[seg]
    i += seg.length
  }
  return out
}

// getPath is the value at path in doc, undefined when there is none.
export function getPath(doc: any, path: string | Seg[]): any {
  let cur = doc
  for (const s of typeof path === 'string' ? parsePath(path, doc) : path) cur = cur?.[s]
  return cur
}

// setPath writes v at path, making the objects on the way; undefined
// removes the field.
export function setPath(doc: any, path: string, v: unknown) {
  const ss = parsePath(path, doc)
  let cur = doc
  for (let i = 0; i < ss.length - 1; i++) {
    if (cur[ss[i]] === undefined || cur[ss[i]] === null) {
      if (v === undefined) return
      cur[ss[i]] = typeof ss[i + 1] === 'number' ? [] : {}
    }
    cur = cur[ss[i]]
  }
  const last = ss[ss.length - 1]
  if (v === undefined) delete cur[last]
  else cur[last] = v
}
