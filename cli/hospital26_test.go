package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// hospital26File is the review's hospital case cut to what its findings
// need, as ask's tests read it.
func hospital26File(t *testing.T) string {
	t.Helper()
	return filepath.Join("..", "ask", "testdata", "hospital26.yaml")
}

// TestAdviseHospitalReview: the actor by its name, in quotes as the
// review typed it; the head says why compromise; each issue says what a
// step is; the retreat from the tabled offer is named with its shares
// (by hand in ask's TestAdviseWalksBackTabledOffer).
func TestAdviseHospitalReview(t *testing.T) {
	f := hospital26File(t)
	out, stderr, code := run(t, "advise", "Hospital group", f, "-q", "--issue", "wage")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"Advice for Hospital group (hospital), model compromise, advise's default (its shifts are exact, from the weighted mean's closed form, with no re-run of the model per lever), method closed form; its utility at the forecast 0.625",
		"One step, at most: 0.5 on a position, 5% of the scale 0–10, and 0.05 on a salience, 5% of its scale 0–1 (step 0.05, a share of the scale; advise's default).",
		"moving its own position from 4.0 to 3.5, which walks back its own tabled offer h-offer at 4.0: the forecast comes 0.25 closer (3% of the scale), utility +0.0125 (3% of the 0.375 it lacks at the forecast)",
		"Largest utility gains: moving its own position from 4.0 to 3.5, which walks back its own tabled offer h-offer at 4.0 on Wage (+0.0125, 3% of the 0.375 it lacks at the forecast)",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	_, stderr, code = run(t, "advise", "Hospital grp", f, "-q")
	if code == 0 || !strings.Contains(stderr, `did you mean "Hospital group"?`) {
		t.Errorf("a misspelt name: exit %d, %s", code, stderr)
	}
}

// TestSweepSensitivityIssueFlag: sensitivity and sweep take --issue as
// explain and advise do, and compromise's tornado leaves out the other
// issue's input, saying so.
func TestSweepSensitivityIssueFlag(t *testing.T) {
	f := hospital26File(t)
	out, stderr, code := run(t, "sensitivity", f, "-q", "--issue", "staffing", "-n", "40")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	flat := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(flat, "1 input of another issue left out: the compromise model reads each issue alone, so its swing here is exactly 0.") {
		t.Errorf("no left-out line in\n%s", out)
	}
	if strings.Contains(out, "Wage —") || strings.Contains(out, "Hospital group · position") {
		t.Errorf("another issue's tornado or input kept:\n%s", out)
	}
	out, stderr, code = run(t, "sweep", f, "-q", "--issue", "wage", "-n", "20")
	if code != 0 {
		t.Fatalf("sweep: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "Wage — forecast") || strings.Contains(out, "Staffing — forecast") {
		t.Errorf("sweep --issue wage:\n%s", out)
	}
	_, stderr, code = run(t, "sweep", f, "-q", "--issue", "wages", "-n", "20")
	if code == 0 || !strings.Contains(stderr, `did you mean "wage"?`) {
		t.Errorf("an unknown issue: exit %d, %s", code, stderr)
	}
}
