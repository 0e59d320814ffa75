package ask

import (
	"testing"

	"parley/answer"
)

// TestValidNumberByField: ValidNumber takes Check's words where the
// refusal names the field at path (errs.FieldOf), the workers of a
// robust search by its path robust.workers, and the type's range where
// Check refuses another field or none.
func TestValidNumberByField(t *testing.T) {
	sweep := answer.NewSweepRequest()
	search := answer.NewDealSearchRequest()
	for _, c := range []struct {
		req        any
		path       string
		neg        bool
		want, name string
	}{
		{&sweep, "draws", false, "a whole number from 1 to 1000000", "sweep draws"},
		{&sweep, "workers", true, "0 (every core) to 1024", "sweep workers"},
		{&sweep, "Workers", false, "0 (every core) to 1024", "a field the JSON leaves out, by its Go name"},
		{&search, "robust.workers", false, "0 (every core) to 1024", "robust workers"},
		{&search, "robust.draws", true, "1 to 1000000 (0: 500)", "robust draws"},
		{&search, "rho", false, "a number > 0 and ≤ 10 (1 is linear loss)", "rho"},
		// seed takes every value: Check refuses none, so the type's range
		{&sweep, "seed", false, "a whole number from 0 to 18446744073709551615", "seed"},
	} {
		if got := ValidNumber(c.req, c.path, c.neg); got != c.want {
			t.Errorf("%s: ValidNumber(%s, neg %v) = %q, want %q", c.name, c.path, c.neg, got, c.want)
		}
	}
}
