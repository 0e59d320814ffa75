package web_test

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTornadoFixedIssueShown: the page says at x, and at x alone, that
// nothing that moves its forecast has a range, in ask's words
// (fixed_text), as the command line says under x's tornado; bdm, which
// reads each issue alone too, gets the note, and x, whose swings are
// all 0, draws no chart.
func TestTornadoFixedIssueShown(t *testing.T) {
	const fixed = "X: nothing that moves bdm's forecast of this issue has a range (its positions and saliences and the capabilities of the actors in it): every swing is 0, a point, not a certainty"
	noted, err := os.ReadFile("../ask/testdata/noted.yaml") // x fixed in every model that reads each issue alone; see its comment
	if err != nil {
		t.Fatal(err)
	}
	e := startE2E(t)
	rec := e.stored("Noted", noted)
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=bdm#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "200"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=tornado-fixed][data-issue=x]`)), e.shot("77-tornado-fixed"))
	if got := e.text(`[data-testid=tornado-fixed][data-issue=x]`); got != fixed {
		t.Errorf("x's note reads %q, want %q", got, fixed)
	}
	if n := get(t, e.bctx, "notes", chromedp.Evaluate[int](`document.querySelectorAll('[data-testid=tornado-fixed]').length`)); n != 1 {
		t.Errorf("%d notes of a fixed issue; want 1, x's", n)
	}
	if n := get(t, e.bctx, "charts", chromedp.Evaluate[int](`document.querySelectorAll('[data-testid=tornado] figure[data-issue=y] canvas').length`)); n != 1 {
		t.Errorf("%d tornado charts of y; want 1", n)
	}
	// The same query finds y's chart (above): x has none.
	if n := get(t, e.bctx, "x's charts", chromedp.Evaluate[int](`document.querySelectorAll('[data-testid=tornado] figure[data-issue=x] canvas').length`)); n != 0 {
		t.Errorf("%d tornado charts of x, whose swings are all 0; want none", n)
	}
}
