package web_test

import (
	"strings"
	"testing"
)

// weighted has Issue A's qmv rule list South before North, and West
// last, by its alias w.
const weighted = `metadata:
  id: weighted
  title: Weighted
  as_of: "2025-01-01"
issues:
  - id: a
    name: Issue A
    decision:
      rule: qmv
      weights: {south: 2, north: 3, w: 2}
      quota: 4
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
  - {id: west, name: West, capability: 1, capability_assumed: an example, aliases: [w]}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, assumed: an example}
  - {actor: west, issue: a, position: 50, salience: 1, assumed: an example}
`

// TestBuilderWeightsKeepOrder renames North to nord and back, and South
// to sud and back, takes the alias w away from West (its votes then
// under west, in w's place) and gives it back, and renames the issue, in
// a qmv rule whose weights list South, North, then West by its alias:
// saved, the file lists the votes in the order it had, South, North,
// then West, now under its id. (west, a key the file lacked, was written
// after south, the key before it in the weights' sorted order: North
// moved to the end.)
func TestBuilderWeightsKeepOrder(t *testing.T) {
	r := openAsking(t, "Weighted", weighted)
	r.typeIn("actors[0].id", "nord")
	r.typeIn("actors[0].id", "north")
	r.typeIn("actors[1].id", "sud")
	r.typeIn("actors[1].id", "south")
	r.typeIn("actors[2].aliases", "")
	r.typeIn("actors[2].aliases", "w")
	r.typeIn("issues[0].name", "Budget")
	r.save()
	file := r.exported()
	if !strings.Contains(file, "weights: {south: 2, north: 3, west: 2}") {
		t.Errorf("the weights are not in the order they were:\n%s", file)
	}
}
