package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A proposal that cannot be judged (it leaves open an issue the batna
// gives no value) is listed as "not judged" with the reason, the other
// proposal is judged, and the command succeeds: it used to exit with
// the first proposal's error and list nothing.
func TestProposalsNotJudged(t *testing.T) {
	f := filepath.Join("..", "ask", "testdata", "open-proposal.yaml")
	out, errOut, code := run(t, "deal", "proposals", f, "-m", "none", "--all-snapshots")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"│ not judged │", "│ accepted   │", "Budget only (budget-only): not judged: it leaves issues [timeline] open",
		"warning: proposal budget-only could not be judged"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	csv, _, code := run(t, "deal", "proposals", f, "-m", "none", "-f", "csv", "-q")
	if code != 0 || !strings.Contains(csv, "\nbudget-only,Budget only,2026-01-10,budget 40.0 (none),timeline,,,,,,,,\"not judged: it leaves issues [timeline] open") {
		t.Errorf("csv (exit %d) lacks the unjudged row:\n%s", code, csv)
	}
}
