package scenario

import (
	"fmt"
	"strings"

	"parley/errs"
)

// Diagnostic is one problem found in a scenario: where it is, what is
// wrong, and what would be valid.
type Diagnostic struct {
	// Path locates the value, e.g. "stances[3].position".
	Path string `json:"path"`
	// File, Line and Column are filled in by the file loader when known.
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
	// Valid says what would be valid, when there is something to say.
	Valid string `json:"valid,omitempty"`
	// Warning marks a problem that does not stop the scenario from being
	// used (unless validation is strict).
	Warning bool `json:"warning,omitempty"`
}

func (d Diagnostic) String() string {
	var b strings.Builder
	switch {
	case d.File != "" && d.Line > 0 && d.Column > 0:
		fmt.Fprintf(&b, "%s:%d:%d: ", d.File, d.Line, d.Column)
	case d.File != "" && d.Line > 0:
		fmt.Fprintf(&b, "%s:%d: ", d.File, d.Line)
	case d.File != "":
		fmt.Fprintf(&b, "%s: ", d.File)
	case d.Line > 0 && d.Column > 0:
		fmt.Fprintf(&b, "line %d:%d: ", d.Line, d.Column)
	case d.Line > 0:
		fmt.Fprintf(&b, "line %d: ", d.Line)
	}
	if d.Warning {
		b.WriteString("warning: ")
	}
	if d.Path != "" {
		b.WriteString(d.Path)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	if d.Valid != "" {
		b.WriteString(" (valid: ")
		b.WriteString(d.Valid)
		b.WriteString(")")
	}
	return b.String()
}

// Diagnostics is every problem found at once. As an error it lists the
// errors (not the warnings), one per line.
type Diagnostics []Diagnostic

// Errors returns the diagnostics that are not warnings; with strict, all.
func (ds Diagnostics) Errors(strict bool) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if strict || !d.Warning {
			out = append(out, d)
		}
	}
	return out
}

// Warnings returns the warnings.
func (ds Diagnostics) Warnings() Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Warning {
			out = append(out, d)
		}
	}
	return out
}

// Err returns the diagnostics as an error (code Invalid) when any of them
// is an error, or every one is with strict; nil otherwise.
func (ds Diagnostics) Err(strict bool) error {
	e := ds.Errors(strict)
	if len(e) == 0 {
		return nil
	}
	if strict {
		for i := range e {
			e[i].Warning = false
		}
	}
	return e
}

func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// ErrCode makes Diagnostics an errs.Invalid error.
func (ds Diagnostics) ErrCode() errs.Code { return errs.Invalid }
