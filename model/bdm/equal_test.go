package bdm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"parley/model"
)

// randomProblem draws a one-issue problem with 1–12 actors. Half the
// problems put positions on the integers 0–10, so ties between positions
// (the case where a strict comparison could tip) are common; the other half
// draw them from [0, 100).
func randomProblem(rng *rand.Rand, n int) *model.Problem {
	p := &model.Problem{Issues: []model.Issue{{ID: "x", Min: 0, Max: 100}}}
	ints := rng.IntN(2) == 0
	for i := range n {
		pos := rng.Float64() * 100
		if ints {
			pos = float64(rng.IntN(11))
		}
		sal := rng.Float64()
		switch rng.IntN(8) {
		case 0:
			sal = 0
		case 1:
			sal = 1
		}
		p.Actors = append(p.Actors, model.Actor{ID: fmt.Sprint(i), Capability: 0.05 + rng.Float64()})
		p.Stances = append(p.Stances, []model.Stance{{Present: true, Position: pos, Salience: sal}})
	}
	p.Stances[0][0].Salience = 0.5 // some weight on the issue
	return p
}

// margin is how far receiver i's view of j is from a boundary of the
// quadrant chart (E14–E16): the smallest of |a|, |b|, |b−a|, |b−|a||.
func margin(a, b float64) float64 {
	return min(math.Abs(a), math.Abs(b), math.Abs(b-a), math.Abs(b-math.Abs(a)))
}

// key is the number the choice rule minimises for receiver i taking j's
// offer (§3.9): the change (paper), or |x_i−x_j| for a conflict and K for
// a compromise (replication).
func key(in *internals, x []float64, i, j int, paper bool) float64 {
	if paper || in.kind[i] != compromise {
		return math.Abs(in.next[i] - x[i])
	}
	aa, bb := math.Abs(in.a[i][j]), math.Abs(in.b[i][j])
	return (aa*x[i] + bb*x[j]) / (aa + bb)
}

// TestFastEqualsDirect runs 1,000 seeded random problems (1–12 actors) in
// both profiles for 10 rounds. At every round it computes the round from
// the same positions with both formulations of P and requires P (and D)
// to agree to 1e-9 relative and every new position to agree to 1e-9·Δ.
//
// The one allowed exception is an ill-conditioned choice: the model's
// rules compare floats exactly (§3.7, §3.9), so when an actor's (a, b) for
// the offer either formulation took lies within 1e-9 of a boundary of the
// quadrant chart (this happens when two positions are within rounding of
// each other, e.g. 1 and 0.9999999999999956, where a and b are ~1e-16
// noise), or the two offers' keys tie to 1e-9·Δ, rounding decides and the
// two may choose differently. Such steps are counted and logged; any other
// difference fails.
func TestFastEqualsDirect(t *testing.T) {
	rng := rand.New(rand.NewPCG(1994, 2011))
	var steps, moved, illCond int
	for s := range 1000 {
		p := randomProblem(rng, 1+rng.IntN(12))
		for _, prof := range []Profile{Replication, Paper} {
			paper := prof == Paper
			c, x := columnOf(p, paper)
			for r := 1; r <= 10; r++ {
				dir, fst := c.round(x, probDirect), c.round(x, probFast)
				steps++
				if math.Abs(dir.d1-fst.d1) > 1e-9*dir.d1 || math.Abs(dir.d0-fst.d0) > 1e-9*dir.d0 {
					t.Fatalf("problem %d (%s) round %d: D direct %v/%v, fast %v/%v", s, prof, r, dir.d0, dir.d1, fst.d0, fst.d1)
				}
				// P between positions a rounding error apart is itself
				// rounding noise in either formulation (u_b − u_a cancels),
				// hence the absolute floor of 1e-14 of the largest P.
				for _, pp := range [][2]pmat{{dir.p0, fst.p0}, {dir.p1, fst.p1}} {
					pmax := 0.0
					for i := range x {
						for j := range x {
							pmax = math.Max(pmax, pp[0].at(i, j))
						}
					}
					for i := range x {
						for j := range x {
							pd, pf := pp[0].at(i, j), pp[1].at(i, j)
							if math.Abs(pd-pf) > 1e-9*math.Abs(pd)+1e-14*pmax {
								t.Fatalf("problem %d (%s) round %d: P[%d][%d] direct %v, fast %v", s, prof, r, i, j, pd, pf)
							}
						}
					}
				}
				for i := range x {
					if dir.next[i] != x[i] {
						moved++
					}
					if math.Abs(dir.next[i]-fst.next[i]) <= 1e-9*c.delta {
						continue
					}
					ill := false
					for _, j := range []int{dir.with[i], fst.with[i]} {
						if j >= 0 && margin(dir.a[i][j], dir.b[i][j]) <= 1e-9 {
							ill = true
						}
					}
					if j1, j2 := dir.with[i], fst.with[i]; j1 >= 0 && j2 >= 0 && dir.kind[i] == fst.kind[i] &&
						math.Abs(key(dir, x, i, j1, paper)-key(fst, x, i, j2, paper)) <= 1e-9*c.delta {
						ill = true
					}
					if !ill {
						t.Fatalf("problem %d (%s) round %d actor %d at %v: direct takes %v from %d → %v, fast %v from %d → %v",
							s, prof, r, i, x[i], dir.kind[i], dir.with[i], dir.next[i], fst.kind[i], fst.with[i], fst.next[i])
					}
					illCond++
					t.Logf("problem %d (%s) round %d actor %d: ill-conditioned choice, direct → %v, fast → %v", s, prof, r, i, dir.next[i], fst.next[i])
				}
				x = dir.next
			}
		}
	}
	t.Logf("%d rounds compared, %d moves, %d ill-conditioned choices", steps, moved, illCond)
	// The comparison means something only if actors do move.
	if moved < 10000 {
		t.Errorf("only %d actor-rounds moved", moved)
	}
}

