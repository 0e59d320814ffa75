package ask

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// nileCase is the user's review case (ask/testdata/nile.yaml, from a
// student's review) at its latest snapshot.
func nileCase(t *testing.T) *Case {
	t.Helper()
	b, err := os.ReadFile("testdata/nile.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return loadCase(t, "nile.yaml", string(b))
}

func nileForecast(t *testing.T, run answer.Run) *answer.Forecast {
	t.Helper()
	req := answer.NewForecastRequest()
	req.Run = run
	f, err := Forecast(context.Background(), nileCase(t), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// --max-rounds does nothing to exchange above its fixed 10 rounds: the
// answer says so, naming --rounds, and its settle warning names --rounds
// as the setting that gives it more rounds; a cap and a fixed count
// given together say the cap does nothing.
func TestRoundSettingsThatDoNotApply(t *testing.T) {
	f := nileForecast(t, answer.Run{Models: []string{"exchange"}, Settings: answer.Settings{MaxRounds: 100}})
	w := f.Models[0].Warnings
	if len(w) != 2 || w[0] != "--max-rounds (max_rounds) 100 does not apply to exchange: it runs a fixed 10 rounds with no early stop, which a cap can only lower; --rounds (rounds) sets how many it runs" {
		t.Fatalf("exchange with max_rounds 100: warnings %q", w)
	}
	if !strings.Contains(w[1], "may go further with more rounds, which --rounds (rounds) sets)") {
		t.Errorf("settle warning does not name --rounds: %q", w[1])
	}
	// a cap below 10 lowers exchange's rounds, so applies
	f = nileForecast(t, answer.Run{Models: []string{"exchange"}, Settings: answer.Settings{MaxRounds: 5}})
	if slices.ContainsFunc(f.Models[0].Warnings, func(s string) bool { return strings.Contains(s, "does not apply") }) {
		t.Errorf("max_rounds 5 lowers exchange's rounds, yet: %q", f.Models[0].Warnings)
	}
	f = nileForecast(t, answer.Run{Models: []string{"bdm", "smp", "compromise"}, Settings: answer.Settings{Rounds: 20, MaxRounds: 30}})
	for _, m := range f.Models {
		want := ""
		if m.Model != "compromise" {
			want = "--max-rounds (max_rounds) 30 does not apply to " + m.Model + ": --rounds (rounds) 20 runs exactly that many rounds, with no early stop"
		}
		got := ""
		if len(m.Warnings) > 0 {
			got = m.Warnings[0]
		}
		if got != want {
			t.Errorf("%s: first warning %q, want %q", m.Model, got, want)
		}
	}
	// the ensemble's smp member stops early: more rounds are max_rounds'
	f = nileForecast(t, answer.Run{Models: []string{"ensemble"}})
	if w := strings.Join(f.Models[0].Warnings, "\n"); !strings.Contains(w, "which --max-rounds (max_rounds) sets") {
		t.Errorf("the ensemble's settle warning does not name --max-rounds: %q", w)
	}
}

// smp's 34.98 on Drought release, which crosses Egypt's red line (>= 35),
// is written "34.98" in the forecast (its cell at every door) and in the
// red line's note, not "35.0", which would read as meeting it; a forecast
// crossing no red line keeps the issue's decimals.
func TestForecastCrossingReadsCrossing(t *testing.T) {
	f := nileForecast(t, answer.Run{Models: []string{"smp", "compromise", "median"}})
	want := map[string]string{"smp": "34.98", "compromise": "34.6", "median": "37.0"}
	for _, m := range f.Models {
		is, ok := m.ForecastOf("drought")
		if !ok {
			t.Fatalf("%s: no drought forecast", m.Model)
		}
		if is.ForecastText != want[m.Model] {
			t.Errorf("%s: forecast_text %q (forecast %v), want %q", m.Model, is.ForecastText, is.Forecast, want[m.Model])
		}
	}
	if got := PointText("drought", 34.98, 1, nil); got != "35.0" {
		t.Errorf("no red line: %q, want 35.0", got)
	}
}

// Egypt's levers on Drought release in the user's review: persuading
// Sudan to raise its salience moved the forecast by 0.004 and read
// "0.00" beside a gain of +0.0001. The issue's shifts and towards now
// take the decimals that keep it from reading zero, every lever alike.
func TestLeverShiftReadsNonzero(t *testing.T) {
	req := answer.NewAdviseRequest()
	req.Actor, req.Issue = "egypt", "drought"
	a, err := Advise(context.Background(), nileCase(t), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, lv := range a.Issues[0].Levers {
		got[lv.Kind+" "+lv.Actor] = lv.ShiftText + " " + lv.TowardText
	}
	for k, want := range map[string]string{"persuade-salience sudan": "+0.004 +0.004", "own-position egypt": "+0.411 +0.411"} {
		if got[k] != want {
			t.Errorf("%s: shift and toward %q, want %q (all: %q)", k, got[k], want, got)
		}
	}
	if e := LeverDecimals([]answer.Lever{{Shift: 0.41, Toward: 0.41}}, 1); e != 2 {
		t.Errorf("LeverDecimals of a readable shift %d, want the issue's 1 + 1", e)
	}
}
