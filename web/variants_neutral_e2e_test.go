package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestVariantChangesNeutral: the variants table's changes from no
// variant are in one neutral colour, up or down (the sign is in the
// text), not green and red as if a higher number were better.
func TestVariantChangesNeutral(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"),
		e.poll(`document.querySelectorAll("[data-testid=variants-table] [data-testid=variant-change]").length > 0`))
	changes := get(t, e.bctx, "changes", chromedp.Evaluate[[][2]string](`[...document.querySelectorAll("[data-testid=variants-table] [data-testid=variant-change]")].map((x) => [x.textContent, getComputedStyle(x).color])`))
	number := get(t, e.bctx, "number", chromedp.Evaluate[string](`getComputedStyle(document.querySelector("[data-testid=variants-table] td b")).color`))
	up, down := 0, 0
	for _, c := range changes {
		if strings.HasPrefix(c[0], "+") {
			up++
		} else if strings.HasPrefix(c[0], "-") {
			down++
		}
		if c[1] != number {
			t.Errorf("the change %s is coloured %s, the forecasts %s", c[0], c[1], number)
		}
	}
	if up == 0 || down == 0 {
		t.Fatalf("the table shows %d changes up and %d down; the test needs both: %v", up, down, changes)
	}
}
