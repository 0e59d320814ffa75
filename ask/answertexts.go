package ask

// The words an explanation, advice and the evidence coverage carry,
// written once here for every door: the command line prints them, the
// API returns them and the page shows them as they are (docs/DECISIONS.md,
// "texts24x"), as the deal answers carry theirs (dealtexts.go).

import (
	"cmp"

	"parley/answer"
)

// ExternalitiesHead heads the exchange model's externalities per actor
// (an explanation's ExternalitiesHeadText).
const ExternalitiesHead = "Externalities per actor, summed over the exchanges of every round (own: its gains; inner/outer: the other exchanges' effect on it; + toward it, − away)"

// explainTexts writes the words of an explanation: the exchange model's
// externalities head (ExternalitiesHead) and each issue's pulls
// head (PullsHead) and each pull and share of the weight as written
// (PullText with PullDecimals, WeightShareText with ShareDecimals, over
// the issue's pulls), in the issue's decimals.
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
	}
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

// leverTexts writes each lever's KindText (LeverKindText).
func leverTexts(ls []answer.Lever) {
	for i := range ls {
		ls[i].KindText = LeverKindText(ls[i].Kind)
	}
}

// coverageTexts writes the head of every row of each snapshot's
// evidence coverage (CoverageRowHead: an actor or issue by its name, else
// its id; CoverageOverall) and returns cov.
func coverageTexts(cov []answer.Coverage) []answer.Coverage {
	for i := range cov {
		c := &cov[i]
		for j := range c.Actors {
			a := &c.Actors[j]
			a.HeadText = CoverageRowHead("actor", cmp.Or(a.Name, a.ID))
		}
		for j := range c.Issues {
			is := &c.Issues[j]
			is.HeadText = CoverageRowHead("issue", cmp.Or(is.Name, is.ID))
		}
		c.Overall.HeadText = CoverageOverall
	}
	return cov
}
