package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"parley/answer"
)

// runJSON runs a command with --format json and decodes its answer.
func runJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	out, stderr, code := run(t, append(args, "-q", "--format", "json")...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
}

// smpForecasts is `parley forecast -m smp` with the extra flags: each
// issue's forecast by id.
func smpForecasts(t *testing.T, flags ...string) map[string]float64 {
	t.Helper()
	var f answer.Forecast
	runJSON(t, &f, append([]string{"forecast", "-m", "smp"}, flags...)...)
	out := map[string]float64{}
	for _, is := range f.Models[0].Issues {
		out[is.Issue] = float64(is.Forecast)
	}
	return out
}

// TestSettingsFlagsReachExplainAdviseAndDeal: the flags that set how
// forecast runs a model (here --smp-vote Binary, --max-rounds 30) set it
// for explain, advise and deal evaluate too, so each shows forecast's
// numbers with the same flags, not the defaults' (which differ).
func TestSettingsFlagsReachExplainAdviseAndDeal(t *testing.T) {
	flags := []string{"--smp-vote", "Binary", "--max-rounds", "30"}
	def, set := smpForecasts(t), smpForecasts(t, flags...)
	if def["ceasefire"] == set["ceasefire"] {
		t.Fatalf("the flags do not change smp's ceasefire forecast (%v): the test would prove nothing", def["ceasefire"])
	}
	for _, tc := range []struct {
		flags []string
		want  map[string]float64
	}{{nil, def}, {flags, set}} {
		var e answer.Explanation
		runJSON(t, &e, append([]string{"explain", "-m", "smp"}, tc.flags...)...)
		for _, ie := range e.Issues {
			if float64(ie.Forecast) != tc.want[ie.Issue] {
				t.Errorf("explain %v: %s %v, forecast %v", tc.flags, ie.Issue, float64(ie.Forecast), tc.want[ie.Issue])
			}
		}
		var a answer.Advice
		runJSON(t, &a, append([]string{"advise", "ukraine", "-m", "smp", "--issue", "ceasefire"}, tc.flags...)...)
		if got := float64(a.Issues[0].Forecast); got != tc.want["ceasefire"] {
			t.Errorf("advise %v: starts from %v, forecast %v", tc.flags, got, tc.want["ceasefire"])
		}
		var ev answer.DealEvaluation
		runJSON(t, &ev, append([]string{"deal", "evaluate", "--rest", "model:smp", "-m", "smp"}, tc.flags...)...)
		for k, id := range ev.Evaluation.Issues {
			if ev.Evaluation.Package[k] != tc.want[id] {
				t.Errorf("deal evaluate %v: rest model:smp gives %s %v, forecast %v", tc.flags, id, ev.Evaluation.Package[k], tc.want[id])
			}
		}
		if f := ev.Evaluation.Forecasts; len(f) != 1 || f[0].Mean != 0 {
			t.Errorf("deal evaluate %v: distance from smp's forecast %+v, want 0", tc.flags, f)
		}
		if tc.flags != nil && (e.Request.Params["smp-vote"] != "Binary" || e.Request.MaxRounds != 30 || a.Request.MaxRounds != 30 || ev.Request.Params["smp-vote"] != "Binary") {
			t.Errorf("the answers do not echo the settings: %+v, %+v, %+v", e.Request.Settings, a.Request.Settings, ev.Request.Settings)
		}
	}
}

// TestBadSettingsFlagsExitTwo: a setting a command's models do not take,
// a value the setting does not take and rounds out of range exit 2 with
// a message naming the field and what is valid, on every command that
// runs models.
func TestBadSettingsFlagsExitTwo(t *testing.T) {
	for _, cmd := range [][]string{
		{"explain", "-m", "smp"},
		{"advise", "ukraine", "-m", "smp"},
		{"deal", "evaluate", "-m", "smp"},
		{"deal", "search", "--batna", "model:smp"},
		{"deal", "proposals", "-m", "smp"},
	} {
		for _, tc := range []struct {
			flags []string
			says  string
		}{
			{[]string{"--exact"}, "params: setting exact is for model exchange, which this run does not include (it runs smp); valid: "},
			{[]string{"--smp-vote", "Majority"}, `setting smp-vote "Majority": valid: Prop, Binary`},
			{[]string{"--rounds", "10001"}, "rounds 10001: valid: a whole number from 0 to 10000"},
		} {
			_, stderr, code := run(t, append(append(append([]string{}, cmd...), tc.flags...), "-q")...)
			if code != 2 || !strings.Contains(stderr, tc.says) {
				t.Errorf("%v %v: exit %d, %q; want exit 2 saying %q", cmd, tc.flags, code, stderr, tc.says)
			}
		}
	}
}
