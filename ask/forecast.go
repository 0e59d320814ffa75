package ask

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"parley/answer"
	"parley/errs"
	"parley/model"
	"parley/model/bdm"
	"parley/nouns"
	"parley/scenario"
)

// Progress reports a long run's progress: done of total steps of one
// model's part. It may be called from several goroutines.
type Progress func(model string, done, total int)

// Forecast runs every model of the request on the case, one after
// another. A model that fails does not stop the others: its error is in
// its part of the answer (ModelErrors returns them), so every door shows
// the same thing. Progress, when not nil, is told of each model's rounds
// (model.Options.Progress: smp's states, exchange's rounds, the
// ensemble's issues).
func Forecast(ctx context.Context, c *Case, req answer.ForecastRequest, progress Progress) (*answer.Forecast, error) {
	ms, names, err := c.prepareRun(&req.Run)
	if err != nil {
		return nil, err
	}
	req.Models = names
	req.Target = c.target()
	out := &answer.Forecast{Scenario: c.Header, Request: req, Models: []answer.ModelForecast{}}
	o := oneRunOptions(req.Run)
	for _, m := range ms {
		if progress != nil {
			name := m.Name()
			o.Progress = func(done, total int) { progress(name, done, total) }
		}
		r, err := model.Run(ctx, m, c.Problem(), o)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			out.Models = append(out.Models, answer.ModelForecast{Model: m.Name(), Error: err.Error(), Err: err, Issues: []answer.IssueForecast{}})
			continue
		}
		mf := c.convert(m.Name(), r, o)
		if err := nonFiniteRange(mf); err != nil {
			// Never printed as a forecast (finding 10 of issue 14).
			mf = answer.ModelForecast{Model: m.Name(), Error: err.Error(), Err: err, Issues: []answer.IssueForecast{}}
		}
		out.Models = append(out.Models, mf)
	}
	out.RedLinesCrossed, out.RedLinesCrossedHead = redLinesCrossedWithHead(&out.Scenario, ForecastCrossings(out.Models))
	out.BottomLine = BottomLine(out, len(c.Input.Scenario.OutcomesBetween(c.Resolved.Metadata.AsOf, "")))
	return out, nil
}

