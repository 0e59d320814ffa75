package ask

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"parley/answer"
)

// TestBacktestTieIsPartOfAHit: a forecast exactly midway between two
// options has not picked the outcome's. By hand (testdata/
// backtest-tie.yaml): median forecasts 30, midway between 24 and 36, the
// outcome 36: a tie between 2 options, one of them the outcome's, earns
// 1/2 of a hit (the expected score of breaking the tie at random), and
// the answer says the tie (option_tie 2); compromise's 33.33 is nearest
// 36: a whole hit. It counted median's as a whole hit (option_hit true,
// option_hits 1).
func TestBacktestTieIsPartOfAHit(t *testing.T) {
	req := answer.NewBacktestRequest()
	req.Models = []string{"median", "compromise"}
	b, err := Backtest(context.Background(), testdataCase(t, "backtest-tie.yaml"), req)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(b.Models)
	if err != nil {
		t.Fatal(err)
	}
	got := string(raw)
	for _, want := range []string{
		`"model":"median","scores":[{"issue":"levy","date":"2025-07-01","outcome":36,"forecast":30,"abs_error":6,"option_hit":0.5,"option_tie":2,`,
		`"model":"median"`, `"n":1,"mae":6,"option_hits":0.5,`,
		`"model":"compromise","scores":[{"issue":"levy","date":"2025-07-01","outcome":36,"forecast":33.33`, `"option_hit":1,"crps"`, `"option_hits":1,`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the models' scores have no %s:\n%s", want, got)
		}
	}
}

// TestOptionHitRule: the one rule option hits are counted by, each share
// worked by hand.
func TestOptionHitRule(t *testing.T) {
	lo, mid, hi := answer.Anchor{Value: 24, Label: "low"}, answer.Anchor{Value: 30, Label: "mid"}, answer.Anchor{Value: 36, Label: "high"}
	for _, c := range []struct {
		nearest, outcome []answer.Anchor
		share            float64
		tie              int
		mark             string
	}{
		{[]answer.Anchor{hi}, []answer.Anchor{hi}, 1, 0, " ✓"},
		{[]answer.Anchor{lo}, []answer.Anchor{hi}, 0, 0, ""},
		{[]answer.Anchor{lo, hi}, []answer.Anchor{hi}, 0.5, 2, " ✓1/2"},
		{[]answer.Anchor{lo, mid, hi}, []answer.Anchor{hi}, 1.0 / 3, 3, " ✓1/3"},
		{[]answer.Anchor{lo, mid, hi}, []answer.Anchor{mid, hi}, 2.0 / 3, 3, " ✓2/3"},
		// the outcome midway too, between the same two: either is its
		{[]answer.Anchor{lo, hi}, []answer.Anchor{lo, hi}, 1, 2, " ✓"},
		{[]answer.Anchor{lo}, []answer.Anchor{lo, hi}, 1, 0, " ✓"},
		{nil, []answer.Anchor{hi}, 0, 0, ""},
	} {
		share, tie := OptionHit(c.nearest, c.outcome)
		mark := OptionHitMark(answer.BacktestScore{OptionHit: answer.HitShare(share), OptionTie: tie})
		if share != c.share || tie != c.tie || mark != c.mark {
			t.Errorf("OptionHit(%v, %v) = %v, %d, mark %q; want %v, %d, %q", c.nearest, c.outcome, share, tie, mark, c.share, c.tie, c.mark)
		}
	}
	for _, c := range []struct {
		hits float64
		n    int
		want string
	}{{3, 3, "3/3"}, {2.5, 3, "2.5/3"}, {1 + 1.0/3, 3, "1.33/3"}, {0, 2, "0/2"}, {0.5 + 0.25, 2, "0.75/2"}} {
		if got := OptionHitsText(answer.BacktestModel{OptionHits: c.hits, N: c.n}); got != c.want {
			t.Errorf("OptionHitsText(%v of %d) = %q, want %q", c.hits, c.n, got, c.want)
		}
	}
	var s answer.BacktestScore
	if err := json.Unmarshal([]byte(`{"option_hit":true}`), &s); err != nil || s.OptionHit != 1 {
		t.Errorf("an answer stored with option_hit true decodes as %v (%v), want 1", s.OptionHit, err)
	}
}
