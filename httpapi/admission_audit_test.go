package httpapi_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
	"parley/scenarios"
)

// builtinCost is the estimate of req on the built-in case at its latest
// snapshot, as the server computes it.
func builtinCost(t *testing.T, req any) ask.Cost {
	t.Helper()
	name, data := scenarios.Default()
	in, err := ask.Load(name, data, ask.LoadOptions{Format: ask.Scenario})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	est, err := ask.Estimate(c, req)
	if err != nil {
		t.Fatal(err)
	}
	return est
}

// createBuiltin stores the built-in case and returns its id.
func createBuiltin(e *env) string {
	_, data := scenarios.Default()
	return e.create(string(data)).ID
}

// The brief runs the default forecast, sweep and sensitivity: it is
// estimated (ask.EstimateBrief) and admitted as a forecast is, so over
// the work or memory budget it is a 413 naming the estimate and the
// flag, and past the deadline a 503 timeout, never a 500 (it had run a
// 400 × 20 case for 60 s and 3.8 GB into a 500).
func TestBriefAdmission(t *testing.T) {
	est := builtinCost(t, ask.BriefRequest{})
	t.Run("over the work budget", func(t *testing.T) {
		limit := est.Priced() / 2
		e := newEnv(t, httpapi.Options{MaxWork: limit})
		id := createBuiltin(e)
		hinRefused(t, e, "GET", "/api/scenarios/"+id+"/brief?format=md", "", 413,
			fmt.Sprintf("brief is estimated at %.3g steps of 50 ns", est.Priced()), fmt.Sprintf("limit of %.3g steps of 50 ns", limit), "--max-work", "parley brief")
		// At the estimate, it runs.
		e2 := newEnv(t, httpapi.Options{MaxWork: est.Priced()})
		id = createBuiltin(e2)
		if r := e2.want(e2.do("GET", "/api/scenarios/"+id+"/brief?format=md", ""), 200); !strings.Contains(string(r.body), "#") {
			t.Fatalf("brief: %.200s", r.body)
		}
	})
	t.Run("over the memory budget", func(t *testing.T) {
		e := newEnv(t, httpapi.Options{MaxMemory: est.Bytes - 1})
		id := createBuiltin(e)
		need, limit := ask.BytesOver(est.Bytes, est.Bytes-1)
		hinRefused(t, e, "GET", "/api/scenarios/"+id+"/brief", "", 413,
			"brief is estimated to need "+need+" of memory", "limit of "+limit+" per run", "--max-memory")
	})
	t.Run("past the deadline", func(t *testing.T) {
		// A deadline already past when the brief starts: its first model
		// sees it, so the answer is the timeout, every time.
		e := newEnv(t, httpapi.Options{ForecastTimeout: time.Nanosecond})
		id := createBuiltin(e)
		r := e.do("GET", "/api/scenarios/"+id+"/brief?format=md", "")
		var b errBody
		e.want(r, 503).json(t, &b)
		if b.Code != "timeout" || !strings.Contains(b.Error, "--inline-timeout") || !strings.Contains(b.Error, "parley brief") || r.hdr.Get("Retry-After") == "" {
			t.Fatalf("brief past the deadline: %s %v", r.body, r.hdr)
		}
	})
	t.Run("a bad format runs nothing", func(t *testing.T) {
		// Refused before the estimate: even a server that admits no
		// work says what is wrong with the format.
		e := newEnv(t, httpapi.Options{MaxWork: 1})
		id := createBuiltin(e)
		b := hinRefused(t, e, "GET", "/api/scenarios/"+id+"/brief?format=odt", "", 400, `format: "odt"`, "html, md, pdf")
		if b.Code != "argument" {
			t.Fatalf("code %s", b.Code)
		}
	})
}

