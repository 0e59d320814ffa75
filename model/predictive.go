package model

import (
	"math"
	"sort"
)

// Predictive is a forecast distribution for one issue's outcome on the
// scale [Min, Max]: a mixture of point masses (Atoms, the outcomes that
// recur in real negotiations: a stated position, a scale end, the status
// quo, a labelled option) and a continuous part of weight Cont, a Laplace
// density centred at Center with scale Scale truncated to [Min, Max]:
//
//	F(x) = Σ_{a ≤ x} pₐ + Cont · (G(x) − G(Min)) / (G(Max) − G(Min))     (P1)
//
// with G the Laplace CDF. Σ pₐ + Cont = 1. Models that give a distribution
// set IssueResult.Predictive, centred on their point forecast (snap's and
// compromise-band's Center is it); its median need not be it (snap: the
// median scored worse on dev, docs/skill.md).
type Predictive struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
	// Atoms are distinct values, sorted, with positive probabilities.
	Atoms []Atom `json:"atoms"`
	// Cont is the continuous part's weight; Center and Scale (> 0 when
	// Cont > 0) its location and spread.
	Cont   float64 `json:"cont"`
	Center float64 `json:"center"`
	Scale  float64 `json:"scale"`
	// Tau80 and Tau95 are the tail levels of the 80% and 95% intervals,
	// [Quantile(τ), Quantile(1−τ)]; 0 means 0.1 and 0.025 (the central
	// intervals). A model calibrated on real outcomes sets its own.
	Tau80 float64 `json:"tau80"`
	Tau95 float64 `json:"tau95"`
}

// Interval80 is the 80% interval.
func (d *Predictive) Interval80() (lo, hi float64) {
	if d.Tau80 > 0 {
		return d.Interval(d.Tau80)
	}
	return d.Interval(0.1)
}

// Interval95 is the 95% interval.
func (d *Predictive) Interval95() (lo, hi float64) {
	if d.Tau95 > 0 {
		return d.Interval(d.Tau95)
	}
	return d.Interval(0.025)
}

// Atom is a point mass of a Predictive.
type Atom struct {
	Value float64 `json:"value"`
	Prob  float64 `json:"p"`
	// Stated is true when some actor's stated position is at Value;
	// End, Reference and Option when Value is a scale end, the reference
	// point or a labelled option (several may hold).
	Stated    bool `json:"stated,omitempty"`
	End       bool `json:"end,omitempty"`
	Reference bool `json:"reference,omitempty"`
	Option    bool `json:"option,omitempty"`
}

// laplaceCDF is the CDF of the Laplace distribution with location m and
// scale b.
func laplaceCDF(x, m, b float64) float64 {
	if x < m {
		return 0.5 * math.Exp((x-m)/b)
	}
	return 1 - 0.5*math.Exp(-(x-m)/b)
}

// contCDF is the continuous part's CDF (before weighting by Cont).
func (d *Predictive) contCDF(x float64) float64 {
	if d.Cont <= 0 {
		return 0
	}
	if x <= d.Min {
		return 0
	}
	if x >= d.Max {
		return 1
	}
	lo, hi := laplaceCDF(d.Min, d.Center, d.Scale), laplaceCDF(d.Max, d.Center, d.Scale)
	if hi-lo <= 1e-300 {
		// The whole Laplace mass lies outside the scale: the nearer end.
		if d.Center < d.Min {
			return 1
		}
		return 0
	}
	return (laplaceCDF(x, d.Center, d.Scale) - lo) / (hi - lo)
}

// ContDensity is the continuous part's density at x (weighted by Cont).
func (d *Predictive) ContDensity(x float64) float64 {
	if d.Cont <= 0 || x < d.Min || x > d.Max {
		return 0
	}
	lo, hi := laplaceCDF(d.Min, d.Center, d.Scale), laplaceCDF(d.Max, d.Center, d.Scale)
	if hi-lo <= 1e-300 {
		return 0
	}
	return d.Cont * math.Exp(-math.Abs(x-d.Center)/d.Scale) / (2 * d.Scale) / (hi - lo)
}

// CDF is F(x) of (P1).
func (d *Predictive) CDF(x float64) float64 {
	s := d.Cont * d.contCDF(x)
	for _, a := range d.Atoms {
		if a.Value <= x {
			s += a.Prob
		}
	}
	return math.Min(1, s)
}

// cdfBelow is F(x−), the probability of outcomes < x.
func (d *Predictive) cdfBelow(x float64) float64 {
	s := d.Cont * d.contCDF(x)
	for _, a := range d.Atoms {
		if a.Value < x {
			s += a.Prob
		}
	}
	return s
}

