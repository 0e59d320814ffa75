// Package snapfit fits the snap model's parameters (package snap, eqs.
// (2)–(5)) on issues with known outcomes: θ of (5) by the least mean
// absolute error over a grid, the rest by maximum likelihood with gonum's
// Nelder–Mead. The parley binary only reads the fitted values
// (snap.Fitted); the fit lives apart so that the binary does not compile
// gonum's optimiser and the statistics packages it pulls in (issue 20's
// first run), and so that package snap holds the model alone.
package snapfit

import (
	"math"

	"gonum.org/v1/gonum/optimize"

	"parley/model/snap"
)

// vec maps snap.Params to the unconstrained vector Nelder–Mead moves and back:
// π through the logistic function, σ through exp.
func vec(p snap.Params) []float64 {
	return []float64{p.Dist, p.End, p.Ref, p.Share, p.Stated, math.Log(p.Cont / (1 - p.Cont)), math.Log(p.Scale)}
}

func unvec(x []float64) snap.Params {
	return snap.Params{Dist: x[0], End: x[1], Ref: x[2], Share: x[3], Stated: x[4],
		Cont: 1 / (1 + math.Exp(-x[5])), Scale: math.Exp(x[6])}
}

// Start is where Fit starts: no preference among candidates but distance,
// half the mass continuous.
var Start = snap.Params{Dist: 5, Cont: 0.3, Scale: 0.1}

// SnapGrid are the values of θ (eq. 5) Fit tries.
var SnapGrid = []float64{0, 0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3, 0.325, 0.35}

// Fit fits the model on the cases in three steps: θ of (5) by the least
// MAE of the point over SnapGrid (the smaller on a tie); the parameters of
// (2)–(4) by maximum likelihood (LogLik) given θ, with gonum's
// Nelder–Mead from Start (deterministic); then Tau80 and Tau95
// (CalibrateTau).
func Fit(cases []snap.Case) (snap.Params, error) {
	theta, best := 0.0, math.Inf(1)
	for _, th := range SnapGrid {
		if e := snap.PointMAE(cases, th); e < best-1e-12 {
			theta, best = th, e
		}
	}
	prob := optimize.Problem{Func: func(x []float64) float64 {
		p := unvec(x)
		p.Snap = theta
		return -snap.LogLik(cases, p)
	}}
	res, err := optimize.Minimize(prob, vec(Start), &optimize.Settings{MajorIterations: 4000, Converger: &optimize.FunctionConverge{Absolute: 1e-10, Iterations: 200}}, &optimize.NelderMead{})
	if err != nil && res == nil {
		return snap.Params{}, err
	}
	par := unvec(res.X)
	par.Snap = theta
	par.Tau80 = snap.CalibrateTau(cases, par, 0.80)
	par.Tau95 = snap.CalibrateTau(cases, par, 0.95)
	return par, nil
}
