// Package bolt is the Store kept in one file: `parley serve --db FILE`.
// The file is a bbolt database (go.etcd.io/bbolt, a B+tree of keys and
// values in one memory-mapped file, in pure Go) holding the scenarios and
// runs in buckets (record.go describes them), with the file's format
// version in a bucket of its own.
//
// Why bbolt: it compiles in about a second, where the embedded SQLite
// Parley used before (C translated to Go) took about 12 s of the first
// build on a fresh machine, and Parley needs no SQL from a file store:
// its questions are lookups by id and lists in one order, which keys
// sorted by time answer directly (docs/DECISIONS.md).
//
// Durability: every write is a transaction that returns once committed,
// and bbolt syncs each commit to disk (fdatasync) before it returns, so a
// write acknowledged to a client survives the process being killed.
// Concurrent writes are committed together, as the SQLite store's group
// commit did: a lone write commits at once, and the writes that arrive
// while a commit is under way share the next transaction and sync, which
// starts as soon as that commit ends (update; no timer waits for company).
// Reads run beside the writer, each in a snapshot of its own.
//
// Concurrency between processes: bbolt locks the file (flock) for the one
// process that has it open for writing; another process waits up to
// LockTimeout and then gets an error that wraps store.ErrBusy. One file
// serves one `parley serve`; a team shares a PostgreSQL database instead.
//
// The file format is versioned (Format). A file of a newer format, a file
// that is not a bbolt database, a bbolt database of another program, a
// store cut short or damaged, and a SQLite store of an earlier Parley
// build are each refused with an error that names the file (never a
// panic), and are left as they were.
package bolt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.etcd.io/bbolt"
	bberrors "go.etcd.io/bbolt/errors"

	"parley/errs"
	"parley/store"
)

// Store is a store.Store in a bbolt file.
type Store struct {
	db   *bbolt.DB
	path string

	// group commit (update): the writes waiting for the next commit, and
	// whether a writer is committing
	mu      sync.Mutex
	queue   []*write
	leading bool
}

// write is one update waiting in the group commit. next says why the
// writer was woken: its commit is done (err is its result) or it is to
// commit the queue itself.
type write struct {
	fn   func(tx *bbolt.Tx) error
	err  error
	next chan bool // true: lead the next commit; false: done
}

var _ store.Store = (*Store)(nil)

// LockTimeout is how long Open waits for another process to let go of the
// file (as long as the SQLite store's busy timeout was).
const LockTimeout = 10 * time.Second

// Format is the version of the file's layout this build writes. A file
// records the version it was written in; Open refuses a newer one (a
// later build may store what this one would lose) and would bring an
// older one up to date.
const Format = 1

// sqliteHeader opens every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Open opens the store file at path, creating it when absent. The file is
// locked until Close; while another process holds it, Open waits up to
// LockTimeout.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, LockTimeout)
}

