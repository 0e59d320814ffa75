package deal

import (
	"context"
	"errors"
	"math"
	"reflect"
	"testing"

	"parley/model"
	"parley/scenario"
	"parley/sweep"
)

// robustCase: one issue 0–100 with reference 50 (the no-deal package).
// A (at 20) keeps p ≤ 45; B's position is uniform on [40, 80] (stated 60).
// With ρ = 1, A accepts p iff p ≤ 45 and |p − 20| ≤ 30: p ∈ [0, 45]. B
// accepts p iff |p − x_B| ≤ |50 − x_B|: for x_B < 50, p ∈ [2x_B − 50, 50];
// for x_B ≥ 50, p ≥ 50. So the zone is open iff 2x_B − 50 ≤ 45, i.e.
// x_B ≤ 47.5: P(zone) = (47.5 − 40)/40 = 0.1875. P(both accept p) =
// P(x_B ≤ (p + 50)/2) grows with p up to the red line: the best package
// is 45, accepted with probability 0.1875 too.
func robustCase(t *testing.T) *Input {
	p := problem([]float64{1, 1}, [][]float64{{20}, {60}}, [][]float64{{1}, {1}})
	p.Issues[0].Reference, p.Issues[0].HasReference = 50, true
	p.Stances[1][0].PosLo, p.Stances[1][0].PosHi = 40, 80
	return &Input{Problem: p, NoDeal: References(p), NoDealFrom: "reference",
		RedLines: []map[int]scenario.RedLine{{0: redLine(t, "<= 45")}, nil}}
}

// drawnShare counts, from the sampler's own draws, the share with
// x_B ≤ 47.5: the exact value the robust analysis must report.
func drawnShare(in *Input, n int, seed uint64) float64 {
	q := in.Problem.Clone()
	inputs := sweep.Inputs(in.Problem)
	k := 0
	for d := 0; d < n; d++ {
		sweep.Sample(q, in.Problem, inputs, seed, uint64(d), true)
		if q.Stances[1][0].Position <= 47.5 {
			k++
		}
	}
	return float64(k) / float64(n)
}

