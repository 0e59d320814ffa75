package deal

import (
	"testing"

	"parley/model"
	"parley/scenario"
)

// TestCrossesReadsNoiseAsOnBound: a value within floating-point noise of
// a red line's bound (scenario.ScaleNoise: a billionth of the scale's
// width, or the last decimal a float64 carries at the scale's ends, the
// larger) reads as on the bound, so noise never decides a crossing: the
// review's ks forecast 69.99999999999773 (70 exactly) allows ">= 70";
// 70 + 2.3e-12 crosses "> 70", as 70 does. A real shortfall, however
// small against the scale's decimals, still crosses: 69.9999 and
// 69.99999 (1e-5, a hundred times the noise of 1e-7 on 0–100). On a
// scale a billionth wide near 1 the noise is 1e-14 (the float's 15th
// digit), not 1e-18: 1.0000000005 less one ulp reads as 1.0000000005.
func TestCrossesReadsNoiseAsOnBound(t *testing.T) {
	wide := model.Issue{ID: "w", Min: 0, Max: 100}
	narrow := model.Issue{ID: "n", Min: 1, Max: 1 + 1e-9}
	for _, c := range []struct {
		red  string
		is   model.Issue
		x    float64
		want bool
	}{
		{">= 70", wide, 69.99999999999773, false},
		{">= 70", wide, 70, false},
		{">= 70", wide, 69.9999, true},
		{">= 70", wide, 69.99999, true},
		{"> 70", wide, 70.00000000000227, true},
		{"> 70", wide, 70, true},
		{"> 70", wide, 70.00001, false},
		{"<= 30", wide, 30.000000000004, false},
		{"[30, 40]", wide, 40.00000000001, false},
		{"[30, 40]", wide, 29.99999999999, false},
		{"[30, 40]", wide, 40.001, true},
		{">= 1.0000000005", narrow, 1.0000000005 - 2.220446049250313e-16, false},
		{">= 1.0000000005", narrow, 1.0000000004, true},
	} {
		if got := Crosses(redLine(t, c.red), c.x, c.is); got != c.want {
			t.Errorf("Crosses(%q, %v on %v–%v) = %v, want %v", c.red, c.x, c.is.Min, c.is.Max, got, c.want)
		}
	}
}

// TestVerdictReadsNoiseAsOnBound: the verdict on a package follows the
// same test: A needs i1 >= 70 and the package's 69.99999999999773 (the
// review's ks forecast, 70 up to noise) crosses none of its red lines,
// so A, at 70 itself (utility 1, alternative 0), accepts; at 69.9 it
// crosses by 0.1.
func TestVerdictReadsNoiseAsOnBound(t *testing.T) {
	p := problem([]float64{1}, [][]float64{{70}}, [][]float64{{1}})
	in := &Input{Problem: p, RedLines: []map[int]scenario.RedLine{{0: redLine(t, ">= 70")}}}
	ev, err := Evaluate(in, []float64{69.99999999999773}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := ev.Actors[0]; len(a.Crossed) != 0 || !a.Accepts || !ev.Accepted {
		t.Errorf("at 69.99999999999773: crossed %+v, accepts %v, accepted %v; want none crossed, accepted", a.Crossed, a.Accepts, ev.Accepted)
	}
	ev, err = Evaluate(in, []float64{69.9}, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := ev.Actors[0]; len(a.Crossed) != 1 || !near(a.Crossed[0].By, 0.1, 1e-9) || a.Accepts {
		t.Errorf("at 69.9: crossed %+v, accepts %v; want crossed by 0.1, rejects", a.Crossed, a.Accepts)
	}
}
