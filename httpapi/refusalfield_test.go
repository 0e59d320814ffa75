package httpapi_test

import (
	"testing"
)

// Every refusal of a request's value names its field, whichever check
// makes it: a package value off its issue's scale (package.wage), a
// misspelt required actor (require[0], with its "did you mean"), a
// fixed value off the scale (fix.wage); and robust settings given with
// the robust analysis off are refused at robust.on rather than silently
// run without it (docs/DECISIONS.md, diag20).
func TestRefusalNamesItsField(t *testing.T) {
	e, p := wage(t)
	for _, c := range []struct {
		path, body, field, says string
	}{
		{p + "/deal/evaluate", `{"package":{"wage":60}}`, "package.wage",
			"package: issue wage: value 60 is outside the scale; valid: a number from 0 to 10"},
		{p + "/deal/evaluate", `{"package":{"wgae":6}}`, "package.wgae",
			`package: unknown issue "wgae" (did you mean "wage"?); valid: wage, hours, pension`},
		{p + "/deal/search", `{"require":["shipers"]}`, "require[0]",
			`require: actor "shipers" is not in the scenario (did you mean "shippers"?); valid: union, port, city, shippers`},
		{p + "/deal/search", `{"fix":{"wage":11}}`, "fix.wage",
			"fix: issue wage: value 11 is outside the scale; valid: a number from 0 to 10"},
		{p + "/deal/search", `{"fix":{"hour":1}}`, "fix.hour",
			`fix: unknown issue "hour" (did you mean "hours"?); valid: wage, hours, pension`},
		{p + "/deal/search", `{"robust":{"draws":300}}`, "robust.on",
			`robust draws 300 given with the robust analysis off; valid: turn it on ("robust": {"on": true}, --robust), or leave draws out`},
		{p + "/deal/evaluate", `{"package":{"wage":5},"robust":{"uniform":true}}`, "robust.on",
			`robust uniform given with the robust analysis off; valid: turn it on ("robust": {"on": true}, --robust), or leave uniform out`},
	} {
		r := e.do("POST", c.path, c.body)
		var got struct {
			Error string `json:"error"`
			Code  string `json:"code"`
			Field string `json:"field"`
		}
		r.json(t, &got)
		if r.code != 400 || got.Code != "argument" || got.Field != c.field || got.Error != c.says {
			t.Errorf("%s %s:\n got %d %+v\nwant 400 argument, field %q, %q", c.path, c.body, r.code, got, c.field, c.says)
		}
	}
}
