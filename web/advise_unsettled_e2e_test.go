package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestAdviseUnsettledRange: advice for Russia under bdm, which cycles on
// nato between 20.7 and 90.0, heads nato with that range and how near
// and far it lies from Russia's 5.0 (ask.AdviseHeadNumbers), as parley
// advise does, not with the last round's point 20.7; and its sentence is
// package ask's, which states the range.
func TestAdviseUnsettledRange(t *testing.T) {
	req := answer.NewAdviseRequest()
	req.Actor, req.Model, req.Issue = "russia", "bdm", "nato"
	a, err := ask.Advise(context.Background(), builtinCase(t, "latest"), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	ia := a.Issues[0]
	fc, dist := ask.AdviseHeadNumbers(ia, 1, ask.Decimals)
	want := ask.AdviseIssueHead(&a.Scenario, ia.Name, fc, a.Name, "5.0", ia.Salience, dist)
	if !strings.Contains(want, "forecast 20.7–90.0 (did not settle)") || !strings.HasSuffix(want, "15.7–85.0 apart") {
		t.Fatalf("ask heads nato %q: not the range the test expects", want)
	}
	e := startE2E(t)
	table := `[data-testid=advise-out] table[data-issue="nato"]`
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue]`)))
	e.do("advise bdm", chromedp.SetValue(chromedp.CSS(`#advise-actor`), "russia"), chromedp.SetValue(chromedp.CSS(`#advise-model`), "bdm"), chromedp.SetValue(chromedp.CSS(`#advise-issue`), "nato"),
		chromedp.Click(chromedp.CSS(`#advise-go`)),
		e.poll(`(document.querySelector('[data-testid=advise-out] p')?.textContent ?? '').includes('model bdm')`), chromedp.WaitVisible(chromedp.CSS(table)))
	if got := e.text(table + " caption"); got != want {
		t.Errorf("nato heading %q, want %q", got, want)
	}
	if got := e.text(table + " ~ p[data-testid=advise-text]"); got != ia.Text {
		t.Errorf("nato sentence %q, want ask's %q", got, ia.Text)
	}
}
