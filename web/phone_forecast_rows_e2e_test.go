package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPhoneForecastRows: on a phone (390×844) each issue's row of the
// forecast table is as tall as the cells it shows at rest, and a cut note
// reads whole on a tap. Each row stood ≈170 px tall while its cells but
// snap's used ≈60 px: snap's intervals and likeliest, off to the right in
// a column 5.5em wide, ran to ten lines. There snap's distribution is cut
// after two lines as a nearest option's note is, and a tap opens it (the
// notes' one mechanism, cellNote); its text stays whole in the page.
func TestPhoneForecastRows(t *testing.T) {
	e := startE2E(t)
	const table = `document.querySelector('[data-testid=model-table]')`
	e.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=distribution]`)), e.shot("74-phone-forecast-rows"))
	// Each row: its cells' content height, and the taller of its issue's
	// name and the second tallest of its forecasts (a number and its notes
	// as drawn at rest). The tallest cell may be taller than the others by
	// a line (a tie's two options), not by more.
	type row struct {
		Issue        string
		Height, Rest float64
		Line         float64
	}
	rows := get(t, e.bctx, "rows", chromedp.Evaluate[[]row](`[...`+table+`.tBodies[0].rows].map((tr) => {
		const content = (c) => { const cs = getComputedStyle(c); return c.getBoundingClientRect().height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom) - parseFloat(cs.borderBottomWidth) }
		const text = (c) => { const r = document.createRange(); r.selectNodeContents(c); return r.getBoundingClientRect().height }
		const used = [...tr.querySelectorAll('td')].map((c) => [...c.children].reduce((s, x) => s + x.getBoundingClientRect().height, 0)).sort((a, b) => b - a)
		return { issue: tr.cells[0].textContent, height: content(tr.cells[1]), rest: Math.max(text(tr.cells[0]), used[1]), line: parseFloat(getComputedStyle(tr.querySelector('small') ?? tr.cells[1]).lineHeight) || 16 }
	})`))
	if len(rows) != len(e.full.Issues) {
		t.Fatalf("%d rows, want one for each of the %d issues", len(rows), len(e.full.Issues))
	}
	for _, r := range rows {
		if r.Height > r.Rest+r.Line+1 {
			t.Errorf("%s: the row's cells are %.0f px tall, its name or the forecasts but the tallest use %.0f px: more than a line (%.0f px) of one cell sets its height", r.Issue, r.Height, r.Rest, r.Line)
		}
	}
	// A tap on each cut note of the first row (a nearest option's, snap's
	// distribution) opens it: every line of its text drawn topmost.
	const notes = `[...` + table + `.tBodies[0].rows[0].querySelectorAll('td .clip')].filter((n) => n.scrollHeight > n.clientHeight + 1)`
	n := get(t, e.bctx, "cut", chromedp.Evaluate[[]string](notes+`.map((n, i) => (n.dataset.e2eNote = i, n.closest('td').dataset.model + ': ' + n.textContent))`))
	snap := false
	for _, s := range n {
		snap = snap || strings.HasPrefix(s, "snap: ")
	}
	if len(n) < 2 || !snap {
		t.Fatalf("cut notes in the first row: %q; want a nearest option's and snap's, or the case tests nothing", n)
	}
	for i, s := range n {
		// A tap on the table's caption first, as a reader taps away from
		// the note read before.
		e.do("tap", chromedp.Tap(chromedp.CSS(`[data-testid=model-table] caption`)),
			chromedp.Tap(chromedp.CSS(fmt.Sprintf(`[data-e2e-note="%d"]`, i))))
		type seen struct {
			Model         string
			Hidden, Lines int
		}
		got := get(t, e.bctx, "whole", chromedp.Evaluate[seen](`(() => {
			const n = document.activeElement?.closest('.clip')
			if (!n) return { model: 'nothing focused', hidden: 0, lines: 0 }
			const r = document.createRange()
			r.selectNodeContents(n)
			const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight
			const lines = [...r.getClientRects()].filter((b) => b.width > 0)
			const bad = lines.filter((b) => {
				const x = b.left + b.width / 2, y = b.top + b.height / 2
				if (x < 0 || y < 0 || x > vw || y > vh) return true
				const at = document.elementFromPoint(x, y)
				return !at || !n.contains(at)
			}).length
			return { model: n.closest('td').dataset.model, hidden: bad, lines: lines.length }
		})()`))
		if got.Hidden > 0 || got.Lines == 0 || !strings.HasPrefix(s, got.Model+": ") {
			t.Errorf("tapping the note %q: %s's note has %d of its %d lines hidden, want the tapped note whole", s, got.Model, got.Hidden, got.Lines)
		}
	}
	e.do("shot", e.view("74-phone-forecast-tapped"))
}
