package httpapi_test

import (
	"testing"

	"parley/answer"
	"parley/httpapi"
)

// TestForecastBottomLine: the API's default forecast of the built-in case
// (every model) carries the bottom line in ask's words, as the run's
// result and as the stored run, with Territory's numbers (5 of 9 models
// read compromise's 46.8 as →50; ask's TestBottomLineBuiltIn derives
// them); a one-model forecast carries none.
func TestForecastBottomLine(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	p := "/api/scenarios/" + createBuiltin(e)
	type result struct {
		ID     string
		Status string
		Result struct {
			BottomLine *answer.BottomLine `json:"bottom_line"`
		}
	}
	var run result
	e.want(e.do("POST", p+"/forecast", `{}`), 200).json(t, &run)
	want := "Territory: compromise 46.8, nearest →50 Freeze on the current line with legal or political recognition of Russian control; " +
		"5 of 9 models read it as →50; the models span 35.0 (nash, ks) to 65.4 (exchange); snap's 80% interval 25.0–79.4, likeliest option →35: a 32% chance the outcome lands nearer it than any other option; " +
		"the lead forecast crosses Russia's red line (it needs Territory at 65 or above); exchange, smp and ensemble did not settle here (each counted by its range)."
	check := func(how string, b *answer.BottomLine) {
		t.Helper()
		if b == nil || b.Lead != "compromise" || b.Calibrated != "snap" || len(b.Issues) != 7 {
			t.Fatalf("%s: bottom line %+v", how, b)
		}
		x := b.Issues[1]
		if x.Issue != "territory" || x.Text != want || x.Agree != 5 || x.Models != 9 {
			t.Errorf("%s: territory %+v\nwant text %q", how, x, want)
		}
	}
	check("POST forecast", run.Result.BottomLine)
	var stored result
	e.want(e.do("GET", "/api/runs/"+run.ID, ""), 200).json(t, &stored)
	check("GET the run", stored.Result.BottomLine)
	var one result
	e.want(e.do("POST", p+"/forecast", `{"models":["compromise"]}`), 200).json(t, &one)
	if one.Status != "done" || one.Result.BottomLine != nil {
		t.Errorf("a one-model forecast: status %s, bottom line %+v", one.Status, one.Result.BottomLine)
	}
}
