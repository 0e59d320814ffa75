package ask

// The words of an empty zone's ways out, at every door: ask writes them
// into the deal search's answer (dealtexts.go: searchTexts), the field
// named in each comment, and the command line, the API and the page
// print what the answer carries (docs/DECISIONS.md, texts23). docs/DECISIONS.md
// ("dealsides21") says why each side of a contradiction is shown, and
// why the plans' costs are given in both units.

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/nouns"
)

// The names of the concession plans in DealSide.Plans (deal's).
const (
	PlanLower = deal.PlanLower
	PlanBend  = deal.PlanBend
)

// ContradictionHead introduces one contradiction's ways out: the actors
// whose red lines contradict each other on the issue, who must give way
// (alone: some actor can alone; together: some set of actors can, none
// of whom could alone), and how a way out is costed. Under decision
// rules it first says the minimal winning coalition the contradiction is
// found in (coalition, ContradictionCoalition; nil without), among whose
// members the shares are counted. The answer carries it
// (DealContradiction.HeadText).
func ContradictionHead(issue string, actors, coalition []string, alone, together bool) string {
	share := "capability share"
	if len(coalition) > 0 {
		share += " among the coalition's members"
	}
	who, cost := "one of them must cross its own", "the actor's "+share+" (its share × the crossing, in % of the issue's scale)"
	if together {
		cost = "each actor's " + share + " (its share × the crossing, in % of the issue's scale, added up over the actors of a way out)"
		who = "no one of them can give way alone; some of them must cross their own together"
		if alone {
			who = "one of them must cross its own, or some of them together"
		}
	}
	head := fmt.Sprintf("red lines of %s on %s contradict each other: %s. %s Each way out, with its cost weighted by %s, and unweighted:", nouns.And(actors), issue, who, WeightJudgement, cost)
	if len(coalition) > 0 {
		return "Within " + CoalitionText(coalition) + ", the " + head
	}
	return "The " + head
}

// WeightJudgement says, once in a contradiction's head, that the ways
// out are weighed by capability by the model's choice, not the case's,
// and what that choice means: a reviewer read "weighted cost 2.4 % of
// scale" against 3.6 as Ukraine's way out simply being cheaper.
const WeightJudgement = "Weighting by capability is a modelling choice with a value judgement in it: a weaker party's concession counts for less."

// CoalitionText names the minimal winning coalition a contradiction is
// found in by its members' names, "the minimal winning coalition {Alpha,
// Beta}", as deal's notes and summary write a coalition: in the
// contradiction's head (ContradictionHead) and the brief's way out, which
// the page prints as the answer carries them.
func CoalitionText(coalition []string) string {
	return "the minimal winning coalition {" + strings.Join(coalition, ", ") + "}"
}

// ContradictionCoalition are the names of the minimal winning coalition
// a contradiction is found in (DealContradiction.Coalition), name giving
// an actor's name; nil when the search ran without decision rules (or
// rules whose one coalition is the required actors).
func ContradictionCoalition(c answer.DealContradiction, name func(string) string) []string {
	if len(c.Coalition) == 0 {
		return nil
	}
	return NamesOf(c.Coalition, name)
}

// ContradictionActors are the names of a contradiction's actors, name
// giving an actor's name; for an answer stored before contradictions
// named their actors, those of its ways out alone. The page's plain head
// of an answer stored without its words reads them by the same rule.
func ContradictionActors(c answer.DealContradiction, name func(string) string) []string {
	ids := c.Actors
	if ids == nil {
		for _, sd := range c.Sides {
			ids = append(ids, sd.Actor)
		}
	}
	return NamesOf(ids, name)
}

// NamesOf is the names of ids, name giving each id's (answer.Scenario's
// ActorName or IssueName): the one turn of ids into names every door
// uses.
func NamesOf(ids []string, name func(string) string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = name(id)
	}
	return out
}

// SideLine writes one way out: the bends (BendText, one for each red
// line the actor crosses) and the cost (SideCostText). The answer
// carries it (DealSide.Text).
func SideLine(bends []string, sd answer.DealSide) string {
	return strings.Join(bends, "; ") + ". " + SideCostText(sd) + "."
}

