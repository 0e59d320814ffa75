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
	// for another's making of k.
	waiting func(k K)
}

// flight is one making, shared by the requests that ask for its key
// while it runs; done is closed once v and err are set.
type flight[V any] struct {
	done chan struct{}
	v    V
	err  error
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
// A making, once started, runs to its end even if its own request's
// client goes away meanwhile: others may be waiting for it, or be about
// to ask (readers of a scenario after a restart, or after an edit), and
// a making cut short would only be made again by the next request —
// the makings (a stored scenario's load, a case's resolution, an
// encoding) take no ctx and cannot stop halfway anyway. It runs in the
// caller's goroutine, not one of its own, so that it belongs to a
// handler: the server's Shutdown waits for it, and a panic in it
// reaches the handler's recovery (a 500). The requests waiting get
// kp.failed(k) then, and nothing is kept, so the next request makes it
// afresh rather than wait for ever.
func (g *flights[K, V]) do(ctx context.Context, k K, kp keeper[K, V], build func() (V, error)) (V, error) {
	var zero V
	g.mu.Lock()
	if v, ok := kp.made(k); ok {
		g.mu.Unlock()
		return v, nil
	}
	if f := g.m[k]; f != nil {
		g.mu.Unlock()
		if g.waiting != nil {
			g.waiting(k)
		}
		return f.wait(ctx)
	}
	if err := ctx.Err(); err != nil {
		g.mu.Unlock()
		return zero, err
	}
	if g.m == nil {
		g.m = map[K]*flight[V]{}
	}
	f := &flight[V]{done: make(chan struct{})}
	g.m[k] = f
	g.mu.Unlock()
	built := false
	defer func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		if built {
			kp.keepMade(k, f.v, f.err)
		} else {
			// build panicked; the panic goes on to the caller.
			f.v, f.err = zero, kp.failed(k)
		}
		delete(g.m, k)
		close(f.done)
	}()
	f.v, f.err = build()
	built = true
	return f.v, f.err
}

// wait returns what f made once it has, or ctx's error as soon as ctx
// is done first. A making already over is returned even to a request
// whose ctx is done.
func (f *flight[V]) wait(ctx context.Context) (V, error) {
	select {
	case <-f.done:
		return f.v, f.err
	default:
	}
	select {
	case <-f.done:
		return f.v, f.err
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}
