package ask

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"parley/answer"
	"parley/errs"
	"parley/nouns"
	"parley/scenario"
)

// MinRanked is the fewest scored questions on which a backtest or a
// ledger ranks models: with fewer, a difference in error says more about
// which questions happened to be asked than about the models.
const MinRanked = 10

// checkBacktestTo refuses an end date that is not a date: "" (no end)
// or YYYY-MM-DD.
func checkBacktestTo(to string) error {
	if to == "" {
		return nil
	}
	if _, err := time.Parse(scenario.DateLayout, to); err != nil {
		return errs.Field("to", "to %q is not a date; write it as YYYY-MM-DD, e.g. 2025-08-18", to)
	}
	return nil
}

// Backtest forecasts the case (an earlier snapshot) with every model of
// the request and scores each forecast against the outcomes the scenario
// records after the snapshot's date (and on or before req.To): absolute
// error, whether the nearest labelled option was hit, CRPS, and for models
// with a predictive distribution whether the outcome fell in its 80% and
// 95% intervals.
func Backtest(ctx context.Context, c *Case, req answer.BacktestRequest) (*answer.Backtest, error) {
	if err := checkBacktestTo(req.To); err != nil {
		return nil, err
	}
	asOf := c.Resolved.Metadata.AsOf
	if req.To != "" && req.To <= asOf {
		return nil, errs.Field("to", "to %s is not after the snapshot's date %s; valid: a later date, or none", req.To, asOf)
	}
	f, err := Forecast(ctx, c, answer.ForecastRequest{Target: answer.Target{Snapshot: c.Header.Snapshot, Variant: c.Header.Variant}, Run: req.Run}, nil)
	if err != nil {
		return nil, err
	}
	req.Run = f.Request.Run
	req.Target = f.Request.Target
	out := &answer.Backtest{Scenario: c.Header, Request: req, AsOf: c.Header.AsOf, RecordedOn: c.Header.RecordedOn, AsOfText: c.Header.AsOfText, Outcomes: []answer.BacktestOutcome{}, Models: []answer.BacktestModel{}, Warnings: []string{}}
	all := c.Input.Scenario.Outcomes
	scored := c.Input.Scenario.OutcomesBetween(asOf, req.To)
	// window is the dates scored, as the warnings name them: the end date
	// by its date, and only when the request gives one.
	window, outside := "after "+asOf, "on or before "+asOf
	if req.To != "" {
		window += " and on or before " + req.To
		outside += " or after " + req.To
	}
	// Outcomes left out are said here only where some are scored: where
	// none is, the one line that says nothing is scored says why.
	if n := len(all) - len(scored); n > 0 && len(scored) > 0 {
		out.Warnings = append(out.Warnings, fmt.Sprintf("%d of the %d recorded outcomes %s dated %s, and %s not scored", n, len(all), nouns.Verb(n, "is"), outside, nouns.Verb(n, "is")))
	}
	var scales []scoredScale // per outcome, its issue's
	for _, o := range scored {
		k := c.Header.IssueIndex(o.Issue)
		is := c.Header.Issues[k]
		scales = append(scales, scoredScale{is.Name, is.Min, is.Max})
		bo := answer.BacktestOutcome{Issue: o.Issue, Name: is.Name, Date: o.Date, Value: o.Value, Options: c.Header.Nearest(k, o.Value)}
		if bo.Options == nil {
			bo.Options = []answer.Anchor{}
		}
		if len(o.Evidence) > 0 {
			bo.Source, bo.Quote = o.Evidence[0].Source, o.Evidence[0].Quote
		}
		out.Outcomes = append(out.Outcomes, bo)
	}
	for _, m := range f.Models {
		bm := answer.BacktestModel{Model: m.Model, Error: m.Error, Err: m.Err, Scores: []answer.BacktestScore{}}
		if m.Error == "" {
			bm = scoreBacktest(m, out.Outcomes, scales)
			// A backtest that scores nothing has no forecast to qualify:
			// the models' notes (a red line crossed, why a run stopped)
			// would be all it said.
			if len(out.Outcomes) > 0 {
				bm.Notes = m.Notes
			}
			for _, x := range m.Issues {
				if x.Settled || x.Range == nil || !scoredIssue(out.Outcomes, x.Issue) {
					continue
				}
				d := c.Header.IssueDecimals(x.Issue)
				out.Warnings = append(out.Warnings, fmt.Sprintf("%s: %s did not settle (it kept moving in %s); scored at its last round's %s", m.Model, x.Name, RangeText(x.Range.Lo, x.Range.Hi, d, Decimals), Decimals(float64(x.Forecast), d)))
			}
		}
		out.Models = append(out.Models, bm)
	}
	out.ScoreDecimals = scoreDecimals(scales)
	if w := scalesDiffer("scored outcomes", "", scales); w != "" {
		out.MixedScales = true
		out.Warnings = append(out.Warnings, w)
	}
	if len(out.Outcomes) > 0 {
		if w := lookAheadWarning(c.Resolved.LateEvidence(asOf), asOf, out.Outcomes); w != "" {
			out.Warnings = append(out.Warnings, w)
		}
	}
	switch n := len(out.Outcomes); {
	case n == 0 && len(all) > 0:
		out.Warnings = append(out.Warnings, fmt.Sprintf("no outcome is dated %s: nothing to score (%s; %s)", window, recordedDates(all), widen(all, asOf, req.To)))
	case n == 0 && out.AsOf == "":
		out.Warnings = append(out.Warnings, "no outcome is recorded: nothing to score (set as_of to the date the stances describe and add an outcomes section, docs/format.md)")
	case n == 0:
		out.Warnings = append(out.Warnings, fmt.Sprintf("no outcome is recorded after %s: nothing to score (add an outcomes section, docs/format.md)", asOf))
	case n < MinRanked:
		out.Warnings = append(out.Warnings, fmt.Sprintf("only %s scored: too few to rank the models (%d needed); read each score on its own", nouns.Count(n, "outcome"), MinRanked))
	}
	out.HeadText = BacktestHead(out)
	backtestTexts(out)
	return out, nil
}

