// Package ensemble implements a forecast combination: each issue settles at
// a convex combination of member models' forecasts,
//
//	x̂ₖ = Σₘ wₘ x̂ₖ⁽ᵐ⁾,   wₘ ≥ 0,  Σₘ wₘ = 1                       (1)
//
// with the weights chosen to minimise the absolute error of past forecasts
// against real outcomes (least absolute deviations, as the DEU benchmark
// scores by mean absolute error):
//
//	w = argmin Σᵢ |yᵢ − Σₘ wₘ x̂ᵢ⁽ᵐ⁾|                                 (2)
//
// Forecast combination follows Bates, J. M. & Granger, C. W. J. (1969),
// "The combination of forecasts", Operational Research Quarterly 20:451–468,
// and, for the absolute loss, the LAD combination of Nowotarski, J. et al.
// (2014), "An empirical comparison of alternative schemes for combining
// electricity spot price forecasts", Energy Economics 46:395–412. For two
// members (2) has the closed form used by Fit: with dᵢ = x̂ᵢ⁽²⁾ − x̂ᵢ⁽¹⁾,
// the loss Σᵢ |dᵢ| · |(yᵢ − x̂ᵢ⁽¹⁾)/dᵢ − w| is minimised by the
// |dᵢ|-weighted median of the ratios rᵢ = (yᵢ − x̂ᵢ⁽¹⁾)/dᵢ, clipped to [0, 1]
// (3).
//
// The default members are the compromise model (package compromise;
// Achen 2006, Thomson et al. 2006) and KTAB's spatial model of politics
// (package smp; Wise et al. 2015), each run on one issue at a time, with
// the weights of Fitted: fitted by (3) on the 140 train issues of DEU III
// (Arregui & Perarnaud 2021, doi:10.34810/data53; see docs/skill.md, which
// also records every other candidate tried and why this one ships). Each
// member is run on every issue separately because that is how the weights
// were fitted; smp otherwise moves all issues together.
//
// Forecast's Result.Detail (Detail) keeps each member's weight, forecast
// and rounds on each issue, for the doors that explain the combination.
// Forecast's rounds are the members' rounds combined by (1), aligned at
// the end (forecastIssue), so that a member that had not come to rest
// leaves the ensemble's forecast unsettled too, which the answer reports
// as a range; PointForecast runs the members without their traces, and
// PointForecastSettling runs them through model.ForecastsSettling and
// combines by (1) each member's forecast one round before its last (its
// forecast, for a member with one round or none): Forecast's round
// before the last, bit for bit, at the cost of the members' own fast
// paths, so that a sweep can tell which draws had not come to rest.
//
// The model uses only positions, saliences and capabilities, so it works on
// any scenario. If a member fails on an issue, the other members' weights
// are renormalised and a note says so; PointForecastCombining, which a
// sweep's draws run through (model.ForecastsSettling) and advice's
// levers without the round before the last (model.ForecastsFailed),
// returns the member and the issue instead, so that a draw or a lever
// whose forecast of an issue is the other members' alone is counted,
// not passed off as the ensemble's; PointForecast (model.Forecasts)
// does not tell. If every
// member fails, so does the ensemble. Forecast keeps every member's
// notes, each about its issue and named by its member ("X: member smp: …
// stopped: reached the round limit", model.Note), so that what a member says about
// its run — that it had not come to rest, above all — reaches the
// ensemble's answer word for word; only a member's notes that it stopped
// by its own rule, on more than one issue, become one note listing the
// issues and the steps each took.
//
// Cost: the sum of the members' costs, per issue.
package ensemble

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"

	"parley/errs"
	"parley/model"
	"parley/model/compromise"
	"parley/model/smp"
	"parley/parallel"
)

// Member is a model and its weight in the combination (1).
type Member struct {
	Model  model.Model
	Weight float64
}

