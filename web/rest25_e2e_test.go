package web_test

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// rest25Words are the fields rest25 carried (docs/DECISIONS.md, rest25):
// a sweep's variance split and a coverage row's share (share_text), an
// smp bargain's P(win) and gain, whether a deal needs an actor, and the
// proposals timeline's open red lines.
const rest25Words = `['share_text', 'outcome_text', 'phi_text', 'gain_text', 'required_text', 'timeline_open_red_lines']`

// TestRest25CarriedWords: the page shows each of these in the answer's
// words (marked here on their way to it), where it wrote its own
// numbers: whole percents of the variance split and the coverage's
// shares, fmt(phi, 2) and toPrecision(3) of smp's bargains, "need not
// accept" beside an actor the deal does not need; and it shows the red
// lines a proposal's open issues would cross under its timeline, which
// it did not.
func TestRest25CarriedWords(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("marked words", rewriteAnswers(``, rest25Words, `(v) => Array.isArray(v) ? v.map((x) => '‹' + x + '›') : '‹' + v + '›'`))

	// A robust search with NATO not required: its actors' table and the
	// zone's table of alternatives mark NATO so, in the answer's words.
	openRobustNotRequired(e)
	for _, sel := range []string{`[data-testid=search-robust] [data-testid=not-required]`, `[data-testid=zone-actors] [data-testid=not-required]`} {
		marks := get(t, e.bctx, sel, chromedp.Evaluate[[]string](fmt.Sprintf(`[...document.querySelectorAll(%q)].map((x) => x.textContent)`, sel)))
		if len(marks) != 1 || marks[0] != "‹"+ask.RequiredText(false)+"›" {
			t.Errorf("%s: %q, want the answer's %q once", sel, marks, ask.RequiredText(false))
		}
	}

	// The evidence coverage's shares.
	e.do("evidence", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#evidence"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=coverage] table.coverage tbody tr`)))
	shares := get(t, e.bctx, "shares", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=coverage] table.coverage tbody tr td:nth-of-type(1)")].map((x) => x.textContent)`))
	if len(shares) == 0 {
		t.Error("no coverage row")
	}
	for _, s := range shares {
		if _, marked := unmark(s); !marked || !strings.HasSuffix(s, "%›") {
			t.Errorf("coverage share %q is not the answer's", s)
		}
	}

	// smp's last turn's bargains: P(win) and expected gain.
	x, _, _, _ := smpTurns(t)
	last := x.Turns[len(x.Turns)-1]
	showTurn(e, last.Turn)
	rows := get(t, e.bctx, "bargains", chromedp.Evaluate[[][]string](`[...document.querySelectorAll('[data-testid=smp-bargains] tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))`))
	if len(rows) != len(last.Bargains) {
		t.Fatalf("%d bargains shown, want %d", len(rows), len(last.Bargains))
	}
	for i, r := range rows {
		b := last.Bargains[i]
		if r[3] != "‹"+b.PhiText+"›" || r[4] != "‹"+b.GainText+"›" || b.PhiText != ask.Chance(b.Phi) || b.GainText != ask.GainText(b.Gain) {
			t.Errorf("bargain %d: P(win) %q, gain %q; want the answer's %q, %q", i+1, r[3], r[4], b.PhiText, b.GainText)
		}
	}

	// A sweep of snap: the variance split.
	req := answer.NewSweepRequest()
	req.Models, req.Draws, req.Seed = []string{"snap"}, 200, 3
	sw, err := ask.Sweep(context.Background(), builtinCase(t, "latest"), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.runSweep("snap", "200", "3", `document.querySelectorAll("[data-testid=sweep-combined]").length > 0`)
	for _, is := range sw.Models[0].Issues {
		got := e.text(fmt.Sprintf(`figure[data-issue=%q] [data-testid=sweep-combined]`, is.Issue))
		if c := is.Combined; c == nil || c.ShareText == "" || got != "‹"+c.OutcomeText+"›" || !strings.Contains(got, "= "+c.ShareText+" (of the variance)") {
			t.Errorf("%s: %q is not the answer's line with its split %+v", is.Issue, got, c)
		}
	}

	// The proposals' timeline of a case whose proposal leaves open an
	// issue where a red line would be crossed.
	e.dealOn("../ask/testdata/nile-open.yaml", "Nile", chromedp.WaitReady(chromedp.CSS(`[data-testid=proposals-timeline-open-red-lines]`)))
	line := get(t, e.bctx, "timeline's lines", chromedp.Evaluate[string](`document.querySelector("[data-testid=proposals-timeline-open-red-lines]").textContent`))
	if !strings.HasPrefix(line, "‹African Union compromise, at base: Egypt's red line (Drought release (bcm/yr) at 35 or above) would be crossed") {
		t.Errorf("timeline's open red lines %q", line)
	}
}

// TestRest25StoredWithout: answers stored before they carried these
// words render plainly: a coverage row's share and a variance split as
// the numbers they are (plainNumber, as every stored field: no percent
// composed on the page, turns25's and lines25's rule), "need not accept"
// beside an actor not required, and no line of open red lines under the
// timeline.
func TestRest25StoredWithout(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("answers without their words", rewriteAnswers(``, rest25Words, `() => undefined`))
	in, err := ask.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	ev := ask.Evidence(in, false)
	e.do("evidence", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#evidence"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=coverage] table.coverage tbody tr`)))
	first := e.text(`[data-testid=coverage] table.coverage tbody tr td:nth-of-type(1)`)
	// JavaScript's toPrecision(3), the page's plainNumber, of a share
	// that is not zero.
	p3 := func(x float64) string {
		return strconv.FormatFloat(x, 'f', max(0, 2-int(math.Floor(math.Log10(math.Abs(x))))), 64)
	}
	if want := p3(ev.Coverage[0].Actors[0].Share); first != want {
		t.Errorf("coverage's first share, stored without its text: %q, want %q", first, want)
	}
	req := answer.NewSweepRequest()
	req.Models, req.Draws, req.Seed = []string{"snap"}, 200, 3
	sw, err := ask.Sweep(context.Background(), builtinCase(t, "latest"), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.runSweep("snap", "200", "3", `document.querySelectorAll("[data-testid=sweep-combined]").length > 0`)
	is := sw.Models[0].Issues[0]
	c := is.Combined
	got := e.text(fmt.Sprintf(`figure[data-issue=%q] [data-testid=sweep-combined]`, is.Issue))
	if want := "= inputs " + p3(c.ShareInputs) + " + model error " + p3(c.ShareModel) + " (of the variance)"; !strings.HasSuffix(got, want) {
		t.Errorf("%s's split, stored without its text: %q, want it to end %q", is.Issue, got, want)
	}
	openRobustNotRequired(e)
	if m := e.text(`[data-testid=search-robust] [data-testid=not-required]`); m != "need not accept" {
		t.Errorf("robust actor not required: %q", m)
	}
	e.dealOn("../ask/testdata/nile-open.yaml", "Nile", chromedp.WaitReady(chromedp.CSS(`[data-testid=proposals-timeline]`)))
	if n := e.count(`[data-testid=proposals-timeline-open-red-lines]`); n != 0 {
		t.Errorf("%d lines of open red lines from an answer without them", n)
	}
}

// openRobustNotRequired opens the deal page as of 11 March 2025 with
// NATO's "Must accept" unticked and the robust analysis over 1,000 draws,
// and waits until the robust box marks an actor not required.
func openRobustNotRequired(e *e2e) {
	e.do("robust deal, NATO not required", chromedp.Navigate(e.srv.URL+"/?snapshot=2025-03-11#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		chromedp.Click(chromedp.CSS(`#require-nato`)), e.poll(robustOn(1000)),
		e.poll(`document.querySelector('[data-testid=search-robust] [data-testid=not-required]') !== null && document.querySelector('[data-testid=search-robust]').textContent.includes("1,000 draws")`))
}
