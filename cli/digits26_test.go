package cli

import (
	"strings"
	"testing"
)

// The user's review of a hospital bargaining case (digits26): parley
// show --all writes a salience as advice does, "0.90" on 0–1 (not
// "0.9"); and parley explain heads bdm's staffing range 5.34–6.00,
// which reaches the options 1:5 and 1:6, with "reaching 1:5 to 1:6", no
// "→" (no one option reads as all of it, the forecast table's legend)
// and no "/", which is a tie's.
func TestHospitalShowAndExplainNotation(t *testing.T) {
	file := "../ask/testdata/hospital/hospital.yaml"
	out, _, code := run(t, "show", "--all", file)
	if code != 0 || !strings.Contains(out, "│     0.90 │ quoted") || strings.Contains(out, "│      0.9 │") {
		t.Errorf("show --all (exit %d): want salience 0.90:\n%s", code, out)
	}
	out, _, code = run(t, "explain", "-m", "bdm", "--issue", "staffing", file)
	if code != 0 || !strings.Contains(out, "(staffing): 5.34–6.00 ~, reaching 1:5 to 1:6\n") || strings.Contains(out, "1:5 / 1:6") {
		t.Errorf("explain (exit %d): want reaching 1:5 to 1:6:\n%s", code, out)
	}
}
