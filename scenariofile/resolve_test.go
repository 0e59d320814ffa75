package scenariofile

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"parley/errs"
	"parley/scenario"
)

// positions summarises a resolved scenario as "actor/issue" → position.
func positions(s *scenario.Scenario) map[string]float64 {
	m := map[string]float64{}
	for _, st := range s.Stances {
		m[st.Actor+"/"+st.Issue] = st.Position
	}
	return m
}

// capabilities summarises a resolved scenario as "id=capability" in order.
func capabilities(s *scenario.Scenario) string {
	var out []string
	for _, a := range s.Actors {
		out = append(out, fmt.Sprintf("%s=%v", a.ID, a.Capability))
	}
	return strings.Join(out, " ")
}

// TestResolveParsed resolves testdata/valid.yaml; the expected values are
// read off the file by hand:
//
//	base 2025-02-28: us/ceasefire 50, ua/ceasefire 100, ru/ceasefire 0,
//	                 us/sanctions 2, ru/sanctions 10; us=60 ua=25 ru=40
//	snapshot 2025-03-15: ua/ceasefire → 50
//	snapshot 2025-04-01: us capability → 55, ru/ceasefire → 20
//	variant eu-joins: adds eu=30 with eu/ceasefire 80
//	variant no-us: removes us and its two stances
func TestResolveParsed(t *testing.T) {
	s, ds, err := Load("testdata/valid.yaml")
	if err != nil || len(ds) != 0 {
		t.Fatalf("Load: %v %v", err, ds)
	}
	base := map[string]float64{"us/ceasefire": 50, "ua/ceasefire": 100, "ru/ceasefire": 0, "us/sanctions": 2, "ru/sanctions": 10}
	with := func(changes map[string]float64, drop ...string) map[string]float64 {
		m := map[string]float64{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range changes {
			m[k] = v
		}
		for _, k := range drop {
			delete(m, k)
		}
		return m
	}
	cases := []struct {
		name, snapshot, variant string
		asOf                    string
		caps                    string
		pos                     map[string]float64
	}{
		{"base", "base", "", "2025-02-28", "us=60 ua=25 ru=40", base},
		{"a date before the first snapshot", "2025-03-14", "", "2025-03-14", "us=60 ua=25 ru=40", base},
		{"on the first snapshot's date", "2025-03-15", "", "2025-03-15", "us=60 ua=25 ru=40",
			with(map[string]float64{"ua/ceasefire": 50})},
		{"a date between snapshots", "2025-03-20", "", "2025-03-20", "us=60 ua=25 ru=40",
			with(map[string]float64{"ua/ceasefire": 50})},
		{"latest: snapshots are cumulative", "latest", "", "2025-04-01", "us=55 ua=25 ru=40",
			with(map[string]float64{"ua/ceasefire": 50, "ru/ceasefire": 20})},
		{"empty snapshot means latest", "", "", "2025-04-01", "us=55 ua=25 ru=40",
			with(map[string]float64{"ua/ceasefire": 50, "ru/ceasefire": 20})},
		{"a date after the last snapshot", "2026-01-01", "", "2026-01-01", "us=55 ua=25 ru=40",
			with(map[string]float64{"ua/ceasefire": 50, "ru/ceasefire": 20})},
		{"variant adding an actor on a mid snapshot", "2025-03-20", "eu-joins", "2025-03-20", "us=60 ua=25 ru=40 eu=30",
			with(map[string]float64{"ua/ceasefire": 50, "eu/ceasefire": 80})},
		{"variant by name", "base", "EU joins the table", "2025-02-28", "us=60 ua=25 ru=40 eu=30",
			with(map[string]float64{"eu/ceasefire": 80})},
		{"variant removing an actor on latest", "latest", "no-us", "2025-04-01", "ua=25 ru=40",
			with(map[string]float64{"ua/ceasefire": 50, "ru/ceasefire": 20}, "us/ceasefire", "us/sanctions")},
		{"variant removing an actor on base", "base", "no-us", "2025-02-28", "ua=25 ru=40",
			with(nil, "us/ceasefire", "us/sanctions")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := s.Resolve(c.snapshot, c.variant)
			if err != nil {
				t.Fatal(err)
			}
			if r.Metadata.AsOf != c.asOf {
				t.Errorf("as_of %s, want %s", r.Metadata.AsOf, c.asOf)
			}
			if got := capabilities(r); got != c.caps {
				t.Errorf("capabilities %s, want %s", got, c.caps)
			}
			if got := positions(r); !reflect.DeepEqual(got, c.pos) {
				t.Errorf("positions %v, want %v", got, c.pos)
			}
			if len(r.Snapshots) != 0 || len(r.Variants) != 0 {
				t.Errorf("resolved scenario still has %d snapshots, %d variants", len(r.Snapshots), len(r.Variants))
			}
			if ds := r.Validate(); len(ds) != 0 {
				t.Errorf("resolved scenario is not valid: %v", ds)
			}
		})
	}

	// Fields a change leaves alone are kept; fields it gives replace.
	// What the stance rests on follows the change (scenario's restsOn):
	// ua's move to 50 with only a reason rests on the reason, not on the
	// quote about 100; ru's new quote clears the base's reason.
	r, err := s.Resolve("latest", "")
	if err != nil {
		t.Fatal(err)
	}
	ua := r.Stance("ua", "ceasefire")
	if ua.Salience != 1 || ua.Assumed != "Jeddah statement" || len(ua.Evidence) != 0 {
		t.Errorf("ua/ceasefire after the snapshot: %+v", ua)
	}
	ru := r.Stance("ru", "ceasefire")
	if ru.Salience != 0.6 || len(ru.Evidence) != 1 || ru.Evidence[0].Quote != "Talks only on energy infrastructure." || ru.Assumed != "" {
		t.Errorf("ru/ceasefire after the snapshot: %+v", ru)
	}
	// us=55 lies in its range [50, 70], which is kept.
	if us := r.Actor("us"); us.CapabilityRange == nil || *us.CapabilityRange != (scenario.Range{50, 70}) {
		t.Errorf("us capability range %v, want [50 70]", us.CapabilityRange)
	}
	// Resolving does not change the parsed scenario.
	if s.Actors[0].Capability != 60 || s.Stances[1].Position != 100 || len(s.Actors) != 3 {
		t.Errorf("Resolve modified its scenario: %s %v", capabilities(s), positions(s))
	}
}

