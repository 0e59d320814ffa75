package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The page asks for the server's access token in a dialog of its own
// (web/src/signin.ts), never with window.prompt: a prompt shows the token
// in clear, cannot show the server's words on a refused token, and hangs
// a headless browser.

// signinWatch, run on every page before its scripts, counts the times
// the sign-in dialog opens (window.__opened) and any window.prompt
// (window.__prompted, which answers Cancel).
const signinWatch = `window.__opened = 0; window.__prompted = 0
window.prompt = () => { window.__prompted++; return null }
new MutationObserver((ms) => {
	for (const m of ms) if (m.target.dataset && m.target.dataset.testid === 'signin' && m.target.getAttribute('aria-hidden') === 'false' && m.oldValue !== 'false') window.__opened++
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-hidden'], attributeOldValue: true })`

const (
	signinOpen   = `document.querySelector('[data-testid=signin]')?.getAttribute('aria-hidden') === 'false'`
	signinClosed = `document.querySelector('[data-testid=signin]')?.getAttribute('aria-hidden') === 'true'`
	signinToken  = `[data-testid=signin-token]`
)

// refusal is the error the server answers a request with the bearer
// token tok with (its JSON's error), and its status.
func refusal(t *testing.T, url, tok string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url+"/api/models", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct{ Error string }
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, body.Error
}

// acrossLoad waits (up to a minute) until expr is true on a page that
// is loading anew: an evaluation in the page the load replaces fails,
// and is tried again.
func acrossLoad(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		var last error
		for end := time.Now().Add(time.Minute); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
			ok, err := chromedp.Evaluate[bool](expr)(ctx, tg)
			if err == nil && ok {
				return nil
			}
			last = err
		}
		return fmt.Errorf("%s not true within a minute (last error: %v)", expr, last)
	})
}

// saidIs waits until the dialog shows msg under its field.
func saidIs(msg string) string {
	return fmt.Sprintf(`document.querySelector('[data-testid=signin-said]').textContent === %q`, msg)
}

// TestTokenAskedOnce: on a server that needs a token, the page's first
// calls, sent at once and each refused (401), open the sign-in dialog
// once between them, not once each, and never window.prompt; the dialog
// masks the token (a password field, focused); a mistyped token is sent
// by one call only and the dialog shows the server's refusal of it, in
// its words, and asks again; the right one closes it and the page loads
// with it, keeping it, with Sign out in the header. A token mistyped and
// sent by each of the four calls took the server's ten failures (which
// shut out every client at the address) in three tries.
func TestTokenAskedOnce(t *testing.T) {
	const good = "token-asked-once-0123456789"
	var mu sync.Mutex
	sent := map[string]int{}
	count := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, "/api/") {
				mu.Lock()
				sent[r.Header.Get("Authorization")]++
				mu.Unlock()
			}
			h.ServeHTTP(w, r)
		})
	}
	// every request needs the token, the page's first four reads too
	e := startE2EWith(t, e2eOptions{token: good, askToken: true, everyRequest: true, wrap: count})
	code, wrong := refusal(t, e.srv.URL, "another-wrong-token")
	if code != http.StatusUnauthorized || wrong == "" {
		t.Fatalf("a wrong token: %d %q, want 401 and a message", code, wrong)
	}
	e.onEveryPage("watch the sign-in", signinWatch)
	e.do("load", chromedp.Navigate(e.srv.URL+"/#forecast"), e.poll(signinOpen))
	field := get(t, e.bctx, "the field", chromedp.Evaluate[string](`(() => { const i = document.activeElement; return i.dataset.testid + " " + i.type + " " + i.autocomplete })()`))
	if field != "signin-token password current-password" {
		t.Errorf("the focus on %q, want the sign-in's token field, a password field with autocomplete current-password", field)
	}
	e.do("a mistyped token", chromedp.SendKeys(chromedp.CSS(signinToken), "mistyped"+kb.Enter), e.poll(saidIs(wrong)))
	e.do("the right token", chromedp.SendKeys(chromedp.CSS(signinToken), good+kb.Enter),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)), e.poll(signinClosed))
	if n := get(t, e.bctx, "opened", chromedp.Evaluate[[]int](`[window.__opened, window.__prompted]`)); n[0] != 1 || n[1] != 0 {
		t.Errorf("the sign-in opened %d times and window.prompt %d, want 1 and 0", n[0], n[1])
	}
	if kept := get(t, e.bctx, "kept", chromedp.Evaluate[string](`sessionStorage.getItem('parley-token') ?? 'none'`)); kept != good {
		t.Errorf("the tab keeps %q, want the token the server took", kept)
	}
	if v := get(t, e.bctx, "sign out", chromedp.Evaluate[bool](`!document.getElementById('signout').hidden && document.getElementById('signout').getClientRects().length > 0`)); !v {
		t.Error("no Sign out in the header once signed in")
	}
	mu.Lock()
	defer mu.Unlock()
	if n := sent["Bearer mistyped"]; n != 1 {
		t.Errorf("the mistyped token was sent %d times, want once", n)
	}
	if sent["Bearer "+good] == 0 || sent[""] < 4 {
		t.Errorf("requests by token: %v", sent)
	}
}

