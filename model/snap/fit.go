package snap

import (
	"math"

	"parley/model"
)

// Case is one issue with a known outcome, for fitting and scoring.
type Case struct {
	Problem *model.Problem
	// Issue is the index of the issue in Problem.
	Issue   int
	Outcome float64
}

// onAtom returns the atom of d at y (within 1e-6 of the scale), or −1.
func onAtom(d *model.Predictive, y float64) int {
	tol := 1e-6 * (d.Max - d.Min)
	for j, a := range d.Atoms {
		if math.Abs(a.Value-y) <= tol {
			return j
		}
	}
	return -1
}

// LogLik is the mean log likelihood of the outcomes under (3)–(4): the
// atom's probability for an outcome on a candidate, the density (4)
// otherwise (a likelihood with respect to counting measure on V plus
// Lebesgue measure, the two parts of the mixture).
func LogLik(cases []Case, par Params) float64 {
	s := 0.0
	for _, c := range cases {
		d := Predict(c.Problem, c.Issue, par)
		var l float64
		if j := onAtom(d, c.Outcome); j >= 0 {
			l = d.Atoms[j].Prob
		} else {
			// Density per scale unit of a 0–1 scale, so that issues on
			// different scales weigh alike.
			l = d.ContDensity(c.Outcome) * (d.Max - d.Min)
		}
		s += math.Log(math.Max(l, 1e-300))
	}
	return s / float64(len(cases))
}

// MeanCRPS is the mean CRPS (model.Predictive.CRPS) of the outcomes,
// on each issue's own scale.
func MeanCRPS(cases []Case, par Params) float64 {
	s := 0.0
	for _, c := range cases {
		s += Predict(c.Problem, c.Issue, par).CRPS(c.Outcome)
	}
	return s / float64(len(cases))
}

// Coverage is the share of outcomes inside [Q(τ), Q(1−τ)].
func Coverage(cases []Case, par Params, tau float64) float64 {
	in := 0
	for _, c := range cases {
		d := Predict(c.Problem, c.Issue, par)
		lo, hi := d.Interval(tau)
		if c.Outcome >= lo-1e-9 && c.Outcome <= hi+1e-9 {
			in++
		}
	}
	return float64(in) / float64(len(cases))
}

// CalibrateTau returns the largest τ in [0, 0.5] (to 1e-4) whose interval
// [Q(τ), Q(1−τ)] still covers at least the share target of the outcomes:
// the narrowest central intervals that are not over-confident on the
// cases. Coverage falls as τ grows, so bisection finds it.
func CalibrateTau(cases []Case, par Params, target float64) float64 {
	lo, hi := 0.0, 0.5
	if Coverage(cases, par, lo) < target {
		return 0
	}
	for hi-lo > 1e-4 {
		mid := (lo + hi) / 2
		if Coverage(cases, par, mid) >= target {
			lo = mid
		} else {
			hi = mid
		}
	}
	return math.Round(lo*1e4) / 1e4
}

// PointMAE is the mean absolute error of the snap point (5) with θ = snap.
func PointMAE(cases []Case, snap float64) float64 {
	s := 0.0
	for _, c := range cases {
		s += math.Abs(Point(c.Problem, c.Issue, snap) - c.Outcome)
	}
	return s / float64(len(cases))
}
