package cli

import (
	"regexp"
	"strings"
	"testing"
)

// A snap sweep's line on the outcome with the model's error writes its
// intervals as every other interval is written (names25's rule, the
// issue's own line above it): the level, then the ends joined by
// RangeJoin, "80% 20.0–85.0, 95% 8.9–90.8", not "80% [20.0, 85.0]".
func TestSweepCombinedIntervalsJoined(t *testing.T) {
	out, errOut, code := runWide(t, "sweep", "-n", "20", "-m", "snap", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "Outcome, with the model's error") {
			lines = append(lines, l)
		}
	}
	want := regexp.MustCompile(`\(approximate\): 80% [0-9.]+–[0-9.]+, 95% [0-9.]+–[0-9.]+; sd `)
	if len(lines) == 0 {
		t.Fatalf("no outcome line:\n%s", out)
	}
	for _, l := range lines {
		if !want.MatchString(l) || strings.Contains(l, "[") {
			t.Errorf("outcome line %q", l)
		}
	}
}
