package bdm

import (
	"cmp"
	"math"
	"parley/xmath"
	"slices"

	"parley/model"
)

// column is one issue as the model sees it: the present actors' weights
// w = c·s (E1), saliences s, the fixed Δ (A8) and the profile's constants.
type column struct {
	w, s  []float64
	delta float64
	paper bool
	q, t  float64
	ws    *workspace // reused buffers; nil allocates afresh
	// reference runs round even where Forecast would run leanRound
	// (a formulation forced by the tests)
	reference bool
}

// kind is the type of offer a receiver accepts (E14–E16).
type kind int

const (
	none       kind = iota
	conflict        // E14: b > a > 0, i loses a conflict and moves to x_j
	compromise      // E15: b > 0 > a, b > |a|, i moves part way
	capitulate      // E16: b > 0 > a, b < |a|, j compels i (paper only)
)

// internals holds what one round computes, in the actors' column order
// (indices into column.w). The tests read it; Forecast reads r and moves.
type internals struct {
	mu     float64     // E3 at round start
	d0, d1 float64     // E9R denominator D at r≡1 and after the r update (0 in paper)
	p0, p1 pmat        // P_ij (E9 or E9R) at r≡1 and after the r update
	e0     [][]float64 // E(U_ij) at r≡1 (E10)
	s      []float64   // S_i (E11)
	bigR   []float64   // R_i (E12)
	r      []float64   // r_i (E13)
	a, b   [][]float64 // receiver i's (a, b) for each j (§3.5); nil in leanRound
	ca, cb []float64   // leanRound: the (a, b) of the offer each actor took (NaN for none)
	kind   []kind      // the offer each actor took
	with   []int       // the actor whose offer it took (-1 for none)
	next   []float64   // positions after the round
}

// probFunc computes P_ij for every ordered pair from positions x and voter
// exponents r (all 1 for E9), and the E9R denominator D (0 for E9). slot
// (0 or 1) names the workspace buffer the result may live in.
type probFunc func(c *column, x, r []float64, slot int) (p pmat, d float64)

// pmat is P for every ordered pair of actors, stored per pair of distinct
// positions: P_ij = v[grp[i]·m + grp[j]], and its transpose t (P_ji at the
// same index) so that a row's P_ij and P_ji are both read in order. t is
// nil for the replication profile's P̃ at r ≡ 1, whose transpose no one
// reads.
type pmat struct {
	m    int
	grp  []int
	v, t []float64
}

func (p pmat) at(i, j int) float64 { return p.v[p.grp[i]*p.m+p.grp[j]] }

// rows returns actor i's row of P and of its transpose, indexed by group.
// The replication profile's P̃ at r ≡ 1 has no transpose (only its rows
// are read): pji is nil then.
func (p pmat) rows(i int) (pij, pji []float64) {
	g := p.grp[i]
	if p.t == nil {
		return p.v[g*p.m : (g+1)*p.m], nil
	}
	return p.v[g*p.m : (g+1)*p.m], p.t[g*p.m : (g+1)*p.m]
}

// transpose writes the transpose of the m×m matrix src into dst, in
// cache-sized blocks.
func transpose(dst, src []float64, m int) {
	const blk = 32
	for i0 := 0; i0 < m; i0 += blk {
		for j0 := 0; j0 < m; j0 += blk {
			for i := i0; i < min(i0+blk, m); i++ {
				for j := j0; j < min(j0+blk, m); j++ {
					dst[j*m+i] = src[i*m+j]
				}
			}
		}
	}
}

// geometry is the positions sorted and grouped: vals are the distinct
// positions in increasing order, grp[i] is actor i's group, ord lists the
// actors by position (stable), and start[g] is the rank of group g's first
// actor (start[m] = n).
type geometry struct {
	vals  []float64
	grp   []int
	ord   []int
	start []int
}

