package httpapi_test

import (
	"strings"
	"testing"

	"parley/httpapi"
)

// A body's mistakes are said as the null rule says them (nulls.go): the
// value's full path as the body writes it, what was sent, and what to
// give — not Go's type names. A number out of a field's range names the
// field, the value and the range, as ask.Check's own refusal of the
// field does; malformed JSON says its line and column and what is valid.
func TestBodyMistakesWords(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID
	const object = `; valid: a JSON object, {"field": value, …}, with the fields /api/openapi.json lists for this request`
	for _, c := range []struct{ path, body, code, want string }{
		{"/forecast", `{"models":"bdm"}`, "argument", "request body: models: a string; give a list of strings"},
		{"/forecast", `{"models":[1]}`, "argument", "request body: models[0]: a number; give a string"},
		{"/forecast", `{"seed":-1}`, "argument", "request body: seed -1: valid: a whole number from 0 to 18446744073709551615"},
		{"/forecast", `{"seed":1.5}`, "argument", "request body: seed 1.5: valid: a whole number from 0 to 18446744073709551615"},
		{"/deal/evaluate", `{"robust":true}`, "argument", "request body: robust: true or false; give an object with fields on, draws, uniform"},
		{"/forecast", `{"models":["smp"],"params":{"smp-vote":3}}`, "argument", "request body: params.smp-vote: a number; give a string"},
		{"/forecast", `{"rounds":1e308}`, "argument", "request body: rounds 1e308: valid: a whole number from 0 to 10000"},
		{"/forecast", `{"rounds":-1e308}`, "argument", "request body: rounds -1e308: valid: a whole number from 0 to 10000"},
		{"/deal/evaluate", `{"rho":1e400}`, "argument", "request body: rho 1e400: valid: a number > 0 and ≤ 10 (1 is linear loss)"},
		{"/deal/evaluate", `{"robust":{"draws":1e20}}`, "argument", "request body: robust.draws 1e20: valid: 1 to 1000000 (0: 500)"},
		{"/runs", `{"kind":"forecast","rounds":1e308}`, "argument", "request body: rounds 1e308: valid: a whole number from 0 to 10000"},
		{"/forecast", `{"seed":1`, "invalid", "request body: malformed JSON at line 1, column 9: it ends in the middle of a JSON value" + object},
		{"/forecast", "{\n \"seed\": 1,\n}", "invalid", "request body: malformed JSON at line 3, column 1: '}' where a field's name was due" + object},
		{"/forecast", `not json`, "invalid", "request body: malformed JSON at line 1, column 2: 'o' inside what reads as the literal null (expecting 'u')" + object},
		{"/runs", `not json`, "invalid", "request body: malformed JSON at line 1, column 2: 'o' inside what reads as the literal null (expecting 'u')" + object},
		{"/forecast", `[]`, "invalid", "request body: a list, not a JSON object" + object},
		{"/runs", `"forecast"`, "invalid", "request body: a string, not a JSON object" + object},
		{"/forecast", `{"models": tru}`, "invalid", "request body: malformed JSON at line 1, column 15: '}' inside what reads as the literal true (expecting 'e')" + object},
	} {
		var b errBody
		e.want(e.do("POST", p+c.path, c.body), 400).json(t, &b)
		if b.Code != c.code || b.Error != c.want {
			t.Errorf("%s %s:\n got %s %q\nwant %s %q", c.path, c.body, b.Code, b.Error, c.code, c.want)
		}
	}
}

// A variant the scenario lacks, named in the body or the query, is a
// value of the request that is not valid (400 argument), as an unknown
// snapshot, model or actor there is; 404 is for what the path names.
func TestUnknownVariantIsArgument(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID
	for _, c := range []struct{ method, path, body string }{
		{"POST", p + "/forecast", `{"variant":"nope"}`},
		{"POST", p + "/deal/evaluate", `{"variant":"nope"}`},
		{"GET", p + "/resolved?variant=nope", ""},
		{"POST", p + "/runs", `{"kind":"sweep","variant":"nope"}`},
	} {
		var b errBody
		e.want(e.do(c.method, c.path, c.body), 400).json(t, &b)
		if b.Code != "argument" || !strings.HasSuffix(b.Error, `variant "nope": no such variant; valid: strong-z (or a variant's name)`) {
			t.Errorf("%s %s %s: %s %q", c.method, c.path, c.body, b.Code, b.Error)
		}
	}
}

