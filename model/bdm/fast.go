package bdm

import (
	"math"
	"sort"
)

// probFast computes the same P (E9 or E9R) and D as probDirect in
// O(n·m + m² log m) time for n voters on m distinct positions, instead of
// O(n³).
//
// The idea: for a pair of positions a ≠ b, voter k's vote ṽ_k(a,b) =
// w_k[(|x_k−b|/Δ)^{r_k} − (|x_k−a|/Δ)^{r_k}] is positive exactly when k is
// nearer a than b, and the voters nearer a are a prefix (a < b) or a
// suffix (a > b) of the voters sorted by position. So with the table
// T[k][g] = w_k (|x_k−v_g|/Δ)^{r_k} over the distinct positions v_g and its
// column-wise prefix sums over sorted voters, the numerator of P_ab is a
// difference of four prefix sums, found after one binary search. For E9 the
// same table with r ≡ 1 gives the numerator, and the denominator
// Σ_k|v_k| is num(a,b) + num(b,a).
//
// D = Σ_k Σ_a Σ_b |T_ka − T_kb| splits by voter: with voter k's values
// taken in increasing order of distance from x_k (a merge outward from
// x_k, since the power is monotone), Σ_a Σ_b |u_a − u_b| is
// 2 Σ_h c_h (u_h C_h − U_h), where C_h and U_h are the count and sum of
// the values before h. That is O(m) per voter.
//
// The sums run in a different order than probDirect's, so results agree to
// rounding (≈1e-15 relative), not bit for bit; see docs/decisions/bdm.md.
func probFast(c *column, x, r []float64) ([][]float64, float64) {
	n := len(x)
	ord := make([]int, n)
	for i := range ord {
		ord[i] = i
	}
	sort.SliceStable(ord, func(a, b int) bool { return x[ord[a]] < x[ord[b]] })
	// distinct positions vals, the group of each actor, and start[g]: the
	// number of sorted voters before group g.
	var vals []float64
	var start []int
	grp := make([]int, n)
	for t, i := range ord {
		if t == 0 || x[i] != vals[len(vals)-1] {
			vals = append(vals, x[i])
			start = append(start, t)
		}
		grp[i] = len(vals) - 1
	}
	m := len(vals)
	start = append(start, n)
	if c.paper {
		r = nil // E9's votes are linear
	}
	// u[t][g] = (|x_k − v_g|/Δ)^{r_k} for sorted voter t = k's rank.
	rank := make([]int, n)
	tab := make([]float64, n*m)
	for t, k := range ord {
		rank[k] = t
		rk := 1.0
		if r != nil {
			rk = r[k]
		}
		row := tab[t*m : (t+1)*m]
		for g, v := range vals {
			row[g] = pw(math.Abs(x[k]-v)/c.delta, rk)
		}
	}
	// pre[g][h] = Σ of w_k u[k][g] over the voters of groups < h.
	pre := make([]float64, m*(m+1))
	for g := range vals {
		col := pre[g*(m+1) : (g+1)*(m+1)]
		s := 0.0
		for h := 0; h < m; h++ {
			col[h] = s
			for t := start[h]; t < start[h+1]; t++ {
				s += c.w[ord[t]] * tab[t*m+g]
			}
		}
		col[m] = s
	}
	// num(ga, gb): Σ over voters nearer v_ga than v_gb of w_k(u_kb − u_ka),
	// as a difference of prefix sums. ok is false when that difference
	// cancels more than three digits (v_ga and v_gb close together, or
	// nobody nearer v_ga): the caller then sums the pair term by term.
	num := func(ga, gb int) (float64, bool) {
		a, b := vals[ga], vals[gb]
		pa, pb := pre[ga*(m+1):(ga+1)*(m+1)], pre[gb*(m+1):(gb+1)*(m+1)]
		var sa, sb float64
		if a < b {
			h := sort.Search(m, func(h int) bool { y := vals[h]; return !(math.Abs(y-b) > math.Abs(y-a)) })
			sa, sb = pa[h], pb[h]
		} else {
			h := sort.Search(m, func(h int) bool { y := vals[h]; return math.Abs(y-b) > math.Abs(y-a) })
			sa, sb = pa[m]-pa[h], pb[m]-pb[h]
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
	pg := make([]float64, m*m)
	var d float64
	if c.paper {
		for ga := range vals {
			for gb := ga + 1; gb < m; gb++ {
				ab, ok1 := num(ga, gb)
				ba, ok2 := num(gb, ga)
				all := ab + ba
				if !ok1 || !ok2 {
					ab, all = exact(ga, gb)
					ba, _ = exact(gb, ga)
				}
				if all > 0 {
					pg[ga*m+gb], pg[gb*m+ga] = ab/all, ba/all
				} else {
					pg[ga*m+gb], pg[gb*m+ga] = 0.5, 0.5
				}
			}
		}
	} else {
		// D, voter by voter.
		cnt := make([]float64, m)
		for g := range vals {
			cnt[g] = float64(start[g+1] - start[g])
		}
		for t, k := range ord {
			row := tab[t*m : (t+1)*m]
			wk := c.w[k]
			gk := grp[k]
			var cum, sum, part float64
			add := func(g int) {
				u := wk * row[g]
				part += cnt[g] * (u*cum - sum)
				cum += cnt[g]
				sum += cnt[g] * u
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
		if d > 0 {
			for ga := range vals {
				for gb := range vals {
					if ga != gb {
						v, ok := num(ga, gb)
						if !ok {
							v, _ = exact(ga, gb)
						}
						pg[ga*m+gb] = v / d
					}
				}
			}
		}
	}
	p := make([][]float64, n)
	for i := range p {
		p[i] = make([]float64, n)
		row := pg[grp[i]*m : (grp[i]+1)*m]
		for j := range p[i] {
			p[i][j] = row[grp[j]]
		}
	}
	return p, d
}
