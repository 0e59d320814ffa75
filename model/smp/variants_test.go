package smp

import (
	"fmt"
	"math"
	"testing"
)

// TestRiskRanges works eq. 1.6b–c by hand for three actors on one
// dimension at 0, .5 and 1, saliences 1, powers 1, 2, 4. Risk-neutral
// utilities are 1 − |x_k − x_o|, so (dropping the 1e-8 seeds)
// C₀₁ = .5, C₁₀ = 1 + 2 = 3; C₀₂ = 1, C₂₀ = 4; C₁₂ = .5 + 1, C₂₁ = 2,
// giving P₀₁ = 1/7, P₀₂ = 1/5, P₁₂ = 3/7, and with Pᵢᵢ = ½
// q = (½·1/7·1/5, 6/7·½·3/7, 4/5·4/7·½) = (7, 90, 112)/490, so
// p = (7, 90, 112)/209: p_min = 7/209, p_max = 112/209. In units of
// 1/209 the middle actor's R is
//
//	Mid (3p − p_max − 2p_min)/(2(p_max − p_min)) = 144/210
//	Min (p − p_min)/(p_max − p_min)              = 83/105
//	Max (2p − p_max − p_min)/(p_max − p_min)     = 61/105
//
// and the ends are (−½, 1), (0, 1), (−1, 1).
func TestRiskRanges(t *testing.T) {
	cases := []struct {
		rr   RiskRange
		want [3]float64
	}{
		{RiskMid, [3]float64{-0.5, 144.0 / 210, 1}},
		{RiskMin, [3]float64{0, 83.0 / 105, 1}},
		{RiskMax, [3]float64{-1, 61.0 / 105, 1}},
	}
	for _, c := range cases {
		e := newEngine(Model{RiskRange: c.rr}, []float64{1, 2, 4}, []float64{1, 1, 1}, []float64{0, 0.5, 1}, 3, 1)
		e.setup()
		for i, w := range c.want {
			if math.Abs(e.p0[i]-[]float64{7.0 / 209, 90.0 / 209, 112.0 / 209}[i]) > 1e-7 {
				t.Errorf("%v: p[%d] = %v", c.rr, i, e.p0[i])
			}
			if math.Abs(e.R[i]-w) > 1e-7 {
				t.Errorf("%v: R[%d] = %v, want %v", c.rr, i, e.R[i], w)
			}
		}
	}
}

// TestRiskAdjustments works eq. 1.6d: h's estimate of i's attitude with
// R_h = .5, R_i = −.25: None R_h = .5; OneThird (2R_h + R_i)/3 = .25;
// Half (R_h + R_i)/2 = .125; TwoThirds (R_h + 2R_i)/3 = 0; Full R_i.
func TestRiskAdjustments(t *testing.T) {
	for _, c := range []struct {
		a    RiskAdjust
		want float64
	}{{AdjustNone, 0.5}, {AdjustOneThird, 0.25}, {AdjustHalf, 0.125}, {AdjustTwoThirds, 0}, {AdjustFull, -0.25}} {
		e := &engine{o: Model{RiskAdjust: c.a}}
		if got := e.adj(0.5, -0.25); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("%v: r = %v, want %v", c.a, got, c.want)
		}
	}
}

// TestBargainS1P1 works eq. 1.9a with exponents 1, 1 on TestBargainS2P2's
// case (x = .2, .6; s = .5, .25; P_I = .8): Wᵢ = .5·.8 = .4,
// Wⱼ = .25·.2 = .05, bᵢ = round4(((.4+1e-6)·.2 + .05·.6)/(.45+1e-6)) =
// round4(.2444443…) = .2444, and bⱼ the same (S2P2 gives .2062).
func TestBargainS1P1(t *testing.T) {
	e := &engine{n: 2, d: 1, x: []float64{0.2, 0.6}, s: []float64{0.5, 0.25}, o: Model{Interp: InterpS1P1}}
	b := e.interp(0, 1, 0.8)
	if math.Abs(b.bI[0]-0.2444) > 1e-12 || math.Abs(b.bR[0]-0.2444) > 1e-12 {
		t.Errorf("S1P1 bargain %v / %v, want 0.2444 for both", b.bI, b.bR)
	}
}

