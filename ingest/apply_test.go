package ingest

import (
	"strings"
	"testing"

	"parley/errs"
	"parley/scenario"
)

// Apply's date errors name the field both doors call date (the command
// line's --date, the API's date) and say what would be valid, and leave
// the scenario as it was.
func TestApplyDateErrors(t *testing.T) {
	for _, c := range []struct{ date, want string }{
		{"03/03/2025", `date "03/03/2025": not a date; valid: YYYY-MM-DD`},
		{"2025-02-30", `date "2025-02-30": not a date; valid: YYYY-MM-DD`}, // the shape, but no such day
		{"2024-12-31", "date 2024-12-31: before the scenario's as_of 2025-01-01; valid: a later date"},
		{"2025-02-01", "date 2025-02-01: the scenario already has a snapshot of that date; valid: another date"},
	} {
		s := &scenario.Scenario{Metadata: scenario.Metadata{AsOf: "2025-01-01"}, Snapshots: []scenario.Snapshot{{Date: "2025-02-01"}}}
		err := Apply(s, Review{}, c.date)
		if err == nil || errs.CodeOf(err) != errs.Argument || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.date, err, c.want)
		}
		if len(s.Snapshots) != 1 {
			t.Errorf("%s: the scenario was changed", c.date)
		}
	}
}