// Quantile returns the smallest x in [Min, Max] with F(x) ≥ q.
func (d *Predictive) Quantile(q float64) float64 {
	q = math.Max(0, math.Min(1, q))
	// An atom holds the quantile when F(a−) < q ≤ F(a).
	for _, a := range d.Atoms {
		if d.cdfBelow(a.Value) < q && q <= d.CDF(a.Value)+1e-12 {
			return a.Value
		}
	}
	lo, hi := d.Min, d.Max
	if d.CDF(lo) >= q {
		return lo
	}
	for range 200 {
		mid := (lo + hi) / 2
		if d.CDF(mid) >= q {
			hi = mid
		} else {
			lo = mid
		}
		if hi-lo <= 1e-9*(d.Max-d.Min) {
			break
		}
	}
	return hi
}

// Median is Quantile(0.5), the point forecast under absolute loss.
func (d *Predictive) Median() float64 { return d.Quantile(0.5) }

// Interval returns the central interval [Quantile(τ), Quantile(1−τ)].
func (d *Predictive) Interval(tau float64) (lo, hi float64) {
	return d.Quantile(tau), d.Quantile(1 - tau)
}

// ProbNear returns the probability of outcomes within tol of v.
func (d *Predictive) ProbNear(v, tol float64) float64 {
	s := d.Cont * (d.contCDF(v+tol) - d.contCDF(v-tol))
	for _, a := range d.Atoms {
		if math.Abs(a.Value-v) <= tol {
			s += a.Prob
		}
	}
	return s
}

// CRPS is the continuous ranked probability score of the distribution at
// outcome y (Gneiting & Raftery 2007, eq. 20):
//
//	CRPS(F, y) = ∫ (F(x) − 1{x ≥ y})² dx                                (P2)
//
// integrated over [Min, Max] (outside it both terms agree when y is on the
// scale), exactly between the breakpoints (atoms, y, the Laplace centre)
// for the atoms and by composite Simpson (256 panels per segment) for the
// continuous part. In scale units;
// it equals the absolute error for a single atom.
func (d *Predictive) CRPS(y float64) float64 {
	lo, hi := math.Min(d.Min, y), math.Max(d.Max, y)
	pts := []float64{lo, hi, y}
	if d.Cont > 0 && d.Center > lo && d.Center < hi {
		pts = append(pts, d.Center) // the density's kink
	}
	for _, a := range d.Atoms {
		pts = append(pts, a.Value)
	}
	sort.Float64s(pts)
	total := 0.0
	for j := 0; j+1 < len(pts); j++ {
		a, b := pts[j], pts[j+1]
		if b-a <= 0 {
			continue
		}
		// On (a, b) the atoms' part of F and the step are constant.
		mid := (a + b) / 2
		step := 0.0
		if mid >= y {
			step = 1
		}
		atoms := 0.0
		for _, at := range d.Atoms {
			if at.Value <= mid {
				atoms += at.Prob
			}
		}
		g := func(x float64) float64 {
			f := atoms + d.Cont*d.contCDF(x) - step
			return f * f
		}
		if d.Cont <= 0 {
			total += g(mid) * (b - a)
			continue
		}
		const n = 256
		h := (b - a) / n
		s := g(a) + g(b)
		for i := 1; i < n; i++ {
			if i%2 == 1 {
				s += 4 * g(a+float64(i)*h)
			} else {
				s += 2 * g(a+float64(i)*h)
			}
		}
		total += s * h / 3
	}
	return total
}

// Moments returns the mean and variance of the distribution, in closed
// form: the atoms' sums, and for the continuous part the integrals of
// 1, u and u² against e^{−u/b} over the stretches of the scale on each side
// of the centre (u the distance from it).
func (d *Predictive) Moments() (mean, variance float64) {
	var m1, m2 float64
	for _, a := range d.Atoms {
		m1 += a.Prob * a.Value
		m2 += a.Prob * a.Value * a.Value
	}
	if d.Cont > 0 {
		c, b := d.Center, d.Scale
		// prim returns the antiderivatives of e^{−u/b}, u e^{−u/b} and
		// u² e^{−u/b} at u.
		prim := func(u float64) (float64, float64, float64) {
			e := math.Exp(-u / b)
			return -b * e, -b * e * (u + b), -b * e * (u*u + 2*b*u + 2*b*b)
		}
		var mass, s1, s2 float64
		side := func(u0, u1, sign float64) {
			if u1 <= u0 {
				return
			}
			a0, a1, a2 := prim(u0)
			b0, b1, b2 := prim(u1)
			m, i1, i2 := b0-a0, b1-a1, b2-a2
			mass += m
			s1 += c*m + sign*i1
			s2 += c*c*m + 2*sign*c*i1 + i2
		}
		side(math.Max(0, d.Min-c), d.Max-c, 1)
		side(math.Max(0, c-d.Max), c-d.Min, -1)
		if mass > 0 {
			m1 += d.Cont * s1 / mass
			m2 += d.Cont * s2 / mass
		}
	}
	return m1, math.Max(0, m2-m1*m1)
}
