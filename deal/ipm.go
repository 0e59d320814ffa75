package deal

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// This file is the numerical core of Search: a primal log-barrier
// interior-point method (Boyd & Vandenberghe 2004, Convex Optimization,
// §11.3, "the barrier method") for the convex programs the deal analysis
// poses, with Newton steps that exploit their structure.
//
// Every program has the variables
//
//	u_p ≥ |q_k − x_p|   one per (actor, free issue) pair p, the epigraph of
//	                    the distance (equation 1's |·| term),
//	y = (q, e)           the free issues' normalised values q and a few
//	                    extra variables e (a margin, concessions, bends),
//
// the constraints
//
//	u_p − (q_k − x_p) ≥ 0,  u_p + (q_k − x_p) ≥ 0,  uMax − u_p ≥ 0  (pairs)
//	C_i = a_i − Σ_{p∈i} w_p u_p^ρ + γ_iᵀy ≥ 0                       (actors)
//	G_l = g_lᵀy + h_l ≥ 0                                          (general)
//
// and the objective
//
//	f0 = lᵀy + Σ_i [ φ_i Σ_{p∈i} w_p u_p^ρ − ν_i log C_i ],
//
// convex for ρ ≥ 1. The Hessian of the barrier is diagonal plus one
// rank-one term per actor in the u block, so the Newton system reduces
// (Schur complement, Sherman–Morrison per actor) to a dense system in y
// alone, of size |free issues| + |extras|: O(P + n·D²+ D³) per step.
//
// Certificate. At the last centring step the Lagrange multipliers
// λ_j = 1/(τ g_j) and the residual r = ∇Φ/τ = ∇f0 − Σ λ_j ∇g_j give, for
// any feasible z′ (f0 convex, g_j concave, g_j(z′) ≥ 0),
//
//	f0(z′) ≥ f0(z) − Σ_j λ_j g_j(z) + rᵀ(z′ − z)
//	       = f0(z) − m/τ + rᵀ(z′ − z),
//
// and z′ lies in the box of the variables' bounds, so
// f* ≥ f0(z) − m/τ + Σ_v min(r_v(lo_v − z_v), r_v(hi_v − z_v)). That lower
// bound is reported with every solution: the gap f0(z) − bound bounds the
// distance to the optimum however well the centring went.

// entry is one non-zero of a sparse vector over y.
type entry struct {
	j int
	v float64
}

// ipPair is one (actor, free issue) pair.
type ipPair struct {
	k    int     // index of q_k in y
	x, w float64 // normalised position and weight
}

// ipActor is one actor constraint C_i ≥ 0 and its part of the objective.
type ipActor struct {
	from, to int // its pairs: pairs[from:to]
	a        float64
	gamma    []entry
	nu, phi  float64
}

// ipGen is one general linear constraint gᵀy + h ≥ 0.
type ipGen struct {
	g []entry
	h float64
}

// program is one convex program of the form above.
type program struct {
	D      int // len(y)
	rho    float64
	uMax   float64
	pairs  []ipPair
	actors []ipActor
	gens   []ipGen
	l      []float64 // linear objective on y (len D)
	// ylo, yhi bound y (the general constraints must imply them); they
	// only enter the certificate.
	ylo, yhi []float64
}

// point is a value of the variables.
type point struct {
	u, y []float64
}

func (pt point) clone() point {
	return point{u: append([]float64(nil), pt.u...), y: append([]float64(nil), pt.y...)}
}

func (pr *program) m() int { return 3*len(pr.pairs) + len(pr.actors) + len(pr.gens) }

func (pr *program) actorC(a *ipActor, pt point) float64 {
	c := a.a
	for _, e := range a.gamma {
		c += e.v * pt.y[e.j]
	}
	for p := a.from; p < a.to; p++ {
		c -= pr.pairs[p].w * pr.pow(pt.u[p])
	}
	return c
}

func (pr *program) pow(u float64) float64 {
	if pr.rho == 1 {
		return u
	}
	return math.Pow(u, pr.rho)
}

func (g *ipGen) value(y []float64) float64 {
	s := g.h
	for _, e := range g.g {
		s += e.v * y[e.j]
	}
	return s
}

