package exchange

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/cockroachdb/apd/v3"

	"parley/format/decide"
	"parley/model"
)

// load reads a Decide file from testdata into a Problem.
func load(t testing.TB, name string) *model.Problem {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := decide.Read(name, f)
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.FromScenario(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func readCSV(t testing.TB, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func decimal(t testing.TB, s string) *apd.Decimal {
	t.Helper()
	d, _, err := apd.NewFromString(s)
	if err != nil {
		t.Fatalf("bad decimal %q: %v", s, err)
	}
	return d
}

// sameDecimal reports whether n equals the golden decimal string exactly.
func sameDecimal(t testing.TB, n Number, want string) bool {
	t.Helper()
	if n.Decimal() == nil {
		t.Fatalf("%v is not an exact-mode number", n)
	}
	return n.Decimal().Cmp(decimal(t, want)) == 0
}

var goldenSets = []struct{ input, prefix string }{
	{"copenhagen.csv", "copenhagen"},
	{"sample_data.txt", "sample_data"},
}

// TestExactOutcomes checks exact mode against Decide's deterministic-mode
// output (testdata/*.outcomes.csv): every round's preference and voting
// NBS for every issue, equal as decimals to all 28 printed digits.
func TestExactOutcomes(t *testing.T) {
	for _, g := range goldenSets {
		t.Run(g.prefix, func(t *testing.T) {
			p := load(t, g.input)
			res, err := Model{Exact: true}.Forecast(context.Background(), p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			det := res.Detail.(*Detail)
			idx := map[string]int{}
			for k, id := range det.Issues {
				idx[id] = k
			}
			rows := readCSV(t, g.prefix+".outcomes.csv")
			bad := 0
			for _, row := range rows {
				r, _ := strconv.Atoi(row["round"])
				k := idx[row["issue"]]
				rd := det.Rounds[r-1]
				if !sameDecimal(t, rd.Preference[k], row["preference_nbs"]) {
					bad++
					t.Errorf("%s round %d preference_nbs = %v, Decide %s", row["issue"], r, rd.Preference[k], row["preference_nbs"])
				}
				if !sameDecimal(t, rd.Voting[k], row["voting_nbs"]) {
					bad++
					t.Errorf("%s round %d voting_nbs = %v, Decide %s", row["issue"], r, rd.Voting[k], row["voting_nbs"])
				}
				if bad > 10 {
					t.FailNow()
				}
			}
			if len(rows) != len(det.Issues)*DefaultRounds {
				t.Errorf("golden has %d rows, want %d", len(rows), len(det.Issues)*DefaultRounds)
			}
		})
	}
}

// TestExactRound1Exchanges checks every realised round-1 exchange, in
// order, against *.round1_exchanges.csv.
func TestExactRound1Exchanges(t *testing.T) {
	for _, g := range goldenSets {
		t.Run(g.prefix, func(t *testing.T) {
			p := load(t, g.input)
			res, err := Model{Exact: true}.Forecast(context.Background(), p, model.Options{Rounds: 1})
			if err != nil {
				t.Fatal(err)
			}
			ex := res.Detail.(*Detail).Rounds[0].Exchanges
			rows := readCSV(t, g.prefix+".round1_exchanges.csv")
			if len(ex) != len(rows) {
				t.Errorf("%d exchanges realised, Decide %d", len(ex), len(rows))
			}
			for n := 0; n < len(ex) && n < len(rows); n++ {
				row, e := rows[n], ex[n]
				if e.I.Actor != row["i_actor"] || e.J.Actor != row["j_actor"] || e.I.Supply != row["i_supply_issue"] || e.J.Supply != row["j_supply_issue"] {
					t.Fatalf("exchange %d: %s supplies %s, %s supplies %s; Decide: %s supplies %s, %s supplies %s", n+1,
						e.I.Actor, e.I.Supply, e.J.Actor, e.J.Supply, row["i_actor"], row["i_supply_issue"], row["j_actor"], row["j_supply_issue"])
				}
				for _, c := range []struct {
					col string
					got Number
				}{
					{"i_start", e.I.Start}, {"i_move", e.I.Move}, {"i_voting_y", e.I.Y}, {"i_eqgain_y", e.I.EqualGainY},
					{"i_target", e.I.Target}, {"i_eu", e.I.EU}, {"i_nbs0", e.I.NBS0}, {"i_nbs1", e.I.NBS1},
					{"j_start", e.J.Start}, {"j_move", e.J.Move}, {"j_voting_y", e.J.Y}, {"j_eqgain_y", e.J.EqualGainY},
					{"j_target", e.J.Target}, {"j_eu", e.J.EU}, {"j_nbs0", e.J.NBS0}, {"j_nbs1", e.J.NBS1},
					{"gain", e.Gain},
				} {
					if !sameDecimal(t, c.got, row[c.col]) {
						t.Errorf("exchange %d %s = %v, Decide %s", n+1, c.col, c.got, row[c.col])
					}
				}
			}
		})
	}
}

// TestExactDeterministicColumn: the spread files (spec §4.2) carry
// Decide's deterministic-mode value of every preference and voting NBS of
// every round, and of the final start NBS, as float64 text — for cop21
// too, whose full golden files are held out. Exact mode must equal each to
// float64 precision (1e-12).
func TestExactDeterministicColumn(t *testing.T) {
	for _, set := range allSets {
		t.Run(set.input, func(t *testing.T) {
			p := load(t, set.input)
			res, err := Model{Exact: true}.Forecast(context.Background(), p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := res.Detail.(*Detail)
			idx := map[string]int{}
			for k, id := range d.Issues {
				idx[id] = k
			}
			rows := readCSV(t, set.spread)
			for _, row := range rows {
				r, _ := strconv.Atoi(row["round"])
				k := idx[row["issue"]]
				var got Number
				switch {
				case r > len(d.Rounds):
					got = d.Final[k]
				case row["kind"] == "preference_nbs":
					got = d.Rounds[r-1].Preference[k]
				default:
					got = d.Rounds[r-1].Voting[k]
				}
				want, err := strconv.ParseFloat(row["deterministic"], 64)
				if err != nil {
					t.Fatal(err)
				}
				if diff := got.Float64() - want; diff > 1e-12 || diff < -1e-12 {
					t.Errorf("%s round %d %s = %v, Decide %v", row["issue"], r, row["kind"], got, want)
				}
			}
			if len(rows) != len(d.Issues)*(2*DefaultRounds+1) {
				t.Errorf("%d spread rows, want %d", len(rows), len(d.Issues)*(2*DefaultRounds+1))
			}
		})
	}
}
