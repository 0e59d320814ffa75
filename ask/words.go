package ask

// The words of tables and lines that the command line and the page both
// print, in one place each: the command line calls these, and the page
// has a twin of some (named in each comment) that its end-to-end tests
// compare with them. The deal answers carry theirs instead (BendText,
// ShortfallLine, VerdictText, CrossedText: dealtexts.go), and so do
// advice and the evidence coverage (LeverKindText, LeverColumns,
// AdviseIssueHead, CoverageRowHead, CoverageOverall: answertexts.go),
// which every door prints as they are. Where the two doors had worded a
// thing differently, the words here are the clearer of the two
// (docs/DECISIONS.md, "One wording for the deal's, advice's and
// coverage's lines").

import (
	"cmp"
	"fmt"
	"math"
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/nouns"
	"parley/scenario"
	"parley/sweep"
)

// BendText writes one red line a concession plan bends, in words
// (scenario.RedLine.Needs of the red_line and to the answer keeps for
// programs): who crosses it, what it needed and now accepts, how far it moves (by,
// on the issue's scale with its decimals) or that the actor must accept
// the very value its strict red line excluded, the utility it gives up
// (on its 0–1 utility scale, the scale of its alternative) as the issue
// goes from the value the crossing is costed from (from, as by, which
// fromWhat names) to the new edge (to), and the labelled options its
// red line refused and no longer does (not the package's value, which
// may lie between options):
//
//	Ukraine crosses its red line (Territory below 65) to accept it at
//	65 or below (the very value it excluded); its utility falls by
//	0.025 (on 0–1) from Territory at 50.0, the last option it allowed,
//	to 65.0, and it no longer refuses “65: …”
//
// "it gives up 0.025 utility (from 50.0)" left the reader to guess what
// 50.0 was and the unit of 0.025. The answer carries it (DealBend.Text,
// by BendLine).
func BendText(actor, issue string, b answer.DealBend, by, from, to, fromWhat string) string {
	how := "moves " + by + " points"
	if b.Strict {
		how = "the very value it excluded"
	}
	s := fmt.Sprintf("%s crosses its red line (%s) to accept %s (%s); its utility falls by %s (on 0–1) from %s at %s, %s, to %s",
		actor, redLineWords(issue, b.RedLine), redLineWords("it", b.To), how, UtilityText(b.UtilityLost), issue, from, fromWhat, to)
	if len(b.Options) > 0 {
		q := make([]string, len(b.Options))
		for i, o := range b.Options {
			q[i] = "“" + o + "”"
		}
		s += ", and it no longer refuses " + strings.Join(q, ", ")
	}
	return s
}

// ShortfallLine writes one required actor's shortfall in a plan that
// lowers alternatives: what it accepts, how far below its alternative
// (ShortfallText), and the same as moves of its positions, each written
// "Territory 50.0 → 45.0" with the issue's decimals (none: the moves are
// too small to show). The answer carries it (DealShortfall.Text).
func ShortfallLine(actor string, s answer.DealShortfall, moves []string) string {
	line := fmt.Sprintf("%s accepts %s, %s below its alternative %s", actor, UtilityText(s.Utility), ShortfallText(s.By), UtilityText(s.Alternative))
	if len(moves) == 0 {
		return line + "; the same as moves of its positions too small to show"
	}
	return line + "; the same as moving its positions: " + strings.Join(moves, ", ")
}

// MoveText is one issue's move in ShortfallLine: "Territory 50.0 → 45.0".
func MoveText(issue, from, to string) string { return issue + " " + from + " → " + to }

