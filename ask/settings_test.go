package ask

import (
	"context"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
)

// binary is a setting that changes smp's forecast of the built-in case
// on every issue (TestParamsReachTheModel).
var binary = answer.Settings{Params: map[string]string{"smp-vote": "Binary"}}

// smpForecast is forecast's answer for smp on the built-in case with the
// settings set: each issue's forecast, in issue order.
func smpForecast(t *testing.T, c *Case, set answer.Settings) []float64 {
	t.Helper()
	req := answer.NewForecastRequest()
	req.Models, req.Settings = []string{"smp"}, set
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatalf("forecast: %v", err)
	}
	if f.Models[0].Error != "" {
		t.Fatalf("forecast: %s", f.Models[0].Error)
	}
	out := make([]float64, len(c.Header.Issues))
	for _, is := range f.Models[0].Issues {
		out[c.Header.IssueIndex(is.Issue)] = float64(is.Forecast)
	}
	return out
}

// differ fails unless a and b differ somewhere: the setting must matter,
// or the tests below would pass whether or not it reached the model.
func differ(t *testing.T, a, b []float64) {
	t.Helper()
	for k := range a {
		if a[k] != b[k] {
			return
		}
	}
	t.Fatalf("smp-vote Binary changed no forecast (%v): the tests below would prove nothing", a)
}

// TestExplainRunsWithTheSettings: explaining smp with smp-vote Binary
// explains the forecast that forecast gives with it, issue by issue, and
// echoes the setting; without it, the default's forecast.
func TestExplainRunsWithTheSettings(t *testing.T) {
	c := builtinCase(t)
	def, bin := smpForecast(t, c, answer.Settings{}), smpForecast(t, c, binary)
	differ(t, def, bin)
	for _, tc := range []struct {
		set  answer.Settings
		want []float64
	}{{answer.Settings{}, def}, {binary, bin}} {
		req := answer.NewExplainRequest()
		req.Model, req.Settings = "smp", tc.set
		e, err := Explain(context.Background(), c, req)
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Issues) != len(tc.want) {
			t.Fatalf("%v: %d issues explained", tc.set.Params, len(e.Issues))
		}
		for _, ie := range e.Issues {
			if got, want := float64(ie.Forecast), tc.want[c.Header.IssueIndex(ie.Issue)]; got != want {
				t.Errorf("%v: %s explained as %v, forecast gives %v", tc.set.Params, ie.Issue, got, want)
			}
		}
		if e.Request.Params["smp-vote"] != tc.set.Params["smp-vote"] {
			t.Errorf("request echo %v, want %v", e.Request.Params, tc.set.Params)
		}
	}
}

