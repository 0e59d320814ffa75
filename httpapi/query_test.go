package httpapi_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"parley/httpapi"
)

// A query parameter the route does not read is refused (400 argument),
// naming it, the route and the parameters the route reads, as the
// OpenAPI document lists them: a misspelt ?snapshots= had been answered
// as if it had not been sent (the latest snapshot). Every route is
// checked, writes before they read or change anything.
func TestUnknownQueryParameterRefused(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name, In string }
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, r := range e.api.Routes() {
		var valid []string
		for _, p := range doc.Paths[r.Pattern][strings.ToLower(r.Method)].Parameters {
			if p.In == "query" {
				valid = append(valid, p.Name)
			}
		}
		want := "valid: none"
		if len(valid) > 0 {
			want = "valid: " + strings.Join(valid, ", ")
		}
		path := strings.NewReplacer("{id}", v.ID, "{run}", "r", "{actor}", "x", "{issue}", "a").Replace(r.Pattern)
		refused(t, r.Method+" "+r.Pattern, e.do(r.Method, path+"?snapshots=2025-01-01", ""), 400, "argument",
			`query parameter "snapshots"`, r.Method+" "+r.Pattern+" does not read it", want)
	}
	// Still there, unchanged.
	var got view
	e.want(e.do("GET", "/api/scenarios/"+v.ID, ""), 200).json(t, &got)
	if got.Version != 1 {
		t.Errorf("after the refused writes the scenario is at version %d, want 1", got.Version)
	}
	// The parameters a route reads pass: ?version= on a stance edit, as
	// its error messages offer it.
	e.want(e.do("PATCH", "/api/scenarios/"+v.ID+"/stances/x/a?version=1", `{"position":26}`), 200)
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export?format=json&to=&issue=&snapshot=&variant=", ""), 200)
}

// An unknown field of a request body is refused naming it and the
// fields that are valid there; one inside a nested object names it and
// where its valid fields are listed.
func TestUnknownFieldNamesTheValidOnes(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID
	for _, c := range []struct{ path, body, want string }{
		{"/forecast", `{"modles":["bdm"]}`, `unknown field "modles"; valid: snapshot, variant, models, params, rounds, max_rounds, seed`},
		{"/runs", `{"kind":"sweep","package":{}}`, `unknown field "package"; valid: kind, snapshot, variant, models, params, rounds, max_rounds, seed, draws, uniform`},
		{"/stances/x/a", `{"version":1,"positon":2}`, `unknown field "positon"; valid: version, snapshot, position, salience, range, evidence, assumed, note`},
		{"/ingest", `{"documents":[{"name":"a.txt","text":"x","txt":"y"}]}`, `unknown field "txt" in an object inside it; valid: the fields its schema in /api/openapi.json lists`},
	} {
		method := "POST"
		if strings.HasPrefix(c.path, "/stances") {
			method = "PATCH"
		}
		refused(t, c.path+" "+c.body, e.do(method, p+c.path, c.body), 400, "argument", c.want)
	}
}
