package exchange

import (
	"context"
	"math"
	"slices"
	"sync/atomic"
	"unsafe"

	"parley/parallel"
)

// selectByHeap is selectExchanges for the deterministic tie rule (every
// tie to the exchange first in the list), with the same result, exchange
// for exchange, in time proportional to the exchanges each realised one
// touches rather than to the whole list.
//
// selectExchanges keeps the list as a slice and, after each realised
// exchange R, scans all of it for the exchanges of R's two actors and
// merges the ones whose gain changed back in: O(list) per realised
// exchange, which at 200 actors × 10 issues (225,000 candidates, thousands
// realised per round) is three quarters of the model's time. Here the
// list is a heap (four children a node) ordered as the list is — gain descending, then
// list position — and R's recalculations visit only the exchanges a
// recalculation changes: those where one of R's actors has a side that
// supplies the issue it supplies in R or demands the one it demands
// there (recalculate's two conditions, spec §1.6 steps 1–2; it leaves
// every other exchange as it was). Each actor has an index of its
// exchanges by the issue it supplies and by the one it demands, and the
// four lists R names are read, each exchange once.
// Each recalculation depends on the exchange and R alone, so their order
// does not matter, except in the randomised variant, whose draws follow
// it: there they are sorted into list order, as the scan takes them.
// Elsewhere the order decides only which failure is reported when two
// recalculations after one R fail (the first as read, every time), and a
// large batch is recalculated on several goroutines when the engine has
// workers (recalcShared), only the bookkeeping after it running in order.
//
// The list position is the tie-break, and it must move as the slice's
// does. Unchanged exchanges keep their relative order, so their positions
// keep serving. An exchange whose gain fell was before every exchange of
// its new gain (the list was sorted), so it takes a position smaller than
// any yet given (low, counting down); one whose gain rose was after every
// exchange of its new gain, so it takes one larger than any (high,
// counting up). Among the exchanges changed by one R, positions are given
// in their old list order (risen ones) or against it (fallen ones), so
// that equal new gains keep that order, as the merge does.
func (e *engine[T, A]) selectByHeap(ctx context.Context, list []*exch[T]) []*exch[T] {
	if e.failed != nil {
		return nil // the tables calcList built may be incomplete
	}
	h := &e.heap
	slot := func(a, k int32, demand int) int { return e.slot(int(a), int(k), demand) }
	if !e.built {
		e.heapTables(len(list))
		// byIssue[slot(a, k, 0)]: the exchanges where a supplies k;
		// byIssue[slot(a, k, 1)]: those where a demands k; each in list
		// order, each carved from refs with room for the round's
		// candidates
		slots := e.slots[:2*e.nA*e.nK]
		clear(slots)
		e.countSlots(e.newCand[:len(list)], slots)
		byIssue := e.byIssue[:len(slots)]
		off := 0
		for i, n := range slots {
			byIssue[i] = e.refs[off : off : off+int(n)]
			off += int(n)
		}
		for i, E := range list {
			if E != exchAt(e.chunks, int32(i)) {
				// never met: round lists its exchanges as alloc makes them
				e.fail("exchange model: list position %d does not hold the exchange at that place in the round's chunks (selectByHeap takes the round's own list)", i)
				return nil
			}
			E.order = int32(i)
			h.at[i] = -1
			if !E.valid {
				continue // never recalculated, never realised: the scan drops it
			}
			h.at[i] = int32(len(h.items))
			h.items = append(h.items, heapItem[T]{key: E.key, pos: int32(i), order: int32(i)})
			for _, sd := range [2]*side[T]{&E.I, &E.J} {
				byIssue[slot(sd.actor, sd.supply, 0)] = append(byIssue[slot(sd.actor, sd.supply, 0)], int32(i))
				byIssue[slot(sd.actor, sd.demand, 1)] = append(byIssue[slot(sd.actor, sd.demand, 1)], int32(i))
			}
		}
	}
	e.built = false
	byIssue := e.byIssue[:2*e.nA*e.nK]
	h.init()
	low, high := int32(-1), int32(len(list))
	// item is E's heap item (E in the heap)
	item := func(E *exch[T]) *heapItem[T] { return &h.items[h.at[E.order]] }
	stamp := int32(0)          // the number of exchanges taken so far (see exch.stamp)
	realised := e.realised[:0] // the last round's list is read before this one starts
	defer func() { e.realised = realised }()
	aff, changed := e.affected[:0], e.changedH[:0]
	defer func() { e.affected, e.changedH = aff, changed }()
	for h.live() > 0 {
		R := list[h.pop()]
		// the exchanges R changes that are still in the list, each once
		// (an exchange can be on several of R's four lists), list by
		// list or merged in list order (stampedMerge); each index drops
		// the exchanges that have left the list as it is read, keeping
		// the order of the rest
		lists := [4]int{
			slot(R.I.actor, R.I.supply, 0), slot(R.I.actor, R.I.demand, 1),
			slot(R.J.actor, R.J.supply, 0), slot(R.J.actor, R.J.demand, 1),
		}
		stamp++
		changed = changed[:0]
		raw := len(byIssue[lists[0]]) + len(byIssue[lists[1]]) + len(byIssue[lists[2]]) + len(byIssue[lists[3]])
		if np := e.shareable(raw); np > 1 {
			// a large batch: read, recalculated and taken out of the heap
			// in parts on the workers (recalcShared)
			changed = e.recalcShared(byIssue, lists, R, np, changed)
		} else {
			aff = aff[:0]
			for _, l := range lists {
				// every entry is written and the live ones counted, without
				// a branch: which have left follows no pattern
				refs, k := byIssue[l], 0
				for _, r := range refs {
					refs[k] = r
					k += int(bit(h.at[r] >= 0))
				}
				byIssue[l] = refs[:k]
			}
			// by the lists' length before the departed were dropped, so
			// that a batch read in list order (merged) is one that
			// recalcShared would read in list order too (see shareable)
			if raw <= stampedMerge {
				// short lists: an exchange's stamp says whether it was taken
				for _, l := range lists {
					for _, r := range byIssue[l] {
						if E := list[r]; E.stamp != stamp {
							E.stamp = stamp
							aff = append(aff, E)
						}
					}
				}
			} else {
				aff = mergeInOrder(aff, e.chunks, byIssue[lists[0]], byIssue[lists[1]], byIssue[lists[2]], byIssue[lists[3]])
			}
			if e.randomize > 0 {
				// its draws follow the order of recalculation; otherwise
				// each recalculation depends on E and R alone
				slices.SortFunc(aff, func(a, b *exch[T]) int { return h.cmp(item(a), item(b)) })
			}
			if len(aff) > stampedMerge {
				e.warmth += warm(aff)
			}
			for _, E := range aff {
				switch e.recalcOne(E, R) {
				case recalcLeft:
					h.leave(E.order)
				case recalcMoved:
					changed = append(changed, E)
				}
			}
		}
		// new positions (see above), given in old list order: the heap
		// still holds the old keys and positions
		slices.SortFunc(changed, func(a, b *exch[T]) int { return h.cmp(item(a), item(b)) })
		if int64(high)+int64(len(changed)) > int64(h.maxPos) || int64(low)-int64(len(changed)) < -int64(h.maxPos) {
			low, high = h.renumber()
		}
		for _, E := range changed {
			if it := item(E); e.ar.cmp(E.key, it.key) > 0 {
				it.pos, high = high, high+1
			}
		}
		for n := len(changed) - 1; n >= 0; n-- {
			if it := item(changed[n]); e.ar.cmp(changed[n].key, it.key) < 0 {
				it.pos, low = low, low-1
			}
		}
		for _, E := range changed {
			i := h.at[E.order]
			h.items[i].key = E.key
			h.fix(int(i))
		}
		if h.dead > h.live() {
			h.compact()
		}
		realised = append(realised, R)
		if e.failed != nil || ctx.Err() != nil {
			return realised
		}
	}
	return realised
}

