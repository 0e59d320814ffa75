package httpapi_test

import (
	"encoding/json"
	"slices"
	"testing"

	"parley/answer"
)

// The API answers a scenario on the 0–100 salience scale as the command
// line does (ask/testdata/wage.yaml): the advice's saliences and levers
// on the file's scale, with salience_scale 100 in its scenario; nash's
// note on the union's red line its forecast crosses; and a snapshot
// before as_of refused with every valid answer.
func TestWageScenario(t *testing.T) {
	e, p := wage(t)
	var r run
	e.want(e.do("POST", p+"/advise", `{"actor":"union","issue":"hours"}`), 200).json(t, &r)
	var a answer.Advice
	if err := json.Unmarshal(r.Result, &a); err != nil {
		t.Fatal(err)
	}
	if a.Scenario.SalienceScale != 100 || len(a.Issues) != 1 || a.Issues[0].Salience != 30 {
		t.Fatalf("advice: salience_scale %v, issues %+v", a.Scenario.SalienceScale, a.Issues)
	}
	i := slices.IndexFunc(a.Issues[0].Levers, func(lv answer.Lever) bool { return lv.Kind == answer.LeverOwnSalience })
	if i < 0 || a.Issues[0].Levers[i].From != 30 || a.Issues[0].Levers[i].To != 35 {
		t.Errorf("own salience lever %+v, want 30 → 35", a.Issues[0].Levers)
	}
	e.want(e.do("POST", p+"/forecast", `{"models":["nash"]}`), 200).json(t, &r)
	var f answer.Forecast
	if err := json.Unmarshal(r.Result, &f); err != nil {
		t.Fatal(err)
	}
	if want := "2.0 crosses Dockworkers' Union's red line (it needs Wage rise at 4 or above)"; len(f.Models) != 1 || !slices.Contains(f.Models[0].Notes, want) {
		t.Errorf("forecast notes %+v, want %q", f.Models, want)
	}
	refused(t, "snapshot before as_of", e.do("POST", p+"/forecast", `{"snapshot":"2026-02-01"}`), 400, "argument",
		"snapshot 2026-02-01 is before the scenario's as_of 2026-03-01; valid: a date on or after 2026-03-01, base or latest (snapshots: 2026-04-01)")
}
