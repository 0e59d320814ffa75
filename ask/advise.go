package ask

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"parley/mcerr"
	"parley/scenario"
	"sort"
	"strings"

	"parley/answer"
	"parley/errs"
	"parley/model"
	"parley/parallel"
	"parley/sweep"
)

// Advise lists one actor's levers on each issue it takes part in: moving
// its own position away from the forecast or raising its salience, and
// persuading each other actor to move its position toward it or to
// change its salience (raise it when the other stands on the actor's side
// of the forecast, lower it when on the far side). Each lever is one step
// (answer.AdviseRequest.Step) and is ranked by how much closer it brings
// the issue's forecast to the actor's position; its gain and cost are in
// the actor's own utility (package deal's equation 1, ρ = 1).
//
// For the compromise model each shift is the weighted mean's closed form
// (a position moved by d moves the forecast by w_j/Σw · d; a salience
// raised by δ moves it by c_jδ(x_j − f)/(Σw + c_jδ)); for the others the
// model, with the request's settings, is run again with the lever
// pulled, the levers (and the draws) spread over every core with the
// same answer as on one; the answer counts the lever runs in which a
// member of a model that combines others failed on the lever's issue,
// and says so (leverRuns). With draws, every lever is also tried on the
// sweep's Monte Carlo draws of the stated ranges (sweep.Sample, the
// same draws as parley sweep). Progress,
// when not nil, counts the model's runs: one per lever at the stated
// values, then, draw by draw in draw order, the draw's own run and one
// per lever (a large case's levers alone can take minutes).
func Advise(ctx context.Context, c *Case, req answer.AdviseRequest, progress Progress) (*answer.Advice, error) {
	set, ai, err := c.checkAdviseOn(&req)
	if err != nil {
		return nil, err
	}
	req.Target = c.target()
	m, err := set.model(req.Model)
	if err != nil {
		return nil, err
	}
	return c.advise(ctx, req, m, set.options(), ai, progress)
}

// checkAdviseOn is what Advise refuses before it runs a model, and
// CheckCase's check of its request: its numbers and model (checkAdvise),
// its actor (an id or alias, written back as the id) and issue on the
// case, and its settings. It returns the settings and the actor's index.
func (c *Case) checkAdviseOn(req *answer.AdviseRequest) (settings, int, error) {
	if err := checkAdvise(req); err != nil {
		return settings{}, -1, err
	}
	p := c.problem
	ai := -1
	if a := ActorRef(c.Resolved, req.Actor); a != nil {
		ai = p.ActorIndex(a.ID)
	}
	if ai < 0 {
		return settings{}, -1, errs.Field("actor", "%s", NoSuchActor(c.Resolved, req.Actor))
	}
	req.Actor = p.Actors[ai].ID
	if req.Issue != "" {
		if err := c.checkIssue(req.Issue); err != nil {
			return settings{}, -1, err
		}
		k := c.Header.IssueIndex(req.Issue)
		if !p.Stances[ai][k].Present {
			return settings{}, -1, errs.Field("issue", "issue %q: %s takes no part in it; valid: %s", req.Issue, req.Actor, errs.OneOf(presentIssues(p, ai)))
		}
	}
	set, err := c.checkSettings(&req.Settings, req.Seed, []string{req.Model}, adviseHint)
	if err != nil {
		return settings{}, -1, err
	}
	return set, ai, nil
}

