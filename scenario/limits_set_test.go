package scenario

import (
	"strings"
	"testing"
)

// TestLimitsSet: --limit name=N sets one limit, several may be given at
// once, and bad names or values say what would be valid.
func TestLimitsSet(t *testing.T) {
	var l Limits
	for _, name := range LimitNames() {
		var one Limits
		if err := one.Set(name + "=7"); err != nil || one.Value(name) != 7 || (Limits{}).Value(name) < 100 {
			t.Errorf("%s: %v, value %d, default %d", name, err, one.Value(name), (Limits{}).Value(name))
		}
	}
	if err := l.Set("actors=50000"); err != nil {
		t.Fatal(err)
	}
	if err := l.Set("bytes=1_000_000, id-length=10"); err != nil {
		t.Fatal(err)
	}
	got := l.WithDefaults()
	want := DefaultLimits()
	want.Actors, want.Bytes, want.IDLength = 50000, 1_000_000, 10
	if got != want {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if s := l.String(); s != "actors=50000,bytes=1000000,id-length=10" {
		t.Errorf("String %q", s)
	}
	for in, msg := range map[string]string{
		"actor=5":    `unknown limit "actor"; valid: bytes, actors, issues`,
		"actors":     `want name=value`,
		"actors=0":   `want a whole number ≥ 1`,
		"actors=1.5": `want a whole number ≥ 1`,
		// one byte more than the limit must still be an int64 to read
		"bytes=9223372036854775807": `limit bytes=9223372036854775807: want at most 1099511627776`,
		"actors=2147483649":         `want at most 2147483648`,
	} {
		if err := l.Set(in); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("Set(%q): %v, want …%s…", in, err, msg)
		}
	}
}

// TestCheckLimits: a scenario built in memory (a peer format's) is held to
// every count and length limit; each limit hit is named once, at its
// first place, with how to raise it.
func TestCheckLimits(t *testing.T) {
	s := many(30)
	s.Issues[0].Anchors = []Anchor{{Value: 0, Label: "a"}, {Value: 1, Label: strings.Repeat("x", 20)}}
	s.Stances[3].Evidence = []Evidence{{Source: "s", Quote: "q"}, {Source: "s", Quote: "q"}}
	l := Limits{Actors: 25, Anchors: 1, NameLength: 10, Evidence: 1}
	ds := s.CheckLimits(l)
	var got []string
	for _, d := range ds {
		got = append(got, d.Path+": "+d.Message)
	}
	want := []string{
		"issues[0].anchors: 2 anchors, over the limit anchors=1",
		"issues[0].anchors[1].label: a text of 20 bytes, over the limit name-length=10",
		"actors: 30 actors, over the limit actors=25",
		"stances[3].evidence: 2 evidence items, over the limit evidence=1",
		// The snapshot's 30 actor changes are a list of actors too.
		// (actors is reported once.)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ds[2].Valid != "at most 25 actors in one list; raise it with --limit actors=N (parley serve too)" {
		t.Errorf("valid %q", ds[2].Valid)
	}
	if ds := s.CheckLimits(Limits{}); len(ds) != 0 {
		t.Errorf("defaults: %v", ds)
	}
}

// TestRaiseCounts: Raise counts its noun as nouns.For does, so a limit
// of 1 reads "at most 1 issue", where it read "at most 1 issues"; a noun
// with words after it is counted by its own word ("1 evidence item of
// one stance, …", "1 earlier version of each scenario …").
func TestRaiseCounts(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int64
		want string
	}{
		{"issues", 1, "at most 1 issue; raise it with --limit issues=N (parley serve too)"},
		{"issues", 2, "at most 2 issues; raise it with --limit issues=N (parley serve too)"},
		{"actors", 1, "at most 1 actor in one list; raise it with --limit actors=N (parley serve too)"},
		{"evidence", 1, "at most 1 evidence item of one stance, proposal, outcome, capability, red line or reservation; raise it with --limit evidence=N (parley serve too)"},
		{"aliases", 1, "at most 1 alias of one actor; raise it with --limit aliases=N (parley serve too)"},
		{"attrs", 1, "at most 1 attribute of one issue; raise it with --limit attrs=N (parley serve too)"},
		{"versions", 1, "at most 1 earlier version of each scenario the server keeps; raise it with --limit versions=N (parley serve too)"},
		{"scenarios", 1, "at most 1 scenario the server holds, stored or deleted with their versions kept; raise it with --limit scenarios=N (parley serve too)"},
		{"id-length", 1, "at most 1 byte in an id; raise it with --limit id-length=N (parley serve too)"},
		{"bytes", 1, "at most 1 byte in one input file; raise it with --limit bytes=N (parley serve too)"},
		{"bytes", 1 << 40, "at most 1099511627776 bytes in one input file; raise it with --limit bytes=N (parley serve too)"},
	} {
		if got := Raise(c.name, c.n); got != c.want {
			t.Errorf("Raise(%q, %d) = %q, want %q", c.name, c.n, got, c.want)
		}
	}
}
