package exchange

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"parley/model"
)

type traceSide struct {
	Actor, Supply, X, Move, Y string
}

type traceFile struct {
	Rounds []struct {
		Round              int
		CandidateExchanges int `json:"candidate_exchanges"`
		ValidCandidates    int `json:"valid_candidates"`
		Realized           []struct {
			N    int
			Gain string
			I, J traceSide
		}
	}
	FinalStartPositions map[string]map[string]string `json:"final_start_positions"`
}

// readTrace decodes Decide's trace of a golden set
// (testdata/PREFIX.trace.json.gz) into v.
func readTrace(t *testing.T, prefix string, v any) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", prefix+".trace.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.NewDecoder(zr).Decode(v); err != nil {
		t.Fatal(err)
	}
}

// TestExactTrace checks every exchange of all ten rounds against Decide's
// trace (testdata/*.trace.json.gz): candidates, valid candidates, and for
// each realised exchange in order the actors, supply issues, start, move,
// voting position and gain, as exact decimals; and the start positions
// after the last round (to 1e-9: Round.Positions are float64 on the
// issue's scale).
func TestExactTrace(t *testing.T) {
	for _, g := range goldenSets {
		t.Run(g.prefix, func(t *testing.T) {
			var tr traceFile
			readTrace(t, g.prefix, &tr)
			p := load(t, g.input)
			res, err := Model{Exact: true}.Forecast(context.Background(), p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := res.Detail.(*Detail)
			total := 0
			for r, want := range tr.Rounds {
				got := d.Rounds[r]
				if got.Candidates != want.CandidateExchanges || got.Valid != want.ValidCandidates {
					t.Errorf("round %d: %d candidates (%d valid), Decide %d (%d)", r+1, got.Candidates, got.Valid, want.CandidateExchanges, want.ValidCandidates)
				}
				if len(got.Exchanges) != len(want.Realized) {
					t.Fatalf("round %d: %d exchanges, Decide %d", r+1, len(got.Exchanges), len(want.Realized))
				}
				for n, w := range want.Realized {
					e := got.Exchanges[n]
					for _, c := range []struct {
						s Side
						w traceSide
					}{{e.I, w.I}, {e.J, w.J}} {
						if c.s.Actor != c.w.Actor || c.s.Supply != c.w.Supply ||
							!sameDecimal(t, c.s.Start, c.w.X) || !sameDecimal(t, c.s.Move, c.w.Move) || !sameDecimal(t, c.s.Y, c.w.Y) {
							t.Fatalf("round %d exchange %d: %s on %s %v→%v (%v); Decide %s on %s %s→%s (%s)", r+1, n+1,
								c.s.Actor, c.s.Supply, c.s.Start, c.s.Y, c.s.Move, c.w.Actor, c.w.Supply, c.w.X, c.w.Y, c.w.Move)
						}
					}
					if !sameDecimal(t, e.Gain, w.Gain) {
						t.Fatalf("round %d exchange %d: gain %v, Decide %s", r+1, n+1, e.Gain, w.Gain)
					}
					total++
				}
			}
			for k, ir := range res.Issues {
				last := ir.Rounds[len(ir.Rounds)-1]
				for i, a := range p.Actors {
					w, ok := tr.FinalStartPositions[ir.Issue][a.ID]
					if !ok {
						continue
					}
					// the trace holds positions on the normalised 0–100 scale
					is := p.Issues[k]
					norm := (last.Positions[i] - is.Min) * 100 / (is.Max - is.Min)
					if diff := norm - mustFloat(t, w); diff > 1e-9 || diff < -1e-9 {
						t.Errorf("%s %s final start position %v (normalised %v), Decide %s", is.ID, a.ID, last.Positions[i], norm, w)
					}
				}
			}
			t.Logf("%d exchanges checked", total)
		})
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	f, err := decimal(t, s).Float64()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// traceSideFull is every field of a side in Decide's trace. Parley does
// not expose s_supply, s_demand and c (the side's saliences and
// capability: inputs, not results) nor the exchange's dp and dq (the NBS
// shifts, which NBS0 and NBS1 carry), so those are not read.
type traceSideFull struct {
	Actor, Supply, Demand string
	X, Start, Move, Y     string
	Target, EU            string
	EgY                   string `json:"eg_y"`
	NBS0                  string `json:"nbs_0"`
	NBS1                  string `json:"nbs_1"`
	Adjusted              bool   `json:"nbs_adjusted"`
}

type traceFileFull struct {
	Rounds []struct {
		Realized []struct {
			N      int
			P, Q   string
			Groups string
			I, J   traceSideFull
		}
	}
}

// TestExactTraceSides compares every side of every realised exchange of
// all ten rounds with Decide's trace, field by field, beyond what
// TestExactTrace reads: the issue pair and groups, the demand issue, the
// round-start position (trace "start"; trace "x" is Parley's Start), the
// target, EU, the Equal Gain position before the NBS cap (eg_y), both NBS
// values and whether the cap applied — as exact decimals. copenhagen has
// 450 exchanges (900 sides), sample_data 366 (732 sides).
func TestExactTraceSides(t *testing.T) {
	wantSides := map[string]int{"copenhagen": 900, "sample_data": 732}
	for _, g := range goldenSets {
		t.Run(g.prefix, func(t *testing.T) {
			var tr traceFileFull
			readTrace(t, g.prefix, &tr)
			res, err := Model{Exact: true}.Forecast(context.Background(), load(t, g.input), model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := res.Detail.(*Detail)
			sides, bad := 0, 0
			for r, want := range tr.Rounds {
				if len(d.Rounds[r].Exchanges) != len(want.Realized) {
					t.Fatalf("round %d: %d exchanges, Decide %d", r+1, len(d.Rounds[r].Exchanges), len(want.Realized))
				}
				for n, w := range want.Realized {
					e := d.Rounds[r].Exchanges[n]
					if e.N != w.N || e.P != w.P || e.Q != w.Q || e.Groups != w.Groups {
						t.Errorf("round %d exchange %d: #%d on (%s, %s) groups %s; Decide #%d (%s, %s) %s", r+1, n+1, e.N, e.P, e.Q, e.Groups, w.N, w.P, w.Q, w.Groups)
						bad++
					}
					for _, c := range []struct {
						s Side
						w traceSideFull
					}{{e.I, w.I}, {e.J, w.J}} {
						sides++
						s, w := c.s, c.w
						if s.Actor != w.Actor || s.Supply != w.Supply || s.Demand != w.Demand || s.AdjustedByNBS != w.Adjusted {
							t.Errorf("round %d exchange %d: %s supplies %s demands %s (capped %v); Decide %s, %s, %s (%v)", r+1, n+1,
								s.Actor, s.Supply, s.Demand, s.AdjustedByNBS, w.Actor, w.Supply, w.Demand, w.Adjusted)
							bad++
						}
						for _, f := range []struct {
							name string
							got  Number
							want string
						}{
							{"x", s.Start, w.X}, {"start", s.RoundStart, w.Start}, {"move", s.Move, w.Move}, {"y", s.Y, w.Y},
							{"target", s.Target, w.Target}, {"eu", s.EU, w.EU}, {"eg_y", s.EqualGainY, w.EgY},
							{"nbs_0", s.NBS0, w.NBS0}, {"nbs_1", s.NBS1, w.NBS1},
						} {
							if !sameDecimal(t, f.got, f.want) {
								t.Errorf("round %d exchange %d %s %s = %v, Decide %s", r+1, n+1, s.Actor, f.name, f.got, f.want)
								bad++
							}
						}
						if bad > 10 {
							t.FailNow()
						}
					}
				}
			}
			if sides != wantSides[g.prefix] {
				t.Errorf("%d sides compared, want %d", sides, wantSides[g.prefix])
			}
		})
	}
}
