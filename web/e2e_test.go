package web_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
	"parley/model"
	"parley/model/compromise"
	"parley/scenario"
	"parley/scenariofile"
	"parley/scenarios"
	"parley/store"
	"parley/store/bolt"
	"parley/web"
)

// chromium returns the path of a Chromium or Chrome binary, or "".
func chromium() string {
	if p := os.Getenv("PARLEY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// builtinCase is the built-in case at a snapshot, as the API answers it:
// the end-to-end tests compare the page with ask's answers on it.
func builtinCase(t *testing.T, snapshot string) *ask.Case {
	t.Helper()
	in, err := ask.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: snapshot})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// loadCase is the scenario body (named name in its diagnostics) at a
// snapshot ("" its base), as ask reads it: the answer a test compares
// the page with.
func loadCase(t *testing.T, name string, body []byte, snapshot string) *ask.Case {
	t.Helper()
	in, err := ask.Load(name, body, ask.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: snapshot})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// e2e is one end-to-end session: a test server over a fresh store seeded
// with the built-in case, and a headless Chromium on it.
type e2e struct {
	t    *testing.T
	ctx  context.Context
	st   *bolt.Store
	rec  *store.Scenario
	full *scenario.Scenario
	srv  *httptest.Server
	// bctx is the browser's context, bounded to three minutes.
	bctx context.Context
	// shots is the folder screenshots go to, $PARLEY_SCREENSHOTS; "" when
	// it is unset, and then shot and view take none.
	shots string
}

// e2eSources is the server's --sources folder in the end-to-end tests:
// the built-in case's articles, where the shared/ tree is checked out.
var e2eSources = func() string {
	if _, err := os.Stat("../../shared/sources"); err == nil {
		return "../../shared/sources"
	}
	return ""
}()

// e2eOptions vary an end-to-end session.
type e2eOptions struct {
	// empty starts with no scenario stored (else the built-in case is).
	empty bool
	// scenario, when set, is the path of the scenario file stored in
	// place of the built-in case.
	scenario string
	// sources is the server's --sources folder; "" is e2eSources.
	sources string
	// noSources starts the server with no --sources folder at all.
	noSources bool
	// maxWork is the server's --max-work; 0 is its default.
	maxWork float64
	// maxStreams is the server's --max-streams; 0 is its default.
	maxStreams int
	// maxJobs is the server's --max-jobs; 0 is its default.
	maxJobs int
	// token is the server's PARLEY_TOKEN ("" for none); the page is
	// given it (session storage) before it first loads, unless askToken.
	token string
	// askToken leaves the page without the token: it asks for it.
	askToken bool
	// maxAuthFailures is the server's --max-auth-failures; 0 is its
	// default.
	maxAuthFailures int
	// everyRequest serves as on a network address (not loopback only),
	// where every request to /api/ needs the token, reads too; on
	// loopback only writes do.
	everyRequest bool
	// wrap, when set, wraps the server's handler: a test holds back an
	// answer with it, to see the page before the answer comes.
	wrap func(http.Handler) http.Handler
}

// browserOnce is the one Chromium the package's tests share: started by
// the first test that wants it, stopped by TestMain after the last.
// Starting one a test cost ≈ 1.6 s each, a quarter of the suite's time,
// which go test's 10-minute limit on a package came to feel.
var browserOnce struct {
	sync.Once
	ctx    context.Context
	cancel []context.CancelFunc
	err    error
}

// sharedBrowser starts the shared Chromium at bin once, and returns the
// context to open a test's browser contexts from.
func sharedBrowser(bin string) (context.Context, error) {
	browserOnce.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(bin),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.NoFirstRun,
			chromedp.WindowSize(1400, 1000),
		)
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelB := chromedp.NewContext(actx)
		browserOnce.ctx, browserOnce.cancel = bctx, []context.CancelFunc{cancelB, cancelA}
		// Start it on a context without a deadline (its lifetime); each
		// test bounds its own steps.
		browserOnce.err = chromedp.Do(bctx)
	})
	return browserOnce.ctx, browserOnce.err
}