// SideCostText is a way out's capability-weighted cost, the share and
// the crossing it multiplies, and the same weighting of the utility
// given up, then the crossing unweighted: "Weighted cost 2.4% of scale
// (capability share 0.16 × 15.0% crossed; 0.0041 utility); unweighted,
// 15.0% of scale".
func SideCostText(sd answer.DealSide) string {
	return fmt.Sprintf("Weighted cost %s%s (capability share %s × %s%% crossed; %s utility); %s", PlanCostText(sd.Cost, PercentOfScale), PercentOfScale,
		fixed(sd.Share, 2), PlanCostText(crossedOf(sd), PercentOfScale), PlanCostText(sd.UtilityCost, UtilityUnit), unweightedText(crossedOf(sd)))
}

// unweightedText is a way out's crossing without the capability weight,
// in % of scale: "unweighted, 15.0% of scale".
func unweightedText(crossed float64) string {
	return "unweighted, " + PlanCostText(crossed, PercentOfScale) + PercentOfScale
}

// crossedOf is how far an actor's part of a way out crosses its red
// lines, in % of the issue's scale: its weighted cost over its share (0
// for an actor of no share).
func crossedOf(sd answer.DealSide) float64 {
	if sd.Share > 0 {
		return sd.Cost / sd.Share
	}
	return 0
}

// SetLine writes one way out for several actors together: each one's
// bends (BendText) and the cost (SetCostText). The answer carries it
// (DealWaySet.Text).
func SetLine(bends []string, st answer.DealWaySet, name func(string) string) string {
	return strings.Join(bends, "; ") + ". " + SetCostText(st, name) + "."
}

// SetCostText is a way out's capability-weighted cost when several
// actors give way together: the sum, each one's share and crossing, and
// the same weighting of the utility given up: "Weighted cost 14.3% of
// scale (Alpha's capability share 0.14 × 60.0% crossed + Beta's 0.29 ×
// 20.0%; 0.1429 utility)", in SetLine.
func SetCostText(st answer.DealWaySet, name func(string) string) string {
	parts := make([]string, len(st.Members))
	for i, m := range st.Members {
		// the first names the terms: "Alpha's capability share 0.14 ×
		// 60.0% crossed", the rest follow it: "Beta's 0.29 × 20.0%"
		who, tail := nouns.Possessive(name(m.Actor)), ""
		if i == 0 {
			who, tail = who+" capability share", " crossed"
		}
		parts[i] = fmt.Sprintf("%s %s × %s%%%s", who, fixed(m.Share, 2), PlanCostText(crossedOf(m), PercentOfScale), tail)
	}
	return fmt.Sprintf("Weighted cost %s%s (%s; %s utility); %s", PlanCostText(st.Cost, PercentOfScale), PercentOfScale, strings.Join(parts, " + "), PlanCostText(st.UtilityCost, UtilityUnit), unweightedText(setCrossed(st)))
}

// setCrossed is how far the actors of a way out together cross their
// red lines, unweighted: their crossings added up, in % of scale.
func setCrossed(st answer.DealWaySet) float64 {
	var x float64
	for _, m := range st.Members {
		x += crossedOf(m)
	}
	return x
}

// WayLine is one of a contradiction's ways out as deal search lists it
// (SideLine or SetLine) and the plans that take it (DealSide.Plans,
// DealWaySet.Plans).
type WayLine struct {
	Text  string
	Plans []string
}

// WayLines are a contradiction's ways out as deal search lists them:
// the actors alone, then the sets of actors together, in the words the
// answer carries (DealSide.Text, DealWaySet.Text: searchTexts).
func WayLines(c answer.DealContradiction) []WayLine {
	var out []WayLine
	for _, sd := range c.Sides {
		out = append(out, WayLine{sd.Text, sd.Plans})
	}
	for _, st := range c.Sets {
		out = append(out, WayLine{st.Text, st.Plans})
	}
	return out
}

// MoreSetsText says how many ways out for several actors together a
// contradiction does not list (deal.MaxWaySets), or "" when it lists
// them all. The answer carries it (DealContradiction.MoreSetsText).
func MoreSetsText(c answer.DealContradiction) string {
	if c.MoreSets == 0 {
		return ""
	}
	return fmt.Sprintf("Not listed: %s of actors that could also give way together (ways out together are listed fewest actors first, then the cheapest).", nouns.Count(c.MoreSets, "more set"))
}

// way is one way out as SidesChoice weighs it: whose (possessive), its
// weighted cost, its crossing unweighted and the plans that take it.
type way struct {
	whose   string
	cost    float64
	crossed float64
	plans   []string
}