// advise is Advise once the request is checked: the levers of actor ai
// under model m, run with opts.
func (c *Case) advise(ctx context.Context, req answer.AdviseRequest, m model.Model, opts model.Options, ai int, progress Progress) (*answer.Advice, error) {
	p := c.problem
	r, err := model.Run(ctx, m, c.Problem(), opts)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", m.Name(), err)
	}
	mf := c.convert(m.Name(), r, opts)
	ad := &adviser{m: m, opts: opts, closed: m.Name() == "compromise", actor: ai}
	base := make([]float64, len(p.Issues))
	if err := model.ResultForecasts(p, r, base); err != nil {
		return nil, fmt.Errorf("model %s: %w", m.Name(), err)
	}
	levers := ad.levers(p, base, req)
	out := &answer.Advice{Scenario: c.Header, Request: req, Model: m.Name(), Actor: req.Actor, Name: actorName(p.Actors[ai]),
		Method: "re-run", Utility: answer.Num(utility(p, ai, base)), Issues: []answer.IssueAdvice{}, Top: []answer.Lever{},
		Warnings: append([]string{}, mf.Warnings...)}
	out.Notes, out.RedLines = baseNotes(mf)
	out.RedLinesCrossed, out.RedLinesCrossedHead = redLinesCrossedWithHead(&out.Scenario, []Crossings{{out.Model, out.RedLines}})
	if ad.closed {
		out.Method = "closed form"
	}
	for _, f := range mf.Issues {
		if !f.Settled && (req.Issue == "" || f.Issue == req.Issue) {
			out.Warnings = append(out.Warnings, fmt.Sprintf("%s: the forecast did not settle, so each lever's shift there compares last rounds' points of a moving forecast; read those levers as uncertain", idLabel(f.Issue, f.Name)))
		}
	}
	var tell func(done, total int)
	if progress != nil {
		tell = func(done, total int) { progress(m.Name(), done, total) }
	}
	runs := parallel.Tally(len(levers)+req.Draws*(len(levers)+1), tell)
	eff, warn, stated, err := ad.effects(ctx, p, base, levers, runs)
	if err != nil {
		return nil, err
	}
	out.Warnings = append(out.Warnings, warn...)
	if u := stated.warning(m.Name(), p, "lever runs at the stated values"); u != "" {
		out.Warnings = append(out.Warnings, u+"; such a lever's shift, gain and cost may measure the members' difference as well as the lever's effect")
	}
	var drawsUnsettled []int  // by issue
	var drawSteps [][]float64 // by issue: the unsettled draws' last steps
	if req.Draws > 0 {
		rc, err := ad.robust(ctx, p, levers, eff, req, runs)
		if err != nil {
			return nil, err
		}
		out.Draws, out.UnsettledDraws, drawsUnsettled, drawSteps = req.Draws, rc.unsettled, rc.perIssue, rc.steps
		out.HeldFixed = c.HeldFixed()
		var on []issueCount
		var failed []memberCount
		for k, is := range p.Issues {
			if p.Stances[ai][k].Present && (req.Issue == "" || is.ID == req.Issue) {
				most, _ := sweep.StepStats(rc.steps[k])
				on = append(on, issueCount{issueLabelOf(p, k), rc.perIssue[k], most})
				failed = memberCounts(failed, issueLabelOf(p, k), rc.members[k])
			}
		}
		if u := unsettledRuns(m.Name(), rc.unsettled, req.Draws, "draws", on); u != "" {
			out.Warnings = append(out.Warnings, u+": those draws' forecasts are last rounds' points, so each lever's mean over the draws and share of draws it helps in include some of the model's own movement")
		}
		if u := memberFailedRuns(m.Name(), rc.failed, req.Draws, "draws", failed); u != "" {
			out.Warnings = append(out.Warnings, u+"; each lever's mean over the draws and share of draws it helps in count them among its forecasts")
		}
		if u := leverFailedText(m.Name(), p, levers, rc, req.Draws); u != "" {
			out.Warnings = append(out.Warnings, u)
		}
		if u := noForecastText(p, levers, rc, req.Draws); u != "" {
			out.Warnings = append(out.Warnings, u)
		}
		if u := rc.levers.warning(m.Name(), p, "lever runs in the draws"); u != "" {
			out.Warnings = append(out.Warnings, u+"; such a lever's mean over the draws and share of draws it helps in may count the members' difference as well as the lever's effect")
		}
		if len(sweep.Inputs(p)) == 0 {
			out.Warnings = append(out.Warnings, "the scenario states no ranges: every draw is the stated values, so the draws add nothing")
		}
	}
	byIssue := map[int][]answer.Lever{}
	var all []answer.Lever
	for j, lv := range levers {
		if eff[j] == nil {
			continue
		}
		if l := eff[j]; l.Kind == answer.LeverOwnSalience || l.Kind == answer.LeverPersuadeSalience {
			// on the file's salience scale, as the answer gives every salience
			l.From, l.To = onFileScale(&c.Header, l.From), onFileScale(&c.Header, l.To)
			l.PerUnit /= answer.Num(salienceScale(&c.Header))
		}
		l, is := eff[j], p.Issues[lv.issue]
		l.WalksBack = c.walksBack(*l, req.Actor)
		l.Text = LeverSentence(&c.Header, *l, is.Min, is.Max, float64(out.Utility))
		byIssue[lv.issue] = append(byIssue[lv.issue], *eff[j])
		all = append(all, *eff[j])
	}
	for k, is := range p.Issues {
		st := p.Stances[ai][k]
		if !st.Present || (req.Issue != "" && is.ID != req.Issue) {
			continue
		}
		ia := answer.IssueAdvice{Issue: is.ID, Name: is.Name, Position: st.Position, Salience: onFileScale(&c.Header, st.Salience),
			Forecast: answer.Num(base[k]), Distance: answer.Num(math.Abs(base[k] - st.Position)), Settled: true, Levers: byIssue[k],
			ForecastText: baseText(mf, is.ID)}
		if f, ok := mf.ForecastOf(is.ID); ok && !f.Settled && f.Range != nil {
			ia.Settled, ia.Range, ia.Apart = false, f.Range, apart(*f.Range, st.Position)
		}
		if drawsUnsettled != nil {
			ia.UnsettledDraws = drawsUnsettled[k]
			ia.LastStepMax, ia.LastStepMedian = sweep.StepStats(drawSteps[k])
		}
		if ia.Levers == nil {
			ia.Levers = []answer.Lever{}
		}
		sort.SliceStable(ia.Levers, func(x, y int) bool { return leverBefore(ia.Levers[x], ia.Levers[y], req.Draws) })
		ia.Text = adviceText(&c.Header, out.Name, ia, req.Draws)
		for j := range ia.Levers {
			ia.Levers[j].CaveatText = LeverCaveatText(ia.Levers[j], ia.Text)
		}
		ia.StepText = AdviseStepText(&c.Header, is.ID, is.Min, is.Max, req.Step)
		out.Issues = append(out.Issues, ia)
	}
	sort.SliceStable(all, func(x, y int) bool { return better(all[x].Gain, all[y].Gain) })
	for _, lv := range all {
		if len(out.Top) == 5 || !(lv.Gain > 0) {
			break
		}
		out.Top = append(out.Top, lv)
	}
	out.CostNote = costNote(all, ad.closed)
	out.HeadText, out.TopText = AdviseHead(out), adviseTopText(out)
	adviceTexts(out)
	return out, nil
}

// AdviseStepUnit is the unit of advise's step, one lever's size: the
// command line's --step says it, GET /api/defaults carries it
// (Defaults.AdviseStepUnit) for the page's Step box.
const AdviseStepUnit = "a share of the scale"

// Defaults is each kind of run's default request and the limits
// (answer.NewDefaults) with the words a client labels its inputs with
// (AdviseStepUnit, scenario.IDExample), as GET /api/defaults gives them.
func Defaults() answer.Defaults {
	d := answer.NewDefaults()
	d.AdviseStepUnit = AdviseStepUnit
	d.IDExample = scenario.IDExample
	return d
}

// costNote is Advice's CostNote: what a lever's cost is (the utility the
// actor loses on the issues it moves away from the actor, gainCost) and
// why the column reads 0 — under the closed form (compromise) a lever
// moves only its own issue, so every lever that brings it closer costs 0;
// under a re-run, where every lever's cost is 0, none moves a forecast
// away. "" where a re-run's lever costs something, or there are none.
func costNote(levers []answer.Lever, closed bool) string {
	const what = "Cost is the utility the actor loses on the issues where a lever moves the forecast away from it"
	if len(levers) == 0 {
		return ""
	}
	if closed {
		return what + "; this model moves only the forecast of the lever's own issue, so a lever that brings that issue closer costs 0."
	}
	for _, lv := range levers {
		if lv.Cost != 0 {
			return ""
		}
	}
	return what + "; none of these levers moves a forecast away, so each costs 0."
}

