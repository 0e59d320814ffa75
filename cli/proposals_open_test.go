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
	out, errOut, code := runWide(t, "deal", "proposals", f, "-m", "none", "--all-snapshots")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"│ not judged                     │", "│ accepted by East, North, South │", "Budget only (budget-only): not judged: it leaves issues [timeline] open",
		"warning: proposal budget-only could not be judged"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	csv, _, code := run(t, "deal", "proposals", f, "-m", "none", "-f", "csv", "-q")
	if code != 0 || !strings.Contains(csv, "\nbudget-only,Budget only,2026-01-10,budget 40.0 (nearest: none (0.0)),timeline,,,,,,,,\"not judged: it leaves issues [timeline] open") {
		t.Errorf("csv (exit %d) lacks the unjudged row:\n%s", code, csv)
	}
}

// A request error is the command's: --require naming no actor exits 2
// with the usage error, as deal evaluate does, rather than listing every
// proposal "not judged" and exiting 0.
func TestProposalsBadRequireExitsTwo(t *testing.T) {
	for _, cmd := range [][]string{{"deal", "proposals", "-m", "none"}, {"deal", "evaluate", "-p", "ceasefire=50", "-m", "none"}} {
		out, errOut, code := run(t, append(cmd, "--require", "nobody", "-q")...)
		if code != 2 || !strings.Contains(errOut, `require: actor "nobody" is not in the scenario`) || strings.Contains(out, "not judged") {
			t.Errorf("%v --require nobody: exit %d, stderr %q, stdout:\n%s", cmd, code, errOut, out)
		}
	}
}
