package ask

// The words a deal answer carries, written once here for every door: the
// command line prints them, the API returns them and the page shows them
// as they are (docs/DECISIONS.md, "texts23: the deal answers carry their
// words"). Each is written by the function its field names (BendLine,
// SideLine, SetLine, ContradictionHead, …), in the scenario's actor and
// issue names and the issue's decimals.

import (
	"fmt"
	"slices"
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/nouns"
)

// searchTexts writes the words of a deal search's answer: each
// contradiction's ways out (contradictionTexts), each concession plan's
// head, bends, shortfalls (or that it needs none) and costs
// (planTexts), each listed package's restatement at options (once for
// the Nash and balanced packages when they are one), whether a package
// at the options is accepted (atOptionsTexts), the zone's line
// (ZoneLine), the line on the frontier and the sample when they take
// values between the options of the discrete issues unrestated (ids;
// UnrestatedText), and the solver's line.
func searchTexts(out *answer.DealSearch, unrestated []string) {
	p, res := &out.Scenario, out.Result
	var gaps []float64
	if c := res.Concession; c != nil {
		for i := range c.Contradictions {
			contradictionTexts(p, &c.Contradictions[i])
		}
		lo, bd := c.LowerAlternatives, c.BendRedLines
		if lo != nil {
			var short []string
			for _, s := range lo.Shortfalls {
				short = append(short, p.ActorName(s.Actor))
			}
			planTexts(p, lo, PlanHead(true, len(c.Contradictions) > 0, len(lo.Bends), short), true)
			gaps = append(gaps, lo.Gap)
		}
		if bd != nil {
			planTexts(p, bd, PlanHead(false, false, 0, nil), false)
			if lo != nil && len(lo.Shortfalls) == 0 && SameCrossing(lo.Bends, bd.Bends) {
				bd.SameCrossingText = SameCrossingText
			}
			gaps = append(gaps, bd.Gap)
		}
	}
	if len(res.Veto) > 0 {
		res.VetoHeadText = VetoHead(len(res.Rules) < len(res.Issues))
	} else if len(res.Rules) > 0 {
		res.NoVetoText = NoVetoText
	}
	for i := range res.Alternatives {
		a := &res.Alternatives[i]
		a.Text, a.RequiredText = AlternativeText(a.Value, a.From), RequiredText(slices.Contains(res.Required, a.Actor))
	}
	packageTexts(p, res.Nash, "The Nash package")
	packageTexts(p, res.Balanced, "The balanced package")
	if n, b := res.Nash, res.Balanced; n != nil && b != nil && n != b && n.Restated != nil && b.Restated != nil &&
		strings.TrimPrefix(n.Restated.Text, "The Nash package") == strings.TrimPrefix(b.Restated.Text, "The balanced package") {
		// restated to one package, in the same words: said once, of both
		packageTexts(p, n, "The Nash and balanced packages")
		b.Restated.Text = n.Restated.Text
	}
	atOptionsTexts(p, res)
	res.ZoneText = ZoneLine(res)
	res.UnrestatedText = UnrestatedText(NamesOf(unrestated, p.IssueName))
	res.NashProductText = NashProductLine(res)
	res.RestatedText = BeforeRestatingText(res, p.ActorName)
	if c := res.Concession; c != nil {
		for j, pl := range []*answer.DealPlan{c.LowerAlternatives, c.BendRedLines} {
			if pl != nil {
				packageTexts(p, &pl.Package, fmt.Sprintf("Plan %d's package", j+1))
			}
		}
	}
	out.SolverText = SolverLine(res.Rho, out.NoDeal, res.Stats.Solves, res.Stats.NewtonSteps, res.Stats.MaxGap, gaps)
}

