package ask

// A contradiction's way out is chosen by its weighted cost alone: the
// actor's capability share times how far it crosses its red line. When
// the runner-up costs little more, or the capabilities behind the two
// costs are judgements with ranges that reverse them, or an input behind
// them rests on no quote, the choice is a close call and every door says
// so, naming the runner-up and what it would open (docs/DECISIONS.md,
// "closecall26").

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/evidence"
	"parley/nouns"
	"parley/scenario"
)

// CloseRatio is the largest ratio of the runner-up's weighted cost to
// the chosen way out's at which the choice is a close call. The two
// costs differ only by the actors' capabilities (and how far each must
// cross), and capabilities are judgements coded in round numbers ("a
// judgement", as scenarios' capability scales say): a capability misread
// by a tenth, one up and the other down, moves the ratio of two costs by
// about 1.1/0.9 ≈ 1.22. Within 1.25 the choice is no firmer than the
// inputs it is read from; past it, both capabilities would have to be off
// by more than a tenth in opposite directions.
const CloseRatio = 1.25

// AssumedRatio is the largest ratio at which an assumed input behind the
// two costs (a capability or a red line resting on no quote) makes the
// choice a close call by itself. An assumed capability is a guess, not a
// reading: two guesses each off by 30 to 40%, one up and one down,
// reverse a ratio of 2 (1.4/0.7), and an assumed red line may sit a
// whole option away. Past twice the cost the choice stands even on
// guesses that far off, and naming every assumed input of a case resting
// on few quotes would be noise.
const AssumedRatio = 2.0

// wayOut is one way out as closeCall weighs it: its actors, its value on
// the issue, its weighted cost, each member's crossing (in % of the
// issue's scale) and the plans that take it.
type wayOut struct {
	actors  []string
	value   float64
	cost    float64
	crossed map[string]float64
	plans   []string
}

func closeWays(c answer.DealContradiction) []wayOut {
	var out []wayOut
	for _, sd := range c.Sides {
		out = append(out, wayOut{[]string{sd.Actor}, sd.Value, sd.Cost, map[string]float64{sd.Actor: crossedOf(sd)}, sd.Plans})
	}
	for _, st := range c.Sets {
		w := wayOut{value: st.Value, cost: st.Cost, crossed: map[string]float64{}, plans: st.Plans}
		for _, m := range st.Members {
			w.actors = append(w.actors, m.Actor)
			w.crossed[m.Actor] = crossedOf(m)
		}
		out = append(out, w)
	}
	return out
}

// closeCalls fills each contradiction's Close (CloseCall) where the
// choice of way out is a close call (closeCall), searching again with
// the issue fixed at the runner-up's value for the plan it would open.
func (c *Case) closeCalls(ctx context.Context, out *answer.DealSearch, din *deal.Input, o deal.Options) error {
	con := out.Result.Concession
	if con == nil {
		return nil
	}
	for i := range con.Contradictions {
		ct := &con.Contradictions[i]
		cc := c.closeCall(*ct)
		if cc == nil {
			continue
		}
		ro := o
		ro.Fix = maps.Clone(o.Fix)
		if ro.Fix == nil {
			ro.Fix = map[string]float64{}
		}
		ro.Fix[ct.Issue] = cc.Value
		ro.Frontier, ro.Samples = -1, -1
		res, err := deal.SearchContext(ctx, din, ro)
		if err != nil {
			return err
		}
		if r := res.Concession; r != nil && r.LowerAlternatives != nil && deal.CrossesExactly(r.LowerAlternatives.Bends, ct.Issue, cc.RunnerUp) {
			cc.Plan = r.LowerAlternatives
		}
		cc.Text = CloseCallText(&out.Scenario, ct.Issue, *cc)
		ct.Close = cc
	}
	return nil
}

