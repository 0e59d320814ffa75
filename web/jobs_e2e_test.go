package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/store"
)

// TestForecastTooLargeRunsAsJob: on a server whose work limit within a
// request (--max-work) is a quarter of what the page's forecast of the
// built-in case is estimated at, the page runs that forecast as a job, as
// the server's refusal advises, and draws it: the compromise forecast of
// the first issue as package ask computes it, and the status line without
// an error.
func TestForecastTooLargeRunsAsJob(t *testing.T) {
	cost, issue, want := forecastAsJob(t)
	e := startE2EWith(t, e2eOptions{maxWork: cost.Priced() / 4})
	e.forecastDrawn(issue, want, "01b-forecast-job")
}

// forecastAsJob returns the estimated cost of the page's forecast of the
// built-in case, its first issue and the compromise forecast of it as
// package ask computes it.
func forecastAsJob(t *testing.T) (ask.Cost, string, float64) {
	t.Helper()
	c := builtinCase(t, "latest")
	req := answer.NewForecastRequest()
	cost, err := ask.Estimate(c, req)
	if err != nil {
		t.Fatal(err)
	}
	f, err := ask.Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	issue := c.Header.Issues[0].ID
	want := math.NaN()
	for _, m := range f.Models {
		if m.Model != "compromise" {
			continue
		}
		for _, is := range m.Issues {
			if is.Issue == issue {
				want = float64(is.Forecast)
			}
		}
	}
	return cost, issue, want
}

// forecastDrawn loads the page and checks that it draws the compromise
// forecast of issue as want, with no error on the status line.
func (e *e2e) forecastDrawn(issue string, want float64, shot string) {
	t := e.t
	t.Helper()
	fline := fmt.Sprintf(`section.issue[data-issue=%q] line.fline[data-model="compromise"]`, issue)
	e.do("load", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(fline)), e.shot(shot))
	shown := get(t, e.bctx, "forecast line", chromedp.AttributeValue(chromedp.CSS(fline), "data-forecast")).Value
	if got, _ := strconv.ParseFloat(shown, 64); !(math.Abs(got-want) < 1e-3) {
		t.Fatalf("compromise forecast on %s shown as %s, want %.3f", issue, shown, want)
	}
	if st := e.text(`#status`); strings.Contains(st, "estimated") || !strings.Contains(st, "version") {
		t.Fatalf("status line %q", st)
	}
}

// TestJobPolledWhenStreamsAreFull: on a server whose one event stream
// (--max-streams 1) is held by another client following a long sweep,
// the page's forecast, too large to answer within the request, runs as a
// job whose stream the server refuses (503 busy); the page polls the run
// instead and draws it, where it used to stop at "lost the progress
// stream".
func TestJobPolledWhenStreamsAreFull(t *testing.T) {
	cost, issue, want := forecastAsJob(t)
	e := startE2EWith(t, e2eOptions{maxWork: cost.Priced() / 4, maxStreams: 1, maxJobs: 2})
	res, err := http.Post(e.srv.URL+"/api/scenarios/"+e.rec.ID+"/runs", "application/json", strings.NewReader(`{"kind": "sweep", "models": ["exchange"], "draws": 100000}`))
	if err != nil {
		t.Fatal(err)
	}
	var job struct {
		ID string `json:"id"`
	}
	err = json.NewDecoder(res.Body).Decode(&job)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusAccepted {
		t.Fatalf("start the long sweep: %s, %v", res.Status, err)
	}
	t.Cleanup(func() {
		if r, err := http.Post(e.srv.URL+"/api/runs/"+job.ID+"/cancel", "application/json", nil); err == nil {
			r.Body.Close()
		}
	})
	held, err := http.Get(e.srv.URL + "/api/runs/" + job.ID + "/events")
	if err != nil || held.StatusCode != http.StatusOK {
		t.Fatalf("hold the one stream: %v %v", held, err)
	}
	t.Cleanup(func() { held.Body.Close() })
	if r, err := http.Get(e.srv.URL + "/api/runs/" + job.ID + "/events"); err != nil || r.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("a second stream: %v %v; want 503 (else the page's stream is not refused and the test tests nothing)", r, err)
	} else {
		r.Body.Close()
	}
	e.forecastDrawn(issue, want, "01c-forecast-job-polled")
}

// TestCancelledSweepShown: a sweep cancelled from the page once more than
// a thousand of its 100,000 draws have finished shows the draws it kept,
// as the run the server stored has them: the head's draws, its
// "interrupted after …" in ask.InterruptedAfter's words (the counts
// grouped by thousands), the interrupted warning first among the
// sweep's warnings, and a histogram per issue. Where it used to show
// only "sweep cancelled". The test waits on the page's progress bar,
// not on time; the number of draws kept is whatever the cancel found
// done, read back from the store.
func TestCancelledSweepShown(t *testing.T) {
	e := startE2E(t)
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "exchange"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "100000"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelector("[data-testid=sweep-progress]").value >= 1000`),
		chromedp.Click(chromedp.CSS(`[data-testid=sweep-cancel]`)),
		e.poll(`document.querySelectorAll("[data-testid=sweep-interrupted]").length > 0`), e.shot("06c-sweep-cancelled"))
	runs, err := e.st.ListRuns(e.ctx, e.rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(runs, func(r store.Run) bool { return r.Kind == store.Sweep })
	if i < 0 {
		t.Fatal("no sweep run stored")
	}
	r, err := e.st.GetRun(e.ctx, runs[i].ID)
	if err != nil {
		t.Fatal(err)
	}
	var sw answer.Sweep
	if err := json.Unmarshal(r.Result, &sw); err != nil || r.Status != store.Cancelled || len(sw.Models) != 1 {
		t.Fatalf("stored run %s: %v, result %.200s", r.Status, err, r.Result)
	}
	m := sw.Models[0]
	if !m.Interrupted || m.Draws < 1000 || m.Draws >= m.Requested || len(m.Warnings) == 0 {
		t.Fatalf("stored sweep: %d of %d draws, interrupted %v, warnings %q; want more than 1,000 kept, interrupted", m.Draws, m.Requested, m.Interrupted, m.Warnings)
	}
	if got, want := strings.TrimSpace(e.text(`[data-testid=sweep-interrupted]`)), ask.SweepHead(m.SweepResult, ask.InterruptedAfter(m.SweepResult)); got != want {
		t.Errorf("the page heads the sweep %q; want %q", got, want)
	}
	if got := get(t, e.bctx, "head", chromedp.AttributeValue(chromedp.CSS(`[data-testid=sweep-head]`), "data-draws")).Value; got != strconv.Itoa(m.Draws) {
		t.Errorf("head says %s draws, want %d", got, m.Draws)
	}
	if got, want := e.text(`[data-testid=sweep-warning-list] li`), "⚠ "+m.Warnings[0]; got != want {
		t.Errorf("first warning %q; want %q", got, want)
	}
	if got, want := e.text(`[data-testid=sweep-message]`), "sweep cancelled: the result keeps what finished, and its warnings say what it lacks (run "+r.ID[:8]; !strings.HasPrefix(got, want) {
		t.Errorf("the status says %q; want it to begin %q (the run's error, its status said once)", got, want)
	}
	if n := e.count(`[data-testid=sweep-results] figure`); n != len(m.Issues) {
		t.Errorf("%d histograms, want one per issue (%d)", n, len(m.Issues))
	}
}
