package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestReview26Page: the advise view heads the advice with the answer's
// head (why compromise), says what a step is under each issue and names
// the hospital's retreat from its tabled offer with its shares (by hand
// in ask's TestAdviseWalksBackTabledOffer); the tornado of staffing says
// that compromise's view of it leaves the wage input out.
func TestReview26Page(t *testing.T) {
	e := startE2E(t)
	// the review's hospital case cut to what its findings need, as
	// ask's tests read it
	doc, err := os.ReadFile(filepath.Join("..", "ask", "testdata", "hospital26.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rec := e.stored("Hospital", doc)
	e.do("advise", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#advise"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue=wage]`)))
	if got, want := e.text(`[data-testid=advise-head]`), "Advice for Hospital group (hospital), model compromise, advise's default (its shifts are exact, from the weighted mean's closed form, with no re-run of the model per lever), method closed form; its utility at the forecast 0.625"; got != want {
		t.Errorf("head %q, want %q", got, want)
	}
	if got, want := e.text(`[data-testid=advise-step][data-issue=wage]`), "One step, at most: 0.5 on a position, 5% of the scale 0–10, and 0.05 on a salience, 5% of its scale 0–1 (step 0.05, a share of the scale; advise's default)."; got != want {
		t.Errorf("step %q, want %q", got, want)
	}
	if got, want := e.text(`[data-testid=advise-text][data-issue=wage]`), "which walks back its own tabled offer h-offer at 4.0: the forecast comes 0.25 closer (3% of the scale), utility +0.0125 (3% of the 0.375 it lacks at the forecast)"; !strings.Contains(got, want) {
		t.Errorf("wage's sentence %q lacks %q", got, want)
	}
	if got := e.text(`[data-testid=advise-top]`); !strings.HasPrefix(got, "Largest utility gains: ") || !strings.Contains(got, "moving its own position from 4.0 to 3.5, which walks back its own tabled offer h-offer at 4.0 on Wage (+0.0125, 3% of the 0.375 it lacks at the forecast)") {
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