// ways lists a contradiction's ways out, alone and together.
func ways(c answer.DealContradiction, name func(string) string) []way {
	var out []way
	for _, sd := range c.Sides {
		out = append(out, way{nouns.Possessive(name(sd.Actor)), sd.Cost, crossedOf(sd), sd.Plans})
	}
	for _, st := range c.Sets {
		var who []string
		for _, m := range st.Members {
			who = append(who, name(m.Actor))
		}
		out = append(out, way{nouns.Possessive(nouns.And(who)), st.Cost, setCrossed(st), st.Plans})
	}
	return out
}

// unweighedWays is every way out's crossing without the capability
// weight, beside the weighted costs SidesChoice compares: "unweighted,
// Ukraine's way out crosses 15.0% of scale, Russia's 15.0".
func unweighedWays(all []way) string {
	parts := make([]string, len(all))
	for i, w := range all {
		parts[i] = w.whose + " " + PlanCostText(w.crossed, PercentOfScale)
		if i == 0 {
			parts[i] = w.whose + " way out crosses " + PlanCostText(w.crossed, PercentOfScale) + PercentOfScale
		}
	}
	return "unweighted, " + strings.Join(parts, ", ")
}

// SidesChoice says which way out the plans below take and why: the
// least weighted cost, or a tie the rest of the package settled, or
// that a plan crosses the red lines of no one way out's actors alone.
// name gives an actor's name. The answer carries it
// (DealContradiction.ChoiceText).
func SidesChoice(c answer.DealContradiction, name func(string) string) string {
	all := ways(c, name)
	taken := map[string]*way{}
	for i := range all {
		for _, pl := range all[i].plans {
			taken[pl] = &all[i]
		}
	}
	why := func(sd *way) string {
		var others, ties []string
		for i := range all {
			o := &all[i]
			if o == sd {
				continue
			}
			if math.Abs(o.cost-sd.cost) <= 1e-9 {
				ties = append(ties, o.whose)
			} else {
				others = append(others, fmt.Sprintf("%s %s", o.whose, PlanCostText(o.cost, PercentOfScale)))
			}
		}
		if len(ties) > 0 {
			return fmt.Sprintf("it and %s cost the same (%s%s), and the rest of the package settled it", nouns.And(ties), PlanCostText(sd.cost, PercentOfScale), PercentOfScale)
		}
		least := true
		for _, o := range all {
			least = least && o.cost >= sd.cost
		}
		s := "its weighted cost is the least"
		if !least {
			s = "weighed with the rest of the package it costs least, though its own crossing does not"
		}
		if len(others) == 0 {
			return s
		}
		return fmt.Sprintf("%s (%s%s; %s); %s", s, PlanCostText(sd.cost, PercentOfScale), PercentOfScale, strings.Join(others, ", "), unweighedWays(all))
	}
	lo, bd := taken[PlanLower], taken[PlanBend]
	switch {
	case lo != nil && (bd == nil || bd == lo):
		who := "Both plans below take"
		if bd == nil {
			who = "The plan that lowers alternatives takes"
		}
		return fmt.Sprintf("%s %s way out: %s.", who, lo.whose, why(lo))
	case lo == nil && bd != nil:
		return fmt.Sprintf("The plan that bends red lines takes %s way out: %s.", bd.whose, why(bd))
	case lo != nil:
		return fmt.Sprintf("The plan that lowers alternatives takes %s way out: %s. The plan that bends red lines takes %s: %s.", lo.whose, why(lo), bd.whose, why(bd))
	}
	if len(c.Sets) > 0 {
		return "Neither plan takes one of the ways out listed: the actors each crosses on the issue are not those of any one of them."
	}
	return "Neither plan takes one way out alone: each crosses more than one actor's red lines on the issue."
}

