// Package power measures a priori voting power in a weighted voting game
// [q; w_1, …, w_n]: a coalition S wins when Σ_{i∈S} w_i ≥ q.
//
// # Indices
//
// Player i is a swing for the coalition S of the others (i ∉ S) when S
// loses and S ∪ {i} wins:
//
//	w(S) < q ≤ w(S) + w_i                                                    (1)
//
// The Shapley–Shubik index (Shapley & Shubik 1954, "A method for
// evaluating the distribution of power in a committee system", American
// Political Science Review 48:787–792) is the share of the n! orders of
// the players in which i is pivotal, i.e. turns the players before it
// from losing to winning:
//
//	φ_i = Σ_{S swing for i} |S|! (n − |S| − 1)! / n!                         (2)
//
// The absolute Banzhaf index (Penrose 1946; Banzhaf 1965, "Weighted voting
// doesn't work", Rutgers Law Review 19:317–343) is the share of the 2^(n−1)
// coalitions of the others for which i is a swing, and the normalised
// (relative) Banzhaf index divides each by their sum:
//
//	β'_i = η_i / 2^(n−1),   β_i = η_i / Σ_j η_j                             (3)
//
// with η_i the number of swings of i (Felsenthal & Machover 1998, The
// Measurement of Voting Power, Edward Elgar, ch. 3).
//
// A veto player is in every winning coalition: w(N) − w_i < q. A dummy is
// never a swing: η_i = 0 (then φ_i = β_i = 0 too).
//
// # Computation
//
// Exact (n ≤ MaxExact and weights that are integers after scaling by a
// power of ten): dynamic programming over weights, not enumeration. The
// table c[s][t] counts the coalitions of s players with total integer
// weight t (a polynomial product, O(n²·W) for the total weight W); the
// table of the others of player i is obtained by removing i from it
// (c_{−i}[s][t] = c[s][t] − c_{−i}[s−1][t − w_i]), and (2)–(3) sum it over
// t ∈ [q − w_i, q). Counts are exact integers (C(30,15) < 2^63).
//
// Beyond that, seeded Monte Carlo: φ from random orders (i's share of
// pivots), β' from random coalitions (each player in with probability ½,
// i's share of swings), each with its binomial standard error
// √(p(1 − p)/N); β is β' normalised, its standard error that of β'
// divided by Σβ'.
package power

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"parley/errs"
)

// MaxExact is the most players the exact computation takes.
const MaxExact = 30

// MaxTotal bounds the total integer weight of the exact computation: its
// two tables hold (n + 1) × (MaxTotal + 1) counts each.
const MaxTotal = 50_000

// DefaultSamples is the number of random orders (and coalitions) of the
// sampled computation.
const DefaultSamples = 100_000

// Game is a weighted voting game.
type Game struct {
	Quota   float64
	Weights []float64
}

// Options control the computation.
type Options struct {
	// Samples is the number of random orders and coalitions when the game
	// is not computed exactly (0: DefaultSamples).
	Samples int
	// Seed seeds the sampling.
	Seed uint64
	// Sample forces sampling even for a game computed exactly (tests).
	Sample bool
}

// Result holds every player's indices, in the order of Game.Weights.
type Result struct {
	// Exact is true when the indices are exact; false when sampled.
	Exact bool
	// Samples is the number of random orders (and coalitions) drawn.
	Samples int
	// Shapley is φ (2), Banzhaf β (3, normalised), BanzhafAbs β' (3).
	Shapley, Banzhaf, BanzhafAbs []float64
	// Swings is η_i (exact only).
	Swings []int64
	// ShapleySE, BanzhafSE and BanzhafAbsSE are the standard errors of a
	// sampled result (nil when exact).
	ShapleySE, BanzhafSE, BanzhafAbsSE []float64
	// Veto and Dummies are the indices of the veto players and of the
	// dummies (Dummies only when exact: sampling cannot prove a player
	// never swings).
	Veto, Dummies []int
	// Note says how the indices were computed.
	Note string
}