// BacktestHead is the line every door heads a backtest's scores with:
// the state the forecasts read, in forecast's words (AsOfText), and the
// date the outcomes scored follow: "forecasts as of 2025-03-01: the
// state recorded on 2025-01-01, the latest at or before it; scored
// against 2 outcomes recorded after 2025-03-01". A peer format's file
// states no date, and the line says none.
func BacktestHead(b *answer.Backtest) string {
	line := "forecasts"
	if b.AsOfText != "" {
		line += " " + b.AsOfText
	}
	line += "; scored against " + nouns.Count(len(b.Outcomes), "outcome")
	if b.AsOf != "" {
		line += " recorded after " + b.AsOf
	}
	return line
}

// lookAheadWarning warns that the forecasts a backtest scores rest on
// quotes dated after the date they stand at (late, by
// scenario.LateEvidence): their scores may owe something to later news,
// the very report of an outcome even, and look skilful by accident. The
// sources are named with their dates, the latest quote's first; "" for
// none. A source that reports an outcome scored (scored) is named
// again, as the likeliest leak.
func lookAheadWarning(late []scenario.LateQuote, asOf string, scored []answer.BacktestOutcome) string {
	if len(late) == 0 {
		return ""
	}
	latest := map[string]string{}
	for _, q := range late {
		latest[q.Source] = max(latest[q.Source], q.Date)
	}
	srcs := slices.Sorted(maps.Keys(latest))
	slices.SortStableFunc(srcs, func(a, b string) int { return strings.Compare(latest[b], latest[a]) })
	names := make([]string, len(srcs))
	for i, src := range srcs {
		names[i] = src + " dated " + latest[src]
	}
	// a source that reports an outcome scored too is the likeliest leak
	var also []string
	for _, o := range scored {
		if _, ok := latest[o.Source]; ok && !slices.Contains(also, o.Source) {
			also = append(also, o.Source)
		}
	}
	more := ""
	if len(also) > 0 {
		more = fmt.Sprintf(" (%s %s the source of an outcome scored)", nouns.And(also), nouns.Verb(len(also), "is"))
	}
	return fmt.Sprintf("look-ahead: the forecasts as of %s rest on %s dated after it (%s), so their scores may owe something to later news and look skilful by accident%s; parley validate names each", asOf, nouns.Count(len(late), "quote"), nouns.AndMore(names, 3), more)
}

