package bdm

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"parley/model"
)

// The lazy round (Forecast's: pairs whose b is provably negative are
// skipped) takes exactly the moves of the full round, bit for bit, and the
// a and b it does compute are the full round's. Random problems (1–12
// actors, half on integer positions) and synthetic ones of 40 actors, in
// both formulations, 10 rounds each.
func TestLazyRoundEqualsFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	var skipped, moves int
	check := func(p *model.Problem, name string) {
		c, x := columnOf(p, false)
		for _, prob := range []probFunc{probDirect, probFast} {
			x := x
			for r := 1; r <= 10; r++ {
				full := c.round(x, prob)
				lc := *c
				lc.ws = &workspace{lazy: true}
				lazy := lc.round(x, prob)
				for i := range x {
					if full.next[i] != lazy.next[i] || full.kind[i] != lazy.kind[i] || full.with[i] != lazy.with[i] {
						t.Fatalf("%s round %d actor %d: full takes %v from %d → %v, lazy %v from %d → %v",
							name, r, i, full.kind[i], full.with[i], full.next[i], lazy.kind[i], lazy.with[i], lazy.next[i])
					}
					if full.kind[i] != none {
						moves++
					}
					if full.a == nil {
						continue // one position: no pairs (the A18 branch)
					}
					for j := range x {
						la, lb := lazy.a[i][j], lazy.b[i][j]
						switch {
						case math.IsNaN(lb):
							skipped++
							if full.b[i][j] >= 0 {
								t.Fatalf("%s round %d: skipped pair (%d, %d) has b = %v", name, r, i, j, full.b[i][j])
							}
						case la != full.a[i][j] || lb != full.b[i][j]:
							t.Fatalf("%s round %d: pair (%d, %d) lazy (%v, %v), full (%v, %v)", name, r, i, j, la, lb, full.a[i][j], full.b[i][j])
						}
					}
				}
				x = full.next
			}
		}
	}
	for s := range 500 {
		check(randomProblem(rng, 1+rng.IntN(12)), fmt.Sprint("random problem ", s))
	}
	for s := range 5 {
		check(synthetic(40, 1, uint64(100+s)), "synthetic")
	}
	t.Logf("%d pairs skipped, %d moves", skipped, moves)
	if skipped < 10000 || moves < 1000 {
		t.Errorf("only %d pairs skipped and %d moves: the comparison is too weak", skipped, moves)
	}
}

// The forecast is byte-identical at GOMAXPROCS 1, 2 and 8, for a small
// problem (issues in the caller's goroutine) and a large one (issues
// spread over goroutines), in both profiles.
func TestDeterministicAcrossGOMAXPROCS(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, p := range []*model.Problem{synthetic(10, 7, 1), synthetic(120, 6, 2)} {
		for _, prof := range []Profile{Replication, Paper} {
			var first []byte
			for _, procs := range []int{1, 2, 8} {
				runtime.GOMAXPROCS(procs)
				res, err := Model{Profile: prof}.Forecast(context.Background(), p, model.Options{})
				if err != nil {
					t.Fatal(err)
				}
				b, err := json.Marshal(res)
				if err != nil {
					t.Fatal(err)
				}
				if first == nil {
					first = b
				} else if string(b) != string(first) {
					t.Errorf("%d actors, %s: GOMAXPROCS %d gives other bytes than GOMAXPROCS 1", len(p.Actors), prof, procs)
				}
			}
		}
	}
}

// Forecast (pooled workspace, logarithms reused across rounds, lazy
// pairs) gives bit for bit the trajectory of rounds run one by one, each
// on a fresh workspace.
func TestForecastEqualsFreshRounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	probs := []*model.Problem{synthetic(12, 3, 9), synthetic(40, 2, 10)}
	for range 100 {
		probs = append(probs, randomProblem(rng, 1+rng.IntN(12)))
	}
	for s, p := range probs {
		for _, prof := range []Profile{Replication, Paper} {
			res, err := Model{Profile: prof}.Forecast(context.Background(), p, model.Options{Rounds: 10})
			if err != nil {
				t.Fatal(err)
			}
			for k := range p.Issues {
				_, capab, x, sal := p.Column(k)
				c := &column{s: sal, paper: prof == Paper, q: 1, t: 1, w: make([]float64, len(x)), delta: res.Detail.(*Detail).Issues[k].Delta}
				for j := range x {
					c.w[j] = capab[j] * sal[j]
				}
				prob := probFast
				if len(x) <= DirectMaxActors {
					prob = probDirect
				}
				for r := 1; r <= 10; r++ {
					x = c.round(x, prob).next
					for i, want := range x {
						if got := res.Issues[k].Rounds[r].Positions[i]; got != want {
							t.Fatalf("problem %d (%s) issue %d round %d actor %d: Forecast %v, fresh rounds %v", s, prof, k, r, i, got, want)
						}
					}
				}
			}
		}
	}
}