// group fills g for positions x, reusing g's slices.
func (g *geometry) group(x []float64) {
	n := len(x)
	reorder := n <= 32 && len(g.ord) == n // g.ord: the last grouping's order, a permutation of 0…n−1
	g.grp, g.ord = growInt(&g.grp, n), growInt(&g.ord, n)
	g.vals, g.start = g.vals[:0], g.start[:0]
	if n <= 32 {
		// Insertion sort by (position, index), the order a stable sort
		// gives: the same result from any starting permutation, so it
		// starts from the last round's order, which a round changes
		// little (most actors stay or move onto another's position).
		if !reorder {
			for i := range g.ord {
				g.ord[i] = i
			}
		}
		for t := 1; t < n; t++ {
			i := g.ord[t]
			u := t
			for u > 0 && (x[g.ord[u-1]] > x[i] || x[g.ord[u-1]] == x[i] && g.ord[u-1] > i) {
				g.ord[u] = g.ord[u-1]
				u--
			}
			g.ord[u] = i
		}
	} else {
		for i := range g.ord {
			g.ord[i] = i
		}
		slices.SortStableFunc(g.ord, func(a, b int) int { return cmp.Compare(x[a], x[b]) })
	}
	for t, i := range g.ord {
		if t == 0 || x[i] != g.vals[len(g.vals)-1] {
			g.vals = append(g.vals, x[i])
			g.start = append(g.start, t)
		}
		g.grp[i] = len(g.vals) - 1
	}
	g.start = append(g.start, n)
}

// workspace holds the buffers one issue's rounds reuse, so that a run
// allocates them once (and a pooled workspace not even that). A nil
// workspace allocates afresh (tests). Everything a round returns lives in
// it until the next round on the same workspace, except the positions,
// which alternate between two buffers so that a round can read the
// previous one's.
type workspace struct {
	e0, a, b   []float64
	tab, pre   []float64
	sa, sb     []float64 // probFast
	pg, pt     [2][]float64
	lm, lp, lr []float64
	ha         []int32      // probFast's boundaries for the round's positions
	bndReady   bool         // ha holds them (reset at the start of a round)
	usg, ufg   []float64    // U_s, U_f per group for one receiver
	dg         []float64    // |x_i − v_g|/Δ per group for one receiver
	smax, smin []float64    // per group: the largest and smallest salience
	ca, cb     []float64    // leanRound
	cnt        []float64    // sumsS: actors per position
	pw, px     []float64    // sumsS: prefix sums of w and w·x
	pc, pv     []float64    // sumsS: prefix sums of 1 and x
	nb         []int        // sumsS: each position's next partner
	pairs      []int32      // sumsS → probPairs: the pairs of positions by boundary
	hcount     []int32      // sumsS → probPairs: how many pairs have each boundary
	mus        []float64    // PointForecast: the median of every round
	hist       [3][]float64 // PointForecast: the positions of the last three rounds
	mg         []float64    // sumsS: M per position
	rowsE0     [][]float64
	rowsA      [][]float64
	rowsB      [][]float64
	in         internals
	next       [2][]float64
	flip       int
	dmu, ones  []float64
	s, bigR, r []float64
	kind       []kind
	with       []int
	geo        geometry
	dgeo       geometry  // probDirect
	geoX       []float64 // the positions ws.geo groups, during a round
	// geoReady: ws.geo already groups ws.geoX for the next round (set by
	// Model.issue, which grouped the new positions for their median)
	geoReady bool
	// logarithm tables of this round and the previous one (logs)
	olm, olp, olr   []float64
	lvals, ovals    []float64
	old             []int
	ldelta          float64
	lhasLr, lrReady bool
	lcache          bool // the previous round's tables belong to this issue
	// column of an issue (Forecast)
	idx               []int
	capab, x0, sal, w []float64
	col               column
	dk, wt            []float64 // probDirect
}