// VerdictText is an actor's verdict on a package in a deal's table:
// "accepts" or "blocks", "red lines not checked" for an accepting actor
// whose red lines nobody checked (a search's package, an actor outside
// the zone's coalition), and " (not required)" after it for an actor
// whose acceptance is not needed; "accepts by default" for one whose
// yes its default alternative decides (deal.Verdict.Defaulted: none
// stated, so 0, below every package; the answer's default_note says so
// in words). Deal evaluate's and proposals' verdicts carry it
// (DealVerdict.VerdictText); the command line's table of a search's
// package, which no answer holds, calls it.
func VerdictText(accepts, unchecked, required, defaulted bool) string {
	v := "accepts"
	if !accepts {
		v = "blocks"
	} else if unchecked {
		v = "red lines not checked"
	} else if defaulted {
		v = "accepts by default"
	}
	if !required {
		v += " (" + RequiredText(false) + ")"
	}
	return v
}

// RequiredText says whether a deal needs an actor's acceptance, as every
// door marks the actor in a deal's tables: "required" or "not required"
// (VerdictText's "(not required)"; the page's hint beside an actor said
// "need not accept", the command line "not required"). A robust
// analysis's actors (answer.RobustActor.RequiredText) and a search's
// alternatives (answer.DealAlternative.RequiredText) carry it.
func RequiredText(required bool) string {
	if required {
		return "required"
	}
	return "not required"
}

// SupportText is one proposal's support at one snapshot, as the
// timeline of deal proposals shows it at every door: the actors that
// accept it of those judged ("2/3"), " ✓" when it is accepted, and
// " (1 by default)" when some of those yeses only the default
// alternative decides (ProposalSupport.Defaulted; TimelineNote says
// what that means); "not judged" when it could not be judged then.
func SupportText(p answer.ProposalSupport) string {
	if p.Error != "" {
		return "not judged"
	}
	s := fmt.Sprintf("%d/%d", len(p.Accepts), len(p.Accepts)+len(p.Rejects))
	if p.Accepted {
		s += " ✓"
	}
	if n := len(p.Defaulted); n > 0 {
		s += fmt.Sprintf(" (%d by default)", n)
	}
	return s
}

// TimelineNote is the note under a timeline some of whose yeses a
// default decides (DealProposals.TimelineNote): what SupportText's
// "(n by default)" means, in the words every answer a default decides
// says it with (deal.NoAlternative); "" when no yes is a default's.
func TimelineNote(tl []answer.ProposalSnapshot) string {
	for _, s := range tl {
		for _, p := range s.Proposals {
			if len(p.Defaulted) > 0 {
				return "(n by default): n of those yeses are a default's: the actors " + deal.NoAlternative(2) + "."
			}
		}
	}
	return ""
}

// TimelineOpenRedLines says, under the timeline of deal proposals at
// every door, which red lines the issues a proposal leaves open would
// cross at each snapshot, unchecked (each snapshot's
// ProposalSupport.OpenRedLinesText): a line a sentence, with the
// proposals it is said of, by their names as the timeline's rows name
// them (listName; the id where one has none), and the snapshots it holds
// at, in the timeline's order: "African Union compromise, at base and
// 2025-03-01: Egypt's red line … would be crossed …". Proposals whose
// sentence is the same at the same snapshots share one line, said of
// them all ("A and B, at 2025-08-18: … an issue these proposals leave
// open …"), so a red line every proposal leaves open is said once, not
// once a proposal. Nil where no snapshot has one.
func TimelineOpenRedLines(tl []answer.ProposalSnapshot) []string {
	type key struct{ name, text string }
	var keys []key
	at := map[key][]string{}
	for _, s := range tl {
		for _, p := range s.Proposals {
			if p.OpenRedLinesText == "" {
				continue
			}
			k := key{cmp.Or(p.Name, p.ID), p.OpenRedLinesText}
			if _, ok := at[k]; !ok {
				keys = append(keys, k)
			}
			at[k] = append(at[k], s.Snapshot)
		}
	}
	// One line a sentence and its snapshots, naming every proposal
	// that has them, in the order of the first.
	type line struct{ text, snapshots string }
	var lines []line
	names := map[line][]string{}
	for _, k := range keys {
		l := line{k.text, nouns.And(at[k])}
		if _, ok := names[l]; !ok {
			lines = append(lines, l)
		}
		names[l] = append(names[l], listName(k.name))
	}
	var out []string
	for _, l := range lines {
		text := l.text
		if len(names[l]) > 1 {
			text = openRedLinesOfMany(text)
		}
		out = append(out, nouns.And(names[l])+", at "+l.snapshots+": "+text)
	}
	return out
}

