package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestNarrowScreenFits opens every view of the built-in case on a phone's
// screen (390×844): no view is wider than the screen (the page never
// scrolls sideways as a whole), and a table too wide for it scrolls
// sideways on its own, its caption wrapped within the screen, not
// scrolled away with it.
func TestNarrowScreenFits(t *testing.T) {
	e := startE2E(t)
	fits := `document.documentElement.scrollWidth <= document.documentElement.clientWidth`
	// The tables wider than their box that do not scroll on their own.
	stuck := `Array.from(document.querySelectorAll('main table')).filter((t) => t.getBoundingClientRect().width > 0 && t.scrollWidth > t.clientWidth + 1 && getComputedStyle(t).overflowX !== 'auto').map((t) => t.dataset.testid || t.className)`
	// The captions of tables that scroll sideways, cut off at the
	// table's edge (read only by scrolling the table).
	cut := `Array.from(document.querySelectorAll('main table > caption')).filter((c) => {
		const text = document.createRange()
		text.selectNodeContents(c)
		const r = text.getBoundingClientRect()
		return r.width > 0 && r.right > c.parentElement.getBoundingClientRect().right + 1
	}).map((c) => c.textContent)`
	check := func(view string) {
		t.Helper()
		if s := get(t, e.bctx, "captions", chromedp.Evaluate[[]string](cut)); len(s) > 0 {
			t.Errorf("%s view: table captions cut off at the screen's edge: %q", view, s)
		}
		w := get(t, e.bctx, "widths", chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
		if !get(t, e.bctx, "fits", chromedp.Evaluate[bool](fits)) {
			t.Errorf("%s view: the page is %d px wide on a screen %d px wide", view, w[0], w[1])
		}
		if s := get(t, e.bctx, "tables", chromedp.Evaluate[[]string](stuck)); len(s) > 0 {
			t.Errorf("%s view: tables wider than the screen that do not scroll: %v", view, s)
		}
	}
	e.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(`g.marker`)), e.shot("50-narrow-scenario"))
	check("scenario")
	e.do("forecast", chromedp.Click(chromedp.ID("tab-forecast")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=variants-table]`)),
		e.poll(`document.querySelectorAll("[data-testid=timeline] canvas").length > 0`), e.shot("51-narrow-forecast"))
	check("forecast")
	e.do("sweep", chromedp.Click(chromedp.ID("tab-sweep")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)), e.shot("52-narrow-sweep"))
	check("sweep")
	e.do("deal", chromedp.Click(chromedp.ID("tab-deal")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-table]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-summary]`)), e.shot("53-narrow-deal"))
	check("deal")
	e.do("explain", chromedp.Click(chromedp.ID("tab-explain")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-result] section`)), e.shot("54-narrow-explain"))
	check("explain")
	e.do("advise", chromedp.Click(chromedp.ID("tab-advise")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table`)), e.shot("55-narrow-advise"))
	check("advise")
	// The evidence: its coverage table, the quotes beside their
	// source's text and the box an article is pasted in.
	e.do("evidence", chromedp.Click(chromedp.ID("tab-evidence")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=coverage] table`)),
		chromedp.WaitVisible(chromedp.CSS(`#ingest-text`)), e.shot("57-narrow-evidence"))
	check("evidence")
	// The builder, down to a snapshot's stance changes with their ranges
	// and notes.
	e.do("build", chromedp.Click(chromedp.ID("tab-build")), chromedp.WaitVisible(chromedp.CSS(`[data-path="snapshots[0].stances[0].range.position"]`)),
		chromedp.ScrollIntoView(chromedp.CSS(`[data-path="snapshots[0].stances[0]"]`)), e.view("56-narrow-build"))
	check("build")
	// The one-page brief the Forecast view links, opened on the phone:
	// an A4 page's tables scroll within the screen rather than widening
	// the page (it was 822 px wide).
	e.do("brief", chromedp.Navigate(e.srv.URL+"/api/scenarios/"+e.rec.ID+"/brief?format=html"), chromedp.WaitVisible(chromedp.CSS(`table`)), e.shot("58-narrow-brief"))
	w := get(t, e.bctx, "brief widths", chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	if w[0] > w[1] {
		t.Errorf("brief: the page is %d px wide on a screen %d px wide", w[0], w[1])
	}
	if s := get(t, e.bctx, "brief tables", chromedp.Evaluate[[]string](strings.Replace(stuck, "'main table'", "'table'", 1))); len(s) > 0 {
		t.Errorf("brief: tables wider than the screen that do not scroll: %v", s)
	}
}
