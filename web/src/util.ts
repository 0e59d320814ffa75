// Small DOM helpers and number formats.
import type { HeldFixed, RedLinesCrossed } from './api'

type Attrs = { [k: string]: string | number | boolean | null | undefined | EventListener }

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...kids: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  set(el, attrs)
  for (const k of kids) {
    if (k === null || k === undefined || k === false) continue
    if (typeof k === 'string' && !unlinked.has(tag)) el.append(...citing(k))
    else el.append(k)
  }
  return el
}

// A document an answer's words cite ("see docs/limits.md"): the server
// serves each at /docs/NAME.md (docs/serve.md), so the page links it
// there, in a new tab, the words themselves unchanged. Not inside what
// is itself a control or plain text only.
const docCitation = /(docs\/[A-Za-z0-9_-]+\.md)/
const unlinked = new Set<string>(['a', 'button', 'option', 'optgroup', 'select', 'textarea', 'title', 'script', 'style', 'label', 'summary', 'legend'])

// citing is text as the nodes that show it: its citations of documents
// as links, the rest as text (split by the citation, captured, lands
// each citation at an odd index).
function citing(text: string): (Node | string)[] {
  const parts = text.split(docCitation)
  if (parts.length === 1) return [text]
  return parts.map((part, i) => i % 2 ? h('a', { href: '/' + part, target: '_blank', rel: 'noopener', class: 'doc-link' }, part) : part).filter((part) => part !== '')
}

const SVGNS = 'http://www.w3.org/2000/svg'
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...kids: (Node | string | null | undefined | false)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVGNS, tag)
  set(el, attrs)
  for (const k of kids) if (k !== null && k !== undefined && k !== false) el.append(k)
  return el
}

function set(el: Element, attrs: Attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener)
    else if (k === 'class') el.setAttribute('class', String(v))
    else el.setAttribute(k, v === true ? '' : String(v))
  }
}

// plainNum writes a number as Go's strconv.FormatFloat(x, 'f', -1, 64)
// does, which the command line uses for a value as the file states it
// (an input's end, a scale point): the shortest digits that read back
// as x, never in exponent form. String(x) gave "1e-7" where the command
// line wrote 0.0000001 (and "1e+21" for 1000000000000000000000).
export function plainNum(x: number): string {
  const t = String(x)
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(t)
  if (!m) return t
  const [, sign, whole, frac = '', exp] = m
  const digits = whole + frac
  const point = whole.length + Number(exp)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length)
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

