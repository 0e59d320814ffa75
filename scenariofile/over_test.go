package scenariofile

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"parley/errs"
	"parley/fuzzbudget"
	"parley/scenario"
)

// commented is a scenario file the way a person writes one: comments
// above, beside and below entries, flow-style lines, a folded text.
const commented = `# Head of the file: what this case is.
metadata:
  id: demo
  title: Demo # the title
  description: >-
    A text folded over
    two lines.
  as_of: "2025-01-01"
  sources:
    - {id: s1, title: A source, date: "2025-01-01"}
issues:
  # the one issue
  - id: a
    name: Issue A
actors:
  - {id: x, name: Ex, capability: 50, capability_assumed: t}
  - {id: y, name: Why, capability: 30} # y is weaker
stances:
  - {actor: x, issue: a, position: 20, salience: 1, assumed: "no source"}
  # y's stance, from the second meeting
  - actor: y
    issue: a
    position: 60 # the number to edit
    salience: 0.5
    assumed: no source
# foot of the file
`

// MarshalOver keeps every comment and each line's style: after an edit of
// one value, the file differs from the original in that value only, and
// it reads back as the edited scenario.
func TestMarshalOverKeepsTheFile(t *testing.T) {
	s, ds := Parse("demo.yaml", []byte(commented))
	if s == nil || len(ds.Errors(false)) > 0 {
		t.Fatal(ds)
	}
	s.Stance("y", "a").Position = 65
	s.Actor("x").Capability = 55
	out, err := MarshalOver(s, "yaml", []byte(commented))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer("position: 60 #", "position: 65 #", "capability: 50,", "capability: 55,").Replace(commented)
	// yaml.v3 writes a folded text back on one line (the same text)
	want = strings.Replace(want, "A text folded over\n    two lines.", "A text folded over two lines.", 1)
	if string(out) != want {
		t.Errorf("MarshalOver wrote\n%s\nwant\n%s", out, want)
	}
	back, ds := Parse("demo.yaml", out)
	if back == nil || len(ds.Errors(false)) > 0 || !reflect.DeepEqual(back, s) {
		t.Errorf("the file written does not read back as the edited scenario: %v", ds)
	}
}

