package httpapi_test

import (
	"strings"
	"testing"

	"parley/httpapi"
)

// TestNullIsNoNumber: encoding/json reads null into a number, a string
// or a bool as "leave it as it is", so a null weight was measured as 0
// ({"weights":[3,null,1]} was the game 3, 0, 1), a null value of a deal
// package evaluated the issue at 0 and a null draws took the default.
// Every body is now refused, 400 argument, naming the null's path and
// what to give instead — inline, as a job, in a stance edit and for
// every kind of value (number, string, list, object) — while a null
// where the request takes "none" (a list left empty, the stance edit's
// absent fields, "range": null) is still read as before.
func TestNullIsNoNumber(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID
	for _, c := range []struct{ method, path, body, want string }{
		{"POST", "/power", `{"quota":4,"weights":[3,null,1]}`, "request body: weights[1]: null; give a number"},
		{"POST", "/runs", `{"kind":"power","quota":4,"weights":[3,2,null]}`, "request body: weights[2]: null; give a number"},
		{"POST", "/power", `{"quota":null,"weights":[3,2,1]}`, "request body: quota: null; give a number"},
		{"POST", "/deal/evaluate", `{"models":["compromise"],"package":{"a":50,"b":null}}`, "request body: package.b: null; give a number"},
		{"POST", "/runs", `{"kind":"deal","package":{"a":null,"b":50}}`, "request body: package.a: null; give a number"},
		{"POST", "/deal/search", `{"fix":{"a":null}}`, "request body: fix.a: null; give a number"},
		{"POST", "/deal/search", `{"robust":{"on":true,"draws":null}}`, "request body: robust.draws: null; give a number"},
		{"POST", "/deal/search", `{"robust":null}`, "request body: robust: null; give an object"},
		{"POST", "/runs", `{"kind":"sweep","models":["compromise"],"draws":null}`, "request body: draws: null; give a number"},
		{"POST", "/forecast", `{"models":["compromise",null]}`, "request body: models[1]: null; give a string"},
		{"POST", "/forecast", `{"models":["smp"],"params":{"smp-vote":null}}`, "request body: params.smp-vote: null; give a string"},
		{"POST", "/forecast", `{"Seed":null}`, "request body: Seed: null; give a number"},
		{"PATCH", "/stances/x/a", `{"version":1,"range":{"position":[null,30]}}`, "range: position[0]: null; give a number"},
		// A list of fixed length shorter than it, which encoding/json
		// fills with zeros: [10] was the range [10, 0].
		{"PATCH", "/stances/x/a", `{"version":1,"range":{"position":[10]}}`, "range: position: 1 value; give a list of 2 numbers"},
	} {
		var b errBody
		e.want(e.do(c.method, p+c.path, c.body), 400).json(t, &b)
		if b.Code != "argument" || !strings.Contains(b.Error, c.want) {
			t.Errorf("%s %s %s: %s %q; want argument %q", c.method, c.path, c.body, b.Code, b.Error, c.want)
		}
	}

	// A null where the request takes none: the stance edit's absent
	// position (left alone) and "range": null (the range removed), and
	// an ad-hoc game's weights null (no game: the issues' rules, of which
	// small states none, said as for a body without weights). The stance keeps its position 20 and loses its range.
	var edited view
	e.want(e.do("PATCH", p+"/stances/x/a", `{"version":1,"position":null,"salience":0.5,"range":null}`), 200).json(t, &edited)
	for _, s := range edited.Scenario.Stances {
		if s.Actor == "x" && s.Issue == "a" && (s.Position != 20 || s.Salience != 0.5 || s.Range != nil) {
			t.Errorf("edited stance: position %v salience %v range %v; want 20, 0.5, none", s.Position, s.Salience, s.Range)
		}
	}
	var b errBody
	e.want(e.do("POST", p+"/power", `{"weights":null}`), 400).json(t, &b)
	if !strings.HasPrefix(b.Error, "no issue of small states a decision rule") {
		t.Errorf("power with weights null: %q; want no ad-hoc game, so the issues' rules, of which small states none", b.Error)
	}
}