// recordedDates says when the recorded outcomes are dated, for the line
// of a backtest that scores none of them: "the one recorded outcome is
// dated 2026-03-20", "the 3 recorded outcomes are all dated 2025-03-01",
// "the 2 recorded outcomes are dated from 2025-03-01 to 2025-07-01".
func recordedDates(all []scenario.Outcome) string {
	if len(all) == 1 {
		return "the one recorded outcome is dated " + all[0].Date
	}
	first, last := all[0].Date, all[0].Date
	for _, o := range all[1:] {
		first, last = min(first, o.Date), max(last, o.Date)
	}
	if first == last {
		return fmt.Sprintf("the %d recorded outcomes are all dated %s", len(all), first)
	}
	return fmt.Sprintf("the %d recorded outcomes are dated from %s to %s", len(all), first, last)
}

// BacktestEmpty is the one line that says a backtest scored nothing,
// and why ("no outcome is dated after 2026-04-01: nothing to score (the
// one recorded outcome is dated 2026-03-20; give an earlier
// snapshot)"); "" for one that scored an outcome. The command line
// prints it alone and exits 2, as for a request with nothing to do.
func BacktestEmpty(b *answer.Backtest) string {
	switch {
	case len(b.Outcomes) > 0:
		return ""
	case len(b.Warnings) == 0:
		return "nothing to score"
	}
	// Backtest's last warning: where nothing is scored, its only one
	return b.Warnings[len(b.Warnings)-1]
}

// widen says how a backtest that scored none of the outcomes would
// score some: an earlier snapshot where an outcome is dated on or before
// asOf, a later end date where one is dated after to. Only what applies
// is said: with no end date, or every outcome before the snapshot, "a
// later end date" would send the user to change what cannot help.
func widen(all []scenario.Outcome, asOf, to string) string {
	var ways []string
	if slices.ContainsFunc(all, func(o scenario.Outcome) bool { return o.Date <= asOf }) {
		ways = append(ways, "an earlier snapshot")
	}
	if to != "" && slices.ContainsFunc(all, func(o scenario.Outcome) bool { return o.Date > to }) {
		ways = append(ways, "a later end date")
	}
	return "give " + strings.Join(ways, ", or ")
}

// scoredScale is the scale of an issue whose outcome is scored.
type scoredScale struct {
	name     string
	min, max float64
}

// pct is what turns an error on the scale into a percent of it (MAE %,
// CRPS %): 100 ÷ its width.
func (sc scoredScale) pct() float64 { return 100 / (sc.max - sc.min) }

// PctDecimals is the decimals of MAE % and CRPS %: a percent of a scale
// is a number on a 0–100 scale, so ScaleDecimals(0, 100).
const PctDecimals = 1

// scoreDecimals is the decimals an MAE or a CRPS over errors on these
// scales is written with: the most any of them has (ScaleDecimals), 1
// with none.
func scoreDecimals(scales []scoredScale) int {
	d := 1
	for _, sc := range scales {
		d = max(d, ScaleDecimals(sc.min, sc.max))
	}
	return d
}

