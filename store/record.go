package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"parley/errs"
	"parley/nouns"
	"parley/scenario"
)

// What every Store does alike, kept here once: the ids it makes, the
// clock it reads, how it keeps a time, and which records it refuses.

// NewID returns a random 16-hex-digit id, for a scenario or run created
// without one.
func NewID() string {
	var b [8]byte
	rand.Read(b[:]) // crypto/rand.Read never fails: the process dies first
	return hex.EncodeToString(b[:])
}

// MaxID is the longest scenario id a file may name (BadID): the
// longest id scenario.Slug makes of another tool's names.
const MaxID = scenario.MaxSlug

// ValidID says what BadID takes, for a refusal's "valid:".
const ValidID = "1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter or a digit (the characters of the ids Parley makes), and not deleted or import (names the API's paths take)"

// BadID is the one rule for the id of a scenario a store keeps, which
// the server holds an id a scenario file names (metadata.id) to and
// every store holds a created scenario's id to (NewScenario): it says
// what is wrong with id ("\"a b\" holds ' '"), "" when nothing is. An id
// must be 1 to MaxID ASCII letters, digits, '-', '_' or '.', beginning
// with a letter or a digit (so that it is one segment of
// /api/scenarios/{id}, never "." or ".."), and not "deleted" or
// "import", which /api/scenarios/deleted and /api/scenarios/import
// answer. Ids a store makes (NewID) pass it.
func BadID(id string) (bad string) {
	switch {
	case id == "":
		bad = "missing"
	case len(id) > MaxID:
		bad = fmt.Sprintf("%d bytes, over %d", len(id), MaxID)
	case id == "deleted" || id == "import":
		bad = fmt.Sprintf("%q is the name of an API path (/api/scenarios/%s)", id, id)
	case !scenario.IDAlnum(id[0]):
		r, _ := utf8.DecodeRuneInString(id)
		bad = fmt.Sprintf("%q starts with %q", id, r)
	default:
		for i := 0; i < len(id); i++ {
			if !scenario.IDByte(id[i]) {
				r, _ := utf8.DecodeRuneInString(id[i:])
				bad = fmt.Sprintf("%q holds %q", id, r)
				break
			}
		}
	}
	return bad
}

// NewScenario checks a scenario about to be created (Check, and its id
// by BadID, the error errs.Invalid) and gives it a new id (NewID) when it
// has none: what CreateScenario does first in every store.
func NewScenario(sc *Scenario) error {
	if err := sc.Check(); err != nil {
		return err
	}
	if sc.ID == "" {
		sc.ID = NewID()
		return nil
	}
	if bad := BadID(sc.ID); bad != "" {
		return errs.New(errs.Invalid, "scenario id %s; valid: %s", bad, ValidID)
	}
	return nil
}

// NewRun checks a run about to be created and fills in what CreateRun
// fills in: an id when it has none, Queued when it has no status, and
// the creation time.
func NewRun(r *Run) error {
	if err := r.Kind.Check(); err != nil {
		return err
	}
	if r.ID == "" {
		r.ID = NewID()
	}
	if r.Status == "" {
		r.Status = Queued
	}
	r.Created = Now()
	return nil
}

// Now is the time a store stamps on a record: UTC, truncated to
// microseconds, so that it survives a round trip through any database
// (PostgreSQL keeps microseconds) unchanged.
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

// UnixNanos is how a store keeps a time: Unix nanoseconds, 0 for the
// zero time (a run not started or not finished).
func UnixNanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// FromUnixNanos reads a time kept by UnixNanos back, in UTC.
func FromUnixNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// Check refuses a scenario no store keeps: a body that is not UTF-8 text
// or holds a NUL byte (PostgreSQL's text cannot), or a format other than
// yaml or json. The error is errs.Invalid.
func (s *Scenario) Check() error {
	if !utf8.Valid(s.Body) {
		return errs.New(errs.Invalid, "scenario body is not UTF-8 text")
	}
	if strings.ContainsRune(string(s.Body), 0) {
		return errs.New(errs.Invalid, "scenario body contains a NUL byte")
	}
	if s.Format != "yaml" && s.Format != "json" {
		return errs.New(errs.Invalid, "format %q: valid: yaml or json", s.Format)
	}
	return nil
}

