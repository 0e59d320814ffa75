package ingest

import (
	"slices"
	"strings"
	"testing"

	"parley/errs"
	"parley/scenario"
)

// Apply's date errors name the field both doors call date (the command
// line's --date, the API's date) and say what would be valid, and leave
// the scenario as it was.
func TestApplyDateErrors(t *testing.T) {
	for _, c := range []struct{ date, want string }{
		{"03/03/2025", `date "03/03/2025": not a date; valid: YYYY-MM-DD`},
		{"2025-02-30", `date "2025-02-30": not a date; valid: YYYY-MM-DD`}, // the shape, but no such day
		{"2024-12-31", "date 2024-12-31: before the scenario's as_of 2025-01-01; valid: a later date"},
		{"2025-02-01", "date 2025-02-01: the scenario already has a snapshot of that date; valid: another date"},
	} {
		s := &scenario.Scenario{Metadata: scenario.Metadata{AsOf: "2025-01-01"}, Snapshots: []scenario.Snapshot{{Date: "2025-02-01"}}}
		_, err := Apply(s, Review{}, c.date)
		if err == nil || errs.CodeOf(err) != errs.Argument || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.date, err, c.want)
		}
		if len(s.Snapshots) != 1 {
			t.Errorf("%s: the scenario was changed", c.date)
		}
	}
}

// Applied says which entry each piece of the new snapshot's evidence
// came from: a stance's own evidence is carried over first (no entry),
// an entry repeating a kept quote adds nothing, and stances come in the
// order their first entry does.
func TestAppliedNamesTheEntries(t *testing.T) {
	ev := func(q string) scenario.Evidence { return scenario.Evidence{Source: "n", Quote: q, Date: "2025-03-01"} }
	f := func(x float64) *float64 { return &x }
	s := &scenario.Scenario{
		Metadata:  scenario.Metadata{AsOf: "2025-01-01", Sources: []scenario.Source{{ID: "n"}}},
		Issues:    []scenario.Issue{{ID: "i"}, {ID: "j"}},
		Actors:    []scenario.Actor{{ID: "a"}, {ID: "b"}},
		Stances:   []scenario.Stance{{Actor: "a", Issue: "i", Position: 10, Salience: 0.5, Evidence: []scenario.Evidence{ev("old one"), ev("old two")}}},
		Snapshots: []scenario.Snapshot{{Date: "2025-02-01"}},
	}
	r := Review{Entries: []Entry{
		{Actor: "b", Issue: "j", Evidence: ev("first"), Position: f(1), Salience: f(0.1)}, // a new stance: change 0
		{Actor: "a", Issue: "i", Evidence: ev("second")},                                  // change 1, after a's two
		{Actor: "b", Issue: "j", Evidence: ev("first")},                                   // the same quote again
		{Actor: "a", Issue: "i", Evidence: ev("third")},
	}}
	a, err := Apply(s, r, "2025-03-01")
	if err != nil {
		t.Fatal(err)
	}
	if a.Snapshot != 1 || len(s.Snapshots) != 2 {
		t.Fatalf("new snapshot %d of %d, want 1 of 2", a.Snapshot, len(s.Snapshots))
	}
	want := [][]int{{0}, {-1, -1, 1, 3}}
	if len(a.Entries) != 2 || !slices.Equal(a.Entries[0], want[0]) || !slices.Equal(a.Entries[1], want[1]) {
		t.Errorf("entries %v, want %v", a.Entries, want)
	}
	for path, e := range map[string]int{
		"snapshots[1].stances[0].evidence[0].quote": 0,
		"snapshots[1].stances[1].evidence[3]":       3,
		"snapshots[1].stances[1].evidence[0].quote": -1, // a's own
		"snapshots[1].stances[1].evidence[2]x":      -1, // not a path under it
		"snapshots[0].stances[0].evidence[0].quote": -1, // another snapshot
	} {
		if got := a.Entry(path); got != e {
			t.Errorf("Entry(%q) = %d, want %d", path, got, e)
		}
	}
}

// Entry reads the path it is given rather than writing out the path of
// every piece of evidence to compare: it allocates nothing, however many
// entries (a merged file's up to 101 problems each made one string per
// entry, 4 million for a review of 40,000), and reads only a path in the
// form Apply's snapshot gives.
func TestAppliedEntryReadsThePath(t *testing.T) {
	a := Applied{Snapshot: 2, Entries: [][]int{{-1, 0}, make([]int, 1000)}}
	for j := range a.Entries[1] {
		a.Entries[1][j] = j + 1
	}
	for path, e := range map[string]int{
		"snapshots[2].stances[1].evidence[999].quote": 1000,
		"snapshots[2].stances[0].evidence[1]":         0,
		"snapshots[2].stances[1].evidence[1000]":      -1, // past the last
		"snapshots[2].stances[2].evidence[0]":         -1, // no such change
		"snapshots[02].stances[0].evidence[1]":        -1, // not an index Validate writes
		"snapshots[2].stances[-1].evidence[0]":        -1,
		"snapshots[2].stances[0].evidence[1]x":        -1,
		"snapshots[2].stances[0].evidence":            -1,
		"snapshots[2].stances[0]":                     -1,
		"snapshots[]":                                 -1,
		"actors[0]":                                   -1,
	} {
		if got := a.Entry(path); got != e {
			t.Errorf("Entry(%q) = %d, want %d", path, got, e)
		}
	}
	if n := testing.AllocsPerRun(10, func() { a.Entry("snapshots[2].stances[1].evidence[999].quote") }); n != 0 {
		t.Errorf("Entry allocated %v times, want 0", n)
	}
}

// TestParseReviewEmpty: an empty review file (a shell redirect whose
// command failed leaves one) is called empty, not yaml.v3's bare "EOF".
func TestParseReviewEmpty(t *testing.T) {
	for _, data := range []string{"", "# only a comment\n"} {
		_, err := ParseReview("review.yaml", []byte(data))
		want := "review.yaml: the file is empty; valid: a review file written by parley ingest --format yaml"
		if err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %q", data, err, want)
		}
	}
}
