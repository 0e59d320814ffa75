package smp

import (
	"math"

	"parley/parallel"
)

// vote is Model::vote (eq. 1.5a): the vote of a voter with weight w for
// the option it values at a over the option it values at b.
func vote(r VotingRule, w, a, b float64) float64 {
	if r == VoteProportional {
		return float64(w * (a - b))
	}
	return voteOther(r, w, a, b)
}

// voteOther is vote under the rules other than proportional, apart so
// that vote is small enough to inline where challenges are evaluated.
func voteOther(r VotingRule, w, a, b float64) float64 {
	du := a - b
	sgn := 0.0
	if du > 0 {
		sgn = 1
	} else if du < 0 {
		sgn = -1
	}
	cube := float64(float64(du*du) * du)
	switch r {
	case VoteBinary:
		return float64(w * sgn)
	case VotePropBin:
		return float64(w * ((sgn + du) / 2))
	case VotePropCubic:
		return float64(w * ((du + cube) / 2))
	case VoteCubic:
		return float64(w * cube)
	}
	return math.NaN() // rejected by Model.check
}

// pce computes the probability that each of m options wins a
// probabilistic Condorcet election among n voters with weights w, where
// uo[o*n+k] is voter k's utility for option o (eqs. 1.5b–d). It writes
// the probabilities into p (length m) and uses coal (length m·m) as
// scratch. Large elections split the coalition rows over up to workers
// goroutines; every entry is computed by one of them in the same order,
// so the result does not depend on the split.
func pce(rule VotingRule, model PCEModel, w, uo []float64, n, m int, p, coal []float64, workers int) {
	pceSame(rule, model, w, uo, n, m, p, coal, workers, nil)
}

// pceSame is pce where same[o] is the first option whose utilities are
// option o's, bit for bit (o itself if none is), or same is nil. Two such
// options have the same coalitions against every other, and against each
// other no vote but +0 (with finite weights), so only the first of each
// is computed and the others copied: the same values as computing all.
func pceSame(rule VotingRule, model PCEModel, w, uo []float64, n, m int, p, coal []float64, workers int, same []int) {
	// Model::coalitions (eq. 1.5b).
	if workers > 1 && m*m*n >= 1<<18 {
		parallel.Run(workers, func(g int) {
			for i := g; i < m; i += workers {
				if same == nil || same[i] == i {
					coalRow(rule, w, uo, n, m, i, coal, same)
				}
			}
		})
	} else {
		for i := 0; i < m; i++ {
			if same == nil || same[i] == i {
				coalRow(rule, w, uo, n, m, i, coal, same)
			}
		}
	}
	if same != nil {
		for i := 0; i < m; i++ {
			si := same[i]
			for j := 0; j < i; j++ {
				sj := same[j]
				switch {
				case si == i && sj == j: // computed
				case si == sj:
					coal[i*m+j], coal[j*m+i] = 1e-8, 1e-8
				default:
					coal[i*m+j], coal[j*m+i] = coal[si*m+sj], coal[sj*m+si]
				}
			}
			coal[i*m+i] = 1e-8
		}
	}
	// Model::vProb, Linear (eq. 1.5c), in place: coal becomes P.
	for i := 0; i < m; i++ {
		for j := 0; j < i; j++ {
			cij, cji := coal[i*m+j], coal[j*m+i]
			coal[i*m+j] = cij / (cij + cji)
			coal[j*m+i] = cji / (cij + cji)
		}
		coal[i*m+i] = 0.5
	}
	if model == PCEMarkovUniform {
		markovUniform(coal, m, p)
		return
	}
	// Model::condPCE (eq. 1.5d).
	sum := 0.0
	for i := 0; i < m; i++ {
		q := 1.0
		for _, pij := range coal[i*m : i*m+m] {
			q *= pij
		}
		p[i] = q
	}
	for i := 0; i < m; i++ {
		sum += p[i]
	}
	for i := 0; i < m; i++ {
		p[i] = p[i] / sum
	}
}