func TestResolveParsedErrors(t *testing.T) {
	s, _, err := Load("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		snapshot, variant string
		code              errs.Code
		msg               string
	}{
		{"2025-02-01", "", errs.Argument, "before the scenario's as_of 2025-02-28"}, // the request's date, like "yesterday"
		{"yesterday", "", errs.Argument, `snapshot "yesterday" is not a date`},
		{"latest", "nope", errs.Argument, `variant "nope": no such variant; valid: eu-joins, no-us (or a variant's name)`},
	}
	for _, c := range cases {
		_, err := s.Resolve(c.snapshot, c.variant)
		if errs.CodeOf(err) != c.code || err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("Resolve(%q, %q) = %v, want %s error with %q", c.snapshot, c.variant, err, c.code, c.msg)
		}
	}
}

// TestResolveRanges checks what happens to uncertainty ranges when a change
// moves the value they surround.
func TestResolveRanges(t *testing.T) {
	doc := `metadata: {id: t, title: T, as_of: 2025-01-01}
issues: [{id: cf, name: C}]
actors:
  - {id: a, name: A, capability: 10, capability_range: [8, 12], capability_assumed: t}
  - {id: b, name: B, capability: 5, aliases: [bee], capability_assumed: t}
stances:
  - {actor: a, issue: cf, position: 30, salience: 0.5, range: {position: [20, 40], salience: [0.4, 0.6]}, assumed: x}
  - {actor: bee, issue: cf, position: 70, salience: 0.5, assumed: x}
snapshots:
  - date: 2025-02-01
    actors: [{id: a, capability: 20, capability_assumed: t}]
    stances: [{actor: a, issue: cf, position: 50, assumed: t}]
  - date: 2025-03-01
    actors: [{id: a, capability: 25, capability_range: [20, 30], capability_assumed: t}]
    stances: [{actor: b, issue: cf, salience: 0.9, assumed: t}]
variants:
  - id: v
    add_actors: [{id: c, name: C, capability: 1, capability_assumed: t}]
    remove_actors: [b]
    stances: [{actor: c, issue: cf, position: 10, salience: 0.2, assumed: x}]
`
	s, ds := Parse("f.yaml", []byte(doc))
	// The first snapshot drops two ranges, each warned of at its line
	// with the old range moved with the number as the one to restate.
	want := []string{
		"f.yaml:11:34: warning: snapshots[0].actors[0].capability: moves A's capability from 10 to 20, outside its range [8, 12], which is dropped: sweep will not vary it (valid: a capability_range of its own in the change to keep one, e.g. capability_range: [16, 24], or capability_range_dropped: <reason> to drop it)",
		"f.yaml:12:47: warning: snapshots[0].stances[0].position: moves A's position on C from 30 to 50, outside its range [20, 40], which is dropped: sweep will not vary it (valid: a range of its own in the change to keep one, e.g. range: {position: [40, 60]}, or range_dropped: <reason> to drop it)",
	}
	if len(ds) != len(want) || ds[0].String() != want[0] || ds[1].String() != want[1] {
		t.Fatalf("diagnostics:\n%v\nwant\n%s", ds, strings.Join(want, "\n"))
	}
	// Said to be intended (each change's field with its reason), the
	// drops are no warning, and the fields survive writing the file out.
	said := strings.Replace(strings.Replace(doc, "capability: 20, capability_assumed: t}", "capability: 20, capability_assumed: t, capability_range_dropped: counted since}", 1),
		"position: 50, assumed: t}", "position: 50, assumed: t, range_dropped: reported exactly}", 1)
	s2, ds := Parse("f.yaml", []byte(said))
	if len(ds) != 0 {
		t.Fatalf("said to be intended: %v, want no diagnostics", ds)
	}
	if ch := s2.Snapshots[0].Changes; ch.Actors[0].CapabilityRangeDropped != "counted since" || ch.Stances[0].RangeDropped != "reported exactly" {
		t.Errorf("read %+v, want the reasons", ch)
	}
	for _, format := range []string{"yaml", "json"} {
		b, err := Marshal(s2, format)
		if err != nil {
			t.Fatal(err)
		}
		if back, ds := Parse("f."+format, b); len(ds) != 0 || back.Snapshots[0].Changes.Stances[0].RangeDropped != "reported exactly" ||
			back.Snapshots[0].Changes.Actors[0].CapabilityRangeDropped != "counted since" {
			t.Errorf("%s: %v, %+v; want the reasons kept", format, ds, back.Snapshots[0].Changes)
		}
	}
	r, err := s.Resolve("2025-02-15", "")
	if err != nil {
		t.Fatal(err)
	}
	a := r.Actor("a")
	// 20 leaves [8, 12]: the range goes; 50 leaves [20, 40]: the position
	// range goes, while the salience range (0.5 still in [0.4, 0.6]) stays.
	if a.Capability != 20 || a.CapabilityRange != nil {
		t.Errorf("a: capability %v range %v, want 20 and no range", a.Capability, a.CapabilityRange)
	}
	st := r.Stance("a", "cf")
	if st.Position != 50 || st.Range == nil || st.Range.Position != nil || st.Range.Salience == nil || *st.Range.Salience != (scenario.Range{0.4, 0.6}) {
		t.Errorf("a/cf: %+v range %+v", st, st.Range)
	}
	r, err = s.Resolve("latest", "")
	if err != nil {
		t.Fatal(err)
	}
	if a := r.Actor("a"); a.Capability != 25 || *a.CapabilityRange != (scenario.Range{20, 30}) {
		t.Errorf("a at latest: %v %v", a.Capability, a.CapabilityRange)
	}
	// The change names b by id; its stance, written as "bee", is named by
	// the id once resolved.
	if st := r.Stance("b", "cf"); len(r.Stances) != 2 || st == nil || st.Salience != 0.9 || st.Position != 70 {
		t.Errorf("stances at latest: %+v", r.Stances)
	}
	r, err = s.Resolve("latest", "v")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, st := range r.Stances {
		ids = append(ids, st.Actor)
	}
	sort.Strings(ids)
	if capabilities(r) != "a=25 c=1" || !reflect.DeepEqual(ids, []string{"a", "c"}) {
		t.Errorf("variant v on latest: %s, stances of %v", capabilities(r), ids)
	}
}

