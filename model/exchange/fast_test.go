package exchange

import (
	"context"
	"math"
	"strconv"
	"testing"

	"parley/model"
)

var allSets = []struct{ input, spread string }{
	{"copenhagen.csv", "copenhagen.spread-20seeds.csv"},
	{"sample_data.txt", "sample_data.spread-20seeds.csv"},
	{"cop21_paris_2015_decide.tsv", "cop21.spread-20seeds.csv"},
}

// TestFastRound1MatchesExact: in round 1 fast mode equals exact mode to
// 1e-9 in every number (both forecasts, and every realised exchange's
// actors, issues, moves, voting positions and gain) until the selection
// meets two exchanges whose gains are mathematically equal. Which of those
// Decide takes is decided by the 28th digit's rounding (spec §7: at 50
// digits Decide itself takes the other one), so no float64 program can
// follow it; fast mode ranks gains equal to ~1e-11 as tied and takes the
// earlier one. On copenhagen and sample_data that agrees with exact mode
// through all of round 1; on cop21 the tie at exchange 47 (Japan/India on
// progress with adapt_finance vs finance_vol, spec §7) goes the other way.
// The test checks that the first divergence is exactly there and is a tie
// to 1e-9.
func TestFastRound1MatchesExact(t *testing.T) {
	const tol = 1e-9
	firstTie := map[string]int{"copenhagen.csv": 0, "sample_data.txt": 0, "cop21_paris_2015_decide.tsv": 47}
	for _, set := range allSets {
		t.Run(set.input, func(t *testing.T) {
			p := load(t, set.input)
			o := model.Options{Rounds: 1}
			fr, err := Model{}.Forecast(context.Background(), p, o)
			if err != nil {
				t.Fatal(err)
			}
			er, err := Model{Exact: true}.Forecast(context.Background(), p, o)
			if err != nil {
				t.Fatal(err)
			}
			f, e := fr.Detail.(*Detail).Rounds[0], er.Detail.(*Detail).Rounds[0]
			near := func(what string, a, b Number) {
				t.Helper()
				if d := math.Abs(a.Float64() - b.Float64()); !(d <= tol) {
					t.Errorf("%s: fast %v, exact %v (|Δ| = %.3g > %g)", what, a, b, d, tol)
				}
			}
			if f.Candidates != e.Candidates || f.Valid != e.Valid {
				t.Errorf("fast has %d candidates (%d valid), exact %d (%d valid)", f.Candidates, f.Valid, e.Candidates, e.Valid)
			}
			for k := range f.Preference {
				near("preference_nbs "+strconv.Itoa(k), f.Preference[k], e.Preference[k])
			}
			diverged := 0
			for n := 0; n < len(f.Exchanges) && n < len(e.Exchanges); n++ {
				a, b := f.Exchanges[n], e.Exchanges[n]
				w := "exchange " + strconv.Itoa(n+1)
				if a.I.Actor != b.I.Actor || a.J.Actor != b.J.Actor || a.P != b.P || a.Q != b.Q {
					diverged = n + 1
					near(w+" gain (a tie)", a.Gain, b.Gain)
					break
				}
				near(w+" gain", a.Gain, b.Gain)
				near(w+" i move", a.I.Move, b.I.Move)
				near(w+" j move", a.J.Move, b.J.Move)
				near(w+" i y", a.I.Y, b.I.Y)
				near(w+" j y", a.J.Y, b.J.Y)
			}
			if diverged != firstTie[set.input] {
				t.Errorf("fast and exact part at exchange %d, want %d (0 = never)", diverged, firstTie[set.input])
			}
			if diverged == 0 {
				if len(f.Exchanges) != len(e.Exchanges) {
					t.Errorf("fast realised %d exchanges, exact %d", len(f.Exchanges), len(e.Exchanges))
				}
				for k := range f.Voting {
					near("voting_nbs "+strconv.Itoa(k), f.Voting[k], e.Voting[k])
				}
			}
		})
	}
}