// contradictionTexts writes one contradiction's words: its head, each
// way out alone and together (SideLine, SetLine), the sets not listed and
// which way out the plans take.
func contradictionTexts(p *answer.Scenario, c *answer.DealContradiction) {
	c.HeadText = ContradictionHead(p.IssueName(c.Issue), ContradictionActors(*c, p.ActorName), ContradictionCoalition(*c, p.ActorName), len(c.Sides) > 0, len(c.Sets) > 0)
	for i := range c.Sides {
		sd := &c.Sides[i]
		bends := bendTexts(p, sd.Bends)
		sd.Text = SideLine(bends, *sd)
	}
	for i := range c.Sets {
		st := &c.Sets[i]
		var bends []string
		for j := range st.Members {
			bends = append(bends, bendTexts(p, st.Members[j].Bends)...)
		}
		st.Text = SetLine(bends, *st, p.ActorName)
	}
	c.MoreSetsText = MoreSetsText(*c)
	c.ChoiceText = SidesChoice(*c, p.ActorName)
}

// bendTexts writes each bend's Text (BendLine) and returns them in order.
func bendTexts(p *answer.Scenario, bs []answer.DealBend) []string {
	out := make([]string, len(bs))
	for i := range bs {
		bs[i].Text = BendLine(p, bs[i])
		out[i] = bs[i].Text
	}
	return out
}

// planTexts writes one concession plan's words: its head, each bend
// (BendLine), each shortfall with its moves (ShortfallLine), or
// NoConcessionText where it has neither, and its costs in both units
// (PlanCostsLine); lower for the plan that lowers alternatives.
func planTexts(p *answer.Scenario, pl *answer.DealPlan, head string, lower bool) {
	pl.HeadText = head
	bendTexts(p, pl.Bends)
	for i := range pl.Shortfalls {
		s := &pl.Shortfalls[i]
		var moves []string
		for _, m := range s.Moves {
			d := p.IssueDecimals(m.Issue)
			moves = append(moves, MoveText(p.IssueName(m.Issue), numD(m.From, d), numD(m.To, d)))
		}
		s.Text = ShortfallLine(p.ActorName(s.Actor), *s, moves)
	}
	pl.CostText = PlanCostsLine(lower, pl)
	if len(pl.Bends) == 0 && len(pl.Shortfalls) == 0 {
		pl.NoConcessionText = NoConcessionText
	}
}

// verdictTexts writes the words of each verdict on a package: the
// verdict (VerdictText; an evaluated package's red lines are checked)
// and each red line it crosses (CrossedText), with the issue's name and
// decimals.
func verdictTexts(p *answer.Scenario, v *answer.DealVerdict) {
	v.AlternativeText = AlternativeText(v.Alternative, v.AlternativeFrom)
	v.VerdictText = VerdictText(v.Accepts, false, v.Required, v.Defaulted)
	for i := range v.Crossed {
		x := &v.Crossed[i]
		x.Text = CrossedText(p.IssueName(x.Issue), x.RedLine, numD(x.Value, p.IssueDecimals(x.Issue)))
	}
}

// robustTexts writes the words of a robust analysis: what its
// parentheses hold (IntervalLegend), P(a zone exists), P(accepted) where
// it is estimated (an evaluation, or a search's best package) and each
// actor's P(accepts), each with its interval (ProbabilityText).
//
// rules is true when issues state decision rules, which the zone's line
// on discrete issues names (RobustZoneAtOptionsLine).
func robustTexts(p *answer.Scenario, r *answer.DealRobustness, rules bool) {
	if r == nil {
		return
	}
	defer robustLines(p, r, rules)
	r.IntervalLegend = IntervalLegend(r.Draws)
	if r.Zone != nil && r.ZoneInterval != nil {
		r.ZoneText = ProbabilityText(*r.Zone, *r.ZoneInterval)
	}
	if r.Zone == nil || r.Best != nil {
		r.AcceptedText = ProbabilityText(r.Accepted, r.AcceptedInterval)
	}
	for i := range r.Actors {
		a := &r.Actors[i]
		a.AcceptsText, a.RequiredText = ProbabilityText(a.Accepts, a.AcceptsInterval), RequiredText(a.Required)
	}
}

