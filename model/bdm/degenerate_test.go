package bdm

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"parley/errs"
	"parley/model"
)

func problem(x, c, s []float64) *model.Problem {
	p := &model.Problem{Issues: []model.Issue{{ID: "i", Min: 0, Max: 10}}}
	for i := range x {
		p.Actors = append(p.Actors, model.Actor{ID: string(rune('A' + i)), Capability: c[i]})
		p.Stances = append(p.Stances, []model.Stance{{Present: true, Position: x[i], Salience: s[i]}})
	}
	return p
}

// A18: when every S_i is equal, R_i = 0 and r_i = 1 (no division by zero).
func TestRiskAllEqual(t *testing.T) {
	R, r := risk([]float64{0.3, 0.3, 0.3})
	for i := range r {
		if R[i] != 0 || r[i] != 1 {
			t.Errorf("R[%d], r[%d] = %v, %v; want 0, 1", i, i, R[i], r[i])
		}
	}
	// E12–E13 by hand: S = (−1, 0, 3): R = (−1, −0.5, 1), r = (2, 1.4, 0.5).
	R, r = risk([]float64{-1, 0, 3})
	for i, want := range []float64{-1, -0.5, 1} {
		near(t, "R", R[i], want, 1e-15)
	}
	for i, want := range []float64{2, (1 + 0.5/3) / (1 - 0.5/3), 0.5} {
		near(t, "r", r[i], want, 1e-15)
	}
}

// Two identical actors facing each other: S_1 = S_2 exactly, so a real
// round takes the A18 branch.
func TestSymmetricPairHasEqualRisk(t *testing.T) {
	for _, f := range formulations {
		for _, paper := range []bool{false, true} {
			c, x := columnOf(problem([]float64{2, 8}, []float64{1, 1}, []float64{0.5, 0.5}), paper)
			in := c.round(x, f.prob)
			if in.s[0] != in.s[1] || in.bigR[0] != 0 || in.r[0] != 1 || in.r[1] != 1 {
				t.Errorf("%s paper=%v: S = %v, R = %v, r = %v; want equal S, R = 0, r = 1", f.name, paper, in.s, in.bigR, in.r)
			}
		}
	}
}

// One actor: nothing to bargain over; the forecast is its position.
func TestOneActor(t *testing.T) {
	p := problem([]float64{3}, []float64{1}, []float64{0.7})
	for _, m := range []Model{{}, {Profile: Paper}, {formula: viaDirect}} {
		ir, det := run(t, m, p, model.Options{})
		if ir.Forecast != 3 || det.StopRound != 1 || !det.Stopped || len(det.Rounds[0].Moves) != 0 {
			t.Errorf("%s: forecast %v, stop %d (%v), moves %v; want 3 at round 1, none", m.Name(), ir.Forecast, det.StopRound, det.Stopped, det.Rounds[0].Moves)
		}
		near(t, "r", det.Rounds[0].Risk[0], 1, 0)
	}
}

// Everyone at one position: Δ = 0, nobody moves, r = 1.
func TestAllSamePosition(t *testing.T) {
	p := problem([]float64{5, 5, 5}, []float64{1, 2, 3}, []float64{0.2, 0.5, 1})
	for _, m := range []Model{{}, {Profile: Paper}} {
		ir, det := run(t, m, p, model.Options{Rounds: 3})
		for _, rd := range ir.Rounds {
			for i, x := range rd.Positions {
				if x != 5 {
					t.Errorf("%s round %d: actor %d at %v", m.Name(), rd.Round, i, x)
				}
			}
		}
		if ir.Forecast != 5 || ir.Values["mean"] != 5 || det.Delta != 0 {
			t.Errorf("%s: forecast %v mean %v Δ %v", m.Name(), ir.Forecast, ir.Values["mean"], det.Delta)
		}
	}
}

// Issues run on their own, with only the actors present on each: issue 2
// of a two-issue problem gives what a one-issue problem of its actors gives.
func TestIssuesIndependentAndAbsentActors(t *testing.T) {
	eu := loadCSV(t, "eu_emissions_bdm1994.csv")
	p := eu.Clone()
	p.Issues = append(p.Issues, model.Issue{ID: "second", Min: 0, Max: 10})
	alone := &model.Problem{Issues: []model.Issue{{ID: "second", Min: 0, Max: 10}}}
	for i := range p.Stances {
		st := model.Stance{Present: i%3 != 1, Position: float64((i * 7) % 11), Salience: 0.1 * float64(i%10+1)}
		p.Stances[i] = append(p.Stances[i], st)
		if st.Present {
			alone.Actors = append(alone.Actors, p.Actors[i])
			alone.Stances = append(alone.Stances, []model.Stance{st})
		}
	}
	for _, m := range []Model{{}, {Profile: Paper}} {
		res, err := m.Forecast(context.Background(), p, model.Options{Rounds: 6})
		if err != nil {
			t.Fatal(err)
		}
		one, _ := run(t, m, eu, model.Options{Rounds: 6})
		if res.Issues[0].Forecast != one.Forecast {
			t.Errorf("%s: issue 1 forecast %v alone %v", m.Name(), res.Issues[0].Forecast, one.Forecast)
		}
		two, _ := run(t, m, alone, model.Options{Rounds: 6})
		got := res.Issues[1]
		if got.Forecast != two.Forecast || got.Values["mean"] != two.Values["mean"] {
			t.Errorf("%s: issue 2 forecast %v/%v, alone %v/%v", m.Name(), got.Forecast, got.Values["mean"], two.Forecast, two.Values["mean"])
		}
		for r, rd := range got.Rounds {
			j := 0
			for i, x := range rd.Positions {
				if i%3 == 1 {
					if !math.IsNaN(x) {
						t.Errorf("absent actor %d has position %v", i, x)
					}
					continue
				}
				if x != two.Rounds[r].Positions[j] {
					t.Errorf("%s round %d actor %d: %v, alone %v", m.Name(), r, i, x, two.Rounds[r].Positions[j])
				}
				j++
			}
		}
	}
}

