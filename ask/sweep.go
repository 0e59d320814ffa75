package ask

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"parley/answer"
	"parley/model"
	"parley/model/catalog"
	"parley/nouns"
	"parley/scenario"
	"parley/sweep"
)

// Sweep runs the Monte Carlo sweep of every model of the request. On
// cancellation (Ctrl-C, a cancelled job) it returns the draws that
// finished, marked interrupted, runs no further model, and the stopped
// model's warning says so (interruptedText). Stopped before a model had
// finished a draw (at the stated values, say), it keeps the models
// before it, the last of them saying which were not run; stopped before
// the first model had, it has no answer, only the cancellation.
func Sweep(ctx context.Context, c *Case, req answer.SweepRequest, progress Progress) (*answer.Sweep, error) {
	o, ms, err := prepareSweep(c, &req, progress)
	if err != nil {
		return nil, err
	}
	out, err := c.sweep(ctx, req, ms, o)
	if err != nil {
		return nil, err
	}
	var crossed []Crossings
	for _, m := range out.Models {
		crossed = append(crossed, Crossings{m.Model, m.RedLines})
	}
	out.RedLinesCrossed, out.RedLinesCrossedHead = redLinesCrossedWithHead(&out.Scenario, crossed)
	return out, nil
}

// SweepSpreadText is what a sweep's intervals are, said under its head
// at every door: a reader takes an 80% interval for where the outcome
// will land unless told (docs/skill.md: the inputs' spread is the
// narrower; snap's intervals are how far real outcomes fell).
const SweepSpreadText = "Each issue's histogram and its 80% and 95% intervals are the spread of the forecast over the draws of the stated ranges: how far doubt about the inputs moves it, not how far the outcome may fall from it (a model fitted on real outcomes, as snap, adds that on a line of its own, the outcome with the model's error)."

// sweep is Sweep once the request is checked: the sweep of models ms,
// each run with its options o(name).
func (c *Case) sweep(ctx context.Context, req answer.SweepRequest, ms []model.Model, o func(string) sweep.Options) (*answer.Sweep, error) {
	out := &answer.Sweep{Scenario: c.Header, Request: req, Models: []answer.SweepModel{}, HeldFixed: c.HeldFixed(), SpreadText: SweepSpreadText}
	for i, m := range ms {
		sm, err := c.sweepModel(ctx, m, o(m.Name()), req.Issue)
		if err != nil && ctx.Err() != nil && i > 0 {
			// Stopped before m finished a draw: the models before it
			// are whole, and the last says which were not run.
			var rest []string
			for _, n := range ms[i:] {
				rest = append(rest, n.Name())
			}
			last := &out.Models[i-1]
			last.Warnings = append([]string{interruptedText(last.SweepResult, rest)}, last.Warnings...)
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("model %s: %w", m.Name(), err)
		}
		// Stopped during m's draws, or once every draw of m had
		// finished: the draws done are kept, and the answer says what
		// it lacks, before its other warnings.
		stopped := sm.Interrupted || ctx.Err() != nil
		var rest []string
		if stopped {
			for _, n := range ms[i+1:] {
				rest = append(rest, n.Name())
			}
		}
		if w := interruptedText(sm.SweepResult, rest); w != "" {
			sm.Warnings = append([]string{w}, sm.Warnings...)
		}
		out.Models = append(out.Models, sm)
		if stopped {
			break
		}
	}
	return out, nil
}

// interruptedText is the one wording of a sweep stopped at model r: how
// many of its draws it kept, when it was stopped during them ("interrupted
// after 37 of 1,000 draws: the intervals rest on the draws that
// finished", InterruptedAfter), and the models of the request after r that it never ran,
// rest, whether it was stopped during r's draws or once they had all
// finished ("interrupted after every draw finished: the models after it
// (bdm, smp) were not run"). It is "" when r was not interrupted and rest
// is empty: a sweep stopped after its last model's last draw lacks
// nothing.
func interruptedText(r *answer.SweepResult, rest []string) string {
	var parts []string
	if r.Interrupted {
		parts = append(parts, InterruptedAfter(r)+": the intervals rest on the draws that finished")
	}
	if len(rest) > 0 {
		notRun := fmt.Sprintf("the models after it (%s) were not run", strings.Join(rest, ", "))
		if !r.Interrupted {
			notRun = "interrupted after every draw finished: " + notRun
		}
		parts = append(parts, notRun)
	}
	return strings.Join(parts, "; ")
}

