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
// |50 − 20| = 15 of 100, 0.150 utility, weighted by its share 1/3: 5.0 %
// of scale and 0.0500 utility; Beta accepts 50 (15 points below 65),
// giving up |50 − 100| − |65 − 100| = 0.150, share 2/3: 10.0 % and
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
		"The red lines of Alpha and Beta on P contradict each other: one of them must cross its own. Each way out, with its cost weighted by the actor's capability share (its share × the crossing, in % of the issue's scale):",
		"Alpha crosses its red line on P: < 65 becomes <= 65 (must accept the very value it excluded); it gives up 0.150 utility (from 50.0) and accepts “65: line”. Weighted cost 5.0 % of scale (capability share 0.33 × 15.0 % crossed; 0.0500 utility).",
		"Beta crosses its red line on P: >= 65 becomes >= 50 (moves 15.0 points); it gives up 0.150 utility (from 65.0) and accepts “50: half”. Weighted cost 10.0 % of scale (capability share 0.67 × 15.0 % crossed; 0.1000 utility).",
		"Both plans below take Alpha's way out: its weighted cost is the least (5.0 % of scale; Beta's 10.0).",
		"Plan 1, lower alternatives: red lines are kept, but for the way out above; no actor need accept less than its alternative",
		"cost, weighted by capability: 0.0500 utility given up (the least this plan reaches), 5.0 % of scale crossed",
		"Plan 2, bend red lines: every actor keeps its alternative; red lines are crossed as follows",
		"the same crossing as plan 1 (the rest of the package may differ)",
		"cost, weighted by capability: 5.0 % of scale crossed (the least this plan reaches), 0.0500 utility given up",
		`solver: utility falls in proportion to distance (ρ = 1); alternatives from the no-deal package "none";`,
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