// TestAdviseRunsWithTheSettings: advice on smp with smp-vote Binary
// starts from forecast's answer with it, and each lever's shift is a
// re-run of smp with it and the lever pulled — in the levers at the
// stated values and in the draws (a draw's own forecast of the stated
// case, which a scenario without ranges draws every time, is the one
// the levers move).
func TestAdviseRunsWithTheSettings(t *testing.T) {
	c := builtinCase(t)
	def, bin := smpForecast(t, c, answer.Settings{}), smpForecast(t, c, binary)
	differ(t, def, bin)
	advise := func(set answer.Settings, draws int) *answer.Advice {
		req := answer.NewAdviseRequest()
		req.Actor, req.Model, req.Issue, req.Settings, req.Draws = "ukraine", "smp", "ceasefire", set, draws
		a, err := Advise(context.Background(), c, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := advise(binary, 0)
	k := c.Header.IssueIndex("ceasefire")
	if got := float64(a.Issues[0].Forecast); got != bin[k] {
		t.Errorf("advice starts from %v, forecast with the setting gives %v (default %v)", got, bin[k], def[k])
	}
	if a.Request.Params["smp-vote"] != "Binary" {
		t.Errorf("request echo %v", a.Request.Params)
	}
	lv := a.Issues[0].Levers[0]
	g := rerun(t, c, "smp", binary, lv)
	if got, want := float64(lv.Shift), g[k]-bin[k]; math.Abs(got-want) > 1e-9 {
		t.Errorf("%s %s: shift %v, a re-run with the setting gives %v", lv.Kind, lv.Actor, got, want)
	}
	if d := advise(answer.Settings{}, 0); float64(d.Issues[0].Forecast) != def[k] {
		t.Errorf("advice without settings starts from %v, want the default's %v", float64(d.Issues[0].Forecast), def[k])
	}
}

// TestDealRunsWithTheSettings: a deal's "model:smp" rest and batna and
// its comparison with smp's forecast use smp-vote Binary when it is
// set: the rest is forecast's package with it, the package is at
// distance 0 from smp's forecast, and each actor's alternative is the
// larger of its reservation and its utility for that package; a search
// with the same batna finds the same alternatives.
func TestDealRunsWithTheSettings(t *testing.T) {
	c := builtinCase(t)
	def, bin := smpForecast(t, c, answer.Settings{}), smpForecast(t, c, binary)
	differ(t, def, bin)
	evaluate := func(batna string, set answer.Settings) *answer.DealEvaluation {
		req := answer.NewDealEvaluateRequest()
		req.Batna, req.Rest, req.Models, req.Settings = batna, "model:smp", []string{"smp"}, set
		ev, err := DealEvaluate(context.Background(), c, req)
		if err != nil {
			t.Fatal(err)
		}
		return ev
	}
	for _, tc := range []struct {
		set  answer.Settings
		want []float64
	}{{answer.Settings{}, def}, {binary, bin}} {
		withBatna, none := evaluate("model:smp", tc.set), evaluate("none", tc.set)
		for k, v := range withBatna.Evaluation.Package {
			if v != tc.want[k] {
				t.Errorf("%v: rest model:smp gives %s %v, forecast %v", tc.set.Params, c.Header.Issues[k].ID, v, tc.want[k])
			}
		}
		if f := withBatna.Evaluation.Forecasts; len(f) != 1 || f[0].Model != "smp" || f[0].Mean != 0 || f[0].Max != 0 {
			t.Errorf("%v: distance from smp's forecast %+v, want 0", tc.set.Params, f)
		}
		sreq := answer.NewDealSearchRequest()
		sreq.Batna, sreq.Settings, sreq.Frontier, sreq.Samples = "model:smp", tc.set, -1, -1
		s, err := DealSearch(context.Background(), c, sreq)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range withBatna.Evaluation.Actors {
			n := none.Evaluation.Actors[i]
			if want := math.Max(n.Alternative, n.Utility); math.Abs(v.Alternative-want) > 1e-12 {
				t.Errorf("%v: %s's alternative %v, want max(reservation %v, utility %v)", tc.set.Params, v.Actor, v.Alternative, n.Alternative, n.Utility)
			}
			if got := s.Result.Alternatives[i]; got.Actor != v.Actor || got.Value != v.Alternative {
				t.Errorf("%v: search finds %s's alternative %v, evaluate %v", tc.set.Params, got.Actor, got.Value, v.Alternative)
			}
		}
		if withBatna.Request.Params["smp-vote"] != tc.set.Params["smp-vote"] || s.Request.Params["smp-vote"] != tc.set.Params["smp-vote"] {
			t.Errorf("request echoes %v, %v; want %v", withBatna.Request.Params, s.Request.Params, tc.set.Params)
		}
	}
}

// TestBadSettingsAreRefused: every question that runs models refuses
// what forecast refuses — an unknown setting, a setting of a model it
// does not run, a value the setting does not take, rounds out of range —
// as an argument error naming the field and what is valid.
func TestBadSettingsAreRefused(t *testing.T) {
	c := builtinCase(t)
	ctx := context.Background()
	questions := map[string]func(answer.Settings) error{
		"explain": func(s answer.Settings) error {
			req := answer.NewExplainRequest()
			req.Model, req.Settings = "smp", s
			_, err := Explain(ctx, c, req)
			return err
		},
		"advise": func(s answer.Settings) error {
			req := answer.NewAdviseRequest()
			req.Actor, req.Model, req.Settings = "ukraine", "smp", s
			_, err := Advise(ctx, c, req, nil)
			return err
		},
		"deal evaluate": func(s answer.Settings) error {
			req := answer.NewDealEvaluateRequest()
			req.Models, req.Rest, req.Settings = []string{"smp"}, "model:compromise", s
			_, err := DealEvaluate(ctx, c, req)
			return err
		},
		"deal search": func(s answer.Settings) error {
			req := answer.NewDealSearchRequest()
			req.Batna, req.Settings = "model:smp", s
			_, err := DealSearch(ctx, c, req)
			return err
		},
		"deal proposals": func(s answer.Settings) error {
			req := answer.NewDealProposalsRequest()
			req.Models, req.Settings = []string{"smp"}, s
			_, err := DealProposals(ctx, c, req)
			return err
		},
	}
	for q, ask := range questions {
		for _, tc := range []struct {
			set  answer.Settings
			says []string
		}{
			{answer.Settings{Params: map[string]string{"smp-votes": "Binary"}}, []string{`params: no model setting "smp-votes" (did you mean "smp-vote"?); valid: exact,`, "smp-vote"}},
			{answer.Settings{Params: map[string]string{"exact": "true"}}, []string{"params: setting exact is for model exchange, which this run does not include (it runs ", "smp", "exchange"}},
			{answer.Settings{Params: map[string]string{"smp-vote": "Majority"}}, []string{`setting smp-vote "Majority"`, "valid: Prop, Binary"}},
			{answer.Settings{Rounds: answer.MaxRounds + 1}, []string{"rounds 10001", "valid: a whole number from 0 to 10000"}},
			{answer.Settings{MaxRounds: -1}, []string{"max_rounds -1", "valid: a whole number from 0 to 10000"}},
		} {
			err := ask(tc.set)
			if err == nil || errs.CodeOf(err) != errs.Argument {
				t.Errorf("%s %+v: %v; want an argument error", q, tc.set, err)
				continue
			}
			for _, s := range tc.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%s %+v: %q does not say %q", q, tc.set, err, s)
				}
			}
		}
	}
	// A deal that runs no model takes no setting, and says how it would.
	req := answer.NewDealSearchRequest()
	req.Settings = binary
	_, err := DealSearch(ctx, c, req)
	if err == nil || !strings.Contains(err.Error(), "it runs no model); valid: set batna to model:smp, or drop the setting") {
		t.Errorf("search without a model batna, with a setting: %v", err)
	}
}

