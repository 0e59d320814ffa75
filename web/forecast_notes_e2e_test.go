package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// TestForecastNotesReadWhole: the notes under the forecast table's
// numbers — a settled cell's nearest option, an unsettled cell's "last
// round …; the range reaches …", snap's likeliest option — stay at most
// two lines, so that the table of 7 issues by 9 models reads at a glance
// at 1400 and at 1000 px, and every note cut there is read whole on
// hover and on keyboard focus (a tap or a click focuses it too): a
// title alone reached neither a keyboard nor a touch screen, and the
// unsettled cells' notes could not be focused at all. The whole note is
// drawn over the rows below it, not in place: the rows do not move as
// the pointer crosses the table. "Whole" is measured: every line box of
// the note's text is the topmost thing at its centre (not clipped, not
// covered), and its text is the answer's, not cut ("…"). At 1000 px the
// table fits the window (a long word in a note widened the columns until
// the snap column was past the window's edge).
func TestForecastNotesReadWhole(t *testing.T) {
	e := startE2E(t)
	for _, w := range []int64{1400, 1000} {
		e.do(fmt.Sprint("forecast at ", w), chromedp.EmulateViewport(w, 1000), chromedp.Navigate(e.srv.URL+"/#forecast"),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table] td.unsettled`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=distribution]`)))
		// The table fits the window: no column is pushed past its card's
		// edge by a long word of a note.
		if fit := get(t, e.bctx, "fit", chromedp.Evaluate[[]float64](`(() => {
			const t = document.querySelector('[data-testid=model-table]'), card = t.parentElement, pad = getComputedStyle(card)
			return [t.getBoundingClientRect().width, card.clientWidth - parseFloat(pad.paddingLeft) - parseFloat(pad.paddingRight), document.documentElement.scrollWidth, document.documentElement.clientWidth]
		})()`)); fit[0] > fit[1]+0.5 || fit[2] > fit[3] {
			t.Errorf("%d px: the forecast table is %.0f px wide in a card %.0f px wide; the page %.0f px in a window %.0f px", w, fit[0], fit[1], fit[2], fit[3])
		}
		e.do("shot", e.view(fmt.Sprintf("60-forecast-notes-%d", w)))
		// The numbers (a range, "26.6–38.5") on one line each, and every
		// "⚠ did not settle" whole: neither is a note to open.
		if bad := get(t, e.bctx, "numbers", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('[data-testid=model-table] td b, [data-testid=model-table] td small.warn')).filter((x) => {
			const line = parseFloat(getComputedStyle(x).lineHeight)
			return x.tagName === 'B' ? x.getBoundingClientRect().height > line * 1.5 : x.scrollHeight > x.clientHeight + 1
		}).map((x) => x.closest('td').dataset.model + ' on ' + x.closest('td').dataset.issue + ': ' + x.textContent)`)); len(bad) > 0 {
			t.Errorf("%d px: numbers broken over lines or \"did not settle\" cut: %q", w, bad)
		}
		// The notes (a cell's small texts but the "did not settle" flag
		// and the distribution's box, whose likeliest is a note of its own).
		const notes = `Array.from(document.querySelectorAll('[data-testid=model-table] td small:not(.warn):not(.dist), [data-testid=model-table] td [data-testid=likeliest]')).filter((n) => n.textContent !== '')`
		type note struct {
			Model, Issue, Text string
			Lines              float64
			Cut                bool
			Focusable          bool
		}
		all := get(t, e.bctx, "notes", chromedp.Evaluate[[]note](notes+`.map((n) => {
			const line = parseFloat(getComputedStyle(n).lineHeight)
			const td = n.closest('td')
			return { model: td.dataset.model, issue: td.dataset.issue, text: n.textContent, lines: n.getBoundingClientRect().height / line,
				cut: n.scrollHeight > n.clientHeight + 1, focusable: n.tabIndex === 0 }
		})`))
		cut, unsettled := 0, 0
		for _, n := range all {
			if n.Lines > 2.05 {
				t.Errorf("%d px: %s on %s: the note %q takes %.1f lines, want at most 2", w, n.Model, n.Issue, n.Text, n.Lines)
			}
			if strings.HasSuffix(n.Text, "…") {
				t.Errorf("%d px: %s on %s: the note's text %q is cut in the page's DOM", w, n.Model, n.Issue, n.Text)
			}
			if n.Cut {
				cut++
				if strings.HasPrefix(n.Text, "last round ") {
					unsettled++
				}
				if !n.Focusable {
					t.Errorf("%d px: %s on %s: the note %q is cut and cannot be reached from the keyboard", w, n.Model, n.Issue, n.Text)
				}
			}
		}
		// The built-in case's exchange, smp and ensemble do not settle and
		// its options' labels run long: notes of both kinds are cut.
		if cut == 0 || unsettled == 0 {
			t.Fatalf("%d px: %d notes cut, %d of them an unsettled cell's: the case tests nothing: %+v", w, cut, unsettled, all)
		}

		// whole is, for the i-th note, the lines of its text not drawn
		// topmost (clipped or covered), and how far the table's rows
		// moved from where they stood at rest.
		whole := func(i int) string {
			return `(() => {
				const n = ` + notes + `[` + fmt.Sprint(i) + `]
				const r = document.createRange()
				r.selectNodeContents(n)
				const hidden = Array.from(r.getClientRects()).filter((b) => b.width > 0).filter((b) => {
					const at = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)
					return !at || !n.contains(at)
				}).length
				const rows = Array.from(n.closest('table').rows).map((row) => row.getBoundingClientRect().top)
				const moved = Math.max(...rows.map((top, k) => Math.abs(top - window.e2eRows[k])))
				return hidden + ' hidden, rows moved ' + moved.toFixed(1)
			})()`
		}
		type box struct{ X, Y float64 }
		shot := false
		for i, n := range all {
			if !n.Cut {
				continue
			}
			// At rest, in view: the rows' places; the note's centre.
			at := get(t, e.bctx, "place", chromedp.Evaluate[box](`(() => {
				document.activeElement?.blur()
				const n = `+notes+`[`+fmt.Sprint(i)+`]
				n.scrollIntoView({ block: 'center' })
				window.e2eRows = Array.from(n.closest('table').rows).map((row) => row.getBoundingClientRect().top)
				const b = n.getBoundingClientRect()
				return { x: b.left + b.width / 2, y: b.top + b.height / 2 }
			})()`))
			e.do("hover", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, at.X, at.Y))
			if !shot && strings.HasPrefix(n.Text, "last round ") {
				shot = true
				e.do("shot", e.view(fmt.Sprintf("60-forecast-note-hover-%d", w)))
			}
			if got := get(t, e.bctx, "hovered", chromedp.Evaluate[string](whole(i))); got != "0 hidden, rows moved 0.0" {
				t.Errorf("%d px: %s on %s: hovering over the note %q: %s, want it whole and the rows still", w, n.Model, n.Issue, n.Text, got)
			}
			// The pointer away (off the table, top left), the note focused.
			e.do("away", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 1, 1))
			if got := get(t, e.bctx, "focused", chromedp.Evaluate[string](`(`+notes+`[`+fmt.Sprint(i)+`].focus({ preventScroll: true }), `+whole(i)+`)`)); got != "0 hidden, rows moved 0.0" {
				t.Errorf("%d px: %s on %s: focusing the note %q: %s, want it whole and the rows still", w, n.Model, n.Issue, n.Text, got)
			}
		}
	}
}
