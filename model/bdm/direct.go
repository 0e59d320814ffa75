package bdm

import "math"

// probDirect is the reference formulation of P: E9 (paper) or E9R
// (replication) summed term by term over the voters, as the spec writes
// them, O(n³) per call. Each unordered pair of actors takes one pass over
// the voters, which yields the positive votes for either order: since
// v_k(b,a) = −v_k(a,b) exactly, the negative votes of (a,b) are the
// positive ones of (b,a). So E9's denominator Σ_k|v_k| is their sum, and
// E9R's D = Σ_k Σ_a Σ_b |ṽ_k(x_a,x_b)| is twice the sum of every ordered
// pair's numerator (pairs at one position have every vote 0). E9R caches
// (|x_k−x_a|/Δ)^{r_k} (n² powers, the logarithms taken once per pair).
// The fast formulation in fast.go must agree with it; the tests check
// that they do.
func probDirect(c *column, x, r []float64, slot int) (pmat, float64) {
	ws := c.ws
	if ws == nil {
		ws = &workspace{}
	}
	n := len(x)
	grp := growInt(&ws.dgrp, n)
	for i := range grp {
		grp[i] = i
	}
	flat := grow(&ws.pg[slot], n*n)
	out := pmat{m: n, grp: grp, v: flat, t: grow(&ws.pt[slot], n*n)}
	if c.paper {
		for i := range x {
			flat[i*n+i] = 0
			for j := i + 1; j < n; j++ {
				if x[i] == x[j] {
					flat[i*n+j], flat[j*n+i] = 0, 0 // A15: P = 0
					continue
				}
				var pos, neg float64
				for k := range x {
					v := c.w[k] * (math.Abs(x[k]-x[j]) - math.Abs(x[k]-x[i])) / c.delta // E2
					if v > 0 {
						pos += v
					} else {
						neg -= v
					}
				}
				if all := pos + neg; all > 0 {
					flat[i*n+j], flat[j*n+i] = pos/all, neg/all
				} else {
					flat[i*n+j], flat[j*n+i] = 0.5, 0.5 // every voter indifferent: see docs/decisions/bdm.md
				}
			}
		}
		transpose(out.t, flat, n)
		return out, 0
	}
	// du[a·n + k] = (|x_k − x_a|/Δ)^{r_k}: target a's row over the voters.
	du := grow(&ws.dk, n*n)
	for k := range x {
		du[k*n+k] = 0
		for a := k + 1; a < n; a++ {
			d := math.Abs(x[k]-x[a]) / c.delta
			if r[k] == 1 && r[a] == 1 {
				du[a*n+k], du[k*n+a] = d, d
				continue
			}
			l := math.Log(d)
			du[a*n+k], du[k*n+a] = pwl(d, l, r[k]), pwl(d, l, r[a])
		}
	}
	var d float64
	for i := range x {
		flat[i*n+i] = 0
		ui := du[i*n : (i+1)*n : (i+1)*n]
		for j := i + 1; j < n; j++ {
			if x[i] == x[j] {
				flat[i*n+j], flat[j*n+i] = 0, 0 // A15
				continue
			}
			uj := du[j*n : (j+1)*n : (j+1)*n]
			var pos, neg float64
			for k, wk := range c.w[:n] {
				if v := wk * (uj[k] - ui[k]); v > 0 {
					pos += v
				} else {
					neg -= v
				}
			}
			flat[i*n+j], flat[j*n+i] = pos, neg
			d += pos + neg
		}
	}
	d *= 2
	if d == 0 {
		clear(flat) // nobody prefers anything: every P̃ is 0
	} else {
		for i := range flat {
			flat[i] /= d
		}
	}
	transpose(out.t, flat, n)
	return out, d
}

// pwl is pw(x, r) given l = ln x.
func pwl(x, l, r float64) float64 {
	if r == 1 {
		return x
	}
	return math.Exp(r * l)
}
