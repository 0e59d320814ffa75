package bolt

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"

	"parley/errs"
	"parley/store"
)

// heldState is what the file says of its held ids: the count kept in
// meta (known false when it is absent, damaged or stale) and the count
// of a walk over every id.
func heldState(t *testing.T, s *Store) (kept int, known bool, walked int) {
	t.Helper()
	err := s.db.View(func(tx *bbolt.Tx) (err error) {
		kept, known = readHeld(tx)
		walked, err = s.heldIDs(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return kept, known, walked
}

// wantHeld checks that the file keeps the count n, and that a walk over
// the ids counts n too.
func wantHeld(t *testing.T, s *Store, n int, when string) {
	t.Helper()
	kept, known, walked := heldState(t, s)
	if !known || kept != n || walked != n {
		t.Fatalf("%s: kept count %d (known %v), walked %d; want %d", when, kept, known, walked, n)
	}
}

func mk(id string) *store.Scenario {
	return &store.Scenario{ID: id, Name: id, Format: "yaml", Body: []byte("id: " + id + "\n")}
}

// TestHeldCountKept checks the count of held ids a create, a delete and
// a purge keep, against a walk over the ids and a hand count after each
// step: a create at a deleted id adds none, an edit or a restore none, a
// delete none unless it keeps no version, a purge frees one.
func TestHeldCountKept(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wantHeld(t, s, 0, "a new file")
	for _, id := range []string{"a", "b", "c"} {
		if err := s.CreateScenario(ctx, mk(id), 10); err != nil {
			t.Fatal(err)
		}
	}
	wantHeld(t, s, 3, "3 created")
	step := func(what string, n int, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		wantHeld(t, s, n, what)
	}
	a := mk("a")
	a.Version = 1
	step("an edit that keeps no version", 3, s.UpdateScenario(ctx, a, 0))
	step("a delete that keeps the version", 3, s.DeleteScenario(ctx, "a", 2, 100))
	step("a create (unbounded) at the deleted id", 3, s.CreateScenario(ctx, mk("a"), 0))
	step("a delete again", 3, s.DeleteScenario(ctx, "a", 3, 100))
	step("a purge", 2, s.PurgeDeleted(ctx, "a", 3))
	step("a delete that keeps no version", 1, s.DeleteScenario(ctx, "b", 1, 0))
	step("a create (unbounded) at the freed id", 2, s.CreateScenario(ctx, mk("b"), 0))
	step("a delete of c", 2, s.DeleteScenario(ctx, "c", 1, 100))
	_, err = s.RestoreVersion(ctx, "c", 1, 1, 0)
	step("a restore of deleted c that keeps no version", 2, err)
	step("a refused create", 2, func() error {
		var full *store.Full
		if err := s.CreateScenario(ctx, mk("d"), 2); !errors.As(err, &full) || full.Held != 2 {
			return fmt.Errorf("got %v, want a *store.Full of 2 held", err)
		}
		return nil
	}())
	// A count made unknown while the file is open (another program's
	// write) is counted by the next write that needs it: here a create
	// refused (which keeps nothing), then one made.
	if err := s.db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyHeld) }); err != nil {
		t.Fatal(err)
	}
	var full *store.Full
	if err := s.CreateScenario(ctx, mk("d"), 2); !errors.As(err, &full) || full.Held != 2 {
		t.Fatalf("create at 2 held, max 2, the count unknown: %v; want a *store.Full of 2 held", err)
	}
	step("a create at the count unknown", 3, s.CreateScenario(ctx, mk("d"), 3))
	// A write that fails undoes its change of the count with the rest.
	step("a stale delete", 3, func() error {
		if err := s.DeleteScenario(ctx, "b", 9, 0); err == nil {
			return errors.New("a stale delete passed")
		}
		return nil
	}())
}

