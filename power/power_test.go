package power

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
)

// TestHandDerived checks [3; 2, 1, 1] against indices derived by hand.
//
// Players a (2), b (1), c (1), quota 3. Of the 3! = 6 orders, a is pivotal
// when second (bac, cab: 1 + 2 = 3) or third (bca, cba: 1 + 1 = 2 < 3,
// then 4); when first (abc, acb) the second player brings 2 to 3 and is
// pivotal. So φ = (4/6, 1/6, 1/6) = (2/3, 1/6, 1/6).
// Swings: a swings for {b}, {c}, {b,c} (weights 1, 1, 2 < 3 ≤ +2), not for
// {} (0 + 2 < 3): η_a = 3. b swings only for {a} (2 < 3 ≤ 3); {a,c}
// already wins and {c}, {} stay below 3: η_b = η_c = 1. So β' = (3/4,
// 1/4, 1/4) of 2² = 4 coalitions and β = (3/5, 1/5, 1/5). a is a veto
// player (4 − 2 = 2 < 3); b and c are not (4 − 1 = 3); none is a dummy.
func TestHandDerived(t *testing.T) {
	r, err := Compute(context.Background(), Game{Quota: 3, Weights: []float64{2, 1, 1}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Exact {
		t.Fatalf("not exact: %s", r.Note)
	}
	near(t, "shapley", r.Shapley, []float64{2.0 / 3, 1.0 / 6, 1.0 / 6}, 1e-15)
	near(t, "banzhaf", r.Banzhaf, []float64{0.6, 0.2, 0.2}, 1e-15)
	near(t, "banzhaf abs", r.BanzhafAbs, []float64{0.75, 0.25, 0.25}, 1e-15)
	if len(r.Veto) != 1 || r.Veto[0] != 0 {
		t.Errorf("veto = %v, want [0]", r.Veto)
	}
	if len(r.Dummies) != 0 {
		t.Errorf("dummies = %v, want none", r.Dummies)
	}
}

// TestDummyAndFractional: in [0.6; 0.5, 0.3, 0.2] (weights not integers
// until scaled by 10) the coalition {0.5, 0.2} wins with 0.7, {0.3, 0.2}
// loses with 0.5 and {0.5} loses: 0.2 swings for {0.5} only and 0.3 for
// {0.5} only, 0.5 for {0.3}, {0.2} and {0.3, 0.2}: η = (3, 1, 1), the
// same game as [3; 2, 1, 1]. Adding a player of weight 0 adds a dummy
// and halves every absolute Banzhaf index's base but not its swings.
func TestDummyAndFractional(t *testing.T) {
	r, err := Compute(context.Background(), Game{Quota: 0.6, Weights: []float64{0.5, 0.3, 0.2, 0}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Exact {
		t.Fatalf("not exact: %s", r.Note)
	}
	if got := r.Swings; got[0] != 6 || got[1] != 2 || got[2] != 2 || got[3] != 0 {
		// Each swing of the three-player game counts twice: with and
		// without the weight-0 player.
		t.Errorf("swings = %v, want [6 2 2 0]", got)
	}
	near(t, "shapley", r.Shapley, []float64{2.0 / 3, 1.0 / 6, 1.0 / 6, 0}, 1e-15)
	if len(r.Dummies) != 1 || r.Dummies[0] != 3 {
		t.Errorf("dummies = %v, want [3]", r.Dummies)
	}
}

// A lone player with all the weight among eight of weight 0 is pivotal in
// every order and swings every coalition of the others: φ = β = 1
// exactly, never above (its Shapley sum rounded to 1.0000000000000002
// before it was clamped; found by FuzzParseWeights).
func TestDictatorIsOne(t *testing.T) {
	r, err := Compute(context.Background(), Game{Quota: 50, Weights: []float64{0, 0, 0, 0, 0, 100, 0, 0, 0}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range r.Shapley {
		want := 0.0
		if i == 5 {
			want = 1
		}
		if r.Shapley[i] != want || r.Banzhaf[i] != want {
			t.Errorf("player %d: φ %v, β %v, want %v", i+1, r.Shapley[i], r.Banzhaf[i], want)
		}
	}
}

// eu15 is the Council of the EU from 1995 to 2004: Germany, France,
// Italy, the UK 10; Spain 8; Belgium, Greece, the Netherlands, Portugal
// 5; Austria, Sweden 4; Denmark, Ireland, Finland 3; Luxembourg 2. A
// qualified majority is 62 of the 87 votes (Treaty establishing the
// European Community, art. 205(2) as amended by the 1994 Act of
// Accession).
var eu15 = Game{Quota: 62, Weights: []float64{10, 10, 10, 10, 8, 5, 5, 5, 5, 4, 4, 3, 3, 3, 2}}

// TestEU15 checks the dynamic programme against an independent
// enumeration of all 2^15 coalitions (equations (2) and (3) summed
// coalition by coalition in exact rational arithmetic), and the
// properties any index must have: the indices sum to 1, equal weights
// get equal power, more weight never less power, no veto player (87 − 10
// = 77 ≥ 62), no dummy.
func TestEU15(t *testing.T) {
	r, err := Compute(context.Background(), eu15, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Exact {
		t.Fatalf("not exact: %s", r.Note)
	}
	ss, bz, sw := enumerate(eu15)
	near(t, "shapley vs enumeration", r.Shapley, ss, 1e-14)
	near(t, "banzhaf vs enumeration", r.Banzhaf, bz, 1e-14)
	for i := range sw {
		if r.Swings[i] != sw[i] {
			t.Errorf("swings[%d] = %d, enumeration %d", i, r.Swings[i], sw[i])
		}
	}
	var s1, s2 float64
	for i := range r.Shapley {
		s1 += r.Shapley[i]
		s2 += r.Banzhaf[i]
		if i > 0 {
			w0, w1 := eu15.Weights[i-1], eu15.Weights[i]
			if w0 == w1 && (r.Shapley[i] != r.Shapley[i-1] || r.Banzhaf[i] != r.Banzhaf[i-1]) {
				t.Errorf("players %d and %d weigh the same but differ in power", i-1, i)
			}
			if w0 > w1 && !(r.Shapley[i-1] > r.Shapley[i] && r.Banzhaf[i-1] > r.Banzhaf[i]) {
				t.Errorf("player %d weighs more than %d but has no more power", i-1, i)
			}
		}
	}
	if math.Abs(s1-1) > 1e-14 || math.Abs(s2-1) > 1e-14 {
		t.Errorf("sums %v, %v; want 1", s1, s2)
	}
	if len(r.Veto) != 0 || len(r.Dummies) != 0 {
		t.Errorf("veto %v, dummies %v; want none", r.Veto, r.Dummies)
	}
}

// enumerate computes φ, β and η of g by visiting every coalition: for
// each coalition S and each player i ∉ S that swings for it, i's swing
// count goes up by one and its φ by |S|!(n−|S|−1)!/n!, in big.Rat.
func enumerate(g Game) ([]float64, []float64, []int64) {
	n := len(g.Weights)
	ss := make([]*big.Rat, n)
	for i := range ss {
		ss[i] = new(big.Rat)
	}
	sw := make([]int64, n)
	fact := func(k int) *big.Int { return new(big.Int).MulRange(1, int64(max(k, 1))) }
	nf := fact(n)
	for m := 0; m < 1<<n; m++ {
		w, size := 0.0, 0
		for j := 0; j < n; j++ {
			if m&(1<<j) != 0 {
				w += g.Weights[j]
				size++
			}
		}
		if w >= g.Quota {
			continue
		}
		c := new(big.Rat).SetFrac(new(big.Int).Mul(fact(size), fact(n-size-1)), nf)
		for i := 0; i < n; i++ {
			if m&(1<<i) == 0 && w+g.Weights[i] >= g.Quota {
				sw[i]++
				ss[i].Add(ss[i], c)
			}
		}
	}
	var total int64
	for _, k := range sw {
		total += k
	}
	phi, beta := make([]float64, n), make([]float64, n)
	for i := range n {
		phi[i], _ = ss[i].Float64()
		beta[i] = float64(sw[i]) / float64(total)
	}
	return phi, beta, sw
}

// TestSampled: sampling the EU-15 game (forced) lands within four
// standard errors of the exact indices for every player, and the same
// seed gives the same numbers.
func TestSampled(t *testing.T) {
	ex, _ := Compute(context.Background(), eu15, Options{})
	r, err := Compute(context.Background(), eu15, Options{Sample: true, Samples: 20000, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if r.Exact || r.Samples != 20000 {
		t.Fatalf("exact %v, samples %d", r.Exact, r.Samples)
	}
	for i := range ex.Shapley {
		if d := math.Abs(r.Shapley[i] - ex.Shapley[i]); d > 4*r.ShapleySE[i] || r.ShapleySE[i] == 0 {
			t.Errorf("player %d: φ %v ± %v, exact %v", i, r.Shapley[i], r.ShapleySE[i], ex.Shapley[i])
		}
		if d := math.Abs(r.BanzhafAbs[i] - ex.BanzhafAbs[i]); d > 4*r.BanzhafAbsSE[i] || r.BanzhafAbsSE[i] == 0 {
			t.Errorf("player %d: β' %v ± %v, exact %v", i, r.BanzhafAbs[i], r.BanzhafAbsSE[i], ex.BanzhafAbs[i])
		}
	}
	again, _ := Compute(context.Background(), eu15, Options{Sample: true, Samples: 20000, Seed: 7})
	for i := range r.Shapley {
		if again.Shapley[i] != r.Shapley[i] || again.Banzhaf[i] != r.Banzhaf[i] {
			t.Fatal("same seed, different result")
		}
	}
}

// TestLarge: 60 players (more than MaxExact) are sampled; one player
// holding more than the quota's complement is a veto player.
func TestLarge(t *testing.T) {
	w := make([]float64, 60)
	for i := range w {
		w[i] = 1
	}
	w[0] = 50 // total 109; 109 − 50 = 59 < 80
	r, err := Compute(context.Background(), Game{Quota: 80, Weights: w}, Options{Samples: 5000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Exact {
		t.Fatal("60 players computed exactly; want sampled")
	}
	if len(r.Veto) != 1 || r.Veto[0] != 0 {
		t.Errorf("veto = %v, want [0]", r.Veto)
	}
	if r.Dummies != nil {
		t.Errorf("dummies %v named from a sample", r.Dummies)
	}
}

// TestNonIntegralWeights: thirds are no integer after any power of ten,
// so the game [0.5; ⅓, ⅓, ⅓] (any two of three) is sampled; by symmetry
// each voter's φ is ⅓, within four standard errors.
func TestNonIntegralWeights(t *testing.T) {
	third := 1.0 / 3
	r, err := Compute(context.Background(), Game{Quota: 0.5, Weights: []float64{third, third, third}}, Options{Samples: 3000, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r.Exact || !strings.Contains(r.Note, "no power of ten makes the weights integers") {
		t.Fatalf("exact %v, note %q", r.Exact, r.Note)
	}
	for i, x := range r.Shapley {
		if math.Abs(x-third) > 4*r.ShapleySE[i] {
			t.Errorf("φ[%d] = %v ± %v, want 1/3", i, x, r.ShapleySE[i])
		}
	}
}

// TestCancel: a cancelled context stops the sampling.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compute(ctx, eu15, Options{Sample: true}); err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestBadGames(t *testing.T) {
	for _, g := range []Game{
		{Quota: 3},
		{Quota: 0, Weights: []float64{1}},
		{Quota: 5, Weights: []float64{1, 2}},
		{Quota: 1, Weights: []float64{-1, 2}},
		{Quota: 1, Weights: []float64{math.NaN()}},
		{Quota: math.Inf(1), Weights: []float64{1}},
	} {
		if _, err := Compute(context.Background(), g, Options{}); err == nil {
			t.Errorf("%+v: no error", g)
		}
	}
}

func near(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > tol {
			t.Errorf("%s[%d] = %.17g, want %.17g", what, i, got[i], want[i])
		}
	}
}

// TestPublishedExamples checks two weighted games whose indices are
// published with the software that computed them (short facts, cited):
//
//   - the EEC Council of Ministers 1958–1972, quota 12 of 17, weights
//     4, 4, 4, 2, 2, 1 (Germany, France, Italy, the Netherlands, Belgium,
//     Luxembourg): normalised Banzhaf 0.23809523809523808 ×3,
//     0.14285714285714285 ×2, 0 — Luxembourg a dummy. Source: the
//     documentation of the Python package powerindex 0.2.0 (PyPI,
//     libraries.io/pypi/powerindex/0.2.0, "EEC (1958-1982)" example).
//   - q = 50, w = 10, 10, 20, 30: Shapley–Shubik 0.08333333, 0.08333333,
//     0.25, …, the example from Stach (2011), "Shapley–Shubik index",
//     Encyclopedia of Power, as the R package CoopGame's documentation of
//     shapleyShubikIndex prints it (rdrr.io/cran/CoopGame); the fourth,
//     cut off there, is 1 − 5/12 = 7/12 since the indices sum to 1.
//
// The EU-15 Council game is checked in TestEU15 against an independent
// enumeration; no published table of it was at hand (docs/models.md).
func TestPublishedExamples(t *testing.T) {
	eec, err := Compute(context.Background(), Game{Quota: 12, Weights: []float64{4, 4, 4, 2, 2, 1}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "EEC banzhaf", eec.Banzhaf, []float64{0.23809523809523808, 0.23809523809523808, 0.23809523809523808, 0.14285714285714285, 0.14285714285714285, 0}, 1e-15)
	if len(eec.Dummies) != 1 || eec.Dummies[0] != 5 {
		t.Errorf("EEC dummies = %v, want [5] (Luxembourg)", eec.Dummies)
	}
	stach, err := Compute(context.Background(), Game{Quota: 50, Weights: []float64{10, 10, 20, 30}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Stach shapley", stach.Shapley, []float64{0.08333333, 0.08333333, 0.25, 7.0 / 12}, 5e-9)
}

// TestScaleInvariant: [q; w] and [q/s; w/s] are the same game, so games
// whose weights are integers times a power of ten — however large or
// small — are computed exactly, with the indices of the integer game.
//
//   - two equal voters and a quota above either (1.5 of 1, 1): both are
//     needed. Each swings only for the coalition of the other (1 < 1.5 ≤
//     2): η = (1, 1), β' = 1/2¹ = ½, φ = ½ (the second in either order is
//     pivotal); both are veto players.
//   - two equal voters and a quota equal to one of them: either wins
//     alone. Each swings only for the empty coalition (0 < 1 ≤ 1): η =
//     (1, 1), φ = ½ (the first in either order is pivotal); no veto
//     player (the other alone reaches the quota), no dummy.
//   - one voter: it is pivotal in the one order and swings for the empty
//     coalition, the one coalition of the others (2⁰ = 1): φ = β' = β = 1.
//   - [3; 2, 1, 1] scaled by 1e-10 and 1e12: TestHandDerived's indices.
func TestScaleInvariant(t *testing.T) {
	third, sixth := 1.0/3, 1.0/6
	for _, c := range []struct {
		name     string
		g        Game
		phi, abs []float64
		swings   []int64
		veto     []int
	}{
		{"1e19s, quota 1.5e19 (issue: index out of range)", Game{Quota: 1.5e19, Weights: []float64{1e19, 1e19}}, []float64{0.5, 0.5}, []float64{0.5, 0.5}, []int64{1, 1}, []int{0, 1}},
		{"1e9s, quota 1.5e9 (was sampled)", Game{Quota: 1.5e9, Weights: []float64{1e9, 1e9}}, []float64{0.5, 0.5}, []float64{0.5, 0.5}, []int64{1, 1}, []int{0, 1}},
		{"1e-10s, quota 1e-10 (was two dummies)", Game{Quota: 1e-10, Weights: []float64{1e-10, 1e-10}}, []float64{0.5, 0.5}, []float64{0.5, 0.5}, []int64{1, 1}, []int{}},
		{"1e308 alone (issue: makeslice)", Game{Quota: 1e308, Weights: []float64{1e308}}, []float64{1}, []float64{1}, []int64{1}, []int{0}},
		{"[3; 2, 1, 1]·1e-10", Game{Quota: 3e-10, Weights: []float64{2e-10, 1e-10, 1e-10}}, []float64{2 * third, sixth, sixth}, []float64{0.75, 0.25, 0.25}, []int64{3, 1, 1}, []int{0}},
		{"[3; 2, 1, 1]·1e12", Game{Quota: 3e12, Weights: []float64{2e12, 1e12, 1e12}}, []float64{2 * third, sixth, sixth}, []float64{0.75, 0.25, 0.25}, []int64{3, 1, 1}, []int{0}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Compute(context.Background(), c.g, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !r.Exact {
				t.Fatalf("not exact: %s", r.Note)
			}
			near(t, "shapley", r.Shapley, c.phi, 1e-15)
			near(t, "banzhaf abs", r.BanzhafAbs, c.abs, 1e-15)
			if fmt.Sprint(r.Swings) != fmt.Sprint(c.swings) || fmt.Sprint(r.Veto) != fmt.Sprint(c.veto) || len(r.Dummies) != 0 {
				t.Errorf("swings %v veto %v dummies %v; want %v, %v, none", r.Swings, r.Veto, r.Dummies, c.swings, c.veto)
			}
		})
	}
}

// TestQuotaTolerance: the quota is rounded up to the scaled integer it is
// within 1e-12 (relative) of, not further. In [0.7; 0.1 ×7] the scaled
// quota is 7.000000000000001 (float noise): all seven are needed, each
// swinging only for the other six, η = 1 each and every voter a veto
// player — the same as [7; 1 ×7]. In [2.0000001; 1, 1, 1] the quota is
// above 2 by 5e-8 relative, a real difference: all three are needed (η =
// 1, veto), not any two (η = 2, no veto), as rounding with the old
// absolute tolerance of 1e-9·max(1, x) would not have told apart from
// 2.000000001.
func TestQuotaTolerance(t *testing.T) {
	for _, c := range []struct {
		g Game
		n int
	}{
		{Game{Quota: 0.7, Weights: []float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}}, 7},
		{Game{Quota: 2.0000001, Weights: []float64{1, 1, 1}}, 3},
		{Game{Quota: 2.000000001, Weights: []float64{1, 1, 1}}, 3},
	} {
		r, err := Compute(context.Background(), c.g, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !r.Exact || len(r.Veto) != c.n {
			t.Errorf("%v: exact %v, veto %v; want all %d veto", c.g, r.Exact, r.Veto, c.n)
		}
		for i, k := range r.Swings {
			if k != 1 {
				t.Errorf("%v: swings[%d] = %d, want 1", c.g, i, k)
			}
		}
	}
}

// TestOverflowingTotal: weights whose sum is past the largest float64 are
// refused with an error that says what would be valid, not computed with
// an infinite total (which made neither of [1.5e308; 1e308, 1e308]'s
// players a veto player).
func TestOverflowingTotal(t *testing.T) {
	_, err := Compute(context.Background(), Game{Quota: 1.5e308, Weights: []float64{1e308, 1e308}}, Options{})
	if err == nil || !strings.Contains(err.Error(), "finite sum") {
		t.Fatalf("err = %v; want one asking for a finite sum", err)
	}
}

// TestTinyWeightsSampled: subnormal weights are no integers after any
// power of ten up to 10³⁰⁸, so the game is sampled, without a panic; the
// two voters of 5e-324 each, quota 1e-323, are both needed.
func TestTinyWeightsSampled(t *testing.T) {
	r, err := Compute(context.Background(), Game{Quota: 1e-323, Weights: []float64{5e-324, 5e-324}}, Options{Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	if r.Exact || len(r.Veto) != 2 {
		t.Errorf("exact %v veto %v; want sampled, both veto", r.Exact, r.Veto)
	}
}

// ones returns n weights of 1.
func ones(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1
	}
	return w
}

// TestMaxExact: games of MaxExact = 58 players are exact, of 59 sampled.
//
//   - Unanimity of 58 (quota 57.5 of 58): a player swings only for the
//     coalition of all 57 others, η = 1, β' = 1/2⁵⁷; it is pivotal only
//     when last, φ = 1/58; β = 1/58; all are veto players.
//   - Simple majority of 58 (quota 29.5: 30 needed): a player swings for
//     the coalitions of exactly 29 of the 57 others, η = C(57, 29) =
//     15,033,633,249,770,520, and their sum 58·η = 871,950,728,486,690,160
//     is near 2^59.6 — exact in int64; β = φ = 1/58 by symmetry, β' =
//     C(57, 29)/2⁵⁷; no veto player.
func TestMaxExact(t *testing.T) {
	u, err := Compute(context.Background(), Game{Quota: 57.5, Weights: ones(MaxExact)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !u.Exact || len(u.Veto) != MaxExact || u.Swings[0] != 1 || u.Swings[57] != 1 {
		t.Fatalf("unanimity of 58: exact %v, %d veto, swings %v; %s", u.Exact, len(u.Veto), u.Swings, u.Note)
	}
	near(t, "unanimity shapley", u.Shapley[:1], []float64{1.0 / 58}, 1e-15)
	near(t, "unanimity banzhaf", u.Banzhaf[:1], []float64{1.0 / 58}, 1e-15)
	near(t, "unanimity banzhaf abs", u.BanzhafAbs[:1], []float64{math.Ldexp(1, -57)}, 0)

	m, err := Compute(context.Background(), Game{Quota: 29.5, Weights: ones(MaxExact)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const eta = 15_033_633_249_770_520
	if !m.Exact || len(m.Veto) != 0 || m.Swings[0] != eta || m.Swings[57] != eta {
		t.Fatalf("majority of 58: exact %v, veto %v, swings[0] %d; want %d", m.Exact, m.Veto, m.Swings[0], int64(eta))
	}
	near(t, "majority shapley", m.Shapley[:1], []float64{1.0 / 58}, 1e-15)
	near(t, "majority banzhaf", m.Banzhaf[:1], []float64{1.0 / 58}, 1e-15)
	near(t, "majority banzhaf abs", m.BanzhafAbs[:1], []float64{eta / math.Ldexp(1, 57)}, 1e-16)

	s, err := Compute(context.Background(), Game{Quota: 58.5, Weights: ones(MaxExact + 1)}, Options{Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	if s.Exact || !strings.Contains(s.Note, "59 players is more than the 58") {
		t.Errorf("59 players: exact %v, note %q", s.Exact, s.Note)
	}
}

// TestMaxCells: two players' tables take a total integer weight of up to
// MaxCells/3 − 1 = 699,049. [699,049; 699,048, 1] is at the bound and
// exact: both are needed, each swings only for the other (η = 1), φ = ½,
// both veto. [699,050; 699,049, 1] is one past it (no power of ten
// makes the weights integers with a smaller total: 69,904.9 is none) and
// is sampled, saying why.
func TestMaxCells(t *testing.T) {
	r, err := Compute(context.Background(), Game{Quota: 699_049, Weights: []float64{699_048, 1}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Exact || r.Swings[0] != 1 || r.Swings[1] != 1 || len(r.Veto) != 2 {
		t.Fatalf("at the bound: exact %v swings %v veto %v; %s", r.Exact, r.Swings, r.Veto, r.Note)
	}
	near(t, "shapley", r.Shapley, []float64{0.5, 0.5}, 1e-15)
	r, err = Compute(context.Background(), Game{Quota: 699_050, Weights: []float64{699_049, 1}}, Options{Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	if r.Exact || !strings.Contains(r.Note, "a total of at most 699049, the exact tables' bound for 2 players") {
		t.Errorf("past the bound: exact %v, note %q", r.Exact, r.Note)
	}
}

// TestSampledNoSwing: a sample that never sees a swing does not report
// the index as 0 ± 0.
//
//   - Unanimity of 60 (quota 59.5; sampled, more than MaxExact): a
//     player swings only for the one coalition of all 59 others, with
//     probability 2⁻⁵⁹ per random coalition, so 1,000 coalitions show no
//     swing for anyone: every β' is 0 with no standard error (NaN) and
//     below 3/1000 = 0.003, and β = η/Ση = 0/0 is undefined (NaN), as
//     the Note says.
//   - Sixty voters, 59 of weight 1 and one of weight 0, quota 30: the
//     weight-0 voter never swings nor is pivotal (it cannot be); the
//     others swing with probability C(58, 29)/2⁵⁸ ≈ 0.10, so β is
//     defined and theirs have standard errors; the Note names 1 of the 60
//     players for each index.
func TestSampledNoSwing(t *testing.T) {
	r, err := Compute(context.Background(), Game{Quota: 59.5, Weights: ones(60)}, Options{Samples: 1000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if r.Exact || r.Below != 0.003 {
		t.Fatalf("exact %v, below %v; want sampled, 0.003", r.Exact, r.Below)
	}
	for j := range r.Banzhaf {
		if r.BanzhafAbs[j] != 0 || !math.IsNaN(r.BanzhafAbsSE[j]) || !math.IsNaN(r.Banzhaf[j]) || !math.IsNaN(r.BanzhafSE[j]) {
			t.Fatalf("player %d: β' %v ± %v, β %v ± %v; want 0 ± NaN, NaN ± NaN", j, r.BanzhafAbs[j], r.BanzhafAbsSE[j], r.Banzhaf[j], r.BanzhafSE[j])
		}
	}
	if want := "no player swung in any of the 1000 random coalitions, so each absolute Banzhaf index is below about 0.003 (3/N, 95%) and the normalised Banzhaf index is undefined"; !strings.Contains(r.Note, want) {
		t.Errorf("note %q; want it to say %q", r.Note, want)
	}

	w := ones(60)
	w[59] = 0
	r, err = Compute(context.Background(), Game{Quota: 30, Weights: w}, Options{Samples: 1000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if r.Banzhaf[59] != 0 || !math.IsNaN(r.BanzhafSE[59]) || !math.IsNaN(r.BanzhafAbsSE[59]) || r.Shapley[59] != 0 || !math.IsNaN(r.ShapleySE[59]) {
		t.Errorf("weight 0: φ %v ± %v, β %v ± %v, β' ± %v; want 0 ± NaN", r.Shapley[59], r.ShapleySE[59], r.Banzhaf[59], r.BanzhafSE[59], r.BanzhafAbsSE[59])
	}
	if math.IsNaN(r.Banzhaf[0]) || !(r.BanzhafSE[0] > 0) || !(r.ShapleySE[0] > 0) {
		t.Errorf("weight 1: β %v ± %v, φ ± %v; want defined with standard errors", r.Banzhaf[0], r.BanzhafSE[0], r.ShapleySE[0])
	}
	for _, want := range []string{"1 of the 60 players never swung in 1000 random coalitions: their absolute Banzhaf index is below about 0.003", "1 of the 60 players were never pivotal in 1000 random orders"} {
		if !strings.Contains(r.Note, want) {
			t.Errorf("note %q; want it to say %q", r.Note, want)
		}
	}
}
