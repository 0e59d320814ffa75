package ask

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"parley/answer"
	"parley/mcerr"
	"parley/nouns"
)

// ProbabilityText writes a probability estimated from draws with its
// interval (mcerr.Wilson, at mcerr.Level), as every door writes a deal's
// robust probabilities and a sweep's option shares (P(nearest), P(≥ at),
// the brief's option column) in a table's cell: in percent, as Chance
// writes a chance and ChanceInterval its interval, "74% (71–77%)",
// "0% (0–0.8%)" — not "0.740 (0.712–0.766)" beside another answer's "26%
// chance", one share of draws written two ways. IntervalLegend says once
// what the parentheses are. The answers carry it (a band's PText and
// PAtLeastText, a robust analysis's ZoneText, AcceptedText and
// AcceptsText: sweepTexts, robustTexts), which every door prints; a
// sentence writes the share by DrawsShareText.
func ProbabilityText(p float64, iv [2]float64) string {
	return Chance(p) + " (" + ChanceInterval(iv) + ")"
}

// DrawsShareText writes a share of draws in a sentence, by
// ProbabilityText's rule with what it is a share of before the
// interval: "74% of draws (71–77%)", of "draws"; "40% of draws each
// (37–43%)" on a tie, of "draws each".
func DrawsShareText(p float64, iv [2]float64, of string) string {
	return Chance(p) + " of " + of + " (" + ChanceInterval(iv) + ")"
}

// IntervalLegend is the line a door gives before probabilities written
// by ProbabilityText, for draws of them: what the parentheses hold.
func IntervalLegend(draws int) string {
	return fmt.Sprintf("each probability is a share of %s draws; in parentheses, its %s interval (Wilson's score interval)", Grouped(draws), LevelText)
}

// LevelText is mcerr.Level in words, "95%": the level of every interval
// of an estimate from draws (Wilson's, and the bootstrap's percentile).
var LevelText = strconv.FormatFloat(100*mcerr.Level, 'f', -1, 64) + "%"

// ChanceInterval writes an interval of a probability as Chance writes a
// chance, each end by its rule: "49–63%", and an end that is not 0 never
// "0", one below 1 never "100": "84–99.6%", not "84–100%".
func ChanceInterval(iv [2]float64) string {
	return RangeJoin(strings.TrimSuffix(Chance(iv[0]), "%"), strings.TrimSuffix(Chance(iv[1]), "%")) + "%"
}

// ShareText writes a variance share with its interval (sweep.Swing's
// VarShare and VarShareInterval), two decimals each, as every door
// writes it: "0.96 (0.93–0.98)". A sensitivity answer carries it
// (SensitivitySwing.ShareText, sensitivityTexts).
func ShareText(x float64, iv [2]float64) string {
	return fmt.Sprintf("%s (%s)", fixed(x, 2), RangeJoin(fixed(iv[0], 2), fixed(iv[1], 2)))
}

// SharesText is the line each door gives under an issue's tornado (sc
// the answer's scenario, for the inputs' names): the variance shares
// are estimates from the draws, with 95% bootstrap intervals, and what
// they sum to; where that reads above 1 (the true shares of independent
// inputs sum to at most 1), why: each estimate is held at 0 or more, so
// the errors of inputs of little effect add up, and the estimates not
// held at 0 sum to (sweep's VarShareRawSum, with its interval). A sum
// above 1 says nothing of the order of the inputs: on the built-in case
// it was the clipped estimates of inputs of no effect, while the order
// was right (docs/DECISIONS.md, "Shares: judged by their order").
// Where the draws do not order the inputs — two shares' intervals
// overlap and one of them is wider than ShareOrderWidth
// (UnsettledShares) — the line opens with what a reader should do, in
// plain words: those inputs, by name, and the draws that narrow their
// intervals to ShareOrderWidth (OrderDraws), so that those still
// overlapping are about equal.
func SharesText(sc *answer.Scenario, is answer.SensitivityIssue, draws, resamples int) string {
	s := fmt.Sprintf("Var. share: the share of the forecast's variance each input explains alone, estimated from %s draws, with its %s interval (bootstrap, %s resamples); the shares sum to %s",
		Grouped(draws), LevelText, Grouped(resamples), fixed(is.VarShareSum, 2))
	if is.VarShareSum > 1 && fixed(is.VarShareSum, 2) != "1.00" {
		s += fmt.Sprintf(", above the 1 the true shares sum to at most: each estimate is 0 or more, never less, so the sampling errors of inputs of little effect add up; estimates not held at 0 sum to %s",
			ShareText(is.VarShareRawSum, is.VarShareRawSumInterval))
	}
	js, widest := UnsettledShares(is.Swings)
	if n := OrderDraws(widest, draws); len(js) > 0 && n > draws {
		names := make([]string, len(js))
		for i, j := range js {
			names[i] = SwingInput(sc, is.Issue, is.Swings[j])
		}
		return fmt.Sprintf("With %s draws these shares do not yet order %s: their intervals overlap and are wider than %s; raise the draws to %s to narrow each to %s, and those that still overlap are about equal. %s",
			Grouped(draws), nouns.AndMore(names, 3), fixed(ShareOrderWidth, 2), Grouped(n), fixed(ShareOrderWidth, 2), s)
	}
	return s
}

