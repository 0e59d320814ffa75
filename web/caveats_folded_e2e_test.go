package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestCaveatsFoldedOnPhone opens the built-in case's forecast on a
// phone's screen (390×844): the caveats say how many there are and the
// first, and the forecast (its bottom line, the view's first card since
// bottomline22; the table before it) starts on the first screen, not
// below the caveats (they filled it); opened, they list every caveat of the
// answer, model by model, as the API gives them (the CLI prints the
// same list). On a wide screen they are listed open, as before.
func TestCaveatsFoldedOnPhone(t *testing.T) {
	e := startE2E(t)
	table := `[data-testid=model-table]`
	e.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/#forecast"),
		chromedp.WaitVisible(chromedp.CSS(table)), chromedp.WaitReady(chromedp.CSS(`[data-testid=model-warnings]`)))
	models := strings.Split(get(t, e.bctx, "models", chromedp.Evaluate[string](`[...document.querySelectorAll('input[id^="model-"]:checked')].map((i) => i.id.slice(6)).join(',')`)), ",")
	req := answer.NewForecastRequest()
	req.Models = models
	f, err := ask.Forecast(context.Background(), builtinCase(t, ""), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	n := 0
	for _, m := range f.Models {
		if m.Error != "" {
			want = append(want, m.Model+" gave no forecast: "+m.Error)
			n++
		}
		for _, w := range m.Warnings {
			want = append(want, m.Model+": "+w)
			n++
		}
	}
	if n < 3 {
		t.Fatalf("the built-in case's forecast has %d caveats: the test tests less than it says", n)
	}
	// Every caveat as the page lists it: the model's, then each line.
	listed := `[...document.querySelectorAll('[data-testid=model-warnings] li[data-model]')].flatMap((li) => {
		const lines = [...li.querySelectorAll(':scope > ul > li')].map((x) => li.dataset.model + ': ' + x.textContent)
		return lines.length ? lines : [li.textContent]
	})`
	first := get(t, e.bctx, "the first screen", chromedp.Evaluate[string](`(() => {
		const list = document.querySelector('[data-testid=caveats-all]')
		return 'bottom line at ' + (document.querySelector('[data-testid=bottom-line]').getBoundingClientRect().top < window.innerHeight ? 'the first screen' : 'below it') +
			'; list ' + (list.open ? 'open' : 'folded') + '; ' + document.querySelector('[data-testid=caveats-summary]').textContent
	})()`))
	if w := fmt.Sprintf("bottom line at the first screen; list folded; %d model warnings, from %s; the first: %s", n, strings.Join(caveatModels(f), ", "), want[0]); first != w {
		t.Errorf("on a phone:\n%s\nwant\n%s", first, w)
	}
	// The forecast's table follows the folded caveats closely (the
	// scenario's folded notices between): caveats that filled the screen
	// pushed it down, which the bottom line's place above them does not
	// show. Opened, they push it down (logged below).
	gap := tableBelowCaveats(t, e)
	t.Logf("folded, the forecast table starts %d px below the caveats card's top", gap)
	if gap < 0 || gap > maxCaveatsGap {
		t.Errorf("on a phone the model table starts %d px below the caveats card's top, want 0 to %d", gap, maxCaveatsGap)
	}
	e.do("open the caveats", chromedp.Click(chromedp.CSS(`[data-testid=caveats-summary]`)), e.poll(`document.querySelector('[data-testid=caveats-all]').open`))
	t.Logf("opened, the forecast table starts %d px down a screen %d px high", get(t, e.bctx, "top", chromedp.Evaluate[int](`Math.round(document.querySelector('[data-testid=model-table]').getBoundingClientRect().top)`)),
		get(t, e.bctx, "height", chromedp.Evaluate[int](`window.innerHeight`)))
	got := get(t, e.bctx, "the caveats", chromedp.Evaluate[[]string](listed))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("opened, the caveats read\n%s\nwant the API's\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if v := get(t, e.bctx, "visible", chromedp.Evaluate[int](`[...document.querySelectorAll('[data-testid=model-warnings] li')].filter((li) => li.getClientRects().length > 0).length`)); v != e.count(`[data-testid=model-warnings] li`) {
		t.Errorf("opened, %d of the caveats' %d lines are shown", v, e.count(`[data-testid=model-warnings] li`))
	}
	// Opened, they stay open when the view is drawn again.
	e.do("scenario view and back", chromedp.Click(chromedp.ID("tab-scenario")), chromedp.WaitVisible(chromedp.CSS(`g.marker`)),
		chromedp.Click(chromedp.ID("tab-forecast")), chromedp.WaitVisible(chromedp.CSS(table)))
	if !get(t, e.bctx, "open", chromedp.Evaluate[bool](`document.querySelector('[data-testid=caveats-all]').open`)) {
		t.Errorf("opened, then back on the forecast view, the caveats are folded again")
	}

	// A wide screen lists them open.
	e2 := startE2E(t)
	e2.do("wide", chromedp.Navigate(e2.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(table)))
	if !get(t, e2.bctx, "open", chromedp.Evaluate[bool](`document.querySelector('[data-testid=caveats-all]').open`)) {
		t.Errorf("on a wide screen the caveats are folded")
	}
}

// caveatModels are the models with a caveat (a warning or no forecast).
func caveatModels(f *answer.Forecast) []string {
	var out []string
	for _, m := range f.Models {
		if m.Error != "" || len(m.Warnings) > 0 {
			out = append(out, m.Model)
		}
	}
	return out
}

// maxCaveatsGap is the most the forecast's table may start below the
// top of the caveats card on a phone, in CSS pixels: room for the card
// folded (its heading and summary line) and the scenario's folded
// notices under it, not for a list of caveats.
const maxCaveatsGap = 400

// tableBelowCaveats is how far the top of the forecast view's model
// table is below the top of its caveats card, in CSS pixels.
func tableBelowCaveats(t *testing.T, e *e2e) int {
	t.Helper()
	return get(t, e.bctx, "the table below the caveats", chromedp.Evaluate[int](`Math.round(document.querySelector('[data-testid=model-table]').getBoundingClientRect().top - document.querySelector('[data-testid=model-warnings]').getBoundingClientRect().top)`))
}
