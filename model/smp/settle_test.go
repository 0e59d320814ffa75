package smp

import (
	"context"
	"math/rand/v2"
	"testing"
)

// TestLeanStateBeforeLast: a lean run with settle set gives, bit for bit,
// the last state and mean of the full run and, as trace.before, the mean
// of its state before the last (the full run's mean[T−2]), with the
// cycle shortcut on (the full run takes every step). Random problems as
// in TestCycleShortcutChangesNothing, stopping by KTAB's rule, at a
// MaxRounds of 1, 2 or 7, or after 1, 37 or 40 steps. The test counts the
// runs that cycled between two different states before their end, by
// the parity of the steps left (the run ends on the state the cycle
// reached, or on the one before it, whose roles finishCycle swaps), so
// that it cannot pass without both.
func TestLeanStateBeforeLast(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 20))
	var cycled [2]int // by the parity of the steps left after the cycle is found
	for c := range 300 {
		n, d := 3+c%4, 1+(c%5)/4
		cs, s, x := randomProblem(r, n, d, 100)
		for _, rm := range [][2]int{{0, 100}, {0, 1}, {0, 2}, {0, 7}, {1, 100}, {37, 100}, {40, 100}} {
			rounds, maxRounds := rm[0], rm[1]
			run := func(noCycle, lean, settle bool) *trace {
				e := newEngine(Model{}, cs, s, x, n, d)
				e.noCycle, e.settle = noCycle, settle
				tr, err := e.runTrace(context.Background(), rounds, maxRounds, lean)
				if err != nil {
					t.Fatal(err)
				}
				e.release()
				return tr
			}
			full := run(true, false, false)
			T := len(full.pos)
			if T < 2 {
				t.Fatalf("problem %d: %d states", c, T)
			}
			if it := firstRepeat(full.pos); it > 0 && it < T-1 && !sameBits(full.pos[it], full.pos[it-1]) {
				cycled[(T-1-it)%2]++
			}
			got := run(false, true, true)
			if !sameBits(got.pos[0], full.pos[T-1]) || !sameBits(got.mean[0], full.mean[T-1]) {
				t.Fatalf("problem %d (%d × %d), rounds %d, max %d: the last state differs", c, n, d, rounds, maxRounds)
			}
			if len(got.before) != d || !sameBits(got.before, full.mean[T-2]) {
				t.Fatalf("problem %d (%d × %d), rounds %d, max %d: the mean before the last is %v, the full run's %v",
					c, n, d, rounds, maxRounds, got.before, full.mean[T-2])
			}
			if lean := run(false, true, false); lean.before != nil {
				t.Fatalf("problem %d: a lean run without settle computed the state before the last", c)
			}
		}
	}
	if cycled[0] < 10 || cycled[1] < 10 {
		t.Errorf("runs that cycled before their end, ending on the state the cycle reached / on the one before: %d / %d; the shortcut is hardly tested", cycled[0], cycled[1])
	}
	t.Logf("runs that cycled, ending on the state the cycle reached / on the one before: %d / %d", cycled[0], cycled[1])
}

// firstRepeat returns the first step t ≥ 2 whose state equals, bit for
// bit, the state two steps before, or 0.
func firstRepeat(pos [][]float64) int {
	for t := 2; t < len(pos); t++ {
		if sameBits(pos[t], pos[t-2]) {
			return t
		}
	}
	return 0
}
