package ask

import (
	"fmt"
	"slices"
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/nouns"
)

// The words of deal search on a zone whose discrete issues take only
// their options (deal.AtOptions; docs/DECISIONS.md, "discrete28"): the
// search's zone is continuous, and when none of its packages has every
// discrete issue at an option, agreement is possible only between the
// options. The headline, the zone's line and the check's own sentence
// say so on every door.

// atOptionsTexts writes the check's sentence (AtOptionsText) and, when
// no package at the options is known to be accepted, puts it at the
// head of the search's summary (OptionsSummary).
func atOptionsTexts(p *answer.Scenario, res *answer.DealZone) {
	a := res.AtOptions
	if a == nil {
		return
	}
	witness := a.Open && res.Nash != nil && !slices.Equal(a.Values, res.Nash.Values)
	if !a.Open || witness {
		a.Text = AtOptionsText(p, res)
	}
	if !a.Open {
		res.Summary = OptionsSummary(a.Checked, a.Text, res.Summary)
	}
}

// AtOptionsText says whether some package at the options is accepted
// and how it is known:
//
//   - none, an issue's options all outside the zone's range: "No
//     package at the options gets every required yes (on Contract
//     length the zone runs 3.30–3.60, between the options 3 years and 5
//     years; the balanced package restated at options, Contract length
//     5 years, loses Firm's yes).";
//   - none of the combinations of the options in the zone's ranges:
//     "(none of the 4 combinations of the options within the zone's
//     ranges does; …)";
//   - not known, the combinations being too many: "Whether some package
//     at the options gets every required yes is not known (the options
//     within the zone's ranges make 120 combinations, more than the 64
//     checked at most; …).";
//   - one, when it is not the Nash package: "Some package at the
//     options gets every required yes: Contract length 3 years; Wage
//     4.0.".
//
// Under decision rules "gets every required yes" reads "passes the
// decision rules". "" without a check.
func AtOptionsText(p *answer.Scenario, res *answer.DealZone) string {
	a := res.AtOptions
	if a == nil {
		return ""
	}
	yes := atOptionsYes(len(res.Rules) > 0)
	if a.Open {
		return fmt.Sprintf("Some package at the options %s: %s.", yes, optionPackageText(p, a.Values, nil))
	}
	var why []string
	switch {
	case len(a.Outside) > 0:
		for _, id := range a.Outside {
			why = append(why, outsideText(p, res, id))
		}
	case a.Checked:
		why = append(why, fmt.Sprintf("none of the %s of the options within the zone's ranges does", nouns.Count(a.Combinations, "combination")))
	default:
		why = append(why, fmt.Sprintf("the options within the zone's ranges make %s, more than the %d checked at most", nouns.Count(a.Combinations, "combination"), deal.MaxRestateCombinations))
	}
	if len(a.Values) == len(p.Issues) && res.Balanced != nil && res.Balanced.Restated != nil {
		b := "the balanced package restated at options, " + optionPackageText(p, a.Values, res.Balanced.Restated.Issues) + ","
		if len(a.Lost) == 0 {
			why = append(why, b+" is not accepted")
		} else {
			why = append(why, b+" loses "+lostYes(NamesOf(a.Lost, p.ActorName)))
		}
	}
	head := "No package at the options " + yes
	if !a.Checked {
		head = "Whether some package at the options " + yes + " is not known"
	}
	return head + " (" + strings.Join(why, "; ") + ")."
}

// atOptionsYes is what a package at the options must get, in the
// words of AtOptionsText and the robust analysis's line
// (RobustZoneAtOptionsLine): "gets every required yes", under decision
// rules (rules) "passes the decision rules".
func atOptionsYes(rules bool) string {
	if rules {
		return "passes the decision rules"
	}
	return "gets every required yes"
}

