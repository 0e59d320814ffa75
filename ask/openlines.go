package ask

// The red lines a verdict does not check, said where it is given
// (docs/DECISIONS.md, "verdict25"): a proposal's verdict checks red
// lines only on the issues the proposal decides, and deal evaluate
// checks them on every issue, those the package does not name at the
// value its rest gives them. Each answer says so where that makes a
// difference, in words every door prints.

import (
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/nouns"
)

// lineCrossing is one actor's red line crossed on one issue, as the two
// sentences below list it.
type lineCrossing struct {
	actor string
	deal.Crossing
}

// crossingList writes crossings as "Egypt's red line Drought release
// (bcm/yr) >= 35 VERB at AT30.0 and Ethiopia's red line … at AT60.0"
// (verb after the first only), and how many issues they are on.
func crossingList(p *answer.Scenario, xs []lineCrossing, verb, at string) (string, int) {
	items := make([]string, len(xs))
	issues := map[string]bool{}
	for i, x := range xs {
		s := nouns.Possessive(p.ActorName(x.actor)) + " red line (" + redLineWords(p.IssueName(x.Issue), x.RedLine) + ") "
		if i == 0 {
			s += verb + " "
		}
		items[i] = s + "at " + at + numD(x.Value, p.IssueDecimals(x.Issue))
		issues[x.Issue] = true
	}
	return nouns.And(items), len(issues)
}

// OpenRedLinesText says which actors' red lines a proposal's open
// issues would cross at the value they are judged at, which its verdict
// does not check: "Egypt's red line (Drought release (bcm/yr) at 35 or
// above) would be crossed at the assumed 30.0 (no deal: reference), an issue this
// proposal leaves open: red lines there are not checked, so the verdict
// holds only if it is settled within that line." noDeal is the
// answer's no_deal, where the open issues took their value ("none":
// their reference points). "" where no such line would be crossed. The
// answer carries it (ProposalVerdicts.OpenRedLinesText).
func OpenRedLinesText(p *answer.Scenario, actors []answer.ProposalVerdict, noDeal string) string {
	var xs []lineCrossing
	for _, v := range actors {
		for _, x := range v.OpenCrossed {
			xs = append(xs, lineCrossing{v.Actor, x})
		}
	}
	if len(xs) == 0 {
		return ""
	}
	from := "no deal: " + noDeal
	if noDeal == "none" || noDeal == "" {
		from = "reference"
	}
	list, n := crossingList(p, xs, "would be crossed", "the assumed ")
	return list + " (" + from + "), " + oneOr(n, "an issue", "issues") + openLeavesOne +
		oneOr(n, "it", "they") + " " + nouns.Verb(n, "is") + " settled within " +
		oneOr(len(xs), "that", "those") + " " + nouns.For(len(xs), "line") + "."
}

// openLeavesOne is OpenRedLinesText's words on the one proposal it is
// said of; openLeavesMany the same of several proposals whose sentence
// is otherwise the same, said once for them all (TimelineOpenRedLines).
const (
	openLeavesOne  = " this proposal leaves open: red lines there are not checked, so the verdict holds only if "
	openLeavesMany = " these proposals leave open: red lines there are not checked, so their verdicts hold only if "
)

// openRedLinesOfMany is OpenRedLinesText's sentence text said of several
// proposals at once.
func openRedLinesOfMany(text string) string {
	return strings.Replace(text, openLeavesOne, openLeavesMany, 1)
}

// RestCrossedText says which red lines an evaluated package crosses only
// on the issues it does not name, at the value its rest gives them, and
// why deal proposals would not count them: "Egypt's red line (Drought
// release (bcm/yr) at 35 or above) is crossed at 30.0 (reference), an issue the
// package does not name: deal proposals does not check red lines on the
// issues a proposal leaves open, so a proposal of the named issues alone
// is not blocked by this line." named are the issues the request names;
// rest the answer's rest. "" where no such line is crossed. The answer
// carries it (DealEvaluation.RestCrossedText).
func RestCrossedText(p *answer.Scenario, ev *answer.DealVerdicts, named map[string]float64, rest string) string {
	var xs []lineCrossing
	for _, v := range ev.Actors {
		for _, x := range v.Crossed {
			if _, ok := named[x.Issue]; !ok {
				xs = append(xs, lineCrossing{v.Actor, x})
			}
		}
	}
	if len(xs) == 0 {
		return ""
	}
	list, n := crossingList(p, xs, "is crossed", "")
	return list + " (" + rest + "), " + oneOr(n, "an issue", "issues") +
		" the package does not name: deal proposals does not check red lines on the issues a proposal leaves open, so a proposal of the named issues alone is not blocked by " +
		oneOr(len(xs), "this", "these") + " " + nouns.For(len(xs), "line") + "."
}

// oneOr is one where n is 1, else many: the words of a sentence above
// that agree with how many issues or lines it names.
func oneOr(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// openCrossedTexts writes the text of each crossing a proposal's open
// issues would make, as a crossing's in the verdicts' table
// (CrossedText).
func openCrossedTexts(p *answer.Scenario, xs []deal.Crossing) {
	for i := range xs {
		x := &xs[i]
		x.Text = CrossedText(p.IssueName(x.Issue), x.RedLine, numD(x.Value, p.IssueDecimals(x.Issue)))
	}
}
