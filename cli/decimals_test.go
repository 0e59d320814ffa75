package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"parley/answer"
)

// TestUnitScaleDecimals: on an issue coded 0 to 1 (testdata/unit-scale.yaml)
// every number on the scale is written with its two decimals
// (ask.ScaleDecimals: 2 − ⌊log₁₀ 1⌋ = 2), where every door wrote one and a
// forecast of 0.4667 read 0.5. The expected strings are worked by hand from
// the file: three actors of equal weight at 0.30, 0.45 and 0.65, status quo
// 0.20; the compromise is 1.40 / 3 = 0.4667, each one's pull from the status
// quo (position − 0.20) / 3: 0.15, 0.0833, 0.0333.
func TestUnitScaleDecimals(t *testing.T) {
	const file = "testdata/unit-scale.yaml"
	for _, c := range []struct {
		name string
		args []string
		want []string
	}{
		// 0.4667 → "0.47" (was "0.5"); →0.5 is the nearest option's point.
		{"forecast", []string{"forecast", file, "-m", "compromise", "-q"}, []string{"│ Issue A │  0.47 →0.5 │"}},
		{"explain", []string{"explain", file, "-m", "compromise", "-q"}, []string{
			"Issue A (a): 0.47 → Half; pull: share × (position − forecast), + up, − down",
			"│ West  │     0.65 │   1.00 │ 33.3% │ +0.06 │",
			"│ South │     0.45 │   1.00 │ 33.3% │ -0.01 │",
			"│ North │     0.30 │   1.00 │ 33.3% │ -0.06 │",
			"compromise forecasts 0.47 (nearest: Half)",
		}},
		// the scale and the status quo as the issue's numbers
		{"show", []string{"show", file}, []string{"│ 0.00–1.00 │       0.20 │"}},
	} {
		out, stderr, code := run(t, c.args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.name, code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: no %q in\n%s", c.name, w, out)
			}
		}
	}
	// The answer carries the decimals the doors wrote with.
	var f answer.Forecast
	runJSON(t, &f, "forecast", file, "-m", "compromise")
	if len(f.Scenario.Issues) != 1 || f.Scenario.Issues[0].Decimals != 2 {
		t.Errorf("the answer's issues %+v, want one with decimals 2", f.Scenario.Issues)
	}
}

// TestBuiltInCaseOneDecimal: the built-in case's scales are 0 to 100, so
// its numbers keep the one decimal every door wrote before the rule
// (ask.ScaleDecimals: 2 − ⌊log₁₀ 100⌋ = 0, at least 1), and the answer says
// so for every issue.
func TestBuiltInCaseOneDecimal(t *testing.T) {
	var f answer.Forecast
	runJSON(t, &f, "forecast", "-m", "compromise")
	for _, is := range f.Scenario.Issues {
		if is.Decimals != 1 {
			t.Errorf("%s (%v–%v): decimals %d, want 1", is.ID, is.Min, is.Max, is.Decimals)
		}
	}
}

