package web_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/ask"
)

// TestDealSidesWords: on the built-in case the red lines on Territory
// contradict each other (Ukraine < 65, Russia >= 65), and the deal view
// shows both ways out, as parley deal search prints them
// (ask.ContradictionHead, ask.SideLine, ask.SidesChoice): Ukraine
// accepting 65, weighted cost 2.4% of scale (share 5/31 × 15%), and
// Russia accepting 50, 3.6% (7.5/31 × 15%), with why the plans take
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
			bends = append(bends, ask.BendLine(sc, b))
		}
		sides = append(sides, ask.SideLine(bends, sd))
	}
	if !strings.Contains(sides[1], "Russia crosses its red line (Territory at 65 or above) to accept it at 50 or above (moves 15.0 points)") || !strings.Contains(sides[1], "Weighted cost 3.6% of scale (capability share 0.24 × 15.0% crossed") ||
		!strings.Contains(sides[0], "Weighted cost 2.4% of scale (capability share 0.16 × 15.0% crossed") {
		t.Fatalf("the built-in case's ways out read %q: the case tests less than it says", sides)
	}
	text := func(id string) []string {
		return get(t, e.bctx, id, chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=`+id+`]")].map((x) => x.textContent)`))
	}
	gaps := []float64{r.Concession.LowerAlternatives.Gap, r.Concession.BendRedLines.Gap}
	for id, want := range map[string][]string{
		"contradiction-head":   {ask.ContradictionHead(sc.IssueName(c.Issue), actors, nil, true, false)},
		"contradiction-side":   sides,
		"contradiction-choice": {ask.SidesChoice(c, sc.ActorName)},
		"plan-head":            {ask.PlanHead(true, true, len(r.Concession.LowerAlternatives.Bends), nil), ask.PlanHead(false, false, 0, nil)},
		"search-solver":        {ask.SolverLine(r.Rho, got.NoDeal, r.Stats.Solves, r.Stats.NewtonSteps, r.Stats.MaxGap, gaps)},
	} {
		if shown := text(id); strings.Join(shown, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s reads\n%s\nwant\n%s", id, strings.Join(shown, "\n"), strings.Join(want, "\n"))
		}
	}
	if choice := ask.SidesChoice(c, sc.ActorName); choice != "Both plans below take Ukraine's way out: its weighted cost is the least (2.4% of scale; Russia's 3.6); unweighted, Ukraine's way out crosses 15.0% of scale, Russia's 15.0." {
		t.Errorf("the choice reads %q", choice)
	}
}

