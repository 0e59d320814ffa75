// Package mcerr states how sure an estimate made from random draws is:
// the one binomial interval every probability estimated from draws is
// given with (a deal's robust acceptance, a sweep's option bands, a
// lever's share of draws it helps in), and the percentile of a bootstrap.
//
// A probability estimated as k of n draws gets Wilson's score interval
// (E. B. Wilson, "Probable inference, the law of succession, and
// statistical inference", JASA 22:209–212, 1927) at Level: with
// p̂ = k/n and z the standard normal's (1 + Level)/2 quantile,
//
//	centre = (p̂ + z²/2n) / (1 + z²/n)
//	half   = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)
//	[lo, hi] = [centre − half, centre + half]
//
// It never has width 0 (at k = 0 it is [0, z²/(n + z²)], 0.0076 at
// n = 500, where p̂ ± √(p̂(1 − p̂)/n) would claim "0 ± 0"), stays inside
// [0, 1], and its coverage is close to Level at every p and n; see
// docs/DECISIONS.md for why not Clopper–Pearson.
package mcerr

import (
	"math"
	"sort"
)

// Level is the confidence level of every interval this package gives.
const Level = 0.95

// z is the standard normal's (1 + Level)/2 quantile.
const z = 1.959963984540054

// Method names the binomial interval, as the answers state it.
const Method = "Wilson score interval, 95%"

// Wilson is the Wilson score interval at Level of a probability estimated
// as k successes in n draws: [0, 0] without draws (n ≤ 0, nothing
// estimated; the answers state no probability then).
func Wilson(k, n int) [2]float64 {
	if n <= 0 {
		return [2]float64{}
	}
	k = min(max(k, 0), n)
	N := float64(n)
	p := float64(k) / N
	z2 := z * z
	den := 1 + z2/N
	centre := (p + z2/(2*N)) / den
	half := z / den * math.Sqrt(p*(1-p)/N+z2/(4*N*N))
	lo, hi := math.Max(0, centre-half), math.Min(1, centre+half)
	if k == 0 {
		lo = 0 // exactly: centre = half there, up to rounding
	}
	if k == n {
		hi = 1
	}
	return [2]float64{lo, hi}
}

// Count is the number of n draws a probability p estimated from them
// stands for (p·n rounded), for an answer that keeps the share and not
// the count.
func Count(p float64, n int) int {
	if !(p > 0) || n <= 0 {
		return 0
	}
	return min(n, int(math.Round(p*float64(n))))
}

// Percentile is the equal-tailed Level interval of the values xs (a
// bootstrap's replicates): their (1 − Level)/2 and (1 + Level)/2
// quantiles, by linear interpolation between order statistics; xs is
// sorted in place. [NaN, NaN] for none.
func Percentile(xs []float64) [2]float64 {
	if len(xs) == 0 {
		return [2]float64{math.NaN(), math.NaN()}
	}
	sort.Float64s(xs)
	q := func(a float64) float64 {
		h := a * float64(len(xs)-1)
		i := int(math.Floor(h))
		if i+1 >= len(xs) {
			return xs[len(xs)-1]
		}
		return xs[i] + (h-float64(i))*(xs[i+1]-xs[i])
	}
	return [2]float64{q((1 - Level) / 2), q((1 + Level) / 2)}
}
