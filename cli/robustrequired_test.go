package cli

import (
	"strings"
	"testing"
)

// The robust table's Required column says "required" or "not required",
// as the verdict table's "(not required)" does: it printed Go's true and
// false.
func TestRobustRequiredColumn(t *testing.T) {
	out, stderr, code := run(t, "deal", "evaluate", wage, "-p", "wage=4,hours=50,pension=50", "--robust", "-n", "50",
		"--require", "union,port", "-m", "none", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"│ Port Authority     │ 0% (0–7%)      │ required     │",
		"│ City Council       │ 100% (93–100%) │ not required │",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no row %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "true") || strings.Contains(out, "false") {
		t.Errorf("true or false printed:\n%s", out)
	}
}
