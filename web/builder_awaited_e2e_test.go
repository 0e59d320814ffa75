package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderEmptiedIdNothingWaitsFor gives a new actor the id east and
// empties it again, as a person does who changes their mind: nothing
// names the new actor, so nothing waits for east, and South renamed
// east carries its stances, proposals' proposers and all, as a rename
// to a free id does. Removed, the new actor takes nothing, and the
// save is accepted. (east counted as taken while the emptied field had
// had it: South's stances stayed on south, an actor no longer there,
// and the save was refused for them.)
func TestBuilderEmptiedIdNothingWaitsFor(t *testing.T) {
	r := openAsking(t, "Cleared", cleared)
	r.do("add an actor", chromedp.Click(chromedp.CSS(`button[data-add="actors"]`)))
	r.typeIn("actors[2].id", "east")
	r.typeIn("actors[2].id", "")
	r.typeIn("actors[1].id", "east")
	if got := r.items("stances", "actor"); got != "north east north east" {
		t.Errorf("the stances' actors read %q, want South's on east", got)
	}
	if asked, alerted := r.remove("actors[2]", true); len(asked) != 0 || len(alerted) != 0 {
		t.Errorf("removing the new actor asked %q and alerted %q", asked, alerted)
	}
	saved := r.save()
	var on string
	for _, s := range saved.Stances {
		on += s.Actor + " "
	}
	if want := "north east north east "; on != want || saved.Actors[1].ID != "east" {
		t.Errorf("saved South as %q with stances of %q, want east and %q", saved.Actors[1].ID, on, want)
	}
}

// idle is a scenario whose first actor, Idle, nothing names.
const idle = `metadata:
  id: idle
  title: Idle
  as_of: "2025-01-01"
issues:
  - id: a
    name: Issue A
actors:
  - {id: idle, name: Idle, capability: 1, capability_assumed: an example}
  - {id: north, name: North, capability: 2, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, assumed: an example}
`

// TestBuilderEmptiedIdTakenWhenFree empties Idle's id, which nothing
// names, and renames South to idle, free since nothing waits for it:
// South's stances follow it. Idle then given west takes none of them:
// idle is South's now. Saved, South is idle with its stance, and West
// has none, which validation warns of. (West took South's stance, the
// id read as Idle's still.)
func TestBuilderEmptiedIdTakenWhenFree(t *testing.T) {
	r := openAsking(t, "Idle", idle)
	r.warnings = []string{"actors[0]: actor west takes part in no issue; add a stance or remove it"}
	r.typeIn("actors[0].id", "")
	r.typeIn("actors[2].id", "idle")
	r.typeIn("actors[0].id", "west")
	if got := r.items("stances", "actor"); got != "north idle" {
		t.Errorf("the stances' actors read %q, want South's on idle", got)
	}
	saved := r.save()
	var on string
	for _, s := range saved.Stances {
		on += s.Actor + " "
	}
	if want := "north idle "; on != want {
		t.Errorf("saved the stances of %q, want %q", on, want)
	}
}
