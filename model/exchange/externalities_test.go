package exchange

import (
	"context"
	"math"
	"strconv"
	"testing"

	"parley/model"
)

// threeActors is twoActors with a third actor C at 10 on p (salience 0.1)
// and 20 on q (0.4), capability 1.
func threeActors() *model.Problem {
	p := twoActors()
	p.Actors = append(p.Actors, model.Actor{ID: "C", Name: "C", Capability: 1, CapLo: 1, CapHi: 1})
	st := func(x, s float64) model.Stance {
		return model.Stance{Present: true, Position: x, Salience: s, PosLo: x, PosHi: x, SalLo: s, SalHi: s}
	}
	p.Stances = append(p.Stances, []model.Stance{st(10, 0.1), st(20, 0.4)})
	return p
}

// TestExternalitiesByHand derives one round of threeActors by hand (spec
// §1.3–§1.5, §1.8; every capability 1).
//
// Σ_p = 0.8 + 0.2 + 0.1 = 1.1, NBS_p = (0 + 20 + 1)/1.1 = 210/11 ≈ 19.09;
// Σ_q = 0.2 + 0.8 + 0.4 = 1.4, NBS_q = (0 + 80 + 8)/1.4 = 440/7 ≈ 62.86.
// A (0, 0) and C (10, 20) are left of both (group d), B (100, 100) right of
// both (group a): candidates B–A and B–C, an a–d pair each. B–C: equal
// ratios s_p/s_q (0.25 both), so gain = dp·(s_Ip·s_Jq − s_Iq·s_Jp)/(…) = 0:
// invalid. B–A: A's ratio 4 > B's 0.25, so I = A (supplies q), J = B
// (supplies p). (a) dp = 100·0.2/1.1 = 20/1.1, dq = dp·1/1, m_I =
// dq·1.4/0.2 = 140/1.1 > 100 = |x_Jq − x_Iq|, so (b): dq = 100·0.2/1.4 =
// 100/7, dp = dq, m_I = 100, m_J = dp·1.1/0.2 = 550/7; signs: A 0 → 100
// on q, B 100 → 150/7 on p. Gain |dq·0.2 − dp·0.8| = 0.6·100/7 = 60/7 for
// both. No NBS cap: NBS_q goes 440/7 → (20 + 80 + 8)/1.4 = 540/7, short of
// B's 100; NBS_p goes 210/11 → (0.2·150/7 + 1)/1.1 = 370/77, short of A's
// 0.
//
// Externalities, eq. (12): A and B own, 60/7 each. C (x_p 10, s 0.1; x_q
// 20, s 0.4): on p (|210/11 − 10| − |370/77 − 10|)·0.1 = (700 − 400)/77·0.1
// = 30/77; on q (|440/7 − 20| − |540/7 − 20|)·0.4 = −100/7·0.4 = −40/7;
// in all 30/77 − 440/77 = −410/77 ≈ −5.3247: the exchange moved both
// forecasts away from C on balance. C is in group d, one of the
// exchange's own two: inner, negative.
func TestExternalitiesByHand(t *testing.T) {
	for _, exact := range []bool{false, true} {
		p := threeActors()
		res, err := Model{Exact: exact}.Forecast(context.Background(), p, model.Options{Rounds: 1})
		if err != nil {
			t.Fatal(err)
		}
		d := res.Detail.(*Detail)
		if n := len(d.Rounds[0].Exchanges); n != 1 || d.Rounds[0].Candidates != 2 || d.Rounds[0].Valid != 1 {
			t.Fatalf("exact=%v: %d exchanges of %d candidates (%d valid), want 1 of 2 (1)", exact, n, d.Rounds[0].Candidates, d.Rounds[0].Valid)
		}
		e := d.Rounds[0].Exchanges[0]
		for _, c := range []struct {
			what      string
			got, want float64
		}{
			{"gain", e.Gain.Float64(), 60.0 / 7}, {"J y", e.J.Y.Float64(), 150.0 / 7},
			{"I nbs0", e.I.NBS0.Float64(), 440.0 / 7}, {"I nbs1", e.I.NBS1.Float64(), 540.0 / 7},
			{"J nbs0", e.J.NBS0.Float64(), 210.0 / 11}, {"J nbs1", e.J.NBS1.Float64(), 370.0 / 77},
		} {
			if math.Abs(c.got-c.want) > 1e-12 {
				t.Errorf("exact=%v: %s = %v, want %v", exact, c.what, c.got, c.want)
			}
		}
		ext, err := Externalities(p, res)
		if err != nil {
			t.Fatal(err)
		}
		want := []Externality{{0, ClassOwn, 60.0 / 7}, {1, ClassOwn, 60.0 / 7}, {2, ClassInner, -410.0 / 77}}
		got := ext[0][0]
		if len(got) != len(want) {
			t.Fatalf("exact=%v: %d externalities, want 3: %+v", exact, len(got), got)
		}
		for n, w := range want {
			if got[n].Actor != w.Actor || got[n].Class != w.Class || math.Abs(got[n].Value-w.Value) > 1e-12 {
				t.Errorf("exact=%v: externality %d = %+v, want %+v", exact, n, got[n], w)
			}
		}
	}
}

