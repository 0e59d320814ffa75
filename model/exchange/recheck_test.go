package exchange

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/modeltest"
)

// A recalculation that only records a third actor's new position
// (recheck) gives what recalculating from the start (calculate) gives,
// bit for bit, in both arithmetics and by both selections: whole
// forecasts of random problems and the built-in case (three of them in
// exact mode) are compared with recheck on and off, and the engine is asked
// whether recheck ran at all, so that the comparison compares something.
func TestRecheckEqualsCalculate(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 18))
	type tc struct {
		what string
		p    *model.Problem
	}
	cases := []tc{{"built-in case", modeltest.Builtin(t)}}
	for range 5 {
		o := gen.Options{Actors: 5 + rng.IntN(25), Issues: 3 + rng.IntN(4), Seed: rng.Uint64()}
		p, err := model.FromScenario(gen.Scenario(o))
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, tc{fmt.Sprintf("generated %d × %d (seed %d)", o.Actors, o.Issues, o.Seed), p})
	}
	for n := range 2 {
		cases = append(cases, tc{fmt.Sprintf("coarse %d", n), coarseProblem(rng, 20+10*n)})
	}
	for i, c := range cases {
		for _, exact := range []bool{false, true} {
			if exact && i > 2 {
				continue // 28-digit decimals are slow: three problems are enough
			}
			for _, sel := range []selection{byHeap, bySlice} {
				what := fmt.Sprintf("%s, exact %v, selection %d", c.what, exact, sel)
				var want []byte
				var wantDigest string
				for _, full := range []bool{true, false} {
					m := Model{Exact: exact, selection: sel, fullRecalc: full}
					// two workers share a long round's batches
					// (recalcShared), each with its own engine
					r, err := m.Forecast(context.Background(), c.p, model.Options{Rounds: 3, Workers: 1 + i%2})
					if err != nil {
						t.Fatalf("%s: %v", what, err)
					}
					got, _ := json.Marshal(r)
					if full {
						want, wantDigest = got, digest(t, r)
						continue
					}
					if string(got) != string(want) || digest(t, r) != wantDigest {
						t.Errorf("%s: the result with recheck differs from the one without", what)
					}
				}
			}
		}
		e := newEngine64(floatArith{}, c.p)
		if _, err := e.round(context.Background()); err != nil {
			t.Fatal(err)
		}
		if e.rechecked == 0 {
			t.Errorf("%s: recheck never ran in round 1: the test compares nothing", c.what)
		}
		if i <= 2 {
			x := newEngine[dec](&exactArith{}, c.p)
			if _, err := x.round(context.Background()); err != nil {
				t.Fatal(err)
			}
			if x.rechecked == 0 {
				t.Errorf("%s: recheck never ran in round 1 in exact mode: the test compares nothing", c.what)
			}
		}
	}
}