// InterruptedAfter says how many of its requested draws an interrupted
// sweep of one model kept, its counts grouped as every count in a
// warning is (Grouped): "interrupted after 3,712 of 10,000 draws". The
// sweep's warning (interruptedText) and the command line's header say
// it in these words, and a sweep's answer carries them
// (SweepModel.InterruptedText, sweepTexts), which the page prints.
func InterruptedAfter(r *answer.SweepResult) string {
	return fmt.Sprintf("interrupted after %s of %s draws", Grouped(r.Draws), Grouped(r.Requested))
}

// sweepModel is Sweep's answer for one model, m, with its options o.
// What it says of the forecast at the stated values — the model's notes
// and whether it settled — comes from the sweep's own run there
// (sweep.Result's Base, traced as a forecast's), so a sweep runs m at
// the stated values once. What an interruption left out Sweep says, as
// only it knows the models after m.
func (c *Case) sweepModel(ctx context.Context, m model.Model, o sweep.Options, issue string) (answer.SweepModel, error) {
	r, err := sweep.Run(ctx, m, c.Problem(), o)
	if err != nil {
		return answer.SweepModel{}, err
	}
	r.Issues = onlyIssue(r.Issues, issue, func(is sweep.IssueSummary) string { return is.Issue })
	at := c.convert(m.Name(), r.Base, o.Model)
	r.Base = nil // the answer keeps what it says of the run, not its trace
	for i := range r.Inputs {
		salienceInput(&c.Header, &r.Inputs[i])
	}
	sm := answer.SweepModel{SweepResult: r}
	_, local := m.(model.IssueLocal)
	for k := range r.Issues {
		if r.Issues[k].Fixed {
			r.Issues[k].FixedText = SweepFixedText(m.Name(), local, false)
		}
	}
	sm.AloneText = c.sweepAloneText(ctx, m.Name(), r)
	sm.Notes, sm.RedLines = baseNotes(at)
	for k := range r.Issues {
		r.Issues[k].BaseText = baseText(at, r.Issues[k].Issue)
	}
	if u := unsettledIn(&c.Header, at, "each such issue's base is its last round's point"); u != "" {
		sm.Warnings = append(sm.Warnings, "the forecast at the stated values "+u)
	}
	if u := sweepUnsettled(r); u != "" {
		sm.Warnings = append(sm.Warnings, u+": those draws' forecasts are last rounds' points, so the intervals include some of the model's own movement")
	}
	var failed []memberCount
	for _, is := range r.Issues {
		failed = memberCounts(failed, is.Name, is.MemberFailures)
	}
	if u := memberFailedRuns(r.Model, r.MemberFailedDraws, r.Draws, "draws", failed); u != "" {
		sm.Warnings = append(sm.Warnings, u+"; the intervals count them among its forecasts")
	}
	// the problem read, once (Case.Problem copies it)
	p := c.Problem()
	for _, is := range r.Issues {
		if outside80(is, r.Draws) {
			sm.Warnings = append(sm.Warnings, outsideWarning(&c.Header, p, r.Inputs, is, local))
		}
	}
	inputs := "" // the head's count: every uncertain input
	if issue != "" {
		// kept to one issue, the head counts the inputs that bear on it
		on := 0
		if k := p.IssueIndex(issue); k >= 0 {
			for _, in := range r.Inputs {
				if sweep.Touches(p, in, k, local) {
					on++
				}
			}
		}
		inputs = SweepInputsOn(r, issueLabel(&c.Header, issue), local, on)
	}
	sweepTexts(&c.Header, &sm, inputs)
	return sm, nil
}