// checkAdvise checks an advise request's numbers and names its model.
func checkAdvise(req *answer.AdviseRequest) error {
	req.Actor = strings.TrimSpace(req.Actor)
	if req.Actor == "" {
		return errs.Field("actor", "advise: no actor; valid: an actor's id, alias or name")
	}
	req.Model = strings.TrimSpace(req.Model)
	if req.Model == "" {
		req.Model = answer.DefaultAdviseModel
	}
	if _, err := modelByName(req.Model); err != nil {
		return errs.InField("model", err)
	}
	if math.IsNaN(req.Step) || req.Step <= 0 || req.Step > 1 {
		return errs.Field("step", "step %v: valid: a number > 0 and ≤ 1 (%s; a salience change)", req.Step, AdviseStepUnit)
	}
	if req.Draws < 0 || req.Draws > answer.MaxAdviseDraws {
		return errs.Field("draws", "draws %d: valid: 0 to %d", req.Draws, answer.MaxAdviseDraws)
	}
	return nil
}

// lever is one change of one input: actor j's position or salience on
// issue, by delta.
type lever struct {
	kind     string
	j, issue int
	salience bool
	from, to float64
}

// adviser holds what every lever's evaluation shares.
type adviser struct {
	m      model.Model
	opts   model.Options
	closed bool
	actor  int
}

// levers lists the levers of the advised actor on the issues asked for:
// every kind on every issue, each other actor present, that has room to
// move (instance).
func (ad *adviser) levers(p *model.Problem, f []float64, req answer.AdviseRequest) []lever {
	var out []lever
	i := ad.actor
	for k, is := range p.Issues {
		if !p.Stances[i][k].Present || (req.Issue != "" && is.ID != req.Issue) {
			continue
		}
		try := func(kind string, j int, sal bool) {
			lv := lever{kind: kind, j: j, issue: k, salience: sal}
			if lv, ok := lv.instance(p, f, i, req.Step); ok {
				out = append(out, lv)
			}
		}
		try(answer.LeverOwnPosition, i, false)
		try(answer.LeverOwnSalience, i, true)
		for j := range p.Actors {
			if j != i && p.Stances[j][k].Present {
				try(answer.LeverPersuadePosition, j, false)
				try(answer.LeverPersuadeSalience, j, true)
			}
		}
	}
	return out
}

// instance sets the lever's from and to on problem q, whose forecasts
// are f, for the advised actor i and a step (a share of the scale, a
// salience change): its own position one step away from the forecast
// (kept on the scale), its own salience one step up (at most 1), the
// other's position one step toward i's (not past it), the other's
// salience one step up when it stands on i's side of the forecast and
// down when on the far side (kept in 0–1). ok is false when the lever
// has no room (or no direction). Draws call it again on each drawn
// problem, so "toward" always means toward the actor as drawn.
func (lv lever) instance(q *model.Problem, f []float64, i int, step float64) (lever, bool) {
	k := lv.issue
	is := q.Issues[k]
	xa := q.Stances[i][k].Position
	st := q.Stances[lv.j][k]
	w := step * (is.Max - is.Min)
	switch lv.kind {
	case answer.LeverOwnPosition:
		lv.from, lv.to = xa, math.Max(is.Min, math.Min(is.Max, xa+sign(xa-f[k])*w))
	case answer.LeverOwnSalience:
		lv.from, lv.to = st.Salience, math.Min(1, st.Salience+step)
	case answer.LeverPersuadePosition:
		lv.from, lv.to = st.Position, st.Position+sign(xa-st.Position)*math.Min(w, math.Abs(xa-st.Position))
	case answer.LeverPersuadeSalience:
		lv.from, lv.to = st.Salience, st.Salience
		switch side := (st.Position - f[k]) * (xa - f[k]); {
		case side > 0:
			lv.to = math.Min(1, st.Salience+step)
		case side < 0:
			lv.to = math.Max(0, st.Salience-step)
		}
	}
	return lv, lv.to != lv.from && !math.IsNaN(lv.to)
}

// pull sets lever lv's input to its To in q.
func (lv lever) pull(q *model.Problem) {
	st := &q.Stances[lv.j][lv.issue]
	if lv.salience {
		st.Salience = lv.to
	} else {
		st.Position = lv.to
	}
}

// shifted returns the forecasts of q (whose forecasts are f) with lever
// lv pulled: by the closed form for compromise, else by running the
// model on a copy, through model.ForecastsFailed, with the members of a
// model that combines others that failed on the lever's own issue
// (failedOn; nil when none did, and for every other model). ok is false,
// and the model is not run, when the lever leaves its issue with no
// weight: it lowers to 0 the salience of the only actor who weighs the
// issue, which no model can forecast (model.Problem.Check refuses it).
// That is not a shift of 0 nor a failure of the model, and the callers
// say so (leverNoForecastText, noForecastText).
func (ad *adviser) shifted(ctx context.Context, q *model.Problem, f []float64, lv lever) ([]float64, []model.MemberFailure, bool, error) {
	out := append([]float64(nil), f...)
	if ad.closed {
		k := lv.issue
		total := q.Weighed(k)
		st := q.Stances[lv.j][k]
		c := q.Actors[lv.j].Capability
		if lv.salience {
			dw := c * (lv.to - st.Salience)
			if !(total+dw > 0) {
				return nil, nil, false, nil
			}
			out[k] = f[k] + dw*(st.Position-f[k])/(total+dw)
		} else {
			out[k] = f[k] + c*st.Salience/total*(lv.to-st.Position)
		}
		return out, nil, true, nil
	}
	r := q.Clone()
	lv.pull(r)
	if !(r.Weighed(lv.issue) > 0) {
		// Nobody present weighs the issue: Check's refusal, not the
		// model's failure. Any other input a model refuses is the
		// model's error, a failed run.
		return nil, nil, false, nil
	}
	g, failed, err := model.ForecastsFailed(ctx, ad.m, r, ad.opts)
	if err != nil {
		return nil, nil, false, err
	}
	return g, failedOn(failed, lv.issue), true, nil
}

