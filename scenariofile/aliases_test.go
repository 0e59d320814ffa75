package scenariofile

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"parley/errs"
	"parley/scenario"
)

// aliased is a scenario file that reuses parts through an anchor, an alias
// and a merge key, with comments on the lines that use them.
const aliased = `metadata: {id: t, title: T, as_of: 2025-01-01, sources: [{id: s}]}
issues: [{id: cf, name: Ceasefire}, {id: tr, name: Trade}]
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 2, capability_assumed: t}
stances:
  - &base  # the usual stance
    actor: a
    issue: cf
    position: 40
    salience: 0.5
    assumed: guess
  - <<: *base  # b copies a's stance
    actor: b
  - actor: a
    issue: tr
    position: 10
    salience: 0.3
    evidence: &ev [{source: s, quote: "q"}]  # shared evidence
  - actor: b
    issue: tr
    position: 20
    salience: 0.3
    evidence: *ev  # the same evidence
`

func edited(t *testing.T, actor, issue string, e scenario.StanceEdit) (*scenario.Scenario, []byte, error) {
	t.Helper()
	s, ds := Parse("a.yaml", []byte(aliased))
	if ds.Err(false) != nil {
		t.Fatal(ds)
	}
	if err := s.EditStance(actor, issue, "", e); err != nil {
		t.Fatal(err)
	}
	out, err := MarshalOver(s, "yaml", []byte(aliased))
	return s, out, err
}

// TestEditKeepsAliases (finding 2 of issue 14): an edit of a value written
// out in a file that uses anchors, aliases and merge keys changes that
// value and nothing else: the anchors, aliases, merge key and their
// comments stay as written, and the file reads back as the edited scenario.
func TestEditKeepsAliases(t *testing.T) {
	s, out, err := edited(t, "b", "tr", scenario.StanceEdit{Position: fp(25)})
	if err != nil {
		t.Fatal(err)
	}
	// (yaml.v3 reads the comment after "- &base" as the first key's.)
	for _, want := range []string{"- &base\n", "# the usual stance\n", "- <<: *base # b copies a's stance", "evidence: &ev [{source: s, quote: \"q\"}] # shared evidence", "evidence: *ev # the same evidence", "position: 25"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Count(string(out), "position: 20") != 0 || strings.Count(string(out), "quote") != 1 {
		t.Errorf("old value kept or evidence expanded:\n%s", out)
	}
	back, ds := Parse("again.yaml", out)
	if ds.Err(false) != nil || !reflect.DeepEqual(back, s) {
		t.Fatalf("does not read back as the edited scenario: %v\n%s", ds, out)
	}
}

// TestEditThroughAliasRefused: an edit of a value the file writes through
// a merge key, an alias or inside an anchored node is refused with a
// conflict naming the construct and its line, never expanded.
func TestEditThroughAliasRefused(t *testing.T) {
	for _, c := range []struct {
		actor, issue string
		edit         scenario.StanceEdit
		want         string
	}{
		// b's salience on cf comes from the merge key on line 13.
		{"b", "cf", scenario.StanceEdit{Salience: fp(0.9)}, "stances[1].salience: the edit changes a value written through a field the merge key (<<) supplies (line 13)"},
		// a's stance on cf is the anchored node, which b's merges.
		{"a", "cf", scenario.StanceEdit{Position: fp(41)}, "stances[0].position: the edit changes a value written through the anchor &base, which its aliases share (line 7)"},
		// b's evidence on tr is the alias *ev on line 24.
		{"b", "tr", scenario.StanceEdit{Evidence: &[]scenario.Evidence{{Source: "s", Quote: "other"}}}, "stances[3].evidence: the edit changes a value written through the alias *ev (line 24)"},
	} {
		_, _, err := edited(t, c.actor, c.issue, c.edit)
		if err == nil || errs.CodeOf(err) != errs.Conflict || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s/%s: got %v, want %q…", c.actor, c.issue, err, c.want)
		}
	}
}

// TestEditAliasedFileStaysSmall: the file of finding 2, a list reused by
// alias many times, stays its own size through an edit (it became 91 MB).
func TestEditAliasedFileStaysSmall(t *testing.T) {
	var b strings.Builder
	b.WriteString("metadata: {id: t, title: T, as_of: 2025-01-01, sources: [{id: s}]}\nissues: [{id: cf, name: C}]\nactors:\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&b, "  - {id: a%d, name: A, capability: 1}\n", i)
	}
	b.WriteString("stances:\n  - {actor: a0, issue: cf, position: 50, salience: 0.5, evidence: &ev [")
	for j := 0; j < 40; j++ {
		if j > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "{source: s, quote: q%d}", j)
	}
	b.WriteString("]}\n")
	for i := 1; i < 400; i++ {
		fmt.Fprintf(&b, "  - {actor: a%d, issue: cf, position: 50, salience: 0.5, evidence: *ev}\n", i)
	}
	orig := b.String()
	s, ds := Parse("big.yaml", []byte(orig))
	if ds.Err(false) != nil {
		t.Fatal(ds)
	}
	if err := s.EditStance("a200", "cf", "", scenario.StanceEdit{Position: fp(60)}); err != nil {
		t.Fatal(err)
	}
	out, err := MarshalOver(s, "yaml", []byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	// 399 aliases kept; the edited line alone changed (50 → 60).
	if len(out) > 2*len(orig) || strings.Count(string(out), "*ev") != 399 || strings.Count(string(out), "q39") != 1 {
		t.Fatalf("%d bytes written over %d, %d aliases kept", len(out), len(orig), strings.Count(string(out), "*ev"))
	}
	back, ds := Parse("again.yaml", out)
	if ds.Err(false) != nil || back.Stances[200].Position != 60 || back.Stances[199].Position != 50 || len(back.Stances[399].Evidence) != 40 {
		t.Fatalf("read back: %v", ds)
	}
}

// A field the edit adds (a note on a stance that had none) and one it
// removes are written into a file that uses aliases, and a key the file
// repeats (which no scenario reads) does not survive the writing: the
// file reads back as the edited scenario.
func TestAliasedFileAddsAndDropsFields(t *testing.T) {
	s, ds := Parse("a.yaml", []byte(aliased))
	if ds.Err(false) != nil {
		t.Fatal(ds)
	}
	s.Stances[3].Note = "added"
	s.Metadata.Title = ""
	out, err := MarshalOver(s, "yaml", []byte(aliased+"junk: 1\njunk: 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	back, ds := Parse("a.yaml", out)
	if back == nil || ds.Err(false) != nil || !reflect.DeepEqual(back, s) {
		t.Fatalf("read back %v:\n%s", ds, out)
	}
	if !strings.Contains(string(out), "note: added") || strings.Contains(string(out), "junk") || !strings.Contains(string(out), "*ev") {
		t.Errorf("written:\n%s", out)
	}
}
