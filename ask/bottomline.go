package ask

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"parley/answer"
	"parley/nouns"
)

// leadIndex is which of the models (named in the forecast's order, each
// with a forecast of the issue) leads: sweepModel, the model the brief's
// sweep runs (answer.DefaultSweepModel unless asked otherwise), when it is
// among them, else the first; -1 when there is none. It is the one rule
// of the lead forecast, the brief's headline and the forecast's bottom
// line alike.
func leadIndex(models []string, sweepModel string) int {
	if i := slices.Index(models, sweepModel); i >= 0 {
		return i
	}
	if len(models) == 0 {
		return -1
	}
	return 0
}

// calibratedIndex is the first of the models that gives a predictive
// distribution fitted on real outcomes (snap by default), whose 80%
// interval the brief and the bottom line show; -1 when none does.
func calibratedIndex(models []answer.ModelForecast) int {
	return slices.IndexFunc(models, func(m answer.ModelForecast) bool {
		return slices.ContainsFunc(m.Issues, func(x answer.IssueForecast) bool { return x.Distribution != nil })
	})
}

// forecastSpan is the span of a model's forecast of an issue: the
// forecast, or of one that did not settle, its whole range (with the
// last round's point).
func forecastSpan(f answer.IssueForecast) (lo, hi float64) {
	v := float64(f.Forecast)
	if !f.Settled && f.Range != nil {
		return math.Min(v, f.Range.Lo), math.Max(v, f.Range.Hi)
	}
	return v, v
}

// BottomLineMinModels is the fewest models a forecast runs for its answer
// to have a bottom line: with one there is no agreement to tell.
const BottomLineMinModels = 2

// BottomLine is what the forecast's models come to, issue by issue, from
// the models already run (none is run again): the lead forecast
// (leadIndex, the brief's) and its nearest option, the calibrated model's
// 80% interval and likeliest option (calibratedIndex), the span of every
// model's forecast with the models at each end, how many models' nearest
// options are the lead's, and the models that did not settle and the red
// lines the lead forecast crosses on the issue. Nil when fewer than
// BottomLineMinModels models ran or none gave a forecast.
//
// outcomes is how many outcomes the scenario records after the
// forecast's date, the ones a backtest scores (Backtest): the head names
// them and the backtest that scores every model on them, rather than run
// one inside every forecast (smp's and exchange's rounds are seconds).
func BottomLine(f *answer.Forecast, outcomes int) *answer.BottomLine {
	if len(f.Models) < BottomLineMinModels {
		return nil
	}
	cal := calibratedIndex(f.Models)
	out := &answer.BottomLine{Issues: []answer.BottomLineIssue{}, Outcomes: outcomes}
	if cal >= 0 {
		out.Calibrated = f.Models[cal].Model
	}
	some := false
	for _, is := range f.Scenario.Issues {
		bi := bottomLineIssue(f, is, cal)
		some = some || bi.LeadModel != ""
		if out.Lead == "" {
			out.Lead = bi.LeadModel
		}
		out.Issues = append(out.Issues, bi)
	}
	if !some {
		return nil
	}
	ran := slices.ContainsFunc(f.Models, func(m answer.ModelForecast) bool { return m.Model == answer.DefaultSweepModel })
	out.Head = bottomLineHead(out.Lead, ran, outcomes)
	return out
}

// bottomLineHead says what the bottom line is and what it is not; ran
// whether the default lead model ran (it may have run and given no
// forecast). It says plainly that the lead model and the calibrated
// model's error bands were chosen and fitted on EU legislation (DEU,
// docs/skill.md), not on negotiations like this one, and, when the
// scenario records outcomes (outcomes of them after the forecast's
// date), how many and where every model is scored on them; the lead's
// rule stays the one fitted on DEU, never tuned to one case.
func bottomLineHead(lead string, ran bool, outcomes int) string {
	who := fmt.Sprintf("the lead forecast is %s's", lead)
	if lead != answer.DefaultSweepModel {
		why := "was not run"
		if ran {
			why = "gave no forecast"
		}
		who = fmt.Sprintf("the lead forecast is %s's, the first model run (%s %s)", lead, answer.DefaultSweepModel, why)
	}
	s := "Bottom line, issue by issue: " + who + "; the lead model and the error bands were chosen on EU legislation (docs/skill.md), not on negotiations like this one"
	if outcomes > 0 {
		s += fmt.Sprintf("; this case records %s, on which the backtest (parley backtest, or the Backtest tab) scores every model", nouns.Count(outcomes, "outcome"))
	}
	return s + "; it is the models' reading of the stated inputs, not a prediction of how the real negotiation ends."
}