// tab is a tab of the shared Chromium, alone in a browser context of
// its own: ctx runs actions in it, cancel closes both.
type tab struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// tabs holds the tabs finished tests gave back, blank, for the next
// tests to take. Opening a browser context and its tab took 1–4 s a
// test (a window and a renderer process each), a third of a short
// test's time and 2–8 minutes of the suite's on a busy machine.
var tabs struct {
	sync.Mutex
	free []tab
}

// takeTab returns a tab given back blank, or else opens one in a new
// browser context of the shared Chromium.
func takeTab(shared context.Context) (tab, error) {
	tabs.Lock()
	if n := len(tabs.free); n > 0 {
		tb := tabs.free[n-1]
		tabs.free = tabs.free[:n-1]
		tabs.Unlock()
		return tb, nil
	}
	tabs.Unlock()
	ctx, cancel := chromedp.NewContext(shared, chromedp.WithNewBrowserContext())
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return tab{}, err
	}
	return tab{ctx: ctx, cancel: cancel}, nil
}

// giveBack returns t's tab to tabs as a new one is: its page blank
// (about:blank, the server's page and its scripts gone), nothing kept
// of the server's origin (session and local storage, the origin's
// other storage, the cache, cookies), no history and no device
// emulation. The tab
// is closed instead, with its browser context, when t failed (its page
// may be anywhere, a dialog open) or when any of this fails, so that
// nothing of a test can reach the next. origin is the test server's
// URL.
func giveBack(t *testing.T, tb tab, origin string) {
	if t.Failed() {
		tb.cancel()
		return
	}
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	err := chromedp.Do(ctx,
		// Session storage is the tab's own, kept across navigations: empty
		// it from a page of the origin. A page elsewhere cannot, and
		// the tab is not given back.
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			ok, err := chromedp.Evaluate[bool](fmt.Sprintf(`location.origin === %q && (sessionStorage.clear(), localStorage.clear(), true)`, origin))(ctx, tg)
			if err == nil && !ok {
				err = fmt.Errorf("the tab is not on %s", origin)
			}
			return err
		}),
		chromedp.Navigate("about:blank"),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if _, err := cdp.Call(ctx, tg, page.ResetNavigationHistory, cdp.Empty{}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, tg, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: origin, StorageTypes: "all"}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, tg, network.ClearBrowserCache, cdp.Empty{}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, tg, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, tg, emulation.ClearDeviceMetricsOverride, cdp.Empty{}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, tg, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: false})
			return err
		}))
	if err != nil {
		t.Logf("closing the tab instead of keeping it for the next test: %v", err)
		tb.cancel()
		return
	}
	tabs.Lock()
	tabs.free = append(tabs.free, tb)
	tabs.Unlock()
}

// TestMain runs the tests, then closes the tabs kept and stops the
// shared Chromium, if one was started.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, tb := range tabs.free {
		tb.cancel()
	}
	for _, cancel := range browserOnce.cancel {
		cancel()
	}
	os.Exit(code)
}

// startE2E starts the server and the browser, or skips the test when no
// Chromium is installed; both stop when the test ends. Screenshots go to
// $PARLEY_SCREENSHOTS, logged; with it unset none is taken (they went
// to the test's temporary directory, deleted when it ended, and took a
// fifth of the suite's time: a full page of the builder is megabytes of
// PNG to encode).
func startE2E(t *testing.T) *e2e {
	t.Helper()
	return startE2EWith(t, e2eOptions{})
}

