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
