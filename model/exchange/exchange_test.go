package exchange

import (
	"context"
	"errors"
	"math"
	"testing"

	"parley/model"
)

// twoActors is the smallest problem with an exchange: A cares about p
// (salience 0.8) and sits at 0 on both issues; B cares about q (0.8) and
// sits at 100 on both. Capabilities are 1.
func twoActors() *model.Problem {
	st := func(x, s float64) model.Stance {
		return model.Stance{Present: true, Position: x, Salience: s, PosLo: x, PosHi: x, SalLo: s, SalHi: s}
	}
	return &model.Problem{
		Actors: []model.Actor{{ID: "A", Name: "A", Capability: 1, CapLo: 1, CapHi: 1}, {ID: "B", Name: "B", Capability: 1, CapLo: 1, CapHi: 1}},
		Issues: []model.Issue{{ID: "p", Name: "p", Min: 0, Max: 100}, {ID: "q", Name: "q", Min: 0, Max: 100}},
		Stances: [][]model.Stance{
			{st(0, 0.8), st(0, 0.2)},
			{st(100, 0.2), st(100, 0.8)},
		},
	}
}

// TestHandDerivedExchange follows spec §1.3–§1.5 by hand on twoActors.
//
// NBS_p = (0·0.8 + 100·0.2)/1 = 20, NBS_q = (0·0.2 + 100·0.8)/1 = 80, so A is
// left of both (group d) and B right of both (group a): one exchange. Roles:
// s_Bp/s_Bq = 0.25 < s_Ap/s_Aq = 4, so I = A (supplies q, demands p) and
// J = B (supplies p). Eq. (4): dp = |0−100|·0.2·1/1 = 20; eq. (5): dq =
// 20·(0.2+0.8)/(0.8+0.2) = 20, m_I = 20·1/(1·0.2) = 100 = |100−0|, so no
// overshoot; m_J = −100. Gains (6): |20·0.2 − 20·0.8| = 12 for both. The NBS
// cap does not apply (NBS_q goes 80 → 100, which is B's position, not
// strictly inside). Voting NBS: p = 0, q = 100. Eq. (10) with s = 0.2:
// x' = x + (0.1 + 0.4·0.8)(y − x): A on q 0 → 42, B on p 100 → 58, so round
// 2 starts at NBS_p = 58·0.2 = 11.6 and NBS_q = 42·0.2 + 80 = 88.4.
func TestHandDerivedExchange(t *testing.T) {
	for _, exact := range []bool{false, true} {
		res, err := Model{Exact: exact}.Forecast(context.Background(), twoActors(), model.Options{Rounds: 2})
		if err != nil {
			t.Fatal(err)
		}
		d := res.Detail.(*Detail)
		r1 := d.Rounds[0]
		if len(r1.Exchanges) != 1 || r1.Candidates != 1 || r1.Valid != 1 {
			t.Fatalf("exact=%v: %d exchanges of %d candidates", exact, len(r1.Exchanges), r1.Candidates)
		}
		e := r1.Exchanges[0]
		if e.I.Actor != "A" || e.I.Supply != "q" || e.J.Actor != "B" || e.J.Supply != "p" || e.Groups != "ad" {
			t.Errorf("exact=%v: roles %+v", exact, e)
		}
		for _, c := range []struct {
			what      string
			got, want float64
		}{
			{"gain", e.Gain.Float64(), 12}, {"I move", e.I.Move.Float64(), 100}, {"J move", e.J.Move.Float64(), -100},
			{"I y", e.I.Y.Float64(), 100}, {"J y", e.J.Y.Float64(), 0},
			{"I nbs0", e.I.NBS0.Float64(), 80}, {"I nbs1", e.I.NBS1.Float64(), 100},
			{"pref p", r1.Preference[0].Float64(), 20}, {"pref q", r1.Preference[1].Float64(), 80},
			{"vote p", r1.Voting[0].Float64(), 0}, {"vote q", r1.Voting[1].Float64(), 100},
			{"round 2 pref p", d.Rounds[1].Preference[0].Float64(), 11.6},
			{"round 2 pref q", d.Rounds[1].Preference[1].Float64(), 88.4},
			{"A on q after round 1", res.Issues[1].Rounds[1].Positions[0], 42},
			{"B on p after round 1", res.Issues[0].Rounds[1].Positions[1], 58},
		} {
			if math.Abs(c.got-c.want) > 1e-12 {
				t.Errorf("exact=%v: %s = %v, want %v", exact, c.what, c.got, c.want)
			}
		}
		if res.Issues[0].Forecast != d.Rounds[1].Voting[0].Float64() {
			t.Errorf("forecast %v is not the last voting NBS %v", res.Issues[0].Forecast, d.Rounds[1].Voting[0])
		}
	}
}

