package bolt_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"parley/errs"
	"parley/store"
	"parley/store/bolt"
)

// TestDamagedPagesAreErrors damages one page of a store at a time (every
// page after bbolt's two meta pages, overwritten with noise) and uses the
// store: opening it, listing, reading every scenario, then eight writes at
// once (a group commit) and another list. bbolt checks only its meta
// pages, and panics on a branch or leaf page it finds damaged; each such
// read or write must come back as the error that says the file is
// damaged, the store must go on answering, and no call may panic or hang.
// The test counts the damaged-file errors, so that it fails if no page it
// damaged was ever read.
func TestDamagedPagesAreErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "full.db")
	s, err := bolt.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 30 {
		sc := &store.Scenario{Format: "yaml", Body: fmt.Appendf(nil, "# %d\n%s", i, bytes.Repeat([]byte("x: 1\n"), 1000))}
		if err := s.CreateScenario(ctx, sc, 0); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, sc.ID)
	}
	s.Close()
	full, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	ps := os.Getpagesize()
	rng := rand.New(rand.NewPCG(5, 8))
	var damagedErrs atomic.Int64
	// ok accepts no error or the damaged-file error, and counts the latter
	// (the writes call it from their goroutines)
	ok := func(page int, what string, err error) {
		t.Helper()
		if err == nil {
			return
		}
		if errs.CodeOf(err) != errs.Internal || !strings.Contains(err.Error(), "is damaged") {
			t.Errorf("page %d damaged, %s: %v (%s); want no error or the damaged-file error", page, what, err, errs.CodeOf(err))
			return
		}
		damagedErrs.Add(1)
	}
	for page := 2; page < len(full)/ps; page++ {
		dam := bytes.Clone(full)
		for i := page * ps; i < (page+1)*ps; i++ {
			dam[i] = byte(rng.UintN(256))
		}
		q := filepath.Join(dir, fmt.Sprint(page, ".db"))
		if err := os.WriteFile(q, dam, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := bolt.Open(ctx, q)
		if err != nil {
			if !strings.Contains(err.Error(), "is damaged") && !strings.Contains(err.Error(), "is not a Parley store") {
				t.Errorf("page %d damaged, open: %v", page, err)
			}
			continue
		}
		_, err = s.ListScenarios(ctx)
		ok(page, "list", err)
		for _, id := range ids {
			_, err := s.GetScenario(ctx, id)
			ok(page, "get", err)
		}
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				ok(page, "create", s.CreateScenario(ctx, &store.Scenario{Format: "yaml", Body: fmt.Appendf(nil, "n: %d\n", i)}, 0))
			})
		}
		wg.Wait()
		_, err = s.ListScenarios(ctx)
		ok(page, "list after the writes", err)
		if err := s.Close(); err != nil {
			t.Errorf("page %d damaged, close: %v", page, err)
		}
	}
	if damagedErrs.Load() == 0 {
		t.Error("no damaged page was ever read: the test damaged nothing that mattered")
	}
	t.Logf("%d pages damaged one at a time, %d damaged-file errors", len(full)/ps-2, damagedErrs.Load())
}

// TestBodyChecksum: a scenario's saved file is checked against the CRC-32C
// kept with it, so that damage inside its bytes (which bbolt does not
// check) is an error naming the scenario rather than a different
// scenario. A sum of another version (an earlier build saved the
// scenario since, without one) or no sum (a file of an earlier build)
// checks nothing; saving the scenario again writes a new sum.
func TestBodyChecksum(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.db")
	s, err := bolt.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	sc := &store.Scenario{Format: "yaml", Body: []byte("metadata:\n  id: x\n")}
	if err := s.CreateScenario(ctx, sc, 0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	edit := func(fn func(tx *bbolt.Tx) error) { t.Helper(); editFile(t, p, fn) }
	get := func() (*store.Scenario, error) {
		t.Helper()
		return withStore(t, p, func(s *bolt.Store) (*store.Scenario, error) { return s.GetScenario(ctx, sc.ID) })
	}
	if got, err := get(); err != nil || string(got.Body) != string(sc.Body) {
		t.Fatalf("before any damage: %v, %q", err, got.Body)
	}
	// one byte of the body changed: 'x' → 'y'
	edit(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("bodies")).Put([]byte(sc.ID), []byte("metadata:\n  id: y\n"))
	})
	_, err = get()
	wantChecksumError(t, "damaged body", err, sc.ID)
	// an earlier build saved version 2 since, leaving version 1's sum
	edit(func(tx *bbolt.Tx) error {
		s := tx.Bucket([]byte("scenarios"))
		rec := bytes.Clone(s.Get([]byte(sc.ID)))
		rec[0] = 4 // varint 2 (the version is the record's first field)
		return s.Put([]byte(sc.ID), rec)
	})
	if got, err := get(); err != nil || got.Version != 2 || string(got.Body) != "metadata:\n  id: y\n" {
		t.Fatalf("stale sum: %v, %+v; want version 2 read unchecked", err, got)
	}
	// a file of an earlier build: no sums at all
	edit(func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("body_sums")) })
	if _, err := get(); err != nil {
		t.Fatalf("no sums: %v", err)
	}
	// saving it again writes a sum that then holds
	up := &store.Scenario{ID: sc.ID, Version: 2, Format: "yaml", Body: []byte("metadata:\n  id: z\n")}
	write(t, p, func(s *bolt.Store) error { return s.UpdateScenario(ctx, up, keep) })
	edit(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("bodies")).Put([]byte(sc.ID), []byte("metadata:\n  id: Z\n"))
	})
	if _, err := get(); err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Fatalf("damaged after a new save: %v; want the checksum error", err)
	}
}