// TestCheckRefusesWhatTheQuestionRefuses: Check, which a server runs on
// a job's request before queueing it, refuses bad settings of every
// question that runs models with the question's own error, and passes
// good ones (a deal proposals or backtest request too, which it once
// called no request at all).
func TestCheckRefusesWhatTheQuestionRefuses(t *testing.T) {
	c := builtinCase(t)
	ctx := context.Background()
	type question struct {
		req func(answer.Settings) any
		ask func(any) error
	}
	questions := map[string]question{
		"explain": {func(s answer.Settings) any {
			r := answer.NewExplainRequest()
			r.Model, r.Settings = "smp", s
			return r
		}, func(r any) error { _, err := Explain(ctx, c, r.(answer.ExplainRequest)); return err }},
		"advise": {func(s answer.Settings) any {
			r := answer.NewAdviseRequest()
			r.Actor, r.Model, r.Settings = "ukraine", "smp", s
			return r
		}, func(r any) error { _, err := Advise(ctx, c, r.(answer.AdviseRequest), nil); return err }},
		"deal evaluate": {func(s answer.Settings) any {
			r := answer.NewDealEvaluateRequest()
			r.Models, r.Rest, r.Settings = []string{"none"}, "model:smp", s
			return r
		}, func(r any) error { _, err := DealEvaluate(ctx, c, r.(answer.DealEvaluateRequest)); return err }},
		"deal search": {func(s answer.Settings) any {
			r := answer.NewDealSearchRequest()
			r.Batna, r.Settings = "model:smp", s
			return r
		}, func(r any) error { _, err := DealSearch(ctx, c, r.(answer.DealSearchRequest)); return err }},
		"deal proposals": {func(s answer.Settings) any {
			r := answer.NewDealProposalsRequest()
			r.Models, r.Settings = []string{"smp"}, s
			return r
		}, func(r any) error { _, err := DealProposals(ctx, c, r.(answer.DealProposalsRequest)); return err }},
	}
	for name, q := range questions {
		if err := Check(q.req(binary)); err != nil {
			t.Errorf("%s with smp-vote Binary: Check says %v", name, err)
		}
		for _, bad := range []answer.Settings{
			{Params: map[string]string{"exact": "true"}},
			{Params: map[string]string{"smp-vote": "Majority"}},
			{MaxRounds: answer.MaxRounds + 1},
		} {
			req := q.req(bad)
			want := q.ask(req)
			if err := Check(req); err == nil || want == nil || err.Error() != want.Error() {
				t.Errorf("%s %+v: Check says %v, the question %v", name, bad, err, want)
			}
		}
	}
	bt := answer.NewBacktestRequest()
	if err := Check(&bt); err != nil {
		t.Errorf("a backtest request: Check says %v", err)
	}
}

