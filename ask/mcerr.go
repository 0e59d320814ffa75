package ask

import (
	"fmt"
	"math"
	"strconv"

	"parley/answer"
	"parley/mcerr"
)

// ProbabilityText writes a probability estimated from draws with its
// interval (mcerr.Wilson, at mcerr.Level), as every door writes a deal's
// robust probabilities and a sweep's option shares (P(nearest), P(≥ at),
// the brief's option column): three decimals each, "0.000 (0.000–0.008)".
// IntervalLegend says once what the parentheses are. The page writes it
// by the same rule (probabilityText in web/src/main.ts).
func ProbabilityText(p float64, iv [2]float64) string {
	return fmt.Sprintf("%s (%s)", fixed(p, 3), RangeJoin(fixed(iv[0], 3), fixed(iv[1], 3)))
}

// IntervalLegend is the line a door gives before probabilities written
// by ProbabilityText, for draws of them: what the parentheses hold.
func IntervalLegend(draws int) string {
	return fmt.Sprintf("each probability is a share of %s draws; in parentheses, its %s interval (Wilson's score interval)", Grouped(draws), LevelText)
}

// LevelText is mcerr.Level in words, "95%": the level of every interval
// of an estimate from draws (Wilson's, and the bootstrap's percentile).
var LevelText = strconv.FormatFloat(100*mcerr.Level, 'f', -1, 64) + "%"

// ChanceInterval writes an interval of a probability in whole percent, as
// Chance writes a chance: "49–63%".
func ChanceInterval(iv [2]float64) string {
	return RangeJoin(strconv.FormatFloat(100*iv[0], 'f', 0, 64), strconv.FormatFloat(100*iv[1], 'f', 0, 64)) + "%"
}

// ShareText writes a variance share with its interval (sweep.Swing's
// VarShare and VarShareInterval), two decimals each, as every door
// writes it: "0.96 (0.93–0.98)". The page writes it by the same rule
// (shareText in web/src/main.ts).
func ShareText(x float64, iv [2]float64) string {
	return fmt.Sprintf("%s (%s)", fixed(x, 2), RangeJoin(fixed(iv[0], 2), fixed(iv[1], 2)))
}

// SharesText is the line each door gives under an issue's tornado: the
// variance shares are estimates from the draws, with 95% bootstrap
// intervals, and what they sum to; where that reads above 1 (the true
// shares of independent inputs sum to at most 1), why: each estimate is
// held at 0 or more, so the errors of inputs of little effect add up,
// and the estimates not held at 0 sum to (sweep's VarShareRawSum, with
// its interval). Where the sum is more than SharesSlack above 1 the line
// opens with what a reader should do, in plain words: the shares are too
// noisy to rank the inputs, and the draws that would bring the sum
// within SharesSlack of 1 (SharesDraws).
func SharesText(is answer.SensitivityIssue, draws, resamples int) string {
	s := fmt.Sprintf("Var. share: the share of the forecast's variance each input explains alone, estimated from %s draws, with its %s interval (bootstrap, %s resamples); the shares sum to %s",
		Grouped(draws), LevelText, Grouped(resamples), fixed(is.VarShareSum, 2))
	if is.VarShareSum > 1 && fixed(is.VarShareSum, 2) != "1.00" {
		s += fmt.Sprintf(", above the 1 the true shares sum to at most: each estimate is 0 or more, never less, so the sampling errors of inputs of little effect add up; estimates not held at 0 sum to %s",
			ShareText(is.VarShareRawSum, is.VarShareRawSumInterval))
	}
	if n := SharesDraws(is.VarShareSum, draws); n > draws {
		return fmt.Sprintf("With %s draws these shares are too noisy to rank the inputs: raise the draws to %s. %s", Grouped(draws), Grouped(n), s)
	}
	return s
}

// SharesSlack is how far above 1 the variance shares' sum may read before
// SharesText tells the reader to raise the draws.
const SharesSlack = 0.1

// SharesDraws is the draws that would bring shares summing to sum, from
// draws draws, within SharesSlack of 1: the excess over 1 is the inputs'
// estimates' upward bias (each is 0 or more, so the errors of inputs of
// little effect add up), which shrinks as 1/draws, so the draws grow by
// excess/SharesSlack; rounded up to two significant digits, at most
// answer.MaxDraws. Measured on the built-in case (compromise, every
// issue): the sums were 1.16–1.31 at 2,000 draws, 1.12–1.15 at 4,000,
// 1.02–1.07 at 8,000 and 1.01–1.04 at 19,000 — halving as the draws
// double, not shrinking by √2. It is draws where the sum is within
// SharesSlack of 1 already (or is not a number).
func SharesDraws(sum float64, draws int) int {
	// The excess as the line writes the sum, two decimals: 1.10 is
	// within the slack, not 0.1000000000000001 above 1, and 1.31 asks
	// for 3.1 times the draws, not 3.1000000000000005.
	excess := math.Round(100*(sum-1)) / 100
	if !(excess > SharesSlack) || draws <= 0 {
		return draws
	}
	n := float64(draws) * excess / SharesSlack
	if n >= answer.MaxDraws {
		return answer.MaxDraws
	}
	unit := math.Pow(10, math.Floor(math.Log10(n))-1)
	// up to the unit, past the last bits of the division
	return min(answer.MaxDraws, int(math.Ceil(n/unit-1e-9)*unit))
}