// roomy is n and an eighth more, the room a round's table is made with.
func roomy(n int) int { return n + n/8 }

// stampedMerge is the longest the four lists of a realised exchange may
// be, together, for selectByHeap to take each of their exchanges once
// by its stamp: reading a stamp visits the exchange, which costs little
// while a problem's exchanges fit the processor's caches (the built-in
// case's 200: 6% of a sweep's time saved over the merge) and a cache
// miss each where they do not (200 actors × 10 issues, with lists of
// ≈ 250: 8% more time than the merge, which reads the index alone).
const stampedMerge = 64

// warm reads a byte of every cache line of each exchange of aff,
// before any is recalculated, and returns their sum (kept
// by the engine, so that the reads are not dropped as dead). The reads
// depend on one another only through the sum, so the processor has many
// of their cache misses in flight at once, where the recalculations, each
// reading its exchange first and then working on it for a microsecond,
// would wait for them one by one. It is for the large problems only
// (selectByHeap calls it for batches longer than stampedMerge, and each
// of recalcShared's parts on the worker that takes it, so that the lines are read
// into the caches of the core that recalculates them): at 200
// actors × 10 issues the exchanges span ≈ 56 MB, and reading an
// exchange's heap key in recalcOne was a third of the forecast's time
// (before recalcOne took the old key from the exchange).
func warm[T any](aff []*exch[T]) uint8 {
	size := unsafe.Sizeof(exch[T]{})
	var s uint8
	for _, E := range aff {
		p := unsafe.Pointer(E)
		for off := uintptr(0); off < size; off += cacheLine {
			s += *(*uint8)(unsafe.Add(p, off))
		}
		s += *(*uint8)(unsafe.Add(p, size-1))
	}
	return s
}

