package scenariofile

import (
	"reflect"
	"strings"
	"testing"

	"parley/scenario"
)

// redDoc is a valid scenario whose red lines and reservations carry
// evidence and assumed reasons, in the base, an added actor and an actor
// change:
//
//	line 9  actors[0] a: a red line on cf, quoted on line 10
//	line 11 a's reservation, quoted on line 12
//	line 13 actors[1] b: a red line on cf and a reservation, both assumed
//	line 20 snapshots[0].actors[0] a: a new red line on tax (line 21), quoted on line 22
//	line 23 snapshots[0].add_actors[0] c: a reservation, assumed; its stance on line 24
const redDoc = `metadata: {id: t, title: T, as_of: 2025-01-01, sources: [{id: s, date: 2025-01-01}]}
issues:
  - {id: cf, name: Ceasefire}
  - {id: tax, name: Tax}
actors:
  - id: a
    capability: 1
    capability_assumed: x
    red_lines: {cf: "<= 40"}
    red_line_evidence: {cf: [{source: s, quote: "Never above forty.", date: 2025-01-01, note: n}]}
    reservation: 0.3
    reservation_evidence: [{source: s, quote: "A deal beats none."}]
  - {id: b, capability: 2, red_lines: {cf: ">= 10"}, red_line_assumed: {cf: "no source"}, reservation: 0.5, reservation_assumed: "a guess", capability_assumed: x}
stances: [{actor: a, issue: cf, position: 10, salience: 0.5, assumed: x},
  {actor: a, issue: tax, position: 10, salience: 0.5, assumed: x},
  {actor: b, issue: cf, position: 60, salience: 0.5, assumed: x}]
snapshots:
  - date: 2025-02-01
    actors:
      - id: a
        red_lines: {tax: "< 50"}
        red_line_evidence: {tax: [{source: s, quote: "No tax of half."}]}
    add_actors: [{id: c, capability: 3, capability_assumed: joins, reservation: 0.2, reservation_assumed: joins}]
    stances: [{actor: c, issue: cf, position: 50, salience: 0.5, assumed: joins}]
`

func TestRedLineEvidenceParses(t *testing.T) {
	s, ds := parseDoc(t, redDoc)
	if len(ds) != 0 {
		t.Fatalf("diagnostics on a valid file:\n%v", ds)
	}
	a := s.Actors[0]
	if e := a.RedLineEvidence["cf"]; len(e) != 1 || !reflect.DeepEqual(e[0], scenario.Evidence{Source: "s", Quote: "Never above forty.", Date: "2025-01-01", Note: "n"}) {
		t.Errorf("red line evidence %+v", a.RedLineEvidence)
	}
	if e := a.ReservationEvidence; len(e) != 1 || e[0].Quote != "A deal beats none." {
		t.Errorf("reservation evidence %+v", e)
	}
	if b := s.Actors[1]; b.RedLineAssumed["cf"] != "no source" || b.ReservationAssumed != "a guess" {
		t.Errorf("assumed: %+v", b)
	}
	r, err := s.Resolve(scenario.Latest, "")
	if err != nil {
		t.Fatal(err)
	}
	ra := r.Actor("a")
	if len(ra.RedLineEvidence["cf"]) != 1 || len(ra.RedLineEvidence["tax"]) != 1 || ra.RedLineEvidence["tax"][0].Quote != "No tax of half." {
		t.Errorf("after the snapshot, a's red line evidence %+v", ra.RedLineEvidence)
	}
	if r.Actor("c").ReservationAssumed != "joins" {
		t.Errorf("added actor %+v", r.Actor("c"))
	}
	// The base is not changed by resolving.
	if len(s.Actors[0].RedLineEvidence) != 1 {
		t.Errorf("the base's red line evidence changed: %+v", s.Actors[0].RedLineEvidence)
	}
	// Round trip, YAML and JSON.
	for _, f := range []string{"yaml", "json"} {
		b, err := Marshal(s, f)
		if err != nil {
			t.Fatal(err)
		}
		back, ds := Parse("r."+f, b)
		if len(ds) != 0 {
			t.Fatalf("%s: %v", f, ds)
		}
		if got := back.Snapshots[0].Actors[0].RedLineEvidence["tax"]; len(got) != 1 || got[0].Quote != "No tax of half." {
			t.Errorf("%s round trip: %+v", f, back.Snapshots[0].Actors[0])
		}
	}
}

