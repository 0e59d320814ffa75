package deal

import (
	"context"
	"math"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"parley/errs"
	"parley/mcerr"
	"parley/parallel"
	"parley/sweep"
)

// Robustness: how a deal fares over the uncertainty the scenario states.
// Each draw d sets every ranged capability, position and salience by
// package sweep's sampler (stream PCG(seed, d), triangular or uniform),
// and recomputes each actor's utility and alternative (equations 1 and
// 3; red lines and reservations are stated without ranges and stay). Over
// N draws it estimates
//
//	P(i accepts p) = #{d : U_i^d(p) ≥ d_i^d and p crosses none of i's red lines} / N
//	P(zone)        = #{d : the zone of draw d is not empty (margin (5) ≥ 0,
//	                     under rules in some coalition's zone)} / N
//
// and, when some issue the search leaves free is discrete (it takes only
// its options), P(zone) counts instead the draws whose zone holds a
// package at the options that is accepted: the search's own check
// (AtOptions) run on the draw, where "not known" (more than
// MaxRestateCombinations combinations to check) counts as none and
// Robust.ZoneUnknown says in how many draws (docs/DECISIONS.md,
// "robust28");
//
//	P(accepted)    = #{d : p passes decide, as deal evaluate judges} / N
//
// where decide is: every required actor accepts p; under a decision rule
// on every issue, p passes every rule; with rules on only some issues, p
// passes those and every required actor accepts it (an actor accepts the
// package, not an issue) — Robust.Acceptance says which, in words.
//
// and, for a search, the package that maximises P(accepted) among the
// candidates: the Nash and balanced packages at the
// stated values and the balanced package of each draw whose zone is open
// (the first MaxCandidates, in draw order; ties go to the first). Each
// estimate, k of N draws, comes with its Wilson score interval at 95%
// (mcerr.Wilson), which unlike P ± √(P(1 − P)/N) does not shrink to
// nothing at P = 0 or 1: 0 of 500 draws is [0, 0.0076]. Draws are computed in
// parallel but stored by index, so the result is the same for any number
// of workers, and a run of N draws is the first N of a longer one.

// MaxCandidates bounds the packages a robust search scores against every
// draw (work N × MaxCandidates evaluations).
const MaxCandidates = 200

// RobustOptions set a robust analysis.
type RobustOptions struct {
	// Draws is the number of draws (must be > 0).
	Draws int
	// Seed selects the draws' random streams.
	Seed uint64
	// Uniform draws each range uniformly instead of triangularly.
	Uniform bool
	// Workers is the number of goroutines (0: GOMAXPROCS); it never
	// changes the result.
	Workers int
}

