package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// folds is a scenario whose snapshot changes each of three actors, each
// change with its folded fields.
const folds = `metadata:
  id: folds
  title: Folds
  as_of: "2025-01-01"
issues:
  - {id: a, name: Issue A}
actors:
  - {id: north, name: North, capability: 1, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
  - {id: west, name: West, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, assumed: an example}
  - {actor: west, issue: a, position: 50, salience: 1, assumed: an example}
snapshots:
  - date: "2025-02-01"
    actors:
      - {id: north, capability: 2, capability_assumed: an example}
      - {id: south, capability: 2, capability_assumed: an example}
      - {id: west, capability: 2, capability_assumed: an example}
`

// TestBuilderRemoveKeepsFoldsInOtherLists: with the folded fields of
// West and of the snapshot's change to South open, removing North
// (which takes the snapshot's change to North with it, the list South's
// change is in) leaves South's change open and West's closed, and West
// open, moved up one in the actors. (The folds were moved only in the
// removed item's own list: South's change, moved up one, showed closed,
// and West's, moved into its place, open.)
func TestBuilderRemoveKeepsFoldsInOtherLists(t *testing.T) {
	r := openAsking(t, "Folds", folds)
	r.do("open the fold of South's change", chromedp.Click(chromedp.CSS(`details[data-more="snapshots[0].actors[1]"] > summary`)),
		r.poll(`document.querySelector('details[data-more="snapshots[0].actors[1]"]').open`),
		chromedp.Click(chromedp.CSS(`details[data-more="actors[2]"] > summary`)),
		r.poll(`document.querySelector('details[data-more="actors[2]"]').open`))
	asked, _ := r.remove("actors[0]", true)
	if len(asked) != 1 {
		t.Fatalf("removing North asked %q, want one question", asked)
	}
	got := get(t, r.bctx, "folds", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-path^="snapshots[0].actors["][data-path$="].id"]')].map((s) => s.value + " " + (s.closest(".bitem").querySelector("details[data-more]").open ? "open" : "closed"))`))
	if want := []string{"south open", "west closed"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after North's removal the snapshot's changes are %q, want %q", got, want)
	}
	got = get(t, r.bctx, "actors' folds", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-path^="actors["][data-path$="].id"]')].map((s) => s.value + " " + (s.closest(".bitem").querySelector("details[data-more]").open ? "open" : "closed"))`))
	if want := []string{"south closed", "west open"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after North's removal the actors are %q, want %q", got, want)
	}
}
