package scenario

import (
	"fmt"
	"testing"
)

// TestKeysAsOneOf: validation's list of the valid ids, picked from a set
// without sorting all of it, reads as errs.OneOf writes every list: the
// first twelve in order, then how many in all; "(none)" for none (it
// wrote nothing after "one of").
func TestKeysAsOneOf(t *testing.T) {
	set := func(n int) map[string]bool {
		m := map[string]bool{"": true} // an empty id is never listed
		for i := n; i >= 1; i-- {
			m[fmt.Sprintf("a%02d", i)] = true
		}
		return m
	}
	for _, c := range []struct {
		n    int
		want string
	}{
		{0, "(none)"},
		{2, "a01, a02"},
		{12, "a01, a02, a03, a04, a05, a06, a07, a08, a09, a10, a11, a12"},
		{13, "a01, a02, a03, a04, a05, a06, a07, a08, a09, a10, a11, a12, … (13 in all)"},
	} {
		if got := keys(set(c.n)); got != c.want {
			t.Errorf("%d ids: %q, want %q", c.n, got, c.want)
		}
	}
}