// packageTexts writes, issue by issue, the labelled options nearest a
// listed package's value (NearestOptionText), as deal evaluate's column
// "Nearest option" names them.
func packageTexts(p *answer.Scenario, pk *answer.DealPackage, head string) {
	if pk == nil || len(pk.Values) != len(p.Issues) {
		return
	}
	pk.NearestText = make([]string, len(pk.Values))
	for k, x := range pk.Values {
		pk.NearestText[k] = NearestOptionText(p.Nearest(k, x), p.IssueDecimals(p.Issues[k].ID))
	}
	if r := pk.Restated; r != nil && len(r.Continuous) == len(p.Issues) {
		r.ValueText = make([]string, len(p.Issues))
		var values []string
		for k, is := range p.Issues {
			if !slices.Contains(r.Issues, is.ID) {
				continue
			}
			r.ValueText[k] = restatedValue(p, pk, k)
			values = append(values, p.IssueName(is.ID)+": "+r.ValueText[k])
		}
		lost := NamesOf(r.Lost, p.ActorName)
		r.Text = RestatedText(head, values, lost, r.Yeses, r.ContinuousYeses, r.Nearest, r.Combinations)
	}
}

// NashProductLine is deal search's line on its Nash product and the
// certificate (CertifiedText), as every door prints it: "Nash product
// (capability-weighted geometric mean of gains) 0.02500, certified ≤
// 0.02500."; when the Nash package was restated at options, the product
// is the search's package's, and the line says so ("…: the search's Nash
// package, before restating at options."). "" without a product.
func NashProductLine(res *answer.DealZone) string {
	if res.NashProduct <= 0 {
		return ""
	}
	out := fmt.Sprintf("Nash product (capability-weighted geometric mean of gains) %.5f, %s", res.NashProduct, CertifiedText(res, fmt.Sprintf("%.5f", res.NashBound)))
	if res.Nash != nil && res.Nash.Restated != nil {
		out += ": the search's Nash package, before restating at options"
	}
	return out + "."
}

// BeforeRestatingText says, when the search's balanced package was
// restated at options (deal.Restated), that the zone's summary and its
// largest smallest gain describe the search before restating, and what
// the restated balanced package gives the required actor worst served
// (names, in the scenario's words; several on a tie) and how many
// required actors accept it: "The zone and its largest smallest gain
// describe the search before restating at options (a discrete issue
// takes only its options): restated, the balanced package gives the
// actor worst served, Firm, a gain of -0.233, and 2 of the 3 required
// actors accept it." A negotiator can table only the restated package,
// so the line says what it gives (docs/DECISIONS.md, "discrete27b").
// "" when the balanced package was not restated.
func BeforeRestatingText(res *answer.DealZone, name func(string) string) string {
	b := res.Balanced
	if b == nil || b.Restated == nil || len(b.Gains) != len(res.Actors) {
		return ""
	}
	var worst []string
	low := 0.0
	for i, id := range res.Actors {
		if !slices.Contains(res.Required, id) {
			continue
		}
		switch g := b.Gains[i]; {
		case worst == nil || g < low-1e-9:
			worst, low = []string{name(id)}, g
		case g <= low+1e-9:
			worst = append(worst, name(id))
		}
	}
	if worst == nil {
		return ""
	}
	who := "the actor worst served, " + worst[0] + ","
	if len(worst) > 1 {
		who = "the actors worst served, " + nouns.And(worst) + ", each"
	}
	n := len(res.Required)
	return fmt.Sprintf("The zone and its largest smallest gain describe the search before restating at options (a discrete issue takes only its options): restated, the balanced package gives %s a gain of %s, and %d of the %s %s it.",
		who, Signed(low, UtilityDecimals), b.Restated.Yeses, nouns.Count(n, "required actor"), nouns.Verb(b.Restated.Yeses, "accept"))
}

// restatedValue is restated package pk's value on issue k in words
// (RestatedValueText): its option's label, or its number where the
// option has none, and the search's value.
func restatedValue(p *answer.Scenario, pk *answer.DealPackage, k int) string {
	d := p.IssueDecimals(p.Issues[k].ID)
	label := numD(pk.Values[k], d)
	if as := p.Nearest(k, pk.Values[k]); len(as) > 0 {
		label = as[0].Label
	}
	return RestatedValueText(label, numD(pk.Restated.Continuous[k], d))
}

