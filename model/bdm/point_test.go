package bdm

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"parley/model"
)

// PointForecast gives Forecast's forecasts bit for bit, and
// PointForecastSettling those and the round before the last's, on random
// problems (many of which cycle: their positions repeat, which the point
// run skips over) and synthetic ones, in both profiles, stopping early,
// after a fixed number of rounds and with odd caps (so that the cycle's
// phase at the cap matters).
func TestPointForecastEqualsForecast(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	probs := []*model.Problem{synthetic(10, 7, 1), synthetic(60, 3, 2)}
	for range 400 {
		probs = append(probs, randomProblem(rng, 2+rng.IntN(11)))
	}
	var cycled int
	for s, p := range probs {
		for _, prof := range []Profile{Replication, Paper} {
			for _, o := range []model.Options{{}, {Rounds: 10}, {MaxRounds: 7}, {Rounds: 9}} {
				m := Model{Profile: prof}
				res, err := m.Forecast(context.Background(), p, o)
				if err != nil {
					t.Fatal(err)
				}
				got := make([]float64, len(p.Issues))
				if err := m.PointForecast(context.Background(), p, o, got); err != nil {
					t.Fatal(err)
				}
				last, before := make([]float64, len(p.Issues)), make([]float64, len(p.Issues))
				if err := m.PointForecastSettling(context.Background(), p, o, last, before); err != nil {
					t.Fatal(err)
				}
				for k, ir := range res.Issues {
					if got[k] != ir.Forecast {
						t.Fatalf("problem %d (%s, %+v) issue %d: PointForecast %v, Forecast %v", s, prof, o, k, got[k], ir.Forecast)
					}
					rs := ir.Rounds
					if n := len(rs); math.Float64bits(last[k]) != math.Float64bits(ir.Forecast) || math.Float64bits(before[k]) != math.Float64bits(rs[n-2].Forecast) {
						t.Fatalf("problem %d (%s, %+v) issue %d: PointForecastSettling %v and %v before, Forecast %v and %v before",
							s, prof, o, k, last[k], before[k], ir.Forecast, rs[n-2].Forecast)
					}
					if n := len(rs); n >= 3 && equalPositions(rs[n-1].Positions, rs[n-3].Positions) && rs[n-1].Forecast != rs[n-2].Forecast {
						cycled++
					}
				}
			}
		}
	}
	t.Logf("%d runs ended in a cycle of two rounds", cycled)
	if cycled < 50 {
		t.Errorf("only %d runs cycle: the test does not exercise the shortcut", cycled)
	}
	if err := (Model{}).PointForecast(context.Background(), probs[0], model.Options{}, make([]float64, 1)); err == nil {
		t.Error("PointForecast with too short a dst: no error")
	}
	if err := (Model{}).PointForecastSettling(context.Background(), probs[0], model.Options{}, make([]float64, 7), make([]float64, 1)); err == nil {
		t.Error("PointForecastSettling with too short a prev: no error")
	}
}

func equalPositions(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] && a[i] == a[i] {
			return false
		}
	}
	return true
}