// startE2EWith is startE2E with options.
func startE2EWith(t *testing.T, o e2eOptions) *e2e {
	t.Helper()
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found (apt-get install -y chromium, or set PARLEY_CHROMIUM); .ci/run installs it")
	}
	shots := os.Getenv("PARLEY_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshots in %s", shots)
	}

	ctx := context.Background()
	st, err := bolt.Open(ctx, filepath.Join(t.TempDir(), "e2e.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	name, data := scenarios.Default()
	if o.scenario != "" {
		if data, err = os.ReadFile(o.scenario); err != nil {
			t.Fatal(err)
		}
		name = filepath.Base(o.scenario)
	}
	full, ds := scenariofile.Parse(name, data)
	if err := ds.Err(false); err != nil {
		t.Fatal(err)
	}
	var rec *store.Scenario
	if !o.empty {
		rec = &store.Scenario{Name: full.Metadata.Title, Format: "yaml", Body: data}
		if err := st.CreateScenario(ctx, rec, 0); err != nil {
			t.Fatal(err)
		}
	}
	if o.sources == "" && !o.noSources {
		o.sources = e2eSources
	}
	api, err := httpapi.New(ctx, httpapi.Options{Store: st, Web: web.Dist(), LoopbackOnly: !o.everyRequest, SourcesDir: o.sources, MaxWork: o.maxWork, MaxStreams: o.maxStreams, MaxJobs: o.maxJobs, Token: o.token, MaxAuthFailures: o.maxAuthFailures})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { api.Close() })
	var handler http.Handler = api
	if o.wrap != nil {
		handler = o.wrap(api)
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)

	shared, err := sharedBrowser(bin)
	if err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	// Each test has a tab of its own, blank, in a browser context of its
	// own (its own storage, cookies and window, as a fresh browser has),
	// given back when the test ends.
	tb, err := takeTab(shared)
	if err != nil {
		t.Fatalf("open a browser context in %s: %v", bin, err)
	}
	t.Cleanup(func() { giveBack(t, tb, srv.URL) })
	bctx, cancel := context.WithTimeout(tb.ctx, 3*time.Minute)
	t.Cleanup(cancel)
	if o.token != "" && !o.askToken {
		// Session storage is the origin's: set it on a page of the
		// server that runs no script, before the app asks for it.
		if err := chromedp.Do(bctx, chromedp.Navigate(srv.URL+"/api/kinds"),
			void(chromedp.Evaluate[bool](fmt.Sprintf(`sessionStorage.setItem("parley-token", %q), true`, o.token)))); err != nil {
			t.Fatalf("set the token: %v", err)
		}
	}
	return &e2e{t: t, ctx: ctx, st: st, rec: rec, full: full, srv: srv, bctx: bctx, shots: shots}
}

// choose picks the stored scenario id in the page's scenario list, as
// a user does, once the list holds it: a change event only when another
// scenario was chosen (a select fires none for its own value). A change
// to the scenario already shown loaded it again, so that a wait for its
// view could pass on the view the reload was about to replace.
func (e *e2e) choose(id string) chromedp.Action[chromedp.Void] {
	return e.poll(`(() => {
		const s = document.getElementById('scenario')
		if (![...s.options].some((o) => o.value === '` + id + `')) return false
		if (s.value !== '` + id + `') { s.value = '` + id + `'; s.dispatchEvent(new Event('change')) }
		return true
	})()`)
}

// stored saves body (YAML) in the server's store under name and returns
// its record, whose ID a test opens the page on (?scenario=ID).
func (e *e2e) stored(name string, body []byte) *store.Scenario {
	e.t.Helper()
	rec := &store.Scenario{Name: name, Format: "yaml", Body: body}
	if err := e.st.CreateScenario(e.ctx, rec, 0); err != nil {
		e.t.Fatal(err)
	}
	return rec
}

// storedFile saves the case file at path (relative to web/) in the
// server's store under name, as stored does its body.
func (e *e2e) storedFile(path, name string) *store.Scenario {
	e.t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.stored(name, body)
}

// dealOn stores the case file at path (relative to web/) under name and
// opens the deal view on it; then are the steps that wait for what the
// test reads.
func (e *e2e) dealOn(path, name string, then ...chromedp.Action[chromedp.Void]) *store.Scenario {
	e.t.Helper()
	rec := e.storedFile(path, name)
	e.do("deal view of "+path, append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(e.srv.URL + "/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		e.poll(`[...document.querySelectorAll("#scenario option")].some(o => o.value === "` + rec.ID + `")`),
		e.choose(rec.ID)}, then...)...)
	return rec
}

