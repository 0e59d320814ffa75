package cli

import (
	"strings"
	"testing"
)

// A reviewer's case (ask/testdata/transit): its snapshot moves the
// transit authority's fare position from 25 to 20, the low end of the
// base stance's range [20, 35], which is kept, so sweep draws it only
// above 20. validate said 0 warnings; it now warns at the snapshot's
// position, and --strict refuses the file, with the line and what to
// write (scenario.rangeEnd).
func TestValidateWarnsOfAPositionAtAnEndOfItsKeptRange(t *testing.T) {
	const p = "../ask/testdata/transit/transit.yaml"
	want := "transit.yaml:177:19: warning: snapshots[0].stances[0].position: moves Regional Transit Authority's position on Fare increase (cents) from 25 to 20, the low end of its range [20, 35], which is kept: " +
		"sweep will draw it only above 20, on one side of its stated value (valid: a range of its own in the change, e.g. range: {position: [15, 30]}, or range: {position: [20, 35]} restated to keep 20 at its end)"
	out, stderr, code := run(t, "validate", p)
	if code != 0 || !strings.Contains(out+stderr, want) || !strings.Contains(out, "; 1 warning;") {
		t.Errorf("validate: exit %d\nstdout %s\nstderr %s\nwant %q", code, out, stderr, want)
	}
	_, stderr, code = run(t, "validate", "--strict", p)
	if code == 0 || !strings.Contains(stderr, strings.Replace(want, "warning: ", "", 1)) {
		t.Errorf("validate --strict: exit %d, stderr %s", code, stderr)
	}
}
