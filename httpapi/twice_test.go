package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// A field given twice in a request body is refused, as the CLI refuses
// -p fare=10,fare=20 and a scenario file a key given twice: encoding/json
// would keep the last value and run what nobody may have meant (api24).
// Every route that decodes a body is in the table, the field named by
// its path at any depth, in any case that names the same field.
func TestBodyFieldGivenTwice(t *testing.T) {
	e, p := wage(t)
	for _, c := range []struct {
		method, path, body, field, also string
	}{
		{"PATCH", p + "/stances/union/wage", `{"version":1,"position":5,"position":6}`, "position", ""},
		{"POST", p + "/forecast", `{"models":["compromise"],"models":["median"]}`, "models", ""},
		{"POST", p + "/forecast", `{"models":["compromise"],"Models":["median"]}`, "Models", "models"},
		{"POST", p + "/forecast", `{"params":{"smp-vote":"a","smp-vote":"b"}}`, "params.smp-vote", ""},
		{"POST", p + "/compare", `{"seed":1,"seed":2}`, "seed", ""},
		{"POST", p + "/backtest", `{"seed":1,"seed":2}`, "seed", ""},
		{"POST", p + "/deal/evaluate", `{"package":{"wage":1,"wage":4}}`, "package.wage", ""},
		{"POST", p + "/deal/evaluate", `{"package":{"wage":5},"robust":{"on":true,"on":false}}`, "robust.on", ""},
		{"POST", p + "/deal/search", `{"fix":{"wage":1,"wage":2}}`, "fix.wage", ""},
		{"POST", p + "/deal/proposals", `{"rho":0.5,"rho":1}`, "rho", ""},
		{"POST", p + "/explain", `{"seed":1,"seed":2}`, "seed", ""},
		{"POST", p + "/advise", `{"actor":"union","actor":"port"}`, "actor", ""},
		{"POST", p + "/power", `{"quota":2,"weights":[1,1,1,1],"seed":1,"seed":2}`, "seed", ""},
		{"POST", p + "/runs", `{"kind":"sweep","draws":10,"draws":20}`, "draws", ""},
		{"POST", p + "/runs", `{"kind":"forecast","kind":"sweep"}`, "kind", ""},
		{"POST", p + "/ingest", `{"documents":[{"name":"a","text":"x"},{"name":"b","name":"c","text":"y"}]}`, "documents[1].name", ""},
		{"POST", p + "/ingest/review", `{"limit":1,"documents":[{"name":"a","text":"x"}],"limit":2}`, "limit", ""},
		{"POST", p + "/ingest/apply?version=1", `{"scenario":"wage","date":"2026-04-01","entries":[],"scenario":"x"}`, "scenario", ""},
	} {
		r := e.do(c.method, c.path, c.body)
		var got struct {
			Error string `json:"error"`
			Code  string `json:"code"`
			Field string `json:"field"`
		}
		r.json(t, &got)
		want := `request body: field "` + c.field + `" given twice`
		if c.also != "" {
			want += ` (also as "` + c.also + `": names of fields match in any case)`
		}
		want += "; valid: each field once"
		if r.code != 400 || got.Code != "argument" || got.Field != c.field || got.Error != want {
			t.Errorf("%s %s %s:\n got %d %+v\nwant 400 argument, field %q, %q", c.method, c.path, c.body, r.code, got, c.field, want)
		}
	}
	// A value sent twice under names that differ is no field given
	// twice: a package of two issues, and keys of a map differing in
	// case (issue ids are matched exactly).
	r := e.do("POST", p+"/deal/evaluate", `{"package":{"wage":5,"hours":50}}`)
	if r.code != 200 {
		t.Errorf("a package of two issues: %d %s", r.code, r.body)
	}
}

// The scenario routes read their bodies as scenario files, which refuse
// a field given twice as the CLI does, naming its line.
func TestScenarioBodyFieldGivenTwice(t *testing.T) {
	e, p := wage(t)
	doc := strings.Replace(string(mustJSON(t, small(t))), `"metadata": {`, `"metadata": {"id": "a",`, 1)
	for _, c := range []struct{ method, path, body string }{
		{"POST", "/api/scenarios", doc},
		{"POST", "/api/scenarios/import?filename=x.json", doc},
		{"PUT", p + "?version=1", doc},
		{"PUT", p + "/document?version=1", doc},
	} {
		r := e.do(c.method, c.path, c.body)
		var got map[string]json.RawMessage
		r.json(t, &got)
		if r.code/100 != 4 || !strings.Contains(string(r.body), `field \"id\" given twice`) {
			t.Errorf("%s %s: %d %s, want a 4xx saying the id is given twice", c.method, c.path, r.code, r.body)
		}
	}
}
