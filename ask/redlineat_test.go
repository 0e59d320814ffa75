package ask

import (
	"math"
	"testing"

	"parley/model"
	"parley/scenario"
)

// A forecast that crosses a red line is written at decimals that cross
// it too: 3.96 beside ">= 4" read "4.0" at the issue's one decimal,
// which the red line allows. 3.96 takes two decimals; 3.9999 four
// ("4.0", "4.00" and "4.000" are all allowed); 2.0 its one.
func TestCrossingAtCrosses(t *testing.T) {
	ge4 := scenario.RedLine{Lo: 4, Hi: math.Inf(1)}
	lt50 := scenario.RedLine{Lo: math.Inf(-1), Hi: 50, HiOpen: true}
	for _, c := range []struct {
		r    scenario.RedLine
		x    float64
		d    int
		want string
	}{
		{ge4, 3.96, 1, "3.96"},
		{ge4, 3.9999, 1, "3.9999"},
		{ge4, 2, 1, "2.0"},
		{ge4, 3.99999999, 1, "3.99999999"},
		{lt50, 50, 1, "50.0"},
		{lt50, 67.94, 1, "67.9"},
	} {
		if got := crossingAt(c.r, c.x, c.d, model.Issue{Min: 0, Max: 10}); got != c.want {
			t.Errorf("crossingAt(%s, %v, %d) = %q, want %q", c.r.String(), c.x, c.d, got, c.want)
		}
	}
}
