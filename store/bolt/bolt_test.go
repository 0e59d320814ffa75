package bolt_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"parley/errs"
	"parley/store"
	"parley/store/bolt"
	"parley/store/storetest"
)

var ctx = context.Background()

// keep is the history the tests keep of each scenario.
const keep = 100

// TestStore runs the suite every store passes.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := bolt.Open(ctx, filepath.Join(t.TempDir(), "parley.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestReopenKeepsEverything checks that what was written before a close
// reads back the same after a reopen: the scenario with its body, version
// and times, the run with its result and times, the lists' order; and that
// the file is readable by its owner alone.
func TestReopenKeepsEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := bolt.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := &store.Scenario{Name: "kept", Format: "yaml", Body: []byte("a: 1 # ü\n")}
	b := &store.Scenario{Name: "other", Format: "json", Body: []byte(`{}`)}
	for _, sc := range []*store.Scenario{a, b} {
		if err := s.CreateScenario(ctx, sc, 0); err != nil {
			t.Fatal(err)
		}
	}
	a.Body = []byte("a: 2\n")
	if err := s.UpdateScenario(ctx, a, keep); err != nil {
		t.Fatal(err)
	}
	r := &store.Run{ScenarioID: a.ID, ScenarioVersion: 2, Kind: store.Sweep, InputHash: "h", Model: "bdm,nash", Seed: 1<<64 - 1}
	if err := s.CreateRun(ctx, r); err != nil {
		t.Fatal(err)
	}
	r.Status, r.Progress, r.Result, r.Error = store.Done, 1, json.RawMessage(`{"ok":true}`), ""
	r.Started, r.Finished = r.Created.Add(time.Microsecond), r.Created.Add(1500*time.Millisecond)
	if err := s.UpdateRun(ctx, r); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("store file mode %v (%v), want 0600", info.Mode(), err)
	}

	s, err = bolt.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.GetScenario(ctx, a.ID)
	if err != nil || string(got.Body) != "a: 2\n" || got.Version != 2 || got.Name != "kept" || got.Format != "yaml" ||
		!got.Created.Equal(a.Created) || !got.Updated.Equal(a.Updated) || got.Updated.Location() != time.UTC {
		t.Fatalf("after reopen: %+v %q (%v); want %+v", got, got.Body, err, a)
	}
	l, err := s.ListScenarios(ctx)
	if err != nil || len(l) != 2 || l[0].ID != a.ID || l[1].ID != b.ID {
		t.Fatalf("list after reopen: %+v (%v); want a (updated last), b", l, err)
	}
	gr, err := s.GetRun(ctx, r.ID)
	if err != nil || gr.Seed != 1<<64-1 || gr.Model != "bdm,nash" || gr.Status != store.Done || string(gr.Result) != `{"ok":true}` || string(gr.Options) != "{}" ||
		!gr.Created.Equal(r.Created) || !gr.Started.Equal(r.Started) || !gr.Finished.Equal(r.Finished) {
		t.Fatalf("run after reopen: %+v (%v); want %+v", gr, err, r)
	}
}

// TestOpenNeedsAFile checks the paths that name no file to keep the
// store in: none, SQLite's in-memory name, a folder, a folder not there.
func TestOpenNeedsAFile(t *testing.T) {
	for _, p := range []string{"", ":memory:"} {
		_, err := bolt.Open(ctx, p)
		if errs.CodeOf(err) != errs.Argument || !strings.Contains(err.Error(), "a file path is needed") {
			t.Errorf("Open(%q): %v; want a usage error asking for a file", p, err)
		}
	}
	dir := t.TempDir()
	for p, want := range map[string]string{dir: "is a directory", filepath.Join(dir, "no", "p.db"): "no such file or directory"} {
		_, err := bolt.Open(ctx, p)
		if err == nil || !strings.Contains(err.Error(), "store file "+p) || !strings.Contains(err.Error(), want) {
			t.Errorf("Open(%q): %v; want an error naming the file and saying %q", p, err, want)
		}
	}
}