// redLineWords is scenario.RedLine.Needs of a red line as an answer's
// red_line field writes it (scenario.RedLine.String); one it cannot read, as it
// is after the issue's name.
func redLineWords(issue, expr string) string {
	r, ok, err := scenario.ParseRedLine(expr)
	if !ok || err != nil {
		return issue + " " + expr
	}
	return r.Needs(issue)
}

// CrossedText is one red line a package crosses, in words
// (scenario.RedLine.Needs of the red_line the answer keeps for
// programs), with the value the package gives its issue (with the issue's decimals):
// "Territory at 65 or above (the package has 47.0)". The answer carries
// it (DealCrossing.Text).
func CrossedText(issue, redLine, value string) string {
	return redLineWords(issue, redLine) + " (the package has " + value + ")"
}

// LeverKindText names a lever's kind (answer.Lever's Kind) in advice's
// tables: "own position", "own salience", "persuade: position",
// "persuade: salience"; an unknown kind as it is. The answer carries it
// (Lever.KindText).
func LeverKindText(kind string) string {
	switch kind {
	case answer.LeverOwnPosition:
		return "own position"
	case answer.LeverOwnSalience:
		return "own salience"
	case answer.LeverPersuadePosition:
		return "persuade: position"
	case answer.LeverPersuadeSalience:
		return "persuade: salience"
	}
	return kind
}

// LeverColumns head advice's table of levers, a lever a row: its kind,
// the actor it moves, the value from and to, the forecast's move, how
// much closer it comes to the advised actor, and what the actor gains
// and loses by it. The answer carries them (Advice.LeverColumns).
func LeverColumns() []string {
	return []string{"Lever", "Actor", "From", "To", "Shift", "Closer by", "Gain", "Cost"}
}

// AdviseIssueHead heads one issue of an actor's advice: the forecast,
// where the actor stands, how much it cares and how far apart they are,
// numbers with the issue's decimals and the salience on the file's scale
// (InputValue): "Ceasefire: forecast 40.0, Ukraine at 10.0 (salience
// 0.90), 30.0 apart", "(salience 90)" on 0–100. The answer carries it
// (IssueAdvice.HeadText).
func AdviseIssueHead(sc *answer.Scenario, issue, forecast, actor, position string, salience float64, distance string) string {
	return fmt.Sprintf("%s: forecast %s, %s at %s (salience %s), %s apart", issue, forecast, actor, position, InputValue(sc, "salience", "", salience), distance)
}

// SwingWhat is what a sensitivity swing's input is, after its actor's
// name: " · position", " · capability", and " · salience on NATO" for an
// input on another issue (by its name) than the tornado's (issue ""
// otherwise). A sensitivity answer carries it (SensitivitySwing.WhatText,
// sensitivityTexts), which every door prints after the actor's name.
func SwingWhat(kind, issue string) string {
	if issue != "" {
		return " · " + kind + " on " + issue
	}
	return " · " + kind
}

// CoverageRowHead heads a row of the evidence coverage table: "actor
// United States", "issue Ceasefire", by name. The answer carries it
// (CoverageShare.HeadText).
func CoverageRowHead(kind, name string) string { return kind + " " + name }

// CoverageOverall heads the coverage table's row over every stance.
const CoverageOverall = "overall"