// PlanHead says what a concession plan does, before its bends and
// shortfalls: lower (the plan that lowers alternatives) or not (the one
// that bends red lines); ways whether a contradiction's way out is shown
// above; crossed how many red lines plan 1 crosses all the same (its
// bends, the way out); shortfalls the names of those that would accept
// less than their alternative. The answer carries it (DealPlan.HeadText).
// Plan 1's head names its crossings: "red lines are kept, but for the way
// out above" read as if it kept them all, where it needed the very
// crossing plan 2 makes (webreview25).
func PlanHead(lower, ways bool, crossed int, shortfalls []string) string {
	if !lower {
		return "Plan 2, bend red lines: every actor keeps its alternative; red lines are crossed as follows"
	}
	s := "Plan 1, lower alternatives where needed: red lines are kept"
	if crossed > 0 {
		s = "Plan 1, lower alternatives where needed: " + nouns.Count(crossed, "red line") + " crossed"
		if ways {
			s += " (the way out above)"
		}
		s += ", the others kept"
	} else if ways {
		s += ", but for the way out above"
	}
	if len(shortfalls) == 0 {
		return s + "; none needs lowering: no actor accepts less than its alternative"
	}
	return s + "; " + nouns.And(shortfalls) + " " + nouns.Verb(len(shortfalls), "accept") + " less than " + map[bool]string{true: "its alternative", false: "their alternatives"}[len(shortfalls) == 1]
}

// PlanCostsLine is a plan's capability-weighted cost in both units, the
// one it minimises first: "cost, weighted by capability: 0.0041 utility
// given up (the least this plan reaches), 2.4% of scale crossed". The
// answer carries it (DealPlan.CostText).
func PlanCostsLine(lower bool, pl *answer.DealPlan) string {
	u := PlanCostText(pl.UtilityCost, UtilityUnit) + " " + UtilityUnit + " given up"
	x := PlanCostText(pl.ScaleCost, PercentOfScale) + PercentOfScale + " crossed"
	if lower {
		return "cost, weighted by capability: " + u + " (the least this plan reaches), " + x
	}
	return "cost, weighted by capability: " + x + " (the least this plan reaches), " + u
}

// SameCrossing reports whether two plans cross the same red lines to the
// same new edges, so that the second need not repeat them
// (SameCrossingText).
func SameCrossing(a, b []answer.DealBend) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if a[i].Actor != b[i].Actor || a[i].Issue != b[i].Issue || a[i].To != b[i].To {
			return false
		}
	}
	return true
}

// NoConcessionText stands for the bends and shortfalls of a plan that
// has none (DealPlan.NoConcessionText carries it): the package it opens
// is the whole concession. Without it, plan 2's head "red lines are
// crossed as follows" was followed by nothing at the command line.
const NoConcessionText = "no concession needed beyond the package it opens"

// SameCrossingText stands for plan 2's bends when they are plan 1's
// (DealPlan.SameCrossingText carries it).
const SameCrossingText = "the same crossing as plan 1 (the rest of the package may differ)"

// NoDealPackageText names the no-deal package the alternatives are
// measured against (the answer's no_deal) in words, as the other
// sentences name it rather than quoting the setting: "the no-deal
// package, smp's forecast" (model:smp), "the no-deal package, the
// reference points (status quo)" (reference), "no no-deal package
// (each actor's reservation only)" (none). SolverLine quoted the
// setting: `the no-deal package "model:smp"`.
func NoDealPackageText(noDeal string) string {
	if name := packageModel(noDeal); name != "" {
		return "the no-deal package, " + possessive(name) + " forecast"
	}
	switch noDeal {
	case "reference":
		return "the no-deal package, the reference points (status quo)"
	case "none", "":
		return "no no-deal package (each actor's reservation only)"
	}
	return "the no-deal package " + noDeal
}

// SolverLine is the search's technical detail in words, last: the
// loss's exponent ρ, the no-deal package behind the alternatives, the
// work, and how close to the best the numbers are certified (the largest
// certificate gap, and each plan's). The answer carries it
// (DealSearch.SolverText).
func SolverLine(rho float64, noDeal string, solves, steps int, maxGap float64, planGaps []float64) string {
	curve := "more than in proportion"
	if rho == 1 {
		curve = "in proportion"
	} else if rho < 1 {
		curve = "less than in proportion"
	}
	s := fmt.Sprintf("solver: utility falls %s to distance (ρ = %v); alternatives from %s; %s, %s; each solve certified within %s of its optimum (the largest certificate gap, on scales normalised to 0–1)",
		curve, rho, NoDealPackageText(noDeal), nouns.Count(solves, "solve"), nouns.Count(steps, "Newton step"), strconv.FormatFloat(maxGap, 'g', 2, 64))
	if len(planGaps) > 0 {
		g := make([]string, len(planGaps))
		for i, x := range planGaps {
			g[i] = strconv.FormatFloat(x, 'g', 2, 64)
		}
		s += "; the plans' costs within " + nouns.And(g) + " of their least, each in its unit"
	}
	return s
}
