package nash

import (
	"math"
	"testing"
)

// TestSolveRoundAnswer: where the exact maximiser of (2) is a round
// number at no actor's position, Solve returns it exactly, not the
// bisection's nearest point (0.49999999999994316 for 0.5).
//
// With a status quo q = 0, rᵢ = xᵢ and uᵢ − dᵢ = x(2xᵢ − x), so the
// derivative of (2) is Σ wᵢ (1/x − 1/(2xᵢ − x)) (up to the factor of
// the log). At x = 50 an actor at 30 (weight 1) gives 1/50 − 1/10 =
// −2/25 and one at 100 (weight 6) gives 6·(1/50 − 1/150) = 6·(2/150) =
// 2/25: they balance, and F = [0, 60] holds 50. Halved (15 and 50 on
// the same scale) they balance at 25; on 0–1 (0.3 and 1) at 0.5.
// Without a status quo, equal weights at 0.3 and 0.7 on 0–1 both have
// rᵢ = 0.7, and the problem is symmetric about 0.5.
func TestSolveRoundAnswer(t *testing.T) {
	solveExactly(t, []exactCase{
		{"30 and 100 (weight 6) from 0 balance at 50", []float64{30, 100}, []float64{1, 6}, 0, 100, 0, true, 50},
		{"15 and 50 (weight 6) from 0 balance at 25", []float64{15, 50}, []float64{1, 6}, 0, 100, 0, true, 25},
		{"0.3 and 1 (weight 6) from 0 balance at 0.5", []float64{0.3, 1}, []float64{1, 6}, 0, 1, 0, true, 0.5},
		{"0.3 and 0.7, equal weights, no status quo", []float64{0.3, 0.7}, []float64{1, 1}, 0, 1, 0, false, 0.5},
		{"30 and 70, equal weights, no status quo", []float64{30, 70}, []float64{2, 2}, 0, 100, 0, false, 50},
	})
}

// TestSolveIrrationalAnswer: an exact answer that is no round number is
// not pulled away by more than the bisection's own bracket. With q = 0
// and equal weights at 40 and 80 on 0–100, 2/x = 1/(80 − x) + 1/(160 −
// x) gives x² − 180x + 6400 = 0, x̂ = 90 − √1700 (in F = [0, 80]); at 60
// and 100, x̂ = 120 − 20√6 (TestForecast); at 0.4 and 0.8 on 0–1, x̂ =
// 0.9 − √0.17. The final bracket is at most 1e-13·(1 + |a| + |b|) wide,
// the answer within it (widened by its width) of the bracket's middle,
// and the middle within half of it of x̂.
func TestSolveIrrationalAnswer(t *testing.T) {
	cases := []struct {
		x    []float64
		hi   float64
		want float64
	}{
		{[]float64{40, 80}, 100, 90 - math.Sqrt(1700)},
		{[]float64{60, 100}, 100, 120 - 20*math.Sqrt(6)},
		{[]float64{0.4, 0.8}, 1, 0.9 - math.Sqrt(0.17)},
	}
	for _, c := range cases {
		got, _ := Solve(c.x, []float64{1, 1}, 0, c.hi, 0, true)
		if tol := 1.5e-13 * (1 + 2*math.Abs(c.want)); math.Abs(got-c.want) > tol {
			t.Errorf("%v: Solve = %.17g, want %.17g within %.3g", c.x, got, c.want, tol)
		}
	}
}

// exactCase is one problem of (2) whose maximiser is known exactly: the
// actors' positions x and weights w on the scale lo–hi, the status quo
// q where hasQ, and the answer want.
type exactCase struct {
	name   string
	x, w   []float64
	lo, hi float64
	q      float64
	hasQ   bool
	want   float64
}

// solveExactly checks that Solve returns each case's answer to the last
// bit, not the bisection's nearest point.
func solveExactly(t *testing.T, cases []exactCase) {
	t.Helper()
	for _, c := range cases {
		if got, _ := Solve(c.x, c.w, c.lo, c.hi, c.q, c.hasQ); got != c.want {
			t.Errorf("%s: Solve = %.17g, want exactly %v", c.name, got, c.want)
		}
	}
}