// PointsText is the scale points of a forecast's nearest options: "→70",
// "→25 / 75" for a tie (TieJoin, as the options' labels are joined),
// each as written (never in exponent form). It goes before their
// labels, which a narrow cell clips: two options whose labels begin
// alike ("30-day ceasefire…") stay apart by their points.
// A forecast carries it (answer.IssueForecast.PointsText, forecastTexts).
func PointsText(as []answer.Anchor) string {
	if len(as) == 0 {
		return ""
	}
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = PlainValue(a.Value)
	}
	return "→" + strings.Join(out, TieJoin)
}

// forecastTexts fills the words a forecast of one issue carries, from
// its nearest options: the points all of it reads as (PointsText) — of
// its nearest when it settled, of the one option its whole range reads
// as when it did not — and those options by points and labels, "→70
// 30-day ceasefire" (TieJoin between a tie's labels), with
// OverAllItsRange after an unsettled forecast's. Both are left empty
// for a forecast that did not settle whose range reaches several
// options, or none: no option reads as all of it.
func forecastTexts(f *answer.IssueForecast) {
	if len(f.Nearest) == 0 || (!f.Settled && len(f.Nearest) > 1) {
		return
	}
	f.PointsText = PointsText(f.Nearest)
	f.NearestText = f.PointsText + " " + optionLabel(f.Nearest)
	if !f.Settled {
		f.NearestText += OverAllItsRange
	}
}

// LikelyText names one of a distribution's likeliest (answer.Likely): an
// option by its point, as a forecast's nearest options are (PointsText),
// and its label, "→55 30-day ceasefire"; a stated position by its value
// (with the issue's decimals) and the names of the actors stated there,
// "62.0 (Alpha, Beta)". A tie's are joined " / ". A distribution carries
// it (answer.Likely.Text, LikeliestTexts), which every door prints.
func LikelyText(l answer.Likely, value string, names []string) string {
	if len(l.Actors) > 0 {
		return value + " (" + strings.Join(names, ", ") + ")"
	}
	return PointsText([]answer.Anchor{{Value: l.Value}}) + " " + l.Label
}

// LikeliestChance is the chance of a distribution's likeliest (each of a
// tie's), as Chance writes it: "26%"; NoNumber when none is a number. A
// distribution carries it (answer.Distribution.LikeliestChanceText,
// LikeliestTexts), which every door prints.
func LikeliestChance(ls []answer.Likely) string {
	p := math.Inf(-1)
	for _, l := range ls {
		if v := float64(l.P); !math.IsNaN(v) && !math.IsInf(v, 0) {
			p = math.Max(p, v)
		}
	}
	return Chance(p)
}

// LikeliestTexts writes the words of d, a distribution of issue's
// outcome on sc: each likeliest's Text (LikelyText, a position's value
// with the issue's decimals, its actors by name) and the likeliest's
// chance (LikeliestChance), which every door prints as they are.
func LikeliestTexts(sc *answer.Scenario, issue string, d *answer.Distribution) {
	for i := range d.Likeliest {
		l := &d.Likeliest[i]
		l.Text = LikelyText(*l, Decimals(l.Value, sc.IssueDecimals(issue)), NamesOf(l.Actors, sc.ActorName))
	}
	d.LikeliestChanceText = LikeliestChance(d.Likeliest)
}

// PercentText writes a share x (a part of one) as a percent, by the one
// rule every door writes a share with: d decimals (d = 0, a whole
// percent, "26%", except where a door reads shares side by side in a
// column and gives them its fewest decimals, as ShareDecimals does), and
// more decimals only where d would mislead: a share strictly between 0
// and 1 never reads "0%" or "100%" ("0.3%", "0.004%", "99.7%"), up to
// chanceDecimals (or d, if more); one nearer 0 or 1 than that reads
// "<0.0001%" or ">99.9999%". NoNumber when x is not a number. A share
// that is 0 or 1 reads "0%" or "100%"; one outside 0–1 (a negative share,
// a ratio above one) is written with d decimals. Every percent rounds
// half away from zero on the decimal number a reader would compute from
// x (its shortest decimal form times 100), as by hand: 0.025 reads "3%"
// and 0.0249 "2%", 0.145 "15%" though its binary value is a hair under,
// -0.025 "-3%" (nouns.Percent, the rule itself, which layers below ask
// use too; PercentPointsText is it for a number already in percent).
// Before, Go's formatting rounded the binary value half to even ("2%"
// for 0.025, "14%" for 0.145). Chance, ChanceInterval,
// CoverageText, WeightShareText, the share of a scale or of what an actor
// lacks in advice's sentences (shareText) and the share of runs a
// warning counts (percent) are each this rule.
func PercentText(x float64, d int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return NoNumber
	}
	return nouns.Percent(x, d)
}

