package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/scenario"
)

// drawerShows checks that the stance drawer is open on the actor's
// stance on the issue of the latest snapshot (the page's default):
// titled with their names, and showing the stance's first quote, as the
// scenario view's markers open it.
func drawerShows(t *testing.T, e *e2e, sc *scenario.Scenario, actor, issue, how string) {
	t.Helper()
	e.do(how, e.poll(`document.getElementById("drawer").getAttribute("aria-hidden") === "false" && !!document.querySelector("#drawer [data-testid=evidence]")`))
	stc := sc.Stance(actor, issue)
	if stc == nil {
		t.Fatalf("%s: no stance of %s on %s", how, actor, issue)
	}
	want := actorOf(sc, actor) + " on " + issueOf(sc, issue)
	if got := e.text(`#drawer-title`); got != want {
		t.Errorf("%s: the drawer is titled %q, want %q", how, got, want)
	}
	if len(stc.Evidence) == 0 {
		t.Fatalf("%s: %s on %s quotes nothing; the test wants a quoted stance", how, actor, issue)
	}
	if got := e.text(`#drawer [data-testid=evidence] blockquote`); !strings.Contains(got, stc.Evidence[0].Quote) {
		t.Errorf("%s: the drawer quotes %q, want %q", how, got, stc.Evidence[0].Quote)
	}
	// closed again (Escape), for the next step, and slid out of the view
	// (its 150 ms transition), so that it takes no click meant for the page
	e.do("close "+how, chromedp.KeyEvent("\x1b"), e.poll(`document.getElementById("drawer").getAttribute("aria-hidden") === "true" && document.getElementById("drawer").getBoundingClientRect().left >= innerWidth`))
}

// TestTracePullBar: on the Explain view, Russia's pull bar on Territory
// (Russia pulls up hardest there) is a link, named for Russia and
// Territory, that opens the stance drawer on Russia's stance on
// Territory with its quote, by a click and by the keyboard; before, the
// bars linked to nothing.
func TestTracePullBar(t *testing.T) {
	sc := builtinCase(t, "latest").Resolved
	e := startE2E(t)
	link := `section[data-issue=territory] [data-testid=pull-chart] a.stance-link[data-actor=russia]`
	e.do("explain", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(link)), e.view("trace-explain"))
	if got, want := get(t, e.bctx, "label", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).getAttribute("aria-label")`, link))), "Russia on Territory"; !strings.HasPrefix(got, want) {
		t.Errorf("the pull bar's link is named %q, want it to begin %q", got, want)
	}
	e.do("click the bar", chromedp.Click(chromedp.CSS(link+` rect.pull`)))
	drawerShows(t, e, sc, "russia", "territory", "a click on the pull bar")
	e.do("Enter on the link", chromedp.Focus(chromedp.CSS(link)), chromedp.KeyEvent("\r"), e.view("trace-drawer"))
	drawerShows(t, e, sc, "russia", "territory", "Enter on the pull bar's link")
}

// TestTraceLeverRow: on the Advise view, a lever row's actor is a
// button, named for the actor and the issue, that opens the stance
// drawer on the stance the lever moves (the first lever on Territory:
// persuading Russia), with its quote.
func TestTraceLeverRow(t *testing.T) {
	sc := builtinCase(t, "latest").Resolved
	e := startE2E(t)
	row := `[data-testid=advise-out] table[data-issue="territory"] tbody tr:first-child`
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(row+` button.stance-link`)), e.view("trace-advise"))
	actor := get(t, e.bctx, "actor", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).dataset.actor`, row)))
	label := get(t, e.bctx, "label", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).getAttribute("aria-label")`, row+` button.stance-link`)))
	if want := actorOf(sc, actor) + " on Territory"; !strings.HasPrefix(label, want) {
		t.Errorf("the lever's button is named %q, want it to begin %q", label, want)
	}
	e.do("click the lever's actor", chromedp.Click(chromedp.CSS(row+` button.stance-link`)))
	drawerShows(t, e, sc, actor, "territory", "a click on the lever row")
	e.do("Enter on the lever's actor", chromedp.Focus(chromedp.CSS(row+` button.stance-link`)), chromedp.KeyEvent("\r"))
	drawerShows(t, e, sc, actor, "territory", "Enter on the lever row")
}

// TestTraceTornadoBar: on the Sweep view, a tornado bar (an actor's
// position or salience on an issue) opens the stance drawer on that
// stance, with its quote, when clicked; its label is a button named for
// the actor and the issue that opens it from the keyboard; a capability
// bar opens the actor's capability.
func TestTraceTornadoBar(t *testing.T) {
	sc := builtinCase(t, "latest").Resolved
	e := startE2E(t)
	fig := `[data-testid=tornado] figure[data-issue=territory]`
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		e.poll(fmt.Sprintf(`!!document.querySelector(%q)?.dataset.bars && document.querySelectorAll(%q).length > 0`, fig+` canvas`, fig+` .input-links button`)),
		chromedp.ScrollIntoView(chromedp.CSS(fig)), settled(), e.view("trace-tornado"))
	type input struct{ Actor, Issue, Label string }
	var inputs []input
	raw := get(t, e.bctx, "inputs", chromedp.Evaluate[string](fmt.Sprintf(`JSON.stringify([...document.querySelectorAll(%q)].map((b) => ({Actor: b.dataset.actor, Issue: b.dataset.issue, Label: b.getAttribute("aria-label")})))`, fig+` .input-links button`)))
	if err := json.Unmarshal([]byte(raw), &inputs); err != nil {
		t.Fatal(err)
	}
	var bars [][2]float64
	if err := json.Unmarshal([]byte(get(t, e.bctx, "bars", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).dataset.bars`, fig+` canvas`)))), &bars); err != nil {
		t.Fatal(err)
	}
	if len(bars) != len(inputs) {
		t.Fatalf("%d bars, %d links", len(bars), len(inputs))
	}
	pick, capability := -1, -1
	for i, in := range inputs {
		if in.Issue == "" {
			if capability < 0 {
				capability = i
			}
			continue
		}
		if stc := sc.Stance(in.Actor, in.Issue); pick < 0 && stc != nil && len(stc.Evidence) > 0 {
			pick = i
		}
		if want := actorOf(sc, in.Actor) + " on " + issueOf(sc, in.Issue); !strings.HasPrefix(in.Label, want) {
			t.Errorf("bar %d's button is named %q, want it to begin %q", i+1, in.Label, want)
		}
	}
	if pick < 0 {
		t.Fatalf("no bar on Territory rests on a quoted stance: %v", inputs)
	}
	in := inputs[pick]
	e.do("click the bar", e.clickCanvas(fig+` canvas`, bars[pick]))
	drawerShows(t, e, sc, in.Actor, in.Issue, fmt.Sprintf("a click on bar %d (%s)", pick+1, in.Label))
	btn := fmt.Sprintf(`%s .input-links button:nth-child(%d)`, fig, pick+1)
	e.do("Enter on the bar's label", chromedp.Focus(chromedp.CSS(btn)), chromedp.KeyEvent("\r"))
	drawerShows(t, e, sc, in.Actor, in.Issue, "Enter on the bar's label")
	if capability >= 0 {
		a := inputs[capability].Actor
		e.do("a capability bar", e.clickCanvas(fig+` canvas`, bars[capability]),
			e.poll(`document.getElementById("drawer").getAttribute("aria-hidden") === "false"`), e.view("trace-capability"))
		if got, want := e.text(`#drawer-title`), actorOf(sc, a)+"'s capability"; got != want {
			t.Errorf("a capability bar opens %q, want %q", got, want)
		}
	}
}