// mergeInOrder appends to dst the exchanges of the four lists of list
// positions, each in list order, in list order, each once (an exchange
// can be on several: every list whose head is the exchange taken moves
// past it). It finds the exchange at list position r in the round's
// chunks (exchAt), not in the list: at 200 actors × 10 issues the
// list's 1.8 MB of pointers cost a cache miss a read, where the chunks'
// table is 21 KB.
func mergeInOrder[T any](dst []*exch[T], chunks [][]exch[T], a, b, c, d []int32) []*exch[T] {
	const done = math.MaxInt32
	ls := [4][]int32{a, b, c, d}
	var at [4]int
	var head [4]int32
	for k, l := range ls {
		head[k] = done
		if len(l) > 0 {
			head[k] = l[0]
		}
	}
	for {
		m := min(head[0], head[1], head[2], head[3])
		if m == done {
			return dst
		}
		taken := false
		for k := range ls {
			if head[k] != m {
				continue
			}
			if !taken {
				dst = append(dst, exchAt(chunks, m))
				taken = true
			}
			at[k]++
			head[k] = done
			if at[k] < len(ls[k]) {
				head[k] = ls[k][at[k]]
			}
		}
	}
}

// perWorker is the fewest entries of the four by-issue lists of a
// realised exchange (departed ones included) that selectByHeap gives each
// part when it shares them among its workers (recalcShared): lists
// shorter than twice this are read and recalculated on the calling
// goroutine, as starting others would cost more than it saves.
const perWorker = 128

// maxParts is the most parts recalcShared cuts a batch into: more parts
// than workers, taken in turn as each worker is free, so that a worker
// that starts late (woken by the runtime, or kept off its core by other
// processes) leaves its share to the others rather than be waited for,
// and parts of unequal work even out.
const maxParts = 8

// shareable is the number of parts recalcShared would cut the batch of
// a realised exchange into, from raw, the length of its four by-issue
// lists, departed entries included; below 2 the batch is not shared.
// A shared batch is read in list order, as mergeInOrder reads it; the
// calling goroutine reads one in list order too when raw is above
// stampedMerge, and only such a batch is shared, so that the failure
// kept when two recalculations after one realised exchange fail is the
// first in the same order whatever the number of workers.
func (e *engine[T, A]) shareable(raw int) int {
	if len(e.forks) < 2 || raw <= stampedMerge {
		return 0
	}
	return min(maxParts, raw/e.perWorker)
}

// part is a share of a batch of recalculations (recalcShared): the
// exchanges at list positions in [lo, hi) of the four by-issue lists of
// a realised exchange, and what recalculating them gave.
type part[T any, A arith[T]] struct {
	// from and to are where the part's entries of each list start and
	// end; kept is how many of them, moved to its start, are still in
	// the heap
	from, to, kept [4]int
	aff, changed   []*exch[T]
	dead           int   // exchanges it took out of the heap
	failed         error // the first failure of its recalculations
	arFailed       bool  // ar holds the part's first arithmetic failure
	ar             A
}