// bottomLineIssue is one issue's bottom line (BottomLine).
func bottomLineIssue(f *answer.Forecast, is answer.Issue, cal int) answer.BottomLineIssue {
	d := f.Scenario.IssueDecimals(is.ID)
	bi := answer.BottomLineIssue{Issue: is.ID, Name: is.Name, Forecast: answer.Num(math.NaN()), Settled: true, Nearest: []answer.Anchor{},
		Low: answer.Num(math.NaN()), High: answer.Num(math.NaN()), LowModels: []string{}, HighModels: []string{}}
	var names []string
	var fs []answer.IssueForecast
	var crossings [][]answer.RedLineCrossing
	for _, m := range f.Models {
		x, ok := m.ForecastOf(is.ID)
		if m.Error != "" || !ok || !x.Forecast.Finite() {
			continue
		}
		names, fs = append(names, m.Model), append(fs, x)
		crossings = append(crossings, m.RedLines)
	}
	label := is.Name
	if label == "" {
		label = is.ID
	}
	li := leadIndex(names, answer.DefaultSweepModel)
	if li < 0 {
		bi.Text = label + ": no model gave a forecast."
		return bi
	}
	lead := fs[li]
	bi.LeadModel, bi.Forecast, bi.Settled, bi.Range, bi.Nearest, bi.Models = names[li], lead.Forecast, lead.Settled, lead.Range, lead.Nearest, len(fs)
	if lead.Settled && len(lead.Nearest) == 1 {
		bi.Between = knifeEdge(is.Anchors, float64(lead.Forecast))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, x := range fs {
		l, h := forecastSpan(x)
		lo, hi = math.Min(lo, l), math.Max(hi, h)
		if len(lead.Nearest) > 0 && sameOptions(x.Nearest, lead.Nearest) {
			bi.Agree++
		}
		if !x.Settled && x.Range != nil {
			bi.Unsettled = append(bi.Unsettled, names[i])
		}
	}
	bi.Low, bi.High = answer.Num(lo), answer.Num(hi)
	for i, x := range fs {
		l, h := forecastSpan(x)
		if fixed(l, d) == fixed(lo, d) {
			bi.LowModels = append(bi.LowModels, names[i])
		}
		if fixed(h, d) == fixed(hi, d) {
			bi.HighModels = append(bi.HighModels, names[i])
		}
	}
	for _, x := range crossings[li] {
		if x.Issue == is.ID {
			bi.RedLines = append(bi.RedLines, x.RedLine)
		}
	}
	calibrated := ""
	if cal >= 0 {
		calibrated = f.Models[cal].Model
		if x, ok := f.Models[cal].ForecastOf(is.ID); ok && x.Distribution != nil {
			iv := x.Distribution.Interval80
			bi.Interval80, bi.Likeliest = &iv, x.Distribution.Likeliest
		}
	}
	bi.Text = bottomLineText(&f.Scenario, label, d, bi, calibrated, crossings[li])
	return bi
}

// KnifeEdgeShare is how near the midpoint between two neighbouring
// options a forecast must lie, as a share of the gap between them, for
// the bottom line to name both options rather than the nearest alone:
// within a tenth of the gap either side, the point lies in the middle
// fifth, where it is nearer one option by less than a fifth of the gap.
// The bottom line has no sharper yardstick of its own: the calibrated
// interval it shows spans tens of points on a 0–100 scale (snap's 80%
// interval on EU outcomes), so it reaches both neighbours of almost any
// forecast and would call every issue a knife-edge. On the built-in case
// compromise's Ceasefire, 46.6 between 40 and 55 (0.9 from the midpoint,
// 6% of the gap), is such a forecast: the same model's sweep puts it
// nearer 55 in 74% of its draws.
const KnifeEdgeShare = 0.1

// knifeEdge returns the two neighbouring options (in scale order) that x
// lies between when it is within KnifeEdgeShare of their gap from their
// midpoint; nil otherwise, or outside the options.
func knifeEdge(anchors []answer.Anchor, x float64) []answer.Anchor {
	as := slices.Clone(anchors)
	slices.SortFunc(as, func(a, b answer.Anchor) int { return cmp.Compare(a.Value, b.Value) })
	for i := 1; i < len(as); i++ {
		a, b := as[i-1], as[i]
		gap := b.Value - a.Value
		if !(gap > 0) || x < a.Value || x > b.Value {
			continue
		}
		if math.Abs(x-(a.Value+b.Value)/2) <= KnifeEdgeShare*gap {
			return []answer.Anchor{a, b}
		}
		return nil
	}
	return nil
}

// sameOptions says whether a and b are the same options (by their points).
func sameOptions(a, b []answer.Anchor) bool {
	return slices.EqualFunc(a, b, func(x, y answer.Anchor) bool { return x.Value == y.Value })
}

// bottomLineText is the issue's sentence: "Territory: compromise 46.8,
// nearest →50 Freeze on …; 5 of 9 models read it as →50; the models span
// 35.0 (nash, ks) to 65.4 (exchange); snap's 80% interval 25.0–79.4,
// likeliest option →35: a 32% chance the outcome lands nearer it than
// any other option; the lead forecast crosses Russia's red line (it
// needs Territory >= 65); exchange, smp and ensemble did not settle here
// (each counted by its range)."
func bottomLineText(sc *answer.Scenario, label string, d int, bi answer.BottomLineIssue, calibrated string, crossings []answer.RedLineCrossing) string {
	var parts []string
	at := PointText(bi.Issue, float64(bi.Forecast), d, crossings)
	lead := bi.LeadModel + " " + at
	if !bi.Settled && bi.Range != nil {
		at = RangeText(bi.Range.Lo, bi.Range.Hi, d, fixed)
		lead = bi.LeadModel + " " + at + " (did not settle)"
	}
	switch n := len(bi.Nearest); {
	case n == 1 && len(bi.Between) == 2:
		a, b := bi.Between[0], bi.Between[1]
		lead += ", between " + PointsText([]answer.Anchor{a}) + " " + a.Label + " and " + PointsText([]answer.Anchor{b}) + " " + b.Label + ", nearer " + PointsText(bi.Nearest)
	case n == 1:
		lead += ", nearest " + PointsText(bi.Nearest) + " " + bi.Nearest[0].Label
	case n > 1 && bi.Settled:
		lead += ", equally near " + PointsText(bi.Nearest)
	case n > 1:
		lead += ", reaching " + ReachedText(bi.Nearest, PointsText)
	}
	parts = append(parts, lead)
	if len(bi.Nearest) > 0 {
		parts = append(parts, fmt.Sprintf("%d of %d models read it as %s", bi.Agree, bi.Models, PointsText(bi.Nearest)))
	}
	lo, hi := fixed(float64(bi.Low), d), fixed(float64(bi.High), d)
	if bi.Settled { // an end at the lead forecast is written as it is
		if bi.Low == bi.Forecast {
			lo = at
		}
		if bi.High == bi.Forecast {
			hi = at
		}
	}
	if lo == hi {
		parts = append(parts, "every model at "+lo)
	} else {
		if ends := strings.Join(bi.LowModels, ", "); slices.Equal(bi.LowModels, bi.HighModels) {
			parts = append(parts, fmt.Sprintf("the models span %s to %s, both ends %s", lo, hi, ends))
		} else {
			parts = append(parts, fmt.Sprintf("the models span %s (%s) to %s (%s)", lo, ends, hi, strings.Join(bi.HighModels, ", ")))
		}
	}
	if bi.Interval80 != nil {
		s := fmt.Sprintf("%s's 80%% interval %s", calibrated, RangeJoin(fixed(bi.Interval80.Lo, d), fixed(bi.Interval80.Hi, d)))
		if len(bi.Likeliest) > 0 {
			s += ", " + LikeliestWords(likeliestPoints(sc, bi.Likeliest, d), LikeliestChance(bi.Likeliest), len(bi.Likeliest), len(bi.Likeliest[0].Actors) > 0)
		}
		parts = append(parts, s)
	}
	for _, x := range crossings {
		if x.Issue != bi.Issue {
			continue
		}
		verb := "crosses"
		if x.Partly {
			verb = "partly crosses"
		}
		s := "the lead forecast " + verb + " " + x.RedLine
		if x.At != at {
			// the digits that cross it, where the lead's own read as allowed
			s += " (at " + x.At + ")"
		}
		parts = append(parts, s)
	}
	if n := len(bi.Unsettled); n > 0 {
		verb := "did not settle here (each counted by its range)"
		if n == 1 {
			verb = "did not settle here (counted by its range)"
		}
		parts = append(parts, nouns.And(bi.Unsettled)+" "+verb)
	}
	return label + ": " + strings.Join(parts, "; ") + "."
}

// LikeliestWords says which a distribution's likeliest is and what its
// chance is the chance of, so that it is not read as snap's candidate
// weight on a point (explain): "likeliest option →50: a 69% chance the
// outcome lands nearer it than any other option" (the chance of the
// stretch of the scale nearest the option), or, for stated positions,
// "likeliest stated position 20.0 (Russia): a 30% chance the outcome is
// exactly there"; a tie's, "likeliest options →35 / →50: a 32% chance
// each …".
func LikeliestWords(points, chance string, n int, positions bool) string {
	kind, each := "option", ""
	if positions {
		kind = "stated position"
	}
	if n > 1 {
		kind, each = kind+"s", " each"
	}
	if positions {
		return fmt.Sprintf("likeliest %s %s: a %s chance%s the outcome is exactly there", kind, points, chance, each)
	}
	return fmt.Sprintf("likeliest %s %s: a %s chance%s the outcome lands nearer it than any other option", kind, points, chance, each)
}

// likeliestPoints names a distribution's likeliest: options by their
// points, "→35" ("→35 / →50" on a tie), stated positions by value and
// the actors there, "20.0 (Russia)", as the likeliest carries it (Text,
// LikeliestTexts; written here for one that does not carry it).
func likeliestPoints(sc *answer.Scenario, ls []answer.Likely, d int) string {
	out := make([]string, len(ls))
	for i, l := range ls {
		switch {
		case len(l.Actors) == 0:
			out[i] = PointsText([]answer.Anchor{{Value: l.Value}})
			continue
		case l.Text != "":
			out[i] = l.Text
			continue
		}
		out[i] = LikelyText(l, fixed(l.Value, d), NamesOf(l.Actors, sc.ActorName))
	}
	return strings.Join(out, TieJoin)
}
