// The page's sign-in: the dialog that asks for the server's access token
// (PARLEY_TOKEN), the notice shown when it was cancelled, and the header's
// Sign out. api.ts decides when to ask (unlock) and what the server
// answers; this module only shows it. The token is typed in a password
// field (masked), and the server's own words on a refused token, or on an
// address shut out after too many wrong ones (429), are shown in the
// dialog. It is a dialog of the page (modal.ts), not window.prompt: a
// prompt shows the token in clear, cannot show the server's refusal, and
// blocks the page, automated browsers included.
import { openModal, closeModal } from './modal'

const key = 'parley-token'

// outKey marks a tab signed out (Sign out) until it signs in again: the
// page loaded then shows the signed-out state and asks the server for
// nothing (main.ts, signedOut).
const outKey = 'parley-signed-out'

// stored is the token the server last accepted in this tab, or null.
export function stored(): string | null { return sessionStorage.getItem(key) }

// keep stores the token the server has just accepted.
export function keep(t: string) {
  sessionStorage.setItem(key, t)
  sessionStorage.removeItem(outKey)
  signOutButton()
}

// signedOut is true when the tab was signed out (Sign out) and has not
// signed in since: the page shows nothing it loaded, and loads nothing.
export function signedOut(): boolean { return sessionStorage.getItem(outKey) !== null }

// signInAgain leaves the signed-out state: the page loads anew, and its
// first request that needs the token asks for it.
export function signInAgain() {
  sessionStorage.removeItem(outKey)
  location.reload()
}

// leaving, when set, is asked before Sign out: false keeps the page as
// it is (main.ts: the builder's unsaved edits, which the user keeps).
let leaving: (() => boolean) | null = null
export function beforeSignOut(f: () => boolean) { leaving = f }

// forget drops the stored token, if it is still t: the server refused a
// call sent with it (api.ts), and it is not sent again. Sign out hides.
export function forget(t: string) {
  if (stored() !== t) return
  sessionStorage.removeItem(key)
  signOutButton()
}

// answer resolves the sign-in under way (ask) with the token typed, or
// null when cancelled; null while none waits for the user.
let answer: ((t: string | null) => void) | null = null

// busy is true while the token typed is being checked (checking), and
// withdrawn once the user cancels meanwhile: the check's answer (checked)
// then ends the asking rather than asking again.
let busy = false
let withdrawn = false

let box: HTMLElement | null = null

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: { [k: string]: string }, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
  e.append(...kids)
  return e
}

// dialog makes the sign-in dialog the first time it is needed.
function dialog(): HTMLElement {
  if (box) return box
  const input = el('input', {
    type: 'password', id: 'signin-token', name: 'token', autocomplete: 'current-password',
    spellcheck: 'false', autocapitalize: 'off', 'aria-describedby': 'signin-said', 'data-testid': 'signin-token',
  })
  const form = el('form', { class: 'signin-panel', novalidate: '' },
    el('h2', { id: 'signin-title' }, 'Sign in'),
    el('p', { id: 'signin-what' }, 'This server needs its access token (PARLEY_TOKEN), as whoever started it set it.'),
    el('label', { for: 'signin-token' }, 'Access token'),
    input,
    el('p', { id: 'signin-said', class: 'signin-said', role: 'alert', 'data-testid': 'signin-said' }),
    el('div', { class: 'buttons' },
      el('button', { type: 'submit', class: 'primary', 'data-testid': 'signin-submit' }, 'Sign in'),
      el('button', { type: 'button', 'data-testid': 'signin-cancel' }, 'Cancel')))
  box = el('div', { class: 'signin', role: 'dialog', 'aria-labelledby': 'signin-title', 'aria-describedby': 'signin-what', 'aria-hidden': 'true', 'data-testid': 'signin' }, form)
  form.onsubmit = (e) => {
    e.preventDefault()
    if (!answer) return
    // The server refuses a token with white space at either end (HTTP
    // drops it from the header), so a pasted one's is not part of it.
    const t = input.value.trim()
    if (!t) { said('Type the access token, or Cancel.'); input.focus(); return }
    const a = answer
    answer = null
    a(t)
  }
  form.querySelector<HTMLButtonElement>('[data-testid=signin-cancel]')!.onclick = cancel
  box.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return
    // the page's own Escape (closing a panel behind) is not this one's
    e.stopPropagation()
    e.preventDefault()
    cancel()
  })
  document.body.append(box)
  return box
}

