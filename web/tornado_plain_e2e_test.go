package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTornadoPlainAndBase: a sensitivity run of 200 draws on the built-in
// case, whose leading variance shares on Ceasefire have intervals that
// overlap and are wider than 0.05: the line under the tornado opens in
// plain words with what to do (the draws do not yet order those inputs,
// named; the draws to raise them to), the statistics after it, as the answer words it (ask.SharesText, shares_notes) — the
// page had its own copy of the wording, statistics alone. And the chart
// marks its base, the forecast its axis's title names (46.6), with a
// dark line across the plot: the pixels at the base's place, between the
// bars, are dark; a few pixels aside they are not.
func TestTornadoPlainAndBase(t *testing.T) {
	e := startE2E(t)
	fig := `figure[data-issue=ceasefire]`
	e.do("sensitivity", chromedp.EmulateViewport(1366, 900), chromedp.Navigate(e.srv.URL+"/#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "200"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)), e.poll(`document.querySelector("`+fig+` [data-testid=tornado-shares]") !== null`),
		chromedp.ScrollIntoView(chromedp.CSS(fig)), e.shot("75-tornado-plain"))
	shares := e.text(fig + ` [data-testid=tornado-shares]`)
	if !strings.HasPrefix(shares, "With 200 draws these shares do not yet order ") || !strings.Contains(shares, "; raise the draws to ") || !strings.Contains(shares, ". Var. share: the share of the forecast's variance each input explains alone, estimated from 200 draws") {
		t.Errorf("the shares line %q, want it to open with the plain advice for 200 draws, then the statistics", shares)
	}
	if title := e.text(fig + ` figcaption`); !strings.HasPrefix(title, "Ceasefire: 46.6 at the stated values") {
		t.Fatalf("the tornado's caption %q, want Ceasefire's base 46.6", title)
	}
	// The canvas's columns of pixels: those dark over half the canvas's
	// height (bars are blue and orange, grid lines light grey, labels
	// short), each as its place along the plot — the base's place on the
	// axis from xmin to xmax (the figure's, set for the tests) is where
	// the line must stand.
	type cols struct {
		Dark           []float64
		Base, Min, Max float64
	}
	got := get(t, e.bctx, "pixels", chromedp.Evaluate[cols](`(() => {
		const f = document.querySelector('`+fig+`'), c = f.querySelector('canvas')
		const g = c.getContext('2d'), w = c.width, hh = c.height, img = g.getImageData(0, 0, w, hh).data
		const k = w / c.clientWidth, dark = []
		for (let x = 0; x < w; x++) {
			let n = 0
			for (let y = 0; y < hh; y++) { const i = 4 * (y * w + x); if (img[i] + img[i + 1] + img[i + 2] < 200 && img[i + 3] > 200) n++ }
			if (n > hh / 2) dark.push(x / k)
		}
		return { dark, base: Number(c.dataset.base ?? NaN), min: Number(f.dataset.xmin), max: Number(f.dataset.xmax) }
	})()`))
	if len(got.Dark) == 0 || got.Dark[len(got.Dark)-1]-got.Dark[0] > 3 {
		t.Fatalf("dark columns of the Ceasefire tornado at %v px: want one line, a few px wide", got.Dark)
	}
	if want := (46.6 - got.Min) / (got.Max - got.Min); got.Base < want-0.01 || got.Base > want+0.01 {
		t.Errorf("the line stands %.3f along the plot, want %.3f: 46.6 on the axis %v–%v", got.Base, want, got.Min, got.Max)
	}
}
