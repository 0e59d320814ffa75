package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// sweepNoted is ask's test case "noted": x, which c (the one ranged
// capability) takes no part in, is fixed in compromise at (0·1 +
// 100·3)/4 = 75; y is moved by c's capability. At the stated values
// median, nash and ks put x at 100, 0 and 0 and y at 80, 20 and 20.
const sweepNoted = `metadata: {id: noted, title: Noted, as_of: 2025-01-01}
issues:
  - {id: x, name: X, reference: 0}
  - {id: y, name: Y, reference: 20}
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 3, capability_assumed: t}
  - {id: c, name: C, capability: 1, capability_range: [1, 3], capability_assumed: t}
stances:
  - {actor: a, issue: x, position: 0, salience: 1, assumed: t}
  - {actor: b, issue: x, position: 100, salience: 1, assumed: t}
  - {actor: a, issue: y, position: 20, salience: 1, assumed: t}
  - {actor: b, issue: y, position: 80, salience: 1, assumed: t}
  - {actor: c, issue: y, position: 50, salience: 1, assumed: t}
`

// TestSweepFixedIssueShown: the page says at x, and at x alone, that its
// interval is a point, not a certainty, and under its head whose
// intervals they are, in ask's words (fixed_text, alone_text).
func TestSweepFixedIssueShown(t *testing.T) {
	const fixed = "nothing that moves compromise's forecast of this issue has a range (its positions and saliences and the capabilities of the actors in it): its interval is a point, not a certainty"
	const alone = "Intervals of the compromise model alone (other models can be swept too): at the stated values the closed-form models (compromise, median, nash and ks) put X between 0.0 and 100.0 and Y between 20.0 and 80.0, reaching beyond its 80% intervals."
	e := startE2E(t)
	rec := e.stored("Noted", []byte(sweepNoted))
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
