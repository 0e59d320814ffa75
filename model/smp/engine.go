package smp

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"

	"parley/parallel"
)

// engine is the numerical core: n actors in d dimensions on [0,1], with
// power c, per-dimension saliences s and positions x. It is KTAB's
// SMPModel/SMPState stripped of logging, SQL and threads. Every product
// that feeds a sum is wrapped in float64() so that no compiler fuses it
// into a multiply-add: the printed figures depend on the last bit.
type engine struct {
	o    Model
	n, d int
	c    []float64 // power, raw
	s    []float64 // s[i*d+k], salience of actor i on dimension k
	sig  []float64 // σᵢ = Σₖ sᵢₖ
	sc   []float64 // σᵢcᵢ, the weight of actor i in challenges
	ss2  []float64 // Σₖ sᵢₖ²

	// state t
	x     []float64 // positions, x[i*d+k]
	dl    []float64 // dl[i*n+j] = δᵢⱼ = δ(yᵢ, xⱼ; sᵢ)
	dT    []float64 // dT[j*n+i] = δᵢⱼ
	R     []float64 // risk attitudes
	p0    []float64 // victory probabilities of the actors' positions (1.6b)
	uDiag []float64 // uDiag[h*n+l] = Ũʰ(h,l)

	// scratch, reused from turn to turn (a sweep runs the model
	// thousands of times, and allocation was a tenth of its time)
	uo   []float64
	coal []float64
	pm   []float64
	sq   []float64  // Ū(a, SQ), resolve
	ub   []float64  // Ū(a, β), resolve
	scs  []*scratch // each worker's challenge tables (tables)
	bs   []bargain  // this turn's bargains
	bfl  []float64  // their points: bargains hands out slices of it
	opts []int      // every actor's options, and where each list starts (optionLists)
	at   []int

	workers int
	// progress is model.Options.Progress: told of each step and the
	// step limit
	progress func(done, total int)
	// settle has a lean run also compute the mean of the state before
	// the last (trace.before: PointForecastSettling)
	settle bool
	// noCycle turns off the two-state cycle's shortcut (finishCycle), and
	// noPrune the bound on a challenge's gain (bestChallenge), for the
	// tests that prove they change nothing
	noCycle, noPrune bool
	// tight is whether this state meets the premises of bestChallenge's
	// cap on φ (set by setup), capOK whether the run meets those that do
	// not change, and slack the cap's margin for rounding
	tight, capOK bool
	slack        float64
	// same and firsts are samePositions' tables; finiteC, whether every
	// power is finite, is one of its premises, fixed for the run
	same, firsts []int
	finiteC      bool
	// runTrace's buffers, kept for the engine's next run
	target           []int
	phi, next, back2 []float64
	// probs' tables: the distinct positions and their probabilities
	reps []int
	pr   []float64

	// has[i*d+k] is whether actor i has a stance on dimension k, and
	// part lists the dimensions where some actor has none (both nil
	// when every actor has a stance everywhere, as in every KTAB file):
	// probs' mean of such a dimension counts only the positions held
	// by an actor with a stance on it (docs/DECISIONS.md, smpabsent21).
	// Read, never written; the run's input owns them.
	has  []bool
	part []int
	// probs' tables for part: each actor's distinct position, and
	// whether one of the actors at a position has a stance
	grp  []int
	held []bool
}

// release gives e to a later newEngine; e must not be used after.
func (e *engine) release() {
	e.c, e.s, e.progress, e.has, e.part = nil, nil, nil, nil, nil
	spare.Put(e)
}

// bargain is β = (init I, rcvr R, b_I, b_R) (eq. 1.9).
type bargain struct {
	init, rcvr int
	bI, bR     []float64
}

// optionLists writes every actor's options L_k into opts, k's list being
// opts[at[k]:at[k+1]]: the status quo (−1), then the bargains k
// initiated, then those it received, each as an index into bs in bs's
// order. It reuses the memory of opts and at (which holds a fill cursor
// per actor after the n + 1 bounds) and returns them.
func optionLists(opts, at []int, bs []bargain, n int) ([]int, []int) {
	at = fit(at, 2*n+1)
	clear(at)
	for _, b := range bs {
		at[b.init+1]++
		if b.rcvr != b.init {
			at[b.rcvr+1]++
		}
	}
	next := at[n+1:]
	for k := 0; k < n; k++ {
		at[k+1] += at[k] + 1 // + 1: the status quo
		next[k] = at[k] + 1
	}
	opts = fit(opts, at[n])
	for k := 0; k < n; k++ {
		opts[at[k]] = -1
	}
	for bi, b := range bs {
		opts[next[b.init]] = bi
		next[b.init]++
	}
	for bi, b := range bs {
		if b.rcvr != b.init {
			opts[next[b.rcvr]] = bi
			next[b.rcvr]++
		}
	}
	return opts, at[:n+1]
}

// spare holds engines whose runs have ended, for later runs to reuse
// their tables: a sweep runs the model thousands of times on problems of
// one size, and each run's allocations were a twentieth of its time.
var spare sync.Pool

// fit returns b with length n, reusing its memory if it has room. The
// contents are not cleared: every table is written before it is read.
func fit[T any](b []T, n int) []T {
	return slices.Grow(b[:0], n)[:n]
}

// newEngine returns an engine for the problem (c, s, x), n actors in d
// dimensions: a spare one (release gives an engine back) renewed, if
// there is one. x is copied; c and s are read, never written.
func newEngine(o Model, c, s, x []float64, n, d int) *engine {
	sp, _ := spare.Get().(*engine)
	return renew(sp, o, c, s, x, n, d)
}