// TestAdviseDrawsRunWithTheSettings: on a case that states no ranges
// every draw is the stated case, so with the settings reaching the draws'
// runs as they reach the levers', each lever's mean effect over the draws
// is its effect at the stated values; had the draws run smp at its
// defaults (whose forecast differs), they would not be.
func TestAdviseDrawsRunWithTheSettings(t *testing.T) {
	c := explainTestCase(t)
	set := answer.Settings{MaxRounds: 2}
	advise := func(s answer.Settings, draws int) *answer.Advice {
		req := answer.NewAdviseRequest()
		req.Actor, req.Model, req.Settings, req.Draws = "a", "smp", s, draws
		a, err := Advise(context.Background(), c, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	def, a := advise(answer.Settings{}, 0), advise(set, 3)
	same := true
	for k := range a.Issues {
		same = same && a.Issues[k].Forecast == def.Issues[k].Forecast
	}
	if same {
		t.Fatal("max_rounds 2 does not change smp's forecast here: the test would prove nothing")
	}
	n := 0
	for _, ia := range a.Issues {
		for _, lv := range ia.Levers {
			if lv.MeanToward == nil {
				continue
			}
			n++
			if math.Abs(*lv.MeanToward-float64(lv.Toward)) > 1e-12 {
				t.Errorf("%s %s on %s: mean over the draws %v, at the stated values %v", lv.Kind, lv.Actor, lv.Issue, *lv.MeanToward, float64(lv.Toward))
			}
		}
	}
	if n == 0 {
		t.Fatal("no lever was tried on the draws")
	}
}

// smpExampleCase is KTAB's XML example, whose model parameters are smp
// settings (Input.Params), at its latest snapshot.
func smpExampleCase(t *testing.T) *Case {
	t.Helper()
	data, err := os.ReadFile("../format/ktabxml/testdata/smpExample.xml")
	if err != nil {
		t.Fatal(err)
	}
	return loadCase(t, "smpExample.xml", string(data))
}

// TestExplainTakesTheFileSettings: a KTAB XML scenario's model
// parameters are smp's settings for a forecast (fileParams) and, the
// same, for an explanation of smp: it explains the forecast's numbers and
// echoes the file's settings beside the request's own, leaving each
// request's map as it was.
func TestExplainTakesTheFileSettings(t *testing.T) {
	c := smpExampleCase(t)
	own := map[string]string{"smp-interp": "S2P2"}
	f := answer.NewForecastRequest()
	f.Models, f.Params = []string{"smp"}, map[string]string{"smp-interp": "S2P2"}
	fc, err := Forecast(context.Background(), c, f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fc.Models[0].Error != "" {
		t.Fatal(fc.Models[0].Error)
	}
	if len(f.Params) != 1 {
		t.Errorf("the forecast request's own settings became %v", f.Params)
	}
	if fc.Request.Params["smp-vote"] != "PropCbc" {
		t.Fatalf("the forecast does not take the file's voting rule: %v", fc.Request.Params)
	}
	req := answer.NewExplainRequest()
	req.Model, req.Params = "smp", own
	e, err := Explain(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(e.Request.Params, fc.Request.Params) {
		t.Errorf("explain ran with %v, the forecast with %v", e.Request.Params, fc.Request.Params)
	}
	if len(own) != 1 {
		t.Errorf("the request's own settings became %v", own)
	}
	for k, ie := range e.Issues {
		if ie.Forecast != fc.Models[0].Issues[k].Forecast {
			t.Errorf("%s explained as %v, forecast %v", ie.Issue, ie.Forecast, fc.Models[0].Issues[k].Forecast)
		}
	}
}