func open(ctx context.Context, path string, timeout time.Duration) (*Store, error) {
	if path == "" || path == ":memory:" {
		return nil, errs.New(errs.Argument, "store: a file path is needed (got %q); the store is kept in a file, created when absent", path)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := refuseSQLite(path); err != nil {
		return nil, err
	}
	s := &Store{path: path}
	db, err := s.openBolt(timeout)
	if err != nil {
		return nil, err
	}
	s.db = db
	if err := s.setUp(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// refuseSQLite refuses a SQLite store of an earlier Parley build before
// bbolt reads it: with the way to carry its scenarios over. Any other
// content is bbolt's to judge.
func refuseSQLite(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // absent (to be created), or an error bbolt will report
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return nil
	}
	return errs.New(errs.Invalid, "store file %s is a SQLite store written by an earlier Parley build, and this build no longer reads SQLite: "+
		"it keeps its store in a bbolt file. The file was left untouched. Start with another --db path (a new store is made there); "+
		"to carry the scenarios over, serve this file with the earlier build, download each scenario's file "+
		"(GET /api/scenarios/{id}/export) and POST it to /api/scenarios on the new server (docs/serve.md, \"Storage\")", path)
}

// openBolt opens the file with bbolt. bbolt trusts a file whose meta
// pages check out: a bbolt file damaged elsewhere (cut short, say) can
// make it panic, or fault on a page the file no longer has. guard turns
// both into an error that says the file is damaged, and the file is
// closed again, its lock with it.
func (s *Store) openBolt(timeout time.Duration) (*bbolt.DB, error) {
	var f *os.File
	openFile := func(name string, flag int, perm os.FileMode) (*os.File, error) {
		var err error
		f, err = os.OpenFile(name, flag, perm)
		return f, err
	}
	var db *bbolt.DB
	err := s.guard(func() (err error) {
		if db, err = bbolt.Open(s.path, 0o600, &bbolt.Options{Timeout: timeout, OpenFile: openFile}); err != nil {
			err = openError(s.path, timeout, err)
		}
		return err
	})
	if err != nil {
		if f != nil {
			f.Close() // after a panic it is still open; after an error, bbolt closed it and this does nothing
		}
		return nil, err
	}
	return db, nil
}

// openError explains why bbolt could not open path.
func openError(path string, timeout time.Duration, err error) error {
	switch {
	case errors.Is(err, bberrors.ErrTimeout):
		return errs.Wrap(errs.Internal, fmt.Errorf("store file %s: %w: another parley serve (or another process) has it open, and it was still locked after %v; stop that process, or start with another --db",
			path, store.ErrBusy, timeout))
	case errors.Is(err, bberrors.ErrInvalid), errors.Is(err, bberrors.ErrVersionMismatch), errors.Is(err, bberrors.ErrChecksum),
		strings.Contains(err.Error(), "file size too small"):
		return errs.New(errs.Invalid, "store file %s is not a Parley store: a Parley store is a bbolt database file, and bbolt reads this one as %q. The file was left untouched; start with another --db path (a new store is made there)",
			path, err)
	}
	return errs.Wrap(errs.Internal, fmt.Errorf("store file %s: %w", path, err))
}

// setUp checks the file's format, and makes the buckets of a new file.
func (s *Store) setUp() error {
	var fresh bool
	check := func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			var names []string
			tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
				names = append(names, strconv.Quote(string(name)))
				return nil
			})
			if len(names) > 0 {
				return errs.New(errs.Invalid, "store file %s is a bbolt database but not a Parley store (it has buckets %s and no %q); the file was left untouched: start with another --db path",
					s.path, strings.Join(names, ", "), bucketMeta)
			}
			fresh = true
			return nil
		}
		v, err := strconv.Atoi(string(meta.Get(keyFormat)))
		if err != nil || v < 1 {
			return s.damaged(fmt.Sprintf("its format version %q", meta.Get(keyFormat)))
		}
		if v > Format {
			return errs.New(errs.Invalid, "store file %s was written by a newer Parley build (store format %d; this build reads formats up to %d); the file was left untouched: serve it with that build, or start with another --db path",
				s.path, v, Format)
		}
		for _, name := range buckets {
			if tx.Bucket(name) == nil {
				return s.damaged(fmt.Sprintf("bucket %q is missing", name))
			}
		}
		if info, err := os.Stat(s.path); err == nil && info.Size() < tx.Size() {
			return s.damaged(fmt.Sprintf("it is %d bytes, shorter than the %d its pages need (a copy cut short?)", info.Size(), tx.Size()))
		}
		return nil
	}
	err := s.guard(func() error { return s.db.View(check) })
	if err != nil {
		return s.internal("open", err)
	}
	if !fresh {
		return s.recountHeld()
	}
	return s.internal("open", s.db.Update(func(tx *bbolt.Tx) error {
		for _, name := range buckets {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketMeta).Put(keyFormat, []byte(strconv.Itoa(Format))); err != nil {
			return err
		}
		return putHeld(tx, 0)
	}))
}

// damaged is the error of a store file whose content is not what this
// package wrote: a file that is Parley's, but broken (errs.Internal, as an
// I/O failure is), where a file that is not Parley's is errs.Invalid.
func (s *Store) damaged(what string) error {
	return errs.New(errs.Internal, "store file %s is damaged: %s; the file was left untouched: restore it from a backup, "+
		"or, with no server holding it, run parley db check %s (what is damaged) and parley db salvage %s NEW (every readable scenario copied into a new file NEW, to serve), "+
		"or start with another --db path", s.path, what, s.path, s.path)
}

