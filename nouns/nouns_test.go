package nouns

import "testing"

// Plural counts in the singular only for one: every door counts alike.
func TestCount(t *testing.T) {
	for _, c := range []struct {
		n          int
		plural, of string
	}{{0, "0 rounds", "rounds"}, {1, "1 round", "round"}, {2, "2 rounds", "rounds"}} {
		if got := Count(c.n, "round"); got != c.plural {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.plural)
		}
		if got := For(c.n, "round"); got != c.of {
			t.Errorf("For(%d) = %q, want %q", c.n, got, c.of)
		}
	}
	// parley ledger grade said "1 entries": a noun ending in a consonant
	// and y, or in s, x, ch or sh, has its own plural.
	for _, c := range []struct {
		n          int
		noun, want string
	}{{1, "entry", "1 entry"}, {2, "entry", "2 entries"}, {0, "entry", "0 entries"}, {2, "day", "2 days"},
		{2, "bus", "2 buses"}, {2, "box", "2 boxes"}, {2, "match", "2 matches"}, {2, "Newton step", "2 Newton steps"}} {
		if got := Count(c.n, c.noun); got != c.want {
			t.Errorf("Count(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
}

// deal printed "Automation safeguards's rule": a name ending in s takes
// the apostrophe alone, every other name "'s".
func TestPossessive(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Russia", "Russia's"}, {"United States", "United States'"}, {"Automation safeguards", "Automation safeguards'"}, {"Budget", "Budget's"},
	} {
		if got := Possessive(c.name); got != c.want {
			t.Errorf("Possessive(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestAnd(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a and b"},
		{[]string{"a", "b", "c"}, "a, b and c"},
	} {
		if got := And(c.in); got != c.want {
			t.Errorf("And(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestVerb(t *testing.T) {
	for _, c := range []struct {
		n          int
		verb, want string
	}{
		{1, "is", "is"}, {0, "is", "are"}, {2, "is", "are"},
		{1, "rest", "rests"}, {0, "rest", "rest"}, {3, "rest", "rest"},
	} {
		if got := Verb(c.n, c.verb); got != c.want {
			t.Errorf("Verb(%d, %q) = %q, want %q", c.n, c.verb, got, c.want)
		}
	}
}

func TestAndMore(t *testing.T) {
	for _, c := range []struct {
		in   []string
		most int
		want string
	}{
		{nil, 3, ""},
		{[]string{"a", "b", "c"}, 3, "a, b and c"},
		{[]string{"a", "b", "c", "d"}, 3, "a, b, c and 1 more"},
		{[]string{"a", "b", "c", "d", "e"}, 1, "a and 4 more"},
	} {
		if got := AndMore(c.in, c.most); got != c.want {
			t.Errorf("AndMore(%q, %d) = %q, want %q", c.in, c.most, got, c.want)
		}
	}
}