// A forecast's answer carries every actor's position in every round kept,
// so the memory estimate counts it: 10,000 rounds of bdm on 200 actors ×
// 10 issues (4.9 GB, 68 s and a 468 MB answer when it was admitted) is
// refused under --max-memory 5e7, naming rounds, inline and as a job; 50
// rounds fit.
func TestForecastTraceAdmission(t *testing.T) {
	e := newEnv(t, httpapi.Options{MaxMemory: 5e7, MaxWork: 1e9})
	var v view
	e.want(e.do("POST", "/api/scenarios", string(generated(t, 200, 10))), 201).json(t, &v)
	p := "/api/scenarios/" + v.ID
	// bdm: A²·I·20 bytes of working set, A·I·(rounds + 1) positions of
	// 330 bytes.
	mib := func(rounds float64) string {
		return ask.BytesText(200*200*10*20+200*10*(rounds+1)*330) + " of memory"
	}
	hinRefused(t, e, "POST", p+"/forecast", `{"rounds":10000,"models":["bdm"]}`, 413, mib(10000), "rounds", "--max-memory")
	hinRefused(t, e, "POST", p+"/runs", `{"kind":"forecast","rounds":10000,"models":["bdm"]}`, 413, mib(10000), "rounds", "--max-memory")
	hinRefused(t, e, "POST", p+"/forecast", `{"max_rounds":100,"models":["bdm"]}`, 413, mib(100))
	var run struct {
		Status string
		Result struct {
			Models []struct {
				Issues []struct{ Rounds []any }
			}
		}
	}
	e.want(e.do("POST", p+"/forecast", `{"rounds":50,"models":["bdm"]}`), 200).json(t, &run)
	if run.Status != "done" || len(run.Result.Models) != 1 || len(run.Result.Models[0].Issues) != 10 || len(run.Result.Models[0].Issues[0].Rounds) != 51 {
		t.Fatalf("50 rounds of bdm: %+v", run.Status)
	}
}

// TestSensitivityJobBudget: a sensitivity job is admitted on its own
// estimate (ask.Estimate of an ask.SensitivityRequest: its sweep, and a
// run of the model at each end of each of the 2·A·I + A ranged inputs),
// not its sweep's: under a job limit between the two it is a 413 naming
// the sensitivity's figure; at that figure it starts.
func TestSensitivityJobBudget(t *testing.T) {
	req := answer.NewSensitivityRequest()
	req.Models, req.Draws = []string{"compromise"}, 50
	sw := builtinCost(t, req)
	se := builtinCost(t, ask.SensitivityRequest{SweepRequest: req})
	f := builtinCost(t, answer.ForecastRequest{Target: req.Target, Run: req.Run})
	// compromise: A·I steps a run; the built-in case: 10 actors, 7 issues.
	if a, i := 10.0, 7.0; f.Work != a*i || sw.Work != 50*a*i || se.Work != sw.Work+2*(2*a*i+a)*f.Work {
		t.Fatalf("forecast %v, sweep %v, sensitivity %v steps; want 70, 3500 and 3500 + 2·150·70", f.Work, sw.Work, se.Work)
	}
	body := `{"kind":"sensitivity","models":["compromise"],"draws":50}`
	// The budget counts each model's steps at its measured time
	// (ask.Cost.Priced): compromise's 260 ns a step.
	if math.Abs(se.Priced()-se.Work*260.0/50) > 1e-9*se.Priced() {
		t.Fatalf("sensitivity priced at %v steps of 50 ns, want %v × 260/50", se.Priced(), se.Work)
	}
	limit := (sw.Priced() + se.Priced()) / 2
	e := newEnv(t, httpapi.Options{MaxJobWork: limit})
	id := createBuiltin(e)
	hinRefused(t, e, "POST", "/api/scenarios/"+id+"/runs", body, 413,
		fmt.Sprintf("sensitivity is estimated at %.3g steps of 50 ns", se.Priced()), fmt.Sprintf("limit of %.3g steps of 50 ns", limit), "--max-job-work")
	e2 := newEnv(t, httpapi.Options{MaxJobWork: se.Priced()})
	id = createBuiltin(e2)
	e2.want(e2.do("POST", "/api/scenarios/"+id+"/runs", body), 202)
}
