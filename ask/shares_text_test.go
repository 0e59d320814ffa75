package ask

import (
	"testing"

	"parley/answer"
	"parley/sweep"
)

// sharesCase is a scenario of three actors, named, for SharesText's
// lines: the inputs are named as the tornado's table names them.
var sharesCase = &answer.Scenario{Actors: []answer.Actor{{ID: "us", Name: "United States"}, {ID: "ru", Name: "Russia"}, {ID: "ua", Name: "Ukraine"}}}

// share is a swing of ceasefire's tornado: actor's position (or
// capability), its variance share x and interval lo–hi.
func share(actor string, kind sweep.Kind, x, lo, hi float64) answer.SensitivitySwing {
	in := sweep.Input{Kind: kind, ActorID: actor}
	if kind != sweep.Capability {
		in.IssueID = "ceasefire"
	}
	return answer.SensitivitySwing{Input: in, VarShare: x, VarShareInterval: [2]float64{lo, hi}}
}

// TestSharesTextClippedNullsNoAdvice: shares summing to 1.31, well above
// the 1 the true shares sum to at most, only because the estimates of
// inputs of no effect are held at 0 or more — the leading inputs'
// intervals are apart (0.57–0.63, 0.17–0.23), and those that overlap
// (0.00–0.02, 0.00–0.01) are narrower than 0.05, so the draws order the
// inputs, those two about equal. The line must not say the shares are
// too noisy to rank the inputs, nor ask for more draws: it says the sum
// and why it is above 1. (The rule it replaces judged by the sum alone
// and opened "With 2,000 draws these shares are too noisy to rank the
// inputs: raise the draws to 6,200.")
func TestSharesTextClippedNullsNoAdvice(t *testing.T) {
	is := answer.SensitivityIssue{Issue: "ceasefire", VarShareSum: 1.31, VarShareRawSum: 1.09, VarShareRawSumInterval: [2]float64{0.74, 1.55},
		Swings: []answer.SensitivitySwing{
			share("ru", sweep.Position, 0.20, 0.17, 0.23),
			share("us", sweep.Position, 0.60, 0.57, 0.63),
			share("ua", sweep.Capability, 0.00, 0.00, 0.01),
			share("ua", sweep.Position, 0.01, 0.00, 0.02),
		}}
	want := "Var. share: the share of the forecast's variance each input explains alone, estimated from 2,000 draws, with its 95% interval (bootstrap, 200 resamples); " +
		"the shares sum to 1.31, above the 1 the true shares sum to at most: each estimate is 0 or more, never less, so the sampling errors of inputs of little effect add up; estimates not held at 0 sum to 1.09 (0.74–1.55)"
	if got := SharesText(sharesCase, is, 2000, 200); got != want {
		t.Errorf("SharesText:\n got %q\nwant %q", got, want)
	}
}

// TestSharesTextOverlapAdvice: the three leading shares' intervals
// overlap (0.14–0.21, 0.12–0.18, 0.11–0.17) and each is wider than 0.05,
// so the draws do not order them, though the shares sum to 1.10, within
// the 0.1 the rule it replaces allowed (it said nothing). The line opens
// with that, naming them by share, and the draws that narrow the widest,
// 0.07, to 0.05: an interval narrows as 1/√draws, so 2,000 × (0.07/0.05)²
// = 3,920, rounded up to two significant digits, 4,000. Ukraine's
// capability (0.02, 0.01–0.05) overlaps none of them.
func TestSharesTextOverlapAdvice(t *testing.T) {
	is := answer.SensitivityIssue{Issue: "ceasefire", VarShareSum: 1.10, VarShareRawSum: 0.98, VarShareRawSumInterval: [2]float64{0.80, 1.16},
		Swings: []answer.SensitivitySwing{
			share("ru", sweep.Position, 0.15, 0.12, 0.18),
			share("ua", sweep.Capability, 0.02, 0.01, 0.05),
			share("us", sweep.Position, 0.18, 0.14, 0.21),
			share("ua", sweep.Position, 0.14, 0.11, 0.17),
		}}
	want := "With 2,000 draws these shares do not yet order United States · position, Russia · position and Ukraine · position: their intervals overlap and are wider than 0.05; " +
		"raise the draws to 4,000 to narrow each to 0.05, and those that still overlap are about equal. " +
		"Var. share: the share of the forecast's variance each input explains alone, estimated from 2,000 draws, with its 95% interval (bootstrap, 200 resamples); " +
		"the shares sum to 1.10, above the 1 the true shares sum to at most: each estimate is 0 or more, never less, so the sampling errors of inputs of little effect add up; estimates not held at 0 sum to 0.98 (0.80–1.16)"
	if got := SharesText(sharesCase, is, 2000, 200); got != want {
		t.Errorf("SharesText:\n got %q\nwant %q", got, want)
	}
}

