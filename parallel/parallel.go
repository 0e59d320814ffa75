// Package parallel runs work on several goroutines so that a panic in
// one of them reaches the caller instead of ending the process.
//
// A panic in a goroutine cannot be recovered by the code that started it:
// it ends the whole program. The server runs models inside requests and
// jobs, whose goroutines recover panics into a 500 or a failed run; the
// models' own worker goroutines would escape that. Workers started through
// Run recover a panic, and Run panics again with it in the caller's
// goroutine once every worker has stopped, where the caller's recovery
// sees it.
package parallel

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// Panic is what Run panics with when a worker panicked: the worker's
// value and its stack at the panic.
type Panic struct {
	Value any
	Stack []byte
}

// Error says what panicked, so that a recovery printing the value with
// %v shows the worker's own message.
func (p *Panic) Error() string { return fmt.Sprintf("worker panicked: %v", p.Value) }

// Run calls f(0), …, f(n−1) and returns when all have returned: f(0) on
// the calling goroutine, each of the others on its own. If any panicked,
// Run panics with a *Panic holding the first worker's value, after the
// others have finished. An f(0) that ends the calling goroutine
// (runtime.Goexit) ends it only once the others have returned, and then
// no worker's panic is raised: the goroutine that would see it is
// ending. With n ≤ 1 it calls f(0) alone, so that a caller given one
// worker pays for no goroutine.
//
// The caller works as worker 0 rather than waiting for n goroutines: a
// model that runs thousands of short parallel steps (the exchange
// model's recalculations at 200 actors × 10 issues, ≈ 13,000 a
// forecast) then starts one goroutine fewer a step, and does not sleep
// and wake again when its part ends after the others'.
func Run(n int, f func(worker int)) {
	var once sync.Once
	var first *Panic
	call := func(g int) {
		defer func() {
			if r := recover(); r != nil {
				once.Do(func() { first = &Panic{Value: r, Stack: debug.Stack()} })
			}
		}()
		f(g)
	}
	var wg sync.WaitGroup
	// The wait is deferred: an f(0) that ends the caller's goroutine
	// (runtime.Goexit, as t.FailNow does) skips what follows call(0),
	// not the other workers' end.
	defer wg.Wait()
	for g := 1; g < n; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			call(g)
		}()
	}
	call(0)
	wg.Wait()
	if first != nil {
		panic(first)
	}
}

// Each calls do(w, i) for every i in 0 … n−1 on min(workers, n) workers
// (Run), each taking the next i in turn; w is the calling worker's index,
// so a worker can keep tables of its own in a slice indexed by it. Once
// ctx is done no further i is started. For the outcome not to depend on
// the number of workers, each call writes only what belongs to its i (or
// to its worker's tables).
func Each(ctx context.Context, workers, n int, do func(worker, i int)) {
	var next atomic.Int64
	Run(min(workers, n), func(w int) {
		for {
			i := int(next.Add(1) - 1)
			if i >= n || ctx.Err() != nil {
				return
			}
			do(w, i)
		}
	})
}

// Tally returns what workers call as they finish k more of total steps:
// it tells tell the steps done so far of total, one call at a time, so
// that the count tell is told only rises (a progress bar, a job's
// progress). With tell nil it does nothing.
func Tally(total int, tell func(done, total int)) func(k int) {
	if tell == nil {
		return func(int) {}
	}
	var mu sync.Mutex
	done := 0
	return func(k int) {
		mu.Lock()
		defer mu.Unlock()
		done += k
		tell(done, total)
	}
}
