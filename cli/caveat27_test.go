package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAdviseCaveatLine: under an issue's levers parley advise prints
// the answer's caveat line (caveat_text) for a lever that walks back a
// tabled offer the sentence does not name: in the hospital case
// with a mediator, the hospital's own lever on wage (by hand in ask's
// TestLeverCaveatText), once.
func TestAdviseCaveatLine(t *testing.T) {
	out, stderr, code := run(t, "advise", "hospital", filepath.Join("..", "ask", "testdata", "mediator27.yaml"), "-q", "--issue", "wage")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	flat := strings.Join(strings.Fields(out), " ")
	want := "caveat: moving its own position from 4.0 to 3.5, which walks back its own tabled offer h-offer at 4.0: the forecast comes 0.10 closer (1% of the scale), utility +0.0050 (1% of the 0.360 it lacks at the forecast)"
	if n := strings.Count(flat, want); n != 1 {
		t.Errorf("%d of %q in\n%s", n, want, out)
	}
	if n := strings.Count(flat, "caveat:"); n != 1 {
		t.Errorf("%d caveats in\n%s", n, out)
	}
}