// TestTokenCancelAskedOnce: a user who cancels the sign-in (Escape) is
// not asked again by the page's other first calls, each refused a
// moment after the cancel; they answer with the refusal, and the page
// says it needs the token and offers Sign in, which asks again (the
// page loaded anew) and, given the token, loads the page.
func TestTokenCancelAskedOnce(t *testing.T) {
	const good = "token-cancel-0123456789"
	e := startE2EWith(t, e2eOptions{token: good, askToken: true, everyRequest: true})
	e.onEveryPage("watch the sign-in", signinWatch)
	// the page's four first calls, each refused, all answered
	e.do("load", chromedp.Navigate(e.srv.URL+"/#forecast"), e.poll(signinOpen), chromedp.KeyEvent(kb.Escape),
		e.poll(`performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/') && r.responseEnd > 0).length >= 4`),
		e.poll(`document.getElementById('status').textContent.includes('Authorization')`),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=signin-needed]`)))
	if n := get(t, e.bctx, "opened", chromedp.Evaluate[[]int](`[window.__opened, window.__prompted]`)); n[0] != 1 || n[1] != 0 {
		t.Errorf("the sign-in opened %d times after one cancel and window.prompt %d, want 1 and 0", n[0], n[1])
	}
	if !get(t, e.bctx, "closed", chromedp.Evaluate[bool](signinClosed)) {
		t.Error("Escape left the sign-in open")
	}
	const says = "This server needs its access token (PARLEY_TOKEN) to show anything, and the sign-in was cancelled. Sign in"
	if got := e.text(`[data-testid=signin-needed]`); got != says {
		t.Errorf("after the cancel the page says %q, want %q", got, says)
	}
	e.do("sign in again", void(chromedp.Evaluate[bool](`window.__before = true`)), chromedp.Click(chromedp.CSS(`[data-testid=signin-again]`)),
		acrossLoad(`!window.__before && `+signinOpen),
		chromedp.SendKeys(chromedp.CSS(signinToken), good+kb.Enter), chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)), e.poll(signinClosed))
	if n := e.count(`[data-testid=signin-needed]`); n != 0 {
		t.Errorf("%d notices of the cancel once signed in, want none", n)
	}
}

// TestTokenSignOut: Sign out in the header forgets the token the tab
// kept and takes away all the page loaded with it: the page loads anew
// in the signed-out state, which asks the server for nothing — no
// forecast, no scenario listed, no model — says so, and offers Sign in,
// focused; Sign out hides. Sign in loads the page, whose first call
// asks for the token in the dialog; given it, the forecast is drawn and
// Sign out is back. Sign out used to leave the answers and lists on
// screen until the page was loaded again.
func TestTokenSignOut(t *testing.T) {
	const good = "token-sign-out-0123456789"
	e := startE2EWith(t, e2eOptions{token: good, everyRequest: true})
	e.onEveryPage("watch the sign-in", signinWatch)
	e.do("load", chromedp.Navigate(e.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)),
		void(chromedp.Evaluate[bool](`window.__before = true`)),
		chromedp.Click(chromedp.CSS(`[data-testid=sign-out]`)),
		acrossLoad(`!window.__before && document.querySelector('[data-testid=signed-out]') !== null`))
	const says = "Signed out: this tab has forgotten the access token, and the page shows nothing it loaded with it."
	got := get(t, e.bctx, "after sign out", chromedp.Evaluate[string](`[
		sessionStorage.getItem('parley-token') ?? 'none', document.getElementById('signout').hidden,
		document.querySelectorAll('[data-testid=model-table], section.issue').length,
		document.getElementById('scenario').options.length, document.querySelectorAll('#models input').length,
		performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/')).length,
		document.activeElement.dataset.testid, window.__opened].join(' ')`))
	if got != "none true 0 0 0 0 signed-out-signin 0" {
		t.Errorf("after Sign out: token, Sign out hidden, answers, scenarios, models, requests, focus, dialogs %q, want \"none true 0 0 0 0 signed-out-signin 0\"", got)
	}
	if st := e.text(`#status`); st != says {
		t.Errorf("after Sign out the status says %q, want %q", st, says)
	}
	e.do("sign in", void(chromedp.Evaluate[bool](`window.__before = true`)), chromedp.Click(chromedp.CSS(`[data-testid=signed-out-signin]`)),
		acrossLoad(`!window.__before && `+signinOpen),
		chromedp.SendKeys(chromedp.CSS(signinToken), good+kb.Enter), e.poll(signinClosed),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)),
		e.poll(`document.getElementById('status').textContent.includes(' · run ')`))
	got = get(t, e.bctx, "signed in", chromedp.Evaluate[string](`[sessionStorage.getItem('parley-token'), document.getElementById('signout').hidden, window.__opened, window.__prompted, document.querySelectorAll('[data-testid=signed-out]').length].join(' ')`))
	if want := good + " false 1 0 0"; got != want {
		t.Errorf("after signing in again: token, Sign out hidden, dialogs, prompts, signed-out notices %q, want %q", got, want)
	}
}

