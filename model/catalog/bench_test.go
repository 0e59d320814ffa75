package catalog

import (
	"context"
	"fmt"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/modeltest"
)

// benchSizes are the synthetic scenarios every model is timed on (actors ×
// issues); maxActors caps a model whose cost grows too fast to time the
// largest sizes within a benchmark run (see BENCHMARKS.md).
var (
	benchSizes = [][2]int{{10, 10}, {50, 10}, {200, 10}, {1000, 10}}
	maxActors  = map[string]int{"smp": 200, "exchange": 200, "ensemble": 200}
)

func synthetic(b *testing.B, actors, issues int) *model.Problem {
	b.Helper()
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: actors, Issues: issues, Seed: 1}))
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkForecast times one default forecast of every model on the
// built-in case and on synthetic scenarios.
func BenchmarkForecast(b *testing.B) {
	for _, m := range All() {
		b.Run(m.Name()+"/builtin", func(b *testing.B) {
			p := modeltest.Builtin(b)
			for b.Loop() {
				if _, err := m.Forecast(context.Background(), p, model.Options{NoTrace: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, sz := range benchSizes {
			if limit, ok := maxActors[m.Name()]; ok && sz[0] > limit {
				continue
			}
			b.Run(fmt.Sprintf("%s/a%d-i%d", m.Name(), sz[0], sz[1]), func(b *testing.B) {
				p := synthetic(b, sz[0], sz[1])
				for b.Loop() {
					if _, err := m.Forecast(context.Background(), p, model.Options{NoTrace: true}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