// leverNoForecastText is the warning for a lever that, at the stated
// values, leaves its issue with no forecast (shifted's ok false).
//
// Such a lever is left out of the issue's levers and named here rather
// than listed with its effect: it has no shift, toward, gain or cost to
// rank or chart (every number would be null, and a row of nulls reads on
// every door like a lever that does nothing), while what it does — take
// the issue off the table, as nobody else weighs it — is a fact about
// the scenario the user should see in words. It is worded after the
// "left out" warning of a lever whose run fails there.
func leverNoForecastText(p *model.Problem, lv lever) string {
	return fmt.Sprintf("%s: leaves %s with no forecast, as nobody else weighs it with the lever pulled (no model can forecast an issue nobody weighs); left out",
		leverLabel(p, lv), p.Issues[lv.issue].ID)
}

// failedOn is the members of failed (model.ForecastsFailed's) that failed
// on issue k, nil when none did; it allocates only then. A lever's run
// is counted by the failures on its own issue, the one whose inputs it
// changes and on which its shift is measured: the ensemble runs each
// issue alone, so a member that failed on another issue in a lever's run
// failed in the run it is compared with too, which says so itself (the
// notes at the stated values, the draws' own count).
func failedOn(failed []model.MemberFailure, k int) []model.MemberFailure {
	var out []model.MemberFailure
	for _, x := range failed {
		if x.Issue == k {
			out = append(out, x)
		}
	}
	return out
}

// leverRuns counts the lever runs advice made, at the stated values or in
// its draws: those that gave forecasts (runs) and, of them, each one in
// which a member of a model that combines others failed on the lever's
// issue, by its members that did (failed, for sweep.CountFailed; only
// those runs are kept).
type leverRuns struct {
	runs   int
	failed [][]model.MemberFailure
}

// warning is memberFailedRuns of lr's runs of model m on p, where naming
// them ("lever runs at the stated values"), with the members that failed
// on each issue (a lever's own, failedOn) in the scenario's order; ""
// when none failed. The caller adds what it means.
func (lr leverRuns) warning(m string, p *model.Problem, where string) string {
	n, members := sweep.CountFailed(lr.failed, len(p.Issues))
	var on []memberCount
	for k := range p.Issues {
		on = memberCounts(on, issueLabelOf(p, k), members[k])
	}
	return memberFailedRuns(m, n, lr.runs, where, on)
}

// workers is how many goroutines the levers and the draws run on
// (parallel.Each; each call writes only its own slot, so the answer is
// the same on any number): one for the closed form, which costs nothing,
// else the run options' (every core, from oneRunOptions).
func (ad *adviser) workers() int {
	if ad.closed {
		return 1
	}
	return max(ad.opts.Workers, 1)
}

// inner returns the options of one run among many run at once: a single
// goroutine each (the runs already fill the cores; a model's result does
// not depend on its workers).
func (ad *adviser) inner() *adviser {
	c := *ad
	c.opts.Workers = 0
	return &c
}

// effects evaluates every lever at the stated values, the levers on
// ad's workers, and counts the lever runs in which a member of a model
// that combines others failed on the lever's issue (leverRuns). A lever
// whose run fails, or that leaves its issue with no forecast, is left
// out (nil) with a warning that names it.
func (ad *adviser) effects(ctx context.Context, p *model.Problem, f []float64, levers []lever, runs func(int)) ([]*answer.Lever, []string, leverRuns, error) {
	out := make([]*answer.Lever, len(levers))
	warns := make([]string, len(levers))
	fails := make([][]model.MemberFailure, len(levers)) // each lever's run's members that failed on its issue
	in := ad.inner()
	parallel.Each(ctx, ad.workers(), len(levers), func(_, n int) {
		defer runs(1)
		lv := levers[n]
		g, failed, ok, err := in.shifted(ctx, p, f, lv)
		a, is := p.Actors[lv.j], p.Issues[lv.issue]
		if err != nil {
			warns[n] = fmt.Sprintf("%s: the model failed with the lever pulled (%v); left out", leverLabel(p, lv), err)
			return
		}
		if !ok {
			warns[n] = leverNoForecastText(p, lv)
			return
		}
		fails[n] = failed
		k := lv.issue
		x := p.Stances[ad.actor][k].Position
		l := answer.Lever{Kind: lv.kind, Actor: a.ID, Name: actorName(a), Issue: is.ID, From: lv.from, To: lv.to,
			Shift: answer.Num(g[k] - f[k]), Toward: answer.Num(math.Abs(f[k]-x) - math.Abs(g[k]-x)),
			PerUnit: answer.Num((g[k] - f[k]) / (lv.to - lv.from))}
		gain, cost := gainCost(p, ad.actor, f, g)
		l.Gain, l.Cost = answer.Num(gain), answer.Num(cost)
		out[n] = &l
	})
	if ctx.Err() != nil {
		return nil, nil, leverRuns{}, ctx.Err()
	}
	var warn []string
	for _, w := range warns {
		if w != "" {
			warn = append(warn, w)
		}
	}
	var lr leverRuns
	if !ad.closed {
		for n, l := range out {
			if l != nil {
				lr.runs++
			}
			if fails[n] != nil {
				lr.failed = append(lr.failed, fails[n])
			}
		}
	}
	return out, warn, lr, nil
}

