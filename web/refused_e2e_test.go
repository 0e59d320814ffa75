package web_test

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// statusRecorder keeps the status a handler writes.
type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

// Flush passes an event stream's flushes on.
func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// TestViewsAskNothingRefused opens every view of the built-in case and
// finds that the page made no request the server refused: a refused
// request is an error in the browser's console, whatever the page makes
// of it. The Advise view asked for the voting power of a case whose
// issues state no decision rule, to be refused (400 "no issue of …
// states a decision rule") before offering the ad-hoc game, on every
// visit.
func TestViewsAskNothingRefused(t *testing.T) {
	var mu sync.Mutex
	var refused []string
	e := startE2EWith(t, e2eOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := &statusRecorder{ResponseWriter: w}
			next.ServeHTTP(rec, r)
			if rec.code >= 400 {
				mu.Lock()
				refused = append(refused, fmt.Sprintf("%s %s: %d", r.Method, r.URL.Path, rec.code))
				mu.Unlock()
			}
		})
	}})
	e.do("scenario", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(`g.marker`)))
	e.do("forecast", chromedp.Click(chromedp.ID("tab-forecast")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=variants-table]`)))
	e.do("deal", chromedp.Click(chromedp.ID("tab-deal")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-table]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-summary]`)))
	e.do("explain", chromedp.Click(chromedp.ID("tab-explain")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-result] section`)))
	e.do("evidence", chromedp.Click(chromedp.ID("tab-evidence")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=coverage] table`)))
	e.do("advise", chromedp.Click(chromedp.ID("tab-advise")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table`)),
		chromedp.WaitVisible(chromedp.CSS(`#power-quota`)), e.shot("64-advise-power"))
	if p := e.text(`[data-testid=power-out]`); !strings.Contains(p, "states a decision rule") {
		t.Errorf("the power card reads %q, want it to say that no issue states a decision rule", p)
	}
	e.do("build", chromedp.Click(chromedp.ID("tab-build")), chromedp.WaitVisible(chromedp.CSS(`[data-path="snapshots[0].stances[0].range.position"]`)))
	mu.Lock()
	defer mu.Unlock()
	if len(refused) > 0 {
		t.Errorf("the server refused the page's requests: %s", strings.Join(refused, "; "))
	}
}

// TestPowerOfRuledIssues: on a scenario whose issues state decision
// rules (cli/testdata/rules.yaml) the Advise view measures each rule's
// voting power, as parley power prints it: a table per ruled issue,
// Alpha's Shapley–Shubik index on Budget (qmv, quota 3 of 5) 0.5000.
func TestPowerOfRuledIssues(t *testing.T) {
	const file = "../cli/testdata/rules.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := parley(t, "power", file, "-q")
	if !strings.Contains(out, "Budget (budget): qmv, quota 3 of 5") || !strings.Contains(out, "│ Alpha │      2 │         0.5000 │") {
		t.Fatalf("parley power prints\n%s", out)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Rules", body)
	game := `[data-testid=power-out] [data-testid=power-game]`
	e.do("advise", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#advise"), chromedp.WaitVisible(chromedp.CSS(game)))
	if n := e.count(game); n != 2 {
		t.Fatalf("%d power tables, want one per ruled issue (2)", n)
	}
	if c := e.text(game + ` caption`); !strings.HasPrefix(c, "Budget: qmv, quota 3 of 5") {
		t.Errorf("the first power table is headed %q", c)
	}
	if r := e.text(game + ` tbody tr:first-child`); !strings.Contains(r, "Alpha") || !strings.Contains(r, "0.5000") {
		t.Errorf("the first voter's row reads %q, want Alpha with 0.5000", r)
	}
}
