package ask

// Words the page once composed itself from an answer's numbers and now
// reads from the answer, as the command line does (pagetext26): the
// timeline's notes on a model's missing points, the tornadoes' shared
// opening, a sweep's two lines of statistics, and a backtest's
// coverage.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/answer"
	"parley/sweep"
)

// compareGapTexts writes, over snapshots, each model's notes on an
// issue's columns without a point (CompareGapTexts).
func compareGapTexts(a *answer.Comparison) {
	if a.Request.Over != answer.OverSnapshots {
		return
	}
	for i := range a.Models {
		m := &a.Models[i]
		for k := range m.Issues {
			m.Issues[k].UnsettledText, m.Issues[k].NoForecastText = CompareGapTexts(a, m, m.Issues[k])
		}
	}
}

// CompareGapTexts says why model m's line over the snapshots of a
// comparison has no point on issue is at some columns, each column by
// its date and, where it has one, its label ("2025-03-18 (Trump–Putin
// call)"): where its forecast did not settle, with its range in the
// issue's decimals (RangeText), "bdm has no point at 2025-03-18
// (45.3–54.1): it did not settle there; its bar is its range." ("each
// bar is its range" at two or more); where it gave none, with the
// column's error where it has one, "bdm gave no forecast at 2025-02-28:
// the model failed." Either is "" where it has no such column
// (answer.CompareIssue's UnsettledText and NoForecastText).
func CompareGapTexts(a *answer.Comparison, m *answer.CompareModel, is answer.CompareIssue) (unsettled, noForecast string) {
	d := a.Scenario.IssueDecimals(is.Issue)
	var open, failed []string
	for j, c := range a.Columns {
		at := c.AsOf
		if c.Label != "" && c.Label != c.AsOf {
			at += " (" + c.Label + ")"
		}
		var f *answer.IssueForecast
		if j < len(is.Cells) {
			f = is.Cells[j].Forecast
		}
		switch {
		case j < len(m.Columns) && m.Columns[j].Error != "":
			failed = append(failed, at+": "+m.Columns[j].Error)
		case f == nil:
			failed = append(failed, at)
		case !f.Settled:
			if f.Range != nil {
				at += " (" + RangeText(f.Range.Lo, f.Range.Hi, d, numD) + ")"
			}
			open = append(open, at)
		}
	}
	if len(open) > 0 {
		bar := "its bar is its range"
		if len(open) > 1 {
			bar = "each bar is its range"
		}
		unsettled = m.Model + " has no point at " + strings.Join(open, ", ") + ": it did not settle there; " + bar + "."
	}
	if len(failed) > 0 {
		noForecast = m.Model + " gave no forecast at " + strings.Join(failed, "; ") + "."
	}
	return unsettled, noForecast
}

// SharesCommon splits the lines under a sensitivity answer's tornadoes
// (SharesNotes, by issue id; order the issues' ids, in the scenario's
// order) into the opening every one of two or more shares, up to and
// with its last "; " (the end of a clause), said once and ended with a
// full stop, and each line's rest, its first letter upper case. Where
// the lines share less than a clause of 40 bytes, or there are fewer
// than two, there is no common opening and each rest is its whole line
// (answer.SensitivityModel's SharesCommonText and SharesRestText).
func SharesCommon(notes map[string]string, order []string) (common string, rest map[string]string) {
	var lines []string
	for _, id := range order {
		if x, ok := notes[id]; ok {
			lines = append(lines, x)
		}
	}
	if len(lines) >= 2 {
		n := 0
		for n < len(lines[0]) && allHave(lines, n, lines[0][n]) {
			n++
		}
		// the last "; " that ends before the lines part
		if cut := strings.LastIndex(lines[0][:n], "; "); cut >= 40 && cut+2 <= n {
			common = lines[0][:cut+2]
		}
	}
	rest = map[string]string{}
	for id, x := range notes {
		if common != "" {
			x = upperFirst(strings.TrimPrefix(x, common))
		}
		rest[id] = x
	}
	if common != "" {
		common = strings.TrimSuffix(common, "; ") + "."
	}
	return common, rest
}

// allHave reports whether every line has byte b at n.
func allHave(lines []string, n int, b byte) bool {
	for _, l := range lines {
		if n >= len(l) || l[n] != b {
			return false
		}
	}
	return true
}

// upperFirst is s with its first letter upper case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// SweepInputsText is a sweep's issue's line on the spread of the
// forecast over the inputs, in the issue's d decimals, as every door
// writes it under the issue: "Forecast over the inputs: median 50.0,
// mean 49.8, sd 3.2; 80% 45.3–54.2, 95% 40.1–60.0" (sweep.IssueSummary's
// InputsText).
func SweepInputsText(is sweep.IssueSummary, d int) string {
	iv := is.IntervalText
	if iv == "" {
		iv = SweepIntervalText(is, d)
	}
	return "Forecast over the inputs: median " + numD(is.Median, d) + ", mean " + numD(is.Mean, d) + ", sd " + numD(is.SD, d) + "; " + iv
}

// SweepOutcomeText is a sweep's issue's line on where the outcome may
// land with the model's own error on real outcomes added, in the
// issue's d decimals, as every door writes it under the issue: its
// intervals (IntervalsText), its sd and the variance's split
// (VarianceSplitText): "Outcome, with the model's error on real
// outcomes (approximate): 80% 40.2–59.8, 95% 35.0–65.1; sd 7.4 = 97%
// inputs + 3% model error (of the variance)" (sweep.Combined's
// OutcomeText).
func SweepOutcomeText(c sweep.Combined, d int) string {
	split := c.ShareText
	if split == "" {
		split = VarianceSplitText(c)
	}
	return "Outcome, with the model's error on real outcomes (approximate): " + IntervalsText(c.Lo80, c.Hi80, c.Lo95, c.Hi95, d) +
		"; sd " + numD(c.SD, d) + " = " + split + " (of the variance)"
}

// CoverageText is a backtest's coverage, the share of outcomes inside a
// model's interval, as every door's table writes it: by PercentText's
// rule, a whole percent, "67%"; NoNumber for a model without a
// distribution (answer.BacktestModel's Coverage80Text and
// Coverage95Text).
func CoverageText(x answer.Num) string { return PercentText(float64(x), 0) }
