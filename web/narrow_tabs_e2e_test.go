package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestNarrowTabsAllInView opens the built-in case on a phone's screen
// (390×844): every view's tab lies whole within the screen, none past
// its edge in a strip that scrolls sideways (where Explain, Evidence,
// Advise and Build were, with nothing to show they existed), and the
// tabs still open their views.
func TestNarrowTabsAllInView(t *testing.T) {
	e := startE2E(t)
	e.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(`g.marker`)))
	out := get(t, e.bctx, "tabs", chromedp.Evaluate[[]string](`(() => {
		const w = document.documentElement.clientWidth
		return [...document.querySelectorAll('.tabs [role=tab]')].filter((b) => {
			const r = b.getBoundingClientRect()
			return r.width === 0 || r.left < 0 || r.right > w + 0.5
		}).map((b) => b.textContent.trim())
	})()`))
	n := e.count(`.tabs [role=tab]`)
	if n < 9 {
		t.Fatalf("%d tabs, want every view's (9)", n)
	}
	if len(out) > 0 {
		t.Errorf("tabs outside a 390 px screen: %q", out)
	}
	e.do("build", chromedp.Click(chromedp.ID("tab-build")), e.poll(`document.querySelector("#tab-build").getAttribute("aria-selected") === "true"`))
}
