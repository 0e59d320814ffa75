package nash

import (
	"math"
	"testing"

	mt "parley/model/modeltest"
)

// TestSolveAtActorPosition: where the Nash product (2) is largest at an
// actor's own position, Solve returns that position exactly, not the
// bisection's nearest point (69.999999999998863 for 70 below, which a red
// line ">= 70" excludes).
//
// Status quo q = 0 on 0–100, so rᵢ = xᵢ and uᵢ − dᵢ = xᵢ² − (x − xᵢ)².
// A at 50 (weight 3), B at 70, C at 90 (weight 11). The derivative of (2)
// at 70 is −2·3·20/(2500 − 400) − 2·11·(−20)/(8100 − 400) + 0 =
// −2/35 + 2/35 = 0, whatever B's weight (B's own term is zero at its
// position), and F = [0, 100]: (2) is strictly concave on F, so x̂ = 70.
//
// A lone weighted actor (or several at one position) on a scale without
// a status quo has F = [xᵢ − Mᵢ, xᵢ + Mᵢ], symmetric about xᵢ, and x̂ = xᵢ;
// the bisection's first midpoint misses it in floating point for 0.7 on
// 0–10 (0.70000000000006535) and 0.1 on 0–1.
func TestSolveAtActorPosition(t *testing.T) {
	solveExactly(t, []exactCase{
		{"A and C balance at B", []float64{50, 70, 90}, []float64{3, 1, 11}, 0, 100, 0, true, 70},
		{"A and C balance at B, B without weight", []float64{50, 70, 90}, []float64{3, 0, 11}, 0, 100, 0, true, 70},
		{"the same on 0–1", []float64{0.5, 0.7, 0.9}, []float64{3, 2, 11}, 0, 1, 0, true, 0.7},
		{"lone weighted actor, no status quo", []float64{0.7, 9}, []float64{2, 0}, 0, 10, 0, false, 0.7},
		{"two weighted actors at one position", []float64{0.1, 0.1, 0.9}, []float64{1, 4, 0}, 0, 1, 0, false, 0.1},
	})
	// Through the model, as a scenario's forecast: capability × salience
	// gives the same weights 3, 1, 11.
	p := mt.WithReference(mt.OneIssue(0, 100, mt.A(3, 50, 1), mt.A(1, 70, 1), mt.A(11, 90, 1)), 0)
	if got := forecast(t, p).Issues[0].Forecast; got != 70 {
		t.Errorf("forecast = %.17g, want exactly 70", got)
	}
}

// TestSolveNearActorPosition: an actor near the answer but not at it is
// not taken. q = 0, A at 60 and B at 100 with equal weight: x̂ = 120 −
// 20√6 (TestForecast). C, without weight, sits 1e-9 above it; the
// forecast stays within the bisection's 1e-13 of the root, not at C.
func TestSolveNearActorPosition(t *testing.T) {
	root := 120 - 20*math.Sqrt(6)
	c := root + 1e-9
	got, _ := Solve([]float64{60, 100, c}, []float64{1, 1, 0}, 0, 100, 0, true)
	if got == c || math.Abs(got-root) > 1e-11 {
		t.Errorf("Solve = %.17g, want %.17g to 1e-11, not C's %.17g", got, root, c)
	}
}
