package web_test

import (
	"fmt"
	"testing"
)

// ordered is a scenario whose lists name South by its alias s first, or
// between other names: Issue A's unanimity voters, a proposal's
// proposers and a snapshot's actors who leave. Issue B's voters name
// South and the South office, an actor of its own.
const ordered = `metadata:
  id: ordered
  title: Ordered
  as_of: "2025-01-01"
issues:
  - id: a
    name: Issue A
    decision: {rule: unanimity, voters: [s, north, west]}
  - id: b
    name: Issue B
    decision: {rule: majority, voters: [north, so, south, west]}
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example, aliases: [s]}
  - {id: west, name: West, capability: 1, capability_assumed: an example}
  - {id: so, name: South office, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: s, issue: a, position: 80, salience: 1, assumed: an example}
  - {actor: west, issue: a, position: 50, salience: 1, assumed: an example}
  - {actor: north, issue: b, position: 30, salience: 0.5, assumed: an example}
  - {actor: s, issue: b, position: 60, salience: 0.5, assumed: an example}
  - {actor: west, issue: b, position: 50, salience: 0.5, assumed: an example}
  - {actor: so, issue: b, position: 70, salience: 0.5, assumed: an example}
proposals:
  - {id: first, name: First offer, proposers: [s, north], date: "2025-01-01", package: {a: 30}, assumed: an example}
snapshots:
  - date: "2025-02-01"
    remove_actors: [s, west]
`

// TestBuilderRemoveAliasKeepsOrder takes the aliases away from South as a
// person does (typed, then the field left), in a scenario whose lists
// name South by its alias s first or in the middle. Each list keeps its
// order, South by its id in the alias's place: Issue A's voters [south
// north west], the proposers [south north], the actors who leave [south
// west]. (The id went to the end of each list.)
//
// Before, the South office is merged into South: so given to South as an
// alias, the actor so removed (with its stance). Issue B's voters then
// name South twice, as so and as south; with the alias so taken away
// too, the entry so goes and south stays where it is: a voter listed
// once counts as one listed twice did. Saved, the file validates.
func TestBuilderRemoveAliasKeepsOrder(t *testing.T) {
	r := openAsking(t, "Ordered", ordered)
	r.typeIn("actors[1].aliases", "s, so")
	if asked, alerted := r.remove("actors[3]", true); len(asked) != 1 || len(alerted) != 0 {
		t.Fatalf("removing the South office asked %q and alerted %q", asked, alerted)
	}
	r.typeIn("actors[1].aliases", "")
	saved := r.save()
	got := fmt.Sprintf("%v %v %v %v %s %d", saved.Issues[0].Decision.Voters, saved.Issues[1].Decision.Voters,
		saved.Proposals[0].Proposers, saved.Snapshots[0].RemoveActors, saved.Stances[1].Actor, len(saved.Actors[1].Aliases))
	if want := "[south north west] [north south west] [south north] [south west] south 0"; got != want {
		t.Errorf("the voters of A and B, the proposers, the actors who leave, South's stance and its number of aliases read\n%s\nwant\n%s", got, want)
	}
}
