package exchange

import (
	"context"
	"testing"

	"parley/model"
)

// cop21's golden outputs are held out (spec §6.3), but the spec states its
// size and its round-1 preference NBS; these tests hold exact mode to them.

// TestCop21Counts checks spec §4.1 for cop21 in deterministic mode: round
// 1 creates 2094 candidate exchanges, 2051 of them valid, and realises
// 126; rounds 1–10 realise 126 140 132 129 125 132 132 127 135 131.
func TestCop21Counts(t *testing.T) {
	p := load(t, "cop21_paris_2015_decide.tsv")
	res, err := Model{Exact: true}.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Detail.(*Detail)
	if c, v := d.Rounds[0].Candidates, d.Rounds[0].Valid; c != 2094 || v != 2051 {
		t.Errorf("round 1: %d candidates, %d valid; spec 2094, 2051", c, v)
	}
	want := []int{126, 140, 132, 129, 125, 132, 132, 127, 135, 131}
	if len(d.Rounds) != len(want) {
		t.Fatalf("%d rounds, want %d", len(d.Rounds), len(want))
	}
	for r, n := range want {
		if got := len(d.Rounds[r].Exchanges); got != n {
			t.Errorf("round %d: %d exchanges realised, spec %d", r+1, got, n)
		}
	}
}

// TestCop21Anchors checks spec §6.1's exact anchors for cop21: the round-1
// preference NBS of each of the 13 issues, equal to Decide's to every one
// of its 28 significant digits (as a decimal, and as printed).
func TestCop21Anchors(t *testing.T) {
	p := load(t, "cop21_paris_2015_decide.tsv")
	res, err := Model{Exact: true}.Forecast(context.Background(), p, model.Options{Rounds: 1})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Detail.(*Detail)
	want := map[string]string{
		"differentiation": "49.25540432345876701361088871",
		"mrv":             "57.21127406049495875343721357",
		"legal":           "57.96875",
		"adapt_legal":     "59.51145038167938931297709924",
		"adapt_inst":      "59.64035964035964035964035964",
		"finance_vol":     "47.64408493427704752275025278",
		"finance_who":     "38.09712586719524281466798811",
		"adapt_finance":   "55.12172714745062011943040882",
		"ld":              "40.10584250635055038103302286",
		"progress":        "45.59617058311575282854656223",
		"amb2050":         "67.87751677852348993288590604",
		"amb2100":         "85.70858283433133732534930140",
		"eaa":             "57.10051546391752577319587629",
	}
	if len(d.Issues) != len(want) {
		t.Errorf("%d issues, spec %d", len(d.Issues), len(want))
	}
	for k, id := range d.Issues {
		w, ok := want[id]
		if !ok {
			t.Errorf("issue %q has no anchor in the spec", id)
			continue
		}
		got := d.Rounds[0].Preference[k]
		if !sameDecimal(t, got, w) || got.String() != w {
			t.Errorf("%s round-1 preference NBS = %v, spec %s", id, got, w)
		}
	}
}
