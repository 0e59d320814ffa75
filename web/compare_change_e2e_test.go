package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestVariantChangeAgreesWithCells: the variants side by side wrote
// "5.4" beside "5.3" with no change, the change −0.03 being under half a
// unit of the one decimal, while parley compare printed
// "5.3 (±0.0)". By hand (ask/testdata/compare-close.yaml): compromise
// forecasts (0 + 10.72) / 2 = 5.36 with no variant, (0 + 10.66) / 2 =
// 5.33 under b-edges; the change is written "-0.03" (ask.ChangeText), as
// parley compare now prints it.
func TestVariantChangeAgreesWithCells(t *testing.T) {
	const file = "../ask/testdata/compare-close.yaml"
	e := startE2EWith(t, e2eOptions{scenario: file})
	table := `[data-testid=variants-table]`
	e.do("forecast view", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#forecast"), chromedp.WaitVisible(chromedp.CSS(table)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector('[aria-label="Model for variants"]'); s.value = 'compromise'; s.dispatchEvent(new Event('change')); return true })()`)),
		e.poll(`document.querySelector("[data-testid=variants-table]").dataset.model === "compromise"`))
	cells := get(t, e.bctx, "cells", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=variants-table] td[data-column]')].map((td) => td.textContent)`))
	if strings.Join(cells, " | ") != "5.4 | 5.3-0.03" {
		t.Errorf("compromise's cells read %q, want 5.4 | 5.3 with the change -0.03", cells)
	}
	out := parley(t, "compare", file, "-m", "compromise")
	var row []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "│ The issue") {
			for _, c := range strings.Split(strings.Trim(line, "│"), "│") {
				row = append(row, strings.TrimSpace(c))
			}
		}
	}
	if strings.Join(row, " | ") != "The issue | 5.4 | 5.3 (-0.03)" {
		t.Errorf("parley compare's row reads %q, want The issue | 5.4 | 5.3 (-0.03):\n%s", row, out)
	}
}