// robust tries every lever on req.Draws draws of the stated ranges and
// sets its mean Toward and the share of draws where Toward > 0 (beyond
// rounding: 1e-12 of the scale).
//
// The draws run on ad's workers in batches of adviseBatch, each draw
// filling its own row of the batch's table; the rows are then added up
// in draw order, so the sums are the same, to the bit, whatever the
// number of workers (TestAdviseWorkersChangeNothing), and the table
// holds one batch of draws (9 bytes a lever each), not all of them.
// runs is told of the model's runs as they start (a closed form's with
// their draw). Each draw's own forecast is run through
// model.ForecastsSettling, and robust counts, on the issues advised on
// (those with a lever), the draws whose forecast had not settled and
// those in which a member of a model that combines others failed
// (drawCounts). A lever's run in a draw is checked, as at the stated
// values, for a member that failed on the lever's issue (leverRuns), not
// for whether it settled. A lever's run that fails in a draw is no shift
// at all, not one of 0: the lever's mean and share are over the draws in
// which its run succeeded (none when it failed in every draw), its
// FailedDraws counts the rest, and drawCounts counts them for the
// warning (leverFailedText). A draw in which the lever leaves its issue
// with no forecast (shifted's ok false: nobody else weighs the issue) is
// left out of its mean and share likewise, counted in its
// NoForecastDraws and named in a warning of its own (noForecastText): it
// is no shift either, and no failure of the model. A draw in which the
// lever has no room counts as one it does nothing in, as before.
func (ad *adviser) robust(ctx context.Context, p *model.Problem, levers []lever, eff []*answer.Lever, req answer.AdviseRequest, runs func(int)) (drawCounts, error) {
	inputs := sweep.Inputs(p)
	L, K := len(levers), len(p.Issues)
	in := ad.inner()
	qs := make([]*model.Problem, ad.workers()) // each worker's draw
	for w := range qs {
		qs[w] = p.Clone()
	}
	scope := make([]bool, K)
	for _, lv := range levers {
		scope[lv.issue] = true
	}
	rows := make([]drawRow, min(req.Draws, adviseBatch)) // the batch's table
	for b := range rows {
		rows[b] = drawRow{toward: make([]float64, L), took: make([]leverTook, L), moving: make([]float64, K)}
	}
	sum := make([]float64, L)
	helps := make([]int, L)
	perIssue, steps := make([]int, K), make([][]float64, K)
	unsettled := 0
	var failed [][]model.MemberFailure // the members that failed on an issue advised on, of each draw where one did
	var lr leverRuns
	failedRuns := make([]int, L) // by lever: the draws in which its run failed
	noneRuns := make([]int, L)   // by lever: the draws in which it left its issue with no forecast
	leverTried := 0
	first := leverFailure{lever: -1}
	for d0 := 0; d0 < req.Draws; d0 += len(rows) {
		if ctx.Err() != nil {
			return drawCounts{}, ctx.Err()
		}
		size := min(len(rows), req.Draws-d0)
		for b := range rows {
			rows[b].reset()
		}
		parallel.Each(ctx, ad.workers(), size, func(w, b int) {
			d, row := d0+b, &rows[b]
			q := qs[w]
			sweep.Sample(q, p, inputs, req.Seed, uint64(d), req.Uniform)
			f, prev, fl, err := model.ForecastsSettling(ctx, in.m, q.Clone(), in.opts)
			if err != nil {
				row.err = fmt.Errorf("draw %d: model %s: %w", d, ad.m.Name(), err)
				return
			}
			for _, x := range fl {
				if scope[x.Issue] {
					row.fails = append(row.fails, x)
				}
			}
			for k, is := range q.Issues {
				if scope[k] {
					row.moving[k] = sweep.MovingStep(f[k], prev[k], is.Max-is.Min)
				}
			}
			// a closed form's levers take microseconds: count them with the draw
			if ad.closed {
				defer runs(L + 1)
			} else {
				runs(1)
			}
			for n, lv := range levers {
				if !ad.closed {
					runs(1)
				}
				if eff[n] == nil {
					continue
				}
				lv, ok := lv.instance(q, f, ad.actor, req.Step)
				if !ok {
					// No room in this draw: the lever does nothing.
					continue
				}
				g, lf, ok, err := in.shifted(ctx, q, f, lv)
				if err != nil {
					// Not a shift of 0: the lever's statistics leave
					// this draw out, and the answer says so.
					row.tried++
					row.took[n] = tookFailed
					if row.leverErr.lever < 0 {
						row.leverErr = leverFailure{draw: d, lever: n, err: err}
					}
					continue
				}
				if !ok {
					// Not a shift of 0 either: nobody else weighs the
					// issue with the lever pulled.
					row.took[n] = tookNoForecast
					continue
				}
				row.tried++
				if !ad.closed {
					row.ran++
				}
				if lf != nil {
					row.leverFails = append(row.leverFails, lf)
				}
				k := lv.issue
				x := q.Stances[ad.actor][k].Position
				t := math.Abs(f[k]-x) - math.Abs(g[k]-x)
				row.toward[n], row.took[n] = t, tookCounts
				if is := q.Issues[k]; t > 1e-12*(is.Max-is.Min) {
					row.took[n] = tookHelps
				}
			}
		})
		if ctx.Err() != nil {
			return drawCounts{}, ctx.Err()
		}
		for _, row := range rows[:size] {
			if row.err != nil {
				return drawCounts{}, row.err
			}
			if row.fails != nil {
				failed = append(failed, row.fails)
			}
			lr.runs += row.ran
			leverTried += row.tried
			if first.lever < 0 {
				first = row.leverErr
			}
			lr.failed = append(lr.failed, row.leverFails...)
			some := false
			for k, m := range row.moving {
				if m != 0 {
					perIssue[k]++
					steps[k] = append(steps[k], m)
					some = true
				}
			}
			if some {
				unsettled++
			}
			for n, took := range row.took {
				switch took {
				case tookNothing:
					// A draw it does nothing in: a Toward of 0 in its mean.
				case tookCounts:
					sum[n] += row.toward[n]
				case tookHelps:
					sum[n] += row.toward[n]
					helps[n]++
				case tookFailed:
					failedRuns[n]++
				case tookNoForecast:
					noneRuns[n]++
				}
			}
		}
	}
	for n := range levers {
		if eff[n] == nil {
			continue
		}
		eff[n].FailedDraws, eff[n].NoForecastDraws = failedRuns[n], noneRuns[n]
		ran := req.Draws - failedRuns[n] - noneRuns[n]
		if ran == 0 {
			// No draw gave it a forecast: no mean, not a mean of 0.
			continue
		}
		m, h, hi := sum[n]/float64(ran), float64(helps[n])/float64(ran), mcerr.Wilson(helps[n], ran)
		eff[n].MeanToward, eff[n].Helps, eff[n].HelpsInterval = &m, &h, &hi
	}
	rc := drawCounts{unsettled: unsettled, perIssue: perIssue, steps: steps, levers: lr,
		leverTried: leverTried, leverFailed: failedRuns, leverNone: noneRuns, firstFailure: first}
	rc.failed, rc.members = sweep.CountFailed(failed, K)
	return rc, nil
}

