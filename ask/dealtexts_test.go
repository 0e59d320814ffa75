package ask

import (
	"context"
	"strings"
	"testing"

	"parley/answer"
)

// A shortfall whose moves are all too small to show (deal drops them)
// says so rather than "the same as moving its positions:" and nothing;
// one below 0.0005 reads with two significant digits, not "0.000". The
// plan carries it (planTexts), for every door to print.
func TestShortfallLineSmall(t *testing.T) {
	sc := &answer.Scenario{Actors: []answer.Actor{{ID: "b", Name: "Beta"}}}
	pl := &answer.DealPlan{Shortfalls: []answer.DealShortfall{{Actor: "b", Utility: 0.89977, Alternative: 0.9, By: 0.00023}}}
	planTexts(sc, pl, "Plan 1", true)
	if want := "Beta accepts 0.900, 0.00023 below its alternative 0.900; the same as moves of its positions too small to show"; pl.Shortfalls[0].Text != want {
		t.Errorf("got  %q\nwant %q", pl.Shortfalls[0].Text, want)
	}
}

// TestSearchCarriesItsWords: deal search's answer on the built-in case
// carries the words every door prints (searchTexts), the ones ask's
// functions write: the red lines of Ukraine (< 65) and Russia (>= 65) on
// Territory contradict each other, Ukraine's way out has a weighted cost of 2.4% of scale
// (capability share 5/31 × 15%), Russia's 3.6% (7.5/31 × 15%), both
// plans take Ukraine's, and plan 2 crosses as plan 1 does. The page
// composed these itself, in a twin of each function.
func TestSearchCarriesItsWords(t *testing.T) {
	a, err := DealSearch(context.Background(), builtinCase(t), answer.NewDealSearchRequest())
	if err != nil {
		t.Fatal(err)
	}
	res := a.Result
	c := res.Concession
	if c == nil || len(c.Contradictions) != 1 || len(c.Contradictions[0].Sides) != 2 || c.LowerAlternatives == nil || c.BendRedLines == nil {
		t.Fatalf("concession %+v, want Territory's contradiction with two sides and both plans", c)
	}
	ct := c.Contradictions[0]
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", what, got, want)
		}
	}
	check("head", ct.HeadText, "The red lines of Ukraine and Russia on Territory contradict each other: one of them must cross its own. Weighting by capability is a modelling choice with a value judgement in it: a weaker party's concession counts for less. Each way out, with its cost weighted by the actor's capability share (its share × the crossing, in % of the issue's scale), and unweighted:")
	ukraine := "Ukraine crosses its red line (Territory below 65) to accept it at 65 or below (the very value it excluded); its utility falls by 0.025 (on 0–1) from Territory at 50.0, the last option it allowed, to 65.0, and it no longer refuses “65: Ukraine withdraws from the rest of Donetsk and Luhansk; Russia freezes the rest of the front line”"
	check("Ukraine's bend", ct.Sides[0].Bends[0].Text, ukraine)
	check("Ukraine's way out", ct.Sides[0].Text, ukraine+". Weighted cost 2.4% of scale (capability share 0.16 × 15.0% crossed; 0.0041 utility); unweighted, 15.0% of scale.")
	check("Russia's way out", ct.Sides[1].Text, "Russia crosses its red line (Territory at 65 or above) to accept it at 50 or above (moves 15.0 points); its utility falls by 0.025 (on 0–1) from Territory at 65.0, its red line's edge, to 50.0, and it no longer refuses “50: Freeze on the current line with legal or political recognition of Russian control”. Weighted cost 3.6% of scale (capability share 0.24 × 15.0% crossed; 0.0062 utility); unweighted, 15.0% of scale.")
	check("more sets", ct.MoreSetsText, "")
	check("choice", ct.ChoiceText, "Both plans below take Ukraine's way out: its weighted cost is the least (2.4% of scale; Russia's 3.6); unweighted, Ukraine's way out crosses 15.0% of scale, Russia's 15.0.")
	lo, bd := c.LowerAlternatives, c.BendRedLines
	check("plan 1's head", lo.HeadText, "Plan 1, lower alternatives where needed: 1 red line crossed (the way out above), the others kept; none needs lowering: no actor accepts less than its alternative")
	check("plan 1's bend", lo.Bends[0].Text, ukraine)
	check("plan 1's cost", lo.CostText, "cost, weighted by capability: 0.0041 utility given up (the least this plan reaches), 2.4% of scale crossed")
	check("plan 1 crossing as itself", lo.SameCrossingText, "")
	check("plan 2's head", bd.HeadText, "Plan 2, bend red lines: every actor keeps its alternative; red lines are crossed as follows")
	check("plan 2's crossing", bd.SameCrossingText, SameCrossingText)
	check("plan 2's cost", bd.CostText, "cost, weighted by capability: 2.4% of scale crossed (the least this plan reaches), 0.0041 utility given up")
	check("solver", a.SolverText, SolverLine(res.Rho, a.NoDeal, res.Stats.Solves, res.Stats.NewtonSteps, res.Stats.MaxGap, []float64{lo.Gap, bd.Gap}))
	if want := `solver: utility falls in proportion to distance (ρ = 1); alternatives from the no-deal package, the reference points (status quo); `; !strings.HasPrefix(a.SolverText, want) {
		t.Errorf("solver %q, want it to begin %q", a.SolverText, want)
	}
}