// SwingInput names a swing's input in issue's tornado, as the doors'
// tables name it (SwingWhat): its actor by name and what of it, with the
// other issue's name for an input on another issue ("United States ·
// position", "Russia · salience on Ukraine and NATO"); what of it as
// the swing carries it (WhatText, sensitivityTexts), written here for a
// swing that does not carry it yet (SharesText runs before the texts).
func SwingInput(sc *answer.Scenario, issue string, s answer.SensitivitySwing) string {
	what := s.WhatText
	if what == "" {
		what = swingWhat(sc, issue, s)
	}
	return sc.ActorName(s.Input.ActorID) + what
}

// ShareOrderWidth is how wide a variance share's interval may be, as the
// doors write it (two decimals), and still leave two overlapping shares
// "about equal" rather than not yet ordered (UnsettledShares). On the
// built-in case the widest interval was 0.05–0.08 at 2,000 draws,
// 0.04–0.06 at 4,000 and 0.03–0.04 at 8,000 (docs/DECISIONS.md, "Shares:
// judged by their order").
const ShareOrderWidth = 0.05

// UnsettledShares is the swings whose variance shares the draws do not
// order, by index into sw, by share (highest first; in sw's order at an
// equal share): those whose interval overlaps another's, one of the two
// wider than ShareOrderWidth, each interval as the doors write it (two
// decimals: ends that read the same overlap); and the widest of their
// intervals, as written (0 when none). A share not a number orders
// nothing and is left out.
func UnsettledShares(sw []answer.SensitivitySwing) (js []int, widest float64) {
	// each interval in whole hundredths, as written: no width of 0.05
	// reads 0.05000000000000002
	type iv struct{ j, lo, hi int }
	var ivs []iv
	for j, s := range sw {
		lo, hi := s.VarShareInterval[0], s.VarShareInterval[1]
		if math.IsNaN(s.VarShare) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) || math.IsNaN(hi) {
			continue
		}
		ivs = append(ivs, iv{j, int(math.Round(100 * lo)), int(math.Round(100 * hi))})
	}
	most := int(math.Round(100 * ShareOrderWidth))
	unsettled := make(map[int]bool)
	w := 0
	for a := range ivs {
		for b := a + 1; b < len(ivs); b++ {
			x, y := ivs[a], ivs[b]
			if x.lo > y.hi || y.lo > x.hi || max(x.hi-x.lo, y.hi-y.lo) <= most {
				continue
			}
			unsettled[x.j], unsettled[y.j] = true, true
			w = max(w, x.hi-x.lo, y.hi-y.lo)
		}
	}
	for j := range sw {
		if unsettled[j] {
			js = append(js, j)
		}
	}
	slices.SortStableFunc(js, func(a, b int) int { return cmp.Compare(sw[b].VarShare, sw[a].VarShare) })
	return js, float64(w) / 100
}

// OrderDraws is the draws that would narrow an interval of a variance
// share width wide, from draws draws, to ShareOrderWidth: an interval
// narrows as 1/√draws, so the draws grow by (width/ShareOrderWidth)²;
// rounded up to two significant digits, at most answer.MaxDraws.
// Measured on the built-in case (compromise, every issue, five seeds),
// the leading inputs' intervals were on average 0.125, 0.085, 0.059,
// 0.040, 0.027 and 0.019 wide at 500, 1,000, 2,000, 4,000, 8,000 and
// 16,000 draws: 0.68–0.70 of the width as the draws double, 1/√2 ≈
// 0.71. It is draws where width is ShareOrderWidth or less (or is not a
// number).
func OrderDraws(width float64, draws int) int {
	r := width / ShareOrderWidth
	if !(r > 1) || draws <= 0 {
		return draws
	}
	n := float64(draws) * r * r
	if n >= answer.MaxDraws {
		return answer.MaxDraws
	}
	unit := math.Pow(10, math.Floor(math.Log10(n))-1)
	// up to the unit, past the last bits of the division
	return min(answer.MaxDraws, int(math.Ceil(n/unit-1e-9)*unit))
}
