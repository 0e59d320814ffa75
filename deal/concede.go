package deal

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"parley/model"
	"parley/scenario"
)

// Concession says what would open an empty zone, two ways.
type Concession struct {
	// LowerAlternatives keeps every red line (bending only those that
	// contradict each other or a fixed issue, by the least capability-
	// weighted amount) and finds the package that needs the smallest
	// capability-weighted total of utility given up below the actors'
	// alternatives (equation 7).
	LowerAlternatives *ConcessionPlan `json:"lower_alternatives,omitempty"`
	// BendRedLines keeps every alternative and finds the package that
	// needs the smallest capability-weighted total of red-line bending
	// (equation 8); nil when no package gives every required actor its
	// alternative even with every red line dropped.
	BendRedLines *ConcessionPlan `json:"bend_red_lines,omitempty"`
	// Contradictions lists the issues whose required actors' red lines
	// leave no value, each with every way out (sides.go); omitted when
	// none do.
	Contradictions []Contradiction `json:"contradictions,omitempty"`
	Notes          []string        `json:"notes,omitempty"`
}

// ConcessionPlan is one set of concessions and the package it opens.
type ConcessionPlan struct {
	Package Package `json:"package"`
	// Bends lists the red lines that must move.
	Bends []Bend `json:"bends,omitempty"`
	// Shortfalls lists the actors that must accept less than their
	// alternative, and the moves on the issues that would make up for it.
	Shortfalls []Shortfall `json:"shortfalls,omitempty"`
	// Cost is the capability-weighted total minimised: utility (equation 7)
	// or percent of the scales (equation 8).
	Cost float64 `json:"cost"`
	// UtilityCost and ScaleCost are the plan's concessions in both units,
	// so that the two plans compare: the capability-weighted utility the
	// required actors give up (below their alternatives, and crossing red
	// lines: Bend.UtilityLost), and the capability-weighted crossing of
	// red lines in percent of the issues' scales (equation 9). One of
	// them is Cost.
	UtilityCost float64 `json:"utility_cost"`
	ScaleCost   float64 `json:"scale_cost"`
	// Gap is the certificate: the cost is at most this far above the
	// minimum (0 when no solve was needed).
	Gap float64 `json:"gap"`
	// HeadText says what the plan does (ask.PlanHead), CostText its cost
	// in both units (ask.PlanCostsLine), and SameCrossingText, on plan 2
	// only, that it crosses plan 1's red lines to the same edges
	// (ask.SameCrossingText): every door prints it in place of the
	// bends. NoConcessionText, on a plan that crosses no red line and
	// lowers no alternative, says so (ask.NoConcessionText), where its
	// bends and shortfalls would be. Package ask writes them, in the
	// scenario's names, for every door to print; package deal leaves
	// them empty.
	HeadText         string `json:"head_text,omitempty"`
	CostText         string `json:"cost_text,omitempty"`
	SameCrossingText string `json:"same_crossing_text,omitempty"`
	NoConcessionText string `json:"no_concession_text,omitempty"`
}

// Bend is a red line that must move.
type Bend struct {
	Actor   string `json:"actor"`
	Issue   string `json:"issue"`
	RedLine string `json:"red_line"`
	// To is the red line after the bend; By how far it moves (issue
	// units): never less than the issue's scale shows (scenario.ShownStep)
	// unless the plan needs it, since a smaller crossing is met (meet).
	To string  `json:"to"`
	By float64 `json:"by"`
	// Strict marks a bend of a strict bound onto its own value (By 0):
	// the actor must accept the very value it excluded.
	Strict bool `json:"strict,omitempty"`
	// From is the value the crossing is costed from: the red line's own
	// edge, or for a strict red line the last labelled option it allows
	// (see crossing.go). A crossing always costs something: UtilityLost
	// is the actor's utility for the package's value on the issue below
	// its utility for From (equation 1, that issue's term), and Options
	// the labelled options it had excluded and now accepts ("65: Ukraine
	// withdraws …").
	From        float64  `json:"from"`
	UtilityLost float64  `json:"utility_lost"`
	Options     []string `json:"options,omitempty"`
	// Text is the bend in words, in the scenario's names and the issue's
	// decimals (ask.BendLine), as every door prints it; package ask
	// writes it, package deal leaves it empty.
	Text string `json:"text,omitempty"`
}

