package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestResultsAnnounced: the views whose results arrive after a request
// (explain, advise, the sweep's progress) announce them to a screen
// reader (aria-live), as the deal view's do.
func TestResultsAnnounced(t *testing.T) {
	e := startE2E(t)
	live := func(sel string) string {
		return get(t, e.bctx, "aria-live", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q)?.getAttribute('aria-live') ?? ''`, sel)))
	}
	e.do("explain", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-result] section`)))
	if l := live(`[data-testid=explain-result]`); l != "polite" {
		t.Errorf("the explanation's aria-live is %q", l)
	}
	e.do("advise", chromedp.Click(chromedp.ID("tab-advise")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table`)))
	if l := live(`[data-testid=advise-out]`); l != "polite" {
		t.Errorf("the advice's aria-live is %q", l)
	}
	e.do("sweep", chromedp.Click(chromedp.ID("tab-sweep")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)))
	if l := live(`[data-testid=sweep-message]`); l != "polite" {
		t.Errorf("the sweep's message's aria-live is %q", l)
	}
}