// f0 is the objective; +Inf outside its domain.
func (pr *program) f0(pt point) float64 {
	f := 0.0
	for j, l := range pr.l {
		f += l * pt.y[j]
	}
	for i := range pr.actors {
		a := &pr.actors[i]
		if a.phi != 0 {
			for p := a.from; p < a.to; p++ {
				f += a.phi * pr.pairs[p].w * pr.pow(pt.u[p])
			}
		}
		if a.nu != 0 {
			c := pr.actorC(a, pt)
			if !(c > 0) {
				return math.Inf(1)
			}
			f -= a.nu * math.Log(c)
		}
	}
	return f
}

// logSum accumulates Σ log g over many slacks with one log per call to
// value: products renormalised by math.Frexp every four factors.
type logSum struct {
	frac float64
	exp  int
	n    int
	bad  bool
}

func (l *logSum) add(g float64) {
	if !(g > 0) {
		l.bad = true
		return
	}
	l.frac *= g
	l.n++
	if l.n&3 == 0 {
		f, e := math.Frexp(l.frac)
		l.frac, l.exp = f, l.exp+e
	}
}

func (l *logSum) value() float64 { return math.Log(l.frac) + float64(l.exp)*math.Ln2 }

// phi is the barrier objective τ·f0 − Σ log g_j; +Inf when infeasible.
func (pr *program) phi(pt point, tau float64) float64 {
	ls := logSum{frac: 1}
	for p, pp := range pr.pairs {
		d := pt.y[pp.k] - pp.x
		ls.add(pt.u[p] - d)
		ls.add(pt.u[p] + d)
		ls.add(pr.uMax - pt.u[p])
	}
	for i := range pr.actors {
		ls.add(pr.actorC(&pr.actors[i], pt))
	}
	for l := range pr.gens {
		ls.add(pr.gens[l].value(pt.y))
	}
	if ls.bad {
		return math.Inf(1)
	}
	f := pr.f0(pt)
	if math.IsInf(f, 1) {
		return f
	}
	return tau*f - ls.value()
}

// maxStep returns the largest t ≤ 1 with every linear slack still
// positive at pt + t·step, times 0.99 (actor constraints count when
// ρ = 1; otherwise the line search checks them).
func (pr *program) maxStep(pt, step point) float64 {
	t := 1.0
	lim := func(g, dg float64) {
		if dg < 0 {
			t = math.Min(t, -0.99*g/dg)
		}
	}
	for p, pp := range pr.pairs {
		d := pt.y[pp.k] - pp.x
		dd := step.y[pp.k]
		lim(pt.u[p]-d, step.u[p]-dd)
		lim(pt.u[p]+d, step.u[p]+dd)
		lim(pr.uMax-pt.u[p], -step.u[p])
	}
	for l := range pr.gens {
		g := &pr.gens[l]
		dg := 0.0
		for _, e := range g.g {
			dg += e.v * step.y[e.j]
		}
		lim(g.value(pt.y), dg)
	}
	if pr.rho == 1 {
		for i := range pr.actors {
			a := &pr.actors[i]
			dc := 0.0
			for _, e := range a.gamma {
				dc += e.v * step.y[e.j]
			}
			for p := a.from; p < a.to; p++ {
				dc -= pr.pairs[p].w * step.u[p]
			}
			lim(pr.actorC(a, pt), dc)
		}
	}
	return t
}

// workspace holds the Newton step's scratch arrays, reused across steps.
type workspace struct {
	gu, hu, eu, om []float64 // gradient, diagonal Hessian, u–q cross term, ∇_u C
	gy             []float64
	sd             []float64 // row-major backing of S (upper triangle used)
	S              *mat.SymDense
	hinvg, v, hw   []float64
	z, beta, rhs   []float64
	rhsv, dy       *mat.VecDense
	step           point
	chol           mat.Cholesky
}

