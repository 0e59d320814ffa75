package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"parley/httpapi"
)

// A refusal of a request's field names the field in the error body's
// field member, by its JSON name, set where the refusal is made (ask's
// checks, the body's decoding), not read back from the message: the page
// tells a refused ρ from any other refusal by it. A refusal of no one
// field has none.
func TestErrorBodyNamesField(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	runs := "/api/scenarios/" + v.ID + "/runs"
	for _, c := range []struct {
		path, body, field, says string
	}{
		{runs, `{"kind":"deal","rho":20}`, "rho", "rho 20: valid: a number > 0 and ≤ 10"},
		{runs, `{"kind":"deal-proposals","rho":-1}`, "rho", "rho -1: valid"},
		{runs, `{"kind":"sweep","draws":0}`, "draws", "draws 0: valid: a whole number from 1"},
		{runs, `{"kind":"sensitivity","draws":2}`, "draws", "draws 2: valid"},
		{runs, `{"kind":"forecast","models":["nope"]}`, "models", `unknown model "nope"`},
		{runs, `{"kind":"sweep","models":["median","median"]}`, "models", "named twice"},
		{runs, `{"kind":"explain","model":"nope"}`, "model", `unknown model "nope"`},
		{runs, `{"kind":"advise","actor":"x","model":"nope"}`, "model", `unknown model "nope"`},
		{runs, `{"kind":"deal","batna":"status-quo"}`, "batna", `batna "status-quo": valid`},
		{runs, `{"kind":"deal","rest":"model:nope"}`, "rest", `unknown model "nope"`},
		{runs, `{"kind":"deal-search","samples":5000}`, "samples", "samples 5000: valid"},
		{runs, `{"kind":"deal","robust":{"draws":-1}}`, "robust.draws", "robust draws -1: valid"},
		{runs, `{"kind":"forecast","params":{"nope":"1"}}`, "params", `no model setting "nope"`},
		{runs, `{"kind":"backtest","to":"soon"}`, "to", `to "soon": valid`},
		{"/api/scenarios/" + v.ID + "/forecast", `{"models":["nope"]}`, "models", `unknown model "nope"`},
		{"/api/scenarios/" + v.ID + "/forecast", `{"rounds":-1}`, "rounds", "rounds -1: valid"},
		{"/api/scenarios/" + v.ID + "/forecast", `{"seed":-1}`, "seed", "seed -1: valid"},
		{"/api/scenarios/" + v.ID + "/forecast", `{"seed":"one"}`, "seed", "seed: a string; give a number"},
		{"/api/scenarios/" + v.ID + "/forecast", `{"modles":["x"]}`, "modles", `unknown field "modles"`},
		{runs, `{"kind":"nope"}`, "kind", `kind "nope": no such kind of run`},
		{runs, `{"kind":"power","quota":2,"weights":[1,null]}`, "weights[1]", "weights[1]: null"},
		{runs, `{"kind":"power","quota":2,"weights":[1,1],"names":["p",""]}`, "names[1]", "weight 2 has an empty name"},
		{runs, `{"kind":"power","quota":2,"weights":[1,1],"names":["p","p"]}`, "names[1]", "voter p named twice"},
		{runs, `{"kind":"power","quota":2,"weights":[1,-2]}`, "weights[1]", "weight 2 is -2; valid"},
		{runs, `{"kind":"power","quota":2,"weights":[1,-2],"names":["p","q"]}`, "weights[1]", "the weight of q is -2; valid"},
		{runs, `{"kind":"power","quota":3,"weights":[1,1]}`, "quota", "quota 3 is more than all the weight (2)"},
		{"/api/scenarios/" + v.ID + "/deal/evaluate", `{"package":{"a":50},"rest":"reference"}`, "rest", "rest reference: the package leaves out issues [b]"},
		{"/api/scenarios/" + v.ID + "/deal/evaluate", `{"package":{"a":50,"b":50},"batna":"reference"}`, "batna", "batna reference: issues [a b] have no reference"},
	} {
		r := e.do("POST", c.path, c.body)
		var b struct {
			Error string `json:"error"`
			Code  string `json:"code"`
			Field string `json:"field"`
		}
		r.json(t, &b)
		if r.code != 400 || b.Code != "argument" || b.Field != c.field || !strings.Contains(b.Error, c.says) {
			t.Errorf("%s %s: %d %+v, want 400 argument with field %q saying %q", c.path, c.body, r.code, b, c.field, c.says)
		}
	}
	// Refusals of no one field: the member is left out.
	for _, c := range []struct{ method, path, body string }{
		{"POST", "/api/scenarios/nope/forecast", `{}`},
		{"POST", "/api/scenarios/" + v.ID + "/forecast", `[1]`},
	} {
		r := e.do(c.method, c.path, c.body)
		var raw map[string]json.RawMessage
		r.json(t, &raw)
		if _, ok := raw["field"]; ok || r.code/100 != 4 {
			t.Errorf("%s %s %s: %d %s, want a 4xx without field", c.method, c.path, c.body, r.code, raw)
		}
	}
}