// listedPackageText writes a package issue by issue as packageText
// does ("Territory 65.0; Ceasefire 27.6"), each issue restated at an
// option in deal search's words (RestatedValueText), followed by the yes
// the restatement lost (RestatedLostText): the brief's Nash package and
// the package a close call's runner-up opens (CloseCallText).
func listedPackageText(p *answer.Scenario, pk *answer.DealPackage) string {
	r := pk.Restated
	if r == nil || len(r.Continuous) != len(p.Issues) || len(pk.Values) != len(p.Issues) {
		return packageText(p, issueValues(p, pk.Values))
	}
	parts := make([]string, len(p.Issues))
	for k, is := range p.Issues {
		if slices.Contains(r.Issues, is.ID) {
			parts[k] = is.Name + " " + restatedValue(p, pk, k)
		} else {
			parts[k] = is.Name + " " + numD(pk.Values[k], p.IssueDecimals(is.ID))
		}
	}
	out := strings.Join(parts, "; ")
	if len(r.Lost) > 0 {
		out += " (" + RestatedLostText(NamesOf(r.Lost, p.ActorName)) + ")"
	}
	return out
}

// RestatedValueText is a search's value on a discrete issue restated at
// one of its options (label), with the value the search found (from, in
// the issue's decimals): "3 years (the search's 3.41, restated at an
// option)".
func RestatedValueText(label, from string) string {
	return label + " (the search's " + from + ", restated at an option)"
}

// RestatedText says how a search's package (head: "The Nash package",
// "Plan 1's package"; of two restated to the same package, "The Nash and
// balanced packages", which "are one package") was restated at options: each restated issue's
// value (values: "Contract length: 3 years (the search's 3.41, restated
// at an option)"), how, and whose yes the rounding lost (lost, names),
// with how many required actors accept it and the search's values
// (yeses, from). nearest says each value was rounded to its nearest
// option, the combinations either side being more than
// deal.MaxRestateCombinations.
func RestatedText(head string, values, lost []string, yeses, from int, nearest bool, combinations int) string {
	out := head + ", restated at options (a discrete issue takes only its options)"
	if strings.HasSuffix(head, " packages") {
		// the Nash and balanced packages, restated to the same one
		out += ", are one package"
	}
	out += ": " + strings.Join(values, "; ") + "."
	if nearest {
		out += fmt.Sprintf(" Each value is rounded to its nearest option: the options below and above each make %d combinations, more than the %d tried at most.", combinations, deal.MaxRestateCombinations)
	} else {
		out += fmt.Sprintf(" Of the %s of the options below and above each value, it is the one the most required actors accept, then the nearest the search's values.", nouns.Count(combinations, "combination"))
	}
	accept := nouns.Count(yeses, "required actor") + " " + nouns.Verb(yeses, "accept") + " it"
	if len(lost) == 0 {
		return out + fmt.Sprintf(" The rounding lost no yes: %s (%d at the search's values).", accept, from)
	}
	t := RestatedLostText(lost)
	return out + fmt.Sprintf(" %s%s: %s, against %d at the search's values.", strings.ToUpper(t[:1]), t[1:], accept, from)
}

// RestatedLostText says whose yes (lost, names; one at least) a
// package's restatement at options lost, as RestatedText says it and the
// brief adds it to the Nash package: "the rounding lost Firm's yes".
func RestatedLostText(lost []string) string {
	if len(lost) == 1 {
		return "the rounding lost " + nouns.Possessive(lost[0]) + " yes"
	}
	return "the rounding lost the yeses of " + nouns.And(lost)
}

// robustLines writes a robust analysis's lines, once its probabilities'
// texts are written: its head (RobustHead), the zone's line (a search's),
// what accepted means and how often it is, or that no draw opened the
// zone (RobustAcceptance, RobustAcceptedLine); and the best package's
// nearest options.
func robustLines(p *answer.Scenario, r *answer.DealRobustness, rules bool) {
	r.HeadText = RobustHead(r.Draws, r.Distribution, r.Seed, r.Inputs)
	search := r.Zone != nil
	switch {
	case search && r.ZoneAtOptions && r.OpenDraws != nil:
		r.ZoneLineText = RobustZoneAtOptionsLine(r.ZoneText, rules, r.ZoneUnknown, *r.OpenDraws, r.Draws)
	case search:
		r.ZoneLineText = RobustZoneLine(r.ZoneText)
	}
	if !search || r.Best != nil {
		r.AcceptanceText = RobustAcceptance(search, r.Acceptance)
	}
	r.AcceptedLineText = RobustAcceptedLine(search, r.Best != nil, r.AcceptedText, r.Candidates)
	packageTexts(p, r.Best, "The robust analysis's best package")
}