// TestHeldCountOfAnEarlierFile checks that a file whose count is
// absent (an earlier build wrote it), stale (an earlier build, or any
// other program, wrote to it since this build last did) or damaged is
// counted again when it is opened, and kept from then on: the bound is
// neither passed nor refused wrongly.
func TestHeldCountOfAnEarlierFile(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		// earlier changes the file as another writer would, leaving it
		// holding want ids
		earlier func(tx *bbolt.Tx) error
		want    int
	}{
		{"absent", func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyHeld) }, 3},
		{"stale: an earlier build created one", func(tx *bbolt.Tx) error {
			return putScenario(tx, "x", scenarioRec{version: 1, name: "x", format: "yaml"}, []byte("x: 1\n"))
		}, 4},
		{"stale: an earlier build purged one", func(tx *bbolt.Tx) error {
			recs, bodies, err := historyBuckets(tx)
			if err != nil {
				return err
			}
			return trimHistory(recs, bodies, "gone", 0)
		}, 2},
		{"damaged", func(tx *bbolt.Tx) error {
			v := append([]byte{}, tx.Bucket(bucketMeta).Get(keyHeld)...)
			if len(v) != 20 {
				return fmt.Errorf("the held count is %d bytes, want 20", len(v))
			}
			v[7] ^= 1 // the count, 3, read as 2 were the sum not checked
			return tx.Bucket(bucketMeta).Put(keyHeld, v)
		}, 3},
		{"too short", func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyHeld, []byte("3")) }, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "p.db")
			s, err := Open(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range []string{"a", "b", "gone"} {
				if err := s.CreateScenario(ctx, mk(id), 0); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.DeleteScenario(ctx, "gone", 1, 100); err != nil {
				t.Fatal(err)
			}
			wantHeld(t, s, 3, "before")
			if err := s.db.Update(c.earlier); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if s, err = Open(ctx, p); err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			wantHeld(t, s, c.want, "after opening")
			// At the limit the count recounted: refused, with the right count.
			var full *store.Full
			if err := s.CreateScenario(ctx, mk("new1"), c.want); !errors.As(err, &full) || full.Held != c.want {
				t.Fatalf("create at %d held, max %d: %v; want a *store.Full of %d", c.want, c.want, err, c.want)
			}
			wantHeld(t, s, c.want, "after the refused create")
			// One under it: made, and counted from then on.
			if err := s.CreateScenario(ctx, mk("new1"), c.want+1); err != nil {
				t.Fatalf("create at %d held, max %d: %v", c.want, c.want+1, err)
			}
			wantHeld(t, s, c.want+1, "after the create")
			if err := s.CreateScenario(ctx, mk("new2"), c.want+1); !errors.As(err, &full) || full.Held != c.want+1 {
				t.Fatalf("create over the limit: %v", err)
			}
		})
	}
}

// TestRecountFailedAtOpenIsReported: a file whose count is not known
// (absent: an earlier build wrote it) and whose ids cannot be counted
// (a kept version's key damaged) is refused by Open, with an error that
// names the file and says the count could not be made and why. The
// failed count was ignored, and the file opened as if counted.
func TestRecountFailedAtOpenIsReported(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "p.db")
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateScenario(ctx, mk("a"), 0); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteScenario(ctx, "a", 1, 100); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketMeta).Delete(keyHeld); err != nil {
			return err
		}
		// a key whose id's length (127) is longer than the key
		return tx.Bucket(bucketVersions).Put([]byte{0x7f}, []byte("x"))
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, p)
	if err == nil {
		s.Close()
		t.Fatal("opened a file whose held ids could not be counted; want an error")
	}
	want := "open: store file " + p + ": the count of its scenario ids is not known (an earlier build, or another program, wrote to it last), " +
		"and counting them failed: store file " + p + " is damaged: kept version key 7f; the file was left untouched: restore it from a backup, " +
		"or, with no server holding it, run parley db check " + p + " (what is damaged) and parley db salvage " + p + " NEW (every readable scenario copied into a new file NEW, to serve), " +
		"or start with another --db path"
	if err.Error() != want || errs.CodeOf(err) != errs.Internal {
		t.Fatalf("open: %v (%s)\nwant: %s (internal)", err, errs.CodeOf(err), want)
	}
}
