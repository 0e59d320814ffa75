package ask

import (
	"testing"

	"parley/errs"
)

// TestBacktestToNotADate: an end date that is no date is refused in a
// sentence that says what it is not and how to write one, with an
// example (it read `to "2025-13-45": valid: a date YYYY-MM-DD`), at the
// request's field to.
func TestBacktestToNotADate(t *testing.T) {
	err := checkBacktestTo("2025-13-45")
	want := `to "2025-13-45" is not a date; write it as YYYY-MM-DD, e.g. 2025-08-18`
	if err == nil || err.Error() != want || errs.FieldOf(err) != "to" || errs.CodeOf(err) != errs.Argument {
		t.Errorf("got %v (field %q), want %q at to", err, errs.FieldOf(err), want)
	}
	if err := checkBacktestTo("2025-08-18"); err != nil {
		t.Errorf("a date refused: %v", err)
	}
}
