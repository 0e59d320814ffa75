package smp_test

import (
	"context"
	"math"
	"testing"

	"parley/model"
	"parley/model/smp"
)

// absentCase is three actors on two 0–100 issues: a (capability 3) at
// 0 and 0, b (1) at 100 and 100, each with salience 0.5 on both, and c
// (2) at 50 on the first issue with salience 0.8 and no stance on the
// second, where it is placed at the neutral point
// (3·0.5·0 + 1·0.5·1)/(3·0.5 + 1·0.5) = 0.25, that is 25.
func absentCase() *model.Problem {
	st := func(x, s float64) model.Stance {
		return model.Stance{Present: true, Position: x, Salience: s, PosLo: x, PosHi: x, SalLo: s, SalHi: s}
	}
	iss := func(id string) model.Issue { return model.Issue{ID: id, Name: id, Min: 0, Max: 100} }
	act := func(id string, c float64) model.Actor {
		return model.Actor{ID: id, Name: id, Capability: c, CapLo: c, CapHi: c}
	}
	return &model.Problem{
		Actors: []model.Actor{act("a", 3), act("b", 1), act("c", 2)},
		Issues: []model.Issue{iss("one"), iss("two")},
		Stances: [][]model.Stance{
			{st(0, 0.5), st(0, 0.5)},
			{st(100, 0.5), st(100, 0.5)},
			{st(50, 0.8), {}},
		},
	}
}

// TestAbsentStanceLeftOutOfForecast: the forecast of an issue is the
// win-probability-weighted mean over the distinct positions held by at
// least one actor with a stance on it, renormalised; an actor without
// one is in the run (at the neutral point, salience 0) but does not pull
// the forecast (docs/DECISIONS.md, smpabsent21). Hand-derived from the
// probabilities the trace prints:
//
//	round 0: a at 0 (p 0.4440), b at 100 (p 0.0646), c at 25 (p 0.4914):
//	         KTAB's mean 0.0646·100 + 0.4914·25 = 18.7; the parties' own
//	         100·0.0646/(0.4440 + 0.0646) = 12.7
//	round 1: a and b share one position, 8.67 and 8.68 on both issues
//	         (closer than KTAB's 1e-3 on the 0–1 scale; p 0.270), c is
//	         at (50, 25) (p 0.730): KTAB's mean 20.6; the parties' own
//	         8.67, where a, the first to hold it, stands
func TestAbsentStanceLeftOutOfForecast(t *testing.T) {
	p := absentCase()
	r := forecast(t, smp.Model{}, p, model.Options{})
	det := r.Detail.(*smp.Detail)
	two := r.Issues[1]
	if len(two.Rounds) < 3 {
		t.Fatalf("%d rounds, want at least 3", len(two.Rounds))
	}
	pa, pb := det.Prob[0][0], det.Prob[0][1]
	if math.Abs(pa-0.4440) > 5e-5 || math.Abs(pb-0.0646) > 5e-5 {
		t.Fatalf("round 0 probabilities %.4f, %.4f, want 0.4440, 0.0646 (as the trace prints)", pa, pb)
	}
	if got, want := two.Rounds[0].Forecast, 100*pb/(pa+pb); math.Abs(got-want) > 1e-9 || math.Abs(got-12.70) > 0.005 {
		t.Errorf("round 0 forecast of two = %v, want 100·%.4f/(%.4f + %.4f) = %v (≈ 12.70)", got, pb, pa, pb, want)
	}
	x := two.Rounds[1].Positions
	if math.Abs(x[0]-8.67) > 0.005 || math.Abs(x[1]-8.68) > 0.005 || !math.IsNaN(x[2]) || det.Prob[1][0] != det.Prob[1][1] {
		t.Fatalf("round 1 positions on two %v, probabilities %v, want a and b sharing 8.67–8.68 and c NaN", x, det.Prob[1])
	}
	if got := two.Rounds[1].Forecast; math.Abs(got-x[0]) > 1e-12 {
		t.Errorf("round 1 forecast of two = %v, want %v, where a stands (b with it)", got, x[0])
	}
	// the first issue, where everyone has a stance, is KTAB's mean
	one := r.Issues[0].Rounds[0]
	if want := 100 * float64(0.5*det.Prob[0][2]+det.Prob[0][1]); math.Abs(one.Forecast-want) > 1e-9 {
		t.Errorf("round 0 forecast of one = %v, want KTAB's %v", one.Forecast, want)
	}
	// PointForecast gives Forecast's forecasts, bit for bit
	dst, prev := make([]float64, 2), make([]float64, 2)
	if err := (smp.Model{}).PointForecastSettling(context.Background(), p, model.Options{}, dst, prev); err != nil {
		t.Fatal(err)
	}
	T := len(two.Rounds)
	for k := range dst {
		if dst[k] != r.Issues[k].Forecast || prev[k] != r.Issues[k].Rounds[T-2].Forecast {
			t.Errorf("issue %d: PointForecastSettling %v (before %v), Forecast %v (before %v)", k, dst[k], prev[k], r.Issues[k].Forecast, r.Issues[k].Rounds[T-2].Forecast)
		}
	}
}

// TestEveryStanceMeanIsKTABs: where every actor has a stance (a KTAB
// file), each round's forecast is KTAB's mean Σₒ pₒ·x_rₒ over every
// distinct position, bit for bit, summed in KTAB's order: the first
// actor at each position represents it (1.10), and its probability is
// the one the trace prints for it.
func TestEveryStanceMeanIsKTABs(t *testing.T) {
	for _, f := range []string{"testdata/dummyData_3Dim.csv", "testdata/SOE-Pol-Comp.csv"} {
		p := load(t, f)
		r := forecast(t, smp.Model{}, p, model.Options{})
		det := r.Detail.(*smp.Detail)
		n, d := len(det.Actors), len(det.Dims)
		if n != len(p.Actors) {
			t.Fatalf("%s: %d of %d actors take part", f, n, len(p.Actors))
		}
		for tt, x := range det.Positions {
			var reps []int
			for i := 0; i < n; i++ {
				dup := false
				for _, r := range reps {
					s := 0.0
					for k := 0; k < d; k++ {
						v := x[i*d+k] - x[r*d+k]
						s += float64(v * v)
					}
					if math.Sqrt(s) < 1e-3 {
						dup = true
						break
					}
				}
				if !dup {
					reps = append(reps, i)
				}
			}
			for k, is := range p.Issues {
				m := 0.0
				for _, r := range reps {
					m += float64(det.Prob[tt][r] * x[r*d+k])
				}
				if got, want := r.Issues[k].Rounds[tt].Forecast, float64(m*(is.Max-is.Min))+is.Min; got != want {
					t.Fatalf("%s, state %d, dimension %d: forecast %v, KTAB's mean %v", f, tt, k, got, want)
				}
			}
		}
	}
}
