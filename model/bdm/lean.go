package bdm

import (
	"math"

	"parley/xmath"
)

// leanRound is round for Forecast in the replication profile with Q = 1
// (the default model): the same round, computed without the tables that
// only the tests read. It differs from round in three ways, none of which
// changes a result beyond rounding:
//
//   - S (E11) comes from a closed form (sumsS) in O(m²) time and O(m)
//     memory, instead of P̃ and E10 for every pair at r ≡ 1;
//   - a receiver's (a, b) are computed only where noOffer cannot rule an
//     offer out, and never stored: each is weighed at once by the
//     choice rule (§3.7–3.9, as in choose);
//   - only the offer taken keeps its (a, b) (in.ca, in.cb), for the
//     trace.
//
// The tests compare it with round step by step (TestLeanEqualsFull).
func (c *column) leanRound(x []float64, prob probFunc) *internals {
	n := len(x)
	ws := c.ws
	if ws == nil {
		ws = &workspace{}
		c = &column{w: c.w, s: c.s, delta: c.delta, paper: c.paper, q: c.q, t: c.t, ws: ws}
	}
	in := &ws.in
	geo := &ws.geo
	if !ws.geoReady || len(ws.geoX) != n || n == 0 || &ws.geoX[0] != &x[0] {
		geo.group(x)
	}
	ws.geoReady = false
	ws.bndReady = false
	ws.geoX = x
	defer func() { ws.geoX = nil }()
	*in = internals{mu: c.median(x)}
	ws.flip ^= 1
	in.s, in.bigR, in.r = grow(&ws.s, n), grow(&ws.bigR, n), grow(&ws.r, n)
	in.kind, in.with, in.next = growKind(&ws.kind, n), growInt(&ws.with, n), grow(&ws.next[ws.flip], n)
	in.ca, in.cb = grow(&ws.ca, n), grow(&ws.cb, n)
	if c.delta == 0 || n < 2 {
		// as in round: nobody is challenged, R = 0, r = 1
		copy(in.next, x)
		for i := range in.r {
			in.s[i], in.bigR[i], in.r[i], in.kind[i], in.with[i] = 0, 0, 1, none, -1
			in.ca[i], in.cb[i] = math.NaN(), math.NaN()
		}
		return in
	}
	m := len(geo.vals)
	in.d0 = c.sumsS(geo, in.s)
	riskInto(in.s, in.bigR, in.r)
	ws.logs(c, geo.vals, true)
	defer func() { ws.lrReady = false }()
	in.p1, in.d1 = prob(c, x, in.r, 1)
	lm, lp := ws.lm, ws.lp
	// the largest and smallest salience at each position (noOffer)
	smax, smin := grow(&ws.smax, m), grow(&ws.smin, m)
	for g := range m {
		smax[g], smin[g] = math.Inf(-1), math.Inf(1)
	}
	for j, g := range geo.grp[:n] {
		smax[g], smin[g] = max(smax[g], c.s[j]), min(smin[g], c.s[j])
	}
	ord, start := geo.ord, geo.start
	for i, xi := range x {
		ri, si, gi := in.r[i], c.s[i], geo.grp[i]
		usq := 2 - 4*pwl(0.5, ln05, ri) // E8
		pij, pji := in.p1.rows(i)
		var chord float64 // 2^{r_i} − 1, for bNegative
		if ri < 1 {
			chord = xmath.Exp(ri*math.Ln2) - 1
		}
		lmi, lpi := lm[gi*m:(gi+1)*m], lp[gi*m:(gi+1)*m]
		// the choice rule of choose, over the actors in order of position:
		// ties go to the smaller index, as choose's scan in index order
		// gives them
		conf, confDist := -1, math.Inf(1)
		comp, compK := -1, math.Inf(1)
		var confA, confB, compA, compB float64
		for g, v := range geo.vals {
			if g == gi {
				continue // a = b = 0 (A15): no offer
			}
			d := math.Abs(xi-v) / c.delta
			if noOffer(d, ri, si*(1-pji[g]), smin[g]*(1-pij[g]), smax[g]*(1-pij[g]), chord) {
				continue
			}
			var us, uf float64
			if ri == 1 {
				us, uf = utilities2(d, 1)
			} else {
				if lmi[g] == logUnset {
					a, b := math.Log(0.5-0.5*d), math.Log(0.5+0.5*d)
					lm[gi*m+g], lp[gi*m+g], lm[g*m+gi], lp[g*m+gi] = a, b, a, b
				}
				us, uf = 2-4*xmath.Exp(ri*lmi[g]), 2-4*xmath.Exp(ri*lpi[g])
			}
			b := eu1(us, uf, usq, si, pji[g]) // E10: E^i(U_ji), P1 and A5
			if !(b > 0) {
				continue
			}
			for _, j := range ord[start[g]:start[g+1]] {
				a := eu1(us, uf, usq, c.s[j], pij[g]) // E10: E^i(U_ij)
				switch {
				case b > a && a > 0: // E14
					if dd := math.Abs(xi - v); dd < confDist || dd == confDist && j < conf {
						conf, confDist, confA, confB = j, dd, a, b
					}
				case 0 > a && b > -a: // E15 (b > |a|)
					aa := -a
					if kk := (aa*xi + b*v) / (aa + b); kk < compK || kk == compK && j < comp {
						comp, compK, compA, compB = j, kk, a, b
					}
				}
			}
		}
		switch {
		case conf >= 0:
			in.next[i], in.kind[i], in.with[i], in.ca[i], in.cb[i] = x[conf], conflict, conf, confA, confB
		case comp >= 0:
			_, to := classify(xi, x[comp], compA, compB, false)
			in.next[i], in.kind[i], in.with[i], in.ca[i], in.cb[i] = to, compromise, comp, compA, compB
		default:
			in.next[i], in.kind[i], in.with[i], in.ca[i], in.cb[i] = xi, none, -1, math.NaN(), math.NaN()
		}
	}
	return in
}