// TestTokenDownloadSignsIn: a download (the brief, as Markdown) the
// server refuses for want of its token (401: the token the tab kept is
// not the server's now) opens the sign-in dialog the other calls use,
// and, given the token, downloads the brief with it: the file saved is
// the server's brief, byte for byte. It used to say the 401 and stop.
func TestTokenDownloadSignsIn(t *testing.T) {
	const good = "token-download-0123456789"
	e := startE2EWith(t, e2eOptions{token: good, everyRequest: true})
	e.onEveryPage("watch the sign-in", signinWatch)
	link := `[data-testid=forecast-brief-md]`
	e.do("load", chromedp.Navigate(e.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(link)),
		// the server started again with another token; the file is
		// caught as the page hands it to the browser to save
		void(chromedp.Evaluate[bool](`(() => {
			sessionStorage.setItem('parley-token', 'token-download-old')
			URL.createObjectURL = (b) => { b.text().then((t) => { window.savedText = t }); return "about:blank" }
			HTMLAnchorElement.prototype.click = function () { window.savedName = this.download }
			return true
		})()`)),
		chromedp.Click(chromedp.CSS(link)), e.poll(signinOpen),
		chromedp.SendKeys(chromedp.CSS(signinToken), good+kb.Enter), e.poll(signinClosed),
		e.poll(`window.savedText !== undefined && document.getElementById('status').textContent === 'Downloaded the brief.'`))
	href := get(t, e.bctx, "href", chromedp.AttributeValue(chromedp.CSS(link), "href")).Value
	req, err := http.NewRequest("GET", e.srv.URL+href, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+good)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the brief from the server: %s, %v", res.Status, err)
	}
	if got := get(t, e.bctx, "file", chromedp.Evaluate[string](`window.savedText`)); got != string(body) {
		t.Errorf("the file downloaded (%d bytes) is not the server's brief (%d bytes)", len(got), len(body))
	}
	got := get(t, e.bctx, "signed in", chromedp.Evaluate[string](`[sessionStorage.getItem('parley-token'), window.__opened, window.__prompted].join(' ')`))
	if want := good + " 1 0"; got != want {
		t.Errorf("after the download: token, dialogs, prompts %q, want %q", got, want)
	}
}

