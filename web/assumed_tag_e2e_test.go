package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// assumedRanges has, on an issue where one stance is quoted, assumed
// stances with ranges of every kind: one with room right of its range,
// one whose range reaches the scale's top, one over the whole scale, and
// one at the scale's top with no range.
const assumedRanges = `metadata:
  id: assumed-ranges
  title: Assumed ranges
  as_of: "2025-01-01"
  sources:
    - {id: s1, title: A statement}
issues:
  - {id: pay, name: Pay, scale: {min: 0, max: 100}}
actors:
  - {id: union, name: Union, capability: 2, capability_assumed: an example}
  - {id: labour, name: Ministry of Labour, capability: 3, capability_assumed: an example}
  - {id: finance, name: Ministry of Finance, capability: 1, capability_assumed: an example}
  - {id: employers, name: Employers, capability: 1, capability_assumed: an example}
  - {id: courts, name: Courts, capability: 1, capability_assumed: an example}
stances:
  - actor: union
    issue: pay
    position: 20
    salience: 1
    evidence:
      - {source: s1, quote: "We want twenty."}
  - {actor: labour, issue: pay, position: 55, salience: 0.8, range: {position: [50, 80]}, assumed: an example}
  - {actor: finance, issue: pay, position: 75, salience: 0.5, range: {position: [70, 100]}, assumed: an example}
  - {actor: employers, issue: pay, position: 40, salience: 0.5, range: {position: [0, 100]}, assumed: an example}
  - {actor: courts, issue: pay, position: 100, salience: 0.5, assumed: an example}
`

// TestAssumedTagClear: the Scenario view's grey "assumed" tag beside an
// assumed stance's point is drawn clear of the stance's range whisker
// (its line and its end caps) and of its point, at 1400 px and on a
// phone: it was drawn just right of the point, on the whisker's line,
// wherever the range ran on to the right (the Ministry of Labour's
// [50, 80] about 55). It stays inside the chart, right of the actors'
// names.
func TestAssumedTagClear(t *testing.T) {
	e := startE2E(t)
	rec := e.stored("Assumed ranges", []byte(assumedRanges))
	for _, w := range []int64{1400, 390} {
		e.do(fmt.Sprint("scenario at ", w), chromedp.EmulateViewport(w, 900), chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#scenario"),
			chromedp.WaitVisible(chromedp.CSS(`g.marker[data-actor=labour] text.assumed`)), e.shot(fmt.Sprintf("61-assumed-tag-%d", w)))
		got := get(t, e.bctx, "tags", chromedp.Evaluate[map[string]string](`(() => {
			const out = {}
			const hit = (a, b) => a.left < b.right + 1 && b.left < a.right + 1 && a.top < b.bottom + 1 && b.top < a.bottom + 1
			for (const g of document.querySelectorAll('g.marker[data-issue=pay]')) {
				const tag = g.querySelector('text.assumed')
				if (!tag) { out[g.dataset.actor] = 'no tag'; continue }
				const t = tag.getBoundingClientRect()
				const svg = g.ownerSVGElement.getBoundingClientRect()
				const names = Array.from(g.ownerSVGElement.querySelectorAll('text.aname')).map((n) => n.getBoundingClientRect().right)
				const over = []
				for (const l of g.querySelectorAll('line.whisker')) if (hit(t, l.getBoundingClientRect())) over.push('whisker')
				if (hit(t, g.querySelector('circle').getBoundingClientRect())) over.push('point')
				if (t.left < Math.max(...names) || t.right > svg.right) over.push('outside')
				out[g.dataset.actor] = over.length ? 'over ' + over.join(', ') : 'clear'
			}
			return out
		})()`))
		want := map[string]string{"union": "no tag", "labour": "clear", "finance": "clear", "employers": "clear", "courts": "clear"}
		for a, w0 := range want {
			if got[a] != w0 {
				t.Errorf("%d px: %s's assumed tag: %s, want %s", w, a, got[a], w0)
			}
		}
	}
}
