package ask

// The words an explanation, advice and the evidence coverage carry,
// written once here for every door: the command line prints them, the
// API returns them and the page shows them as they are (docs/DECISIONS.md,
// "texts24x"), as the deal answers carry theirs (dealtexts.go).

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"parley/answer"
)

// ExternalitiesHead heads the exchange model's externalities per actor
// (an explanation's ExternalitiesHeadText).
const ExternalitiesHead = "Externalities per actor, summed over the exchanges of every round (own: its gains; inner/outer: the other exchanges' effect on it; + toward it, − away)"

// explainTexts writes the words of an explanation: the exchange model's
// externalities head (ExternalitiesHead) and each issue's pulls
// head (PullsHead) and each pull and share of the weight as written
// (PullText with PullDecimals, WeightShareText with ShareDecimals, over
// the issue's pulls), in the issue's decimals; and smp's bargains' offers
// (OffersText), challengers' chances of winning (Chance) and expected
// gains (GainText), and its options' probabilities (Chance).
func explainTexts(x *answer.Explanation) {
	if len(x.Exchanges) > 0 {
		x.ExternalitiesHeadText = ExternalitiesHead
	}
	for i := range x.Issues {
		ie := &x.Issues[i]
		d := x.Scenario.IssueDecimals(ie.Issue)
		ie.PullsHeadText = PullsHead(x.Model, *ie, d)
		pd, sd := PullDecimals(x.Model, ie.Pulls, d), ShareDecimals(ie.Pulls)
		for j := range ie.Pulls {
			p := &ie.Pulls[j]
			p.PullText, p.ShareText = PullText(x.Model, p.Pull, pd), WeightShareText(p.Share, sd)
		}
		if se := ie.Snap; se != nil && len(se.Candidates) > 0 {
			se.CandidatesHeadText = SnapCandidatesHead(se, d)
		}
	}
	for i := range x.Turns {
		tu := &x.Turns[i]
		for j := range tu.Bargains {
			b := &tu.Bargains[j]
			b.OffersText, b.PhiText, b.GainText = OffersText(&x.Scenario, b.Offers), Chance(b.Phi), GainText(b.Gain)
		}
		for _, c := range tu.Choices {
			for k := range c.Options {
				c.Options[k].ProbabilityText = Chance(c.Options[k].Probability)
			}
		}
	}
}

// GainText writes an smp bargain's expected gain as every door shows it:
// to three significant figures, written plainly whatever its size
// ("0.312", "0.0000165"; "0" for none), where %.3g wrote "1.65e-05" and
// the page "0.0000165". NoNumber when it is not a number. A bargain
// carries it (answer.SMPBargain.GainText).
func GainText(x float64) string {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return NoNumber
	case x == 0:
		return "0"
	}
	return fixed(x, max(0, 2-decimalExponent(x, 3)))
}

// OffersText writes an smp bargain's offers as every door shows them:
// each issue by its name (docs/DECISIONS.md, names24), then the
// positions offered to the initiator and to the receiver in the issue's
// decimals, "Ceasefire 40.0/35.0; Territory 30.0/25.0". A bargain carries
// it (answer.SMPBargain.OffersText).
func OffersText(sc *answer.Scenario, offers []answer.BargainOffer) string {
	parts := make([]string, len(offers))
	for i, o := range offers {
		d := sc.IssueDecimals(o.Issue)
		parts[i] = sc.IssueName(o.Issue) + " " + numD(o.Initiator, d) + "/" + numD(o.Receiver, d)
	}
	return strings.Join(parts, "; ")
}

// SnapCandidatesHead heads snap's table of candidate outcomes on an
// issue of d decimals: what share of the distribution they hold, how
// each one's utility is made, what the rest of the distribution is and
// its intervals, each share as the explanation writes it
// (DiscreteText, ContinuousText). A snap explanation carries it
// (candidates_head_text), which every door prints over the table.
func SnapCandidatesHead(se *answer.SnapExplanation, d int) string {
	iv := func(i answer.Interval) string { return RangeJoin(Decimals(i.Lo, d), Decimals(i.Hi, d)) }
	return fmt.Sprintf("Candidate outcomes: %s of the distribution, by utility = distance term + the bonus of its kind (coefficients fitted on DEU train); the other %s is a Laplace density of scale %s around the point. 80%%: %s, 95%%: %s.",
		se.DiscreteText, se.ContinuousText, Decimals(se.Scale, d), iv(se.Interval80), iv(se.Interval95))
}

