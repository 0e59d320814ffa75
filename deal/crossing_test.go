package deal

import (
	"strings"
	"testing"

	"parley/model"
	"parley/scenario"
)

// TestReferenceDecidesAcceptance: A wants (0, 0), B (100, 100), equal
// saliences, and the package (40, 70). By equation (1), U_A = 1 − (0.4 +
// 0.7)/2 = 0.45 and U_B = 1 − (0.6 + 0.3)/2 = 0.55. With no alternative
// stated both accept. With the reference (20, 20) as the no-deal package,
// A's alternative is 1 − (0.2 + 0.2)/2 = 0.8 > 0.45: A rejects; B's is
// 1 − (0.8 + 0.8)/2 = 0.2 < 0.55: B still accepts.
func TestReferenceDecidesAcceptance(t *testing.T) {
	p := problem([]float64{1, 1}, [][]float64{{0, 0}, {100, 100}}, [][]float64{{1, 1}, {1, 1}})
	for k := range p.Issues {
		p.Issues[k].Reference, p.Issues[k].HasReference = 20, true
	}
	pkg := []float64{40, 70}
	ev, err := Evaluate(&Input{Problem: p}, pkg, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !ev.Accepted || !near(ev.Actors[0].Utility, 0.45, 1e-12) || !near(ev.Actors[1].Utility, 0.55, 1e-12) {
		t.Fatalf("without a reference: %+v, want both accept at 0.45 and 0.55", ev.Actors)
	}
	ev, err = Evaluate(&Input{Problem: p, NoDeal: References(p), NoDealFrom: "reference"}, pkg, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := ev.Actors[0], ev.Actors[1]
	if a.Accepts || !near(a.Alternative, 0.8, 1e-12) || !near(a.Gain, -0.35, 1e-12) || a.AlternativeFrom != "no deal (reference)" {
		t.Errorf("A with the reference: %+v, want rejects, alternative 0.8 from the reference, gain −0.35", a)
	}
	if !b.Accepts || !near(b.Alternative, 0.2, 1e-12) || !near(b.Gain, 0.35, 1e-12) {
		t.Errorf("B with the reference: %+v, want accepts, alternative 0.2, gain 0.35", b)
	}
	if ev.Accepted || len(ev.Blockers) != 1 || ev.Blockers[0] != "a" {
		t.Errorf("accepted %v blockers %v, want blocked by a", ev.Accepted, ev.Blockers)
	}
}

// TestStrictRedLineFlipCosted: one issue labelled at 0, 50, 65 and 100;
// A (capability 1, at 20) keeps p < 65, B (capability 2, at 100) wants
// p ≥ 65. Every value crosses one red line. By equation (9) A's strict
// line is costed from its last allowed option 50: crossing to 65 costs
// (1/3)·0.15 = 0.05; B's crossing to 50 costs (2/3)·0.15 = 0.1. So A
// crosses: "< 65" becomes "<= 65", A gives up |0.65 − 0.2| − |0.5 − 0.2|
// = 0.15 utility and accepts the option at 65. Equation (7)'s cost is
// that crossing, 0.05 (no actor falls below an alternative of 0);
// equation (8)'s is 100·0.05 = 5% of the scale.
func TestStrictRedLineFlipCosted(t *testing.T) {
	p := problem([]float64{1, 2}, [][]float64{{20}, {100}}, [][]float64{{1}, {1}})
	p.Issues[0].Anchors = []model.Anchor{{Value: 0, Label: "none"}, {Value: 50, Label: "half"}, {Value: 65, Label: "Donetsk and Luhansk"}, {Value: 100, Label: "all"}}
	in := &Input{Problem: p, RedLines: []map[int]scenario.RedLine{{0: redLine(t, "< 65")}, {0: redLine(t, ">= 65")}}}
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Open || !strings.Contains(res.Summary, "a needs it below 65; b needs it at 65 or above") {
		t.Fatalf("open %v summary %q, want closed by a < 65 and b >= 65", res.Open, res.Summary)
	}
	for name, c := range map[string]struct {
		pl   *ConcessionPlan
		cost float64
	}{"lower": {res.Concession.LowerAlternatives, 0.05}, "bend": {res.Concession.BendRedLines, 5}} {
		pl := c.pl
		if pl == nil || len(pl.Bends) != 1 {
			t.Fatalf("%s: plan %+v, want one bend", name, pl)
		}
		b := pl.Bends[0]
		if !near(pl.Package.Values[0], 65, 1e-6) || b.Actor != "a" || b.RedLine != "< 65" || b.To != "<= 65" || !b.Strict || b.From != 50 ||
			!near(b.UtilityLost, 0.15, 1e-9) || len(b.Options) != 1 || b.Options[0] != "65: Donetsk and Luhansk" {
			t.Errorf("%s: package %v bend %+v, want a's < 65 to <= 65 from 50, 0.15 utility, option 65", name, pl.Package.Values, b)
		}
		if !near(pl.Cost, c.cost, 1e-6) {
			t.Errorf("%s: cost %v, want %v", name, pl.Cost, c.cost)
		}
		if pl.Package.Options[0] != "65: Donetsk and Luhansk" {
			t.Errorf("%s: package options %v, want the label at 65", name, pl.Package.Options)
		}
	}
}

// TestSummaryShortfall: one issue, A at 0 and B at 100, both reserving
// 0.7: the best package (50) leaves each 0.2 short, and the summary says
// so in words.
func TestSummaryShortfall(t *testing.T) {
	in := &Input{Problem: problem([]float64{1, 1}, [][]float64{{0}, {100}}, [][]float64{{1}, {1}}), Reservation: []float64{0.7, 0.7}}
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Open || !strings.Contains(res.Summary, "leaves a by 0.200, b by 0.200 short") {
		t.Errorf("summary %q", res.Summary)
	}
}