// renew sets e (or a new engine, if e is nil) up for the problem (c, s, x)
// with e's tables where they fit. Nothing of e's last run is read: every
// table is written before it is read (TestRenewedEnginesChangeNothing).
func renew(e *engine, o Model, c, s, x []float64, n, d int) *engine {
	var old engine
	if e == nil {
		e = &engine{}
	} else {
		old = *e
	}
	*e = engine{
		o: o, n: n, d: d, c: c, s: s,
		x:   fit(old.x, n*d),
		sig: fit(old.sig, n), sc: fit(old.sc, n), ss2: fit(old.ss2, n),
		dl: fit(old.dl, n*n), dT: fit(old.dT, n*n), R: fit(old.R, n), p0: fit(old.p0, n),
		uDiag: fit(old.uDiag, n*n),
		uo:    fit(old.uo, n*n), coal: fit(old.coal, n*n), pm: fit(old.pm, n),
		sq: old.sq, ub: old.ub, bs: old.bs, bfl: old.bfl, opts: old.opts, at: old.at,
		same: old.same, firsts: old.firsts,
		target: old.target, phi: old.phi, next: old.next, back2: old.back2,
		reps: old.reps, pr: old.pr, grp: old.grp, held: old.held,
	}
	if len(old.scs) > 0 && len(old.scs[0].rr) == n {
		e.scs = old.scs
		for _, sc := range e.scs {
			sc.evaluated, sc.cut = 0, 0
		}
	}
	copy(e.x, x)
	for i := 0; i < n; i++ {
		sg, s2 := 0.0, 0.0
		for _, v := range s[i*d : i*d+d] {
			sg += v
			s2 += float64(v * v)
		}
		e.sig[i] = sg
		e.sc[i] = sg * c[i]
		e.ss2[i] = s2
	}
	e.capOK, e.slack = capPremises(o, e.sc, e.ss2)
	e.finiteC = true
	for _, ci := range c[:n] {
		if math.IsInf(ci, 0) || math.IsNaN(ci) {
			e.finiteC = false
		}
	}
	e.workers = runtime.GOMAXPROCS(0)
	if e.workers > 8 {
		e.workers = 8
	}
	return e
}

// util is U(δ, R) (eq. 1.4b), evaluated as KTAB writes it.
func util(sd, r float64) float64 {
	if sd <= 1 {
		return (1 - sd) * (1 + float64(sd*r))
	}
	return (1 - sd) * (1 + r)
}

// dist is δ(a, b; s) (eq. 1.4a) with ss2 = Σ s².
func dist(a, b, s []float64, ss2 float64) float64 {
	num := 0.0
	for k := range a {
		t := (a[k] - b[k]) * s[k]
		num += float64(t * t)
	}
	return math.Sqrt(num / ss2)
}

// adj is rʰᵢ, h's estimate of i's risk attitude (eq. 1.6d).
func (e *engine) adj(rh, ri float64) float64 {
	switch e.o.RiskAdjust {
	case AdjustNone:
		return rh
	case AdjustHalf:
		return (rh + ri) / 2.0
	case AdjustTwoThirds:
		return (rh + float64(2.0*ri)) / 3.0
	case AdjustFull:
		return ri
	}
	return (float64(2.0*rh) + ri) / 3.0
}

// setup computes the distances, risk attitudes and each actor's own
// utilities for the current positions: KTAB's SMPState::setVDiff and
// setAllAUtil (sections 1.4, 1.6).
func (e *engine) setup() {
	n, d := e.n, e.d
	for i := 0; i < n; i++ {
		xi, si := e.x[i*d:i*d+d], e.s[i*d:i*d+d]
		for j := 0; j < n; j++ {
			v := dist(xi, e.x[j*d:j*d+d], si, e.ss2[i])
			e.dl[i*n+j] = v
			e.dT[j*n+i] = v
			e.uo[j*n+i] = util(v, 0) // 1.6a, option-major
		}
	}
	// 1.6b: the PCE of the risk-neutral utilities.
	pceSame(e.o.Vote, e.o.PCE, e.c, e.uo, n, n, e.p0, e.coal, e.workers, e.samePositions())
	// 1.6c.
	pmin, pmax := 1.0, 0.0
	for _, p := range e.p0 {
		if p < pmin {
			pmin = p
		}
		if p > pmax {
			pmax = p
		}
	}
	for i, p := range e.p0 {
		switch {
		case !(pmax > pmin):
			e.R[i] = 0 // degenerate: every position equally likely
		case e.o.RiskRange == RiskMin:
			e.R[i] = (p - pmin) / (pmax - pmin)
		case e.o.RiskRange == RiskMax:
			e.R[i] = (float64(2*p) - pmax - pmin) / (pmax - pmin)
		default:
			e.R[i] = (float64(3*p) - (pmax + float64(2*pmin))) / (2 * (pmax - pmin))
		}
	}
	// 1.6e, the rows every later step reads: Ũʰ(h,·).
	for h := 0; h < n; h++ {
		r := e.adj(e.R[h], e.R[h])
		row := e.uDiag[h*n : h*n+n]
		for l, v := range e.dl[h*n : h*n+n] {
			row[l] = util(v, r)
		}
	}
	e.setTight()
}

// samePositions returns same[i], the first actor whose position is actor
// i's, bit for bit (i itself if none is): their options' utilities are
// the same, which pceSame need not compute twice. It returns nil when
// every position is distinct, or when a power is not finite (finiteC: a
// weight ∞ times a difference 0 is NaN, not 0).
func (e *engine) samePositions() []int {
	n, d := e.n, e.d
	if !e.finiteC {
		return nil
	}
	if len(e.same) < n {
		e.same, e.firsts = make([]int, n), make([]int, 0, n)
	}
	same := e.same[:n]
	firsts := e.firsts[:0]
	for i := 0; i < n; i++ {
		same[i] = i
		xi := e.x[i*d : i*d+d]
		for _, r := range firsts {
			if sameBits(xi, e.x[r*d:r*d+d]) {
				same[i] = r
				break
			}
		}
		if same[i] == i {
			firsts = append(firsts, i)
		}
	}
	e.firsts = firsts
	if len(firsts) == n {
		return nil // all distinct: nothing to share
	}
	return same
}

