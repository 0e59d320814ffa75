package exchange

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"parley/errs"
	"parley/model"
)

// engine runs Decide's Equal Gain exchange model on one Problem in one
// arithmetic. All positions are on the normalised 0–100 scale (eq. 1).
type engine[T any, A arith[T]] struct {
	ar A
	k  constants[T]
	p  *model.Problem

	nA, nK  int
	members [][]int // members[k]: actors present on issue k, in actor order (= Decide's #D order)
	x       [][]T   // x[a][k]: start-of-round position (normalised)
	x0      [][]T   // x0[a][k]: the last round's start positions, once step 8 has set x to the next round's
	s       [][]T   // s[a][k]: salience
	c       []T     // c[a]: power (capability)
	lower   []T     // issue lower bound
	step    []T     // 100 / (upper − lower)
	sigma   []T     // Σ_k of eq. (3), this round
	nbs     []T     // NBS_k of eq. (2), this round
	term    [][]T   // term[a][k] = (x·s)·c at the start of the round
	prefix  [][]T   // prefix[k][j]: the running sum of eq. (2) over members[k][:j]
	termK   [][]T   // termK[k][j] = term[members[k][j]][k]
	absK    []T     // absK[k] = Σ_j |termK[k][j]|, for nbsBetween's error bound
	mpos    [][]int // mpos[a][k]: a's index in members[k]

	ties      tieRule
	randomize float64
	// fullRecalc turns recheck off (Model.fullRecalc); rechecked counts
	// the recalculations recheck made on this goroutine (tests read it)
	fullRecalc bool
	rechecked  int
	rng        *rand.Rand
	failed     error

	list     []*exch[T] // the round's candidate list, reused
	realised []*exch[T] // the heap selection's realised list, reused
	warmth   uint8      // the sum of warm's reads, kept so that they are made
	// the recorded positions of the exchanges this goroutine
	// recalculates (setUpdate)
	slab updSlab[T]
	// the round's scratch, reused: who is left of the NBS, the groups of
	// an issue pair, the voting positions
	left   []bool
	groups [4][]int
	pairs  []pairCands[T] // every issue pair's groups (sharedList)
	ratio  []T            // ratio[a] = s_ap/s_aq for the issue pair at hand
	// newCand[n] describes the round's candidate list[n] until calcList
	// builds it (candidate)
	newCand []cand
	vx      [][]T
	// selection scratch, reused
	changed, unchanged []*exch[T]
	changedPos, posOfU []int
	idx                []int
	selection          selection // byHeap, or the slice forced (tests)
	// selectByHeap's heap, index of exchanges by actor and scratch
	heap               exchHeap[T, A]
	byIssue            [][]int32 // list positions
	affected, changedH []*exch[T]
	// slots[slot(a, k, d)] counts the round's candidates byIssue's list
	// will hold at most, so that its lists are carved from one array,
	// refs, instead of each growing by copies (at 200 actors × 10 issues
	// the copies were a fifth of a forecast's allocations); cursor is a
	// worker's count of its part's, then where it writes them
	// (buildTables); built says calcList's workers built the heap's tables
	slots, cursor []int32
	refs          []int32
	built         bool
	// workers is how many goroutines selectByHeap may recalculate a
	// large batch on (≤ 1: the calling one alone; see recalcShared);
	// forks are their copies of the engine and parts the shares of a
	// batch.
	workers   int
	perWorker int // the fewest list entries a part is given (perWorker)
	perList   int // the fewest candidates a worker builds (listPerWorker)
	forks     []*engine[T, A]
	parts     []part[T, A]
	batches   int // batches recalculated in parallel so far (for tests)
	builds    int // rounds whose heap tables the workers built (for tests)
	// exchanges live in chunks reused from round to round
	chunks     [][]exch[T]
	chunk, off int
}

type tieRule int

const (
	tieFirst tieRule = iota
	tieCoinFlip
)

// side is one actor of an exchange (Decide's ExchangeActor). Its
// integers are 32-bit and its small fields together, so that an exchange
// takes few cache lines in fast mode: at 200 actors × 10 issues a round
// visits its ≈ 225,000 exchanges mostly from memory.
type side[T any] struct {
	actor          int32
	supply, demand int32 // issues
	// dir and prevDir are the directions of the actor's moves (below):
	// bit 0 set while every one is positive, bit 1 while every one is
	// negative
	dir, prevDir uint8
	adjusted     bool // an NBS cap changed the move
	x            T    // current supply position (moved by recalculation)
	demandPos    T    // own position on the demand issue (fixed in a round)
	// The round-start position on the supply issue is not kept here but
	// read from the engine (x, and x0 after the round): at 200 actors ×
	// 10 issues its 16 bytes an exchange would take it past four cache
	// lines.
	// The actor's list of moves on its supply issue (Decide's
	// ExchangeActor.moves) is kept as what is ever read of it: sum is the
	// running sum of all of them and dir their direction, read by
	// moveValid in O(1) instead of summing the list (the same additions in
	// the same order, done once as the list grows); prev and prevDir are
	// the same of every move but the last, which the last is set from
	// (the NBS cap and the randomised gain replace the last move). The
	// list is used as a stack whose every pop is followed by a push
	// before it is read again (recalculate pops, calculate pushes), so
	// these two entries of it are all that is ever read, and the list
	// itself is not kept (see pushMove). The last move is move.
	sum, prev T
	move, y   T
	// egMove is the move Equal Gain gave before any NBS cap (calculate's
	// step c): a recalculation that only records a third actor's new
	// position (recheck) starts from it again; the trace's Equal Gain
	// position is x + egMove
	egMove T
	// at1 is where checkNBS last took the NBS of the supply issue at y
	// (after an NBS cap, at the capped y), and x where it took it at x (a
	// valid exchange's last calculation ran checkNBS, and nothing moves x
	// but a recalculation, which runs it again or leaves the exchange
	// invalid, never realised); nbsOf recomputes the two values for the
	// trace
	at1 T
}

type exch[T any] struct {
	p, q int32   // issue pair, p before q
	I, J side[T] // I supplies q and demands p; J supplies p and demands q
	// eu is the checked equal gain eu_I, which Decide stores on both
	// actors; gain is the exchange's gain after any NBS cap
	eu   T
	gain T
	key  T // gain as the selection compares it (see arith.sortKey)
	// order is the list position when the selection took the list (the
	// slice's sort reuses it; selectByHeap's heap finds the exchange by
	// it), stamp the number of the last exchange selectByHeap took that
	// changes this one (its recalculations take each exchange once): 32
	// bits, as a round's list is (round)
	order, stamp int32
	valid        bool
	bc           bool // groups b and c (else a and d)
	// upd[0] are the recorded positions on p, upd[1] on q (spec §1.6
	// step 2), in a slab of the engine's (setUpdate): at 200 actors × 10
	// issues seven exchanges in ten never record one, and room for four
	// in every exchange made it a third larger
	upd [2][]update[T]
}

type update[T any] struct {
	actor int32
	pos   T
}

