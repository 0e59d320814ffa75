package web_test

import (
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
