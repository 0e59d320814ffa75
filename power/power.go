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
// Exact (n ≤ MaxExact and weights that are integers, to a relative 1e-12,
// after scaling by a power of ten 10^e — e negative too, as the indices
// do not change when the quota and the weights are divided by the same
// number, so [1.5e9; 1e9, 1e9] is [2; 1, 1] — with a total within the
// tables' bound): dynamic programming over weights, not enumeration. The
// table c[s][t] counts the coalitions of s players with total integer
// weight t (a polynomial product, O(n²·W) for the total weight W); the
// table of the others of player i is obtained by removing i from it
// (c_{−i}[s][t] = c[s][t] − c_{−i}[s−1][t − w_i]), and (2)–(3) sum it over
// t ∈ [q − w_i, q). Counts are exact integers (see MaxExact); the tables
// are bounded by MaxCells.
//
// Beyond that, seeded Monte Carlo: φ from random orders (i's share of
// pivots), β' from random coalitions (each player in with probability ½,
// i's share of swings), each with its binomial standard error
// √(p(1 − p)/N); β is β' normalised, its standard error that of β'
// divided by Σβ'. An event never seen in N draws gets no standard error
// (the formula's 0 would be false certainty) but the rule of three's 95%
// bound 3/N, said in the Note; if no player swung, β is undefined (NaN).
package power

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"

	"parley/errs"
)

// MaxExact is the most players the exact computation takes: the most for
// which its int64 counts cannot overflow. A count c[s][t] is at most
// C(n, s) ≤ C(58, 29) < 2^55, a player's swings η_i at most 2^(n−1), and
// their sum, which normalises β, at most n·2^(n−1): 58·2^57 < 2^63 ≤
// 59·2^58.
const MaxExact = 58

// MaxCells bounds the exact computation's tables: each of its two holds
// (n + 1) × (W + 1) counts of 8 bytes for the total integer weight W, at
// most MaxCells (16 MiB), so W is at most MaxCells/(n + 1) − 1 (35,543 for
// 58 players, 699,049 for 2) and the computation takes some 1.5·n·MaxCells
// steps at most (1.8×10⁸ for 58 players).
const MaxCells = 1 << 21

// maxTotal is the most total integer weight the tables take for n
// players.
func maxTotal(n int) int64 { return MaxCells/int64(n+1) - 1 }

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
	// sampled result (nil when exact). A player never seen pivotal (φ) or
	// never seen to swing (β', β) has the index 0 and the standard error
	// NaN, not the binomial formula's 0, which would claim the index is
	// known to be 0: its index is below Below instead. When no player
	// swung at all, every β and its standard error are NaN: Σβ' = 0, and
	// the normalised index is undefined.
	ShapleySE, BanzhafSE, BanzhafAbsSE []float64
	// Below is, when sampled, the rule of three's bound 3/Samples: an
	// index whose event (a pivot, a swing) was never seen in Samples
	// independent draws is below it with 95% confidence (1 − p)^N = 0.05
	// at p ≈ 3/N.
	Below float64
	// Veto and Dummies are the indices of the veto players and of the
	// dummies (Dummies only when exact: sampling cannot prove a player
	// never swings).
	Veto, Dummies []int
	// Note says how the indices were computed.
	Note string
}

// Check verifies the game: at least one player, finite weights ≥ 0 with
// a finite sum, a quota > 0 that the grand coalition reaches.
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
	if math.IsInf(total, 0) {
		return errs.New(errs.Argument, "the weights sum past the largest number (%v); valid: weights with a finite sum — divide them and the quota by a common factor, which changes no index", math.MaxFloat64)
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
	iw, iq, isExact, note := plan(g, o)
	r.Note = note
	if isExact {
		exact(r, iw, iq)
		return r, nil
	}
	total := 0.0
	for _, w := range g.Weights {
		total += w
	}
	for i, w := range g.Weights {
		if total-w < g.Quota {
			r.Veto = append(r.Veto, i)
		}
	}
	if err := sample(ctx, r, g, o); err != nil {
		return nil, err
	}
	return r, nil
}

// plan is how Compute computes g, which Cost estimates: exactly, on the
// integer game iw, iq (integral), or by sampling; note says which and, for
// sampling, why.
func plan(g Game, o Options) (iw []int64, iq int64, isExact bool, note string) {
	switch {
	case o.Sample:
		return nil, 0, false, "sampled (asked for)"
	case len(g.Weights) > MaxExact:
		return nil, 0, false, fmt.Sprintf("sampled: %d players is more than the %d the exact computation takes", len(g.Weights), MaxExact)
	}
	iw, iq, ok := integral(g)
	if !ok {
		return nil, 0, false, fmt.Sprintf("sampled: no power of ten makes the weights integers (to %g relative) with a total of at most %d, the exact tables' bound for %d players", tolerance, maxTotal(len(g.Weights)), len(g.Weights))
	}
	return iw, iq, true, "exact (dynamic programming over the weights)"
}

// tolerance is how far, relative to itself, a scaled weight or quota may
// be from an integer and still be read as that integer. A weight or quota
// written in decimal is a few units in the last place (some 1e-16
// relative) off its scaled integer (0.1·10 = 1.0000000000000000555…), far
// below it; a deliberate difference (a quota of 2.0000001 meaning "more
// than 2") is far above. It is relative, not absolute, so that a weight of
// 1e-10 is no more "about 0" than a weight of 1e10 is "about 1e10 + 1".
const tolerance = 1e-12

