package httpapi_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"parley/httpapi"
)

// TestSensitivityZeroEndJob: a sensitivity job on a valid file whose
// one swing end leaves an issue no weight (ask/testdata/zero-end.yaml:
// north's salience on timeline, the only stance weighing it, ranged from
// 0) succeeds, where it failed with the model's refusal at that end.
// The swing's low end is null with the model's reason, its high end by
// hand with compromise 5040/78 on budget (the capability × salience
// weighted mean, north's salience on timeline moving nothing), and the
// answer warns of it. The brief of the same file builds and gives the
// warning.
func TestSensitivityZeroEndJob(t *testing.T) {
	b, err := os.ReadFile("../ask/testdata/zero-end.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{})
	v := e.create(string(b))
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"sensitivity","models":["compromise"],"draws":200}`), 202).json(t, &r)
	e.events(r.ID)
	e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
	if r.Status != "done" {
		t.Fatalf("run %s: %s", r.Status, r.Error)
	}
	var res struct {
		Models []struct {
			FailedEnds int      `json:"failed_ends"`
			Warnings   []string `json:"warnings"`
			Issues     []struct {
				Issue  string           `json:"issue"`
				Swings []map[string]any `json:"swings"`
			} `json:"issues"`
		} `json:"models"`
	}
	if err := json.Unmarshal(r.Result, &res); err != nil {
		t.Fatal(err)
	}
	m := res.Models[0]
	const warning = "North's salience on Timeline: no forecast at 0.00, the low end of its range: the model refused that problem (issue timeline: no actor has a stance with salience > 0, so no model can weigh it); its swing on every issue is measured from the stated value to the high end alone"
	if m.FailedEnds != 1 || len(m.Warnings) != 1 || m.Warnings[0] != warning {
		t.Errorf("failed ends %d, warnings %q; want 1, [%q]", m.FailedEnds, m.Warnings, warning)
	}
	sw := m.Issues[0].Swings[1]
	high, _ := sw["forecast_at_high"].(float64)
	if low, ok := sw["forecast_at_low"]; m.Issues[0].Issue != "budget" || !ok || low != nil || !near(high, 5040.0/78) ||
		sw["failed_at_low"] != "issue timeline: no actor has a stance with salience > 0, so no model can weigh it" {
		t.Errorf("%s's second swing %v; want forecast_at_low null, failed_at_low the reason, forecast_at_high 5040/78", m.Issues[0].Issue, sw)
	}
	brief := e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=md", ""), 200)
	if want := "Warning (compromise, what moves it most): " + warning; !strings.Contains(string(brief.body), want) {
		t.Errorf("the brief has not %q:\n%s", want, brief.body)
	}
}
