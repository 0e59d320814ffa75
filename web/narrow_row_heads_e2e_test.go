package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestNarrowTableKeepsRowHeads: on a phone (390 px) the forecast table,
// wider than the screen, scrolls sideways on its own; scrolled to its
// last model, each row still shows its issue's name at the table's left
// edge. It scrolled away with the rest, leaving numbers without the
// issue they forecast.
func TestNarrowTableKeepsRowHeads(t *testing.T) {
	e := startE2E(t)
	table := `document.querySelector('[data-testid=model-table]')`
	e.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)),
		void(chromedp.Evaluate[bool](`(() => { const t = `+table+`; t.scrollLeft = t.scrollWidth; return true })()`)),
		e.poll(table+`.scrollLeft > 0`), e.shot("73-narrow-row-heads"))
	// Each row head's box against the table's visible box: [left, right]
	// of the head, then of the table's box.
	boxes := get(t, e.bctx, "boxes", chromedp.Evaluate[[][]float64](`(() => {
		const t = `+table+`, tb = t.getBoundingClientRect()
		return [...t.querySelectorAll('tbody th[scope=row]')].map((th) => { const r = th.getBoundingClientRect(); return [r.left, r.right, tb.left, tb.left + t.clientWidth] })
	})()`))
	if len(boxes) != len(e.full.Issues) {
		t.Fatalf("%d row heads, want one for each of the %d issues", len(boxes), len(e.full.Issues))
	}
	for i, b := range boxes {
		if b[0] < b[2]-1 || b[1] > b[3]+1 {
			t.Errorf("row %d: its head spans %.0f–%.0f px, outside the table's visible %.0f–%.0f px once scrolled to the last model", i+1, b[0], b[1], b[2], b[3])
		}
	}
}
