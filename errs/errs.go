// Package errs holds Parley's typed error codes. Every layer returns errors
// built here (or wrapping one), so the CLI can map them to exit codes and the
// HTTP layer to status codes, and the message is always meant for a person.
package errs

import (
	"errors"
	"fmt"
	"strings"
)

// Code classifies an error for the CLI (exit code) and HTTP (status code).
// The codes speak of what went wrong, not of the door it came through.
type Code string

// The error codes Parley uses.
const (
	Invalid  Code = "invalid"   // the input is malformed or violates a rule: exit 3, HTTP 400
	NotFound Code = "not_found" // a named thing does not exist: exit 3, HTTP 404
	Conflict Code = "conflict"  // a stale version or duplicate: exit 1, HTTP 409
	Argument Code = "argument"  // a setting of the request (flag, option, field) is not valid: exit 2, HTTP 400
	Internal Code = "internal"  // a bug or an I/O failure: exit 1, HTTP 500
)

// Error is an error with a code and a message for a person.
type Error struct {
	Code    Code
	Message string
	Err     error // optional cause
}

func (e *Error) Error() string {
	if e.Err != nil && e.Message == "" {
		return e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// New returns an error with the code and a formatted message.
func New(code Code, format string, args ...any) error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap gives err a code, keeping its message.
func Wrap(code Code, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Code: code, Message: err.Error(), Err: err}
}

// CodeOf returns the code of the first *Error in err's chain, or of any
// error in the chain with a Code() method; Internal otherwise.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var c interface{ ErrCode() Code }
	if errors.As(err, &c) {
		return c.ErrCode()
	}
	return Internal
}

// OneOf lists the valid names for an error's "valid: …": all of them up
// to a dozen, else the first dozen and how many there are, so that a
// mistyped id in a scenario of 200 actors gets a line, not a page.
func OneOf(names []string) string {
	const show = 12
	if len(names) == 0 {
		return "(none)"
	}
	if len(names) <= show {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s, … (%d in all)", strings.Join(names[:show], ", "), len(names))
}

// Nearest returns the name of names that got most likely misspells — the
// only one equal to it but for case, else the only one within two edits
// (Edits; names over 64 runes are compared for case only) — or "" when
// there is none or more than one. An error for an unknown name says "did you mean …?" with it.
func Nearest(got string, names []string) string {
	var folds []string
	for _, n := range names {
		if strings.EqualFold(n, got) {
			folds = append(folds, n)
		}
	}
	switch len(folds) {
	case 0:
	case 1:
		return folds[0]
	default:
		return ""
	}
	best, tie := "", false
	g := strings.ToLower(got)
	bestD := 3
	for _, n := range names {
		switch d := Edits(g, strings.ToLower(n)); {
		case d < bestD:
			best, bestD, tie = n, d, false
		case d == bestD:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// DidYouMean is ` (did you mean "x"?)` for Nearest's x, or "".
func DidYouMean(got string, names []string) string {
	if n := Nearest(got, names); n != "" {
		return fmt.Sprintf(" (did you mean %q?)", n)
	}
	return ""
}

// Edits is the Levenshtein distance between a and b in runes (one
// insertion, deletion or substitution each); strings over 64 runes are
// taken to be far from everything (1 << 20), so that a suggestion costs
// little whatever the input.
func Edits(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 20
	}
	prev, cur := make([]int, len(rb)+1), make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			sub := prev[j-1]
			if ra[i-1] != rb[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
