package errs

import (
	"fmt"
	"strings"
	"testing"
)

// TestOneOf: up to a dozen names are listed whole; more are cut to the
// first dozen and their count.
func TestOneOf(t *testing.T) {
	var names []string
	for i := range 200 {
		names = append(names, fmt.Sprintf("actor-%d", i+1))
	}
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, "(none)"},
		{1, "actor-1"},
		{12, "actor-1, actor-2, actor-3, actor-4, actor-5, actor-6, actor-7, actor-8, actor-9, actor-10, actor-11, actor-12"},
		{13, "actor-1, actor-2, actor-3, actor-4, actor-5, actor-6, actor-7, actor-8, actor-9, actor-10, actor-11, actor-12, … (13 in all)"},
		{200, "actor-1, actor-2, actor-3, actor-4, actor-5, actor-6, actor-7, actor-8, actor-9, actor-10, actor-11, actor-12, … (200 in all)"},
	} {
		if got := OneOf(names[:c.n]); got != c.want {
			t.Errorf("%d names: %q, want %q", c.n, got, c.want)
		}
	}
}

// TestNearest: a name equal but for case, else the only nearest within
// two edits (three for a name over eight runes), is suggested; none, or a
// tie, suggests nothing.
func TestNearest(t *testing.T) {
	ids := []string{"ukraine", "russia", "united-states", "united-kingdom", "france", "nato", "eu"}
	for _, c := range []struct{ got, want string }{
		{"Ukraine", "ukraine"}, // case
		{"rusia", "russia"},    // one deletion
		{"frnace", "france"},   // two substitutions
		{"united-state", "united-states"},
		{"united-kingdon", "united-kingdom"},
		{"usa", ""},                          // too far from everything
		{"eux", "eu"},                        // one insertion
		{"nat", "nato"},                      // one deletion; "eu" is 3 edits away
		{"united-kindgon", "united-kingdom"}, // three edits, a long name
		{"fzzzce", ""},                       // three edits from "france", a short name
	} {
		if got := Nearest(c.got, ids); got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.got, got, c.want)
		}
	}
	// a tie within two edits suggests nothing: "ab" is one from "aa" and "bb"
	if got := Nearest("ab", []string{"aa", "bb"}); got != "" {
		t.Errorf("tie: %q, want none", got)
	}
	// a tie found whatever the order: "modl" is one edit from "mode" and
	// from "model", whose length differs by the one edit of the best so far
	for _, names := range [][]string{{"mode", "model"}, {"model", "mode"}} {
		if got := Nearest("modl", names); got != "" {
			t.Errorf("tie in %q: %q, want none", names, got)
		}
	}
	// two names equal to it but for case: none
	if got := Nearest("US", []string{"us", "Us"}); got != "" {
		t.Errorf("case tie: %q, want none", got)
	}
	if got, want := Choices("rusia", ids), ` (did you mean "russia"?); valid: ukraine, russia, united-states, united-kingdom, france, nato, eu`; got != want {
		t.Errorf("Choices: %q, want %q", got, want)
	}
	if got, want := Choices("usa", ids), `; valid: ukraine, russia, united-states, united-kingdom, france, nato, eu`; got != want {
		t.Errorf("Choices without a near name: %q, want %q", got, want)
	}
}

// TestEdits: Levenshtein distance in runes, by hand; long strings are far.
func TestEdits(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"kitten", "sitting", 3}, {"flaw", "lawn", 2}, {"abc", "abc", 0},
		{"café", "cafe", 1}, // one rune, two bytes
		{"Ζήνων", "Ζηνων", 1},
		{strings.Repeat("a", 65), strings.Repeat("a", 65), 1 << 20},
	} {
		if got := Edits(c.a, c.b); got != c.want {
			t.Errorf("Edits(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
