package skill

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkPairedBootstrap: one row of the DEU table (n = 245, B = 10,000).
func BenchmarkPairedBootstrap(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	x, y := make([]float64, 245), make([]float64, 245)
	for i := range x {
		x[i], y[i] = 100*rng.Float64(), 100*rng.Float64()
	}
	for b.Loop() {
		PairedBootstrap(x, y, 10000, 1)
	}
}
