// Package postgres is the Store kept in a PostgreSQL database, through
// github.com/lib/pq, a pure-Go database/sql driver, with the schema and
// queries of store/sqlstore. lib/pq rather than pgx: the store needs
// only database/sql's plain types, and pgx's type system took 6 s of the
// 37 s a fresh machine spent compiling parley (BENCHMARKS.md, "First
// run").
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/lib/pq"

	"parley/errs"
	"parley/store"
	"parley/store/sqlstore"
)

// Store is a store.Store in a PostgreSQL database.
type Store struct{ *sqlstore.DB }

var _ store.Store = Store{}

// Open connects to the database at url (postgres://user:pass@host/db) and
// brings its schema up to date. Concurrent servers migrating at once wait
// for each other on an advisory lock.
func Open(ctx context.Context, url string) (*Store, error) {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, fmt.Errorf("postgres: %w", err))
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, errs.Wrap(errs.Internal, fmt.Errorf("postgres: %w", err))
	}
	s, err := sqlstore.Open(ctx, db, sqlstore.Dialect{
		Name:     "postgres",
		Dollar:   true,
		IsUnique: isUnique,
		Lock:     "SELECT pg_advisory_xact_lock(70617260)",
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{s}, nil
}

func isUnique(err error) bool {
	var e *pq.Error
	return errors.As(err, &e) && e.Code == "23505" // unique_violation
}
