package ask

import (
	"strings"
	"testing"

	"parley/answer"
)

// The words of a contradiction's ways out in the cases the built-in case
// does not reach: the plans taking different sides, a tie, no side
// alone; and a plan head with actors short of their alternatives.
func TestSidesWords(t *testing.T) {
	name := strings.ToUpper
	a := answer.DealSide{Actor: "a", Share: 1.0 / 3, Cost: 5, UtilityCost: 0.05}
	b := answer.DealSide{Actor: "b", Share: 2.0 / 3, Cost: 10, UtilityCost: 0.1}
	with := func(sd answer.DealSide, plans ...string) answer.DealSide { sd.Plans = plans; return sd }
	for _, c := range []struct{ got, want string }{
		{SidesChoice(answer.DealContradiction{Sides: []answer.DealSide{with(a, PlanLower, PlanBend), b}}, name),
			"Both plans below take A's way out: its weighted cost is the least (5.0% of scale; B's 10.0); unweighted, A's way out crosses 15.0% of scale, B's 15.0."},
		{SidesChoice(answer.DealContradiction{Sides: []answer.DealSide{with(a, PlanLower), with(b, PlanBend)}}, name),
			"The plan that lowers alternatives takes A's way out: its weighted cost is the least (5.0% of scale; B's 10.0); unweighted, A's way out crosses 15.0% of scale, B's 15.0. The plan that bends red lines takes B's: weighed with the rest of the package it costs least, though its own crossing does not (10.0% of scale; A's 5.0); unweighted, A's way out crosses 15.0% of scale, B's 15.0."},
		{SidesChoice(answer.DealContradiction{Sides: []answer.DealSide{with(a, PlanLower, PlanBend), {Actor: "b", Share: 1.0 / 3, Cost: 5}}}, name),
			"Both plans below take A's way out: it and B's cost the same (5.0% of scale), and the rest of the package settled it."},
		{SidesChoice(answer.DealContradiction{Sides: []answer.DealSide{a, b}}, name),
			"Neither plan takes one way out alone: each crosses more than one actor's red lines on the issue."},
		{SideCostText(a), "Weighted cost 5.0% of scale (capability share 0.33 × 15.0% crossed; 0.0500 utility); unweighted, 15.0% of scale"},
		{PlanHead(true, false, 0, []string{"Alpha"}), "Plan 1, lower alternatives where needed: red lines are kept; Alpha accepts less than its alternative"},
		{PlanHead(true, true, 0, []string{"Alpha", "Beta"}), "Plan 1, lower alternatives where needed: red lines are kept, but for the way out above; Alpha and Beta accept less than their alternatives"},
		{PlanHead(true, true, 1, nil), "Plan 1, lower alternatives where needed: 1 red line crossed (the way out above), the others kept; none needs lowering: no actor accepts less than its alternative"},
		{PlanHead(true, false, 2, []string{"Alpha"}), "Plan 1, lower alternatives where needed: 2 red lines crossed, the others kept; Alpha accepts less than its alternative"},
		{PlanCostsLine(false, &answer.DealPlan{Cost: 2.4194, ScaleCost: 2.4194, UtilityCost: 0.00412}), "cost, weighted by capability: 2.4% of scale crossed (the least this plan reaches), 0.0041 utility given up"},
		{SolverLine(2, "model:compromise", 1, 7, 1.94e-7, []float64{8.3e-9}), `solver: utility falls more than in proportion to distance (ρ = 2); alternatives from the no-deal package, compromise's forecast; 1 solve, 7 Newton steps; each solve certified within 1.9e-07 of its optimum (the largest certificate gap, on scales normalised to 0–1); the plans' costs within 8.3e-09 of their least, each in its unit`},
		// the no-deal package in words, not the setting quoted
		// (`the no-deal package "model:smp"`)
		{NoDealPackageText("model:smp"), "the no-deal package, smp's forecast"},
		{NoDealPackageText("reference"), "the no-deal package, the reference points (status quo)"},
		{NoDealPackageText("none"), "no no-deal package (each actor's reservation only)"},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
}
