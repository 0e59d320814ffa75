// Small DOM helpers and number formats.

type Attrs = { [k: string]: string | number | boolean | null | undefined | EventListener }

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...kids: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  set(el, attrs)
  for (const k of kids) if (k !== null && k !== undefined && k !== false) el.append(k)
  return el
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

export function fmt(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits)
}

// rangeText is the range lo–hi of a forecast that did not settle, or one
// end alone where both read the same at the precision shown (the rule of
// ask.RangeText, which the other doors use).
export function rangeText(lo: number, hi: number): string {
  const a = fmt(lo), b = fmt(hi)
  return a === b ? a : `${a}–${b}`
}

// Colour-blind-friendly palette (Okabe–Ito, extended).
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#332288', '#882255', '#117733', '#AA4499', '#44AA99', '#999933']

export function color(i: number): string { return palette[i % palette.length] }
