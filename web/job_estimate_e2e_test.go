package web_test

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/ask"
	"parley/store"
)

// TestSweepEstimateShown: while a sweep runs as a job, the page says
// what the server estimated it at, in the words parley says it in
// before a long run (ask.Size.Estimated), from the numbers the job's
// status gives; once the job has ended the line is gone. The page
// showed nothing of the estimate.
func TestSweepEstimateShown(t *testing.T) {
	e := startE2E(t)
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "exchange"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "100000"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelector("[data-testid=sweep-progress]").value >= 1`))
	runs, err := e.st.ListRuns(e.ctx, e.rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(runs, func(r store.Run) bool { return r.Kind == store.Sweep })
	if i < 0 {
		t.Fatal("no sweep run stored")
	}
	res, err := http.Get(e.srv.URL + "/api/runs/" + runs[i].ID)
	if err != nil {
		t.Fatal(err)
	}
	var run struct {
		Status   string
		Estimate *ask.Size
	}
	err = json.NewDecoder(res.Body).Decode(&run)
	res.Body.Close()
	if err != nil || run.Status != "running" || run.Estimate == nil || run.Estimate.Steps <= 0 {
		t.Fatalf("the sweep's status: %+v, %v; want it running, with its estimate", run, err)
	}
	want := "This sweep is " + run.Estimate.Estimated() + "."
	if !strings.HasPrefix(want, "This sweep is estimated at about ") {
		t.Fatalf("ask's words %q", want)
	}
	if got := e.text(`[data-testid=sweep-estimate]`); got != want {
		t.Errorf("while the sweep runs the page says\n%q\nwant\n%q", got, want)
	}
	e.do("cancel", chromedp.Click(chromedp.CSS(`[data-testid=sweep-cancel]`)),
		e.poll(`document.querySelector("[data-testid=sweep-message]").textContent.startsWith("sweep cancelled")`))
	if v := get(t, e.bctx, "after", chromedp.Evaluate[bool](`document.querySelector("[data-testid=sweep-estimate]").hidden`)); !v {
		t.Error("the estimate still shown once the sweep has ended")
	}
}

// TestForecastJobEstimateShown: a forecast too large to answer within
// the request runs as a job, and the status line says, from the moment
// the job starts (its progress stream held back here), what the server
// estimated it at, in ask's words (ask.Size.Estimated) after its
// progress; the forecast is drawn once the stream is let go.
func TestForecastJobEstimateShown(t *testing.T) {
	cost, issue, want := forecastAsJob(t)
	release := make(chan struct{})
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	t.Cleanup(free)
	hold := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/events") {
				select {
				case <-release:
				case <-r.Context().Done():
					return
				}
			}
			h.ServeHTTP(w, r)
		})
	}
	e := startE2EWith(t, e2eOptions{maxWork: cost.Priced() / 4, wrap: hold})
	line := "Forecasting (as a job: too large to answer at once): 0%; " + ask.SizeOf(cost).Estimated()
	e.do("load", chromedp.Navigate(e.srv.URL+"/#scenario"), e.poll(`document.getElementById('status').textContent.startsWith('Forecasting (as a job')`))
	if got := e.text(`#status`); got != line {
		t.Errorf("while the forecast runs as a job the status says\n%q\nwant\n%q", got, line)
	}
	free()
	fline := fmt.Sprintf(`section.issue[data-issue=%q] line.fline[data-model="compromise"]`, issue)
	e.do("drawn", chromedp.WaitVisible(chromedp.CSS(fline)))
	shown := get(t, e.bctx, "forecast line", chromedp.AttributeValue(chromedp.CSS(fline), "data-forecast")).Value
	if got, _ := strconv.ParseFloat(shown, 64); !(math.Abs(got-want) < 1e-3) {
		t.Errorf("compromise forecast on %s shown as %s, want %.3f", issue, shown, want)
	}
	if st := e.text(`#status`); strings.Contains(st, "estimated") || !strings.Contains(st, "version") {
		t.Errorf("status line once drawn %q", st)
	}
}