// closeCall weighs the way out the plans take (that of the plan that
// lowers alternatives, else the other plan's) against the cheapest other
// way out: a close call when the runner-up costs at most CloseRatio times
// as much (Margin), when the stated capability ranges of their actors
// let it cost no more (Flips), or when an input the two costs rest on is
// assumed (their actors' capabilities and red lines on the issue) and
// the runner-up costs less than AssumedRatio times as much. Nil
// when it is none of these, when there is no runner-up, or when the
// chosen way out costs nothing and the runner-up something (both
// nothing is a tie, Ratio 1). Its Plan and Text
// are left to closeCalls.
func (c *Case) closeCall(ct answer.DealContradiction) *answer.DealCloseCall {
	ws := closeWays(ct)
	ci := slices.IndexFunc(ws, func(w wayOut) bool { return slices.Contains(w.plans, PlanLower) })
	if ci < 0 {
		ci = slices.IndexFunc(ws, func(w wayOut) bool { return len(w.plans) > 0 })
	}
	if ci < 0 {
		return nil
	}
	ri := -1
	for i, w := range ws {
		if i != ci && (ri < 0 || w.cost < ws[ri].cost) {
			ri = i
		}
	}
	if ri < 0 {
		return nil
	}
	ch, ru := ws[ci], ws[ri]
	cc := &answer.DealCloseCall{Chosen: ch.actors, RunnerUp: ru.actors, ChosenCost: ch.cost, RunnerUpCost: ru.cost, Value: ru.value, Ratio: 1}
	switch {
	case ch.cost > 0:
		cc.Ratio = ru.cost / ch.cost
	case ru.cost > 0:
		// the chosen way out costs nothing and the runner-up something:
		// no ratio to read (it would be +Inf, which JSON cannot carry and
		// the text would print as "+Inf times"), and no close call
		return nil
	}
	// both costing nothing is a tie: Ratio 1
	cc.Margin = cc.Ratio <= CloseRatio
	cc.Flips = c.flips(ch, ru)
	cc.Assumed = c.assumedBehind(ct.Issue, append(slices.Clone(ch.actors), ru.actors...))
	if !cc.Margin && !cc.Flips && (len(cc.Assumed) == 0 || cc.Ratio >= AssumedRatio) {
		return nil
	}
	return cc
}

// flips reports whether some capabilities within the actors' stated
// ranges (each at its stated value where it states none) make the
// runner-up cost no more than the chosen way out. Both costs share the
// denominator of the capability shares (the required actors' or the
// coalition's total), so the comparison is of Σ capability × crossing:
// each actor's capability goes to the end of its range that favours
// the runner-up.
func (c *Case) flips(ch, ru wayOut) bool {
	d := 0.0 // chosen − runner-up, at the ends favouring the runner-up
	for _, a := range c.Resolved.Actors {
		coef := ch.crossed[a.ID] - ru.crossed[a.ID]
		if coef == 0 {
			continue
		}
		cap := a.Capability
		if r := a.CapabilityRange; r != nil {
			cap = r[0]
			if coef > 0 {
				cap = r[1]
			}
		}
		d += cap * coef
	}
	return d >= -1e-9
}

// assumedBehind names, in the actors' order in the scenario, the inputs
// of the actors (ids) that rest on no quote, only on an assumption: their
// capabilities and their red lines on the issue.
func (c *Case) assumedBehind(issue string, actors []string) []string {
	h := &c.Header
	var out []string
	caps := evidence.AssumedCapabilities(c.Resolved)
	lines := evidence.AssumedRedLines(c.Resolved)
	for _, a := range c.Resolved.Actors {
		if !slices.Contains(actors, a.ID) {
			continue
		}
		if slices.ContainsFunc(caps, func(x scenario.Actor) bool { return x.ID == a.ID }) {
			out = append(out, nouns.Possessive(h.ActorName(a.ID))+" capability")
		}
		if slices.ContainsFunc(lines, func(r evidence.RedLine) bool { return r.Actor == a.ID && r.Issue == issue }) {
			out = append(out, nouns.Possessive(h.ActorName(a.ID))+" red line on "+h.IssueName(issue))
		}
	}
	return out
}

