package sqlstore

import (
	"errors"
	"fmt"
	"testing"

	"parley/errs"
	"parley/store"
)

// TestBusyIsMarked checks that the errors of a busy or locked database,
// as PostgreSQL words them, are marked store.ErrBusy (a server
// answers them 503, retry) and others are not.
func TestBusyIsMarked(t *testing.T) {
	for msg, want := range map[string]bool{
		"ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)": true,
		"FATAL: sorry, too many clients already (SQLSTATE 53300)":         true,
		"ERROR: deadlock detected (SQLSTATE 40P01)":                       true,
		"no such table: runs": false,
		"ERROR: duplicate key value violates unique constraint (SQLSTATE 23505)": false,
	} {
		err := internal("op", errors.New(msg))
		if store.IsBusy(err) != want {
			t.Errorf("%q: IsBusy %v, want %v", msg, !want, want)
		}
		if errs.CodeOf(err) != errs.Internal {
			t.Errorf("%q: code %s, want internal", msg, errs.CodeOf(err))
		}
	}
	// lib/pq prints no SQLSTATE but carries it
	for code, want := range map[string]bool{"55P03": true, "40P01": true, "53300": true, "23505": false, "42P01": false} {
		err := internal("op", fmt.Errorf("query: %w", stateErr(code)))
		if store.IsBusy(err) != want {
			t.Errorf("SQLSTATE %s: IsBusy %v, want %v", code, !want, want)
		}
	}
}

// stateErr is an error that carries a SQLSTATE without printing it, as
// lib/pq's do.
type stateErr string

func (e stateErr) Error() string    { return "pq: something went wrong" }
func (e stateErr) SQLState() string { return string(e) }