// recalcShared is selectByHeap's step for a large batch, on the
// engine's workers: the list positions of the realised exchange R's four
// by-issue lists are cut into np ranges (at quantiles of the longest
// list), and each range is a part that one worker, taking the parts in
// turn, reads (dropping the departed entries of its stretch of each list,
// merging the rest in list order), warms, recalculates and takes out of
// the heap where an exchange became invalid, collecting those whose gain
// moved. The calling goroutine then closes the gaps the parts left in
// each list and returns changed with the moved exchanges appended, in
// list order.
//
// Each part writes only its own stretch of each list, its own exchanges
// (recalculate writes E alone), their heap items and their entries of
// at (leave's writes, exchHeap.mark), and its own record: no two parts
// write one word, and none reads what another writes (an exchange's
// entries of at are read only by the part that holds its list
// position). The exchanges therefore come out as the calling goroutine
// alone leaves them, bit for bit; the parts' failures are taken in part
// order, which is list order, as the calling goroutine would meet them
// (see shareable).
func (e *engine[T, A]) recalcShared(byIssue [][]int32, lists [4]int, R *exch[T], np int, changed []*exch[T]) []*exch[T] {
	var ls [4][]int32
	longest := 0
	for i, l := range lists {
		ls[i] = byIssue[l]
		if len(ls[i]) > len(ls[longest]) {
			longest = i
		}
	}
	np = min(np, len(ls[longest]))
	if cap(e.parts) < np {
		e.parts = append(e.parts[:cap(e.parts)], make([]part[T, A], np-cap(e.parts))...)
	}
	parts := e.parts[:np]
	for c := range parts {
		// the part's stretch of each list: up to the first entry at or
		// after the longest list's (c+1)-th quantile (found here, before
		// any part moves an entry)
		pt := &parts[c]
		for i := range ls {
			pt.from[i] = 0
			if c > 0 {
				pt.from[i] = parts[c-1].to[i]
			}
			pt.to[i] = len(ls[i])
			if c < np-1 {
				pt.to[i] = firstFrom(ls[i], ls[longest][(c+1)*len(ls[longest])/np])
			}
		}
	}
	e.batches++
	var next atomic.Int32
	parallel.Run(min(len(e.forks), np), func(g int) {
		w := e.forks[g]
		for {
			c := int(next.Add(1)) - 1
			if c >= np {
				return
			}
			e.recalcPart(w, &parts[c], &ls, R)
		}
	})
	for i, l := range lists {
		n := parts[0].kept[i]
		for c := 1; c < np; c++ {
			pt := &parts[c]
			n += copy(ls[i][n:], ls[i][pt.from[i]:pt.from[i]+pt.kept[i]])
		}
		byIssue[l] = ls[i][:n]
	}
	for c := range parts {
		pt := &parts[c]
		changed = append(changed, pt.changed...)
		e.heap.dead += pt.dead
		if e.failed == nil {
			e.failed = pt.failed
		}
		if pt.arFailed {
			e.ar.join(pt.ar)
		}
		pt.failed, pt.arFailed = nil, false
	}
	return changed
}

