package web_test

import (
	"fmt"
	"testing"
)

// TestBuilderRuleMemoryFollowsEdits changes a rule and back after an edit
// of the actors it names, in the aliased scenario: Issue B's unanimity
// made qmv, North renamed nord, and unanimity chosen again gets back its
// voters with North as nord (and South still as s); Issue A's qmv made
// unanimity, West removed, and qmv chosen again gets back its votes and
// quota, North's under nord, without West's. (The rules chosen again
// named north and west, actors no longer there, and the save was
// refused.)
func TestBuilderRuleMemoryFollowsEdits(t *testing.T) {
	r := openAsking(t, "Aliased", unaliased)
	r.setField("issues[1].decision.rule", "qmv")
	r.setField("issues[0].decision.rule", "unanimity")
	r.typeIn("actors[0].id", "nord")
	if asked, alerted := r.remove("actors[2]", true); len(asked) != 1 || len(alerted) != 0 {
		t.Fatalf("removing West asked %q and alerted %q", asked, alerted)
	}
	r.setField("issues[1].decision.rule", "unanimity")
	r.setField("issues[0].decision.rule", "qmv")
	saved := r.save()
	a, b := saved.Issues[0].Decision, saved.Issues[1].Decision
	if a.Quota == nil {
		t.Fatal("Issue A's rule has no quota")
	}
	if got := fmt.Sprintf("%s %v %v %s %v", a.Rule, a.Weights, *a.Quota, b.Rule, b.Voters); got != "qmv map[nord:3 s:2] 4 unanimity [nord s]" {
		t.Errorf("Issue A's rule, weights and quota, Issue B's rule and voters: %s", got)
	}
}
