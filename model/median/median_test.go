package median

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"parley/model"
	mt "parley/model/modeltest"
)

func TestForecast(t *testing.T) {
	cases := []struct {
		name string
		p    *model.Problem
		want float64
	}{
		// w = (1, 1, 3), W/2 = 2.5: cumulative 1, 2, 5 → the actor at 100.
		{"heavy end wins", mt.OneIssue(0, 100, mt.A(1, 0, 1), mt.A(2, 50, 0.5), mt.A(3, 100, 1)), 100},
		{"single actor", mt.OneIssue(0, 100, mt.A(5, 37, 0.4)), 37},
		// Exactly half the weight at 20: every point in [20, 80] ties; midpoint.
		{"tie gives midpoint", mt.OneIssue(0, 100, mt.A(1, 20, 1), mt.A(1, 80, 1)), 50},
		// Equal positions pool: 2 of 4 at 30 is exactly half → (30+90)/2.
		{"pooled tie", mt.OneIssue(0, 100, mt.A(1, 30, 1), mt.A(1, 30, 1), mt.A(2, 90, 1)), 60},
		// The zero-salience actor at 0 casts no vote: the tie is between 20 and 80.
		{"zero salience ignored", mt.OneIssue(0, 100, mt.A(9, 0, 0), mt.A(1, 20, 1), mt.A(1, 80, 1)), 50},
		// 0.3 at 10, 0.3 at 40, 0.4 at 90: cumulative 0.3, 0.6 ≥ 0.5 → 40.
		{"interior median", mt.OneIssue(0, 100, mt.A(3, 10, 0.1), mt.A(1, 40, 0.3), mt.A(4, 90, 0.1)), 40},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Model{}.Forecast(context.Background(), c.p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Issues[0].Forecast; got != c.want {
				t.Errorf("forecast = %v, want %v", got, c.want)
			}
		})
	}
}

// The forecast must win or tie every pairwise weighted vote against every
// actor position (the Condorcet property the model is defined by).
func TestCondorcetProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 500; trial++ {
		n := 1 + rng.IntN(12)
		var as []mt.Actor
		for i := 0; i < n; i++ {
			as = append(as, mt.Actor{Cap: 0.1 + rng.Float64(), Pos: float64(rng.IntN(11) * 10), Sal: rng.Float64()})
		}
		p := mt.OneIssue(0, 100, as...)
		r, err := Model{}.Forecast(context.Background(), p, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		m := r.Issues[0].Forecast
		for _, b := range as {
			var forM, forB float64
			for _, k := range as {
				w := k.Cap * k.Sal
				dm, db := math.Abs(k.Pos-m), math.Abs(k.Pos-b.Pos)
				if dm < db {
					forM += w
				} else if db < dm {
					forB += w
				}
			}
			if forB > forM+1e-12 {
				t.Fatalf("trial %d: forecast %v loses to %v (%v vs %v votes); actors %v", trial, m, b.Pos, forB, forM, as)
			}
		}
	}
}