// count writes a whole number with a comma between groups of three
// digits (2,000), as package ask's Grouped writes a count of runs.
export function count(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

// possessive is a name's English possessive, by package nouns'
// Possessive's rule at the other doors: "Russia's", but "United States'"
// for a name ending in s; apostrophe is the mark the text uses (' or ’).
export function possessive(name: string, apostrophe = "'"): string {
  return name.endsWith('s') ? name + apostrophe : name + apostrophe + 's'
}

// plural writes n and noun as n of it are counted, as package ask's
// Plural does at the other doors: "1 warning", "2 warnings", "3
// entries", "2 buses"; only the last word of a noun of several is
// counted ("2 number fields").
export function plural(n: number, noun: string): string {
  return `${count(n)} ${nounFor(n, noun)}`
}

// nounFor is noun as n of it are counted (nouns.For): as it is for 1,
// else with -ies for a consonant and y, -es after s, x, ch and sh, -s.
export function nounFor(n: number, noun: string): string {
  if (n === 1) return noun
  if (/[^aeiou]y$/.test(noun)) return noun.slice(0, -1) + 'ies'
  if (/(s|x|ch|sh)$/.test(noun)) return noun + 'es'
  return noun + 's'
}

// upperFirst is x with its first letter a capital, as a sentence the
// answer carries in the middle of one ("over snapshots …") opens the
// page's line.
export function upperFirst(x: string): string { return x.charAt(0).toUpperCase() + x.slice(1) }

// titles are the models' plain names by their short names (ModelInfo's
// title, GET /api/models), which the page sets once it has them, and
// nameTexts the models as a sentence names them (ModelInfo's name_text).
const titles = new Map<string, string>()
const nameTexts = new Map<string, string>()

// setModelTitles keeps the models' plain names for modelLabel and their
// names in running text for modelNameText.
export function setModelTitles(ms: { name: string; title?: string; name_text?: string }[]) {
  titles.clear()
  nameTexts.clear()
  for (const m of ms) {
    if (m.title) titles.set(m.name, m.title)
    if (m.name_text) nameTexts.set(m.name, m.name_text)
  }
}

// modelNameText names a model in a sentence as Go does (name_text,
// ask.ModelNameText): "smp (KTAB spatial model, SMP)"; the short name
// alone when the server gives none.
export function modelNameText(name: string): string {
  return nameTexts.get(name) ?? name
}

// modelLabel names a model where a reader picks or reads it (a picker's
// option, a table's row): its plain name with the short name the
// command line takes beside it, as the model's tooltip does
// ("Kalai–Smorodinsky bargaining (ks)"); the short name alone when the
// server gives no title.
export function modelLabel(name: string): string {
  const t = titles.get(name)
  return t ? `${t} (${name})` : name
}

// isAre is the verb "to be" agreeing with a count of n.
export function isAre(n: number): string { return n === 1 ? 'is' : 'are' }

// noNumber is what the page writes where a number is missing or does
// not apply, as every door does (ask.NoNumber): an em dash, the usual
// placeholder in a table, and not the en dash that separates the ends of
// a range ("45.3–54.1"), so that a missing number never reads as half of
// one.
export const noNumber = '—'

// tieJoin joins the options equally near a value (a tie), their labels
// as their points, "A / B", as every door joins them (ask.TieJoin).
export const tieJoin = ' / '

// reachJoin joins the lowest and the highest option a range that did not
// settle reaches, "1:5 to 1:6" (ask.ReachJoin): "/" is a tie's only.
export const reachJoin = ' to '

// plainNumber is a number of an answer stored before it carried its
// words (a lever's cost_text, a pull's share_text, a candidate's
// probability_text: docs/DECISIONS.md, texts24r and texts24x): the
// number it is, to three significant figures; none, noNumber.
export function plainNumber(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? noNumber : x.toPrecision(3)
}

// fmt writes x with the given decimals by the command line's rule (num
// in cli/output.go): Go's strconv.FormatFloat(x, 'f', digits, 64), the
// decimal nearest x's exact binary value, an exact tie rounded to the
// even digit (62.25 → "62.2", 0.125 → "0.12"), and a negative that
// rounds to zero written without its sign (-0.04 → "0.0"). No number
// (null, NaN, ±Infinity) is noNumber.
export function fmt(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return noNumber
  // toFixed rounds x's exact value too, but a tie away from zero.
  let out = x.toFixed(digits)
  if (digits <= 20 && Math.abs(x) < 1e21) {
    // x's exact decimal expansion to 100 places. A tie has digits + 1
    // places, so it shows as one; a double that is not a tie differs
    // from one by far more than 1e-100 (by at least 2^-124 · 10^-21), so
    // it does not.
    const exact = Math.abs(x).toFixed(100)
    const dot = exact.indexOf('.')
    const frac = exact.slice(dot + 1)
    if (frac[digits] === '5' && /^0*$/.test(frac.slice(digits + 1))) {
      // A tie: keep the truncation when its last digit is even.
      const kept = exact.slice(0, digits ? dot + 1 + digits : dot)
      if (Number(kept[kept.length - 1]) % 2 === 0) out = (x < 0 ? '-' : '') + kept
    }
  }
  return /^-0(\.0*)?$/.test(out) ? out.slice(1) : out
}

// signed writes x with digits decimals, as fmt does, and its direction:
// "+" before a number above zero and none on one that reads as zero
// ("0.0", neither "+0.0" nor "-0.0"), as ask.Signed writes a pull, a
// shift or a change at every other door.
export function signed(x: number | null | undefined, digits = 1): string {
  const out = fmt(x, digits)
  return x !== null && x !== undefined && x > 0 && /[1-9]/.test(out) ? '+' + out : out
}

// caveatsHeading heads an answer's warnings, the caveats card, in one
// style on every view (the forecast's, the backtest's, an explanation's):
// "⚠ Read these before using the numbers", as written, not in the
// capitals an h3 is drawn in.
export function caveatsHeading(id?: string): HTMLElement {
  return h('h2', id ? { id } : {}, h('span', { 'aria-hidden': 'true' }, '⚠ '), 'Read these before using the numbers')
}

// foldCaveats matches a phone's screen, where the caveats start folded.
export const foldCaveats = window.matchMedia('(max-width: 600px)')

// redLinesOpen is whether the red lines crossed are open, as the reader
// last left them on any view (null: by the screen, foldCaveats).
let redLinesOpen: boolean | null = null

// redLinesCrossed lists the red lines an answer's forecasts cross, its
// lines (red_lines_crossed: a forecast's, a sweep's, a sensitivity
// analysis's or advice's in parley forecast's words; a comparison's in
// parley compare's) under the answer's heading (red_lines_crossed_head)
// and their count: open on a wide screen, folded on a phone as the
// caveats are; null when none is crossed.
export function redLinesCrossed(a: RedLinesCrossed, testid: string): HTMLElement | null {
  const lines = a.red_lines_crossed ?? []
  if (!lines.length) return null
  const d = h('details', { class: 'red-lines', 'data-testid': testid, open: redLinesOpen ?? !foldCaveats.matches },
    h('summary', {}, h('strong', { 'data-testid': 'red-lines-head' }, a.red_lines_crossed_head ?? ''), `: ${lines.length}`),
    h('ul', {}, ...lines.map((l) => h('li', {}, l))))
  d.addEventListener('toggle', () => { redLinesOpen = (d as HTMLDetailsElement).open })
  return d
}

// caveatsCard is the card an answer's caveats stand in, on every view
// (caveatsHeading over what is given: the warnings, the red lines
// crossed), named by its heading (id testid-title); null when nothing is
// given.
export function caveatsCard(testid: string, ...kids: (HTMLElement | null | '')[]): HTMLElement | null {
  const given = kids.filter((k): k is HTMLElement => !!k)
  if (!given.length) return null
  return h('section', { class: 'card caveats', 'data-testid': testid, 'aria-labelledby': `${testid}-title` }, caveatsHeading(`${testid}-title`), ...given)
}

// decimalsOf is how many decimals the page writes a number on issue
// id's scale with: the issue's decimals as the answer's scenario carries
// them (answer.Issue's decimals, ask.ScaleDecimals: 1 on 0–100 and 0–10,
// 2 on 0–1, up to 11), so that the page writes what the command line
// does; 1 where the answer does not say.
export function decimalsOf(sc: { issues: { id: string; decimals?: number }[] } | undefined, id: string): number {
  const d = sc?.issues.find((is) => is.id === id)?.decimals
  return d !== undefined && d > 0 ? d : 1
}

// inputValue is ask.InputValue: an input's value as every door writes it
// back to the user — a position (kind "position") with its issue's
// decimals, a salience on the file's own scale, as the answer gives it
// (ask's salienceText: two decimals on 0–1, none on 0–100 — the answer
// scenario's salience_scale — and up to two more where the value has
// them, trailing zeros past those dropped: 92.5, not 92; 0.925), a
// capability with one.
export function inputValue(sc: { issues: { id: string; decimals?: number }[]; salience_scale?: number } | undefined, kind: string, issue: string, x: number): string {
  if (kind === 'salience') {
    const least = sc?.salience_scale === 100 ? 0 : 2
    const out = fmt(x, least + 2)
    const dot = out.indexOf('.')
    if (dot < 0) return out
    let keep = out.length
    while (keep > dot + 1 + least && out[keep - 1] === '0') keep--
    return out.slice(0, keep === dot + 1 ? dot : keep)
  }
  if (kind === 'position') return fmt(x, decimalsOf(sc, issue))
  return fmt(x, 1)
}

// leverInput is the kind of input a lever of the kind moves (ask.LeverValue):
// "salience" for own-salience and persuade-salience, else "position".
export function leverInput(kind: string): string {
  return kind.endsWith('-salience') ? 'salience' : 'position'
}

// rangeJoin writes a range from its two ends, each already written
// (scenario.RangeJoin, the rule every door joins a range's ends by):
// "45.3–54.1", or "-2.18 to -1.99" where either end is negative (an en
// dash beside a minus sign reads as two dashes).
export function rangeJoin(lo: string, hi: string): string {
  return lo + ([lo, hi].some((e) => e.startsWith('-') || e.startsWith('−')) ? ' to ' : '–') + hi
}

// rangeText is the range lo–hi of a forecast that did not settle on an
// issue of digits decimals (decimalsOf), by the rule of ask.RangeText,
// which the other doors use: it moved, so it is never written as a
// point. Where both ends read the same at the issue's decimals they get
// as many more decimals, up to rangeDecimalsMax, as part them
// ("56.67–56.70"); where even those do not, one end and how little it
// moved ("56.7 (moving by less than 0.0001)").
export function rangeText(lo: number, hi: number, digits = 1): string {
  const d0 = Math.max(1, digits)
  const a = fmt(lo, d0), b = fmt(hi, d0)
  if (a !== b) return rangeJoin(a, b)
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return a
  const top = rangeDecimalsMax(d0, lo, hi)
  const d = rangeDecimals(lo, hi, d0 + 1, top)
  if (d > 0) return rangeJoin(fmt(lo, d), fmt(hi, d))
  return `${a} (moving by less than ${fmt(10 ** -top, top)})`
}

// rangeDecimalsMax is the most decimals rangeText gives a range's ends
// on an issue of d decimals (ask's rangeDecimalsMax; ask's BinDecimals
// uses it for a sweep's bins, whose edges the answer carries since
// lines25): four, or two more than the issue's where it has more than
// two, but no more than a float64 carries for numbers the size of ends
// (carriedDecimals: 8 near 1e6), nor fewer than d.
export function rangeDecimalsMax(d: number, ...ends: number[]): number {
  return Math.max(d, Math.min(Math.max(4, d + 2), carriedDecimals(...ends)))
}

// carriedDecimals is how many decimals a float64 carries for numbers as
// large as the largest of xs in size (ask's carriedDecimals): 15
// significant digits less the digits before the decimal point, 14 −
// ⌊log₁₀ m⌋ (8 near 1e6, 2 near 1e12); Infinity where no x is finite and
// not zero. ⌊log₁₀ m⌋ is the exponent of m written to 15 significant
// digits, as Go's strconv writes it.
export function carriedDecimals(...xs: number[]): number {
  let m = 0
  for (const x of xs) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x))
  if (m === 0) return Infinity
  return 14 - Number(m.toExponential(14).split('e')[1])
}

