package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestModelTitlesInTablesAndPickers: the backtest's score table, the
// ensemble's member table and the model pickers (advise's, explain's,
// the sweep's) named models by their short codes alone ("smp",
// "exchange"); each now reads its plain title (GET /api/models, title)
// with the short name beside it, as the forecast view's tooltips do:
// "Stokman exchange (Decide) (exchange)".
func TestModelTitlesInTablesAndPickers(t *testing.T) {
	e := startE2E(t)
	resp, err := http.Get(e.srv.URL + "/api/models")
	if err != nil {
		t.Fatal(err)
	}
	var models []struct{ Name, Title string }
	err = json.NewDecoder(resp.Body).Decode(&models)
	resp.Body.Close()
	if err != nil || len(models) == 0 {
		t.Fatalf("GET /api/models: %v, %d models", err, len(models))
	}
	want := map[string]string{}
	for _, m := range models {
		if m.Title == "" {
			t.Fatalf("%s has no title", m.Name)
		}
		want[m.Name] = m.Title + " (" + m.Name + ")"
	}
	// check fails the test where a label (data-model or value = its text)
	// is not its model's title with its short name; n counts them.
	check := func(where string, got [][2]string, n int) {
		t.Helper()
		if len(got) < n {
			t.Errorf("%s: %d models named, want at least %d: %q", where, len(got), n, got)
		}
		for _, g := range got {
			if w, ok := want[g[0]]; !ok || g[1] != w {
				t.Errorf("%s names %s %q, want %q", where, g[0], g[1], w)
			}
		}
	}
	options := func(sel string) [][2]string {
		return get(t, e.bctx, sel, chromedp.Evaluate[[][2]string](fmt.Sprintf(`[...document.querySelectorAll(%q)].map((o) => [o.value, o.textContent])`, sel)))
	}

	e.do("backtest", chromedp.Navigate(e.srv.URL+"/?models=compromise,smp,exchange#backtest"),
		e.poll(`document.querySelectorAll("[data-testid=backtest-scores] tbody tr").length == 3`))
	check("the backtest's rows", get(t, e.bctx, "rows", chromedp.Evaluate[[][2]string](`[...document.querySelectorAll("[data-testid=backtest-scores] tbody tr")].map((tr) => [tr.dataset.model, tr.querySelector("th").textContent])`)), 3)
	if got := e.text(`[data-testid=backtest-scores] tbody tr[data-model=exchange] th`); got != "Stokman exchange (Decide) (exchange)" {
		t.Errorf("exchange's row reads %q", got)
	}

	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`#advise-model`)))
	check("advise's model picker", options(`#advise-model option`), 2)

	e.do("sweep", chromedp.Navigate(e.srv.URL+"/?models=compromise,smp,exchange#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=sweep-model]`)))
	check("the sweep's model picker", options(`[data-testid=sweep-model] option`), 3)

	mCard := `section[data-issue="ceasefire"] [data-testid=ensemble-members]`
	e.do("explain", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)))
	check("explain's model picker", options(`[data-testid=explain-model] option`), 5)
	e.do("ensemble", void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "ensemble"; s.dispatchEvent(new Event("change")); return true })()`)),
		chromedp.WaitVisible(chromedp.CSS(mCard)))
	check("the ensemble's members", get(t, e.bctx, "members", chromedp.Evaluate[[][2]string](fmt.Sprintf(`[...document.querySelectorAll(%q)].map((tr) => [tr.dataset.model, tr.querySelector("th").textContent])`, mCard+" tbody tr"))), 2)
}

// TestDealBatnaPickerTitles: the deal view's no-deal picker offered each
// model's forecast by its short code ("the smp forecast"), then by its
// label, title first ("the forecast of KTAB spatial model (SMP) (smp)");
// it names the model as a sentence does (name_text, ask.ModelNameText):
// "the forecast of smp (KTAB spatial model, SMP)".
func TestDealBatnaPickerTitles(t *testing.T) {
	e := startE2E(t)
	want := map[string]string{
		"model:compromise": "the forecast of compromise (Weighted compromise, mean)",
		"model:smp":        "the forecast of smp (KTAB spatial model, SMP)",
	}
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?models=compromise,smp#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-batna]`)))
	got := get(t, e.bctx, "options", chromedp.Evaluate[[][2]string](`[...document.querySelectorAll("[data-testid=deal-batna] option[value^='model:']")].map((o) => [o.value, o.textContent])`))
	if len(got) != 2 {
		t.Fatalf("the no-deal picker offers %q, want the forecasts of compromise and smp", got)
	}
	for _, g := range got {
		if g[1] != want[g[0]] {
			t.Errorf("the no-deal picker names %s %q, want %q", g[0], g[1], want[g[0]])
		}
	}
}
