package web_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestDealRobustView: ticking "Robust to the stated ranges" with 1,000 draws
// asks search for the analysis the API gives (ask.DealSearch on the
// built-in case as of 11 March 2025, opened from its address, robust on,
// 1,000 draws, every other setting its default), and the page shows its
// figures: how often a zone exists, how often the most robust package is
// accepted, and each actor's share of draws accepting it, each with its
// interval as the command line writes it (ask.ProbabilityText), and the
// count of draws grouped by threes, as the legend beside it (ask.Grouped;
// the page wrote "1000 draws … a share of 1,000 draws"), in the lines
// parley deal search --robust prints (texts24r). (At the latest
// snapshot no draw opens a zone: the page says so instead.)
func TestDealRobustView(t *testing.T) {
	e := startE2E(t)
	want := robustSearch(t, e, 1000)
	r := want.Robust
	if r == nil || r.Zone == nil || r.Best == nil {
		t.Fatalf("the API's search has no robust analysis: %+v", want)
	}
	openRobustDeal(e, 1000, "1,000 draws", e.shot("14-deal-robust"))
	got := e.text(`[data-testid=search-robust]`)
	for _, s := range []string{
		"Robustness over 1,000 draws of the stated ranges (",
		"(" + ask.IntervalLegend(r.Draws) + ".)",
		"P(a zone of agreement exists) = " + ask.ProbabilityText(*r.Zone, *r.ZoneInterval),
		"the package most often accepted (P = " + ask.ProbabilityText(r.Accepted, r.AcceptedInterval) + ", best of ",
		// what accepted means, as the answer says it (no rules here)
		"A package is accepted when every required actor accepts it.",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("robust box %q lacks %q", got, s)
		}
	}
	rows := `[data-testid=search-robust] table:last-of-type tbody tr`
	if n := e.count(rows); n != len(r.Actors) {
		t.Fatalf("%d actors shown, want %d", n, len(r.Actors))
	}
	first := e.text(rows + `:first-child`)
	if w := ask.ProbabilityText(r.Actors[0].Accepts, r.Actors[0].AcceptsInterval); !strings.Contains(first, w) {
		t.Errorf("first actor's row %q, want %s", first, w)
	}
	if e.count(`[data-testid=deal-robust]`) == 0 {
		t.Error("the evaluated package shows no robust analysis")
	}
}

// robustSearch is ask's deal search of the built-in case as of 11 March
// 2025 with the robust analysis over draws draws, every other setting
// its default: the answer the page's robust search should show.
func robustSearch(t *testing.T, e *e2e, draws int) *answer.DealSearch {
	t.Helper()
	req := answer.NewDealSearchRequest()
	req.Snapshot = "2025-03-11"
	req.Robust = answer.DealRobust{On: true, Draws: draws}
	want, err := ask.DealSearch(e.ctx, builtinCase(t, "2025-03-11"), req)
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// robustOn is the script that ticks the deal page's "Robust to the
// stated ranges" and types draws into its draws field, as a reader does.
func robustOn(draws int) string {
	return `(() => { const d = document.getElementById('deal-robust'); const n = document.getElementById('deal-draws');
		d.checked = true; d.dispatchEvent(new Event('change')); n.value = '` + strconv.Itoa(draws) + `'; n.dispatchEvent(new Event('change')); return true })()`
}

// openRobustDeal opens the deal page as of 11 March 2025, asks for the
// robust analysis over draws draws and waits until the robust box says
// says; then takes the steps after.
func openRobustDeal(e *e2e, draws int, says string, after ...chromedp.Action[chromedp.Void]) {
	e.do("robust deal", append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(e.srv.URL + "/?snapshot=2025-03-11#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		e.poll(robustOn(draws)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=search-robust]`)),
		e.poll(`document.querySelector('[data-testid=search-robust]').textContent.includes(` + strconv.Quote(says) + `)`)}, after...)...)
}