// TestTraceForecastRow: the forecast table's issue names link to the
// Evidence view at that issue's quotes (its Issue filter chosen): a
// forecast rests on every stance of the issue, not one.
func TestTraceForecastRow(t *testing.T) {
	e := startE2E(t)
	link := `[data-testid=model-table] tr[data-issue=territory] a[data-testid=issue-evidence]`
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(link)),
		chromedp.Click(chromedp.CSS(link)), e.poll(`document.querySelector("#ev-issue")?.value === "territory"`),
		e.poll(`document.querySelectorAll(".evidence-list button.quote").length > 0`))
	if !strings.HasSuffix(get(t, e.bctx, "hash", chromedp.Evaluate[string](`location.hash`)), "evidence") {
		t.Errorf("the issue's link did not open the Evidence view")
	}
	whose := get(t, e.bctx, "whose", chromedp.Evaluate[[]string](`[...document.querySelectorAll(".evidence-list button.quote .who")].map((x) => x.textContent)`))
	for _, w := range whose {
		if !strings.Contains(w, "territory") && !strings.Contains(w, "Territory") {
			t.Errorf("a quote listed not on Territory: %q", w)
		}
	}
}

// clickCanvas clicks the canvas at a point given relative to its top left
// corner, once the canvas is what lies at that point. After Escape the
// drawer slides out for 150 ms and, until it has, covers the page's right
// side: a click there would land on the drawer. The canvas's place is read
// at the click, not before, since opening and closing the drawer may
// scroll the page.
func (e *e2e) clickCanvas(sel string, at [2]float64) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		probe := fmt.Sprintf(`(() => { const c = document.querySelector(%q); const r = c.getBoundingClientRect(); return document.elementFromPoint(r.left + %g, r.top + %g) === c; })()`, sel, at[0], at[1])
		if _, err := e.poll(probe)(ctx, tg); err != nil {
			return chromedp.Void{}, fmt.Errorf("the canvas %s is not what lies at (%g, %g): %w", sel, at[0], at[1], err)
		}
		p, err := chromedp.Evaluate[[2]float64](fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [r.left, r.top]; })()`, sel))(ctx, tg)
		if err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.MouseClickXY(p[0]+at[0], p[1]+at[1])(ctx, tg)
	}
}
