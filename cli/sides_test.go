package cli

import (
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"testing"

	"parley/answer"
)

// TestDealSearchSides: on testdata/contradict.yaml (Alpha, capability 1
// at 20, keeps P < 65; Beta, capability 2 at 100, keeps P >= 65) every
// value crosses one red line. Either side can give way, costed by
// equation (9) from the point its red line last allows: Alpha accepts 65
// (15 points past its last allowed option, 50), giving up |65 − 20| −
// |50 − 20| = 15 of 100, 0.150 utility, weighted by its share 1/3: 5.0%
// of scale and 0.0500 utility; Beta accepts 50 (15 points below 65),
// giving up |50 − 100| − |65 − 100| = 0.150, share 2/3: 10.0% and
// 0.1000. Both plans take Alpha's, the cheaper; with no alternative
// stated no one falls short, so plan 2 crosses as plan 1 does. The
// command line had shown only Alpha's crossing, under the heading "lower
// alternatives (red lines kept, …)", twice, with its costs in two units
// and the solver's terms (ρ, the batna, the certificate gap) among them.
func TestDealSearchSides(t *testing.T) {
	out, errOut, code := run(t, "deal", "search", "testdata/contradict.yaml", "--batna", "none", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := regexp.MustCompile(`\n +`).ReplaceAllString(out, " ")
	for _, want := range []string{
		"The red lines of Alpha and Beta on P contradict each other: one of them must cross its own. Weighting by capability is a modelling choice with a value judgement in it: a weaker party's concession counts for less. Each way out, with its cost weighted by the actor's capability share (its share × the crossing, in % of the issue's scale), and unweighted:",
		"Alpha crosses its red line (P below 65) to accept it at 65 or below (the very value it excluded); its utility falls by 0.150 (on 0–1) from P at 50.0, the last option it allowed, to 65.0, and it no longer refuses “65: line”. Weighted cost 5.0% of scale (capability share 0.33 × 15.0% crossed; 0.0500 utility); unweighted, 15.0% of scale.",
		"Beta crosses its red line (P at 65 or above) to accept it at 50 or above (moves 15.0 points); its utility falls by 0.150 (on 0–1) from P at 65.0, its red line's edge, to 50.0, and it no longer refuses “50: half”. Weighted cost 10.0% of scale (capability share 0.67 × 15.0% crossed; 0.1000 utility); unweighted, 15.0% of scale.",
		"Both plans below take Alpha's way out: its weighted cost is the least (5.0% of scale; Beta's 10.0); unweighted, Alpha's way out crosses 15.0% of scale, Beta's 15.0.",
		"Plan 1, lower alternatives where needed: 1 red line crossed (the way out above), the others kept; none needs lowering: no actor accepts less than its alternative",
		"cost, weighted by capability: 0.0500 utility given up (the least this plan reaches), 5.0% of scale crossed",
		"Plan 2, bend red lines: every actor keeps its alternative; red lines are crossed as follows",
		"the same crossing as plan 1 (the rest of the package may differ)",
		"cost, weighted by capability: 5.0% of scale crossed (the least this plan reaches), 0.0500 utility given up",
		`solver: utility falls in proportion to distance (ρ = 1); alternatives from no no-deal package (each actor's reservation only);`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"ρ = 1.", "(batna none)", "within 0 of the least", "To open it"} {
		if strings.Contains(text, not) {
			t.Errorf("output still says %q:\n%s", not, out)
		}
	}
	var a answer.DealSearch
	js, _, code := run(t, "deal", "search", "testdata/contradict.yaml", "--batna", "none", "-q", "-f", "json")
	if err := json.Unmarshal([]byte(js), &a); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s", code, err, js)
	}
	c := a.Result.Concession
	if len(c.Contradictions) != 1 || len(c.Contradictions[0].Sides) != 2 {
		t.Fatalf("contradictions %+v, want one with two sides", c.Contradictions)
	}
	for i, w := range []struct {
		actor       string
		value, cost float64
		utility     float64
		plans       int
	}{{"a", 65, 5, 0.05, 2}, {"b", 50, 10, 0.1, 0}} {
		sd := c.Contradictions[0].Sides[i]
		if sd.Actor != w.actor || sd.Value != w.value || math.Abs(sd.Cost-w.cost) > 1e-9 || math.Abs(sd.UtilityCost-w.utility) > 1e-9 || len(sd.Plans) != w.plans {
			t.Errorf("JSON side %d: %+v, want %s at %v costing %v %% and %v utility, taken by %d plans", i, sd, w.actor, w.value, w.cost, w.utility, w.plans)
		}
	}
}

