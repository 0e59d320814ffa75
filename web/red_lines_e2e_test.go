package web_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestForecastRedLinesShown: the built-in case's forecasts cross stated
// red lines (Russia's "Territory >= 65" and "Security guarantees < 50").
// The forecast view lists them in the "Read these before using the
// numbers" card, under the heading parley forecast prints, each line in
// the words it prints (ask.RedLinesCrossed of the same models), shown,
// not folded, on a wide screen; and the folded "Model notes" no longer
// repeat them, as the command line's notes do not; on a phone they fold
// as the caveats do, their heading and count shown. Before, they were
// only among the folded notes, one note per model and crossing, and the
// card counted the models' warnings alone.
func TestForecastRedLinesShown(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.EmulateViewport(1400, 1000), chromedp.Navigate(e.srv.URL+"/#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)), chromedp.WaitReady(chromedp.CSS(`[data-testid=model-warnings]`)))
	models := strings.Split(get(t, e.bctx, "models", chromedp.Evaluate[string](`[...document.querySelectorAll('input[id^="model-"]:checked')].map((i) => i.id.slice(6)).join(',')`)), ",")
	req := answer.NewForecastRequest()
	req.Models = models
	f, err := ask.Forecast(context.Background(), builtinCase(t, ""), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := ask.RedLinesCrossed(&f.Scenario, ask.ForecastCrossings(f.Models))
	if len(want) < 2 {
		t.Fatalf("the built-in case's forecast (%s) crosses %d red lines: the test tests less than it says", strings.Join(models, ", "), len(want))
	}
	type section struct {
		InCard  bool
		Head    string
		Lines   []string
		Visible int
	}
	got := get(t, e.bctx, "the red lines", chromedp.Evaluate[section](`(() => {
		const s = document.querySelector('[data-testid=red-lines-crossed]')
		if (!s) return { inCard: false, head: '', lines: [], visible: 0 }
		const lis = [...s.querySelectorAll('li')]
		return { inCard: !!s.closest('[data-testid=model-warnings]'), head: s.querySelector('[data-testid=red-lines-head]')?.textContent ?? '',
			lines: lis.map((li) => li.textContent), visible: lis.filter((li) => li.getClientRects().length > 0).length }
	})()`))
	if !got.InCard {
		t.Errorf("the red lines crossed are not in the \"Read these before using the numbers\" card: %+v", got)
	}
	if got.Head != ask.RedLinesCrossedHead {
		t.Errorf("the red lines' heading reads %q, want ask's %q", got.Head, ask.RedLinesCrossedHead)
	}
	if strings.Join(got.Lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("the red lines read\n%s\nwant ask's (parley forecast's)\n%s", strings.Join(got.Lines, "\n"), strings.Join(want, "\n"))
	}
	if got.Visible != len(want) {
		t.Errorf("%d of the %d red lines crossed are shown on a wide screen", got.Visible, len(want))
	}
	// The folded notes are the models' notes less their crossings.
	var notes []string
	for _, m := range f.Models {
		for _, n := range m.Notes {
			if !slices.ContainsFunc(m.RedLines, func(x answer.RedLineCrossing) bool { return x.Text() == n }) {
				notes = append(notes, m.Model+": "+n)
			}
		}
	}
	if listed := get(t, e.bctx, "the notes", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=model-notes] li')].map((li) => li.textContent)`)); strings.Join(listed, "\n") != strings.Join(notes, "\n") {
		t.Errorf("the model notes read\n%s\nwant the models' notes less the red lines crossed\n%s", strings.Join(listed, "\n"), strings.Join(notes, "\n"))
	}
	e.do("shot", e.view("61-forecast-red-lines"))

	// On a phone they fold as the caveats do, their heading and count
	// shown, and the forecast (its bottom line, the view's first card
	// since bottomline22) still starts on the first screen, its table
	// close under the folded caveats card (tableBelowCaveats).
	p := startE2E(t)
	p.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(p.srv.URL+"/#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)), chromedp.WaitReady(chromedp.CSS(`[data-testid=red-lines-crossed]`)))
	phone := get(t, p.bctx, "on a phone", chromedp.Evaluate[string](`(() => {
		const s = document.querySelector('[data-testid=red-lines-crossed]')
		return (s.open ? 'open' : 'folded') + '; ' + s.querySelector('summary').textContent + '; bottom line ' +
			(document.querySelector('[data-testid=bottom-line]').getBoundingClientRect().top < window.innerHeight ? 'on the first screen' : 'below it')
	})()`))
	if w := fmt.Sprintf("folded; %s: %d; bottom line on the first screen", ask.RedLinesCrossedHead, len(want)); phone != w {
		t.Errorf("on a phone the red lines read %q, want %q", phone, w)
	}
	if gap := tableBelowCaveats(t, p); gap < 0 || gap > maxCaveatsGap {
		t.Errorf("on a phone the model table starts %d px below the caveats card's top (the red lines in it), want 0 to %d", gap, maxCaveatsGap)
	}
	p.do("shot", p.view("61-forecast-red-lines-phone"))
}