// Model is the ensemble forecaster. Its zero value combines compromise and
// smp with the Fitted weights.
type Model struct {
	// Members are the models combined and their weights (which must be ≥ 0
	// with a positive sum; they are divided by their sum). If nil, the
	// default members with the Fitted weights are used.
	Members []Member
}

var _ model.Model = Model{}

// Fitted is the weight of smp in the default ensemble (compromise gets
// 1 − Fitted): eq. (3) on the forecasts of compromise and smp for the 140
// train issues of DEU III (format/deu, capability by Council regime).
// TestFittedWeight re-derives it from format/deu/testdata.
const Fitted = 0.17446827770937287

// Default returns the default members: compromise with 1 − Fitted and smp
// (KTAB defaults) with Fitted.
func Default() []Member {
	return []Member{{compromise.Model{}, 1 - Fitted}, {smp.Model{}, Fitted}}
}

// Name implements model.Model.
func (Model) Name() string { return "ensemble" }

// FittedOn implements model.Fitted: the default members' weights were
// fitted on DEU III's train issues; members of one's own choosing were not.
func (m Model) FittedOn() string {
	if m.Members != nil {
		return ""
	}
	return model.DEUFitSplit
}

var _ model.Fitted = Model{}

var _ model.IssueLocal = Model{}

// ReadsIssueAlone implements model.IssueLocal, whatever the members:
// each member runs on one issue's problem alone (OneIssue), its actors
// those present on the issue, and the weights are the members' own, not
// fitted on the problem.
func (Model) ReadsIssueAlone() {}

// Summary implements model.Model.
func (Model) Summary() string {
	return "LAD-weighted combination of compromise and smp forecasts, weights fitted on DEU train (" + cite.Papers + ")"
}

// Title is the model's plain name (model.Titled).
func (Model) Title() string { return "Fitted ensemble of compromise and smp" }

// cite is the model's papers, the equations its explanation rests on
// and its section of docs/models.md.
var cite = model.Citation{Papers: "Bates & Granger 1969", Equations: "(1) x* = Σₘ wₘ x*⁽ᵐ⁾, the weights fitted by (2)", Section: "ensemble — a forecast combination fitted to real outcomes"}

// Cite implements model.Cited.
func (Model) Cite() model.Citation { return cite }

// Forecast implements model.Model.
func (m Model) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	outs, err := m.run(ctx, p, o, true, false)
	if err != nil {
		return nil, err
	}
	det := &Detail{Issues: make([]IssueDetail, len(p.Issues))}
	res := &model.Result{Model: "ensemble", Notes: memberNotes(p, outs), Detail: det}
	for k, is := range p.Issues {
		out := outs[k]
		det.Issues[k] = IssueDetail{Members: out.members}
		f := out.swx / out.sw
		idx, _, x, _ := p.Column(k)
		ir := model.IssueResult{Issue: is.ID, Forecast: f, Values: out.vals}
		last := len(out.rounds) - 1
		for t, ft := range out.rounds {
			if o.NoTrace && t != 0 && t != last {
				continue
			}
			r := model.Round{Round: t, Forecast: ft}
			if t == 0 {
				r.Positions = p.Spread(k, idx, x)
			}
			ir.Rounds = append(ir.Rounds, r)
		}
		res.Issues = append(res.Issues, ir)
	}
	return res, nil
}

var _ model.PointForecaster = Model{}

// PointForecast implements model.PointForecaster: Forecast's forecasts
// without its Result.
func (m Model) PointForecast(ctx context.Context, p *model.Problem, o model.Options, dst []float64) error {
	outs, err := m.run(ctx, p, o, false, false)
	if err != nil {
		return err
	}
	for k := range p.Issues {
		dst[k] = outs[k].swx / outs[k].sw
	}
	return nil
}

var _ model.SettlingForecaster = Model{}