// nonFiniteRange returns an error (errs.Invalid) when the range of an
// unsettled forecast is not finite: a round before the last overflowed.
// model.Run has already refused a forecast that is not finite. Validate's
// magnitudes (scenario.MaxCapability, scenario.MaxScale) are meant to make
// both impossible; these are the net under them.
func nonFiniteRange(mf answer.ModelForecast) error {
	for _, f := range mf.Issues {
		if f.Range != nil && (!finite(f.Range.Lo) || !finite(f.Range.Hi)) {
			return errs.New(errs.Invalid, "%s: the rounds before its forecast of issue %s left no finite range (%v to %v): its arithmetic overflowed or underflowed on these inputs; valid: capabilities, saliences and scales within the magnitudes of docs/limits.md and not many orders of magnitude apart (rescale them nearer 1)",
				mf.Model, f.Issue, f.Range.Lo, f.Range.Hi)
		}
	}
	return nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// fileParams adds the model settings the input file asks for (Input.Params)
// to a run that includes their model and does not set them itself, so a
// KTAB XML scenario runs smp as its file says; the answer's request echoes
// them.
func (c *Case) fileParams(r *answer.Run) {
	if c == nil || c.Input == nil || len(c.Input.Params) == 0 {
		return
	}
	names, err := ModelList(r.Models)
	if err != nil {
		return // prepareRun reports it
	}
	copied := false
	for k, v := range c.Input.Params {
		if _, set := r.Params[k]; set || !slices.Contains(names, paramModel(k)) {
			continue
		}
		if !copied {
			// The request's map may be its caller's: it is written only
			// in a copy.
			own := make(map[string]string, len(r.Params)+len(c.Input.Params))
			maps.Copy(own, r.Params)
			r.Params, copied = own, true
		}
		r.Params[k] = v
	}
}

// prepareRun is prepareRun on the case: with the settings the input file
// asks for (fileParams). It is what Forecast refuses before it runs a
// model, and CheckCase's check of a forecast.
func (c *Case) prepareRun(r *answer.Run) ([]model.Model, []string, error) {
	c.fileParams(r)
	return prepareRun(r)
}

// prepareRun checks the run settings and chooses the models.
func prepareRun(r *answer.Run) ([]model.Model, []string, error) {
	if err := checkRun(r); err != nil {
		return nil, nil, err
	}
	r.Params = normaliseParams(r.Params)
	return chooseModels(r.Models, r.Params)
}

// target is the case's snapshot and variant as resolved: what every
// answer echoes as its request's target.
func (c *Case) target() answer.Target {
	return answer.Target{Snapshot: c.Header.Snapshot, Variant: c.Header.Variant}
}

// ModelErrors returns the models of an answer that failed, as errors.
func ModelErrors(f *answer.Forecast) []error {
	var out []error
	for _, m := range f.Models {
		switch {
		case m.Err != nil:
			out = append(out, fmt.Errorf("model %s: %w", m.Model, m.Err))
		case m.Error != "":
			out = append(out, fmt.Errorf("model %s: %s", m.Model, m.Error))
		}
	}
	return out
}

// convert turns a model's result into its part of the answer, with the
// labelled options nearest each forecast and the warning of the issues
// whose rounds had not settled (settleWarning), under the run options o:
// a round setting o gives that does not apply to the model is said too
// (roundsNotApplied).
func (c *Case) convert(name string, r *model.Result, o model.Options) answer.ModelForecast {
	p := c.problem
	out := answer.ModelForecast{Model: name, ModelNotes: r.Notes, Issues: []answer.IssueForecast{}, Detail: r.Detail}
	var moving []unsettledIssue
	repeats := map[string]bool{} // notes the settle warning says again, with ids (Note.String)
	for _, ir := range r.Issues {
		k := c.Header.IssueIndex(ir.Issue)
		if k < 0 {
			continue
		}
		is := p.Issues[k]
		f := answer.IssueForecast{Issue: ir.Issue, Name: is.Name, Forecast: answer.Num(ir.Forecast), Settled: true,
			Nearest: c.Header.Nearest(k, ir.Forecast), Values: answer.NumMap(ir.Values)}
		if f.Nearest == nil {
			f.Nearest = []answer.Anchor{}
		}
		for _, rd := range ir.Rounds {
			ar := answer.Round{Round: rd.Round, Forecast: answer.Num(rd.Forecast), Values: answer.NumMap(rd.Values), Positions: map[string]float64{}}
			for i, x := range rd.Positions {
				if !math.IsNaN(x) && i < len(p.Actors) {
					ar.Positions[p.Actors[i].ID] = x
				}
			}
			f.Rounds = append(f.Rounds, ar)
		}
		if s := settle(ir.Rounds, is.Max-is.Min); !s.settled {
			s.d = ScaleDecimals(is.Min, is.Max)
			f.Settled = false
			f.Range = &answer.Interval{Lo: s.lo, Hi: s.hi}
			f.Cycle = s.cycle
			if f.Nearest = c.Header.Spanned(k, s.lo, s.hi); f.Nearest == nil {
				// an issue without labelled options: none, as of a settled forecast
				f.Nearest = []answer.Anchor{}
			}
			u := unsettledIssue{label: issueLabelOf(p, k), s: s, rounds: len(ir.Rounds) - 1, width: is.Max - is.Min, options: len(f.Nearest)}
			f.UnsettledText = u.unsettledText()
			moving = append(moving, u)
			repeats[bdm.MovingNote(ir.Issue, ir.Rounds[len(ir.Rounds)-1].Round).String()] = true
		}
		forecastTexts(&f)
		if ir.Predictive != nil {
			f.Distribution = distribution(p, k, ir.Predictive)
			LikeliestTexts(&c.Header, ir.Issue, f.Distribution)
			f.Predictive = ir.Predictive
			if f.Settled {
				f.Distribution.LikeliestNote = likeliestNote(is, ir.Forecast, f.Nearest, ir.Predictive, f.Distribution, c.Header.IssueDecimals(ir.Issue))
			}
		}
		out.Issues = append(out.Issues, f)
	}
	if w := roundsNotApplied(name, o); w != "" {
		out.Warnings = append(out.Warnings, w)
	}
	if w := settleWarning(moving, len(out.Issues), MoreRoundsSetting(name, o)); w != "" {
		out.Warnings = append(out.Warnings, w)
		// A model's note that an issue was still moving at its cap says
		// again what the warning says with the range (and the cycle):
		// the warning keeps the fact, at every door.
		out.ModelNotes = slices.DeleteFunc(slices.Clone(out.ModelNotes), func(n model.Note) bool { return repeats[n.String()] })
		if len(out.ModelNotes) == 0 {
			out.ModelNotes = nil
		}
	}
	out.Notes = NoteTexts(&c.Header, out.ModelNotes)
	if rl := c.redLines(out.Issues); rl != nil {
		out.RedLines = rl
		out.Notes = slices.Clip(out.Notes)
		for _, x := range rl {
			out.Notes = append(out.Notes, x.Text())
		}
	}
	for k, f := range out.Issues {
		if f.Settled && f.Forecast.Finite() {
			out.Issues[k].ForecastText = PointText(f.Issue, float64(f.Forecast), c.Header.IssueDecimals(f.Issue), out.RedLines)
		}
	}
	return out
}

// distribution is the answer's view of a model's predictive distribution
// of issue k of p: median, intervals, the probability of each labelled
// option's stretch of the scale (the points nearer it than any other
// option; a point mass exactly halfway between two options is split
// between them, as neither is nearer) and of each stated position.
func distribution(p *model.Problem, k int, d *model.Predictive) *answer.Distribution {
	is := p.Issues[k]
	out := &answer.Distribution{Median: answer.Num(d.Median()), Options: []answer.OptionProb{}, Positions: []answer.PositionProb{}}
	out.Interval80.Lo, out.Interval80.Hi = d.Interval80()
	out.Interval95.Lo, out.Interval95.Hi = d.Interval95()
	for _, s := range stretches(is.Anchors) {
		a, lo, hi := s.Anchor, s.Lo, s.Hi
		// (lo, hi], less half a point mass at hi and with half of one at
		// lo (ProbNear with no width: the point mass at exactly x)
		var pr float64
		if math.IsInf(lo, -1) {
			pr = d.CDF(hi) - d.ProbNear(hi, 0)/2
		} else {
			pr = d.CDF(hi) - d.CDF(lo) - d.ProbNear(hi, 0)/2 + d.ProbNear(lo, 0)/2
		}
		out.Options = append(out.Options, answer.OptionProb{Label: a.Label, Value: a.Value, P: answer.Num(pr)})
	}
	tol := 1e-6 * (is.Max - is.Min)
	at := map[float64][]string{}
	var values []float64
	for i, a := range p.Actors {
		if st := p.Stances[i][k]; st.Present {
			if _, ok := at[st.Position]; !ok {
				values = append(values, st.Position)
			}
			at[st.Position] = append(at[st.Position], a.ID)
		}
	}
	sort.Float64s(values)
	rest := 1.0
	for _, v := range values {
		pr := d.ProbNear(v, tol)
		rest -= pr
		out.Positions = append(out.Positions, answer.PositionProb{Value: v, Actors: at[v], P: answer.Num(pr)})
	}
	out.Elsewhere = answer.Num(math.Max(0, rest))
	out.Likeliest = likeliest(out.Options, out.Positions)
	return out
}

// likeliest is every labelled option as probable as the most probable,
// to 1e-12, or, with no options, every stated position as probable as
// the most probable; a probability that is not a number is never the
// likeliest. A tie is named: every candidate that ties is listed, in
// the order of the scale.
func likeliest(options []answer.OptionProb, positions []answer.PositionProb) []answer.Likely {
	var all []answer.Likely
	for _, o := range options {
		all = append(all, answer.Likely{Value: o.Value, Label: o.Label, P: o.P})
	}
	if len(options) == 0 {
		for _, o := range positions {
			all = append(all, answer.Likely{Value: o.Value, Actors: o.Actors, P: o.P})
		}
	}
	top := math.Inf(-1)
	for _, c := range all {
		if p := float64(c.P); !math.IsNaN(p) {
			top = math.Max(top, p)
		}
	}
	out := []answer.Likely{}
	for _, c := range all {
		if p := float64(c.P); !math.IsNaN(p) && p >= top-1e-12 {
			out = append(out, c)
		}
	}
	return out
}

// ScaleDecimals is how many decimals every door writes a number on an
// issue's scale from lo to hi with: scenario.ScaleDecimals, the one rule
// (d = 2 − ⌊log₁₀ W⌋ for the width W, from 1 to MaxScaleDecimals, and no
// more than a float64 carries at the scale's ends). It is computed once,
// when the answer's issues are built (answer.Issue's Decimals), and every
// door reads it from there.
func ScaleDecimals(lo, hi float64) int { return scenario.ScaleDecimals(lo, hi) }

// widthDecimals is ScaleDecimals of a scale w wide (scenario.WidthDecimals).
func widthDecimals(w float64) int { return scenario.WidthDecimals(w) }

// decimalExponent is ⌊log₁₀ |x|⌋ of x read to digits significant digits
// (scenario.DecimalExponent).
func decimalExponent(x float64, digits int) int { return scenario.DecimalExponent(x, digits) }

// RangeJoin writes a range from its two ends as written: "45.3–54.1", or
// "-2.18 to -1.99" where an end is negative (scenario.RangeJoin, the one
// rule every door joins a range's ends by).
func RangeJoin(lo, hi string) string { return scenario.RangeJoin(lo, hi) }

// RangeSep is the separator between the ends of ranges shown together,
// given all their ends (scenario.RangeSep): " to " where any is negative.
func RangeSep(ends ...string) string { return scenario.RangeSep(ends...) }

// OverAllItsRange follows the option all of an unsettled forecast's
// range reads as (its one nearest, answer.IssueForecast): parley
// forecast --long's "30 years (as today) (30.0) over all its range", and
// the forecast's nearest_text the page prints, "→30 30 years (as today)
// over all its range" (forecastTexts).
const OverAllItsRange = " over all its range"

// MaxScaleDecimals is the most decimals ScaleDecimals gives
// (scenario.MaxScaleDecimals). The API's schema bounds an issue's
// decimals by it.
const MaxScaleDecimals = scenario.MaxScaleDecimals

// RangeText writes the range lo–hi of a forecast that did not settle,
// each end with f at d decimals (the issue's, ScaleDecimals, with the
// door's way of writing a number), marked as unsettled beside it by the
// caller. A forecast that did not settle moved, so its range is never
// written as a point, which would contradict that mark: where both ends
// read the same at d decimals (the forecast moved less than they show),
// they get as many more decimals, up to rangeDecimalsMax(d), as part
// them ("56.66–56.74" where one decimal reads both 56.7); where even
// those do not, the end as f writes it and how little it moved: "56.7
// (moving by less than 0.0001)". Every door writes the range of an unsettled
// forecast through it (the web app through rangeText, the same rule). The
// rule is scenario.RangeText, which model bdm's notes write by too.
func RangeText(lo, hi float64, d int, f func(float64, int) string) string {
	return scenario.RangeText(lo, hi, d, f)
}

// rangeDecimalsMax is the most decimals RangeText gives the ends of a
// range on a scale of d decimals to part them, and BinDecimals a bin's
// edges (scenario.RangeDecimalsMax).
func rangeDecimalsMax(d int, ends ...float64) int { return scenario.RangeDecimalsMax(d, ends...) }

// rangeDecimals is the fewest decimals, from `from` to `to`, at which lo
// and hi read differently; 0 when none part them (scenario.RangeDecimals).
func rangeDecimals(lo, hi float64, from, to int) int { return scenario.RangeDecimals(lo, hi, from, to) }

// BinDecimals is how many decimals a histogram's bin edges on a scale of
// d decimals (ScaleDecimals) are written with: the fewest, from d to
// rangeDecimalsMax(d), at which every bin's two edges read differently, so
// that no bin reads as a point and no two bins alike. On a scale of 0 to
// 100 (bins 5 wide) that is one, as every number on that scale; on a
// scale of 0 to 0.04 (bins 0.002 wide) it is the scale's four
// ("0.0120–0.0140"); where the scale's decimals do not part a narrow
// bin's edges, more. Bins too narrow for even rangeDecimalsMax(d) to
// part (under 0.0001 on a 0–100 scale) get rangeDecimalsMax(d). The
// edges are written with
// Decimals; every door writes a sweep's histogram by this rule
// (BinEdges; the page prints each bin's carried text).
func BinDecimals(bins []answer.SweepBin, d int) int {
	d = max(d, 1)
	var edges []float64
	for _, b := range bins {
		edges = append(edges, b.Lo, b.Hi)
	}
	top := rangeDecimalsMax(d, edges...)
	out := d
	for _, b := range bins {
		if !finite(b.Lo) || !finite(b.Hi) {
			continue
		}
		k := rangeDecimals(b.Lo, b.Hi, d, top)
		if k == 0 {
			return top
		}
		out = max(out, k)
	}
	return out
}

// Signed writes x with d decimals, as Decimals does, and its direction:
// "+" before a number above zero, "-" before one below, and no sign on
// one that reads as zero at d decimals ("0.0", neither "+0.0" nor
// "-0.0": a sign says a direction the number as written cannot show). A
// number that is not finite is NoNumber. Every door writes a signed
// number (a pull, a shift, a gain) by this rule (the web app through
// signed, the same rule).
func Signed(x float64, d int) string {
	if !finite(x) {
		return NoNumber
	}
	s := fixed(x, d)
	if x > 0 && !readsZero(s) {
		return "+" + s
	}
	return s
}

// Decimals writes x with d decimals by OneDecimal's rule (OneDecimal is
// Decimals(x, 1)): a number on an issue's scale is written
// Decimals(x, issue.Decimals).
func Decimals(x float64, d int) string { return fixed(x, d) }

// NoNumber is what every door writes where a number is missing or does
// not apply (a model that gave no forecast, a rank not given): an em
// dash, the usual placeholder in a table, and not the en dash that
// separates the ends of a range ("45.3–54.1"), so that a missing number
// never reads as half of one. The web app writes the same (noNumber in
// web/src/util.ts). It is model.NoNumber, which packages upstream of ask
// (skill's benchmark tables) write.
const NoNumber = model.NoNumber

// fixed writes x with d decimals, and no minus sign on a value that
// reads as zero ("0.00", not "-0.00"): the one rule Decimals, OneDecimal
// (d = 1) and RangeText's wider ends follow.
func fixed(x float64, d int) string {
	s := strconv.FormatFloat(x, 'f', d, 64)
	if readsZero(s) {
		return strings.TrimPrefix(s, "-")
	}
	return s
}

// readsZero says whether a number written by fixed reads as zero ("0.0",
// "-0.00"): fixed leaves it unsigned, Signed gives it no "+".
func readsZero(s string) bool { return strings.Trim(s, "-0.") == "" }

// settling is what the last rounds of a model say about its forecast.
type settling struct {
	settled bool
	// lo and hi bound the forecasts of the last rounds; cycle holds the
	// values of an exact cycle, in the order of its last period.
	lo, hi float64
	cycle  []float64
	// d is the decimals of the issue's scale (ScaleDecimals), which the
	// warning writes the range and the cycle with.
	d int
}

// settleWindow is how many of the last rounds bound an unsettled
// forecast's range (fewer when the run is short: the later half).
const settleWindow = 10

// maxCycle is the longest cycle looked for.
const maxCycle = 4

// settle reads the forecasts of the rounds: settled when the last two
// agree (to 1e-9 of the scale); otherwise an exact cycle of period ≤ 4 if
// the last rounds repeat one, and the range of the last rounds.
func settle(rounds []model.Round, width float64) settling {
	n := len(rounds)
	if n < 2 {
		return settling{settled: true}
	}
	same := func(a, b float64) bool { return model.Settled(a, b, width) }
	f := func(i int) float64 { return rounds[i].Forecast }
	if same(f(n-1), f(n-2)) {
		return settling{settled: true}
	}
	s := settling{lo: math.Inf(1), hi: math.Inf(-1), d: widthDecimals(width)}
	for p := 2; p <= maxCycle && 2*p <= n-1; p++ {
		ok := true
		for j := 0; j < p && ok; j++ {
			ok = same(f(n-1-j), f(n-1-j-p))
		}
		if ok {
			for j := p - 1; j >= 0; j-- {
				s.cycle = append(s.cycle, f(n-1-j))
			}
			break
		}
	}
	w := len(s.cycle)
	if w == 0 {
		w = min(settleWindow, max(2, n/2))
	}
	for i := n - w; i < n; i++ {
		if x := f(i); !math.IsNaN(x) {
			s.lo, s.hi = math.Min(s.lo, x), math.Max(s.hi, x)
		}
	}
	return s
}

// warning is the sentence for one issue that did not settle after its
// rounds: the range to read it as, and a cycle's values and period. A
// forecast still moving, not cycling, may leave that range with more
// rounds, and the sentence says so: the range is the least of the doubt
// (smp's DEU runs, continued to 300 steps, end outside it in 148 of 201
// forecasts; docs/DECISIONS.md, smpsettle21), while a cycle repeats it.
func (s settling) warning(issue string, rounds int, more, moved string) string {
	r := RangeText(s.lo, s.hi, s.d, Decimals)
	if len(s.cycle) > 0 {
		return fmt.Sprintf("%s: did not settle — the forecast cycles through %s (period %d) after %d rounds%s; read it as the range %s, not the last round's point", issue, s.cycleText(), len(s.cycle), rounds, moved, r)
	}
	return fmt.Sprintf("%s: did not settle — the forecast was still moving after %d rounds, within %s%s over the last rounds; read it as that range, not the last round's point, and more rounds, which %s sets, may take it further", issue, rounds, r, moved, more)
}

// cycleText is a cycle's values, in order, at the issue's decimals, or
// at as many as RangeText gives its range where those do not part the
// range's ends.
func (s settling) cycleText() string {
	d := max(s.d, 1)
	if fixed(s.lo, d) == fixed(s.hi, d) {
		d = max(d, rangeDecimals(s.lo, s.hi, d+1, rangeDecimalsMax(d, s.lo, s.hi)))
	}
	vals := make([]string, len(s.cycle))
	for i, x := range s.cycle {
		vals[i] = fixed(x, d)
	}
	return strings.Join(vals, ", ")
}

// unsettledIssue is an issue whose forecast did not settle: its label
// (model.NameOr), what its rounds say, how many rounds it ran, its
// scale's width and how many labelled options its range reaches
// (answer.Scenario.Spanned).
type unsettledIssue struct {
	label   string
	s       settling
	rounds  int
	width   float64
	options int
}

// share is how far the issue was still moving, in % of its scale.
func (u unsettledIssue) share() float64 {
	if !(u.width > 0) {
		return 0
	}
	return 100 * (u.s.hi - u.s.lo) / u.width
}

// minor says whether the issue moved less than the precision its numbers
// are shown with (one unit of its scale's last decimal): its range reads
// as one point at the digits every door prints, so it is a note, not a
// doubt about the forecast.
func (u unsettledIssue) minor() bool {
	return u.s.hi-u.s.lo < math.Pow(10, -float64(u.s.d)) && u.options < 2
}

// movedText is how far the issue was still moving, as a share of its
// scale, and whether that swings across options: "12.0% of the scale,
// across options", "0.2% of the scale". The share is written with one
// decimal by PercentPointsText's rule (more where one would read as none:
// "0.04% of the scale"); without a scale width (0) only whether it is
// across options.
func (u unsettledIssue) movedText() string {
	var parts []string
	if u.width > 0 {
		parts = append(parts, PercentPointsText(u.share(), 1)+" of the scale")
	}
	if u.options > 1 {
		parts = append(parts, "across options")
	}
	return strings.Join(parts, ", ")
}

// movedParen is movedText in parentheses after a space, or "" when it
// says nothing (no scale known and one option or none).
func (u unsettledIssue) movedParen() string {
	if m := u.movedText(); m != "" {
		return " (" + m + ")"
	}
	return ""
}

// bySeverity orders issues that did not settle: those whose range spans
// options first, then by how far they moved (largest first), ties in
// their given order, so that a warning leads with what changes the
// reading and ends with what does not.
func bySeverity(moving []unsettledIssue) []unsettledIssue {
	out := slices.Clone(moving)
	slices.SortStableFunc(out, func(a, b unsettledIssue) int {
		if (a.options > 1) != (b.options > 1) {
			if a.options > 1 {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.share(), a.share())
	})
	return out
}

// settleWarning is a model's one warning about the issues, of its n,
// whose forecast did not settle; "" when every one settled. One issue
// keeps its own sentence (settling.warning). Two or more share one
// sentence that names each with the range it kept moving in (and a
// cycle's values and period), so that a model that settles on few issues
// says so once, not in a near-identical sentence per issue that buries
// every other warning; the per-issue ranges are also the answer's
// issues[].range and cycle, which a program reads. The rounds are said
// once when every issue ran as many, else with each issue (the
// ensemble's issues run their own). Where any of them is still moving
// rather than cycling, the sentence says more rounds may take it further,
// as warning does, naming more, the setting that gives the model more
// rounds (MoreRoundsSetting). Each issue says how far it was still
// moving as a share of its scale and whether its range reaches more
// than one option (movedText); those that do come first, then by share
// (bySeverity), so that a run still moving by 0.2% of the scale does not
// read like one swinging across options. Issues that moved less than
// the digits shown (minor) close the warning in one short clause, or,
// when every issue is minor, make it one short line that starts with
// "minor:".
func settleWarning(moving []unsettledIssue, n int, more string) string {
	moving = bySeverity(moving)
	var major, minor []unsettledIssue
	for _, u := range moving {
		if u.minor() {
			minor = append(minor, u)
		} else {
			major = append(major, u)
		}
	}
	if len(major) == 0 {
		if len(minor) == 0 {
			return ""
		}
		return fmt.Sprintf("minor: did not settle on %d of %d issues, but moved less than the digits shown: %s", len(minor), n, minorList(minor))
	}
	tail := ""
	if len(minor) > 0 {
		tail = fmt.Sprintf("; it also did not settle on %s, but moved less than the digits shown (minor): %s", nouns.Count(len(minor), "issue"), minorList(minor))
	}
	if len(major) == 1 {
		return major[0].s.warning(major[0].label, major[0].rounds, more, major[0].movedParen()) + tail
	}
	same := true
	for _, u := range major {
		same = same && u.rounds == major[0].rounds
	}
	after := ""
	if same {
		after = fmt.Sprintf(" after %d rounds", major[0].rounds)
	}
	across := ""
	if k := len(slices.DeleteFunc(slices.Clone(major), func(u unsettledIssue) bool { return u.options < 2 })); k > 0 {
		across = fmt.Sprintf(", %d of them across options", k)
	}
	further := ""
	if slices.ContainsFunc(major, func(u unsettledIssue) bool { return len(u.s.cycle) == 0 }) {
		further = " (an issue still moving rather than cycling may go further with more rounds, which " + more + " sets)"
	}
	return fmt.Sprintf("did not settle on %d of %d issues%s%s; read each as the range it kept moving in over the last rounds, not the last round's point%s: %s", len(major), n, after, across, further, unsettledList(major, !same)) + tail
}

// minorList names issues that moved less than their digits show, each
// with the point their range reads as: "Territory 47.6, Sanctions on
// Russia 50.1".
func minorList(minor []unsettledIssue) string {
	parts := make([]string, len(minor))
	for i, u := range minor {
		parts[i] = u.label + " " + RangeText(u.s.lo, u.s.hi, u.s.d, Decimals)
	}
	return strings.Join(parts, ", ")
}

// unsettledList names each issue of moving with the range it kept moving
// in, how far that is as a share of its scale and whether it reaches
// more than one option (movedText), a cycle's values and period, and its
// rounds when rounds is true, "; " between them: "Ukraine and NATO
// 20.7–90.0 (69.3% of the scale, across options), cycling through 90.0,
// 20.7 (period 2); Sanctions on Russia 69.0–80.0 (11.0% of the scale)".
// It is the list of settleWarning and of unsettledIn, so that the
// forecast and the questions that read it name those issues alike; the
// caller orders them (bySeverity).
func unsettledList(moving []unsettledIssue, rounds bool) string {
	parts := make([]string, len(moving))
	for i, u := range moving {
		p := u.label + " " + u.rangeClause()
		if rounds {
			p += fmt.Sprintf(" after %d rounds", u.rounds)
		}
		parts[i] = p
	}
	return strings.Join(parts, "; ")
}

// rangeClause is the range an issue kept moving in, how far that is
// (movedParen) and a cycle's values and period: "20.7–90.0 (69.3% of
// the scale, across options), cycling through 90.0, 20.7 (period 2)",
// as unsettledList names each issue and UnsettledText says it of one.
func (u unsettledIssue) rangeClause() string {
	s := RangeText(u.s.lo, u.s.hi, u.s.d, Decimals) + u.movedParen()
	if len(u.s.cycle) > 0 {
		s += fmt.Sprintf(", cycling through %s (period %d)", u.s.cycleText(), len(u.s.cycle))
	}
	return s
}

// unsettledText says of one issue that its forecast did not settle, in
// the words the model's warning gives it among the others (rangeClause,
// minorList): "did not settle: read it as the range 20.7–90.0 (69.3% of
// the scale, across options), cycling through 90.0, 20.7 (period 2)";
// an issue that moved less than its digits show (minor) "did not settle,
// but moved less than the digits shown: 47.6". The issue's forecast
// carries it (unsettled_text), which the page's card of that issue
// prints where the model's warning names other issues too.
func (u unsettledIssue) unsettledText() string {
	if u.minor() {
		return "did not settle, but moved less than the digits shown: " + RangeText(u.s.lo, u.s.hi, u.s.d, Decimals)
	}
	return "did not settle: read it as the range " + u.rangeClause()
}

// unsettledIn is what a question that takes a model's forecast as a
// point (a deal's, a ledger's) says of the issues it did not settle on:
// "did not settle on 2 of 7 issues, so " + what takes the last round's
// point (so) + " there, not the range it kept moving in: " and the
// issues as the forecast's own warning lists them (unsettledList; their
// rounds, which that warning gives, left out). The list comes last, as
// in that warning, so that a long one does not part the sentence from
// what it means. "" when the model settled on every issue.
func unsettledIn(h *answer.Scenario, m answer.ModelForecast, so string) string {
	var moving []unsettledIssue
	for _, f := range m.Unsettled() {
		label := model.NameOr(f.Name, f.Issue)
		if h != nil {
			label = issueLabel(h, f.Issue)
		}
		u := unsettledIssue{label: label, s: settling{lo: f.Range.Lo, hi: f.Range.Hi, cycle: f.Cycle, d: h.IssueDecimals(f.Issue)}, options: len(f.Nearest)}
		if h != nil {
			if k := h.IssueIndex(f.Issue); k >= 0 {
				u.width = h.Issues[k].Max - h.Issues[k].Min
			}
		}
		moving = append(moving, u)
	}
	if len(moving) == 0 {
		return ""
	}
	moving = bySeverity(moving)
	return fmt.Sprintf("did not settle on %d of %s, so %s there, not the range it kept moving in: %s", len(moving), nouns.Count(len(m.Issues), "issue"), so, unsettledList(moving, false))
}

// issueLabel names issue id in a sentence: by its name (sc's
// IssueName), as every answer does, and as "Name (id)" (idLabel) only
// where another issue of sc has the same name, which alone would not
// tell the two apart. It is the one rule for an issue named in a
// warning or a note; issueLabelOf applies it to a model.Problem's
// issues, whose names are already the name or the id (model.NameOr).
func issueLabel(sc *answer.Scenario, id string) string {
	if sc == nil {
		return id
	}
	ids, names := make([]string, len(sc.Issues)), make([]string, len(sc.Issues))
	for k, is := range sc.Issues {
		ids[k], names[k] = is.ID, sc.IssueName(is.ID)
	}
	if k := sc.IssueIndex(id); k >= 0 {
		return labelAmong(k, ids, names)
	}
	return id
}

// issueLabelOf is issueLabel of p's k-th issue.
func issueLabelOf(p *model.Problem, k int) string {
	ids, names := make([]string, len(p.Issues)), make([]string, len(p.Issues))
	for j, is := range p.Issues {
		ids[j], names[j] = is.ID, model.NameOr(is.Name, is.ID)
	}
	return labelAmong(k, ids, names)
}

// labelAmong is issueLabel's rule: names[k], or "Name (id)" (idLabel)
// where another of names is the same.
func labelAmong(k int, ids, names []string) string {
	for j, n := range names {
		if j != k && n == names[k] {
			return idLabel(ids[k], names[k])
		}
	}
	return names[k]
}

// idLabel names an issue by its id and name: "Name (id)", or the id alone
// when the name says nothing more.
func idLabel(id, name string) string {
	if name == "" || name == id {
		return id
	}
	return fmt.Sprintf("%s (%s)", name, id)
}