func newEngine[T any, A arith[T]](ar A, p *model.Problem) *engine[T, A] {
	e := &engine[T, A]{ar: ar, k: ar.consts(), p: p, nA: len(p.Actors), nK: len(p.Issues), perWorker: perWorker, perList: listPerWorker}
	e.heap.maxPos = math.MaxInt32
	nA, nK := e.nA, e.nK
	// The tables in three allocations, one per element type, carved into
	// rows: a sweep builds an engine for every draw.
	nM := 0 // stances present, the members of all issues
	for a := range p.Actors {
		for k := range p.Issues {
			if p.Stances[a][k].Present {
				nM++
			}
		}
	}
	ts := make([]T, 4*nA*nK+nA+5*nK+2*nM+nK)
	take := func(n int) []T {
		r := ts[:n:n]
		ts = ts[n:]
		return r
	}
	ints := make([]int, nA*nK+nM)
	takeInt := func(n int) []int {
		r := ints[:n:n]
		ints = ints[n:]
		return r
	}
	rows := make([][]T, 4*nA+2*nK)
	e.x, e.s, e.term, e.x0 = rows[:nA:nA], rows[nA:2*nA:2*nA], rows[2*nA:3*nA:3*nA], rows[3*nA:4*nA:4*nA]
	e.prefix, e.termK = rows[4*nA:4*nA+nK:4*nA+nK], rows[4*nA+nK:]
	irows := make([][]int, nA+nK)
	e.mpos, e.members = irows[:nA:nA], irows[nA:]
	e.c = take(nA)
	for a := range p.Actors {
		e.c[a] = ar.from(p.Actors[a].Capability)
		e.x[a], e.s[a], e.term[a], e.x0[a] = take(nK), take(nK), take(nK), take(nK)
		e.mpos[a] = takeInt(nK)
	}
	e.lower, e.step, e.sigma, e.nbs, e.absK = take(nK), take(nK), take(nK), take(nK), take(nK)
	for k, is := range p.Issues {
		lo, hi := ar.from(is.Min), ar.from(is.Max)
		e.lower[k] = lo
		// eq. (1): step = 100 / (upper − lower)
		e.step[k] = ar.quo(e.k.hundred, ar.sub(hi, lo))
		n := 0
		for a := range p.Actors {
			if p.Stances[a][k].Present {
				n++
			}
		}
		e.members[k] = takeInt(n)[:0]
		for a := range p.Actors {
			st := p.Stances[a][k]
			if !st.Present {
				continue
			}
			e.mpos[a][k] = len(e.members[k])
			e.members[k] = append(e.members[k], a)
			e.x[a][k] = ar.mul(ar.sub(ar.from(st.Position), lo), e.step[k])
			e.s[a][k] = ar.from(st.Salience)
		}
		e.prefix[k] = take(n + 1)
		e.termK[k] = take(n)
	}
	return e
}

// denorm maps a normalised value back to the issue's scale (eq. 1).
func (e *engine[T, A]) denorm(k int, v T) T {
	if e.ar.isZero(v) {
		return e.lower[k]
	}
	return e.ar.add(e.ar.quo(v, e.step[k]), e.lower[k])
}

// calcNBS computes Σ_k (eq. 3) and NBS_k (eq. 2) of positions x. With
// terms non-nil it keeps each actor's (x·s)·c there.
func (e *engine[T, A]) calcNBS(x [][]T, out []T, terms [][]T) {
	ar := e.ar
	for k := 0; k < e.nK; k++ {
		sum, num, abs := e.k.zero, e.k.zero, e.k.zero
		if terms != nil {
			e.prefix[k][0] = num
		}
		for j, a := range e.members[k] {
			sum = ar.add(sum, ar.mul(e.s[a][k], e.c[a]))
			t := ar.mul(ar.mul(x[a][k], e.s[a][k]), e.c[a])
			num = ar.add(num, t)
			if terms != nil {
				terms[a][k] = t
				e.termK[k][j] = t
				e.prefix[k][j+1] = num
				if e.k.certifyNBS {
					abs = ar.add(abs, ar.abs(t))
				}
			}
		}
		if terms != nil {
			e.absK[k] = abs
		}
		e.sigma[k] = sum
		if ar.isZero(sum) {
			out[k] = e.k.zero
		} else {
			out[k] = ar.quo(num, sum)
		}
	}
}

// adjNBS2 is Decide's adjusted_nbs — NBS_t with the exchange's recorded
// updates applied and actor a moved to a position — at two positions of
// a, pos0 and pos1, in one pass over the members: each of the two sums
// takes the additions adjusted_nbs takes at its position, in Decide's
// order.
func (e *engine[T, A]) adjNBS2(t int, upd []update[T], a int, pos0, pos1 T) (T, T) {
	ar := e.ar
	// The running sum up to the first changed actor is the round's own
	// (prefix); from there on it is summed as Decide does.
	ja := e.mpos[a][t]
	sa, ca := e.s[a][t], e.c[a]
	if len(upd) == 0 {
		num0 := ar.add(e.prefix[t][ja], ar.mul(ar.mul(pos0, sa), ca))
		num1 := ar.add(e.prefix[t][ja], ar.mul(ar.mul(pos1, sa), ca))
		for _, x := range e.termK[t][ja+1:] {
			num0 = ar.add(num0, x)
			num1 = ar.add(num1, x)
		}
		return ar.quo(num0, e.sigma[t]), ar.quo(num1, e.sigma[t])
	}
	start := ja
	for _, u := range upd {
		if j := e.mpos[u.actor][t]; j < start {
			start = j
		}
	}
	num0 := e.prefix[t][start]
	num1 := num0
	members := e.members[t]
	termK := e.termK[t]
	for j, b := range members[start:] {
		if b == a {
			num0 = ar.add(num0, ar.mul(ar.mul(pos0, sa), ca))
			num1 = ar.add(num1, ar.mul(ar.mul(pos1, sa), ca))
			continue
		}
		term := termK[start+j]
		for _, u := range upd {
			if int(u.actor) == b {
				term = ar.mul(ar.mul(u.pos, e.s[b][t]), e.c[b])
			}
		}
		num0 = ar.add(num0, term)
		num1 = ar.add(num1, term)
	}
	return ar.quo(num0, e.sigma[t]), ar.quo(num1, e.sigma[t])
}

// adjByPos is Decide's adjusted_nbs_by_position (quirk 2 of spec §8): with
// actor a at pos and then the updates applied, it returns the move
// (target·Σ − Σ_all x·s·c)/(s_a·c_a) that puts NBS_t on target.
func (e *engine[T, A]) adjByPos(t int, upd []update[T], a int, pos, target T) T {
	ar := e.ar
	ja := e.mpos[a][t]
	if len(upd) == 0 {
		total := ar.add(e.prefix[t][ja], ar.mul(ar.mul(pos, e.s[a][t]), e.c[a]))
		total = ar.sum(total, e.termK[t][ja+1:])
		return ar.quo(ar.sub(ar.mul(target, e.sigma[t]), total), ar.mul(e.s[a][t], e.c[a]))
	}
	start := ja
	for _, u := range upd {
		if j := e.mpos[u.actor][t]; j < start {
			start = j
		}
	}
	total := e.prefix[t][start]
	for _, b := range e.members[t][start:] {
		term := e.term[b][t]
		if b == a {
			term = ar.mul(ar.mul(pos, e.s[b][t]), e.c[b])
		}
		for _, u := range upd {
			if int(u.actor) == b {
				term = ar.mul(ar.mul(u.pos, e.s[b][t]), e.c[b])
			}
		}
		total = ar.add(total, term)
	}
	return ar.quo(ar.sub(ar.mul(target, e.sigma[t]), total), ar.mul(e.s[a][t], e.c[a]))
}