func (pr *program) newWorkspace() *workspace {
	P, D := len(pr.pairs), pr.D
	ws := &workspace{
		gu: make([]float64, P), hu: make([]float64, P), eu: make([]float64, P), om: make([]float64, P),
		gy: make([]float64, D), sd: make([]float64, D*D),
		hinvg: make([]float64, P), v: make([]float64, P), hw: make([]float64, P),
		z: make([]float64, P), beta: make([]float64, len(pr.actors)), rhs: make([]float64, D),
		dy:   mat.NewVecDense(D, nil),
		step: point{u: make([]float64, P), y: make([]float64, D)},
	}
	ws.S = mat.NewSymDense(D, ws.sd)
	ws.rhsv = mat.NewVecDense(D, ws.rhs)
	return ws
}

// newton computes the Newton step of the barrier objective at pt and
// returns it with the squared Newton decrement and the gradient (scaled
// by 1/τ: the certificate's residual r). ok is false when the reduced
// system cannot be factorised.
func (pr *program) newton(pt point, tau float64, ws *workspace) (step point, dec2 float64, ok bool) {
	D := pr.D
	gu, hu, eu, om, gy := ws.gu, ws.hu, ws.eu, ws.om, ws.gy
	for j := range gy {
		gy[j] = tau * pr.l[j]
	}
	S, sd := ws.S, ws.sd
	for j := range sd {
		sd[j] = 0
	}
	addS := func(a, b int, v float64) {
		if a <= b {
			sd[a*D+b] += v
		} else {
			sd[b*D+a] += v
		}
	}
	// Pairs.
	for p, pp := range pr.pairs {
		d := pt.y[pp.k] - pp.x
		g1, g2, g3 := pt.u[p]-d, pt.u[p]+d, pr.uMax-pt.u[p]
		gu[p] = -1/g1 - 1/g2 + 1/g3
		hu[p] = 1/(g1*g1) + 1/(g2*g2) + 1/(g3*g3)
		eu[p] = -1/(g1*g1) + 1/(g2*g2)
		gy[pp.k] += 1/g1 - 1/g2
		addS(pp.k, pp.k, 1/(g1*g1)+1/(g2*g2))
	}
	// General constraints.
	for l := range pr.gens {
		g := &pr.gens[l]
		G := g.value(pt.y)
		for _, e := range g.g {
			gy[e.j] -= e.v / G
		}
		for _, e := range g.g {
			for _, f := range g.g {
				if e.j <= f.j {
					addS(e.j, f.j, e.v*f.v/(G*G))
				}
			}
		}
	}
	// Actors: objective terms, constraint terms, then eliminate their u.
	rho := pr.rho
	beta := ws.beta
	for i := range pr.actors {
		a := &pr.actors[i]
		C := pr.actorC(a, pt)
		kappa := tau*a.nu + 1
		beta[i] = kappa / (C * C)
		for p := a.from; p < a.to; p++ {
			w, u := pr.pairs[p].w, pt.u[p]
			if rho == 1 {
				om[p] = w
			} else {
				om[p] = w * rho * math.Pow(u, rho-1)
				curv := w * rho * (rho - 1) * math.Pow(u, rho-2)
				hu[p] += kappa*curv/C + tau*a.phi*curv
			}
			gu[p] += kappa*om[p]/C + tau*a.phi*om[p]
		}
		for _, e := range a.gamma {
			gy[e.j] -= kappa * e.v / C
			for _, f := range a.gamma {
				if e.j <= f.j {
					addS(e.j, f.j, beta[i]*e.v*f.v)
				}
			}
		}
	}
	// rhs = −(gy − Σ Bᵀ Hinv gu); S −= Σ Bᵀ Hinv B.
	rhs := ws.rhs
	copy(rhs, gy)
	v, hw, hinvg := ws.v, ws.hw, ws.hinvg
	for i := range pr.actors {
		a := &pr.actors[i]
		b := beta[i]
		// v = Dg⁻¹ω, σ = β/(1 + β ωᵀv); Hinv z = Dg⁻¹z − σ v (vᵀz).
		wv := 0.0
		for p := a.from; p < a.to; p++ {
			v[p] = om[p] / hu[p]
			wv += om[p] * v[p]
		}
		sigma := b / (1 + b*wv)
		// hw = Hinv ω; Z = ωᵀ Hinv ω.
		Z := 0.0
		for p := a.from; p < a.to; p++ {
			hw[p] = v[p] * (1 - sigma*wv)
			Z += om[p] * hw[p]
		}
		// Hinv gu.
		vg := 0.0
		for p := a.from; p < a.to; p++ {
			vg += v[p] * gu[p]
		}
		wHg := 0.0
		for p := a.from; p < a.to; p++ {
			hinvg[p] = gu[p]/hu[p] - sigma*v[p]*vg
			wHg += om[p] * hinvg[p]
		}
		// Bᵀ Hinv gu = Eᵀ(Hinv gu) − β γ (ωᵀ Hinv gu).
		for p := a.from; p < a.to; p++ {
			rhs[pr.pairs[p].k] -= eu[p] * hinvg[p]
		}
		for _, e := range a.gamma {
			rhs[e.j] += b * e.v * wHg
		}
		// X = EᵀHinvE = diag(Σ e²/Dg) − σ (Eᵀv)(Eᵀv)ᵀ; Y = Eᵀ hw.
		for p := a.from; p < a.to; p++ {
			k := pr.pairs[p].k
			addS(k, k, -eu[p]*eu[p]/hu[p])
			for p2 := a.from; p2 < a.to; p2++ {
				k2 := pr.pairs[p2].k
				if k <= k2 {
					addS(k, k2, sigma*eu[p]*v[p]*eu[p2]*v[p2])
				}
			}
		}
		if len(a.gamma) > 0 {
			// − (−β Y γᵀ − β γ Yᵀ + β² Z γγᵀ).
			for p := a.from; p < a.to; p++ {
				k := pr.pairs[p].k
				y := eu[p] * hw[p]
				for _, e := range a.gamma {
					addS(k, e.j, b*y*e.v)
					if k == e.j {
						addS(k, e.j, b*y*e.v)
					}
				}
			}
			for _, e := range a.gamma {
				for _, f := range a.gamma {
					if e.j <= f.j {
						addS(e.j, f.j, -b*b*Z*e.v*f.v)
					}
				}
			}
		}
	}
	for j := range rhs {
		rhs[j] = -rhs[j]
	}
	if !ws.chol.Factorize(S) {
		// Regularise: add a tiny multiple of the diagonal's scale.
		tr := 0.0
		for j := 0; j < D; j++ {
			tr = math.Max(tr, math.Abs(sd[j*D+j]))
		}
		for j := 0; j < D; j++ {
			sd[j*D+j] += 1e-12*tr + 1e-300
		}
		if !ws.chol.Factorize(S) {
			return point{}, 0, false
		}
	}
	if err := ws.chol.SolveVecTo(ws.dy, ws.rhsv); err != nil {
		// A Condition error still carries the solution: barrier
		// Hessians are badly conditioned near the optimum by design,
		// and the line search and the certificate guard the step.
		if _, cond := err.(mat.Condition); !cond {
			return point{}, 0, false
		}
	}
	step = ws.step
	for j := range step.y {
		step.y[j] = ws.dy.AtVec(j)
	}
	// Δu = −Hinv(gu + BΔy), BΔy = EΔy − β ω (γᵀΔy).
	z := ws.z
	for i := range pr.actors {
		a := &pr.actors[i]
		gd := 0.0
		for _, e := range a.gamma {
			gd += e.v * step.y[e.j]
		}
		vz := 0.0
		for p := a.from; p < a.to; p++ {
			z[p] = gu[p] + eu[p]*step.y[pr.pairs[p].k] - beta[i]*om[p]*gd
			vz += v[p] * z[p]
		}
		wv := 0.0
		for p := a.from; p < a.to; p++ {
			wv += om[p] * v[p]
		}
		sigma := beta[i] / (1 + beta[i]*wv)
		for p := a.from; p < a.to; p++ {
			step.u[p] = -(z[p]/hu[p] - sigma*v[p]*vz)
		}
	}
	for p := range step.u {
		dec2 -= gu[p] * step.u[p]
	}
	for j := range step.y {
		dec2 -= gy[j] * step.y[j]
	}
	return step, dec2, true
}