// scalesDiffer warns, naming them, when the scales of the scored issues
// differ in width: MAE and CRPS are means of errors as they stand, in
// each issue's own units, so where a 0–100 issue is scored beside a 0–1
// one the first's errors decide the mean and the second's count for
// almost nothing. MAE % and CRPS % (each error as a percent of its own
// scale) are the scores that compare models there. The warning names
// each width once, by the first issue that has it ("Budget 0–100, Share
// 0–1"). what says what was scored ("scored outcomes", "graded
// questions"); more ends the sentence (how the models are ranked).
func scalesDiffer(what, more string, scales []scoredScale) string {
	var seen []scoredScale
	for _, sc := range scales {
		if !slices.ContainsFunc(seen, func(x scoredScale) bool { return x.max-x.min == sc.max-sc.min }) {
			seen = append(seen, sc)
		}
	}
	if len(seen) < 2 {
		return ""
	}
	names := make([]string, len(seen))
	for i, sc := range seen {
		names[i] = sc.name + " " + RangeJoin(strconv.FormatFloat(sc.min, 'f', -1, 64), strconv.FormatFloat(sc.max, 'f', -1, 64))
	}
	return fmt.Sprintf("the %s are on scales of different widths (%s): MAE and CRPS average their errors as they stand, so a wider scale's errors weigh more; MAE %% and CRPS %% take each error as a percent of its own scale, and compare the models across them%s", what, strings.Join(names, ", "), more)
}

// scoredIssue reports whether an outcome of the issue is scored.
func scoredIssue(os []answer.BacktestOutcome, issue string) bool {
	for _, o := range os {
		if o.Issue == issue {
			return true
		}
	}
	return false
}

// scoreBacktest scores one model's forecasts against the outcomes;
// scales are, per outcome, its issue's (for MAEPct, CRPSPct).
func scoreBacktest(m answer.ModelForecast, outcomes []answer.BacktestOutcome, scales []scoredScale) answer.BacktestModel {
	bm := answer.BacktestModel{Model: m.Model, Scores: []answer.BacktestScore{}}
	var sumAE, sumCRPS, sumAEPct, sumCRPSPct float64
	var nDist, in80, in95 int
	for i, o := range outcomes {
		var f *answer.IssueForecast
		for j := range m.Issues {
			if m.Issues[j].Issue == o.Issue {
				f = &m.Issues[j]
			}
		}
		s := answer.BacktestScore{Issue: o.Issue, Date: o.Date, Outcome: o.Value, Forecast: answer.Num(math.NaN()), AbsError: answer.Num(math.NaN()), CRPS: answer.Num(math.NaN())}
		if f == nil || !f.Forecast.Finite() {
			bm.Scores = append(bm.Scores, s)
			continue
		}
		x := float64(f.Forecast)
		ae := math.Abs(x - o.Value)
		s.Forecast, s.AbsError, s.CRPS = f.Forecast, answer.Num(ae), answer.Num(ae)
		var hit float64
		hit, s.OptionTie = OptionHit(f.Nearest, o.Options)
		s.OptionHit = answer.HitShare(hit)
		if d := f.Predictive; d != nil && f.Distribution != nil {
			s.CRPS = answer.Num(d.CRPS(o.Value))
			lo80, hi80 := f.Distribution.Interval80.Lo, f.Distribution.Interval80.Hi
			lo95, hi95 := f.Distribution.Interval95.Lo, f.Distribution.Interval95.Hi
			a, b := o.Value >= lo80 && o.Value <= hi80, o.Value >= lo95 && o.Value <= hi95
			s.In80, s.In95 = &a, &b
			nDist++
			if a {
				in80++
			}
			if b {
				in95++
			}
		}
		bm.N++
		sumAE += ae
		sumCRPS += float64(s.CRPS)
		sumAEPct += ae * scales[i].pct()
		sumCRPSPct += float64(s.CRPS) * scales[i].pct()
		bm.OptionHits += float64(s.OptionHit)
		bm.Scores = append(bm.Scores, s)
	}
	nan := answer.Num(math.NaN())
	bm.MAE, bm.CRPS, bm.MAEPct, bm.CRPSPct, bm.Coverage80, bm.Coverage95 = nan, nan, nan, nan, nan, nan
	if n := float64(bm.N); n > 0 {
		bm.MAE, bm.CRPS = answer.Num(sumAE/n), answer.Num(sumCRPS/n)
		bm.MAEPct, bm.CRPSPct = answer.Num(sumAEPct/n), answer.Num(sumCRPSPct/n)
	}
	if nDist > 0 {
		bm.Coverage80, bm.Coverage95 = answer.Num(float64(in80)/float64(nDist)), answer.Num(float64(in95)/float64(nDist))
	}
	return bm
}

