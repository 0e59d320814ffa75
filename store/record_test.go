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

// TestBadID: the ids a scenario file may name, at and past the length
// limit, and the ids a store makes pass; a store's create (NewScenario)
// refuses the others by the same rule, and gives a scenario with no id
// one of its own.
func TestBadID(t *testing.T) {
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
		sc := &Scenario{ID: c.id, Format: "yaml", Body: []byte("x: 1\n")}
		err := NewScenario(sc)
		switch {
		case c.id == "" && (err != nil || BadID(sc.ID) != ""):
			t.Errorf("NewScenario with no id: id %q, %v", sc.ID, err)
		case c.id != "" && c.bad == "" && err != nil:
			t.Errorf("NewScenario(%q) = %v", c.id, err)
		case c.bad != "" && c.id != "" && (errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), c.bad)):
			t.Errorf("NewScenario(%q) = %v, want refused as %s", c.id, err, c.bad)
		}
	}
}
