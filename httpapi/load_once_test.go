package httpapi

import (
	"context"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"parley/store"
	"parley/store/bolt"
)

// heldReads holds the first read of a stored scenario's file until
// release is closed, saying on started that it has begun, and counts
// the reads.
type heldReads struct {
	store.Store
	started, release chan struct{}
	reads            atomic.Int64
}

func (h *heldReads) GetScenario(ctx context.Context, id string) (*store.Scenario, error) {
	if h.reads.Add(1) == 1 {
		close(h.started)
		<-h.release
	}
	return h.Store.GetScenario(ctx, id)
}

// A reader waiting for another's load of a stored scenario stops
// waiting when its client leaves, with its context's error, as it did
// before loads and what is made from a loaded scenario shared one
// mechanism (flights); the load goes on, and the reader that started it
// and another waiting get the one scenario it loaded, read once, which
// a later reader finds cached.
func TestLoadWaiterLeaves(t *testing.T) {
	ctx := context.Background()
	db, err := bolt.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rec := &store.Scenario{Name: "small", Format: "yaml", Body: []byte(BigScenario(3, 2, 1, 1))}
	if err := db.CreateScenario(ctx, rec, 0); err != nil {
		t.Fatal(err)
	}
	held := &heldReads{Store: db, started: make(chan struct{}), release: make(chan struct{})}
	s, err := New(ctx, Options{Store: held})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	waiting := make(chan flightKey)
	s.cache.loading.waiting = func(k flightKey) { waiting <- k }
	released := false
	defer func() {
		if !released {
			close(held.release) // a failure left the load held up
		}
	}()
	type got struct {
		st  *stored
		err error
	}
	load := func(ctx context.Context) chan got {
		ch := make(chan got, 1)
		go func() {
			st, err := s.load(httptest.NewRequest("GET", "/api/scenarios/"+rec.ID, nil).WithContext(ctx), rec.ID)
			ch <- got{st, err}
		}()
		return ch
	}
	first := load(ctx)
	<-held.started
	leaverCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	leaving := load(leaverCtx)
	if k := <-waiting; k.id != rec.ID || k.version != 1 {
		t.Fatalf("waited for the load of %+v", k)
	}
	staying := load(ctx)
	<-waiting

	cancel()
	select {
	case g := <-leaving:
		if g.st != nil || !errors.Is(g.err, context.Canceled) {
			t.Errorf("the reader that left: %v, %v; want its context's error", g.st, g.err)
		}
	case <-time.After(time.Minute): // bounds a failure, never a passing run
		t.Fatal("a reader whose client left still waits for the load")
	}
	select {
	case g := <-first:
		t.Fatalf("the load ended (%v) before its read was released", g.err)
	case g := <-staying:
		t.Fatalf("the other reader waiting stopped waiting (%v)", g.err)
	default:
	}

	released = true
	close(held.release)
	a, b := <-first, <-staying
	if a.err != nil || b.err != nil || a.st == nil || a.st != b.st || a.st.rec.ID != rec.ID || a.st.in == nil {
		t.Fatalf("the readers of one load: %v, %v; %v, %v; want the one scenario it loaded", a.st, a.err, b.st, b.err)
	}
	later := <-load(ctx)
	if later.err != nil || later.st != a.st {
		t.Errorf("a later reader: %v, %v; want the cached scenario", later.st, later.err)
	}
	if n := held.reads.Load(); n != 1 {
		t.Errorf("the stored file was read %d times, want once", n)
	}
}
