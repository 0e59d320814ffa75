package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/store"
)

// TestCompareRedLinesShown: the forecast view's comparisons, the
// variants side by side and the timeline over the snapshots, each list
// the red lines their forecasts cross as parley compare prints them: the
// comparison's lines (red_lines_crossed, ask.CompareRedLinesCrossed's
// words, each model's places with their columns) under the answer's
// heading (red_lines_crossed_head, ask.RedLinesCrossedHead), shown on a
// wide screen. Before, neither view showed a red line crossed.
func TestCompareRedLinesShown(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.EmulateViewport(1400, 1000), chromedp.Navigate(e.srv.URL+"/#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=variants-table]`)), e.poll(`document.querySelectorAll("[data-testid=timeline] canvas").length > 0`))
	byOver := map[string]*answer.Comparison{}
	for _, c := range storedResults[answer.Comparison](t, e, store.Compare) {
		byOver[c.Request.Over] = &c
	}
	type section struct {
		Head    string
		Lines   []string
		Visible int
	}
	for over, testid := range map[string]string{answer.OverVariants: "variants-red-lines", answer.OverSnapshots: "timeline-red-lines"} {
		cmp := byOver[over]
		if cmp == nil {
			t.Fatalf("no comparison over %s stored", over)
		}
		want := ask.CompareRedLinesCrossed(cmp)
		if len(want) < 2 || strings.Join(want, "\n") != strings.Join(cmp.RedLinesCrossed, "\n") || cmp.RedLinesCrossedHead != ask.RedLinesCrossedHead {
			t.Fatalf("over %s the comparison carries %d red lines crossed under %q (ask words %d): the test tests less than it says", over, len(cmp.RedLinesCrossed), cmp.RedLinesCrossedHead, len(want))
		}
		got := get(t, e.bctx, "the red lines over "+over, chromedp.Evaluate[section](`(() => {
			const s = document.querySelector('[data-testid=`+testid+`]')
			if (!s) return { head: '', lines: [], visible: 0 }
			const lis = [...s.querySelectorAll('li')]
			return { head: s.querySelector('[data-testid=red-lines-head]')?.textContent ?? '', lines: lis.map((li) => li.textContent), visible: lis.filter((li) => li.getClientRects().length > 0).length }
		})()`))
		if got.Head != cmp.RedLinesCrossedHead {
			t.Errorf("over %s the red lines' heading reads %q, want the answer's %q", over, got.Head, cmp.RedLinesCrossedHead)
		}
		if strings.Join(got.Lines, "\n") != strings.Join(want, "\n") {
			t.Errorf("over %s the red lines read\n%s\nwant the answer's (parley compare's)\n%s", over, strings.Join(got.Lines, "\n"), strings.Join(want, "\n"))
		}
		if got.Visible != len(want) {
			t.Errorf("over %s %d of the %d red lines crossed are shown on a wide screen", over, got.Visible, len(want))
		}
	}
	e.do("shot", chromedp.ScrollIntoView(chromedp.CSS(`[data-testid=variants-table]`)), e.shot("62-compare-red-lines"))
}
