package parallel

import (
	"errors"
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
}