// drawRow is one draw's row of robust's batch, filled by the worker
// that runs the draw alone and added up in draw order once the batch is
// done.
type drawRow struct {
	err        error                   // the draw's own run failed
	toward     []float64               // by lever: Toward, where took counts it
	took       []leverTook             // by lever: what its pull gave in the draw
	moving     []float64               // by issue: the last step on an issue advised on where it had not settled, else 0 (sweep.MovingStep; NaN: of unknown size)
	fails      []model.MemberFailure   // the draw's members that failed on an issue advised on
	tried      int                     // the lever runs made (that gave forecasts or failed)
	ran        int                     // the lever runs that gave forecasts (0 for the closed form, which runs no model)
	leverFails [][]model.MemberFailure // each lever run in which a member failed on the lever's issue, its members that did
	leverErr   leverFailure            // the first lever run that failed, in lever order (its lever −1: none)
}

// reset empties row for the next batch, keeping its by-lever and
// by-issue slices.
func (row *drawRow) reset() {
	clear(row.toward)
	clear(row.took)
	clear(row.moving)
	*row = drawRow{toward: row.toward, took: row.took, moving: row.moving, leverErr: leverFailure{lever: -1}}
}

// leverTook is what a lever's pull gave in one of advice's draws.
type leverTook uint8

const (
	tookNothing    leverTook = iota // no room in the draw, or left out at the stated values: it does nothing
	tookCounts                      // a Toward that counts in its mean
	tookHelps                       // one that counts and helps (Toward > 0 beyond rounding)
	tookFailed                      // its run failed: left out of its mean and share
	tookNoForecast                  // it left its issue with no forecast: left out likewise
)

// drawCounts is what robust counts of advice's draws, on the issues
// advised on: the draws whose forecast had not settled on one
// (unsettled), and on each issue, by index (perIssue, 0 on the others),
// with those draws' last steps (steps[k], for sweep.StepStats); and, for
// a model that combines others, the draws in which a member failed on
// one (failed) and on each issue the members that did, in how many
// (members[k], sweep.CountFailed); the levers' runs in the draws
// (levers), with those in which a member failed on the lever's issue;
// and the lever runs made in the draws, those that gave forecasts or
// failed (leverTried), how many draws each lever's run failed in, by
// lever (leverFailed), and the first such failure in draw order
// (firstFailure; its lever is −1 when none failed); and how many draws
// each lever left its issue with no forecast in, by lever (leverNone;
// those pulls ran no model, so leverTried leaves them out).
type drawCounts struct {
	unsettled    int
	perIssue     []int
	steps        [][]float64
	failed       int
	members      [][]sweep.MemberFailures
	levers       leverRuns
	leverTried   int
	leverFailed  []int
	leverNone    []int
	firstFailure leverFailure
}

// leverFailure is a lever's run that failed in one of advice's draws:
// the draw, the lever's index (−1: none), and the model's error.
type leverFailure struct {
	draw, lever int
	err         error
}

// leverFailedText is the warning for the lever runs that failed in
// advice's draws, modelled on the "left out" warning of a lever that
// fails at the stated values ("a own-position on x: the model failed
// with the lever pulled (…); left out"), for the draws:
// "compromise failed with a lever pulled in 9 of 160 lever runs in the
// draws (5.6%) — b persuade-position on x 9: …; the first, in draw 3,
// b persuade-position on x: …". Each lever is named as there (its
// actor's id, its kind, its issue), with the number of draws its run
// failed in (and "(every draw)" when it failed in all), in lever order;
// counts are grouped (Grouped). It is "" when none failed. A failed run
// is no shift at all, so each lever's mean and share of draws it helps
// in are over the draws in which its run succeeded (robust), which the
// warning says.
func leverFailedText(m string, p *model.Problem, levers []lever, rc drawCounts, draws int) string {
	n := 0
	var named []string
	for j, c := range rc.leverFailed {
		if c == 0 {
			continue
		}
		n += c
		s := leverLabel(p, levers[j]) + " " + Grouped(c)
		if c == draws {
			s += " (every draw)"
		}
		named = append(named, s)
	}
	if n == 0 {
		return ""
	}
	f := rc.firstFailure
	return fmt.Sprintf("%s failed with a lever pulled in %s of %s lever runs in the draws (%s) — %s: each such lever's mean over the draws and share of draws it helps in are over the draws in which its run succeeded (none when it failed in every draw); the first, in draw %d, %s: %v",
		m, Grouped(n), Grouped(rc.leverTried), percent(n, rc.leverTried), strings.Join(named, ", "), f.draw, leverLabel(p, levers[f.lever]), f.err)
}

// noForecastText is the warning for the levers that left their issue
// with no forecast in some of advice's draws, a sibling of
// leverFailedText's (such a pull runs no model, so it is neither a
// failure nor one of the lever runs counted there), worded after the
// stated values' leverNoForecastText: "a lever left its issue with no
// forecast in some of the 40 draws, as nobody else weighed the issue
// with the lever pulled (…) — b persuade-salience on x 12: …". Each
// lever is named as there, with the number of draws (and "(every
// draw)" when all), in lever order; counts are grouped (Grouped). It is
// "" when no lever did. Those draws are left out of each such lever's
// mean and share of draws it helps in (robust), which the warning says.
func noForecastText(p *model.Problem, levers []lever, rc drawCounts, draws int) string {
	var named []string
	for j, c := range rc.leverNone {
		if c == 0 {
			continue
		}
		s := leverLabel(p, levers[j]) + " " + Grouped(c)
		if c == draws {
			s += " (every draw)"
		}
		named = append(named, s)
	}
	if len(named) == 0 {
		return ""
	}
	lead := "a lever left its issue"
	if len(named) > 1 {
		lead = fmt.Sprintf("%d levers left their issues", len(named))
	}
	return fmt.Sprintf("%s with no forecast in some of the %s draws, as nobody else weighed the issue with the lever pulled (no model can forecast an issue nobody weighs) — %s: each such lever's mean over the draws and share of draws it helps in are over the draws in which its issue kept a forecast (none when it kept none)",
		lead, Grouped(draws), strings.Join(named, ", "))
}

