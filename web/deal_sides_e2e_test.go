package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/ask"
)

// TestDealSidesWords: on the built-in case the red lines on Territory
// contradict each other (Ukraine < 65, Russia >= 65), and the deal view
// shows both ways out, as parley deal search prints them
// (ask.ContradictionHead, ask.SideLine, ask.SidesChoice): Ukraine
// accepting 65, weighted cost 2.4 % of scale (share 5/31 × 15 %), and
// Russia accepting 50, 3.6 % (7.5/31 × 15 %), with why the plans take
// Ukraine's; each plan's head says what it does (ask.PlanHead), and the
// solver's terms are in one line (ask.SolverLine). The page had shown
// only Ukraine's crossing, under "Opened by lowering alternatives".
func TestDealSidesWords(t *testing.T) {
	e := startE2E(t)
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=contradiction]`)))
	got := storedSearch(t, e)
	sc, r := &got.Scenario, got.Result
	cs := r.Concession.Contradictions
	if len(cs) != 1 || len(cs[0].Sides) != 2 {
		t.Fatalf("contradictions %+v, want Territory's with two sides", cs)
	}
	c := cs[0]
	var actors, sides []string
	for _, sd := range c.Sides {
		actors = append(actors, sc.ActorName(sd.Actor))
		var bends []string
		for _, b := range sd.Bends {
			d := sc.IssueDecimals(b.Issue)
			bends = append(bends, ask.BendText(sc.ActorName(b.Actor), sc.IssueName(b.Issue), b, ask.Decimals(b.By, d), ask.Decimals(b.From, d)))
		}
		sides = append(sides, ask.SideLine(bends, sd))
	}
	if !strings.Contains(sides[1], "Russia crosses its red line on Territory: >= 65 becomes >= 50 (moves 15.0 points)") || !strings.Contains(sides[1], "Weighted cost 3.6 % of scale (capability share 0.24 × 15.0 % crossed") ||
		!strings.Contains(sides[0], "Weighted cost 2.4 % of scale (capability share 0.16 × 15.0 % crossed") {
		t.Fatalf("the built-in case's ways out read %q: the case tests less than it says", sides)
	}
	text := func(id string) []string {
		return get(t, e.bctx, id, chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=`+id+`]")].map((x) => x.textContent)`))
	}
	gaps := []float64{r.Concession.LowerAlternatives.Gap, r.Concession.BendRedLines.Gap}
	for id, want := range map[string][]string{
		"contradiction-head":   {ask.ContradictionHead(sc.IssueName(c.Issue), actors)},
		"contradiction-side":   sides,
		"contradiction-choice": {ask.SidesChoice(c, sc.ActorName)},
		"plan-head":            {ask.PlanHead(true, true, nil), ask.PlanHead(false, false, nil)},
		"search-solver":        {ask.SolverLine(r.Rho, got.NoDeal, r.Stats.Solves, r.Stats.NewtonSteps, r.Stats.MaxGap, gaps)},
	} {
		if shown := text(id); strings.Join(shown, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s reads\n%s\nwant\n%s", id, strings.Join(shown, "\n"), strings.Join(want, "\n"))
		}
	}
	if choice := ask.SidesChoice(c, sc.ActorName); choice != "Both plans below take Ukraine's way out: its weighted cost is the least (2.4 % of scale; Russia's 3.6)." {
		t.Errorf("the choice reads %q", choice)
	}
}
