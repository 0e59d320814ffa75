package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBuilderStateFollowsEdits types a letter at the end of Issue A's
// name, as a person does: the line that says whether the draft is saved
// says "unsaved changes" at once, before the field is left; the letter
// taken away again, the draft is the stored scenario, and the line says
// "saved"; typed again and saved, it says "saved", at the new version.
// (The line changed only when the view was drawn again: it said "saved"
// over an edit not saved.)
func TestBuilderStateFollowsEdits(t *testing.T) {
	r := openStored(t, "Cleared", cleared)
	name := `[data-path="issues[0].name"]`
	state := func(want string) {
		t.Helper()
		if s := r.text(`[data-testid=build-state]`); s != want {
			t.Errorf("the state reads %q, want %q", s, want)
		}
	}
	r.do("type a letter", chromedp.SendKeys(chromedp.CSS(name), "!"))
	state("Cleared · version 1 · unsaved changes")
	r.do("take it away", chromedp.SendKeys(chromedp.CSS(name), kb.Backspace))
	state("Cleared · version 1 · saved")
	r.do("type it again", chromedp.SendKeys(chromedp.CSS(name), "!"))
	state("Cleared · version 1 · unsaved changes")
	r.save()
	state("Cleared · version 2 · saved")
}