// TestResultChecksum: a run's result is checked against the CRC-32C kept
// with it, so that damage inside its bytes (a digit changed) is an error
// naming the run rather than different numbers. A sum written with
// another record of the run (an earlier build rewrote the run since), or
// no sum (a file of an earlier build), checks nothing; the sum goes with
// its result and its run.
func TestResultChecksum(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.db")
	s, err := bolt.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	sc := &store.Scenario{Format: "yaml", Body: []byte("metadata:\n  id: x\n")}
	if err := s.CreateScenario(ctx, sc, 0); err != nil {
		t.Fatal(err)
	}
	run := &store.Run{ScenarioID: sc.ID, ScenarioVersion: 1, Kind: store.Forecast, Model: "compromise", Status: store.Running}
	if err := s.CreateRun(ctx, run); err != nil {
		t.Fatal(err)
	}
	run.Status, run.Progress, run.Result = store.Done, 1, []byte(`{"forecast":42.5}`)
	if err := s.UpdateRun(ctx, run); err != nil {
		t.Fatal(err)
	}
	s.Close()
	edit := func(fn func(tx *bbolt.Tx) error) { t.Helper(); editFile(t, p, fn) }
	sums := func() (n int) {
		t.Helper()
		editFile(t, p, func(tx *bbolt.Tx) error {
			if b := tx.Bucket([]byte("result_sums")); b != nil {
				n = b.Stats().KeyN
			}
			return nil
		})
		return n
	}
	get := func() (*store.Run, error) {
		t.Helper()
		return withStore(t, p, func(s *bolt.Store) (*store.Run, error) { return s.GetRun(ctx, run.ID) })
	}
	if got, err := get(); err != nil || string(got.Result) != `{"forecast":42.5}` {
		t.Fatalf("before any damage: %v, %+v", err, got)
	}
	if n := sums(); n != 1 {
		t.Fatalf("%d result sums, want 1", n)
	}
	// one digit of the result changed: a valid result, different numbers
	edit(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("results")).Put([]byte(run.ID), []byte(`{"forecast":42.6}`))
	})
	_, err = get()
	wantChecksumError(t, "damaged result", err, run.ID)
	// an earlier build rewrote the run (its record changes with its
	// result), leaving this build's sum
	edit(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("runs"))
		rec := bytes.Clone(b.Get([]byte(run.ID)))
		rec[len(rec)-1] ^= 1 // the finish time's last byte
		return b.Put([]byte(run.ID), rec)
	})
	if got, err := get(); err != nil || string(got.Result) != `{"forecast":42.6}` {
		t.Fatalf("stale sum: %v, %+v; want the result read unchecked", err, got)
	}
	// a file of an earlier build: no sums at all
	edit(func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("result_sums")) })
	if _, err := get(); err != nil {
		t.Fatalf("no sums: %v", err)
	}
	// a new result writes a sum that then holds; an empty one removes it
	run.Result = []byte(`{"forecast":7}`)
	write(t, p, func(s *bolt.Store) error { return s.UpdateRun(ctx, run) })
	edit(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("results")).Put([]byte(run.ID), []byte(`{"forecast":8}`))
	})
	if _, err := get(); err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Fatalf("damaged after a new result: %v; want the checksum error", err)
	}
	run.Result = nil
	write(t, p, func(s *bolt.Store) error { return s.UpdateRun(ctx, run) })
	if n := sums(); n != 0 {
		t.Fatalf("%d result sums after the result was cleared, want 0", n)
	}
	// the sum goes with its run (pruned here)
	s, err = bolt.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	run.Result = []byte(`{"forecast":9}`)
	if err := s.UpdateRun(ctx, run); err != nil {
		t.Fatal(err)
	}
	if got, err := s.GetRun(ctx, run.ID); err != nil || string(got.Result) != `{"forecast":9}` {
		t.Fatalf("after a new result: %v, %+v", err, got)
	}
	if n, err := s.PruneRuns(ctx, 0, time.Time{}); err != nil || n != 1 {
		t.Fatalf("prune: %d, %v; want the run pruned", n, err)
	}
	s.Close()
	if n := sums(); n != 0 {
		t.Fatalf("%d result sums after the run was pruned, want 0", n)
	}
}

