package web_test

import (
	"fmt"
	"testing"
)

// twoEasts has two variants each add an actor east, whom Issue A's
// unanimity rule lists first among its voters.
const twoEasts = `metadata:
  id: two-easts
  title: Two Easts
  as_of: "2025-01-01"
issues:
  - id: a
    name: Issue A
    decision: {rule: unanimity, voters: [east, north, south]}
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, assumed: an example}
variants:
  - id: east-joins
    add_actors:
      - {id: east, name: East, capability: 1, capability_assumed: an example}
    stances:
      - {actor: east, issue: a, position: 50, salience: 1, assumed: an example}
  - id: east-joins-too
    add_actors:
      - {id: east, name: East again, capability: 2, capability_assumed: an example}
    stances:
      - {actor: east, issue: a, position: 60, salience: 1, assumed: an example}
`

// TestBuilderVotersRenameRoundTrip renames the East the first variant
// adds to eastland and back to east: the rule, which lists east for both
// variants' Easts, named eastland beside east meanwhile, and lists east
// once again after, in its place, so that the save is accepted with the
// voters as they were. (Renamed back, the rule listed east twice, which
// the save refused.)
func TestBuilderVotersRenameRoundTrip(t *testing.T) {
	r := openAsking(t, "Two Easts", twoEasts)
	r.typeIn("variants[0].add_actors[0].id", "eastland")
	r.typeIn("variants[0].add_actors[0].id", "east")
	r.typeIn("issues[0].name", "Budget")
	saved := r.save()
	if got := fmt.Sprint(saved.Issues[0].Decision.Voters); got != "[east north south]" {
		t.Errorf("the voters saved: %s", got)
	}
}
