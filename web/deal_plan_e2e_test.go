package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/store"
)

// TestDealPlanNumbers: the concessions that would open an empty zone
// state their cost as the command line does (`parley deal search`:
// ask.PlanCostsLine, both units, the certificate gaps in the solver's
// line since dealsides21; each cost as ask.PlanCostText writes it in its unit —
// utility to four decimals, a percent of the scale with one decimal, 2.4
// and not 2.4194, as a number on 0–100 — the gap by Go's %.2g, 8.3e-09
// and 3.9e-06 alike), not a gap in one form beside another
// (8.3e-9 beside 0.0000039). The numbers are the stored search's. Each
// actor's alternative reads as the command line writes it
// (ask.AlternativeText: "0.598 at no deal (reference)"), not the value
// run into its source ("0.598no deal (reference)").
func TestDealPlanNumbers(t *testing.T) {
	e := startE2E(t)
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)))
	got := storedSearch(t, e)
	var want []string
	c := got.Result.Concession
	if p := c.LowerAlternatives; p != nil {
		want = append(want, ask.PlanCostsLine(true, p))
	}
	if p := c.BendRedLines; p != nil {
		want = append(want, ask.PlanCostsLine(false, p))
	}
	if !strings.Contains(strings.Join(want, "\n"), " 2.4% of scale") {
		t.Errorf("the built-in case's red lines bend at a cost of %v %% of scale, want 2.4 as parley deal search prints it", c.BendRedLines)
	}
	shown := get(t, e.bctx, "plans", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=plan-cost]")].map((x) => x.textContent)`))
	if strings.Join(shown, "\n") != strings.Join(want, "\n") {
		t.Fatalf("the plans read\n%s\nwant\n%s", strings.Join(shown, "\n"), strings.Join(want, "\n"))
	}
	var alts []string
	for _, a := range got.Result.Alternatives {
		alts = append(alts, ask.AlternativeText(a.Value, a.From))
	}
	shown = get(t, e.bctx, "alternatives", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=zone-actors] tbody tr")].map((r) => r.querySelector("td").textContent)`))
	if strings.Join(shown, "\n") != strings.Join(alts, "\n") || !strings.Contains(alts[0], " at no deal (reference)") {
		t.Fatalf("the alternatives read\n%s\nwant\n%s", strings.Join(shown, "\n"), strings.Join(alts, "\n"))
	}
}

// storedSearch is the deal search the deal view ran and the store kept,
// with concessions (the built-in case's zone is empty at the status quo).
func storedSearch(t *testing.T, e *e2e) *answer.DealSearch {
	t.Helper()
	return storedSearchOf(t, e, e.rec.ID)
}

// storedSearchOf is the first finished deal search the server stored for
// the scenario id, which must have concessions.
func storedSearchOf(t *testing.T, e *e2e, id string) *answer.DealSearch {
	t.Helper()
	runs, err := e.st.ListRuns(e.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var got *answer.DealSearch
	for _, r := range runs {
		if r.Kind != store.DealSearch || r.Status != store.Done {
			continue
		}
		full, err := e.st.GetRun(e.ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		got = new(answer.DealSearch)
		if err := json.Unmarshal(full.Result, got); err != nil {
			t.Fatal(err)
		}
		break
	}
	if got == nil || got.Result == nil || got.Result.Concession == nil {
		t.Fatalf("no stored search of %s with concessions: %+v", id, got)
	}
	return got
}
