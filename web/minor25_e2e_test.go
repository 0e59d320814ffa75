package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestForecastCellCrossingRedLine: in the user's review case (a
// student's, ask/testdata/nile.yaml) smp forecasts Drought release
// 34.98, which crosses Egypt's red line (>= 35); the page's cell wrote
// "35.0", which reads as meeting it. It now writes the answer's
// forecast_text, "34.98", as parley forecast does; compromise's 34.6,
// crossing by more than its decimal, keeps one.
func TestForecastCellCrossingRedLine(t *testing.T) {
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.storedFile("../ask/testdata/nile.yaml", "Nile")
	cell := func(m string) string { return `td[data-model="` + m + `"][data-issue="drought"] b` }
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise,smp#forecast"),
		chromedp.WaitVisible(chromedp.CSS(cell("smp"))))
	for m, want := range map[string]string{"smp": "34.98", "compromise": "34.6"} {
		if got := e.text(cell(m)); got != want {
			t.Errorf("the page writes %s's drought forecast %q, want %q", m, got, want)
		}
	}
}

// TestAdviceShiftReadsNonzero: on the user's case, persuading Sudan to
// raise its salience on Drought release moves the forecast 0.004 closer
// to Egypt; the page wrote its shift "0.00" beside a gain. It now writes
// the answer's shift_text and toward_text, "+0.004", as parley advise
// does.
func TestAdviceShiftReadsNonzero(t *testing.T) {
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.storedFile("../ask/testdata/nile.yaml", "Nile")
	row := `[data-testid=advise-out] table[data-issue="drought"] tbody tr[data-kind="persuade-salience"]`
	e.do("advise", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#advise"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-actor]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=advise-actor]"); s.value = "egypt"; s.form.requestSubmit(); return true })()`)),
		e.poll(`(document.querySelector('[data-testid=advise-out] p')?.textContent ?? '').startsWith('Advice for Egypt') && [...document.querySelectorAll('`+row+`')].some((r) => r.cells[1].textContent === "Sudan")`))
	got := get(t, e.bctx, "sudan's lever", chromedp.Evaluate[[]string](`(() => { const r = [...document.querySelectorAll('`+row+`')].find((r) => r.cells[1].textContent === "Sudan"); return [r.cells[4].textContent, r.cells[5].textContent.trim()] })()`))
	if len(got) != 2 || got[0] != "+0.004" || got[1] != "+0.004" {
		t.Errorf("Sudan's salience lever reads shift and closer by %q, want +0.004 both", got)
	}
}
