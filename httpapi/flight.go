package httpapi

import (
	"context"
	"sync"
)

// flights makes a value once per key for the requests that ask for it
// at the same time: the first to ask makes it, and the others wait for
// it and share it, its error too — each only as long as its own request
// lasts. It is the one mechanism behind the loading of a stored scenario
// (cache.loading) and what is made from a loaded one (stored.building,
// memo.go). What is made is kept elsewhere, by a keeper, which flights
// consults and fills under its own lock, in the same step as a making
// starts or is forgotten, so that no request misses both what is kept
// and the making of it. The zero value is ready to use.
type flights[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]*flight[V]
	// waiting, when set (tests), is called as a request starts waiting
	// for another's making of k; left, as a request that wanted a
	// stoppable making of k leaves before it ends, with how many still
	// want it.
	waiting func(k K)
	left    func(k K, wanted int)
}

// flight is one making, shared by the requests that ask for its key
// while it runs; done is closed once v and err are set. A stoppable
// making (doStoppable) also counts the requests that want it — the one
// making it and those waiting — and stop cancels its context once the
// last has left; it is then abandoned: no longer shared, and not kept.
type flight[V any] struct {
	done      chan struct{}
	v         V
	err       error
	wanted    int
	stop      context.CancelFunc
	abandoned bool
}

// keeper keeps what flights make. flights calls its methods with its
// lock held.
type keeper[K comparable, V any] interface {
	// made returns what is kept under k, if anything.
	made(k K) (V, bool)
	// keepMade keeps what the making of k made and its error (it may
	// keep nothing: a value over a budget, an error not worth keeping).
	keepMade(k K, v V, err error)
	// failed is the error the requests waiting for the making of k get
	// when that making panicked.
	failed(k K) error
}

// do returns what kp keeps under k; else what the making of k under way
// makes; else what build makes now, in the caller's goroutine, which kp
// then keeps and the requests that asked meanwhile share.
//
// A request that waits for another's making stops waiting when its ctx
// is done, with ctx's error: its client has gone, and nothing it would
// be given could reach it. A request whose ctx is already done when it
// would make the value makes nothing, for the same reason.
//
// A making by do, once started, runs to its end even if its own
// request's client goes away meanwhile: others may be waiting for it, or
// be about to ask (readers of a scenario after a restart, or after an
// edit), and a making cut short would only be made again by the next
// request — these makings (a stored scenario's load, a case's
// resolution, an encoding) take no ctx and cannot stop halfway anyway.
// A making that can stop, and is long enough to be worth stopping, is
// made by doStoppable instead. Either runs in the caller's goroutine,
// not one of its own, so that it belongs to a handler: the server's
// Shutdown waits for it, and a panic in it reaches the handler's
// recovery (a 500). The requests waiting get kp.failed(k) then, and
// nothing is kept, so the next request makes it afresh rather than wait
// for ever.
func (g *flights[K, V]) do(ctx context.Context, k K, kp keeper[K, V], build func() (V, error)) (V, error) {
	return g.run(ctx, k, kp, false, func(context.Context) (V, error) { return build() })
}

// doStoppable is do for a making that stops when its context is done (a
// brief's runs, the evidence's reading of its sources): build's context
// is done once no request wants what it makes any more — the one making
// it and every one that came to wait for it have left, whichever left
// last — not when the first of them leaves, since the others still wait
// for it. A making so stopped is abandoned: a request asking for k
// afterwards starts a making of its own rather than join one that is
// stopping, and what the abandoned one made is not kept (cut short, it
// says nothing of what it would have made). Its request's own deadline
// is not build's: build bounds itself (runInline's --inline-timeout).
func (g *flights[K, V]) doStoppable(ctx context.Context, k K, kp keeper[K, V], build func(ctx context.Context) (V, error)) (V, error) {
	return g.run(ctx, k, kp, true, build)
}

// run is do (stoppable false) and doStoppable.
func (g *flights[K, V]) run(ctx context.Context, k K, kp keeper[K, V], stoppable bool, build func(context.Context) (V, error)) (V, error) {
	var zero V
	g.mu.Lock()
	if v, ok := kp.made(k); ok {
		g.mu.Unlock()
		return v, nil
	}
	if f := g.m[k]; f != nil {
		f.wanted++
		g.mu.Unlock()
		if g.waiting != nil {
			g.waiting(k)
		}
		return g.wait(ctx, k, f)
	}
	if err := ctx.Err(); err != nil {
		g.mu.Unlock()
		return zero, err
	}
	if g.m == nil {
		g.m = map[K]*flight[V]{}
	}
	f := &flight[V]{done: make(chan struct{}), wanted: 1}
	mctx := context.WithoutCancel(ctx)
	if stoppable {
		mctx, f.stop = context.WithCancel(mctx)
		defer f.stop()
		// Its own request leaving counts as a waiter's does.
		defer context.AfterFunc(ctx, func() { g.leave(k, f) })()
	}
	g.m[k] = f
	g.mu.Unlock()
	built := false
	defer func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		switch {
		case !built:
			// build panicked; the panic goes on to the caller.
			f.v, f.err = zero, kp.failed(k)
		case !f.abandoned:
			kp.keepMade(k, f.v, f.err)
		}
		if g.m[k] == f {
			delete(g.m, k)
		}
		close(f.done)
	}()
	f.v, f.err = build(mctx)
	built = true
	return f.v, f.err
}

// leave counts off one request that wanted f, the making of k, and
// stops f once none wants it (a stoppable making not yet over).
func (g *flights[K, V]) leave(k K, f *flight[V]) {
	g.mu.Lock()
	f.wanted--
	wanted := f.wanted
	if wanted == 0 && f.stop != nil && !f.abandoned {
		select {
		case <-f.done:
		default:
			f.abandoned = true
			if g.m[k] == f {
				delete(g.m, k)
			}
			f.stop()
		}
	}
	g.mu.Unlock()
	if g.left != nil && f.stop != nil {
		g.left(k, wanted)
	}
}

// wait returns what f, the making of k, made once it has, or ctx's
// error as soon as ctx is done first, leaving f (leave). A making
// already over is returned even to a request whose ctx is done.
func (g *flights[K, V]) wait(ctx context.Context, k K, f *flight[V]) (V, error) {
	select {
	case <-f.done:
		return f.v, f.err
	default:
	}
	select {
	case <-f.done:
		return f.v, f.err
	case <-ctx.Done():
		g.leave(k, f)
		var zero V
		return zero, ctx.Err()
	}
}
