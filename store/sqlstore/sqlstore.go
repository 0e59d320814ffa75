// Package sqlstore implements store.Store over database/sql. It is the
// body of store/postgres, which opens the database and names its
// dialect; nothing else imports it. (It was shared with a SQLite store
// until store/bolt replaced that.)
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"parley/errs"
	"parley/store"
)

// Dialect is what is particular to a database.
type Dialect struct {
	// Name is the database's name ("postgres").
	Name string
	// Dollar says placeholders are $1, $2, … rather than ?.
	Dollar bool
	// IsUnique reports whether err is a unique-key violation.
	IsUnique func(err error) bool
	// Lock, when set, runs inside the migration transaction before the
	// schema is read, to keep concurrent migrators apart.
	Lock string
}

// DB is a store.Store over a *sql.DB.
type DB struct {
	db *sql.DB
	d  Dialect
}

// execer is what a write runs its statements on.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

var _ store.Store = (*DB)(nil)

// Open wraps db, applying any migration it has not seen yet.
func Open(ctx context.Context, db *sql.DB, d Dialect) (*DB, error) {
	s := &DB{db: db, d: d}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	if err := s.countHeld(ctx); err != nil {
		return nil, internal("open: count the scenarios", err)
	}
	return s, nil
}

// write runs fn in a transaction and returns once it is committed (or
// has failed).
func (s *DB) write(ctx context.Context, fn func(ctx context.Context, x execer) error) error {
	return s.inTx(ctx, nil, func(tx *sql.Tx) error { return fn(ctx, tx) })
}

// inTx runs fn in a transaction begun with opts (nil: the database's
// default) and commits it when fn succeeds; an error of fn rolls it
// back. write and read are its two uses.
func (s *DB) inTx(ctx context.Context, opts *sql.TxOptions, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Close implements store.Store.
func (s *DB) Close() error { return s.db.Close() }

// q rewrites ? placeholders for the dialect.
func (s *DB) q(query string) string {
	if !s.d.Dollar {
		return query
	}
	var b strings.Builder
	n := 0
	for _, c := range query {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (s *DB) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return errs.Wrap(errs.Internal, fmt.Errorf("migrate: %w", err))
	}
	defer tx.Rollback()
	if s.d.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.Lock); err != nil {
			return errs.Wrap(errs.Internal, fmt.Errorf("migrate: lock: %w", err))
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied BIGINT NOT NULL)`); err != nil {
		return errs.Wrap(errs.Internal, fmt.Errorf("migrate: %w", err))
	}
	done := map[int]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return errs.Wrap(errs.Internal, fmt.Errorf("migrate: %w", err))
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return errs.Wrap(errs.Internal, err)
		}
		done[v] = true
	}
	rows.Close()
	for _, m := range store.Migrations() {
		if done[m.Version] {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return errs.Wrap(errs.Internal, fmt.Errorf("migration %s: %w", m.Name, err))
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`), m.Version, m.Name, time.Now().UnixNano()); err != nil {
			return errs.Wrap(errs.Internal, fmt.Errorf("migration %s: %w", m.Name, err))
		}
	}
	if err := tx.Commit(); err != nil {
		return errs.Wrap(errs.Internal, fmt.Errorf("migrate: %w", err))
	}
	return nil
}

// The times, ids and checks every store shares (store/record.go).
var (
	nanos     = store.UnixNanos
	fromNanos = store.FromUnixNanos
	now       = store.Now
)

// internal gives err, when it is not already an *errs.Error, a
// *store.Full or the context's, the code errs.Internal (and
// store.ErrBusy when the database is busy) and the operation.
func internal(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *errs.Error
	var full *store.Full
	if errors.As(err, &e) || errors.As(err, &full) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if busy(err) {
		return errs.Wrap(errs.Internal, fmt.Errorf("%s: %w: %w", op, store.ErrBusy, err))
	}
	return errs.Wrap(errs.Internal, fmt.Errorf("%s: %w", op, err))
}

