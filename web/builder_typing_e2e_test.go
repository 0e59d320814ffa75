package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// redrawNow has the page draw the builder again, as it does when the
// page's forecast answers (after a save, or here a variant chosen in the
// header), and waits until it has.
func (r *renameSession) redrawNow() {
	r.t.Helper()
	r.do("draw the view again", void(chromedp.Evaluate[bool](`(() => {
		window.before = document.querySelector('[data-testid=build-metadata]')
		document.querySelector('#variant').dispatchEvent(new Event('change'))
		return true
	})()`)), r.poll(`document.querySelector('[data-testid=build-metadata]') !== window.before`))
}

// TestBuilderRedrawWhileTypingId types a new id over South's, su, and
// has the view drawn again before the last letter, d, and leaving the
// field: what names south follows to sud. Then over Issue A's, xy, the
// view drawn again before leaving it with nothing more typed: what names
// a follows to xy, the stances, North's red line, the package's value,
// the outcome, and the save is accepted. (Drawn again, the field took
// the letters typed so far for the id it had, and leaving it carried
// nothing: South's stances stayed on south, and Issue A's on a, names of
// nothing; the package's and red line's fields were drawn empty under
// the letters typed, and read over the values.)
func TestBuilderRedrawWhileTypingId(t *testing.T) {
	r := openStored(t, "Cleared", cleared)
	typeOver := func(path, v string) {
		t.Helper()
		sel := fmt.Sprintf(`[data-path=%q]`, path)
		r.do("type over "+path, chromedp.Focus(chromedp.CSS(sel)),
			void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { document.querySelector(%q).select(); return true })()`, sel))),
			chromedp.KeyEvent(v))
	}
	rs := removeSession{r}
	typeOver("actors[1].id", "su")
	r.redrawNow()
	r.do("finish the id and leave", chromedp.KeyEvent("d"), chromedp.KeyEvent(kb.Tab))
	if got := rs.items("stances", "actor"); got != "north sud north sud" {
		t.Errorf("the stances' actors: %q", got)
	}
	typeOver("issues[0].id", "xy")
	r.redrawNow()
	r.do("leave the id", chromedp.KeyEvent(kb.Tab))
	if got := rs.items("stances", "issue"); got != "xy xy b b" {
		t.Errorf("the stances' issues: %q", got)
	}
	saved := r.save()
	got := fmt.Sprintf("%v %v %v %s", saved.Actors[0].RedLines, saved.Proposals[0].Proposers, saved.Proposals[0].Package, saved.Outcomes[0].Issue)
	if want := "map[xy:<= 40] [north] map[b:40 xy:30] xy"; got != want {
		t.Errorf("North's red lines, the proposal's proposers and package and the outcome's issue read\n%s\nwant\n%s", got, want)
	}
}
