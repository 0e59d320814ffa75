package ask

import (
	"encoding/json"
	"testing"

	"parley/answer"
	"parley/scenario"
)

// A close call whose chosen way out costs nothing (a crossing of 0, or
// an actor's share of 0) had Ratio +Inf: json.Marshal refused the
// answer ("unsupported value: +Inf") and the text read "+Inf times".
// Both costing nothing is a tie, ratio 1, a close call by its margin;
// the chosen costing nothing and the runner-up something is none.
func TestCloseCallZeroCost(t *testing.T) {
	c := &Case{Resolved: &scenario.Scenario{Actors: []scenario.Actor{{ID: "a", Capability: 1}, {ID: "b", Capability: 1}}}}
	ct := func(ruCost float64) answer.DealContradiction {
		return answer.DealContradiction{Issue: "p", Sides: []answer.DealSide{
			{Actor: "a", Value: 50, Share: 0.5, Cost: 0, Plans: []string{PlanLower}},
			{Actor: "b", Value: 60, Share: 0.5, Cost: ruCost},
		}}
	}
	cc := c.closeCall(ct(0))
	if cc == nil || cc.Ratio != 1 || !cc.Margin {
		t.Fatalf("both costing nothing: %+v, want ratio 1 and a margin", cc)
	}
	if _, err := json.Marshal(cc); err != nil {
		t.Errorf("marshal: %v", err)
	}
	if cc := c.closeCall(ct(5)); cc != nil {
		t.Errorf("chosen costing nothing, runner-up 5: %+v, want no close call", cc)
	}
}
