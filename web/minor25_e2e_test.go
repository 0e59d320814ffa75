package web_test

import (
	"os"
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
	body, err := os.ReadFile("../ask/testdata/nile.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Nile", body)
	cell := func(m string) string { return `td[data-model="` + m + `"][data-issue="drought"] b` }
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise,smp#forecast"),
		chromedp.WaitVisible(chromedp.CSS(cell("smp"))))
	for m, want := range map[string]string{"smp": "34.98", "compromise": "34.6"} {
		if got := e.text(cell(m)); got != want {
			t.Errorf("the page writes %s's drought forecast %q, want %q", m, got, want)
		}
	}
}
