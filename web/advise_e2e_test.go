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

// TestAdviseView: the advise view shows, for the built-in case's first
// actor offered (Ukraine), one lever table per issue it takes part in,
// the strongest lever first as package ask computes it; the power card
// says the case states no decision rule and measures the ad-hoc EU-15
// game it offers (a 10-vote member's Shapley–Shubik index 0.1167, as
// package power computes it).
func TestAdviseView(t *testing.T) {
	e := startE2E(t)
	c := builtinCase(t, "latest")
	req := answer.NewAdviseRequest()
	req.Actor = "ukraine"
	a, err := ask.Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	territory := `[data-testid=advise-out] table[data-issue="territory"]`
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(territory)), e.shot("11-advise"))
	if n := e.count(`[data-testid=advise-out] table`); n != len(a.Issues) {
		t.Fatalf("%d lever tables, want %d", n, len(a.Issues))
	}
	var lv answer.Lever
	for _, ia := range a.Issues {
		if ia.Issue == "territory" {
			lv = ia.Levers[0]
		}
	}
	row := e.text(territory + ` tbody tr:first-child`)
	if !strings.Contains(row, lv.Name) || !strings.Contains(row, fmt.Sprintf("%+.2f", float64(lv.Toward))) {
		t.Fatalf("territory's first lever reads %q, want %s and %+.2f", row, lv.Name, float64(lv.Toward))
	}
	// Each lever's change reads as the command line prints its from and
	// to (leverChange).
	adviceChanges(t, e, a)
	if p := e.text(`[data-testid=power-out]`); !strings.Contains(p, "states a decision rule") {
		t.Fatalf("power card reads %q", p)
	}
	game := `[data-testid=power-out] [data-testid=power-game]`
	e.do("power", chromedp.Click(chromedp.CSS(`[data-testid=power-out] button`)), chromedp.WaitVisible(chromedp.CSS(game)), e.shot("12-power"))
	if n := e.count(game + ` tbody tr`); n != 15 {
		t.Fatalf("%d voters, want 15", n)
	}
	if r := e.text(game + ` tbody tr:first-child`); !strings.Contains(r, "0.1167") {
		t.Fatalf("the first voter's row reads %q, want Shapley–Shubik 0.1167", r)
	}
}

// TestAdviseTooLargeRunsAsJob: on a server whose work limit within a
// request (--max-work) admits the page's first questions (the default
// forecast, compromise's advice) but not smp's advice, asking for smp's
// makes the page run it as a job, as the server's refusal advises, and
// show its levers: the strongest on territory as package ask computes it.
func TestAdviseTooLargeRunsAsJob(t *testing.T) {
	c := builtinCase(t, "latest")
	req := answer.NewAdviseRequest()
	req.Actor = "ukraine"
	low, err := ask.Estimate(c, req)
	if err != nil {
		t.Fatal(err)
	}
	req.Model = "smp"
	high, err := ask.Estimate(c, req)
	if err != nil {
		t.Fatal(err)
	}
	fore, err := ask.Estimate(c, answer.NewForecastRequest())
	if err != nil {
		t.Fatal(err)
	}
	// a limit with a factor of 2 to spare on either side
	limit := high.Priced() / 2
	if !(max(low.Priced(), fore.Priced()) < limit/2) {
		t.Fatalf("smp's advice is estimated at %.3g steps of 50 ns, compromise's at %.3g and the forecast at %.3g: no limit between", high.Priced(), low.Priced(), fore.Priced())
	}
	a, err := ask.Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	var lv answer.Lever
	for _, ia := range a.Issues {
		if ia.Issue == "territory" {
			lv = ia.Levers[0]
		}
	}
	e := startE2EWith(t, e2eOptions{maxWork: limit})
	territory := `[data-testid=advise-out] table[data-issue="territory"]`
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(territory)))
	e.do("advise smp", chromedp.SetValue(chromedp.CSS(`#advise-model`), "smp"), chromedp.Click(chromedp.CSS(`#advise-go`)),
		e.poll(`(document.querySelector('[data-testid=advise-out] p')?.textContent ?? '').includes('model smp')`), e.shot("11b-advise-job"))
	want := fmt.Sprintf("%+.2f", float64(lv.Toward))
	row := e.text(territory + ` tbody tr:first-child`)
	if strings.Contains(e.text(`[data-testid=advise-out]`), "over_budget") || !strings.Contains(row, lv.Name) || !strings.Contains(row, want) {
		t.Fatalf("smp's first lever on territory reads %q, want %s and %s", row, lv.Name, want)
	}
}

// adviceChanges checks that each lever's change on the advise view, its
// From and To, reads as parley advise prints them (cli's leverValue): a salience
// with two decimals ("0.70 → 0.75"), a position with its issue's
// decimals ("5.0 → 10.0" on 0–100, "0.45 → 0.50" on 0–1).
func adviceChanges(t *testing.T, e *e2e, a *answer.Advice) {
	t.Helper()
	value := func(lv answer.Lever, x float64) string {
		if strings.HasSuffix(lv.Kind, "-salience") {
			return ask.Decimals(x, 2)
		}
		return ask.Decimals(x, a.Scenario.IssueDecimals(lv.Issue))
	}
	for _, ia := range a.Issues {
		got := get(t, e.bctx, "changes", chromedp.Evaluate[[]string](fmt.Sprintf(`Array.from(document.querySelectorAll('[data-testid=advise-out] table[data-issue=%q] tbody tr')).map((tr) => tr.children[2].textContent + " → " + tr.children[3].textContent)`, ia.Issue)))
		if len(got) == 0 {
			t.Errorf("%s: no levers on the page", ia.Issue)
		}
		for i, lv := range ia.Levers[:min(len(got), len(ia.Levers))] {
			if want := value(lv, lv.From) + " → " + value(lv, lv.To); got[i] != want {
				t.Errorf("%s, lever %d (%s): change %q, want %q", ia.Issue, i+1, lv.Kind, got[i], want)
			}
		}
	}
}