// firstFrom is the index of the first entry of l (ascending) not below
// r, len(l) if none is.
func firstFrom(l []int32, r int32) int {
	lo, hi := 0, len(l)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if l[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// recalcPart is the part pt of recalcShared's batch, on worker w: the
// entries of each of the lists ls in [pt.from, pt.to) whose exchanges
// are still in the heap are moved to the stretch's start (pt.kept),
// merged in list order, warmed on w's core and recalculated by w
// against R.
func (e *engine[T, A]) recalcPart(w *engine[T, A], pt *part[T, A], ls *[4][]int32, R *exch[T]) {
	h := &e.heap
	var sub [4][]int32
	for i := range ls {
		refs, k := ls[i][pt.from[i]:pt.to[i]], 0
		for _, r := range refs {
			refs[k] = r
			k += int(bit(h.at[r] >= 0))
		}
		pt.kept[i], sub[i] = k, refs[:k]
	}
	pt.aff = mergeInOrder(pt.aff[:0], e.chunks, sub[0], sub[1], sub[2], sub[3])
	pt.changed, pt.dead = pt.changed[:0], 0
	w.warmth += warm(pt.aff)
	for _, E := range pt.aff {
		switch w.recalcOne(E, R) {
		case recalcLeft:
			h.mark(E.order)
			pt.dead++
		case recalcMoved:
			pt.changed = append(pt.changed, E)
		}
	}
	// the part's failures, apart from the next part's that w takes
	if w.failed != nil {
		pt.failed, w.failed = w.failed, nil
	}
	if w.ar.err() != nil {
		pt.ar, pt.arFailed = e.ar.fork().(A), true
		pt.ar.join(w.ar)
	}
}

// fork gives each of the engine's workers a copy of it for this round's
// recalculations: the round's shared values (positions, NBS sums,
// prefixes, saliences) are read-only there, and the copy has its own
// failure record and arithmetic, so that no two goroutines write one.
//
// The copies of the round before are renewed, not made again, so that
// each keeps its slab of recorded positions (a slab is one goroutine's).
func (e *engine[T, A]) fork() {
	old := e.forks[:cap(e.forks)] // round has emptied e.forks
	for g := range e.workers {
		var w *engine[T, A]
		if g < len(old) && old[g] != nil {
			w = old[g]
		} else {
			w = new(engine[T, A])
		}
		slab, cursor := w.slab, w.cursor
		*w = *e
		w.forks, w.parts, w.failed = nil, nil, nil
		w.slab, w.cursor = slab, cursor
		w.slab.reset()
		w.ar = e.ar.fork().(A)
		e.forks = append(e.forks, w)
	}
}

// What a recalculation after R means for the heap (recalcOne).
const (
	recalcSame  uint8 = iota // not recalculated, or its gain is as it was
	recalcLeft               // no longer valid: it leaves the list
	recalcMoved              // valid with a new gain: it moves in the list
)

// recalcOne is recalculate(E, R) and its outcome for the heap. E's old
// key is its own before the recalculation: the heap's item holds the
// same (selectByHeap sets it from E's at every change, and an unchanged
// one compares equal), and reading E's, whose lines warm has just
// fetched, spares a cache miss in the heap's 3.6 MB a recalculation.
func (e *engine[T, A]) recalcOne(E, R *exch[T]) uint8 {
	old := E.key
	if !e.recalculate(E, R) {
		return recalcSame
	}
	switch {
	case !E.valid:
		return recalcLeft
	case e.ar.cmp(E.key, old) != 0:
		return recalcMoved
	}
	return recalcSame
}

// joinForks takes the first n workers' failures in worker order, which is
// list order (each had a contiguous part of it): the first is the one the
// calling goroutine alone would have met first.
func (e *engine[T, A]) joinForks(n int) {
	for _, w := range e.forks[:n] {
		if e.failed == nil {
			e.failed = w.failed
		}
		w.failed = nil
		e.ar.join(w.ar)
	}
}

// calcList builds and calculates the round's new candidate exchanges
// (e.newCand), in list order on the calling goroutine when the list is
// short, else in contiguous parts on every worker: each reads the
// round's shared values and writes its own exchange alone (at 200
// actors × 10 issues, 225,000 candidates a round). For the heap
// selection the workers build its tables too (buildTables).
func (e *engine[T, A]) calcList(list []*exch[T]) (valid int) {
	cs := e.newCand[:len(list)]
	n := min(len(e.forks), len(list)/e.perList)
	if n < 2 {
		for i, ex := range list {
			e.initExchange(ex, cs[i])
			e.calculate(ex)
			valid += int(bit(ex.valid))
		}
		return valid
	}
	var count atomic.Int64
	parallel.Run(n, func(g int) {
		w := e.forks[g]
		lo, hi := g*len(list)/n, (g+1)*len(list)/n
		v := 0
		for i, ex := range list[lo:hi] {
			w.initExchange(ex, cs[lo+i])
			w.calculate(ex)
			v += int(bit(ex.valid))
		}
		count.Add(int64(v))
	})
	e.joinForks(n)
	return int(count.Load())
}

// sharedList reports whether the round's candidates are listed and
// built on the workers, from a table of the issue pairs (pairs), and
// on how many (n > 1), and how many candidates there are: when the
// engine has workers, the heap selection will run and the list is long
// (perList a worker). It fills the table.
func (e *engine[T, A]) sharedList(left []bool) (n, count int) {
	if !e.pairsTabled() {
		return 0, 0
	}
	nP := e.nK * (e.nK - 1) / 2
	if cap(e.pairs) < nP {
		e.pairs = make([]pairCands[T], nP)
	}
	e.pairs = e.pairs[:nP]
	pc := 0
	for p := 0; p < e.nK; p++ {
		for q := p + 1; q < e.nK; q++ {
			pr := &e.pairs[pc]
			pc++
			if len(pr.ratio) < e.nA {
				pr.ratio = make([]T, e.nA)
			}
			e.group(p, q, left, pr.ratio)
			pr.p, pr.q, pr.first = int32(p), int32(q), count
			for k := range pr.g {
				pr.g[k] = append(pr.g[k][:0], e.groups[k]...)
			}
			count += len(pr.g[0])*len(pr.g[3]) + len(pr.g[1])*len(pr.g[2])
		}
	}
	return min(len(e.forks), count/e.perList), count
}

// pairCands is an issue pair's part of the round's candidate list, as
// round's loops list it: the actors of its four groups (group), their
// ratios s_ap/s_aq (ratio[a]) and the list position of its first
// candidate.
type pairCands[T any] struct {
	p, q  int32
	g     [4][]int
	ratio []T
	first int
}

// listCands writes the candidates at list positions lo to hi−1, in the
// order and with the roles round's loops and candidate give them, to
// cs, and their exchange slots (exchAt) to list.
func (e *engine[T, A]) listCands(lo, hi int, list []*exch[T], cs []cand) {
	x := lo
	for n := range e.pairs {
		pr := &e.pairs[n]
		start := pr.first
		for b := range 2 {
			// block 0: groups 0 and 3; block 1: groups 1 and 2
			gi, gj := pr.g[b], pr.g[3-b]
			size := len(gi) * len(gj)
			if x >= start+size {
				start += size
				continue
			}
			for ii, jj := (x-start)/len(gj), (x-start)%len(gj); ii < len(gi); ii, jj = ii+1, 0 {
				for ; jj < len(gj); jj++ {
					if x >= hi {
						return
					}
					i, j := gi[ii], gj[jj]
					if e.ar.cmp(pr.ratio[i], pr.ratio[j]) < 0 {
						i, j = j, i
					}
					cs[x] = cand{int32(i), int32(j), pr.p, pr.q, b == 1}
					list[x] = exchAt(e.chunks, int32(x))
					x++
				}
			}
			start += size
		}
	}
}

// pairsTabled reports whether sharedList fills its table of the issue
// pairs (and counts the round's candidates): with workers, under the
// heap selection.
func (e *engine[T, A]) pairsTabled() bool {
	return len(e.forks) >= 2 && e.heapSelection()
}

// heapSelection reports whether selectExchanges keeps the list in a
// heap (selectByHeap).
func (e *engine[T, A]) heapSelection() bool {
	return e.ties != tieCoinFlip && e.selection != bySlice
}

// heapTables readies the heap's tables for a list of n candidates
// (their contents are selectByHeap's or buildTables'), with room to
// spare: the next round's list is about as long, a little longer or
// shorter.
func (e *engine[T, A]) heapTables(n int) {
	h := &e.heap
	h.ar = e.ar
	if cap(h.items) < n {
		h.items = lineUp(make([]heapItem[T], 0, roomy(n)+arity))
	}
	h.items = h.items[:0]
	m := 2 * e.nA * e.nK
	if cap(e.byIssue) < m {
		e.byIssue = make([][]int32, m)
	}
	if len(e.slots) < m {
		e.slots = make([]int32, m)
	}
	if cap(h.at) < n+1 {
		h.at = make([]int32, roomy(n+1))
	}
	h.at = h.at[:n+1] // at[n]: the left items' (exchHeap.gone)
	h.gone, h.dead = int32(n), 0
	if len(e.refs) < 4*n {
		e.refs = make([]int32, roomy(4*n))
	}
}

// countSlots adds to cnt[slot] the entries the candidates cs put on each
// by-issue list (four each: see slot).
func (e *engine[T, A]) countSlots(cs []cand, cnt []int32) {
	for _, c := range cs {
		i, j, p, q := int(c.i), int(c.j), int(c.p), int(c.q)
		cnt[e.slot(i, q, 0)]++
		cnt[e.slot(i, p, 1)]++
		cnt[e.slot(j, p, 0)]++
		cnt[e.slot(j, q, 1)]++
	}
}

// buildTables lists, builds and calculates the round's candidates on n
// workers for the heap selection (sharedList), each worker a contiguous
// part of the list, and has them write the heap's items and by-issue
// entries, which selectByHeap writes on the calling goroutine otherwise
// (at 200 actors × 10 issues, listing, the tables and a pass counting
// the valid exchanges were ≈ 8% of a forecast's CPU on one core). Two
// steps: each worker lists its part (listCands) and counts the entries
// it puts on each by-issue list; the calling goroutine carves the lists
// from refs with each worker's stretch of a list after those of the
// workers before it (so that each list is in list order); each worker
// builds and calculates its part and fills its stretches. It returns
// the number of valid exchanges.
//
// The item of the exchange at list position i is items[i] and every
// candidate is on its four lists: one made invalid by its calculation
// (at 200 × 10 one in 2,000) is marked as having left the heap (its
// item marked, at −1, counted in dead, its key zero so that the order is
// total), as selectByHeap's reading and pop drop such entries and items.
// The exchanges, the heap's order and the lists' live entries are those
// the calling goroutine builds (selectByHeap), the items' places apart.
func (e *engine[T, A]) buildTables(list []*exch[T], cs []cand, n int) (valid int) {
	e.heapTables(len(list))
	e.builds++
	m := 2 * e.nA * e.nK
	stretch := func(g int) (int, int) { return g * len(list) / n, (g + 1) * len(list) / n }
	parallel.Run(n, func(g int) {
		w := e.forks[g]
		if len(w.cursor) < m {
			w.cursor = make([]int32, m)
		}
		lo, hi := stretch(g)
		e.listCands(lo, hi, list, cs)
		clear(w.cursor[:m])
		e.countSlots(cs[lo:hi], w.cursor[:m])
	})
	byIssue := e.byIssue[:m]
	off := int32(0)
	for s := range byIssue {
		start := off
		for _, w := range e.forks[:n] {
			off, w.cursor[s] = off+w.cursor[s], off
		}
		byIssue[s] = e.refs[start:off:off]
	}
	h := &e.heap
	h.items = h.items[:len(list)]
	var dead atomic.Int64
	parallel.Run(n, func(g int) {
		w := e.forks[g]
		cur, refs, items, at := w.cursor[:m], e.refs, h.items, h.at
		lo, hi := stretch(g)
		d := 0
		for i := lo; i < hi; i++ {
			E, c := list[i], cs[i]
			w.initExchange(E, c)
			w.calculate(E)
			E.order = int32(i)
			it := heapItem[T]{key: E.key, pos: int32(i), order: int32(i)}
			at[i] = int32(i)
			if !E.valid {
				it.key, it.order, at[i] = e.k.zero, h.gone, -1
				d++
			}
			items[i] = it
			for _, s := range [4]int{e.slot(int(c.i), int(c.q), 0), e.slot(int(c.i), int(c.p), 1), e.slot(int(c.j), int(c.p), 0), e.slot(int(c.j), int(c.q), 1)} {
				refs[cur[s]] = int32(i)
				cur[s]++
			}
		}
		dead.Add(int64(d))
	})
	e.joinForks(n)
	h.dead = int(dead.Load())
	e.built = true
	return len(list) - h.dead
}

// listPerWorker is the fewest new candidates calcList gives a worker.
const listPerWorker = 2048

// heapItem is one exchange in the heap: the key and position it is
// ordered by (kept apart from the exchange, whose key a recalculation
// changes before the heap hears of it) and its place in the round's list
// (selectByHeap's list[order]). 16 bytes in fast mode, so that a node's
// four children share a cache line or two, and moving an item writes the
// heap's own tables (at) rather than the exchange: at 200 actors × 10
// issues each exchange written was a cache miss.
type heapItem[T any] struct {
	key   T
	pos   int32
	order int32
}

// exchHeap is a max-heap (of arity children a node) of exchanges in
// list order: gain descending, then position ascending.
type exchHeap[T any, A arith[T]] struct {
	ar    A
	items []heapItem[T]
	// at[o] is the index in items of the exchange at list position o,
	// −1 once it has left the heap (the by-issue index reads it without
	// visiting the exchange)
	at []int32
	// gone is the list position an item takes when its exchange leaves
	// (leave), dead the number of such items: they stay until they reach
	// the top or compact drops them. at[gone] is written, never read.
	gone int32
	dead int
	// maxPos is the magnitude past which the next positions would go
	// (32-bit): renumber runs before they do. The items renumbered
	// include the marked ones, so a heap of more items than maxPos
	// renumbers after every realisation (tests set it that low; a
	// round's 2³¹ − 1 never is)
	maxPos     int32
	renumbered int // times renumber ran (for tests)
}

// cmp is −1 when a comes before b in the list.
func (h *exchHeap[T, A]) cmp(a, b *heapItem[T]) int {
	if c := h.ar.cmp(a.key, b.key); c != 0 {
		return -c
	}
	switch {
	case a.pos < b.pos:
		return -1
	case a.pos > b.pos:
		return 1
	}
	return 0
}

// renumber gives the items the positions 0, 1, … in their order (key,
// then position), which keeps every comparison and so the heap as it
// was, and returns the next low and high positions for selectByHeap:
// when a round has moved so many exchanges that the next would pass
// maxPos (never met at 200 actors × 10 issues, whose rounds move at
// most ≈ 71,000; tests set maxPos small).
func (h *exchHeap[T, A]) renumber() (low, high int32) {
	idx := make([]int32, len(h.items))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return h.cmp(&h.items[a], &h.items[b]) })
	for n, i := range idx {
		h.items[i].pos = int32(n)
	}
	h.renumbered++
	return -1, int32(len(h.items))
}

