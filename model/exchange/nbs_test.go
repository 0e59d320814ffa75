package exchange

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"parley/gen"
	"parley/model"
)

// TestNBSBetweenAgrees: whenever nbsBetween is sure, its answer is the
// one checkNBS gets from adjNBS2's sums in Decide's order, on generated
// problems of 3–120 actors, with random recorded positions and targets —
// a third of them placed within a few ulps of one of the two sums, where
// the estimate cannot tell and must say so.
func TestNBSBetweenAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 26))
	sure, unsure, near := 0, 0, 0
	for c := range 24 {
		p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 3 + (c*37)%118, Issues: 2 + c%5, Seed: uint64(c)}))
		if err != nil {
			t.Fatal(err)
		}
		e := newEngine64(floatArith{}, p)
		if _, err := e.round(context.Background()); err != nil { // sets the round's sums, then moves
			t.Fatal(err)
		}
		e.calcNBS(e.x, e.nbs, e.term)
		for range 2000 {
			k := rng.IntN(e.nK)
			m := e.members[k]
			if len(m) == 0 {
				continue
			}
			a := m[rng.IntN(len(m))]
			var upd []update64
			for range rng.IntN(4) {
				b := m[rng.IntN(len(m))]
				dup := false
				for _, u := range upd {
					dup = dup || int(u.actor) == b
				}
				if !dup {
					upd = append(upd, update64{actor: int32(b), pos: 100 * rng.Float64()})
				}
			}
			pos0, pos1 := 100*rng.Float64(), 100*rng.Float64()
			n0, n1 := e.adjNBS2(k, upd, a, pos0, pos1)
			target := 100 * rng.Float64()
			if rng.IntN(3) == 0 {
				target = n0
				if rng.IntN(2) == 0 {
					target = n1
				}
				for range rng.IntN(7) - 3 {
					target = math.Nextafter(target, math.Inf(1))
				}
				near++
			}
			want := (n0 < target && target < n1) || (n1 < target && target < n0)
			got, ok := e.nbsBetween(k, upd, a, pos0, pos1, target)
			if !ok {
				unsure++
				continue
			}
			sure++
			if got != want {
				t.Fatalf("case %d issue %d actor %d upd %v pos %v, %v target %v: nbsBetween says %v, the sums (%v, %v) %v",
					c, k, a, upd, pos0, pos1, target, got, n0, n1, want)
			}
		}
	}
	if sure < 10000 || unsure < 1000 {
		t.Errorf("%d sure and %d unsure answers (%d targets near a sum): the test exercises too little of one path", sure, unsure, near)
	}
	t.Logf("%d sure and %d unsure answers; %d targets within a few ulps of a sum", sure, unsure, near)
}
