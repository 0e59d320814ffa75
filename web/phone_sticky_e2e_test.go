package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPhoneTabsSticky: on a phone (390 px) the tabs are compact (two
// rows at most, under 80 px) and stay at the screen's top once the page
// is scrolled well down, the header above them gone; the scenario map's
// text is drawn at 11 px at least on screen; and the forecast table,
// scrolled to its last model, keeps its first column, head and rows,
// at its left edge on an opaque background (webreview26: header and tabs
// took ≈420 px and scrolled away, the map's text was shrunk to 86%, and
// the table's corner went with the numbers).
func TestPhoneTabsSticky(t *testing.T) {
	e := startE2E(t)
	e.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(`g.marker`)),
		void(chromedp.Evaluate[bool](`(window.scrollTo(0, 2000), true)`)), e.poll(`window.scrollY > 1500`), e.shot("phone-sticky-tabs"))
	type tabs struct{ Top, Height, Header float64 }
	got := get(t, e.bctx, "tabs", chromedp.Evaluate[tabs](`(() => {
		const r = document.querySelector('.tabs').getBoundingClientRect()
		return { top: r.top, height: r.height, header: document.querySelector('header.top').getBoundingClientRect().bottom }
	})()`))
	if got.Top < -0.5 || got.Top > 0.5 || got.Height > 80 {
		t.Errorf("scrolled 2000 px down, the tabs stand at %.0f px, %.0f px tall: want at the top (0), under 80 px", got.Top, got.Height)
	}
	if got.Header > 0 {
		t.Errorf("the header's foot at %.0f px: it should have scrolled away", got.Header)
	}
	small := get(t, e.bctx, "map text", chromedp.Evaluate[[]string](`(() => {
		const out = []
		for (const svg of document.querySelectorAll('svg.posmap')) {
			const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
			for (const x of svg.querySelectorAll('text')) {
				const px = parseFloat(getComputedStyle(x).fontSize) * k
				if (px < 10.95) out.push(x.textContent + ' at ' + px.toFixed(1) + ' px')
			}
		}
		return out
	})()`))
	if len(small) > 0 {
		t.Errorf("%d of the map's texts under 11 px on a phone, e.g. %q", len(small), small[0])
	}
	table := `document.querySelector('[data-testid=model-table]')`
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)),
		void(chromedp.Evaluate[bool](`(() => { const t = `+table+`; t.scrollLeft = t.scrollWidth; return true })()`)), e.poll(table+`.scrollLeft > 0`))
	bad := get(t, e.bctx, "first column", chromedp.Evaluate[[]string](`(() => {
		const t = `+table+`, left = t.getBoundingClientRect().left, out = []
		for (const tr of t.querySelectorAll('tr')) {
			const c = tr.firstElementChild, r = c.getBoundingClientRect(), bg = getComputedStyle(c).backgroundColor
			if (Math.abs(r.left - left) > 1.5) out.push((c.textContent.trim() || 'the corner') + ' at ' + (r.left - left).toFixed(0) + ' px from the table\'s edge')
			if (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent') out.push((c.textContent.trim() || 'the corner') + ' transparent')
		}
		return out
	})()`))
	for _, b := range bad {
		t.Errorf("scrolled sideways: %s", b)
	}
}
