package ask

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/model"
	"parley/nouns"
	"parley/scenario"
)

// redLines are the stated red lines a model's forecasts cross: for
// each issue in order, each actor whose red line on it the forecast lies
// outside (deal.Crosses, the test deal's verdicts apply), named with the
// red line as the file writes it, saying what it needs
// ("Dockworkers' Union's red line (it needs Wage rise at 4 or above)"), and the
// forecast at decimals that cross it too (crossingAt). A forecast within
// floating-point noise of a bound reads as on it (deal.Crosses). Of a forecast that did not settle it judges the range
// it kept moving in: all of it crossing, or part of it (Partly), written
// by RangeText's rule, never as a point. No model reads red lines, so a
// forecast may well cross one; the answer says so beside it (RedLines,
// and a note each), at every door. Nil when no actor states a red line
// (Case.limits, parsed once for every model).
func (c *Case) redLines(issues []answer.IssueForecast) []answer.RedLineCrossing {
	din := c.limits
	if din == nil {
		return nil
	}
	p := c.problem
	var out []answer.RedLineCrossing
	var point []bool // out[i] is of a settled forecast, a point
	for _, f := range issues {
		k := c.Header.IssueIndex(f.Issue)
		if k < 0 {
			continue
		}
		is, d := p.Issues[k], c.Header.IssueDecimals(f.Issue)
		for i, rl := range din.RedLines {
			r, ok := rl[k]
			if !ok {
				continue
			}
			x := answer.RedLineCrossing{Issue: f.Issue, Actor: p.Actors[i].ID,
				RedLine: fmt.Sprintf("%s red line (it needs %s)", nouns.Possessive(actorName(p.Actors[i])), r.Needs(issueLabelOf(p, k)))}
			switch {
			case f.Range != nil:
				lo, hi := deal.Crosses(r, f.Range.Lo, is), deal.Crosses(r, f.Range.Hi, is)
				// both ends outside, and on one side of what it allows
				all := lo && hi && !(f.Range.Lo <= r.Lo && f.Range.Hi >= r.Hi)
				if !all && !lo && !hi {
					continue
				}
				x.At, x.Partly = RangeText(f.Range.Lo, f.Range.Hi, d, fixed), !all
			case f.Forecast.Finite() && deal.Crosses(r, float64(f.Forecast), is):
				x.At = crossingAt(r, float64(f.Forecast), d, is)
			default:
				continue
			}
			out = append(out, x)
			point = append(point, f.Range == nil)
		}
	}
	// One forecast is one number: every red line it crosses on an issue
	// writes it with the digits that decide the closest of them (the
	// most), so that "5.98" beside ">= 6" is not "6.0" beside "<= 5" in
	// the same list or sentence (PointText writes the forecast so too).
	for i, x := range out {
		if !point[i] {
			continue
		}
		for j, y := range out {
			if point[j] && y.Issue == x.Issue && len(y.At) > len(out[i].At) {
				out[i].At = y.At
			}
		}
	}
	for i := range out {
		out[i].Note = out[i].Text()
	}
	return out
}

// crossingAt writes x, which crosses the red line r on the issue
// (deal.Crosses), at the issue's d decimals, or as many more as make the
// number written cross it too, read as a reader reads it, exactly: a
// forecast of 3.96 beside "Wage rise >= 4" is "3.96", not "4.0", which
// the red line allows. As x crosses by more than the issue's noise
// (scenario.ScaleNoise), the decimals a float64 carries at the scale's
// ends (CarriedDecimals, 12 on 0–100) always suffice, and a red line's
// verdict never rests on, nor prints, digits past them
// (69.99999999999773 beside ">= 70" crosses nothing).
func crossingAt(r scenario.RedLine, x float64, d int, is model.Issue) string {
	last := max(d, min(scenario.CarriedDecimals(is.Min, is.Max), 17))
	for e := d; e < last; e++ {
		s := fixed(x, e)
		if v, err := strconv.ParseFloat(s, 64); err == nil && !r.Allows(v) {
			return s
		}
	}
	return fixed(x, last)
}