// PointForecastSettling implements model.SettlingForecaster:
// PointForecastCombining without the members that failed.
func (m Model) PointForecastSettling(ctx context.Context, p *model.Problem, o model.Options, dst, prev []float64) error {
	_, err := m.PointForecastCombining(ctx, p, o, dst, prev)
	return err
}

var _ model.CombiningForecaster = Model{}

// PointForecastCombining implements model.CombiningForecaster:
// PointForecast's forecasts and, in prev, Forecast's round before the
// last, bit for bit: by (1), each member's forecast one round before its
// own last (forecastIssue aligns the members' rounds at the end), with
// the same weights summed in the same order. It returns the members
// that failed, issue by issue in the members' order, where Forecast
// says so in a note; a member that combines others itself adds those of
// its members that failed, named "member/its member". Nil when none
// failed, so that a sweep's draw allocates nothing for them. With a nil
// prev it runs the members as PointForecast does, without their rounds
// before the last (model.ForecastsFailed), and names the same failures.
func (m Model) PointForecastCombining(ctx context.Context, p *model.Problem, o model.Options, dst, prev []float64) ([]model.MemberFailure, error) {
	if len(dst) < len(p.Issues) || (prev != nil && len(prev) < len(p.Issues)) {
		return nil, errs.New(errs.Internal, "ensemble: PointForecastCombining needs room for %d forecasts and as many before the last, has %d and %d", len(p.Issues), len(dst), len(prev))
	}
	outs, err := m.run(ctx, p, o, false, prev != nil)
	if err != nil {
		return nil, err
	}
	var failed []model.MemberFailure
	for k := range p.Issues {
		dst[k] = outs[k].swx / outs[k].sw
		if prev != nil {
			prev[k] = outs[k].swp / outs[k].sw
		}
		for _, name := range outs[k].failed {
			failed = append(failed, model.MemberFailure{Issue: k, Member: name})
		}
	}
	return failed, nil
}

