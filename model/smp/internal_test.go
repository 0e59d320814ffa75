package smp

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestUtil checks U(δ,R) (eq. 1.4b) at hand-computed points.
func TestUtil(t *testing.T) {
	cases := []struct{ d, r, want float64 }{
		{0, 0.7, 1},           // own position
		{0.5, 0, 0.5},         // risk neutral: 1 − δ
		{0.5, 1, 0.75},        // (1−.5)(1+.5)
		{0.5, -0.5, 0.375},    // (1−.5)(1−.25)
		{1, 1, 0},             // (1−1)(…)
		{2, 1, -2},            // beyond 1: (1−2)(1+1)
		{0.25, -0.5, 0.65625}, // .75 × .875
	}
	for _, c := range cases {
		if got := util(c.d, c.r); got != c.want {
			t.Errorf("util(%v, %v) = %v, want %v", c.d, c.r, got, c.want)
		}
	}
}

// TestDist checks δ (eq. 1.4a): salience-weighted, normalised by Σ s².
func TestDist(t *testing.T) {
	// one dimension: |a−b| whatever the salience
	if got := dist([]float64{0.2}, []float64{0.7}, []float64{0.3}, 0.09); math.Abs(got-0.5) > 1e-15 {
		t.Errorf("1-D distance %v, want 0.5", got)
	}
	// two dimensions, saliences .3 and .4: sqrt((.3·.5)² + (.4·0)²)/sqrt(.25) = .15/.5
	got := dist([]float64{0.5, 0.1}, []float64{0, 0.1}, []float64{0.3, 0.4}, 0.09+0.16)
	if math.Abs(got-0.3) > 1e-15 {
		t.Errorf("2-D distance %v, want 0.3", got)
	}
}

// TestRound4 checks KTAB's rounding of bargains: half up at the fifth
// decimal, by truncation of z·10⁴ + ½.
func TestRound4(t *testing.T) {
	for _, c := range [][2]float64{{0.12344, 0.1234}, {0.12346, 0.1235}, {0.99999, 1}, {0, 0}, {0.5, 0.5}} {
		if got := round4(c[0]); got != c[1] {
			t.Errorf("round4(%v) = %v, want %v", c[0], got, c[1])
		}
	}
}

// TestPCETwoOptions works eqs. 1.5b–d by hand: voter 0 (weight 1)
// prefers option 0 by 1, voter 1 (weight 2) prefers option 1 by 1, so
// C₀₁ = 1 + 1e-8, C₁₀ = 2 + 1e-8 and p₀ = 0.5·P₀₁ / (0.5·P₀₁ + 0.5·P₁₀).
func TestPCETwoOptions(t *testing.T) {
	w := []float64{1, 2}
	uo := []float64{1, 0, 0, 1} // option-major: option 0 then option 1
	p, coal := make([]float64, 2), make([]float64, 4)
	pce(VoteProportional, PCEConditional, w, uo, 2, 2, p, coal, 1)
	c01, c10 := 1+1e-8, 2+1e-8
	p01, p10 := c01/(c01+c10), c10/(c01+c10)
	q0, q1 := 0.5*p01, p10*0.5
	if p[0] != q0/(q0+q1) || p[1] != q1/(q0+q1) {
		t.Errorf("p = %v, want [%v %v]", p, q0/(q0+q1), q1/(q0+q1))
	}
	if math.Abs(p[0]-1.0/3) > 1e-8 {
		t.Errorf("p₀ = %v, want about 1/3", p[0])
	}
	// Markov uniform chain on two options: from 0 move with ½·P₁₀, from
	// 1 with ½·P₀₁; stationary p₀ = P₀₁/(P₀₁+P₁₀), about 1/3 as well.
	pce(VoteProportional, PCEMarkovUniform, w, uo, 2, 2, p, coal, 1)
	if math.Abs(p[0]-p01/(p01+p10)) > 1e-12 || math.Abs(p[0]+p[1]-1) > 1e-12 {
		t.Errorf("Markov p = %v, want [%v, %v]", p, p01/(p01+p10), p10/(p01+p10))
	}
}

