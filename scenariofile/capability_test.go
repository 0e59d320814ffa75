package scenariofile

import (
	"reflect"
	"strings"
	"testing"

	"parley/scenario"
)

// capDoc is a valid scenario whose capabilities carry evidence and
// assumed reasons, in the base, an added actor and an actor change:
//
//	line 6  actors[0] a, quoted (its evidence on line 7)
//	line 8  actors[1] b, assumed
//	line 14 snapshots[0].actors[0] a, its evidence on line 15
//	line 16 snapshots[0].add_actors[0] c, assumed; its stance on line 17
const capDoc = `metadata: {id: t, title: T, as_of: 2025-01-01, sources: [{id: s, date: 2025-01-01}]}
issues:
  - {id: cf, name: Ceasefire}
actors:
  - id: a
    capability: 1
    capability_evidence: [{source: s, quote: "A leads.", date: 2025-01-01, note: n}]
  - {id: b, capability: 2, capability_assumed: "no source"}
stances: [{actor: a, issue: cf, position: 10, salience: 0.5, assumed: x},
  {actor: b, issue: cf, position: 60, salience: 0.5, assumed: x}]
snapshots:
  - date: 2025-02-01
    actors:
      - id: a
        capability_evidence: [{source: s, quote: "A leads still."}]
    add_actors: [{id: c, capability: 3, capability_assumed: joins}]
    stances: [{actor: c, issue: cf, position: 50, salience: 0.5, assumed: joins}]
`

func parseDoc(t *testing.T, doc string) (*scenario.Scenario, scenario.Diagnostics) {
	t.Helper()
	return Parse("c.yaml", []byte(doc))
}

func TestCapabilityEvidenceParses(t *testing.T) {
	s, ds := parseDoc(t, capDoc)
	if len(ds) != 0 {
		t.Fatalf("diagnostics on a valid file:\n%v", ds)
	}
	if e := s.Actors[0].CapabilityEvidence; len(e) != 1 || !reflect.DeepEqual(e[0], scenario.Evidence{Source: "s", Quote: "A leads.", Date: "2025-01-01", Note: "n"}) {
		t.Errorf("capability evidence %+v", e)
	}
	if s.Actors[1].CapabilityAssumed != "no source" {
		t.Errorf("capability_assumed %q", s.Actors[1].CapabilityAssumed)
	}
	// An actor change's evidence replaces the actor's; an actor change
	// without any keeps it.
	r, err := s.Resolve(scenario.Latest, "")
	if err != nil {
		t.Fatal(err)
	}
	if q := r.Actor("a").CapabilityEvidence[0].Quote; q != "A leads still." {
		t.Errorf("after the snapshot, a's capability quote %q", q)
	}
	if r.Actor("c").CapabilityAssumed != "joins" || r.Actor("b").CapabilityAssumed != "no source" {
		t.Errorf("resolved actors %+v", r.Actors)
	}
	b, err := s.Resolve(scenario.Base, "")
	if err != nil {
		t.Fatal(err)
	}
	if q := b.Actor("a").CapabilityEvidence[0].Quote; q != "A leads." {
		t.Errorf("at the base, a's capability quote %q", q)
	}
}

