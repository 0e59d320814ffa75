package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestSettleCaveatOncePerModel: the forecast view's caveats carry one
// line per model about the issues its forecast did not settle on (the
// answer's one warning), not a line per issue that pushes the forecast
// below the fold; and an issue's card still reads its own range, not the
// model's whole line. On the built-in case exchange, smp and the
// ensemble each leave several issues moving and bdm cycles on one.
func TestSettleCaveatOncePerModel(t *testing.T) {
	models := []string{"exchange", "smp", "ensemble", "bdm"}
	req := answer.NewForecastRequest()
	req.Models = models
	f, err := ask.Forecast(context.Background(), builtinCase(t, ""), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := startE2E(t)
	item := func(m string) string { return fmt.Sprintf(`[data-testid=model-warnings] li[data-model=%s]`, m) }
	e.do("load", chromedp.Navigate(e.srv.URL+"/?models="+strings.Join(models, ",")+"#scenario"),
		chromedp.WaitVisible(chromedp.CSS(item("exchange"))), chromedp.WaitVisible(chromedp.CSS(item("bdm"))))

	several := 0
	for _, m := range f.Models {
		on := m.Unsettled()
		if len(on) == 0 {
			t.Fatalf("%s settles on every issue of the built-in case: the test tests less than it says", m.Model)
		}
		if len(on) > 1 {
			several++
		}
		// The issue's card: this issue's range, not the others'.
		x := on[0]
		card := fmt.Sprintf(`section.issue[data-issue=%q] [data-testid=issue-warnings] li[data-model=%s]`, x.Issue, m.Model)
		c := e.text(card)
		if r := ask.RangeText(x.Range.Lo, x.Range.Hi, 1, ask.Decimals); !strings.Contains(c, "did not settle") || !strings.Contains(c, r) {
			t.Errorf("%s's caveat on %s's card reads %q, want it to say it did not settle, range %s", m.Model, x.Issue, c, r)
		}
		// in the answer's words for the issue (unsettled_text), which
		// the model's warning gives it among the others
		if want := m.Model + ": " + x.UnsettledText; x.UnsettledText == "" || !strings.HasSuffix(c, want) {
			t.Errorf("%s's caveat on %s's card reads %q, want it to end %q", m.Model, x.Issue, c, want)
		}
		for _, y := range on[1:] {
			if strings.Contains(c, "("+y.Issue+")") {
				t.Errorf("%s's caveat on %s's card reads %q: it names %s too", m.Model, x.Issue, c, y.Issue)
			}
		}
	}
	if several < 3 {
		t.Fatalf("%d models leave several issues moving, want 3 (exchange, smp, ensemble): the test tests less than it says", several)
	}

	e.do("forecast view", chromedp.Click(chromedp.ID("tab-forecast")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)))
	for _, m := range models {
		if n := e.count(item(m) + ` li`); n != 1 {
			t.Errorf("the forecast view's caveats list %d lines for %s, want 1:\n%s", n, m, e.text(item(m)))
		}
	}
}
