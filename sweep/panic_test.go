package sweep

import (
	"context"
	"strings"
	"testing"

	"parley/errs"
	"parley/model"
	"parley/model/compromise"
)

// panicky is compromise that panics on its 3rd forecast. It embeds the
// interface, not compromise.Model, so that it has no PointForecast for
// the sweep to call instead of Forecast.
type panicky struct {
	model.Model
	n *int
}

func (m panicky) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	*m.n++
	if *m.n == 3 {
		panic("boom")
	}
	return m.Model.Forecast(ctx, p, o)
}

// TestPanickingDrawFailsTheSweep checks that a draw that panics in a
// worker goroutine ends the sweep with an internal error naming the
// panic, instead of ending the process.
func TestPanickingDrawFailsTheSweep(t *testing.T) {
	n := 0
	_, err := Run(context.Background(), panicky{Model: compromise.Model{}, n: &n}, synthetic(t, 4, 2), Options{Draws: 10, Workers: 1, Seed: 1})
	if err == nil || errs.CodeOf(err) != errs.Internal || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("got %v, want an internal error naming the panic", err)
	}
}
