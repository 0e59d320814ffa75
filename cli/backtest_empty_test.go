package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// A backtest that scores nothing says so in one line and exits 2, as a
// request with nothing to do does: from 2025-06-01 the one outcome of
// the case (2025-03-01) is history. It printed "1 of the 1 recorded
// outcomes are dated on or before …", a second warning that nothing was
// scored, and every model's notes (red lines crossed by a forecast
// nothing scored), which -q does not silence, and exited 0. --format
// json prints the answer as the API returns it: that one line its only
// warning, no model's notes.
func TestBacktestNothingToScoreExitsTwo(t *testing.T) {
	data, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := write(t, "one.yaml", string(data)+"outcomes:\n  - {issue: budget, value: 50, date: 2025-03-01, evidence: [{source: memo, quote: half}]}\n")
	want := "no outcome is dated after 2025-06-01: nothing to score (the one recorded outcome is dated 2025-03-01; give an earlier snapshot)"
	out, stderr, code := run(t, "backtest", file, "--from", "2025-06-01", "-m", "compromise,nash", "-q")
	if code != 2 || out != "" || stderr != "parley: "+want+"\n" {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2, nothing on stdout and the one line %q", code, out, stderr, want)
	}
	out, stderr, code = run(t, "backtest", file, "--from", "2025-06-01", "-m", "compromise,nash", "-q", "-f", "json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	var b struct {
		Warnings []string
		Models   []struct{ Notes []string }
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Warnings) != 1 || b.Warnings[0] != want || len(b.Models) != 2 {
		t.Errorf("json warnings %q, %d models; want the one line", b.Warnings, len(b.Models))
	}
	for _, m := range b.Models {
		if len(m.Notes) != 0 {
			t.Errorf("json: notes %q", m.Notes)
		}
	}
	// From the base the outcome is scored, and the table is printed.
	if out, stderr, code := run(t, "backtest", file, "--from", "base", "-m", "compromise", "-q"); code != 0 || !strings.Contains(out, "scored against 1 outcome") {
		t.Errorf("from the base: exit %d, %s\n%s", code, stderr, out)
	}
}
