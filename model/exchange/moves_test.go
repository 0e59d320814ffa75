package exchange

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// moveList is Decide's ExchangeActor.moves as Decide keeps it, the whole
// list: the reference the two entries a side keeps (side.sum, side.prev)
// are checked against.
type moveList []float64

// sum is Decide's sum(moves), left to right from 0.
func (l moveList) sum() float64 {
	s := 0.0
	for _, m := range l {
		s += m
	}
	return s
}

// dir is bit 0 while every move is positive, bit 1 while every one is
// negative (both for an empty list), as side.dir.
func (l moveList) dir() uint8 {
	d := uint8(3)
	for _, m := range l {
		if !(m > 0) {
			d &^= 1
		}
		if !(m < 0) {
			d &^= 2
		}
	}
	return d
}

// moveOps are the three things the engine does to a side's moves, in
// the generic engine and in its float64 specialisation.
type moveOps struct {
	push, setLast func(m float64)
	pop           func()
	read          func() (float64, uint8)
}

// TestMoveWindowEqualsList: the two entries of a side's list of moves
// that the engine keeps give, after every step, the sum and direction
// of the whole list, bit for bit, on random runs of what the engine does
// to a side: calculate pushes a move and may replace it (the NBS cap on
// either side, the randomised gain); recalculate may push the realised
// exchange's move, then pops the last and calculates again. The moves
// have random signs (zeros of both signs among them) and magnitudes, so
// that the sums round.
func TestMoveWindowEqualsList(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 20))
	move := func() float64 {
		switch r.IntN(10) {
		case 0:
			return 0
		case 1:
			return math.Copysign(0, -1)
		}
		m := math.Ldexp(r.Float64(), r.IntN(20)-12)
		if r.IntN(2) == 0 {
			m = -m
		}
		return m
	}
	var g engine[float64, floatArith]
	g.ar, g.k = floatArith{}, floatArith{}.consts()
	var gs side[float64]
	var f engine64
	f.ar, f.k = floatArith{}, floatArith{}.consts()
	var fs side64
	for _, impl := range []struct {
		name string
		init func()
		ops  moveOps
	}{
		{"generic", func() { gs.init(0, 1, 2, 0, 0, g.k.zero) }, moveOps{
			push:    func(m float64) { g.pushMove(&gs, m) },
			setLast: func(m float64) { g.setLastMove(&gs, m) },
			pop:     gs.popMove,
			read:    func() (float64, uint8) { return gs.sum, gs.dir },
		}},
		{"float64", func() { fs.init(0, 1, 2, 0, 0, f.k.zero) }, moveOps{
			push:    func(m float64) { f.pushMove(&fs, m) },
			setLast: func(m float64) { f.setLastMove(&fs, m) },
			pop:     fs.popMove,
			read:    func() (float64, uint8) { return fs.sum, fs.dir },
		}},
	} {
		t.Run(impl.name, func(t *testing.T) {
			steps := 0
			for run := range 2000 {
				impl.init()
				var list moveList
				check := func(what string) {
					t.Helper()
					steps++
					sum, dir := impl.ops.read()
					if math.Float64bits(sum) != math.Float64bits(list.sum()) || dir != list.dir() {
						t.Fatalf("run %d, %s with %d moves: sum %v dir %d, the list's %v dir %d", run, what, len(list), sum, dir, list.sum(), list.dir())
					}
				}
				calculate := func() {
					m := move()
					impl.ops.push(m)
					list = append(list, m)
					check("push")
					for r.IntN(3) == 0 { // a cap or the randomised gain
						m := move()
						impl.ops.setLast(m)
						list[len(list)-1] = m
						check("replace")
					}
				}
				check("init")
				calculate()
				for range r.IntN(40) {
					if r.IntN(2) == 0 { // step 1: the realised exchange's move
						m := move()
						impl.ops.push(m)
						list = append(list, m)
						check("push R's move")
					}
					impl.ops.pop()
					list = list[:len(list)-1]
					check("pop")
					calculate()
				}
			}
			if steps < 20000 {
				t.Fatalf("only %d steps checked", steps)
			}
		})
	}
}

// TestUpdSlabListsApart: the lists updSlab.take gives within a round
// never share an entry (each is filled with its own tag and read back
// after every other list of the round has been filled), sizes past a
// block's included; and a round that takes what the round before took
// makes no new block (the blocks are reused, which is the slab's point).
func TestUpdSlabListsApart(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 21))
	sizes := make([]int, 3000)
	for i := range sizes {
		sizes[i] = 1 + r.IntN(12)
		if r.IntN(500) == 0 {
			sizes[i] = slabSize + r.IntN(slabSize) // longer than a block
		}
	}
	var s updSlab[float64]
	var first []*update[float64]
	for round := range 3 {
		s.reset()
		lists := make([][]update[float64], len(sizes))
		for i, n := range sizes {
			l := s.take(n)
			if len(l) != 0 || cap(l) != n {
				t.Fatalf("round %d: take(%d) gave len %d, cap %d", round, n, len(l), cap(l))
			}
			for range n {
				l = append(l, update[float64]{actor: int32(i), pos: float64(round)})
			}
			lists[i] = l
		}
		for i, l := range lists {
			for _, u := range l {
				if u.actor != int32(i) || u.pos != float64(round) {
					t.Fatalf("round %d: list %d holds an entry of list %d (round %v)", round, i, u.actor, u.pos)
				}
			}
		}
		arrays := make([]*update[float64], len(s.blocks))
		for i, b := range s.blocks {
			arrays[i] = unsafe.SliceData(b)
		}
		if round == 0 {
			first = arrays
		} else if !slices.Equal(arrays, first) {
			t.Errorf("round %d: blocks %p, the first round's %p", round, arrays, first)
		}
	}
}
