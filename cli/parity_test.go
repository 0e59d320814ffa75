package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
	"parley/scenarios"
	"parley/store/bolt"
)

// The parity test: the same question asked at both doors — the command
// line with --format json, and the HTTP API — gets the same answer, the
// defaults included. Both answers are decoded and compared whole, except
// scenario.source and scenario.format, which say where the input came
// from (a file, or the server's stored copy of it) and so differ by door.

// parityInput is one input file, read by the CLI from disk and uploaded
// to the server through its import endpoint.
type parityInput struct {
	name string // for test names
	file string // "" for the built-in case
	// issue is an issue id of the file and value a point of its scale,
	// for the deal package.
	issue string
	value float64
	// actor is an actor id of the file, for advise.
	actor string
}

var parityInputs = []parityInput{
	{"builtin", "", "ceasefire", 50, "ukraine"},
	{"scenario", "testdata/example.yaml", "budget", 50, "a"},
	{"bdmcsv", "../model/bdm/testdata/eu_emissions_bdm1994.csv", "issue", 7, "belgium"},
	{"ktab", "../format/ktab/testdata/dummyData_3Dim.csv", "pstn1", 50, "SActor-01"},
	{"decide", "../format/decide/testdata/sample_data.txt", "tolheffing-binnenstad", 50, "PvdA"},
	// Decision rules: deal search explores their coalitions, power
	// measures them.
	{"rules", "testdata/rules.yaml", "budget", 60, "a"},
}

// parityQuestion is one question: the CLI's arguments (after the file) and
// the API's endpoint and body.
type parityQuestion struct {
	name string
	cli  []string
	// path is the endpoint below /api/scenarios/{id}/, or "runs" for a job.
	path string
	body string
}