// round9 rounds to nine significant digits, so that a bend computed to
// within 1e-9 prints as the value it stands for.
func round9(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 9, 64), 64)
	return r
}

// Shortfall is an actor that must accept a package worth less to it than
// its alternative.
type Shortfall struct {
	Actor       string  `json:"actor"`
	Utility     float64 `json:"utility"`
	Alternative float64 `json:"alternative"`
	// By is Alternative − Utility.
	By float64 `json:"by"`
	// Moves are the same concession stated as position changes: moving
	// its positions this far towards the package, on its least salient
	// issues first, would make the package worth its alternative.
	Moves []Move `json:"moves,omitempty"`
	// Text is the shortfall in words with its moves (ask.ShortfallLine),
	// as every door prints it; package ask writes it, package deal
	// leaves it empty.
	Text string `json:"text,omitempty"`
}

// Move is an actor's position moving on one issue.
type Move struct {
	Issue string  `json:"issue"`
	From  float64 `json:"from"`
	To    float64 `json:"to"`
	By    float64 `json:"by"`
}

// bound is one side of one required actor's red line.
type bound struct {
	j     int // index into req
	k     int // issue
	upper bool
	v     float64 // normalised
	open  bool
	r     scenario.RedLine
	// a is the point (normalised) a crossing is costed from (crossing.go).
	a float64
	// noise is the issue's floating-point noise (scenario.ScaleNoise),
	// normalised: a value this near v reads as on it (Crosses).
	noise float64
}

// viol is how far (normalised) x lies outside the bound.
func (b bound) viol(x float64) float64 {
	if b.upper {
		return math.Max(0, x-b.v)
	}
	return math.Max(0, b.v-x)
}

func (s *searcher) bounds() []bound {
	var out []bound
	for j, i := range s.req {
		rl := s.in.redLines(i)
		ks := make([]int, 0, len(rl))
		for k := range rl {
			ks = append(ks, k)
		}
		sort.Ints(ks)
		for _, k := range ks {
			r := rl[k]
			if !math.IsInf(r.Lo, -1) {
				b := bound{j: j, k: k, v: s.sp.norm(k, r.Lo), open: r.LoOpen, r: r, noise: s.sp.noise(k)}
				b.a = s.sp.costedFrom(b)
				out = append(out, b)
			}
			if !math.IsInf(r.Hi, 1) {
				b := bound{j: j, k: k, upper: true, v: s.sp.norm(k, r.Hi), open: r.HiOpen, r: r, noise: s.sp.noise(k)}
				b.a = s.sp.costedFrom(b)
				out = append(out, b)
			}
		}
	}
	return out
}

// concede computes both concession plans.
func (s *searcher) concede() *Concession {
	c := &Concession{}
	c.LowerAlternatives = s.lowerAlternatives()
	c.BendRedLines = s.bendRedLines(c)
	c.Contradictions = s.contradictions(c)
	return c
}

// cw returns the capability share of req[j] among the required actors.
func (s *searcher) cw(j int) float64 {
	total := 0.0
	for _, i := range s.req {
		total += s.sp.p.Actors[i].Capability
	}
	return s.sp.p.Actors[s.req[j]].Capability / total
}