// Robust is a robust analysis's result.
type Robust struct {
	Draws        int    `json:"draws"`
	Seed         uint64 `json:"seed"`
	Distribution string `json:"distribution"`
	// Inputs is how many ranged inputs were drawn (0: nothing varies).
	Inputs int `json:"inputs"`
	// Actors gives P(actor accepts) for the package evaluated (evaluate)
	// or for Best (search).
	Actors []RobustActor `json:"actors,omitempty"`
	// Accepted is P(the same package is accepted), by the one test of
	// evaluate and search (decide), which Acceptance states in words:
	// every required actor accepts it; under decision rules on every
	// issue, it passes them; with rules on only some issues, it passes
	// those and every required actor accepts it.
	Accepted float64 `json:"p_accepted"`
	// AcceptedInterval is Accepted's interval (Interval); [0, 0] when
	// Accepted is not estimated (a search without a candidate).
	AcceptedInterval [2]float64 `json:"p_accepted_interval"`
	// Interval names the interval every probability here is given with
	// (mcerr.Method: Wilson's score interval at 95%, of k in Draws).
	Interval string `json:"interval"`
	// Acceptance says what Accepted counts (rule.go: acceptance).
	Acceptance string `json:"acceptance"`
	// Zone is P(a zone of agreement exists) (search only); with
	// ZoneAtOptions, P(a package at the options is accepted).
	Zone *float64 `json:"p_zone,omitempty"`
	// ZoneInterval is Zone's interval (search only).
	ZoneInterval *[2]float64 `json:"p_zone_interval,omitempty"`
	// ZoneAtOptions is true when some issue the search leaves free is
	// discrete: Zone then counts the draws whose zone holds a package at
	// the options that is accepted (the search's check, AtOptions), not
	// those whose zone is open between them, which OpenDraws counts.
	// ZoneUnknown counts the draws whose check could not tell (more
	// than MaxRestateCombinations combinations), counted as none.
	ZoneAtOptions bool `json:"zone_at_options,omitempty"`
	OpenDraws     *int `json:"open_draws,omitempty"`
	ZoneUnknown   int  `json:"zone_unknown,omitempty"`
	// Best is the candidate package with the highest P(accepted)
	// (search only; nil when no candidate exists: no draw
	// and no stated value opened the zone). Each candidate is restated
	// at the options of its discrete issues (Restated) before it is
	// scored, as the search restates its own packages.
	Best *Package `json:"best,omitempty"`
	// Candidates is how many packages were scored.
	Candidates int `json:"candidates,omitempty"`
	// IntervalLegend says what the probabilities' parentheses hold,
	// AcceptedText and ZoneText are Accepted and Zone with their
	// intervals (AcceptedText only where Accepted is estimated), each in
	// the words every door writes them in (ask.IntervalLegend,
	// ask.ProbabilityText). Left empty by package deal and written by
	// ask; omitted in an answer stored before the answers carried their
	// words.
	IntervalLegend string `json:"interval_legend,omitempty"`
	AcceptedText   string `json:"p_accepted_text,omitempty"`
	ZoneText       string `json:"p_zone_text,omitempty"`
	// HeadText, ZoneLineText, AcceptanceText and AcceptedLineText are the
	// analysis's lines as every door prints them (ask.RobustHead,
	// RobustZoneLine, RobustAcceptance, RobustAcceptedLine): what was
	// drawn, P(a zone exists) (search only), what "accepted" means and
	// how often the package is accepted, or that no draw opened the
	// zone. Written by ask like the texts above; omitted in an answer
	// stored before the answers carried them.
	HeadText         string `json:"head_text,omitempty"`
	ZoneLineText     string `json:"zone_line_text,omitempty"`
	AcceptanceText   string `json:"acceptance_text,omitempty"`
	AcceptedLineText string `json:"accepted_line_text,omitempty"`
}

// RobustActor is one actor's acceptance probability.
type RobustActor struct {
	Actor    string  `json:"actor"`
	Required bool    `json:"required"`
	Accepts  float64 `json:"p_accepts"`
	// AcceptsInterval is Accepts's interval (Robust's Interval).
	AcceptsInterval [2]float64 `json:"p_accepts_interval"`
	// AcceptsText is Accepts with its interval in ask's words
	// (ask.ProbabilityText), written by ask like Robust's texts.
	AcceptsText string `json:"p_accepts_text,omitempty"`
	// RequiredText says Required in words every door marks the actor
	// with ("required", "not required": ask.RequiredText), written by
	// ask; omitted in an answer stored before it was carried.
	RequiredText string `json:"required_text,omitempty"`
}

// solvedZone is one coalition's maximin (5) in a draw (quickZone):
// its searcher, and, unless its red lines conflict (conflict), its frame
// and what maximin returned there, from which drawAtOptions goes on.
type solvedZone struct {
	s             *searcher
	conflict      string
	fr            *frame
	b             *built
	y, raw        []float64
	margin, bound float64
}

// drawn is one draw's normalised view.
type drawn struct {
	sp   *space
	open bool
	// cand is the draw's candidate (issue units), when open: its
	// balanced package, or, when the check at the options found a
	// package at the options that is accepted (atWitness), that one.
	cand      []float64
	atWitness bool
	// at is the check at the options (AtOptions) of an open draw, when
	// some free issue is discrete.
	at    atVerdict
	valid bool
}