// editFile changes the store file at p directly, as a damaged disk or an
// earlier build would (waiting up to 10 s for a store still closing).
func editFile(t *testing.T, p string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(p, 0o600, &bbolt.Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// write opens the store at p for one change, failing the test if it
// fails.
func write(t *testing.T, p string, change func(*bolt.Store) error) {
	t.Helper()
	if _, err := withStore(t, p, func(s *bolt.Store) (struct{}, error) { return struct{}{}, change(s) }); err != nil {
		t.Fatal(err)
	}
}

// wantChecksumError fails the test unless err is the damaged-file error
// (errs.Internal) naming id and its checksum.
func wantChecksumError(t *testing.T, what string, err error, id string) {
	t.Helper()
	if errs.CodeOf(err) != errs.Internal || err == nil || !strings.Contains(err.Error(), "is damaged") ||
		!strings.Contains(err.Error(), id) || !strings.Contains(err.Error(), "checksum") {
		t.Fatalf("%s: %v; want the damaged-file error naming %s and its checksum", what, err, id)
	}
}

// withStore opens the store at p for one call.
func withStore[T any](t *testing.T, p string, call func(*bolt.Store) (T, error)) (T, error) {
	t.Helper()
	s, err := bolt.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return call(s)
}

// savedTwice creates a store file at p with one scenario saved as first,
// then edited to second (so version 1 is kept), and closes it.
func savedTwice(t *testing.T, p, first, second string) *store.Scenario {
	t.Helper()
	s, err := bolt.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sc := &store.Scenario{Format: "yaml", Body: []byte(first)}
	if err := s.CreateScenario(ctx, sc, 0); err != nil {
		t.Fatal(err)
	}
	sc.Body = []byte(second)
	if err := s.UpdateScenario(ctx, sc, keep); err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestKeptVersionChecksum: a kept version's file is checked against the
// CRC-32C in its record, so that damage inside its bytes is an error
// naming the scenario and the version, never a different file restored;
// damage already in the current file when it is replaced stays found
// (the kept copy carries the sum it was saved with, not one of the
// damaged bytes).
func TestKeptVersionChecksum(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.db")
	sc := savedTwice(t, p, "metadata:\n  id: x\n", "metadata:\n  id: v2\n")
	get := func(n int64) (*store.Version, error) {
		t.Helper()
		return withStore(t, p, func(s *bolt.Store) (*store.Version, error) { return s.GetVersion(ctx, sc.ID, n) })
	}
	if v, err := get(1); err != nil || string(v.Body) != "metadata:\n  id: x\n" {
		t.Fatalf("before any damage: %v, %+v", err, v)
	}
	key := append([]byte{byte(len(sc.ID))}, sc.ID...)
	key = append(key, 0, 0, 0, 0, 0, 0, 0, 1)
	editFile(t, p, func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("version_bodies")).Put(key, []byte("metadata:\n  id: y\n"))
	})
	_, err := get(1)
	wantChecksumError(t, "damaged kept version", err, sc.ID)
	// The current file damaged, then replaced: its kept copy is found
	// damaged too.
	editFile(t, p, func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("bodies")).Put([]byte(sc.ID), []byte("metadata:\n  id: w2\n"))
	})
	up := &store.Scenario{ID: sc.ID, Version: 2, Format: "yaml", Body: []byte("metadata:\n  id: v3\n")}
	write(t, p, func(s *bolt.Store) error { return s.UpdateScenario(ctx, up, keep) })
	_, err = get(2)
	wantChecksumError(t, "a damaged file kept", err, sc.ID)
	if v, err := get(3); err != nil || string(v.Body) != "metadata:\n  id: v3\n" {
		t.Fatalf("the current version: %v, %+v", err, v)
	}
}

// TestHistoryOfAnEarlierFile: a store file an earlier build of format 1
// wrote has no history buckets: its scenarios list their current
// version alone, and the first edit makes the buckets and keeps the
// version it replaces.
func TestHistoryOfAnEarlierFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.db")
	sc := savedTwice(t, p, "a: 1\n", "a: 2\n")
	editFile(t, p, func(tx *bbolt.Tx) error {
		if err := tx.DeleteBucket([]byte("versions")); err != nil {
			return err
		}
		return tx.DeleteBucket([]byte("version_bodies"))
	})
	l, err := withStore(t, p, func(s *bolt.Store) ([]store.Version, error) { return s.ListVersions(ctx, sc.ID) })
	if err != nil || len(l) != 1 || l[0].Version != 2 || !l[0].Current || l[0].Size != 5 {
		t.Fatalf("versions without the buckets: %+v %v", l, err)
	}
	if d, err := withStore(t, p, func(s *bolt.Store) ([]store.Deleted, error) { return s.ListDeleted(ctx) }); err != nil || len(d) != 0 {
		t.Fatalf("deleted without the buckets: %+v %v", d, err)
	}
	_, err = withStore(t, p, func(s *bolt.Store) (*store.Version, error) { return s.GetVersion(ctx, sc.ID, 1) })
	if errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("version 1 without the buckets: %v, want not found", err)
	}
	write(t, p, func(s *bolt.Store) error { sc.Body = []byte("a: 3\n"); return s.UpdateScenario(ctx, sc, keep) })
	v, err := withStore(t, p, func(s *bolt.Store) (*store.Version, error) { return s.GetVersion(ctx, sc.ID, 2) })
	if err != nil || string(v.Body) != "a: 2\n" {
		t.Fatalf("version 2 after an edit: %+v %v", v, err)
	}
}
