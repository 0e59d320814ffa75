package sweep

import (
	"math/rand/v2"

	"parley/model"
)

// Sample makes q draw d of p's uncertainty: q (a clone of p) is reset to
// p's stated values, then every input is drawn from its own stream
// PCG(seed, d) in Inputs order — uniformly on its range, or from the
// triangular distribution whose mode is the stated value — and set in q.
// It returns the values drawn. Run uses it for every draw, and so can any
// other question asked over the stated ranges (package deal's robust
// analysis): the same seed gives the same draws everywhere.
func Sample(q, p *model.Problem, inputs []Input, seed, d uint64, uniform bool) []float64 {
	reset(q, p)
	rng := rand.New(rand.NewPCG(seed, d))
	x := make([]float64, len(inputs))
	for j, in := range inputs {
		u := rng.Float64()
		if uniform {
			x[j] = in.Lo + u*(in.Hi-in.Lo)
		} else {
			x[j] = triangular(u, in.Lo, in.Mode, in.Hi)
		}
		set(q, in, x[j])
	}
	return x
}