// PercentPointsText writes p, a number already in percent (a distance
// or a crossing as a percent of a scale: 8.65), by PercentText's rule
// (nouns.PercentPoints): d decimals rounded half away from zero on p as
// written ("8.7%"), and more where a p strictly between 0 and 100 would
// read "0%" or "100%" ("0.02%" at one decimal, not "0.0%"); NoNumber
// when p is not a number. A distance from a forecast (DistancePct), how
// far an unsettled forecast still moved (the settle warning) and a
// concession plan's cost in % of scale (PlanCostText) are each this rule.
func PercentPointsText(p float64, d int) string {
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return NoNumber
	}
	return nouns.PercentPoints(p, d)
}

// Chance writes a probability (0–1) as every door writes a chance: in
// whole percent, "26%", by PercentText's rule (d = 0): a nonzero chance
// never reads "0%" ("0.3%", "0.004%") and one below 1 never reads
// "100%" ("99.7%"); NoNumber when p is not a number. The likeliest
// option's chance (LikeliestChance), an advice lever's share of draws
// that help (answer.Lever.HelpsText) and smp's options
// (answer.SMPOption.ProbabilityText, its turns' sentences) are written
// by it; a share of a sweep's draws, with its interval, by
// ProbabilityText.
func Chance(p float64) string { return PercentText(p, 0) }

// chanceDecimals is the most decimals PercentText adds to keep a share
// from reading "0%" or "100%" (nouns.PercentDecimals).
const chanceDecimals = nouns.PercentDecimals

// TieJoin joins the options equally near a forecast (a tie), their
// points (PointsText) as their labels: "A / B". TieLegend says so under
// a table that shows one.
const (
	TieJoin   = " / "
	TieLegend = "A / B: a tie, equally near both options; A to B: the options a range that did not settle reaches"
)

// ReachJoin joins the lowest and the highest of the options a forecast
// that did not settle reaches across its range: "1:5 to 1:6", never
// TieJoin's "/", which is a tie's (ReachedText).
const ReachJoin = " to "

// ReachedText names the options a forecast's range reaches, as written
// by text (their labels, or their points): the one, or the first and
// the last joined by ReachJoin, "1:5 to 1:6", "→5 to 6".
func ReachedText(as []answer.Anchor, text func([]answer.Anchor) string) string {
	if len(as) < 2 {
		return text(as)
	}
	return text(as[:1]) + ReachJoin + strings.TrimPrefix(text(as[len(as)-1:]), "→")
}

// InputName names a ranged input in a sentence by its actor's and its
// issue's names (docs/DECISIONS.md, "names24"): "Regional Transit
// Authority's position on Fare increase (cents)", "ATW Local 1187's
// capability", the issue left out when it is issue, the one the sentence
// is about ("" for none). sweep.Input.Label ("rta position on fare") is
// the ids', for errors that point into the file.
func InputName(sc *answer.Scenario, in sweep.Input, issue string) string {
	name := nouns.Possessive(sc.ActorName(in.ActorID)) + " " + string(in.Kind)
	if in.Kind == sweep.Capability || in.IssueID == issue {
		return name
	}
	return name + " on " + sc.IssueName(in.IssueID)
}