// solution is a solved program: the point, its objective, a lower bound
// on the optimum (the certificate), and the work done.
type solution struct {
	pt     point
	f, lb  float64
	newton int
}

// solve runs the barrier method from the strictly feasible point start
// until m/τ < tol, and returns the final point with its certificate: the
// best of the lower bounds computed after each centring (each is valid;
// in floating point the later ones lose accuracy once the active slacks
// near 1e-10, so the run also stops when the bound has not improved for
// two rounds or a centring fails). stop, when not nil, ends the run after
// the first centring when it returns true.
func (pr *program) solve(start point, tol float64, stop func(point) bool) solution {
	ws := pr.newWorkspace()
	pt := start.clone()
	next := start.clone()
	m := float64(pr.m())
	tau := 1.0
	if f := math.Abs(pr.f0(pt)); f > 1 {
		tau = 1 / f
	}
	// ρ ≠ 1 bends the zone's boundary: centring then follows it in
	// short Newton steps, so τ grows more gently and centring may take
	// longer.
	mu, maxIt := 20.0, 50
	if pr.rho != 1 {
		mu, maxIt = 6, 400
	}
	n := 0
	lb := math.Inf(-1)
	stale := 0
	for outer := 0; outer < 60; outer++ {
		centred := false
		prev := math.Inf(1)
		for it := 0; it < maxIt; it++ {
			step, dec2, ok := pr.newton(pt, tau, ws)
			n++
			if !ok {
				break
			}
			// Below 1e-9 the point is centred for any purpose but the
			// certificate; stop when rounding stalls the decrement.
			if dec2/2 < 1e-9 && dec2 > prev/4 {
				centred = true
				break
			}
			prev = dec2
			// Centre loosely on the way; tightly once m/τ nears the
			// target, where the certificate is computed: its residual
			// is of the order of the decrement's square root.
			need := 1e-6
			if m/tau < 100*tol || stop != nil {
				need = 1e-18
			}
			if dec2/2 < need {
				centred = true
				break
			}
			phi0 := pr.phi(pt, tau)
			t := pr.maxStep(pt, step)
			accepted := false
			for ls := 0; ls < 60; ls++ {
				for p := range pt.u {
					next.u[p] = pt.u[p] + t*step.u[p]
				}
				for j := range pt.y {
					next.y[j] = pt.y[j] + t*step.y[j]
				}
				if ph := pr.phi(next, tau); ph <= phi0-0.25*t*dec2 {
					accepted = true
					break
				}
				t /= 2
			}
			if !accepted {
				// Rounding stops the descent: centred enough when the
				// decrement is small.
				centred = dec2/2 < 1e-9
				break
			}
			pt, next = next, pt
		}
		if m/tau < 100*tol || stop != nil {
			if b := pr.lowerBound(pt, tau, ws); b > lb {
				lb, stale = b, 0
			} else {
				stale++
			}
		}
		if stop != nil && stop(pt) {
			break
		}
		// A centring that stalls far from the target (possible for
		// ρ ≠ 1, whose barrier is not self-concordant) is not fatal: the
		// next, larger τ usually moves on. Near the target it means
		// rounding has taken over: stop.
		if m/tau < tol || (!centred && m/tau < 100*tol) || stale >= 2 {
			break
		}
		tau *= mu
	}
	if math.IsInf(lb, -1) {
		// The run ended before a tight centring (a centring failed):
		// the bound at the last point is still valid, only looser.
		lb = pr.lowerBound(pt, tau, ws)
	}
	return solution{pt: pt, f: pr.f0(pt), lb: lb, newton: n}
}

// lowerBound is the certificate at a point centred for τ (see the file
// comment).
func (pr *program) lowerBound(pt point, tau float64, ws *workspace) float64 {
	// Recompute the gradient of Φ at pt: newton fills ws.gu and ws.gy
	// before it factorises, so they are valid even when that fails.
	pr.newton(pt, tau, ws)
	lb := pr.f0(pt) - float64(pr.m())/tau
	for p, g := range ws.gu {
		r := g / tau
		lb += math.Min(r*(0-pt.u[p]), r*(pr.uMax-pt.u[p]))
	}
	for j, g := range ws.gy {
		r := g / tau
		lb += math.Min(r*(pr.ylo[j]-pt.y[j]), r*(pr.yhi[j]-pt.y[j]))
	}
	return lb
}
