package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// coverageDoc quotes every stance and no capability (redline21, finding
// 3: validate printed "base 90%" beside "Capabilities quoted at base: 0
// of 5"). A snapshot adds an actor whose stance rests on a reason only.
const coverageDoc = `metadata:
  id: c
  title: C
  as_of: 2025-01-01
  sources: [{id: s, title: S}]
issues:
  - {id: i, name: I}
actors:
  - {id: a, name: A, capability: 3, capability_assumed: g}
  - {id: b, name: B, capability: 1, capability_assumed: g}
stances:
  - {actor: a, issue: i, position: 10, salience: 0.5, evidence: [{source: s, quote: q}]}
  - {actor: b, issue: i, position: 90, salience: 0.5, evidence: [{source: s, quote: q}]}
snapshots:
  - date: 2025-02-01
    add_actors: [{id: c, name: C, capability: 4, capability_assumed: g}]
    stances: [{actor: c, issue: i, position: 50, salience: 0.5, assumed: g}]
`

// TestCoverageHeadlinePerKind: validate and show head the coverage with
// each snapshot's share of each kind (evidence.Headline), not a share of
// the stances alone that reads as the whole. By hand: at the base every
// stance is quoted (100%) and no capability (0 of 2); at 2025-02-01 c's
// weight 4 × 0.5 = 2 is assumed, of 3 × 0.5 + 1 × 0.5 + 2 = 4: 50%, and
// no capability of 3. a's and b's stances cite one quote, q: both rest
// only on a quote shared with the other actor (honest27).
func TestCoverageHeadlinePerKind(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(p, []byte(coverageDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "Evidence coverage:\n" +
		"  base: stances 100% quoted (by capability × salience), 100% only by shared quotes (2 stances), capabilities 0 of 2 quoted\n" +
		"  2025-02-01: stances 50% quoted (by capability × salience), 50% only by shared quotes (2 stances), capabilities 0 of 3 quoted\n"
	for _, cmd := range []string{"validate", "show"} {
		out, stderr, code := run(t, cmd, p)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d, stderr %q; want\n%s\nin\n%s", cmd, code, stderr, want, out)
		}
	}
}
