package ask

import (
	"context"
	"testing"

	"parley/answer"
)

// A date between recorded states answers with the latest state recorded
// at or before it, and the header says which (testdata/compare.yaml: the
// base as of 2025-01-01, snapshots on 2025-02-01 and 2025-03-01): the
// date asked stays as_of, recorded_on is the state read, and AsOfText
// says both in the words every door prints.
func TestAsOfResolvedState(t *testing.T) {
	for _, c := range []struct {
		snapshot, asOf, recorded, text string
	}{
		{"2025-02-15", "2025-02-15", "2025-02-01", "as of 2025-02-15: the state recorded on 2025-02-01, the latest at or before it"},
		{"2025-01-20", "2025-01-20", "2025-01-01", "as of 2025-01-20: the state recorded on 2025-01-01, the latest at or before it"},
		{"2025-09-30", "2025-09-30", "2025-03-01", "as of 2025-09-30: the state recorded on 2025-03-01, the latest at or before it"},
		{"2025-03-01", "2025-03-01", "2025-03-01", "as of 2025-03-01"},
		{"2025-01-01", "2025-01-01", "2025-01-01", "as of 2025-01-01"},
		{"base", "2025-01-01", "2025-01-01", "as of 2025-01-01"},
		{"latest", "2025-03-01", "2025-03-01", "as of 2025-03-01"},
	} {
		h := loadCompare(t, answer.Target{Snapshot: c.snapshot}).Header
		if h.AsOf != c.asOf || h.RecordedOn != c.recorded || h.AsOfText != c.text || AsOfText(h) != c.text {
			t.Errorf("snapshot %s: as_of %q, recorded_on %q, as_of_text %q (AsOfText %q); want %q, %q, %q",
				c.snapshot, h.AsOf, h.RecordedOn, h.AsOfText, AsOfText(h), c.asOf, c.recorded, c.text)
		}
	}
	// A peer format's file states no date: nothing to say.
	if got := AsOfText(answer.Scenario{}); got != "" {
		t.Errorf("AsOfText of no date: %q, want empty", got)
	}
}

// A comparison's columns and a backtest's forecasts each say which
// recorded state they read, in AsOfText's words (testdata/compare.yaml:
// the base as of 2025-01-01, snapshots on 2025-02-01 and 2025-03-01).
// Over variants at 2025-02-15 every column reads the state of
// 2025-02-01; over snapshots each column is a recorded state, read as
// it stands; a backtest from 2025-02-15 forecasts from 2025-02-01's.
func TestAsOfResolvedStateOfColumnsAndBacktest(t *testing.T) {
	between := "as of 2025-02-15: the state recorded on 2025-02-01, the latest at or before it"
	type col struct{ asOf, recorded, text string }
	for _, c := range []struct {
		name   string
		target answer.Target
		over   string
		want   []col
	}{
		{"variants between states", answer.Target{Snapshot: "2025-02-15"}, answer.OverVariants, []col{
			{"2025-02-15", "2025-02-01", between}, {"2025-02-15", "2025-02-01", between},
			{"2025-02-15", "2025-02-01", between}, {"2025-02-15", "2025-02-01", between},
		}},
		{"variants at a recorded state", answer.Target{Snapshot: "latest"}, answer.OverVariants, []col{
			{"2025-03-01", "2025-03-01", "as of 2025-03-01"}, {"2025-03-01", "2025-03-01", "as of 2025-03-01"},
			{"2025-03-01", "2025-03-01", "as of 2025-03-01"}, {"2025-03-01", "2025-03-01", "as of 2025-03-01"},
		}},
		{"snapshots up to a date between states", answer.Target{Snapshot: "2025-02-15"}, answer.OverSnapshots, []col{
			{"2025-01-01", "2025-01-01", "as of 2025-01-01"}, {"2025-02-01", "2025-02-01", "as of 2025-02-01"},
		}},
	} {
		req := answer.NewCompareRequest()
		req.Models = []string{"compromise"}
		req.Over = c.over
		a, err := Compare(context.Background(), loadCompare(t, c.target), req, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(a.Columns) != len(c.want) {
			t.Fatalf("%s: %d columns %+v, want %d", c.name, len(a.Columns), a.Columns, len(c.want))
		}
		for j, w := range c.want {
			if g := a.Columns[j]; g.AsOf != w.asOf || g.RecordedOn != w.recorded || g.AsOfText != w.text {
				t.Errorf("%s: column %d (%s): as_of %q, recorded_on %q, as_of_text %q; want %q, %q, %q",
					c.name, j, g.Label, g.AsOf, g.RecordedOn, g.AsOfText, w.asOf, w.recorded, w.text)
			}
		}
	}
	req := answer.NewBacktestRequest()
	req.Models = []string{"compromise"}
	b, err := Backtest(context.Background(), loadCompare(t, answer.Target{Snapshot: "2025-02-15"}), req)
	if err != nil {
		t.Fatal(err)
	}
	if b.AsOf != "2025-02-15" || b.RecordedOn != "2025-02-01" || b.AsOfText != between || b.Scenario.AsOfText != between {
		t.Errorf("backtest from 2025-02-15: as_of %q, recorded_on %q, as_of_text %q (scenario's %q); want 2025-02-15, 2025-02-01, %q",
			b.AsOf, b.RecordedOn, b.AsOfText, b.Scenario.AsOfText, between)
	}
}
