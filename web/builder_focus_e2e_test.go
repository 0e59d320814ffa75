package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBuilderRemoveKeepsFocus removes stances, which nothing names, from
// the keyboard's point of view: after a removal the focus is on the
// remove button of the stance that took the removed one's place, so
// Enter removes that one next, and after the last one it is on the
// list's add button. (The focus went to the page's body, and a person
// on the keyboard had to find the list again from the top.)
func TestBuilderRemoveKeepsFocus(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	focused := func() string {
		return get(t, r.bctx, "the focus", chromedp.Evaluate[string](`(() => { const b = document.activeElement; return b.dataset.remove ?? (b.dataset.add ? "add " + b.dataset.add : b.tagName) })()`))
	}
	actors := func() string { return removeSession{r}.items("stances", "actor") }
	r.do("remove the second stance", chromedp.Click(chromedp.CSS(`button[data-remove="stances[1]"]`)))
	if f, a := focused(), actors(); f != "stances[1]" || a != "north west north south west" {
		t.Fatalf("after a click: the focus on %s, the stances of %s", f, a)
	}
	r.do("Enter", chromedp.KeyEvent(kb.Enter))
	if f, a := focused(), actors(); f != "stances[1]" || a != "north north south west" {
		t.Fatalf("after Enter: the focus on %s, the stances of %s", f, a)
	}
	r.do("remove the last", chromedp.Click(chromedp.CSS(`button[data-remove="stances[3]"]`)))
	if f, a := focused(), actors(); f != "add stances" || a != "north north south" {
		t.Errorf("after the last: the focus on %s, the stances of %s", f, a)
	}
}

// TestBuilderRemoveKeepsFolds opens West's folded fields (its red lines
// and reservation), then removes North, before it: West's fields stay
// open, South's stay folded. (The open fold was remembered by West's
// place, actors[2], which after the removal no actor had, so West's
// fields folded away while a person was editing them.)
func TestBuilderRemoveKeepsFolds(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	r.do("open West's fold", chromedp.Click(chromedp.CSS(`[data-path="actors[2]"] details.bmore > summary`)),
		void(chromedp.Evaluate[bool](`(() => { window.confirm = () => true; return true })()`)),
		chromedp.Click(chromedp.CSS(`button[data-remove="actors[0]"]`)))
	got := get(t, r.bctx, "the folds", chromedp.Evaluate[string](`[...document.querySelectorAll('[data-path^="actors["] > details.bmore')].map((d) => d.parentElement.querySelector('[data-path$=".id"]').value + ":" + d.open).join(" ")`))
	if got != "south:false west:true" {
		t.Errorf("the actors' folds: %s", got)
	}
}
