package cli

import (
	"os"
	"strings"
	"testing"
)

// joined joins a table's wrapped lines into one, its runs of spaces as one.
func joined(s string) string { return strings.Join(strings.Fields(s), " ") }

// The table says, under its head, whose intervals they are and where the
// closed-form models fall beyond them, and, at x alone, that its
// interval is a point, not a certainty; a CSV says both on stderr.
func TestSweepTableSaysFixedAndAlone(t *testing.T) {
	file := "../ask/testdata/noted.yaml" // x fixed at 75 in compromise; see its comment
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, "sweep", file, "-n", "200")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	alone := "Intervals of the compromise model alone (other models can be swept too): at the stated values the closed-form models (compromise, median, nash and ks) put X between 0.0 and 100.0 and Y between 20.0 and 80.0, reaching beyond its 80% intervals."
	fixed := "nothing that moves compromise's forecast of this issue has a range (its positions and saliences and the capabilities of the actors in it): its interval is a point, not a certainty"
	f := joined(out)
	x, y := strings.Index(f, "X — forecast 75.0"), strings.Index(f, "Y — forecast")
	if a := strings.Index(f, alone); a < 0 || x < 0 || a > x {
		t.Errorf("the head does not say %q before X's section:\n%s", alone, out)
	}
	if n := strings.Count(f, fixed); n != 1 || x < 0 || y < x {
		t.Fatalf("%d notes of a fixed issue; want 1, X's:\n%s", n, out)
	}
	if at := strings.Index(f, fixed); at < x || at > y {
		t.Errorf("the note of a fixed issue is not in X's section:\n%s", out)
	}
	if !strings.Contains(f, "80% 75.0–75.0, 95% 75.0–75.0") {
		t.Errorf("X's interval is not the point 75.0:\n%s", out)
	}
	_, stderr, code = run(t, "sweep", file, "-n", "200", "-f", "csv")
	if code != 0 {
		t.Fatalf("csv: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"note (compromise): " + alone + "\n", "note (compromise): X (x): " + fixed + "\n"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("csv's stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "Y (y): nothing") {
		t.Errorf("csv's stderr calls y fixed:\n%s", stderr)
	}
}

// A sensitivity analysis's table says at x alone, in the sweep's words
// but of its swings, that every swing is 0, a point, not a certainty, for compromise and for
// bdm, which reads each issue alone too; a CSV says it on stderr.
func TestSensitivityTableSaysFixed(t *testing.T) {
	file := "../ask/testdata/noted.yaml" // x fixed in every model that reads each issue alone
	fixed := func(m string) string {
		return "nothing that moves " + m + "'s forecast of this issue has a range (its positions and saliences and the capabilities of the actors in it): every swing is 0, a point, not a certainty"
	}
	out, stderr, code := run(t, "sensitivity", file, "-n", "1000", "-m", "compromise,bdm")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f := joined(out)
	for _, m := range []string{"compromise", "bdm"} {
		x, y := strings.Index(f, "X — model "+m), strings.Index(f, "Y — model "+m)
		if n := strings.Count(f, fixed(m)); n != 1 || x < 0 || y < x {
			t.Fatalf("%s: %d notes of a fixed issue; want 1, X's:\n%s", m, n, out)
		}
		if at := strings.Index(f, fixed(m)); at < x || at > y {
			t.Errorf("%s: the note of a fixed issue is not in X's tornado:\n%s", m, out)
		}
	}
	_, stderr, code = run(t, "sensitivity", file, "-n", "1000", "-m", "compromise,bdm", "-f", "csv")
	if code != 0 {
		t.Fatalf("csv: exit %d: %s", code, stderr)
	}
	for _, m := range []string{"compromise", "bdm"} {
		if want := "note (" + m + "): X (x): " + fixed(m) + "\n"; !strings.Contains(stderr, want) {
			t.Errorf("csv's stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "Y (y): nothing") {
		t.Errorf("csv's stderr calls y fixed:\n%s", stderr)
	}
}
