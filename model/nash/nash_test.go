package nash

import (
	"math"
	"slices"
	"strings"
	"testing"

	"parley/model"
	mt "parley/model/modeltest"
)

func forecast(t *testing.T, p *model.Problem) *model.Result { return mt.Forecast(t, Model{}, p) }

func TestForecast(t *testing.T) {
	cases := []struct {
		name string
		p    *model.Problem
		want float64
	}{
		// Symmetric: equal weights at the scale's ends, worst-case breakdown.
		{"symmetric ends", mt.OneIssue(0, 100, mt.A(1, 0, 1), mt.A(1, 100, 1)), 50},
		// One actor maximises log(M² − (x − 30)²): x = 30.
		{"single actor", mt.OneIssue(0, 100, mt.A(2, 30, 0.5)), 30},
		// q = 0, actors at 60 and 100 with equal weight. uᵢ − dᵢ = x(120 − x)
		// and x(200 − x); the first-order condition reduces to
		// x² − 240x + 12000 = 0, so x = 120 − 20√6.
		{"status quo, both gain", mt.WithReference(mt.OneIssue(0, 100, mt.A(1, 60, 1), mt.A(1, 100, 1)), 0), 120 - 20*math.Sqrt(6)},
		// No status quo; actors at 0 (w = 1) and 100 (w = 3) on 0–100, so
		// M = 100 for both and uᵢ − dᵢ = 10000 − x² and x(200 − x). The
		// first-order condition x/(10000 − x²) = 3(100 − x)/(x(200 − x))
		// becomes x²(200 − x) = 3(100 − x)²(100 + x).
		{"asymmetric weights", mt.OneIssue(0, 100, mt.A(1, 0, 1), mt.A(3, 100, 1)), rootAsym()},
		// A zero-salience actor at the status quo does not veto.
		{"zero salience at status quo", mt.WithReference(mt.OneIssue(0, 100, mt.A(5, 0, 0), mt.A(1, 60, 1), mt.A(1, 100, 1)), 0), 120 - 20*math.Sqrt(6)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := forecast(t, c.p)
			if got := r.Issues[0].Forecast; math.Abs(got-c.want) > 1e-9 {
				t.Errorf("forecast = %.12f, want %.12f", got, c.want)
			}
			// Without a status quo the disagreement point is Parley's
			// default, which the note says; with one, no note.
			var want []string
			if is := c.p.Issues[0]; !is.HasReference {
				want = []string{is.ID + ": " + NoStatusQuo}
			}
			if !slices.Equal(mt.NoteStrings(r.Notes), want) {
				t.Errorf("notes = %q, want %q", r.Notes, want)
			}
		})
	}
}

// rootAsym solves x²(200−x) = 3(100−x)²(100+x) on (0, 100) by bisection on
// the polynomial, independently of the model's own solver.
func rootAsym() float64 {
	f := func(x float64) float64 { return x*x*(200-x) - 3*(100-x)*(100-x)*(100+x) }
	a, b := 0.0, 100.0 // f(0) < 0 < f(100)
	for i := 0; i < 200; i++ {
		m := (a + b) / 2
		if f(m) < 0 {
			a = m
		} else {
			b = m
		}
	}
	return (a + b) / 2
}

func TestStatusQuoBlocks(t *testing.T) {
	cases := []struct {
		name string
		p    *model.Problem
	}{
		// Actors on both sides of q = 50: no point helps both.
		{"both sides", mt.WithReference(mt.OneIssue(0, 100, mt.A(1, 20, 1), mt.A(1, 90, 1)), 50)},
		// An actor with weight at the status quo vetoes any change.
		{"actor at status quo", mt.WithReference(mt.OneIssue(0, 100, mt.A(1, 50, 0.2), mt.A(10, 90, 1)), 50)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := forecast(t, c.p)
			if got := r.Issues[0].Forecast; got != 50 {
				t.Errorf("forecast = %v, want the status quo 50", got)
			}
			if len(r.Notes) != 1 || !strings.Contains(r.Notes[0].String(), "status quo") {
				t.Errorf("notes = %q, want one saying the status quo holds", r.Notes)
			}
		})
	}
}

// As the breakdown point recedes, the Nash solution tends to the weighted
// mean (Achen 2006's derivation of the compromise model).
func TestFarDisagreementIsWeightedMean(t *testing.T) {
	x := []float64{10, 40, 90}
	w := []float64{1, 2, 0.5}
	mean := (10*1 + 40*2 + 90*0.5) / 3.5
	got, _ := Solve(x, w, -1e7, 1e7, 0, false)
	if math.Abs(got-mean) > 1e-3 {
		t.Errorf("far breakdown: %v, want ≈ weighted mean %v", got, mean)
	}
}