// A stance edit's unknown actor or issue (in the path: 404) is said as
// the API's other unknown ids are: "did you mean", the valid ids in a
// comma list, and the snapshot only when one was named.
func TestStanceEditUnknownIDs(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID + "/stances/"
	for _, c := range []struct{ path, snapshot, want string }{
		{"xx/a", "", `actor "xx": no such actor (did you mean "x"?); valid: x, y, z`},
		{"xx/a", "2025-02-01", `actor "xx": no such actor as of 2025-02-01 (did you mean "x"?); valid: x, y, z`},
		{"x/aa", "", `issue "aa": no such issue (did you mean "a"?); valid: a, b`},
	} {
		var b errBody
		e.want(e.do("PATCH", p+c.path, `{"version":1,"position":50,"snapshot":"`+c.snapshot+`"}`), 404).json(t, &b)
		if b.Code != "not_found" || b.Error != c.want {
			t.Errorf("%s: %s %q, want not_found %q", c.path, b.Code, b.Error, c.want)
		}
	}
}

// A misspelt kind of run gets a "did you mean", as other unknown names do.
func TestUnknownKindDidYouMean(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	var b errBody
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"sweeep"}`), 400).json(t, &b)
	want := `kind "sweeep": no such kind of run (did you mean "sweep"?); valid: forecast, sweep, sensitivity, deal, deal-search, deal-proposals, explain, backtest, advise, power, compare`
	if b.Code != "argument" || b.Error != want {
		t.Errorf("%s %q, want argument %q", b.Code, b.Error, want)
	}
}

// TestUnknownScenarioWords: a path naming no stored scenario is 404,
// saying where the valid ids are listed (it said only 'no scenario
// "nope"').
func TestUnknownScenarioWords(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	for _, c := range []struct{ method, path, body string }{
		{"GET", "/api/scenarios/nope", ""},
		{"POST", "/api/scenarios/nope/forecast", "{}"},
	} {
		var b errBody
		e.want(e.do(c.method, c.path, c.body), 404).json(t, &b)
		if want := `no scenario "nope"; valid: the id of a stored scenario (GET /api/scenarios lists them)`; b.Error != want {
			t.Errorf("%s %s: %q, want %q", c.method, c.path, b.Error, want)
		}
	}
}

// TestSensitivityBodyDraws: a sensitivity job's draws its type cannot hold
// are said with the sensitivity analysis's range, as the command line's
// --draws and the job's own check say it, not a sweep's ("from 1").
func TestSensitivityBodyDraws(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	p := "/api/scenarios/" + e.create(small(t)).ID + "/runs"
	for _, c := range []struct{ body, want string }{
		{`{"kind":"sensitivity","draws":1e20}`, "request body: draws 1e20: valid: a whole number from 4 to 1000000 (a sensitivity analysis's variance shares need 4 draws or more)"},
		{`{"kind":"sensitivity","draws":2.5}`, "request body: draws 2.5: valid: a whole number from 4 to 1000000 (a sensitivity analysis's variance shares need 4 draws or more)"},
		{`{"kind":"sweep","draws":1e20}`, "request body: draws 1e20: valid: a whole number from 1 to 1000000"},
	} {
		var b errBody
		e.want(e.do("POST", p, c.body), 400).json(t, &b)
		if b.Code != "argument" || b.Error != c.want {
			t.Errorf("%s:\n got %s %q\nwant argument %q", c.body, b.Code, b.Error, c.want)
		}
	}
}
