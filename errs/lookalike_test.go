package errs

import "testing"

// A suggestion for a name typed with look-alike letters names the first
// letter beyond ASCII, its code point, its Unicode name and its place;
// a plain misspelling, or a suggestion itself beyond ASCII, gets none.
func TestDidYouMeanNamesLookalikes(t *testing.T) {
	for _, c := range []struct{ got, near, want string }{
		{"сity", "city", ` (did you mean "city"? "сity" has the non-ASCII letter "с" (U+0441, Cyrillic) at 1)`},
		{"unіоn", "union", ` (did you mean "union"? "unіоn" has the non-ASCII letter "і" (U+0456, Cyrillic) at 3, and 1 more)`},
		{"cty", "city", ` (did you mean "city"?)`},
		{"zürich", "zürick", ` (did you mean "zürick"?)`},
		{"x", "", ""},
	} {
		if got := DidYouMean(c.got, c.near); got != c.want {
			t.Errorf("DidYouMean(%q, %q) = %s, want %s", c.got, c.near, got, c.want)
		}
	}
}
