package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestProposalsDistanceOnPage: each proposal on the deal view's table
// says its distance from each model's forecast on the issues it decides,
// in the words the answer carries (each distance's text, the answer's
// distance_head) and parley deal proposals prints, where the page asked
// for no model and showed none. On the built-in case with the
// compromise and median models.
func TestProposalsDistanceOnPage(t *testing.T) {
	e := startE2E(t)
	c := builtinCase(t, "latest")
	req := answer.NewDealProposalsRequest()
	req.Models = []string{"compromise", "median"}
	props, err := ask.DealProposals(e.ctx, c, req)
	if err != nil {
		t.Fatal(err)
	}
	judged := 0
	for _, p := range props.Proposals {
		if len(p.Forecasts) == 2 {
			judged++
		}
	}
	if judged == 0 {
		t.Fatalf("no proposal compared with two forecasts: the test tests nothing (%+v)", props.Proposals)
	}
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"&models=compromise,median#deal"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-table]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-distance-head]`)))
	// The heading in the answer's words (ask.ProposalsDistanceHead), as
	// parley deal proposals heads the distances ("…:"): the page's had
	// curly apostrophes.
	cli := oneLine(parley(t, "deal", "proposals", "-m", "compromise,median"))
	if props.DistanceHead != ask.ProposalsDistanceHead || !strings.Contains(cli, props.DistanceHead+":") {
		t.Fatalf("the answer's head %q, which parley deal proposals prints with a colon", props.DistanceHead)
	}
	if got, want := e.text(`[data-testid=proposals-distance-head]`), props.DistanceHead+": under its package."; got != want {
		t.Errorf("the distances are headed %q, want %q", got, want)
	}
	for _, p := range props.Proposals {
		var line []string
		for _, fd := range p.Forecasts {
			sel := fmt.Sprintf(`[data-testid=proposals-table] tr[data-proposal=%q] [data-testid=proposal-distance] span[data-model=%q]`, p.ID, fd.Model)
			if e.count(sel) != 1 {
				t.Errorf("%s: no distance from the %s forecast", p.ID, fd.Model)
				continue
			}
			if got := e.text(sel); got != fd.Text || fd.Text != ask.ModelDistanceText(fd) {
				t.Errorf("%s: distance from %s reads %q, want the answer's %q", p.ID, fd.Model, got, fd.Text)
			}
			line = append(line, e.text(sel))
		}
		// the page's line is parley deal proposals'
		if want := fmt.Sprintf("%s (%s): %s", p.Name, p.ID, strings.Join(line, ask.DistanceSep)); len(line) > 0 && !strings.Contains(cli, want) {
			t.Errorf("%s: parley deal proposals does not print the page's line %q", p.ID, want)
		}
	}
}

// TestUnsettledCaptionSaysWholeRange: a forecast that did not settle is
// captioned with its last round's point and, where all of its range
// reads as one option (its one nearest), that option "over all its
// range" as parley forecast's → and its long table say; where the range
// spans several options, none. The page said "the range reaches 30 years"
// of a range 34.7–34.9 that never reaches 30. On the built-in case with
// exchange and bdm, which leave both kinds.
func TestUnsettledCaptionSaysWholeRange(t *testing.T) {
	e := startE2E(t)
	c := builtinCase(t, "latest")
	req := answer.NewForecastRequest()
	req.Models = []string{"exchange", "bdm"}
	f, err := ask.Forecast(e.ctx, c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"&models=exchange,bdm#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table] td.unsettled`)))
	one, several := 0, 0
	for _, m := range f.Models {
		for _, x := range m.Issues {
			if x.Settled {
				continue
			}
			want := "last round " + ask.Decimals(float64(x.Forecast), f.Scenario.IssueDecimals(x.Issue))
			if len(x.Nearest) == 1 {
				one++
				// the answer's words (nearest_text), whose points
				// parley forecast prints after the range (points_text)
				if x.NearestText != ask.PointsText(x.Nearest)+" "+x.Nearest[0].Label+ask.OverAllItsRange || x.PointsText != ask.PointsText(x.Nearest) {
					t.Errorf("%s on %s: the answer carries %q, %q", m.Model, x.Issue, x.NearestText, x.PointsText)
				}
				want += "; " + x.NearestText
			} else {
				several++
			}
			sel := fmt.Sprintf(`[data-testid=model-table] td.unsettled[data-model=%q][data-issue=%q] [data-testid=unsettled-note]`, m.Model, x.Issue)
			if got := strings.TrimSpace(e.text(sel)); got != want {
				t.Errorf("%s on %s (nearest %v): caption %q, want %q", m.Model, x.Issue, x.Nearest, got, want)
			}
		}
	}
	if one == 0 || several == 0 {
		t.Fatalf("%d unsettled forecasts read as one option, %d span several: the test wants both", one, several)
	}
}

