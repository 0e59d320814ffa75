package bolt

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"parley/errs"
	"parley/store"
)

// TestLockedFileIsBusy checks that a file another process has open is
// refused, after the wait, as busy (store.ErrBusy), naming the file and
// the likely holder; and that it opens once let go. A second open in the
// same process stands for the other process: bbolt's flock lock does not
// tell them apart.
func TestLockedFileIsBusy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	first, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = open(ctx, path, 100*time.Millisecond)
	if !store.IsBusy(err) || errs.CodeOf(err) != errs.Internal {
		t.Fatalf("second open: %v; want a busy (internal) error", err)
	}
	for _, w := range []string{path, "another parley serve (or another process) has it open", "100ms", "--db"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	second, err := open(ctx, path, 100*time.Millisecond)
	if err != nil {
		t.Fatalf("open after the first closed: %v", err)
	}
	second.Close()
}

// TestWritesAreSyncedAndGrouped checks the durability settings (every
// commit synced, no NoSync); that a lone write commits at once, in one
// transaction; and that writes arriving while a commit is under way share
// the next one: with the leader held until 16 writes have queued, they
// are one transaction, and each finds its own result.
func TestWritesAreSyncedAndGrouped(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.db.NoSync || s.db.NoGrowSync {
		t.Fatalf("NoSync %v, NoGrowSync %v; want false, false", s.db.NoSync, s.db.NoGrowSync)
	}
	txid := func() (id int) {
		s.db.View(func(tx *bbolt.Tx) error { id = tx.ID(); return nil })
		return id
	}
	// A lone write commits at once.
	before := txid()
	if err := s.CreateScenario(ctx, &store.Scenario{Format: "yaml", Body: []byte("x: 0\n")}, 0); err != nil {
		t.Fatal(err)
	}
	if after := txid(); after != before+1 {
		t.Fatalf("a lone write took %d commits, want 1", after-before)
	}
	// A commit under way (this goroutine leads, with nothing to write)
	// while 16 creates queue; then the first of them leads their group.
	const n = 16
	s.mu.Lock()
	s.leading = true
	s.mu.Unlock()
	before = txid()
	var wg sync.WaitGroup
	errors := make([]error, n)
	for i := range n {
		wg.Go(func() {
			errors[i] = s.CreateScenario(ctx, &store.Scenario{Format: "yaml", Body: []byte("x: 1\n")}, 0)
		})
	}
	leadWhenQueued(s, n)
	wg.Wait()
	for i, err := range errors {
		if err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
	}
	if after := txid(); after != before+1 {
		t.Fatalf("%d queued writes took %d commits, want 1", n, after-before)
	}
	if l, err := s.ListScenarios(ctx); err != nil || len(l) != n+1 {
		t.Fatalf("listed %d (%v), want %d", len(l), err, n+1)
	}
	// A group with a failing write (a duplicate id, found inside the
	// transaction): the others are stored, the failing one reports its
	// own error.
	if err := s.CreateScenario(ctx, &store.Scenario{ID: "dup", Format: "yaml", Body: []byte("x: 3\n")}, 0); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	s.leading = true
	s.mu.Unlock()
	var ok [3]error
	var bad error
	for i := range ok {
		wg.Go(func() { ok[i] = s.CreateScenario(ctx, &store.Scenario{Format: "yaml", Body: []byte("x: 2\n")}, 0) })
	}
	wg.Go(func() {
		bad = s.CreateScenario(ctx, &store.Scenario{ID: "dup", Format: "yaml", Body: []byte("x: 4\n")}, 0)
	})
	leadWhenQueued(s, len(ok)+1)
	wg.Wait()
	if ok != [3]error{} || errs.CodeOf(bad) != errs.Conflict {
		t.Fatalf("group with a failing write: %v, failing one %v (want a conflict)", ok, bad)
	}
	if l, err := s.ListScenarios(ctx); err != nil || len(l) != n+2+len(ok) {
		t.Fatalf("listed %d (%v), want %d", len(l), err, n+2+len(ok))
	}
}

