package exchange

import (
	"bufio"
	"context"
	"crypto/sha256"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"parley/gen"
	"parley/model"
)

// refCase is one seeded random problem of the fast-mode equality tests.
type refCase struct {
	name string
	p    *model.Problem
	m    Model
	o    model.Options
}

// refCases are generated problems (parley gen) of 5–40 actors and 2–7
// issues with default, randomised and coin-flip settings, and coarse
// problems whose gains often tie.
func refCases(t testing.TB) []refCase {
	var out []refCase
	r := rand.New(rand.NewPCG(20, 26))
	for c := range 24 {
		actors, issues := 5+r.IntN(36), 2+r.IntN(6)
		p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: actors, Issues: issues, Seed: uint64(100 + c)}))
		if err != nil {
			t.Fatal(err)
		}
		m := Model{}
		switch c % 4 {
		case 1:
			m.Randomize = 0.4
		case 2:
			m.CoinFlipTies = true
		}
		out = append(out, refCase{fmt.Sprintf("gen %d×%d seed %d {Exact:%v CoinFlipTies:%v Randomize:%v selection:%v}", actors, issues, 100+c, m.Exact, m.CoinFlipTies, m.Randomize, m.selection), p, m, model.Options{Seed: uint64(c)}})
	}
	for c := range 6 {
		p := &model.Problem{}
		for k := range 4 {
			p.Issues = append(p.Issues, model.Issue{ID: fmt.Sprint("i", k), Min: 0, Max: 100})
		}
		for i := range 20 {
			p.Actors = append(p.Actors, model.Actor{ID: fmt.Sprint("a", i), Capability: float64(1 + r.IntN(3))})
			row := make([]model.Stance, 4)
			for k := range row {
				row[k] = model.Stance{Present: r.IntN(8) > 0, Position: float64(10 * r.IntN(11)), Salience: float64(1+r.IntN(4)) / 4}
			}
			p.Stances = append(p.Stances, row)
		}
		out = append(out, refCase{fmt.Sprint("coarse ", c), p, Model{}, model.Options{}})
	}
	return out
}

// digest is a SHA-256 of everything a run returns, as printed by %+v
// (every float in its shortest exact form, each Number at full
// precision): the issues' forecasts and rounds, the notes and the Detail
// (every round, every realised exchange).
//
// The issues are printed with the fields IssueResult had at 9e90a76
// (model.IssueResult has since gained Predictive, nil for this model), so
// the digests stay comparable.
func digest(t testing.TB, r *model.Result) string {
	type issueResult struct {
		Issue    string
		Forecast float64
		Rounds   []model.Round
		Values   map[string]float64
	}
	issues := make([]issueResult, len(r.Issues))
	for k, ir := range r.Issues {
		if ir.Predictive != nil {
			t.Fatalf("issue %s: exchange gave a predictive distribution", ir.Issue)
		}
		issues[k] = issueResult{ir.Issue, ir.Forecast, ir.Rounds, ir.Values}
	}
	h := sha256.New()
	fmt.Fprintf(h, "%+v\n%q\n%+v", issues, r.Notes, *r.Detail.(*Detail))
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestFastModeUnchanged: fast mode returns, bit for bit, what it returned
// before the float64 specialisation, the running move sums and the
// one-pass NBS probes (commit 9e90a76): testdata/fast-9e90a76.txt holds
// that build's digest of each case's whole result (every round, every
// realised exchange with its moves, gains and NBS values).
func TestFastModeUnchanged(t *testing.T) {
	f, err := os.Open("testdata/fast-9e90a76.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, d, ok := strings.Cut(sc.Text(), "\t")
		if ok {
			want[name] = d
		}
	}
	cases := refCases(t)
	for _, c := range cases {
		r, err := c.m.Forecast(context.Background(), c.p, c.o)
		if err != nil {
			t.Fatal(err)
		}
		if got := digest(t, r); got != want[c.name] {
			t.Errorf("%s: digest %s, the previous build's %s", c.name, got, want[c.name])
		}
	}
	if len(want) != len(cases) {
		t.Errorf("%d reference digests for %d cases", len(want), len(cases))
	}
}

// TestFloatSpecialisationEqualsGeneric: the float64 specialisation
// (engine_float.go) and the generic engine run in float64 give the same
// result, bit for bit, on every reference case.
func TestFloatSpecialisationEqualsGeneric(t *testing.T) {
	for _, c := range refCases(t) {
		rounds := DefaultRounds
		cfg := runConfig{rounds: rounds, seed: c.o.Seed, coin: c.m.CoinFlipTies, p: c.m.Randomize}
		a, err := run64(context.Background(), floatArith{}, c.p, cfg, false)
		if err != nil {
			t.Fatal(err)
		}
		b, err := run[float64](context.Background(), floatArith{}, c.p, cfg, false)
		if err != nil {
			t.Fatal(err)
		}
		if digest(t, a) != digest(t, b) {
			t.Errorf("%s: the specialised engine's result differs from the generic one's", c.name)
		}
	}
}

// TestPointForecastEqualsForecast: PointForecast gives Forecast's
// forecasts bit for bit on every reference case (plain, randomised and
// coin-flip settings), with fewer rounds, and in exact mode.
func TestPointForecastEqualsForecast(t *testing.T) {
	cases := refCases(t)
	ex := cases[0]
	ex.name, ex.m.Exact, ex.o.Rounds = ex.name+" exact", true, 2
	short := cases[1]
	short.name, short.o.Rounds = short.name+" 3 rounds", 3
	for _, c := range append(cases, ex, short) {
		r, err := c.m.Forecast(context.Background(), c.p, c.o)
		if err != nil {
			t.Fatal(err)
		}
		dst := make([]float64, len(c.p.Issues))
		if err := c.m.PointForecast(context.Background(), c.p, c.o, dst); err != nil {
			t.Fatal(err)
		}
		for k, ir := range r.Issues {
			if math.Float64bits(dst[k]) != math.Float64bits(ir.Forecast) {
				t.Errorf("%s issue %s: PointForecast %v, Forecast %v", c.name, ir.Issue, dst[k], ir.Forecast)
			}
		}
	}
}
