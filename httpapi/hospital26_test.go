package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"parley/answer"
	"parley/httpapi"
)

// TestReview26API: the API takes an actor by its name (any case) and
// suggests the nearest for a misspelt one; sensitivity takes "issue" as
// explain and advise do, and compromise's tornado of b leaves out x's
// position on a (its swing there exactly 0), keeping x's capability,
// which every issue reads; the advice carries its head, step and lever
// texts.
func TestReview26API(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/advise", `{"snapshot":"base","actor":"EX","issue":"a"}`), 200).json(t, &r)
	var a answer.Advice
	if err := json.Unmarshal(r.Result, &a); err != nil {
		t.Fatal(err)
	}
	if a.Actor != "x" || !strings.Contains(a.HeadText, "advise's default ("+answer.DefaultAdviseModelWhy+")") || a.Issues[0].StepText == "" || a.Issues[0].Levers[0].Text == "" {
		t.Errorf("advice for EX: actor %q head %q step %q", a.Actor, a.HeadText, a.Issues[0].StepText)
	}
	res := e.want(e.do("POST", "/api/scenarios/"+v.ID+"/advise", `{"actor":"Exx"}`), 400)
	if !strings.Contains(string(res.body), `did you mean \"Ex\"?`) {
		t.Errorf("misspelt actor: %s", res.body)
	}
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"sensitivity","models":["compromise"],"draws":200,"issue":"b"}`), 202).json(t, &r)
	e.events(r.ID)
	e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
	var s answer.Sensitivity
	if err := json.Unmarshal(r.Result, &s); err != nil {
		t.Fatal(err)
	}
	is := s.Models[0].Issues
	if s.Request.Issue != "b" || len(is) != 1 || is[0].Issue != "b" || is[0].LeftOut != 1 || len(is[0].Swings) != 1 || is[0].Swings[0].Input.Kind != "capability" ||
		is[0].LeftOutText != "1 input of another issue left out: the compromise model reads each issue alone, so its swing here is exactly 0." {
		t.Errorf("sensitivity of b: %+v", is)
	}
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"sweep","draws":20,"issue":"c"}`), 400)
}