// arity is the heap's number of children a node: four halves the
// levels of a binary heap, and with them the items an item passes on its
// way down or up; the four children lie side by side in items, so
// comparing them costs little more than comparing two.
const arity = 4

// lineUp returns s from the element where a node's children start on a
// cache line's start (items 1–4, 5–8, … each one line, when four items
// fill one, as in fast mode), so that sifting down reads one line a
// level rather than two; it leaves up to arity−1 elements unused.
func lineUp[T any](s []heapItem[T]) []heapItem[T] {
	size := unsafe.Sizeof(heapItem[T]{})
	if size*arity != cacheLine || cap(s) < arity {
		return s
	}
	// the index k whose next element starts a line
	next := uintptr(unsafe.Pointer(unsafe.SliceData(s))) + size
	k := (cacheLine - next%cacheLine) % cacheLine / size
	return s[k:k]
}

func (h *exchHeap[T, A]) init() {
	if len(h.items) < 2 {
		return
	}
	for i := (len(h.items) - 2) / arity; i >= 0; i-- { // the last parent
		h.down(i)
	}
}

// up moves the item at i toward the root while it comes before its
// parent, shifting each parent it passes down one level (a hole moves up,
// the item is written once, where it stops).
func (h *exchHeap[T, A]) up(i int) {
	it, at := h.items, h.at
	x := it[i]
	for i > 0 {
		p := (i - 1) / arity
		if h.cmp(&x, &it[p]) >= 0 {
			break
		}
		it[i] = it[p]
		at[it[i].order] = int32(i)
		i = p
	}
	it[i] = x
	at[x.order] = int32(i)
}