// PointText writes a settled forecast x of the issue, on which the
// model's forecasts cross the red lines crossings, as every door writes
// a forecast's point: at the issue's d decimals, or, where it crosses a
// red line, with the decimals that make the number written cross it too
// (crossingAt, the crossing's At; the most of any red line it crosses):
// smp's 34.98 beside "Drought release >= 35" is "34.98", not "35.0",
// which reads as meeting it (the user's review, docs/DECISIONS.md,
// "minor25"). A forecast carries it (answer.IssueForecast.ForecastText).
func PointText(issue string, x float64, d int, crossings []answer.RedLineCrossing) string {
	s := fixed(x, d)
	for _, c := range crossings {
		if c.Issue == issue && !c.Partly && len(c.At) > len(s) {
			s = c.At
		}
	}
	return s
}

// baseText is the forecast at the stated values of the issue that a
// sweep, a sensitivity analysis or advice rests on (the run mf) as its
// forecast writes it (IssueForecast.ForecastText, PointText): "" where
// it did not settle, for the door to write the number.
func baseText(mf answer.ModelForecast, issue string) string {
	f, _ := mf.ForecastOf(issue)
	return f.ForecastText
}

// baseNotes are the notes and the red lines crossed of mf, the forecast
// at the stated values that a sweep, a sensitivity analysis or advice
// rests on: its notes less those that say a red line is crossed (each
// the Text of one of mf.RedLines), which the answer carries once, as
// its structured red_lines, for every door to print as a forecast's
// (docs/DECISIONS.md, "A base forecast's red lines are structured,
// not notes"). A forecast's own notes keep them too.
func baseNotes(mf answer.ModelForecast) ([]string, []answer.RedLineCrossing) {
	if len(mf.RedLines) == 0 {
		return mf.Notes, nil
	}
	return NotesBesideRedLines(mf), mf.RedLines
}

// NotesBesideRedLines is a model's notes less those that say a red line
// is crossed (each the Text of one of mf.RedLines), which every door
// lists apart, in the block of the red lines the forecasts cross
// (Forecast.RedLinesCrossed): the notes the command line prints under
// its models' names, and baseNotes keeps.
func NotesBesideRedLines(mf answer.ModelForecast) []string {
	if len(mf.RedLines) == 0 {
		return mf.Notes
	}
	crossing := map[string]bool{}
	for _, x := range mf.RedLines {
		crossing[x.Text()] = true
	}
	var notes []string
	for _, n := range mf.Notes {
		if !crossing[n] {
			notes = append(notes, n)
		}
	}
	return notes
}

// RedLinesCrossedHead is the heading over RedLinesCrossed's and
// CompareRedLinesCrossed's lines, at every door that lists them (parley
// forecast and compare, sweep, sensitivity, advise and the brief, the
// page's forecast and comparison views; the command line writes it in
// lower case, as its other headings). Every answer that carries lines
// carries it too (RedLinesCrossedHead): a forecast's, a comparison's, a
// sweep's, a sensitivity analysis's and advice's.
const RedLinesCrossedHead = "Red lines the forecasts cross (no model reads red lines)"

// Crossings are one model's red lines crossed, as RedLinesCrossed reads
// them: a forecast's (answer.ModelForecast's RedLines), or the base
// forecast's of a sweep, a sensitivity analysis or advice.
type Crossings struct {
	Model    string
	RedLines []answer.RedLineCrossing
}

// ForecastCrossings are the red lines each of models crosses.
func ForecastCrossings(models []answer.ModelForecast) []Crossings {
	out := make([]Crossings, 0, len(models))
	for _, m := range models {
		out = append(out, Crossings{m.Model, m.RedLines})
	}
	return out
}

// RedLinesCrossed is each stated red line some model's forecast crosses,
// once, with every model that crosses it and where: models at the same
// place together, in the order of the first; the issues in sc's order
// (an issue sc does not list, as in a test's answer without its
// scenario, after those it does), an issue's red lines in the order
// first met: "Russia's red line (it needs Territory at 65 or above): nash, ks 35.0;
// compromise 46.8; exchange 60.0–65.4 (in part)". Every door that lists
// them prints these lines under RedLinesCrossedHead: parley forecast,
// sweep, sensitivity and advise, and the brief. Nil when none is
// crossed.
func RedLinesCrossed(sc *answer.Scenario, models []Crossings) []string {
	lines := crossedLines(sc, models)
	if lines == nil {
		return nil
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.redLine + ": " + l.where
	}
	return out
}

