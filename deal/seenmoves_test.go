package deal

import (
	"slices"
	"testing"

	"parley/model"
)

// A shortfall's moves keep only those its issue's scale shows: at least
// scenario.ShownStep, 0.05 on 0–100 (one decimal) and 0.005 on 0–1 (two).
// 0.04 on x and 0.004 on y would read "70.0 → 70.0" and "0.30 → 0.30".
func TestSeenMoves(t *testing.T) {
	p := &model.Problem{Issues: []model.Issue{{ID: "x", Min: 0, Max: 100}, {ID: "y", Min: 0, Max: 1}}}
	got := seenMoves(p, []Move{{Issue: "x", By: 0.04}, {Issue: "y", By: 0.004}, {Issue: "x", By: 0.05}, {Issue: "y", By: 0.01}})
	if want := []Move{{Issue: "x", By: 0.05}, {Issue: "y", By: 0.01}}; !slices.Equal(got, want) {
		t.Errorf("seen %v, want %v", got, want)
	}
	if got := seenMoves(p, []Move{{Issue: "x", By: 0.01}}); got != nil {
		t.Errorf("a move of 0.01 on 0–100: seen %v, want none", got)
	}
}
