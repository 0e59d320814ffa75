package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPositionMapLegibleOnPhone: on a phone's screen (390×844) the
// scenario view's position maps are drawn for the width they have, so
// their actors' names, forecasts and ticks are shown at 10 px or more,
// not shrunk with a map drawn 1000 units wide; on a laptop's screen they
// are drawn as before, at full size.
func TestPositionMapLegibleOnPhone(t *testing.T) {
	e := startE2E(t)
	// The smallest rendered size of the map's text, in CSS pixels.
	smallest := `Math.min(...Array.from(document.querySelectorAll('svg.posmap text.aname, svg.posmap text.flabel, svg.posmap text.tick')).map((x) => x.getBoundingClientRect().height).filter((h) => h > 0))`
	e.do("laptop", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(`g.marker`)))
	if w := get(t, e.bctx, "viewBox", chromedp.Evaluate[string](`document.querySelector('svg.posmap').getAttribute('viewBox').split(' ')[2]`)); w != "1000" {
		t.Errorf("on a laptop the map is drawn %s wide, want 1000", w)
	}
	e.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(`g.marker`)), e.shot("57-narrow-posmap"))
	if px := get(t, e.bctx, "text size", chromedp.Evaluate[float64](smallest)); px < 10 {
		t.Errorf("on a phone the position map's smallest text is %.1f px high, want 10 or more", px)
	}
}

// TestPullChartLegibleOnPhone: on a phone's screen the explanation's
// charts of pulls are drawn for the width they have, as the position
// maps are: their names and pulls are shown at 10 px or more, where a
// chart drawn 720 units wide was shrunk to half that (some 6 px); on a
// laptop's screen they are drawn 720 wide, as before.
func TestPullChartLegibleOnPhone(t *testing.T) {
	e := startE2E(t)
	smallest := `Math.min(...Array.from(document.querySelectorAll('[data-testid=pull-chart] text')).map((x) => x.getBoundingClientRect().height).filter((h) => h > 0))`
	chart := chromedp.CSS(`[data-testid=pull-chart]`)
	e.do("laptop", chromedp.Navigate(e.srv.URL+"/?models=compromise#explain"), chromedp.WaitVisible(chart))
	if w := get(t, e.bctx, "viewBox", chromedp.Evaluate[string](`document.querySelector('[data-testid=pull-chart]').getAttribute('viewBox').split(' ')[2]`)); w != "720" {
		t.Errorf("on a laptop the chart of pulls is drawn %s wide, want 720", w)
	}
	e.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/?models=compromise#explain"), chromedp.WaitVisible(chart), e.shot("58-narrow-pulls"))
	if px := get(t, e.bctx, "text size", chromedp.Evaluate[float64](smallest)); px < 10 {
		t.Errorf("on a phone the chart of pulls' smallest text is %.1f px high, want 10 or more", px)
	}
}
