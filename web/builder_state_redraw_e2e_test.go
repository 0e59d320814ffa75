package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderStateWhileTypingId types a new id over South's, and has the
// view drawn again before leaving the field, as the page does when a
// forecast answers: the draft holds the letters typed, and the line
// under the title says "unsaved changes", the Discard button and the
// downloads' note showing. (Drawn with the id as it was before the
// typing, the line said "saved" and the button and note were hidden,
// until the next letter typed.)
func TestBuilderStateWhileTypingId(t *testing.T) {
	r := openStored(t, "Cleared", cleared)
	sel := `[data-path="actors[1].id"]`
	r.do("type over South's id", chromedp.Focus(chromedp.CSS(sel)),
		void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { document.querySelector(%q).select(); return true })()`, sel))),
		chromedp.KeyEvent("sud"))
	r.redrawNow()
	got := get(t, r.bctx, "the state", chromedp.Evaluate[string](`[document.querySelector('[data-testid=build-state]').textContent,
		document.querySelector('[data-testid=build-discard]').hidden, document.querySelector('[data-testid=build-unsaved-note]').hidden,
		document.activeElement.value].join(" / ")`))
	if want := "Cleared · version 1 · unsaved changes / false / false / sud"; got != want {
		t.Errorf("while the id is typed, after a redraw, the state, the discard button's and the note's hidden and the field read\n%q\nwant\n%q", got, want)
	}
}
