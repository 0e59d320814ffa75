// Modal dialogs, as the WAI-ARIA Authoring Practices' dialog pattern
// asks: while one is open, Tab and Shift+Tab move among its own controls
// only (from the last Tab wraps to the first, Shift+Tab from the first to
// the last), and closing it gives the focus back to what opened it. Every
// dialog of the page opens and closes through openModal and closeModal,
// so each keeps the focus the same way.

// The elements Tab can reach, unless disabled, hidden or tabindex -1.
const reachable = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable]:not([contenteditable=false])'

// tabbables lists the controls inside box that Tab reaches, in the
// document's order: enabled, rendered (not in a closed <details> or
// display: none), not inert, without tabindex -1; of a group of radio
// buttons only the checked one (or the first, when none is), as a
// browser tabs into a group.
function tabbables(box: Element): HTMLElement[] {
  const seen = new Set<string>()
  return [...box.querySelectorAll<HTMLElement>(reachable)].filter((el) => {
    if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]') || !el.getClientRects().length) return false
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      const group = `${el.form?.id ?? ''}\u0000${el.name}`
      const checked = [...box.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.name === el.name && r.form === el.form && r.checked)
      if (seen.has(group) || (checked && checked !== el)) return false
      seen.add(group)
    }
    return true
  })
}

type Focusable = HTMLElement | SVGElement

// openers remembers, per open dialog, what had the focus when it opened.
const openers = new WeakMap<HTMLElement, Focusable | null>()
const trapped = new WeakSet<HTMLElement>()

// isOpen reports whether the dialog box is open.
function isOpen(box: HTMLElement): boolean {
  return box.getAttribute('aria-hidden') === 'false'
}

// openModal shows the dialog box (aria-hidden false, aria-modal true),
// keeps Tab inside it and puts the focus on focus (else its first
// control, else the box itself). What has the focus outside the box is
// its opener, to which closing returns: opened again while open from a
// control outside it (another stance clicked), that control.
export function openModal(box: HTMLElement, focus?: HTMLElement | null) {
  const at = document.activeElement
  if (!isOpen(box) || (at && !box.contains(at))) openers.set(box, at as Focusable | null)
  box.setAttribute('aria-modal', 'true')
  box.setAttribute('aria-hidden', 'false')
  if (!box.hasAttribute('tabindex')) box.tabIndex = -1
  if (!trapped.has(box)) {
    box.addEventListener('keydown', (e) => keepTab(box, e))
    trapped.add(box)
  }
  ;(focus ?? tabbables(box)[0] ?? box).focus()
}

// closeModal hides the dialog box and gives the focus back to what
// opened it, if that is still on the page. It returns false when the
// box was not open.
export function closeModal(box: HTMLElement): boolean {
  if (!isOpen(box)) return false
  box.setAttribute('aria-hidden', 'true')
  const opener = openers.get(box)
  openers.delete(box)
  if (opener?.isConnected) opener.focus()
  return true
}

// keepTab turns a Tab that would leave the open dialog box into one that
// wraps inside it; a Tab between two of its controls is the browser's.
function keepTab(box: HTMLElement, e: KeyboardEvent) {
  if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || !isOpen(box)) return
  const list = tabbables(box)
  const at = document.activeElement
  let to: HTMLElement | undefined
  if (!list.length) to = box
  else if (!at || !list.includes(at as HTMLElement)) {
    // The focus on the box or on text in it: the next control after it,
    // or before it with Shift, wrapping round.
    to = e.shiftKey
      ? [...list].reverse().find((el) => at && at.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) ?? list[list.length - 1]
      : list.find((el) => at && at.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? list[0]
  } else if (e.shiftKey && at === list[0]) to = list[list.length - 1]
  else if (!e.shiftKey && at === list[list.length - 1]) to = list[0]
  if (!to) return
  e.preventDefault()
  to.focus()
}