// TestDealSearchWaysTogether: on testdata/contradict-three.yaml (Alpha,
// capability 1 at 0, keeps P <= 20; Beta, 2 at 50, [40, 60]; Gamma, 4
// at 100, >= 80) no one crossing alone leaves the others a value; the
// ways out are the pairs, each at the value of least weighted crossing
// the third allows: Alpha and Beta at 80 ((60·1 + 20·2)/7 = 14.3% of
// scale), Alpha and Gamma at 60 ((40 + 20·4)/7 = 17.1%), Beta and
// Gamma at 20 ((20·2 + 60·4)/7 = 40.0%); both plans take the first.
// The command line printed a head naming no one ("The red lines of  on
// P") and no way out.
func TestDealSearchWaysTogether(t *testing.T) {
	out, errOut, code := run(t, "deal", "search", "testdata/contradict-three.yaml", "--batna", "none", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := regexp.MustCompile(`\n +`).ReplaceAllString(out, " ")
	for _, want := range []string{
		"The red lines of Alpha, Beta and Gamma on P contradict each other: no one of them can give way alone; some of them must cross their own together.",
		"Alpha crosses its red line (P at 20 or below) to accept it at 80 or below (moves 60.0 points); its utility falls by 0.600 (on 0–1) from P at 20.0, its red line's edge, to 80.0; Beta crosses its red line (P between 40 and 60) to accept it between 40 and 80 (moves 20.0 points); its utility falls by 0.200 (on 0–1) from P at 60.0, its red line's edge, to 80.0. Weighted cost 14.3% of scale (Alpha's capability share 0.14 × 60.0% crossed + Beta's 0.29 × 20.0%; 0.1429 utility); unweighted, 80.0% of scale.",
		"Alpha crosses its red line (P at 20 or below) to accept it at 60 or below (moves 40.0 points); its utility falls by 0.400 (on 0–1) from P at 20.0, its red line's edge, to 60.0; Gamma crosses its red line (P at 80 or above) to accept it at 60 or above (moves 20.0 points); its utility falls by 0.200 (on 0–1) from P at 80.0, its red line's edge, to 60.0. Weighted cost 17.1% of scale (Alpha's capability share 0.14 × 40.0% crossed + Gamma's 0.57 × 20.0%; 0.1714 utility); unweighted, 60.0% of scale.",
		"Beta crosses its red line (P between 40 and 60) to accept it between 20 and 60 (moves 20.0 points); its utility falls by 0.200 (on 0–1) from P at 40.0, its red line's edge, to 20.0; Gamma crosses its red line (P at 80 or above) to accept it at 20 or above (moves 60.0 points); its utility falls by 0.600 (on 0–1) from P at 80.0, its red line's edge, to 20.0. Weighted cost 40.0% of scale (Beta's capability share 0.29 × 20.0% crossed + Gamma's 0.57 × 60.0%; 0.4000 utility); unweighted, 80.0% of scale.",
		"Both plans below take Alpha and Beta's way out: its weighted cost is the least (14.3% of scale; Alpha and Gamma's 17.1, Beta and Gamma's 40.0); unweighted, Alpha and Beta's way out crosses 80.0% of scale, Alpha and Gamma's 60.0, Beta and Gamma's 80.0.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestDealSearchSidesUnderRule: on testdata/contradict-qmv.yaml P is
// decided by qualified majority [3; Alpha 2, Beta 1, Gamma 1]; of its
// minimal winning coalitions {Alpha, Beta} plans cheapest (Alpha accepts
// 65 at 5.0% of scale with share 1/3 among the two; Gamma >= 75 makes
// {Alpha, Gamma}'s 6.25%), and its ways out are shown with the shares
// among its members: Alpha 0.33, Beta 0.67, under a head that says so.
// The summary names the veto player, Alpha, by name (it said "veto: a").
func TestDealSearchSidesUnderRule(t *testing.T) {
	out, errOut, code := run(t, "deal", "search", "testdata/contradict-qmv.yaml", "--batna", "none", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := regexp.MustCompile(`\n +`).ReplaceAllString(out, " ")
	for _, want := range []string{
		"No agreement is possible as things stand: no package passes the decision rules (veto: Alpha) — in each of the 2 minimal winning coalitions some red lines leave an issue no value, e.g. in {Alpha, Beta}: the required actors' red lines on P leave no value (Alpha needs it below 65; Beta needs it at 65 or above).",
		"Within the minimal winning coalition {Alpha, Beta}, the red lines of Alpha and Beta on P contradict each other: one of them must cross its own. Weighting by capability is a modelling choice with a value judgement in it: a weaker party's concession counts for less. Each way out, with its cost weighted by the actor's capability share among the coalition's members (its share × the crossing, in % of the issue's scale), and unweighted:",
		"Alpha crosses its red line (P below 65) to accept it at 65 or below (the very value it excluded); its utility falls by 0.150 (on 0–1) from P at 50.0, the last option it allowed, to 65.0, and it no longer refuses “65: line”. Weighted cost 5.0% of scale (capability share 0.33 × 15.0% crossed; 0.0500 utility); unweighted, 15.0% of scale.",
		"Beta crosses its red line (P at 65 or above) to accept it at 50 or above (moves 15.0 points); its utility falls by 0.150 (on 0–1) from P at 65.0, its red line's edge, to 50.0, and it no longer refuses “50: half”. Weighted cost 10.0% of scale (capability share 0.67 × 15.0% crossed; 0.1000 utility); unweighted, 15.0% of scale.",
		"Both plans below take Alpha's way out: its weighted cost is the least (5.0% of scale; Beta's 10.0); unweighted, Alpha's way out crosses 15.0% of scale, Beta's 15.0.",
		"of the 2 coalitions' plans, the cheapest lowering of alternatives opens the zone of {Alpha, Beta}",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestDealSearchCloseCall: on testdata/closecall.yaml the plans take
// Beta's way out at 2.9% of scale against Alpha's 3.3 (shares 35/120
// and 40/120 of a 10 % crossing each; ask's TestCloseCall derives it),
// and the command line says after the choice that it is a close call,
// which inputs are assumed, and what Alpha's way out would open. It had
// said only "its weighted cost is the least".
func TestDealSearchCloseCall(t *testing.T) {
	out, errOut, code := run(t, "deal", "search", "testdata/closecall.yaml", "--batna", "none", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	text := regexp.MustCompile(`\n +`).ReplaceAllString(out, " ")
	want := "Both plans below take Beta's way out: its weighted cost is the least (2.9% of scale; Alpha's 3.3); unweighted, Alpha's way out crosses 10.0% of scale, Beta's 10.0.\n" +
		"A close call: Alpha's way out has a weighted cost of 3.3% of scale, 1.14 times Beta's 2.9 (within 1.25 times: capabilities a tenth off, one up and one down, would reverse it); " +
		"within the stated capability ranges it could cost no more. The choice rests on assumed inputs (no quote): Alpha's red line on P and Beta's capability. " +
		"Taking Alpha's way out instead (P fixed at 60.0: deal search's fix, --fix p=60) opens P 60.0, at 0.0333 utility given up and 3.3% of scale crossed, weighted by capability.\n"
	if !strings.Contains(text, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}