// leverLabel names lever lv of p in advice's warnings: its actor's id,
// its kind and its issue ("b persuade-position on x").
func leverLabel(p *model.Problem, lv lever) string {
	return fmt.Sprintf("%s %s on %s", p.Actors[lv.j].ID, lv.kind, p.Issues[lv.issue].ID)
}

// adviseBatch is how many draws robust runs at once: enough to keep
// every core busy (each draw re-runs the model once per lever), few
// enough that their table stays small beside the levers' own answers
// (adviseCost counts it).
const adviseBatch = 16

// utility is actor i's utility for the package f, package deal's
// equation (1) with ρ = 1: 1 − Σ_k s_k |f_k − x_k|/(max_k − min_k) / Σ_k s_k
// over the issues it takes part in; 1 when it cares about none.
func utility(p *model.Problem, i int, f []float64) float64 {
	loss, sum := 0.0, 0.0
	for k, is := range p.Issues {
		st := p.Stances[i][k]
		if !st.Present {
			continue
		}
		sum += st.Salience
		if st.Salience > 0 {
			loss += st.Salience * math.Abs(f[k]-st.Position) / (is.Max - is.Min)
		}
	}
	if sum == 0 {
		return 1
	}
	return 1 - loss/sum
}

// gainCost is the change of actor i's utility from f to g and the part
// of it lost on the issues where g is farther from the actor than f.
func gainCost(p *model.Problem, i int, f, g []float64) (gain, cost float64) {
	sum := 0.0
	for k := range p.Issues {
		if st := p.Stances[i][k]; st.Present {
			sum += st.Salience
		}
	}
	if sum == 0 {
		return 0, 0
	}
	for k, is := range p.Issues {
		st := p.Stances[i][k]
		if !st.Present || st.Salience == 0 || g[k] == f[k] {
			continue
		}
		d := (math.Abs(g[k]-st.Position) - math.Abs(f[k]-st.Position)) / (is.Max - is.Min) * st.Salience / sum
		gain -= d
		if d > 0 {
			cost += d
		}
	}
	return gain, cost
}

// leverBefore is the one rule an issue's levers are ranked by, and so
// the one its sentence headlines (adviceText): without draws, by Toward
// at the stated values, largest first; with draws, by what holds over
// them, since one step can tip a model's discrete moves (bdm's
// capitulations and conflicts) at the stated values and in few draws
// besides: first the levers whose mean over the draws brings the
// forecast closer (MeanToward > 0), then by the number of draws each
// brings it closer in (helpedDraws: a draw its run failed in, or gave
// no forecast in, is no help), then by that mean, then by Toward. A
// lever with no mean (its run failed in every draw) goes last.
func leverBefore(a, b answer.Lever, draws int) bool {
	if draws > 0 {
		pa, pb := a.MeanToward != nil && *a.MeanToward > 0, b.MeanToward != nil && *b.MeanToward > 0
		if pa != pb {
			return pa
		}
		if ha, hb := helpedDraws(a, draws), helpedDraws(b, draws); ha != hb {
			return ha > hb
		}
		ma, mb := math.NaN(), math.NaN()
		if a.MeanToward != nil {
			ma = *a.MeanToward
		}
		if b.MeanToward != nil {
			mb = *b.MeanToward
		}
		if ma != mb && !(math.IsNaN(ma) && math.IsNaN(mb)) {
			return better(answer.Num(ma), answer.Num(mb))
		}
	}
	return better(a.Toward, b.Toward)
}

// ranDraws is how many of the draws a lever's run gave its issue a
// forecast in, and helpedDraws how many of those it brought the forecast
// closer in (its Helps is their share).
func ranDraws(lv answer.Lever, draws int) int {
	return draws - lv.FailedDraws - lv.NoForecastDraws
}

func helpedDraws(lv answer.Lever, draws int) int {
	if lv.Helps == nil {
		return 0
	}
	return int(math.Round(*lv.Helps * float64(ranDraws(lv, draws))))
}

// drawsLeverText says, of an issue's levers ranked by leverBefore over
// the draws, which one most often brings the forecast closer, in how
// many draws (of those it ran in) and by how much on average, with its
// effect at the stated values beside; fewer than half makes it fragile.
func drawsLeverText(sc *answer.Scenario, ia answer.IssueAdvice, d, draws int) string {
	if len(ia.Levers) == 0 || ia.Levers[0].MeanToward == nil || !(*ia.Levers[0].MeanToward > 0) || helpedDraws(ia.Levers[0], draws) == 0 {
		return fmt.Sprintf(" Over the %s draws no lever of one step brings it closer on average.", Grouped(draws))
	}
	lv := ia.Levers[0]
	ran, helped := ranDraws(lv, draws), helpedDraws(lv, draws)
	of := fmt.Sprintf("%s of %s draws", Grouped(helped), Grouped(ran))
	if ran < draws {
		of = fmt.Sprintf("%s of the %s draws it ran in", Grouped(helped), Grouped(ran))
	}
	stated := gd(float64(lv.Toward), d+1) + " closer"
	if lv.Toward < 0 {
		stated = gd(-float64(lv.Toward), d+1) + " farther"
	}
	s := fmt.Sprintf(" Over the %s draws the lever that most often brings it closer is %s: it does in %s (%s, %s interval %s), by %s on average (%s at the stated values)",
		Grouped(draws), leverWords(sc, lv), of, Chance(*lv.Helps), LevelText, ChanceInterval(mcerr.Wilson(helped, ran)), gd(*lv.MeanToward, d+1), stated)
	if 2*helped < ran {
		s += "; fragile: in most draws it does not"
	}
	return s + "."
}