// TestDealWaysTogetherWords: on the CLI's testdata/contradict-three.yaml
// (Alpha keeps P <= 20, Beta [40, 60], Gamma >= 80) no one actor can
// give way alone, and the deal view lists the three pairs that can, as
// parley deal search prints them (ask.ContradictionHead, ask.SetLine,
// ask.SidesChoice): Alpha and Beta at 80, weighted cost 14.3% of scale
// (1/7 × 60% + 2/7 × 20%), Alpha and Gamma at 60, 17.1%, Beta and
// Gamma at 20, 40.0%. The page had shown a head naming no one and no
// way out.
func TestDealWaysTogetherWords(t *testing.T) {
	e := startE2E(t)
	rec := e.dealOn("../cli/testdata/contradict-three.yaml", "Three contradicting red lines", e.poll(`document.querySelectorAll("[data-testid=contradiction-set]").length > 0`))
	got := storedSearchOf(t, e, rec.ID)
	sc := &got.Scenario
	cs := got.Result.Concession.Contradictions
	if len(cs) != 1 || len(cs[0].Sides) != 0 || len(cs[0].Sets) != 3 {
		t.Fatalf("contradictions %+v, want P's with three sets and no side alone", cs)
	}
	c := cs[0]
	var sets []string
	for _, st := range c.Sets {
		var bends []string
		for _, m := range st.Members {
			for _, b := range m.Bends {
				bends = append(bends, ask.BendLine(sc, b))
			}
		}
		sets = append(sets, ask.SetLine(bends, st, sc.ActorName))
	}
	if !strings.Contains(sets[0], "Weighted cost 14.3% of scale (Alpha's capability share 0.14 × 60.0% crossed + Beta's 0.29 × 20.0%;") ||
		!strings.Contains(sets[2], "Weighted cost 40.0% of scale (Beta's capability share 0.29 × 20.0% crossed + Gamma's 0.57 × 60.0%;") {
		t.Fatalf("the ways out together read %q: the case tests less than it says", sets)
	}
	text := func(id string) []string {
		return get(t, e.bctx, id, chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=`+id+`]")].map((x) => x.textContent)`))
	}
	for id, want := range map[string][]string{
		"contradiction-head":   {ask.ContradictionHead(sc.IssueName(c.Issue), ask.ContradictionActors(c, sc.ActorName), nil, false, true)},
		"contradiction-side":   nil,
		"contradiction-set":    sets,
		"contradiction-more":   nil,
		"contradiction-choice": {ask.SidesChoice(c, sc.ActorName)},
	} {
		if shown := text(id); strings.Join(shown, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s reads\n%s\nwant\n%s", id, strings.Join(shown, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestDealContradictionUnderRuleWords: on the CLI's
// testdata/contradict-qmv.yaml P is decided by qualified majority [3;
// Alpha 2, Beta 1, Gamma 1], and the contradiction shown is that of the
// minimal winning coalition {Alpha, Beta}, its ways out costed with the
// shares among its two members. The deal view's head of it says so, as
// parley deal search prints it (ask.ContradictionHead with
// ask.ContradictionCoalition), and its summary names the veto player by
// name, Alpha (the page had read "The red lines of Alpha and Beta on P
// contradict each other", and the summary "(veto: a)").
func TestDealContradictionUnderRuleWords(t *testing.T) {
	e := startE2E(t)
	rec := e.dealOn("../cli/testdata/contradict-qmv.yaml", "Contradicting red lines under a rule", e.poll(`document.querySelectorAll("[data-testid=contradiction-head]").length > 0`))
	got := storedSearchOf(t, e, rec.ID)
	sc := &got.Scenario
	cs := got.Result.Concession.Contradictions
	if len(cs) != 1 || !slices.Equal(cs[0].Coalition, []string{"a", "b"}) {
		t.Fatalf("contradictions %+v, want P's within {a, b}", cs)
	}
	c := cs[0]
	head := ask.ContradictionHead(sc.IssueName(c.Issue), ask.ContradictionActors(c, sc.ActorName), ask.ContradictionCoalition(c, sc.ActorName), len(c.Sides) > 0, len(c.Sets) > 0)
	if want := "Within the minimal winning coalition {Alpha, Beta}, the red lines of Alpha and Beta on P contradict each other: one of them must cross its own. Weighting by capability is a modelling choice with a value judgement in it: a weaker party's concession counts for less. Each way out, with its cost weighted by the actor's capability share among the coalition's members (its share × the crossing, in % of the issue's scale), and unweighted:"; head != want {
		t.Fatalf("ask's head reads\n%s\nwant\n%s", head, want)
	}
	if !strings.Contains(got.Result.Summary, "no package passes the decision rules (veto: Alpha) — ") {
		t.Fatalf("the summary reads %q, want the veto player named Alpha", got.Result.Summary)
	}
	text := func(id string) []string {
		return get(t, e.bctx, id, chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=`+id+`]")].map((x) => x.textContent)`))
	}
	// the blockers as the command line writes them ("Blocked by: …")
	var blocked []string
	for _, l := range strings.Split(parley(t, "deal", "search", "../cli/testdata/contradict-qmv.yaml", "-q"), "\n") {
		if strings.HasPrefix(l, "Blocked by: ") {
			blocked = append(blocked, l)
		}
	}
	if len(blocked) != 1 || blocked[0] != "Blocked by: Alpha, Beta." {
		t.Fatalf("the command line's blockers %q, want one line naming Alpha and Beta", blocked)
	}
	for id, want := range map[string][]string{
		"contradiction-head": {head},
		"zone-summary":       {got.Result.Summary},
		"zone-line":          {got.Result.ZoneText},
		"zone-blockers":      blocked,
	} {
		if shown := text(id); strings.Join(shown, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s reads\n%s\nwant\n%s", id, strings.Join(shown, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestDealCloseCallWords: on the CLI's testdata/closecall.yaml the deal
// view says, after which way out the plans take, that the choice is a
// close call, in the answer's words (ask.CloseCallText), as parley deal
// search prints it: Alpha's way out, the runner-up, costs 1.14 times
// Beta's, the stated capability ranges could reverse it, and fixing P at
// 60 would open it.
func TestDealCloseCallWords(t *testing.T) {
	e := startE2E(t)
	rec := e.dealOn("../cli/testdata/closecall.yaml", "A close call", e.poll(`document.querySelectorAll("[data-testid=contradiction-close]").length > 0`))
	got := storedSearchOf(t, e, rec.ID)
	cs := got.Result.Concession.Contradictions
	if len(cs) != 1 || cs[0].Close == nil {
		t.Fatalf("contradictions %+v, want one with a close call", cs)
	}
	want := cs[0].Close.Text
	if !strings.HasPrefix(want, "A close call: Alpha's way out has a weighted cost of 3.3% of scale, 1.14 times Beta's 2.9") || !strings.Contains(want, "--fix p=60) opens P 60.0") {
		t.Fatalf("the close call reads %q: the case tests less than it says", want)
	}
	shown := get(t, e.bctx, "contradiction-close", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=contradiction-close]")].map((x) => x.textContent)`))
	if !slices.Equal(shown, []string{want}) {
		t.Errorf("the page shows %q, want %q", shown, want)
	}
}