// down moves the item at i toward the leaves while one of its children
// comes before it, shifting that child up one level; it says whether the
// item moved.
func (h *exchHeap[T, A]) down(i int) bool {
	it, at := h.items, h.at
	i0, n := i, len(it)
	x := it[i]
	for {
		c := arity*i + 1
		if c >= n {
			break
		}
		// the first of the children in list order
		for k, end := c+1, min(c+arity, n); k < end; k++ {
			if h.cmp(&it[k], &it[c]) < 0 {
				c = k
			}
		}
		if h.cmp(&it[c], &x) >= 0 {
			break
		}
		it[i] = it[c]
		at[it[i].order] = int32(i)
		i = c
	}
	if i > i0 {
		it[i] = x
		at[x.order] = int32(i)
	}
	return i > i0
}

func (h *exchHeap[T, A]) fix(i int) {
	if !h.down(i) {
		h.up(i)
	}
}

// live is the number of exchanges in the heap.
func (h *exchHeap[T, A]) live() int { return len(h.items) - h.dead }

// pop removes the first exchange in list order and returns its list
// position (the heap holds a live exchange: live() > 0), dropping the
// items of left exchanges it meets at the top.
func (h *exchHeap[T, A]) pop() int32 {
	for {
		if o := h.remove(0); o != h.gone {
			return o
		}
		h.dead--
	}
}

