package sweep

import (
	"context"
	"testing"

	"parley/model"
	"parley/model/bdm"
	"parley/model/compromise"
	"parley/model/modeltest"
)

// BenchmarkSweepBuiltin10k is the target: a 10,000-draw BDM sweep
// of the built-in case (latest snapshot) on every core.
func BenchmarkSweepBuiltin10k(b *testing.B) {
	p := modeltest.Builtin(b)
	for _, m := range []model.Model{bdm.Model{}, compromise.Model{}} {
		b.Run(m.Name(), func(b *testing.B) {
			for b.Loop() {
				if _, err := Run(context.Background(), m, p, Options{Draws: 10000, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