// TestFastEqualsDirectOnDataSets requires the two formulations to give
// the same trajectories (every position, 10 rounds, to 1e-12·Δ) on every
// data set in testdata, in both profiles.
func TestFastEqualsDirectOnDataSets(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.csv")
	if len(files) != 10 {
		t.Fatalf("found %d data sets in testdata, want 10", len(files))
	}
	for _, f := range files {
		p := loadCSV(t, filepath.Base(f))
		for _, prof := range []Profile{Replication, Paper} {
			fast, _ := run(t, Model{Profile: prof, formula: viaFast}, p, model.Options{Rounds: 10})
			direct, det := run(t, Model{Profile: prof, formula: viaDirect}, p, model.Options{Rounds: 10})
			for r := range direct.Rounds {
				for i, want := range direct.Rounds[r].Positions {
					if got := fast.Rounds[r].Positions[i]; math.Abs(got-want) > 1e-12*det.Delta {
						t.Errorf("%s (%s) round %d actor %d: fast %v, direct %v", f, prof, r, i, got, want)
					}
				}
			}
		}
	}
}

// TestProbFastEqualsDirect compares P and D themselves on random positions
// and random voter exponents in [0.5, 2], to 1e-9 relative.
func TestProbFastEqualsDirect(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for s := range 300 {
		p := randomProblem(rng, 2+rng.IntN(15))
		for _, paper := range []bool{false, true} {
			c, x := columnOf(p, paper)
			if c.delta == 0 {
				continue
			}
			r := make([]float64, len(x))
			for i := range r {
				r[i] = 0.5 + 1.5*rng.Float64()
			}
			pd, dd := probDirect(c, x, r, 0)
			pf, df := probFast(c, x, r, 0)
			if math.Abs(dd-df) > 1e-9*math.Abs(dd) {
				t.Fatalf("problem %d paper=%v: D direct %v fast %v", s, paper, dd, df)
			}
			for i := range x {
				for j := range x {
					if math.Abs(pd.at(i, j)-pf.at(i, j)) > 1e-9*math.Max(math.Abs(pd.at(i, j)), 1e-12) {
						t.Fatalf("problem %d paper=%v: P[%d][%d] direct %v fast %v", s, paper, i, j, pd.at(i, j), pf.at(i, j))
					}
				}
			}
		}
	}
}

// E9 is a probability: P_ij + P_ji = 1 for distinct positions, 0 on ties.
func TestPaperProbabilitiesSumToOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100 {
		p := randomProblem(rng, 2+rng.IntN(10))
		c, x := columnOf(p, true)
		pp, _ := probFast(c, x, nil, 0)
		for i := range x {
			for j := range x {
				want := 1.0
				if x[i] == x[j] {
					want = 0
				}
				if math.Abs(pp.at(i, j)+pp.at(j, i)-want) > 1e-12 {
					t.Fatalf("P[%d][%d] + P[%d][%d] = %v, want %v", i, j, j, i, pp.at(i, j)+pp.at(j, i), want)
				}
			}
		}
	}
}