// setTight decides whether bestChallenge may cap φ for this state: under
// proportional voting and semi-committed third parties, with weights
// σᵢcᵢ ≥ 0, every actor at distance 0 from itself (capPremises, fixed for
// the run) and risk attitudes in [−1, 1] (this state's), a third party m
// values every position at most as much as its own (Ũⁱ(m,m) = 1 ≥
// Ũⁱ(m,j)), so its vote for the challenger i is at most wₘ·(1 − Ũⁱ(m,i))
// and it never takes a vote from i's target's side.
//
// The most likely position's R is 1 in exact arithmetic, and 1.6c's
// three roundings put it at 1 + 2⁻⁵² in nearly half the states of a
// 300-actor one-issue run, which turned the cap and the cut off there. A risk
// attitude r = 1 + η lifts U(δ, r) = 1 − δ²r + δη above 1 by at most
// η²/4 (at δ = η/2; for δ > 1 it is negative), so up to η = 1e-9 each
// third party's vote exceeds its cap by at most wₘ·2.5e-19, which the
// cap's slack of 1e-12 of the weights covers a million times over
// (TestCapAtRiskOneByRounding).
func (e *engine) setTight() {
	e.tight = e.capOK && !e.noPrune
	for _, r := range e.R[:e.n] {
		if !(r >= -1) || !(r <= 1+1e-9) {
			e.tight = false
			break
		}
	}
}

// capPremises reports whether the run meets setTight's premises that do
// not change from state to state — the voting rule and commitment, every
// weight σᵢcᵢ ≥ 0 and every Σ s² > 0 (so that an actor's distance to
// itself is 0: positions are finite, Problem.Check, and stay so) — and
// the slack that covers the rounding of the votes' sums
// (≈ 10⁻¹⁵ of a weight each).
func capPremises(o Model, sc, ss2 []float64) (ok bool, slack float64) {
	if o.Vote != VoteProportional || o.Commit != SemiCommit {
		return false, 0
	}
	sumW := 0.0
	for m, w := range sc {
		if !(w >= 0) || !(ss2[m] > 0) {
			return false, 0
		}
		sumW += w
	}
	return true, 1e-12 * sumW
}

// challenges finds every actor's best challenge (section 1.8): target[i]
// is j* or −1, phi[i] its φ.
func (e *engine) challenges(ctx context.Context, target []int, phi []float64) {
	n := e.n
	w := e.workers
	if n < 24 || w < 2 {
		sc := e.tables(1)[0]
		for i := 0; i < n; i++ {
			target[i], phi[i] = e.bestChallenge(i, sc)
		}
		return
	}
	// Workers take challengers one at a time, each with its own tables;
	// each result goes to its own slot, so the outcome does not depend on
	// who computes what. A cancelled run is abandoned by the caller.
	scs := e.tables(w)
	parallel.Each(ctx, w, n, func(wk, i int) {
		target[i], phi[i] = e.bestChallenge(i, scs[wk])
	})
}

// tables returns w workers' challenge tables, kept from step to step and,
// for the same number of actors, from run to run (renew).
func (e *engine) tables(w int) []*scratch {
	for len(e.scs) < w {
		e.scs = append(e.scs, newScratch(e.n))
	}
	return e.scs[:w]
}

// scratch is one worker's per-challenger tables: rr[m] = rⁱₘ,
// col[m] = Ũⁱ(m,i), diag[m] = Ũⁱ(m,m), a2e[m] = col+col+diag and
// a3[m] = col+col+col (the third parties' terms that do not depend on the
// target) and bound[j] the most a challenge of j can
// gain; evaluated counts the challenges evaluated (for tests).
type scratch struct {
	rr, col, diag, a2e, a3, bound, tw, suf []float64
	evaluated, cut                         int
}

func newScratch(n int) *scratch {
	f := func() []float64 { return make([]float64, n) }
	return &scratch{rr: f(), col: f(), diag: f(), a2e: f(), a3: f(), bound: f(), tw: f(), suf: make([]float64, n+1)}
}

// bestChallenge evaluates E(i,i,i,j) for the targets j ≠ i (eq. 1.7) with
// Ũⁱ computed on the fly, and returns the first strict maximum of Δ above
// 1e-5 (eq. 1.8), or −1.
//
// Δ lies between the contest's two outcomes (1.7d): with weights φ and
// 1 − φ in [0, 1] it is at most
//
//	bound = (1−σⱼ)·2u(i,i) + σⱼ·max(2u(i,i), 2u(i,j)) − (u(i,i) + u(i,j)),
//
// u(i,i) − u(i,j) when i prefers its own position, which needs none of
// the O(N) third-party votes (1.7b). Where setTight's premises hold (the
// default proportional voting and semi-commitment), each third party m
// can add at most tw[m] = wₘ·(1 − Ũⁱ(m,i)) to i's side and takes nothing
// from j's, so φ ≤ Aₘₐₓ/(Aₘₐₓ + B₀), with B₀ the target's own vote, and
// the bound drops by σⱼ·(vᵢⱼ − vⱼᵢ)·(1 − that cap). The target with the
// largest bound is evaluated first, and then, in KTAB's order, every
// other target whose bound — with a margin of 1e-9, ≈ 10⁶ times the
// rounding error of the few operations between — can still beat the best
// Δ found and 1e-5. A target evaluated is also cut short (thirdProp) once
// the votes counted so far, with the most the rest could add, leave φ
// below what beating the best would need. Each target's Δ is computed as
// KTAB computes it, independently of the others, and the winner is the
// same — the largest Δ, the lowest j among equal ones — bit for bit
// (TestPrunedChallengesChangeNothing).
func (e *engine) bestChallenge(i int, sc *scratch) (int, float64) {
	n := e.n
	rr, col, diag := sc.rr, sc.col, sc.diag
	Ri := e.R[i]
	for m := 0; m < n; m++ {
		rr[m] = e.adj(Ri, e.R[m])
	}
	dTi := e.dT[i*n : i*n+n]
	for m := 0; m < n; m++ {
		a := util(dTi[m], rr[m])       // Ũⁱ(m,i)
		ee := util(e.dl[m*n+m], rr[m]) // Ũⁱ(m,m)
		col[m], diag[m] = a, ee
		sc.a2e[m], sc.a3[m] = a+a+ee, a+a+a
	}
	uii := diag[i]
	vij := uii + uii
	ui := e.uDiag[i*n : i*n+n] // Ũⁱ(i,·): rr[i] is the r setup used
	// tw[m]: the most third party m can add to i's side; suf[m]: their
	// sum from m on, i left out; sumT: all of them, with the margin
	tight, tw, sumT := e.tight, sc.tw[:n], 0.0
	if tight {
		suf := sc.suf[:n+1]
		suf[n] = 0
		for m := n - 1; m >= 0; m-- {
			t := 0.0
			if col[m] < diag[m] {
				t = float64(e.sc[m] * (diag[m] - col[m]))
			}
			tw[m], suf[m] = t, suf[m+1]
			if m != i {
				suf[m] += t
			}
		}
		sumT = suf[0] + e.slack
	}
	first, top := -1, math.Inf(-1)
	for j := 0; j < n; j++ {
		if j == i {
			continue
		}
		uij := ui[j] // Ũⁱ(i,j)
		sj := e.sig[j]
		b := math.Inf(1) // outside the bound's premises: always evaluated
		if !e.noPrune && sj >= 0 && sj <= 1 {
			vji := uij + uij
			b = (1-sj)*vij + sj*max(vij, vji) - (uii + uij) + 1e-9*(1+math.Abs(vij)+math.Abs(vji))
			if tight && vij > vji {
				// φ ≤ Aₘₐₓ/(Aₘₐₓ + B₀): Δ is at least sⱼ(vᵢⱼ − vⱼᵢ)(1 − φ) below b
				ai := float64(e.sc[i] * (uii - uij))
				b -= float64(sj*(vij-vji)) * (1e-10 + tw[j]) / ((2e-10 + ai + sumT) * (1 + 1e-9)) * (1 - 1e-9)
			}
		}
		sc.bound[j] = b
		if b > top {
			first, top = j, b
		}
	}
	best, bestJ, bestPhi := -1.0, -1, 0.0
	if first >= 0 {
		if delta, ph := e.challenge(i, first, sc, 1e-5); 1e-5 < delta {
			best, bestJ, bestPhi = delta, first, ph
		}
	}
	for j := 0; j < n; j++ {
		// (a NaN bound compares false: its Δ is NaN too, never chosen)
		if bd := sc.bound[j]; j == i || j == first || bd <= 1e-5 || bd < best {
			continue
		}
		delta, ph := e.challenge(i, j, sc, max(best, 1e-5))
		if 1e-5 < delta && (best < delta || best == delta && j < bestJ) {
			best, bestJ, bestPhi = delta, j, ph
		}
	}
	return bestJ, bestPhi
}