// Check verifies the game: at least one player, finite weights ≥ 0, a
// quota > 0 that the grand coalition reaches.
func (g Game) Check() error {
	if len(g.Weights) == 0 {
		return errs.New(errs.Argument, "a voting game needs at least one player")
	}
	total := 0.0
	for i, w := range g.Weights {
		if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			return errs.New(errs.Argument, "weight %d is %v; valid: a finite number ≥ 0", i+1, w)
		}
		total += w
	}
	if math.IsNaN(g.Quota) || math.IsInf(g.Quota, 0) || g.Quota <= 0 {
		return errs.New(errs.Argument, "quota %v; valid: a number > 0", g.Quota)
	}
	if g.Quota > total {
		return errs.New(errs.Argument, "quota %v is more than all the weight (%v): no coalition wins; valid: a quota from just above 0 to %v", g.Quota, total, total)
	}
	return nil
}

// Compute returns the indices of the game, exactly when it can (see the
// package doc), else by sampling. A cancelled ctx stops the sampling and
// returns its error.
func Compute(ctx context.Context, g Game, o Options) (*Result, error) {
	if err := g.Check(); err != nil {
		return nil, err
	}
	r := &Result{Veto: []int{}}
	total := 0.0
	for _, w := range g.Weights {
		total += w
	}
	for i, w := range g.Weights {
		if total-w < g.Quota {
			r.Veto = append(r.Veto, i)
		}
	}
	iw, iq, ok := integral(g)
	switch {
	case o.Sample:
		r.Note = "sampled (asked for)"
	case len(g.Weights) > MaxExact:
		r.Note = fmt.Sprintf("sampled: %d players is more than the %d the exact computation takes", len(g.Weights), MaxExact)
	case !ok:
		r.Note = "sampled: the weights are not integers after scaling by a power of ten up to 10⁶, or their total is too large for the exact tables"
	default:
		exact(r, iw, iq)
		r.Note = "exact (dynamic programming over the weights)"
		return r, nil
	}
	if err := sample(ctx, r, g, o); err != nil {
		return nil, err
	}
	return r, nil
}

// integral scales the weights and the quota by the least power of ten up
// to 10⁶ that makes every weight an integer (to 1e-9 relative), with the
// quota rounded up (a coalition wins when its integer weight reaches it).
func integral(g Game) ([]int64, int64, bool) {
	for e := 0; e <= 6; e++ {
		f := math.Pow(10, float64(e))
		iw := make([]int64, len(g.Weights))
		total := int64(0)
		ok := true
		for i, w := range g.Weights {
			x := w * f
			n := math.Round(x)
			if math.Abs(x-n) > 1e-9*math.Max(1, x) {
				ok = false
				break
			}
			iw[i] = int64(n)
			total += iw[i]
		}
		if !ok {
			continue
		}
		if total > MaxTotal {
			return nil, 0, false
		}
		q := g.Quota * f
		iq := int64(math.Ceil(q - 1e-9*math.Max(1, q)))
		return iw, iq, true
	}
	return nil, 0, false
}

