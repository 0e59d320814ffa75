package ask

import (
	"errors"
	"math"
	"testing"

	"parley/answer"
	"parley/sweep"
)

// TestCompareGapTexts: a model's notes on the columns where its line over
// the snapshots has no point, hand-written: one unsettled column is "its
// bar", two are "each bar"; a column that failed says its error, one
// without a forecast only its date; a label equal to the date is not
// repeated; ranges take the issue's decimals (two here).
func TestCompareGapTexts(t *testing.T) {
	unsettled := func(lo, hi float64) answer.CompareCell {
		return answer.CompareCell{Forecast: &answer.IssueForecast{Range: &answer.Interval{Lo: lo, Hi: hi}}}
	}
	settled := answer.CompareCell{Forecast: &answer.IssueForecast{Settled: true, Forecast: 0.5}}
	a := &answer.Comparison{
		Scenario: answer.Scenario{Issues: []answer.Issue{{ID: "x", Decimals: 2}}},
		Request:  answer.CompareRequest{Over: answer.OverSnapshots},
		Columns: []answer.CompareColumn{
			{Snapshot: "base", AsOf: "2025-02-28", Label: "base"},
			{Snapshot: "2025-03-18", AsOf: "2025-03-18", Label: "Trump–Putin call"},
			{Snapshot: "2025-04-01", AsOf: "2025-04-01", Label: "2025-04-01"},
		},
		Models: []answer.CompareModel{
			{Model: "bdm", Columns: []answer.CompareRun{{}, {Error: "it broke", Err: errors.New("it broke")}, {}},
				Issues: []answer.CompareIssue{{Issue: "x", Cells: []answer.CompareCell{unsettled(0.451, 0.5), {}, unsettled(0.3, 0.31)}}}},
			{Model: "smp", Columns: []answer.CompareRun{{}, {}, {}},
				Issues: []answer.CompareIssue{{Issue: "x", Cells: []answer.CompareCell{settled, unsettled(0.2, 0.25), {}}}}},
			{Model: "nash", Columns: []answer.CompareRun{{}, {}, {}},
				Issues: []answer.CompareIssue{{Issue: "x", Cells: []answer.CompareCell{settled, settled, settled}}}},
		},
	}
	compareGapTexts(a)
	for _, c := range []struct{ model, unsettled, none string }{
		{"bdm", "bdm has no point at 2025-02-28 (base) (0.45–0.50), 2025-04-01 (0.30–0.31): it did not settle there; each bar is its range.",
			"bdm gave no forecast at 2025-03-18 (Trump–Putin call): it broke."},
		{"smp", "smp has no point at 2025-03-18 (Trump–Putin call) (0.20–0.25): it did not settle there; its bar is its range.",
			"smp gave no forecast at 2025-04-01."},
		{"nash", "", ""},
	} {
		for _, m := range a.Models {
			if m.Model != c.model {
				continue
			}
			if got := m.Issues[0].UnsettledText; got != c.unsettled {
				t.Errorf("%s unsettled_text = %q, want %q", c.model, got, c.unsettled)
			}
			if got := m.Issues[0].NoForecastText; got != c.none {
				t.Errorf("%s no_forecast_text = %q, want %q", c.model, got, c.none)
			}
		}
	}
	// Over variants the page draws no timeline: no notes.
	a.Request.Over = answer.OverVariants
	a.Models[0].Issues[0].UnsettledText, a.Models[0].Issues[0].NoForecastText = "", ""
	compareGapTexts(a)
	if is := a.Models[0].Issues[0]; is.UnsettledText != "" || is.NoForecastText != "" {
		t.Errorf("over variants: %q, %q; want none", is.UnsettledText, is.NoForecastText)
	}
}

// TestSharesCommon: the opening every line shares up to its last clause
// in common is said once with a full stop, and each line keeps its rest
// with its first letter upper case; a line that opens otherwise leaves
// no common opening, and each rest is its whole line.
func TestSharesCommon(t *testing.T) {
	open := "Var. share: the share of the variance each input explains alone; "
	notes := map[string]string{"a": open + "the shares sum to 0.98", "b": open + "the shares sum to 1.02, above the 1"}
	common, rest := SharesCommon(notes, []string{"a", "b"})
	if want := "Var. share: the share of the variance each input explains alone."; common != want {
		t.Errorf("common = %q, want %q", common, want)
	}
	if rest["a"] != "The shares sum to 0.98" || rest["b"] != "The shares sum to 1.02, above the 1" {
		t.Errorf("rest = %q", rest)
	}
	notes["c"] = "With 2,000 draws these shares do not yet order A and B: …; " + open
	common, rest = SharesCommon(notes, []string{"a", "b", "c"})
	if common != "" || rest["a"] != notes["a"] || rest["c"] != notes["c"] {
		t.Errorf("lines that open otherwise: common %q, rest %q", common, rest)
	}
	// One line alone: nothing to share.
	common, rest = SharesCommon(map[string]string{"a": notes["a"]}, []string{"a"})
	if common != "" || rest["a"] != notes["a"] {
		t.Errorf("one line: common %q, rest %q", common, rest)
	}
	// A shorter common clause than 40 bytes is not said apart.
	common, _ = SharesCommon(map[string]string{"a": "Short; one", "b": "Short; two"}, []string{"a", "b"})
	if common != "" {
		t.Errorf("short opening: common %q, want none", common)
	}
}

// TestSweepLineTexts: a sweep's two lines under an issue, written from
// hand-picked numbers in the issue's decimals (one, then two).
func TestSweepLineTexts(t *testing.T) {
	is := sweep.IssueSummary{Median: 50, Mean: 49.84, SD: 3.21, Lo80: 45.31, Hi80: 54.19, Lo95: 40.1, Hi95: 60.04}
	if got, want := SweepInputsText(is, 1), "Forecast over the inputs: median 50.0, mean 49.8, sd 3.2; 80% 45.3–54.2, 95% 40.1–60.0"; got != want {
		t.Errorf("inputs: %q, want %q", got, want)
	}
	c := sweep.Combined{Lo80: 0.402, Hi80: 0.598, Lo95: 0.35, Hi95: 0.651, SD: 0.0741, ShareInputs: 0.97, ShareModel: 0.03}
	if got, want := SweepOutcomeText(c, 2), "Outcome, with the model's error on real outcomes (approximate): 80% 0.40–0.60, 95% 0.35–0.65; sd 0.07 = 97% inputs + 3% model error (of the variance)"; got != want {
		t.Errorf("outcome: %q, want %q", got, want)
	}
}

// TestCoverageText: a coverage as a whole percent, the dash for none.
func TestCoverageText(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{{2.0 / 3, "67%"}, {1, "100%"}, {0, "0%"}, {math.NaN(), NoNumber}} {
		if got := CoverageText(answer.Num(c.x)); got != c.want {
			t.Errorf("CoverageText(%v) = %q, want %q", c.x, got, c.want)
		}
	}
}