// busyText are the messages of a busy or locked PostgreSQL, for drivers
// that print the SQLSTATE code (lock not available, too many connections,
// cannot connect now, serialization failure, deadlock). Matched on the
// text so that sqlstore needs no driver.
var busyText = []string{"sqlstate 55p03", "sqlstate 53300", "sqlstate 57p03", "sqlstate 40001", "sqlstate 40p01"}

// busyStates are the same conditions as SQLSTATE codes, for drivers
// whose errors carry the code but do not print it (lib/pq).
var busyStates = map[string]bool{"55P03": true, "53300": true, "57P03": true, "40001": true, "40P01": true}

// busy reports whether err is a busy or locked database's.
func busy(err error) bool {
	var st interface{ SQLState() string }
	if errors.As(err, &st) && busyStates[st.SQLState()] {
		return true
	}
	m := strings.ToLower(err.Error())
	for _, t := range busyText {
		if strings.Contains(m, t) {
			return true
		}
	}
	return false
}

// CreateScenario implements store.Store.
func (s *DB) CreateScenario(ctx context.Context, sc *store.Scenario, max int) error {
	if err := store.NewScenario(sc); err != nil {
		return err
	}
	t := now()
	var v int64
	create := func(count bool) error {
		return s.write(ctx, func(ctx context.Context, x execer) error {
			return s.create(ctx, x, sc, max, t, &v, count)
		})
	}
	err := create(false)
	if errors.Is(err, errCountUnknown) {
		// Counted in a transaction of its own; should the count be
		// unknown again by the create (a TRUNCATE meanwhile), counted
		// in the create's.
		if err = s.countHeld(ctx); err == nil {
			err = create(true)
		}
	}
	if err != nil {
		if s.d.IsUnique(err) {
			return store.Duplicate("scenario", sc.ID)
		}
		return internal("create scenario", err)
	}
	sc.Version, sc.Created, sc.Updated = v, t, t
	return nil
}

// create is CreateScenario's transaction: it sets *v to the version
// made; count is held's.
func (s *DB) create(ctx context.Context, x execer, sc *store.Scenario, max int, t time.Time, v *int64, count bool) error {
	// Under the id of a deleted scenario whose history is kept, the
	// versions go on from the one deleted.
	last, err := s.lastKept(ctx, x, sc.ID)
	if err != nil {
		return err
	}
	// A new id is counted (its insert's trigger updates the count), so
	// the count is locked before the insert, bounded or not: a create
	// that inserted first and then waited in its trigger for the count a
	// bounded create of the same id held, while that one's insert waited
	// for the first's uncommitted row, would deadlock (40P01), where one
	// must be made and the other refused as a duplicate. An earlier
	// build's create still inserts first; should it meet a bounded one
	// so, PostgreSQL aborts one, reported busy (to be tried again).
	switch {
	case last != 0:
	case max > 0:
		if err := s.room(ctx, x, sc.ID, max, count); err != nil {
			return err
		}
	default:
		if _, err := s.lockCount(ctx, x); err != nil {
			return err
		}
	}
	*v = last + 1
	_, err = x.ExecContext(ctx, s.q(`INSERT INTO scenarios (id, version, name, format, body, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)`),
		sc.ID, *v, sc.Name, sc.Format, string(sc.Body), nanos(t), nanos(t))
	return err
}