// TestUnsettledShares: which inputs the draws do not order, as the line
// writes the intervals (two decimals), and the widest of their intervals.
func TestUnsettledShares(t *testing.T) {
	for _, c := range []struct {
		name   string
		swings []answer.SensitivitySwing
		want   []int // indices into swings, by share, highest first
		widest float64
	}{
		{"apart", []answer.SensitivitySwing{share("us", sweep.Position, 0.60, 0.50, 0.70), share("ru", sweep.Position, 0.20, 0.10, 0.30)}, nil, 0},
		{"overlap, both narrow: about equal", []answer.SensitivitySwing{share("us", sweep.Position, 0.30, 0.28, 0.33), share("ru", sweep.Position, 0.29, 0.27, 0.32)}, nil, 0},
		// 0.33 − 0.28 is 0.05 as written: not wider
		{"overlap, one wide", []answer.SensitivitySwing{share("us", sweep.Position, 0.30, 0.28, 0.33), share("ru", sweep.Position, 0.25, 0.20, 0.281)}, []int{0, 1}, 0.08},
		// ends that touch as written (0.284 and 0.28) overlap
		{"touching ends", []answer.SensitivitySwing{share("ru", sweep.Position, 0.20, 0.10, 0.284), share("us", sweep.Position, 0.30, 0.28, 0.31)}, []int{1, 0}, 0.18},
		// written to two decimals, 0.096–0.149 is 0.10–0.15, 0.05: narrow
		{"narrow as written", []answer.SensitivitySwing{share("us", sweep.Position, 0.12, 0.096, 0.149), share("ru", sweep.Position, 0.11, 0.09, 0.13)}, nil, 0},
		{"no swings", nil, nil, 0},
	} {
		got, widest := UnsettledShares(c.swings)
		if len(got) != len(c.want) || widest < c.widest-1e-9 || widest > c.widest+1e-9 {
			t.Errorf("%s: UnsettledShares = %v, %v; want %v, %v", c.name, got, widest, c.want, c.widest)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: UnsettledShares = %v; want %v", c.name, got, c.want)
				break
			}
		}
	}
}

// TestOrderDraws: the draws that narrow an interval of width w, from
// draws draws, to ShareOrderWidth (0.05): draws × (w/0.05)², rounded up
// to two significant digits, at most answer.MaxDraws.
func TestOrderDraws(t *testing.T) {
	for _, c := range []struct {
		width       float64
		draws, want int
	}{
		{0.07, 2000, 4_000},        // 2,000 × 1.96 = 3,920
		{0.076, 2000, 4_700},       // 2,000 × 2.3104 = 4,620.8
		{0.055, 4000, 4_900},       // 4,000 × 1.21 = 4,840
		{0.10, 200, 800},           // 200 × 4
		{0.05, 2000, 2000},         // narrow enough: as it is
		{0.03, 2000, 2000},         // narrower: as it is
		{0.50, 200_000, 1_000_000}, // 200,000 × 100: answer.MaxDraws
	} {
		if got := OrderDraws(c.width, c.draws); got != c.want {
			t.Errorf("OrderDraws(%v, %d) = %d, want %d", c.width, c.draws, got, c.want)
		}
	}
}