// outsideWarning is a sweep's warning at issue is, whose forecast at the
// stated values lies outside its own 80% interval, at sc's decimals,
// headed by the issue's name (issueLabel: its id too only where another
// issue shares the name). A
// range with its stated value at an end (the mode of its triangle at a
// side) is drawn on that side of the stated value only, so the draws'
// forecasts lean away from the point at the stated values: the likely
// cause, named where any input that moves the issue (sweep.Touches: of a
// model that reads each issue alone, local, its positions and saliences
// and the capabilities of the actors in it) has one, the first
// outsideNamed with their values and ranges (InputValue), in inputs'
// order, by name (InputName: "likely because a range lies on one side
// of its stated value: Regional Transit Authority's position (20.0 in
// 20.0–35.0)"), each drawn on that side
// only. With none, the point is fragile: a small change in the
// inputs moves it. Every door gives this one sentence (the CLI and the
// brief under the sweep, the API and the page in its warnings).
func outsideWarning(sc *answer.Scenario, p *model.Problem, inputs []sweep.Input, is sweep.IssueSummary, local bool) string {
	g := onScale(sc.IssueDecimals(is.Issue))
	head := fmt.Sprintf("%s: the forecast at the stated values (%s) lies outside its own 80%% interval %s", issueLabel(sc, is.Issue), cmp.Or(is.BaseText, g(is.Base)), RangeJoin(g(is.Lo80), g(is.Hi80)))
	k := p.IssueIndex(is.Issue)
	var named []string
	for _, in := range inputs {
		if k < 0 || (in.Mode != in.Lo && in.Mode != in.Hi) || !sweep.Touches(p, in, k, local) {
			continue
		}
		v := func(x float64) string { return InputValue(sc, string(in.Kind), in.IssueID, x) }
		named = append(named, fmt.Sprintf("%s (%s in %s)", InputName(sc, in, is.Issue), v(in.Mode), RangeJoin(v(in.Lo), v(in.Hi))))
	}
	switch len(named) {
	case 0:
		return head + ": the point is fragile, a small change in the inputs moves it"
	case 1:
		return head + ", likely because a range lies on one side of its stated value: " + named[0]
	}
	return fmt.Sprintf("%s, likely because %d ranges lie on one side of their stated values: %s", head, len(named), nouns.AndMore(named, outsideNamed))
}

// outsideNamed is how many one-sided inputs outsideWarning names; more
// are counted ("and 2 more").
const outsideNamed = 3

// SweepFixedText is what every door says at an issue of model's sweep
// or sensitivity analysis that no ranged input touches
// (sweep.IssueSummary's and sweep.IssueSensitivity's Fixed): its
// intervals, its median and its options' P of 1.000, or (swings) its
// tornado's swings of 0, are a point, not a certainty. A model that
// reads each issue alone (local, model.IssueLocal) reads its positions
// and saliences and the capabilities of the actors in it; any other
// model reads every input.
func SweepFixedText(model string, local, swings bool) string {
	what := "no input of any issue has a range"
	if local {
		what = "its positions and saliences and the capabilities of the actors in it"
	}
	point := "its interval is a point, not a certainty"
	if swings {
		point = "every swing is 0, a point, not a certainty"
	}
	return fmt.Sprintf("nothing that moves %s's forecast of this issue has a range (%s): %s", model, what, point)
}

// sweepAloneText is aloneText for the sweep r of model name on c:
// it runs the closed-form models (catalog.ClosedForm, milliseconds) at
// the stated values, leaving out any that fails.
func (c *Case) sweepAloneText(ctx context.Context, name string, r *answer.SweepResult) string {
	var names []string
	var spans []issueSpan
	for _, m := range catalog.ClosedForm() {
		f, err := model.Forecasts(ctx, m, c.Problem(), model.Options{})
		if err != nil {
			continue
		}
		names = append(names, m.Name())
		for k, x := range f {
			if k == len(spans) {
				spans = append(spans, issueSpan{lo: x, hi: x})
			}
			spans[k].lo, spans[k].hi = min(spans[k].lo, x), max(spans[k].hi, x)
		}
	}
	if len(spans) != len(r.Issues) && len(spans) == len(c.Header.Issues) {
		// the answer keeps some issues alone (the request's issue)
		var kept []issueSpan
		for _, is := range r.Issues {
			if k := c.Header.IssueIndex(is.Issue); k >= 0 {
				kept = append(kept, spans[k])
			}
		}
		spans = kept
	}
	return aloneText(&c.Header, name, r, names, spans)
}

