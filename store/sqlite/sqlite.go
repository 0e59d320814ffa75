// Package sqlite is the Store kept in one SQLite file, through the pure-Go
// driver modernc.org/sqlite (no cgo). The database runs in WAL mode with
// synchronous=FULL, so a write acknowledged to a client has reached the disk
// and survives the process being killed; a busy timeout makes concurrent
// writers wait for each other instead of failing.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"

	"parley/errs"
	"parley/store"
	"parley/store/sqlstore"
)

// Store is a store.Store in a SQLite file.
type Store struct{ *sqlstore.DB }

var _ store.Store = Store{}

// BusyTimeoutMS is how long a writer waits for the lock, in milliseconds.
const BusyTimeoutMS = 10000

// Open opens (creating when absent) the database file at path and brings
// its schema up to date. ":memory:" is not accepted (each connection would
// see its own database); use a file in a temporary directory instead.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || path == ":memory:" {
		return nil, errs.New(errs.Argument, "sqlite: a database file path is needed (got %q)", path)
	}
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"synchronous(FULL)",
		fmt.Sprintf("busy_timeout(%d)", BusyTimeoutMS),
		"foreign_keys(1)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + strings.ReplaceAll(path, "?", "%3F") + "?" + q.Encode()
	open := func() (*sql.DB, error) {
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			return nil, errs.Wrap(errs.Internal, fmt.Errorf("sqlite %s: %w", path, err))
		}
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			return nil, errs.Wrap(errs.Internal, fmt.Errorf("sqlite %s: %w", path, err))
		}
		return db, nil
	}
	// One writer connection: SQLite runs one write at a time anyway, and
	// queueing in the pool is fair where its busy handler's polling
	// starves some writers under load. Readers run beside it (WAL).
	w, err := open()
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	r, err := open()
	if err != nil {
		w.Close()
		return nil, err
	}
	s, err := sqlstore.OpenRW(ctx, r, w, sqlstore.Dialect{Name: "sqlite", IsUnique: isUnique, Batch: true})
	if err != nil {
		r.Close()
		w.Close()
		return nil, err
	}
	return &Store{s}, nil
}

func isUnique(err error) bool {
	var e *sqlite3.Error
	if errors.As(err, &e) {
		return e.Code() == sqlite3lib.SQLITE_CONSTRAINT_PRIMARYKEY || e.Code() == sqlite3lib.SQLITE_CONSTRAINT_UNIQUE
	}
	return false
}