// TestWaysTogetherCarried: on cli/testdata/contradict-three.yaml (Alpha
// keeps P <= 20, Beta [40, 60], Gamma >= 80, capabilities 1, 2, 4) no
// one actor can give way alone; the answer carries each pair's way out as
// SetLine writes it: Alpha and Beta at 80, 14.3% of scale (1/7 × 60% +
// 2/7 × 20%), and the head says no one can give way alone.
func TestWaysTogetherCarried(t *testing.T) {
	cs, name := waysOut(t, "contradict-three.yaml")
	if len(cs) != 1 || len(cs[0].Sides) != 0 || len(cs[0].Sets) != 3 {
		t.Fatalf("contradictions %+v, want one with three sets and no side alone", cs)
	}
	c := cs[0]
	if !strings.Contains(c.HeadText, ": no one of them can give way alone; some of them must cross their own together.") {
		t.Errorf("head %q", c.HeadText)
	}
	if want := "Weighted cost 14.3% of scale (Alpha's capability share 0.14 × 60.0% crossed + Beta's 0.29 × 20.0%;"; !strings.Contains(c.Sets[0].Text, want) || !strings.HasPrefix(c.Sets[0].Text, c.Sets[0].Members[0].Bends[0].Text+"; ") {
		t.Errorf("first set %q, want its members' bends then %q", c.Sets[0].Text, want)
	}
	if c.ChoiceText != SidesChoice(c, name) || c.ChoiceText == "" {
		t.Errorf("choice %q, want %q", c.ChoiceText, SidesChoice(c, name))
	}
	for _, m := range c.Sets[0].Members {
		if m.Text != "" {
			t.Errorf("member %s carries %q: its set's text says it", m.Actor, m.Text)
		}
	}
}

// TestVerdictsCarryTheirWords: deal evaluate's verdicts carry their
// words (verdictTexts): at Territory 47 on the built-in case Russia's
// red line >= 65 is crossed, "Territory at 65 or above (the package has 47.0)", and Russia
// blocks.
func TestVerdictsCarryTheirWords(t *testing.T) {
	req := answer.NewDealEvaluateRequest()
	req.Package = map[string]float64{"territory": 47}
	req.Models = []string{"none"}
	ev, err := DealEvaluate(context.Background(), builtinCase(t), req)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range ev.Evaluation.Actors {
		if v.Actor != "russia" {
			if v.VerdictText != VerdictText(v.Accepts, false, v.Required, v.Defaulted) {
				t.Errorf("%s: verdict %q", v.Actor, v.VerdictText)
			}
			continue
		}
		found = true
		if v.VerdictText != "blocks" || len(v.Crossed) != 1 || v.Crossed[0].Text != "Territory at 65 or above (the package has 47.0)" {
			t.Errorf("russia: verdict %q, crossed %+v; want blocks on Territory at 65 or above (the package has 47.0)", v.VerdictText, v.Crossed)
		}
	}
	if !found {
		t.Error("no verdict of russia: the case tests less than it says")
	}
}
