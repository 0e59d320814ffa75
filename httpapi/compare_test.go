package httpapi_test

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
	"parley/store"
)

// compareYAML is the scenario whose forecasts ask/testdata/compare.yaml
// works out by hand.
func compareYAML(t *testing.T) string {
	b, err := os.ReadFile("../ask/testdata/compare.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// POST …/compare answers within the request with the hand-derived
// changes, and a job of kind compare gives the same answer.
func TestCompareInlineAndJob(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(compareYAML(t))
	p := "/api/scenarios/" + v.ID
	var inline, job run
	e.want(e.do("POST", p+"/compare", `{"over":"snapshots","models":["compromise"]}`), 200).json(t, &inline)
	var a answer.Comparison
	if err := json.Unmarshal(inline.Result, &a); err != nil {
		t.Fatal(err)
	}
	// 50 → 35 → 40: changes −15 and −10 against the base.
	want := []float64{math.NaN(), -15, -10}
	cells := a.Models[0].Issues[0].Cells
	if len(cells) != 3 || inline.Kind != store.Compare || inline.Model != "compromise" {
		t.Fatalf("%+v\n%s", inline.Run, inline.Result)
	}
	for j, w := range want {
		switch c := cells[j].Change; {
		case j == 0 && c != nil, j > 0 && (c == nil || math.Abs(*c-w) > 1e-9):
			t.Errorf("column %d: change %v, want %v", j, c, w)
		}
	}
	e.want(e.do("POST", p+"/runs", `{"kind":"compare","over":"snapshots","models":["compromise"]}`), 202).json(t, &job)
	e.events(job.ID)
	e.want(e.do("GET", "/api/runs/"+job.ID, ""), 200).json(t, &job)
	if job.Status != store.Done || string(job.Result) != string(inline.Result) || string(job.Options) != string(inline.Options) || job.InputHash != inline.InputHash {
		t.Errorf("the job differs from the run within the request:\n%+v\n%+v", job.Run, inline.Run)
	}
}

// A name that is not valid is refused at once, naming its field, within
// the request and as a job alike.
func TestCompareRefusesBadNames(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(compareYAML(t))
	p := "/api/scenarios/" + v.ID
	for _, c := range []struct{ body, want string }{
		{`{"variants":["a-cares","nope"]}`, `variants[1]: variant "nope": no such variant; valid: a-cares, b-leaves, c-firm (or a variant's name)`},
		{`{"over":"snapshots","snapshots":["2025-01-15"]}`, `snapshots[0]: "2025-01-15" is not a snapshot of the scenario`},
		{`{"over":"issues"}`, `over: "issues"; valid: "variants" or "snapshots"`},
	} {
		for _, path := range []string{"/compare", "/runs"} {
			body := c.body
			if path == "/runs" {
				body = `{"kind":"compare",` + body[1:]
			}
			var b errBody
			e.want(e.do("POST", p+path, body), 400).json(t, &b)
			if !strings.Contains(b.Error, c.want) {
				t.Errorf("%s %s: %q, want %q", path, body, b.Error, c.want)
			}
		}
	}
}

// A comparison reads every column's scenario: after an edit to a variant
// that is not the target's case, a forecast of the target re-runs as the
// same computation, and the comparison is refused as another.
func TestCompareRerunCoversEveryColumn(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	src := compareYAML(t)
	v := e.create(src)
	p := "/api/scenarios/" + v.ID
	var cmp, fc run
	e.want(e.do("POST", p+"/compare", `{"models":["compromise"]}`), 200).json(t, &cmp)
	e.want(e.do("POST", p+"/forecast", `{"models":["compromise"]}`), 200).json(t, &fc)
	var same run
	e.want(e.do("POST", "/api/runs/"+cmp.ID+"/rerun", ""), 200).json(t, &same)
	if same.SameResult == nil || !*same.SameResult {
		t.Fatalf("an unchanged comparison re-runs differently: %+v", same)
	}
	edited := strings.Replace(src, "{actor: c, issue: x, position: 80, assumed: test}", "{actor: c, issue: x, position: 90, assumed: test}", 1)
	if edited == src {
		t.Fatal("the edit did not apply")
	}
	e.want(e.do("PUT", p, edited, "If-Match", `"1"`), 200)
	e.want(e.do("POST", "/api/runs/"+fc.ID+"/rerun", ""), 200)
	var b errBody
	e.want(e.do("POST", "/api/runs/"+cmp.ID+"/rerun", ""), 409).json(t, &b)
	if !strings.Contains(b.Error, "input hash differs") {
		t.Errorf("%+v", b)
	}
}

// The work a comparison is admitted by is its columns' forecasts': with
// a budget between one forecast's and the comparison's, the forecast runs
// and the comparison is refused (413), naming the job's limit instead.
func TestCompareCostsItsColumns(t *testing.T) {
	src := compareYAML(t)
	in, err := ask.Load("compare.yaml", []byte(src), ask.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewCompareRequest()
	one, err := ask.Estimate(c, answer.NewForecastRequest())
	if err != nil {
		t.Fatal(err)
	}
	all, err := ask.Estimate(c, req)
	if err != nil {
		t.Fatal(err)
	}
	if all.Work < 3*one.Work {
		t.Fatalf("a comparison of four columns is estimated at %v, one forecast at %v", all.Work, one.Work)
	}
	e := newEnv(t, httpapi.Options{MaxWork: (one.Priced() + all.Priced()) / 2})
	v := e.create(src)
	p := "/api/scenarios/" + v.ID
	e.want(e.do("POST", p+"/forecast", `{}`), 200)
	var b errBody
	e.want(e.do("POST", p+"/compare", `{}`), 413).json(t, &b)
	if !strings.Contains(b.Error, "this compare is estimated at") || !strings.Contains(b.Error, `"kind": "compare"`) {
		t.Errorf("%+v", b)
	}
}

// POST …/compare and …/backtest at a date between recorded states (the
// base of 2025-01-01 and the snapshot of 2025-02-01) say, per column and
// for the backtest, which recorded state they read, in the words of a
// forecast's header.
func TestCompareBacktestSayTheRecordedState(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(compareYAML(t))
	p := "/api/scenarios/" + v.ID
	between := "as of 2025-02-15: the state recorded on 2025-02-01, the latest at or before it"
	var r run
	e.want(e.do("POST", p+"/compare", `{"snapshot":"2025-02-15","variants":["a-cares"],"models":["compromise"]}`), 200).json(t, &r)
	var a answer.Comparison
	if err := json.Unmarshal(r.Result, &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Columns) != 2 {
		t.Fatalf("columns %+v, want no variant and a-cares", a.Columns)
	}
	for j, c := range a.Columns {
		if c.AsOf != "2025-02-15" || c.RecordedOn != "2025-02-01" || c.AsOfText != between {
			t.Errorf("column %d: %+v", j, c)
		}
	}
	e.want(e.do("POST", p+"/backtest", `{"snapshot":"2025-02-15","models":["compromise"]}`), 200).json(t, &r)
	var b answer.Backtest
	if err := json.Unmarshal(r.Result, &b); err != nil {
		t.Fatal(err)
	}
	if b.AsOf != "2025-02-15" || b.RecordedOn != "2025-02-01" || b.AsOfText != between {
		t.Errorf("backtest: as_of %q, recorded_on %q, as_of_text %q", b.AsOf, b.RecordedOn, b.AsOfText)
	}
}

// A backtest's request names its snapshot "from", as the CLI's --from
// does, or "snapshot", as every other request does: both give the same
// answer, which echoes "snapshot"; both at once, differing, are refused
// naming "from" (show26: {"from":"base"} had been an unknown field).
func TestBacktestFromField(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID + "/backtest"
	var r run
	e.want(e.do("POST", p, `{"from":"2025-02-15","models":["compromise"]}`), 200).json(t, &r)
	var b answer.Backtest
	if err := json.Unmarshal(r.Result, &b); err != nil {
		t.Fatal(err)
	}
	if b.Request.Snapshot != "2025-02-15" || b.Request.From != "" || b.RecordedOn != "2025-02-01" {
		t.Errorf("from: request %+v, recorded_on %q", b.Request, b.RecordedOn)
	}
	resp := e.want(e.do("POST", p, `{"from":"latest","snapshot":"2025-02-15","models":["compromise"]}`), 400)
	if !strings.Contains(string(resp.body), `from and snapshot are one setting, given twice`) {
		t.Errorf("both: %s", resp.body)
	}
}
