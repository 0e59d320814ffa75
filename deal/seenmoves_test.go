package deal

import (
	"testing"

	"parley/model"
)

// A shortfall's moves keep only those its issue's scale shows: at least
// scenario.ShownStep, 0.05 on 0–100 (one decimal) and 0.005 on 0–1 (two).
// 0.04 on x and 0.004 on y would read "70.0 → 70.0" and "0.30 → 0.30".
func TestSeenMoves(t *testing.T) {
	x, y := model.Issue{ID: "x", Min: 0, Max: 100}, model.Issue{ID: "y", Min: 0, Max: 1}
	for _, c := range []struct {
		is   model.Issue
		by   float64
		want bool
	}{{x, 0.04, false}, {y, 0.004, false}, {x, 0.05, true}, {y, 0.01, true}, {x, 0.01, false}} {
		if got := shows(c.is, c.by); got != c.want {
			t.Errorf("a move of %v on %s (%v–%v) shown: %v, want %v", c.by, c.is.ID, c.is.Min, c.is.Max, got, c.want)
		}
	}
}