// Cost estimates the work (steps) and memory (bytes) of Compute(g, o),
// for a server or a command line to refuse what it cannot afford before it
// starts: exact, the tables' 1.5·n·(n + 1)·(W + 1) steps and two tables of
// (n + 1)·(W + 1) counts of 8 bytes for the total integer weight W;
// sampled, 2·N·n steps (N orders and N coalitions of n players) and 64
// bytes a player. A game Check refuses costs nothing.
func Cost(g Game, o Options) (work, bytes float64) {
	if g.Check() != nil {
		return 0, 0
	}
	n := float64(len(g.Weights))
	if iw, _, isExact, _ := plan(g, o); isExact {
		var W int64
		for _, x := range iw {
			W += x
		}
		cells := (n + 1) * float64(W+1)
		return 1.5 * n * cells, 2 * cells * 8
	}
	N := o.Samples
	if N <= 0 {
		N = DefaultSamples
	}
	return 2 * float64(N) * n, 64 * n
}

// integral reads the game as integers: it scales the weights and the
// quota by the least power of ten 10^e that makes every weight an integer
// (to tolerance), and rounds the quota up (a coalition of integer weight
// wins when it reaches it). The indices are invariant under scaling ([q;
// w] and [q/s; w/s] are the same game), so e may be negative: weights of
// 1e9 are read at e = −9 as 1s. e runs from just below the least positive
// weight's magnitude (a positive weight never becomes 0) up to where the
// total would pass maxTotal (it is checked against it before any
// conversion to int64, which cannot overflow). The scaled quota is at
// least 1 (a quota > 0 is never reached by the empty coalition) and at
// most the scaled total (which Check has seen reach it). It returns false
// when no such power of ten exists.
func integral(g Game) ([]int64, int64, bool) {
	total, least := 0.0, math.Inf(1)
	for _, w := range g.Weights {
		total += w
		if w > 0 {
			least = min(least, w)
		}
	}
	if !(total > 0) || math.IsInf(total, 0) {
		return nil, 0, false
	}
	lo := -int(math.Floor(math.Log10(least))) - 1
	limit := float64(maxTotal(len(g.Weights)))
	hi := int(math.Floor(math.Log10(limit / total)))
	// 10^e is a finite float64 for |e| ≤ 308.
	for e := max(lo, -308); e <= min(hi, 308); e++ {
		iw := make([]int64, len(g.Weights))
		var W int64
		ok := true
		for i, w := range g.Weights {
			x := scale(w, e)
			n := math.Round(x)
			if math.Abs(x-n) > tolerance*x {
				ok = false
				break
			}
			if n > limit-float64(W) {
				// Rounding put the total past the bound; a larger e
				// only makes it larger.
				return nil, 0, false
			}
			iw[i] = int64(n)
			W += iw[i]
		}
		if !ok {
			continue
		}
		q := scale(g.Quota, e)
		iq := math.Ceil(q - tolerance*q)
		iq = min(max(iq, 1), float64(W))
		return iw, int64(iq), true
	}
	return nil, 0, false
}

// scale returns x·10^e, dividing by 10^−e when e < 0 (so 1e19 at e = −19
// is 1 exactly, not 1e19 times the rounded 1e-19).
func scale(x float64, e int) float64 {
	if e < 0 {
		return x / math.Pow10(-e)
	}
	return x * math.Pow10(e)
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
		// a share of the orders: rounding in the sum must not take it
		// past 1 (a lone veto player summed 1.0000000000000002)
		r.Shapley[i] = min(r.Shapley[i], 1)
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
		// Veto in the integer game the indices are of: the others'
		// total falls short of the quota.
		if W-w[i] < q {
			r.Veto = append(r.Veto, i)
		}
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
		} else {
			r.Banzhaf[j], r.BanzhafSE[j] = math.NaN(), math.NaN()
		}
	}
	r.Below = 3 / float64(N)
	var noPivot, noSwing int
	for j := range n {
		if piv[j] == 0 {
			noPivot++
			r.ShapleySE[j] = math.NaN()
		}
		if sw[j] == 0 {
			noSwing++
			r.BanzhafAbsSE[j], r.BanzhafSE[j] = math.NaN(), math.NaN()
		}
	}
	bound := strconv.FormatFloat(r.Below, 'g', 2, 64)
	switch {
	case noSwing == n:
		r.Note += fmt.Sprintf("; no player swung in any of the %d random coalitions, so each absolute Banzhaf index is below about %s (3/N, 95%%) and the normalised Banzhaf index is undefined", N, bound)
	case noSwing > 0:
		r.Note += fmt.Sprintf("; %d of the %d players never swung in %d random coalitions: their absolute Banzhaf index is below about %s (3/N, 95%%)", noSwing, n, N, bound)
	}
	if noPivot > 0 {
		r.Note += fmt.Sprintf("; %d of the %d players were never pivotal in %d random orders: their Shapley–Shubik index is below about %s (3/N, 95%%)", noPivot, n, N, bound)
	}
	return nil
}
