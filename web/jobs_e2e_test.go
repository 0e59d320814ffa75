package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestForecastTooLargeRunsAsJob: on a server whose work limit within a
// request (--max-work) is a quarter of what the page's forecast of the
// built-in case is estimated at, the page runs that forecast as a job, as
// the server's refusal advises, and draws it: the compromise forecast of
// the first issue as package ask computes it, and the status line without
// an error.
func TestForecastTooLargeRunsAsJob(t *testing.T) {
	cost, issue, want := forecastAsJob(t)
	e := startE2EWith(t, e2eOptions{maxWork: cost.Work / 4})
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
	e := startE2EWith(t, e2eOptions{maxWork: cost.Work / 4, maxStreams: 1, maxJobs: 2})
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
