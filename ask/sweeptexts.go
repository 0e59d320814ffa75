package ask

// The words a sweep's, a sensitivity analysis's and a backtest's answers
// carry, written once here for every door: the command line prints them,
// the API returns them and the page shows them as they are
// (docs/DECISIONS.md, "texts24s"), as the deal answers carry theirs
// (dealtexts.go). The numbers stay in the answer beside them, for the
// charts and for a reader's own use.

import (
	"fmt"
	"strings"

	"parley/answer"
	"parley/nouns"
	"parley/sweep"
)

// TornadoTop is how many of an issue's swings a tornado shows unless
// asked for another number (parley sensitivity's --top, the page's
// charts): the swings a sensitivity answer's OneEndedText and
// BaseOutsideText name are those.
const TornadoTop = 8

// MoreInputsText says, under a tornado that shows an issue's first top
// swings of top+more, that more inputs move its forecast less: "The 8
// inputs that move it most; 12 more inputs move it less."; "" when none
// is left out (more ≤ 0). A sensitivity answer carries it for
// TornadoTop (more_text), which the page prints under its chart and
// parley sensitivity under its table (with another --top, for the rows
// it shows).
func MoreInputsText(top, more int) string {
	if more <= 0 {
		return ""
	}
	return fmt.Sprintf("The %s that %s it most; %s more %s %s it less.", nouns.Count(top, "input"), nouns.Verb(top, "move"), Grouped(more), nouns.For(more, "input"), nouns.Verb(more, "move"))
}

// sweepTexts writes the words of one model's sweep on sc: what an
// interruption kept (InterruptedAfter), what the options' parentheses
// hold (IntervalLegend), each issue's line on its unsettled draws
// (DrawsUnsettledText), each option's probabilities (ProbabilityText),
// the option the draws land nearest most often (SweepLikeliestText) and
// each histogram bin's edges (BinEdges), in the issue's decimals.
// inputs is the head's part on the inputs where the sweep was kept to one
// issue (SweepInputsOn), "" for the count of them all (SweepHead).
func sweepTexts(sc *answer.Scenario, sm *answer.SweepModel, inputs string) {
	r := sm.SweepResult
	if r.Interrupted {
		sm.InterruptedText = InterruptedAfter(r)
	}
	sm.IntervalLegend = IntervalLegend(r.Draws)
	if inputs == "" {
		inputs = SweepInputsCount(r)
	}
	sm.HeadText = sweepHead(r, sm.InterruptedText, inputs)
	for k := range r.Issues {
		is := &r.Issues[k]
		is.DrawsUnsettledText = DrawsUnsettledText(*is, r.Draws)
		for j := range is.Bands {
			b := &is.Bands[j]
			b.PText, b.PAtLeastText = ProbabilityText(b.P, b.PInterval), ProbabilityText(b.PAtLeast, b.PAtLeastInterval)
		}
		d := sc.IssueDecimals(is.Issue)
		if c := is.Combined; c != nil {
			if is.Fixed {
				c.ShareText = StillSplitText(*c, StillDrawsText(r.Model, len(r.Inputs) == 0, r.Draws))
			} else {
				c.ShareText = VarianceSplitText(*c)
			}
			c.OutcomeText = SweepOutcomeText(*c, d)
		}
		is.IntervalText = SweepIntervalText(*is, d)
		is.InputsText = SweepInputsText(*is, d)
		is.LikeliestText = SweepLikeliestText(is.Bands, d)
		is.OutsideText = SweepOutsideText(*is, r.Draws, d)
		lo, hi, sep := BinEdges(is.Hist, d)
		for j := range is.Hist {
			is.Hist[j].Text = lo[j] + sep + hi[j]
			is.Hist[j].ShareText = BinShareText(is.Hist[j].Count, r.Draws)
		}
	}
}

// VarianceSplitText is the split of an issue's outcome variance between
// the inputs and the model's own error, as every door writes it after
// the combined sd: "97% inputs + 3% model error". Each share is written
// as Chance writes a chance, so that a share that is not 0 never reads
// "0%" and one below 1 never "100%": "99.7% inputs + 0.3% model error",
// where whole percents wrote "100% inputs + 0% model error". The
// answer carries it (sweep.Combined's ShareText).
//
// Where the variance is 0 (neither the draws' forecasts nor the model's
// error spread at all) the two shares of it are no shares: "none from
// the inputs nor from the model's error", not "0% inputs + 0% model
// error".
func VarianceSplitText(c sweep.Combined) string {
	if c.ShareInputs == 0 && c.ShareModel == 0 {
		return "none from the inputs nor from the model's error"
	}
	return Chance(c.ShareInputs) + " inputs + " + Chance(c.ShareModel) + " model error"
}

