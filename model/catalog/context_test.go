package catalog

import (
	"context"
	"errors"
	"testing"

	"parley/gen"
	"parley/model"
)

// TestEveryModelStopsWhenCancelled checks that every model honours its
// context: given one already cancelled, it returns the context's error
// rather than a forecast. A server's deadline for a request reaches the
// models this way (issue 14), so a model that never looked at its
// context would run on after the client had gone.
func TestEveryModelStopsWhenCancelled(t *testing.T) {
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 12, Issues: 3, Seed: 5}))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, m := range All() {
		res, err := m.Forecast(ctx, p.Clone(), model.Options{Seed: 1})
		if !errors.Is(err, context.Canceled) || res != nil {
			t.Errorf("%s with a cancelled context: %v, %v; want context.Canceled and no result", m.Name(), res != nil, err)
		}
	}
}
