package web_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCaptionsFromTheAnswer: the advise view's caveat under the levers
// and the tornado's caption are the answer's fields (caveat_text,
// caption_text), shown as they are; the page composed both. In the
// hospital case with a mediator (ask's testdata/mediator27.yaml, by
// hand in ask's TestLeverCaveatText) the hospital's own lever on wage
// walks back its tabled offer, and the issue's sentence names another
// lever: the caveat is that lever's sentence after "caveat: ". Its
// tornado of wage swings from the compromise at the stated values,
// (4 + 9 + 3·6)/5 = 6.2; of staffing, (8 + 5)/2 = 6.50 (two decimals
// on its 5–8 scale).
func TestCaptionsFromTheAnswer(t *testing.T) {
	e := startE2E(t)
	doc, err := os.ReadFile(filepath.Join("..", "ask", "testdata", "mediator27.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rec := e.stored("Hospital with a mediator", doc)
	e.do("advise", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#advise"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue=wage]`)))
	caveat := "caveat: moving its own position from 4.0 to 3.5, which walks back its own tabled offer h-offer at 4.0: the forecast comes 0.10 closer (1% of the scale), utility +0.0050 (1% of the 0.360 it lacks at the forecast)"
	if got := e.text(`[data-testid=advise-walks-back][data-issue=wage]`); got != caveat {
		t.Errorf("wage's caveat %q, want the answer's %q", got, caveat)
	}
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "200"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.WaitVisible(chromedp.CSS(`figure[data-issue=staffing] figcaption`)))
	for issue, want := range map[string]string{"wage": "Wage: 6.2 at the stated values", "staffing": "Staffing: 6.50 at the stated values"} {
		if got := e.text(`figure[data-issue=` + issue + `] [data-testid=tornado-caption]`); got != want {
			t.Errorf("%s's tornado is captioned %q, want the answer's %q", issue, got, want)
		}
	}
}