// lowerAlternatives: stage A per issue, the least capability-weighted
// bending of contradicting red lines (a one-dimensional convex piecewise-
// linear problem, solved exactly at its breakpoints); stage B, the convex
// program min Σ c_i δ_i s.t. U_i + δ_i ≥ d_i over the boxes stage A left.
func (s *searcher) lowerAlternatives() *ConcessionPlan {
	sp, p := s.sp, s.sp.p
	K := len(p.Issues)
	bs := s.bounds()
	lo, hi := make([]float64, K), make([]float64, K)
	loOpen, hiOpen := make([]bool, K), make([]bool, K)
	for k := 0; k < K; k++ {
		if _, ok := s.fixed[k]; ok {
			continue
		}
		mine, cost, cands := s.stageA(bs, k)
		best := math.Inf(1)
		for _, x := range cands {
			best = math.Min(best, cost(x))
		}
		lo[k], hi[k] = 1, 0
		for _, x := range cands {
			if cost(x) <= best+1e-12 {
				lo[k], hi[k] = math.Min(lo[k], x), math.Max(hi[k], x)
			}
		}
		if best == 0 {
			// No conflict: the red lines themselves are the box, with their
			// strictness (the candidates above need not reach a strict edge).
			lo[k], hi[k] = 0, 1
			for _, b := range mine {
				if !b.upper && (b.v > lo[k] || (b.v == lo[k] && b.open)) {
					lo[k], loOpen[k] = b.v, b.open
				}
				if b.upper && (b.v < hi[k] || (b.v == hi[k] && b.open)) {
					hi[k], hiOpen[k] = b.v, b.open
				}
			}
		}
	}
	fr := newFrame(sp, s.req, s.fixed, lo, hi, loOpen, hiOpen)
	nf := len(fr.free)
	b := fr.build(len(fr.req))
	deltaOf := map[int]int{} // program actor → y index of its δ
	for i, j := range b.members {
		dj := nf + i
		b.actors[i].gamma = []entry{{dj, 1}}
		b.l[dj] = fr.cw[j]
		b.bound(dj, 0, 3)
		deltaOf[i] = dj
	}
	// Unused δ slots (constant actors) are pinned by bounds.
	for d := nf + len(b.members); d < b.D; d++ {
		b.bound(d, 0, 1)
	}
	short := func(y []float64) []float64 {
		out := make([]float64, len(b.actors))
		for i := range b.actors {
			a := b.actors[i]
			a.gamma = nil
			out[i] = math.Max(0, -b.exactC(&a, y))
		}
		return out
	}
	cost := func(y []float64) float64 {
		c := 0.0
		for i, d := range short(y) {
			c += fr.cw[b.members[i]] * d
		}
		return c
	}
	plan := &ConcessionPlan{}
	y := fr.center()
	if len(b.actors) > 0 && nf > 0 {
		y0 := make([]float64, b.D)
		copy(y0, y)
		d0 := short(y)
		for i := range b.actors {
			y0[deltaOf[i]] = d0[i] + 0.5
		}
		for d := nf + len(b.members); d < b.D; d++ {
			y0[d] = 0.5
		}
		sol := b.solve(b.start(y0), s.o.tol(), nil)
		s.count(sol)
		y = fr.snap(nil, sol.pt.y[:nf], func([]float64) bool { return true }, cost)
		y = s.meet(fr, y, bs)
		plan.Gap = math.Max(0, cost(y)-sol.lb)
		s.gap(plan.Gap)
	}
	plan.Cost = cost(y)
	for _, c := range b.consts {
		plan.Cost += fr.cw[c.j] * math.Max(0, -c.a)
	}
	q := fr.full(y)
	plan.Package = *s.pkg("opened by lowering alternatives", fr, y)
	plan.Bends = s.bendsAt(bs, q)
	plan.Shortfalls = s.shortfalls(q)
	// A red line crossed is utility given up too (crossing.go).
	for _, bd := range plan.Bends {
		plan.Cost += s.cwOf(bd.Actor) * bd.UtilityLost
	}
	plan.UtilityCost, plan.ScaleCost = plan.Cost, s.scaleCost(bs, q)
	return plan
}