// redLinesCrossedWithHead is RedLinesCrossed of models with the heading
// an answer carries over them (RedLinesCrossedHead), or none when none is
// crossed: the two fields of a forecast's, a sweep's, a sensitivity
// analysis's and advice's answers.
func redLinesCrossedWithHead(sc *answer.Scenario, models []Crossings) ([]string, string) {
	lines := RedLinesCrossed(sc, models)
	if lines == nil {
		return nil, ""
	}
	return lines, RedLinesCrossedHead
}

// crossedLine is one line of RedLinesCrossed, its red line ("Russia's red
// line (it needs Territory at 65 or above)") and where the models cross it apart,
// with whose red line it is on which issue: the brief cites what the red
// line rests on after the red line, not after the last model's number.
type crossedLine struct{ issue, actor, redLine, where string }

// crossedLines is RedLinesCrossed's lines, each with its issue and actor.
func crossedLines(sc *answer.Scenario, models []Crossings) []crossedLine {
	type line struct{ issue, actor, redLine string }
	type place struct {
		at     string
		partly bool
	}
	var lines []line
	places := map[line][]place{}
	who := map[line]map[place][]string{}
	for _, m := range models {
		for _, x := range m.RedLines {
			l, p := line{x.Issue, x.Actor, x.RedLine}, place{x.At, x.Partly}
			if who[l] == nil {
				lines = append(lines, l)
				who[l] = map[place][]string{}
			}
			if who[l][p] == nil {
				places[l] = append(places[l], p)
			}
			who[l][p] = append(who[l][p], m.Model)
		}
	}
	if len(lines) == 0 {
		return nil
	}
	rank := map[string]int{}
	for k, is := range sc.Issues {
		rank[is.ID] = k
	}
	at := func(issue string) int {
		if k, ok := rank[issue]; ok {
			return k
		}
		return len(sc.Issues)
	}
	slices.SortStableFunc(lines, func(a, b line) int { return at(a.issue) - at(b.issue) })
	out := make([]crossedLine, 0, len(lines))
	for _, l := range lines {
		var parts []string
		for _, p := range places[l] {
			s := strings.Join(who[l][p], ", ") + " " + p.at
			if p.partly {
				s += " (in part)"
			}
			parts = append(parts, s)
		}
		out = append(out, crossedLine{l.issue, l.actor, l.redLine, strings.Join(parts, "; ")})
	}
	return out
}

