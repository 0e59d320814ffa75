package scenario

import (
	"testing"
)

// TestNotADateSaysDates: a snapshot that is no date is refused with
// what is valid, as a date before as_of is (validSnapshots): any date on
// or after as_of, base or latest, and the scenario's snapshot dates as a
// list reads everywhere ("2025-02-01, 2025-03-01", not Go's
// "[2025-02-01 2025-03-01]"); none where there are none (it said "such
// as []", then offered only the snapshot dates).
func TestNotADateSaysDates(t *testing.T) {
	with := &Scenario{Metadata: Metadata{AsOf: "2025-01-01"}, Snapshots: []Snapshot{{Date: "2025-03-01"}, {Date: "2025-02-01"}}}
	without := &Scenario{Metadata: Metadata{AsOf: "2025-01-01"}}
	for _, c := range []struct {
		s    *Scenario
		want string
	}{
		{with, `snapshot "yesterday" is not a date (YYYY-MM-DD); valid: a date on or after 2025-01-01, base or latest (snapshots: 2025-02-01, 2025-03-01)`},
		{without, `snapshot "yesterday" is not a date (YYYY-MM-DD); valid: a date on or after 2025-01-01, base or latest`},
	} {
		if _, err := c.s.Resolve("yesterday", ""); err == nil || err.Error() != c.want {
			t.Errorf("Resolve: %v, want %q", err, c.want)
		}
		if err := checkSnapshot(c.s, "yesterday"); err == nil || err.Error() != c.want {
			t.Errorf("checkSnapshot: %v, want %q", err, c.want)
		}
	}
}