// leave takes the exchange at list position o out of the heap. Its item
// stays where it is, marked gone, rather than being replaced by the last
// and sifted: at 200 actors × 10 issues 98% of a round's exchanges leave
// so (made invalid by a recalculation), each of those sifts a cache miss
// or two in the 3.6 MB of items, while the few marked items that reach
// the top before compact drops them cost a pop each.
func (h *exchHeap[T, A]) leave(o int32) {
	h.mark(o)
	h.dead++
}

// mark is leave but for the count of items left (dead), which
// recalcShared's parts keep apart and add after.
func (h *exchHeap[T, A]) mark(o int32) {
	h.items[h.at[o]].order = h.gone
	h.at[o] = -1
}

// compact drops the marked items and orders the rest again (init): when
// they are more than half the heap, so that a marked item is met at the
// top at most about as often as a live one, and compacting costs O(n)
// as often as the heap halves.
func (h *exchHeap[T, A]) compact() {
	k := 0
	for _, it := range h.items {
		if it.order != h.gone {
			h.items[k] = it
			h.at[it.order] = int32(k)
			k++
		}
	}
	h.items, h.dead = h.items[:k], 0
	h.init()
}

// remove takes the item at index i out of the heap and returns its
// exchange's list position.
func (h *exchHeap[T, A]) remove(i int) int32 {
	n := len(h.items) - 1
	o := h.items[i].order
	if i != n {
		h.items[i] = h.items[n]
		h.at[h.items[i].order] = int32(i)
	}
	h.items = h.items[:n]
	h.at[o] = -1
	if i != n {
		h.fix(i)
	}
	return o
}

// cacheLine is the bytes of a cache line, by which warm steps through an
// exchange and lineUp aligns a node's children.
const cacheLine = 64