// coalRow computes Cᵢⱼ and Cⱼᵢ for every j < i, and Cᵢᵢ (eq. 1.5b):
// only for the j first of their kind in same, if same is not nil.
func coalRow(rule VotingRule, w, uo []float64, n, m, i int, coal []float64, same []int) {
	ui := uo[i*n : i*n+n]
	first := func(j int) bool { return same == nil || same[j] == j }
	j := 0
	if rule == VoteProportional {
		// Two options j side by side: each of the four sums is one chain
		// of dependent additions, in voter order as alone (the same
		// bits), and four chains keep the adder busy where two would wait
		// on each addition in turn (at 200 voters a third of a step).
		for {
			for j < i && !first(j) {
				j++
			}
			k := j + 1
			for k < i && !first(k) {
				k++
			}
			if k >= i {
				break
			}
			c := coalPair(w[:n], ui[:n], uo[j*n:j*n+n], uo[k*n:k*n+n])
			coal[i*m+j], coal[j*m+i] = c[0], c[1]
			coal[i*m+k], coal[k*m+i] = c[2], c[3]
			j = k + 1
		}
	}
	for ; j < i; j++ {
		if !first(j) {
			continue
		}
		uj := uo[j*n : j*n+n]
		cij, cji := 1e-8, 1e-8
		if rule == VoteProportional {
			uj, ui := uj[:n], ui[:n]
			for k, wk := range w[:n] {
				// +0 for the side a vote does not go to: same sums, no
				// unpredictable branch.
				v := float64(wk * (ui[k] - uj[k]))
				vp, vn := split0(v)
				cij += vp
				cji -= vn
			}
		} else {
			for k, wk := range w[:n] {
				v := vote(rule, wk, ui[k], uj[k])
				if v > 0 {
					cij += v
				}
				if v < 0 {
					cji -= v
				}
			}
		}
		coal[i*m+j] = cij
		coal[j*m+i] = cji
	}
	coal[i*m+i] = 1e-8
}

// coalPair is (Cᵢⱼ, Cⱼᵢ, Cᵢₖ, Cₖᵢ) under proportional voting, for voters
// with weights w and utilities ui, uj and uk for options i, j and k.
// From vectorFrom voters on, where the processor can (useVector), coal2
// counts the voters in fours first, and the loop the last n mod 4.
func coalPair(w, ui, uj, uk []float64) [4]float64 {
	n := len(w)
	ui, uj, uk = ui[:n], uj[:n], uk[:n]
	c := [4]float64{1e-8, 1e-8, 1e-8, 1e-8}
	from := 0
	if useVector && n >= vectorFrom {
		coal2(&w[0], &ui[0], &uj[0], &uk[0], n, &c)
		from = n &^ 3
	}
	cij, cji, cik, cki := c[0], c[1], c[2], c[3]
	for v := from; v < n; v++ {
		wv := w[v]
		a, b := split0(float64(wv * (ui[v] - uj[v])))
		c, d := split0(float64(wv * (ui[v] - uk[v])))
		cij += a
		cji -= b
		cik += c
		cki -= d
	}
	return [4]float64{cij, cji, cik, cki}
}

// markovUniform writes into p the stationary distribution of the chain
// that, from option i, draws a challenger j uniformly among the m options
// and moves to j with probability P[j][i]. Power iteration from the
// uniform distribution until no probability changes by more than 1e-13
// (at most 100000 steps).
func markovUniform(P []float64, m int, p []float64) {
	q := make([]float64, m)
	for i := range p[:m] {
		p[i] = 1 / float64(m)
	}
	for it := 0; it < 100000; it++ {
		for j := range q {
			q[j] = 0
		}
		for i := 0; i < m; i++ {
			stay := 1.0
			for j := 0; j < m; j++ {
				if j == i {
					continue
				}
				t := P[j*m+i] / float64(m)
				q[j] += float64(p[i] * t)
				stay -= t
			}
			q[i] += float64(p[i] * stay)
		}
		diff := 0.0
		for i := range q {
			diff = math.Max(diff, math.Abs(q[i]-p[i]))
			p[i] = q[i]
		}
		if diff <= 1e-13 {
			return
		}
	}
}
