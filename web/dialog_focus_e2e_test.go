package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestStanceDialogKeepsFocus: the stance panel is a modal dialog, so Tab
// from its last control (the form's Close button) wraps to its first
// (the × in its corner) and Shift+Tab from the first back to the last,
// never leaving it for the page behind; Escape closes it and gives the
// focus back to the stance marker that opened it. (Tab left the panel:
// from Close the focus went on to the page's body.)
func TestStanceDialogKeepsFocus(t *testing.T) {
	e := startE2E(t)
	latest, err := e.full.Resolve("latest", "")
	if err != nil {
		t.Fatal(err)
	}
	s := latest.Stances[0]
	marker := fmt.Sprintf(`g.marker[data-actor=%q][data-issue=%q]`, s.Actor, s.Issue)
	// focus names the focused element, "drawer:" or "page:" after where
	// it is, then a stance marker's actor/issue, or the element's tag and
	// its aria-label in brackets, its name or a button's text.
	focus := func() string {
		return get(t, e.bctx, "the focus", chromedp.Evaluate[string](`(() => {
			const a = document.activeElement
			const label = a.getAttribute("aria-label")
			const what = label !== null ? "[" + label + "]" : a.getAttribute("name") ?? (a.tagName === "BUTTON" ? a.textContent.trim() : "")
			return (a.closest("#drawer") ? "drawer:" : "page:") + (a.closest("g.marker") ? "marker " + a.dataset.actor + "/" + a.dataset.issue : a.tagName + " " + what)
		})()`))
	}
	e.do("open the stance", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(marker)),
		chromedp.Focus(chromedp.CSS(marker)), chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS(`[data-testid=stance-form]`)))
	if f := focus(); f != "drawer:INPUT position" {
		t.Fatalf("after opening: the focus on %s, want the position field", f)
	}
	last := chromedp.CSS(`[data-testid=stance-form] .buttons button:last-child`)
	e.do("Tab from the last control", chromedp.Focus(last), chromedp.KeyEvent(kb.Tab))
	if f := focus(); f != "drawer:BUTTON [Close]" {
		t.Fatalf("Tab from the form's Close button: the focus on %s, want the × (aria-label Close) at the panel's top", f)
	}
	e.do("Shift+Tab from the first control", chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
	if f := focus(); f != "drawer:BUTTON Close" {
		t.Fatalf("Shift+Tab from the ×: the focus on %s, want the form's Close button", f)
	}
	if m := get(t, e.bctx, "aria-modal", chromedp.Evaluate[string](`document.querySelector("#drawer").getAttribute("aria-modal") ?? "none"`)); m != "true" {
		t.Errorf("the panel's aria-modal is %s, want true", m)
	}
	e.do("Escape", chromedp.KeyEvent(kb.Escape))
	if f := focus(); f != "page:marker "+s.Actor+"/"+s.Issue {
		t.Errorf("after Escape: the focus on %s, want the marker that opened the panel", f)
	}
	if h := get(t, e.bctx, "closed", chromedp.Evaluate[string](`document.querySelector("#drawer").getAttribute("aria-hidden")`)); h != "true" {
		t.Errorf("after Escape the panel's aria-hidden is %s, want true", h)
	}
}
