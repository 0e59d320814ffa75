package web_test

import (
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStanceCiteLabelled: a quote's citation in the stance drawer says
// what each date is (the quote's own, the date it speaks for, and the
// source's), and names the publisher as such. Russia on the ceasefire at
// the latest snapshot quotes report-2025-08 (dated 2025-08-17, its
// publisher "not stated in the text") twice: once dated 2025-08-15,
// once 2025-08-17. The page wrote "(…) — not stated in the text ·
// 2025-08-15" and "… · 2025-08-17", and nothing for a publisher the
// source does not give (assumedRanges' s1 gives neither it nor a date).
func TestStanceCiteLabelled(t *testing.T) {
	const title = "Zelenskyy to press for a ceasefire at the White House (descriptive title; written Sunday 17 August 2025, the day before the White House meeting)"
	e := startE2E(t)
	cites := func(sel string) []string {
		e.do("open "+sel, chromedp.Focus(chromedp.CSS(sel)), chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=evidence] .cite`)))
		return get(t, e.bctx, "cites", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=evidence] .cite")].map((c) => c.textContent)`))
	}
	russia := `g.marker[data-actor="russia"][data-issue="ceasefire"]`
	e.do("scenario", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(russia)))
	want := []string{
		title + " · publisher: not stated in the text · quote dated 2025-08-15 · source dated 2025-08-17",
		title + " · publisher: not stated in the text · quote and source dated 2025-08-17",
	}
	got := cites(russia)
	if len(got) != len(want) {
		t.Fatalf("%d citations %q, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("citation %d reads %q, want %q", i, got[i], want[i])
		}
	}
	rec := e.stored("Assumed ranges", []byte(assumedRanges))
	union := `g.marker[data-actor="union"][data-issue="pay"]`
	e.do("assumed ranges", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#scenario"), chromedp.WaitVisible(chromedp.CSS(union)))
	if got := cites(union); len(got) != 1 || got[0] != "A statement · publisher: not stated" {
		t.Errorf("the Union's citation reads %q, want [\"A statement · publisher: not stated\"]", got)
	}
}

// TestAdviseCostNote: the advise view says why every lever's cost is 0
// in the words the command line prints (parley advise ukraine, the
// built-in case, compromise: the model moves only its lever's issue).
func TestAdviseCostNote(t *testing.T) {
	const want = "Cost is the utility the actor loses on the issues where a lever moves the forecast away from it; " +
		"this model moves only the forecast of the lever's own issue, so a lever that brings that issue closer costs 0."
	e := startE2E(t)
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-cost-note]`)))
	if got := e.text(`[data-testid=advise-cost-note]`); got != want {
		t.Errorf("the cost note reads %q, want %q", got, want)
	}
}

// heldWant is what every draw of assumedRanges holds at the stated
// values (ask.HeldFixedText; TestHeldFixedShown counts it).
const heldWant = "Not varied (no range, held at the stated value): 2 of 5 positions, 5 of 5 saliences and 5 of 5 capabilities. " +
	"Among them are 4 assumed stances and 5 assumed capabilities, resting on no quote: give them ranges to see their effect."

// TestHeldFixedAdviseDeal: advise with draws, and the deal's robust
// evaluation and search, say what their draws held at the stated values
// as the sweep's head does; advise without draws says nothing of it.
func TestHeldFixedAdviseDeal(t *testing.T) {
	e := startE2E(t)
	rec := e.stored("Assumed ranges", []byte(assumedRanges))
	e.do("advise", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#advise"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue=pay]`)))
	if n := e.count(`[data-testid=advise-held]`); n != 0 {
		t.Errorf("advise without draws shows %d held-fixed lines, want 0", n)
	}
	e.do("advise with draws", chromedp.SetValue(chromedp.CSS(`#advise-draws`), "50"), chromedp.Click(chromedp.CSS(`#advise-go`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-held]`)))
	if got := e.text(`[data-testid=advise-held]`); got != heldWant {
		t.Errorf("advise's held-fixed line reads %q, want %q", got, heldWant)
	}
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-verdicts]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=deal-robust-on]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-held]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=search-held]`)))
	for _, sel := range []string{`[data-testid=deal-held]`, `[data-testid=search-held]`} {
		if got := e.text(sel); got != heldWant {
			t.Errorf("%s reads %q, want %q", sel, got, heldWant)
		}
	}
}

// TestDealStatusLine: the Deal view shows the status line the Sweep
// view shows (the scenario, its version, the run, its warnings), opened
// at once and after advising: advise (as backtest) cleared the line when
// its answer came, and the Deal view, opened next, showed none (the
// review's screenshot).
func TestDealStatusLine(t *testing.T) {
	want := regexp.MustCompile(`^Russia–Ukraine ceasefire talks, 2025 · version 1 · as of 2025-08-18 · run [0-9a-f]{8} · 4 model warnings · 11 of 70 stances and 3 of 10 capabilities assumed$`)
	e := startE2E(t)
	line := func(v string) {
		t.Helper()
		if got := e.text(`#status`); !want.MatchString(got) {
			t.Errorf("the %s view's status line reads %q, want %s", v, got, want)
		}
	}
	// Ready, and the forecast in (the status line no longer says it is under way).
	forecast := e.poll(`!/…$/.test(document.getElementById("status").textContent)`)
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)), forecast)
	line("sweep")
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-verdicts]`)), forecast)
	line("deal")
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue]`)), forecast)
	line("advise")
	e.do("deal after advise", chromedp.Click(chromedp.CSS(`#tab-deal`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-verdicts]`)))
	line("deal (after advise)")
}
