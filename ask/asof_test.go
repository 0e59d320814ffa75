package ask

import (
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
