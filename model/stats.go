package model

import "sort"

// WeightedMean returns Σ wᵢxᵢ / Σ wᵢ, or NaN when Σ wᵢ = 0.
func WeightedMean(x, w []float64) float64 {
	var sw, swx float64
	for i := range x {
		sw += w[i]
		swx += w[i] * x[i]
	}
	return swx / sw
}

// WeightedMedian returns the lower weighted median of x: sort the
// positions and take the first at which the cumulative weight reaches half
// the total (ties in position are pooled). It also reports whether the
// cumulative weight there equals exactly half, in which case every point up
// to the next position (returned as upper) ties in pairwise votes.
func WeightedMedian(x, w []float64) (lower, upper float64, tie bool) {
	idx := make([]int, len(x))
	total := 0.0
	for i := range idx {
		idx[i] = i
		total += w[i]
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	half := total / 2
	cum := 0.0
	for j := 0; j < len(idx); j++ {
		cum += w[idx[j]]
		// pool equal positions
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[j]] {
			j++
			cum += w[idx[j]]
		}
		if cum >= half {
			lower = x[idx[j]]
			upper = lower
			if cum == half {
				for n := j + 1; n < len(idx); n++ {
					if w[idx[n]] > 0 {
						upper, tie = x[idx[n]], true
						break
					}
				}
			}
			return lower, upper, tie
		}
	}
	return x[idx[len(idx)-1]], x[idx[len(idx)-1]], false
}