// atVerdict is a draw's check at the options: not run (no free
// discrete issue, or the zone closed), some package at the options
// accepted, none, or not known.
type atVerdict int8

const (
	atNotRun atVerdict = iota
	atYes
	atNo
	atUnknown
)

// draws computes the space (and, with zone, the zone's balanced package)
// of every draw, in parallel, stored by index.
//
// With check (zone, and some free issue discrete: freeDiscrete), each
// open draw is also checked at the options (drawAtOptions).
func draws(ctx context.Context, in *Input, o Options, ro RobustOptions, zone, check bool) ([]drawn, int, error) {
	if ro.Draws <= 0 {
		return nil, 0, errs.New(errs.Argument, "robust analysis: %d draws; valid: a number > 0", ro.Draws)
	}
	if _, err := newSpace(in, o.rho()); err != nil {
		return nil, 0, err
	}
	p := in.Problem
	inputs := sweep.Inputs(p)
	workers := ro.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, ro.Draws) // a worker without a draw only waits
	out := make([]drawn, ro.Draws)
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	parallel.Run(workers, func(int) {
		for {
			d := int(next.Add(1) - 1)
			if d >= ro.Draws || ctx.Err() != nil {
				return
			}
			q := p.Clone()
			sweep.Sample(q, p, inputs, ro.Seed, uint64(d), ro.Uniform)
			din := *in
			din.Problem = q
			sp, err := newSpace(&din, o.rho())
			var zs []solvedZone
			if err == nil && zone {
				out[d].open, out[d].cand, zs, err = quickZone(ctx, &din, sp, o)
			}
			if err == nil && check && out[d].open {
				err = drawAtOptions(ctx, &din, sp, o, zs, &out[d])
			}
			if err != nil {
				once.Do(func() { firstErr = err })
				return
			}
			out[d].sp, out[d].valid = sp, true
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	if firstErr != nil {
		return nil, 0, firstErr
	}
	return out, len(inputs), nil
}

// quickZone solves only the margin (5) of one draw: whether its zone is
// open and, if so, its balanced package. Under decision rules it is the
// largest margin of the decision's coalitions (coalition.go) and the
// balanced package of the coalition that attains it.
//
// It returns each coalition's solve too (solvedZone), which the check
// at the options (drawAtOptions) goes on from rather than solve again.
func quickZone(ctx context.Context, in *Input, sp *space, o Options) (bool, []float64, []solvedZone, error) {
	req, err := o.required(in.Problem)
	if err != nil {
		return false, nil, nil, err
	}
	fixU, err := o.fixed(in.Problem)
	if err != nil {
		return false, nil, nil, err
	}
	dec, err := newDecision(in, req)
	if err != nil {
		return false, nil, nil, err
	}
	fixed := map[int]float64{}
	for k, x := range fixU {
		fixed[k] = sp.norm(k, x)
	}
	best, open := math.Inf(-1), false
	var cand []float64
	var zs []solvedZone
	for _, c := range dec.coalitions {
		s := &searcher{ctx: ctx, in: in, sp: sp, o: o, req: c, fixed: fixed, res: &Result{}}
		fr, conflict := s.redLineFrame()
		if conflict != "" {
			zs = append(zs, solvedZone{s: s, conflict: conflict})
			continue
		}
		b, y, raw, margin, bound := s.maximin(fr)
		zs = append(zs, solvedZone{s: s, fr: fr, b: b, y: y, raw: raw, margin: margin, bound: bound})
		if margin >= -zoneTol && margin > best {
			best, open, cand = margin, true, sp.denormAll(fr.full(y))
		}
	}
	return open, cand, zs, nil
}

// drawAtOptions checks whether the open zone of a draw (d, whose
// candidate is the draw's balanced package) holds a package at the
// options that is accepted, by the search's own check (merge.atOptions)
// on the draw: first, cheaply, the balanced package restated at options
// (restate), which the check tries too, so that when it is accepted no
// more is solved; else the search's coalitions are explored (Nash
// package, ranges, each restated, from the margin's solve the draw made,
// zs) and the check run on them. The
// package the check finds becomes the draw's candidate: a package a
// party can table, accepted in this draw (the balanced package, which
// the scoring restates at the stated values, may lose a yes there that
// the draw's restatement keeps).
func drawAtOptions(ctx context.Context, in *Input, sp *space, o Options, zs []solvedZone, d *drawn) error {
	req, err := o.required(in.Problem)
	if err != nil {
		return err
	}
	pk := Package{Values: append([]float64(nil), d.cand...)}
	sp.restate(&pk, req, len(in.Rules) > 0)
	if sp.judge(pk.Values, req).Accepted {
		d.at, d.cand, d.atWitness = atYes, pk.Values, true
		return nil
	}
	fixU, err := o.fixed(in.Problem)
	if err != nil {
		return err
	}
	res := &Result{Fixed: fixedByID(in.Problem, fixU)}
	// each coalition explored as the search explores it (explore), from
	// quickZone's maximin
	var pieces []*searcher
	for _, z := range zs {
		s := z.s
		switch {
		case len(s.req) == 0:
			s.res = &Result{}
			s.everyone()
		case z.conflict != "":
			s.closedBy(z.conflict)
		default:
			s.zoneFrom(z.fr, z.b, z.y, z.raw, z.margin, z.bound)
		}
		pieces = append(pieces, s)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m := &merge{res: res, sp: sp, in: in, req: req, o: o, pieces: pieces}
	m.zone()
	m.restate()
	m.atOptions()
	switch a := res.AtOptions; {
	case a == nil:
		// the margin said open, the coalitions' searches closed (a
		// margin within zoneTol of 0 read two ways): none is known
		d.at = atNo
	case a.Open:
		d.at, d.cand, d.atWitness = atYes, a.Values, true
	case a.Checked:
		d.at = atNo
	default:
		d.at = atUnknown
	}
	return nil
}

// accepts reports whether actor i accepts the package v (issue units) in
// the draw's space.
func (sp *space) accepts(i int, v []float64) bool {
	if len(crossings(sp.p, sp.in.redLines(i), v)) > 0 {
		return false
	}
	return sp.utility(i, sp.normAll(v))-sp.alt[i] >= -acceptTol
}

// score returns how many draws each actor accepts v in and how many
// accept v: every required actor accepts it or, under decision rules, it
// passes them (decide, as deal evaluate judges).
func score(ds []drawn, in *Input, req []int, v []float64) ([]int, int) {
	n := len(in.Problem.Actors)
	per := make([]int, n)
	all := 0
	acc := make([]bool, n)
	for _, d := range ds {
		for i := 0; i < n; i++ {
			acc[i] = d.sp.accepts(i, v)
			if acc[i] {
				per[i]++
			}
		}
		if ok, _, _ := decide(in, acc, req); ok {
			all++
		}
	}
	return per, all
}

// setActors sets each actor's P(accepts), per[i] of the draws, and
// P(accepted), all of them, with their intervals.
func (r *Robust) setActors(in *Input, req map[int]bool, per []int, all int) {
	for i, a := range in.Problem.Actors {
		r.Actors = append(r.Actors, RobustActor{Actor: a.ID, Required: req[i], Accepts: share(per[i], r.Draws), AcceptsInterval: mcerr.Wilson(per[i], r.Draws)})
	}
	r.Accepted, r.AcceptedInterval = share(all, r.Draws), mcerr.Wilson(all, r.Draws)
}

// share is k of n as a fraction.
func share(k, n int) float64 { return float64(k) / float64(n) }

func newRobust(ro RobustOptions, ds []drawn, inputs int) *Robust {
	r := &Robust{Draws: len(ds), Seed: ro.Seed, Distribution: "triangular", Inputs: inputs, Interval: mcerr.Method}
	if ro.Uniform {
		r.Distribution = "uniform"
	}
	return r
}

func requiredSet(in *Input, o Options) ([]int, map[int]bool, error) {
	idx, err := o.required(in.Problem)
	if err != nil {
		return nil, nil, err
	}
	m := map[int]bool{}
	for _, i := range idx {
		m[i] = true
	}
	return idx, m, nil
}

// RobustEvaluate estimates, over ro.Draws draws of the stated ranges, the
// probability that each actor accepts the package v (issue units) and
// that it is accepted (every required actor, or the decision rules).
func RobustEvaluate(ctx context.Context, in *Input, v []float64, o Options, ro RobustOptions) (*Robust, error) {
	if err := checkPackage(in.Problem, v, "the package"); err != nil {
		return nil, err
	}
	reqIdx, req, err := requiredSet(in, o)
	if err != nil {
		return nil, err
	}
	ds, inputs, err := draws(ctx, in, o, ro, false, false)
	if err != nil {
		return nil, err
	}
	r := newRobust(ro, ds, inputs)
	r.Acceptance = acceptance(in, reqIdx)
	per, all := score(ds, in, reqIdx, v)
	r.setActors(in, req, per, all)
	return r, nil
}

// RobustSearch estimates P(a zone exists) over ro.Draws draws and finds
// the candidate package that maximises P(accepted);
// stated is the search at the stated values (its Nash and balanced
// packages are the first candidates; nil for none).
func RobustSearch(ctx context.Context, in *Input, stated *Result, o Options, ro RobustOptions) (*Robust, error) {
	reqIdx, req, err := requiredSet(in, o)
	if err != nil {
		return nil, err
	}
	fixU, err := o.fixed(in.Problem)
	if err != nil {
		return nil, err
	}
	ks := freeDiscrete(in.Problem, fixedByID(in.Problem, fixU))
	ds, inputs, err := draws(ctx, in, o, ro, true, len(ks) > 0)
	if err != nil {
		return nil, err
	}
	r := newRobust(ro, ds, inputs)
	r.Acceptance = acceptance(in, reqIdx)
	open, nYes, nUnknown := 0, 0, 0
	var cands []Package
	if stated != nil {
		for _, pk := range []*Package{stated.Nash, stated.Balanced} {
			if pk != nil {
				cands = append(cands, *pk)
			}
		}
	}
	for d, dr := range ds {
		if !dr.open {
			continue
		}
		open++
		switch dr.at {
		case atYes:
			nYes++
		case atUnknown:
			nUnknown++
		}
		if len(cands) < MaxCandidates {
			label := "balanced package of draw "
			if dr.atWitness {
				label = "package at the options of draw "
			}
			cands = append(cands, Package{Label: label + strconv.Itoa(d+1), Values: dr.cand})
		}
	}
	zone := open
	if len(ks) > 0 {
		zone = nYes
		r.ZoneAtOptions, r.OpenDraws, r.ZoneUnknown = true, &open, nUnknown
	}
	pz, pzi := share(zone, len(ds)), mcerr.Wilson(zone, len(ds))
	r.Zone, r.ZoneInterval = &pz, &pzi
	r.Candidates = len(cands)
	sp, err := newSpace(in, o.rho())
	if err != nil {
		return nil, err
	}
	best, bestAll := -1, -1
	var bestPer []int
	for c := range cands {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// A draw's balanced package off the options of a discrete issue
		// is no deal a party can table: restated at options as the
		// search restates its own (restate), before it is scored.
		sp.restate(&cands[c], reqIdx, len(in.Rules) > 0)
		per, all := score(ds, in, reqIdx, cands[c].Values)
		if all > bestAll {
			best, bestAll, bestPer = c, all, per
		}
	}
	if best >= 0 {
		pk := cands[best]
		q := sp.normAll(pk.Values)
		pk.Utilities, pk.Gains = nil, nil
		for i := range in.Problem.Actors {
			u := sp.utility(i, q)
			pk.Utilities = append(pk.Utilities, u)
			pk.Gains = append(pk.Gains, u-sp.alt[i])
		}
		pk.Options = Nearest(in.Problem, pk.Values)
		r.Best = &pk
		r.setActors(in, req, bestPer, bestAll)
	}
	return r, nil
}
