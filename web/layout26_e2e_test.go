package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTornadoIntroSpans: the Sweep view's "What moves it most" opens
// with its note across the whole width, the first issue's chart below it
// at the grid's left edge (webreview26: the note took the left cell,
// leaving an empty block under it, and Ceasefire began on the right).
func TestTornadoIntroSpans(t *testing.T) {
	e := startE2E(t)
	e.do("sensitivity", chromedp.EmulateViewport(1280, 1000), chromedp.Navigate(e.srv.URL+"/?models=compromise#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)), e.poll(`document.querySelectorAll("[data-testid=tornado] canvas").length > 0`))
	type box struct{ Left, Right, Top, Bottom float64 }
	type seen struct{ Grid, Note, First box }
	got := get(t, e.bctx, "boxes", chromedp.Evaluate[seen](`(() => {
		const b = (x) => { const r = x.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom } }
		const g = document.querySelector('[data-testid=tornado]')
		return { grid: b(g), note: b(g.querySelector('[data-testid=tornado-shares-common]')), first: b(g.querySelector('figure')) }
	})()`))
	if got.Note.Right-got.Note.Left < got.Grid.Right-got.Grid.Left-2 {
		t.Errorf("the tornado's note is %.0f px wide in a grid %.0f px wide: it must span the row", got.Note.Right-got.Note.Left, got.Grid.Right-got.Grid.Left)
	}
	if got.First.Left > got.Grid.Left+2 || got.First.Top < got.Note.Bottom {
		t.Errorf("the first chart stands at (%.0f, %.0f), the grid's left at %.0f and the note's bottom at %.0f: it must start on the left, under the note", got.First.Left, got.First.Top, got.Grid.Left, got.Note.Bottom)
	}
}
