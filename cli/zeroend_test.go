package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zeroEnd is a valid file on which north's salience on timeline, the
// only stance that weighs that issue, is ranged from 0: at that end no
// model can weigh the issue.
const zeroEnd = "../ask/testdata/zero-end.yaml"

// TestSensitivityZeroEnd: parley sensitivity answers on zeroEnd, where
// it exited 3 with the model's refusal at the low end. The table writes
// the missing end "none", marks the swing measured from one end (†) and
// says why under it; the warning names the input, the end and the
// reason. By hand, with compromise, budget is 5040/78 = 64.6 at the
// stated values and at north's salience 0.6, and south's capability
// swings it 70.9 → 60.0 (4680/66 → 5400/90). The JSON carries the end
// as null, with the model's message in failed_at_low, and the CSV an
// empty cell and the message.
func TestSensitivityZeroEnd(t *testing.T) {
	out, stderr, code := runWide(t, "sensitivity", zeroEnd, "-m", "compromise", "-n", "200", "-q")
	if code != 0 {
		t.Fatalf("exit %d on a valid file: %s", code, stderr)
	}
	// the footnote and the warning wrap, with a hanging indent: compare
	// words
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"│ South · capability │ 20.0–60.0 │ 70.9 → 60.0 │",
		"│ North · salience on Timeline │ 0.00–0.60 │ none → 64.6 │", // a salience with two decimals on 0–1, as advice writes one (ask.InputValue)
		"│ North · salience │ 0.00–0.60 │ none → 50.0 │",
		"│  0.0† │",
		"† no forecast at one end, where the model refused the problem: North's salience on Timeline at 0.00 (its low end); the swing is measured from the stated value to the other end (see the warning)",
		"warning (compromise): North's salience on Timeline: no forecast at 0.00, the low end of its range: the model refused that problem (issue timeline: no actor has a stance with salience > 0, so no model can weigh it); its swing on every issue is measured from the stated value to the high end alone",
	} {
		if !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}

	js, stderr, code := run(t, "sensitivity", zeroEnd, "-m", "compromise", "-n", "200", "-q", "-f", "json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	var res struct {
		Models []struct {
			FailedEnds int      `json:"failed_ends"`
			Warnings   []string `json:"warnings"`
			Issues     []struct {
				Swings []map[string]any `json:"swings"`
			} `json:"issues"`
		} `json:"models"`
	}
	if err := json.Unmarshal([]byte(js), &res); err != nil {
		t.Fatal(err)
	}
	m := res.Models[0]
	sw := m.Issues[0].Swings[1]
	if v, ok := sw["forecast_at_low"]; !ok || v != nil || sw["forecast_at_high"] != 5040.0/78 || m.FailedEnds != 1 || len(m.Warnings) != 1 ||
		sw["failed_at_low"] != "issue timeline: no actor has a stance with salience > 0, so no model can weigh it" {
		t.Errorf("the one-ended swing in JSON: %v (failed ends %d, warnings %q)", sw, m.FailedEnds, m.Warnings)
	}

	csv, stderr, code := run(t, "sensitivity", zeroEnd, "-m", "compromise", "-n", "200", "-q", "-f", "csv")
	if code != 0 || !strings.Contains(stderr, "North's salience on Timeline: no forecast at 0") {
		t.Fatalf("csv: exit %d, stderr %s", code, stderr)
	}
	if want := `,0,0.3,0.6,,50,0,0,0,0,false,false,"issue timeline: no actor has a stance with salience > 0, so no model can weigh it",` + "\n"; !strings.Contains(csv, want) {
		t.Errorf("no %q in:\n%s", want, csv)
	}
}

// TestBriefZeroEnd: parley brief builds the brief of zeroEnd, where it
// exited 3, and the brief gives the sensitivity analysis's warning.
func TestBriefZeroEnd(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "brief.md")
	if _, stderr, code := run(t, "brief", zeroEnd, "-o", dst, "-q"); code != 0 {
		t.Fatalf("exit %d on a valid file: %s", code, stderr)
	}
	b, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Warning (compromise, what moves it most): North's salience on Timeline: no forecast at 0.00, the low end of its range"; !strings.Contains(string(b), want) {
		t.Errorf("the brief has not %q:\n%s", want, b)
	}
}
