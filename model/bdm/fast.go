package bdm

import "math"

// probFast computes the same P (E9 or E9R) and D as probDirect in
// O(n·m + m² log m) time for n voters on m distinct positions, instead of
// O(n³).
//
// The idea: for a pair of positions a ≠ b, voter k's vote ṽ_k(a,b) =
// w_k[(|x_k−b|/Δ)^{r_k} − (|x_k−a|/Δ)^{r_k}] is positive exactly when k is
// nearer a than b, and the voters nearer a are a prefix (a < b) or a
// suffix (a > b) of the voters sorted by position. So with the table
// u[k][g] = (|x_k−v_g|/Δ)^{r_k} over the distinct positions v_g and the
// prefix sums of w_k u[k][g] over sorted voters, the numerator of P_ab is
// a difference of four prefix sums, found after one binary search. For E9
// the same table with r ≡ 1 gives the numerator, and the denominator
// Σ_k|v_k| is num(a,b) + num(b,a).
//
// D = Σ_k Σ_a Σ_b |w_k u_ka − w_k u_kb| splits by voter: with voter k's
// values taken in increasing order of distance from x_k (a merge outward
// from x_k, the power being monotone), Σ_a Σ_b |u_a − u_b| is
// 2 Σ_h c_h (u_h C_h − U_h), where C_h and U_h are the count and sum of
// the values before h. That is O(m) per voter.
//
// A difference of prefix sums cancels when a and b are close (or nobody
// is nearer a): when it would lose more than three digits, the pair is
// summed term by term instead, exactly as probDirect does. The sums still
// run in another order than probDirect's, so results agree to rounding
// (≈1e-15 relative), not bit for bit; see docs/decisions/bdm.md.
func probFast(c *column, x, r []float64, slot int) (pmat, float64) {
	ws := c.ws
	if ws == nil {
		ws = &workspace{}
	}
	n := len(x)
	geo := groups(x)
	vals, start, ord := geo.vals, geo.start, geo.ord
	m := len(vals)
	if c.paper {
		r = nil // E9's votes are linear
	}
	// ln(|v_h − v_g|/Δ) for the voters' groups h and targets g, then
	// u[t][g] = (|x_k − v_g|/Δ)^{r_k} for sorted voter t = rank of k.
	var lr []float64
	if r != nil {
		lr = grow(&ws.lr, m*m)
		for h, y := range vals {
			lr[h*m+h] = math.Inf(-1) // ln 0
			for g := h + 1; g < m; g++ {
				l := math.Log(math.Abs(y-vals[g]) / c.delta)
				lr[h*m+g], lr[g*m+h] = l, l // |y−v| = |v−y| exactly
			}
		}
	}
	rank := make([]int, n)
	tab := grow(&ws.tab, n*m)
	for t, k := range ord {
		rank[k] = t
		row := tab[t*m : (t+1)*m]
		if r == nil || r[k] == 1 {
			for g, v := range vals {
				row[g] = math.Abs(x[k]-v) / c.delta
			}
			continue
		}
		rk, lrow := r[k], lr[geo.grp[k]*m:(geo.grp[k]+1)*m]
		for g := range vals {
			row[g] = math.Exp(rk * lrow[g]) // = pw(|x_k−v_g|/Δ, r_k)
		}
	}
	// pre[h·m + g] = Σ of w_k u[k][g] over the voters of groups < h.
	pre := grow(&ws.pre, (m+1)*m)
	clear(pre[:m])
	for h := 0; h < m; h++ {
		run := pre[(h+1)*m : (h+2)*m]
		copy(run, pre[h*m:(h+1)*m])
		for t := start[h]; t < start[h+1]; t++ {
			wk, row := c.w[ord[t]], tab[t*m:(t+1)*m]
			for g, u := range row {
				run[g] += wk * u
			}
		}
	}
	// nearerA reports whether a voter at y is nearer a than b: the voters
	// whose vote ṽ(a,b) is positive.
	nearerA := func(y, a, b float64) bool { return math.Abs(y-b) > math.Abs(y-a) }
	// bound returns h for the pair (ga, gb): for a < b the number of groups
	// nearer a (they come first), for a > b the first group nearer a. It
	// starts from a known lower bound h0 (the boundary only moves right as
	// b grows, so each row of pairs sweeps the groups once).
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
	// num(ga, gb, h): Σ over voters nearer v_ga than v_gb of
	// w_k(u_kb − u_ka), as a difference of prefix sums. ok is false when
	// that difference cancels more than three digits (v_ga and v_gb close
	// together, or nobody nearer v_ga): the caller then sums the pair term
	// by term.
	num := func(ga, gb, h int) (float64, bool) {
		var sa, sb float64
		if vals[ga] < vals[gb] {
			sa, sb = pre[h*m+ga], pre[h*m+gb]
		} else {
			sa, sb = pre[m*m+ga]-pre[h*m+ga], pre[m*m+gb]-pre[h*m+gb]
		}
		v := sb - sa
		return v, sa+sb == 0 || v*1e3 > sa+sb
	}
	// exact sums the pair (a in group ga, b in gb) the way probDirect does.
	exact := func(ga, gb int) (pos, all float64) {
		a, b := vals[ga], vals[gb]
		for k := range x {
			var v float64
			if c.paper {
				v = c.w[k] * (math.Abs(x[k]-b) - math.Abs(x[k]-a)) / c.delta
			} else {
				row := tab[rank[k]*m : (rank[k]+1)*m]
				v = c.w[k] * (row[gb] - row[ga])
			}
			if v > 0 {
				pos += v
			}
			all += math.Abs(v)
		}
		return
	}
	pg := grow(&ws.pg[slot], m*m)
	var d float64
	if c.paper {
		for ga := range vals {
			pg[ga*m+ga] = 0 // A15
			hab, hba := 0, 0
			for gb := ga + 1; gb < m; gb++ {
				hab, hba = bound(ga, gb, hab), bound(gb, ga, hba)
				ab, ok1 := num(ga, gb, hab)
				ba, ok2 := num(gb, ga, hba)
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
		// D, voter by voter.
		for t, k := range ord {
			row := tab[t*m : (t+1)*m]
			wk := c.w[k]
			gk := geo.grp[k]
			var cum, sum, part float64
			add := func(g int) {
				u, cnt := wk*row[g], float64(start[g+1]-start[g])
				part += cnt * (u*cum - sum)
				cum += cnt
				sum += cnt * u
			}
			add(gk)
			lo, hi := gk-1, gk+1
			for lo >= 0 || hi < m {
				if hi >= m || (lo >= 0 && math.Abs(x[k]-vals[lo]) <= math.Abs(x[k]-vals[hi])) {
					add(lo)
					lo--
				} else {
					add(hi)
					hi++
				}
			}
			d += 2 * part
		}
		if d == 0 {
			clear(pg) // nobody prefers anything: every P̃ is 0
		} else {
			for ga := range vals {
				pg[ga*m+ga] = 0 // A15
				h := 0
				for gb := range vals {
					if gb == ga {
						h = 0 // the a < b sweep starts afresh
						continue
					}
					h = bound(ga, gb, h)
					v, ok := num(ga, gb, h)
					if !ok {
						v, _ = exact(ga, gb)
					}
					pg[ga*m+gb] = v / d
				}
			}
		}
	}
	pt := grow(&ws.pt[slot], m*m)
	transpose(pt, pg, m)
	return pmat{m: m, grp: geo.grp, v: pg, t: pt}, d
}
