package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"parley/answer"
	"parley/httpapi"
)

// TestSettingsReachEveryEndpoint: a model setting in the body of
// …/explain, …/advise and …/deal/evaluate runs the model as …/forecast
// runs it with the same setting, on the built-in case: the forecasts
// explained, advised on and compared with are forecast's with the
// setting (which differ from the defaults'), and the stored request
// echoes it.
func TestSettingsReachEveryEndpoint(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	p := "/api/scenarios/" + createBuiltin(e)
	smp := func(settings string) map[string]float64 {
		var r run
		e.want(e.do("POST", p+"/forecast", `{"models":["smp"]`+settings+`}`), 200).json(t, &r)
		var f answer.Forecast
		if err := json.Unmarshal(r.Result, &f); err != nil {
			t.Fatal(err)
		}
		out := map[string]float64{}
		for _, is := range f.Models[0].Issues {
			out[is.Issue] = float64(is.Forecast)
		}
		return out
	}
	binary := `,"params":{"smp-vote":"Binary"}`
	def, bin := smp(""), smp(binary)
	if def["ceasefire"] == bin["ceasefire"] {
		t.Fatal("smp-vote Binary does not change smp's ceasefire forecast: the test would prove nothing")
	}
	for _, tc := range []struct {
		settings string
		want     map[string]float64
	}{{"", def}, {binary, bin}} {
		var r run
		var ex answer.Explanation
		e.want(e.do("POST", p+"/explain", `{"model":"smp"`+tc.settings+`}`), 200).json(t, &r)
		if err := json.Unmarshal(r.Result, &ex); err != nil {
			t.Fatal(err)
		}
		for _, ie := range ex.Issues {
			if float64(ie.Forecast) != tc.want[ie.Issue] {
				t.Errorf("explain%s: %s %v, forecast %v", tc.settings, ie.Issue, float64(ie.Forecast), tc.want[ie.Issue])
			}
		}
		if tc.settings != "" && !strings.Contains(string(r.Options), `"smp-vote":"Binary"`) {
			t.Errorf("explain's stored options %s lack the setting", r.Options)
		}
		var ad answer.Advice
		e.want(e.do("POST", p+"/advise", `{"actor":"ukraine","model":"smp","issue":"ceasefire"`+tc.settings+`}`), 200).json(t, &r)
		if err := json.Unmarshal(r.Result, &ad); err != nil {
			t.Fatal(err)
		}
		if got := float64(ad.Issues[0].Forecast); got != tc.want["ceasefire"] {
			t.Errorf("advise%s: starts from %v, forecast %v", tc.settings, got, tc.want["ceasefire"])
		}
		var ev answer.DealEvaluation
		e.want(e.do("POST", p+"/deal/evaluate", `{"rest":"model:smp","models":["smp"]`+tc.settings+`}`), 200).json(t, &r)
		if err := json.Unmarshal(r.Result, &ev); err != nil {
			t.Fatal(err)
		}
		for k, id := range ev.Evaluation.Issues {
			if ev.Evaluation.Package[k] != tc.want[id] {
				t.Errorf("deal evaluate%s: rest model:smp gives %s %v, forecast %v", tc.settings, id, ev.Evaluation.Package[k], tc.want[id])
			}
		}
	}
}

// TestBadSettingsAreRefusedOnEveryEndpoint: each endpoint that runs
// models refuses a bad setting with 400, naming the field and what is
// valid, as …/forecast does; and the work estimate counts rounds, so
// many rounds of bdm explained or advised on is refused as its forecast
// is.
func TestBadSettingsAreRefusedOnEveryEndpoint(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	p := "/api/scenarios/" + createBuiltin(e)
	for path, body := range map[string]string{
		"/explain":        `{"model":"smp"`,
		"/advise":         `{"actor":"ukraine","model":"smp"`,
		"/deal/evaluate":  `{"models":["smp"]`,
		"/deal/search":    `{"batna":"model:smp"`,
		"/deal/proposals": `{"models":["smp"]`,
	} {
		for settings, want := range map[string]string{
			`"params":{"exact":"true"}`:        "params: setting exact is for model exchange, which this run does not include (it runs smp)",
			`"params":{"smp-vote":"Majority"}`: `setting smp-vote "Majority": valid: Prop, Binary`,
			`"params":{"nope":"1"}`:            `params: no model setting "nope"; valid: exact,`,
			`"max_rounds":10001`:               "max_rounds 10001: valid: a whole number from 0 to 10000",
		} {
			var b errBody
			r := e.do("POST", p+path, body+","+settings+"}")
			r.json(t, &b)
			if r.code != 400 || !strings.Contains(b.Error, want) {
				t.Errorf("%s %s: %d %q, want 400 saying %q", path, settings, r.code, b.Error, want)
			}
		}
	}
	// A job's request is checked before it is queued: the same refusal.
	for kind, body := range map[string]string{
		"explain":        `{"kind":"explain","model":"smp"`,
		"advise":         `{"kind":"advise","actor":"ukraine","model":"smp"`,
		"deal":           `{"kind":"deal","models":["smp"]`,
		"deal-search":    `{"kind":"deal-search","batna":"model:smp"`,
		"deal-proposals": `{"kind":"deal-proposals","models":["smp"]`,
	} {
		var b errBody
		r := e.do("POST", p+"/runs", body+`,"params":{"exact":"true"}}`)
		r.json(t, &b)
		if want := "params: setting exact is for model exchange, which this run does not include (it runs smp)"; r.code != 400 || !strings.Contains(b.Error, want) {
			t.Errorf("job %s: %d %q, want 400 saying %q", kind, r.code, b.Error, want)
		}
		if kind == "deal-proposals" {
			// a good one is queued (it was a 500: Check knew no such request)
			e.want(e.do("POST", p+"/runs", body+`,"params":{"smp-vote":"Binary"}}`), 202)
		}
	}
	// At its default rounds each fits under these budgets; at 10,000
	// rounds each is refused, naming rounds: advise by its work (a run of
	// bdm per lever), the others by the trace their forecast keeps.
	small := newEnv(t, httpapi.Options{MaxWork: 5e6, MaxMemory: 1e8})
	q := "/api/scenarios/" + createBuiltin(small)
	for path, body := range map[string]string{
		"/forecast":      `{"models":["bdm"]`,
		"/explain":       `{"model":"bdm"`,
		"/advise":        `{"actor":"ukraine","model":"bdm"`,
		"/deal/evaluate": `{"models":["none"],"rest":"model:bdm"`,
		"/deal/search":   `{"batna":"model:bdm"`,
	} {
		small.want(small.do("POST", q+path, body+"}"), 200)
		hinRefused(t, small, "POST", q+path, body+`,"rounds":10000}`, 413, "rounds")
	}
}