// TestExactBinaryConstants: Decide's weights are Decimal(0.4) and
// Decimal(0.1), exact binary expansions (spec §1.0), so eq. (10) in exact
// mode gives 42.00000000000000233146835171 for A (hand: (1−0.2)·W_s =
// 0.3200000000000000177635683940 after rounding to 28 digits, ×100, plus
// W_f·100 = 10.00000000000000055511151231) and 88.40000000000000046629367034
// for the round-2 NBS_q, not 42 and 88.4.
func TestExactBinaryConstants(t *testing.T) {
	res, err := Model{Exact: true}.Forecast(context.Background(), twoActors(), model.Options{Rounds: 2})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Detail.(*Detail)
	if got := d.Rounds[1].Preference[1].String(); got != "88.40000000000000046629367034" {
		t.Errorf("round 2 NBS_q = %s, want 88.40000000000000046629367034", got)
	}
	if got := d.Rounds[1].Preference[0].String(); got != "11.59999999999999953370632966" {
		t.Errorf("round 2 NBS_p = %s, want 11.59999999999999953370632966", got)
	}
}

func TestOptions(t *testing.T) {
	p := load(t, "copenhagen.csv")
	res, err := Model{}.Forecast(context.Background(), p, model.Options{Rounds: 3})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Issues[0].Rounds); n != 4 {
		t.Errorf("Rounds: 3 gave %d rounds, want 4 (0–3)", n)
	}
	res, err = Model{}.Forecast(context.Background(), p, model.Options{NoTrace: true})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Detail.(*Detail)
	if n := len(res.Issues[0].Rounds); n != 2 || res.Issues[0].Rounds[1].Round != DefaultRounds {
		t.Errorf("NoTrace kept %d rounds, want round 0 and %d", n, DefaultRounds)
	}
	if len(d.Rounds) != DefaultRounds || d.Rounds[0].Exchanges != nil {
		t.Errorf("NoTrace: %d detail rounds with %d exchanges, want %d rounds and none", len(d.Rounds), len(d.Rounds[0].Exchanges), DefaultRounds)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (Model{}).Forecast(ctx, p, model.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v", err)
	}
	if _, err := (Model{Randomize: 1.5}).Forecast(context.Background(), p, model.Options{}); err == nil {
		t.Error("Randomize 1.5 accepted")
	}
}

// TestZeroSalience: an actor with salience 0 on an issue trades nothing on
// it (Decide would divide by zero); the run completes in both modes.
func TestZeroSalience(t *testing.T) {
	p := twoActors()
	p.Stances[0][1].Salience = 0
	for _, exact := range []bool{false, true} {
		res, err := Model{Exact: exact}.Forecast(context.Background(), p, model.Options{Rounds: 2})
		if err != nil {
			t.Fatal(err)
		}
		if n := res.Detail.(*Detail).Rounds[0].Candidates; n != 0 {
			t.Errorf("exact=%v: %d candidates, want 0", exact, n)
		}
		// nothing moves: NBS_p = 100·0.2/(0.8+0.2) = 20 stays
		if f := res.Issues[0].Forecast; math.Abs(f-20) > 1e-12 {
			t.Errorf("exact=%v: forecast p = %v, want 20", exact, f)
		}
	}
}