// outsideText says where the zone runs on a discrete issue none of
// whose options it holds, and between which options: "on Contract
// length the zone runs 3.30–3.60, between the options 3 years and 5
// years" (or "below its first option, 1 year", "above its last option,
// 5 years").
func outsideText(p *answer.Scenario, res *answer.DealZone, id string) string {
	k := p.IssueIndex(id)
	if k < 0 {
		return "on " + id + " the zone holds no option"
	}
	is := p.Issues[k]
	d := p.IssueDecimals(id)
	var r deal.Range
	for _, x := range res.Ranges {
		if x.Issue == id {
			r = x
		}
	}
	var below, above *answer.Anchor
	for j := range is.Anchors {
		o := &is.Anchors[j]
		if o.Value < r.Lo && (below == nil || o.Value > below.Value) {
			below = o
		}
		if o.Value > r.Hi && (above == nil || o.Value < above.Value) {
			above = o
		}
	}
	out := "on " + p.IssueName(id) + " the zone runs " + RangeJoin(numD(r.Lo, d), numD(r.Hi, d))
	label := func(o *answer.Anchor) string {
		if o.Label != "" {
			return o.Label
		}
		return numD(o.Value, d)
	}
	switch {
	case below != nil && above != nil:
		return out + ", between the options " + label(below) + " and " + label(above)
	case above != nil:
		return out + ", below its first option, " + label(above)
	case below != nil:
		return out + ", above its last option, " + label(below)
	}
	return out
}

// optionPackageText writes a package at options issue by issue, as the
// brief's table writes a package ("Contract length 3 years; Wage 4.0"):
// an option by its label, any other value with its issue's decimals;
// only the issues of only when it is given.
func optionPackageText(p *answer.Scenario, v []float64, only []string) string {
	var parts []string
	for k, is := range p.Issues {
		if k >= len(v) || only != nil && !slices.Contains(only, is.ID) {
			continue
		}
		x := numD(v[k], p.IssueDecimals(is.ID))
		if as := p.Nearest(k, v[k]); len(as) > 0 && as[0].Value == v[k] && as[0].Label != "" {
			x = as[0].Label
		}
		parts = append(parts, p.IssueName(is.ID)+" "+x)
	}
	return strings.Join(parts, "; ")
}

// lostYes is "Firm's yes", "the yeses of Union and Staff council".
func lostYes(names []string) string {
	if len(names) == 1 {
		return nouns.Possessive(names[0]) + " yes"
	}
	return "the yeses of " + nouns.And(names)
}

// OptionsSummary is deal search's headline when no package at the
// options is known to be accepted: the check's sentence (text,
// AtOptionsText) first, then the search's summary of the zone, which
// holds only between the options: "Agreement is possible only between
// the options: no package at the options gets every required yes (…).
// Between the options, some package gives every required actor at
// least its alternative …". checked is false when the check could not
// tell ("Agreement is possible between the options; at them it is not
// known: whether …").
func OptionsSummary(checked bool, text, summary string) string {
	head := "Agreement is possible only between the options: "
	if !checked {
		head = "Agreement is possible between the options; at them it is not known: "
	}
	if text != "" {
		text = strings.ToLower(text[:1]) + text[1:]
	}
	// the zone's summary opens with deal.Possible: said of the search,
	// between the options
	if rest, ok := strings.CutPrefix(summary, deal.Possible+": "); ok {
		summary = "Between the options, " + rest
	} else if rest, ok := strings.CutPrefix(summary, deal.Possible); ok {
		summary = "Between the options, agreement is possible" + rest
	}
	return head + text + " " + summary
}

// zoneAtOptions is what ZoneLine adds to "OPEN" when no package at the
// options is known to be accepted: " only between the options (EMPTY
// at them)", or " between the options (at them: not known)".
func zoneAtOptions(res *answer.DealZone) string {
	a := res.AtOptions
	switch {
	case a == nil || a.Open:
		return ""
	case a.Checked:
		return " only between the options (EMPTY at them)"
	}
	return " between the options (at them: not known)"
}

// UnrestatedText says, when the Pareto frontier or the packages drawn
// from the zone take a value between the options of a discrete issue
// (issues: their names), that those packages are the search's, which
// map the zone, before restating at options: "The Pareto frontier and
// the packages drawn from the zone are the search's values, before
// restating at options: on Contract length, which takes only its
// options, they may lie between them." "" for no issue.
func UnrestatedText(issues []string) string {
	if len(issues) == 0 {
		return ""
	}
	which := "which takes only its options"
	if len(issues) > 1 {
		which = "which take only their options"
	}
	return "The Pareto frontier and the packages drawn from the zone are the search's values, before restating at options: on " + nouns.And(issues) + ", " + which + ", they may lie between them."
}