// Check refuses a run kind that is not one of Kinds, naming the valid
// ones. The error is errs.Invalid.
func (k RunKind) Check() error {
	if k.Valid() {
		return nil
	}
	names := make([]string, len(Kinds))
	for i, v := range Kinds {
		names[i] = string(v)
	}
	return errs.New(errs.Invalid, "run kind %q: valid: %s or %s", k,
		strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// NoScenario is the error of a scenario id that is not stored
// (errs.NotFound).
func NoScenario(id string) error {
	return errs.New(errs.NotFound, "no scenario %q; valid: the id of a stored scenario (GET /api/scenarios lists them)", id)
}

// NoRun is the error of a run id that is not stored (errs.NotFound).
func NoRun(id string) error { return errs.New(errs.NotFound, "no run %q", id) }

// Stale is the error of a write that names a version of scenario id other
// than the stored one (errs.Conflict).
func Stale(id string, stored, named int64) error {
	return errs.New(errs.Conflict, "scenario %q is at version %d, not %d: someone else saved it; reload and edit again", id, stored, named)
}

// StaleDeleted is the error of a restore of deleted scenario id that
// names a version other than the one deleted, its history's newest
// (errs.Conflict). Stale's "someone else saved it" would be false: no
// one can save a deleted scenario.
func StaleDeleted(id string, deleted, named int64) error {
	return errs.New(errs.Conflict, `scenario %q was deleted at version %d, not %d; valid: the version deleted, %d (If-Match: "%d"), as GET /api/scenarios/deleted lists it`, id, deleted, named, deleted, deleted)
}

// Duplicate is the error of a create whose id is taken (errs.Conflict);
// what is "scenario" or "run".
func Duplicate(what, id string) error {
	return errs.New(errs.Conflict, "a %s with id %q already exists", what, id)
}

// Full is the error of a create refused because the store holds Max
// scenario ids or more already (Held): the stored scenarios and the
// deleted ones whose history is kept (CreateScenario). Its code is
// errs.Conflict, what the store holds standing in the way; the server
// answers it as it answers other work over its limits (httpapi: 413,
// over_budget).
type Full struct{ Held, Max int }

func (e *Full) Error() string {
	return fmt.Sprintf("this server holds %s (stored, or deleted with their versions kept), and a new one would be over the limit scenarios=%d; "+
		"valid: at most %s: delete some and purge them (DELETE /api/scenarios/{id}/versions frees a deleted scenario's id), or raise it with --limit scenarios=N (parley serve)",
		nouns.Count(e.Held, "scenario"), e.Max, nouns.Count(e.Max, "scenario"))
}

// ErrCode implements errs.CodeOf's interface.
func (e *Full) ErrCode() errs.Code { return errs.Conflict }

// NoVersion is the error of a version of scenario id that is neither its
// current one nor kept in its history (errs.NotFound).
func NoVersion(id string, v int64) error {
	return errs.New(errs.NotFound, "scenario %q has no version %d: neither its current version nor one kept in its history (GET /api/scenarios/%s/versions lists them)", id, v, id)
}

// RestoreCurrent is the error of a restore of the version a scenario is
// at (errs.Invalid): there is nothing to restore.
func RestoreCurrent(id string, v int64) error {
	return errs.New(errs.Invalid, "version %d is scenario %q's current version; valid: an earlier version kept in its history", v, id)
}

// NotDeleted is the error of a purge of scenario id, which is stored at
// version v (errs.Conflict): only a deleted scenario's history is
// purged.
func NotDeleted(id string, v int64) error {
	return errs.New(errs.Conflict, "scenario %q is not deleted (it is at version %d); valid: a deleted scenario, as GET /api/scenarios/deleted lists them: delete it first, then purge", id, v)
}

// NoDeleted is the error of a purge of id, which has no kept version
// (errs.NotFound).
func NoDeleted(id string) error {
	return errs.New(errs.NotFound, "no deleted scenario %q has versions kept; valid: an id GET /api/scenarios/deleted lists", id)
}

// KeepNewest returns, of the n kept versions (numbered in ascending
// order 0 … n-1), how many oldest ones go so that keep remain (keep < 1:
// all go).
func KeepNewest(n, keep int) int {
	if keep < 0 {
		keep = 0
	}
	return max(0, n-keep)
}