func (e *engine[T, A]) fail(format string, args ...any) {
	if e.failed == nil {
		e.failed = errs.New(errs.Internal, format, args...)
	}
}

// calculate is Decide's EqualGainExchange.calculate (spec §1.5, eqs. 4–9).
func (e *engine[T, A]) calculate(ex *exch[T]) {
	ar, k := e.ar, &e.k
	I, J := &ex.I, &ex.J
	p, q := int(ex.p), int(ex.q)
	sIp, sIq := e.s[I.actor][p], e.s[I.actor][q]
	sJp, sJq := e.s[J.actor][p], e.s[J.actor][q]
	cI, cJ := e.c[I.actor], e.c[J.actor]
	// (a) J moves all the way to I's position on p: eqs. (4)–(5)
	dxp := ar.abs(ar.sub(I.demandPos, J.x))
	dp := ar.quo(ar.mul(ar.mul(dxp, sJp), cJ), e.sigma[p])
	dq := ar.mul(ar.quo(ar.add(sJp, sIp), ar.add(sJq, sIq)), dp)
	mI := ar.quo(ar.mul(dq, e.sigma[q]), ar.mul(cI, sIq))
	mJ := dxp
	// (b) I would overshoot J's position on q: I moves all the way.
	dxq := ar.abs(ar.sub(J.demandPos, I.x))
	if ar.cmp(ar.abs(mI), dxq) > 0 {
		dq = ar.quo(ar.mul(ar.mul(dxq, sIq), cI), e.sigma[q])
		dp = ar.mul(ar.quo(ar.add(sIq, sJq), ar.add(sIp, sJp)), dq)
		mI = dxq
		mJ = ar.quo(ar.mul(dp, e.sigma[p]), ar.mul(cJ, sJp))
	}
	// (c) signs and voting positions
	mI = ar.negIf(ar.cmp(I.x, J.demandPos) > 0, mI)
	mJ = ar.negIf(ar.cmp(J.x, I.demandPos) > 0, mJ)
	I.egMove, J.egMove = mI, mJ
	e.equalGainMoves(ex)
	// (d) gains, eq. (6)
	euI := ar.abs(ar.sub(ar.mul(dq, sIq), ar.mul(dp, sIp)))
	euJ := ar.abs(ar.sub(ar.mul(dp, sJp), ar.mul(dq, sJq)))
	e.checkEqual(euI, euJ, k.eps20, "equal gain")
	// Decide stores the checked gain eu_I on both actors.
	ex.eu = euI
	ex.gain = euI
	e.settle(ex, e.moveValid(I) && e.moveValid(J) && ar.cmp(ex.gain, k.eps10) >= 0)
}

// equalGainMoves pushes the Equal Gain moves of ex's sides (egMove) on
// their lists and makes them the sides' moves and voting positions
// (calculate's step c).
func (e *engine[T, A]) equalGainMoves(ex *exch[T]) {
	I, J := &ex.I, &ex.J
	e.pushMove(I, I.egMove)
	e.pushMove(J, J.egMove)
	I.move, J.move = I.egMove, J.egMove
	I.y, J.y = e.ar.add(I.x, I.move), e.ar.add(J.x, J.move)
}

// settle ends a calculation of ex whose Equal Gain moves and gain are
// set, valid telling whether they pass the tests before the NBS caps:
// the caps (eq. 7–8), the moves' tests again after a cap, the
// randomised gain, and the heap's key.
func (e *engine[T, A]) settle(ex *exch[T], valid bool) {
	I, J := &ex.I, &ex.J
	if valid {
		a1 := e.checkNBS(ex, I, J)
		a2 := e.checkNBS(ex, J, I)
		if a1 || a2 {
			// a cap moved a side: test the moves again (unmoved, they
			// passed above)
			b1 := e.moveValid(I)
			b2 := e.moveValid(J)
			valid = b1 && b2
		}
	}
	if valid && e.randomize > 0 {
		valid = e.randomizeGain(ex)
	}
	ex.valid = valid
	ex.key = e.ar.sortKey(ex.gain)
}

// recheck is calculate for an exchange whose last calculation left it
// valid and whose sides' positions (x, demandPos), saliences, powers and
// σ have not changed since, only its record of third actors' positions
// (upd), which only the NBS caps read: steps (a)–(d) would compute what
// they computed then, operation for operation, so the Equal Gain moves
// (egMove) and gain (eu) they left are taken again and only the caps run
// (settle). Valid before the caps: the last calculation found the
// exchange valid, which it is only if it was before them. Not for the
// randomised variant, whose gain draws a number each calculation.
func (e *engine[T, A]) recheck(ex *exch[T]) {
	e.rechecked++
	e.equalGainMoves(ex)
	ex.gain = ex.eu
	e.settle(ex, true)
}

func (e *engine[T, A]) checkEqual(a, b, tol T, what string) {
	ar := e.ar
	if e.k.exactEqualGainChecks {
		if ar.cmp(ar.abs(ar.sub(a, b)), tol) > 0 {
			e.fail("exchange model: %s violated: %v vs %v", what, ar.number(a), ar.number(b))
		}
		return
	}
	// math.Abs rather than sign tests: the signs are random, and their
	// branches were mispredicted in one call in two
	fa, fb := ar.float(a), ar.float(b)
	if math.Abs(fa-fb) > e.k.fastEqualGainRelTol*(1+math.Abs(fa)) {
		e.fail("exchange model: %s violated: %v vs %v", what, fa, fb)
	}
}

// moveValid is Decide's is_move_valid (spec §1.5). An empty list of
// moves (never met: calculate pushes its move before asking) has sum 0
// and both directions, so it passes the list's tests as Decide's does.
func (e *engine[T, A]) moveValid(sd *side[T]) bool {
	ar, k := e.ar, &e.k
	am := ar.abs(sd.move)
	if ar.cmp(am, k.hundred) > 0 || ar.cmp(am, k.eps10) <= 0 {
		return false
	}
	y := ar.add(sd.x, sd.move)
	if ar.cmp(y, k.zero) < 0 || ar.cmp(y, k.hundred) > 0 {
		return false
	}
	if ar.cmp(sd.sum, k.hundred) > 0 {
		return false
	}
	return sd.dir != 0
}

