package cli

import (
	"strings"
	"testing"

	"parley/answer"
)

// TestSweepLinesAreTheAnswers: parley sweep prints each issue's line on
// the spread over the inputs and, for snap, on the outcome with the
// model's error as the answer words them (inputs_text, outcome_text),
// the lines the page shows: it printed "median 50.0   mean 49.8   80% …"
// and "outcome, with …" in words of its own.
func TestSweepLinesAreTheAnswers(t *testing.T) {
	args := []string{"sweep", "-n", "20", "-m", "snap", "--seed", "2"}
	var res answer.Sweep
	runJSON(t, &res, args...)
	out, errOut, code := runWide(t, append(args, "-q")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(out, "\n")
	for _, is := range res.Models[0].Issues {
		if is.InputsText == "" || is.Combined == nil || is.Combined.OutcomeText == "" {
			t.Fatalf("%s: the answer carries no lines: %q, %+v", is.Issue, is.InputsText, is.Combined)
		}
		for _, want := range []string{"  " + is.InputsText, "  " + is.Combined.OutcomeText} {
			found := false
			for _, l := range lines {
				found = found || l == want
			}
			if !found {
				t.Errorf("%s: no line %q in\n%s", is.Issue, want, out)
			}
		}
	}
}

// TestBacktestCoverageIsTheAnswers: parley backtest's In 80% and In 95%
// cells are the answer's coverage80_text and coverage95_text.
func TestBacktestCoverageIsTheAnswers(t *testing.T) {
	var b answer.Backtest
	runJSON(t, &b, "backtest", "--from", "base", "-m", "snap,compromise")
	out, errOut, code := runWide(t, "backtest", "--from", "base", "-m", "snap,compromise", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, m := range b.Models {
		if m.Coverage80Text == "" || m.Coverage95Text == "" {
			t.Fatalf("%s carries no coverage text", m.Model)
		}
		for _, l := range strings.Split(out, "\n") {
			if !strings.HasPrefix(l, "│ "+m.Model+" ") {
				continue
			}
			if !strings.Contains(l, " "+m.Coverage80Text+" │") || !strings.Contains(l, " "+m.Coverage95Text+" │") {
				t.Errorf("%s's row %q lacks the answer's coverage %q, %q", m.Model, l, m.Coverage80Text, m.Coverage95Text)
			}
		}
	}
	if b.Models[1].Coverage80Text != "—" {
		t.Errorf("compromise, without a distribution, covers %q, want the dash", b.Models[1].Coverage80Text)
	}
}