// bendRedLines solves min Σ c_i·bend s.t. U_i ≥ d_i for every required
// actor, with the red lines' sides as soft constraints q_k − ℓ + r ≥ 0.
func (s *searcher) bendRedLines(c *Concession) *ConcessionPlan {
	sp, p := s.sp, s.sp.p
	K := len(p.Issues)
	lo, hi := make([]float64, K), make([]float64, K)
	for k := range hi {
		hi[k] = 1
	}
	fr := newFrame(sp, s.req, s.fixed, lo, hi, nil, nil)
	_, _, y, margin, _ := s.maximin(fr)
	if margin < -zoneTol {
		c.Notes = append(c.Notes, fmt.Sprintf("bending red lines alone cannot open the zone: even with none, the largest smallest gain is %.4g", margin))
		return nil
	}
	bs := s.bounds()
	nf := len(fr.free)
	free := map[int]int{}
	for j, k := range fr.free {
		free[k] = j
	}
	var soft []bound
	fr.edges = make([][]float64, nf)
	for _, bd := range bs {
		if j, ok := free[bd.k]; ok {
			soft = append(soft, bd)
			if !bd.open {
				fr.edges[j] = append(fr.edges[j], bd.v)
			}
		}
	}
	b := fr.build(len(soft))
	for r, bd := range soft {
		j, rj := free[bd.k], nf+r
		if bd.upper {
			b.gens = append(b.gens, ipGen{g: []entry{{j, -1}, {rj, 1}}, h: bd.v})
		} else {
			b.gens = append(b.gens, ipGen{g: []entry{{j, 1}, {rj, 1}}, h: -bd.v})
		}
		b.bound(rj, 0, 2)
		b.l[rj] = s.cw(bd.j)
	}
	cost := func(y []float64) float64 {
		c := 0.0
		for _, bd := range soft {
			c += s.cw(bd.j) * bd.viol(y[free[bd.k]])
		}
		return c
	}
	plan := &ConcessionPlan{}
	if len(soft) > 0 && margin > zoneTol && len(b.actors) > 0 {
		y0 := make([]float64, b.D)
		copy(y0, y)
		for r, bd := range soft {
			y0[nf+r] = bd.viol(y[free[bd.k]]) + 0.5
		}
		sol := b.solve(b.start(y0), s.o.tol(), nil)
		s.count(sol)
		y = fr.snap(b, sol.pt.y[:nf], func(y []float64) bool { return feasible(b, y) }, cost)
		y = s.meet(fr, y, bs)
		plan.Gap = math.Max(0, cost(y)-sol.lb)
		s.gap(plan.Gap)
	} else {
		if margin <= zoneTol {
			c.Notes = append(c.Notes, "with every red line dropped the zone is a single package; it is the one reported")
		}
		y = s.meet(fr, y, bs)
	}
	plan.Gap *= 100
	q := fr.full(y)
	// The cost reported counts each crossing from where it is costed
	// (crossing.go): a strict red line met on its edge (where the solve
	// above, treating it as closed, puts no cost) costs the step from the
	// last option it allows.
	plan.Cost = s.scaleCost(bs, q)
	plan.Package = *s.pkg("opened by bending red lines", fr, y)
	plan.Bends = s.bendsAt(bs, q)
	plan.ScaleCost = plan.Cost
	for _, bd := range plan.Bends {
		plan.UtilityCost += s.cwOf(bd.Actor) * bd.UtilityLost
	}
	return plan
}

// meet puts a free issue's value that crosses a closed red line by less
// than the issue's scale shows (scenario.ShownStep: 0.05 on 0–100,
// 0.005 on 0–1) onto the red line's edge: such a crossing reads as 0 at
// the scale's decimals ("(0.0 points)", utility given up 0.000), and is
// the barrier solve's noise (it stays strictly inside what it must meet,
// ~1e-8 of the scale) or a difference finer than the inputs are coded
// to, not a concession anyone would be asked for. The move is kept only
// when it crosses no other red line further and leaves no required actor
// more than the solver's certificate (shortfallTol) further below its
// alternative than it was; a crossing the plan needs stays a bend, its
// size written with the digits that show it. Strict red lines are left
// alone: a value on a strict line's edge is already reported as the
// actor accepting the very value it excluded (Bend.Strict).
func (s *searcher) meet(fr *frame, y []float64, bs []bound) []float64 {
	sp := s.sp
	y = append([]float64(nil), y...)
	gains := func(q []float64) []float64 {
		out := make([]float64, len(s.req))
		for j, i := range s.req {
			out[j] = sp.utility(i, q) - sp.alt[i]
		}
		return out
	}
	for j, k := range fr.free {
		is := sp.p.Issues[k]
		step := scenario.ShownStep(is.Max-is.Min) / (is.Max - is.Min)
		for _, bd := range bs {
			if bd.k != k || bd.open {
				continue
			}
			if v := bd.viol(y[j]); v == 0 || v >= step {
				continue
			}
			crossed := func(x float64) float64 {
				c := 0.0
				for _, o := range bs {
					if o.k == k {
						c += o.cross(x)
					}
				}
				return c
			}
			before := gains(fr.full(y))
			old := y[j]
			y[j] = bd.v
			ok := crossed(y[j]) <= crossed(old)
			for m, g := range gains(fr.full(y)) {
				ok = ok && g >= math.Min(before[m], 0)-shortfallTol
			}
			if !ok {
				y[j] = old
			}
		}
	}
	return y
}