// OptionHit is the share of an option hit a forecast earns, by the one
// rule every door counts option hits with: of the labelled options
// nearest the forecast (nearest: one, or k equally near, a tie), the
// share that are among those nearest the outcome (outcome). One nearest
// option earns 1 when it is the outcome's and 0 when not; a forecast
// midway between two options, one of them the outcome's, has not picked
// it and earns 1/2: the expected score of breaking the tie at random.
// tie is k where k > 1, else 0. (An outcome midway between two options
// has either as its option: a forecast nearest one of them earns 1.)
func OptionHit(nearest, outcome []answer.Anchor) (share float64, tie int) {
	if len(nearest) == 0 {
		return 0, 0
	}
	j := 0
	for _, a := range nearest {
		if slices.Contains(outcome, a) {
			j++
		}
	}
	if len(nearest) > 1 {
		tie = len(nearest)
	}
	return float64(j) / float64(len(nearest)), tie
}

// OptionHitMark is what follows a backtest cell's forecast and error at
// every door: "" for no hit, " ✓" for a whole one, " ✓j/k" for a tie
// between k options, j of them the outcome's (" ✓1/2"). A backtest
// carries it (BacktestScore.OptionHitText, backtestTexts), which every
// door prints.
func OptionHitMark(s answer.BacktestScore) string {
	switch {
	case s.OptionHit <= 0:
		return ""
	case s.OptionHit >= 1 || s.OptionTie < 2:
		return " ✓"
	}
	return fmt.Sprintf(" ✓%d/%d", tieHits(s), s.OptionTie)
}

// tieHits is j of a tie's j/k: the options of the tie that are the
// outcome's.
func tieHits(s answer.BacktestScore) int {
	return int(math.Round(float64(s.OptionHit) * float64(s.OptionTie)))
}

// OptionHitsText is a model's option hits out of the outcomes scored, as
// every door writes them: "3/3", and a total with a tie's share in it
// with the fewest decimals, up to two, that write it ("2.5/3",
// "1.33/3"). A backtest carries them (BacktestModel.OptionHitsText,
// backtestTexts), which every door prints.
func OptionHitsText(m answer.BacktestModel) string {
	x := m.OptionHits
	d := 0
	for ; d < 2; d++ {
		if v, err := strconv.ParseFloat(fixed(x, d), 64); err == nil && math.Abs(v-x) < 1e-9 {
			break
		}
	}
	return fixed(x, d) + "/" + strconv.Itoa(m.N)
}

// OptionHitsAddUp follows the tie marks' legend (OptionTieLegend) at
// every door: what a model's option hits are made of once a cell holds a
// share. A backtest carries it in its TieLegendText (backtestTexts),
// which every door prints.
const OptionHitsAddUp = "option hits add up the shares"

// OptionTieLegend says what each tie's mark in the backtest's cells
// means, once a mark, in the order of first use ("✓1/2 the forecast lies
// equally near 2 options, 1 of them the outcome's: 1/2 of a hit"); ""
// when no cell has one. The answer carries it with OptionHitsAddUp
// (tie_legend_text), which the page prints.
func OptionTieLegend(b *answer.Backtest) string {
	var out []string
	for _, m := range b.Models {
		for _, s := range m.Scores {
			mark := strings.TrimSpace(OptionHitMark(s))
			if mark == "✓" || mark == "" {
				continue
			}
			j, k := tieHits(s), s.OptionTie
			t := fmt.Sprintf("%s the forecast lies equally near %d options, %d of them the outcome's: %d/%d of a hit", mark, k, j, j, k)
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return strings.Join(out, "; ")
}
