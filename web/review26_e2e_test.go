package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// review26Case is the review's hospital case cut to what its findings
// need (ask's hospital26): the hospital at 4 on wage with its tabled
// offer at 4, ranged positions on wage and staffing.
const review26Case = `
metadata: {id: h26, title: Hospital, as_of: "2026-03-20"}
issues:
  - {id: wage, name: Wage, scale: {min: 0, max: 10}}
  - {id: staffing, name: Staffing, scale: {min: 5, max: 8}}
actors:
  - {id: hospital, name: Hospital group, capability: 1, capability_assumed: x}
  - {id: union, name: Nurses' union, capability: 1, capability_assumed: x}
stances:
  - {actor: hospital, issue: wage, position: 4, salience: 1, range: {position: [3, 4]}, assumed: x}
  - {actor: union, issue: wage, position: 9, salience: 1, assumed: x}
  - {actor: hospital, issue: staffing, position: 8, salience: 1, assumed: x}
  - {actor: union, issue: staffing, position: 5, salience: 1, range: {position: [5, 6]}, assumed: x}
proposals:
  - {id: h-offer, name: Hospital offer, proposers: [hospital], date: "2026-03-19", package: {wage: 4, staffing: 6}, assumed: x}
`

// TestReview26Page: the advise view heads the advice with the answer's
// head (why compromise), says what a step is under each issue and names
// the hospital's retreat from its tabled offer with its shares (by hand
// in ask's TestAdviseWalksBackTabledOffer); the tornado of staffing says
// that compromise's view of it leaves the wage input out.
func TestReview26Page(t *testing.T) {
	e := startE2E(t)
	rec := e.stored("Hospital", []byte(review26Case))
	e.do("advise", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#advise"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue=wage]`)))
	if got, want := e.text(`[data-testid=advise-head]`), "Advice for Hospital group (hospital), model compromise, advise's default (its shifts are exact, from the weighted mean's closed form, with no re-run of the model per lever), method closed form; its utility at the forecast 0.625"; got != want {
		t.Errorf("head %q, want %q", got, want)
	}
	if got, want := e.text(`[data-testid=advise-step][data-issue=wage]`), "One step, at most: 0.5 on a position, 5.0% of the scale 0–10, and 0.05 on a salience, 5.0% of its scale 0–1 (step 0.05, a share of the scale; advise's default)."; got != want {
		t.Errorf("step %q, want %q", got, want)
	}
	if got, want := e.text(`[data-testid=advise-text][data-issue=wage]`), "which walks back its own tabled offer h-offer at 4.0: the forecast comes 0.25 closer (2.5% of the scale), utility +0.0125 (3.3% of the 0.375 it lacks at the forecast)"; !strings.Contains(got, want) {
		t.Errorf("wage's sentence %q lacks %q", got, want)
	}
	if got := e.text(`[data-testid=advise-top]`); !strings.HasPrefix(got, "Largest utility gains: ") || !strings.Contains(got, "moving its own position from 4.0 to 3.5, which walks back its own tabled offer h-offer at 4.0 on Wage (+0.0125, 3.3% of the 0.375 it lacks at the forecast)") {
		t.Errorf("top %q", got)
	}
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "200"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.WaitVisible(chromedp.CSS(`figure[data-issue=staffing] [data-testid=tornado-left-out]`)))
	if got, want := e.text(`figure[data-issue=staffing] [data-testid=tornado-left-out]`), "1 input of another issue left out: the compromise model reads each issue alone, so its swing here is exactly 0."; got != want {
		t.Errorf("left-out line %q, want %q", got, want)
	}
}