func parityQuestions(in parityInput) []parityQuestion {
	qs := []parityQuestion{
		{"forecast defaults", []string{"forecast"}, "forecast", `{}`},
		{"sweep defaults", []string{"sweep"}, "runs", `{"kind": "sweep"}`},
		{"sensitivity", []string{"sensitivity", "-n", "200", "-m", "compromise,median"}, "runs", `{"kind": "sensitivity", "draws": 200, "models": ["compromise", "median"]}`},
		// bdm cycles in some draws and at some ends: the counts of those
		// that did not settle, and their warnings, at both doors.
		{"sensitivity bdm", []string{"sensitivity", "-n", "8", "-m", "bdm"}, "runs", `{"kind": "sensitivity", "draws": 8, "models": ["bdm"]}`},
		{"sweep bdm uniform", []string{"sweep", "-n", "150", "-m", "bdm", "--uniform", "--seed", "9"}, "runs", `{"kind": "sweep", "draws": 150, "models": ["bdm"], "uniform": true, "seed": 9}`},
		// nash's notes on its run at the stated values (parityHolds).
		{"sweep nash", []string{"sweep", "-n", "20", "-m", "nash"}, "runs", `{"kind": "sweep", "draws": 20, "models": ["nash"]}`},
		{"sensitivity nash", []string{"sensitivity", "-n", "4", "-m", "nash"}, "runs", `{"kind": "sensitivity", "draws": 4, "models": ["nash"]}`},
		{"deal search defaults", []string{"deal", "search"}, "deal/search", `{}`},
		{"deal search options", []string{"deal", "search", "--batna", "model:median", "--rho", "2", "--samples", "2", "--seed", "3"}, "deal/search", `{"batna": "model:median", "rho": 2, "samples": 2, "seed": 3}`},
		{"deal evaluate defaults", []string{"deal", "evaluate"}, "deal/evaluate", `{}`},
		{"deal proposals defaults", []string{"deal", "proposals"}, "deal/proposals", `{}`},
		{"deal proposals all snapshots", []string{"deal", "proposals", "--all-snapshots", "-m", "none", "--batna", "none"}, "deal/proposals", `{"all_snapshots": true, "models": ["none"], "batna": "none"}`},
		{"deal search robust", []string{"deal", "search", "--robust", "--draws", "30", "--seed", "4", "--frontier", "-1", "--samples", "-1"}, "deal/search", `{"robust": {"on": true, "draws": 30}, "seed": 4, "frontier": -1, "samples": -1}`},
		{"explain defaults", []string{"explain"}, "explain", `{}`},
		{"backtest", []string{"backtest", "--from", "base", "-m", "compromise,snap"}, "backtest", `{"snapshot": "base", "models": ["compromise", "snap"]}`},
		{"explain median", []string{"explain", "-m", "median"}, "explain", `{"model": "median"}`},
		{"explain nash one issue", []string{"explain", "-m", "nash", "--issue", in.issue}, "explain", fmt.Sprintf(`{"model": "nash", "issue": %q}`, in.issue)},
		{"advise defaults", []string{"advise", in.actor}, "advise", fmt.Sprintf(`{"actor": %q}`, in.actor)},
		{"advise bdm with draws", []string{"advise", in.actor, "-m", "bdm", "--draws", "3", "--issue", in.issue}, "advise",
			fmt.Sprintf(`{"actor": %q, "model": "bdm", "draws": 3, "issue": %q}`, in.actor, in.issue)},
		{"advise median with draws", []string{"advise", in.actor, "-m", "median", "--draws", "5", "--seed", "4", "--step", "0.1"}, "advise",
			fmt.Sprintf(`{"actor": %q, "model": "median", "draws": 5, "seed": 4, "step": 0.1}`, in.actor)},
		// Only the rules input states a decision rule: the others' doors
		// refuse alike.
		{"power defaults", []string{"power"}, "power", `{}`},
		// Only the built-in case and the scenario have variants and
		// snapshots; the others compare one column, with a warning.
		{"compare defaults", []string{"compare"}, "compare", `{}`},
		{"compare snapshots", []string{"compare", "--over", "snapshots", "-m", "compromise,bdm", "--seed", "3"}, "compare", `{"over": "snapshots", "models": ["compromise", "bdm"], "seed": 3}`},
		{"compare job", []string{"compare", "-m", "median", "--over", "snapshots"}, "runs", `{"kind": "compare", "models": ["median"], "over": "snapshots"}`},
		{"compare unknown variant", []string{"compare", "--variants", "nope"}, "compare", `{"variants": ["nope"]}`},
	}
	for _, m := range answer.ExplainModels {
		qs = append(qs, parityQuestion{"explain " + m + " one issue", []string{"explain", "-m", m, "--issue", in.issue}, "explain", fmt.Sprintf(`{"model": %q, "issue": %q}`, m, in.issue)})
	}
	for _, m := range ask.ModelNames() {
		qs = append(qs, parityQuestion{"forecast " + m, []string{"forecast", "-m", m}, "forecast", fmt.Sprintf(`{"models": [%q]}`, m)})
	}
	qs = append(qs,
		parityQuestion{"forecast settings", []string{"forecast", "-m", "exchange,smp", "--exchange-p", "0.3", "--smp-vote", "Binary", "--seed", "5", "--max-rounds", "20"}, "forecast",
			`{"models": ["exchange", "smp"], "params": {"exchange-p": "0.3", "smp-vote": "Binary"}, "seed": 5, "max_rounds": 20}`},
		parityQuestion{"forecast all", []string{"forecast", "-m", "all", "--rounds", "3"}, "forecast", `{"models": ["all"], "rounds": 3}`},
	)
	qs = append(qs, parityQuestion{"deal evaluate package", []string{"deal", "evaluate", "-p", fmt.Sprintf("%s=%v", in.issue, in.value), "--rest", "model:compromise", "-m", "compromise,bdm"}, "deal/evaluate",
		fmt.Sprintf(`{"package": {%q: %v}, "rest": "model:compromise", "models": ["compromise", "bdm"]}`, in.issue, in.value)})
	return qs
}

// parityHolds is, for a question that is there to check one part of the
// answer, a string its answer must hold (the doors' answers being
// equal, the command line's is checked): nash notes something of every
// input (a status quo that decided an issue, or none stated), and a
// sweep and a sensitivity analysis carry those notes.
var parityHolds = map[string]string{"sweep nash": `"notes"`, "sensitivity nash": `"notes"`}

// apiServer is the API over a store in a temporary file, closed when t
// ends.
func apiServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	st, err := bolt.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	api, err := httpapi.New(ctx, httpapi.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(api.Close)
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)
	return srv
}

func TestParityCLIAndAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("the parity test runs every question at both doors; skipped in -short")
	}
	srv := apiServer(t)
	for _, in := range parityInputs {
		t.Run(in.name, func(t *testing.T) {
			id := upload(t, srv.URL, in)
			for _, q := range parityQuestions(in) {
				t.Run(q.name, func(t *testing.T) {
					args := append([]string(nil), q.cli...)
					if in.file != "" {
						args = append(args, in.file)
					}
					args = append(args, "--format", "json", "-q")
					out, stderr, code := run(t, args...)
					status, body := askAPI(t, srv.URL, id, q)
					if code != 0 || status != http.StatusOK {
						// Both doors refuse the question, with the same words.
						var e struct{ Error string }
						json.Unmarshal(body, &e)
						if code == 0 || status < 400 || status >= 500 || !strings.Contains(stderr, e.Error) || e.Error == "" {
							t.Fatalf("CLI exit %d (%s), API %d (%s)", code, stderr, status, body)
						}
						t.Logf("both doors refuse: %s", e.Error)
						return
					}
					var a, b any
					if err := json.Unmarshal([]byte(out), &a); err != nil {
						t.Fatalf("CLI output: %v\n%s", err, out)
					}
					if err := json.Unmarshal(body, &b); err != nil {
						t.Fatalf("API result: %v\n%s", err, body)
					}
					for door, doc := range map[string]any{"command line": a, "API": b} {
						sc, ok := doc.(map[string]any)["scenario"].(map[string]any)
						if !ok {
							t.Fatalf("the %s's answer has no scenario:\n%.400s", door, out)
						}
						delete(sc, "source")
						delete(sc, "format")
					}
					if !reflect.DeepEqual(a, b) {
						t.Errorf("the doors differ:\n%s", firstDifference(a, b, ""))
					}
					if h := parityHolds[q.name]; !strings.Contains(out, h) {
						t.Errorf("the answer lacks %s:\n%.400s", h, out)
					}
				})
			}
		})
	}
}

// upload stores the input on the server and returns its id.
func upload(t *testing.T, base string, in parityInput) string {
	t.Helper()
	var data []byte
	name := in.file
	if in.file == "" {
		n, d := scenarios.Default()
		name, data = n, d
	} else {
		var err error
		if data, err = os.ReadFile(in.file); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := http.Post(base+"/api/scenarios/import?filename="+filepath.Base(name), "application/octet-stream", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v struct{ ID string }
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusCreated || json.Unmarshal(b, &v) != nil || v.ID == "" {
		t.Fatalf("import %s: %d %s", name, resp.StatusCode, b)
	}
	return v.ID
}

// askAPI asks the question and returns the status and the answer (a run's
// result) or the error body. A job is followed until it ends.
func askAPI(t *testing.T, base, id string, q parityQuestion) (int, []byte) {
	t.Helper()
	resp, err := http.Post(base+"/api/scenarios/"+id+"/"+q.path, "application/json", strings.NewReader(q.body))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		return resp.StatusCode, b
	}
	var run struct {
		ID     string
		Status string
		Error  string
		Result json.RawMessage
	}
	if err := json.Unmarshal(b, &run); err != nil {
		t.Fatalf("%s: %v\n%s", q.path, err, b)
	}
	for i := 0; run.Status != "done" && i < 6000; i++ {
		if run.Status == "failed" || run.Status == "cancelled" {
			return http.StatusBadRequest, []byte(fmt.Sprintf(`{"error": %q}`, run.Error))
		}
		time.Sleep(10 * time.Millisecond)
		resp, err := http.Get(base + "/api/runs/" + run.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if err := json.Unmarshal(b, &run); err != nil {
			t.Fatalf("run %s: %v", run.ID, err)
		}
	}
	if run.Status != "done" {
		t.Fatalf("run %s still %s", run.ID, run.Status)
	}
	return http.StatusOK, run.Result
}

// firstDifference names the first place two decoded JSON values differ.
func firstDifference(a, b any, path string) string {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: object vs %T", path, b)
		}
		for k := range x {
			if _, ok := y[k]; !ok {
				return fmt.Sprintf("%s.%s: only at the command line", path, k)
			}
			if !reflect.DeepEqual(x[k], y[k]) {
				return firstDifference(x[k], y[k], path+"."+k)
			}
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				return fmt.Sprintf("%s.%s: only in the API", path, k)
			}
		}
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return fmt.Sprintf("%s: list of %d vs %v", path, len(x), b)
		}
		for i := range x {
			if !reflect.DeepEqual(x[i], y[i]) {
				return firstDifference(x[i], y[i], fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	return fmt.Sprintf("%s: %v (command line) vs %v (API)", path, a, b)
}
