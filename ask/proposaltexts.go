package ask

// The words of a proposals answer and of a package's values, written
// once here for every door (docs/DECISIONS.md, "proposals24"): the
// command line prints them, the API returns them and the page shows them
// as they are.

import (
	"strings"

	"parley/answer"
	"parley/nouns"
)

// NearestPrefix heads an option that is only the nearest to a value, not
// the value's own point: "90.0 (nearest: 2019 level (100.0))".
const NearestPrefix = "nearest: "

// NearestOptionText names the options nearest a value, each with its
// point in d decimals, "+25c (25.0)", several on a tie joined by TieJoin:
// deal evaluate's column "Nearest option", a search's packages, and the
// deal page's sliders. "" with no labelled option.
func NearestOptionText(as []answer.Anchor, d int) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Label + " (" + numD(a.Value, d) + ")"
	}
	return strings.Join(out, TieJoin)
}

// PackageValueText writes a package's value on one issue in d decimals
// and the option it is or is nearest (as): "100.0 (2019 level)" where the
// value is that option's point as written, else "90.0 (nearest: 2019
// level (100.0))" — "90.0 (2019 level)" read as if the proposal offered
// the 2019 level. The value alone with no labelled option.
func PackageValueText(x float64, d int, as []answer.Anchor) string {
	v := numD(x, d)
	switch {
	case len(as) == 0:
		return v
	case len(as) == 1 && numD(as[0].Value, d) == v:
		return v + " (" + as[0].Label + ")"
	}
	return v + " (" + NearestPrefix + NearestOptionText(as, d) + ")"
}

// ProposalVerdictText says a proposal's verdict and who decides it,
// by name: "blocked by ATW Local 1187; accepted by City of Riverton,
// Regional Transit Authority, State DOT", "accepted by …" (and ", though
// Delta blocks" where a rule or an actor not required lets it pass),
// "not judged" where it could not be (its error says why). An actor that
// does not accept "blocks", as deal evaluate's verdicts (VerdictText)
// and its "Blocked by:" (EvaluationSummary) say it: one verb for one
// meaning at every door.
func ProposalVerdictText(p answer.ProposalVerdicts, name func(string) string) string {
	if p.Error != "" {
		return "not judged"
	}
	names := func(ids []string) string { return strings.Join(NamesOf(ids, name), ", ") }
	var parts []string
	if !p.Accepted {
		s := "blocked"
		if len(p.Rejects) > 0 {
			s += " by " + names(p.Rejects)
		}
		parts = append(parts, s)
		if len(p.Accepts) > 0 {
			parts = append(parts, "accepted by "+names(p.Accepts))
		}
	} else {
		s := "accepted"
		if len(p.Accepts) > 0 {
			s += " by " + names(p.Accepts)
		}
		if len(p.Rejects) > 0 {
			s += ", though " + names(p.Rejects) + " " + nouns.Verb(len(p.Rejects), "block")
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// RuleText says whether a package passes one issue's decision rule, by
// what weight against what quota, and who carries it or is against it,
// in the issue's and actors' names: "Fare by qmv: passes (3.0 of 4.0,
// quota 3.0), carried by A, B; C against", "… fails (…), C, D against".
func RuleText(issue string, r answer.DealRuleVerdict, name func(string) string) string {
	names := func(ids []string) string { return strings.Join(NamesOf(ids, name), ", ") }
	s := issue + " by " + r.Rule + ": "
	counts := " (" + numD(r.For, 1) + " of " + numD(r.Total, 1) + ", quota " + numD(r.Quota, 1) + ")"
	if !r.Passes {
		s += "fails" + counts
		if len(r.Against) > 0 {
			s += ", " + names(r.Against) + " against"
		}
		return s
	}
	s += "passes" + counts + ", carried by " + names(r.Coalition)
	if len(r.Against) > 0 {
		s += "; " + names(r.Against) + " against"
	}
	return s
}

// proposalTexts writes the words of one judged proposal: each package
// value's (PackageValueText), its verdict's (ProposalVerdictText) and
// each decision rule's (RuleText).
func proposalTexts(p *answer.Scenario, pv *answer.ProposalVerdicts) {
	for i := range pv.Package {
		v := &pv.Package[i]
		v.Text = PackageValueText(v.Value, p.IssueDecimals(v.Issue), p.Nearest(p.IssueIndex(v.Issue), v.Value))
	}
	pv.VerdictText = ProposalVerdictText(*pv, p.ActorName)
	ruleTexts(p, pv.Rules)
}

// ruleTexts writes each decision rule verdict's text (RuleText).
func ruleTexts(p *answer.Scenario, rules []answer.DealRuleVerdict) {
	for i := range rules {
		rules[i].Text = RuleText(p.IssueName(rules[i].Issue), rules[i], p.ActorName)
	}
}