// pushMove appends m to sd's moves: the running sum and direction of the
// list so far become prev and prevDir, and the new last move is set from
// them.
//
// Only the last two entries of the list are kept. That is all that is
// read: moveValid reads the last, setLastMove (the NBS cap, the
// randomised gain) sets the last from the one before, and popMove, the
// only removal, is always followed by a pushMove before anything reads
// the list (recalculate pops, then calculate pushes), so the entry a pop
// would uncover below the new last is never read; popMove leaves prev
// as it was, and the push overwrites it.
func (e *engine[T, A]) pushMove(sd *side[T], m T) {
	sd.prev, sd.prevDir = sd.sum, sd.dir
	e.setLastMove(sd, m)
}

// setLastMove makes sd's last move m: its running sum and direction from
// the moves before it (prev, prevDir: 0 and both directions when it is
// the first).
func (e *engine[T, A]) setLastMove(sd *side[T], m T) {
	ar, k := e.ar, &e.k
	// dir keeps bit 0 if m > 0, bit 1 if m < 0, neither if m is 0: by
	// masks, not branches (the signs come in no order a branch predictor
	// learns, and a sweep runs this tens of millions of times)
	dir := sd.prevDir & (bit(ar.cmp(m, k.zero) > 0) | bit(ar.cmp(m, k.zero) < 0)<<1)
	sd.sum = ar.add(sd.prev, m)
	sd.dir = dir
}

// bit is 1 if b, else 0 (compiled without a branch).
func bit(b bool) uint8 {
	var x uint8
	if b {
		x = 1
	}
	return x
}

// popMove drops sd's last move: the list's sum and direction are again
// those of the moves before it. (See pushMove: a push follows before the
// list is read, so the entry below those is not needed.)
func (sd *side[T]) popMove() {
	sd.sum, sd.dir = sd.prev, sd.prevDir
}

func (ex *exch[T]) updIndex(t int32) int {
	if t == ex.p {
		return 0
	}
	return 1
}

// checkNBS is Decide's check_nbs for actor A (supplying t) with partner O
// (spec §1.5, eqs. 7–8): if A's move would push NBS_t past O's position,
// A moves only as far as puts NBS_t on it, and O's move shrinks to keep
// the gains equal. It reports whether it did (capped).
func (e *engine[T, A]) checkNBS(ex *exch[T], S, O *side[T]) (capped bool) {
	ar, k := e.ar, &e.k
	upd := ex.upd[ex.updIndex(S.supply)]
	t, u, a := int(S.supply), int(S.demand), int(S.actor)
	target := O.demandPos
	// the NBS at S.x and S.y, kept for the trace as the positions they
	// were taken at (nbsOf computes them when a realised exchange is
	// printed; most candidates never are)
	S.at1 = S.y
	between, sure := false, false
	if k.certifyNBS {
		between, sure = e.nbsBetween(t, upd, a, S.x, S.y, target)
	}
	if !sure {
		nbs0, nbs1 := e.adjNBS2(t, upd, a, S.x, S.y)
		between = (ar.cmp(nbs0, target) < 0 && ar.cmp(target, nbs1) < 0) ||
			(ar.cmp(nbs1, target) < 0 && ar.cmp(target, nbs0) < 0)
	}
	if !between {
		return false
	}
	sAt, sAu := e.s[S.actor][t], e.s[S.actor][u]
	sOt, sOu := e.s[O.actor][t], e.s[O.actor][u]
	cA, cO := e.c[S.actor], e.c[O.actor]
	delta := ar.abs(e.adjByPos(t, upd, a, S.x, target))
	rt := ar.quo(ar.mul(ar.mul(delta, sAt), cA), e.sigma[t])
	ru := ar.mul(ar.quo(ar.add(sAt, sOt), ar.add(sAu, sOu)), rt)
	mO := ar.abs(ar.quo(ar.mul(ru, e.sigma[u]), ar.mul(cO, sOu)))
	mA := delta
	if ar.cmp(S.x, target) > 0 {
		mA = ar.neg(mA)
	}
	if ar.cmp(O.x, S.demandPos) > 0 {
		mO = ar.neg(mO)
	}
	e.setLastMove(S, mA)
	e.setLastMove(O, mO)
	S.move, O.move = mA, mO
	S.y, O.y = ar.add(S.x, mA), ar.add(O.x, mO)
	euO := ar.abs(ar.sub(ar.mul(ru, sOu), ar.mul(rt, sOt)))
	euA := ar.abs(ar.sub(ar.mul(rt, sAt), ar.mul(ru, sAu)))
	e.checkEqual(euO, euA, k.eps4, "equal gain after the NBS cap")
	ex.gain = euO
	S.at1 = S.y
	S.adjusted = true
	return true
}

// nbsOf returns the NBS of S's supply issue that checkNBS probed, with S
// at S.x and at S.at1 (Decide's nbs_0 and nbs_1, the second after an
// NBS cap): each of adjNBS2's two sums takes the operations Decide's
// adjusted_nbs takes at its position.
func (e *engine[T, A]) nbsOf(ex *exch[T], S *side[T]) (T, T) {
	return e.adjNBS2(int(S.supply), ex.upd[ex.updIndex(S.supply)], int(S.actor), S.x, S.at1)
}

// nbsBetween decides checkNBS's test — is target strictly between the
// NBS of issue t with actor a at pos0 and with a at pos1 (the recorded
// positions upd in place)? — without the two O(members) sums in Decide's
// order that adjNBS2 needs, where it can prove their answer. It
// estimates each NBS in O(len(upd)) from the round's total (all terms,
// minus a's and the updated actors' start-of-round terms, plus their new
// ones) and bounds the estimate's distance from the sequential sum by
// the float64 rounding error of both summation orders: with n terms and
// u = 2⁻⁵³, |Σ̂ − Σ| ≤ (n−1)·u·Σ|termᵢ| for a sum in any order (Higham,
// Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 4.4), so
// the two sums differ by at most ≈ 2(n + 2·len(upd) + 3)·u·M, M a bound
// on every partial sum's magnitude, and the quotients by σ_t add u each.
// nbsEps carries a factor of 4 over that. When either estimate lies
// within the bound of target, sure is false and checkNBS computes the
// sums as Decide does; the answer is therefore always the sequential
// sums' (TestNBSBetweenAgrees checks it on random problems).
func (e *engine[T, A]) nbsBetween(t int, upd []update[T], a int, pos0, pos1, target T) (between, sure bool) {
	ar, k := e.ar, &e.k
	sg := e.sigma[t]
	if !(ar.cmp(sg, k.zero) > 0) {
		return false, false
	}
	n := len(e.members[t])
	rest := ar.sub(e.prefix[t][n], e.term[a][t])
	m := ar.add(e.absK[t], e.absK[t])
	for _, u := range upd {
		// setUpdate keeps one entry per actor; a's own position is pos
		if int(u.actor) == a {
			continue
		}
		nt := ar.mul(ar.mul(u.pos, e.s[u.actor][t]), e.c[u.actor])
		rest = ar.add(rest, ar.sub(nt, e.term[u.actor][t]))
		m = ar.add(m, ar.abs(nt))
	}
	sa, ca := e.s[a][t], e.c[a]
	t0 := ar.mul(ar.mul(pos0, sa), ca)
	t1 := ar.mul(ar.mul(pos1, sa), ca)
	m = ar.add(m, ar.add(ar.abs(t0), ar.abs(t1)))
	tol := ar.add(ar.mul(ar.mul(k.nbsEps, ar.from(float64(n+2*len(upd)+16))), ar.quo(m, sg)), k.nbsFloor)
	lo, hi := ar.sub(target, tol), ar.add(target, tol)
	// −1 below lo, 1 above hi, 0 between (too close to call) or not
	// finite; lo ≤ hi, so at most one bit is set (no branch: where the
	// estimate falls follows no pattern)
	where := func(est T) int {
		return int(bit(ar.cmp(est, hi) > 0)) - int(bit(ar.cmp(est, lo) < 0))
	}
	c0 := where(ar.quo(ar.add(rest, t0), sg))
	c1 := where(ar.quo(ar.add(rest, t1), sg))
	if c0 == 0 || c1 == 0 {
		return false, false
	}
	return c0 != c1, true
}