// runSweep runs a sweep of the scenario shown from the Sweep view, of
// the model with the draws and seed given, and waits until ready (a
// JavaScript expression) is true.
func (e *e2e) runSweep(model, draws, seed, ready string) {
	e.t.Helper()
	e.do("sweep of "+model, chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), model),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), draws),
		chromedp.SetValue(chromedp.CSS(`input[name=seed]`), seed),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(ready))
}

// shot writes the viewport as name.png and the whole page as
// name-full.png, when screenshots are kept (e.shots), once the page is
// still (settled).
func (e *e2e) shot(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if e.shots == "" {
			return nil
		}
		if _, err := settled()(ctx, tg); err != nil {
			return err
		}
		view, err := chromedp.CaptureScreenshot()(ctx, tg)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(e.shots, name+".png"), view, 0o644); err != nil {
			return err
		}
		full, err := chromedp.FullScreenshot(100)(ctx, tg)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(e.shots, name+"-full.png"), full, 0o644)
	})
}

// view writes the viewport alone as name.png, for a page too long to
// capture whole (the builder), when screenshots are kept (e.shots), once
// the page is still (settled).
func (e *e2e) view(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if e.shots == "" {
			return nil
		}
		if _, err := settled()(ctx, tg); err != nil {
			return err
		}
		view, err := chromedp.CaptureScreenshot()(ctx, tg)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(e.shots, name+".png"), view, 0o644)
	})
}

// settled waits until the page is still, for a screenshot: no CSS
// transition or animation runs (the stance drawer slides in for 0.15 s)
// and three frames have been drawn since, in which a chart redraws at
// the size its ResizeObserver reports (Chart.js answers the observer in
// the next animation frame; its animations are off). Fixed sleeps stood
// here, 0.3–0.4 s each whether or not anything moved.
func settled() chromedp.Action[chromedp.Void] {
	return void(chromedp.Poll[bool](`(() => {
		if (document.getAnimations().some((a) => a.playState === "running")) { window.e2eStill = 0; return false }
		window.e2eStill = (window.e2eStill ?? 0) + 1
		if (window.e2eStill < 3) return false
		window.e2eStill = 0
		return true
	})()`, chromedp.WithPollingTimeout(60*time.Second)))
}

// do runs the steps, failing the test with the step's name.
func (e *e2e) do(step string, steps ...chromedp.Action[chromedp.Void]) {
	e.t.Helper()
	if err := chromedp.Do(e.bctx, steps...); err != nil {
		e.t.Fatalf("%s: %v", step, err)
	}
}

// poll waits (up to a minute) until the expression is true.
func (e *e2e) poll(expr string) chromedp.Action[chromedp.Void] {
	return void(chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(60*time.Second)))
}

