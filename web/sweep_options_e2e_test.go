package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestSweepOptionsHaveIntervals runs the sweep parley brief runs
// (compromise, 1000 draws, seed 1) from the page: each issue's most
// likely option says its share of the draws with its Wilson interval,
// and under the histogram, folded, "The options" lists every option's
// P(nearest) and P(≥ at) with theirs, as parley sweep's table writes
// them (ask.ProbabilityText of the answer's p and p_interval). On the
// ceasefire 740 of the 1000 draws land nearest 55: by hand, with
// 1 + z²/1000 = 1.003841, centre (0.74 + 0.001921)/1.003841 = 0.739082,
// half-width 1.952464 · √(0.74·0.26/1000 + 3.841459/4·10⁶) = 0.027150,
// so "74% (71–77%)". The page wrote "(74% of draws)", with no
// interval, and no option but the likeliest.
func TestSweepOptionsHaveIntervals(t *testing.T) {
	c := builtinCase(t, "latest")
	req := answer.NewSweepRequest()
	req.Models, req.Draws, req.Seed = []string{"compromise"}, 1000, 1
	sw, err := ask.Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := sw.Models[0]
	e := startE2E(t)
	// On a phone's screen, where the page must be no wider than the screen
	// with every option table open (checked below).
	got := sweepOptions(t, e, 1000, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	if l := got["ceasefire"].Likeliest; !strings.Contains(l, ", in 74% of draws (71–77%)") {
		t.Errorf("the ceasefire's most likely option reads %q, want its share 74%% of draws (71–77%%)", l)
	}
	legend := "each probability is a share of 1,000 draws; in parentheses, its " + ask.LevelText + " interval (Wilson's score interval)"
	for _, is := range m.Issues {
		g, ok := got[is.Issue]
		if !ok {
			t.Errorf("no figure for %s", is.Issue)
			continue
		}
		d := sw.Scenario.IssueDecimals(is.Issue)
		var want [][]string
		top := 0.0
		for _, b := range is.Bands {
			want = append(want, []string{b.Label, strconv.FormatFloat(b.Value, 'f', d, 64), ask.ProbabilityText(b.P, b.PInterval), ask.ProbabilityText(b.PAtLeast, b.PAtLeastInterval)})
			top = max(top, b.P)
		}
		if len(g.Rows) != len(want) {
			t.Errorf("%s: %d option rows %q, want %d", is.Issue, len(g.Rows), g.Rows, len(want))
			continue
		}
		for i := range want {
			if strings.Join(g.Rows[i], " | ") != strings.Join(want[i], " | ") {
				t.Errorf("%s option %d: %q, want %q", is.Issue, i, g.Rows[i], want[i])
			}
		}
		for _, b := range is.Bands {
			if want := ", in " + ask.DrawsShareText(b.P, b.PInterval, "draws"); b.P == top && !strings.Contains(g.Likeliest, want) {
				t.Errorf("%s: the most likely option reads %q, want %q", is.Issue, g.Likeliest, want)
			}
		}
		if !strings.Contains(g.Legend, legend) {
			t.Errorf("%s: the options' legend %q does not say %q", is.Issue, g.Legend, legend)
		}
	}
	// With every option table open the page is no wider than the screen
	// (a wide table scrolls within itself).
	e.do("open", void(chromedp.Evaluate[bool](`(() => { document.querySelectorAll("[data-testid=sweep-options]").forEach((d) => { d.open = true }); return true })()`)),
		e.shot("57b-sweep-options"))
	w := get(t, e.bctx, "widths", chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	if w[0] > w[1] {
		t.Errorf("with the options open, the page is %d px wide on a screen %d px wide", w[0], w[1])
	}
}

// sweepShown is what an issue's figure on the sweep view says of its
// options: its most likely option's line, the rows of "The options"
// (each cell's text) and the line under them.
type sweepShown struct {
	Likeliest string     `json:"likeliest"`
	Rows      [][]string `json:"rows"`
	Legend    string     `json:"legend"`
}

// sweepOptions runs compromise's sweep of the given draws, seed 1, from
// the page (after the steps first, a viewport say), and reads each
// issue's figure, by issue id.
func sweepOptions(t *testing.T, e *e2e, draws int, first ...chromedp.Action[chromedp.Void]) map[string]sweepShown {
	t.Helper()
	e.do("sweep", append(first, chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "compromise"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), strconv.Itoa(draws)),
		chromedp.SetValue(chromedp.CSS(`input[name=seed]`), "1"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelectorAll("figure[data-issue] [data-testid=sweep-likeliest]").length > 0`))...)
	return get(t, e.bctx, "options", chromedp.Evaluate[map[string]sweepShown](`Object.fromEntries([...document.querySelectorAll("figure[data-issue]")].map((f) => [f.dataset.issue, {
		likeliest: f.querySelector("[data-testid=sweep-likeliest]")?.textContent ?? "",
		rows: [...f.querySelectorAll("[data-testid=sweep-options] tbody tr")].map((r) => [...r.children].map((c) => c.textContent)),
		legend: f.querySelector("[data-testid=sweep-options] p")?.textContent ?? "" }]))`))
}