// exact fills r by the dynamic programme of the package doc.
func exact(r *Result, w []int64, q int64) {
	n := len(w)
	W := int64(0)
	for _, x := range w {
		W += x
	}
	// c[s][t]: coalitions of s players (of all n) with weight t.
	c := make([][]int64, n+1)
	for s := range c {
		c[s] = make([]int64, W+1)
	}
	c[0][0] = 1
	for j, x := range w {
		for s := j + 1; s >= 1; s-- {
			for t := W; t >= x; t-- {
				c[s][t] += c[s-1][t-x]
			}
		}
	}
	// coef[s] = s!(n−s−1)!/n! = 1/(n·C(n−1, s)), the weight of a swing
	// coalition of s players in (2).
	coef := make([]float64, n)
	for s := 0; s < n; s++ {
		coef[s] = 1 / (float64(n) * binom(n-1, s))
	}
	r.Swings = make([]int64, n)
	r.Shapley = make([]float64, n)
	d := make([][]int64, n)
	for s := range d {
		d[s] = make([]int64, W+1)
	}
	for i, x := range w {
		// d[s][t]: coalitions of s of the others with weight t.
		for s := 0; s < n; s++ {
			for t := int64(0); t <= W; t++ {
				v := c[s][t]
				if s > 0 && t >= x {
					v -= d[s-1][t-x]
				}
				d[s][t] = v
			}
		}
		lo := max(q-x, 0)
		for s := 0; s < n; s++ {
			var k int64
			for t := lo; t < q && t <= W; t++ {
				k += d[s][t]
			}
			r.Swings[i] += k
			r.Shapley[i] += float64(k) * coef[s]
		}
	}
	r.Exact = true
	r.Banzhaf = make([]float64, n)
	r.BanzhafAbs = make([]float64, n)
	sum := int64(0)
	for _, k := range r.Swings {
		sum += k
	}
	r.Dummies = []int{}
	for i, k := range r.Swings {
		r.BanzhafAbs[i] = float64(k) / math.Pow(2, float64(n-1))
		if sum > 0 {
			r.Banzhaf[i] = float64(k) / float64(sum)
		}
		if k == 0 {
			r.Dummies = append(r.Dummies, i)
		}
	}
}

// binom is C(n, k) as a float64.
func binom(n, k int) float64 {
	k = min(k, n-k)
	b := 1.0
	for j := 1; j <= k; j++ {
		b = b * float64(n-k+j) / float64(j)
	}
	return b
}

// sample fills r by Monte Carlo from the stream PCG(seed, 0) for the
// orders and PCG(seed, 1) for the coalitions.
func sample(ctx context.Context, r *Result, g Game, o Options) error {
	N := o.Samples
	if N <= 0 {
		N = DefaultSamples
	}
	n := len(g.Weights)
	r.Samples = N
	piv := make([]int, n)
	rng := rand.New(rand.NewPCG(o.Seed, 0))
	perm := make([]int, n)
	for d := range N {
		if d%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		for j := range perm {
			perm[j] = j
		}
		rng.Shuffle(n, func(a, b int) { perm[a], perm[b] = perm[b], perm[a] })
		acc := 0.0
		for _, j := range perm {
			acc += g.Weights[j]
			if acc >= g.Quota {
				piv[j]++
				break
			}
		}
	}
	sw := make([]int, n)
	rng = rand.New(rand.NewPCG(o.Seed, 1))
	in := make([]bool, n)
	for d := range N {
		if d%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		acc := 0.0
		for j := range in {
			in[j] = rng.Uint64()&1 == 1
			if in[j] {
				acc += g.Weights[j]
			}
		}
		for j, x := range g.Weights {
			others := acc
			if in[j] {
				others -= x
			}
			if others < g.Quota && others+x >= g.Quota {
				sw[j]++
			}
		}
	}
	se := func(p float64) float64 { return math.Sqrt(p * (1 - p) / float64(N)) }
	r.Shapley, r.ShapleySE = make([]float64, n), make([]float64, n)
	r.BanzhafAbs, r.BanzhafAbsSE = make([]float64, n), make([]float64, n)
	r.Banzhaf, r.BanzhafSE = make([]float64, n), make([]float64, n)
	sum := 0.0
	for j := range n {
		r.Shapley[j] = float64(piv[j]) / float64(N)
		r.ShapleySE[j] = se(r.Shapley[j])
		r.BanzhafAbs[j] = float64(sw[j]) / float64(N)
		r.BanzhafAbsSE[j] = se(r.BanzhafAbs[j])
		sum += r.BanzhafAbs[j]
	}
	for j := range n {
		if sum > 0 {
			r.Banzhaf[j] = r.BanzhafAbs[j] / sum
			r.BanzhafSE[j] = r.BanzhafAbsSE[j] / sum
		}
	}
	return nil
}
