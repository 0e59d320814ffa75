// Package errs holds Parley's typed error codes. Every layer returns errors
// built here (or wrapping one), so the CLI can map them to exit codes and the
// HTTP layer to status codes, and the message is always meant for a person.
package errs

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
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
	// Field is the request field the error refuses, by its JSON name
	// ("rho", "robust.draws"), when it refuses one (Field, InField); the
	// API's error body gives it so that a client need not read it out of
	// the message.
	Field string
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

// Field returns an Argument error refusing the value of the request
// field named (its JSON name: "rho", "robust.draws"), with a formatted
// message that names it as the doors do ("rho 20: valid: …").
func Field(field, format string, args ...any) error {
	return &Error{Code: Argument, Message: fmt.Sprintf(format, args...), Field: field}
}

// InField says that err, a refusal, refuses the request field named,
// keeping its code and message: for an error made where the field's
// name is not known (catalog.Get's unknown model, named by "models" in
// one request and "model" in another). A field err names already is
// kept: the deeper refusal knows its field better. nil stays nil, and
// a field of "" names none.
func InField(field string, err error) error {
	if err == nil || field == "" || FieldOf(err) != "" {
		return err
	}
	return &Error{Code: CodeOf(err), Message: err.Error(), Err: err, Field: field}
}

// FieldOf returns the request field err refuses: the Field of the first
// *Error in its chain that names one, "" when none does.
func FieldOf(err error) string {
	for err != nil {
		if e, ok := err.(*Error); ok && e.Field != "" {
			return e.Field
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				if f := FieldOf(x); f != "" {
					return f
				}
			}
			return ""
		default:
			return ""
		}
	}
	return ""
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
	return OneOfFirst(names[:min(len(names), OneOfShown)], len(names))
}

// OneOfShown is how many names OneOf writes before "… (N in all)".
const OneOfShown = 12

// OneOfFirst is OneOf for a list of n names of which first are the
// first OneOfShown (or all, when there are fewer), for a caller that
// picks them without making the whole list.
func OneOfFirst(first []string, n int) string {
	if n == 0 {
		return "(none)"
	}
	if n <= len(first) {
		return strings.Join(first, ", ")
	}
	return fmt.Sprintf("%s, … (%d in all)", strings.Join(first, ", "), n)
}

// Choices is what an error for an unknown name got says after naming it:
// ` (did you mean "x"?)` when Nearest finds x, then "; valid: " and the
// names (OneOf).
func Choices(got string, names []string) string {
	return DidYouMean(got, Nearest(got, names)) + "; valid: " + OneOf(names)
}

// DidYouMean is what every error for a misspelt name got says of the
// name it most likely misspells (Nearest): ` (did you mean "x"?)`, or ""
// for none. When got holds a character beyond ASCII and near does not,
// it names the first such character with its position in got, counted
// in characters from 1, with its script (` "сity" has the non-ASCII
// letter "с" (U+0441, Cyrillic) at 1`): a look-alike letter from another
// script (a Cyrillic с for a Latin c) is invisible in the message
// otherwise, and the reader would see two equal names.
func DidYouMean(got, near string) string {
	if near == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?%s)", near, nonASCII(got, near))
}

// nonASCII is DidYouMean's note on got's first character beyond ASCII
// when near has none, or "".
func nonASCII(got, near string) string {
	for _, r := range near {
		if r >= utf8.RuneSelf {
			return ""
		}
	}
	at, first, n := 0, rune(0), 0
	for i, r := range []rune(got) {
		if r >= utf8.RuneSelf {
			if n == 0 {
				at, first = i+1, r
			}
			n++
		}
	}
	if n == 0 {
		return ""
	}
	more := ""
	if n > 1 {
		more = fmt.Sprintf(", and %d more", n-1)
	}
	return fmt.Sprintf(" %q has the non-ASCII %s %q (U+%04X%s) at %d%s", got, runeKind(first), string(first), first, scriptOf(first), at, more)
}

// runeKind is "letter" for a letter, else "character".
func runeKind(r rune) string {
	if unicode.IsLetter(r) {
		return "letter"
	}
	return "character"
}

// scriptOf is ", " and the name of the Unicode script r belongs to
// (", Cyrillic"), or "" for none but Common or Inherited: the script is
// what tells a look-alike from the letter it resembles, and the
// standard library's tables name it without a table of every
// character's name.
func scriptOf(r rune) string {
	for name, t := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(t, r) {
			return ", " + name
		}
	}
	return ""
}

// Nearest returns the name of names that got most likely misspells — the
// only one equal to it but for case, else the only nearest within two
// edits (three when got is longer than eight runes; Edits, names over 64
// runes compared for case only) — or "" when there is none or more than
// one. Every "did you mean" says what it finds: ids, and a scenario
// file's field names.
func Nearest(got string, names []string) string {
	folds, fold := 0, ""
	for _, n := range names {
		if strings.EqualFold(n, got) {
			folds, fold = folds+1, n
		}
	}
	if folds > 0 {
		if folds > 1 {
			return ""
		}
		return fold
	}
	g, gn := strings.ToLower(got), utf8.RuneCountInString(got)
	best, bestD, tie := "", 3, false
	if gn > 8 {
		bestD = 4
	}
	for _, n := range names {
		// a length differing by more than bestD is more edits than bestD
		// (one equal to bestD may tie, which must be seen whatever the order)
		if diff := utf8.RuneCountInString(n) - gn; diff > bestD || -diff > bestD {
			continue
		}
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
