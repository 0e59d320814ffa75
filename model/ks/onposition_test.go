package ks

import "testing"

// TestSolveAtActorPosition: where the maxmin (6) lies at an actor's own
// position, Solve returns that position exactly, not the bisection's
// nearest point (69.99999999999773 for 70 on the review's port case).
// Status quo 0 on 0–100, A at p with weight 1, B at 100 with weight w:
// r = (p, 100), F = [0, min(2p, 100)], A's ideal its own position (gA =
// v(2p − v)/p², 1 at v = p, its largest) and B's the top of F, δB =
// 100 − min(2p, 100). At v = p, gB/w = (100² − (100 − p)²)/(100² − δB²)/w
// ≥ 1 for the cases below (p = 30, w = 0.5: 5100/8400/0.5 ≈ 1.21; p =
// 70: 9100/10000 over 0.5 or 0.8; p = 65, w = 0.3: 8775/10000/0.3 ≈
// 2.93): A's gain binds, and it is largest at A's own position: x̂ = p. With A at 12.3 and equal weights B binds
// and x̂ is not A's position, which the exact-position rule must not
// take: F = [0, 24.6], δB = 75.4, ūB − dB = 100² − 75.4² = 4314.84, and
// gB(12.3) = 12.3 · 187.7/4314.84 ≈ 0.535 < 1.
func TestSolveAtActorPosition(t *testing.T) {
	for _, c := range []struct{ p, w float64 }{{30, 0.5}, {70, 0.5}, {70, 0.8}, {65, 0.3}} {
		if got, _ := Solve([]float64{c.p, 100}, []float64{1, c.w}, 0, 100, 0, true); got != c.p {
			t.Errorf("A at %v (weight 1), B at 100 (weight %v): Solve = %v, want exactly %v", c.p, c.w, got, c.p)
		}
	}
	// B binds: gB = v(200 − v)/4314.84 meets gA = v(24.6 − v)/151.29
	// above 12.3, where 4314.84(24.6 − v) = 151.29(200 − v):
	// v = (106145.064 − 30258)/(4314.84 − 151.29) = 75887.064/4163.55.
	got, _ := Solve([]float64{12.3, 100}, []float64{1, 1}, 0, 100, 0, true)
	if want := 75887.064 / 4163.55; got < want-1e-9 || got > want+1e-9 {
		t.Errorf("A at 12.3, B at 100 (equal weights): Solve = %v, want %v", got, want)
	}
}