// challenge is E(i,i,i,j), Δ and φ (eq. 1.7), from bestChallenge's
// tables for challenger i. A challenge shown unable to reach need (Δ
// below it) may be cut short: it then returns Δ = −∞ and φ = 0.
func (e *engine) challenge(i, j int, sc *scratch, need float64) (delta, phi float64) {
	sc.evaluated++
	n := e.n
	col, diag := sc.col, sc.diag
	uii, uij := diag[i], e.uDiag[i*n+j]
	uji, ujj := col[j], diag[j]
	euSQ := uii + uij
	vij := uii + uii
	vji := uij + uij
	sj := e.sig[j]
	rule := e.o.Vote
	ai := vote(rule, e.sc[i], uii, uij)
	aj := vote(rule, e.sc[j], uji, ujj)
	A, B := splitVotes(ai, aj)
	if e.o.Commit == SemiCommit {
		dTj := e.dT[j*n : j*n+n]
		if rule == VoteProportional {
			cut := math.NaN() // never cuts
			if slope := float64(sj * (vij - vji)); e.tight && slope > 0 && sj <= 1 {
				c0 := float64((1-sj)*vij) + float64(sj*vji) - euSQ
				cut = (need-c0-1e-9*(1+math.Abs(vij)+math.Abs(vji)))/slope - 1e-9
			}
			var stop bool
			A, B, stop = thirdProp(A, B, i, j, e.sc[:n], dTj, sc, e.slack, cut)
			if stop {
				sc.cut++
				return math.Inf(-1), 0
			}
		} else {
			A, B = thirdAny(rule, A, B, i, j, e.sc[:n], col[:n], diag[:n], sc.rr[:n], dTj)
		}
	}
	ph := A / (A + B)
	ph1 := B / (A + B)
	euCntst := float64(ph*vij) + float64(ph1*vji)
	euChlg := float64((1-sj)*vij) + float64(sj*euCntst)
	return euChlg - euSQ, ph
}

// thirdProp adds the third parties' votes to A and B (eq. 1.7b) under
// proportional voting, with weights sc and distances to j's position dTj,
// from challenger i's tables in t: the hot loop of the model. (The tables
// come in one pointer: a dozen slice arguments cost more to pass than
// the loop over ten actors takes.) A value that does not
// apply is added as +0 instead of skipped, which leaves the sum unchanged
// (A and B are > 0) and spares unpredictable branches.
//
// Every thirdChunk third parties it checks whether i's chance φ can still
// reach cut (NaN: never cut): the parties not yet counted add at most
// suf[lo] (less tw[j], the target's own term) to A and nothing to B, so if
// even then A/(A + B) < cut it stops and reports true. The sums it
// returns otherwise are the ones it would have returned without checks.
func thirdProp(A, B float64, i, j int, sc, dTj []float64, t *scratch, slack, cut float64) (float64, float64, bool) {
	if useVector && len(sc) >= vectorFrom {
		return thirdVec(A, B, i, j, sc, dTj, t, slack, cut)
	}
	A0, B0 := A, B
	n := len(sc)
	col, diag, rr, dTj, a2e, a3, suf := t.col[:n], t.diag[:n], t.rr[:n], dTj[:n], t.a2e[:n], t.a3[:n], t.suf
	twj := t.tw[j]
	for lo := 0; lo < n; {
		hi := min(lo+thirdChunk, n)
		for m := lo; m < hi; m++ {
			if m == i || m == j {
				continue
			}
			wm := sc[m]
			a := col[m]
			b := util(dTj[m], rr[m])
			ee := diag[m]
			g := float64(wm * (a - b))
			gp, gn := split0(g)
			cni := A0 + gp
			cnj := B0 - gn
			pi := cni / (cni + cnj)
			pi1 := 1.0 - pi
			x1 := float64(pi*a2e[m]) + float64(pi1*(b+b+b))
			x2 := float64(pi*a3[m]) + float64(pi1*(b+b+ee))
			t := float64(wm * (x1 - x2))
			tp, tn := split0(t)
			A += tp
			B -= tn
		}
		lo = hi
		if lo < n && cutShort(A, B, lo, j, suf, twj, slack, cut) {
			return A, B, true
		}
	}
	return A, B, false
}