// adviceTexts writes the words of an actor's advice: the levers' columns
// (LeverColumns), each issue's head (AdviseIssueHead with
// AdviseHeadNumbers, in the issue's decimals) and each lever's kind
// (LeverKindText), the top levers' too.
func adviceTexts(a *answer.Advice) {
	a.LeverColumns = LeverColumns()
	decimals := map[string]int{}
	for i := range a.Issues {
		ia := &a.Issues[i]
		d := a.Scenario.IssueDecimals(ia.Issue)
		fc, dist := AdviseHeadNumbers(*ia, d, numD)
		ia.HeadText = AdviseIssueHead(&a.Scenario, ia.Name, fc, a.Name, numD(ia.Position, d), ia.Salience, dist)
		decimals[ia.Issue] = LeverDecimals(ia.Levers, d)
		leverTexts(ia.Levers, decimals)
	}
	for _, lv := range a.Top {
		if _, ok := decimals[lv.Issue]; !ok {
			decimals[lv.Issue] = LeverDecimals([]answer.Lever{lv}, a.Scenario.IssueDecimals(lv.Issue))
		}
	}
	leverTexts(a.Top, decimals)
}

// leverTexts writes each lever's KindText (LeverKindText), CostText
// (LeverCost), ShiftText and TowardText with its issue's decimals
// (decimals, by LeverDecimals) and, with draws, HelpsText (Chance).
func leverTexts(ls []answer.Lever, decimals map[string]int) {
	for i := range ls {
		ls[i].KindText = LeverKindText(ls[i].Kind)
		ls[i].CostText = LeverCost(float64(ls[i].Cost))
		e := decimals[ls[i].Issue]
		ls[i].ShiftText, ls[i].TowardText = Signed(float64(ls[i].Shift), e), Signed(float64(ls[i].Toward), e)
		if h := ls[i].Helps; h != nil {
			ls[i].HelpsText = Chance(*h)
		}
	}
}

// LeverDecimals is how many decimals the shifts and towards of an
// issue's levers are written with: one more than the issue's d, raised
// until none that is not zero reads as zero, every lever of the issue
// alike (raiseDecimals; one within floating-point noise of the largest
// is zero). A lever that moves the forecast by 0.0004 gained its actor
// utility beside a shift of "0.00" (the user's review); it now reads
// "+0.0004" (docs/DECISIONS.md, "minor25").
func LeverDecimals(ls []answer.Lever, d int) int {
	var sizes []float64
	top := 0.0
	for _, lv := range ls {
		for _, x := range []float64{float64(lv.Shift), float64(lv.Toward)} {
			if finite(x) {
				sizes = append(sizes, math.Abs(x))
				top = math.Max(top, math.Abs(x))
			}
		}
	}
	return raiseDecimals(sizes, 1, top, d+1)
}

// LeverCost is a lever's cost as every door writes it: 0 when it gives
// up nothing, else to four decimals, or to two significant digits (Go's
// %.2g, "3.2e-05") when four would write 0.0000; no number is NoNumber.
func LeverCost(x float64) string {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return NoNumber
	case x == 0:
		return "0"
	case math.Abs(x) < 0.00005:
		return strconv.FormatFloat(x, 'g', 2, 64)
	}
	return strconv.FormatFloat(x, 'f', 4, 64)
}

// coverageTexts writes the head of every row of each snapshot's
// evidence coverage (CoverageRowHead: an actor or issue by its name, else
// its id; CoverageOverall) and its share of the weight quoted (Chance:
// "0.4%", not "0%", of a share that is not 0), with its counts
// (CoverageCounts), and returns cov.
func coverageTexts(cov []answer.Coverage) []answer.Coverage {
	for i := range cov {
		c := &cov[i]
		for j := range c.Actors {
			a := &c.Actors[j]
			a.HeadText, a.ShareText, a.CountsText = CoverageRowHead("actor", cmp.Or(a.Name, a.ID)), Chance(a.Share), CoverageCounts(*a)
		}
		for j := range c.Issues {
			is := &c.Issues[j]
			is.HeadText, is.ShareText, is.CountsText = CoverageRowHead("issue", cmp.Or(is.Name, is.ID)), Chance(is.Share), CoverageCounts(*is)
		}
		c.Overall.HeadText, c.Overall.ShareText, c.Overall.CountsText = CoverageOverall, Chance(c.Overall.Share), CoverageCounts(c.Overall)
	}
	return cov
}

// CoverageCounts says what the quotes of a coverage row support, each
// number apart: "positions: 7 of 7 quoted (2 only by a quote shared
// with other actors); saliences: 0 of 7 quoted; capability: 1 of 1
// quoted" (the capability of an actor's row, the capabilities of the
// overall row, none of an issue's). A position resting only on a quote
// other actors' stances cite too is counted apart, since it is a
// reading shared across actors rather than the actor's own words.
func CoverageCounts(s answer.CoverageShare) string {
	out := fmt.Sprintf("positions: %d of %d quoted", s.Positions, s.Stances)
	if s.PositionsShared > 0 {
		out += fmt.Sprintf(" (%d only by a quote shared with other actors)", s.PositionsShared)
	}
	out += fmt.Sprintf("; saliences: %d of %d quoted", s.Saliences, s.Stances)
	if c := s.Capabilities; c != nil {
		what := "capabilities"
		if c.Actors == 1 {
			what = "capability"
		}
		out += fmt.Sprintf("; %s: %d of %d quoted", what, c.Quoted, c.Actors)
	}
	return out
}