// leadWhenQueued waits until n writes have queued behind a commit the
// test holds (s.leading set), then lets the first of them commit them.
func leadWhenQueued(s *Store, n int) {
	for {
		s.mu.Lock()
		q := len(s.queue)
		if q == n {
			s.queue[0].next <- true
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
}

// TestIndexKeysOrder checks that the index keys sort as the lists
// return: later first, and at equal times by the id's bytes; and that a
// key gives its time and id back (and a key too short, neither).
func TestIndexKeysOrder(t *testing.T) {
	type rec struct {
		t  int64
		id string
	}
	// In list order.
	want := []rec{
		{1 << 62, "a"}, {1_700_000_000_000_000_000, "a"}, {1_700_000_000_000_000_000, "ab"}, {1_700_000_000_000_000_000, "b"},
		{1_700_000_000_000_000_000, "é"}, {1, "z"}, {0, "a"}, {-1, "a"}, {-1 << 62, "a"},
	}
	keys := make([][]byte, len(want))
	for i, r := range want {
		keys[i] = timeKey(r.t, r.id)
		if got := timeOf(keys[i]); got != r.t {
			t.Errorf("timeOf(timeKey(%d)) = %d", r.t, got)
		}
	}
	if tt, id, ok := splitKey(scenarioRunKey("s", 7, "r"), len(scenarioPrefix("s"))); !ok || tt != 7 || id != "r" {
		t.Errorf("splitKey of a run's scenario key: %d %q %v", tt, id, ok)
	}
	if _, _, ok := splitKey(make([]byte, 7), 0); ok {
		t.Error("splitKey read a time from 7 bytes")
	}
	sorted := slices.Clone(keys)
	slices.SortFunc(sorted, bytes.Compare)
	for i := range sorted {
		if !bytes.Equal(sorted[i], keys[i]) {
			t.Fatalf("key %d in byte order is %x, want %x (%+v)", i, sorted[i], keys[i], want[i])
		}
	}
}

// TestDamagedRecordsAreRefused checks that a record cut short, or with
// bytes after its last field, does not decode (and does not panic).
func TestDamagedRecordsAreRefused(t *testing.T) {
	run := encodeRun(&store.Run{ScenarioID: "s", ScenarioVersion: 3, Kind: store.Deal, InputHash: "h", Model: "m", Seed: 1 << 63,
		Status: store.Running, Progress: 0.25, Error: "e", Created: time.Unix(0, 1_700_000_000_000_000_000)})
	r, ok := decodeRun("id", run)
	if !ok || r.ScenarioID != "s" || r.ScenarioVersion != 3 || r.Kind != store.Deal || r.Seed != 1<<63 || r.Progress != 0.25 ||
		string(r.Options) != "{}" || r.Created.UnixNano() != 1_700_000_000_000_000_000 || !r.Started.IsZero() {
		t.Fatalf("decoded %+v, %v", r, ok)
	}
	sc := encodeScenario(scenarioRec{version: 2, name: "n", format: "yaml", created: 5, updated: 6})
	if got, ok := decodeScenario(sc); !ok || got != (scenarioRec{2, "n", "yaml", 5, 6}) {
		t.Fatalf("decoded %+v, %v", got, ok)
	}
	for n := range len(run) {
		if _, ok := decodeRun("id", run[:n]); ok {
			t.Errorf("run record cut to %d of %d bytes decoded", n, len(run))
		}
	}
	for n := range len(sc) {
		if _, ok := decodeScenario(sc[:n]); ok {
			t.Errorf("scenario record cut to %d of %d bytes decoded", n, len(sc))
		}
	}
	if _, ok := decodeRun("id", append(slices.Clone(run), 0)); ok {
		t.Error("a run record with a byte more decoded")
	}
	if _, ok := decodeScenario(append(slices.Clone(sc), 0)); ok {
		t.Error("a scenario record with a byte more decoded")
	}
}
