package httpapi

import (
	"container/list"
	"context"

	"parley/answer"
	"parley/errs"
)

// What is made from a cached scenario — the cases (snapshot × variant)
// runs are asked on, the encoded answers of its reads (GET
// /api/scenarios/{id}, …/resolved) — is kept with it, made once for
// the requests that ask for it meanwhile, and bounded with every cached
// scenario's: the least recently used is dropped past maxMemoBytes of
// estimated memory in all. N readers of a large scenario had each
// encoded their own copy of its JSON, with no bound on how many at once.

// maxMemoBytes bounds the estimated memory of what the cache keeps made
// from its scenarios (memoEntry.size), all scenarios together; an entry
// over it on its own is not kept.
const maxMemoBytes = 256 << 20

// minMemoSize is the least an entry counts: its bookkeeping.
const minMemoSize = 256

// memoKey names one thing made from a stored scenario: what (case, the
// case at the target; view, the encoded GET; resolved, the encoded GET
// …/resolved; export …, a GET …/export with its format and issue;
// brief, the brief's content) at which target.
type memoKey struct {
	what   string
	target answer.Target
}

// memoEntry is one thing kept: its value or the error making it gave,
// and its estimated memory in bytes.
type memoEntry struct {
	st   *stored
	key  memoKey
	v    any
	err  error
	size int64
}

// memoize returns what build makes of st under k: made once for the
// requests that ask for k meanwhile (they wait for it and share it,
// error too, each as long as its ctx lasts: flights), and kept while st
// is cached and the budget allows. A request for another key of st does
// not wait for it: st's lock was held while anything was made from st,
// so resolving one snapshot of a large scenario held up every read of
// the scenario. build returns the value, its estimated memory in bytes,
// and its error (kept too). The error memoize returns is build's, or
// ctx's when it ended first, or an internal error when build panicked.
//
// An error build wraps in notKept is not kept: the requests waiting for
// the making get it, and the next request makes the value afresh (a run
// that ran out of time, or found the server busy, says nothing of what
// it would make).
func (st *stored) memoize(ctx context.Context, k memoKey, build func() (any, int64, error)) (any, error) {
	return st.memoizeOf(ctx, k, false, func(context.Context) (any, int64, error) { return build() })
}

// memoizeStoppable is memoize for a making that stops when its context
// is done: build's context is done once no request waits for what it
// makes any more (flights.doStoppable), and what it made then is not
// kept.
func (st *stored) memoizeStoppable(ctx context.Context, k memoKey, build func(ctx context.Context) (any, int64, error)) (any, error) {
	return st.memoizeOf(ctx, k, true, build)
}

// memoizeOf is memoize (stoppable false) and memoizeStoppable.
func (st *stored) memoizeOf(ctx context.Context, k memoKey, stoppable bool, build func(ctx context.Context) (any, int64, error)) (any, error) {
	mk := func(ctx context.Context) (*memoEntry, error) {
		v, size, err := build(ctx)
		if nk, ok := err.(notKept); ok {
			return nil, nk.error
		}
		// The key's names and the error's message are the client's to
		// make long (a snapshot named in 60 kB): they count too.
		size += int64(len(k.what) + len(k.target.Snapshot) + len(k.target.Variant))
		if err != nil {
			size += int64(len(err.Error()))
		}
		return &memoEntry{st: st, key: k, v: v, err: err, size: max(size, minMemoSize)}, nil
	}
	var e *memoEntry
	var err error
	if stoppable {
		e, err = st.building.doStoppable(ctx, k, st, mk)
	} else {
		e, err = st.building.do(ctx, k, st, func() (*memoEntry, error) { return mk(ctx) })
	}
	if err != nil {
		return nil, err
	}
	return e.v, e.err
}

var _ keeper[memoKey, *memoEntry] = (*stored)(nil)

// made returns what is kept of st under k (keeper).
func (st *stored) made(k memoKey) (*memoEntry, bool) {
	e := st.cache.hit(st, k)
	return e, e != nil
}

// notKept is an error of a making that memoize does not keep.
type notKept struct{ error }