// An empty entry in a change ({cf: []}, {cf: ""}) backs nothing and
// claims nothing, so it keeps what the actor had: a's quote on cf and b's
// reason on cf stand in the snapshot, as an empty capability_evidence
// keeps the actor's quotes. (It used to replace them with nothing,
// leaving a quoted red line bare without a word.)
func TestEmptyRedLineBackingKeepsTheActors(t *testing.T) {
	doc := strings.Replace(redDoc, "        red_line_evidence: {tax: [{source: s, quote: \"No tax of half.\"}]}\n",
		"        red_line_evidence: {tax: [{source: s, quote: \"No tax of half.\"}], cf: []}\n"+
			"      - {id: b, red_line_evidence: {cf: []}, red_line_assumed: {cf: \"\"}}\n", 1)
	if doc == redDoc {
		t.Fatal("the change to redDoc did not apply")
	}
	s, ds := parseDoc(t, doc)
	if len(ds) != 0 {
		t.Fatalf("diagnostics on a valid file:\n%v", ds)
	}
	r, err := s.Resolve(scenario.Latest, "")
	if err != nil {
		t.Fatal(err)
	}
	if e := r.Actor("a").RedLineEvidence; len(e["cf"]) != 1 || e["cf"][0].Quote != "Never above forty." || len(e["tax"]) != 1 {
		t.Errorf("a's red line evidence after the snapshot: %+v", e)
	}
	if got := r.Actor("b").RedLineAssumed["cf"]; got != "no source" {
		t.Errorf("b's reason on cf after the snapshot: %q, want %q", got, "no source")
	}
}

// A red line's and a reservation's evidence is validated as a
// capability's: an undeclared source and a date that is not a date are
// errors at their line and column; evidence or a reason for a red line
// or a reservation the actor does not have is an error naming its path;
// one with neither is a warning (at a base or added actor, and at a
// change that sets a red line with nothing to keep).
func TestRedLineEvidenceValidated(t *testing.T) {
	doc := redDoc
	for _, c := range []struct {
		name, old, new string
		want           []want
	}{
		{"undeclared source", `{cf: [{source: s, quote: "Never`, `{cf: [{source: nowhere, quote: "Never`,
			[]want{{line: 10, col: 39, path: "actors[0].red_line_evidence.cf[0].source", msg: `unknown source "nowhere"`, valid: "one of s"}}},
		{"undeclared reservation source", `[{source: s, quote: "A deal`, `[{source: gone, quote: "A deal`,
			[]want{{line: 12, col: 37, path: "actors[0].reservation_evidence[0].source", msg: `unknown source "gone"`}}},
		{"undeclared source in an actor change", `{tax: [{source: s,`, `{tax: [{source: elsewhere,`,
			[]want{{line: 22, path: "snapshots[0].actors[0].red_line_evidence.tax[0].source", msg: `unknown source "elsewhere"`}}},
		{"not a date", `date: 2025-01-01, note`, `date: 2025-13-01, note`,
			[]want{{line: 10, path: "actors[0].red_line_evidence.cf[0].date", msg: `"2025-13-01" is not a date`}}},
		{"evidence for a red line the actor lacks", `red_line_evidence: {cf: [{source: s, quote: "Never above forty."`, `red_line_evidence: {tax: [{source: s, quote: "Never above forty."`,
			[]want{{line: 9, path: "actors[0].red_lines.cf", msg: "no evidence and no assumed reason", warning: true},
				{line: 10, path: "actors[0].red_line_evidence.tax", msg: `no red line on issue "tax"`, valid: "one of cf"}}},
		{"a reason for a red line the actor lacks", `red_line_assumed: {cf: "no source"}`, `red_line_assumed: {cf: "no source", tax: why}`,
			[]want{{line: 13, path: "actors[1].red_line_assumed.tax", msg: `no red line on issue "tax"`}}},
		{"evidence for a reservation the actor lacks", "    reservation: 0.3\n", "",
			[]want{{line: 11, path: "actors[0].reservation_evidence", msg: "no reservation for this to rest on"}}},
		{"a change quoting another red line leaves its new one bare", `red_line_evidence: {tax: [{source: s, quote: "No tax of half."}]}`, `red_line_evidence: {cf: [{source: s, quote: "No tax of half."}]}`,
			[]want{{line: 21, path: "snapshots[0].actors[0].red_lines.tax", warning: true, msg: "no evidence and no assumed reason"}}},
		{"a red line with neither", `, red_line_assumed: {cf: "no source"}`, ``,
			[]want{{line: 13, path: "actors[1].red_lines.cf", msg: "no evidence and no assumed reason", valid: "red_line_evidence: {cf: [{source, quote, date}]} or red_line_assumed: {cf: <reason>}", warning: true}}},
		{"a reservation with neither", `, reservation_assumed: "a guess"`, ``,
			[]want{{line: 13, path: "actors[1].reservation", msg: "no evidence and no assumed reason", valid: "reservation_evidence: [{source, quote, date}] or reservation_assumed: <reason>", warning: true}}},
		{"an added actor's reservation with neither", `, reservation_assumed: joins}`, `}`,
			[]want{{line: 23, path: "snapshots[0].add_actors[0].reservation", msg: "no evidence and no assumed reason", warning: true}}},
		{"a change's new red line with neither", "        red_line_evidence: {tax: [{source: s, quote: \"No tax of half.\"}]}\n", "",
			[]want{{line: 21, path: "snapshots[0].actors[0].red_lines.tax", msg: "no evidence and no assumed reason", warning: true}}},
		{"evidence for a red line neither the change nor the actor has", `red_lines: {tax: "< 50"}`, `red_lines: {cf: "<= 30"}`,
			[]want{{line: 22, path: "snapshots[0].actors[0].red_line_evidence.tax", msg: `no red line on issue "tax"`, valid: "one of cf"}}},
		{"empty entries for issues without a red line are no orphans", `red_line_assumed: {cf: "no source"}`, `red_line_assumed: {cf: "no source", tax: ""}, red_line_evidence: {tax: []}`, nil},
		{"a change of a quoted reservation or red line keeps its evidence", `{tax: "< 50"}`, "{tax: \"< 50\", cf: \"<= 30\"}\n        reservation: 0.4", nil},
		{"a control character in a reason", `red_line_assumed: {cf: "no source"}`, `red_line_assumed: {cf: "no\u001b[2J source"}`,
			// refused, the reason is dropped: the red line rests on nothing
			[]want{{line: 13, path: "actors[1].red_lines.cf", msg: "no evidence and no assumed reason", warning: true},
				{line: 13, path: "actors[1].red_line_assumed.cf", msg: "the control character U+001B"}}},
	} {
		t.Run(c.name, func(t *testing.T) { checkEdited(t, doc, c.old, c.new, c.want) })
	}
}

