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
	for i := range a.Issues {
		ia := &a.Issues[i]
		d := a.Scenario.IssueDecimals(ia.Issue)
		fc, dist := AdviseHeadNumbers(*ia, d, numD)
		ia.HeadText = AdviseIssueHead(&a.Scenario, ia.Name, fc, a.Name, numD(ia.Position, d), ia.Salience, dist)
		leverTexts(ia.Levers)
	}
	leverTexts(a.Top)
}

// leverTexts writes each lever's KindText (LeverKindText), CostText
// (LeverCost) and, with draws, HelpsText (Chance).
func leverTexts(ls []answer.Lever) {
	for i := range ls {
		ls[i].KindText = LeverKindText(ls[i].Kind)
		ls[i].CostText = LeverCost(float64(ls[i].Cost))
		if h := ls[i].Helps; h != nil {
			ls[i].HelpsText = Chance(*h)
		}
	}
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
// "0.4%", not "0%", of a share that is not 0) and returns cov.
func coverageTexts(cov []answer.Coverage) []answer.Coverage {
	for i := range cov {
		c := &cov[i]
		for j := range c.Actors {
			a := &c.Actors[j]
			a.HeadText, a.ShareText = CoverageRowHead("actor", cmp.Or(a.Name, a.ID)), Chance(a.Share)
		}
		for j := range c.Issues {
			is := &c.Issues[j]
			is.HeadText, is.ShareText = CoverageRowHead("issue", cmp.Or(is.Name, is.ID)), Chance(is.Share)
		}
		c.Overall.HeadText, c.Overall.ShareText = CoverageOverall, Chance(c.Overall.Share)
	}
	return cov
}