// TestBargainS2PMax works the S2PMax variant of §1.9 on the same case:
// P_I = .8, P_J = .2, so dᵢ = max(0, P_J − P_I) = 0 and bᵢ = xᵢ = .2;
// dⱼ = .6, bⱼ = .6 + .6·.25/(.6·.25 + 1e-6 + .4·.0625)·(.2 − .6) =
// .6 − .06/.175001 = .25714481…, unrounded.
func TestBargainS2PMax(t *testing.T) {
	e := &engine{n: 2, d: 1, x: []float64{0.2, 0.6}, s: []float64{0.5, 0.25}, o: Model{Interp: InterpS2PMax}}
	b := e.interp(0, 1, 0.8)
	if b.bI[0] != 0.2 {
		t.Errorf("S2PMax bᵢ = %v, want 0.2", b.bI[0])
	}
	if want := 0.6 - 0.06/0.175001; math.Abs(b.bR[0]-want) > 1e-15 || math.Abs(b.bR[0]-0.2571448) > 1e-7 {
		t.Errorf("S2PMax bⱼ = %v, want %v", b.bR[0], want)
	}
}

// receiverCase is two actors on one dimension at 0 and 1, saliences 1,
// powers 1 and 2. Every distance between them is 1, so U = 0 there and 1
// at home, whatever the risk attitude. j's estimate E(j, i, i, j) with
// k = i = 0 (eq. 1.7, no third parties): euSQ = 1, V_ij = 2, V_ji = 0,
// aᵢ = 1·1·(1 − 0) = 1, aⱼ = 2·(0 − 1) = −2, so A = 1 + 1e-10,
// B = 2 + 1e-10, φ = A/(A+B) ≈ 1/3, euChlg = (1 − σⱼ)·2 + σⱼ·2φ = 2φ and
// Δ = 2φ − 1 ≈ −1/3.
//
// Interpolated with P_I = φ = 1/3 (S2P2): Wᵢ = 1/9, Wⱼ = 4/9, both points
// round4((4/9)/(5/9 + 1e-6)) = .8. With P_I = Δ = −1/3, P_J = 4/3:
// Wᵢ = 1/9, Wⱼ = 16/9, both round4((16/9)/(17/9 + 1e-6)) = .9412.
func receiverCase(b BargainModel) ([]bargain, error) {
	e := newEngine(Model{Bargain: b}, []float64{1, 2}, []float64{1, 1}, []float64{0, 1}, 2, 1)
	e.setup()
	if phi, delta := e.evalE(1, 0, 0, 1); math.Abs(phi-1.0/3) > 1e-9 || math.Abs(delta+1.0/3) > 1e-9 {
		return nil, fmt.Errorf("E(j,i,i,j) = (%v, %v), want (1/3, −1/3)", phi, delta)
	}
	return e.bargains([]int{1, -1}, []float64{1.0 / 3, 0}), nil
}

// TestInitRcvrUsesDelta: InitRcvrInterp adds a second bargain
// interpolated with the Δ element of j's estimate, not φ (the KTAB quirk
// of §1.9): .9412, where φ would give .8 again (receiverCase).
func TestInitRcvrUsesDelta(t *testing.T) {
	bs, err := receiverCase(BargainInitRcvr)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 2 {
		t.Fatalf("%d bargains, want the initiator's and the receiver's", len(bs))
	}
	for n, want := range []float64{0.8, 0.9412} {
		if b := bs[n]; b.init != 0 || b.rcvr != 1 || math.Abs(b.bI[0]-want) > 1e-12 || math.Abs(b.bR[0]-want) > 1e-12 {
			t.Errorf("bargain %d: %d→%d at %v / %v, want 0→1 at %v", n, b.init, b.rcvr, b.bI, b.bR, want)
		}
	}
}

// TestPWCompWeights: PWCompInterp keeps one bargain, the weighted mean
// (σᵢcᵢ·β + cᵢσⱼ·β')/(σᵢcᵢ + cᵢσⱼ) with the initiator's capability in
// both weights (§1.9): here 1·.8 and 1·.9412, so (.8 + .9412)/2 = .8706;
// the weight σⱼcⱼ = 2 the comment intends would give .89413.
func TestPWCompWeights(t *testing.T) {
	bs, err := receiverCase(BargainPWComp)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 1 {
		t.Fatalf("%d bargains, want 1", len(bs))
	}
	if b := bs[0]; math.Abs(b.bI[0]-0.8706) > 1e-12 || math.Abs(b.bR[0]-0.8706) > 1e-12 {
		t.Errorf("bargain at %v / %v, want 0.8706", b.bI, b.bR)
	}
}
