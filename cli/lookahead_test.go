package cli

import (
	"strings"
	"testing"
)

// validate's look-ahead notes (a quote dated after the state it
// supports) name the quote's line and column, as every other diagnostic
// of validate names its place: they named the path, the source and the
// dates, and no line. The base's quote (line 19, its flow mapping at
// column 9) is dated after as_of; the snapshot's (line 27, its mapping
// at column 20, inside the flow list) after the snapshot's date.
func TestValidateLookAheadNamesTheLine(t *testing.T) {
	file := `metadata:
  id: t
  title: T
  as_of: 2025-01-01
  sources:
    - {id: memo, title: Memo}
issues:
  - id: i1
    name: Issue one
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 2, capability_assumed: t}
stances:
  - actor: a
    issue: i1
    position: 10
    salience: 0.5
    evidence:
      - {source: memo, quote: "a says ten", date: 2025-03-01}
  - {actor: b, issue: i1, position: 90, salience: 1, assumed: x}
snapshots:
  - date: 2025-02-01
    stances:
      - actor: a
        issue: i1
        position: 20
        evidence: [{source: memo, quote: "a says twenty", date: 2025-02-10}]
`
	p := write(t, "late.yaml", file)
	stdout, stderr, code := run(t, "validate", p)
	if code != 0 {
		t.Fatalf("validate: exit %d, %s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"late.yaml:19:9: note: stances[0].evidence[0]: is dated 2025-03-01 (source memo), after 2025-01-01, the base's as_of (metadata.as_of)",
		"late.yaml:27:20: note: snapshots[0].stances[0].evidence[0]: is dated 2025-02-10 (source memo), after 2025-02-01, the date of snapshots[0]",
	} {
		if !strings.Contains(strings.Join(strings.Fields(stdout+stderr), " "), want) {
			t.Errorf("validate: %s%s\nwant a line starting %s", stdout, stderr, want)
		}
	}
	// The counts tell the file's warning (memo names no file) from the
	// notes by each diagnostic's own mark (Note), not by its place in
	// the answer's list.
	if want := "1 warning, 2 notes of quotes dated after the state they support"; !strings.Contains(stdout, want) {
		t.Errorf("validate: %s\nwant the counts %q", stdout, want)
	}
}
