// The page's address: the query parameters it reads (and writes, so that
// an address can be shared), and what it says of one it does not read.

// addressParams are the query parameters the page reads, in the order it
// writes them: the one list of them (main.ts reads and writes each by
// name through AddressParam; an unknown one is said, not dropped without
// a word).
export const addressParams = ['scenario', 'snapshot', 'variant', 'models', 'param'] as const

export type AddressParam = typeof addressParams[number]

// unknownParams says, of each parameter of q the page does not read, in
// the command line's and the API's words for an unknown name (errs.Choices):
// `unknown parameter "modle" (did you mean "models"?); valid: scenario, …`,
// each name once, in the address's order.
export function unknownParams(q: URLSearchParams): string[] {
  const known: readonly string[] = addressParams
  const out: string[] = []
  const seen = new Set<string>()
  for (const k of q.keys()) {
    if (known.includes(k) || seen.has(k)) continue
    seen.add(k)
    const n = nearest(k, known)
    out.push(`unknown parameter ${JSON.stringify(k)}${n ? ` (did you mean ${JSON.stringify(n)}?)` : ''}; valid: ${known.join(', ')}`)
  }
  return out
}

// nearest is errs.Nearest's rule for the page's own names (the server
// does not know them): the only name equal to got but for case, else the
// only nearest within two edits (three when got is longer than eight
// characters), else ''. TestAddressUnknownParams holds it to
// errs.Nearest's answers.
export function nearest(got: string, names: readonly string[]): string {
  const folds = names.filter((n) => n.toLowerCase() === got.toLowerCase())
  if (folds.length) return folds.length === 1 ? folds[0] : ''
  const g = [...got.toLowerCase()]
  let best = '', bestD = g.length > 8 ? 4 : 3, tie = false
  for (const n of names) {
    const r = [...n.toLowerCase()]
    if (Math.abs(r.length - g.length) > bestD) continue
    const d = edits(g, r)
    if (d < bestD) { best = n; bestD = d; tie = false } else if (d === bestD) tie = true
  }
  return tie ? '' : best
}

// edits is the Levenshtein distance between a and b, in characters
// (code points); over 64 of them is far from everything, as errs.Edits.
function edits(a: string[], b: string[]): number {
  if (a.length > 64 || b.length > 64) return 1 << 20
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  let cur = new Array<number>(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1)
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length]
}
