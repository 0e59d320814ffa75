package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestProposalQuoteSource: a proposal's quote names its source by the
// title the scenario gives it, the id the file cites on hover.
func TestProposalQuoteSource(t *testing.T) {
	e := startE2E(t)
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-table]`)),
		chromedp.ScrollIntoView(chromedp.CSS(`[data-testid=proposals-table]`)), e.shot("59-proposal-source"))
	cites := get(t, e.bctx, "cites", chromedp.Evaluate[[][2]string](`[...document.querySelectorAll("[data-testid=proposals-table] tr[data-proposal] th cite")].map((c) => [c.textContent, c.getAttribute("title")])`))
	quoted := e.count(`[data-testid=proposals-table] tr[data-proposal] th small.muted`)
	if len(cites) == 0 || len(cites) != quoted {
		t.Fatalf("%d quoted proposals, %d with their source cited", quoted, len(cites))
	}
	titles := map[string]string{}
	for _, s := range e.full.Metadata.Sources {
		titles[s.ID] = s.Title
	}
	for _, c := range cites {
		if title, ok := titles[c[1]]; !ok || title == "" || c[0] != title {
			t.Errorf("a quote cites %q (on hover %q), want the title of source %q (%q)", c[0], c[1], c[1], title)
		}
	}
}
