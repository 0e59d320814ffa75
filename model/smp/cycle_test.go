package smp

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCycleShortcutChangesNothing: a run that reaches a state equal, bit
// for bit, to the state two steps before is finished by finishCycle
// without running its remaining steps; its trace (every state's
// positions, win probabilities and mean, every ρ, the stop) and its lean
// last state are those of the run that takes every step. Random problems
// of 3–6 actors in 1 or 2 dimensions (where cycles are least rare), stopping by KTAB's rule or after a
// fixed odd or even number of steps; the test also counts how many runs
// really cycled (found in the full run's states, not by the shortcut), so
// that it cannot pass by never taking the shortcut. Progress is told of
// the last step either way.
func TestCycleShortcutChangesNothing(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 20))
	cycled := 0
	for c := range 400 {
		n, d := 3+c%4, 1+(c%5)/4
		cs, s, x := randomProblem(r, n, d, 100)
		for _, rounds := range []int{0, 37, 40} {
			told := 0 // the last step progress was told of
			run := func(noCycle, lean bool) *trace {
				e := newEngine(Model{}, cs, s, x, n, d)
				e.noCycle = noCycle
				e.progress = func(done, _ int) { told = done }
				tr, err := e.runTrace(context.Background(), rounds, 100, lean)
				if err != nil {
					t.Fatal(err)
				}
				return tr
			}
			full := run(true, false)
			if rounds == 0 && repeatsBeforeEnd(full.pos) {
				cycled++
			}
			for _, lean := range []bool{false, true} {
				want := full
				if lean {
					want = run(true, true)
				}
				got := run(false, lean)
				if !sameTrace(got, want) {
					t.Fatalf("problem %d (%d × %d), rounds %d, lean %v: the shortcut's trace differs (%d states, %q; want %d, %q)",
						c, n, d, rounds, lean, len(got.pos), got.stop, len(want.pos), want.stop)
				}
				// progress ends at the last step, written down or run
				if !lean && told != len(got.pos)-1 {
					t.Fatalf("problem %d, rounds %d: progress told of step %d last, of %d", c, rounds, told, len(got.pos)-1)
				}
			}
		}
	}
	if cycled < 20 {
		t.Errorf("only %d of 400 runs cycled: the shortcut is hardly tested", cycled)
	}
	t.Logf("%d of 400 runs cycled", cycled)
}

// repeatsBeforeEnd reports whether some state t ≥ 2 before the last
// equals state t − 2.
func repeatsBeforeEnd(pos [][]float64) bool {
	for t := 2; t < len(pos)-1; t++ {
		if sameBits(pos[t], pos[t-2]) {
			return true
		}
	}
	return false
}

func sameTrace(a, b *trace) bool {
	eq := func(x, y [][]float64) bool {
		return slices.EqualFunc(x, y, func(u, v []float64) bool { return len(u) == len(v) && sameBits(u, v) })
	}
	return a.stop == b.stop && eq(a.pos, b.pos) && eq(a.prob, b.prob) && eq(a.mean, b.mean) &&
		len(a.change) == len(b.change) && sameBits(a.change, b.change)
}

// randomProblem returns the powers (in [10, 200)), saliences (in
// [0, 1/d)) and positions (multiples of 1/grid in [0, 1], so that some
// coincide) of n random actors in d dimensions.
func randomProblem(r *rand.Rand, n, d int, grid float64) (cs, s, x []float64) {
	cs, s, x = make([]float64, n), make([]float64, n*d), make([]float64, n*d)
	for i := range n {
		cs[i] = 10 + 190*r.Float64()
		for k := range d {
			s[i*d+k] = r.Float64() / float64(d)
			x[i*d+k] = math.Round(grid*r.Float64()) / grid
		}
	}
	return cs, s, x
}
