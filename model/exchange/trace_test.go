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
