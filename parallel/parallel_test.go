package parallel

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
)

// Every worker runs once with its own index; one worker runs as f(0).
func TestRunCallsEveryWorker(t *testing.T) {
	var seen [5]atomic.Int32
	Run(len(seen), func(g int) { seen[g].Add(1) })
	for g := range seen {
		if n := seen[g].Load(); n != 1 {
			t.Errorf("worker %d ran %d times, want 1", g, n)
		}
	}
	var one []int
	Run(1, func(g int) { one = append(one, g) })
	if len(one) != 1 || one[0] != 0 {
		t.Errorf("Run(1) called %v, want [0]", one)
	}
}

// A worker's panic reaches the caller as a *Panic carrying its value,
// after the other workers have finished (so none is left running).
func TestRunPanicReachesCaller(t *testing.T) {
	var done atomic.Int32
	cause := errors.New("boom")
	var got any
	func() {
		defer func() { got = recover() }()
		Run(4, func(g int) {
			if g == 2 {
				panic(cause)
			}
			done.Add(1)
		})
	}()
	var alone any
	func() {
		defer func() { alone = recover() }()
		Run(1, func(int) { panic(cause) })
	}()
	if p, ok := alone.(*Panic); !ok || p.Value != cause || len(p.Stack) == 0 {
		t.Errorf("Run(1) panicked with %T %v, want a *Panic of %v with its stack", alone, alone, cause)
	}
	p, ok := got.(*Panic)
	if !ok {
		t.Fatalf("recovered %T %v, want *Panic", got, got)
	}
	if p.Value != cause {
		t.Errorf("value %v, want %v", p.Value, cause)
	}
	if p.Error() != "worker panicked: boom" {
		t.Errorf("Error() = %q", p.Error())
	}
	if len(p.Stack) == 0 {
		t.Error("no stack")
	}
	if n := done.Load(); n != 3 {
		t.Errorf("%d other workers finished, want 3", n)
	}
	// worker 0, the calling goroutine's, panics the same way, and the
	// others still finish first
	done.Store(0)
	got = nil
	func() {
		defer func() { got = recover() }()
		Run(4, func(g int) {
			if g == 0 {
				panic(cause)
			}
			done.Add(1)
		})
	}()
	if p, ok := got.(*Panic); !ok || p.Value != cause || len(p.Stack) == 0 {
		t.Errorf("worker 0's panic reached the caller as %T %v, want a *Panic of %v with its stack", got, got, cause)
	}
	if n := done.Load(); n != 3 {
		t.Errorf("%d other workers finished before worker 0's panic reached the caller, want 3", n)
	}
}

// Each calls every index once, on workers numbered below the count asked
// for, and starts none once its context is done.
func TestEach(t *testing.T) {
	var calls [100]atomic.Int32
	var badWorker atomic.Bool
	Each(context.Background(), 4, len(calls), func(w, i int) {
		if w < 0 || w >= 4 {
			badWorker.Store(true)
		}
		calls[i].Add(1)
	})
	for i := range calls {
		if n := calls[i].Load(); n != 1 {
			t.Errorf("index %d called %d times, want 1", i, n)
		}
	}
	if badWorker.Load() {
		t.Error("a worker index outside 0…3")
	}
	ctx, cancel := context.WithCancel(context.Background())
	var after atomic.Int32
	Each(ctx, 1, 10, func(_, i int) {
		if i == 3 {
			cancel()
		} else if i > 3 {
			after.Add(1)
		}
	})
	if n := after.Load(); n != 0 {
		t.Errorf("%d indexes started after the context was done, want 0", n)
	}
}

// Tally tells the running count, one call at a time, so that it rises by
// the steps added in each call, up to the total, from any number of
// goroutines; with no one to tell it does nothing.
func TestTally(t *testing.T) {
	var told []int
	add := Tally(300, func(done, total int) {
		if total != 300 {
			t.Errorf("total %d, want 300", total)
		}
		told = append(told, done)
	})
	Each(context.Background(), 4, 200, func(_, i int) { add(1 + i%2) })
	if len(told) != 200 || told[199] != 300 {
		t.Fatalf("%d calls ending at %v, want 200 ending at 300", len(told), told[len(told)-1])
	}
	for n := 1; n < len(told); n++ {
		if d := told[n] - told[n-1]; d != 1 && d != 2 {
			t.Fatalf("the count went from %d to %d", told[n-1], told[n])
		}
	}
	Tally(1, nil)(1)
}

// A worker 0 that ends its goroutine (runtime.Goexit, as t.FailNow does)
// ends the caller's, which Run's deferred wait still holds until the
// other workers have finished: none is left running past it. Run waited
// only after f(0) returned, which runtime.Goexit skips.
func TestRunWaitsOnGoexit(t *testing.T) {
	const n = 4
	var done atomic.Int32
	release := make(chan struct{})
	atEnd := make(chan int32)
	go func() {
		defer func() { atEnd <- done.Load() }()
		Run(n, func(g int) {
			if g == 0 {
				close(release)
				runtime.Goexit()
			}
			<-release
			done.Add(1)
		})
		t.Error("Run returned after worker 0 called runtime.Goexit")
	}()
	if got := <-atEnd; got != n-1 {
		t.Errorf("%d of the other %d workers had finished when Run's goroutine ended, want all", got, n-1)
	}
}