// TestVoteRules checks each voting rule at Δu = ±0.5 with weight 2.
func TestVoteRules(t *testing.T) {
	cases := []struct {
		r    VotingRule
		want float64 // vote for a − b = 0.5
	}{
		{VoteProportional, 1}, {VoteBinary, 2}, {VotePropBin, 1.5}, {VotePropCubic, 0.625}, {VoteCubic, 0.25},
	}
	for _, c := range cases {
		if got := vote(c.r, 2, 0.75, 0.25); got != c.want {
			t.Errorf("%v: vote = %v, want %v", c.r, got, c.want)
		}
		if got := vote(c.r, 2, 0.25, 0.75); got != -c.want {
			t.Errorf("%v: reversed vote = %v, want %v", c.r, got, -c.want)
		}
	}
}

// TestBargainS2P2 works eq. 1.9a for one dimension: sᵢ = .5, sⱼ = .25,
// P_I = .8: Wᵢ = .25·.64 = .16, Wⱼ = .0625·.04 = .0025, so
// bᵢ = round4(((.16+1e-6)·.2 + .0025·.6)/(.1625+1e-6)).
func TestBargainS2P2(t *testing.T) {
	e := &engine{n: 2, d: 1, x: []float64{0.2, 0.6}, s: []float64{0.5, 0.25}}
	b := e.interp(0, 1, 0.8)
	wi, wj := 0.5*0.5*(0.8*0.8), 0.25*0.25*(0.2*0.2)
	want := math.Floor(0.5+10000*((wi+1e-6)*0.2+wj*0.6)/(wi+1e-6+wj)) / 10000
	if b.bI[0] != want || math.Abs(b.bI[0]-0.2062) > 1e-12 || math.Abs(b.bR[0]-0.2062) > 1e-12 {
		t.Errorf("bargain %v / %v, want %v (0.2062) for both", b.bI, b.bR, want)
	}
}

// TestAddRowsBut checks resolve's row sums, four rows side by side,
// against one row at a time in column order, bit for bit: every size up
// to 13 (so every remainder of four) and every pair of skipped columns,
// equal ones and in either order.
func TestAddRowsBut(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	for n := 1; n <= 13; n++ {
		u := make([]float64, n*n)
		for k := range u {
			u[k] = r.Float64()*2 - 0.5
		}
		for p := 0; p < n; p++ {
			for q := 0; q < n; q++ {
				start := make([]float64, n)
				for a := range start {
					start[a] = r.Float64()
				}
				got := append([]float64(nil), start...)
				addRowsBut(got, u, n, p, q)
				for a := 0; a < n; a++ {
					want := start[a]
					for l := 0; l < n; l++ {
						if l != p && l != q {
							want += u[a*n+l]
						}
					}
					if math.Float64bits(got[a]) != math.Float64bits(want) {
						t.Fatalf("n %d, columns %d and %d skipped, row %d: %v, want %v", n, p, q, a, got[a], want)
					}
				}
			}
		}
	}
}

// TestPCESameChangesNothing: pceSame, which computes the coalitions of
// options with the same utilities once, gives every option the
// probability pce gives it, bit for bit, under every voting rule and PCE
// model, with options repeated up to four times in any order.
func TestPCESameChangesNothing(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 9))
	repeated := 0
	for c := range 400 {
		n, m := 2+c%9, 2+c%13
		w := make([]float64, n)
		for k := range w {
			w[k] = float64(1 + r.IntN(100))
		}
		distinct := 1 + r.IntN(m)
		rows := make([][]float64, distinct)
		for o := range rows {
			rows[o] = make([]float64, n)
			for k := range rows[o] {
				rows[o][k] = r.Float64()
			}
		}
		uo, same := make([]float64, 0, m*n), make([]int, m)
		firstOf := map[int]int{}
		for o := range m {
			k := r.IntN(distinct)
			uo = append(uo, rows[k]...)
			if f, ok := firstOf[k]; ok {
				same[o] = f
			} else {
				firstOf[k], same[o] = o, o
			}
		}
		rule, model := VotingRule(c%int(VoteASymProsp)), PCEModel(c/5%2)
		want, got := make([]float64, m), make([]float64, m)
		pce(rule, model, w, uo, n, m, want, make([]float64, m*m), 1)
		pceSame(rule, model, w, uo, n, m, got, make([]float64, m*m), 1, same)
		for o := range m {
			if math.Float64bits(got[o]) != math.Float64bits(want[o]) {
				t.Fatalf("case %d (%v, %v, same %v): option %d's probability %v, want %v", c, rule, model, same, o, got[o], want[o])
			}
		}
		if len(firstOf) < m {
			repeated++
		}
	}
	if repeated < 200 {
		t.Errorf("only %d of 400 cases repeat an option", repeated)
	}
}
