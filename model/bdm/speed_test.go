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

// leanRound (Forecast's round in the replication profile) takes the moves
// of the full round: from the same positions, S, D and r agree to 1e-12
// (relative), and every new position to 1e-9·Δ, except where the choice
// is ill-conditioned (see TestFastEqualsDirect: the (a, b) of either
// offer within 1e-9 of a boundary of the quadrant chart, or two offers'
// keys within 1e-9·Δ); the (a, b) of an offer both take agree to 1e-12.
// Random problems (1–12 actors, half on integer positions, so with many
// ties) with the direct P, and synthetic ones of 40 and 150 actors (and
// 120 actors on 21 positions) with the fast P; 10 rounds each, moving on
// from the full round's positions.
func TestLeanEqualsFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	var steps, moves, illCond int
	check := func(p *model.Problem, name string, prob probFunc) {
		c, x := columnOf(p, false)
		for r := 1; r <= 10; r++ {
			full := c.round(x, prob)
			lc := *c
			lc.ws = &workspace{}
			lean := lc.leanRound(x)
			steps++
			smax := 0.0
			for _, v := range full.s {
				smax = math.Max(smax, math.Abs(v))
			}
			if math.Abs(full.d0-lean.d0) > 1e-12*full.d0 || math.Abs(full.d1-lean.d1) > 1e-12*full.d1 {
				t.Fatalf("%s round %d: D full %v/%v, lean %v/%v", name, r, full.d0, full.d1, lean.d0, lean.d1)
			}
			for i := range x {
				if math.Abs(full.s[i]-lean.s[i]) > 1e-12*smax || math.Abs(full.r[i]-lean.r[i]) > 1e-12 {
					t.Fatalf("%s round %d actor %d: S, r full %v, %v, lean %v, %v", name, r, i, full.s[i], full.r[i], lean.s[i], lean.r[i])
				}
			}
			for i := range x {
				if full.kind[i] != none {
					moves++
				}
				if full.kind[i] == lean.kind[i] && full.with[i] == lean.with[i] && full.kind[i] != none {
					j := full.with[i]
					if math.Abs(full.a[i][j]-lean.ca[i]) > 1e-12 || math.Abs(full.b[i][j]-lean.cb[i]) > 1e-12 {
						t.Fatalf("%s round %d actor %d: offer from %d: full (a, b) = (%v, %v), lean (%v, %v)",
							name, r, i, j, full.a[i][j], full.b[i][j], lean.ca[i], lean.cb[i])
					}
				}
				if math.Abs(full.next[i]-lean.next[i]) <= 1e-9*c.delta {
					continue
				}
				ill := false
				for _, j := range []int{full.with[i], lean.with[i]} {
					if j >= 0 && margin(full.a[i][j], full.b[i][j]) <= 1e-9 {
						ill = true
					}
				}
				if j := full.with[i]; j >= 0 && full.kind[i] == lean.kind[i] && lean.with[i] >= 0 &&
					math.Abs(key(full, x, i, j, false)-key(full, x, i, lean.with[i], false)) <= 1e-9*c.delta {
					ill = true
				}
				if !ill {
					t.Fatalf("%s round %d actor %d at %v: full takes %v from %d → %v, lean %v from %d → %v",
						name, r, i, x[i], full.kind[i], full.with[i], full.next[i], lean.kind[i], lean.with[i], lean.next[i])
				}
				illCond++
			}
			x = append([]float64(nil), full.next...)
		}
	}
	for s := range 1000 {
		check(randomProblem(rng, 1+rng.IntN(12)), fmt.Sprint("random problem ", s), probDirect)
	}
	for s := range 4 {
		check(synthetic(40, 1, uint64(100+s)), "synthetic 40", probFast)
	}
	check(synthetic(150, 1, 7), "synthetic 150", probFast)
	// many actors on few positions (integers 0–20): groups of several
	// actors in every table
	ties := synthetic(120, 1, 8)
	for i := range ties.Stances {
		ties.Stances[i][0].Position = float64(rng.IntN(21))
	}
	check(ties, "synthetic 120 on 21 positions", probFast)
	t.Logf("%d rounds compared, %d moves, %d ill-conditioned choices", steps, moves, illCond)
	if moves < 10000 {
		t.Errorf("only %d moves: the comparison is too weak", moves)
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

// Forecast (pooled workspace, logarithms reused across rounds) gives bit
// for bit the trajectory of rounds run one by one, each on a fresh
// workspace.
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
					x = c.step(x, prob).next
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
