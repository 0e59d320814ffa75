package scenario

import (
	"strings"
	"testing"
)

// TestIDs: the first free suffix, as a linear scan gives, even when other
// names took some of them; 20,000 of one base end at base-20000.
func TestIDs(t *testing.T) {
	u := NewIDs(0)
	var got []string
	for _, base := range []string{"a", "a-2", "a", "a", "b", "a-4", "a", "a-3", "b"} {
		got = append(got, u.Unique(base))
	}
	if want := "a a-2 a-3 a-4 b a-4-2 a-5 a-3-2 b-2"; strings.Join(got, " ") != want {
		t.Errorf("ids %q, want %q", strings.Join(got, " "), want)
	}
	u = NewIDs(0)
	last := ""
	for i := 0; i < 20_000; i++ {
		last = u.Unique("dim")
	}
	if last != "dim-20000" || len(u.seen) != 20_000 {
		t.Errorf("last id %q, %d ids", last, len(u.seen))
	}
}