// cutShort reports whether a challenge whose votes, third parties lo on
// still to count, stand at A and B can no longer reach cut: the rest add
// at most suf[lo] (less twj if the target j is among them) to A and
// nothing to B (thirdProp). A NaN cut never cuts.
func cutShort(A, B float64, lo, j int, suf []float64, twj, slack, cut float64) bool {
	if cut != cut {
		return false
	}
	R := suf[lo]
	if j >= lo {
		R -= twj
	}
	amax := A + R*(1+1e-9) + slack
	return amax*(1-cut) < cut*B
}

// thirdVec is thirdProp counting four third parties at a time (third4):
// the same sums, bit for bit (TestThirdVecChangesNothing). The last
// chunk, if n is not a multiple of four, is the last four third parties
// with those already counted masked out.
func thirdVec(A, B float64, i, j int, sc, dTj []float64, t *scratch, slack, cut float64) (float64, float64, bool) {
	n := len(sc)
	c := chunk{w: &sc[0], col: &t.col[0], diag: &t.diag[0], rr: &t.rr[0], dTj: &dTj[:n][0],
		a2e: &t.a2e[0], a3: &t.a3[0], i: i, j: j, A: A, B: B, A0: A, B0: B}
	_, _, _, _, _ = t.col[n-1], t.diag[n-1], t.rr[n-1], t.a2e[n-1], t.a3[n-1] // third4 reads n of each
	twj := t.tw[j]
	for lo := 0; lo < n; lo += thirdChunk {
		c.lo, c.from = lo, lo
		if lo+thirdChunk > n {
			c.lo = n - thirdChunk
		}
		third4(&c)
		if hi := lo + thirdChunk; hi < n && cutShort(c.A, c.B, hi, j, t.suf, twj, slack, cut) {
			return c.A, c.B, true
		}
	}
	return c.A, c.B, false
}

// thirdChunk is how many third parties thirdProp counts between checks
// that the challenge can still reach what it needs.
const thirdChunk = 4

// split0 returns (x, +0) for x with a clear sign bit and (+0, x) for x
// with the sign bit set, x finite (every vote is: weights and utilities
// are): the part of a vote that goes to each side, by a bit mask rather
// than a branch, and the other part as x less the first (x − (+0) is x,
// −0 included; in integer registers too, the compiler spilled them).
// Adding the +0 leaves a positive sum unchanged, so the sums are KTAB's
// bit for bit.
func split0(x float64) (pos, neg float64) {
	b := math.Float64bits(x)
	pos = math.Float64frombits(b &^ uint64(int64(b)>>63))
	return pos, x - pos
}

// thirdAny is thirdProp for any voting rule.
func thirdAny(rule VotingRule, A, B float64, i, j int, sc, col, diag, rr, dTj []float64) (float64, float64) {
	A0, B0 := A, B
	for m := range sc {
		if m == i || m == j {
			continue
		}
		t := semiVote(rule, sc[m], col[m], util(dTj[m], rr[m]), diag[m], A0, B0)
		if t > 0 {
			A += t
		}
		if t < 0 {
			B -= t
		}
	}
	return A, B
}

// semiVote is third party m's vote under semi-commitment (eq. 1.7b): m
// with weight wm and utilities a, b for i's and j's positions and ee for
// its own weighs the two outcomes by i's chance after its own first
// vote, from the principals' votes A0, B0.
func semiVote(rule VotingRule, wm, a, b, ee, A0, B0 float64) float64 {
	g := vote(rule, wm, a, b)
	cni, cnj := A0, B0
	if g > 0 {
		cni = A0 + g
	}
	if g < 0 {
		cnj = B0 - g
	}
	pi := cni / (cni + cnj)
	pi1 := 1.0 - pi
	x1 := float64(pi*(a+a+ee)) + float64(pi1*(b+b+b))
	x2 := float64(pi*(a+a+a)) + float64(pi1*(b+b+ee))
	return vote(rule, wm, x1, x2)
}

// evalE is E(h,k,i,j) in general (eq. 1.7), computing Ũʰ entries as it
// needs them. It serves the receiver's estimate of the non-default
// bargain models.
func (e *engine) evalE(h, k, i, j int) (phi, delta float64) {
	n := e.n
	Rh := e.R[h]
	u := func(a, b int) float64 { return util(e.dl[a*n+b], e.adj(Rh, e.R[a])) }
	rule := e.o.Vote
	euSQ := u(k, i) + u(k, j)
	vij := u(k, i) + u(k, i)
	vji := u(k, j) + u(k, j)
	ai := vote(rule, e.sc[i], u(i, i), u(i, j))
	aj := vote(rule, e.sc[j], u(j, i), u(j, j))
	A, B := splitVotes(ai, aj)
	if e.o.Commit == SemiCommit {
		A0, B0 := A, B
		for m := 0; m < n; m++ {
			if m == i || m == j {
				continue
			}
			t := semiVote(rule, e.sc[m], u(m, i), u(m, j), u(m, m), A0, B0)
			if t > 0 {
				A += t
			}
			if t < 0 {
				B -= t
			}
		}
	}
	phi = A / (A + B)
	ph1 := B / (A + B)
	euCntst := float64(phi*vij) + float64(ph1*vji)
	sj := e.sig[j]
	euChlg := float64((1-sj)*vij) + float64(sj*euCntst)
	return phi, euChlg - euSQ
}

// round4 is KTAB's rounding of bargain positions to 4 decimals.
func round4(z float64) float64 {
	return float64(int64(0.5+float64(z*10000))) / 10000
}

