package scenario

import (
	"testing"
)

// TestNotADateSaysDates: a snapshot that is no date is refused with the
// scenario's snapshot dates as examples, as a list reads everywhere
// ("2025-02-01, 2025-03-01", not Go's "[2025-02-01 2025-03-01]"), and
// the as_of date where there are none (it said "such as []").
func TestNotADateSaysDates(t *testing.T) {
	with := &Scenario{Metadata: Metadata{AsOf: "2025-01-01"}, Snapshots: []Snapshot{{Date: "2025-03-01"}, {Date: "2025-02-01"}}}
	without := &Scenario{Metadata: Metadata{AsOf: "2025-01-01"}}
	for _, c := range []struct {
		s    *Scenario
		want string
	}{
		{with, `snapshot "yesterday" is not a date; valid: "base", "latest", or a date YYYY-MM-DD such as 2025-02-01, 2025-03-01`},
		{without, `snapshot "yesterday" is not a date; valid: "base", "latest", or a date YYYY-MM-DD such as 2025-01-01`},
	} {
		if _, err := c.s.Resolve("yesterday", ""); err == nil || err.Error() != c.want {
			t.Errorf("Resolve: %v, want %q", err, c.want)
		}
		if err := checkSnapshot(c.s, "yesterday"); err == nil || err.Error() != c.want {
			t.Errorf("checkSnapshot: %v, want %q", err, c.want)
		}
	}
}