// CloseCallText says why a contradiction's choice of way out is a close
// call and what the runner-up would open: "A close call: Hospital
// group's way out costs 3.3% of scale, 1.14 times Nurses' union's 2.9
// (within 1.25); within the stated capability ranges (Hospital group
// 35–50, Nurses' union 25–40) it would cost no more. The costs rest on
// assumed inputs: Nurses' union's capability. Taking Hospital group's
// way out instead (Wage increase (%) fixed at 6.0: --fix wage=6) opens
// …". The answer carries it (DealCloseCall.Text).
func CloseCallText(p *answer.Scenario, issue string, cc answer.DealCloseCall) string {
	names := func(ids []string) string { return nouns.Possessive(nouns.And(NamesOf(ids, p.ActorName))) }
	chosen, runner := names(cc.Chosen), names(cc.RunnerUp)
	var b strings.Builder
	if cc.Margin || cc.Flips {
		fmt.Fprintf(&b, "A close call: %s way out has a weighted cost of %s%s, %s times %s %s", runner, PlanCostText(cc.RunnerUpCost, PercentOfScale), PercentOfScale,
			fixed(cc.Ratio, 2), chosen, PlanCostText(cc.ChosenCost, PercentOfScale))
		if cc.Margin {
			fmt.Fprintf(&b, " (within %s times: capabilities a tenth off, one up and one down, would reverse it)", strconv.FormatFloat(CloseRatio, 'f', -1, 64))
		}
		if cc.Flips {
			b.WriteString("; within the stated capability ranges it could cost no more")
		}
		b.WriteString(".")
	} else {
		fmt.Fprintf(&b, "The runner-up, %s way out, has a weighted cost of %s%s, %s times %s %s.", runner, PlanCostText(cc.RunnerUpCost, PercentOfScale), PercentOfScale,
			fixed(cc.Ratio, 2), chosen, PlanCostText(cc.ChosenCost, PercentOfScale))
	}
	if len(cc.Assumed) > 0 {
		fmt.Fprintf(&b, " The choice rests on assumed inputs (no quote): %s.", nouns.And(cc.Assumed))
	}
	d := p.IssueDecimals(issue)
	fix := fmt.Sprintf("%s fixed at %s: deal search's fix, --fix %s=%s", p.IssueName(issue), numD(cc.Value, d), issue, strconv.FormatFloat(cc.Value, 'f', -1, 64))
	if pl := cc.Plan; pl != nil {
		fmt.Fprintf(&b, " Taking %s way out instead (%s) opens %s, at %s %s given up and %s%s crossed, weighted by capability.", runner, fix,
			listedPackageText(p, &pl.Package), PlanCostText(pl.UtilityCost, UtilityUnit), UtilityUnit, PlanCostText(pl.ScaleCost, PercentOfScale), PercentOfScale)
	} else {
		fmt.Fprintf(&b, " To see the plan %s way out opens, search with %s.", runner, fix)
	}
	return b.String()
}

// CloseCallBrief is CloseCallText for the one-page brief: why the choice
// is close and how to ask for the runner-up's plan, in one sentence,
// without the runner-up's package (deal search prints it).
func CloseCallBrief(p *answer.Scenario, issue string, cc answer.DealCloseCall) string {
	runner := nouns.Possessive(nouns.And(NamesOf(cc.RunnerUp, p.ActorName)))
	var why []string
	switch {
	case cc.Margin && cc.Flips:
		why = append(why, "capabilities a tenth off, or within their stated ranges, would reverse it")
	case cc.Margin:
		why = append(why, "capabilities a tenth off would reverse it")
	case cc.Flips:
		why = append(why, "capabilities within their stated ranges could reverse it")
	}
	if len(cc.Assumed) > 0 {
		why = append(why, "it rests on assumed inputs ("+nouns.And(cc.Assumed)+")")
	}
	if len(why) == 0 {
		return ""
	}
	fix := issue + "=" + strconv.FormatFloat(cc.Value, 'f', -1, 64)
	if !cc.Margin && !cc.Flips {
		// assumed inputs alone: not called close, as CloseCallText
		// does not call it
		return fmt.Sprintf("The runner-up, %s way out, costs %s times as much, and %s; --fix %s searches it.", runner, fixed(cc.Ratio, 2), nouns.And(why), fix)
	}
	return fmt.Sprintf("A close call: %s way out costs %s times as much, but %s; --fix %s searches it.", runner, fixed(cc.Ratio, 2), nouns.And(why), fix)
}