// Capability evidence is validated as a stance's: an undeclared source,
// a missing quote and a date that is not a date are errors at their line
// and column; a capability with neither evidence nor an assumed reason is
// a warning (at a base or added actor; an actor change keeps the
// actor's); a control character in capability_assumed is refused.
func TestCapabilityEvidenceValidated(t *testing.T) {
	for _, c := range []struct {
		name, old, new string
		want           []want
	}{
		{"undeclared source", `{source: s, quote: "A leads.", date`, `{source: nowhere, quote: "A leads.", date`,
			[]want{{line: 7, col: 36, path: "actors[0].capability_evidence[0].source", msg: `unknown source "nowhere"`, valid: "one of s"}}},
		{"undeclared source in an actor change", `[{source: s, quote: "A leads still."}]`, `[{source: elsewhere, quote: "A leads still."}]`,
			[]want{{line: 15, col: 40, path: "snapshots[0].actors[0].capability_evidence[0].source", msg: `unknown source "elsewhere"`}}},
		{"missing quote", `, quote: "A leads.", date: 2025-01-01`, `, date: 2025-01-01`,
			[]want{{line: 7, path: "actors[0].capability_evidence[0].quote", msg: "missing"}}},
		{"not a date", `date: 2025-01-01, note`, `date: 2025-02-30, note`,
			[]want{{line: 7, path: "actors[0].capability_evidence[0].date", msg: `"2025-02-30" is not a date`}}},
		{"neither evidence nor assumed", `, capability_assumed: "no source"}`, `}`,
			[]want{{line: 8, col: 25, path: "actors[1].capability", msg: "no evidence and no assumed reason", valid: "capability_evidence: [{source, quote, date}] or capability_assumed: <reason>", warning: true}}},
		{"an added actor with neither", `, capability_assumed: joins}`, `}`,
			[]want{{line: 16, col: 38, path: "snapshots[0].add_actors[0].capability", msg: "no evidence and no assumed reason", warning: true}}},
		{"an actor change with neither keeps the actor's, but a new number warns", "        capability_evidence: [{source: s, quote: \"A leads still.\"}]\n", "        capability: 5\n",
			[]want{{line: 15, col: 21, path: "snapshots[0].actors[0].capability", msg: "changes the capability from 1 to 5 with no evidence and no assumed reason of its own", warning: true}}},
		{"a control character", `capability_assumed: "no source"`, `capability_assumed: "no\u001b[2J source"`,
			// refused, the reason is dropped: the capability rests on nothing
			[]want{{line: 8, col: 25, path: "actors[1].capability", msg: "no evidence and no assumed reason", warning: true},
				{line: 8, col: 48, path: "actors[1].capability_assumed", msg: "the control character U+001B"}}},
	} {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, capDoc, c.old, c.new, c.want) })
	}
}

// The evidence limit bounds a capability's evidence list as it does a
// stance's, in the reader (YAML and JSON) and in CheckLimits.
func TestCapabilityEvidenceLimit(t *testing.T) {
	doc := strings.Replace(capDoc, `[{source: s, quote: "A leads.", date: 2025-01-01, note: n}]`, `[{source: s, quote: "A leads."}, {source: s, quote: "A leads again."}]`, 1)
	var l scenario.Limits
	if err := l.Set("evidence=1"); err != nil {
		t.Fatal(err)
	}
	_, ds := ParseLimits("c.yaml", []byte(doc), l)
	if len(ds) == 0 || ds[0].Path != "actors[0].capability_evidence" || ds[0].Message != "2 evidence items, over the limit evidence=1" {
		t.Errorf("YAML: %v", ds)
	}
	s, ds := Parse("c.yaml", []byte(doc))
	if ds.Err(false) != nil {
		t.Fatal(ds)
	}
	js, err := Marshal(s, "json")
	if err != nil {
		t.Fatal(err)
	}
	_, ds = ParseLimits("c.json", js, l)
	if len(ds) == 0 || ds[0].Message != "2 evidence items, over the limit evidence=1" {
		t.Errorf("JSON: %v", ds)
	}
	found := false
	for _, d := range s.CheckLimits(l) {
		found = found || d.Path == "actors[0].capability_evidence" && d.Message == "2 evidence items, over the limit evidence=1"
	}
	if !found {
		t.Errorf("CheckLimits: %v", s.CheckLimits(l))
	}
}

// checkEdited parses doc with from replaced by to (once; from must be in
// it) and checks the diagnostics against want, in order.
func checkEdited(t *testing.T, doc, from, to string, want []want) {
	t.Helper()
	if !strings.Contains(doc, from) {
		t.Fatalf("%q not in the document", from)
	}
	_, ds := parseDoc(t, strings.Replace(doc, from, to, 1))
	if len(ds) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(ds), len(want), ds)
	}
	for i, w := range want {
		d := ds[i]
		if d.Line != w.line || (w.col != 0 && d.Column != w.col) || d.Path != w.path || !strings.Contains(d.Message, w.msg) ||
			!strings.Contains(d.Valid, w.valid) || d.Warning != w.warning {
			t.Errorf("got  %s\nwant line %d col %d %s: %s (valid: %s) warning %v", d, w.line, w.col, w.path, w.msg, w.valid, w.warning)
		}
	}
}
