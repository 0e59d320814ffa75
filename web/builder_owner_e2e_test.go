package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderRenameDuplicatedOwner gives a new actor North's id north, a
// new issue Issue A's id a and a new source the source wire's id by
// mistake, and then renames North, Issue A and wire, the first with each
// id, whom the server reads what names the id as naming: what named them
// follows to the new ids (North's stances and its place among the
// proposers; Issue A's stances, red line, package value and outcome;
// wire's quote), and the new items, which owned nothing, keep nothing,
// so that they go at once, nothing asked. Saved, the file validates.
// North's votes in a qmv rule (in dups) follow it the same way, and so
// does the snapshot's change of the proposal first.
// (Nothing followed: the page took the id for the new item's as much,
// and removing the new items took the references with them.)
func TestBuilderRenameDuplicatedOwner(t *testing.T) {
	r := openAsking(t, "Cleared", cleared)
	r.do("add an actor, an issue and a source", chromedp.Click(chromedp.CSS(`button[data-add="actors"]`)),
		chromedp.Click(chromedp.CSS(`button[data-add="issues"]`)), chromedp.Click(chromedp.CSS(`button[data-add="metadata.sources"]`)))
	r.typeIn("actors[2].id", "north")
	r.typeIn("issues[2].id", "a")
	r.typeIn("metadata.sources[1].id", "wire")
	r.typeIn("actors[0].id", "nord")
	r.typeIn("issues[0].id", "c")
	r.typeIn("metadata.sources[0].id", "report")
	for _, p := range []string{"actors[2]", "issues[2]", "metadata.sources[1]"} {
		if asked, alerted := r.remove(p, true); len(asked) != 0 || len(alerted) != 0 {
			t.Errorf("removing %s, which owned nothing, asked %q and alerted %q", p, asked, alerted)
		}
	}
	saved := r.save()
	var on []string
	for _, s := range saved.Stances {
		on = append(on, s.Actor+"/"+s.Issue)
	}
	got := fmt.Sprintf("%s %v %v %v %s %s", strings.Join(on, " "), saved.Actors[0].RedLines, saved.Proposals[0].Package, saved.Proposals[0].Proposers,
		saved.Outcomes[0].Issue, saved.Outcomes[0].Evidence[0].Source)
	if want := "nord/c south/c nord/b south/b map[c:<= 40] map[b:40 c:30] [nord] c report"; got != want {
		t.Errorf("the stances, North's red lines, the package, the proposers, the outcome's issue and its quote's source read\n%s\nwant\n%s", got, want)
	}

	// North's votes in a qmv rule follow it too, and the new actor has
	// none.
	v := openAsking(t, "Dups", dups)
	v.do("add an actor", chromedp.Click(chromedp.CSS(`button[data-add="actors"]`)))
	v.typeIn("actors[3].id", "north")
	v.typeIn("actors[0].id", "nord")
	if got := v.valueOf("issues[0].decision.weights.nord") + "/" + v.valueOf("issues[0].decision.weights.north"); got != "3/" {
		t.Errorf("the votes of nord and north read %q, want 3 and none", got)
	}
	// And a base proposal's change in a snapshot follows the first
	// proposal with the id, the later one keeping it.
	v.do("add a proposal", chromedp.Click(chromedp.CSS(`button[data-add="proposals"]`)))
	v.typeIn("proposals[1].id", "first")
	v.typeIn("proposals[0].id", "opening")
	if got := v.valueOf("snapshots[0].proposals[0].id") + "/" + v.valueOf("proposals[1].id"); got != "opening/first" {
		t.Errorf("the snapshot's change and the new proposal are of %q, want opening/first", got)
	}
}
