// Package fuzzbudget makes a fuzz target fail when one input costs more
// than a budget that grows with the input's size, so that fuzzing finds
// inputs whose cost explodes (quadratic loops, alias expansion, error
// lists without a cap: issue 14), not only crashes.
//
// Two costs are measured around the call:
//
//   - bytes allocated (runtime.MemStats.TotalAlloc), always: deterministic
//     for a given input, so a seed corpus run by go test checks it too;
//   - wall time, only while fuzzing (go test -fuzz), where a slow input is
//     what the fuzzer is for; a plain go test never asserts a time. An
//     input still running at twice its time budget crashes the worker, so
//     the fuzzer saves it (an endless input would otherwise stall it).
package fuzzbudget

import (
	"flag"
	"fmt"
	"runtime"
	"testing"
	"time"
)

// Budget is what one input may cost: Fixed plus PerByte times its size.
type Budget struct {
	// FixedBytes and BytesPerByte bound the bytes allocated.
	FixedBytes, BytesPerByte uint64
	// FixedTime and TimePerByte bound the wall time while fuzzing.
	FixedTime, TimePerByte time.Duration
}

// Check runs f on an input of size bytes and fails t when it allocated or
// (while fuzzing) took more than b allows.
func Check(t testing.TB, b Budget, size int, f func()) {
	t.Helper()
	maxTime := b.FixedTime + b.TimePerByte*time.Duration(size)
	if fuzzing() {
		// An input that never ends must fail too: the fuzzer saves the
		// input of a crashed worker, so crash it.
		timer := time.AfterFunc(2*maxTime, func() {
			panic(fmt.Sprintf("fuzzbudget: one input of %d bytes still running after %v, twice its budget of %v", size, 2*maxTime, maxTime))
		})
		defer timer.Stop()
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	n := uint64(size)
	if alloc, max := after.TotalAlloc-before.TotalAlloc, b.FixedBytes+b.BytesPerByte*n; alloc > max {
		t.Fatalf("one input of %d bytes allocated %d bytes, over the budget of %d (%d + %d per byte)", size, alloc, max, b.FixedBytes, b.BytesPerByte)
	}
	if fuzzing() && took > maxTime {
		t.Fatalf("one input of %d bytes took %v, over the budget of %v (%v + %v per byte)", size, took, maxTime, b.FixedTime, b.TimePerByte)
	}
}

// fuzzing reports whether go test runs the fuzzer (-fuzz given).
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}