// TestTokenLockedOut: once the address has sent the server's limit of
// wrong tokens (here 2), the dialog shows the server's 429, in its
// words, and asks no more: the field is off, Sign in gone, Close
// focused; the token sent then is not kept, and the page's other calls
// do not ask again.
func TestTokenLockedOut(t *testing.T) {
	const good = "token-locked-out-0123456789"
	e := startE2EWith(t, e2eOptions{token: good, askToken: true, everyRequest: true, maxAuthFailures: 2})
	e.onEveryPage("watch the sign-in", signinWatch)
	e.do("load", chromedp.Navigate(e.srv.URL+"/#forecast"), e.poll(signinOpen),
		chromedp.SendKeys(chromedp.CSS(signinToken), "wrong-one"+kb.Enter), e.poll(`document.querySelector('[data-testid=signin-said]').textContent.includes('not this server')`))
	e.do("second wrong token", chromedp.SendKeys(chromedp.CSS(signinToken), "wrong-two"+kb.Enter),
		e.poll(`document.querySelector('[data-testid=signin-said]').textContent.includes('not this server') && !document.querySelector('[data-testid=signin-token]').readOnly`))
	e.do("the right token, too late", chromedp.SendKeys(chromedp.CSS(signinToken), good+kb.Enter),
		e.poll(`document.querySelector('[data-testid=signin-said]').textContent.includes('max-auth-failures')`))
	said := e.text(`[data-testid=signin-said]`)
	// the server's own words (httpapi), the seconds left aside
	code, direct := refusal(t, e.srv.URL, good)
	secs := regexp.MustCompile(`\d+ s\b`)
	if code != http.StatusTooManyRequests || secs.ReplaceAllString(said, "N s") != secs.ReplaceAllString(direct, "N s") {
		t.Errorf("the dialog says\n%q\nthe server (%d)\n%q", said, code, direct)
	}
	if !regexp.MustCompile(`^\S+ sent 2 requests with a wrong bearer token within 1m0s, this server's limit \(parley serve --max-auth-failures\); every request from there that needs the token is refused for (\d+) s more; valid: retry in (\d+) s \(Retry-After\), with Authorization: Bearer <PARLEY_TOKEN>$`).MatchString(said) {
		t.Errorf("the dialog says %q, not the server's 429", said)
	}
	state := get(t, e.bctx, "locked", chromedp.Evaluate[string](`[document.querySelector('[data-testid=signin-token]').disabled, document.querySelector('[data-testid=signin-submit]').hidden, document.activeElement.textContent, sessionStorage.getItem('parley-token') ?? 'none'].join(' ')`))
	if state != "true true Close none" {
		t.Errorf("locked out: field off, Sign in hidden, focus, token kept %q, want \"true true Close none\"", state)
	}
	e.do("close", chromedp.KeyEvent(kb.Enter), e.poll(signinClosed),
		e.poll(`performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/') && r.responseEnd > 0).length >= 7`))
	if n := get(t, e.bctx, "opened", chromedp.Evaluate[[]int](`[window.__opened, window.__prompted]`)); n[0] != 1 || n[1] != 0 {
		t.Errorf("the sign-in opened %d times and window.prompt %d, want 1 and 0", n[0], n[1])
	}
}

// TestTokenAskedAfterCancel: on a loopback server, where writes alone
// need the token (a forecast is a POST), the page's forecast asks for
// it; cancelled (Escape), the page says what was not done; a model
// ticked, a later action of the user's, forecasts again and asks again,
// the focus going back to the box ticked when it is cancelled, and given
// the token the forecast is drawn. The cancel was counted against the
// requests for the token begun, which nothing advanced after it: no
// later call asked again.
func TestTokenAskedAfterCancel(t *testing.T) {
	const good = "token-after-cancel-0123456789"
	e := startE2EWith(t, e2eOptions{token: good, askToken: true})
	e.onEveryPage("watch the sign-in", signinWatch)
	e.do("forecast without the token", chromedp.Navigate(e.srv.URL+"/#forecast"), e.poll(signinOpen),
		chromedp.KeyEvent(kb.Escape), e.poll(signinClosed), chromedp.WaitVisible(chromedp.CSS(`[data-testid=signin-needed]`)))
	const says = "Not done: this server needs its access token (PARLEY_TOKEN) for that, and the sign-in was cancelled. Do it again to be asked for the token."
	if got := e.text(`[data-testid=signin-needed]`); got != says {
		t.Errorf("after the cancel the page says %q, want %q", got, says)
	}
	box := `#models input[type=checkbox]:not(:checked)`
	e.do("tick a model", chromedp.Click(chromedp.CSS(box)), e.poll(signinOpen), chromedp.KeyEvent(kb.Escape), e.poll(signinClosed))
	state := get(t, e.bctx, "after the second cancel", chromedp.Evaluate[string](`[document.activeElement.id.startsWith('model-'), document.activeElement.checked, window.__opened].join(' ')`))
	if state != "true true 2" {
		t.Errorf("after the second cancel: the focus on a model's box, ticked, dialogs %q, want \"true true 2\"", state)
	}
	e.do("untick it", chromedp.KeyEvent(" "), e.poll(signinOpen),
		chromedp.SendKeys(chromedp.CSS(signinToken), good+kb.Enter), e.poll(signinClosed),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)),
		e.poll(`document.querySelectorAll('[data-testid=signin-needed]').length === 0`))
	if n := get(t, e.bctx, "opened", chromedp.Evaluate[[]int](`[window.__opened, window.__prompted]`)); n[0] != 3 || n[1] != 0 {
		t.Errorf("the sign-in opened %d times and window.prompt %d, want 3 (each action asks) and 0", n[0], n[1])
	}
}