// TestFastWithinDecideSpread: after round 1 fast mode follows its own
// path (float64 rounding decides near-ties differently, spec §7), so it is
// compared with the spread of Decide's shipped program over 20 seeds
// (testdata/*.spread-20seeds.csv, spec §4.2), which is how far two runs of
// Decide itself land apart. Tolerance: every preference and voting NBS of
// every round (and the final start NBS) lies within the 20-seed range
// widened on each side by that range's width, plus 1e-9 for rows where
// the range is a single point. The bare range is too tight: Decide's own
// deterministic run falls up to 4.7 points outside it (copenhagen
// DevlopC2020 round 1), and a 21st coin-flip run of exact mode (Decide's
// program, TestCoinFlipWithinSpread) lands outside it in a few rows too,
// but never outside the widened band.
func TestFastWithinDecideSpread(t *testing.T) {
	withinSpread(t, Model{}, allSets)
}

// TestCoinFlipWithinSpread: Decide's shipped tie rule in exact mode is a
// new draw from the same distribution as the 20 seeds: it must land in the
// same band (and does land outside the bare range in some rows: seed 1
// puts 11 of 147 copenhagen values and 9 of 126 sample_data values there).
func TestCoinFlipWithinSpread(t *testing.T) {
	withinSpread(t, Model{Exact: true, CoinFlipTies: true}, allSets[:2])
}

func withinSpread(t *testing.T, m Model, sets []struct{ input, spread string }) {
	for _, set := range sets {
		t.Run(set.input, func(t *testing.T) {
			p := load(t, set.input)
			fr, err := m.Forecast(context.Background(), p, model.Options{Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			fd := fr.Detail.(*Detail)
			idx := map[string]int{}
			for k, id := range fd.Issues {
				idx[id] = k
			}
			rows := readCSV(t, set.spread)
			if len(rows) == 0 {
				t.Fatal("no spread rows")
			}
			for _, row := range rows {
				r, _ := strconv.Atoi(row["round"])
				k, ok := idx[row["issue"]]
				if !ok {
					t.Fatalf("unknown issue %q", row["issue"])
				}
				var got float64
				switch {
				case r > len(fd.Rounds):
					got = fd.Final[k].Float64()
				case row["kind"] == "preference_nbs":
					got = fd.Rounds[r-1].Preference[k].Float64()
				default:
					got = fd.Rounds[r-1].Voting[k].Float64()
				}
				lo, _ := strconv.ParseFloat(row["min"], 64)
				hi, _ := strconv.ParseFloat(row["max"], 64)
				w := hi - lo + 1e-9
				if got < lo-w || got > hi+w {
					t.Errorf("%s round %d %s: fast %.4f outside [%.4f, %.4f] widened by %.4f", row["issue"], r, row["kind"], got, lo, hi, w)
				}
			}
		})
	}
}

// TestFastOutsideBareSpread counts what docs/models.md says of fast mode
// after round 1: how many of its values (every preference and voting NBS
// of every round, and the final start NBS) fall outside the bare 20-seed
// min–max of Decide's shipped program. They are not few, which is why the
// band TestFastWithinDecideSpread holds it to is that range widened by
// its own width on each side, and why numbers to compare with Decide's
// need --exact.
func TestFastOutsideBareSpread(t *testing.T) {
	want := map[string][2]int{ // outside the bare range, of values compared
		"copenhagen.csv":              {25, 147},
		"sample_data.txt":             {17, 126},
		"cop21_paris_2015_decide.tsv": {12, 273},
	}
	for _, set := range allSets {
		p := load(t, set.input)
		fr, err := Model{}.Forecast(context.Background(), p, model.Options{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		fd := fr.Detail.(*Detail)
		idx := map[string]int{}
		for k, id := range fd.Issues {
			idx[id] = k
		}
		out, n := 0, 0
		for _, row := range readCSV(t, set.spread) {
			r, _ := strconv.Atoi(row["round"])
			k := idx[row["issue"]]
			var got float64
			switch {
			case r > len(fd.Rounds):
				got = fd.Final[k].Float64()
			case row["kind"] == "preference_nbs":
				got = fd.Rounds[r-1].Preference[k].Float64()
			default:
				got = fd.Rounds[r-1].Voting[k].Float64()
			}
			lo, _ := strconv.ParseFloat(row["min"], 64)
			hi, _ := strconv.ParseFloat(row["max"], 64)
			n++
			if got < lo-1e-9 || got > hi+1e-9 {
				out++
			}
		}
		if w := want[set.input]; out != w[0] || n != w[1] {
			t.Errorf("%s: %d of %d values outside the bare 20-seed range; want %d of %d", set.input, out, n, w[0], w[1])
		}
	}
}