// A change's range replaces range by range, as its other fields replace
// field by field: a new position range keeps the stance's salience range
// (0.5 is still in [0.4, 0.6]), and a new salience range the position
// range while it holds the position. (A change's range used to replace
// both, so a snapshot that narrowed a position's range dropped the
// salience's from every sweep at that date.)
func TestResolveRangeByRange(t *testing.T) {
	doc := `metadata: {id: t, title: T, as_of: 2025-01-01}
issues: [{id: cf, name: C}]
actors: [{id: a, name: A, capability: 10, capability_assumed: t}]
stances:
  - {actor: a, issue: cf, position: 30, salience: 0.5, range: {position: [20, 40], salience: [0.4, 0.6]}, assumed: x}
snapshots:
  - date: 2025-02-01
    stances: [{actor: a, issue: cf, position: 60, range: {position: [55, 70]}, assumed: t}]
  - date: 2025-03-01
    stances: [{actor: a, issue: cf, salience: 0.8, range: {salience: [0.7, 0.9]}, assumed: t}]
`
	s, ds := Parse("f.yaml", []byte(doc))
	if len(ds) != 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	for _, c := range []struct {
		at       string
		pos, sal scenario.Range
	}{
		{"2025-02-01", scenario.Range{55, 70}, scenario.Range{0.4, 0.6}},
		{"2025-03-01", scenario.Range{55, 70}, scenario.Range{0.7, 0.9}},
	} {
		r, err := s.Resolve(c.at, "")
		if err != nil {
			t.Fatal(err)
		}
		st := r.Stance("a", "cf")
		if st.Range == nil || st.Range.Position == nil || st.Range.Salience == nil || *st.Range.Position != c.pos || *st.Range.Salience != c.sal {
			t.Errorf("at %s: range %+v, want position %v and salience %v", c.at, st.Range, c.pos, c.sal)
		}
	}
}