// StillDrawsText says why a sweep's draws of an issue (of model's
// sweep of draws draws) did not vary: nothing in the scenario has a
// range (none, noRanges), so the sweep is the point forecast draws
// times, or nothing that moves the model's forecast of this issue has
// one (sweep.IssueSummary's Fixed): "the draws did not vary: no input in
// the scenario has a range wider than a point, so the sweep is the
// point forecast 200 times". A range of one point is no range: sweep
// varies nothing by it (sweep.Inputs).
func StillDrawsText(model string, noRanges bool, draws int) string {
	if noRanges {
		return "the draws did not vary: " + noRangesText(draws)
	}
	return "the draws did not vary: nothing that moves " + model + "'s forecast of this issue has a range, so each of the " + Grouped(draws) + " draws is its point forecast"
}

// noRangesText says what a sweep of draws draws is when no input has a
// range: "no input in the scenario has a range wider than a point, so
// the sweep is the point forecast 200 times" (StillDrawsText, the
// sweep's head, SweepInputsCount).
func noRangesText(draws int) string {
	return "no input in the scenario has a range wider than a point, so the sweep is the point forecast " + Grouped(draws) + " " + nouns.For(draws, "time")
}

// StillSplitText is the split of an issue's outcome variance
// (VarianceSplitText's place) where the draws did not vary (still,
// StillDrawsText): the inputs' share is 0 because nothing was varied,
// which the split says beside it, and the rest is the model's error,
// "0% inputs (the draws did not vary: …) + 100% model error"; with no
// model error either, "none from the inputs (the draws did not vary:
// …) nor from the model's error".
func StillSplitText(c sweep.Combined, still string) string {
	if c.ShareModel == 0 {
		return "none from the inputs (" + still + ") nor from the model's error"
	}
	return "0% inputs (" + still + ") + " + Chance(c.ShareModel) + " model error"
}

// SweepIntervalText writes a sweep's issue's 80% and 95% intervals on an
// issue of d decimals as every answer writes an interval, its ends joined
// by RangeJoin after the level ("80% 20.0–75.0", a forecast's): "80%
// 45.3–54.2, 95% 40.1–60.0" (answer.SweepIssue's IntervalText; it had
// read "80% [45.3, 54.2]" at both doors, names25).
func SweepIntervalText(is sweep.IssueSummary, d int) string {
	return IntervalsText(is.Lo80, is.Hi80, is.Lo95, is.Hi95, d)
}

// IntervalsText writes an 80% and a 95% interval on an issue of d
// decimals by that rule: "80% 45.3–54.2, 95% 40.1–60.0". A sweep's issue
// (SweepIntervalText) and its outcome with the model's error (parley
// sweep's line on sweep.Combined) are written by it.
func IntervalsText(lo80, hi80, lo95, hi95 float64, d int) string {
	return "80% " + spanD(lo80, hi80, d) + ", 95% " + spanD(lo95, hi95, d)
}

// SweepLikeliestText names the option the most of a sweep's draws land
// nearest (every option as often, to 1e-12, on a tie: likeliest's rule,
// the brief's favoured option's), by its value in d decimals and its
// label, with its share of the draws and that share's interval (the
// DrawsShareText): "Most likely option: 50.0 Freeze, in 40% of draws
// (37–43%)"; on a tie "Most likely options (tied): 25.0 A / 75.0 B, in
// 40% of draws each (37–43%)". "" without bands, or where no band has a
// share that is a number.
func SweepLikeliestText(bands []sweep.Band, d int) string {
	opts := make([]answer.OptionProb, len(bands))
	for i, b := range bands {
		opts[i] = answer.OptionProb{Label: b.Label, Value: b.Value, P: answer.Num(b.P)}
	}
	top := likeliest(opts, nil)
	if len(top) == 0 {
		return ""
	}
	var names []string
	for _, l := range top {
		names = append(names, Decimals(l.Value, d)+" "+l.Label)
	}
	var b sweep.Band // the tied options' one share, the first one's
	for _, b = range bands {
		if b.Value == top[0].Value && b.Label == top[0].Label {
			break
		}
	}
	if len(top) > 1 {
		return fmt.Sprintf("Most likely options (tied): %s, in %s", strings.Join(names, TieJoin), DrawsShareText(b.P, b.PInterval, "draws each"))
	}
	return fmt.Sprintf("Most likely option: %s, in %s", names[0], DrawsShareText(b.P, b.PInterval, "draws"))
}

