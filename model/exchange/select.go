package exchange

import (
	"context"
	"math"
	"slices"
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
// workers (recalcBatch), only the bookkeeping after it running in order.
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
	ar := e.ar
	h := &e.heap
	h.ar = ar
	// the round's tables, with room to spare: the next round's list is
	// about as long, a little longer or shorter
	if cap(h.items) < len(list) {
		h.items = lineUp(make([]heapItem[T], 0, roomy(len(list))+arity))
	}
	h.items = h.items[:0]
	// byIssue[slot(a, k, 0)]: the exchanges where a supplies k;
	// byIssue[slot(a, k, 1)]: those where a demands k; each in list order,
	// each carved from refs with room for the candidates round counted
	slot := func(a, k int32, demand int) int { return e.slot(int(a), int(k), demand) }
	if n := 2 * e.nA * e.nK; cap(e.byIssue) < n {
		e.byIssue = make([][]int32, n)
	}
	if cap(h.at) < len(list)+1 {
		h.at = make([]int32, roomy(len(list)+1))
	}
	h.at = h.at[:len(list)+1] // at[len(list)]: the left items' (exchHeap.gone)
	h.gone, h.dead = int32(len(list)), 0
	if n := 4 * len(list); len(e.refs) < n {
		e.refs = make([]int32, roomy(n))
	}
	byIssue := e.byIssue[:2*e.nA*e.nK]
	off := 0
	for i, n := range e.slots[:len(byIssue)] {
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
		aff = aff[:0]
		n := 0
		for _, l := range lists {
			// every entry is written and the live ones counted, without
			// a branch: which have left follows no pattern
			refs, k := byIssue[l], 0
			for _, r := range refs {
				refs[k] = r
				k += int(bit(h.at[r] >= 0))
			}
			byIssue[l] = refs[:k]
			n += k
		}
		if n <= stampedMerge {
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
		changed = changed[:0]
		// a large batch is recalculated in parallel first, its outcomes
		// read below, so that the exchanges left as they were are not
		// visited again (at 200 actors × 10 issues each visit is a cache
		// miss); a small one is recalculated as it is read
		var batch []uint8
		if n := min(len(e.forks), len(aff)/e.perWorker); n > 1 {
			batch = e.recalcBatch(aff, R, n)
		} else if len(aff) > stampedMerge {
			e.warmth += warm(aff)
		}
		for i, E := range aff {
			var st uint8
			if batch != nil {
				st = batch[i]
			} else {
				st = e.recalcOne(E, R)
			}
			switch st {
			case recalcLeft:
				h.leave(E.order)
			case recalcMoved:
				changed = append(changed, E)
			}
		}
		// new positions (see above), given in old list order: the heap
		// still holds the old keys and positions
		slices.SortFunc(changed, func(a, b *exch[T]) int { return h.cmp(item(a), item(b)) })
		if int64(high)+int64(len(changed)) > int64(h.maxPos) || int64(low)-int64(len(changed)) < -int64(h.maxPos) {
			low, high = h.renumber()
		}
		for _, E := range changed {
			if it := item(E); ar.cmp(E.key, it.key) > 0 {
				it.pos, high = high, high+1
			}
		}
		for n := len(changed) - 1; n >= 0; n-- {
			if it := item(changed[n]); ar.cmp(changed[n].key, it.key) < 0 {
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
// of recalcBatch's goroutines for its part, so that the lines are read
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

// perWorker is the fewest exchanges of a batch (the exchanges of a
// realised exchange's two actors) that selectByHeap gives each goroutine
// when it recalculates them on several: a batch smaller than twice this
// is recalculated on the calling goroutine, as starting others would cost
// more than it saves. At 200 actors × 10 issues on 2 cores, one batch in
// two has fewer than 256 exchanges, and a forecast took 3.2–3.3 s when
// batches of 64, 128 or 256 on were shared, 3.5 s from 1,024, 3.9 s from
// 2,048 and 4.4 s with none shared.
const perWorker = 128

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
		slab := w.slab
		*w = *e
		w.forks, w.recalced, w.failed = nil, nil, nil
		w.slab = slab
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

// recalcBatch is recalcOne(E, R) for every E of aff, on n ≤ e.workers
// goroutines, each taking a contiguous part of aff in order; the result
// holds the outcomes in aff order. A recalculation writes only to its own
// exchange (never to R, another exchange, the heap or the engine but for
// its failure records), so the exchanges come out as the sequential loop
// leaves them, bit for bit; of the workers' failures, the first in aff
// order is kept, as the sequential loop keeps the first.
func (e *engine[T, A]) recalcBatch(aff []*exch[T], R *exch[T], n int) []uint8 {
	done := slices.Grow(e.recalced[:0], len(aff))[:len(aff)]
	e.recalced = done
	e.batches++
	parallel.Run(n, func(g int) {
		w := e.forks[g]
		lo, hi := g*len(aff)/n, (g+1)*len(aff)/n
		w.warmth += warm(aff[lo:hi]) // on the core that reads them
		for i := lo; i < hi; i++ {
			done[i] = w.recalcOne(aff[i], R)
		}
	})
	e.joinForks(n)
	return done
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
// actors × 10 issues, 225,000 candidates a round).
func (e *engine[T, A]) calcList(list []*exch[T]) {
	cs := e.newCand[:len(list)]
	n := min(len(e.forks), len(list)/listPerWorker)
	if n < 2 {
		for i, ex := range list {
			e.initExchange(ex, cs[i])
			e.calculate(ex)
		}
		return
	}
	parallel.Run(n, func(g int) {
		w := e.forks[g]
		lo, hi := g*len(list)/n, (g+1)*len(list)/n
		for i, ex := range list[lo:hi] {
			w.initExchange(ex, cs[lo+i])
			w.calculate(ex)
		}
	})
	e.joinForks(n)
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
	h.items[h.at[o]].order = h.gone
	h.at[o] = -1
	h.dead++
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