// recalculate is Decide's AbstractExchange.recalculate of exchange E after
// R was realised (spec §1.6 steps 1–3).
//
// Its eight conditions are evaluated first, without branches, into the
// bits of one word (same(a, b, c, d) is a == b && c == d): which of them
// hold follows no pattern a branch predictor learns.
func (e *engine[T, A]) recalculate(E, R *exch[T]) bool {
	// step 1: E's sides that supply what one of R's sides supplies
	m := same(E.I.actor, R.I.actor, E.I.supply, R.I.supply) |
		same(E.I.actor, R.J.actor, E.I.supply, R.J.supply)<<1 |
		same(E.J.actor, R.I.actor, E.J.supply, R.I.supply)<<2 |
		same(E.J.actor, R.J.actor, E.J.supply, R.J.supply)<<3
	// step 2: E's sides that demand what R.J demands (recording R.I's
	// new position), then what R.I demands (recording R.J's)
	u := same(E.I.actor, R.J.actor, E.I.demand, R.J.demand) | same(E.J.actor, R.J.actor, E.J.demand, R.J.demand) |
		(same(E.I.actor, R.I.actor, E.I.demand, R.I.demand)|same(E.J.actor, R.I.actor, E.J.demand, R.I.demand))<<1
	if m|u == 0 {
		return false
	}
	if m != 0 {
		for n, es := range [4]*side[T]{&E.I, &E.I, &E.J, &E.J} {
			if m&(1<<n) != 0 {
				rs := &R.I
				if n&1 != 0 {
					rs = &R.J
				}
				es.x = rs.y
				e.pushMove(es, rs.move) // R's last move
			}
		}
	}
	// both steps pop the moves of E's last calculation, once
	E.popMoves()
	if u&1 != 0 {
		e.setUpdate(E, R.J.demand, &R.I)
	}
	if u&2 != 0 {
		e.setUpdate(E, R.I.demand, &R.J)
	}
	if m == 0 && E.valid && e.randomize == 0 && !e.fullRecalc {
		// step 2 alone: only the record of third actors' positions
		// changed
		e.recheck(E)
		return true
	}
	e.calculate(E)
	return true
}

// same is 1 if a == b and c == d, else 0, without a branch.
func same(a, b, c, d int32) uint {
	var x uint
	if (a^b)|(c^d) == 0 {
		x = 1
	}
	return x
}

func (ex *exch[T]) popMoves() {
	ex.I.popMove()
	ex.J.popMove()
}

// setUpdate records other's new position on t in E (update_updates, quirk
// 5): an existing entry keeps the less extreme of the old and new value.
func (e *engine[T, A]) setUpdate(E *exch[T], t int32, other *side[T]) {
	i := E.updIndex(t)
	for n := range E.upd[i] {
		u := &E.upd[i][n]
		if u.actor != other.actor {
			continue
		}
		if e.ar.cmp(e.x[other.actor][other.supply], u.pos) <= 0 { // other's round-start position
			if e.ar.cmp(other.y, u.pos) < 0 {
				u.pos = other.y
			}
		} else if e.ar.cmp(other.y, u.pos) > 0 {
			u.pos = other.y
		}
		return
	}
	if u := E.upd[i]; len(u) == cap(u) {
		// to twice the room (two at first), in the slab
		E.upd[i] = append(e.slab.take(max(2*cap(u), 2)), u...)
	}
	E.upd[i] = append(E.upd[i], update[T]{actor: other.actor, pos: other.y})
}

// slot is the place in byIssue and slots of the exchanges where actor
// a supplies issue k (demand 0) or demands it (demand 1).
func (e *engine[T, A]) slot(a, k int, demand int) int { return (a*e.nK+k)*2 + demand }

// candidate adds the exchange of actors i and j on the issue pair (p,
// q), roles following spec §1.5, to the round's list and to its
// description (newCand), for calcList to build and calculate; ratio[a]
// is s_ap/s_aq, Decide's test of who supplies which issue. It touches
// no exchange: at 200 actors × 10 issues, building the round's 225,000
// here, on one goroutine, wrote 56 MB that calcList's workers then read
// back from memory, where each now builds its exchange as it calculates
// it.
func (e *engine[T, A]) candidate(list []*exch[T], i, j, p, q int, bc bool, ratio []T) []*exch[T] {
	if e.ar.cmp(ratio[i], ratio[j]) < 0 {
		i, j = j, i
	}
	// i supplies q and demands p, j the reverse
	e.newCand = append(e.newCand, cand{int32(i), int32(j), int32(p), int32(q), bc})
	return append(list, e.alloc())
}

// cand is a candidate exchange as candidate found it: actor i supplies
// q and demands p, j the reverse.
type cand struct {
	i, j, p, q int32
	bc         bool
}

// initExchange builds exchange ex of the candidate c, for calculate.
//
// It sets the fields a round reads before it writes them, one by one: a
// slot is reused from round to round, and clearing all of it (736 bytes
// when measured, inline move buffers included) cost a sweep ≈ 5% of its
// time. The rest (move, y, egMove, at1, eu, gain, key, valid, order)
// calculate and the selection write before anything reads them.
func (e *engine[T, A]) initExchange(ex *exch[T], c cand) {
	i, j, p, q := int(c.i), int(c.j), int(c.p), int(c.q)
	ex.p, ex.q, ex.bc = c.p, c.q, c.bc
	ex.stamp = 0
	ex.upd[0], ex.upd[1] = nil, nil
	ex.I.init(i, q, p, e.x[i][q], e.x[i][p], e.k.zero)
	ex.J.init(j, p, q, e.x[j][p], e.x[j][q], e.k.zero)
}

// init makes sd the side of actor a supplying issue supply, at x, and
// demanding issue demand, at demandPos, with no moves yet (their sum
// zero, both directions).
func (sd *side[T]) init(a, supply, demand int, x, demandPos, zero T) {
	sd.actor, sd.supply, sd.demand = int32(a), int32(supply), int32(demand)
	sd.x, sd.demandPos = x, demandPos
	sd.sum, sd.prev = zero, zero
	sd.dir, sd.prevDir = 3, 3
	sd.adjusted = false
}