// bendsAt lists the red-line sides the normalised package q crosses.
func (s *searcher) bendsAt(bs []bound, q []float64) []Bend {
	sp, p := s.sp, s.sp.p
	var out []Bend
	for _, bd := range bs {
		x := round9(sp.denorm(bd.k, q[bd.k]))
		v := bd.viol(q[bd.k])
		strict := bd.open && sp.denorm(bd.k, bd.v) == x
		if v <= 1e-12 && !strict {
			continue
		}
		to := bd.r
		is := p.Issues[bd.k]
		if edge := bendEdge(x, is.Max-is.Min); bd.upper {
			to.Hi, to.HiOpen = edge, false
		} else {
			to.Lo, to.LoOpen = edge, false
		}
		i := s.req[bd.j]
		from := sp.denorm(bd.k, bd.a)
		out = append(out, Bend{Actor: p.Actors[i].ID, Issue: p.Issues[bd.k].ID, RedLine: bd.r.String(), To: to.String(), By: math.Abs(x - sp.denorm(bd.k, bd.v)), Strict: strict,
			From: round9(from), UtilityLost: sp.issueLoss(i, bd.k, q[bd.k], bd.a), Options: sp.optionsCrossed(bd, q[bd.k])})
	}
	return out
}

// bendEdge is where a bent red line ends: the package's value x, snapped
// to the nearest millionth of the scale's width where it lies within a
// hundredth of that step of it (the solver's noise, below what the solve
// certifies: shortfallTol), so that the noise is not written as the
// edge: a package 2e-8 from 0 on -10–10 bent "== -5" to "[-5,
// -2.10448476e-08]", where it is "[-5, 0]". round9 alone keeps such
// noise near 0, where nine significant digits are all noise. Farther
// from a step, the edge is x to nine digits, as the package reads: on a
// wide scale a step is more than the package's own digits (250 on
// 0–2.5e8), and snapping to the nearest bent "<= 1e+08" to
// "<= 1.2345675e+08" for a package at 123456789, which the bent line
// then excludes, and "bent" a red line "<= 123456789" that the solver
// crossed by 0.085 to the stricter 123456750.
func bendEdge(x, width float64) float64 {
	q := width * 1e-6
	e := math.Round(x/q) * q
	if math.Abs(x-e) > q/100 {
		e = x
	}
	e = round9(e)
	if e == 0 {
		return 0 // not -0
	}
	return e
}

// shortfallTol is the smallest shortfall reported: below it a shortfall is
// within the solver's certificate (~1e-6) of none.
const shortfallTol = 1e-6

// shows reports whether a move of by on issue is one a reader can see:
// at least the step its scale shows (scenario.ShownStep, half a unit in
// its last decimal). A smaller one would read "70.0 → 70.0", a move of
// nothing, so a shortfall leaves it out of its moves (its By still
// counts it).
func shows(is model.Issue, by float64) bool { return by >= scenario.ShownStep(is.Max-is.Min) }

// shortfalls lists the required actors below their alternative at the
// normalised package q, each with the position moves that make it up.
func (s *searcher) shortfalls(q []float64) []Shortfall {
	sp, p := s.sp, s.sp.p
	var out []Shortfall
	for _, i := range s.req {
		u := sp.utility(i, q)
		need := sp.alt[i] - u
		if need <= shortfallTol {
			continue
		}
		sf := Shortfall{Actor: p.Actors[i].ID, Utility: u, Alternative: sp.alt[i], By: need}
		ks := []int{}
		for k := range p.Issues {
			if sp.w[i][k] > 0 && q[k] != sp.x[i][k] {
				ks = append(ks, k)
			}
		}
		sort.SliceStable(ks, func(a, b int) bool { return sp.w[i][ks[a]] < sp.w[i][ks[b]] })
		for _, k := range ks {
			if need <= 1e-12 {
				break
			}
			w, dist := sp.w[i][k], math.Abs(q[k]-sp.x[i][k])
			full := w * math.Pow(dist, sp.rho)
			m := dist
			if full > need {
				m = dist - math.Pow(math.Pow(dist, sp.rho)-need/w, 1/sp.rho)
				need = 0
			} else {
				need -= full
			}
			dir := 1.0
			if q[k] < sp.x[i][k] {
				dir = -1
			}
			from := sp.denorm(k, sp.x[i][k])
			to := sp.denorm(k, sp.x[i][k]+dir*m)
			if by := math.Abs(to - from); shows(p.Issues[k], by) {
				sf.Moves = append(sf.Moves, Move{Issue: p.Issues[k].ID, From: from, To: to, By: by})
			}
		}
		out = append(out, sf)
	}
	return out
}