// run checks the members and runs them on every issue; full keeps each
// member's forecast and the rounds (Forecast's Values and Rounds), and
// settle, without full, the members' rounds before the last (swp).
func (m Model) run(ctx context.Context, p *model.Problem, o model.Options, full, settle bool) ([]issueOut, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	members := m.Members
	if members == nil {
		members = Default()
	}
	total := 0.0
	for _, mb := range members {
		if mb.Model == nil || !(mb.Weight >= 0) || math.IsInf(mb.Weight, 0) {
			return nil, errs.New(errs.Invalid, "ensemble: every member needs a model and a finite weight ≥ 0")
		}
		total += mb.Weight
	}
	if !(total > 0) {
		return nil, errs.New(errs.Invalid, "ensemble: the members' weights sum to %v; at least one must be > 0", total)
	}
	// The issues are independent: each runs its members on its own
	// actors and writes only its own slot, so a single forecast runs them
	// on o.Workers goroutines at once (smp on one issue mostly keeps a
	// single core busy). A sweep's draws pass 0 and run on the calling
	// goroutine: they are already spread over the cores, and goroutines
	// within each draw only cost synchronisation.
	// Progress counts issues done; the members' own rounds are not told.
	issueDone := parallel.Tally(len(p.Issues), o.Progress)
	o.Progress = nil
	outs := make([]issueOut, len(p.Issues))
	// each worker builds its issues' problems in one Problem's memory
	// (the members keep nothing of it)
	subs := make([]issueProblem, max(1, min(o.Workers, len(p.Issues))))
	parallel.Each(ctx, o.Workers, len(p.Issues), func(w, k int) {
		outs[k] = forecastIssue(ctx, subs[w].of(p, k), members, o, full, settle)
		issueDone(1)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, out := range outs {
		if out.err != nil {
			return nil, out.err
		}
	}
	return outs, nil
}

// Detail is what Forecast's members did on each issue (Result.Detail),
// for the doors that explain the combination (1): each member's weight,
// forecast and rounds.
type Detail struct {
	// Issues are the problem's issues, in its order.
	Issues []IssueDetail
}

// IssueDetail is one issue's member runs, in the members' order,
// without the members of weight 0 (which take no part).
type IssueDetail struct {
	Members []MemberRun
}

// MemberRun is one member's run on one issue.
type MemberRun struct {
	// Model is the member's name.
	Model string
	// Weight is the member's weight as the ensemble states it (not yet
	// divided by the sum of the weights).
	Weight float64
	// Forecast is the member's forecast of the issue, run on the issue
	// alone; Rounds its forecast after each round (the forecast alone
	// for a model without rounds). Both are empty when Err is set.
	Forecast float64
	Rounds   []float64
	// Err, when not "", is why the member failed on the issue: its
	// weight went to the others.
	Err string
}

// issueOut is one issue's members' forecasts: their weighted sums (swp
// that of their rounds before the last), each member's value, the
// ensemble's forecast after each round (rounds), the notes on members
// that failed and the members' own notes, the names of the members that
// failed (failed, for the point paths, which keep no notes), or an
// error.
type issueOut struct {
	sw, swx, swp float64
	vals         map[string]float64
	rounds       []float64
	notes        []model.Note
	failed       []string
	rested       []rested
	members      []MemberRun // with full: each member's run
	err          error
}

// rested is a member's run that came to rest by its own rule: the member,
// its steps, and which of the issue's notes says so.
type rested struct {
	member string
	steps  int
	note   int
}

// memberNotes are the ensemble's notes: every issue's notes in order,
// except that where a member stopped by its own rule (smp.StopRested) on
// more than one issue, its notes saying so become one ("member smp, run
// on one issue at a time, stopped by its own rule on each of 7 issues
// (…), steps per issue: 53 on Ceasefire, …"), in the place of the first.
// The note says the member ran issue by issue: beside it, the smp row's
// own run over every issue at once may not have come to rest, and the
// two read as a contradiction without it. Its own rule is not Parley's test of a
// settled forecast (model.Settled), which the answer applies to the
// ensemble's rounds, so the note does not say the member came to rest. A note that a member failed, or had not come to rest, is kept
// word for word, named by its issue.
func memberNotes(p *model.Problem, outs []issueOut) []model.Note {
	type group struct {
		at    int              // the summary's place in notes
		parts []model.NotePart // "53 on ", issue, ", ", …
		n     int              // the issues in parts
	}
	count := map[string]int{}
	for _, out := range outs {
		for _, r := range out.rested {
			count[r.member]++
		}
	}
	var notes []model.Note
	groups := map[string]*group{}
	var order []string
	for k, out := range outs {
		summed := map[int]rested{}
		for _, r := range out.rested {
			if count[r.member] > 1 {
				summed[r.note] = r
			}
		}
		for i, n := range out.notes {
			r, ok := summed[i]
			if !ok {
				notes = append(notes, n)
				continue
			}
			g := groups[r.member]
			if g == nil {
				g = &group{at: len(notes)}
				groups[r.member] = g
				order = append(order, r.member)
				notes = append(notes, model.Note{})
			}
			if len(g.parts) > 0 {
				g.parts = append(g.parts, model.Words(", "))
			}
			g.parts = append(g.parts, model.Words(fmt.Sprintf("%d on ", r.steps)), model.IssueRef(p.Issues[k].ID))
			g.n++
		}
	}
	for _, m := range order {
		g := groups[m]
		head := fmt.Sprintf("member %s, run on one issue at a time, stopped by its own rule on each of %d issues (%s), steps per issue: ", m, g.n, smp.StopRested)
		notes[g.at] = model.RunNote(append([]model.NotePart{model.Words(head)}, g.parts...)...)
	}
	return notes
}

// forecastIssue runs every member on sub, one issue's problem (OneIssue).
// With full it keeps each member's forecast and the ensemble's rounds: a
// member that moves in rounds is run with its trace, and round t of the
// ensemble combines, by (1), each member's forecast t rounds before the
// end less than the ensemble's longest member has (its first, for a
// member with fewer rounds; its one forecast, for a member without
// rounds). So the last round is the forecast, bit for bit, and the
// ensemble has come to rest only if every member has: a member stopped
// unsettled, at its round limit, leaves the ensemble unsettled too, and
// the answer says so (its range and warning) instead of hiding it in a
// point. With settle instead of full it sums, in swp, each member's
// forecast one round before its last by model.ForecastsSettling: round
// n − 2 of the n rounds full combines, the same terms in the same order.
func forecastIssue(ctx context.Context, sub *model.Problem, members []Member, o model.Options, full, settle bool) issueOut {
	is := sub.Issues[0]
	var out issueOut
	var traces [][]float64 // each counted member's round forecasts
	var weights []float64
	if full {
		out.vals = map[string]float64{}
	}
	for _, mb := range members {
		if mb.Weight == 0 {
			continue
		}
		var x, before float64
		var rounds []float64
		var notes []model.Note
		var restedSteps int
		var inner []model.MemberFailure // a combining member's own members that failed (the point paths)
		var err error
		switch {
		case full:
			x, rounds, notes, restedSteps, err = traced(ctx, mb.Model, sub, o)
		case settle:
			var f, b []float64
			if f, b, inner, err = model.ForecastsSettling(ctx, mb.Model, sub, o); err == nil {
				x, before = f[0], b[0]
			}
		default:
			var f []float64
			if f, inner, err = model.ForecastsFailed(ctx, mb.Model, sub, o); err == nil {
				x = f[0]
			}
		}
		for _, in := range inner {
			out.failed = append(out.failed, mb.Model.Name()+"/"+in.Member)
		}
		if err != nil {
			if ctx.Err() != nil {
				return issueOut{err: ctx.Err()}
			}
			out.notes = append(out.notes, model.IssueNote(is.ID, model.Words(fmt.Sprintf("member %s failed (%v); its weight went to the others", mb.Model.Name(), err))))
			out.failed = append(out.failed, mb.Model.Name())
			if full {
				out.members = append(out.members, MemberRun{Model: mb.Model.Name(), Weight: mb.Weight, Err: err.Error()})
			}
			continue
		}
		if full {
			out.members = append(out.members, MemberRun{Model: mb.Model.Name(), Weight: mb.Weight, Forecast: x, Rounds: rounds})
			out.vals[mb.Model.Name()] = x
			traces, weights = append(traces, rounds), append(weights, mb.Weight)
			for _, n := range notes {
				// the member ran on this issue alone: a note of its about
				// issues is about this one, which heads the ensemble's note
				parts := append([]model.NotePart{model.Words("member " + mb.Model.Name() + ": ")}, n.Parts...)
				out.notes = append(out.notes, model.IssueNote(is.ID, parts...))
			}
			if restedSteps > 0 {
				// smp's last note says why it stopped (smp.Detail.Stop)
				out.rested = append(out.rested, rested{mb.Model.Name(), restedSteps, len(out.notes) - 1})
			}
		}
		out.sw += mb.Weight
		out.swx += mb.Weight * x
		out.swp += mb.Weight * before
	}
	if out.sw == 0 {
		out.err = errs.New(errs.Internal, "ensemble: every member failed on issue %s", is.ID)
		return out
	}
	if full {
		n := 0
		for _, tr := range traces {
			n = max(n, len(tr))
		}
		out.rounds = make([]float64, n)
		for t := range n {
			// out.sw is the same sum of the same weights: the last round
			// is out.swx/out.sw to the bit
			swx := 0.0
			for m, tr := range traces {
				swx += weights[m] * tr[max(0, t-(n-len(tr)))]
			}
			out.rounds[t] = swx / out.sw
		}
	}
	return out
}

// traced runs m on the one issue of p with its trace: its forecast, its
// forecast after each round (the forecast alone, for a model without
// rounds), its notes (why it stopped, whether it had come to rest) and,
// for an smp run that stopped by KTAB's rule, its steps (smp.Detail's
// Rested; 0 otherwise), which the notes then end by saying.
func traced(ctx context.Context, m model.Model, p *model.Problem, o model.Options) (float64, []float64, []model.Note, int, error) {
	r, err := model.Run(ctx, m, p, o)
	if err != nil {
		return 0, nil, nil, 0, err
	}
	var x [1]float64
	if err := model.ResultForecasts(p, r, x[:]); err != nil {
		return 0, nil, nil, 0, fmt.Errorf("%s: %w", m.Name(), err)
	}
	rested := 0
	if d, ok := r.Detail.(*smp.Detail); ok && len(r.Notes) > 0 {
		if steps, ok := d.Rested(); ok {
			rested = steps
		}
	}
	rounds := x[:]
	if rs := r.Issues[0].Rounds; len(rs) > 1 {
		rounds = make([]float64, len(rs))
		for t, rd := range rs {
			rounds[t] = rd.Forecast
		}
	}
	return x[0], rounds, r.Notes, rested, nil
}

// OneIssue returns the Problem of issue k of p alone: the actors present
// on it and their one stance each. Members see only these actors, so an
// actor absent from the issue cannot move their forecast. Attributes and
// anchors are shared with p.
func OneIssue(p *model.Problem, k int) *model.Problem {
	return new(issueProblem).of(p, k)
}

// issueProblem is the memory of one issue's Problem, reused from issue to
// issue: a sweep of the ensemble builds one for every issue of every draw.
type issueProblem struct {
	q   model.Problem
	sts []model.Stance // the stances' table: actor l's row is sts[l : l+1]
}

// of returns OneIssue(p, k), written into b's memory: b's last problem is
// gone.
func (b *issueProblem) of(p *model.Problem, k int) *model.Problem {
	n := 0
	for i := range p.Actors {
		if p.Stances[i][k].Present {
			n++
		}
	}
	q := &b.q
	b.sts = slices.Grow(b.sts[:0], n)[:n]
	*q = model.Problem{
		Issues:  append(q.Issues[:0], p.Issues[k]),
		Actors:  slices.Grow(q.Actors[:0], n),
		Stances: slices.Grow(q.Stances[:0], n),
	}
	for i, a := range p.Actors {
		if st := p.Stances[i][k]; st.Present {
			l := len(q.Actors)
			b.sts[l] = st
			q.Actors = append(q.Actors, a)
			q.Stances = append(q.Stances, b.sts[l:l+1:l+1])
		}
	}
	return q
}

// Fit returns the weight w ∈ [0, 1] of the second forecaster that
// minimises Σᵢ |yᵢ − ((1−w)aᵢ + w bᵢ)|, by eq. (3): the |bᵢ − aᵢ|-weighted
// (lower) median of (yᵢ − aᵢ)/(bᵢ − aᵢ), clipped to [0, 1]. Cases where the
// two forecasts agree do not depend on w and are left out; if they all
// agree, Fit returns 0.
func Fit(a, b, y []float64) float64 {
	type pt struct{ r, w float64 }
	var pts []pt
	total := 0.0
	for i := range a {
		d := b[i] - a[i]
		if d == 0 {
			continue
		}
		pts = append(pts, pt{(y[i] - a[i]) / d, math.Abs(d)})
		total += math.Abs(d)
	}
	if len(pts) == 0 {
		return 0
	}
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].r < pts[j].r })
	cum := 0.0
	for _, q := range pts {
		cum += q.w
		if cum >= total/2 {
			return math.Min(1, math.Max(0, q.r))
		}
	}
	return math.Min(1, math.Max(0, pts[len(pts)-1].r))
}
