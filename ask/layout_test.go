package ask

import (
	"context"
	"strings"
	"testing"

	"parley/scenariofile"
)

// ingestLayoutFile is a scenario file with comments, blank lines, a
// folded description and a snapshot, which ingest apply adds to.
const ingestLayoutFile = `# A scenario written by hand.
metadata:
  id: layout
  title: Layout
  as_of: 2025-01-01
  description: >
    A folded description
    over two lines.
  sources:
    - {id: s1, title: The statement}

issues:
  - id: i
    name: The issue

actors:
  - {id: x, name: X, capability: 1, capability_assumed: t}
  - {id: y, name: Y, capability: 1, capability_assumed: t}

stances:
  - {actor: x, issue: i, position: 10, salience: 0.5, assumed: t}
  - {actor: y, issue: i, position: 90, salience: 0.5, assumed: t}

# What changed since.
snapshots:
  - date: 2025-02-01
    stances:
      - {actor: x, issue: i, position: 20}

# The end.
`

// ingest apply merges the kept evidence as a new snapshot inserted after
// the last one's lines, before the blank line and the comment after
// them: every byte of the original stays, in order, and what is inserted
// is the new snapshot alone.
func TestIngestApplyKeepsTheFilesText(t *testing.T) {
	review := `scenario: layout
date: 2025-03-01
entries:
  - actor: x
    issue: i
    evidence: {source: s1, quote: "X would accept a compromise."}
    score: 1
    line: 1
`
	out, applied, notes, err := IngestApply(context.Background(), "layout.yaml", []byte(ingestLayoutFile), "review.yaml", []byte(review), "", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "applied 1 quote to 1 stance in a new snapshot dated 2025-03-01; the file edited in place"; applied != want {
		t.Errorf("applied %q, want %q", applied, want)
	}
	if len(notes) != 0 {
		t.Errorf("notes %q, want none: the file was edited as text", notes)
	}
	at := strings.Index(ingestLayoutFile, "\n\n# The end.") + 1
	before, after := ingestLayoutFile[:at], ingestLayoutFile[at:]
	got := string(out)
	if !strings.HasPrefix(got, before) || !strings.HasSuffix(got, after) || len(got) <= len(ingestLayoutFile) {
		t.Fatalf("the original's text is not kept around one insertion after the last snapshot:\n%s", got)
	}
	added := got[len(before) : len(got)-len(after)]
	if !strings.HasPrefix(added, "  - date: \"2025-03-01\"\n") {
		t.Errorf("the inserted text is not the new snapshot, as a block item:\n%s", added)
	}
	s, ds := scenariofile.Parse("layout.yaml", out)
	if err := ds.Err(false); err != nil || len(s.Snapshots) != 2 || len(s.Snapshots[1].Stances) != 1 || s.Snapshots[1].Stances[0].Evidence[0].Quote != "X would accept a compromise." {
		t.Fatalf("the merged file reads as %v, %+v", ds, s.Snapshots)
	}
}
