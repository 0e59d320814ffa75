package ask

import (
	"math"
	"testing"

	"parley/answer"
)

// The words both doors print, from the reviewer's examples on the
// built-in case: each is the clearer of the two doors' wordings.
func TestWords(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{PlanCostsLine(true, &answer.DealPlan{Cost: 0.00412, UtilityCost: 0.00412, ScaleCost: 2.4194}), "cost, weighted by capability: 0.0041 utility given up (the least this plan reaches), 2.4% of scale crossed"},
		{BendText("Ukraine", "Territory", answer.DealBend{RedLine: "< 65", To: "<= 65", Strict: true, UtilityLost: 0.0249, Options: []string{"65: withdraw"}}, "0.0", "50.0", "65.0", "the last option it allowed"),
			"Ukraine crosses its red line (Territory below 65) to accept it at 65 or below (the very value it excluded); its utility falls by 0.025 (on 0–1) from Territory at 50.0, the last option it allowed, to 65.0, and it no longer refuses “65: withdraw”"},
		{BendText("Alpha", "X", answer.DealBend{RedLine: ">= 60", To: ">= 40", By: 20, UtilityLost: 1.0 / 6}, "20.0", "60.0", "40.0", "its red line's edge"),
			"Alpha crosses its red line (X at 60 or above) to accept it at 40 or above (moves 20.0 points); its utility falls by 0.167 (on 0–1) from X at 60.0, its red line's edge, to 40.0"},
		{ShortfallLine("B", answer.DealShortfall{Utility: 0.4, Alternative: 0.9, By: 0.5}, []string{MoveText("Issue one", "100.0", "0.0")}),
			"B accepts 0.400, 0.500 below its alternative 0.900; the same as moving its positions: Issue one 100.0 → 0.0"},
		{ShortfallLine("Beta", answer.DealShortfall{Utility: 0.89977, Alternative: 0.9, By: 0.00023}, nil),
			"Beta accepts 0.900, 0.00023 below its alternative 0.900; the same as moves of its positions too small to show"},
		{VerdictText(true, false, true, false), "accepts"},
		{VerdictText(false, false, true, false), "blocks"},
		{VerdictText(false, true, false, false), "blocks (not required)"},
		{VerdictText(true, true, false, false), "red lines not checked (not required)"},
		{VerdictText(true, false, true, true), "accepts by default"},
		{VerdictText(true, false, false, true), "accepts by default (not required)"},
		{VerdictText(false, false, true, true), "blocks"},
		{SupportText(answer.ProposalSupport{Accepts: []string{"a"}, Rejects: []string{"b", "c"}}), "1/3"},
		{SupportText(answer.ProposalSupport{Accepted: true, Accepts: []string{"a", "b"}, Defaulted: []string{"a", "b"}}), "2/2 ✓ (2 by default)"},
		{SupportText(answer.ProposalSupport{Accepts: []string{"a"}, Rejects: []string{"b"}, Defaulted: []string{"a"}}), "1/2 (1 by default)"},
		{SupportText(answer.ProposalSupport{Error: "it leaves issues [timeline] open"}), "not judged"},
		{TimelineNote([]answer.ProposalSnapshot{{Proposals: []answer.ProposalSupport{{Accepts: []string{"a"}}}}}), ""},
		{TimelineNote([]answer.ProposalSnapshot{{}, {Proposals: []answer.ProposalSupport{{Accepts: []string{"a"}}, {Accepts: []string{"a"}, Defaulted: []string{"a"}}}}}),
			"(n by default): n of those yeses are a default's: the actors state no alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so theirs is 0, below every package: they accept any package that crosses none of their red lines."},
		{CrossedText("Territory", "< 65", "47.0"), "Territory below 65 (the package has 47.0)"},
		{CrossedText("Territory", ">= 65", "46.8"), "Territory at 65 or above (the package has 46.8)"},
		{CrossedText("Territory", "odd", "46.8"), "Territory odd (the package has 46.8)"},
		{LeverKindText(answer.LeverPersuadePosition), "persuade: position"},
		{LeverKindText(answer.LeverOwnSalience), "own salience"},
		{LeverKindText("other"), "other"},
		{AdviseIssueHead(&answer.Scenario{SalienceScale: 1}, "Ceasefire", "46.6", "Ukraine", "85.0", 0.9, "38.4"), "Ceasefire: forecast 46.6, Ukraine at 85.0 (salience 0.90), 38.4 apart"},
		{SwingWhat("position", ""), " · position"},
		{SwingWhat("salience", "Ukraine and NATO"), " · salience on Ukraine and NATO"},
		{CoverageRowHead("actor", "United States"), "actor United States"},
		{PointsText([]answer.Anchor{{Value: 70, Label: "30-day ceasefire without preconditions"}}), "→70"},
		{PointsText([]answer.Anchor{{Value: 25}, {Value: 75}}), "→25 / 75"},
		{PointsText([]answer.Anchor{{Value: 2.5e8}}), "→250000000"},
		{PointsText(nil), ""},
		{LikelyText(answer.Likely{Value: 55, Label: "30-day ceasefire", P: 0.26}, "55.0", nil), "→55 30-day ceasefire"},
		{LikelyText(answer.Likely{Value: 62, Actors: []string{"a", "b"}, P: 0.36}, "62.0", []string{"Alpha", "Beta"}), "62.0 (Alpha, Beta)"},
		{LikeliestChance([]answer.Likely{{Value: 25, Label: "A", P: 0.255}, {Value: 75, Label: "B", P: 0.255}}), "26%"},
		{LikeliestChance([]answer.Likely{{Value: 1, P: answer.Num(math.NaN())}, {Value: 2, P: 0.5}}), "50%"},
		{LikeliestChance([]answer.Likely{{Value: 1, P: answer.Num(math.NaN())}}), NoNumber},
		{LikeliestChance(nil), NoNumber},
		{Chance(0.74), "74%"},
		{Chance(0.255), "26%"},
		{Chance(1), "100%"},
		{Chance(0), "0%"},
		{Chance(0.003), "0.3%"},
		{Chance(0.00004), "0.004%"},
		{Chance(0.997), "99.7%"},
		{Chance(0.99996), "99.996%"},
		{Chance(1e-9), "<0.0001%"},
		{Chance(1 - 1e-9), ">99.9999%"},
		{Chance(0.0049), "0.5%"},
		{Chance(math.Inf(1)), NoNumber},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
}