// onlyIssue is the items of an answer's issues that belong to issue id
// (by the item's issue, of), or all of them when id is "" (every
// issue): the filter of sweep's and sensitivity's --issue.
func onlyIssue[T any](items []T, id string, of func(T) string) []T {
	if id == "" {
		return items
	}
	var out []T
	for _, x := range items {
		if of(x) == id {
			out = append(out, x)
		}
	}
	return out
}

// issueSpan is the lowest and the highest of some models' forecasts of
// one issue.
type issueSpan struct{ lo, hi float64 }

// aloneText is the line under a sweep's head at every door: its
// intervals are those of model name alone, and where the closed-form
// models named (their forecasts of each issue at the stated values
// spanning spans, in r's issue order) fall beyond its 80% intervals, at
// sc's decimals: "Intervals of the compromise model alone (-m to sweep
// others): at the stated values the closed-form models (compromise,
// median, nash and ks) put Territory between 35.0 and 55.0, beyond its
// 80% intervals." A sweep of one model reads as how sure the forecast is
// unless told that other models disagree by more.
func aloneText(sc *answer.Scenario, name string, r *answer.SweepResult, names []string, spans []issueSpan) string {
	head := fmt.Sprintf("Intervals of the %s model alone (other models can be swept too)", name)
	if len(names) == 0 || len(spans) != len(r.Issues) {
		return head + "."
	}
	var beyond []string
	for k, is := range r.Issues {
		d := sc.IssueDecimals(is.Issue)
		at := func(x float64) float64 { return math.Round(x*math.Pow10(d)) / math.Pow10(d) }
		if at(spans[k].lo) < at(is.Lo80) || at(spans[k].hi) > at(is.Hi80) {
			g := onScale(d)
			beyond = append(beyond, fmt.Sprintf("%s between %s and %s", is.Name, g(spans[k].lo), g(spans[k].hi)))
		}
	}
	which := fmt.Sprintf("the closed-form models (%s)", nouns.And(names))
	if len(beyond) == 0 {
		return fmt.Sprintf("%s: at the stated values %s fall within its 80%% intervals.", head, which)
	}
	return fmt.Sprintf("%s: at the stated values %s put %s, reaching beyond its 80%% intervals.", head, which, nouns.And(beyond))
}

// sweepUnsettled says in how many of r's draws, and on which issues,
// the forecast had not settled (unsettledRuns), and the largest step any
// of them took in its last round, with its issue (LastStepText); "" when
// in none.
func sweepUnsettled(r *answer.SweepResult) string {
	var on []issueCount
	for _, is := range r.Issues {
		on = append(on, issueCount{is.Name, is.UnsettledDraws, is.LastStepMax})
	}
	return unsettledRuns(r.Model, r.UnsettledDraws, r.Draws, "draws", on)
}

// DrawsUnsettledText is the line each door gives under an issue of a
// sweep whose forecast had not settled in some draws: how many, and how
// far their last round still moved them (sweep.IssueSummary's
// LastStepMax and LastStepMedian); "" when none.
func DrawsUnsettledText(is answer.SweepIssue, draws int) string {
	switch is.UnsettledDraws {
	case 0:
		return ""
	case 1:
		return stepsText(1, draws, "draws", "", is.LastStepMax, 0) + " (its last round's point is counted)"
	}
	return stepsText(is.UnsettledDraws, draws, "draws", "", is.LastStepMax, is.LastStepMedian) + " (their last rounds' points are counted)"
}

// EndsUnsettledText is the line each door gives under an issue of a
// sensitivity analysis whose forecast had not settled at some ends of
// the swings: how many of all ends, and how far their last round still
// moved them; "" when none.
func EndsUnsettledText(is answer.SensitivityIssue, ends int) string {
	return stepsText(is.UnsettledEnds, ends, "ends", " on this issue", is.EndsLastStepMax, is.EndsLastStepMedian)
}