// BinShareText is a histogram bin's share of a sweep's draws, as every
// door writes it beside the bin (answer.SweepBin.ShareText): a percent
// with one decimal by PercentText's rule, "12.5%", and more where one
// would read a bin with a draw as none ("0.003%" for 1 of 40,000);
// NoNumber for a sweep of no draws. The command line and the page wrote
// it each by its own "%.1f" ("0.0%").
func BinShareText(count, draws int) string {
	if draws <= 0 {
		return NoNumber
	}
	return PercentText(float64(count)/float64(draws), 1)
}

// BinEdges writes a sweep's histogram bins' edges on an issue of d
// decimals, as every door writes them: each edge with BinDecimals's
// decimals, and the one separator (RangeSep) of the edges of the bins
// from the first to the last with a draw, " to " where any is negative,
// so that the bins read alike ("-2.0 to -1.5", "-1.5 to -1.0"). A bin
// carries lo[k] + sep + hi[k] (answer.SweepBin.Text); the command line
// lines them up in columns.
func BinEdges(bins []answer.SweepBin, d int) (lo, hi []string, sep string) {
	d = BinDecimals(bins, d)
	first, last := -1, -1
	for k, b := range bins {
		lo, hi = append(lo, Decimals(b.Lo, d)), append(hi, Decimals(b.Hi, d))
		if b.Count > 0 {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	var shown []string
	for k := first; first >= 0 && k <= last; k++ {
		shown = append(shown, lo[k], hi[k])
	}
	return lo, hi, RangeSep(shown...)
}

// sensitivityTexts writes the words of one model's sensitivity analysis
// on sc: per issue, the line on its unsettled ends (EndsUnsettledText)
// and those naming the one-ended and the not monotone swings of its
// first TornadoTop (OneEndedText, BaseOutsideText); per swing, what its
// input is (SwingWhat), its variance share (ShareText) and its mark
// (SwingMark).
func sensitivityTexts(sc *answer.Scenario, sm *answer.SensitivityModel) {
	for k := range sm.Issues {
		is := &sm.Issues[k]
		is.EndsUnsettledText = EndsUnsettledText(*is, sm.Ends)
		is.CaptionText = TornadoCaptionText(*is, sc.IssueDecimals(is.Issue))
		shown := is.Swings[:min(len(is.Swings), TornadoTop)]
		is.OneEndedText, is.BaseOutsideText = OneEndedText(sc, is.Issue, shown), BaseOutsideText(sc, is.Issue, shown)
		is.MoreText = MoreInputsText(TornadoTop, len(is.Swings)-TornadoTop)
		for j := range is.Swings {
			s := &is.Swings[j]
			s.WhatText = swingWhat(sc, is.Issue, *s)
			s.ShareText = ShareText(s.VarShare, s.VarShareInterval)
			s.Mark = SwingMark(*s)
		}
	}
}

// swingWhat is SwingWhat of swing s in issue's tornado: with the other
// issue's name for an input on another issue.
func swingWhat(sc *answer.Scenario, issue string, s answer.SensitivitySwing) string {
	other := ""
	if s.Input.IssueID != "" && s.Input.IssueID != issue {
		other = sc.IssueName(s.Input.IssueID)
	}
	return SwingWhat(string(s.Input.Kind), other)
}

// SwingMark is what follows a swing at every door: OneEndedMark where
// the model gave a forecast at one end only, BaseOutsideMark where the
// base lies outside its ends, both in that order, "" for neither.
func SwingMark(s answer.SensitivitySwing) string {
	var b strings.Builder
	if s.OneEnded() {
		b.WriteString(OneEndedMark)
	}
	if s.BaseOutside {
		b.WriteString(BaseOutsideMark)
	}
	return b.String()
}

// BacktestLegend is the legend under a backtest's scores before its
// ties' and its mixed scales' parts: what a cell holds.
const BacktestLegend = "cells: forecast (absolute error); ✓ the forecast's nearest option is the outcome's"

// backtestTexts writes the words of a backtest: each cell's hit mark
// (OptionHitMark), each model's option hits (OptionHitsText), what the
// ties' marks mean (OptionTieLegend, OptionHitsAddUp) and the legend
// under the scores (BacktestLegend, the ties' part, and on mixed scales
// what MAE % and CRPS % are).
func backtestTexts(b *answer.Backtest) {
	for i := range b.Models {
		m := &b.Models[i]
		m.OptionHitsText = OptionHitsText(*m)
		m.Coverage80Text, m.Coverage95Text = CoverageText(m.Coverage80), CoverageText(m.Coverage95)
		for j := range m.Scores {
			m.Scores[j].OptionHitText = OptionHitMark(m.Scores[j])
		}
	}
	if ties := OptionTieLegend(b); ties != "" {
		b.TieLegendText = ties + " (" + OptionHitsAddUp + ")"
	}
	b.LegendText = BacktestLegend
	if b.TieLegendText != "" {
		b.LegendText += "; " + b.TieLegendText
	}
	if b.MixedScales {
		b.LegendText += "; MAE %, CRPS %: each error as a percent of its issue's scale"
	}
}

// SweepHead says what a model's sweep drew: "model compromise: 1,000
// draws (triangular, seed 1); 150 uncertain inputs", with interrupted
// (InterruptedAfter) before the inputs when the sweep was cut short.
//
// A sweep with no uncertain input says what its draws are: "…; no
// uncertain input: no input in the scenario has a range wider than a
// point, so the sweep is the point forecast 200 times".
func SweepHead(r *answer.SweepResult, interrupted string) string {
	return sweepHead(r, interrupted, SweepInputsCount(r))
}

// sweepHead is SweepHead with its inputs' part, inputs.
func sweepHead(r *answer.SweepResult, interrupted, inputs string) string {
	s := fmt.Sprintf("model %s: %s draws (%s, seed %d)", r.Model, Grouped(r.Draws), r.Distribution, r.Seed)
	if interrupted != "" {
		s += " — " + interrupted
	}
	return s + "; " + inputs
}

// SweepInputsCount is the part of a sweep's head (SweepHead) that counts
// the uncertain inputs r drew: "150 uncertain inputs", or where there
// are none what the draws then are.
func SweepInputsCount(r *answer.SweepResult) string {
	if len(r.Inputs) == 0 {
		return "no uncertain input: " + noRangesText(r.Draws)
	}
	return nouns.Count(len(r.Inputs), "uncertain input")
}

// SweepInputsOn is the part of the head of a sweep kept to one issue
// (parley sweep --issue, the API's issue) that counts the uncertain
// inputs of r that bear on it (sweep.Touches), on, by the issue's name:
// a model that reads each issue alone (local, model.IssueLocal) reads
// the issue's positions and saliences and the capabilities of the
// actors in it, "23 of the 150 uncertain inputs bear on Territory (its
// positions and saliences and the capabilities of the actors in it)";
// any other model reads every input, "150 uncertain inputs, all of which
// bear on Territory (exchange weighs one issue against another)". The
// draws vary every input; the others do not move the issue's forecast.
func SweepInputsOn(r *answer.SweepResult, name string, local bool, on int) string {
	all := len(r.Inputs)
	switch {
	case all == 0:
		return SweepInputsCount(r)
	case !local && all == 1:
		return fmt.Sprintf("1 uncertain input, which bears on %s (%s weighs one issue against another)", name, r.Model)
	case !local:
		return fmt.Sprintf("%s, all of which bear on %s (%s weighs one issue against another)", nouns.Count(all, "uncertain input"), name, r.Model)
	case on == 0:
		return fmt.Sprintf("none of the %s bears on %s (its positions and saliences and the capabilities of the actors in it)", nouns.Count(all, "uncertain input"), name)
	}
	return fmt.Sprintf("%s of the %s %s on %s (its positions and saliences and the capabilities of the actors in it)", Grouped(on), nouns.Count(all, "uncertain input"), nouns.Verb(on, "bear"), name)
}
