package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestQuadAxisTitlesWhole: on BDM's quadrant charts (Explain, bdm,
// every issue) both axes' titles stand wholly inside the chart, at a
// desktop's width and a phone's. The y axis's ("↑ y: what the other
// expects from challenging it") started at the axis, in the middle, and
// ran some 40 px past the chart's right edge, where it was cut.
func TestQuadAxisTitlesWhole(t *testing.T) {
	e := startE2E(t)
	for _, w := range []struct {
		name string
		vp   chromedp.Action[chromedp.Void]
	}{{"desktop", chromedp.EmulateViewport(1280, 1000)}, {"phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)}} {
		e.do(w.name, w.vp, chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
			void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "bdm"; s.dispatchEvent(new Event("change")); return true })()`)),
			e.poll(`document.querySelectorAll("[data-testid=quad-map]").length > 1`),
			void(chromedp.Evaluate[bool](`(document.querySelector("[data-testid=quad-map]").scrollIntoView(), true)`)), e.view("quadaxis27-"+w.name))
		type seen struct {
			Titles int
			Cut    []string
		}
		got := get(t, e.bctx, "titles", chromedp.Evaluate[seen](`(() => {
			const cut = []
			let titles = 0
			for (const m of document.querySelectorAll('[data-testid=quad-map]')) {
				const box = m.getBoundingClientRect()
				for (const x of m.querySelectorAll('text')) {
					if (!/^(↑ y:|x:)/.test(x.textContent)) continue
					titles++
					const r = x.getBoundingClientRect()
					if (r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom)
						cut.push(m.closest('section')?.dataset.issue + ': ' + x.textContent + ' at ' + Math.round(r.left - box.left) + '–' + Math.round(r.right - box.left) + ' in ' + Math.round(box.width))
				}
			}
			return { titles, cut }
		})()`))
		if got.Titles < 4 {
			t.Fatalf("%s: %d axis titles, want two per chart", w.name, got.Titles)
		}
		for _, c := range got.Cut {
			t.Errorf("%s: an axis title runs past its chart: %s", w.name, c)
		}
	}
}