// stepsText says that n of total runs had not settled (where: on what),
// and how far their last round still moved them: by up to most, half of
// them by median or less; for one run, by most alone (a median of one
// says nothing more); "" when n is 0.
func stepsText(n, total int, runs, where string, most, median float64) string {
	switch n {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("1 of %s %s had not settled%s, its last round still moving it by %s", Grouped(total), runs, where, LastStepText(most))
	}
	return fmt.Sprintf("%s of %s %s had not settled%s, their last round still moving them by up to %s, half of them by %s or less",
		Grouped(n), Grouped(total), runs, where, LastStepText(most), LastStepText(median))
}

// LastStepText writes a draw's last step (sweep.IssueSummary.LastStepMax)
// to two significant digits, as the doors write their other small
// quantities, and never in exponent form, whatever the scale: 0.42,
// 0.0031, 12, 100 (not "1e+02"), 72000000 on a 0–1e8 scale (not
// "7.2e+07"), 0.000031 on a narrow one (not "3.1e-05"); trailing zeros
// dropped, as %g drops them (0.1, not 0.10). The page prints the
// answer's lines that hold it (draws_unsettled_text, ends_unsettled_text).
func LastStepText(x float64) string {
	if !finite(x) {
		return NoNumber
	}
	if x == 0 {
		return "0"
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 2, 64), 64)
	s := fixed(r, max(0, 1-decimalExponent(r, 2)))
	if strings.Contains(s, ".") {
		// As %g does: 0.1, not 0.10.
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Sensitivity ranks, per model and issue, the ranged inputs by how far
// they move the forecast.
func Sensitivity(ctx context.Context, c *Case, req answer.SweepRequest, progress Progress) (*answer.Sensitivity, error) {
	if err := checkSensitivity(&req); err != nil {
		return nil, err
	}
	o, ms, err := prepareSweep(c, &req, progress)
	if err != nil {
		return nil, err
	}
	out := &answer.Sensitivity{Scenario: c.Header, Request: req, Models: []*answer.SensitivityModel{}, HeldFixed: c.HeldFixed()}
	for _, m := range ms {
		sm, err := c.sensitivityModel(ctx, m, o(m.Name()), req.Issue)
		if err != nil {
			return nil, err
		}
		out.Models = append(out.Models, sm)
	}
	var crossed []Crossings
	for _, m := range out.Models {
		crossed = append(crossed, Crossings{m.Model, m.RedLines})
	}
	out.RedLinesCrossed, out.RedLinesCrossedHead = redLinesCrossedWithHead(&out.Scenario, crossed)
	return out, nil
}

// sensitivityModel is Sensitivity's answer for one model, m, with its
// options o. Like a sweep's, what it says of the forecast at the stated
// values comes from the analysis's own run there (sweep's Base).
func (c *Case) sensitivityModel(ctx context.Context, m model.Model, o sweep.Options, issue string) (*answer.SensitivityModel, error) {
	r, err := sweep.Sensitivity(ctx, m, c.Problem(), o)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", m.Name(), err)
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	at := c.convert(m.Name(), r.Base, o.Model)
	r.Base = nil // the answer keeps what it says of the run, not its trace
	for k := range r.Issues {
		for j := range r.Issues[k].Swings {
			salienceInput(&c.Header, &r.Issues[k].Swings[j].Input)
		}
	}
	for j := range r.NotMeasurable {
		salienceInput(&c.Header, &r.NotMeasurable[j].Input)
	}
	_, local := m.(model.IssueLocal)
	// refused before the tornadoes are cut: the first issue's swings have every input
	refused := refusedEnds(&c.Header, r)
	r.Issues = onlyIssue(r.Issues, issue, func(is sweep.IssueSensitivity) string { return is.Issue })
	for k := range r.Issues {
		if r.Issues[k].Fixed {
			r.Issues[k].FixedText = SweepFixedText(m.Name(), local, true)
		}
		if local {
			leaveOutOthers(m.Name(), &r.Issues[k])
		}
	}
	sm := &answer.SensitivityModel{SensitivityResult: r, SharesNotes: map[string]string{}}
	sm.Notes, sm.RedLines = baseNotes(at)
	for k := range r.Issues {
		r.Issues[k].BaseText = baseText(at, r.Issues[k].Issue)
	}
	for _, is := range r.Issues {
		sm.SharesNotes[is.Issue] = SharesText(&c.Header, is, r.Draws, r.ShareReplicates)
	}
	ids := make([]string, len(r.Issues))
	for k, is := range r.Issues {
		ids[k] = is.Issue
	}
	sm.SharesCommonText, sm.SharesRestText = SharesCommon(sm.SharesNotes, ids)
	sensitivityTexts(&c.Header, sm)
	if u := unsettledIn(&c.Header, at, "each such issue's base, the ● of its tornado, is its last round's point"); u != "" {
		sm.Warnings = append(sm.Warnings, "the forecast at the stated values "+u)
	}
	var ends, draws []issueCount
	var endsFailed, drawsFailed []memberCount
	for _, is := range r.Issues {
		ends = append(ends, issueCount{is.Name, is.UnsettledEnds, is.EndsLastStepMax})
		draws = append(draws, issueCount{is.Name, is.UnsettledDraws, is.DrawsLastStepMax})
		endsFailed = memberCounts(endsFailed, is.Name, is.EndsMemberFailures)
		drawsFailed = memberCounts(drawsFailed, is.Name, is.DrawsMemberFailures)
	}
	if u := unsettledRuns(r.Model, r.UnsettledEnds, r.Ends, "one-at-a-time runs", ends); u != "" {
		sm.Warnings = append(sm.Warnings, u+": their forecasts at an input's end (unsettled_at_low, unsettled_at_high) are last rounds' points; read a swing no wider than the model's own movement as that, not the input's effect")
	}
	if u := memberFailedRuns(r.Model, r.MemberFailedEnds, r.Ends, "one-at-a-time runs", endsFailed); u != "" {
		sm.Warnings = append(sm.Warnings, u+"; a swing with such an end measures the members' difference as well as the input's effect")
	}
	if u := unsettledRuns(r.Model, r.UnsettledDraws, r.Draws, "draws", draws); u != "" {
		sm.Warnings = append(sm.Warnings, u+": those draws' forecasts are last rounds' points, so the variance shares include some of the model's own movement")
	}
	sm.Warnings = append(sm.Warnings, refused...)
	if u := memberFailedRuns(r.Model, r.MemberFailedDraws, r.Draws, "draws", drawsFailed); u != "" {
		sm.Warnings = append(sm.Warnings, u+"; the variance shares count them among its forecasts")
	}
	return sm, nil
}

// refusedEnds is a sensitivity analysis's warning for each end of an
// input's range at which the model refused the problem (sweep.Swing's
// FailedAtLow and FailedAtHigh), naming the input, the end, its value
// (on sc's scales, endValue) and the model's reason, in the order of
// the first issue's tornado; then one for each input refused at both
// ends (NotMeasurable). The model refuses a whole problem, so the first
// issue's swings have every one-ended input.
func refusedEnds(sc *answer.Scenario, r *answer.SensitivityResult) []string {
	var out []string
	if len(r.Issues) > 0 {
		for _, s := range r.Issues[0].Swings {
			if s.FailedAtLow != "" {
				out = append(out, fmt.Sprintf("%s: no forecast at %s, the low end of its range: the model refused that problem (%s); its swing on every issue is measured from the stated value to the high end alone",
					InputName(sc, s.Input, ""), endValue(sc, s.Input, s.Input.Lo), s.FailedAtLow))
			}
			if s.FailedAtHigh != "" {
				out = append(out, fmt.Sprintf("%s: no forecast at %s, the high end of its range: the model refused that problem (%s); its swing on every issue is measured from the stated value to the low end alone",
					InputName(sc, s.Input, ""), endValue(sc, s.Input, s.Input.Hi), s.FailedAtHigh))
			}
		}
	}
	for _, n := range r.NotMeasurable {
		out = append(out, fmt.Sprintf("%s: not measurable: the model refused the problem at both ends of its range (at %s: %s; at %s: %s), so no tornado lists it",
			InputName(sc, n.Input, ""), endValue(sc, n.Input, n.Input.Lo), n.FailedAtLow, endValue(sc, n.Input, n.Input.Hi), n.FailedAtHigh))
	}
	return out
}

// endValue writes x, an end of input in's range, as a tornado writes
// the range (InputValue, on sc's scales): "0.00" or "0" for a salience
// on 0–1 or 0–100, "20.0" for a position at its issue's decimals.
func endValue(sc *answer.Scenario, in sweep.Input, x float64) string {
	return InputValue(sc, string(in.Kind), in.IssueID, x)
}

// OneEndedText is the line each door gives under an issue's tornado
// whose shown swings (the table's rows, the chart's inputs) include some
// the model gave a forecast at one end only (sweep.Swing.OneEnded): which
// inputs, and at which end nothing ran; "" when none. The doors mark
// those swings with OneEndedMark.
func OneEndedText(sc *answer.Scenario, issue string, shown []answer.SensitivitySwing) string {
	var named []string
	for _, s := range shown {
		switch {
		case s.Low == nil && s.High != nil:
			named = append(named, fmt.Sprintf("%s at %s (its low end)", InputName(sc, s.Input, issue), endValue(sc, s.Input, s.Input.Lo)))
		case s.High == nil && s.Low != nil:
			named = append(named, fmt.Sprintf("%s at %s (its high end)", InputName(sc, s.Input, issue), endValue(sc, s.Input, s.Input.Hi)))
		}
	}
	if len(named) == 0 {
		return ""
	}
	return OneEndedMark + " no forecast at one end, where the model refused the problem: " + strings.Join(named, "; ") +
		"; the swing is measured from the stated value to the other end (see the warning)"
}

// ShortfallText writes how far below its alternative a required actor
// accepts a package (deal.Shortfall's By): three decimals, as every door
// writes a utility, or, where three decimals would read 0.000 (below
// 0.0005; deal reports shortfalls from 1e-6), two significant digits by
// LastStepText's rule ("0.00023"), in ShortfallLine, which the answer
// carries (DealShortfall.Text).
func ShortfallText(by float64) string {
	if by >= 0.0005 {
		return UtilityText(by)
	}
	return LastStepText(by)
}

// UtilityDecimals is how many decimals every door writes a utility or a
// gain in utility with (a deal's margin and its bound, a coalition's
// largest smallest gain, an actor's utility and alternative): three,
// the precision deal's summary states them at.
const UtilityDecimals = 3

// UtilityText writes a utility or a gain in utility with UtilityDecimals,
// "0.000" and not "-0.000" for one that rounds to zero (the solver's
// noise about a gain of 0). The page writes them by the same rule
// (fmt(x, 3)).
func UtilityText(x float64) string { return fixed(x, UtilityDecimals) }

// UtilityUnit and PercentOfScale are the units of a concession plan's
// cost (answer.DealPlan's Cost): utility given up by lowering
// alternatives, and points crossed per 100 of the scales' widths by
// bending red lines.
const (
	UtilityUnit = "utility"
	// PercentOfScale follows its number with no space, "2.4% of scale",
	// as every percent Parley writes ("14.5%", "80% interval").
	PercentOfScale = "% of scale"
)

// PlanCostText writes a concession plan's capability-weighted cost in
// its unit, as every door writes it: utility to four decimals (the
// plans' costs are small: 0.0041 on the built-in case), a percent of the
// scale as a number on a 0–100 scale, with its decimals (WidthDecimals
// of 100: one, "2.4", not "2.4194"), by PercentPointsText's rule, the
// one every percent is written by (rounded half away from zero, "2.5"
// for 2.45; more decimals where one would read as none or as the whole
// scale: "0.01" for 0.012, not "0.0"), without its "%" (the unit follows
// it), in the lines the deal answers carry (SideLine, PlanCostsLine, …).
func PlanCostText(cost float64, unit string) string {
	if unit != PercentOfScale {
		return fmt.Sprintf("%.4f", cost)
	}
	if math.IsNaN(cost) || math.IsInf(cost, 0) {
		return NoNumber
	}
	return nouns.PercentFigure(cost, scenario.WidthDecimals(100))
}

// OneEndedMark marks a swing measured from one end of its input's range
// (OneEndedText), after the swing.
const OneEndedMark = "†"

// BaseOutsideText is the line each door gives under an issue's tornado
// whose shown swings include some whose base forecast lies outside their
// low → high (sweep.Swing.BaseOutside): the model is not monotone in
// those inputs, and their swing, the widest move, runs from the stated
// values to the farther end, so "50.0 → 50.0" beside a swing of 25.3 is
// no contradiction; "" when none. The doors mark those swings with
// BaseOutsideMark.
func BaseOutsideText(sc *answer.Scenario, issue string, shown []answer.SensitivitySwing) string {
	var named []string
	for _, s := range shown {
		if s.BaseOutside {
			named = append(named, InputName(sc, s.Input, issue))
		}
	}
	return baseOutsideLine(named)
}

// baseOutsideLine is BaseOutsideText's line naming the inputs named
// (each as its door names it: sensitivity by the input's label, the brief
// by the actor's name); "" when none.
func baseOutsideLine(named []string) string {
	if len(named) == 0 {
		return ""
	}
	return BaseOutsideMark + " not monotone: the forecast at the stated values lies outside low → high for " + strings.Join(named, "; ") +
		"; the swing is the widest move, from the stated values to the farther end"
}

// BaseOutsideMark marks a swing whose base lies outside its ends
// (BaseOutsideText), after the swing.
const BaseOutsideMark = "‡"

// PlainValue writes a number as a file states it: the shortest decimal
// that reads back as the same number (0, 0.6, 12.5, 250000000), never in
// exponent form; an input's value, a scale point, a capability.
func PlainValue(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// prepareSweep checks a sweep request and returns each model's options.
func prepareSweep(c *Case, req *answer.SweepRequest, progress Progress) (func(string) sweep.Options, []model.Model, error) {
	if err := checkSweep(req); err != nil {
		return nil, nil, err
	}
	req.Issue = strings.TrimSpace(req.Issue)
	if err := c.checkIssue(req.Issue); err != nil {
		return nil, nil, err
	}
	ms, names, err := c.prepareRun(&req.Run)
	if err != nil {
		return nil, nil, err
	}
	req.Models = names
	req.Target = c.target()
	opts := func(name string) sweep.Options {
		o := sweep.Options{Draws: req.Draws, Seed: req.Seed, Uniform: req.Uniform, Workers: req.Workers, Model: modelOptions(req.Run)}
		if progress != nil {
			o.Progress = func(done int) { progress(name, done, req.Draws) }
		}
		return o
	}
	return opts, ms, nil
}

// leaveOutOthers drops from issue is's tornado, under model name that
// reads each issue alone (model.IssueLocal), the inputs of other issues
// (a position or salience stated on another issue) whose swing here is
// exactly 0 with both ends forecast and settled (an end that had not
// settled stays, as the issue's count of unsettled ends and its mark
// say it): such a model cannot move this
// issue by them, so a row of 0.00 is no finding, only noise in the
// table (the review: "Hospital group · position on Wage increase (%)"
// under Staffing). It counts them in LeftOut and says so in LeftOutText
// (LeftOutLine). A capability, which every issue reads, always stays.
func leaveOutOthers(name string, is *sweep.IssueSensitivity) {
	kept := is.Swings[:0:0]
	n := 0
	for _, s := range is.Swings {
		if s.Input.IssueID != "" && s.Input.IssueID != is.Issue && s.Swing == 0 && s.Low != nil && s.High != nil && s.FailedAtLow == "" && s.FailedAtHigh == "" && !s.LowUnsettled && !s.HighUnsettled {
			n++
			continue
		}
		kept = append(kept, s)
	}
	is.Swings, is.LeftOut = kept, n
	is.LeftOutText = LeftOutLine(name, n)
}

// LeftOutLine is the line under a tornado that left n inputs of other
// issues out (leaveOutOthers): how many and why; "" for none.
func LeftOutLine(model string, n int) string {
	if n == 0 {
		return ""
	}
	if n == 1 {
		return fmt.Sprintf("1 input of another issue left out: the %s model reads each issue alone, so its swing here is exactly 0.", model)
	}
	return fmt.Sprintf("%d inputs of other issues left out: the %s model reads each issue alone, so their swing here is exactly 0.", n, model)
}