// NoTrace keeps round 0 and the last round only.
func TestNoTrace(t *testing.T) {
	p := loadCSV(t, "eu_emissions_bdm1994.csv")
	ir, det := run(t, Model{}, p, model.Options{Rounds: 10, NoTrace: true})
	if len(ir.Rounds) != 2 || ir.Rounds[0].Round != 0 || ir.Rounds[1].Round != 10 || len(det.Rounds) != 1 || det.Rounds[0].Round != 10 {
		t.Fatalf("kept rounds %d (%d details)", len(ir.Rounds), len(det.Rounds))
	}
	near(t, "round-10 Belgium", ir.Rounds[1].Positions[belg], 4.291541, 1e-6)
	near(t, "forecast", ir.Forecast, 7, 0)
}

// E10 with Q, T < 1, by hand: d = 0.5, d_μ = 0.25, r = 2, s_j = 0.6,
// P = 0.3, Q = 0.5, T = 0.25. U_s = 2 − 4·0.25² = 1.75,
// U_f = 2 − 4·0.75² = −0.25, U_sq = 2 − 4·0.5² = 1,
// U_b = 2 − 4·0.3125² = 1.609375, U_w = 2 − 4·0.6875² = 0.109375,
// E = 0.6(0.3·1.75 + 0.7·(−0.25)) + 0.4·1.75 − 0.5·1
//
//	− 0.5(0.25·1.609375 + 0.75·0.109375) = 0.1678125.
func TestEUWithQAndT(t *testing.T) {
	c := &column{q: 0.5, t: 0.25}
	us, uf, usq := utilities(0.5, 2)
	near(t, "U_s", us, 1.75, 1e-15)
	near(t, "U_f", uf, -0.25, 1e-15)
	near(t, "U_sq", usq, 1, 1e-15)
	near(t, "E", c.eu(us, uf, usq, 0.6, 0.3, 0.5, 0.25, 2), 0.1678125, 1e-15)
	// r = 1: U_s = 2d, U_f = −2d, U_sq = 0 (spec §3.2).
	us, uf, usq = utilities(0.3, 1)
	near(t, "U_s(r=1)", us, 0.6, 1e-15)
	near(t, "U_f(r=1)", uf, -0.6, 1e-15)
	near(t, "U_sq(r=1)", usq, 0, 0)
}

func TestOptions(t *testing.T) {
	p := loadCSV(t, "eu_emissions_bdm1994.csv")
	// Q = 1 written out is the default.
	a, _ := run(t, Model{Q: Prob(1), T: Prob(0.3)}, p, model.Options{Rounds: 10})
	b, _ := run(t, Model{}, p, model.Options{Rounds: 10})
	if a.Forecast != b.Forecast || a.Values["mean"] != b.Values["mean"] {
		t.Errorf("Q=1 explicit: %v/%v, default %v/%v", a.Forecast, a.Values["mean"], b.Forecast, b.Values["mean"])
	}
	// Δ override and the issue scale (4–10 here, so ScaleDelta is Δ = 6).
	_, det := run(t, Model{Delta: 12}, p, model.Options{Rounds: 1})
	near(t, "Δ override", det.Delta, 12, 0)
	_, det = run(t, Model{ScaleDelta: true}, p, model.Options{Rounds: 1})
	near(t, "Δ scale", det.Delta, 6, 0)
	for _, m := range []Model{{Q: Prob(1.5)}, {T: Prob(-0.1)}, {Tau: math.NaN()}, {Delta: -1}, {Delta: 5.9}} {
		_, err := m.Forecast(context.Background(), p, model.Options{})
		if errs.CodeOf(err) != errs.Invalid {
			t.Errorf("%+v: err %v, want invalid", m, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (Model{}).Forecast(ctx, p, model.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err %v", err)
	}
	res, _ := Model{}.Forecast(context.Background(), p, model.Options{MaxRounds: 2})
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0].String(), "still moving after 2 rounds") {
		t.Errorf("notes %q", res.Notes)
	}
	if (Model{}).Name() != "bdm" || (Model{Profile: Paper}).Name() != "bdm-paper" {
		t.Error("names")
	}
}

// E3 (spec §3.1) at exactly W/2: A (c 1, x 20, s .5) and B (1, 80, .5)
// weigh w = .5 each, W = 1; the cumulative weight reaches W/2 = .5 at 20
// already, so μ is the lower median 20, not 80 nor their midpoint 50 —
// whichever actor comes first in the input, in both profiles, and from
// the engine's own median with and without a workspace.
func TestMedianLowerAtHalfWeight(t *testing.T) {
	for _, x := range [][]float64{{20, 80}, {80, 20}} {
		p := problem(x, []float64{1, 1}, []float64{0.5, 0.5})
		p.Issues[0].Max = 100
		for _, m := range []Model{{}, {Profile: Paper}, {formula: viaDirect}} {
			ir, _ := run(t, m, p, model.Options{Rounds: 1})
			near(t, m.Name()+" round-0 μ", ir.Rounds[0].Values["median"], 20, 0)
		}
		c, xs := columnOf(p, false)
		near(t, "median without workspace", c.median(xs), 20, 0)
		cw, _, in := c.begin(xs)
		near(t, "round's μ", in.mu, 20, 0)
		near(t, "median with workspace", cw.median(xs), 20, 0)
	}
}
