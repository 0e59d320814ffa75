package cli

import (
	"strings"
	"testing"
)

// TestCompareSnapshotsNamesVariant: over snapshots under a variant the
// heading names the variant by its name, as the columns of a comparison
// over variants do; the line under it had said "Snapshots side by side
// (variant us-ends-support)" (the user's review, names25).
func TestCompareSnapshotsNamesVariant(t *testing.T) {
	out, stderr, code := run(t, "compare", "-q", "-m", "compromise", "--over", "snapshots", "--variant", "us-ends-support")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	flat := flatText(out)
	if want := "the base (2025-02-28) and 3 snapshots to 2025-08-18, variant The United States ends all support ("; !strings.Contains(flat, want) {
		t.Errorf("no %q in:\n%s", want, out)
	}
	if strings.Contains(out, "us-ends-support") {
		t.Errorf("the variant's id is printed:\n%s", out)
	}
}
