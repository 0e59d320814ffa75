package ask

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"parley/answer"
	"parley/nouns"
)

// AdviseHead is the line that heads advice at every door
// (Advice.HeadText): the actor, the model and how its shifts are found
// (the method), why that model where it is advise's default
// (answer.DefaultAdviseModelWhy: the one place that says so), and the
// actor's utility at the forecast.
func AdviseHead(a *answer.Advice) string {
	model := "model " + a.Model
	if a.Model == answer.DefaultAdviseModel {
		model = fmt.Sprintf("model %s, advise's default (%s)", a.Model, answer.DefaultAdviseModelWhy)
	}
	return fmt.Sprintf("Advice for %s (%s), %s, method %s; its utility at the forecast %s", a.Name, a.Actor, model, a.Method, UtilityText(float64(a.Utility)))
}

// AdviseStepText says what one lever's step is on an issue
// (IssueAdvice.StepText): the step on a position, step × the width of the
// issue's scale, and on a salience, step on the file's salience scale,
// with step in its unit (AdviseStepUnit) and where it comes from, advise's
// default (answer.DefaultAdviseStep) or the request: "One step, at most:
// 0.5 on a position, 5% of the scale 0–10, and 0.05 on a salience, 5% of
// its scale 0–1 (step 0.05, a share of the scale; advise's default)."
func AdviseStepText(sc *answer.Scenario, issue string, lo, hi, step float64) string {
	d := sc.IssueDecimals(issue)
	ss := salienceScale(sc)
	pos := trimZeros(strconv.FormatFloat(step*(hi-lo), 'f', d+2, 64))
	sal := trimZeros(strconv.FormatFloat(step*ss, 'f', 4, 64))
	from := "advise's default"
	if step != answer.DefaultAdviseStep {
		from = fmt.Sprintf("as asked (advise's default is %s)", PlainValue(answer.DefaultAdviseStep))
	}
	// a step is an input, written as stated: PercentText with the
	// decimals it takes (2.5% for 0.025), none for a whole percent
	exact := trimZeros(nouns.RoundHalfAway(step, 2, chanceDecimals))
	share := PercentText(step, max(len(exact)-strings.IndexByte(exact+".", '.')-1, 0))
	return fmt.Sprintf("One step, at most: %s on a position, %s of the scale %s–%s, and %s on a salience, %s of its scale 0–%s (step %s, %s; %s).",
		pos, share, PlainValue(lo), PlainValue(hi), sal, share, PlainValue(ss), PlainValue(step), AdviseStepUnit, from)
}

// trimZeros drops the trailing zeros of a decimal ("0.500" → "0.5").
func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// walksBack is an own-position lever's WalksBack: the proposals on the
// table at the case's date (not withdrawn) that actor is a proposer of
// (ActorRef: by id, alias or name) whose package sets the lever's issue
// at a value the lever moves the actor away from ("walks back its own
// tabled offer hospital-offer-2 at 4.0"); "" for none, and for every
// other kind of lever.
func (c *Case) walksBack(lv answer.Lever, actor string) string {
	if lv.Kind != answer.LeverOwnPosition {
		return ""
	}
	var named []string
	for _, pr := range c.Resolved.Proposals {
		on := pr.Withdrawn == ""
		if c.Header.AsOf != "" && pr.Date != "" {
			on = pr.OnTable(c.Header.AsOf)
		}
		v, ok := pr.Package[lv.Issue]
		if !on || !ok || !slices.ContainsFunc(pr.Proposers, func(id string) bool { return c.actorID(id) == actor }) {
			continue
		}
		if math.Abs(lv.To-v) > math.Abs(lv.From-v) {
			named = append(named, fmt.Sprintf("%s at %s", pr.ID, InputValue(&c.Header, "position", lv.Issue, v)))
		}
	}
	if len(named) == 0 {
		return ""
	}
	return fmt.Sprintf("walks back its own tabled %s %s", nouns.For(len(named), "offer"), nouns.And(named))
}

// leverWords is LeverText with the lever's walk-back of a tabled offer
// (WalksBack), which every sentence naming the lever carries.
func leverWords(sc *answer.Scenario, lv answer.Lever) string {
	s := LeverText(sc, lv)
	if lv.WalksBack != "" {
		s += ", which " + lv.WalksBack
	}
	return s
}

// LeverSentence is a lever in words (Lever.Text): leverWords, then how
// much closer (or farther) the forecast comes, on the issue's scale with
// one more decimal and as a share of the scale's width, and the utility
// the actor gains (or loses), with that as a share of what it lacks at
// the forecast (1 − utility), which gives a gain of 0.0082 its size:
// "moving its own position from 4.0 to 3.5, which walks back its own
// tabled offer hospital-offer-2 at 4.0: the forecast comes 0.21 closer
// (2% of the scale), utility +0.0082 (4% of the 0.202 it lacks at
// the forecast)".
func LeverSentence(sc *answer.Scenario, lv answer.Lever, lo, hi, utility float64) string {
	d := sc.IssueDecimals(lv.Issue)
	s := leverWords(sc, lv)
	t := float64(lv.Toward)
	if !finite(t) {
		return s
	}
	way := "closer"
	if t < 0 {
		way = "farther"
	}
	s += fmt.Sprintf(": the forecast comes %s %s (%s of the scale)", gd(math.Abs(t), d+1), way, shareText(math.Abs(t), hi-lo))
	if g := float64(lv.Gain); finite(g) {
		s += ", utility " + gainText(g)
		if sh := gainShare(g, utility); sh != "" {
			s += " (" + sh + ")"
		}
	}
	return s
}

// gainText is a utility gain as the tables write it: signed, four
// decimals.
func gainText(g float64) string { return fmt.Sprintf("%+.4f", g) }

// gainShare is a gain's share of what the actor lacks at the forecast
// (1 − utility), "4% of the 0.202 it lacks at the forecast"; "" when
// it lacks nothing.
func gainShare(g, utility float64) string {
	lack := 1 - utility
	if !finite(g) || !(lack > 1e-12) {
		return ""
	}
	return fmt.Sprintf("%s of the %s it lacks at the forecast", shareText(math.Abs(g), lack), UtilityText(lack))
}

// shareText is x as a percentage of of, by PercentText's rule: a whole
// percent ("12%", "4%", "1%" for 0.82%), more decimals only where a share strictly
// between 0 and 1 would read 0% or 100% ("0.3%").
func shareText(x, of float64) string { return PercentText(x/of, 0) }

// adviseTopText is Advice.TopText: the levers with the largest utility
// gains, each in leverWords, its issue and its gain with its share of
// what the actor lacks; "" when none gains.
func adviseTopText(a *answer.Advice) string {
	if len(a.Top) == 0 {
		return ""
	}
	var ls []string
	for _, lv := range a.Top {
		gain := gainText(float64(lv.Gain))
		if sh := gainShare(float64(lv.Gain), float64(a.Utility)); sh != "" {
			gain += ", " + sh
		}
		ls = append(ls, fmt.Sprintf("%s on %s (%s)", leverWords(&a.Scenario, lv), a.Scenario.IssueName(lv.Issue), gain))
	}
	return "Largest utility gains: " + strings.Join(ls, "; ") + "."
}