// TestRunsOfOneScenarioOnly checks that a scenario's runs are told apart
// from those of a scenario whose id starts with its id. (An id holding a
// NUL byte, once among them, is refused by every store: store.BadID.)
func TestRunsOfOneScenarioOnly(t *testing.T) {
	s, err := bolt.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runs := map[string][]string{}
	for _, id := range []string{"a", "ab", "a.0", "b"} {
		if err := s.CreateScenario(ctx, &store.Scenario{ID: id, Format: "yaml", Body: []byte("x: 1\n")}, 0); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			r := &store.Run{ScenarioID: id, Kind: store.Forecast}
			if err := s.CreateRun(ctx, r); err != nil {
				t.Fatal(err)
			}
			runs[id] = append(runs[id], r.ID)
		}
	}
	for id, want := range runs {
		l, err := s.ListRuns(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range l {
			got = append(got, r.ID)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("runs of %q: %v, want %v", id, got, want)
		}
	}
	if err := s.DeleteScenario(ctx, "a", 0, keep); err != nil {
		t.Fatal(err)
	}
	if l, err := s.ListRuns(ctx, ""); err != nil || len(l) != 6 {
		t.Fatalf("after deleting a: %d runs (%v), want the 6 of the others", len(l), err)
	}
}

// refused checks that opening path fails with code, with a message that
// has each of want, and that the file's bytes are as they were.
func refused(t *testing.T, path string, code errs.Code, want ...string) {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := bolt.Open(ctx, path)
	if err == nil {
		s.Close()
		t.Fatalf("%s opened; want a refusal", path)
	}
	if errs.CodeOf(err) != code {
		t.Errorf("code %s (%v), want %s", errs.CodeOf(err), err, code)
	}
	for _, w := range append([]string{path, "untouched", "--db"}, want...) {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("the refused file changed (%d bytes → %d)", len(before), len(after))
	}
}

// TestRefusesSQLiteStore checks that a SQLite store of an earlier Parley
// build is refused, untouched, with the way to carry its scenarios over.
func TestRefusesSQLiteStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	// A SQLite file's first page: the header, then the page size (4096)
	// and the rest of a database header and schema, here filler.
	data := append([]byte("SQLite format 3\x00\x10\x00\x02\x02"), bytes.Repeat([]byte{0x5a}, 3*4096-20)...)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	refused(t, path, errs.Invalid, "SQLite store written by an earlier Parley build", "no longer reads SQLite",
		"earlier build", "GET /api/scenarios/{id}/export", "POST it to /api/scenarios")
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("the refusal left %d files beside the store, want none", len(entries)-1)
	}
}

// TestRefusesOtherFiles checks each kind of file that is not a store this
// build can read: refused with the code and words that say why, and left
// as it was.
func TestRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 64<<10)
	for i := range noise {
		noise[i] = byte(rng.UintN(256))
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("Text", func(t *testing.T) {
		refused(t, write("notes.txt", []byte("metadata:\n  id: x\n")), errs.Invalid, "is not a Parley store", "bbolt database file")
	})
	t.Run("Noise", func(t *testing.T) {
		refused(t, write("noise.db", noise), errs.Invalid, "is not a Parley store", "bbolt database file")
	})
	t.Run("OnePage", func(t *testing.T) {
		refused(t, write("short.db", noise[:5000]), errs.Invalid, "is not a Parley store", "bbolt database file")
	})

	t.Run("AnotherProgramsBbolt", func(t *testing.T) {
		p := filepath.Join(dir, "other.db")
		db, err := bbolt.Open(p, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(func(tx *bbolt.Tx) error {
			b, err := tx.CreateBucket([]byte("users"))
			if err != nil {
				return err
			}
			return b.Put([]byte("ann"), []byte("1"))
		}); err != nil {
			t.Fatal(err)
		}
		db.Close()
		refused(t, p, errs.Invalid, "a bbolt database but not a Parley store", `"users"`)
	})

	// A store of this build whose format version a later build raised.
	t.Run("NewerFormat", func(t *testing.T) {
		p := filepath.Join(dir, "newer.db")
		s, err := bolt.Open(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		db, err := bbolt.Open(p, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte("meta")).Put([]byte("format"), []byte(fmt.Sprint(bolt.Format+1)))
		}); err != nil {
			t.Fatal(err)
		}
		db.Close()
		refused(t, p, errs.Invalid, "written by a newer Parley build", fmt.Sprintf("store format %d; this build reads formats up to %d", bolt.Format+1, bolt.Format))
	})

	// A store cut short (a copy that did not finish): past the end of
	// the file, and cut to the first pages.
	t.Run("CutShort", func(t *testing.T) {
		p := filepath.Join(dir, "full.db")
		s, err := bolt.Open(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 100 {
			if err := s.CreateScenario(ctx, &store.Scenario{Format: "yaml", Body: fmt.Appendf(nil, "# %d\n%s", i, bytes.Repeat([]byte("x: 1\n"), 1000))}, 0); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
		full, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		refused(t, write("half.db", full[:len(full)/2]), errs.Internal, "is damaged", "shorter than the")
		refused(t, write("three-pages.db", full[:3*os.Getpagesize()]), errs.Internal, "is damaged", "bbolt cannot read it")
	})
}