// interp is the bargain i and j strike when i's chance of winning is pI
// (eqs. 1.9a–c).
func (e *engine) interp(i, j int, pI float64) bargain {
	d := e.d
	pJ := 1 - pI
	xi, xj := e.x[i*d:i*d+d], e.x[j*d:j*d+d]
	si, sj := e.s[i*d:i*d+d], e.s[j*d:j*d+d]
	b := bargain{init: i, rcvr: j, bI: e.points(d), bR: e.points(d)}
	for k := 0; k < d; k++ {
		switch e.o.Interp {
		case InterpS2PMax:
			di, dj := math.Max(0, pJ-pI), math.Max(0, pI-pJ)
			si2, sj2 := float64(si[k]*si[k]), float64(sj[k]*sj[k])
			b.bI[k] = xi[k] + float64(float64(di*sj2)/(float64(di*sj2)+1e-6+float64((1-di)*si2))*(xj[k]-xi[k]))
			b.bR[k] = xj[k] + float64(float64(dj*si2)/(float64(dj*si2)+1e-6+float64((1-dj)*sj2))*(xi[k]-xj[k]))
			continue
		}
		var wi, wj float64
		if e.o.Interp == InterpS1P1 {
			wi, wj = float64(si[k]*pI), float64(sj[k]*pJ)
		} else {
			wi = float64(float64(si[k]*si[k]) * float64(pI*pI))
			wj = float64(float64(sj[k]*sj[k]) * float64(pJ*pJ))
		}
		den := wi + 1e-6 + wj
		b.bI[k] = round4((float64((wi+1e-6)*xi[k]) + float64(wj*xj[k])) / den)
		b.bR[k] = round4((float64(wi*xi[k]) + float64((1e-6+wj)*xj[k])) / den)
	}
	return b
}

// points returns d floats for a bargain's point, from bfl when it has
// room (bargains reset it each turn) and newly allocated otherwise; interp
// writes every one of them.
func (e *engine) points(d int) []float64 {
	if len(e.bfl)+d > cap(e.bfl) {
		return make([]float64, d)
	}
	v := e.bfl[len(e.bfl) : len(e.bfl)+d]
	e.bfl = e.bfl[:len(e.bfl)+d]
	return v
}

// bargains forms the bargains of this turn (section 1.9), in initiator
// order. The slice and the bargains' points are the engine's, reused by
// the next call: callers read them before asking for the next turn's.
func (e *engine) bargains(target []int, phi []float64) []bargain {
	// at most two bargains per initiator (InitRcvr), two points each, and
	// one more bargain's points for PWComp's second estimate
	if need := 4*e.n*e.d + 2*e.d; cap(e.bfl) < need {
		e.bfl = make([]float64, 0, need)
	}
	e.bfl = e.bfl[:0]
	out := e.bs[:0]
	for i, j := range target {
		if j < 0 {
			continue
		}
		b := e.interp(i, j, phi[i])
		switch e.o.Bargain {
		case BargainInitRcvr:
			_, pr := e.evalE(j, i, i, j)
			out = append(out, b, e.interp(i, j, pr))
		case BargainPWComp:
			_, pr := e.evalE(j, i, i, j)
			b2 := e.interp(i, j, pr)
			wi, wj := e.sc[i], float64(e.c[i]*e.sig[j])
			for k := range b.bI {
				b.bI[k] = (float64(wi*b.bI[k]) + float64(wj*b2.bI[k])) / (wi + wj)
				b.bR[k] = (float64(wi*b.bR[k]) + float64(wj*b2.bR[k])) / (wi + wj)
			}
			out = append(out, b)
		default:
			out = append(out, b)
		}
	}
	e.bs = out
	return out
}

// statusQuoValues is Ū(a, SQ) for every actor a, the value of the status
// quo on a's list: the mean over l of Ũᵃ(a, l), uDiag's row a (section
// 1.10).
func (e *engine) statusQuoValues() []float64 {
	n := e.n
	if len(e.sq) < n {
		e.sq = make([]float64, n)
	}
	sq := e.sq[:n]
	for a := 0; a < n; a++ {
		sum := 0.0
		for _, v := range e.uDiag[a*n : a*n+n] {
			sum += v
		}
		sq[a] = sum / float64(n)
	}
	return sq
}

// resolve picks each actor's next position from its status quo and the
// bargains it is party to (section 1.10) and writes them into next.
func (e *engine) resolve(bs []bargain, next []float64) {
	n, d := e.n, e.d
	copy(next, e.x)
	if len(bs) == 0 {
		return
	}
	// Ū(n, SQ) and Ū(n, β), shared by every list the option is on.
	sq := e.statusQuoValues()
	if len(e.ub) < len(bs)*n {
		e.ub = make([]float64, len(bs)*n)
	}
	ub := e.ub[:len(bs)*n]
	if w := e.workers; w > 1 && len(bs)*n*n >= 1<<17 {
		parallel.Run(w, func(g int) {
			for bi := g; bi < len(bs); bi += w {
				e.bargainValues(bs[bi], ub[bi*n:bi*n+n])
			}
		})
	} else {
		// a loop, not the closure: a closure the parallel path may
		// take away is allocated, once a turn
		for bi, b := range bs {
			e.bargainValues(b, ub[bi*n:bi*n+n])
		}
	}
	// L_k: SQ, own bargains, then received bargains by initiator.
	e.opts, e.at = optionLists(e.opts, e.at, bs, n)
	at := e.at
	uo := e.uo
	for k := 0; k < n; k++ {
		opts := e.opts[at[k]:at[k+1]] // −1 = SQ, else index into bs
		m := len(opts)
		if m == 1 {
			continue
		}
		if len(uo) < m*n {
			uo = make([]float64, m*n)
			e.uo = uo
		}
		if len(e.coal) < m*m {
			e.coal = make([]float64, m*m)
		}
		if len(e.pm) < m {
			e.pm = make([]float64, m)
		}
		for o, bi := range opts {
			if bi < 0 {
				copy(uo[o*n:o*n+n], sq)
			} else {
				copy(uo[o*n:o*n+n], ub[bi*n:bi*n+n])
			}
		}
		p := e.pm[:m]
		pce(e.o.Vote, e.o.PCE, e.c, uo, n, m, p, e.coal, e.workers)
		best := 0
		for o := 1; o < m; o++ {
			if p[best] < p[o] {
				best = o
			}
		}
		if bi := opts[best]; bi >= 0 {
			b := bs[bi]
			if b.init == k {
				copy(next[k*d:k*d+d], b.bI)
			} else {
				copy(next[k*d:k*d+d], b.bR)
			}
		}
	}
}