// keepMade keeps e, when the budget allows (keeper); a making that
// failed with an error not kept (notKept) keeps nothing.
func (st *stored) keepMade(_ memoKey, e *memoEntry, err error) {
	if err != nil || e == nil {
		return
	}
	st.cache.keep(e)
}

// failed is what the requests waiting for a making of k that panicked
// get (keeper); the handler's recovery answers the request that made it
// with a 500.
func (st *stored) failed(k memoKey) error {
	return errs.New(errs.Internal, "making %s of stored scenario %s failed", k.what, st.rec.ID)
}

// hit returns what is kept of st under k, most recently used now; nil
// when nothing is.
func (c *cache) hit(st *stored, k memoKey) *memoEntry {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el := st.memo[k]
	if el == nil {
		return nil
	}
	c.lru.MoveToFront(el)
	return el.Value.(*memoEntry)
}

// keep keeps e when its scenario is still cached, dropping the least
// recently used entries of any scenario until it fits; an entry over the
// whole budget is not kept.
func (c *cache) keep(e *memoEntry) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	st := e.st
	if c.m[st.rec.ID] != st || e.size > c.memoMax {
		return
	}
	// One entry a key: one kept already (only a making that overlapped
	// another could bring a second) gives way, so that it is neither
	// left in the list nor counted twice.
	if old, ok := st.memo[e.key]; ok {
		c.forget(old)
	}
	for c.memoBytes+e.size > c.memoMax {
		c.forget(c.lru.Back())
	}
	if st.memo == nil {
		st.memo = map[memoKey]*list.Element{}
	}
	st.memo[e.key] = c.lru.PushFront(e)
	c.memoBytes += e.size
}

// forget drops one entry (c.mu held).
func (c *cache) forget(el *list.Element) {
	e := c.lru.Remove(el).(*memoEntry)
	delete(e.st.memo, e.key)
	c.memoBytes -= e.size
}

// drop forgets everything made from st (c.mu held), as st leaves the
// cache: an entry may refer to st's loaded scenario, which would
// otherwise stay in memory past the cache's bound.
func (c *cache) drop(st *stored) {
	for _, el := range st.memo {
		c.forget(el)
	}
}

// encoded is v as JSON with a final newline (encodeJSON, as writeJSON writes it),
// made once for st under k and kept (memoize); its size is its bytes.
// s.encoding, when set (tests), is called at each encoding.
func (s *Server) encoded(ctx context.Context, st *stored, k memoKey, v func() (any, error)) ([]byte, error) {
	b, err := st.memoize(ctx, k, func() (any, int64, error) {
		if s.encoding != nil {
			s.encoding()
		}
		x, err := v()
		if err != nil {
			return nil, 0, err
		}
		b, err := encodeJSON(x)
		if err != nil {
			return nil, 0, errs.Wrap(errs.Internal, err)
		}
		return b, int64(len(b)), nil
	})
	if err != nil {
		return nil, err
	}
	return b.([]byte), nil
}

// made is what build makes of st under k, made once and kept
// (memoize): an answer that is not JSON (an export), or whose making
// must be counted. s.making, when set (tests), is called with k.what at
// each making.
func (s *Server) made(ctx context.Context, st *stored, k memoKey, build func() (any, int64, error)) (any, error) {
	return st.memoize(ctx, k, func() (any, int64, error) {
		if s.making != nil {
			s.making(k.what)
		}
		return build()
	})
}

// madeWhileWanted is made for a making that runs within a request and
// stops when its context is done (the brief, the evidence read from the
// sources): build's context is done once no request waits for it any
// more (memoizeStoppable), and what it made then is not kept. It runs
// to its end (or its own deadline) while any request still waits.
func (s *Server) madeWhileWanted(ctx context.Context, st *stored, k memoKey, build func(ctx context.Context) (any, int64, error)) (any, error) {
	return st.memoizeStoppable(ctx, k, func(ctx context.Context) (any, int64, error) {
		if s.making != nil {
			s.making(k.what)
		}
		return build(ctx)
	})
}
