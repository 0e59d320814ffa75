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

// TestSlug: kept characters pass through, runs of others become one '-',
// none at the ends; empty or over-long results give the fallback.
func TestSlug(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Actor_1.b", "Actor_1.b"},
		{"  United  States (US) ", "United-States-US"},
		{"Україна", "a1"},
		{"EU/Комісія", "EU"},
		{"", "a1"},
		{strings.Repeat("x", MaxSlug), strings.Repeat("x", MaxSlug)},
		{strings.Repeat("x", MaxSlug+1), "a1"},
	} {
		if got := Slug(c.in, "a1"); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
