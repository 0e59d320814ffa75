package ask

import (
	"testing"

	"parley/answer"
)

// TestSharesTextPlainFirst: where the variance shares sum well above the
// 1 the true shares sum to at most, the line under a tornado opens with
// what to do, in plain words, before the statistics (the page's reader
// met "the shares sum to 2.80, above the 1 the true shares sum to at
// most …" and nothing to act on). The draws asked for are hand-derived:
// the excess 1.80 is the estimates' bias, shrinking as 1/draws, so
// bringing it to 0.1 takes 200 × 1.80/0.1 = 3,600 draws.
func TestSharesTextPlainFirst(t *testing.T) {
	is := answer.SensitivityIssue{VarShareSum: 2.80, VarShareRawSum: 1.35, VarShareRawSumInterval: [2]float64{-0.97, 3.80}}
	want := "With 200 draws these shares are too noisy to rank the inputs: raise the draws to 3,600. " +
		"Var. share: the share of the forecast's variance each input explains alone, estimated from 200 draws, with its 95% interval (bootstrap, 200 resamples); " +
		"the shares sum to 2.80, above the 1 the true shares sum to at most: each estimate is 0 or more, never less, so the sampling errors of inputs of little effect add up; estimates not held at 0 sum to 1.35 (-0.97 to 3.80)"
	if got := SharesText(is, 200, 200); got != want {
		t.Errorf("SharesText:\n got %q\nwant %q", got, want)
	}
	// Within 0.1 of 1 the line is the statistics alone.
	is = answer.SensitivityIssue{VarShareSum: 1.05, VarShareRawSum: 0.98, VarShareRawSumInterval: [2]float64{0.90, 1.06}}
	want = "Var. share: the share of the forecast's variance each input explains alone, estimated from 2,000 draws, with its 95% interval (bootstrap, 200 resamples); " +
		"the shares sum to 1.05, above the 1 the true shares sum to at most: each estimate is 0 or more, never less, so the sampling errors of inputs of little effect add up; estimates not held at 0 sum to 0.98 (0.90–1.06)"
	if got := SharesText(is, 2000, 200); got != want {
		t.Errorf("SharesText within 0.1 of 1:\n got %q\nwant %q", got, want)
	}
	for _, c := range []struct {
		sum         float64
		draws, want int
	}{
		{2.80, 200, 3_600},        // 200 × 18
		{1.35, 2000, 7_000},       // 2,000 × 3.5
		{1.31, 2000, 6_200},       // 2,000 × 3.1: the built-in case's ceasefire
		{1.10, 2000, 2000},        // within the slack: as it is
		{0.70, 2000, 2000},        // below 1: as it is
		{50, 200, 98_000},         // 200 × 490
		{1.5, 300_000, 1_000_000}, // 300,000 × 5 = 1,500,000: answer.MaxDraws
	} {
		if got := SharesDraws(c.sum, c.draws); got != c.want {
			t.Errorf("SharesDraws(%v, %d) = %d, want %d", c.sum, c.draws, got, c.want)
		}
	}
}
