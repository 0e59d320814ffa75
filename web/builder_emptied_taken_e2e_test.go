package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderEmptiedIdTypedOnAnother empties South's id, whose stances
// then wait for the id typed next, and renames North to south, the id
// they wait for, by mistake, and then South to sud and North to nord:
// South's stances follow it to sud, and North's, which the mistake did
// not carry, to nord. The same for Issue B's id emptied and Issue A
// renamed to b, then to d, and Issue B given c. Then North's id is
// emptied and a new actor given north: renamed east, it takes nothing of
// North's, whose stances follow it to nord again. Saved, the file
// validates. (North's rename to south carried its stances onto South's,
// and renaming South carried none of them; the new actor renamed took
// North's stances along.)
func TestBuilderEmptiedIdTypedOnAnother(t *testing.T) {
	r := openAsking(t, "Cleared", cleared)
	r.typeIn("actors[1].id", "")
	r.typeIn("actors[0].id", "south")
	r.typeIn("actors[1].id", "sud")
	r.typeIn("actors[0].id", "nord")
	r.typeIn("issues[1].id", "")
	r.typeIn("issues[0].id", "b")
	r.typeIn("issues[1].id", "c")
	r.typeIn("issues[0].id", "d")
	if got := r.items("stances", "actor") + " / " + r.items("stances", "issue"); got != "nord sud nord sud / d d c c" {
		t.Errorf("the stances' actors and issues: %q", got)
	}
	r.typeIn("actors[0].id", "")
	r.do("add an actor", chromedp.Click(chromedp.CSS(`button[data-add="actors"]`)))
	r.typeIn("actors[2].id", "nord")
	r.typeIn("actors[2].id", "east")
	r.typeIn("actors[0].id", "nord")
	if asked, alerted := r.remove("actors[2]", true); len(asked) != 0 || len(alerted) != 0 {
		t.Errorf("removing the new actor asked %q and alerted %q", asked, alerted)
	}
	saved := r.save()
	var on []string
	for _, s := range saved.Stances {
		on = append(on, s.Actor+"/"+s.Issue)
	}
	got := fmt.Sprintf("%s %v %v %v %s", strings.Join(on, " "), saved.Actors[0].RedLines, saved.Proposals[0].Package, saved.Proposals[0].Proposers, saved.Outcomes[0].Issue)
	if want := "nord/d sud/d nord/c sud/c map[d:<= 40] map[c:40 d:30] [nord] d"; got != want {
		t.Errorf("the stances, North's red lines, the package, the proposers and the outcome's issue read\n%s\nwant\n%s", got, want)
	}
}

// TestBuilderRemoveEmptiedWhileTakenByMistake empties South's id and
// renames North to south, the id South's stances wait for, by mistake:
// removing South asks about its stances and removes them, and North's,
// which wait for north, stay. (South went at once, its id read as
// North's, and its stances were left to North.)
func TestBuilderRemoveEmptiedWhileTakenByMistake(t *testing.T) {
	r := openAsking(t, "Cleared", cleared)
	r.typeIn("actors[1].id", "")
	r.typeIn("actors[0].id", "south")
	asked, alerted := r.remove("actors[1]", true)
	if want := "Remove actor South? These name it, and go with it:\n• 2 stances"; strings.Join(asked, "|") != want || len(alerted) != 0 {
		t.Errorf("removing South asked %q (want %q) and alerted %q", asked, want, alerted)
	}
	if got := r.items("stances", "actor"); got != "north north" {
		t.Errorf("the stances' actors: %q", got)
	}
}