// TestBacktestScoresOnTheScale: a backtest's MAE and CRPS are errors
// along the scored issues' scale, written with their decimals as each
// outcome's error is: on testdata/unit-backtest.yaml, a 0–1 issue whose
// outcome 0.41 lies 0.0567 from the compromise 0.4667, the MAE and the
// CRPS read 0.06 beside the cell's "0.47 (0.06)", where one decimal wrote
// them 0.1.
func TestBacktestScoresOnTheScale(t *testing.T) {
	out, stderr, code := run(t, "backtest", "testdata/unit-backtest.yaml", "--from", "base", "-m", "compromise", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if w := "│ compromise │ 0.06 │ 1/1         │ 0.06 │ —      │ —      │ 0.47 (0.06) ✓ │"; !strings.Contains(out, w) {
		t.Errorf("no %q in\n%s", w, out)
	}
	// ledger grade: the same forecast sealed, then graded (in hindsight:
	// the outcome was in the file when it was sealed, so no rank column)
	ledger := filepath.Join(t.TempDir(), "l.jsonl")
	if _, stderr, code := run(t, "ledger", "record", "testdata/unit-backtest.yaml", "--ledger", ledger, "-m", "compromise", "-q"); code != 0 {
		t.Fatalf("ledger record: exit %d: %s", code, stderr)
	}
	out, stderr, code = run(t, "ledger", "grade", "testdata/unit-backtest.yaml", "--ledger", ledger)
	if code != 0 {
		t.Fatalf("ledger grade: exit %d: %s", code, stderr)
	}
	if w := "│ compromise │      1 │ 0.06 │ 0.06 │ —      │"; !strings.Contains(out, w) {
		t.Errorf("ledger grade: no %q in\n%s", w, out)
	}
}

// TestBacktestMixedScalesColumns: where the scored outcomes' scales
// differ in width, backtest and ledger grade add MAE % and CRPS % beside
// MAE and CRPS (ask: each error as a percent of its issue's scale) and
// say what they are. ask/testdata/mixed-scales-outcomes.yaml, an outcome
// of 40 on Big (0–100) and 0.41 on Unit (0–1): compromise forecasts 51.67
// and 0.4667, errors 11.667 and 0.0567: MAE (11.667 + 0.0567)/2 = 5.86
// (two decimals, Unit's), MAE % (11.667 + 5.667)/2 = 8.7; median 55 and
// 0.45, errors 15 and 0.04: MAE 7.52, MAE % 9.5.
func TestBacktestMixedScalesColumns(t *testing.T) {
	const file = "../ask/testdata/mixed-scales-outcomes.yaml"
	dir := t.TempDir()
	out, stderr, code := run(t, "backtest", file, "-m", "compromise,median", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, w := range []string{
		"│ MODEL      │ MAE  │ MAE % │ OPTION HITS │ CRPS │ CRPS % │ IN 80% │ IN 95% │",
		"│ compromise │ 5.86 │   8.7 │ 0/2         │ 5.86 │    8.7 │ —      │ —      │ 51.7 (11.7)    │ 0.47 (0.06)  │",
		"│ median     │ 7.52 │   9.5 │ 0/2         │ 7.52 │    9.5 │ —      │ —      │ 55.0 (15.0)    │ 0.45 (0.04)  │",
		"MAE %, CRPS %: each error as a",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("no %q in\n%s", w, out)
		}
	}
	ledger := filepath.Join(dir, "l.jsonl")
	if _, stderr, code := run(t, "ledger", "record", file, "--ledger", ledger, "-m", "compromise,median", "-q"); code != 0 {
		t.Fatalf("ledger record: exit %d: %s", code, stderr)
	}
	out, stderr, code = run(t, "ledger", "grade", file, "--ledger", ledger)
	if code != 0 {
		t.Fatalf("ledger grade: exit %d: %s", code, stderr)
	}
	for _, w := range []string{
		"In hindsight (outcome dated on or before its entry was recorded; not ranked):",
		"│ MODEL      │ GRADED │ MAE  │ MAE % │ CRPS │ CRPS % │ IN 80% │",
		"│ compromise │      2 │ 5.86 │   8.7 │ 5.86 │    8.7 │ —      │",
		"the models are not ranked until each has at least 10",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("ledger grade: no %q in\n%s", w, out)
		}
	}
	// its warnings break at the width, as every command's do (they ran
	// on in one line of 300 characters)
	for _, l := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(l); n > defaultWidth {
			t.Errorf("ledger grade: a line of %d characters, over %d: %q", n, defaultWidth, l)
		}
	}
	// Not ranked, so not said to be ranked by MAE %.
	if strings.Contains(out, "ranked by MAE %") {
		t.Errorf("ledger grade ranks nothing, yet says how:\n%s", out)
	}
}