// TestProposalsVerdictsWithoutDistances: when the server cannot
// measure the proposals' distances from the models' forecasts (here it
// answers that request as it does one over its time within a request:
// a full forecast of the nine default models comes first), their
// verdicts and their support over the snapshots, which need no model,
// are still shown as ask judges them with none; the distance line alone
// is missing, the hint saying why in the server's words. The card had
// asked for everything with the models, and showed only the refusal.
func TestProposalsVerdictsWithoutDistances(t *testing.T) {
	const refusal = "deal-proposals took longer than 30s, the limit within a request (parley serve --inline-timeout); start it as a job"
	c := builtinCase(t, "latest")
	req := answer.NewDealProposalsRequest()
	req.AllSnapshots = true
	req.Models = []string{"none"}
	props, err := ask.DealProposals(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	if len(props.Proposals) == 0 || len(props.Timeline) == 0 {
		t.Fatalf("%d proposals, %d snapshots in the timeline: the test tests nothing", len(props.Proposals), len(props.Timeline))
	}
	var mu sync.Mutex
	var asked []string
	e := startE2EWith(t, e2eOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/deal/proposals") {
				next.ServeHTTP(w, r)
				return
			}
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			var q struct{ Models []string }
			_ = json.Unmarshal(body, &q)
			mu.Lock()
			asked = append(asked, strings.Join(q.Models, ","))
			mu.Unlock()
			if len(q.Models) == 1 && q.Models[0] == "none" {
				next.ServeHTTP(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusServiceUnavailable)
			_ = json.NewEncoder(w).Encode(map[string]string{"error": refusal, "code": "timeout"})
		})
	}})
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-distance-error]`)))
	models, err := ask.ModelList(nil)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	got := slices.Sorted(slices.Values(asked)) // the two are asked at once
	mu.Unlock()
	if want := []string{strings.Join(models, ","), "none"}; !slices.Equal(got, want) {
		t.Errorf("the card asked with the models %q, want %q: the verdicts with none, the distances with the default models", got, want)
	}
	if got, want := e.text(`[data-testid=proposals-distance-error]`), "No distance from the models’ forecasts: "+refusal; got != want {
		t.Errorf("the hint reads %q, want %q", got, want)
	}
	if n := e.count(`[data-testid=proposal-distance]`) + e.count(`[data-testid=proposals-distance-head]`); n != 0 {
		t.Errorf("%d distance lines or headings shown with no distance measured", n)
	}
	for _, p := range props.Proposals {
		row := fmt.Sprintf(`[data-testid=proposals-table] tr[data-proposal=%q] td:nth-child(3) [data-testid=proposal-verdict]`, p.ID)
		if got := e.text(row); got != p.VerdictText || p.VerdictText == "" {
			t.Errorf("%s: verdict %q, want %q as ask judges it", p.ID, got, p.VerdictText)
		}
	}
	for i, s := range props.Timeline {
		for _, p := range s.Proposals {
			sel := fmt.Sprintf(`[data-testid=proposals-timeline] tr[data-proposal=%q] td:nth-child(%d)`, p.ID, 2+i)
			if got := get(t, e.bctx, sel, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q)?.textContent ?? ""`, sel))); got != p.Text {
				t.Errorf("%s at %s: support %q, want %q", p.ID, s.Snapshot, got, p.Text)
			}
		}
	}
}

// TestProposalsDistanceRetry: where the request for the proposals'
// distances fails (here the first, refused as over the time limit), the
// card says so in the server's words and offers to ask again; asked
// again and answered, the distances are shown under the answer's head
// and the failure's line is gone. The card had said why and offered
// nothing but changing a setting.
func TestProposalsDistanceRetry(t *testing.T) {
	const refusal = "deal-proposals took longer than 30s, the limit within a request (parley serve --inline-timeout); start it as a job"
	var mu sync.Mutex
	measured := 0 // the requests for the distances (with a model)
	e := startE2EWith(t, e2eOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/deal/proposals") {
				next.ServeHTTP(w, r)
				return
			}
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			var q struct{ Models []string }
			_ = json.Unmarshal(body, &q)
			mu.Lock()
			first := false
			if !(len(q.Models) == 1 && q.Models[0] == "none") {
				measured++
				first = measured == 1
			}
			mu.Unlock()
			if !first {
				next.ServeHTTP(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusServiceUnavailable)
			_ = json.NewEncoder(w).Encode(map[string]string{"error": refusal, "code": "timeout"})
		})
	}})
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"&models=compromise#deal"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-distance-error]`)))
	if got, want := e.text(`[data-testid=proposals-distance-error]`), "No distance from the models’ forecasts: "+refusal; got != want {
		t.Errorf("the failure reads %q, want %q", got, want)
	}
	if got := e.text(`[data-testid=proposals-distance-retry]`); got != "Measure the distances again" {
		t.Fatalf("the retry button reads %q", got)
	}
	e.do("retry", chromedp.Click(chromedp.CSS(`[data-testid=proposals-distance-retry]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-distance-head]`)))
	mu.Lock()
	n := measured
	mu.Unlock()
	if n != 2 {
		t.Errorf("the distances were asked %d times, want 2 (the failure, then the retry)", n)
	}
	if got, want := e.text(`[data-testid=proposals-distance-head]`), ask.ProposalsDistanceHead+": under its package."; got != want {
		t.Errorf("after the retry the distances are headed %q, want %q", got, want)
	}
	if k := e.count(`[data-testid=proposals-distance-error]`) + e.count(`[data-testid=proposals-distance-retry]`); k != 0 {
		t.Errorf("%d failure lines or retry buttons still shown once the distances came", k)
	}
	if e.count(`[data-testid=proposal-distance]`) == 0 {
		t.Error("no proposal shows its distance after the retry")
	}
}