// TestCoinFlipTies: the shipped tie rule is seeded: the same seed gives the
// same run, ties are met (copenhagen has twin actors, spec §4.1), and the
// run stays in the band of Decide's own 20-seed spread.
func TestCoinFlipTies(t *testing.T) {
	p := load(t, "copenhagen.csv")
	run := func(seed uint64) *Detail {
		res, err := Model{CoinFlipTies: true}.Forecast(context.Background(), p, model.Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		return res.Detail.(*Detail)
	}
	a, b := run(7), run(7)
	ties := 0
	for r := range a.Rounds {
		ties += a.Rounds[r].Ties
		for k := range a.Issues {
			if a.Rounds[r].Voting[k] != b.Rounds[r].Voting[k] {
				t.Fatalf("seed 7 twice: round %d issue %d differs", r+1, k)
			}
		}
	}
	if ties == 0 {
		t.Error("no ties met on copenhagen")
	}
	differ := false
	c := run(8)
	for r := range a.Rounds {
		for k := range a.Issues {
			differ = differ || a.Rounds[r].Voting[k] != c.Rounds[r].Voting[k]
		}
	}
	if !differ {
		t.Error("seeds 7 and 8 gave the same run")
	}
}

// TestRandomized: the randomised variant is seeded, p = 0 is plain Equal
// Gain, and p > 0 changes the moves but never the first-round candidates.
func TestRandomized(t *testing.T) {
	p := load(t, "sample_data.txt")
	run := func(m Model, seed uint64) *Detail {
		res, err := m.Forecast(context.Background(), p, model.Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		return res.Detail.(*Detail)
	}
	plain, zero := run(Model{}, 1), run(Model{Randomize: 0}, 99)
	if plain.Rounds[9].Voting[0] != zero.Rounds[9].Voting[0] {
		t.Error("p = 0 depends on the seed")
	}
	r1, r2 := run(Model{Randomize: 1}, 5), run(Model{Randomize: 1}, 5)
	if r1.Rounds[9].Voting[0] != r2.Rounds[9].Voting[0] {
		t.Error("p = 1 with the same seed differs")
	}
	if r1.Rounds[0].Candidates != plain.Rounds[0].Candidates {
		t.Errorf("candidates %d, plain %d", r1.Rounds[0].Candidates, plain.Rounds[0].Candidates)
	}
	same := true
	for n := range r1.Rounds[0].Exchanges {
		if n < len(plain.Rounds[0].Exchanges) && r1.Rounds[0].Exchanges[n].I.Move != plain.Rounds[0].Exchanges[n].I.Move {
			same = false
		}
	}
	if same {
		t.Error("p = 1 changed no move in round 1")
	}
	// every randomised voting position stays on the scale
	for _, rd := range r1.Rounds {
		for _, e := range rd.Exchanges {
			for _, y := range []float64{e.I.Y.Float64(), e.J.Y.Float64()} {
				if y < 0 || y > 100 {
					t.Errorf("round %d exchange %d: voting position %v off the 0–100 scale", rd.Round, e.N, y)
				}
			}
		}
	}
}

// TestCoinFlipTieCounts: with the shipped tie rule, exact mode meets as
// many ties per ten-round run as Decide's shipped program did over 20
// seeds (spec §4.1: sample_data 14–21, copenhagen 29–51, cop21 37–48), for
// seeds 1–5. The spec gives only a range (Decide's coin is CPython's
// MT19937, Parley's a seeded PCG), so cop21's counts for seeds 1–5 are
// also held as what Parley gives today: a regression value, not a
// reference one.
func TestCoinFlipTieCounts(t *testing.T) {
	for _, c := range []struct {
		file   string
		lo, hi int
		parley []int // seeds 1–5, regression only
	}{{"sample_data.txt", 14, 21, nil}, {"copenhagen.csv", 29, 51, nil}, {"cop21_paris_2015_decide.tsv", 37, 48, []int{38, 48, 41, 42, 46}}} {
		p := load(t, c.file)
		for seed := uint64(1); seed <= 5; seed++ {
			res, err := Model{CoinFlipTies: true, Exact: true}.Forecast(context.Background(), p, model.Options{Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, r := range res.Detail.(*Detail).Rounds {
				n += r.Ties
			}
			if n < c.lo || n > c.hi {
				t.Errorf("%s seed %d: %d ties, Decide %d–%d", c.file, seed, n, c.lo, c.hi)
			}
			if c.parley != nil && n != c.parley[seed-1] {
				t.Errorf("%s seed %d: %d ties, Parley gave %d before (regression)", c.file, seed, n, c.parley[seed-1])
			}
		}
	}
}

// TestProgressCountsRounds: model.Options.Progress is told of each round
// as it ends, 1 to the rounds asked for, of that many, in a full run and
// in a point forecast alike.
func TestProgressCountsRounds(t *testing.T) {
	for _, rounds := range []int{0, 3} {
		want := rounds
		if want == 0 {
			want = DefaultRounds
		}
		for _, point := range []bool{false, true} {
			var got []int
			o := model.Options{Rounds: rounds, Progress: func(done, total int) {
				if total != want {
					t.Errorf("rounds %d: total %d, want %d", rounds, total, want)
				}
				got = append(got, done)
			}}
			var err error
			if point {
				err = (Model{}).PointForecast(context.Background(), twoActors(), o, make([]float64, 2))
			} else {
				_, err = (Model{}).Forecast(context.Background(), twoActors(), o)
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != want || got[0] != 1 || got[len(got)-1] != want {
				t.Errorf("rounds %d, point %v: progress %v, want 1…%d", rounds, point, got, want)
			}
		}
	}
}
