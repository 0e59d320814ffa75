package httpapi_test

import (
	"encoding/json"
	"strconv"
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
		{runs, `{"kind":"backtest","to":"soon"}`, "to", `to "soon" is not a date; write it as YYYY-MM-DD`},
		{runs, `{"kind":"forecast","snapshot":"soon"}`, "snapshot", `snapshot "soon" is not a date`},
		{runs, `{"kind":"forecast","variant":"nope"}`, "variant", `variant "nope": no such variant`},
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

// A refusal of a query parameter names it in field as "query." and its
// name, told so from a body field of the same name (ingest apply's
// ?date= and its review's date), whether the server refuses it or ask
// or the scenario does (an unknown ?snapshot=, ?to=, ?issue=), and still
// says what would be valid. A parameter the route does not read is
// named too, as an unknown body field is.
func TestQueryRefusalsNameParameter(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	id := "/api/scenarios/" + v.ID
	ver := strconv.FormatInt(v.Version, 10)
	review := `{"scenario":"small","date":"2025-03-03","entries":[]}`
	for _, c := range []struct {
		method, path, body, field, says string
	}{
		{"POST", "/api/scenarios?strict=yes", small(t), "query.strict", `strict: "yes"; valid: true (warnings are errors) or false (the default)`},
		{"POST", "/api/scenarios?as=toml", small(t), "query.as", `as: "toml"; valid: yaml or json`},
		{"POST", "/api/scenarios/import?format=nope", small(t), "query.format", `unknown format "nope"; valid: `},
		{"POST", "/api/scenarios/import?strict=1", small(t), "query.strict", `strict: "1"; valid: true`},
		{"PUT", id + "?version=" + ver + "&strict=on", small(t), "query.strict", `strict: "on"; valid: true`},
		{"PUT", id + "/document?version=" + ver + "&strict=on", `{}`, "query.strict", `strict: "on"; valid: true`},
		{"DELETE", id + "?version=two", "", "query.version", `version: "two" is not a version; valid: a whole number ≥ 1`},
		{"GET", id + "/export?format=toml", "", "query.format", `format: "toml"; valid: yaml or json (or to=FORMAT: `},
		{"GET", id + "/export?format=yaml&to=ktab-csv", "", "query.format", `valid: one of them`},
		{"GET", id + "/export?to=nope", "", "query.to", `export: unknown format "nope"; valid: `},
		{"GET", id + "/export?to=bdm-csv&issue=c", "", "query.issue", `no issue "c"; valid: a, b`},
		{"GET", id + "/export?to=bdm-csv", "", "query.issue", `name the one to export: issue (valid: a, b)`},
		{"GET", id + "/export?to=ktab-csv&snapshot=soon", "", "query.snapshot", `snapshot "soon" is not a date (YYYY-MM-DD); valid: a date on or after 2025-01-01, base or latest (snapshots: 2025-02-01)`},
		{"GET", id + "/export?to=ktab-csv&variant=strng-z", "", "query.variant", `variant "strng-z": no such variant (did you mean "strong-z"?); valid: strong-z`},
		{"GET", id + "/brief?format=doc", "", "query.format", `format: "doc"; valid: html, md, pdf`},
		{"GET", id + "/brief?snapshot=1999-01-01", "", "query.snapshot", "snapshot 1999-01-01 is before the scenario's as_of 2025-01-01; valid: a date on or after 2025-01-01, base or latest (snapshots: 2025-02-01)"},
		{"GET", id + "/brief?variant=nope", "", "query.variant", `variant "nope": no such variant; valid: strong-z`},
		{"GET", id + "/resolved?snapshot=soon", "", "query.snapshot", `snapshot "soon" is not a date`},
		{"GET", id + "/resolved?variant=nope", "", "query.variant", `variant "nope": no such variant`},
		{"GET", id + "/resolved?snapshots=base", "", "query.snapshots", `query parameter "snapshots": GET /api/scenarios/{id}/resolved does not read it; valid: snapshot, variant`},
		{"POST", id + "/ingest/apply?version=" + ver + "&date=soon", review, "query.date", `date "soon": not a date; valid: YYYY-MM-DD`},
		{"POST", id + "/ingest/apply?version=" + ver + "&date=1999-01-01", review, "query.date", "date 1999-01-01: before the scenario's as_of 2025-01-01; valid: a later date"},
		// the review's own date is a body field
		{"POST", id + "/ingest/apply?version=" + ver, strings.Replace(review, "2025-03-03", "soon", 1), "date", `date "soon": not a date; valid`},
	} {
		r := e.do(c.method, c.path, c.body)
		var b struct {
			Error string `json:"error"`
			Code  string `json:"code"`
			Field string `json:"field"`
		}
		r.json(t, &b)
		if r.code != 400 || b.Code != "argument" || b.Field != c.field || !strings.Contains(b.Error, c.says) {
			t.Errorf("%s %s: %d %+v, want 400 argument with field %q saying %q", c.method, c.path, r.code, b, c.field, c.says)
		}
	}
}
