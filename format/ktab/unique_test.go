package ktab

import (
	"fmt"
	"strings"
	"testing"
)

// TestCollidingNames reads MaxActors actors whose names all make the id
// "X" (finding 3 of issue 14: the de-duplication was quadratic).
func TestCollidingNames(t *testing.T) {
	var b strings.Builder
	fmt.Fprintf(&b, "T,test,%d,1\nActor,Description,Power,P,S\n", MaxActors)
	for i := 0; i < MaxActors; i++ {
		fmt.Fprintf(&b, "X%s,d,1,%d,50\n", strings.Repeat("!", i%20), i%101)
	}
	s, err := Read("x.csv", strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range s.Actors {
		if seen[a.ID] {
			t.Fatalf("id %q twice", a.ID)
		}
		seen[a.ID] = true
	}
	for i, want := range map[int]string{0: "X", 1: "X-2", 2: "X-3", 100: "X-101", MaxActors - 1: fmt.Sprintf("X-%d", MaxActors)} {
		if got := s.Actors[i].ID; got != want {
			t.Errorf("actor %d: id %q, want %q", i, got, want)
		}
	}
}

// TestUniquer: the first free suffix, as the linear scan gave, even when
// other names took some of them; 20,000 of one base end at base-20000.
func TestUniquer(t *testing.T) {
	u := newUniquer()
	var got []string
	for _, base := range []string{"a", "a-2", "a", "a", "b", "a-4", "a", "a-3", "b"} {
		got = append(got, u.unique(base))
	}
	if want := "a a-2 a-3 a-4 b a-4-2 a-5 a-3-2 b-2"; strings.Join(got, " ") != want {
		t.Errorf("ids %q, want %q", strings.Join(got, " "), want)
	}
	u = newUniquer()
	last := ""
	for i := 0; i < 20_000; i++ {
		last = u.unique("dim")
	}
	if last != "dim-20000" || len(u.seen) != 20_000 {
		t.Errorf("last id %q, %d ids", last, len(u.seen))
	}
}
