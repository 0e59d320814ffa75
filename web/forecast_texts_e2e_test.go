package web_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// stripForecastTexts makes the page's forecast, deal evaluate and deal
// proposals answers look like those stored before they carried the
// words texts24f moved into them: a forecast's points_text and
// nearest_text, a distance's text and the distance_head.
var stripForecastTexts = answerFetch("forecast|evaluate|proposals", `(run) => {
  const keys = ['points_text', 'nearest_text', 'text', 'distance_head']
  const strip = (x) => {
    if (Array.isArray(x)) { x.forEach(strip); return }
    if (!x || typeof x !== 'object') return
    for (const k of keys) delete x[k]
    Object.values(x).forEach(strip)
  }
  if (run.result) {
    // the timeline's support keeps its text, carried since texts22
    const tl = run.result.timeline
    delete run.result.timeline
    strip(run.result)
    if (tl) run.result.timeline = tl
  }
}`)

// TestForecastStoredWithoutTexts: a forecast, a package's distances and
// the proposals' distances stored before their answers carried their
// words (no points_text, nearest_text, distance text or head) show
// their fields plainly — a cell's nearest options by their labels, an
// unsettled cell its last round alone, a distance "compromise: mean
// 8.6, max 11.2" under "Distances" — and not ask's sentences written
// again by the page, whose twins texts24f removed (pointsText with
// " over all its range", distanceHead, distancePct and the sentence
// distanceText wrote).
func TestForecastStoredWithoutTexts(t *testing.T) {
	e := startE2E(t)
	c := builtinCase(t, "latest")
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise", "exchange"}
	f, err := ask.Forecast(e.ctx, c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.onEveryPage("answers without their words", stripForecastTexts)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"&models=compromise,exchange#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table] td.unsettled`)))
	settled, unsettled := 0, 0
	for _, m := range f.Models {
		for _, x := range m.Issues {
			cell := fmt.Sprintf(`[data-testid=model-table] td[data-model=%q][data-issue=%q]`, m.Model, x.Issue)
			var labels []string
			for _, a := range x.Nearest {
				labels = append(labels, a.Label)
			}
			if !x.Settled {
				unsettled++
				want := "last round " + ask.Decimals(float64(x.Forecast), f.Scenario.IssueDecimals(x.Issue))
				if got := strings.TrimSpace(e.text(cell + ` [data-testid=unsettled-note]`)); got != want {
					t.Errorf("%s on %s, stored without its words: caption %q, want %q", m.Model, x.Issue, got, want)
				}
				continue
			}
			settled++
			want := strings.Join(labels, ask.TieJoin)
			if len(labels) > 1 {
				want = "tie: " + want
			}
			if got := strings.TrimSpace(e.text(cell + ` [data-testid=nearest]`)); got != want {
				t.Errorf("%s on %s, stored without its words: nearest %q, want %q", m.Model, x.Issue, got, want)
			}
		}
	}
	if settled == 0 || unsettled == 0 {
		t.Fatalf("%d settled and %d unsettled forecasts: the test wants both", settled, unsettled)
	}

	preq := answer.NewDealProposalsRequest()
	preq.Models = []string{"compromise"}
	props, err := ask.DealProposals(e.ctx, c, preq)
	if err != nil {
		t.Fatal(err)
	}
	plain := func(mean, max float64) string { return fmt.Sprintf("compromise: mean %.1f, max %.1f", mean, max) }
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"&models=compromise#deal"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-distance-head]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-distances] span[data-model=compromise]`)))
	if got, want := e.text(`[data-testid=proposals-distance-head]`), "Distances: under its package."; got != want {
		t.Errorf("the proposals' distances, stored without their words, are headed %q, want %q", got, want)
	}
	measured := 0
	for _, p := range props.Proposals {
		for _, fd := range p.Forecasts {
			measured++
			sel := fmt.Sprintf(`[data-testid=proposals-table] tr[data-proposal=%q] [data-testid=proposal-distance] span[data-model=%q]`, p.ID, fd.Model)
			if got, want := e.text(sel), plain(fd.Mean, fd.Max); got != want {
				t.Errorf("%s, stored without its words: distance %q, want %q", p.ID, got, want)
			}
		}
	}
	if measured == 0 {
		t.Fatal("no proposal has a distance: the test tests nothing")
	}
	// The evaluated package is the page's (its sliders'): its mean is
	// the span's data-mean, the answer's mean_pct.
	mean, err := strconv.ParseFloat(get(t, e.bctx, "mean", chromedp.AttributeValue(chromedp.CSS(`[data-testid=deal-distances] span[data-model=compromise]`), "data-mean")).Value, 64)
	if err != nil {
		t.Fatal(err)
	}
	got := e.text(`[data-testid=deal-distances]`)
	if want := fmt.Sprintf("Distances: compromise: mean %.1f, max ", mean); !strings.HasPrefix(got, want) || !regexp.MustCompile(`, max \d+\.\d$`).MatchString(got) {
		t.Errorf("the evaluated package's distances, stored without their words, read %q, want %q and the largest, one decimal", got, want)
	}
}

// TestDealPlanNoConcessionText: a concession plan with neither a bend
// nor a shortfall shows the words the answer carries for it
// (no_concession_text, ask.NoConcessionText), as parley deal search
// prints them under the plan's head; an answer without them shows
// nothing there. The page wrote "no concession needed beyond the
// package" of its own, which the command line never said. The built-in
// case's plans both cross a red line, so the test empties plan 1 and
// gives it the words, and empties plan 2 without them.
func TestDealPlanNoConcessionText(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("plans with no concession", fmt.Sprintf(`(() => {
  const fetch0 = window.fetch
  window.fetch = async (url, init) => {
    const res = await fetch0(url, init)
    if (!String(url).includes('/deal/search') || !res.ok) return res
    const run = await res.json()
    const c = run.result?.result?.concession
    for (const p of [c?.lower_alternatives, c?.bend_red_lines]) if (p) { p.bends = []; p.shortfalls = []; delete p.same_crossing_text; delete p.no_concession_text }
    if (c?.lower_alternatives) c.lower_alternatives.no_concession_text = %q
    return new Response(JSON.stringify(run), { status: res.status, headers: res.headers })
  }
})()`, ask.NoConcessionText))
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=plan-head]`)))
	got := get(t, e.bctx, "plans", chromedp.Evaluate[[]string](`[...document.querySelectorAll(".plan ul")].filter((u) => u.parentElement.querySelector("[data-testid=plan-head]")).map((u) => u.textContent)`))
	if want := []string{"no concession needed beyond the package it opens", ""}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the plans' lists read %q, want %q", got, want)
	}
}
