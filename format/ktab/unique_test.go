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
