package bdm

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"parley/model"
)

// oneIssue builds a one-issue problem on 0–100 from positions, capabilities
// and saliences (0–1).
func oneIssue(x, c, s []float64) *model.Problem {
	p := &model.Problem{Issues: []model.Issue{{ID: "k", Name: "k", Min: 0, Max: 100}}}
	for i := range x {
		id := string(rune('a' + i))
		p.Actors = append(p.Actors, model.Actor{ID: id, Name: id, Capability: c[i], CapLo: c[i], CapHi: c[i]})
		p.Stances = append(p.Stances, []model.Stance{{Present: true, Position: x[i], Salience: s[i],
			PosLo: x[i], PosHi: x[i], SalLo: s[i], SalHi: s[i]}})
	}
	return p
}

// In bdm-paper an actor with salience 0 can win a conflict: E10 weighs the
// target's salience, never the challenger's own (docs/models.md, caveats).
// a (x = 10, c = 100, s = 0), b (10, 40, 0.1), c (90, 90, 0.3); Δ = 80, so
// d = 1 between the two positions. Weights w = c·s: 0, 4, 27.
//
// Risk (E11–E13, r ≡ 1, where U_s = 2d, U_f = −2d, U_sq = 0 and pairs at
// one position give 0): S_a = E^c(U_ca) = 2 (a resists with probability 0);
// S_b = 0.1·(2·27/31 − 2·4/31) + 0.9·2 = 1.94839; S_c = 2·[0.3·(2·4/31 −
// 2·27/31) + 0.7·2] = 1.90968. a is the most threatened (r_a = 0.5), c the
// least (r_c = 2).
//
// c reading a (paper: a with r_c, b with r_a, P2):
// a = E^c(U_ca) = U_s − U_sq at r = 2 = 2 − (2 − 4·0.25) = 1;
// b = E^a(U_ac) = 0.3·(2·4/31 − 2·27/31) + 0.7·2 − (2 − 4·√0.5) at r = 0.5
// = −0.445161 + 1.4 + 0.828427 = 1.783266. b > a > 0: c loses a conflict
// (E14) to a, whose vote weighs nothing, and moves to 10. (From b, c's
// pair is a = 0.948387, b = 0.820911 at r_b = 1.1: no offer.)
func TestPaperZeroSalienceChallengerWins(t *testing.T) {
	p := oneIssue([]float64{10, 10, 90}, []float64{100, 40, 90}, []float64{0, 0.1, 0.3})
	res, err := Model{Profile: Paper}.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rd := res.Detail.(*Detail).Issues[0].Rounds[0]
	if math.Abs(rd.Risk[0]-0.5) > 1e-12 || math.Abs(rd.Risk[2]-2) > 1e-12 {
		t.Fatalf("risk = %v, want r_a = 0.5, r_c = 2", rd.Risk)
	}
	wantB := 0.3*(2*4.0/31-2*27.0/31) + 0.7*2 - (2 - 4*math.Sqrt(0.5))
	var got *Move
	for i := range rd.Moves {
		if rd.Moves[i].Actor == 2 {
			got = &rd.Moves[i]
		}
	}
	if got == nil || got.With != 0 || got.Kind != "conflict" || got.To != 10 ||
		math.Abs(got.A-1) > 1e-12 || math.Abs(got.B-wantB) > 1e-12 {
		t.Fatalf("c's move = %+v, want a conflict lost to a: A = 1, B = %.6f, to 10", got, wantB)
	}
}

// In the replication profile a zero-salience actor never wins: a receiver i
// reads both numbers with its own r (P1), so with s_j = 0,
// a = E^i(U_ij) = U_s − U_sq ≥ 0 and
// b = E^i(U_ji) = s_i·[P̃ U_s + (1 − P̃) U_f] + (1 − s_i)·U_s − U_sq ≤ a,
// since U_f ≤ U_s: neither a conflict lost (b > a > 0) nor a compromise
// (a < 0) can come from j. Checked on 2,000 random problems (seeded).
func TestReplicationZeroSalienceNeverWins(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	moves := 0
	for trial := range 2000 {
		n := 3 + r.IntN(4)
		x, c, s := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range n {
			x[i], c[i], s[i] = float64(r.IntN(11)*10), 1+99*r.Float64(), r.Float64()
		}
		s[0] = 0
		res, err := Model{}.Forecast(context.Background(), oneIssue(x, c, s), model.Options{})
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		for _, rd := range res.Detail.(*Detail).Issues[0].Rounds {
			for _, mv := range rd.Moves {
				moves++
				if mv.With == 0 {
					t.Fatalf("trial %d, round %d: %+v moved towards the zero-salience actor", trial, rd.Round, mv)
				}
			}
		}
	}
	if moves == 0 {
		t.Fatal("no moves at all: the check saw nothing")
	}
}
