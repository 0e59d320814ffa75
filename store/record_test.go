package store

import (
	"parley/errs"
	"strings"
	"testing"
)

// TestFullCountsInWords: the limit's error counts in the noun's form,
// "1 scenario", where it said "holds 1 scenarios … at most 1 scenarios".
func TestFullCountsInWords(t *testing.T) {
	for _, c := range []struct {
		f    Full
		want []string
	}{
		{Full{Held: 1, Max: 1}, []string{"this server holds 1 scenario (stored", "over the limit scenarios=1;", "valid: at most 1 scenario: delete"}},
		{Full{Held: 3, Max: 2}, []string{"this server holds 3 scenarios (stored", "over the limit scenarios=2;", "valid: at most 2 scenarios: delete"}},
	} {
		got := c.f.Error()
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%+v: %q lacks %q", c.f, got, w)
			}
		}
	}
}

// TestCheckID: the ids a scenario file may name, at and past the
// length limit, and the ids a store makes pass.
func TestCheckID(t *testing.T) {
	for _, c := range []struct{ id, bad string }{
		{"trade-talks-2026", ""},
		{"A.b_c-9", ""},
		{strings.Repeat("x", 64), ""},
		{strings.Repeat("x", 65), "65 bytes, over 64"},
		{"", "missing"},
		{".hidden", `".hidden" starts with '.'`},
		{"a b", `"a b" holds ' '`},
		{"a%2Fb", `"a%2Fb" holds '%'`},
		{"deleted", `"deleted" is the name of an API path (/api/scenarios/deleted)`},
		{NewID(), ""},
	} {
		if got := BadID(c.id); got != c.bad {
			t.Errorf("BadID(%q) = %q, want %q", c.id, got, c.bad)
		}
		if err := CheckID(c.id); (err == nil) != (c.bad == "") || err != nil && errs.CodeOf(err) != errs.Invalid {
			t.Errorf("CheckID(%q) = %v", c.id, err)
		}
	}
}