// chunkSize is the exchanges of one chunk (alloc), 1 << chunkShift, so
// that exchAt finds one by a shift and a mask.
const (
	chunkShift = 8
	chunkSize  = 1 << chunkShift
)

// updSlab holds exchanges' recorded positions (exch.upd) in blocks
// that are reused from round to round: every exchange is rebuilt at a
// round's start, so nothing in the slab is read after it, and after the
// first round a large problem's recorded positions take no new memory
// (allocating them afresh each round was a fifth of a 200 × 10
// forecast's allocations, each page of it a page fault). Each goroutine
// that recalculates has its own.
type updSlab[T any] struct {
	blocks [][]update[T]
	n      int // blocks in use this round; blocks[n−1] is being filled
}

// slabSize is the length of a new block of recorded positions.
const slabSize = 4096

// reset makes every block free, for a new round.
func (s *updSlab[T]) reset() {
	s.n = 0 // take empties a block as it hands it out again
}

// take returns an empty list with room for size recorded positions.
func (s *updSlab[T]) take(size int) []update[T] {
	if s.n == 0 || len(s.blocks[s.n-1])+size > cap(s.blocks[s.n-1]) {
		if s.n == len(s.blocks) {
			s.blocks = append(s.blocks, nil)
		}
		if cap(s.blocks[s.n]) < size {
			s.blocks[s.n] = make([]update[T], 0, max(slabSize, size))
		}
		s.blocks[s.n] = s.blocks[s.n][:0]
		s.n++
	}
	b := &s.blocks[s.n-1]
	l := len(*b)
	*b = (*b)[:l+size]
	return (*b)[l : l : l+size]
}

// buffers are what a run allocates that the next one can reuse: the
// exchanges' chunks and the selection's scratch. A sweep runs the model
// thousands of times; allocating them afresh each time kept the garbage
// collector running, and its write barriers and preemptions took a
// sixth of the time (fast mode pools them; see constants.buffers).
type buffers[T any] struct {
	chunks             [][]exch[T]
	at                 []int32
	slab               updSlab[T]
	list               []*exch[T]
	newCand            []cand
	items              []heapItem[T]
	byIssue            [][]int32
	refs               []int32
	affected, changedH []*exch[T]
}

// maxPooledChunks bounds what a finished run leaves in the pool: the
// chunks of ≈ 16,000 exchanges, far more than a sweep's problem holds;
// a large problem's millions go to the garbage collector.
const maxPooledChunks = 64

// takeBuffers gives e the buffers a finished run left, if any.
func (e *engine[T, A]) takeBuffers() {
	if e.k.buffers == nil {
		return
	}
	b, ok := e.k.buffers.Get().(*buffers[T])
	if !ok {
		return
	}
	e.chunks, e.list, e.heap.items, e.byIssue, e.affected, e.changedH = b.chunks, b.list, b.items, b.byIssue, b.affected, b.changedH
	e.refs, e.newCand = b.refs, b.newCand
	e.slab, e.heap.at = b.slab, b.at
}

// putBuffers leaves e's buffers for the next run. The run's result holds
// no pointer into them (exchangeDetail copies what it reports).
func (e *engine[T, A]) putBuffers() {
	if e.k.buffers == nil || len(e.chunks) > maxPooledChunks {
		return
	}
	clear(e.list[:cap(e.list)])
	clear(e.heap.items[:cap(e.heap.items)])
	clear(e.byIssue[:cap(e.byIssue)])
	clear(e.affected[:cap(e.affected)])
	clear(e.changedH[:cap(e.changedH)])
	e.k.buffers.Put(&buffers[T]{e.chunks, e.heap.at, e.slab, e.list[:0], e.newCand[:0], e.heap.items[:0], e.byIssue, e.refs, e.affected[:0], e.changedH[:0]})
	e.chunks, e.list, e.heap.items, e.byIssue, e.affected, e.changedH = nil, nil, nil, nil, nil, nil
	e.refs, e.newCand = nil, nil
	e.slab, e.heap.at = updSlab[T]{}, nil
}

// exchAt is the exchange alloc returned r-th in the round (the round's
// list holds them in that order: list[r] is exchAt(e.chunks, r)).
func exchAt[T any](chunks [][]exch[T], r int32) *exch[T] {
	return &chunks[r>>chunkShift][r&(chunkSize-1)]
}

// alloc returns a reusable exchange slot; reset sets every slot free.
func (e *engine[T, A]) alloc() *exch[T] {
	if e.chunk == len(e.chunks) {
		e.chunks = append(e.chunks, make([]exch[T], chunkSize))
	}
	ex := &e.chunks[e.chunk][e.off]
	if e.off++; e.off == chunkSize {
		e.chunk, e.off = e.chunk+1, 0
	}
	return ex
}

// reserve makes the round's first n exchange slots, list positions 0 to
// n−1, as n calls of alloc would (for buildTables, whose workers take
// them by position: exchAt).
func (e *engine[T, A]) reserve(n int) {
	for len(e.chunks)*chunkSize < n {
		e.chunks = append(e.chunks, make([]exch[T], chunkSize))
	}
	e.chunk, e.off = n>>chunkShift, n&(chunkSize-1)
}

// roundResult is what one round produced.
type roundResult[T any] struct {
	pref, vote []T
	realised   []*exch[T]
	candidates int
	valid      int
	ties       int
}