// RobustHead says what a robust analysis drew: "Robustness over 500
// draws of the stated ranges (triangular, seed 1, 150 ranged inputs)",
// the head every door prints over its lines.
func RobustHead(draws int, distribution string, seed uint64, inputs int) string {
	return fmt.Sprintf("Robustness over %s of the stated ranges (%s, seed %d, %s)", Grouped(draws)+" "+nouns.For(draws, "draw"), distribution, seed, nouns.Count(inputs, "ranged input"))
}

// RobustZoneLine says how often a search's draws opened a zone, zone
// being the share with its interval (ProbabilityText).
func RobustZoneLine(zone string) string { return "P(a zone of agreement exists) = " + zone }

// RobustZoneAtOptionsLine is RobustZoneLine where some issue takes only
// its options (deal.Robust's ZoneAtOptions): it says what the draws
// count, a package at the options that is accepted, as deal search's
// check does (AtOptionsText), how the draws whose check could not tell
// count (unknown of them: as none), and in how many draws (open of
// draws) a zone counting packages between the options is open:
// "P(a package at the options gets every required yes) = 0% (0–1%); a
// zone, counting packages between the options, is open in 500 of 500
// draws". rules: under decision rules, "passes the decision rules".
func RobustZoneAtOptionsLine(zone string, rules bool, unknown, open, draws int) string {
	out := "P(a package at the options " + atOptionsYes(rules) + ") = " + zone
	if unknown > 0 {
		out += fmt.Sprintf(", counting as none the %s where it is not known (the options within the zone's ranges make more than %d combinations to check)", nouns.Count(unknown, "draw"), deal.MaxRestateCombinations)
	}
	return out + fmt.Sprintf("; a zone, counting packages between the options, is open in %s of %s %s", Grouped(open), Grouped(draws), nouns.For(draws, "draw"))
}

// RobustAcceptance says what a robust analysis counts as accepted
// (deal's acceptance): of a search's packages "A package is accepted
// when …", of the evaluated one "The package is accepted when …".
func RobustAcceptance(search bool, acceptance string) string {
	if search {
		return "A package is accepted when " + acceptance + "."
	}
	return "The package is accepted when " + acceptance + "."
}

// RobustAcceptedLine says how often the package is accepted: the
// evaluated one's "P(accepted) = …", a search's best "the package most
// often accepted (P = …, best of 12 candidates)", or, with none, "no
// draw opened the zone: no package to recommend"; accepted is the share
// with its interval (ProbabilityText).
func RobustAcceptedLine(search, best bool, accepted string, candidates int) string {
	switch {
	case !search:
		return "P(accepted) = " + accepted
	case !best:
		return "no draw opened the zone: no package to recommend"
	}
	return fmt.Sprintf("the package most often accepted (P = %s, best of %s)", accepted, nouns.Count(candidates, "candidate"))
}

// EvaluationSummary says whether an evaluated package is accepted and by
// what test ("Accepted: every required actor accepts it."), or who
// blocks it by name and, under decision rules, what it must pass
// ("Blocked by: Russia. A package is accepted when …"): the line every
// door prints under deal evaluate's verdicts.
func EvaluationSummary(p *answer.Scenario, ev *answer.DealVerdicts) string {
	if ev.Accepted {
		return "Accepted: " + ev.Acceptance + "."
	}
	line := "Blocked by: " + strings.Join(NamesOf(ev.Blockers, p.ActorName), ", ") + "."
	if len(ev.Rules) > 0 {
		// A rule the table shows passing does not make the package
		// pass: say what it must.
		line += " A package is accepted when " + ev.Acceptance + "."
	}
	return line
}