// sumsS writes S_j (E11) for every actor into s and returns the E9R
// denominator D at r ≡ 1, from a closed form. With Q = 1 and r ≡ 1, E4,
// E5 and E8 are U_s = 2d, U_f = −2d, U_sq = 0, so E10 reads
//
//	E^i(U_ij) = 2 d_ij [1 − 2 s_j (1 − P̃_ij)],
//
// and with P̃_ij = N(x_i, x_j)/(Δ D), N(a, b) = Σ_k w_k max(0, |x_k − b| −
// |x_k − a|) (E9R's numerator times Δ at r ≡ 1), the sum over i ≠ j is
//
//	S_j = 2(1 − 2 s_j) L(x_j)/Δ + 4 s_j M(x_j)/(Δ² D),
//	L(b) = Σ_i |x_i − b|,   M(b) = Σ_i |x_i − b| N(x_i, b),
//	D = (2/Δ) Σ_i Σ_j N(x_i, x_j).
//
// N is piecewise linear in the voters' positions: for a < b the voters
// nearer a are those below the midpoint, and each gives b − a if it lies
// at or below a and a + b − 2x_k between a and the midpoint (mirrored for
// a > b). So with prefix sums of w and w·x over the positions, each N
// takes O(1), and the midpoint's place moves one way as a sweeps past b:
// O(m²) for all pairs of the m distinct positions, no table.
func (c *column) sumsS(geo *geometry, s []float64) float64 {
	ws := c.ws
	vals, start := geo.vals, geo.start
	m := len(vals)
	// cnt[g]: actors at position g; pw[h], px[h]: Σ w and Σ w·(x − x_min)
	// over the positions below h (shifted, so that a + b − 2x stays small
	// and the differences cancel less).
	cnt := grow(&ws.cnt, m)
	pw, px := grow(&ws.pw, m+1), grow(&ws.px, m+1)
	lo := vals[0]
	pw[0], px[0] = 0, 0
	for g := range m {
		var wg float64
		for _, k := range geo.ord[start[g]:start[g+1]] {
			wg += c.w[k]
		}
		cnt[g] = float64(start[g+1] - start[g])
		pw[g+1], px[g+1] = pw[g]+wg, px[g]+wg*(vals[g]-lo)
	}
	wTot := pw[m]
	nearerA := func(y, a, b float64) bool { return math.Abs(y-b) > math.Abs(y-a) }
	lg, mg := grow(&ws.lg, m), grow(&ws.mg, m)
	var dsum float64
	for g, b := range vals {
		bs := b - lo
		var l, mm, nsum float64
		// challengers below b: the voters nearer a are the positions < B
		bnd := 0
		for h := range g {
			a := vals[h]
			if bnd < h+1 {
				bnd = h + 1
			}
			for bnd < m && nearerA(vals[bnd], a, b) {
				bnd++
			}
			as := a - lo
			nn := (b-a)*pw[h+1] + (as+bs)*(pw[bnd]-pw[h+1]) - 2*(px[bnd]-px[h+1])
			dist := b - a
			l += cnt[h] * dist
			mm += cnt[h] * dist * nn
			nsum += cnt[h] * nn
		}
		// challengers above b: the voters nearer a are the positions ≥ B
		bnd = g + 1
		for h := g + 1; h < m; h++ {
			a := vals[h]
			for bnd < h && !nearerA(vals[bnd], a, b) {
				bnd++
			}
			as := a - lo
			nn := (a-b)*(wTot-pw[h]) + 2*(px[h]-px[bnd]) - (as+bs)*(pw[h]-pw[bnd])
			dist := a - b
			l += cnt[h] * dist
			mm += cnt[h] * dist * nn
			nsum += cnt[h] * nn
		}
		lg[g], mg[g] = l, mm
		dsum += cnt[g] * nsum
	}
	d := 2 * dsum / c.delta
	for j, g := range geo.grp[:len(s)] {
		sj := c.s[j]
		s[j] = 2 * (1 - 2*sj) * lg[g] / c.delta
		if d > 0 {
			s[j] += 4 * sj * mg[g] / (c.delta * c.delta * d)
		}
	}
	return d
}