// bargainValues writes Ū(a, β) into out[a] for every actor a: the mean
// over all actors' positions with β's two points put in (section 1.10a).
func (e *engine) bargainValues(b bargain, out []float64) {
	n, d := e.n, e.d
	// the two points are often one (99% of the built-in case's
	// one-issue bargains): the same utility twice, computed once
	one := sameBits(b.bI, b.bR)
	for a := range out {
		xa, sa := e.x[a*d:a*d+d], e.s[a*d:a*d+d]
		uI := util(dist(xa, b.bI, sa, e.ss2[a]), e.R[a])
		uR := uI
		if !one {
			uR = util(dist(xa, b.bR, sa, e.ss2[a]), e.R[a])
		}
		out[a] = uI + uR
	}
	addRowsBut(out, e.uDiag, n, b.init, b.rcvr)
	fn := float64(n)
	for a := range out {
		out[a] /= fn
	}
}

// addRowsBut adds to each out[a] the entries of row a of u (n × n) but
// those in columns p and q, in column order: the sum resolve's Ū(a, β)
// needs. Four rows are summed side by side: each row's sum is one chain
// of dependent additions, in the same order as alone (so the same bits),
// and four chains keep the adder busy where one would wait on each
// addition in turn (at 200 actors a turn's longest loop).
func addRowsBut(out, u []float64, n, p, q int) {
	if p > q {
		p, q = q, p
	}
	a := 0
	for ; a+4 <= n; a += 4 {
		r0, r1, r2, r3 := u[a*n:a*n+n], u[(a+1)*n:(a+1)*n+n], u[(a+2)*n:(a+2)*n+n], u[(a+3)*n:(a+3)*n+n]
		s0, s1, s2, s3 := out[a], out[a+1], out[a+2], out[a+3]
		for _, rg := range [3][2]int{{0, p}, {p + 1, q}, {q + 1, n}} {
			for l := rg[0]; l < rg[1]; l++ {
				s0 += r0[l]
				s1 += r1[l]
				s2 += r2[l]
				s3 += r3[l]
			}
		}
		out[a], out[a+1], out[a+2], out[a+3] = s0, s1, s2, s3
	}
	for ; a < n; a++ {
		row, sum := u[a*n:a*n+n], out[a]
		for l, v := range row {
			if l != p && l != q {
				sum += v
			}
		}
		out[a] = sum
	}
}

// probs computes the probability each actor's position wins among the
// state's unique positions (section 1.12) into prob, and the
// probability-weighted mean position into mean (length d). On a
// dimension where some actor has no stance (e.part), the mean counts
// only the positions that an actor with a stance holds, their
// probabilities renormalised (partMean); elsewhere it is KTAB's.
func (e *engine) probs(prob, mean []float64) {
	n, d := e.n, e.d
	reps := fit(e.reps, n)[:0]
	for i := 0; i < n; i++ {
		dup := false
		for _, r := range reps {
			if norm(e.x[i*d:i*d+d], e.x[r*d:r*d+d]) < 1e-3 {
				dup = true
				break
			}
		}
		if !dup {
			reps = append(reps, i)
		}
	}
	e.reps = reps
	m := len(reps)
	uo := e.uo
	for o, r := range reps {
		for a := 0; a < n; a++ {
			uo[o*n+a] = e.uDiag[a*n+r]
		}
	}
	p := fit(e.pr, m)
	e.pr = p
	pce(e.o.Vote, e.o.PCE, e.c, uo, n, m, p, e.coal, e.workers)
	var grp []int
	if e.part != nil {
		grp = fit(e.grp, n)
		e.grp = grp
	}
	for i := 0; i < n; i++ {
		prob[i] = math.NaN()
		if grp != nil {
			grp[i] = -1
		}
		for o := m - 1; o >= 0; o-- {
			if norm(e.x[i*d:i*d+d], e.x[reps[o]*d:reps[o]*d+d]) < 1e-3 {
				prob[i] = p[o]
				if grp != nil {
					grp[i] = o
				}
				break
			}
		}
	}
	for k := 0; k < d; k++ {
		f := 0.0
		for o, r := range reps {
			f += float64(p[o] * e.x[r*d+k])
		}
		mean[k] = f
	}
	for _, k := range e.part {
		if f, ok := e.partMean(k, reps, p, grp); ok {
			mean[k] = f
		}
	}
}

// partMean is the mean of dimension k over the distinct positions reps
// (probabilities p) that an actor with a stance on k holds, actor i
// holding reps[grp[i]] (the position whose probability probs reports
// for it), with their probabilities renormalised to sum to 1: what the
// parties to an issue are forecast to agree on, which the positions of
// actors without a stance there (placed at a neutral point that bargains
// then move with their other dimensions) do not pull. ok is false when
// every position has an actor with a stance (the mean is KTAB's as it
// is) or none with a positive probability has (nothing to renormalise:
// KTAB's mean stands).
func (e *engine) partMean(k int, reps []int, p []float64, grp []int) (f float64, ok bool) {
	n, d := e.n, e.d
	held := fit(e.held, len(reps))
	e.held = held
	clear(held)
	for i := 0; i < n; i++ {
		if e.has[i*d+k] && grp[i] >= 0 {
			held[grp[i]] = true
		}
	}
	w := 0.0
	all := true
	for o, r := range reps {
		if !held[o] {
			all = false
			continue
		}
		f += float64(p[o] * e.x[r*d+k])
		w += p[o]
	}
	if all || !(w > 0) {
		return 0, false
	}
	return f / w, true
}

func norm(a, b []float64) float64 {
	s := 0.0
	for k := range a {
		t := a[k] - b[k]
		s += float64(t * t)
	}
	return math.Sqrt(s)
}

// stateDist is SMPModel::stateDist: Σᵢ ‖xᵢᵃ − xᵢᵇ‖.
func stateDist(a, b []float64, n, d int) float64 {
	s := 0.0
	for i := 0; i < n; i++ {
		s += norm(a[i*d:i*d+d], b[i*d:i*d+d])
	}
	return s
}

// trace is what a run records per state. A lean run keeps the last
// state alone: pos, prob and mean then have one entry and change none.
type trace struct {
	pos    [][]float64 // [t][i*d+k]
	prob   [][]float64 // [t][i]
	mean   [][]float64 // [t][k]
	change []float64   // [t-1], ρ after step t
	stop   string
	// last holds a lean run's one state, probabilities and mean, which
	// pos, prob and mean then list
	last [3][]float64
	// before is the mean of the state before the last, which a lean run
	// computes when the engine's settle is set (nil otherwise, and for
	// a full run, whose mean lists it)
	before []float64
}