// room refuses the create of scenario id, an id with no kept version,
// when the store holds max ids or more (*store.Full): the stored
// scenarios and the ids with kept versions that are not stored, as
// scenario_count keeps them (migration 0003). A stored id is left to the
// insert to refuse as a duplicate. It locks the count's row until the
// transaction ends, so that bounded creates read it one after another
// (two cannot both see room for one), and after lastKept's lock on a
// deleted id's history, the order a purge takes them in.
func (s *DB) room(ctx context.Context, x execer, id string, max int, count bool) error {
	held, err := s.held(ctx, x, count)
	if err != nil {
		return err
	}
	if held < int64(max) {
		return nil
	}
	var stored int
	if err := x.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM scenarios WHERE id = ?`), id).Scan(&stored); err != nil || stored > 0 {
		return err
	}
	return &store.Full{Held: int(held), Max: max}
}

// errCountUnknown is held's when the count of held ids is not known and
// it is not to count them: the create counts them in a transaction of
// its own first (countHeld), so that a create refused at the limit, which
// writes nothing, does not count again each time.
var errCountUnknown = errors.New("the count of held scenario ids is not known")

// countHeld counts the held ids when their count is not known, in a
// transaction of its own. Open runs it, so that a database an earlier
// build wrote is counted once, as it is migrated.
func (s *DB) countHeld(ctx context.Context) error {
	return s.write(ctx, func(ctx context.Context, x execer) error {
		_, err := s.held(ctx, x, true)
		return err
	})
}

// held reads the count of held ids, locking it (lockCount). When the
// count is not known (NULL: a new database, or a TRUNCATE since; below
// zero; its row gone) it counts them when count is set, else it is
// errCountUnknown. Under the row's lock the count is exact: a write that
// adds or frees an id updates the row, so it has committed before the
// lock is granted, or waits for it and then adds to the count written.
// Without the row, the table is locked instead, which such a write holds
// from its update (of no row) until it commits.
func (s *DB) held(ctx context.Context, x execer, count bool) (int64, error) {
	n, err := s.lockCount(ctx, x)
	switch {
	case err != nil:
		return 0, err
	case n.Valid && n.Int64 >= 0:
		return n.Int64, nil
	case !count:
		return 0, errCountUnknown
	}
	var held int64
	if err := x.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM scenarios) + (SELECT COUNT(DISTINCT v.scenario_id) FROM scenario_versions v
		WHERE NOT EXISTS (SELECT 1 FROM scenarios s WHERE s.id = v.scenario_id))`).Scan(&held); err != nil {
		return 0, err
	}
	_, err = x.ExecContext(ctx, s.q(`INSERT INTO scenario_count (one, held) VALUES (TRUE, ?) ON CONFLICT (one) DO UPDATE SET held = EXCLUDED.held`), held)
	return held, err
}

// lockCount reads the count of held ids (NULL when its row is gone too)
// and locks it until the transaction ends: its row FOR UPDATE, or the
// table (EXCLUSIVE) when the row is gone. Whether the row is there is
// read first by a plain SELECT (ACCESS SHARE, which EXCLUSIVE lets be),
// and the table locked before any FOR UPDATE: FOR UPDATE takes ROW SHARE
// on the table even when it finds no row, and two transactions that each
// held it and then waited for EXCLUSIVE would wait for each other
// (PostgreSQL aborts one: a deadlock). Only a row deleted between the
// two reads (by hand) is locked in that order still; a deadlock then is
// reported busy, to be tried again.
func (s *DB) lockCount(ctx context.Context, x execer) (sql.NullInt64, error) {
	var n sql.NullInt64
	var there bool
	if err := x.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM scenario_count)`).Scan(&there); err != nil {
		return n, err
	}
	lock := func() error {
		_, err := x.ExecContext(ctx, `LOCK TABLE scenario_count IN EXCLUSIVE MODE`)
		return err
	}
	if !there {
		if err := lock(); err != nil {
			return n, err
		}
	}
	err := x.QueryRowContext(ctx, `SELECT held FROM scenario_count FOR UPDATE`).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
		if there {
			err = lock()
		}
	}
	return n, err
}

// GetScenario implements store.Store.
func (s *DB) GetScenario(ctx context.Context, id string) (*store.Scenario, error) {
	var sc store.Scenario
	var body string
	var c, u int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, version, name, format, body, created, updated FROM scenarios WHERE id = ?`), id).
		Scan(&sc.ID, &sc.Version, &sc.Name, &sc.Format, &body, &c, &u)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.NoScenario(id)
	}
	if err != nil {
		return nil, internal("get scenario", err)
	}
	sc.Body, sc.Created, sc.Updated = []byte(body), fromNanos(c), fromNanos(u)
	return &sc, nil
}