// count is the number of elements the selector matches.
func (e *e2e) count(sel string) int {
	e.t.Helper()
	return get(e.t, e.bctx, sel, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
}

// text is the rendered text of the first element the selector matches.
func (e *e2e) text(sel string) string {
	e.t.Helper()
	return get(e.t, e.bctx, sel, chromedp.Text(chromedp.CSS(sel)))
}

// TestEndToEnd drives the web app in headless Chromium against the API
// over a fresh store seeded with the built-in case: it loads the
// case, opens a stance's evidence from the keyboard, edits its position (first wrongly, to
// see the validation message, then rightly), sees the compromise forecast
// move to the value the model gives for the edited scenario, opens the
// forecast view, runs a sweep and sees its histograms, and evaluates a
// deal. Screenshots of each view go to $PARLEY_SCREENSHOTS.
func TestEndToEnd(t *testing.T) {
	e := startE2E(t)
	ctx, st, rec, srv, bctx, full := e.ctx, e.st, e.rec, e.srv, e.bctx, e.full
	shot, do, poll, count := e.shot, e.do, e.poll, e.count

	// The stance to open and edit: the first actor on the first issue
	// whose stance quotes evidence.
	latest, err := full.Resolve(scenario.Latest, "")
	if err != nil {
		t.Fatal(err)
	}
	issue := latest.Issues[0]
	var stance *scenario.Stance
	for i := range latest.Stances {
		if s := &latest.Stances[i]; s.Issue == issue.ID && len(s.Evidence) > 0 {
			stance = s
			break
		}
	}
	if stance == nil {
		t.Fatalf("no stance with evidence on %s", issue.ID)
	}
	newPos := stance.Position + 5
	if stance.Range != nil && stance.Range.Position != nil {
		newPos = (stance.Range.Position[0] + stance.Range.Position[1]) / 2
		if newPos == stance.Position {
			newPos = stance.Range.Position[1]
		}
	}
	newPos = math.Round(newPos)
	want := compromiseAfter(t, latest, stance.Actor, issue.ID, newPos)
	before := compromiseAfter(t, latest, stance.Actor, issue.ID, stance.Position)

	marker := chromedp.CSS(fmt.Sprintf(`g.marker[data-actor=%q][data-issue=%q]`, stance.Actor, issue.ID))
	fline := fmt.Sprintf(`section.issue[data-issue=%q] line.fline[data-model="compromise"]`, issue.ID)

	// 1. The built-in case loads on first visit.
	do("load", chromedp.Navigate(srv.URL+"/#scenario"), chromedp.WaitVisible(marker), shot("01-scenario"))
	if n := count("section.issue"); n != len(latest.Issues) {
		t.Fatalf("%d issue cards, want %d", n, len(latest.Issues))
	}
	shown := get(t, bctx, "forecast line", chromedp.AttributeValue(chromedp.CSS(fline), "data-forecast")).Value
	if got, _ := strconv.ParseFloat(shown, 64); math.Abs(got-before) > 1e-3 {
		t.Fatalf("compromise forecast on %s shown as %s, want %.3f", issue.ID, shown, before)
	}

	// 2. A stance's evidence, opened from the keyboard (focus the marker,
	// press Enter): the quote as the scenario has it, and the focus in
	// the edit form.
	do("evidence", chromedp.Focus(marker), chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=evidence] blockquote`)),
		// The drawer slides in (a 0.15 s transition): a click before it
		// stops lands where the button was, not on it.
		poll(`getComputedStyle(document.getElementById("drawer")).transform === "none"`), shot("02-evidence"))
	quote := get(t, bctx, "quote", chromedp.Text(chromedp.CSS(`[data-testid=evidence] blockquote`)))
	if !strings.Contains(quote, stance.Evidence[0].Quote) {
		t.Fatalf("evidence shows %q, want %q", quote, stance.Evidence[0].Quote)
	}
	if f := get(t, bctx, "focus", chromedp.Evaluate[string](`document.activeElement.name || document.activeElement.tagName`)); f != "position" {
		t.Fatalf("focus on %q after opening the stance, want the position field", f)
	}

	// 3. An invalid edit is refused with the validator's message.
	pos := chromedp.CSS(`[data-testid=stance-form] input[name=position]`)
	save := chromedp.CSS(`[data-testid=save-stance]`)
	do("invalid edit", chromedp.SetValue(pos, "150"), chromedp.Click(save),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=edit-errors] li`)), shot("03-invalid-edit"))
	if msg := get(t, bctx, "errors", chromedp.Text(chromedp.CSS(`[data-testid=edit-errors]`))); !strings.Contains(msg, "position 150 is outside the scale") {
		t.Fatalf("validation message %q", msg)
	}

	// 4. A valid edit saves, re-runs the forecast and moves the line to
	// what the model gives for the edited scenario.
	do("edit", chromedp.SetValue(pos, strconv.FormatFloat(newPos, 'f', -1, 64)), chromedp.Click(save),
		poll(fmt.Sprintf(`(() => { const l = document.querySelector(%q); return !!l && Math.abs(Number(l.dataset.forecast) - %f) < 1e-3 })()`, fline, want)),
		shot("04-edited"))
	if saved, err := st.GetScenario(ctx, rec.ID); err != nil || saved.Version != 2 {
		t.Fatalf("after the edit: %+v, %v", saved, err)
	}
	if math.Abs(want-before) < 1e-6 {
		t.Fatalf("the edit should move the compromise forecast (stays %v)", before)
	}

	// 5. The forecast view: model table, trajectories, timeline.
	do("forecast view", chromedp.Click(chromedp.ID("tab-forecast")),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)),
		poll(`document.querySelectorAll("[data-testid=timeline] canvas").length > 0`),
		shot("05-forecast"))
	if rows, charts := count("[data-testid=model-table] tbody tr"), count("[data-testid=timeline] canvas"); rows != len(latest.Issues) || charts != len(latest.Issues) {
		t.Fatalf("forecast view: %d table rows and %d timeline charts, want %d", rows, charts, len(latest.Issues))
	}
	// snap's cells carry its predictive distribution (80% and 95%
	// intervals), one per issue; no other default model has one.
	if n, all := count("[data-testid=model-table] td[data-model=snap] [data-testid=distribution]"), count("[data-testid=distribution]"); n != len(latest.Issues) || all != n {
		t.Fatalf("%d snap cells with a distribution (%d in all), want %d", n, all, len(latest.Issues))
	}

	// 6. A sweep: progress, then one histogram per issue; then the
	// tornado.
	do("sweep", chromedp.Click(chromedp.ID("tab-sweep")),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "400"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		poll(`document.querySelectorAll("[data-testid=sweep-results] canvas").length > 0`),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		poll(`document.querySelectorAll("[data-testid=tornado] canvas").length > 0`),
		shot("06-sweep"))
	if n := count("[data-testid=sweep-results] canvas"); n != len(latest.Issues) {
		t.Fatalf("%d histograms, want %d", n, len(latest.Issues))
	}
	runs, err := st.ListRuns(ctx, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[store.RunKind]int{}
	for _, r := range runs {
		if r.Status == store.Done {
			kinds[r.Kind]++
		}
	}
	if kinds[store.Sweep] != 1 || kinds[store.Sensitivity] != 1 {
		t.Fatalf("finished runs by kind %v, want one sweep and one sensitivity", kinds)
	}

	// 7. A deal: one verdict per actor.
	do("deal", chromedp.Click(chromedp.ID("tab-deal")),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-summary]`)), shot("07-deal"))
	if n := count("[data-testid=deal-result] tbody tr"); n != len(latest.Actors) {
		t.Fatalf("%d verdicts, want one per actor (%d)", n, len(latest.Actors))
	}
	if nd := e.text(`[data-testid=deal-no-deal]`); !strings.Contains(nd, "status quo") {
		t.Fatalf("deal evaluate says %q, want the status quo named as the no-deal package (batna auto on a case with reference points)", nd)
	}

	// 8. The zone of agreement beside it: open or empty as package ask
	// finds it for the edited case, every actor's alternative, and the
	// packages (Nash and balanced, or the concessions that open it).
	edited, err := st.GetScenario(ctx, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := loadCase(t, "stored", edited.Body, "latest")
	zone, err := ask.DealSearch(ctx, c, answer.NewDealSearchRequest())
	if err != nil {
		t.Fatal(err)
	}
	do("deal search", chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)), shot("08-deal-search"))
	// the headline and the zone's line in the answer's words (summary,
	// zone_text), as parley deal search prints them
	// (no zone line where the red lines leave no package)
	line := get(t, e.bctx, "zone line", chromedp.Evaluate[string](`document.querySelector("[data-testid=zone-line]")?.textContent ?? ""`))
	if summary := e.text(`[data-testid=zone-summary]`); summary != zone.Result.Summary || line != zone.Result.ZoneText {
		t.Fatalf("zone of agreement shown as %q and %q, want %q and %q", summary, line, zone.Result.Summary, zone.Result.ZoneText)
	}
	if n := count("[data-testid=zone-actors] tbody tr"); n != len(latest.Actors) {
		t.Fatalf("%d alternatives, want one per actor (%d)", n, len(latest.Actors))
	}
	if n := count("[data-testid=zone-packages] tbody tr"); n != len(latest.Issues) {
		t.Fatalf("zone packages: %d rows, want one per issue (%d)", n, len(latest.Issues))
	}

	// 9. The proposals on the table, one row each, as package ask judges
	// them.
	props, err := ask.DealProposals(ctx, c, answer.DealProposalsRequest{DealRequest: answer.NewDealProposalsRequest().DealRequest, Models: []string{"none"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(props.Proposals) > 0 {
		do("deal proposals", chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-table]`)), shot("09-deal-proposals"))
		if n := count("[data-testid=proposals-table] tbody tr"); n != len(props.Proposals) {
			t.Fatalf("proposals: %d rows, want %d", n, len(props.Proposals))
		}
	}
}