// The evidence limit bounds a red line's and a reservation's evidence as
// it does a capability's, in the reader (YAML and JSON) and in
// CheckLimits.
func TestRedLineEvidenceLimit(t *testing.T) {
	var l scenario.Limits
	if err := l.Set("evidence=1"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ old, new, path string }{
		{`{cf: [{source: s, quote: "Never above forty.", date: 2025-01-01, note: n}]}`, `{cf: [{source: s, quote: "Never."}, {source: s, quote: "Never above forty."}]}`, "actors[0].red_line_evidence.cf"},
		{`[{source: s, quote: "A deal beats none."}]`, `[{source: s, quote: "A deal."}, {source: s, quote: "A deal beats none."}]`, "actors[0].reservation_evidence"},
	} {
		doc := strings.Replace(redDoc, c.old, c.new, 1)
		_, ds := ParseLimits("r.yaml", []byte(doc), l)
		if len(ds) == 0 || ds[0].Path != c.path || ds[0].Message != "2 evidence items, over the limit evidence=1" {
			t.Errorf("YAML: %v", ds)
		}
		s, ds := Parse("r.yaml", []byte(doc))
		if ds.Err(false) != nil {
			t.Fatal(ds)
		}
		js, err := Marshal(s, "json")
		if err != nil {
			t.Fatal(err)
		}
		_, ds = ParseLimits("r.json", js, l)
		if len(ds) == 0 || ds[0].Message != "2 evidence items, over the limit evidence=1" || !strings.HasSuffix(ds[0].Path, c.path[strings.LastIndexByte(c.path, '.')+1:]) {
			t.Errorf("JSON: %v", ds)
		}
		found := false
		for _, d := range s.CheckLimits(l) {
			found = found || d.Path == c.path && d.Message == "2 evidence items, over the limit evidence=1"
		}
		if !found {
			t.Errorf("CheckLimits: %v", s.CheckLimits(l))
		}
	}
}