// round runs one iteration of Decide's ModelLoop (spec §1.4).
func (e *engine[T, A]) round(ctx context.Context) (*roundResult[T], error) {
	ar := e.ar
	nbs := make([]T, 2*e.nK) // the round's two NBS, kept by the caller
	rr := &roundResult[T]{pref: nbs[:e.nK:e.nK], vote: nbs[e.nK:]}
	e.chunk, e.off = 0, 0
	e.slab.reset()
	// 1. preference NBS
	e.calcNBS(e.x, rr.pref, e.term)
	copy(e.nbs, rr.pref)
	// 2. left of the NBS (left[a*nK+k], read for actors present on k)
	if len(e.left) < e.nA*e.nK {
		e.left = make([]bool, e.nA*e.nK)
	}
	left := e.left
	for a := 0; a < e.nA; a++ {
		for kk := 0; kk < e.nK; kk++ {
			left[a*e.nK+kk] = e.p.Stances[a][kk].Present && ar.cmp(e.x[a][kk], e.nbs[kk]) <= 0
		}
	}
	// the workers' copies of the engine for this round (fork): the
	// randomised variant's draws follow the order of calculation, so it
	// stays on one goroutine
	e.forks = e.forks[:0]
	if e.workers > 1 && e.randomize == 0 {
		e.fork()
	}
	// 3–4. issue pairs, groups, candidate exchanges
	g := &e.groups
	if len(e.ratio) < e.nA {
		e.ratio = make([]T, e.nA)
	}
	ratio := e.ratio
	// room for the round's list and its descriptions: in a run's first
	// round its candidates are counted first, so that both are made once
	// at their size rather than grown by copies (at 200 actors × 10
	// issues, 6 MB); in the others, the last round's length and an eighth
	// more (a round's list is about as long as the last's), grown only if
	// it is longer, without counting (counting every round was ≈ 1% of
	// a sweep's CPU in its profile)
	size := roomy(len(e.list))
	var list []*exch[T]
	if n, count := e.sharedList(left); n > 1 {
		// on the workers, from the pairs' table (buildTables)
		if count > math.MaxInt32 {
			return nil, tooManyCandidates(count)
		}
		list = e.list[:0]
		if cap(list) < count {
			list = make([]*exch[T], 0, roomy(count))
		}
		list = list[:count]
		if cap(e.newCand) < count {
			e.newCand = make([]cand, 0, cap(list))
		}
		e.newCand = e.newCand[:count]
		e.reserve(count)
		rr.valid = e.buildTables(list, e.newCand, n)
	} else {
		if len(e.list) == 0 {
			// sharedList has counted them when it filled its table
			if !e.pairsTabled() {
				count = 0
				for p := 0; p < e.nK; p++ {
					for q := p + 1; q < e.nK; q++ {
						e.group(p, q, left, nil)
						count += len(g[0])*len(g[3]) + len(g[1])*len(g[2])
					}
				}
			}
			if count > math.MaxInt32 {
				return nil, tooManyCandidates(count)
			}
			size = roomy(count)
		}
		list = e.list[:0]
		if cap(list) < size {
			list = make([]*exch[T], 0, size)
		}
		if cap(e.newCand) < cap(list) {
			e.newCand = make([]cand, 0, cap(list))
		}
		e.newCand = e.newCand[:0]
		for p := 0; p < e.nK; p++ {
			for q := p + 1; q < e.nK; q++ {
				e.group(p, q, left, ratio)
				for _, i := range g[0] {
					for _, j := range g[3] {
						list = e.candidate(list, i, j, p, q, false, ratio)
					}
				}
				for _, i := range g[1] {
					for _, j := range g[2] {
						list = e.candidate(list, i, j, p, q, true, ratio)
					}
				}
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if len(list) > math.MaxInt32 {
			return nil, tooManyCandidates(len(list))
		}
		rr.valid = e.calcList(list)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	e.list = list
	rr.candidates = len(list)
	// 5. highest gain first, recalculate the rest (spec §1.6)
	rr.realised = e.selectExchanges(ctx, list, rr)
	if e.failed != nil {
		return nil, e.failed
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// 7. voting positions and voting NBS
	if e.vx == nil {
		e.vx = make([][]T, e.nA)
		vs := make([]T, e.nA*e.nK)
		for a := range e.vx {
			e.vx[a] = vs[a*e.nK : (a+1)*e.nK : (a+1)*e.nK]
		}
	}
	vx := e.vx
	for a := range vx {
		copy(vx[a], e.x[a])
	}
	for _, R := range rr.realised {
		vx[R.I.actor][R.I.supply] = R.I.y
		vx[R.J.actor][R.J.supply] = R.J.y
	}
	e.calcNBS(vx, rr.vote, nil)
	// 8. new start positions, eq. (10), from the round's (kept in x0:
	// an actor can supply an issue in several realised exchanges, and
	// the trace reads them)
	for a := range e.x {
		copy(e.x0[a], e.x[a])
	}
	for _, R := range rr.realised {
		for _, sd := range [2]*side[T]{&R.I, &R.J} {
			e.x[sd.actor][sd.supply] = e.newStart(e.s[sd.actor][sd.supply], sd.y, e.x0[sd.actor][sd.supply])
		}
	}
	if e.failed != nil {
		return nil, e.failed
	}
	if err := ar.err(); err != nil {
		return nil, errs.New(errs.Internal, "exchange model: exact arithmetic failed: %v", err)
	}
	return rr, nil
}

// tooManyCandidates is the error of a round of n candidate exchanges,
// more than list positions and heap indexes hold (32 bits; memory runs
// out long before).
func tooManyCandidates(n int) error {
	return errs.New(errs.Invalid, "exchange model: %d candidate exchanges in one round, more than the %d it can order; use fewer actors or issues", n, math.MaxInt32)
}

// group sorts the actors who can trade on the issue pair (p, q) into
// e.groups by the sides of the NBS they are on (left[a*nK+k]: a is left
// of NBS_k): 0 right on both, 1 left on p alone, 2 left on q alone, 3
// left on both. With ratio non-nil it sets ratio[a] = s_ap/s_aq for
// each actor grouped.
func (e *engine[T, A]) group(p, q int, left []bool, ratio []T) {
	ar, g := e.ar, &e.groups
	for n := range g {
		g[n] = g[n][:0]
	}
	for a := 0; a < e.nA; a++ {
		if !e.p.Stances[a][p].Present || !e.p.Stances[a][q].Present {
			continue
		}
		// An actor with zero salience on either issue has nothing
		// to trade there (Decide would divide by zero).
		if ar.isZero(e.s[a][p]) || ar.isZero(e.s[a][q]) {
			continue
		}
		n := 0
		if left[a*e.nK+p] {
			n++
		}
		if left[a*e.nK+q] {
			n += 2
		}
		g[n] = append(g[n], a)
		if ratio != nil {
			ratio[a] = ar.quo(e.s[a][p], e.s[a][q])
		}
	}
}

// newStart is eq. (10) in Decide's evaluation order:
// ((1−s)·W_s)·y + W_f·y + ((1 − (1−s)·W_s) − W_f)·x.
func (e *engine[T, A]) newStart(s, y, x T) T {
	ar, k := e.ar, &e.k
	a := ar.mul(ar.sub(k.one, s), k.salienceW)
	t1 := ar.mul(a, y)
	t2 := ar.mul(k.fixedW, y)
	t3 := ar.mul(ar.sub(ar.sub(k.one, a), k.fixedW), x)
	return ar.add(ar.add(t1, t2), t3)
}

func (e *engine[T, A]) String() string {
	return fmt.Sprintf("exchange engine: %d actors × %d issues", e.nA, e.nK)
}

// selection chooses how selectExchanges keeps the list.
type selection int

// The heap (selectByHeap) serves the first-in-list tie rule at every
// size; the slice serves the coin-flip rule, whose draws need the whole
// sorted list, and tests. Until nbsBetween the slice served lists below
// 10,000 candidates too (it was then 8% faster at 10 actors × 10 issues);
// since, the heap is faster at every size measured: the built-in case
// (≈ 180 candidates) 8%, 10 × 10 9%, 20 × 10 21% (BENCHMARKS.md). Both
// give the same result (TestHeapSelectionEqualsSlice).
const (
	byHeap  selection = iota // the heap, unless ties go by coin flip
	bySlice                  // always the slice
)

// selectExchanges is Decide's highest_gain loop (spec §1.6): sort stably by
// gain, descending; pop the first; if it is valid, realise it and
// recalculate every remaining valid exchange against it, dropping those
// that become (or were) invalid. It returns the realised exchanges in order.
//
// The list is kept sorted between pops: only the recalculated exchanges
// can change their gain, so they are sorted apart and merged back by
// (gain descending, list position), which is exactly the order a full
// stable sort of the list would give.
func (e *engine[T, A]) selectExchanges(ctx context.Context, list []*exch[T], rr *roundResult[T]) []*exch[T] {
	if e.heapSelection() {
		return e.selectByHeap(ctx, list)
	}
	ar, k := e.ar, &e.k
	// A stable sort by gain, descending: an unstable sort on (gain
	// descending, list position) gives the same order, faster.
	sortStable := func(list []*exch[T]) {
		for i, ex := range list {
			ex.order = int32(i)
		}
		slices.SortFunc(list, func(a, b *exch[T]) int {
			if c := ar.cmp(b.key, a.key); c != 0 {
				return c
			}
			return int(a.order - b.order)
		})
	}
	sortStable(list)
	base := list // the merged list is written back into this array
	var realised []*exch[T]
	changed, unchanged := e.changed, e.unchanged
	changedPos, posOfU, idx := e.changedPos, e.posOfU, e.idx
	defer func() {
		e.changed, e.unchanged, e.changedPos, e.posOfU, e.idx = changed, unchanged, changedPos, posOfU, idx
	}()
	for len(list) > 0 {
		R := list[0]
		list = list[1:]
		fullSort := false
		// Decide's tie test is |Δgain| < 1e-20; fast mode also counts
		// gains that rank equal (sortKey) as tied.
		if e.ties == tieCoinFlip && len(list) > 0 &&
			(ar.cmp(R.key, list[0].key) == 0 || ar.cmp(ar.abs(ar.sub(R.gain, list[0].gain)), k.eps20) < 0) {
			rr.ties++
			if e.rng.Float64() >= 0.5 {
				list = append(list, R)
				R = list[0]
				list = list[1:]
			} else {
				list = append(list, list[0]) // Decide's duplicate append (quirk 1)
			}
			fullSort = true
		}
		if !R.valid {
			if fullSort {
				sortStable(list)
			}
			continue
		}
		ra, rb := R.I.actor, R.J.actor
		changed, unchanged, changedPos, posOfU = changed[:0], unchanged[:0], changedPos[:0], posOfU[:0]
		n := 0
		for _, E := range list {
			if !E.valid {
				continue
			}
			if E.I.actor == ra || E.I.actor == rb || E.J.actor == ra || E.J.actor == rb {
				old := E.key
				if e.recalculate(E, R) {
					if !E.valid {
						continue
					}
					if ar.cmp(old, E.key) != 0 {
						changed = append(changed, E)
						changedPos = append(changedPos, n)
						n++
						continue
					}
				}
			}
			unchanged = append(unchanged, E)
			posOfU = append(posOfU, n)
			n++
		}
		realised = append(realised, R)
		if e.failed != nil || ctx.Err() != nil {
			return realised
		}
		list = base[:0]
		if fullSort {
			// rebuild in list order, then sort it whole
			list = mergeByPos(list, unchanged, changed, changedPos)
			sortStable(list)
			continue
		}
		// sort the changed ones by (gain desc, position) and merge
		idx = idx[:0]
		for i := range changed {
			idx = append(idx, i)
		}
		slices.SortStableFunc(idx, func(a, b int) int { return ar.cmp(changed[b].key, changed[a].key) })
		ui, ci := 0, 0
		for ui < len(unchanged) || ci < len(idx) {
			if ci == len(idx) {
				list = append(list, unchanged[ui])
				ui++
				continue
			}
			if ui == len(unchanged) {
				list = append(list, changed[idx[ci]])
				ci++
				continue
			}
			c := changed[idx[ci]]
			u := unchanged[ui]
			d := ar.cmp(c.key, u.key)
			if d > 0 || (d == 0 && changedPos[idx[ci]] < posOfU[ui]) {
				list = append(list, c)
				ci++
			} else {
				list = append(list, u)
				ui++
			}
		}
	}
	return realised
}

// mergeByPos interleaves unchanged and changed back into list order.
func mergeByPos[T any](dst, unchanged, changed []*exch[T], changedPos []int) []*exch[T] {
	ui, ci := 0, 0
	for p := 0; ui < len(unchanged) || ci < len(changed); p++ {
		if ci < len(changed) && changedPos[ci] == p {
			dst = append(dst, changed[ci])
			ci++
		} else {
			dst = append(dst, unchanged[ui])
			ui++
		}
	}
	return dst
}

// randomizeGain is the randomised Equal Gain variant, eq. (11). It draws
// u, v, z ~ U(0,1); the side C = I if u < 0.5, else J, gets the gain
//
//	eu' = eu + p·z·(eu_max − eu)   if v < 0.5 (C wins)
//	eu' = eu − p·z·eu              otherwise  (C loses)
//
// where eu_max is C's gain when its partner O gains nothing from the same
// move of O. C's concession on its supply issue a is re-solved for eu'
// with O's move fixed: Δ_a = (Δ_b·s_Cb − eu')/s_Ca, capped where C would
// reach O's position. The exchange keeps its Equal Gain rank (as Decide
// orders REX exchanges by the unchanged equal gain). It reports whether
// C's new move is still valid.
func (e *engine[T, A]) randomizeGain(ex *exch[T]) bool {
	ar := e.ar
	u, v, z := e.rng.Float64(), e.rng.Float64(), e.rng.Float64()
	C, O := &ex.I, &ex.J
	if u >= 0.5 {
		C, O = O, C
	}
	a, b := C.supply, C.demand
	sCa, sCb := e.s[C.actor][a], e.s[C.actor][b]
	sOa, sOb := e.s[O.actor][a], e.s[O.actor][b]
	cC, cO := e.c[C.actor], e.c[O.actor]
	da := ar.quo(ar.mul(ar.mul(ar.abs(C.move), sCa), cC), e.sigma[a])
	db := ar.quo(ar.mul(ar.mul(ar.abs(O.move), sOb), cO), e.sigma[b])
	eu := ar.sub(ar.mul(db, sCb), ar.mul(da, sCa))
	da0 := ar.quo(ar.mul(db, sOb), sOa)
	euMax := ar.sub(ar.mul(db, sCb), ar.mul(da0, sCa))
	pz := ar.mul(ar.from(e.randomize), ar.from(z))
	if v < 0.5 {
		eu = ar.add(eu, ar.mul(pz, ar.sub(euMax, eu)))
	} else {
		eu = ar.sub(eu, ar.mul(pz, eu))
	}
	da = ar.quo(ar.sub(ar.mul(db, sCb), eu), sCa)
	m := ar.quo(ar.mul(da, e.sigma[a]), ar.mul(cC, sCa))
	if room := ar.abs(ar.sub(O.demandPos, C.x)); ar.cmp(m, room) > 0 {
		m = room
	}
	if ar.cmp(C.x, O.demandPos) > 0 {
		m = ar.neg(m)
	}
	e.setLastMove(C, m)
	C.move = m
	C.y = ar.add(C.x, m)
	return e.moveValid(C)
}