// TestTokenStaleForgotten: a token the tab kept that the server now
// refuses (401: the server started again with another PARLEY_TOKEN) is
// forgotten, and Sign out hidden, before the page asks; it is never
// sent again. The page's four first calls send it once between them:
// the first goes alone, a token the server has not taken yet in the
// page's life, and the others wait for its answer, sent by none while
// the dialog asks (each sent it, four wrong tokens toward the server's
// lock-out at every load); cancelled, the notice's Sign in (the page loaded
// anew) sends none, and the right token typed then loads the page. Kept,
// it was sent again by every load and every later call, and the
// server's ten wrong tokens (--max-auth-failures) shut the address out
// after three loads, the right token too.
func TestTokenStaleForgotten(t *testing.T) {
	const good, stale = "token-stale-good-0123456789", "token-stale-old-0123456789"
	var mu sync.Mutex
	sent := map[string]int{}
	count := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, "/api/") {
				mu.Lock()
				sent[r.Header.Get("Authorization")]++
				mu.Unlock()
			}
			h.ServeHTTP(w, r)
		})
	}
	staleSent := func() int { mu.Lock(); defer mu.Unlock(); return sent["Bearer "+stale] }
	e := startE2EWith(t, e2eOptions{token: good, askToken: true, everyRequest: true, wrap: count})
	// the token an earlier server took, kept in the tab before the page loads
	e.do("keep the old token", chromedp.Navigate(e.srv.URL+"/api/kinds"),
		void(chromedp.Evaluate[bool](fmt.Sprintf(`sessionStorage.setItem("parley-token", %q), true`, stale))))
	e.onEveryPage("watch the sign-in", signinWatch)
	mu.Lock()
	clear(sent) // the page that kept it
	mu.Unlock()
	e.do("load", chromedp.Navigate(e.srv.URL+"/#forecast"), e.poll(signinOpen))
	if got := get(t, e.bctx, "asked", chromedp.Evaluate[string](`(sessionStorage.getItem('parley-token') ?? 'none') + ' ' + document.getElementById('signout').hidden`)); got != "none true" {
		t.Errorf("asked with the old token refused: token kept and Sign out hidden %q, want \"none true\"", got)
	}
	mu.Lock()
	asking := fmt.Sprint(sent)
	mu.Unlock()
	if want := fmt.Sprint(map[string]int{"Bearer " + stale: 1}); asking != want {
		t.Errorf("requests by token while the dialog asks %s, want %s (the first call alone)", asking, want)
	}
	e.do("cancel", chromedp.KeyEvent(kb.Escape), e.poll(signinClosed),
		e.poll(`performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/') && r.responseEnd > 0).length >= 4`),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=signin-needed]`)))
	if got := get(t, e.bctx, "cancelled", chromedp.Evaluate[string](`(sessionStorage.getItem('parley-token') ?? 'none') + ' ' + document.getElementById('signout').hidden`)); got != "none true" {
		t.Errorf("after the cancel: token kept and Sign out hidden %q, want \"none true\"", got)
	}
	if n := staleSent(); n != 1 {
		t.Errorf("the old token was sent %d times by the first load, want once (its first call; the others wait for its answer)", n)
	}
	first := staleSent()
	e.do("sign in again", void(chromedp.Evaluate[bool](`window.__before = true`)), chromedp.Click(chromedp.CSS(`[data-testid=signin-again]`)),
		acrossLoad(`!window.__before && `+signinOpen),
		chromedp.SendKeys(chromedp.CSS(signinToken), good+kb.Enter), chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)), e.poll(signinClosed))
	if n := staleSent(); n != first {
		t.Errorf("the old token was sent %d times more after the server refused it, want 0", n-first)
	}
	if kept := get(t, e.bctx, "kept", chromedp.Evaluate[string](`sessionStorage.getItem('parley-token') ?? 'none'`)); kept != good {
		t.Errorf("the tab keeps %q, want the token the server took", kept)
	}
}

// TestTokenCancelWhileChecking: Escape while the token typed is being
// checked (the server's answer held back) closes the dialog and ends
// the asking: the server's 401 that follows does not open it again,
// and the page says the sign-in was cancelled.
func TestTokenCancelWhileChecking(t *testing.T) {
	const good, held = "token-checking-0123456789", "held-wrong-token"
	release := make(chan struct{})
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	t.Cleanup(free)
	arrived := make(chan struct{}, 1)
	hold := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") == "Bearer "+held {
				select {
				case arrived <- struct{}{}:
				default:
				}
				<-release
			}
			h.ServeHTTP(w, r)
		})
	}
	e := startE2EWith(t, e2eOptions{token: good, askToken: true, everyRequest: true, wrap: hold})
	e.onEveryPage("watch the sign-in", signinWatch)
	e.do("type a token", chromedp.Navigate(e.srv.URL+"/#forecast"), e.poll(signinOpen),
		chromedp.SendKeys(chromedp.CSS(signinToken), held+kb.Enter), e.poll(saidIs("Checking the token with the server…")))
	select {
	case <-arrived:
	case <-time.After(time.Minute):
		t.Fatal("the token typed never reached the server")
	}
	e.do("cancel while checking", chromedp.KeyEvent(kb.Escape), e.poll(signinClosed))
	free()
	e.do("the server refuses it", e.poll(`performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/') && r.responseEnd > 0).length >= 5`),
		e.poll(signinOpen+` || document.querySelector('[data-testid=signin-needed]') !== null`))
	got := get(t, e.bctx, "after", chromedp.Evaluate[string](`[document.querySelector('[data-testid=signin]').getAttribute('aria-hidden'), window.__opened, window.__prompted, sessionStorage.getItem('parley-token') ?? 'none'].join(' ')`))
	if got != "true 1 0 none" {
		t.Errorf("after a cancel while checking and the server's 401: dialog hidden, opened, prompts, token %q, want \"true 1 0 none\"", got)
	}
}

