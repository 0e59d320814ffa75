package bdm

import (
	"math"

	"parley/xmath"
)

// leanRound is round for Forecast in the replication profile with Q = 1
// (the default model): the same round, computed without the tables that
// only the tests read. It differs from round in these ways, none of which
// changes a result beyond rounding:
//
//   - S (E11) comes from a closed form (sumsS) in O(m²) time and O(m)
//     memory, instead of P̃ and E10 for every pair at r ≡ 1;
//   - P̃ at the new r comes from prefix sums kept by the pairs' boundary
//     (probPairs), O(n·m + m²);
//   - a receiver's (a, b) are computed only where noOffer cannot rule an
//     offer out, and never stored: each is weighed at once by the
//     choice rule (§3.7–3.9, as in choose), from the nearest position
//     outwards, stopping at the first conflict (the nearest wins);
//   - only the offer taken keeps its (a, b) (in.ca, in.cb), for the
//     trace; ln(0.5 ∓ 0.5d) (E4, E5) are taken when needed, and only
//     ln d (for the voters' powers) is kept from round to round.
//
// The tests compare it with round step by step (TestLeanEqualsFull).
func (c *column) leanRound(x []float64) *internals {
	n := len(x)
	c, ws, in := c.begin(x)
	defer func() { ws.geoX, ws.lrReady = nil, false }()
	geo := &ws.geo
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
	ws.logsLr(c, geo.vals)
	in.p1, in.d1 = c.probPairs(geo, x, in.r)
	scale := 0.0 // P̃ = scale × probPairs' numerators; 0 when nobody prefers anything
	if in.d1 > 0 {
		scale = 1 / in.d1
	}
	// the largest and smallest salience at each position (noOffer)
	smax, smin := grow(&ws.smax, m), grow(&ws.smin, m)
	for g := range m {
		smax[g], smin[g] = math.Inf(-1), math.Inf(1)
	}
	for j, g := range geo.grp[:n] {
		smax[g], smin[g] = max(smax[g], c.s[j]), min(smin[g], c.s[j])
	}
	vals, ord, start := geo.vals, geo.ord, geo.start
	for i, xi := range x {
		ri, si, gi := in.r[i], c.s[i], geo.grp[i]
		usq := math.NaN() // E8, taken when first needed
		pij, pji := in.p1.rows(i)
		var chord float64 // 2^{r_i} − 1, for bNegative
		if ri < 1 {
			chord = xmath.Exp(ri*math.Ln2) - 1
		}
		// the choice rule of choose, over the actors in order of position:
		// ties go to the smaller index, as choose's scan in index order
		// gives them
		conf, confDist := -1, math.Inf(1)
		comp, compK := -1, math.Inf(1)
		var confA, confB, compA, compB float64
		// The positions from the nearest outwards: once a conflict is
		// found, only positions as near can still give the offer taken.
		lo, hi := gi-1, gi+1 // a = b = 0 at x_i itself (A15): no offer
		for lo >= 0 || hi < m {
			g := hi
			if hi >= m || lo >= 0 && xi-vals[lo] <= vals[hi]-xi {
				g = lo
				lo--
			} else {
				hi++
			}
			v := vals[g]
			if conf >= 0 && math.Abs(xi-v) > confDist {
				break
			}
			d := math.Abs(xi-v) / c.delta
			pIJ, pJI := pij[g]*scale, pji[g]*scale
			if noOffer(d, ri, si*(1-pJI), smin[g]*(1-pIJ), smax[g]*(1-pIJ), chord) {
				continue
			}
			var us, uf float64
			if ri == 1 {
				us, uf = utilities2(d, 1)
			} else {
				us, uf = 2-4*xmath.Exp(ri*xmath.Log(0.5-0.5*d)), 2-4*xmath.Exp(ri*xmath.Log(0.5+0.5*d)) // = utilities2(d, ri)
			}
			if usq != usq {
				usq = 2 - 4*pwl(0.5, ln05, ri)
			}
			b := eu1(us, uf, usq, si, pJI) // E10: E^i(U_ji), P1 and A5
			if !(b > 0) {
				continue
			}
			for _, j := range ord[start[g]:start[g+1]] {
				a := eu1(us, uf, usq, c.s[j], pIJ) // E10: E^i(U_ij)
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
// takes O(1) once the pair's boundary h is known (the positions below h
// are nearer the lower one): O(m²) for all pairs of the m distinct
// positions, no table.
//
// The pairs are taken by boundary: each lower position a keeps its next
// partner nb[a], and at step h takes the partners whose boundary is h.
// (Finding one target's boundaries one after another would make each
// wait on the last: a chain of dependent loads and compares, half again
// slower at a thousand positions.) The pairs are listed in that order
// (ws.pairs, and ws.hcount per boundary) for probPairs, which takes the
// same pairs at the new r.
func (c *column) sumsS(geo *geometry, s []float64) float64 {
	ws := c.ws
	vals, start := geo.vals, geo.start
	m := len(vals)
	// cnt[g]: actors at position g; pw[h], px[h], pc[h], pv[h]: Σ w,
	// Σ w·(x − x_min), Σ 1 and Σ (x − x_min) over the actors at the
	// positions below h. Positions are shifted to the smallest, so that
	// a + b − 2x stays small and the differences cancel less.
	cnt := grow(&ws.cnt, m)
	pw, px := grow(&ws.pw, m+1), grow(&ws.px, m+1)
	pc, pv := grow(&ws.pc, m+1), grow(&ws.pv, m+1)
	lo := vals[0]
	pw[0], px[0], pc[0], pv[0] = 0, 0, 0, 0
	for g := range m {
		var wg float64
		for _, k := range geo.ord[start[g]:start[g+1]] {
			wg += c.w[k]
		}
		cg := float64(start[g+1] - start[g])
		cnt[g] = cg
		vs := vals[g] - lo
		pw[g+1], px[g+1] = pw[g]+wg, px[g]+wg*vs
		pc[g+1], pv[g+1] = pc[g]+cg, pv[g]+cg*vs
	}
	wTot, cTot, vTot := pw[m], pc[m], pv[m]
	mg := grow(&ws.mg, m)
	clear(mg)
	nb := growInt(&ws.nb, m)
	for a := range nb {
		nb[a] = a + 1
	}
	// the pairs in the order taken, and how many have each boundary, for
	// probPairs to take them again without the tests
	pairs := growInt32(&ws.pairs, m*(m-1))[:0]
	hcount := growInt32(&ws.hcount, m+1)
	var dsum float64
	first := 0 // the lowest a with partners left
	for h := 1; h <= m; h++ {
		for first < m && nb[first] == m {
			first++
		}
		before := len(pairs)
		last := h == m
		var y float64
		if !last {
			y = vals[h]
		}
		for a := first; a < h; a++ {
			b := nb[a]
			va := vals[a]
			as := va - lo
			// the pairs (a, b) whose boundary is h: position h is not
			// nearer a than b
			for ; b < m && (last || !(math.Abs(y-vals[b]) > math.Abs(y-va))); b++ {
				vb := vals[b]
				bs := vb - lo
				dist := vb - va
				wIn, xIn := pw[h]-pw[a+1], px[h]-px[a+1]
				// N(a, b): challenger a, target b; N(b, a) the reverse
				nab := dist*pw[a+1] + (as+bs)*wIn - 2*xIn
				wUp, xUp := pw[b]-pw[h], px[b]-px[h]
				nba := dist*(wTot-pw[b]) + 2*xUp - (as+bs)*wUp
				mg[b] += cnt[a] * dist * nab
				mg[a] += cnt[b] * dist * nba
				dsum += cnt[a] * cnt[b] * (nab + nba)
				pairs = append(pairs, int32(a), int32(b))
			}
			nb[a] = b
		}
		hcount[h] = int32(len(pairs)-before) / 2
	}
	ws.pairs = pairs
	d := 2 * dsum / c.delta
	for j, g := range geo.grp[:len(s)] {
		sj := c.s[j]
		bs := vals[g] - lo
		l := bs*pc[g] - pv[g] + (vTot - pv[g+1]) - bs*(cTot-pc[g+1]) // L(x_j)
		s[j] = 2 * (1 - 2*sj) * l / c.delta
		if d > 0 {
			s[j] += 4 * sj * mg[g] / (c.delta * c.delta * d)
		}
	}
	return d
}

// probPairs computes E9R's numerators for every ordered pair of positions
// and their denominator D at the voters' exponents r, for many actors:
// the rows of P̃·D and of its transpose (pmat's v and t, not divided by
// D). The numerator of (a, b), a < b, is Σ over the voters below the
// pair's boundary h of w_k(u_k(b) − u_k(a)), u_k(v) = (|x_k − v|/Δ)^{r_k}:
// a difference of prefix sums over the voters sorted by position, and
// that of (b, a) the same over the voters from h on. The prefix sums are
// kept by boundary, row h holding every position's (pre[h·m + g]), and
// built a row at a time from the voters of group h (their powers against
// every position at once, xmath.ExpTo); the pairs are then taken by
// boundary, from the list sumsS made of them, each reading one row.
//
// Unlike probFast it has no term-by-term fallback where a difference
// cancels: the error of a difference is of order ε times the sums it is
// taken from, and P̃ divides them by D, the sum over every pair of
// actors, so the error in P̃, and in a and b (E10), is of order ε/n²,
// below their own rounding. TestLeanEqualsFull checks the result
// against round's.
func (c *column) probPairs(geo *geometry, x, r []float64) (pmat, float64) {
	ws := c.ws
	vals, start, ord := geo.vals, geo.start, geo.ord
	m := len(vals)
	lr := ws.lr[:m*m] // the round's (logsLr)
	pre := grow(&ws.tab, (m+1)*m)
	tmp := grow(&ws.dg, m)
	clear(pre[:m])
	for h := range m {
		row, next := pre[h*m:(h+1)*m], pre[(h+1)*m:(h+2)*m]
		copy(next, row)
		for _, k := range ord[start[h]:start[h+1]] {
			wk, rk := c.w[k], r[k]
			if rk == 1 {
				for g, v := range vals {
					tmp[g] = math.Abs(x[k]-v) / c.delta
				}
			} else {
				lrow := lr[h*m : (h+1)*m]
				for g, l := range lrow {
					tmp[g] = rk * l
				}
				xmath.ExpTo(tmp, tmp) // (|x_k − v_g|/Δ)^{r_k}, 0 at g = h
			}
			for g, u := range tmp {
				next[g] += wk * u
			}
		}
	}
	tot := pre[m*m : (m+1)*m]
	num, numT := grow(&ws.pg[1], m*m), grow(&ws.pt[1], m*m)
	for g := range m {
		num[g*m+g], numT[g*m+g] = 0, 0 // A15
	}
	cnt := ws.cnt[:m]                    // sumsS's
	pairs, hcount := ws.pairs, ws.hcount // sumsS's: the pairs by boundary
	var dsum float64
	for h := 1; h <= m; h++ {
		row := pre[h*m : (h+1)*m]
		for k := int32(0); k < hcount[h]; k++ {
			a, b := pairs[2*k], pairs[2*k+1]
			pa, pb := row[a], row[b]
			nab := max(0, pb-pa)                   // voters below h, nearer a
			nba := max(0, (tot[a]-pa)-(tot[b]-pb)) // voters from h, nearer b
			num[a*int32(m)+b], num[b*int32(m)+a] = nab, nba
			numT[a*int32(m)+b], numT[b*int32(m)+a] = nba, nab
			dsum += cnt[a] * cnt[b] * (nab + nba)
		}
		pairs = pairs[2*hcount[h]:]
	}
	return pmat{m: m, grp: geo.grp, v: num, t: numT}, 2 * dsum
}
