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
