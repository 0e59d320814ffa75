package scenario

import (
	"fmt"
	"strings"

	"parley/errs"
	"parley/nouns"
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
	// Text is the message for a reader who edits in a form rather than
	// in the file (the web page): actors and issues by name where
	// Message names them by id, another field by its path (never by its
	// line in the file, which the loader writes into Message); "" when
	// it would be Message.
	Text string `json:"text,omitempty"`
	// Valid says what would be valid, when there is something to say.
	Valid string `json:"valid,omitempty"`
	// Warning marks a problem that does not stop the scenario from being
	// used (unless validation is strict).
	Warning bool `json:"warning,omitempty"`
	// Note marks a warning that only informs: it is printed "note:"
	// and strict validation does not refuse the file for it (an
	// answer's count of quotes no file checks, when their sources give
	// a url, as validate accepts). A note is also a Warning, so every
	// list of warnings carries it.
	Note bool `json:"note,omitempty"`
	// See is the path of a second value the message names (a salience
	// the salience scale's warning quotes), "" for none; the file loader
	// writes its line after it in the message.
	See string `json:"-"`
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
	switch {
	case d.Note:
		b.WriteString("note: ")
	case d.Warning:
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

// Diagnostics is every problem found at once. As an error (Err) it lists
// them one per line, warnings marked "warning:".
type Diagnostics []Diagnostic

// Errors returns the diagnostics that are not warnings; with strict, all
// but the notes.
func (ds Diagnostics) Errors(strict bool) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if (strict && !d.Note) || !d.Warning {
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
// is an error, or every one is with strict; nil otherwise. The error
// holds the warnings too, marked as such, in file order: a reader fixing
// the errors sees every problem at once, not the warnings only after.
func (ds Diagnostics) Err(strict bool) error {
	if len(ds.Errors(strict)) == 0 {
		return nil
	}
	e := append(Diagnostics(nil), ds...)
	if strict {
		for i := range e {
			e[i].Warning = e[i].Note
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

// MaxDiagnostics is how many errors, and separately how many warnings, a
// list of diagnostics keeps by default (Validate, scenariofile.Parse): a
// hostile or broken file can have millions of problems, and nobody reads
// past the first hundred. The rest are counted into one final diagnostic,
// "… and M more errors" (or warnings). See docs/limits.md.
const MaxDiagnostics = 100

// More counts the diagnostics a capped list left out.
type More struct{ Errors, Warnings int }

// Cap returns the first max errors and the first max warnings of ds, in
// their order, followed by one diagnostic "… and M more errors" when errors
// were left out (an error) and one "… and M more warnings" when warnings
// were (a warning). more counts those already left out by the caller and
// is added in. max ≤ 0 means MaxDiagnostics.
func (ds Diagnostics) Cap(max int, more More) Diagnostics {
	if max <= 0 {
		max = MaxDiagnostics
	}
	out := make(Diagnostics, 0, min(len(ds), 2*max)+2)
	nerr, nwarn := 0, 0
	file := ""
	for _, d := range ds {
		if file == "" {
			file = d.File
		}
		switch {
		case d.Warning && nwarn < max:
			nwarn++
			out = append(out, d)
		case d.Warning:
			more.Warnings++
		case nerr < max:
			nerr++
			out = append(out, d)
		default:
			more.Errors++
		}
	}
	return append(out, more.Diagnostics(file, max)...)
}

// Diagnostics returns the final diagnostics that say how many were left
// out ("… and 3 more errors"), none when nothing was. max is the cap that
// was applied, named in Valid so the reader knows why the list stopped.
func (m More) Diagnostics(file string, max int) Diagnostics {
	var out Diagnostics
	valid := fmt.Sprintf("at most %d errors and %d warnings are listed; fix these and read the file again", max, max)
	if m.Errors > 0 {
		out = append(out, Diagnostic{File: file, Message: fmt.Sprintf("… and %d more %s", m.Errors, nouns.For(m.Errors, "error")), Valid: valid})
	}
	if m.Warnings > 0 {
		out = append(out, Diagnostic{File: file, Message: fmt.Sprintf("… and %d more %s", m.Warnings, nouns.For(m.Warnings, "warning")), Valid: valid, Warning: true})
	}
	return out
}