// runTrace is Model::run (section 1.11). With lean set it keeps the last
// state alone, with its win probabilities and mean: the same last state,
// found without the PCE of every state between and without keeping the
// others, for callers that read nothing else (PointForecast). With
// e.settle set as well, it also keeps the mean of the state before the
// last (trace.before): the step that ends the run is known from the
// positions before the new state is set up, so the state before it is
// still set up then and needs only its PCE — one state's more a run, not
// one a step (PointForecastSettling).
func (e *engine) runTrace(ctx context.Context, rounds, maxRounds int, lean bool) (*trace, error) {
	n, d := e.n, e.d
	tr := &trace{}
	record := func() {
		// one allocation for the state, its probabilities and its mean
		buf := make([]float64, n*d+n+d)
		pos, prob, mean := buf[:n*d:n*d], buf[n*d:n*d+n:n*d+n], buf[n*d+n:]
		copy(pos, e.x)
		e.probs(prob, mean)
		if lean { // the one state kept: its lists in the trace itself
			tr.last = [3][]float64{pos, prob, mean}
			tr.pos, tr.prob, tr.mean = tr.last[0:1:1], tr.last[1:2:2], tr.last[2:3:3]
			return
		}
		tr.pos = append(tr.pos, pos)
		tr.prob = append(tr.prob, prob)
		tr.mean = append(tr.mean, mean)
	}
	e.setup()
	if !lean {
		record()
	}
	target, phi := fit(e.target, n), fit(e.phi, n)
	next := fit(e.next, n*d)
	// back2 is the state before prev, for finishCycle; it and next trade
	// buffers each step rather than copy one
	var back2 []float64
	if !e.noCycle {
		back2 = fit(e.back2, n*d)
	}
	defer func() { e.target, e.phi, e.next, e.back2 = target, phi, next, back2 }()
	last, stop := maxRounds, "reached the round limit"
	if rounds > 0 {
		last, stop = rounds, "ran the requested rounds"
	}
	d01 := 0.0
	for iter := 1; ; iter++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e.challenges(ctx, target, phi)
		bs := e.bargains(target, phi)
		e.resolve(bs, next)
		// Whether this step is the last depends on the positions alone
		// (next holds the new ones, e.x still those before the step, set
		// up), so it is known before the new state is set up.
		dist := stateDist(next, e.x, n, d)
		if iter == 1 {
			d01 = dist
		}
		rho := dist / (d01 + 1e-4)
		end := ""
		switch {
		case iter >= last:
			end = stop
		case rounds == 0 && iter >= 2 && rho < 0.02:
			end = StopRested
		}
		cycle := end == "" && back2 != nil && iter >= 2 && sameBits(next, back2)
		if lean && e.settle && (end != "" || cycle && (last-iter)%2 == 0) {
			// the run ends on the new state (now, or by finishCycle
			// after an even number of steps): the state before the
			// last is e.x, still set up
			e.meanBefore(tr)
		}
		prev := e.x // the state before this step, kept in next's place
		e.x, next = next, e.x
		e.setup()
		if !lean {
			record()
			tr.change = append(tr.change, rho)
		}
		if e.progress != nil {
			e.progress(iter, last)
		}
		if end != "" {
			tr.stop = end
			break
		}
		if cycle {
			if lean && e.settle && (last-iter)%2 == 1 {
				// the run ends on prev (finishCycle): the state before
				// the last is this step's, set up
				e.meanBefore(tr)
			}
			e.finishCycle(tr, prev, iter, last, rho, lean)
			if e.progress != nil {
				e.progress(last, last) // the rest written down
			}
			tr.stop = stop
			break
		}
		if back2 != nil {
			back2, next = next, back2 // next held prev
		}
	}
	if lean {
		record() // the last state (setup ran for it)
	}
	return tr, nil
}

// meanBefore sets tr.before to the mean of the current state, which
// setup has run for (section 1.12), its win probabilities in pm (scratch
// at the end of a run).
func (e *engine) meanBefore(tr *trace) {
	tr.before = make([]float64, e.d)
	e.pm = fit(e.pm, e.n)
	e.probs(e.pm, tr.before)
}

// finishCycle ends a run whose state at step iter is, bit for bit, the
// state two steps before: a step reads nothing but the positions (setup
// derives the rest from them), so from here the run alternates between
// this state and prev, every later step has this step's ρ (the distance
// is symmetric in its two states, to the bit), and no stopping rule but
// the last step can end it. The remaining last − iter steps are therefore
// known without running them: the trace repeats its last two states, and
// the run ends on this state if last − iter is even, else on prev (a lean
// run's last state is set up for the record runTrace then takes; a full
// run's engine is read no further).
func (e *engine) finishCycle(tr *trace, prev []float64, iter, last int, rho float64, lean bool) {
	if lean {
		if (last-iter)%2 == 1 {
			copy(e.x, prev)
			e.setup()
		}
		return
	}
	T := len(tr.pos) // states 0..iter; state iter−1 is T−2
	for t := iter + 1; t <= last; t++ {
		src := T - 2 + (t-iter+1)%2
		tr.pos = append(tr.pos, append([]float64(nil), tr.pos[src]...))
		tr.prob = append(tr.prob, append([]float64(nil), tr.prob[src]...))
		tr.mean = append(tr.mean, append([]float64(nil), tr.mean[src]...))
		tr.change = append(tr.change, rho)
	}
}

// sameBits reports whether a and b hold the same float64 bits.
func sameBits(a, b []float64) bool {
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// splitVotes returns the support for the challenger (A) and for the target
// (B) from the two principals' votes, each side seeded with KTAB's 1e-10 so
// neither is zero; the additions keep KTAB's order, so the sums are the same
// bits (spec §1.7, "A = 1e-10; B = 1e-10").
func splitVotes(ai, aj float64) (A, B float64) {
	A, B = 1e-10, 1e-10
	if ai > 0 {
		A += ai
	}
	if ai < 0 {
		B -= ai
	}
	if aj > 0 {
		A += aj
	}
	if aj < 0 {
		B -= aj
	}
	return A, B
}
