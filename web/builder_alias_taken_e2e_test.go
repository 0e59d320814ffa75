package web_test

import (
	"fmt"
	"testing"
)

// TestBuilderRenameOntoAlias renames North to s, South's alias, by
// mistake, and back to north, in a scenario whose lists name South by s:
// nothing follows either way, as for another actor's id
// (TestBuilderRenameOntoTakenId). Saved, the file names South where it
// did, by s: its stances, Issue B's voters, the proposers, the actors who
// leave in February; Issue A's voters are the three they were. (Renamed
// onto s, North's stances, votes and place among the proposers went to
// s, by which the lists name South; renamed back, s went to north while
// South still answered to it: each rule's voters named South twice, and
// Issue A's North twice, three problems the save was refused for.)
func TestBuilderRenameOntoAlias(t *testing.T) {
	r := openAsking(t, "Ordered", ordered)
	r.typeIn("actors[0].id", "s")
	r.typeIn("actors[0].id", "north")
	if got := r.items("stances", "actor"); got != "north south west north south west so" {
		t.Errorf("the stances' actors: %q", got)
	}
	saved := r.save()
	var on []string
	for _, s := range saved.Stances {
		on = append(on, s.Actor)
	}
	a := map[string]bool{}
	for _, v := range saved.Issues[0].Decision.Voters {
		a[saved.Actor(v).ID] = true
	}
	got := fmt.Sprintf("%v %d %v %v %v %v", on, len(saved.Issues[0].Decision.Voters), a, saved.Issues[1].Decision.Voters, saved.Proposals[0].Proposers, saved.Snapshots[0].RemoveActors)
	if want := "[north s west north s west so] 3 map[north:true south:true west:true] [north so south west] [s north] [s west]"; got != want {
		t.Errorf("the stances' actors, Issue A's voters (how many, and whom), Issue B's, the proposers and the actors who leave read\n%s\nwant\n%s", got, want)
	}
}
