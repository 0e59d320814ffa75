package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestDistributionShownWhole: snap's cells in the forecast table show its
// 80% and 95% intervals and likeliest option whole, not cut off after two
// lines — the uncertainty is what a reader must not miss.
func TestDistributionShownWhole(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=distribution]`)))
	got := get(t, e.bctx, "distributions", chromedp.Evaluate[[][]string](`Array.from(document.querySelectorAll('[data-testid=distribution]')).map((d) => [d.textContent, String(d.scrollHeight <= d.clientHeight + 1)])`))
	if len(got) == 0 {
		t.Fatal("no distribution shown")
	}
	for _, d := range got {
		if !strings.Contains(d[0], "95%") || !strings.Contains(d[0], "likeliest") {
			t.Errorf("a distribution reads %q, want both intervals and the likeliest option", d[0])
		}
		if d[1] != "true" {
			t.Errorf("the distribution %q is cut off in its cell", d[0])
		}
	}
}
