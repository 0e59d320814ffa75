package bdm

import (
	"math"

	"parley/xmath"
)

// probFast computes the same P (E9 or E9R) and D as probDirect in
// O(n·m + m²) time for n voters on m distinct positions, instead of
// O(n·m²).
//
// The idea: for a pair of positions a ≠ b, voter k's vote ṽ_k(a,b) =
// w_k[(|x_k−b|/Δ)^{r_k} − (|x_k−a|/Δ)^{r_k}] is positive exactly when k is
// nearer a than b, and the voters nearer a are a prefix (a < b) or a
// suffix (a > b) of the voters sorted by position. So with the table
// u[g][k] = (|x_k−v_g|/Δ)^{r_k} over the distinct positions v_g and, per
// position g, the prefix sums S_g(h) of w_k u[g][k] over the voters of the
// groups before h, the numerator of P_ab is S_b(h) − S_a(h) (or the same
// for the suffix) at the pair's boundary h. For E9 the same table with
// r ≡ 1 gives the numerator, and the denominator Σ_k|v_k| is num(a,b) +
// num(b,a). E9R's D = Σ_k Σ_a Σ_b |ṽ_k| is 2 Σ over ordered pairs of
// actors of the numerators.
//
// Memory order matters at n = 1000 (the tables are 8 MB): everything is
// read row by row. For each position g, one sweep over the partners
// (the boundary only moves one way) reads S_g at every boundary where g
// is the pair's a, and another where g is its b; the b-terms are then
// transposed in cache-sized blocks so that both terms of a pair sit at
// the same index.
//
// A difference of prefix sums cancels when a and b are close (or nobody
// is nearer a): when it would lose more than three digits, the pair is
// summed term by term instead, as probDirect does. The sums still run in
// another order than probDirect's, so results agree to rounding (≈1e-15
// relative), not bit for bit; see docs/DECISIONS.md.
func probFast(c *column, x, r []float64, slot int) (pmat, float64) {
	ws := c.ws
	if ws == nil {
		ws = &workspace{}
	}
	n := len(x)
	geo := ws.grouped(x)
	vals, start, ord := geo.vals, geo.start, geo.ord
	m := len(vals)
	if c.paper {
		r = nil // E9's votes are linear
	}
	// lr[h·m + g] = ln(|v_h − v_g|/Δ), when some voter's r ≠ 1.
	lr := positionLogs(c, ws, geo, vals, r)
	// tab[g·n + t] = u(g, t) = (|x_k − v_g|/Δ)^{r_k} for the voter k of
	// rank t, and pre[g·(m+1) + h] = Σ of w_k u over the voters of groups
	// < h. With r ≡ 1 (and in E9) u is |v_h − v_g|/Δ for every voter of
	// group h, so the table is not stored: the prefix sums take u group
	// by group, and the rare pairs summed term by term (exact, below)
	// compute it again, with the same bits.
	linear := true
	for _, rk := range r {
		if rk != 1 {
			linear = false
			break
		}
	}
	var tab []float64
	if !linear {
		tab = grow(&ws.tab, m*n)
	}
	pre := grow(&ws.pre, m*(m+1))
	for g, v := range vals {
		ps := pre[g*(m+1) : (g+1)*(m+1)]
		ps[0] = 0
		run := 0.0
		if linear {
			for h, y := range vals {
				d := math.Abs(y-v) / c.delta // = |x_k − v_g|/Δ, x_k = y
				for _, k := range ord[start[h]:start[h+1]] {
					run += c.w[k] * d
				}
				ps[h+1] = run
			}
			continue
		}
		row := tab[g*n : (g+1)*n]
		lrow := lr[g*m : (g+1)*m]
		for t, k := range ord {
			if r[k] == 1 {
				row[t] = math.Abs(x[k]-v) / c.delta
			} else {
				row[t] = xmath.Exp(r[k] * lrow[geo.grp[k]]) // = pw(|x_k−v_g|/Δ, r_k)
			}
		}
		for h := range m {
			for t := start[h]; t < start[h+1]; t++ {
				run += c.w[ord[t]] * row[t]
			}
			ps[h+1] = run
		}
	}
	// nearerA reports whether a voter at y is nearer a than b: the voters
	// whose vote ṽ(a,b) is positive.
	nearerA := func(y, a, b float64) bool { return math.Abs(y-b) > math.Abs(y-a) }
	// bound returns h for the pair (ga, gb): for a < b the number of groups
	// nearer a (they come first), for a > b the first group nearer a. It
	// starts from a known lower bound h0 (in a sweep over either partner
	// the boundary only moves right).
	bound := func(ga, gb, h0 int) int {
		a, b := vals[ga], vals[gb]
		h := h0
		if a < b {
			for h < m && nearerA(vals[h], a, b) {
				h++
			}
		} else {
			for h < m && !nearerA(vals[h], a, b) {
				h++
			}
		}
		return h
	}
	// term is S_g over the voters nearer a for the pair (a, b) with
	// boundary h, g being a or b.
	term := func(ps []float64, a, b float64, h int) float64 {
		if a < b {
			return ps[h]
		}
		return ps[m] - ps[h]
	}
	// sa[ga·m + gb] is the a-term of the pair (ga, gb) (S_a at its
	// boundary) and sbt[ga·m + gb] its b-term (S_b), so that both terms
	// of a pair sit at the same index.
	sa := grow(&ws.sa, m*m)
	sbt := grow(&ws.pt[slot], m*m) // the transpose's buffer, free until the end
	// The boundaries depend on the positions only: in a round (shared),
	// ha[ga·m + gb] keeps them, found by one sweep per position in the
	// round's first call and read again by its second (P at the new r).
	shared := geo == &ws.geo
	reuse := shared && ws.bndReady
	var ha []int32
	if shared {
		ha = growInt32(&ws.ha, m*m)
	}
	var sb []float64
	if !shared {
		sb = grow(&ws.sb, m*m)
	}
	for g := range vals {
		ps := pre[g*(m+1) : (g+1)*(m+1)]
		if reuse {
			hag := ha[g*m : (g+1)*m]
			for gb := range vals {
				if gb == g {
					sa[g*m+g] = 0
					continue
				}
				sa[g*m+gb] = term(ps, vals[g], vals[gb], int(hag[gb]))
			}
			continue
		}
		h := 0
		for gb := range vals { // g as the pair's a
			if gb == g {
				h, sa[g*m+g] = 0, 0
				continue
			}
			h = bound(g, gb, h)
			if shared {
				ha[g*m+gb] = int32(h)
			}
			sa[g*m+gb] = term(ps, vals[g], vals[gb], h)
		}
		if shared {
			continue // the b-terms below, from ha
		}
		h = 0
		for ga := range vals { // g as the pair's b (transposed below)
			if ga == g {
				h, sb[g*m+g] = 0, 0
				continue
			}
			h = bound(ga, g, h)
			sb[g*m+ga] = term(ps, vals[ga], vals[g], h)
		}
	}
	if shared {
		// The b-terms in place, in cache-sized blocks: within a block the
		// rows of pre are read near each pair's boundary.
		const blk = 32
		for ga0 := 0; ga0 < m; ga0 += blk {
			for gb0 := 0; gb0 < m; gb0 += blk {
				for ga := ga0; ga < min(ga0+blk, m); ga++ {
					a, hrow, srow := vals[ga], ha[ga*m:(ga+1)*m], sbt[ga*m:(ga+1)*m]
					for gb := gb0; gb < min(gb0+blk, m); gb++ {
						if gb == ga {
							srow[gb] = 0
							continue
						}
						srow[gb] = term(pre[gb*(m+1):(gb+1)*(m+1)], a, vals[gb], int(hrow[gb]))
					}
				}
			}
		}
		ws.bndReady = true
	} else {
		transpose(sbt, sb, m)
	}
	// exact sums the pair (a in group ga, b in gb) term by term.
	exact := func(ga, gb int) (pos, all float64) {
		var ra, rb []float64
		if !linear {
			ra, rb = tab[ga*n:(ga+1)*n], tab[gb*n:(gb+1)*n]
		}
		a, b := vals[ga], vals[gb]
		for t, k := range ord {
			var v float64
			switch {
			case linear && !c.paper:
				v = c.w[k] * (math.Abs(x[k]-b)/c.delta - math.Abs(x[k]-a)/c.delta)
			case c.paper:
				// E2 as probDirect writes it: the difference before the
				// division, which matters when a and b nearly coincide
				v = c.w[k] * (math.Abs(x[k]-b) - math.Abs(x[k]-a)) / c.delta
			default:
				v = c.w[k] * (rb[t] - ra[t])
			}
			if v > 0 {
				pos += v
			}
			all += math.Abs(v)
		}
		return
	}
	// num is the numerator of the pair (ga, gb) from the prefix sums; ok
	// is false when that difference cancels more than three digits.
	num := func(i int) (float64, bool) {
		a, b := sa[i], sbt[i]
		v := b - a
		return v, a+b == 0 || v*1e3 > a+b
	}
	pg := grow(&ws.pg[slot], m*m)
	var d float64
	if c.paper {
		for ga := range vals {
			pg[ga*m+ga] = 0 // A15
			for gb := ga + 1; gb < m; gb++ {
				ab, ok1 := num(ga*m + gb)
				ba, ok2 := num(gb*m + ga)
				all := ab + ba
				if !ok1 || !ok2 {
					ab, all = exact(ga, gb)
					ba, _ = exact(gb, ga)
				}
				if all > 0 {
					pg[ga*m+gb], pg[gb*m+ga] = ab/all, ba/all
				} else {
					pg[ga*m+gb], pg[gb*m+ga] = 0.5, 0.5 // every voter indifferent
				}
			}
		}
	} else {
		for ga := range vals {
			ca := float64(start[ga+1] - start[ga])
			row := pg[ga*m : (ga+1)*m]
			var part float64
			for gb := range vals {
				if gb == ga {
					row[gb] = 0 // A15
					continue
				}
				v, ok := num(ga*m + gb)
				if !ok {
					v, _ = exact(ga, gb)
				}
				row[gb] = v
				part += float64(start[gb+1]-start[gb]) * v
			}
			d += ca * part
		}
		d *= 2 // D = 2 Σ over ordered pairs of actors of the numerators
		if d == 0 {
			clear(pg) // nobody prefers anything: every P̃ is 0
		} else {
			for i := range pg {
				pg[i] /= d
			}
		}
	}
	if slot == 0 && !c.paper {
		// P̃ at r ≡ 1 is read by rows only (see pmat.rows)
		return pmat{m: m, grp: geo.grp, v: pg}, d
	}
	pt := ws.pt[slot][:m*m]
	transpose(pt, pg, m)
	return pmat{m: m, grp: geo.grp, v: pg, t: pt}, d
}