// ScenarioVersion implements store.Store.
func (s *DB) ScenarioVersion(ctx context.Context, id string) (int64, time.Time, error) {
	var v, u int64
	err := s.db.QueryRowContext(ctx, s.q(`SELECT version, updated FROM scenarios WHERE id = ?`), id).Scan(&v, &u)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, store.NoScenario(id)
	}
	if err != nil {
		return 0, time.Time{}, internal("scenario version", err)
	}
	return v, fromNanos(u), nil
}

// ListScenarios implements store.Store.
func (s *DB) ListScenarios(ctx context.Context) ([]store.Scenario, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, version, name, format, created, updated FROM scenarios ORDER BY updated DESC, id`)
	if err != nil {
		return nil, internal("list scenarios", err)
	}
	defer rows.Close()
	out := []store.Scenario{}
	for rows.Next() {
		var sc store.Scenario
		var c, u int64
		if err := rows.Scan(&sc.ID, &sc.Version, &sc.Name, &sc.Format, &c, &u); err != nil {
			return nil, internal("list scenarios", err)
		}
		sc.Created, sc.Updated = fromNanos(c), fromNanos(u)
		out = append(out, sc)
	}
	return out, internal("list scenarios", rows.Err())
}

// versioned checks a write of scenario id guarded by version, given the
// exec's result and error: the error, else staleOrMissing's when no row
// changed.
func (s *DB) versioned(ctx context.Context, x execer, res sql.Result, err error, id string, version int64) error {
	return ifNone(res, err, func() error { return s.staleOrMissing(ctx, x, id, version) })
}

// ifNone checks a write given the exec's result and error: the error,
// else none()'s when the write changed no row.
func ifNone(res sql.Result, err error, none func() error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return none()
	}
	return nil
}

// staleOrMissing tells a failed versioned write apart: NotFound when the
// id is gone, Conflict when another version is stored.
func (s *DB) staleOrMissing(ctx context.Context, x execer, id string, version int64) error {
	var cur int64
	err := x.QueryRowContext(ctx, s.q(`SELECT version FROM scenarios WHERE id = ?`), id).Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return store.NoScenario(id)
	}
	if err != nil {
		return internal("update scenario", err)
	}
	return store.Stale(id, cur, version)
}

// lastKept returns the newest kept version of scenario id, 0 when it
// has none, and locks its row (FOR UPDATE) until the transaction ends:
// the row that stands for a deleted scenario's history. A create or a
// restore under the id of a deleted scenario reads it so, and so does a
// purge, so that one waits for the other and then sees what it did (a
// row a purge deleted meanwhile is not returned: PostgreSQL skips a
// locked row deleted by the transaction it waited for).
func (s *DB) lastKept(ctx context.Context, x execer, id string) (int64, error) {
	var v int64
	err := x.QueryRowContext(ctx, s.q(`SELECT version FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC LIMIT 1 FOR UPDATE`), id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// keepReplaced copies the stored version of scenario id into its
// history, as replaced at t by what (restored: the version a restore
// brings back), when it is at version (0: whatever version). The row is
// locked (FOR UPDATE) until the transaction ends, so a concurrent write
// of the same version waits, then finds it stale. It reports the
// staleOrMissing error when no row was copied.
func (s *DB) keepReplaced(ctx context.Context, x execer, id string, version int64, t time.Time, what string, restored int64) error {
	q, args := `INSERT INTO scenario_versions (scenario_id, version, name, format, body, created, saved, replaced, replaced_by, restored)
		SELECT id, version, name, format, body, created, updated, ?, ?, ? FROM scenarios WHERE id = ?`, []any{nanos(t), what, restored, id}
	if version != 0 {
		q, args = q+` AND version = ?`, append(args, version)
	}
	res, err := x.ExecContext(ctx, s.q(q+` FOR UPDATE`), args...)
	return s.versioned(ctx, x, res, err, id, version)
}

// trimHistory deletes the oldest kept versions of scenario id beyond the
// newest keep.
func (s *DB) trimHistory(ctx context.Context, x execer, id string, keep int) error {
	if keep < 1 {
		_, err := x.ExecContext(ctx, s.q(`DELETE FROM scenario_versions WHERE scenario_id = ?`), id)
		return err
	}
	_, err := x.ExecContext(ctx, s.q(`DELETE FROM scenario_versions WHERE scenario_id = ? AND version <=
		(SELECT version FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC LIMIT 1 OFFSET ?)`), id, id, keep)
	return err
}

// UpdateScenario implements store.Store.
func (s *DB) UpdateScenario(ctx context.Context, sc *store.Scenario, keep int) error {
	if err := sc.Check(); err != nil {
		return err
	}
	t := now()
	err := s.write(ctx, func(ctx context.Context, x execer) error {
		if err := s.keepReplaced(ctx, x, sc.ID, sc.Version, t, store.ReplacedByEdit, 0); err != nil {
			return err
		}
		res, err := x.ExecContext(ctx, s.q(`UPDATE scenarios SET version = version + 1, name = ?, format = ?, body = ?, updated = ? WHERE id = ? AND version = ?`),
			sc.Name, sc.Format, string(sc.Body), nanos(t), sc.ID, sc.Version)
		if err := s.versioned(ctx, x, res, err, sc.ID, sc.Version); err != nil {
			return err
		}
		return s.trimHistory(ctx, x, sc.ID, keep)
	})
	if err != nil {
		return internal("update scenario", err)
	}
	sc.Version++
	sc.Updated = t
	return nil
}

// DeleteScenario implements store.Store.
func (s *DB) DeleteScenario(ctx context.Context, id string, version int64, keep int) error {
	return internal("delete scenario", s.write(ctx, func(ctx context.Context, x execer) error {
		// The version deleted is kept first (which locks the row and
		// checks the version); the runs go with the scenario (ON DELETE
		// CASCADE does the same where foreign keys are enforced); a
		// stale version undoes all three.
		if err := s.keepReplaced(ctx, x, id, version, now(), store.ReplacedByDelete, 0); err != nil {
			return err
		}
		if _, err := x.ExecContext(ctx, s.q(`DELETE FROM runs WHERE scenario_id = ?`), id); err != nil {
			return err
		}
		q, args := `DELETE FROM scenarios WHERE id = ?`, []any{id}
		if version != 0 {
			q, args = q+` AND version = ?`, append(args, version)
		}
		res, err := x.ExecContext(ctx, s.q(q), args...)
		if err := s.versioned(ctx, x, res, err, id, version); err != nil {
			return err
		}
		return s.trimHistory(ctx, x, id, keep)
	}))
}

const versionCols = `version, name, format, octet_length(body), created, saved, replaced, replaced_by, restored`

// scanVersion reads a kept version's versionCols (and body, when body is
// not nil).
func scanVersion(sc interface{ Scan(...any) error }, v *store.Version, body *string) error {
	var c, sv, r int64
	dest := []any{&v.Version, &v.Name, &v.Format, &v.Size, &c, &sv, &r, &v.ReplacedBy, &v.Restored}
	if body != nil {
		dest = append(dest, body)
	}
	if err := sc.Scan(dest...); err != nil {
		return err
	}
	v.Created, v.Saved, v.Replaced = fromNanos(c), fromNanos(sv), fromNanos(r)
	return nil
}

// ListVersions implements store.Store.
func (s *DB) ListVersions(ctx context.Context, id string) ([]store.Version, error) {
	out := []store.Version{}
	err := s.read(ctx, func(ctx context.Context, x *sql.Tx) error {
		cur := store.Version{Current: true}
		var c, u int64
		err := x.QueryRowContext(ctx, s.q(`SELECT version, name, format, octet_length(body), created, updated FROM scenarios WHERE id = ?`), id).
			Scan(&cur.Version, &cur.Name, &cur.Format, &cur.Size, &c, &u)
		switch {
		case err == nil:
			cur.Created, cur.Saved = fromNanos(c), fromNanos(u)
			out = append(out, cur)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		rows, err := x.QueryContext(ctx, s.q(`SELECT `+versionCols+` FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC`), id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v store.Version
			if err := scanVersion(rows, &v, nil); err != nil {
				return err
			}
			out = append(out, v)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(out) == 0 {
			return store.NoScenario(id)
		}
		return nil
	})
	if err != nil {
		return nil, internal("list versions", err)
	}
	return out, nil
}

// read runs fn in a read-only transaction, so that what it reads in
// several statements is of one moment (REPEATABLE READ).
func (s *DB) read(ctx context.Context, fn func(ctx context.Context, x *sql.Tx) error) error {
	return s.inTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}, func(tx *sql.Tx) error { return fn(ctx, tx) })
}

// GetVersion implements store.Store.
func (s *DB) GetVersion(ctx context.Context, id string, n int64) (*store.Version, error) {
	var v *store.Version
	err := s.read(ctx, func(ctx context.Context, x *sql.Tx) (err error) {
		v, err = s.getVersion(ctx, x, id, n)
		return err
	})
	if err != nil {
		return nil, internal("get version", err)
	}
	return v, nil
}

// getVersion reads version n of scenario id, current or kept, with its
// body.
func (s *DB) getVersion(ctx context.Context, x execer, id string, n int64) (*store.Version, error) {
	v := store.Version{Current: true}
	var body string
	var c, u int64
	err := x.QueryRowContext(ctx, s.q(`SELECT version, name, format, octet_length(body), created, updated, body FROM scenarios WHERE id = ? AND version = ?`), id, n).
		Scan(&v.Version, &v.Name, &v.Format, &v.Size, &c, &u, &body)
	if err == nil {
		v.Created, v.Saved, v.Body = fromNanos(c), fromNanos(u), []byte(body)
		return &v, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	v = store.Version{}
	err = scanVersion(x.QueryRowContext(ctx, s.q(`SELECT `+versionCols+`, body FROM scenario_versions WHERE scenario_id = ? AND version = ?`), id, n), &v, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.NoVersion(id, n)
	}
	if err != nil {
		return nil, err
	}
	v.Body = []byte(body)
	return &v, nil
}

// RestoreVersion implements store.Store.
func (s *DB) RestoreVersion(ctx context.Context, id string, n, current int64, keep int) (*store.Scenario, error) {
	var sc *store.Scenario
	err := s.write(ctx, func(ctx context.Context, x execer) error {
		old, err := s.getVersion(ctx, x, id, n)
		if err != nil {
			return err
		}
		if old.Current {
			return store.RestoreCurrent(id, n)
		}
		t := now()
		sc = &store.Scenario{ID: id, Name: old.Name, Format: old.Format, Body: old.Body, Updated: t}
		var last int64
		err = x.QueryRowContext(ctx, s.q(`SELECT created FROM scenarios WHERE id = ?`), id).Scan(new(int64))
		switch {
		case err == nil: // the scenario is there: an update
			if err := s.keepReplaced(ctx, x, id, current, t, store.ReplacedByRestore, n); err != nil {
				return err
			}
			var c int64
			if err := x.QueryRowContext(ctx, s.q(`UPDATE scenarios SET version = version + 1, name = ?, format = ?, body = ?, updated = ? WHERE id = ? AND version = ? RETURNING version, created`),
				sc.Name, sc.Format, string(sc.Body), nanos(t), id, current).Scan(&sc.Version, &c); err != nil {
				return err
			}
			sc.Created = fromNanos(c)
		case errors.Is(err, sql.ErrNoRows): // deleted: created again, after its last version
			if last, err = s.lastKept(ctx, x, id); err != nil {
				return err
			}
			if last == 0 { // purged since it was read
				return store.NoVersion(id, n)
			}
			if current != last {
				return store.StaleDeleted(id, last, current)
			}
			sc.Version, sc.Created = last+1, old.Created
			if _, err := x.ExecContext(ctx, s.q(`INSERT INTO scenarios (id, version, name, format, body, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)`),
				id, sc.Version, sc.Name, sc.Format, string(sc.Body), nanos(sc.Created), nanos(t)); err != nil {
				if s.d.IsUnique(err) { // restored meanwhile by another
					return errs.New(errs.Conflict, "scenario %q was restored while version %d was being restored; reload and restore again", id, n)
				}
				return err
			}
		default:
			return err
		}
		return s.trimHistory(ctx, x, id, keep)
	})
	if err != nil {
		return nil, internal("restore version", err)
	}
	return sc, nil
}

// PurgeDeleted implements store.Store. It locks the newest kept row
// first (lastKept), so that a create or a restore under the id waits for
// it or it for them. PostgreSQL frees the rows' space at its next
// VACUUM; until then their bytes stay in the table's files
// (docs/serve.md, "History").
func (s *DB) PurgeDeleted(ctx context.Context, id string, version int64) error {
	return internal("purge deleted", s.write(ctx, func(ctx context.Context, x execer) error {
		last, err := s.lastKept(ctx, x, id)
		if err != nil {
			return err
		}
		var cur int64
		err = x.QueryRowContext(ctx, s.q(`SELECT version FROM scenarios WHERE id = ?`), id).Scan(&cur)
		switch {
		case err == nil:
			return store.NotDeleted(id, cur)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		case last == 0:
			return store.NoDeleted(id)
		case last != version:
			return store.StaleDeleted(id, last, version)
		}
		// Up to the row locked: a version a delete kept since is not
		// purged unseen.
		_, err = x.ExecContext(ctx, s.q(`DELETE FROM scenario_versions WHERE scenario_id = ? AND version <= ?`), id, last)
		return err
	}))
}

// ListDeleted implements store.Store.
func (s *DB) ListDeleted(ctx context.Context) ([]store.Deleted, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT v.scenario_id, `+strings.ReplaceAll(versionCols, "octet_length(body)", "octet_length(v.body)")+`
		FROM scenario_versions v
		WHERE v.replaced_by = 'delete'
		AND NOT EXISTS (SELECT 1 FROM scenarios s WHERE s.id = v.scenario_id)
		AND v.version = (SELECT MAX(w.version) FROM scenario_versions w WHERE w.scenario_id = v.scenario_id)
		ORDER BY v.replaced DESC, v.scenario_id`)
	if err != nil {
		return nil, internal("list deleted", err)
	}
	defer rows.Close()
	out := []store.Deleted{}
	for rows.Next() {
		var d store.Deleted
		if err := scanVersion(&prefixed{rows, &d.ID}, &d.Version, nil); err != nil {
			return nil, internal("list deleted", err)
		}
		out = append(out, d)
	}
	return out, internal("list deleted", rows.Err())
}

