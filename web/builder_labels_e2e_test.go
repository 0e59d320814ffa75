package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// removeLabel is the accessible label of the remove button of the item
// at path, and whether its title says the same.
func (r removeSession) removeLabel(path string) string {
	r.t.Helper()
	return get(r.t, r.bctx, "label of "+path, chromedp.Evaluate[string](fmt.Sprintf(`(() => {
		const b = document.querySelector(%q)
		return b.getAttribute("aria-label") === b.title ? b.getAttribute("aria-label") : "title " + b.title + " but label " + b.getAttribute("aria-label")
	})()`, fmt.Sprintf(`button[data-remove=%q]`, path))))
}

// TestBuilderRemoveLabelsFollowNames: a remove button's accessible
// label (and its title) names its item as it is now. A new actor's,
// drawn before it has a name or an id, says which actor it is by its
// place ("Remove actor 4"), then by the name typed; renaming North and
// Issue A renames the buttons of North, of North's stance on Issue A and
// of Issue A's outcome at once. (A new actor's button said "Remove actor
// " until the view was drawn again, and a rename left every label
// naming the old name.)
func TestBuilderRemoveLabelsFollowNames(t *testing.T) {
	r := openRemovals(t)
	r.do("add an actor", chromedp.Click(chromedp.CSS(`button[data-add="actors"]`)),
		r.poll(`!!document.querySelector('button[data-remove="actors[3]"]')`))
	if got, want := r.removeLabel("actors[3]"), "Remove actor 4"; got != want {
		t.Errorf("a new actor's remove button is labelled %q, want %q", got, want)
	}
	r.typeIn("actors[3].name", "Zed")
	if got, want := r.removeLabel("actors[3]"), "Remove actor Zed"; got != want {
		t.Errorf("named Zed, its remove button is labelled %q, want %q", got, want)
	}
	r.typeIn("actors[0].name", "Northland")
	r.typeIn("issues[0].name", "Alpha")
	for path, want := range map[string]string{
		"actors[0]":   "Remove actor Northland",
		"stances[0]":  "Remove the stance of Northland on Alpha",
		"outcomes[0]": "Remove the outcome of Alpha on 2025-06-01",
		"issues[0]":   "Remove issue Alpha",
	} {
		if got := r.removeLabel(path); got != want {
			t.Errorf("renamed, the remove button of %s is labelled %q, want %q", path, got, want)
		}
	}
	// An id renamed carries the stance's actor along: the label follows.
	r.typeIn("actors[2].id", "westland")
	if got, want := r.removeLabel("stances[2]"), "Remove the stance of West on Alpha"; got != want {
		t.Errorf("West's id renamed, its stance's remove button is labelled %q, want %q", got, want)
	}
}
