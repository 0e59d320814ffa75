package bdm

import "math"

// probDirect is the reference formulation of P: E9 (paper) or E9R
// (replication) summed term by term as the spec writes them. E9 costs
// O(n³) per call. E9R caches (|x_k−x_a|/Δ)^{r_k} (n² powers) and then sums
// D over all voters and ordered pairs, O(n³). The fast formulation in
// fast.go must agree with it; the tests check that they do.
func probDirect(c *column, x, r []float64, _ int) (pmat, float64) {
	n := len(x)
	grp := make([]int, n)
	for i := range grp {
		grp[i] = i
	}
	flat := make([]float64, n*n)
	p := rows(flat, n) // zero: make clears
	out := pmat{m: n, grp: grp, v: flat, t: make([]float64, n*n)}
	if c.paper {
		for i := range x {
			for j := range x {
				if x[i] == x[j] {
					continue // A15: P = 0
				}
				var pos, all float64
				for k := range x {
					v := c.w[k] * (math.Abs(x[k]-x[j]) - math.Abs(x[k]-x[i])) / c.delta // E2
					if v > 0 {
						pos += v
					}
					all += math.Abs(v)
				}
				if all > 0 {
					p[i][j] = pos / all
				} else {
					p[i][j] = 0.5 // every voter indifferent: see docs/decisions/bdm.md
				}
			}
		}
		transpose(out.t, flat, n)
		return out, 0
	}
	// dk[k][a] = (|x_k − x_a|/Δ)^{r_k}
	dk := make([][]float64, n)
	for k := range x {
		dk[k] = make([]float64, n)
		for a := range x {
			dk[k][a] = pw(math.Abs(x[k]-x[a])/c.delta, r[k])
		}
	}
	var d float64
	for k := range x {
		for a := range x {
			for b := range x {
				d += math.Abs(c.w[k] * (dk[k][b] - dk[k][a]))
			}
		}
	}
	if d == 0 {
		return out, 0
	}
	for i := range x {
		for j := range x {
			if x[i] == x[j] {
				continue
			}
			var num float64
			for k := range x {
				if v := c.w[k] * (dk[k][j] - dk[k][i]); v > 0 {
					num += v
				}
			}
			p[i][j] = num / d
		}
	}
	transpose(out.t, flat, n)
	return out, d
}