// signedOutMarks is the page's signed-out state as the controls show
// it, one line: the body's class; per header control and tab, whether
// it is aria-disabled and described by the sign-in banner (its id), and
// the first tab's computed opacity and cursor; the banner's role and
// text; and its Sign in button's class.
const signedOutMarks = `(() => {
	const ctl = [...document.querySelectorAll('.tabs [role=tab], header.top select, header.top fieldset.models, header.top details.settings > summary')]
	const marked = ctl.filter((c) => c.getAttribute('aria-disabled') === 'true' && c.getAttribute('aria-describedby') === 'signin-state').length
	const b = document.getElementById('signin-state')
	const cs = getComputedStyle(document.querySelector('.tabs [role=tab]'))
	return [document.body.classList.contains('needs-signin'), marked + '/' + ctl.length, cs.opacity, cs.cursor,
		b?.getAttribute('role') ?? 'none', b?.querySelector('button')?.className ?? 'none'].join(' ')
})()`

// TestSignedOutControlsMarked: signed out on a server that needs its
// token — after Sign out, and after the first load's sign-in was
// cancelled — the page's controls say they wait for a sign-in: every
// tab and header control is aria-disabled and described by the banner
// that says so (id signin-state), drawn faded with a not-allowed
// cursor, and the banner's Sign in is the primary button. The keyboard
// still reaches them: Enter on a tab, or a click, asks the server for
// nothing and opens no dialog, but takes the focus to Sign in, whose
// Enter signs in. They used to look live, and did nothing (after Sign
// out) or asked for the token again.
func TestSignedOutControlsMarked(t *testing.T) {
	const good = "token-marked-0123456789"
	const want = "true 14/14 0.5 not-allowed "
	e := startE2EWith(t, e2eOptions{token: good, askToken: true, everyRequest: true})
	e.onEveryPage("watch the sign-in", signinWatch)
	e.do("load, cancel", chromedp.Navigate(e.srv.URL+"/#forecast"), e.poll(signinOpen), chromedp.KeyEvent(kb.Escape),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=signin-needed]`)),
		e.poll(`document.body.classList.contains('needs-signin')`))
	if got := get(t, e.bctx, "after the cancel", chromedp.Evaluate[string](signedOutMarks)); got != want+"alert primary" {
		t.Errorf("after the cancel: body class, controls marked, tab opacity and cursor, banner role, Sign in class %q, want %q", got, want+"alert primary")
	}
	if got := e.text(`#signin-state`); got != "This server needs its access token (PARLEY_TOKEN) to show anything, and the sign-in was cancelled. Sign in" {
		t.Errorf("the banner says %q", got)
	}
	// Requests the tabs and the select start: those whose start comes
	// after this mark. The first load's requests, refused with 401, may
	// end (and so enter the timeline) after it; they do not count.
	get(t, e.bctx, "mark", chromedp.Evaluate[bool](`(window.__mark = performance.now(), true)`))
	requests := `performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/') && r.startTime >= window.__mark).length`
	e.do("Enter on a tab", chromedp.Focus(chromedp.CSS(`#tab-sweep`)), chromedp.KeyEvent(kb.Enter))
	got := get(t, e.bctx, "after Enter", chromedp.Evaluate[string](`[document.activeElement.dataset.testid, document.getElementById('tab-sweep').getAttribute('aria-selected'), window.__opened].join(' ')`))
	if got != "signin-again false 1" {
		t.Errorf("Enter on Sweep: focus, Sweep selected, dialogs %q, want \"signin-again false 1\"", got)
	}
	e.do("click a tab", chromedp.Click(chromedp.CSS(`#tab-deal`)))
	if f := get(t, e.bctx, "after a click", chromedp.Evaluate[string](`document.activeElement.dataset.testid`)); f != "signin-again" {
		t.Errorf("a click on Deal focuses %q, want signin-again", f)
	}
	// An arrow key on a header select would change it (and ask the
	// server): it goes to Sign in, the select as it was.
	sel := `document.querySelector('header.top select')`
	was := get(t, e.bctx, "select", chromedp.Evaluate[string](sel+`.value`))
	e.do("arrow on a select", void(chromedp.Evaluate[bool](sel+`.focus() || true`)), chromedp.KeyEvent(kb.ArrowDown))
	if got := get(t, e.bctx, "after the arrow", chromedp.Evaluate[string](`[document.activeElement.dataset.testid, `+sel+`.value].join(' ')`)); got != "signin-again "+was {
		t.Errorf("ArrowDown on a header select: focus and value %q, want %q", got, "signin-again "+was)
	}
	if n := get(t, e.bctx, "requests", chromedp.Evaluate[int](requests)); n != 0 {
		t.Errorf("the tabs and the select asked the server %d times, want none", n)
	}
	// Enter on Sign in signs in: the page loads with the token, unmarked.
	e.do("sign in", void(chromedp.Evaluate[bool](`window.__before = true`)), chromedp.Focus(chromedp.CSS(`[data-testid=signin-again]`)), chromedp.KeyEvent(kb.Enter),
		acrossLoad(`!window.__before && `+signinOpen),
		chromedp.SendKeys(chromedp.CSS(signinToken), good+kb.Enter), chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)))
	if got := get(t, e.bctx, "signed in", chromedp.Evaluate[string](`[document.body.classList.contains('needs-signin'), document.querySelectorAll('header.top [aria-disabled=true], .tabs [aria-disabled=true]').length, getComputedStyle(document.getElementById('tab-sweep')).opacity].join(' ')`)); got != "false 0 1" {
		t.Errorf("signed in: body class, controls aria-disabled, tab opacity %q, want \"false 0 1\"", got)
	}
	// Sign out: the same marks, the banner the signed-out card.
	e.do("sign out", void(chromedp.Evaluate[bool](`window.__before = true`)), chromedp.Click(chromedp.CSS(`[data-testid=sign-out]`)),
		acrossLoad(`!window.__before && document.querySelector('[data-testid=signed-out]') !== null`))
	if got := get(t, e.bctx, "after Sign out", chromedp.Evaluate[string](signedOutMarks)); got != want+"none primary" {
		t.Errorf("after Sign out: body class, controls marked, tab opacity and cursor, banner role, Sign in class %q, want %q", got, want+"none primary")
	}
	e.do("Enter on a tab", chromedp.Focus(chromedp.CSS(`#tab-backtest`)), chromedp.KeyEvent(kb.Enter))
	if f := get(t, e.bctx, "after Enter", chromedp.Evaluate[string](`document.activeElement.dataset.testid`)); f != "signed-out-signin" {
		t.Errorf("Enter on Backtest after Sign out focuses %q, want signed-out-signin", f)
	}
}
