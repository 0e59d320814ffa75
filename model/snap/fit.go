package snap

import (
	"math"

	"gonum.org/v1/gonum/optimize"

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

// vec maps Params to the unconstrained vector Nelder–Mead moves and back:
// π through the logistic function, σ through exp.
func vec(p Params) []float64 {
	return []float64{p.Dist, p.End, p.Ref, p.Share, p.Stated, math.Log(p.Cont / (1 - p.Cont)), math.Log(p.Scale)}
}

func unvec(x []float64) Params {
	return Params{Dist: x[0], End: x[1], Ref: x[2], Share: x[3], Stated: x[4],
		Cont: 1 / (1 + math.Exp(-x[5])), Scale: math.Exp(x[6])}
}

// Start is where Fit starts: no preference among candidates but distance,
// half the mass continuous.
var Start = Params{Dist: 5, Cont: 0.3, Scale: 0.1}

// SnapGrid are the values of θ (eq. 5) Fit tries.
var SnapGrid = []float64{0, 0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3, 0.325, 0.35}

// PointMAE is the mean absolute error of the snap point (5) with θ = snap.
func PointMAE(cases []Case, snap float64) float64 {
	s := 0.0
	for _, c := range cases {
		s += math.Abs(Point(c.Problem, c.Issue, snap) - c.Outcome)
	}
	return s / float64(len(cases))
}

// Fit fits the model on the cases in three steps: θ of (5) by the least
// MAE of the point over SnapGrid (the smaller on a tie); the parameters of
// (2)–(4) by maximum likelihood (LogLik) given θ, with gonum's
// Nelder–Mead from Start (deterministic); then Tau80 and Tau95
// (CalibrateTau).
func Fit(cases []Case) (Params, error) {
	theta, best := 0.0, math.Inf(1)
	for _, th := range SnapGrid {
		if e := PointMAE(cases, th); e < best-1e-12 {
			theta, best = th, e
		}
	}
	prob := optimize.Problem{Func: func(x []float64) float64 {
		p := unvec(x)
		p.Snap = theta
		return -LogLik(cases, p)
	}}
	res, err := optimize.Minimize(prob, vec(Start), &optimize.Settings{MajorIterations: 4000, Converger: &optimize.FunctionConverge{Absolute: 1e-10, Iterations: 200}}, &optimize.NelderMead{})
	if err != nil && res == nil {
		return Params{}, err
	}
	par := unvec(res.X)
	par.Snap = theta
	par.Tau80 = CalibrateTau(cases, par, 0.80)
	par.Tau95 = CalibrateTau(cases, par, 0.95)
	return par, nil
}
