package sweep

import (
	"context"
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/bdm"
	"parley/model/compromise"
	"parley/model/median"
	mt "parley/model/modeltest"
	"parley/model/snap"
)

func synthetic(t *testing.T, actors, issues int) *model.Problem {
	t.Helper()
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: actors, Issues: issues, Seed: 3}))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The same seed gives the same bytes at 1 and at 8 workers (bdm through
// model.PointForecaster, with pooled workspaces).
func TestDeterministicAcrossWorkers(t *testing.T) {
	p := synthetic(t, 12, 3)
	for _, m := range []model.Model{compromise.Model{}, median.Model{}, bdm.Model{}} {
		var outs [][]byte
		var results []*Result
		for _, w := range []int{1, 8} {
			r, err := Run(context.Background(), m, p, Options{Draws: 500, Seed: 42, Workers: w})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(r)
			outs = append(outs, b)
			results = append(results, r)
		}
		if string(outs[0]) != string(outs[1]) || !reflect.DeepEqual(results[0].Forecasts, results[1].Forecasts) {
			t.Errorf("%s: 1 and 8 workers differ", m.Name())
		}
		// A different seed gives different draws.
		r, _ := Run(context.Background(), m, p, Options{Draws: 500, Seed: 43, Workers: 2})
		if reflect.DeepEqual(r.Forecasts, results[0].Forecasts) {
			t.Errorf("%s: seeds 42 and 43 give the same draws", m.Name())
		}
	}
}

// With every range degenerate there is nothing to sample: each interval
// collapses onto the forecast at the stated values.
func TestDegenerateRangesGiveZeroWidth(t *testing.T) {
	p := mt.OneIssue(0, 100, mt.A(1, 20, 0.5), mt.A(3, 80, 1))
	r, err := Run(context.Background(), compromise.Model{}, p, Options{Draws: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Issues[0]
	want := (20*0.5 + 80*3) / 3.5
	if len(r.Inputs) != 0 || s.Lo95 != s.Hi95 || s.Lo80 != s.Hi80 || math.Abs(s.Median-want) > 1e-12 || s.SD != 0 {
		t.Errorf("inputs %d, summary %+v; want zero-width intervals at %v", len(r.Inputs), s, want)
	}
}

func TestTriangularMoments(t *testing.T) {
	// Mean of the triangular (lo, mode, hi) is (lo+mode+hi)/3; its variance
	// is (a²+b²+c²−ab−ac−bc)/18. With 200,000 stratified-free uniform draws
	// from a fixed seed the sample mean lies within 5 standard errors.
	lo, mode, hi := 10.0, 70.0, 90.0
	mean := (lo + mode + hi) / 3
	vr := (lo*lo + mode*mode + hi*hi - lo*mode - lo*hi - mode*hi) / 18
	const n = 200000
	p := mt.OneIssue(0, 100, mt.A(1, mode, 1))
	p.Stances[0][0].PosLo, p.Stances[0][0].PosHi = lo, hi
	r, err := Run(context.Background(), compromise.Model{}, p, Options{Draws: n, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	se := math.Sqrt(vr / n)
	if got := r.Issues[0].Mean; math.Abs(got-mean) > 5*se {
		t.Errorf("mean %v, want %v ± %v", got, mean, 5*se)
	}
	if got := r.Issues[0].SD; math.Abs(got*got-vr)/vr > 0.02 {
		t.Errorf("variance %v, want %v", got*got, vr)
	}
	// Uniform: mean is the midpoint.
	r, _ = Run(context.Background(), compromise.Model{}, p, Options{Draws: n, Seed: 9, Uniform: true})
	if got, se := r.Issues[0].Mean, math.Sqrt((hi-lo)*(hi-lo)/12/n); math.Abs(got-50) > 5*se {
		t.Errorf("uniform mean %v, want 50 ± %v", got, 5*se)
	}
}

func TestQuantile(t *testing.T) {
	xs := []float64{1, 2, 3, 4, 5}
	for _, c := range []struct{ q, want float64 }{{0, 1}, {0.5, 3}, {0.1, 1.4}, {0.975, 4.9}, {1, 5}} {
		if got := quantile(xs, c.q); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("quantile(%v) = %v, want %v", c.q, got, c.want)
		}
	}
}

func TestBands(t *testing.T) {
	is := model.Issue{ID: "x", Min: 0, Max: 100, Anchors: []model.Anchor{{Value: 0, Label: "none"}, {Value: 50, Label: "half"}, {Value: 100, Label: "all"}}}
	// Bands: [0,25) none, [25,75) half, [75,100] all.
	s := summarise(is, 0, []float64{10, 30, 60, 74.9, 75, 100, 24.99, 50})
	want := []struct{ p, atLeast float64 }{{2.0 / 8, 1}, {4.0 / 8, 5.0 / 8}, {2.0 / 8, 1.0 / 8}}
	for j, b := range s.Bands {
		if math.Abs(b.P-want[j].p) > 1e-12 || math.Abs(b.PAtLeast-want[j].atLeast) > 1e-12 {
			t.Errorf("band %s: P %v, P(≥) %v; want %v, %v", b.Label, b.P, b.PAtLeast, want[j].p, want[j].atLeast)
		}
	}
	// Wilson at 95% (z = 1.959964): 2 of 8 is [0.0714792, 0.5907246];
	// 8 of 8 is [8/(8 + z²), 1] = [0.6755924, 1].
	if iv := s.Bands[0].PInterval; math.Abs(iv[0]-0.0714792) > 5e-8 || math.Abs(iv[1]-0.5907246) > 5e-8 {
		t.Errorf("none: P interval %v, want [0.0714792, 0.5907246]", iv)
	}
	if iv := s.Bands[0].PAtLeastInterval; math.Abs(iv[0]-0.6755924) > 5e-8 || iv[1] != 1 {
		t.Errorf("none: P(≥) interval %v, want [0.6755924, 1]", iv)
	}
	total := 0
	for _, b := range s.Hist {
		total += b.Count
	}
	if total != 8 || s.Hist[19].Count != 1 || s.Hist[0].Count != 0 || s.Hist[2].Count != 1 {
		t.Errorf("histogram %+v", s.Hist)
	}
}

// A planted dominant input tops the tornado, with the forecasts at its
// ends computed by hand.
func TestTornadoRanksDominantInputFirst(t *testing.T) {
	p := mt.OneIssue(0, 100, mt.A(10, 50, 1), mt.A(1, 50, 1), mt.A(1, 50, 1))
	p.Stances[0][0].PosLo, p.Stances[0][0].PosHi = 0, 100 // weight 10, ±50
	p.Stances[1][0].PosLo, p.Stances[1][0].PosHi = 45, 55 // weight 1, ±5
	p.Stances[2][0].SalLo, p.Stances[2][0].SalHi = 0.5, 1 // salience of a minor actor
	r, err := Sensitivity(context.Background(), compromise.Model{}, p, Options{Draws: 2000, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	sw := r.Issues[0].Swings
	if len(sw) != 3 || sw[0].Input.ActorID != "a" || sw[0].Input.Kind != Position {
		t.Fatalf("ranking %+v", sw)
	}
	// a at 0: (0·10 + 50 + 50)/12; at 100: (1000 + 100)/12.
	if math.Abs(*sw[0].Low-100.0/12) > 1e-12 || math.Abs(*sw[0].High-1100.0/12) > 1e-12 {
		t.Errorf("a: %v → %v", *sw[0].Low, *sw[0].High)
	}
	// b: (500 + 45 + 50)/12 → (500 + 55 + 50)/12, swing 10/12.
	if sw[1].Input.ActorID != "b" || math.Abs(sw[1].Swing-10.0/12) > 1e-12 {
		t.Errorf("second: %+v", sw[1])
	}
	// c's salience moves nothing: everyone else sits at 50 too only at the
	// stated values; at the ends of c's range the forecast is still 50.
	if sw[2].Swing != 0 {
		t.Errorf("third: %+v", sw[2])
	}
	// Variance: Var(a-term) = (10/12)²·Var(tri 0,50,100) vs (1/12)²·Var(tri 45,50,55):
	// a explains ≈ 100/(100 + 0.01) of it.
	if sw[0].VarShare < 0.95 || sw[1].VarShare > 0.05 {
		t.Errorf("variance shares %v, %v", sw[0].VarShare, sw[1].VarShare)
	}
}

// For a linear model with two independent equal inputs each explains half.
func TestVarianceShareAdditive(t *testing.T) {
	p := mt.OneIssue(0, 100, mt.A(1, 50, 1), mt.A(1, 50, 1))
	for i := range p.Stances {
		p.Stances[i][0].PosLo, p.Stances[i][0].PosHi = 0, 100
	}
	r, err := Sensitivity(context.Background(), compromise.Model{}, p, Options{Draws: 4000, Seed: 11, Uniform: true})
	if err != nil {
		t.Fatal(err)
	}
	sw := r.Issues[0].Swings
	sum := sw[0].VarShare + sw[1].VarShare
	if math.Abs(sw[0].VarShare-0.5) > 0.05 || math.Abs(sw[1].VarShare-0.5) > 0.05 || math.Abs(sum-1) > 0.05 {
		t.Errorf("shares %v and %v, want ≈ 0.5 each", sw[0].VarShare, sw[1].VarShare)
	}
}

func TestCancelledRunReportsWhatFinished(t *testing.T) {
	p := synthetic(t, 5, 2)
	ctx, cancel := context.WithCancel(context.Background())
	r, err := Run(ctx, compromise.Model{}, p, Options{Draws: 100000, Seed: 1, Workers: 2, Progress: func(done int) {
		if done == 300 {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Interrupted || r.Draws < 300 || r.Draws >= 100000 || len(r.Forecasts) != r.Draws {
		t.Errorf("interrupted %v after %d draws", r.Interrupted, r.Draws)
	}
}

// combine by hand. Two draws, one with all mass at 0, one at 10: the
// mixture is ½ at each; its means 0 and 10 spread by variance 25, each
// draw has none, so all of it comes from the inputs; Q(.1) = 0, Q(.9) = 10.
// Two draws with the same ½–½ distribution: the variance 25 is all the
// model's. Tail levels come from the base distribution (τ80 = .3 here:
// Q(.3) = 0, Q(.7) = 10).
func TestCombineHand(t *testing.T) {
	at := func(v ...float64) *model.Predictive {
		d := &model.Predictive{Min: 0, Max: 10}
		for _, x := range v {
			d.Atoms = append(d.Atoms, model.Atom{Value: x, Prob: 1 / float64(len(v))})
		}
		return d
	}
	c := combine([][]*model.Predictive{{at(0)}, {at(10)}}, 0, at(0))
	want := Combined{Lo80: 0, Hi80: 10, Lo95: 0, Hi95: 10, SD: 5, SDInputs: 5, SDModel: 0, ShareInputs: 1, ShareModel: 0}
	if *c != want {
		t.Errorf("inputs: %+v, want %+v", *c, want)
	}
	base := at(0, 10)
	base.Tau80 = 0.3
	c = combine([][]*model.Predictive{{at(0, 10)}, {at(0, 10)}}, 0, base)
	want = Combined{Lo80: 0, Hi80: 10, Lo95: 0, Hi95: 10, SD: 5, SDInputs: 0, SDModel: 5, ShareInputs: 0, ShareModel: 1}
	if *c != want {
		t.Errorf("model: %+v, want %+v", *c, want)
	}
}

// A model with a predictive distribution gets Combined on every issue of
// the built-in case, its parts adding up by (C1) and its intervals in
// order; a model without one gets none.
func TestRunCombined(t *testing.T) {
	p := mt.Builtin(t)
	r, err := Run(context.Background(), snap.Model{}, p, Options{Draws: 50, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range r.Issues {
		c := is.Combined
		if c == nil {
			t.Fatalf("%s: no combined summary", is.Issue)
		}
		if math.Abs(c.SD*c.SD-c.SDInputs*c.SDInputs-c.SDModel*c.SDModel) > 1e-9 || math.Abs(c.ShareInputs+c.ShareModel-1) > 1e-12 {
			t.Errorf("%s: parts do not add up: %+v", is.Issue, c)
		}
		if !(c.Lo95 <= c.Lo80 && c.Lo80 <= c.Hi80 && c.Hi80 <= c.Hi95) {
			t.Errorf("%s: intervals out of order: %+v", is.Issue, c)
		}
	}
	r, err = Run(context.Background(), compromise.Model{}, p, Options{Draws: 20, Seed: 3})
	if err != nil || r.Issues[0].Combined != nil {
		t.Errorf("compromise: combined %v, err %v; want none", r.Issues[0].Combined, err)
	}
}

// The compromise model's forecast is the weighted mean Σ wᵢxᵢ / Σ wᵢ, so
// with only positions drawn (independently, uniformly) each input's true
// first-order share is wᵢ²Var(xᵢ) / Σ wₖ²Var(xₖ). Weights 2, 1, 1 and
// ranges 0–100, 0–100, 40–60 (variances 10000/12, 10000/12, 400/12):
// shares ∝ 4·10000, 10000, 400, i.e. 40000/50400 = 0.793651,
// 10000/50400 = 0.198413 and 400/50400 = 0.007937, summing to 1. With
// 2,000 draws (seed 5) each estimate's 95% bootstrap interval holds its
// true share, and the raw estimates' sum's interval holds 1.
func TestVarianceShareIntervalsHoldTrueShares(t *testing.T) {
	p := mt.OneIssue(0, 100, mt.A(2, 50, 1), mt.A(1, 50, 1), mt.A(1, 50, 1))
	p.Stances[0][0].PosLo, p.Stances[0][0].PosHi = 0, 100
	p.Stances[1][0].PosLo, p.Stances[1][0].PosHi = 0, 100
	p.Stances[2][0].PosLo, p.Stances[2][0].PosHi = 40, 60
	r, err := Sensitivity(context.Background(), compromise.Model{}, p, Options{Draws: 2000, Seed: 5, Uniform: true})
	if err != nil {
		t.Fatal(err)
	}
	truth := map[string]float64{"a": 40000.0 / 50400, "b": 10000.0 / 50400, "c": 400.0 / 50400}
	is := r.Issues[0]
	if r.ShareReplicates != ShareReplicates || len(is.Swings) != 3 {
		t.Fatalf("%d resamples, %d swings", r.ShareReplicates, len(is.Swings))
	}
	sum := 0.0
	for _, s := range is.Swings {
		iv, want := s.VarShareInterval, truth[s.Input.ActorID]
		if !(iv[0] <= want && want <= iv[1]) || !(iv[0] < iv[1]) {
			t.Errorf("%s: share %.4f, interval %v, true share %.6f", s.Input.ActorID, s.VarShare, iv, want)
		}
		sum += s.VarShare
	}
	if math.Abs(is.VarShareSum-sum) > 1e-12 || !(is.VarShareRawSumInterval[0] <= 1 && 1 <= is.VarShareRawSumInterval[1]) {
		t.Errorf("sum %v (swings %v), raw sum %v in %v, true sum 1", is.VarShareSum, sum, is.VarShareRawSum, is.VarShareRawSumInterval)
	}
	// The same seed, the same intervals, at any number of workers.
	r2, err := Sensitivity(context.Background(), compromise.Model{}, p, Options{Draws: 2000, Seed: 5, Uniform: true, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r2.Issues, r.Issues) {
		t.Errorf("1 worker gave other intervals")
	}
}

// A resample's mean and variance count each draw as often as it is
// taken; every draw once: y's mean 9.4 and variance Σ(y − 9.4)²/10 =
// 338.4/10.
func TestCountedMomentsOnes(t *testing.T) {
	y := []float64{10, 3, 7, 5, 17, 13, 6, 12, 1, 20}
	ones := make([]float64, len(y))
	for i := range ones {
		ones[i] = 1
	}
	if mv := countedMoments(ones, y); math.Abs(mv[0]-9.4) > 1e-12 || math.Abs(mv[1]-33.84) > 1e-12 {
		t.Errorf("moments %v, want [9.4 33.84]", mv)
	}
}

// One resample's shares by hand: four draws, one input binned {0, 1},
// {2, 3}, issue 0 y = 0, 2, 4, 10, issue 1 constant. Draw 0 taken
// twice, draw 1 not at all (copies 2, 0, 1, 1): the mean 14/4 = 3.5,
// the variance (2·3.5² + 0.5² + 6.5²)/4 = 67/4, the bins' means 0 and
// 14/2 = 7 on 2 copies each, between (2·3.5² + 2·3.5²)/4 = 12.25, the
// noise (4/2 + 2/2)/4 − (4 + 1 + 1)/16 = 3/8, and the share
// (12.25/16.75 − 3/8)/(1 − 3/8) = 191/335. Every draw once: the mean 4,
// the variance 14, between 9, the noise 1/4 = (B − 1)/N, and the share
// (9/14 − 1/4)/(3/4) = 11/21, firstOrderRaw's. The constant issue's
// shares are 0.
func TestResampleSharesHand(t *testing.T) {
	ys := [][]float64{{0, 2, 4, 10}, {5, 5, 5, 5}}
	bins := [][]int{{0, 1}, {2, 3}}
	w := newResampler(newBinLists([][]uint8{binOf(bins, 4)}, 4), ys)
	for _, c := range []struct {
		cnt  []float64
		want float64
	}{{[]float64{2, 0, 1, 1}, 191.0 / 335}, {[]float64{1, 1, 1, 1}, 11.0 / 21}} {
		got := w.shares(c.cnt)
		if math.Abs(got[0][0]-c.want) > 1e-12 || got[1][0] != 0 {
			t.Errorf("copies %v: shares %v, want [[%v] [0]]", c.cnt, got, c.want)
		}
	}
	if raw := firstOrderRaw(bins, ys[0]); math.Abs(raw-11.0/21) > 1e-12 {
		t.Errorf("firstOrderRaw %v, want 11/21", raw)
	}
}
