package smp_test

import (
	"context"
	"math"
	"testing"

	"parley/model"
	"parley/model/smp"
)

// TestTurnsReplayTheRun: on KTAB's examples (whose runs match KTAB's log
// to the printed digit, golden_test.go), every turn Turns reports leads to
// the run's next state exactly: each actor with options moves to the
// position its chosen option gives it (b_I as initiator, b_R as
// receiver) or stays for the status quo, every other actor stays. Each
// list's probabilities sum to 1 (the PCE is normalised, spec §1.5) and
// the chosen option is the first most probable; each bargain's challenger
// expected a gain above KTAB's 1e-5 threshold (§1.8) and a chance of
// winning in (0, 1).
func TestTurnsReplayTheRun(t *testing.T) {
	for _, name := range []string{"dummyData_3Dim.csv", "SOE-Pol-Comp.csv", "synth-a010-d03.csv"} {
		p := load(t, "testdata/"+name)
		res, err := smp.Model{}.Forecast(context.Background(), p, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		turns, err := smp.Model{}.Turns(context.Background(), p, res)
		if err != nil {
			t.Fatal(err)
		}
		T := len(res.Issues[0].Rounds)
		if len(turns) != T-1 {
			t.Fatalf("%s: %d turns for %d states", name, len(turns), T)
		}
		bargains, moved := 0, 0
		for _, tu := range turns {
			for _, b := range tu.Bargains {
				bargains++
				if !(b.Gain > 1e-5) || !(b.Phi > 0 && b.Phi < 1) || b.Init == b.Rcvr {
					t.Errorf("%s turn %d: bargain %+v", name, tu.Turn, b)
				}
			}
			want := make([][]float64, len(p.Issues)) // [k][actor]: the state before
			for k := range p.Issues {
				want[k] = append([]float64(nil), res.Issues[k].Rounds[tu.Turn-1].Positions...)
			}
			for _, c := range tu.Choices {
				sum, best := 0.0, -1
				for o, op := range c.Options {
					sum += op.Prob
					if best < 0 || op.Prob > c.Options[best].Prob {
						best = o
					}
				}
				if math.Abs(sum-1) > 1e-12 || !c.Options[best].Chosen {
					t.Errorf("%s turn %d actor %d: probabilities sum to %v, best %d, options %+v", name, tu.Turn, c.Actor, sum, best, c.Options)
				}
				for _, op := range c.Options {
					if !op.Chosen || op.Bargain < 0 {
						continue
					}
					b := tu.Bargains[op.Bargain]
					moved++
					for k := range p.Issues {
						if b.Init == c.Actor {
							want[k][c.Actor] = b.BI[k]
						} else {
							want[k][c.Actor] = b.BR[k]
						}
					}
				}
			}
			for k := range p.Issues {
				got := res.Issues[k].Rounds[tu.Turn].Positions
				for a := range got {
					if got[a] != want[k][a] {
						t.Fatalf("%s turn %d issue %d actor %d: the run has %v, the replay %v", name, tu.Turn, k, a, got[a], want[k][a])
					}
				}
			}
		}
		if bargains == 0 || moved == 0 {
			t.Errorf("%s: %d bargains, %d moves: nothing replayed", name, bargains, moved)
		}
		t.Logf("%s: %d turns, %d bargains, %d moves", name, len(turns), bargains, moved)
	}
}
