package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBuilderRedrawKeepsCaret types into the scenario's title while the
// page draws the builder again, as it does when the page's forecast
// answers (after a save, or here a variant chosen in the header): the
// focus stays in the title and the caret where it was, so the typing
// goes on in its place. (The caret went to the start of the field, and
// the next letters typed landed there.)
func TestBuilderRedrawKeepsCaret(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	r.do("type in the title while the view is drawn again", void(chromedp.Evaluate[bool](`(() => {
		const el = document.querySelector('[data-path="metadata.title"]')
		el.focus()
		el.setSelectionRange(2, 2)
		window.before = document.querySelector('[data-testid=build-metadata]')
		document.querySelector('#variant').dispatchEvent(new Event('change'))
		return true
	})()`)), r.poll(`document.querySelector('[data-testid=build-metadata]') !== window.before`),
		chromedp.KeyEvent("X"), chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent("Y"))
	got := get(t, r.bctx, "the title", chromedp.Evaluate[string](`document.activeElement.dataset.path + " " + document.activeElement.value`))
	if got != "metadata.title UnXrYuled" {
		t.Errorf("after the redraw, the focused field and its text read %q", got)
	}
}
