package web_test

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/scenarios"
)

// TestViewWaitsForItsScenariosForecast: a view chosen while the chosen
// scenario's forecast is still running says so, and a forecast the
// server refused is said in words in the view. The page used to leave
// whatever it showed before under the new tab (the builder's fields
// under "Forecast", with its styling gone, or the previous scenario's
// forecast under the new scenario's name) until the answer came, and
// for good when the answer was an error.
func TestViewWaitsForItsScenariosForecast(t *testing.T) {
	var hold atomic.Bool
	release := make(chan bool) // true: refuse the held forecast
	e := startE2EWith(t, e2eOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if hold.Load() && r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/forecast") {
				if <-release {
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(http.StatusUnprocessableEntity)
					w.Write([]byte(`{"error":"the forecast was refused (a test's answer)","code":"invalid"}`))
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}})
	// A held request left waiting by a failed step is let through, so
	// that the server can stop (this runs before its cleanup).
	t.Cleanup(func() { close(release) })
	_, body := scenarios.Default()
	second := e.stored("Second copy", body)
	main := `document.querySelector('main')`
	e.do("builder", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#build"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=build-save]`)))
	hold.Store(true)
	e.do("another scenario", e.choose(second.ID), e.poll(`document.getElementById('status').textContent.startsWith('Forecasting')`),
		chromedp.Click(chromedp.ID("tab-forecast")), e.poll(main+`.querySelector('[data-testid=view-waiting]') !== null`), e.shot("70-view-waiting"))
	if n := e.count(`main [data-testid=build-save], main [data-testid=model-table]`); n != 0 {
		t.Errorf("while the second scenario's forecast runs, the Forecast view shows %d of the builder's or the first scenario's elements", n)
	}
	if s := e.text(`main [data-testid=view-waiting]`); !strings.Contains(s, "Forecasting “Second copy”") {
		t.Errorf("the view says %q while it waits", s)
	}
	release <- true
	e.do("refused", e.poll(main+`.querySelector('[data-testid=view-failed]') !== null`), e.shot("71-view-failed"))
	if s := e.text(`main [data-testid=view-failed]`); !strings.Contains(s, "the forecast was refused (a test's answer)") {
		t.Errorf("the view says %q after the forecast was refused", s)
	}
	if n := e.count(`main [data-testid=model-table], main [data-testid=view-waiting]`); n != 0 {
		t.Errorf("after the refusal the view still shows %d tables or waiting notes", n)
	}
	// The next run is answered: the view draws it.
	hold.Store(false)
	e.do("again", chromedp.Click(chromedp.CSS(`#models input[value=median]`)), chromedp.WaitVisible(chromedp.CSS(`main [data-testid=model-table]`)))
	if n := e.count(`main [data-testid=view-failed]`); n != 0 {
		t.Errorf("the refusal is still shown beside the forecast that followed it")
	}
}
