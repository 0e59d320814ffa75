package sweep_test

import (
	"math"
	"testing"

	"parley/model"
	"parley/sweep"
)

// MovingStep is the last step where model.Settled says the forecast had
// not come to rest (its tolerance 10⁻⁹ of the scale, of 1 when
// narrower), 0 where it had; MovingOf is it issue by issue. Steps are
// powers of two so each value is exact.
func TestMovingStep(t *testing.T) {
	cases := []struct {
		name              string
		last, prev, width float64
		want              float64 // NaN: want NaN
	}{
		{"equal", 50, 50, 100, 0},
		{"within 1e-9 of the scale: 2⁻²⁴ < 1e-7", 50, 50 + 0x1p-24, 100, 0},
		{"half a point on 0–100", 50, 49.5, 100, 0.5},
		{"narrow scale's tolerance is 1e-9: 2⁻²⁸ > 1e-9", 0.25, 0.25 + 0x1p-28, 0.5, 0x1p-28},
		{"no round before: unknown size", 50, math.NaN(), 100, math.NaN()},
		{"both NaN settled", math.NaN(), math.NaN(), 100, 0},
	}
	for _, c := range cases {
		got := sweep.MovingStep(c.last, c.prev, c.width)
		if got != c.want && !(math.IsNaN(got) && math.IsNaN(c.want)) {
			t.Errorf("%s: MovingStep(%v, %v, %v) = %v, want %v", c.name, c.last, c.prev, c.width, got, c.want)
		}
	}
	q := &model.Problem{Issues: []model.Issue{{ID: "x", Min: 0, Max: 100}, {ID: "y", Min: 0, Max: 1}}}
	got := sweep.MovingOf(q, []float64{50, 0.5}, []float64{49.5, 0.5})
	if len(got) != 2 || got[0] != 0.5 || got[1] != 0 {
		t.Errorf("MovingOf = %v, want [0.5 0]", got)
	}
}