// grow returns buf resized to n, reallocating only when it is too small.
func grow(buf *[]float64, n int) []float64 {
	if cap(*buf) < n {
		*buf = make([]float64, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// growInt is grow for ints.
func growInt(buf *[]int, n int) []int {
	if cap(*buf) < n {
		*buf = make([]int, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// rowsInto cuts a flat n·n buffer into n rows (not cleared: the callers
// write every entry), reusing the slice of row headers hdr.
func rowsInto(hdr *[][]float64, flat []float64, n int) [][]float64 {
	var out [][]float64
	if hdr != nil && cap(*hdr) >= n {
		out = (*hdr)[:n]
	} else {
		out = make([][]float64, n)
		if hdr != nil {
			*hdr = out
		}
	}
	for i := range out {
		out[i] = flat[i*n : (i+1)*n : (i+1)*n]
	}
	return out
}

// pw is x^r for x ≥ 0, r > 0, computed as exp(r·ln x) so that the fast
// formulation can take the logarithms once per pair of positions and
// still produce the very same bits (r = 1 returns x exactly). Against
// math.Pow it differs by a few ulps (≈1e-15 relative).
func pw(x, r float64) float64 {
	if r == 1 {
		return x
	}
	return xmath.Exp(r * math.Log(x))
}

// ln05 is ln 0.5, the logarithm in U_sq (E8) and in E4–E5 at d = 0.
var ln05 = math.Log(0.5)

// pwl is pw(x, r) given l = ln x.
func pwl(x, l, r float64) float64 {
	if r == 1 {
		return x
	}
	return xmath.Exp(r * l)
}

// utilities returns U_s, U_f (E4, E5) for distance d = |x_i−x_j|/Δ and
// exponent r, and U_sq (E8).
func utilities(d, r float64) (us, uf, usq float64) {
	us = 2 - 4*pw(0.5-0.5*d, r)
	uf = 2 - 4*pw(0.5+0.5*d, r)
	usq = 2 - 4*pw(0.5, r)
	return
}

// utilities2 is utilities without U_sq, which depends on r alone.
func utilities2(d, r float64) (us, uf float64) {
	us = 2 - 4*pw(0.5-0.5*d, r)
	uf = 2 - 4*pw(0.5+0.5*d, r)
	return
}

// eu is E10, E^p(U_ij), given the pair's U_s, U_f, U_sq at r_p, the
// target's salience sj, P_ij, and (only when Q < 1) the challenger's
// distance to the median dmu, with d and r_p for E6 and E7.
func (c *column) eu(us, uf, usq, sj, pij, d, dmu, rp float64) float64 {
	e := sj*(pij*us+(1-pij)*uf) + (1-sj)*us - c.q*usq
	if c.q != 1 {
		ub := 2 - 4*pw(0.5-0.25*(dmu+d), rp) // E6
		uw := 2 - 4*pw(0.5+0.25*(dmu+d), rp) // E7
		e -= (1 - c.q) * (c.t*ub + (1-c.t)*uw)
	}
	return e
}

// eu1 is eu with Q = 1, small enough to be inlined: the same operations
// in the same order (1·U_sq = U_sq exactly), hence the same bits.
func eu1(us, uf, usq, sj, pij float64) float64 {
	return sj*(pij*us+(1-pij)*uf) + (1-sj)*us - usq
}

// median is E3: the weighted median of the positions, the lower one
// (model.WeightedMedian, computed in the workspace without allocating).
func (c *column) median(x []float64) float64 {
	if c.ws == nil {
		mu, _, _ := model.WeightedMedian(x, c.w)
		return mu
	}
	g := c.ws.grouped(x)
	total := 0.0
	for _, w := range c.w {
		total += w
	}
	half := total / 2
	cum := 0.0
	for h := range g.vals {
		for t := g.start[h]; t < g.start[h+1]; t++ {
			cum += c.w[g.ord[t]]
		}
		if cum >= half {
			return g.vals[h]
		}
	}
	return g.vals[len(g.vals)-1]
}

// begin starts a round from positions x: a column with a workspace (a
// fresh one if c has none), the positions grouped (ws.geo, unless the
// caller grouped them already) and kept as ws.geoX for the round (the
// caller clears it when done), μ (E3), and the round's slices. It
// returns the column to use, its workspace and the round's internals.
func (c *column) begin(x []float64) (*column, *workspace, *internals) {
	n := len(x)
	ws := c.ws
	if ws == nil {
		ws = &workspace{}
		c = &column{w: c.w, s: c.s, delta: c.delta, paper: c.paper, q: c.q, t: c.t, ws: ws}
	}
	in := &ws.in
	if !ws.geoReady || len(ws.geoX) != n || n == 0 || &ws.geoX[0] != &x[0] {
		ws.geo.group(x)
	}
	ws.geoReady = false
	ws.geoX = x // probDirect and median reuse the grouping of x
	*in = internals{mu: c.median(x)}
	ws.flip ^= 1
	in.s, in.bigR, in.r = grow(&ws.s, n), grow(&ws.bigR, n), grow(&ws.r, n)
	in.kind, in.with, in.next = growKind(&ws.kind, n), growInt(&ws.with, n), grow(&ws.next[ws.flip], n)
	return c, ws, in
}

// round runs one round (§3.10) from positions x with the P formulation
// prob, and returns everything it computed. With c.ws set, the result
// lives in the workspace until its next round (the positions until the
// round after).
func (c *column) round(x []float64, prob probFunc) *internals {
	n := len(x)
	c, ws, in := c.begin(x)
	defer func() { ws.geoX = nil }()
	geo := &ws.geo
	ws.bndReady = false
	if c.delta == 0 || n < 2 {
		// Every actor at one position (or alone): no pair differs, nobody
		// is challenged, so all S are equal and A18 gives R = 0, r = 1.
		copy(in.next, x)
		for i := range in.r {
			in.s[i], in.bigR[i], in.r[i], in.kind[i], in.with[i] = 0, 0, 1, none, -1
		}
		in.p0 = pmat{m: 1, grp: make([]int, n), v: []float64{0}, t: []float64{0}} // every P is 0 (A15)
		in.p1 = in.p0
		return in
	}
	dmu := grow(&ws.dmu, n)
	for i := range x {
		dmu[i] = math.Abs(x[i]-in.mu) / c.delta
	}
	ones := grow(&ws.ones, n)
	for i := range ones {
		ones[i] = 1
	}
	// Step 3: P and E10 with r ≡ 1 (A7), then S, R, r (E11–E13).
	m := len(geo.vals)
	// ln(0.5 ∓ 0.5d) for every pair of positions (E4, E5 at any r), and
	// (E9R) ln d for the voters' powers.
	ws.logs(c, geo.vals, !c.paper)
	defer func() { ws.lrReady = false }()
	lm, lp := ws.lm, ws.lp
	in.p0, in.d0 = prob(c, x, ones, 0)
	in.e0 = rowsInto(&ws.rowsE0, grow(&ws.e0, n*n), n)
	_, _, usq1 := utilities(0, 1)
	clear(in.s)
	usg, ufg := grow(&ws.usg, m), grow(&ws.ufg, m)
	dg := grow(&ws.dg, m)
	for i := range x {
		pij, _ := in.p0.rows(i)
		ei := in.e0[i][:n]
		xi := x[i]
		// d, U_s and U_f (E4, E5 at r = 1) towards each position: the
		// same bits as per pair, since x_j is its group's value.
		for g, v := range geo.vals {
			d := math.Abs(xi-v) / c.delta
			dg[g] = d
			usg[g], ufg[g] = 2-4*(0.5-0.5*d), 2-4*(0.5+0.5*d) // = utilities2(d, 1)
		}
		grp := geo.grp[:n]
		sj := c.s[:n]
		for j, gj := range grp {
			if xi == x[j] {
				ei[j] = 0 // A15; i == j included
				if j != i {
					in.s[j] += 0 // as the sum over j ≠ i (turns a −0 into +0)
				}
				continue
			}
			var e float64
			if c.q == 1 {
				e = eu1(usg[gj], ufg[gj], usq1, sj[j], pij[gj])
			} else {
				e = c.eu(usg[gj], ufg[gj], usq1, sj[j], pij[gj], dg[gj], dmu[i], 1)
			}
			ei[j] = e
			in.s[j] += e // E11: what the others expect from challenging j (j ≠ i here)
		}
	}
	riskInto(in.s, in.bigR, in.r)
	// Step 4: P again (E9R: voters' r_k enter) and E10 with the new r.
	if c.paper {
		in.p1, in.d1 = in.p0, in.d0
	} else {
		in.p1, in.d1 = prob(c, x, in.r, 1)
	}
	in.a, in.b = rowsInto(&ws.rowsA, grow(&ws.a, n*n), n), rowsInto(&ws.rowsB, grow(&ws.b, n*n), n)
	for i := range x {
		ri := in.r[i]
		gi := geo.grp[i]
		usq := 2 - 4*pwl(0.5, ln05, ri) // E8 = utilities(0, ri)'s U_sq
		pij, pji := in.p1.rows(i)
		// U_s, U_f (E4, E5) towards each position, at r_i: once per group.
		lmi, lpi := lm[gi*m:(gi+1)*m], lp[gi*m:(gi+1)*m]
		for g, v := range geo.vals {
			d := math.Abs(x[i]-v) / c.delta
			switch {
			case g == gi:
				usg[g], ufg[g] = 0, 0 // a, b = 0 there (A15): not read
			case ri == 1:
				usg[g], ufg[g] = utilities2(d, 1)
			default:
				// = utilities2(d, ri), with the logarithms taken once
				if lmi[g] == logUnset {
					// first use of this pair of positions (see logs)
					a, b := math.Log(0.5-0.5*d), math.Log(0.5+0.5*d)
					lm[gi*m+g], lp[gi*m+g], lm[g*m+gi], lp[g*m+gi] = a, b, a, b
				}
				usg[g], ufg[g] = 2-4*xmath.Exp(ri*lmi[g]), 2-4*xmath.Exp(ri*lpi[g])
			}
		}
		ai, bi, pgrp := in.a[i][:n], in.b[i][:n], in.p1.grp[:n]
		if !c.paper && c.q == 1 {
			// Replication with Q = 1: b = E^i(U_ji) depends on j only
			// through its position, so it is computed once per group.
			bg := dg // free until the next receiver
			for g := range bg {
				bg[g] = eu1(usg[g], ufg[g], usq, c.s[i], pji[g]) // c.q = 1
			}
			xi, si := x[i], c.s[:n]
			for j, gj := range pgrp {
				if xi == x[j] {
					ai[j], bi[j] = 0, 0 // A15
					continue
				}
				ai[j], bi[j] = eu1(usg[gj], ufg[gj], usq, si[j], pij[gj]), bg[gj]
			}
			continue
		}
		for j := range x {
			if x[i] == x[j] {
				ai[j], bi[j] = 0, 0 // A15
				continue
			}
			gj := geo.grp[j]
			us, uf := usg[gj], ufg[gj]
			var d float64
			if c.q != 1 {
				d = math.Abs(x[i]-x[j]) / c.delta
			}
			// a = E^i(U_ij) with r_i, in both profiles.
			ai[j] = c.eu(us, uf, usq, c.s[j], pij[pgrp[j]], d, dmu[i], ri)
			if !c.paper {
				// P1: i evaluates j's challenge with its own r_i; the
				// target of j's challenge is i, so s_i (A5).
				bi[j] = c.eu(us, uf, usq, c.s[i], pji[pgrp[j]], d, dmu[j], ri)
			}
		}
	}
	if c.paper {
		// P2: b = E^j(U_ji) with r_j, which is j's own a towards i.
		transpose(ws.b, ws.a, n)
	}
	// Step 5: every actor picks an offer (§3.7–3.9); moves are simultaneous.
	for i := range x {
		in.next[i], in.kind[i], in.with[i] = c.choose(i, x, in.a[i], in.b[i])
	}
	return in
}

// bNegative reports whether b = E^i(U_ji) (E10 with Q = 1, at r = r_i,
// target salience s_i, P = P_ji) is certainly negative, from bounds that
// need no power. With β = s_i(1 − P_ji) and α = 1 − β, E4, E5 and E8 give
//
//	b = 4·0.5^r·[1 − α(1−d)^r − β(1+d)^r].
//
// For r ≥ 1, Bernoulli's inequality (1 ± d)^r ≥ 1 ± rd gives
// α(1−d)^r + β(1+d)^r ≥ 1 + rd(β − α). For r < 1, t^r ≥ t on [0, 1] and
// the chord of t^r on [1, 2] give ≥ 1 + d(β(2^r − 1) − α); chord is
// 2^r − 1. When the bound exceeds 1 by more than 1e-9, b < −1e-9, far
// beyond the ~1e-15 rounding of computing b, so the computed b is
// negative too and the skip changes nothing.
func bNegative(d, r, beta, chord float64) bool {
	alpha := 1 - beta
	if r >= 1 {
		return r*d*(beta-alpha) > 1e-9
	}
	return d*(beta*chord-alpha) > 1e-9
}

// noOffer reports whether no actor j at distance d from receiver i can
// make i an offer (E14–E16 all need b > |a|), from bounds that need no
// power. Here a = E^i(U_ij) and b = E^i(U_ji) (E10 with Q = 1, both at r =
// r_i), βb = s_i(1 − P_ji), and βa ranges over [βaMin, βaMax], the values
// of s_j(1 − P_ij) for the actors j at that position. E10 reads
//
//	a = U_s − βa·(U_s − U_f) − U_sq,   b = U_s − βb·(U_s − U_f) − U_sq,
//
// so b − a = (βa − βb)(U_s − U_f), and U_s − U_f = 4·0.5^r[(1+d)^r −
// (1−d)^r] ≥ 4·0.5^r·r·d ≥ 1.41·d for r in [0.5, 2] (the range of E13).
// Hence b < a for every such j when d(βb − βaMax) > 1e-12; the computed a
// and b carry rounding errors below 1e-14, so the computed b < a as well.
// Otherwise a + b = 2(U_s − β̄(U_s − U_f) − U_sq) with β̄ = (βa + βb)/2
// is E10's b at salience β̄, decreasing in β̄: when bNegative proves it
// negative at β̄ = (βaMin + βb)/2, then a + b < 0, b < |a|, for every j;
// and when it proves b itself negative, no offer either. bNegative's
// bound grows with β, so the two come to one test at the larger β.
func noOffer(d, r, betaB, betaAMin, betaAMax, chord float64) bool {
	return d*(betaB-betaAMax) > 1e-12 || bNegative(d, r, max(betaB, (betaAMin+betaB)/2), chord)
}

// logUnset marks an entry of ws.lm and ws.lp not computed yet: no
// logarithm of a number ≤ 1 is positive.
const logUnset = 1.0

// logs fills ws.lm, ws.lp (ln(0.5 ∓ 0.5d), or logUnset until round first
// reads it) and, if withLr, ws.lr (ln d, −Inf on the diagonal) for every
// pair of the positions vals, d = |v_g − v_h|/Δ. A pair of positions the
// previous round of the same issue also had (E14 moves actors onto
// others' positions, so most are) is copied from its tables instead of
// taking three logarithms: the same values give the same bits.
func (ws *workspace) logs(c *column, vals []float64, withLr bool) {
	m := len(vals)
	ws.lm, ws.olm = ws.olm, ws.lm
	ws.lp, ws.olp = ws.olp, ws.lp
	ws.lr, ws.olr = ws.olr, ws.lr
	ws.ovals, ws.lvals = ws.lvals, ws.ovals
	lm, lp := grow(&ws.lm, m*m), grow(&ws.lp, m*m)
	var lr []float64
	if withLr {
		lr = grow(&ws.lr, m*m)
	}
	usable := ws.lcache && ws.ldelta == c.delta && (ws.lhasLr || !withLr)
	old := ws.oldIndex(vals, usable)
	om := len(ws.ovals)
	// The upper triangle row by row, then the lower one as its mirror
	// image in cache-sized blocks (writing both at once strides through
	// the tables: 8 MB each at m = 1000).
	for g, u := range vals {
		lm[g*m+g], lp[g*m+g] = ln05, ln05
		if withLr {
			lr[g*m+g] = math.Inf(-1) // ln 0
		}
		og := old[g]
		for h := g + 1; h < m; h++ {
			if oh := old[h]; og >= 0 && oh >= 0 {
				i := og*om + oh
				lm[g*m+h], lp[g*m+h] = ws.olm[i], ws.olp[i]
				if withLr {
					lr[g*m+h] = ws.olr[i]
				}
				continue
			}
			// ln(0.5 ∓ 0.5d) is taken when first read (round, E10 at
			// r_i): the pairs whose b is provably negative never need it.
			lm[g*m+h], lp[g*m+h] = logUnset, logUnset
			if withLr {
				d := math.Abs(u-vals[h]) / c.delta // = |v_h − v_g|/Δ exactly
				lr[g*m+h] = math.Log(d)
			}
		}
	}
	mirror(lm, m)
	mirror(lp, m)
	if withLr {
		mirror(lr, m)
	}
	ws.lvals = append(ws.lvals[:0], vals...)
	ws.ldelta, ws.lhasLr, ws.lrReady = c.delta, withLr, withLr
}

// logsLr is logs for ws.lr alone (leanRound with many actors). A
// position the previous round also had takes its row from that round's
// table where the partner is old too; the rest are computed afresh. The
// whole table is new in an issue's first round: its upper triangle is
// computed and mirrored then.
func (ws *workspace) logsLr(c *column, vals []float64) {
	m := len(vals)
	ws.lr, ws.olr = ws.olr, ws.lr
	ws.ovals, ws.lvals = ws.lvals, ws.ovals
	lr := grow(&ws.lr, m*m)
	usable := ws.lcache && ws.ldelta == c.delta && ws.lhasLr
	old := ws.oldIndex(vals, usable)
	om := len(ws.ovals)
	if !usable {
		for g, u := range vals {
			lr[g*m+g] = math.Inf(-1) // ln 0
			for h := g + 1; h < m; h++ {
				lr[g*m+h] = xmath.Log(math.Abs(u-vals[h]) / c.delta)
			}
		}
		mirror(lr, m)
	} else {
		for g, u := range vals {
			row := lr[g*m : (g+1)*m]
			og := old[g]
			if og < 0 {
				for h, v := range vals {
					row[h] = xmath.Log(math.Abs(u-v) / c.delta) // −Inf at h = g; |u−v| = |v−u| exactly
				}
				continue
			}
			orow := ws.olr[og*om : (og+1)*om]
			for h, oh := range old {
				if oh >= 0 {
					row[h] = orow[oh]
				} else {
					row[h] = xmath.Log(math.Abs(u-vals[h]) / c.delta)
				}
			}
		}
	}
	ws.lvals = append(ws.lvals[:0], vals...)
	ws.ldelta, ws.lhasLr, ws.lrReady = c.delta, true, true
}

// oldIndex returns, for each position of vals, its index among the
// previous round's positions (ws.ovals), or −1; all −1 unless usable.
func (ws *workspace) oldIndex(vals []float64, usable bool) []int {
	old := growInt(&ws.old, len(vals))
	ov := ws.ovals
	for g, h := 0, 0; g < len(vals); g++ {
		old[g] = -1
		for usable && h < len(ov) && ov[h] < vals[g] {
			h++
		}
		if usable && h < len(ov) && ov[h] == vals[g] {
			old[g] = h
		}
	}
	return old
}

// mirror copies the upper triangle of the symmetric m×m matrix t onto
// its lower triangle, in cache-sized blocks.
func mirror(t []float64, m int) {
	const blk = 32
	for i0 := 0; i0 < m; i0 += blk {
		for j0 := i0; j0 < m; j0 += blk {
			for i := i0; i < min(i0+blk, m); i++ {
				for j := max(j0, i+1); j < min(j0+blk, m); j++ {
					t[j*m+i] = t[i*m+j]
				}
			}
		}
	}
}

// grouped returns x sorted and grouped: the round's grouping when x is
// the round's positions, else a fresh one (in ws.dgeo).
func (ws *workspace) grouped(x []float64) *geometry {
	if len(x) > 0 && len(ws.geoX) == len(x) && &ws.geoX[0] == &x[0] {
		return &ws.geo
	}
	ws.dgeo.group(x)
	return &ws.dgeo
}

// growInt32 is grow for int32s.
func growInt32(buf *[]int32, n int) []int32 {
	if cap(*buf) < n {
		*buf = make([]int32, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// growKind is grow for kinds.
func growKind(buf *[]kind, n int) []kind {
	if cap(*buf) < n {
		*buf = make([]kind, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// risk is E12–E13 with A18: R_i scaled to [−1, 1] between the least and
// the most challenged actor, and r_i = (1 − R_i/3)/(1 + R_i/3).
func risk(s []float64) (bigR, r []float64) {
	bigR, r = make([]float64, len(s)), make([]float64, len(s))
	riskInto(s, bigR, r)
	return
}

// riskInto is risk writing into bigR and r.
func riskInto(s, bigR, r []float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range s {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	for i, v := range s {
		bigR[i] = 0
		if hi > lo {
			bigR[i] = (2*v - hi - lo) / (hi - lo)
		}
		r[i] = (1 - bigR[i]/3) / (1 + bigR[i]/3)
	}
}

// choose returns receiver i's new position, the kind of offer it took and
// from whom, given its (a, b) towards every j.
func (c *column) choose(i int, x, a, b []float64) (float64, kind, int) {
	xi := x[i]
	if c.paper {
		// C-paper: least change; ties by kind, then input order.
		best, bk, bj, bchange := xi, none, -1, math.Inf(1)
		for j := range x {
			if j == i || x[j] == xi {
				continue
			}
			k, to := classify(xi, x[j], a[j], b[j], true)
			if k == none {
				continue
			}
			ch := math.Abs(to - xi)
			if ch < bchange || (ch == bchange && k < bk) {
				best, bk, bj, bchange = to, k, j, ch
			}
		}
		return best, bk, bj
	}
	// C-replication: conflict losses first (nearest x_j), else the
	// compromise with the smallest K, moving to its E15 position; the
	// capitulate branch is off (A14). Both offers need b > 0, which also
	// passes over i itself and the actors at x_i (b = 0, A15). This is
	// classify's replication branch, unrolled; leanRound applies the same
	// rule as it goes.
	conf, confDist := -1, math.Inf(1)
	comp, compK := -1, math.Inf(1)
	x = x[:len(b)]
	a = a[:len(b)]
	for j, bj := range b {
		if !(bj > 0) {
			continue
		}
		aj, xj := a[j], x[j]
		switch {
		case bj > aj && aj > 0: // E14
			if d := math.Abs(xi - xj); d < confDist {
				conf, confDist = j, d
			}
		case 0 > aj && bj > -aj: // E15 (b > |a|)
			aa := -aj
			if kk := (aa*xi + bj*xj) / (aa + bj); kk < compK {
				comp, compK = j, kk
			}
		}
	}
	switch {
	case conf >= 0:
		return x[conf], conflict, conf
	case comp >= 0:
		_, to := classify(xi, x[comp], a[comp], b[comp], false)
		return to, compromise, comp
	}
	return xi, none, -1
}

// classify places (a, b) in the quadrant chart (E14–E16) and returns the
// offer's kind and the position it asks i to take.
func classify(xi, xj, a, b float64, capitulateOn bool) (kind, float64) {
	switch {
	case b > a && a > 0:
		return conflict, xj
	case b > 0 && 0 > a && b > math.Abs(a):
		return compromise, xi + (xj-xi)*math.Abs(a/b)
	case capitulateOn && b > 0 && 0 > a && b < math.Abs(a):
		return capitulate, xj
	}
	return none, xi
}

// positionLogs returns the table lr[h·m + g] = ln(|v_h − v_g|/Δ) over the
// distinct positions vals (ln 0 = −Inf on the diagonal), or nil when every
// voter's r is 1 and no powers are needed. Both formulations of P share it,
// and reuse the round's table when the positions are the round's own.
func positionLogs(c *column, ws *workspace, geo *geometry, vals, r []float64) []float64 {
	m := len(vals)
	if ws.lrReady && geo == &ws.geo && !c.paper {
		return ws.lr[:m*m] // the round's (logs)
	}
	for _, rk := range r {
		if rk != 1 {
			lr := grow(&ws.lr, m*m)
			for h, y := range vals {
				lr[h*m+h] = math.Inf(-1) // ln 0
				for g := h + 1; g < m; g++ {
					l := math.Log(math.Abs(y-vals[g]) / c.delta)
					lr[h*m+g], lr[g*m+h] = l, l // |y−v| = |v−y| exactly
				}
			}
			return lr
		}
	}
	return nil
}