// TestExternalitiesAgainstDecideTrace computes eq. (12) from Decide's own
// trace (testdata/*.trace.json.gz: its start-of-round positions, its
// preference NBS for the groups, and each exchange's nbs_0/nbs_1) and
// checks Externalities on Parley's exact run against it, for every
// exchange of all ten rounds of copenhagen and sample_data, to 1e-9 (the
// trace's 28 digits against float64). It then checks the sums Decide
// keeps (§1.8: per actor, per issue pair and per exchange) agree with one
// another and with the five classes: own + inner positive + inner
// negative + outer positive + outer negative = the total, per actor.
func TestExternalitiesAgainstDecideTrace(t *testing.T) {
	type side struct {
		Actor, Supply string
		NBS0          string `json:"nbs_0"`
		NBS1          string `json:"nbs_1"`
	}
	var tr struct {
		Rounds []struct {
			PreferenceNBS       map[string]string            `json:"preference_nbs"`
			PreferencePositions map[string]map[string]string `json:"preference_positions"`
			Realized            []struct {
				Gain, Groups, P, Q string
				I, J               side
			}
		}
	}
	for _, g := range goldenSets {
		t.Run(g.prefix, func(t *testing.T) {
			readTrace(t, g.prefix, &tr)
			p := load(t, g.input)
			res, err := Model{Exact: true}.Forecast(context.Background(), p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			ext, err := Externalities(p, res)
			if err != nil {
				t.Fatal(err)
			}
			num := func(s string) float64 {
				v, err := strconv.ParseFloat(s, 64)
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
			issue := map[string]int{}
			for k, is := range p.Issues {
				issue[is.ID] = k
			}
			if len(ext) != len(tr.Rounds) {
				t.Fatalf("%d rounds, trace %d", len(ext), len(tr.Rounds))
			}
			byActor := make([]float64, len(p.Actors))
			byPair := map[[2]string][]float64{}
			var classes [5][]float64 // own, ip, in, op, on
			for c := range classes {
				classes[c] = make([]float64, len(p.Actors))
			}
			checked := 0
			for r, rt := range tr.Rounds {
				if len(ext[r]) != len(rt.Realized) {
					t.Fatalf("round %d: %d exchanges, trace %d", r+1, len(ext[r]), len(rt.Realized))
				}
				for n, R := range rt.Realized {
					tI, tJ := R.I.Supply, R.J.Supply
					perExchange := 0.0
					for _, x := range ext[r][n] {
						id := p.Actors[x.Actor].ID
						var want float64
						var class string
						if id == R.I.Actor || id == R.J.Actor {
							want, class = num(R.Gain), ClassOwn
						} else {
							pos := func(is string) float64 { return num(rt.PreferencePositions[is][id]) }
							sal := func(is string) float64 { return p.Stances[x.Actor][issue[is]].Salience }
							want = (math.Abs(num(R.J.NBS0)-pos(tJ))-math.Abs(num(R.J.NBS1)-pos(tJ)))*sal(tJ) +
								(math.Abs(num(R.I.NBS0)-pos(tI))-math.Abs(num(R.I.NBS1)-pos(tI)))*sal(tI)
							g := 0
							if pos(R.P) <= num(rt.PreferenceNBS[R.P]) {
								g++
							}
							if pos(R.Q) <= num(rt.PreferenceNBS[R.Q]) {
								g += 2
							}
							class = ClassOuter
							if (R.Groups == "ad") == (g == 0 || g == 3) {
								class = ClassInner
							}
						}
						if math.Abs(x.Value-want) > 1e-9 || x.Class != class {
							t.Errorf("round %d exchange %d, %s: %s %.12g, want %s %.12g", r+1, n+1, id, x.Class, x.Value, class, want)
						}
						checked++
						perExchange += x.Value
						byActor[x.Actor] += x.Value
						key := [2]string{R.P, R.Q}
						if byPair[key] == nil {
							byPair[key] = make([]float64, len(p.Actors))
						}
						byPair[key][x.Actor] += x.Value
						c := map[string]int{ClassOwn: 0, ClassInner: 1, ClassOuter: 3}[x.Class]
						if x.Class != ClassOwn && !(x.Value > 0) {
							c++
						}
						classes[c][x.Actor] += x.Value
					}
					if math.IsNaN(perExchange) {
						t.Errorf("round %d exchange %d: non-finite sum", r+1, n+1)
					}
				}
			}
			// Every exchange has exactly its two own actors, each with its gain.
			for r := range ext {
				for n, list := range ext[r] {
					own := 0
					for _, x := range list {
						if x.Class == ClassOwn {
							own++
						}
					}
					if own != 2 {
						t.Errorf("round %d exchange %d: %d own entries, want 2", r+1, n+1, own)
					}
				}
			}
			for a := range p.Actors {
				viaPairs, viaClasses := 0.0, 0.0
				for _, v := range byPair {
					viaPairs += v[a]
				}
				for c := range classes {
					viaClasses += classes[c][a]
				}
				if math.Abs(viaPairs-byActor[a]) > 1e-9 || math.Abs(viaClasses-byActor[a]) > 1e-9 {
					t.Errorf("%s: by exchange %v, by issue pair %v, by class %v", p.Actors[a].ID, byActor[a], viaPairs, viaClasses)
				}
			}
			if checked < 300 {
				t.Errorf("only %d externalities checked", checked)
			}
			t.Logf("%s: %d externalities checked over %d rounds", g.prefix, checked, len(ext))
		})
	}
}
