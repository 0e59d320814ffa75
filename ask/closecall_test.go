package ask

import (
	"context"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// closeSearch is the deal search (batna none) on text, a scenario
// named file.
func closeSearch(t *testing.T, file, text string) *answer.DealSearch {
	t.Helper()
	req := answer.NewDealSearchRequest()
	req.Batna = "none"
	a, err := DealSearch(context.Background(), loadCase(t, file, text), req)
	if err != nil {
		t.Fatal(err)
	}
	if a.Result.Concession == nil || len(a.Result.Concession.Contradictions) != 1 {
		t.Fatalf("%s: want one contradiction, got %+v", file, a.Result.Concession)
	}
	return a
}

// TestCloseCall: cli/testdata/closecall.yaml, Alpha (capability 40,
// stated 35–50) keeps P <= 50 and Beta (35, stated 25–40) keeps P >= 60,
// Gamma (45) none; shares 40/120 and 35/120. Each way out crosses 10%
// of the scale: Alpha's costs 100·(1/3)·0.1 = 3.33%, Beta's
// 100·(35/120)·0.1 = 2.92%, so the plans take Beta's, the runner-up
// costing 40/35 = 1.143 times as much: within CloseRatio (Margin). At
// Beta's 40 and Alpha's 35, the ends of their stated ranges, Beta's way
// out costs more (400 > 350): Flips. Alpha's red line and Beta's
// capability are assumed; Alpha's capability and Beta's red line are
// quoted. Fixing P at Alpha's value 60 takes Alpha's way out: P 60, at
// (1/3)·0.1 = 0.0333 utility (Alpha's utility 1 − |60 − 30|/100 = 0.7
// against 0.8 at its red line's edge 50) and 3.3% of scale. Before,
// the answer said only that Beta's cost was the least.
func TestCloseCall(t *testing.T) {
	data, err := os.ReadFile("../cli/testdata/closecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := closeSearch(t, "closecall.yaml", string(data))
	cc := a.Result.Concession.Contradictions[0].Close
	if cc == nil {
		t.Fatal("no close call")
	}
	if !slices.Equal(cc.Chosen, []string{"b"}) || !slices.Equal(cc.RunnerUp, []string{"a"}) || !cc.Margin || !cc.Flips ||
		math.Abs(cc.Ratio-40.0/35) > 1e-9 || math.Abs(cc.ChosenCost-100*35.0/120*0.1) > 1e-9 || math.Abs(cc.RunnerUpCost-100.0/3*0.1) > 1e-9 || cc.Value != 60 {
		t.Errorf("close call %+v", cc)
	}
	if want := []string{"Alpha's red line on P", "Beta's capability"}; !slices.Equal(cc.Assumed, want) {
		t.Errorf("assumed %q, want %q", cc.Assumed, want)
	}
	if cc.Plan == nil || len(cc.Plan.Package.Values) != 1 || math.Abs(cc.Plan.Package.Values[0]-60) > 1e-6 || math.Abs(cc.Plan.UtilityCost-0.1/3) > 1e-6 || math.Abs(cc.Plan.ScaleCost-10.0/3) > 1e-6 {
		t.Fatalf("runner-up's plan %+v", cc.Plan)
	}
	want := "A close call: Alpha's way out has a weighted cost of 3.3% of scale, 1.14 times Beta's 2.9 (within 1.25 times: capabilities a tenth off, one up and one down, would reverse it); " +
		"within the stated capability ranges it could cost no more. The choice rests on assumed inputs (no quote): Alpha's red line on P and Beta's capability. " +
		"Taking Alpha's way out instead (P fixed at 60.0: deal search's fix, --fix p=60) opens P 60.0, at 0.0333 utility given up and 3.3% of scale crossed, weighted by capability."
	if cc.Text != want {
		t.Errorf("text\n got %q\nwant %q", cc.Text, want)
	}
	// The brief says it after the way out it takes, in one sentence
	// (CloseCallBrief): 3.3/2.9 rounds to 1.14 (40/35 = 1.1428…).
	const brief = "A close call: Alpha's way out costs 1.14 times as much, but capabilities a tenth off, or within their stated ranges, would reverse it " +
		"and it rests on assumed inputs (Alpha's red line on P and Beta's capability); --fix p=60 searches it."
	req := answer.NewDealSearchRequest()
	req.Batna = "none"
	bd, err := briefSearch(context.Background(), loadCase(t, "closecall.yaml", string(data)), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(bd.WayOut, "Beta crosses") || bd.WayOutClose != brief {
		t.Errorf("brief: way out %q, close %q", bd.WayOut, bd.WayOutClose)
	}
}

// TestCloseCallEach: each reason alone, on closecall.yaml with Alpha's
// range 38–42 and its red line quoted, and Beta at 28: the shares 40/113
// and 28/113 make Alpha's way out cost 100·(40/113)·0.1 = 3.54% and
// Beta's 2.48%, a ratio of 40/28 = 1.43, past CloseRatio. With Beta's
// range 26–30 (30 < 38: the ranges cannot reverse it) and its capability
// quoted, there is no close call; with its range 26–40 (40 ≥ 38) the
// ranges flip it; with its capability assumed and no range, the close
// call names that input alone (1.43 < AssumedRatio); at 18, assumed,
// the ratio 40/18 = 2.22 is past AssumedRatio and there is none.
func TestCloseCallEach(t *testing.T) {
	data, err := os.ReadFile("../cli/testdata/closecall.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := strings.NewReplacer("capability: 40, capability_range: [35, 50]", "capability: 40, capability_range: [38, 42]",
		"red_line_assumed: {p: illustrative}", "red_line_evidence: {p: [{source: s1, date: 2025-01-01, quote: Alpha needs 50}]}").Replace(string(data))
	for _, c := range []struct {
		name, beta    string
		margin, flips bool
		assumed       []string
		none          bool
		textStart     string
	}{
		{"clear", "capability: 28, capability_range: [26, 30], capability_evidence: [{source: s1, date: 2025-01-01, quote: Beta is smaller}]", false, false, nil, true, ""},
		{"ranges", "capability: 28, capability_range: [26, 40], capability_evidence: [{source: s1, date: 2025-01-01, quote: Beta is smaller}]", false, true, nil, false,
			"A close call: Alpha's way out has a weighted cost of 3.5% of scale, 1.43 times Beta's 2.5; within the stated capability ranges it could cost no more. Taking"},
		{"assumed", "capability: 28, capability_assumed: illustrative", false, false, []string{"Beta's capability"}, false,
			"The runner-up, Alpha's way out, has a weighted cost of 3.5% of scale, 1.43 times Beta's 2.5. The choice rests on assumed inputs (no quote): Beta's capability. Taking"},
		{"assumed far", "capability: 18, capability_assumed: illustrative", false, false, nil, true, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Replace(base, "capability: 35, capability_range: [25, 40], capability_assumed: illustrative", c.beta, 1)
			a := closeSearch(t, "closecall.yaml", text)
			cc := a.Result.Concession.Contradictions[0].Close
			if c.none {
				if cc != nil {
					t.Fatalf("close call %+v, want none", cc)
				}
				return
			}
			if cc == nil {
				t.Fatal("no close call")
			}
			if cc.Margin != c.margin || cc.Flips != c.flips || !slices.Equal(cc.Assumed, c.assumed) || math.Abs(cc.Ratio-40.0/28) > 1e-9 {
				t.Errorf("close call %+v", cc)
			}
			if !strings.HasPrefix(cc.Text, c.textStart) {
				t.Errorf("text\n got %q\nwant %q…", cc.Text, c.textStart)
			}
		})
	}
}
