package bdm

import (
	"math"

	"parley/xmath"
)

// probDirect is the reference formulation of P: E9 (paper) or E9R
// (replication) summed term by term over the voters, as the spec writes
// them, O(n·m²) per call for n voters on m distinct positions. Actors at
// one position have the same P towards everyone, so P is computed per
// pair of distinct positions. Each unordered pair takes one pass over the
// voters, which yields the positive votes for either order: since
// v_k(b,a) = −v_k(a,b) exactly, the negative votes of (a,b) are the
// positive ones of (b,a). So E9's denominator Σ_k|v_k| is their sum, and
// E9R's D = Σ_k Σ_a Σ_b |ṽ_k(x_a,x_b)| is twice the sum of every ordered
// pair's numerator, counted once per pair of actors (pairs at one
// position have every vote 0). The voters are taken in order of
// position. E9R caches (|x_k−v_g|/Δ)^{r_k} for every voter and position (n·m powers, the logarithms taken once per pair of
// positions). The fast formulation in fast.go must agree with it; the
// tests check that they do.
func probDirect(c *column, x, r []float64, slot int) (pmat, float64) {
	ws := c.ws
	if ws == nil {
		ws = &workspace{}
	}
	n := len(x)
	geo := ws.grouped(x)
	vals, m := geo.vals, len(geo.vals)
	flat := grow(&ws.pg[slot], m*m)
	out := pmat{m: m, grp: geo.grp, v: flat, t: grow(&ws.pt[slot], m*m)}
	if c.paper {
		for ga, a := range vals {
			flat[ga*m+ga] = 0 // A15: P = 0
			for gb := ga + 1; gb < m; gb++ {
				b := vals[gb]
				var pos, neg float64
				for _, k := range geo.ord { // by position: the sign changes once
					xk := x[k]
					v := c.w[k] * (math.Abs(xk-b) - math.Abs(xk-a)) / c.delta // E2
					if v > 0 {
						pos += v
					} else {
						neg -= v
					}
				}
				if all := pos + neg; all > 0 {
					flat[ga*m+gb], flat[gb*m+ga] = pos/all, neg/all
				} else {
					flat[ga*m+gb], flat[gb*m+ga] = 0.5, 0.5 // every voter indifferent: see docs/DECISIONS.md
				}
			}
		}
		transpose(out.t, flat, m)
		return out, 0
	}
	// lr[h·m + g] = ln(|v_h − v_g|/Δ), when some voter's r ≠ 1.
	lr := positionLogs(c, ws, geo, vals, r)
	// du[g·n + t] = (|x_k − v_g|/Δ)^{r_k} for the voter k of rank t (the
	// voters in order of position, so that the sign of the votes below
	// changes once along a row and the branch is predictable), and ws[t]
	// = w_k.
	du := grow(&ws.dk, m*n)
	wt := grow(&ws.wt, n)
	tmp := grow(&ws.dg, m)
	for t, k := range geo.ord {
		xk, gk := x[k], geo.grp[k]
		wt[t] = c.w[k]
		if r[k] == 1 {
			for g, v := range vals {
				du[g*n+t] = math.Abs(xk-v) / c.delta // 0 at g = gk
			}
			continue
		}
		for g, l := range lr[gk*m : (gk+1)*m] {
			tmp[g] = r[k] * l
		}
		xmath.ExpTo(tmp, tmp) // = pw(|x_k−v_g|/Δ, r_k); e^{−∞} = 0 at g = gk
		for g, u := range tmp {
			du[g*n+t] = u
		}
	}
	var d float64
	for ga := range vals {
		flat[ga*m+ga] = 0 // A15
		ua := du[ga*n : (ga+1)*n : (ga+1)*n]
		ca := float64(geo.start[ga+1] - geo.start[ga])
		for gb := ga + 1; gb < m; gb++ {
			ub := du[gb*n : (gb+1)*n : (gb+1)*n]
			var pos, neg float64
			ua, ub := ua[:len(wt)], ub[:len(wt)]
			for t, wk := range wt {
				// Branch-free form of: if v > 0 { pos += v } else { neg -= v }.
				// p is v when v's sign bit is clear, else +0; adding or
				// subtracting +0 leaves pos and neg (both ≥ +0) unchanged,
				// so the sums are bit for bit the branching ones.
				v := wk * (ub[t] - ua[t])
				bits := math.Float64bits(v)
				p := math.Float64frombits(bits &^ uint64(int64(bits)>>63))
				pos += p
				neg -= v - p
			}
			flat[ga*m+gb], flat[gb*m+ga] = pos, neg
			d += ca * float64(geo.start[gb+1]-geo.start[gb]) * (pos + neg)
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
	if slot == 0 && !c.paper {
		out.t = nil // P̃ at r ≡ 1 is read by rows only (see pmat.rows)
	} else {
		transpose(out.t, flat, m)
	}
	return out, d
}
