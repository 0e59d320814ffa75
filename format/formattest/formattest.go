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

// What every reader stores as a text is held to the rules of a
// scenario's texts (scenario.Limits.TextProblem), refused at the place its
// file states it. Ctl and Bidi are texts holding a control character and
// a right-to-left override at their second byte; the refusals below are
// written by hand, as each reader gives them after its place and path.
const (
	Ctl  = "a\x01b"
	Bidi = "a\u202eb"

	// CtlName and BidiName refuse Ctl and Bidi in an id, a name or a
	// label; CtlText and BidiText in a description, quote or note.
	CtlName  = "the control character U+0001 at byte 2 (valid: printable text: no control or bidirectional formatting characters)"
	BidiName = "the bidirectional formatting character U+202E at byte 2 (valid: printable text: no control or bidirectional formatting characters)"
	CtlText  = "the control character U+0001 at byte 2 (valid: printable text, with tabs and line breaks: no other control or bidirectional formatting characters)"
	BidiText = "the bidirectional formatting character U+202E at byte 2 (valid: printable text, with tabs and line breaks: no other control or bidirectional formatting characters)"

	// LongID, LongName and LongText refuse a text one byte over the
	// default limit of its kind: LongIDText, LongNameText, LongTextText.
	LongID   = "a text of 257 bytes, over the limit id-length=256 (valid: at most 256 bytes in an id; raise it with --limit id-length=N (parley serve too))"
	LongName = "a text of 1001 bytes, over the limit name-length=1000 (valid: at most 1000 bytes in a name, title or label; raise it with --limit name-length=N (parley serve too))"
	LongText = "a text of 100001 bytes, over the limit text-length=100000 (valid: at most 100000 bytes in a text (description, quote, note); raise it with --limit text-length=N (parley serve too))"
)

// Texts one byte over the default limit of their kind (all letters).
var (
	LongIDText   = strings.Repeat("i", 257)
	LongNameText = strings.Repeat("n", 1001)
	LongTextText = strings.Repeat("t", 100001)
)
