package compromise

import (
	"context"
	"math"
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
		// w = (1, 1, 3): (0·1 + 50·1 + 100·3)/5 = 70.
		{"weighted mean", mt.OneIssue(0, 100, mt.A(1, 0, 1), mt.A(2, 50, 0.5), mt.A(3, 100, 1)), 70},
		{"single actor", mt.OneIssue(0, 100, mt.A(5, 37, 0.4)), 37},
		// A zero-salience actor carries no weight: still 70.
		{"zero salience ignored", mt.OneIssue(0, 100, mt.A(9, 0, 0), mt.A(1, 0, 1), mt.A(2, 50, 0.5), mt.A(3, 100, 1)), 70},
		// Equal weights at both ends of the scale: the midpoint.
		{"tie at scale ends", mt.OneIssue(0, 100, mt.A(1, 0, 1), mt.A(1, 100, 1)), 50},
		// Capability and salience enter only as their product: (2·0.5·10 + 1·1·40)/(1+1) = 25.
		{"product weight", mt.OneIssue(0, 100, mt.A(2, 10, 0.5), mt.A(1, 40, 1)), 25},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Model{}.Forecast(context.Background(), c.p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.Issues[0].Forecast; math.Abs(got-c.want) > 1e-12 {
				t.Errorf("forecast = %v, want %v", got, c.want)
			}
		})
	}
}

func TestAllZeroSalienceRejected(t *testing.T) {
	p := mt.OneIssue(0, 100, mt.A(1, 10, 0), mt.A(1, 90, 0))
	if _, err := (Model{}).Forecast(context.Background(), p, model.Options{}); err == nil {
		t.Fatal("want an error for an issue nobody weighs")
	}
}
