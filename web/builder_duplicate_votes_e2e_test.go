package web_test

import (
	"strings"
	"testing"
)

// duplicateVotes has West answer to w, under which it has 2 of the 7
// votes in Issue A's qmv rule (quota 4).
const duplicateVotes = `metadata:
  id: duplicate-votes
  title: Duplicate votes
  as_of: "2025-01-01"
issues:
  - id: a
    name: Issue A
    decision:
      rule: qmv
      weights: {north: 3, south: 2, w: 2}
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

// TestBuilderRemoveDuplicatedVoter gives West North's id north by mistake
// and removes North, the first with the id: West stays, answering to w,
// under which its 2 votes count still, so that South's 2 and West's 2
// meet the quota of 4: the page asks, saying the total drops to 4, and
// removes North. (The page counted West's votes as going with North, and
// refused, saying the other voters had 2.)
func TestBuilderRemoveDuplicatedVoter(t *testing.T) {
	r := openAsking(t, "Duplicate votes", duplicateVotes)
	r.typeIn("actors[2].id", "north")
	asked, alerted := r.remove("actors[0]", true)
	if len(alerted) != 0 || len(asked) != 1 || !strings.Contains(asked[0], "of a total that drops to 4") {
		t.Fatalf("removing North asked %q and alerted %q", asked, alerted)
	}
	if got := r.items("actors", "id"); got != "south north" {
		t.Errorf("the actors: %q", got)
	}
}
