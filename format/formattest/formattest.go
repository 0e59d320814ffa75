// Package formattest holds what the fuzz targets of the readers of other
// tools' files (format/...) share: one budget of time and memory per input
// and the checks every reader owes any input, whatever its format.
package formattest

import (
	"strings"
	"testing"
	"time"

	"parley/errs"
	"parley/fuzzbudget"
	"parley/scenario"
)

// ReadBudget bounds one fuzzed read: 1 MB plus 1 KB per byte of input,
// and (while fuzzing) 2 s plus 10 µs per byte (docs/limits.md).
var ReadBudget = fuzzbudget.Budget{FixedBytes: 1 << 20, BytesPerByte: 1024, FixedTime: 2 * time.Second, TimePerByte: 10 * time.Microsecond}

// Read runs read on an input of size bytes within ReadBudget. A refusal
// must be an errs.Invalid error that names the file (name); then Read
// returns nil. An accepted input must give a scenario that validates
// without errors, which Read returns for the format's own checks.
func Read(t *testing.T, name string, size int, read func() (*scenario.Scenario, error)) *scenario.Scenario {
	t.Helper()
	var s *scenario.Scenario
	var err error
	fuzzbudget.Check(t, ReadBudget, size, func() { s, err = read() })
	if err != nil {
		if errs.CodeOf(err) != errs.Invalid || !strings.Contains(err.Error(), name) {
			t.Fatalf("error %q (code %v) does not name %s as invalid input", err, errs.CodeOf(err), name)
		}
		return nil
	}
	if ds := s.Validate().Errors(false); len(ds) > 0 {
		t.Fatalf("accepted input gives an invalid scenario: %v", ds)
	}
	return s
}

// Refused checks that a reader refused its input (s, err are what it
// returned) with an errs.Invalid error whose text is want's lines, in
// order: the readers' tables of refused files share it.
func Refused(t *testing.T, s *scenario.Scenario, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; scenario validates to %v", s.Validate().Errors(false))
	}
	if errs.CodeOf(err) != errs.Invalid {
		t.Errorf("code %v, want invalid", errs.CodeOf(err))
	}
	if got, w := err.Error(), strings.Join(want, "\n"); got != w {
		t.Errorf("error\n%s\nwant\n%s", got, w)
	}
}