// TestModelWarningsVisible checks that a model's warning reaches the page:
// on the built-in case (latest snapshot) BDM's forecast on "Ukraine and
// NATO" alternates between 90 and 20.7, so the page must say it did not
// settle, draw it as the range 20.7–90.0 rather than a point, and say so
// again in the forecast table.
func TestModelWarningsVisible(t *testing.T) {
	e := startE2E(t)
	bdm := chromedp.CSS(`#model-bdm`)
	e.do("load", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(bdm))
	if !get(t, e.bctx, "bdm selected", chromedp.Evaluate[bool](`document.querySelector("#model-bdm").checked`)) {
		e.do("select bdm", chromedp.Click(bdm))
	}
	caveats := chromedp.CSS(`[data-testid=model-warnings] li[data-model=bdm]`)
	band := `section.issue[data-issue="nato"] rect.fband[data-model="bdm"]`
	e.do("caveat", chromedp.WaitVisible(caveats), chromedp.WaitVisible(chromedp.CSS(band)),
		chromedp.ScrollIntoView(chromedp.CSS(`section.issue[data-issue="nato"]`)), e.shot("09-bdm-caveat"))

	w := strings.ToLower(e.text(`[data-testid=model-warnings] li[data-model=bdm]`))
	if !strings.Contains(w, "nato") || !strings.Contains(w, "did not settle") || !strings.Contains(w, "20.7–90.0") {
		t.Fatalf("bdm's caveat reads %q, want it to say that nato did not settle, range 20.7–90.0", w)
	}
	lo := get(t, e.bctx, "band low", chromedp.AttributeValue(chromedp.CSS(band), "data-lo")).Value
	hi := get(t, e.bctx, "band high", chromedp.AttributeValue(chromedp.CSS(band), "data-hi")).Value
	if lo != "20.651" || hi != "90.000" {
		t.Fatalf("bdm's band on nato spans %s–%s, want 20.651–90.000", lo, hi)
	}
	if n := e.count(`section.issue[data-issue="nato"] line.fline[data-model="bdm"]`); n != 0 {
		t.Fatalf("bdm's unsettled nato forecast is also drawn as a point (%d lines)", n)
	}
	label := `section.issue[data-issue="nato"] text.flabel[data-model="bdm"]`
	if l := get(t, e.bctx, "label", chromedp.TextContent(chromedp.CSS(label))); l != "bdm 20.7–90.0 (did not settle)" {
		t.Fatalf("bdm's nato label reads %q", l)
	}
	if c := e.text(`section.issue[data-issue="nato"] [data-testid=issue-warnings] li[data-model=bdm]`); !strings.Contains(c, "did not settle") {
		t.Fatalf("the nato card's caveat for bdm reads %q", c)
	}

	// The forecast table shows the range, not the last round's point.
	cell := `[data-testid=model-table] td[data-model=bdm][data-issue=nato]`
	e.do("forecast view", chromedp.Click(chromedp.ID("tab-forecast")), chromedp.WaitVisible(chromedp.CSS(cell)), e.shot("10-bdm-table"))
	if c := e.text(cell); !strings.Contains(c, "20.7–90.0") || !strings.Contains(c, "did not settle") {
		t.Fatalf("bdm's nato cell reads %q", c)
	}
	if e.count(`[data-testid=model-warnings] li[data-model=bdm]`) != 1 {
		t.Fatal("the forecast view does not show bdm's caveat")
	}
}

