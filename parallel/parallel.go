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
	"fmt"
	"runtime/debug"
	"sync"
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

// Run calls f(0), …, f(n−1), each on its own goroutine, and returns when
// all have returned. If any panicked, Run panics with a *Panic holding the
// first worker's value, after the others have finished. With n ≤ 1 it
// calls f(0) on the calling goroutine (a panic still comes as a *Panic),
// so that a caller given one worker pays for no goroutine.
func Run(n int, f func(worker int)) {
	if n <= 1 {
		func() {
			defer func() {
				if r := recover(); r != nil {
					panic(&Panic{Value: r, Stack: debug.Stack()})
				}
			}()
			f(0)
		}()
		return
	}
	var wg sync.WaitGroup
	var once sync.Once
	var first *Panic
	for g := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { first = &Panic{Value: r, Stack: debug.Stack()} })
				}
			}()
			f(g)
		}()
	}
	wg.Wait()
	if first != nil {
		panic(first)
	}
}
