package web_test

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSweepFixedIssueShown: the page says at x, and at x alone, that its
// interval is a point, not a certainty, and under its head whose
// intervals they are, in ask's words (fixed_text, alone_text).
func TestSweepFixedIssueShown(t *testing.T) {
	const fixed = "nothing that moves compromise's forecast of this issue has a range (its positions and saliences and the capabilities of the actors in it): its interval is a point, not a certainty"
	const alone = "Intervals of the compromise model alone (other models can be swept too): at the stated values the closed-form models (compromise, median, nash and ks) put X between 0.0 and 100.0 and Y between 20.0 and 80.0, reaching beyond its 80% intervals."
	noted, err := os.ReadFile("../ask/testdata/noted.yaml") // x fixed at 75 in compromise; see its comment
	if err != nil {
		t.Fatal(err)
	}
	e := startE2E(t)
	rec := e.stored("Noted", noted)
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "200"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.WaitVisible(chromedp.CSS(`figure[data-issue=x] [data-testid=sweep-fixed]`)), e.shot("76-sweep-fixed"))
	if got := e.text(`figure[data-issue=x] [data-testid=sweep-fixed]`); got != fixed {
		t.Errorf("x's note reads %q, want %q", got, fixed)
	}
	if n := get(t, e.bctx, "notes", chromedp.Evaluate[int](`document.querySelectorAll('[data-testid=sweep-fixed]').length`)); n != 1 {
		t.Errorf("%d notes of a fixed issue; want 1, x's", n)
	}
	if got := e.text(`[data-testid=sweep-alone]`); got != alone {
		t.Errorf("the head reads %q, want %q", got, alone)
	}
}