// rangeDecimals is the fewest decimals, from `from` to `to`, at which lo
// and hi read differently; 0 when none part them (ask's rangeDecimals,
// which RangeText shares with BinDecimals).
export function rangeDecimals(lo: number, hi: number, from: number, to: number): number {
  for (let d = Math.max(1, from); d <= to; d++) if (fmt(lo, d) !== fmt(hi, d)) return d
  return 0
}

// intervalText is an interval lo–hi as the command line writes one
// (num(lo) + "–" + num(hi): the distribution table, cli/output.go; the
// zone's ranges, cli/deal.go; snap's explanation, ask; a sweep's
// intervals, ask.SweepIntervalText, where a twin sweepText stood until
// readweb25): both ends, even
// where they read the same ("0.0–0.0"), so that an interval never reads
// as a point forecast. Each end has the issue's digits decimals
// (decimalsOf).
export function intervalText(lo: number, hi: number, digits = 1): string {
  return rangeJoin(fmt(lo, digits), fmt(hi, digits))
}

// Colour-blind-friendly palette (Okabe–Ito, extended).
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#332288', '#882255', '#117733', '#AA4499', '#44AA99', '#999933']

export function color(i: number): string { return palette[i % palette.length] }

// settingsText is the model settings an answer echoes in its request
// ("smp-vote=Binary, rounds=20"): "" for a run at every default.
export function settingsText(r: { params?: { [name: string]: string }; rounds?: number; max_rounds?: number } | undefined): string {
  if (!r) return ''
  const parts = Object.entries(r.params ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`)
  if (r.rounds) parts.push(`rounds=${r.rounds}`)
  if (r.max_rounds) parts.push(`max_rounds=${r.max_rounds}`)
  return parts.join(', ')
}

// errorText is what went wrong in the server's words (an API error's
// message says what would be valid), without the "Error:" a string of
// the error object starts with.
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

// measurer is a canvas context for measuring text (fitText).
let measurer: CanvasRenderingContext2D | null | undefined

// fitText is text cut to fit within px pixels in the page's font at the
// given size and weight, ending with "…" when cut: an SVG chart's label
// (an actor's name left of its row) is not wrapped by the browser, and a
// name longer than the room it has ran off the chart's edge, cut mid-word
// where no one could read whose row it was. The chart keeps the whole
// name in a title (shown on hover and read by screen readers).
export function fitText(text: string, px: number, size = 13, weight = 400): string {
  const wide = (t: string) => textWidth(t, size, weight) > px
  if (!wide(text)) return text
  const cs = Array.from(text)
  let lo = 0, hi = cs.length - 1
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (wide(cs.slice(0, mid).join('').trimEnd() + '…')) hi = mid - 1
    else lo = mid
  }
  return cs.slice(0, lo).join('').trimEnd() + '…'
}

// textWidth is the width in pixels of text in the page's font at the
// given size and weight (0 where the browser cannot measure it).
export function textWidth(text: string, size = 13, weight = 400): number {
  if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d')
  if (!measurer) return 0
  measurer.font = `${weight} ${size}px ${getComputedStyle(document.documentElement).fontFamily}`
  return measurer.measureText(text).width
}

// svgLabel is an SVG text of a name fitted to px pixels (fitText), with
// the whole name as its title when cut.
export function svgLabel(attrs: Attrs, name: string, px: number, size = 13): SVGTextElement {
  const shown = fitText(name, px, size)
  return s('text', { ...attrs, 'data-name': name }, shown !== name ? s('title', {}, name) : null, shown)
}

// heldFixed is what a sweep, a sensitivity analysis, advise's draws or a
// robust deal analysis held at the stated values, having no range, in
// ask.HeldFixedText's words as the command line prints them; '' when
// every input has a range.
export function heldFixed(hf: HeldFixed | undefined, testid: string): HTMLElement | '' {
  if (!hf?.text) return ''
  return h('p', { class: 'hint', 'data-testid': testid, 'data-positions': hf.positions, 'data-saliences': hf.saliences, 'data-capabilities': hf.capabilities, 'data-assumed-stances': hf.assumed_stances, 'data-assumed-capabilities': hf.assumed_capabilities }, hf.text)
}

// distanceText is a package's distance from one model's forecast in
// the words the answer carries (its text, ask.ModelDistanceText:
// "compromise 8.6% (max 11.2%)"); an answer stored before it carried
// them shows the fields plainly, "compromise: mean 8.6, max 11.2"
// (docs/DECISIONS.md, texts24f). The models go apart by ' · '
// (ask.DistanceSep).
export function distanceText(d: { model: string; mean_pct: number; max_pct: number; text?: string }): string {
  return d.text ?? `${d.model}: mean ${fmt(d.mean_pct, 1)}, max ${fmt(d.max_pct, 1)}`
}

// niceTicks is a regular scale's ticks from lo to hi: evenly spaced at
// 1, 2 or 5 times a power of ten, about target of them, each a multiple
// of the step (the ends are ticks only when they fall on one).
export function niceTicks(lo: number, hi: number, target = 6): number[] {
  if (!(hi > lo)) return [lo]
  const raw = (hi - lo) / Math.max(1, target - 1)
  const p = Math.pow(10, Math.floor(Math.log10(raw)))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((x) => x >= raw * 0.999) ?? 10 * p
  const out: number[] = []
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)))
  return out
}

// contrast is WCAG 2's contrast ratio of two #rrggbb colours.
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)))
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p)
  return (x + 0.05) / (y + 0.05)
}

// ink is colour c darkened, in steps of 5%, until text in it reads on
// white at WCAG AA's 4.5:1: a model's label keeps its line's hue where
// the palette's light ones (sky blue, orange, pink) read at 2–3:1.
export function ink(c: string): string {
  let k = 1
  const at = (f: number) => '#' + [1, 3, 5].map((i) => Math.round(parseInt(c.slice(i, i + 2), 16) * f).toString(16).padStart(2, '0')).join('')
  while (contrast(at(k), '#ffffff') < 4.5 && k > 0) k -= 0.05
  return at(Math.max(0, k))
}

// opensOnRelease makes el (a button or a link) call open when clicked
// or when Enter or Space is released on it, as the scenario view's
// markers open the stance drawer: on key release, so that the key that
// opened the drawer cannot also reach the field that then has the focus
// (an Enter reaching the position field would submit its form). Only a
// key pressed on el opens it: the Enter that closed the drawer, released
// after the focus came back to el, does not open it again.
export function opensOnRelease<T extends Element>(el: T, open: () => void): T {
  const isKey = (e: Event) => (e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' '
  let pressed = false
  el.addEventListener('click', (e) => { e.preventDefault(); open() })
  el.addEventListener('keydown', (e) => { if (isKey(e)) { e.preventDefault(); pressed = true } })
  el.addEventListener('blur', () => { pressed = false })
  el.addEventListener('keyup', (e) => {
    if (!isKey(e)) return
    e.preventDefault()
    if (pressed) { pressed = false; open() }
  })
  return el
}

// stanceLabel is the accessible name of a link to an actor's stance on
// an issue, which opens the stance drawer: its position, range,
// salience, note and the quotes it rests on.
export function stanceLabel(actor: string, issue: string): string {
  return `${actor} on ${issue}: the stance and its evidence`
}

// stanceButton is a number's way to the stance it rests on: kids in a
// button that looks like a link and opens the stance drawer (open),
// named for the actor and the issue by name.
export function stanceButton(label: string, open: () => void, ...kids: (Node | string)[]): HTMLButtonElement {
  return opensOnRelease(h('button', { type: 'button', class: 'stance-link', 'aria-label': label, title: label }, ...kids), open)
}
