package cli

import (
	"strings"
	"testing"
)

// wage is a new user's scenario from parley init (ask/testdata/wage.yaml):
// saliences on 0–100, the union's red line ">= 4" on a wage whose status
// quo is 2, one snapshot (2026-04-01) after as_of 2026-03-01.
const wage = "../ask/testdata/wage.yaml"

// The command line writes what ask answers: advice's saliences on the
// file's 0–100 (90, a lever 30 → 35, never 0.90 or 0.30), a tornado's
// salience range as the file states it, a forecast's note on the red
// line it crosses, and every valid snapshot where a date is refused.
func TestWageScenarioDoors(t *testing.T) {
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	out, stderr, code := run(t, "advise", "union", wage, "-q")
	if code != 0 {
		t.Fatalf("advise: exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Wage rise: forecast 3.8, Dockworkers' Union at 8.0 (salience 90), 4.2 apart",
		"Weekly hours: forecast 31.2, Dockworkers' Union at 80.0 (salience 30), 48.8 apart",
		"│ own salience │ Dockworkers' Union │ 90 │ 95 │",
		"│ persuade: salience │ Port Authority │ 60 │ 55 │",
	} {
		if !strings.Contains(flat(out), want) {
			t.Errorf("advise: no %q in:\n%s", want, out)
		}
	}
	for _, bad := range []string{"0.90", "0.30", "0.95"} {
		if strings.Contains(out, bad) {
			t.Errorf("advise writes a salience on 0–1 (%s):\n%s", bad, out)
		}
	}
	out, stderr, code = run(t, "sensitivity", wage, "-m", "compromise", "-n", "50", "-q")
	if code != 0 || !strings.Contains(flat(out), "│ Dockworkers' Union · salience │ 80–100 │") {
		t.Errorf("sensitivity: exit %d, %s\n%s", code, stderr, out)
	}
	out, stderr, code = run(t, "forecast", wage, "-m", "nash", "-q")
	if code != 0 || !strings.Contains(flat(out), "red lines the forecasts cross (no model reads red lines): Dockworkers' Union's red line (it needs Wage rise at 4 or above): nash 2.0") {
		t.Errorf("forecast: exit %d, %s\n%s", code, stderr, out)
	}
	_, stderr, code = run(t, "forecast", wage, "--snapshot", "2026-02-01", "-q")
	if want := "snapshot 2026-02-01 is before the scenario's as_of 2026-03-01; valid: a date on or after 2026-03-01, base or latest (snapshots: 2026-04-01)"; code == 0 || !strings.Contains(stderr, want) {
		t.Errorf("forecast --snapshot 2026-02-01: exit %d, stderr %q, want %q", code, stderr, want)
	}
}