// prefixed scans one column into first before the rest.
type prefixed struct {
	rows  *sql.Rows
	first *string
}

func (p *prefixed) Scan(dest ...any) error { return p.rows.Scan(append([]any{p.first}, dest...)...) }

func rawOr(b json.RawMessage, def string) string {
	if len(b) == 0 {
		return def
	}
	return string(b)
}

// CreateRun implements store.Store.
func (s *DB) CreateRun(ctx context.Context, r *store.Run) error {
	if err := store.NewRun(r); err != nil {
		return err
	}
	err := s.write(ctx, func(ctx context.Context, x execer) error {
		_, err := x.ExecContext(ctx, s.q(`INSERT INTO runs (id, scenario_id, scenario_version, kind, input_hash, model, options, seed, status, progress, result, error, created, started, finished)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			r.ID, r.ScenarioID, r.ScenarioVersion, string(r.Kind), r.InputHash, r.Model, rawOr(r.Options, "{}"), int64(r.Seed),
			string(r.Status), r.Progress, rawOr(r.Result, ""), r.Error, nanos(r.Created), nanos(r.Started), nanos(r.Finished))
		return err
	})
	if err != nil {
		if s.d.IsUnique(err) {
			return store.Duplicate("run", r.ID)
		}
		if isForeignKey(err) {
			return store.NoScenario(r.ScenarioID)
		}
		return internal("create run", err)
	}
	return nil
}

func isForeignKey(err error) bool {
	m := strings.ToLower(err.Error())
	return strings.Contains(m, "foreign key")
}

// UpdateRun implements store.Store.
func (s *DB) UpdateRun(ctx context.Context, r *store.Run) error {
	return internal("update run", s.write(ctx, func(ctx context.Context, x execer) error {
		res, err := x.ExecContext(ctx, s.q(`UPDATE runs SET status = ?, progress = ?, result = ?, error = ?, started = ?, finished = ? WHERE id = ?`),
			string(r.Status), r.Progress, rawOr(r.Result, ""), r.Error, nanos(r.Started), nanos(r.Finished), r.ID)
		return ifNone(res, err, func() error { return store.NoRun(r.ID) })
	}))
}

const runCols = `id, scenario_id, scenario_version, kind, input_hash, model, options, seed, status, progress, error, created, started, finished`

func scanRun(sc interface{ Scan(...any) error }, r *store.Run, result *string) error {
	var opts, kind, status string
	var seed, c, st, f int64
	dest := []any{&r.ID, &r.ScenarioID, &r.ScenarioVersion, &kind, &r.InputHash, &r.Model, &opts, &seed, &status, &r.Progress, &r.Error, &c, &st, &f}
	if result != nil {
		dest = append(dest, result)
	}
	if err := sc.Scan(dest...); err != nil {
		return err
	}
	r.Kind, r.Status, r.Seed = store.RunKind(kind), store.RunStatus(status), uint64(seed)
	r.Options = json.RawMessage(opts)
	r.Created, r.Started, r.Finished = fromNanos(c), fromNanos(st), fromNanos(f)
	return nil
}

// GetRun implements store.Store.
func (s *DB) GetRun(ctx context.Context, id string) (*store.Run, error) {
	var r store.Run
	var result string
	err := scanRun(s.db.QueryRowContext(ctx, s.q(`SELECT `+runCols+`, result FROM runs WHERE id = ?`), id), &r, &result)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.NoRun(id)
	}
	if err != nil {
		return nil, internal("get run", err)
	}
	if result != "" {
		r.Result = json.RawMessage(result)
	}
	return &r, nil
}

// ListRuns implements store.Store.
func (s *DB) ListRuns(ctx context.Context, scenarioID string) ([]store.Run, error) {
	q, args := `SELECT `+runCols+` FROM runs`, []any{}
	if scenarioID != "" {
		q, args = q+` WHERE scenario_id = ?`, append(args, scenarioID)
	}
	rows, err := s.db.QueryContext(ctx, s.q(q+` ORDER BY created DESC, id`), args...)
	if err != nil {
		return nil, internal("list runs", err)
	}
	defer rows.Close()
	out := []store.Run{}
	for rows.Next() {
		var r store.Run
		if err := scanRun(rows, &r, nil); err != nil {
			return nil, internal("list runs", err)
		}
		out = append(out, r)
	}
	return out, internal("list runs", rows.Err())
}

// PruneRuns implements store.Store.
func (s *DB) PruneRuns(ctx context.Context, keep int, before time.Time) (int64, error) {
	if keep < 0 && before.IsZero() {
		return 0, nil
	}
	var n int64
	err := s.write(ctx, func(ctx context.Context, x execer) error {
		n = 0
		// del deletes the finished runs that also meet cond, counting them.
		del := func(cond string, arg any) error {
			res, err := x.ExecContext(ctx, s.q(`DELETE FROM runs WHERE status IN ('done', 'failed', 'cancelled') AND `+cond), arg)
			if err != nil {
				return err
			}
			k, err := res.RowsAffected()
			n += k
			return err
		}
		if keep >= 0 {
			if err := del(`id NOT IN (SELECT id FROM runs ORDER BY created DESC, id LIMIT ?)`, keep); err != nil {
				return err
			}
		}
		if !before.IsZero() {
			return del(`created < ?`, nanos(before))
		}
		return nil
	})
	return n, internal("prune runs", err)
}
