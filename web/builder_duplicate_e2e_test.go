package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderRemoveDuplicateActor gives a new actor North's id north by
// mistake and removes it: it goes at once, nothing asked, since what
// names north names North, who stays: North's stances, its red line and
// its place among the proposers stay, and the draft is the stored
// scenario again. (The page asked to remove them with the new actor, and
// did.)
func TestBuilderRemoveDuplicateActor(t *testing.T) {
	r := openAsking(t, "Cleared", cleared)
	r.do("add an actor", chromedp.Click(chromedp.CSS(`button[data-add="actors"]`)))
	r.typeIn("actors[2].id", "north")
	if asked, alerted := r.remove("actors[2]", true); len(asked) != 0 || len(alerted) != 0 {
		t.Errorf("removing the second north asked %q and alerted %q", asked, alerted)
	}
	// Nothing else changed: the draft is the stored scenario again.
	if s := r.text(`[data-testid=build-state]`); s != "Cleared · version 1 · saved" {
		t.Errorf("the state reads %q", s)
	}
	if got := r.items("stances", "actor"); got != "north south north south" {
		t.Errorf("the stances' actors: %q", got)
	}
}

// TestBuilderRenameOntoTakenId renames Issue A to b, Issue B's id, by
// mistake, and then to c, and South to north, North's id, and then to
// sud: what named Issue A and South follows them to c and sud, and Issue
// B and North keep their own. (Renamed onto b, Issue A's stances, red
// line, package value and outcome were merged with Issue B's, its value
// in the package written over B's, and renamed to c, B's went along.)
func TestBuilderRenameOntoTakenId(t *testing.T) {
	r := openAsking(t, "Cleared", cleared)
	r.typeIn("issues[0].id", "b")
	r.typeIn("issues[0].id", "c")
	r.typeIn("actors[1].id", "north")
	r.typeIn("actors[1].id", "sud")
	saved := r.save()
	var on []string
	for _, s := range saved.Stances {
		on = append(on, s.Actor+"/"+s.Issue)
	}
	got := fmt.Sprintf("%v %v %v %v %s", on, saved.Actors[0].RedLines, saved.Proposals[0].Package, saved.Proposals[0].Proposers, saved.Outcomes[0].Issue)
	if want := "[north/c sud/c north/b sud/b] map[c:<= 40] map[b:40 c:30] [north] c"; got != want {
		t.Errorf("the stances, North's red lines, the package, the proposers and the outcome's issue read\n%s\nwant\n%s", got, want)
	}
}

// TestBuilderRenameOntoVariantActor renames North to east, the id of the
// actors the variants add, by mistake, and back to north, in the renames
// scenario: nothing follows either way: North keeps its stances, and
// East its one vote in Issue A's qmv rule and its stance in the first
// variant. (Renamed onto east, North's 3 votes were
// written over East's; renamed back, they were copied to north, leaving
// East 3 votes, and the variant's stance of East went to North.)
func TestBuilderRenameOntoVariantActor(t *testing.T) {
	r := openAsking(t, "Renames", renames)
	r.typeIn("actors[0].id", "east")
	r.typeIn("actors[0].id", "north")
	if got := r.items("stances", "actor"); got != "north south north south" {
		t.Errorf("the stances' actors: %q", got)
	}
	if got := get(t, r.bctx, "east's votes", chromedp.Evaluate[string](`document.querySelector('[data-path="issues[0].decision.weights.east"]')?.value ?? "(none)"`)); got != "1" {
		t.Errorf("East's votes read %q", got)
	}
	if got := get(t, r.bctx, "the variant's stance", chromedp.Evaluate[string](`document.querySelector('[data-path="variants[0].stances[0].actor"]')?.value ?? "(none)"`)); got != "east" {
		t.Errorf("the first variant's stance is of %q", got)
	}
}

// TestBuilderRemoveDuplicatedActor gives a new actor North's id north by
// mistake and removes North, the first with the id, whom the server takes
// the id to name: the page asks, listing North's stances and its place
// among the proposers, and removes them with North, so that they are not
// left to the new actor; the same for Issue A and a new issue given its
// id a, its stances, red line, package value and outcome going with it.
// (North went at once, nothing asked, its stances left to the new actor,
// and so did Issue A.)
func TestBuilderRemoveDuplicatedActor(t *testing.T) {
	r := openAsking(t, "Cleared", cleared)
	r.do("add an actor", chromedp.Click(chromedp.CSS(`button[data-add="actors"]`)))
	r.typeIn("actors[2].id", "north")
	asked, alerted := r.remove("actors[0]", true)
	want := "Remove actor North? These name it, and go with it:\n• 2 stances\n• its place among the proposers of 1 proposal"
	if len(asked) != 1 || asked[0] != want || len(alerted) != 0 {
		t.Errorf("removing North asked %q and alerted %q, want %q", asked, alerted, want)
	}
	if got := r.items("stances", "actor"); got != "south south" {
		t.Errorf("the stances' actors: %q", got)
	}
	if got := r.items("actors", "id"); got != "south north" {
		t.Errorf("the actors: %q", got)
	}
	r.do("add an issue", chromedp.Click(chromedp.CSS(`button[data-add="issues"]`)))
	r.typeIn("issues[2].id", "a")
	asked, alerted = r.remove("issues[0]", true)
	want = "Remove issue Issue A? These name it, and go with it:\n• 1 stance on it\n• its value in the package of 1 proposal\n• 1 outcome recorded for it"
	if len(asked) != 1 || asked[0] != want || len(alerted) != 0 {
		t.Errorf("removing Issue A asked %q and alerted %q, want %q", asked, alerted, want)
	}
	if got := r.items("stances", "issue"); got != "b" {
		t.Errorf("the stances' issues: %q", got)
	}
}
