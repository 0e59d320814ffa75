package web_test

import (
	"fmt"
	"testing"

	"parley/scenario"
)

// unaliased is a scenario that names South by its aliases s and sud: Issue
// A's qmv weights and Issue B's unanimity voters by s, a stance and a
// proposal's proposers by s, another stance by sud.
const unaliased = `metadata:
  id: unaliased
  title: Aliased
  as_of: "2025-01-01"
issues:
  - id: a
    name: Issue A
    decision:
      rule: qmv
      weights: {north: 3, s: 2, west: 1}
      quota: 4
  - id: b
    name: Issue B
    decision: {rule: unanimity, voters: [north, s]}
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example, aliases: [s, sud]}
  - {id: west, name: West, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: s, issue: a, position: 80, salience: 1, assumed: an example}
  - {actor: west, issue: a, position: 50, salience: 1, assumed: an example}
  - {actor: north, issue: b, position: 30, salience: 0.5, assumed: an example}
  - {actor: sud, issue: b, position: 60, salience: 0.5, assumed: an example}
  - {actor: west, issue: b, position: 50, salience: 0.5, assumed: an example}
proposals:
  - {id: first, name: First offer, proposers: [s], date: "2025-01-01", package: {a: 30}, assumed: an example}
`

// TestBuilderRemoveAlias takes the alias s away from South, whose votes
// in Issue A's qmv rule and whose place among Issue B's voters are
// written as s: the rules name South by its id, as the stance and the
// proposers written as s do (their menus show South), and the votes
// field is South's own at once (not "South (as s)"). Saved, the file
// validates and both rules count South as before: [4; 3, 2, 1] and
// unanimity of North and South. (The weights kept s, which then named no
// actor, and the save was refused.) The alias sud, kept, stays as
// written.
func TestBuilderRemoveAlias(t *testing.T) {
	r := openStored(t, "Aliased", unaliased)
	if l := r.text(`label:has(> [data-path="issues[0].decision.weights.s"])`); l != "South (as s)" {
		t.Fatalf("before: South's votes field reads %q", l)
	}
	r.enter("actors[1].aliases", "sud")
	if n := r.count(`[data-path="issues[0].decision.weights.s"]`); n != 0 {
		t.Errorf("a votes field is still drawn under s")
	}
	if n := r.count(`[data-path="issues[0].decision.weights.south"]`); n != 1 {
		t.Fatalf("%d votes fields are drawn under south", n)
	}
	if l := r.text(`label:has(> [data-path="issues[0].decision.weights.south"])`); l != "South" {
		t.Errorf("South's votes field reads %q", l)
	}
	saved := r.save()
	if w := fmt.Sprint(saved.Issues[0].Decision.Weights); w != "map[north:3 south:2 west:1]" {
		t.Errorf("the qmv weights are %s", w)
	}
	if v := fmt.Sprint(saved.Issues[1].Decision.Voters); v != "[north south]" {
		t.Errorf("the unanimity voters are %s", v)
	}
	if got := fmt.Sprintf("%v %s %s %v", saved.Actors[1].Aliases, saved.Stances[1].Actor, saved.Stances[4].Actor, saved.Proposals[0].Proposers); got != "[sud] south sud [south]" {
		t.Errorf("South's aliases, its stances' actors and the proposers read %s", got)
	}
	s, err := saved.Resolve(scenario.Latest, "")
	if err != nil {
		t.Fatal(err)
	}
	for issue, want := range map[string]string{"a": "[north south west] [3 2 1] 4", "b": "[north south] [1 1] 2"} {
		voters, weights, quota := s.Issue(issue).Decision.Game(s)
		if got := fmt.Sprint(voters, weights, quota); got != want {
			t.Errorf("issue %s: the game is %s, want %s", issue, got, want)
		}
	}
}