// better orders NaN last, larger first.
func better(a, b answer.Num) bool {
	if math.IsNaN(float64(b)) {
		return !math.IsNaN(float64(a))
	}
	return a > b
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

func presentIssues(p *model.Problem, i int) []string {
	var out []string
	for k, is := range p.Issues {
		if p.Stances[i][k].Present {
			out = append(out, is.ID)
		}
	}
	return out
}

// apart is how near and how far the range r of a forecast that did not
// settle lies from a position x: 0 nearest where r holds x.
func apart(r answer.Interval, x float64) *answer.Interval {
	lo, hi := math.Abs(r.Lo-x), math.Abs(r.Hi-x)
	near := math.Min(lo, hi)
	if r.Lo <= x && x <= r.Hi {
		near = 0
	}
	return &answer.Interval{Lo: near, Hi: math.Max(lo, hi)}
}

// AdviseHeadNumbers are the forecast and the distance an issue's advice
// is headed with (AdviseIssueHead), each written by f with d decimals:
// the forecast and |forecast − position| where it settled; where it did
// not, its range (RangeText) marked so, and how near and how far that
// range lies from the position, since the last round's point is no
// forecast. Every door heads an issue's advice by it, as the answer
// carries it (IssueAdvice.HeadText).
func AdviseHeadNumbers(ia answer.IssueAdvice, d int, f func(float64, int) string) (forecast, distance string) {
	if !unsettled(ia) {
		return cmp.Or(ia.ForecastText, f(float64(ia.Forecast), d)), f(float64(ia.Distance), d)
	}
	rng, dist := rangeApart(ia, d, f)
	return rng + " (did not settle)", dist
}

// unsettled reports whether ia's forecast did not settle and the advice
// holds its range and how far that lies (the fields every door's
// unsettled wording reads).
func unsettled(ia answer.IssueAdvice) bool {
	return !ia.Settled && ia.Range != nil && ia.Apart != nil
}

// rangeApart writes an unsettled forecast's range (RangeText) and how
// near and how far it lies from the position ("15.7–85.0", or one
// number where the two read alike).
func rangeApart(ia answer.IssueAdvice, d int, f func(float64, int) string) (rng, distance string) {
	near, far := f(ia.Apart.Lo, d), f(ia.Apart.Hi, d)
	distance = near
	if near != far {
		distance = RangeJoin(near, far)
	}
	return RangeText(ia.Range.Lo, ia.Range.Hi, d, f), distance
}

// adviceText says which lever moves the issue's forecast most, writing
// the numbers on the issue's scale with its d decimals (ScaleDecimals)
// and how much closer the lever brings the forecast with one more. Of a
// forecast that did not settle it states the range and how far it lies
// (rangeApart, as AdviseHeadNumbers), and a lever's effect as one on the
// last round's point, which a moving forecast makes uncertain. With
// draws the lever it names is the one leverBefore ranks first over them,
// said with how often it helps (drawsLeverText).
func adviceText(sc *answer.Scenario, name string, ia answer.IssueAdvice, draws int) string {
	d := sc.IssueDecimals(ia.Issue)
	g := onScale(d)
	if unsettled(ia) {
		fc, dist := rangeApart(ia, d, Decimals)
		head := fmt.Sprintf("The forecast did not settle: it kept moving within %s, which lies %s from %s position %s.", fc, dist, possessive(name), g(ia.Position))
		if draws > 0 {
			return head + drawsLeverText(sc, ia, d, draws)
		}
		if len(ia.Levers) == 0 || !(ia.Levers[0].Toward > 0) {
			return head + " No lever of one step brings its last round's point closer."
		}
		lv := ia.Levers[0]
		return head + " The strongest lever is " + leverWords(sc, lv) + fmt.Sprintf(": the last round's point comes %s closer, but a moving forecast's last rounds' points are no steady measure: read it as uncertain.", gd(float64(lv.Toward), d+1))
	}
	head := fmt.Sprintf("The forecast %s lies %s from %s position %s.", cmp.Or(ia.ForecastText, g(float64(ia.Forecast))), g(float64(ia.Distance)), possessive(name), g(ia.Position))
	if draws > 0 {
		return head + drawsLeverText(sc, ia, d, draws)
	}
	if len(ia.Levers) == 0 || !(ia.Levers[0].Toward > 0) {
		if ia.Distance == 0 {
			return head + " It is already there."
		}
		return head + " No lever of one step brings it closer."
	}
	lv := ia.Levers[0]
	if lv.Text != "" {
		return head + " The strongest lever is " + lv.Text + "."
	}
	return head + " The strongest lever is " + LeverText(sc, lv) + fmt.Sprintf(": the forecast comes %s closer.", gd(float64(lv.Toward), d+1))
}

// LeverText describes a lever in a few words, e.g. "persuading Russia to
// move from 80.0 to 75.0": its values as InputValue writes them, a
// position with its issue's decimals, a salience on the file's scale.
func LeverText(sc *answer.Scenario, lv answer.Lever) string {
	from, to := LeverValue(sc, lv, lv.From), LeverValue(sc, lv, lv.To)
	switch lv.Kind {
	case answer.LeverOwnPosition:
		return fmt.Sprintf("moving its own position from %s to %s", from, to)
	case answer.LeverOwnSalience:
		return fmt.Sprintf("raising its own salience from %s to %s", from, to)
	case answer.LeverPersuadePosition:
		return fmt.Sprintf("persuading %s to move from %s to %s", lv.Name, from, to)
	case answer.LeverPersuadeSalience:
		verb := "raise"
		if lv.To < lv.From {
			verb = "lower"
		}
		return fmt.Sprintf("persuading %s to %s its salience from %s to %s", lv.Name, verb, from, to)
	}
	return lv.Kind
}