// Every comment of the built-in case survives a rewrite, and the file
// reads back equal.
func TestMarshalOverBuiltinCase(t *testing.T) {
	orig, err := os.ReadFile("../scenarios/ukraine-ceasefire-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, ds := Parse("case.yaml", orig)
	if s == nil || len(ds.Errors(false)) > 0 {
		t.Fatal(ds)
	}
	out, err := MarshalOver(s, "yaml", orig)
	if err != nil {
		t.Fatal(err)
	}
	comments := func(b []byte) []string {
		var cs []string
		for _, l := range strings.Split(string(b), "\n") {
			if i := strings.Index(l, "# "); i >= 0 && (i == 0 || strings.TrimSpace(l[:i]) == "" || l[i-1] == ' ') {
				cs = append(cs, strings.TrimSpace(l[i:]))
			}
		}
		return cs
	}
	if got, want := comments(out), comments(orig); !reflect.DeepEqual(got, want) || len(want) < 20 {
		t.Errorf("comments after the rewrite:\n%q\nwant\n%q", got, want)
	}
	back, ds := Parse("case.yaml", out)
	if back == nil || len(ds.Errors(false)) > 0 || !reflect.DeepEqual(back, s) {
		t.Errorf("the rewritten case does not read back equal: %v", ds)
	}
}

// JSON has no comments, and an original that does not parse leaves
// nothing to keep: both give Marshal's bytes.
func TestMarshalOverFallsBackToMarshal(t *testing.T) {
	s, _ := Parse("demo.yaml", []byte(commented))
	for _, c := range []struct {
		format, orig string
	}{{"json", commented}, {"yaml", "{not: [yaml"}} {
		got, err := MarshalOver(s, c.format, []byte(c.orig))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := Marshal(s, c.format)
		if string(got) != string(want) {
			t.Errorf("%s over %q: not Marshal's output", c.format, c.orig)
		}
	}
}

// Whatever the original file holds, MarshalOver does not panic and what it
// writes reads back as the scenario: the original only lends comments and
// styles, never content.
func FuzzMarshalOver(f *testing.F) {
	f.Add([]byte(commented))
	f.Add([]byte("{not: [yaml"))
	f.Add([]byte("metadata: {id: &a x}\nissues: *a\n"))
	f.Add([]byte("- 1\n- [2, {a: b}] # c\n"))
	s, ds := Parse("demo.yaml", []byte(commented))
	if s == nil || len(ds.Errors(false)) > 0 {
		f.Fatal(ds)
	}
	f.Fuzz(func(t *testing.T, orig []byte) {
		var out []byte
		var err error
		fuzzbudget.Check(t, parseBudget, len(orig), func() { out, err = MarshalOver(s, "yaml", orig) })
		if err != nil {
			// Refusing is allowed only where keeping the file's anchors,
			// aliases or merge keys would change what they mean.
			var doc yaml.Node
			if errs.CodeOf(err) != errs.Conflict || yaml.Unmarshal(orig, &doc) != nil || !usesAliases(&doc) {
				t.Fatal(err)
			}
			return
		}
		back, ds := Parse("demo.yaml", out)
		if back == nil || len(ds.Errors(false)) > 0 || !reflect.DeepEqual(back, s) {
			t.Fatalf("written over %q, the file does not read back as the scenario: %v\n%s", orig, ds, out)
		}
	})
}

// A mapping keeps its keys in the order the file has them, not the
// struct's; a key the file lacks follows the key it follows in the
// struct's order.
func TestMarshalOverKeepsKeyOrder(t *testing.T) {
	const orig = `metadata: {id: k, title: Key order, as_of: "2025-01-01", sources: [{id: s1}]}
issues: [{name: Issue A, id: a}]
actors: [{id: x, name: Ex, capability: 1}]
stances:
  - actor: x
    issue: a
    assumed: first in the file
    position: 20
    salience: 1
    evidence:
      - {source: s1, date: "2025-01-01", quote: "x wants little"}
`
	s, ds := Parse("order.yaml", []byte(orig))
	if s == nil || len(ds.Errors(false)) > 0 {
		t.Fatal(ds)
	}
	s.Stances[0].Position = 25
	s.Stances[0].Range = &scenario.StanceRange{Position: &scenario.Range{10, 30}}
	s.Issues[0].Description = "new"
	out, err := MarshalOver(s, "yaml", []byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	want := `metadata: {id: k, title: Key order, as_of: "2025-01-01", sources: [{id: s1}]}
issues: [{name: Issue A, description: new, id: a}]
actors: [{id: x, name: Ex, capability: 1}]
stances:
  - actor: x
    issue: a
    assumed: first in the file
    position: 25
    salience: 1
    range:
      position: [10, 30]
    evidence:
      - {source: s1, date: "2025-01-01", quote: "x wants little"}
`
	if string(out) != want {
		t.Errorf("MarshalOver wrote\n%s\nwant\n%s", out, want)
	}
}

// A key the file has and the edit renames (an actor's alias in a qmv
// rule's weights replaced by its id) stays in the place the file gives
// it, not the map's sorted order: the keys around it keep theirs.
func TestMarshalOverRenamedKeyKeepsPlace(t *testing.T) {
	const orig = `metadata: {id: k, title: Key order, as_of: "2025-01-01"}
issues:
  - id: a
    name: Issue A
    decision: {rule: qmv, weights: {south: 2, north: 3, w: 2}, quota: 4}
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
  - {id: west, name: West, capability: 1, capability_assumed: an example, aliases: [w]}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
`
	s, ds := Parse("order.yaml", []byte(orig))
	if s == nil || len(ds.Errors(false)) > 0 {
		t.Fatal(ds)
	}
	w := s.Issues[0].Decision.Weights
	w["west"] = w["w"]
	delete(w, "w")
	out, err := MarshalOver(s, "yaml", []byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	if want := "weights: {south: 2, north: 3, west: 2}"; !strings.Contains(string(out), want) {
		t.Errorf("MarshalOver wrote\n%s\nwant %s", out, want)
	}
}

// Two keys the edit renames (two aliases in a qmv rule's weights replaced
// by their actors' ids) each keep the place the file gives them: the new
// key takes the place of the key it renames, the one with its value, not
// the first key dropped.
func TestMarshalOverTwoRenamedKeysKeepPlaces(t *testing.T) {
	const orig = `metadata: {id: k, title: Key order, as_of: "2025-01-01"}
issues:
  - id: a
    name: Issue A
    decision: {rule: qmv, weights: {south: 2, w: 1, n: 3}, quota: 4}
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example, aliases: [n]}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
  - {id: west, name: West, capability: 1, capability_assumed: an example, aliases: [w]}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
`
	s, ds := Parse("order.yaml", []byte(orig))
	if s == nil || len(ds.Errors(false)) > 0 {
		t.Fatal(ds)
	}
	w := s.Issues[0].Decision.Weights
	w["west"], w["north"] = w["w"], w["n"]
	delete(w, "w")
	delete(w, "n")
	out, err := MarshalOver(s, "yaml", []byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	if want := "weights: {south: 2, west: 1, north: 3}"; !strings.Contains(string(out), want) {
		t.Errorf("MarshalOver wrote\n%s\nwant %s", out, want)
	}
}

// A key renamed keeps what the file wrote of it: the comment beside it,
// and the layout of its value (a red line's evidence, keyed by an issue
// renamed, keeps its keys' order {source, date, quote} and its comment).
func TestMarshalOverRenamedKeyKeepsLayout(t *testing.T) {
	const orig = `metadata:
  id: k
  title: Key order
  as_of: "2025-01-01"
  sources:
    - {id: wire, title: Wire}
issues:
  - {id: a, name: Issue A}
actors:
  - id: north
    name: North
    capability: 2
    capability_assumed: an example
    red_lines: {a: "<= 40"}
    red_line_evidence:
      a: # said in May
        - quote: "not above forty"
          source: wire
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
`
	s, ds := Parse("order.yaml", []byte(orig))
	if s == nil || len(ds.Errors(false)) > 0 {
		t.Fatal(ds)
	}
	s.Issues[0].ID = "c"
	s.Stances[0].Issue = "c"
	a := &s.Actors[0]
	a.RedLines = map[string]string{"c": a.RedLines["a"]}
	a.RedLineEvidence = map[string][]scenario.Evidence{"c": a.RedLineEvidence["a"]}
	out, err := MarshalOver(s, "yaml", []byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	want := `    red_line_evidence:
      c: # said in May
        - quote: "not above forty"
          source: wire
`
	if !strings.Contains(string(out), want) {
		t.Errorf("MarshalOver wrote\n%s\nwant\n%s", out, want)
	}
}

// A key dropped and another added with another value (an assumption
// replaced by a source and its quote) is no rename: the new key takes
// its place, but not the comment beside the one dropped.
func TestMarshalOverNewKeyLeavesDroppedComment(t *testing.T) {
	const orig = `metadata: {id: k, title: Key order, as_of: "2025-01-01", sources: [{id: wire, title: Wire}]}
issues:
  - {id: a, name: Issue A}
actors:
  - id: north
    name: North
    capability: 2
    capability_assumed: an example # to be checked
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
`
	s, ds := Parse("order.yaml", []byte(orig))
	if s == nil || len(ds.Errors(false)) > 0 {
		t.Fatal(ds)
	}
	a := &s.Actors[0]
	a.CapabilityAssumed = ""
	a.CapabilityEvidence = []scenario.Evidence{{Source: "wire", Quote: "North is strong."}}
	out, err := MarshalOver(s, "yaml", []byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "to be checked") {
		t.Errorf("MarshalOver wrote\n%s\nwith the dropped key's comment", out)
	}
}

// A file with plain dates and anchors in the compact mapping form is
// written back as it was when one value changes: the dates stay plain
// (they were written quoted, "2025-01-01", YAML's date type kept as
// text) and the anchors a mapping (they were written as the list of
// {value, label} Marshal writes), so a stance edit through the server
// (PATCH …/stances/…) rewrote every date and every issue's options.
func TestMarshalOverKeepsPlainDatesAndCompactAnchors(t *testing.T) {
	const file = `metadata:
  id: demo
  title: Demo
  as_of: 2025-01-01
  sources:
    - {id: s1, title: A source, date: 2025-01-01}
issues:
  - id: a
    name: Issue A
    scale: {min: -3, max: 5}
    anchors: {-3: "3% cut", 0: "no change", 2: "2% rise"}
    reference: 0
actors:
  - {id: x, name: Ex, capability: 50, capability_assumed: t}
stances:
  - actor: x
    issue: a
    position: 2
    salience: 1
    evidence:
      - {source: s1, quote: "a rise", date: 2025-01-01}
snapshots:
  - date: 2025-02-01
    stances:
      - {actor: x, issue: a, position: 1, assumed: later}
`
	s, ds := Parse("demo.yaml", []byte(file))
	if s == nil || len(ds.Errors(false)) > 0 {
		t.Fatal(ds)
	}
	s.Stance("x", "a").Position = 1.5
	out, err := MarshalOver(s, "yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(file, "    position: 2\n", "    position: 1.5\n", 1); string(out) != want {
		t.Errorf("MarshalOver wrote\n%s\nwant\n%s", out, want)
	}
	back, ds := Parse("demo.yaml", out)
	if back == nil || len(ds.Errors(false)) > 0 || !reflect.DeepEqual(back, s) {
		t.Errorf("the file written does not read back as the edited scenario: %v", ds)
	}
}

// A comment beside or above compact anchors stays when they are written
// back a mapping: the mapping MarshalOver makes of Marshal's list was a
// new node, and the comment copied onto the list went with it.
func TestMarshalOverKeepsCompactAnchorsComments(t *testing.T) {
	const file = `metadata:
  id: demo
  title: Demo
  as_of: 2025-01-01
issues:
  - id: a
    name: Issue A
    anchors: {0: "no", 100: "yes"} # the two ends
actors:
  - {id: x, name: Ex, capability: 50, capability_assumed: t}
stances:
  - {actor: x, issue: a, position: 20, salience: 1, assumed: t}
`
	s, ds := Parse("demo.yaml", []byte(file))
	if s == nil || len(ds.Errors(false)) > 0 {
		t.Fatal(ds)
	}
	s.Stance("x", "a").Position = 30
	out, err := MarshalOver(s, "yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(file, "position: 20", "position: 30", 1); string(out) != want {
		t.Errorf("MarshalOver wrote\n%s\nwant\n%s", out, want)
	}
}