func TestRobustSearchUniform(t *testing.T) {
	const n = 2000
	in := robustCase(t)
	want := drawnShare(in, n, 7)
	// The hand value 0.1875, to within 3.5 standard errors √(0.19·0.81/2000).
	if math.Abs(want-0.1875) > 0.031 {
		t.Fatalf("sampler share %v is far from 0.1875", want)
	}
	var first *Robust
	for _, workers := range []int{1, 3} {
		stated, err := Search(in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := RobustSearch(context.Background(), in, stated, Options{}, RobustOptions{Draws: n, Seed: 7, Uniform: true, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if r.Zone == nil || *r.Zone != want {
			t.Fatalf("workers %d: P(zone) %v, want %v", workers, r.Zone, want)
		}
		if r.Best == nil || !near(r.Best.Values[0], 45, 1e-6) || r.Accepted != want {
			t.Fatalf("workers %d: best %+v with P %v, want 45 with P %v", workers, r.Best, r.Accepted, want)
		}
		if r.Actors[0].Accepts != 1 || r.Actors[1].Accepts != want {
			t.Errorf("workers %d: actors %+v, want A 1 and B %v", workers, r.Actors, want)
		}
		if first == nil {
			first = r
		} else if !reflect.DeepEqual(first, r) {
			t.Errorf("workers %d gave %+v, 1 worker %+v", workers, r, first)
		}
	}
	// Another seed, other draws.
	r, err := RobustSearch(context.Background(), in, nil, Options{}, RobustOptions{Draws: n, Seed: 8, Uniform: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := drawnShare(in, n, 8); *r.Zone != got {
		t.Errorf("seed 8: P(zone) %v, want %v", *r.Zone, got)
	}
}

func TestRobustEvaluateUniform(t *testing.T) {
	in := robustCase(t)
	want := drawnShare(in, 1000, 3)
	r, err := RobustEvaluate(context.Background(), in, []float64{45}, Options{}, RobustOptions{Draws: 1000, Seed: 3, Uniform: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r.Accepted != want || r.Actors[0].Accepts != 1 || r.Actors[1].Accepts != want || r.Inputs != 1 || r.Distribution != "uniform" {
		t.Errorf("robust evaluate %+v, want P(all) = P(B) = %v, P(A) = 1", r, want)
	}
	// 46 crosses A's red line in every draw.
	r, err = RobustEvaluate(context.Background(), in, []float64{46}, Options{}, RobustOptions{Draws: 100, Seed: 3, Uniform: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Accepted != 0 || r.Actors[0].Accepts != 0 {
		t.Errorf("at 46: %+v, want A never accepts", r)
	}
}

func TestRobustAndSearchCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := robustCase(t)
	if _, err := RobustSearch(ctx, in, nil, Options{}, RobustOptions{Draws: 10}); !errors.Is(err, context.Canceled) {
		t.Errorf("robust search: %v, want context.Canceled", err)
	}
	if _, err := SearchContext(ctx, logroll(1, 1), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("search: %v, want context.Canceled", err)
	}
	if _, err := RobustEvaluate(context.Background(), in, []float64{45}, Options{}, RobustOptions{}); err == nil {
		t.Error("0 draws accepted")
	}
}

// Every probability comes with Wilson's interval at 95%, which at 0 and
// at 1 of 500 draws is not a point (as P ± √(P(1 − P)/N) = "0 ± 0" was):
// 0 of 500 is [0, z²/(500 + z²)] = [0, 0.0076243] (z = 1.959964), 500 of
// 500 its mirror [0.9923757, 1]. At 45 the zone's and B's share k/500
// gets mcerr.Wilson(k, 500), whatever k the sampler gives.
func TestRobustIntervals(t *testing.T) {
	in := robustCase(t)
	r, err := RobustEvaluate(context.Background(), in, []float64{46}, Options{}, RobustOptions{Draws: 500, Seed: 3, Uniform: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Interval != "Wilson score interval, 95%" {
		t.Errorf("interval named %q", r.Interval)
	}
	zero := [2]float64{0, 0.0076243}
	for _, got := range [][2]float64{r.AcceptedInterval, r.Actors[0].AcceptsInterval} {
		if got[0] != 0 || math.Abs(got[1]-zero[1]) > 5e-8 {
			t.Errorf("at 46 (accepted in none of 500 draws): interval %v, want %v", got, zero)
		}
	}
	r, err = RobustEvaluate(context.Background(), in, []float64{45}, Options{}, RobustOptions{Draws: 500, Seed: 3, Uniform: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Actors[0].AcceptsInterval; got[1] != 1 || math.Abs(got[0]-0.9923757) > 5e-8 {
		t.Errorf("A at 45 (accepts in all 500 draws): interval %v, want [0.9923757, 1]", got)
	}
	k := int(math.Round(drawnShare(in, 500, 3) * 500))
	want := wilsonByHand(k, 500)
	if got := r.AcceptedInterval; math.Abs(got[0]-want[0]) > 1e-12 || math.Abs(got[1]-want[1]) > 1e-12 || got[0] > r.Accepted || got[1] < r.Accepted {
		t.Errorf("at 45 (%d of 500): interval %v around %v, want %v", k, got, r.Accepted, want)
	}
	s, err := RobustSearch(context.Background(), in, nil, Options{}, RobustOptions{Draws: 500, Seed: 3, Uniform: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.ZoneInterval == nil || *s.ZoneInterval != want {
		t.Errorf("search: P(zone) interval %v, want %v", s.ZoneInterval, want)
	}
}

// wilsonByHand is Wilson's score interval at z = 1.959964 written out.
func wilsonByHand(k, n int) [2]float64 {
	z, N := 1.959963984540054, float64(n)
	p := float64(k) / N
	c := (p + z*z/(2*N)) / (1 + z*z/N)
	h := z / (1 + z*z/N) * math.Sqrt(p*(1-p)/N+z*z/(4*N*N))
	return [2]float64{c - h, c + h}
}

// seven discrete issues on 0–100 with the options 0 and 100; a at 0 and
// b at 100, equal salience, reservations 0.45: U_a = 1 − mean q, U_b =
// mean q, so a package is accepted iff mean q ∈ [0.45, 0.55]. At the
// options mean q is k/7, never there (3/7 ≈ 0.43, 4/7 ≈ 0.57), but the
// zone's range on each issue is its whole scale: the 2⁷ = 128
// combinations are more than the check's 64, so in every draw whether
// some package at the options is accepted is not known, and each counts
// as none (the balanced and Nash packages, 50 on every issue, restated
// by nearest option to 0 on every issue, are not accepted).
func TestRobustSearchAtOptionsNotKnown(t *testing.T) {
	pos := [][]float64{make([]float64, 7), make([]float64, 7)}
	sal := [][]float64{make([]float64, 7), make([]float64, 7)}
	for k := range 7 {
		pos[1][k] = 100
		sal[0][k], sal[1][k] = 1, 1
	}
	p := problem([]float64{1, 1}, pos, sal)
	for k := range p.Issues {
		p.Issues[k].Discrete = true
		p.Issues[k].Anchors = []model.Anchor{{Value: 0}, {Value: 100}}
	}
	in := &Input{Problem: p, Reservation: []float64{0.45, 0.45}}
	stated, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := stated.AtOptions; a == nil || a.Checked || a.Combinations != 128 {
		t.Fatalf("the search's check %+v, want not checked, 128 combinations", a)
	}
	r, err := RobustSearch(context.Background(), in, stated, Options{}, RobustOptions{Draws: 4, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !r.ZoneAtOptions || *r.Zone != 0 || r.OpenDraws == nil || *r.OpenDraws != 4 || r.ZoneUnknown != 4 {
		t.Errorf("at options %v, P %v, open %v, unknown %d; want true, 0, 4, 4", r.ZoneAtOptions, *r.Zone, r.OpenDraws, r.ZoneUnknown)
	}
	// Without the discrete issues the same zone counts in every draw,
	// and nothing is said of options.
	for k := range p.Issues {
		p.Issues[k].Discrete = false
	}
	if r, err = RobustSearch(context.Background(), in, stated, Options{}, RobustOptions{Draws: 4, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if r.ZoneAtOptions || *r.Zone != 1 || r.OpenDraws != nil || r.ZoneUnknown != 0 {
		t.Errorf("continuous: at options %v, P %v, open %v, unknown %d; want false, 1, nil, 0", r.ZoneAtOptions, *r.Zone, r.OpenDraws, r.ZoneUnknown)
	}
}