// Close releases the file and its lock. It waits for the reads and writes
// under way.
func (s *Store) Close() error { return s.internal("close", s.db.Close()) }

var errClosed = errs.New(errs.Internal, "the store is closed")

// internal gives err, when it is not already an *errs.Error, a
// *store.Full or the context's, the code errs.Internal and the
// operation and file in its message.
func (s *Store) internal(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *errs.Error
	var full *store.Full
	if errors.As(err, &e) || errors.As(err, &full) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if errors.Is(err, bberrors.ErrDatabaseNotOpen) {
		return errClosed
	}
	if errors.Is(err, bberrors.ErrKeyTooLarge) {
		return errs.New(errs.Invalid, "%s: an id of more than %d bytes", op, bbolt.MaxKeySize)
	}
	return errs.Wrap(errs.Internal, fmt.Errorf("%s: store file %s: %w", op, s.path, err))
}

// view runs fn in a read transaction.
func (s *Store) view(ctx context.Context, op string, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.internal(op, s.guard(func() error { return s.db.View(fn) }))
}

// guard runs f, a call into bbolt (a transaction, or opening the file),
// and turns a panic or a fault on the file's mapped pages into the error
// that says the file is damaged.
// bbolt checks only its meta pages: a branch or leaf page damaged on
// disk makes it panic (an assertion on the page's id, say) when a
// transaction reads it. Its View and Update roll the transaction back as
// the panic passes, so the store stays usable for the pages that are
// whole, and a write's group commit hands over as it does after an error.
func (s *Store) guard(f func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = s.damaged(fmt.Sprintf("bbolt cannot read it (%v)", p))
		}
	}()
	return f()
}

// update runs fn in a write transaction and returns once it is committed
// and synced, or has failed: a group commit. A write with no commit under
// way commits at once; the writes that arrive while one is under way
// queue, and when it ends the first of them commits the whole queue in
// one transaction (one sync) and wakes the others. There is no timer:
// under load each commit takes whatever queued during the last, and a
// lone write never waits. If one fn of a group fails, the transaction is
// rolled back and each fn of the group runs in a transaction of its own,
// so an error undoes its own writes alone; fn may therefore run twice
// and must set whatever it reports afresh each time.
func (s *Store) update(ctx context.Context, op string, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w := &write{fn: fn, next: make(chan bool, 1)}
	s.mu.Lock()
	s.queue = append(s.queue, w)
	lead := !s.leading
	s.leading = true
	s.mu.Unlock()
	if !lead && !<-w.next {
		return s.internal(op, w.err)
	}
	s.mu.Lock()
	group := s.queue
	s.queue = nil
	s.mu.Unlock()
	s.commit(group)
	s.mu.Lock()
	if len(s.queue) > 0 {
		s.queue[0].next <- true // it commits what queued meanwhile
	} else {
		s.leading = false
	}
	s.mu.Unlock()
	for _, o := range group {
		if o != w {
			o.next <- false
		}
	}
	return s.internal(op, w.err)
}

// commit runs the group's writes in one transaction, or each in its own
// when one of them fails (see update), and records each one's result.
// Each transaction ends with stamp, which keeps the count of held ids
// known (held.go).
func (s *Store) commit(group []*write) {
	if len(group) > 1 {
		failed := errors.New("a write of the group failed")
		err := s.guard(func() error {
			return s.db.Update(func(tx *bbolt.Tx) error {
				for _, w := range group {
					if w.err = w.fn(tx); w.err != nil {
						return failed
					}
				}
				return stamp(tx)
			})
		})
		if err == nil {
			return
		}
	}
	for _, w := range group {
		w.err = s.guard(func() error {
			return s.db.Update(func(tx *bbolt.Tx) error {
				if err := w.fn(tx); err != nil {
					return err
				}
				return stamp(tx)
			})
		})
	}
}
