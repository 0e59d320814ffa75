package httpapi_test

import (
	"encoding/json"
	"os"
	"testing"

	"parley/answer"
	"parley/httpapi"
)

// A sensitivity job's JSON says at x, which no ranged input touches in
// a model that reads each issue alone (ask/testdata/noted.yaml: c, whose
// capability alone has a range, takes no part in x), that it is fixed,
// in the sweep's words, for bdm as for compromise; y, which c's
// capability moves, is not.
func TestSensitivityJobSaysFixed(t *testing.T) {
	b, err := os.ReadFile("../ask/testdata/noted.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{})
	v := e.create(string(b))
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"sensitivity","models":["compromise","bdm"],"draws":200}`), 202).json(t, &r)
	e.events(r.ID)
	e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
	var res answer.Sensitivity
	if err := json.Unmarshal(r.Result, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Models) != 2 {
		t.Fatalf("%d models, want 2: %s", len(res.Models), r.Result)
	}
	for _, m := range res.Models {
		x, y := m.Issues[0], m.Issues[1]
		want := "nothing that moves " + m.Model + "'s forecast of this issue has a range (its positions and saliences and the capabilities of the actors in it): every swing is 0, a point, not a certainty"
		if !x.Fixed || x.FixedText != want {
			t.Errorf("%s, x: fixed %v, fixed_text %q; want %q", m.Model, x.Fixed, x.FixedText, want)
		}
		if y.Fixed || y.FixedText != "" {
			t.Errorf("%s, y: fixed %v, fixed_text %q; want neither", m.Model, y.Fixed, y.FixedText)
		}
	}
}