function parts(b: HTMLElement) {
  return {
    input: b.querySelector<HTMLInputElement>('input')!,
    submit: b.querySelector<HTMLButtonElement>('[data-testid=signin-submit]')!,
    cancel: b.querySelector<HTMLButtonElement>('[data-testid=signin-cancel]')!,
  }
}

function said(msg: string) { dialog().querySelector('[data-testid=signin-said]')!.textContent = msg }

// cancel closes the dialog; a sign-in waiting for the user ends with
// null, one checking a token once the server has answered (checked).
function cancel() {
  const a = answer
  answer = null
  if (busy) withdrawn = true
  closeModal(dialog())
  a?.(null)
}

// ask shows the sign-in dialog, with refused (the server's words on the
// token typed last; '' the first time) under the field, and resolves
// with the token typed, or null when the user cancels (Cancel, Escape).
export function ask(refused: string): Promise<string | null> {
  const b = dialog()
  const p = parts(b)
  p.input.disabled = false
  p.input.readOnly = false
  p.submit.removeAttribute('aria-disabled')
  p.submit.hidden = false
  p.cancel.textContent = 'Cancel'
  p.input.value = ''
  said(refused)
  // Asked again while open (the token refused): the focus stays in the
  // dialog, and closing it still returns it to what opened it first.
  if (b.getAttribute('aria-hidden') === 'false') p.input.focus()
  else openModal(b, p.input)
  return new Promise((resolve) => { answer = resolve })
}

// checking says the token typed is being tried, and takes no other until
// the server has answered (a submit meanwhile finds no answer waiting).
// The field is read-only, not disabled, so the focus stays on it.
export function checking() {
  busy = true
  withdrawn = false
  const p = parts(dialog())
  p.input.readOnly = true
  p.submit.setAttribute('aria-disabled', 'true')
  said('Checking the token with the server…')
}

// checked says the server has answered the token being checked; it is
// true when the user cancelled meanwhile (Cancel, Escape), which ends
// the asking: a refused token is not asked for again.
export function checked(): boolean {
  busy = false
  const w = withdrawn
  withdrawn = false
  return w
}

// accepted closes the dialog: the server took the token.
export function accepted() {
  closeModal(dialog())
  notice?.remove()
  notice = null
  unmark()
}

// The controls a signed-out page marks (markSignedOut): the views' tabs
// and the header's choices, which all need what the token loads.
const waiting = '.tabs [role=tab], header.top select, header.top fieldset.models, header.top details.settings > summary'

// signInButton is the banner's Sign in while the page is marked.
let signInButton: HTMLElement | null = null

// markSignedOut shows the page as waiting for a sign-in (after Sign
// out, or a cancelled sign-in where the server needs its token to show
// anything): banner says so and holds signIn, its Sign in. Every tab
// and header control is aria-disabled and described by the banner
// (id signin-state), and is drawn faded (style.css, .needs-signin). They
// keep their place in the keyboard's order; a click on one (Enter or
// Space on a tab) asks the server for nothing and takes the focus to
// Sign in. Before, they looked live, and did nothing, or asked for the
// token again.
export function markSignedOut(banner: HTMLElement, signIn: HTMLElement) {
  document.getElementById('signin-state')?.removeAttribute('id')
  banner.id = 'signin-state'
  signIn.classList.add('primary')
  signInButton = signIn
  document.body.classList.add('needs-signin')
  for (const c of document.querySelectorAll(waiting)) {
    c.setAttribute('aria-disabled', 'true')
    c.setAttribute('aria-describedby', 'signin-state')
  }
}

