package bdm

import (
	"math"

	"parley/model"
)

// column is one issue as the model sees it: the present actors' weights
// w = c·s (E1), saliences s, the fixed Δ (A8) and the profile's constants.
type column struct {
	w, s  []float64
	delta float64
	paper bool
	q, t  float64
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
	p0, p1 [][]float64 // P_ij (E9 or E9R) at r≡1 and after the r update
	e0     [][]float64 // E(U_ij) at r≡1 (E10)
	s      []float64   // S_i (E11)
	bigR   []float64   // R_i (E12)
	r      []float64   // r_i (E13)
	a, b   [][]float64 // receiver i's (a, b) for each j (§3.5)
	kind   []kind      // the offer each actor took
	with   []int       // the actor whose offer it took (-1 for none)
	next   []float64   // positions after the round
}

// probFunc computes P_ij for every ordered pair from positions x and voter
// exponents r (all 1 for E9), and the E9R denominator D (0 for E9).
type probFunc func(c *column, x, r []float64) (p [][]float64, d float64)

// pw is x^r with the r = 1 case exact (math.Pow already returns x then,
// but saying so keeps both formulations visibly identical).
func pw(x, r float64) float64 {
	if r == 1 {
		return x
	}
	return math.Pow(x, r)
}

// utilities returns U_s, U_f (E4, E5) for distance d = |x_i−x_j|/Δ and
// exponent r, and U_sq (E8).
func utilities(d, r float64) (us, uf, usq float64) {
	us = 2 - 4*pw(0.5-0.5*d, r)
	uf = 2 - 4*pw(0.5+0.5*d, r)
	usq = 2 - 4*pw(0.5, r)
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

// median is E3: the weighted median of the positions.
func (c *column) median(x []float64) float64 {
	mu, _, _ := model.WeightedMedian(x, c.w)
	return mu
}

// round runs one round (§3.10) from positions x with the P formulation
// prob, and returns everything it computed.
func (c *column) round(x []float64, prob probFunc) *internals {
	n := len(x)
	in := &internals{mu: c.median(x)}
	if c.delta == 0 || n < 2 {
		// Every actor at one position (or alone): no pair differs, nobody
		// is challenged, so all S are equal and A18 gives R = 0, r = 1.
		in.s, in.bigR, in.r = make([]float64, n), make([]float64, n), make([]float64, n)
		in.kind, in.with, in.next = make([]kind, n), make([]int, n), append([]float64(nil), x...)
		for i := range in.r {
			in.r[i], in.with[i] = 1, -1
		}
		return in
	}
	dmu := make([]float64, n)
	for i := range x {
		dmu[i] = math.Abs(x[i]-in.mu) / c.delta
	}
	ones := make([]float64, n)
	for i := range ones {
		ones[i] = 1
	}
	// Step 3: P and E10 with r ≡ 1 (A7), then S, R, r (E11–E13).
	in.p0, in.d0 = prob(c, x, ones)
	in.e0 = make([][]float64, n)
	for i := range x {
		in.e0[i] = make([]float64, n)
		for j := range x {
			if i == j || x[i] == x[j] {
				continue
			}
			d := math.Abs(x[i]-x[j]) / c.delta
			us, uf, usq := utilities(d, 1)
			in.e0[i][j] = c.eu(us, uf, usq, c.s[j], in.p0[i][j], d, dmu[i], 1)
		}
	}
	in.s = make([]float64, n)
	for i := range x {
		for j := range x {
			if j != i {
				in.s[i] += in.e0[j][i] // E11: what the others expect from challenging i
			}
		}
	}
	in.bigR, in.r = risk(in.s)
	// Step 4: P again (E9R: voters' r_k enter) and E10 with the new r.
	if c.paper {
		in.p1, in.d1 = in.p0, in.d0
	} else {
		in.p1, in.d1 = prob(c, x, in.r)
	}
	in.a, in.b = make([][]float64, n), make([][]float64, n)
	for i := range x {
		in.a[i], in.b[i] = make([]float64, n), make([]float64, n)
	}
	for i := range x {
		ri := in.r[i]
		for j := range x {
			if i == j || x[i] == x[j] {
				continue // A15
			}
			d := math.Abs(x[i]-x[j]) / c.delta
			us, uf, usq := utilities(d, ri)
			// a = E^i(U_ij) with r_i, in both profiles.
			in.a[i][j] = c.eu(us, uf, usq, c.s[j], in.p1[i][j], d, dmu[i], ri)
			if !c.paper {
				// P1: i evaluates j's challenge with its own r_i; the
				// target of j's challenge is i, so s_i (A5).
				in.b[i][j] = c.eu(us, uf, usq, c.s[i], in.p1[j][i], d, dmu[j], ri)
			}
		}
	}
	if c.paper {
		// P2: b = E^j(U_ji) with r_j, which is j's own a towards i.
		for i := range x {
			for j := range x {
				in.b[i][j] = in.a[j][i]
			}
		}
	}
	// Step 5: every actor picks an offer (§3.7–3.9); moves are simultaneous.
	in.kind, in.with, in.next = make([]kind, n), make([]int, n), make([]float64, n)
	for i := range x {
		in.next[i], in.kind[i], in.with[i] = c.choose(i, x, in.a[i], in.b[i])
	}
	return in
}

// risk is E12–E13 with A18: R_i scaled to [−1, 1] between the least and
// the most challenged actor, and r_i = (1 − R_i/3)/(1 + R_i/3).
func risk(s []float64) (bigR, r []float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range s {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	bigR, r = make([]float64, len(s)), make([]float64, len(s))
	for i, v := range s {
		if hi > lo {
			bigR[i] = (2*v - hi - lo) / (hi - lo)
		}
		r[i] = (1 - bigR[i]/3) / (1 + bigR[i]/3)
	}
	return
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
	// capitulate branch is off (A14).
	conf, confDist := -1, math.Inf(1)
	comp, compK, compTo := -1, math.Inf(1), xi
	for j := range x {
		if j == i || x[j] == xi {
			continue
		}
		k, to := classify(xi, x[j], a[j], b[j], false)
		switch k {
		case conflict:
			if d := math.Abs(xi - x[j]); d < confDist {
				conf, confDist = j, d
			}
		case compromise:
			aa, bb := math.Abs(a[j]), math.Abs(b[j])
			if kk := (aa*xi + bb*x[j]) / (aa + bb); kk < compK {
				comp, compK, compTo = j, kk, to
			}
		}
	}
	switch {
	case conf >= 0:
		return x[conf], conflict, conf
	case comp >= 0:
		return compTo, compromise, comp
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
