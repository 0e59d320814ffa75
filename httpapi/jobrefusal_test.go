package httpapi_test

import (
	"encoding/json"
	"testing"
)

// A job (POST …/runs) whose request the case refuses — a package value
// off its issue's scale, a misspelt required actor, a fixed issue that
// does not exist, an actor to advise that is not in the scenario — is
// refused at once with the inline route's 400, the same body with its
// field, rather than accepted (202) and failed later without one; a
// good job is still accepted (jobs21).
func TestJobRefusedAsInline(t *testing.T) {
	e, p := wage(t)
	for _, c := range []struct {
		kind, inline, body, field, says string
	}{
		{"deal", "/deal/evaluate", `"package":{"wage":60}`, "package.wage",
			"package: issue wage: value 60 is outside the scale; valid: a number from 0 to 10"},
		{"deal", "/deal/evaluate", `"package":{"wgae":6}`, "package.wgae",
			`package: unknown issue "wgae" (did you mean "wage"?); valid: wage, hours, pension`},
		{"deal", "/deal/evaluate", `"package":{"wage":5},"require":["union","shipers"]`, "require[1]",
			`require: actor "shipers" is not in the scenario (did you mean "shippers"?); valid: union, port, city, shippers`},
		{"deal-search", "/deal/search", `"require":["shipers"]`, "require[0]",
			`require: actor "shipers" is not in the scenario (did you mean "shippers"?); valid: union, port, city, shippers`},
		{"deal-search", "/deal/search", `"fix":{"hour":1}`, "fix.hour",
			`fix: unknown issue "hour" (did you mean "hours"?); valid: wage, hours, pension`},
		{"deal-search", "/deal/search", `"fix":{"wage":11}`, "fix.wage",
			"fix: issue wage: value 11 is outside the scale; valid: a number from 0 to 10"},
		{"deal-proposals", "/deal/proposals", `"require":["prot"]`, "require[0]",
			`require: actor "prot" is not in the scenario (did you mean "port"?); valid: union, port, city, shippers`},
		{"advise", "/advise", `"actor":"unoin"`, "actor",
			`actor "unoin": no such actor (did you mean "union"?); valid: union, port, city, shippers, or an actor's name`},
		{"advise", "/advise", `"actor":"union","issue":"pensoin"`, "issue",
			`issue "pensoin": no such issue (did you mean "pension"?); valid: wage, hours, pension`},
	} {
		job := e.do("POST", p+"/runs", `{"kind":"`+c.kind+`",`+c.body+`}`)
		in := e.do("POST", p+c.inline, "{"+c.body+"}")
		var got struct {
			Error, Code, Field string
		}
		job.json(t, &got)
		if job.code != 400 || got.Code != "argument" || got.Field != c.field || got.Error != c.says {
			t.Errorf("job %s %s:\n got %d %s\nwant 400 argument, field %q, %q", c.kind, c.body, job.code, job.body, c.field, c.says)
		}
		if in.code != 400 || refusal(t, in) != refusal(t, job) {
			t.Errorf("%s %s: the inline route answers %d %s, the job %d %s", c.inline, c.body, in.code, in.body, job.code, job.body)
		}
	}
	for _, body := range []string{`{"kind":"deal","package":{"wage":5}}`, `{"kind":"deal-search","require":["union","shippers"],"samples":-1,"frontier":-1}`,
		`{"kind":"advise","actor":"union","issue":"pension"}`, `{"kind":"sweep","draws":5}`, `{"kind":"forecast","models":["median"]}`} {
		if r := e.do("POST", p+"/runs", body); r.code != 202 {
			t.Errorf("%s: %d %s, want 202", body, r.code, r.body)
		}
	}
}

// refusal is an error body without its request id, which is each
// request's own.
func refusal(t *testing.T, r resp) string {
	t.Helper()
	var m map[string]any
	r.json(t, &m)
	delete(m, "request_id")
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