// unmark ends the signed-out marks (markSignedOut): a token was taken.
function unmark() {
  if (!document.body.classList.contains('needs-signin')) return
  document.body.classList.remove('needs-signin')
  document.getElementById('signin-state')?.removeAttribute('id')
  signInButton = null
  for (const c of document.querySelectorAll(waiting)) {
    c.removeAttribute('aria-disabled')
    c.removeAttribute('aria-describedby')
  }
}

// A marked control's click, or a select's press that would open it,
// goes to Sign in instead: caught before the control's own handler.
for (const type of ['click', 'mousedown'] as const) {
  document.addEventListener(type, (e) => {
    if (!signInButton || !(e.target instanceof Element)) return
    const c = e.target.closest(waiting)
    if (!c || c.getAttribute('aria-disabled') !== 'true') return
    if (type === 'mousedown' && c.tagName !== 'SELECT') return
    e.preventDefault()
    e.stopPropagation()
    signInButton.focus()
  }, true)
}

// A marked select's keys would change it (arrows, letters, Home, End)
// and fire its change, which asks the server: they go to Sign in too,
// all but Tab, which moves on as from any control.
document.addEventListener('keydown', (e) => {
  if (!signInButton || e.key === 'Tab' || !(e.target instanceof Element)) return
  const c = e.target.closest(waiting)
  if (!c || c.tagName !== 'SELECT' || c.getAttribute('aria-disabled') !== 'true') return
  e.preventDefault()
  e.stopPropagation()
  signInButton.focus()
}, true)

// ended shows why the asking ended without a token — the server refuses
// every token from this address for now (its 429, in its words), or did
// not answer — and asks for none: the field and Sign in are off, and
// Close closes the dialog. Closed already (cancelled while the token was
// checked), it stays closed: the call's own answer says why.
export function ended(msg: string) {
  const b = dialog()
  if (b.getAttribute('aria-hidden') !== 'false') return
  const p = parts(b)
  p.input.value = ''
  p.input.disabled = true
  p.submit.hidden = true
  p.cancel.textContent = 'Close'
  said(msg)
  p.cancel.focus()
}

let notice: HTMLElement | null = null

// cancelled says, above the status line, that the page lacks the token
// the server asked for. read: the request refused was a read, so the
// page could not load what it shows; its Sign in loads the page again,
// whose reads ask for the token anew. Another request refused (a write,
// or a run, which is a POST) is done again by the user, which asks
// again.
// A read refused marks the page signed out (markSignedOut) until a
// token is taken; a write refused meanwhile keeps the read's notice,
// which the marks point to.
export function cancelled(read: boolean) {
  if (!read && signInButton) return
  notice?.remove()
  const again = el('button', { type: 'button', 'data-testid': 'signin-again' }, 'Sign in')
  again.onclick = () => location.reload()
  notice = read
    ? el('div', { class: 'status error signin-needed', role: 'alert', 'data-testid': 'signin-needed' },
      'This server needs its access token (PARLEY_TOKEN) to show anything, and the sign-in was cancelled. ', again)
    : el('div', { class: 'status error signin-needed', role: 'alert', 'data-testid': 'signin-needed' },
      'Not done: this server needs its access token (PARLEY_TOKEN) for that, and the sign-in was cancelled. Do it again to be asked for the token.')
  document.getElementById('status')?.before(notice)
  if (read) markSignedOut(notice, again)
}

// signOutButton shows the header's Sign out while the tab keeps a token.
function signOutButton() {
  const b = document.getElementById('signout')
  if (b) b.hidden = stored() === null
}

// Sign out forgets the token and loads the page anew in the signed-out
// state (signedOut): nothing the page fetched with the token — the
// answers shown, the scenarios listed, what each view kept — is left on
// screen or in the page's memory, and nothing is asked of the server
// until the user signs in again (signInAgain). It used to leave all the
// page showed in place until the page was loaded again.
{
  const b = document.getElementById('signout')
  if (b) {
    b.onclick = () => {
      if (leaving && !leaving()) return
      const t = stored()
      if (t !== null) forget(t)
      sessionStorage.setItem(outKey, '1')
      location.reload()
    }
  }
  signOutButton()
}