func void[T any](a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := a(ctx, t)
		return chromedp.Void{}, err
	}
}

func get[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// compromiseAfter is the compromise forecast on issue when actor's
// position there is pos (the model's own code, not the page's).
func compromiseAfter(t *testing.T, s *scenario.Scenario, actor, issue string, pos float64) float64 {
	t.Helper()
	c := *s
	c.Stances = append([]scenario.Stance(nil), s.Stances...)
	st := c.Stance(actor, issue)
	st.Position = pos
	p, err := model.FromScenario(&c)
	if err != nil {
		t.Fatal(err)
	}
	r, err := compromise.Model{}.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range r.Issues {
		if is.Issue == issue {
			return is.Forecast
		}
	}
	t.Fatalf("no forecast for %s", issue)
	return 0
}

// TestAssumedStancesVisible: the page names the stances of the built-in
// case that rest on no quote, only on an assumption, among its assumed
// inputs, in the words of the answer's header (its Assumed line on the
// stances), and
// not as a warning: the built-in case has no warning (validate's count),
// so the page lists none and its status line counts none (the models'
// warnings are the models'), and apart what is assumed, in the answer's
// words for its count (assumed_text, ask.AssumedText; the page no longer
// words it itself): "11 of 70 stances and 3 of 10 capabilities
// assumed", as parley validate and show count it (ask.AssumedSummary),
// not the 2 lines that say it ("2 notes on assumed inputs", a count of
// sentences); its list of them is headed by the same count, not the "(2)"
// lines it holds.
func TestAssumedStancesVisible(t *testing.T) {
	var want string
	header := builtinCase(t, "").Header
	if header.AssumedText != "11 of 70 stances and 3 of 10 capabilities" {
		t.Fatalf("the built-in case's assumed_text %q", header.AssumedText)
	}
	for _, l := range header.Assumed {
		if strings.Contains(l, " stances rest") {
			want = l
		}
	}
	if want == "" {
		t.Fatal("every stance of the built-in case is quoted: the test tests nothing")
	}
	e := startE2E(t)
	sel := `[data-testid=assumed-inputs]`
	e.do("load", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitReady(chromedp.CSS(sel)))
	got := get(t, e.bctx, "assumed inputs", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).textContent`, sel)))
	if !strings.HasPrefix(got, "Assumed inputs: "+header.AssumedText) || !strings.Contains(got, want) {
		t.Fatalf("the assumed inputs read %q; want them to say %q", got, want)
	}
	if n := get(t, e.bctx, "scenario warnings", chromedp.Evaluate[int](`document.querySelectorAll("[data-testid=scenario-warnings]").length`)); n != 0 {
		t.Errorf("%d lists of scenario warnings, want none", n)
	}
	status := get(t, e.bctx, "status", chromedp.Evaluate[string](`document.getElementById("status").textContent`))
	in, err := ask.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	summary, _, _ := strings.Cut(ask.AssumedSummary(in), ", each with its reason")
	if summary != "11 of 70 stances and 3 of 10 capabilities assumed" {
		t.Fatalf("ask.AssumedSummary of the built-in case: %q", summary)
	}
	if !strings.HasSuffix(status, " · "+summary) || strings.Contains(status, "scenario warning") {
		t.Errorf("the status line reads %q; want it to end in %q, with no scenario warning", status, summary)
	}
}
