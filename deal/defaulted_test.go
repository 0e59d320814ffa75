package deal

import (
	"math"
	"slices"
	"strings"
	"testing"

	"parley/scenario"
)

// The sentences every door says a default decided with
// (summary.go: NoAlternative), written out by hand.
const (
	bStates   = "states no alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so its is 0, below every package: it accepts any package that crosses none of its red lines"
	allRules  = "Decided by a default: no coalition member states an alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so each one's is 0, below every package, and the zone is every package that crosses none of their red lines."
	inPartReq = "Decided in part by a default: b (1 of 3 required actors) " + bStates + "."
	inPartCo  = "Decided in part by a default: b (1 of 3 coalition members) " + bStates + "."
)

// partDefaulted is qmvCase with b's reservation unstated: b's
// alternative is the default 0 and, as U_b = 1 − x/100 ≥ 0 on 0–100, it
// accepts every package (it states no red line).
func partDefaulted(rules ...Rule) *Input {
	in := qmvCase(rules...)
	in.Reservation[1] = math.NaN()
	return in
}

// TestSearchDefaultedInPart: with every actor required and no rule, a
// accepts [10, 50] and c [40, 80], so the zone is [40, 50]; the balanced
// package is 45, where g_a = 0.5 − 0.45 = g_c = 0.45 − 0.4 = 0.05 (g_b =
// 0.55). Only b of the three states no alternative: the headline's
// sentence is the plain one, and the note follows it.
func TestSearchDefaultedInPart(t *testing.T) {
	res, err := Search(partDefaulted(), Options{Samples: -1, Frontier: -1})
	if err != nil {
		t.Fatal(err)
	}
	const head = "Agreement is possible: some package gives every required actor at least its alternative and crosses none of their red lines (at best, the actor worst served gains 0.050)."
	if !res.Open || !slices.Equal(res.Defaulted, []string{"b"}) || res.DefaultNote != inPartReq || res.Summary != head+" "+inPartReq {
		t.Errorf("open %v, defaulted %v\nnote    %q\nsummary %q\nwant note %q", res.Open, res.Defaulted, res.DefaultNote, res.Summary, inPartReq)
	}
}

// TestSearchDefaultedRules: under qmv3 the minimal winning coalitions
// are {a, b} and {a, c}; their members are a, b and c, of whom only b
// states no alternative. {a, b}'s zone is a's [10, 50] (b accepts any),
// best at x = 30 where g_a = 0.2 and g_b = 0.7, so the margin, the
// larger of 0.2 and {a, c}'s 0.05, is 0.200. With no reservation stated
// at all, every member's alternative is the default: the whole sentence.
func TestSearchDefaultedRules(t *testing.T) {
	res, err := Search(partDefaulted(qmv3), Options{Samples: -1, Frontier: -1})
	if err != nil {
		t.Fatal(err)
	}
	const head = "Agreement is possible under the decision rules (veto: a): in 2 of the 2 minimal winning coalitions the members can all accept some package (e.g. {a, b}), and every such package passes the rules (at best, the worst-served member of a coalition gains 0.200)."
	if !res.Open || !slices.Equal(res.Defaulted, []string{"b"}) || res.DefaultNote != inPartCo || res.Summary != head+" "+inPartCo {
		t.Errorf("in part: open %v, defaulted %v\nnote    %q\nsummary %q\nwant    %q", res.Open, res.Defaulted, res.DefaultNote, res.Summary, head+" "+inPartCo)
	}
	in := qmvCase(qmv3)
	in.Reservation = nil
	all, err := Search(in, Options{Samples: -1, Frontier: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !all.Open || !slices.Equal(all.Defaulted, []string{"a", "b", "c"}) || all.DefaultNote != allRules || !strings.HasSuffix(all.Summary, " "+allRules) {
		t.Errorf("all: open %v, defaulted %v\nnote    %q\nsummary %q", all.Open, all.Defaulted, all.DefaultNote, all.Summary)
	}
}

// TestEvaluateDefaulted: at 45, U_a = U_c = 0.85 ≥ 0.8 and U_b = 0.55 ≥
// 0: all accept, b only by its default. A red line of b's that 45
// crosses makes b block, and then no default decides anything. A
// proposal judges the same.
func TestEvaluateDefaulted(t *testing.T) {
	const note = "Decided by a default: b " + bStates + "."
	in := partDefaulted()
	ev, err := Evaluate(in, []float64{45}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var flags []bool
	for _, v := range ev.Actors {
		flags = append(flags, v.Defaulted)
	}
	if !ev.Accepted || !slices.Equal(flags, []bool{false, true, false}) || !slices.Equal(ev.Defaulted, []string{"b"}) || ev.DefaultNote != note || !near(ev.Actors[1].Gain, 0.55, 1e-12) {
		t.Errorf("accepted %v, verdicts' defaulted %v, defaulted %v, note %q", ev.Accepted, flags, ev.Defaulted, ev.DefaultNote)
	}
	pe, err := EvaluateProposal(in, map[string]float64{"i1": 45}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !pe.Actors[1].Defaulted || !slices.Equal(pe.Defaulted, []string{"b"}) || pe.DefaultNote != note {
		t.Errorf("proposal: b defaulted %v, defaulted %v, note %q", pe.Actors[1].Defaulted, pe.Defaulted, pe.DefaultNote)
	}
	in.RedLines = make([]map[int]scenario.RedLine, 3)
	in.RedLines[1] = map[int]scenario.RedLine{0: redLine(t, "<= 40")}
	ev, err = Evaluate(in, []float64{45}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ev.Accepted || ev.Actors[1].Accepts || ev.Actors[1].Defaulted || ev.Defaulted != nil || ev.DefaultNote != "" {
		t.Errorf("b's red line crossed: accepted %v, b accepts %v defaulted %v, defaulted %v, note %q", ev.Accepted, ev.Actors[1].Accepts, ev.Actors[1].Defaulted, ev.Defaulted, ev.DefaultNote)
	}
}

// TestSearchDefaultedOnlyInClosedCoalition: under qmv3 the coalitions
// are {a, b} and {a, c}. c states no alternative (the default 0) but a
// red line x ≥ 60, while a accepts only [10, 50] (U_a = 1 − |x − 30|/100
// ≥ 0.8): {a, c} is closed. {a, b} is open on [10, 25] (U_b = 1 − x/100
// ≥ 0.75), and its members state their alternatives, so no default
// decides the zone: c, a member of the closed coalition only, is not
// named (the read-through of the seventeenth session found it named).
func TestSearchDefaultedOnlyInClosedCoalition(t *testing.T) {
	in := qmvCase(qmv3)
	in.Reservation[2] = math.NaN()
	in.RedLines = make([]map[int]scenario.RedLine, 3)
	in.RedLines[2] = map[int]scenario.RedLine{0: redLine(t, ">= 60")}
	res, err := Search(in, Options{Samples: -1, Frontier: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Open || res.Defaulted != nil || res.DefaultNote != "" || strings.Contains(res.Summary, "default") {
		t.Errorf("open %v, defaulted %v, note %q\nsummary %q", res.Open, res.Defaulted, res.DefaultNote, res.Summary)
	}
}
