package web_test

import (
	"fmt"
	"testing"
)

// TestBuilderMistakeTypedBack gives North's id south's by mistake and
// types it back, twice, as a person who slips and sees it does, and then
// renames north to nord: each slip typed back leaves North owning north
// again (the record of the mistake goes with it, where it stayed as an
// empty entry that matched nothing), so the rename carries what names
// North along — its stances, its red line's place, its place among the
// proposers — and nothing of South's. Saved, the file validates.
func TestBuilderMistakeTypedBack(t *testing.T) {
	r := openAsking(t, "Cleared", cleared)
	for range 2 {
		r.typeIn("actors[0].id", "south")
		r.typeIn("actors[0].id", "north")
	}
	r.typeIn("actors[0].id", "nord")
	saved := r.save()
	got := map[string]int{}
	for _, s := range saved.Stances {
		got[s.Actor]++
	}
	if got["nord"] != 2 || got["south"] != 2 || got["north"] != 0 {
		t.Errorf("stances by actor after the slips and the rename: %v, want nord 2, south 2", got)
	}
	if p := fmt.Sprint(saved.Proposals[0].Proposers); p != "[nord]" {
		t.Errorf("the proposal's proposers read %s, want [nord]", p)
	}
	if n := saved.Actors[0]; n.ID != "nord" || len(n.RedLines) != 1 {
		t.Errorf("North reads %s with red lines %v", n.ID, n.RedLines)
	}
}
