package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestHeldFixedShown: beside its count of uncertain inputs, the page
// says what a sweep and a sensitivity analysis held at the stated
// values, in ask.HeldFixedText's words. assumedRanges ranges three
// positions only: held are the Union's and the Courts' positions (2 of
// 5), every salience (5 of 5) and every capability (5 of 5); every
// capability is assumed, and every stance but the Union's (it quotes
// s1), each with its salience held: 4 assumed stances.
func TestHeldFixedShown(t *testing.T) {
	const want = "Not varied (no range, held at the stated value): 2 of 5 positions, 5 of 5 saliences and 5 of 5 capabilities. " +
		"Among them are 4 assumed stances and 5 assumed capabilities, resting on no quote: give them ranges to see their effect."
	e := startE2E(t)
	rec := e.stored("Assumed ranges", []byte(assumedRanges))
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "200"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=sweep-held]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=tornado-held]`)), e.shot("62-held-fixed"))
	for _, sel := range []string{`[data-testid=sweep-held]`, `[data-testid=tornado-held]`} {
		if got := e.text(sel); got != want {
			t.Errorf("%s reads %q, want %q", sel, got, want)
		}
	}
	if got := get(t, e.bctx, "positions", chromedp.AttributeValue(chromedp.CSS(`[data-testid=sweep-held]`), "data-positions")).Value; got != "2" {
		t.Errorf("data-positions %q, want 2", got)
	}
}