// CompareRedLinesCrossed is each stated red line some column's forecast
// crosses (answer.CompareRun.RedLines), once, with each model that
// crosses it, in the order first met, where, and in which columns
// (CompareColumnName; "every column" where all of several do): "Russia's
// red line (it needs Territory at 65 or above): compromise 46.8 (no variant,
// europe-pays), 47.3 (us-ends-support); nash 35.0 (every column)". A
// model's places are in the order first met, "in part" after a range that
// only straddles the red line; the issues in a's scenario's order (an
// issue it does not list after those it does). Every door prints these
// lines under RedLinesCrossedHead: parley compare, the page's comparison
// views. Nil when none is crossed.
//
// A forecast's lines (RedLinesCrossed) group the models at one place;
// here each model keeps its own part, as its places are several.
func CompareRedLinesCrossed(a *answer.Comparison) []string {
	type line struct{ issue, redLine string }
	type place struct {
		at     string
		partly bool
	}
	type byModel struct {
		model  string
		places []place
		cols   map[place][]string
	}
	var lines []line
	models := map[line][]*byModel{}
	for _, m := range a.Models {
		for j, r := range m.Columns {
			for _, x := range r.RedLines {
				l, p := line{x.Issue, x.RedLine}, place{x.At, x.Partly}
				if models[l] == nil {
					lines = append(lines, l)
				}
				ms := models[l]
				if len(ms) == 0 || ms[len(ms)-1].model != m.Model {
					ms = append(ms, &byModel{model: m.Model, cols: map[place][]string{}})
					models[l] = ms
				}
				bm := ms[len(ms)-1]
				if bm.cols[p] == nil {
					bm.places = append(bm.places, p)
				}
				bm.cols[p] = append(bm.cols[p], CompareColumnName(a, j))
			}
		}
	}
	if len(lines) == 0 {
		return nil
	}
	rank := map[string]int{}
	for k, is := range a.Scenario.Issues {
		rank[is.ID] = k
	}
	at := func(issue string) int {
		if k, ok := rank[issue]; ok {
			return k
		}
		return len(a.Scenario.Issues)
	}
	slices.SortStableFunc(lines, func(x, y line) int { return at(x.issue) - at(y.issue) })
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		var parts []string
		for _, bm := range models[l] {
			var places []string
			for _, p := range bm.places {
				where := strings.Join(bm.cols[p], ", ")
				if len(bm.cols[p]) == len(a.Columns) && len(a.Columns) > 1 {
					where = "every column"
				}
				s := p.at
				if p.partly {
					s += " in part"
				}
				places = append(places, s+" ("+where+")")
			}
			parts = append(parts, bm.model+" "+strings.Join(places, ", "))
		}
		out = append(out, l.redLine+": "+strings.Join(parts, "; "))
	}
	return out
}

// CompareColumnName names a comparison's column j for a reader where
// several are listed together: by its label (a variant's name, "no
// variant", a snapshot's label or date), in “ ” where the label has a
// comma or a semicolon of its own, so that a list of columns, joined by
// commas, parts where the columns do ("no variant, “Europe pays for US
// weapons, intelligence and air defence”"). Names, not ids: the lists
// are prose (docs/DECISIONS.md, names25).
func CompareColumnName(a *answer.Comparison, j int) string {
	return listName(a.Columns[j].Label)
}

// listName is a name as a list of them in prose writes it: in “ ” where
// it has a comma or a semicolon of its own, which would part it.
func listName(l string) string {
	if strings.ContainsAny(l, ",;") {
		return "“" + l + "”"
	}
	return l
}

// CompareSpanText is a comparison over snapshots' span, the first and
// last columns' snapshots and the variant they are under by its name:
// "the base (2025-02-28) and 3 snapshots to 2025-08-18, variant US ends
// support", "the base alone, no variant", "2 snapshots from 2025-03-11
// to 2025-08-18, no variant" (answer.Comparison's SpanText). The base
// is not a snapshot, as parley show counts them ("1 snapshot"): it is
// named, and only the snapshots after it are counted, so that one
// scenario's snapshots are one number at every door. "" over variants or
// with no column.
func CompareSpanText(a *answer.Comparison) string {
	if a.Request.Over != answer.OverSnapshots || len(a.Columns) == 0 {
		return ""
	}
	at := func(c answer.CompareColumn) string {
		switch {
		case c.Snapshot == scenario.Base && c.AsOf != "":
			return "the base (" + c.AsOf + ")"
		case c.Snapshot == scenario.Base:
			return "the base"
		}
		return c.Snapshot
	}
	first, last := a.Columns[0], a.Columns[len(a.Columns)-1]
	n := len(a.Columns)
	var s string
	switch {
	case first.Snapshot == scenario.Base && n == 1:
		s = at(first) + " alone"
	case first.Snapshot == scenario.Base && n == 2:
		s = at(first) + " and 1 snapshot, " + at(last)
	case first.Snapshot == scenario.Base:
		s = fmt.Sprintf("%s and %d snapshots to %s", at(first), n-1, at(last))
	case n == 1:
		s = "1 snapshot, " + at(first)
	default:
		s = fmt.Sprintf("%d snapshots from %s to %s", n, at(first), at(last))
	}
	switch {
	case first.VariantName != "":
		return s + ", variant " + first.VariantName
	case first.Variant != "":
		return s + ", variant " + first.Variant
	}
	return s + ", " + answer.NoVariantLabel
}
