package sqlstore

import (
	"errors"
	"testing"

	"parley/errs"
	"parley/store"
)

// TestBusyIsMarked checks that the errors of a busy or locked database,
// as SQLite and PostgreSQL word them, are marked store.ErrBusy (a server
// answers them 503, retry) and others are not.
func TestBusyIsMarked(t *testing.T) {
	for msg, want := range map[string]bool{
		"database is locked (5) (SQLITE_BUSY)":                                   true,
		"database table is locked (6)":                                           true,
		"ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)":        true,
		"FATAL: sorry, too many clients already (SQLSTATE 53300)":                true,
		"ERROR: deadlock detected (SQLSTATE 40P01)":                              true,
		"no such table: runs":                                                    false,
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
}
