package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"parley/store"
	"parley/store/bolt"
)

// TestDBCheckAndSalvage: parley db check says a sound file is sound
// (exit 0) and lists a damaged file's problems by scenario id (exit 3);
// parley db salvage copies what reads whole into a new file, lists what
// it could not copy (exit 3), refuses to write over a file (exit 2), and
// the new file is served: it opens as parley serve opens it, holding the
// scenario copied, so the built-in case is not seeded into it.
func TestDBCheckAndSalvage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	p := filepath.Join(dir, "p.db")
	s, err := bolt.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b"} {
		sc := &store.Scenario{ID: id, Name: id, Format: "yaml", Body: []byte("id: " + id + "\n")}
		if err := s.CreateScenario(ctx, sc, 0); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	out, errOut, code := run(t, "db", "check", p)
	if want := p + ": sound (2 scenarios, 0 kept versions, 0 runs read whole)\n"; code != 0 || out != want || errOut != "" {
		t.Fatalf("check of a sound file: exit %d, %q, %q; want 0, %q", code, out, errOut, want)
	}

	// b's saved file damaged: one byte changed
	db, err := bbolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.Bucket([]byte("bodies")).Put([]byte("b"), []byte("id: B\n")) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(p)

	out, errOut, code = run(t, "db", "check", p)
	want := p + ": damaged: 1 problem (1 scenario, 0 kept versions, 0 runs read whole)\n" +
		`  lost     scenario "b": its saved file (version 1, 6 bytes) does not match its checksum` + "\n"
	if code != 3 || out != want || !strings.Contains(errOut, "parley db salvage "+p+" NEW") {
		t.Fatalf("check of a damaged file: exit %d\n%s%s\nwant exit 3\n%s", code, out, errOut, want)
	}

	n := filepath.Join(dir, "new.db")
	out, errOut, code = run(t, "db", "salvage", p, n)
	want = "copied into " + n + ": 1 scenario, 0 kept versions, 0 runs\n" +
		"  a: version 1\n" +
		"  b: no current version\n" +
		p + ": 1 problem, 1 of them losing a record:\n" +
		`  lost     scenario "b": its saved file (version 1, 6 bytes) does not match its checksum` + "\n"
	if code != 3 || out != want || !strings.Contains(errOut, "wrote "+n+"\n") || !strings.Contains(errOut, "1 record not copied from "+p) {
		t.Fatalf("salvage: exit %d\n%s%s\nwant exit 3\n%s", code, out, errOut, want)
	}
	if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
		t.Fatal("salvage wrote to the damaged file")
	}
	newBytes, _ := os.ReadFile(n)
	if _, errOut, code = run(t, "db", "salvage", p, n); code != 2 || !strings.Contains(errOut, n+" exists; valid: the path of a file that does not exist yet") {
		t.Fatalf("salvage over an existing file: exit %d, %q; want 2 naming it", code, errOut)
	}
	if again, _ := os.ReadFile(n); !bytes.Equal(again, newBytes) {
		t.Fatal("the refused salvage changed the existing file")
	}
	if _, errOut, code = run(t, "db", "check", "postgres://u:secret@h/db"); code != 2 || strings.Contains(errOut, "secret") {
		t.Fatalf("check of a PostgreSQL URL: exit %d, %q; want 2, the password hidden", code, errOut)
	}

	// served as parley serve opens it
	st, err := openStore(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if seeded, err := seed(ctx, st); err != nil || seeded {
		t.Fatalf("seed: %v, %v; want the salvaged file left as it is", seeded, err)
	}
	got, err := st.GetScenario(ctx, "a")
	if err != nil || string(got.Body) != "id: a\n" || got.Version != 1 || got.Name != "a" {
		t.Fatalf("a in the salvaged file: %+v, %v", got, err)
	}
}

// TestDBSalvagePromotes: a scenario whose current version's record is
// damaged while a kept version reads whole is copied with that version
// made current, and salvage's list says so by id, marked "current".
func TestDBSalvagePromotes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	p := filepath.Join(dir, "p.db")
	s, err := bolt.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	sc := &store.Scenario{ID: "a", Name: "a", Format: "yaml", Body: []byte("id: a\n")}
	if err := s.CreateScenario(ctx, sc, 0); err != nil {
		t.Fatal(err)
	}
	sc.Body = []byte("id: a\n# 2\n")
	if err := s.UpdateScenario(ctx, sc, 10); err != nil {
		t.Fatal(err)
	}
	v1, err := s.GetVersion(ctx, "a", 1)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bbolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.Bucket([]byte("scenarios")).Put([]byte("a"), []byte{0xff}) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	n := filepath.Join(dir, "new.db")
	out, errOut, code := run(t, "db", "salvage", p, n)
	want := "copied into " + n + ": 1 scenario, 0 kept versions, 0 runs\n" +
		"  a: version 1 (kept, made current: the current one was lost)\n" +
		p + ": 2 problems, 1 of them losing a record:\n" +
		`  lost     scenario "a": its record (version, name, format, times) cannot be read (1 bytes: ff)` + "\n" +
		`  current  scenario "a": current version lost; version 1 (saved ` + v1.Saved.UTC().Format(time.RFC3339) + `) made current` + "\n"
	if code != 3 || out != want {
		t.Fatalf("salvage: exit %d\n%s%s\nwant exit 3\n%s", code, out, errOut, want)
	}
	st, err := openStore(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.GetScenario(ctx, "a")
	if err != nil || string(got.Body) != "id: a\n" || got.Version != 1 {
		t.Fatalf("a in the salvaged file: %+v, %v; want version 1, its file", got, err)
	}
}

// An empty database is seeded with the built-in case under its file's
// id, as POST /api/scenarios stores a file; it had a random one.
func TestSeedUnderTheFilesID(t *testing.T) {
	ctx := context.Background()
	st, err := bolt.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if seeded, err := seed(ctx, st); err != nil || !seeded {
		t.Fatalf("seed: %v, %v", seeded, err)
	}
	got, err := st.GetScenario(ctx, "ukraine-ceasefire-2025")
	if err != nil || got.Version != 1 || got.Format != "yaml" {
		t.Fatalf("the built-in case: %+v, %v", got, err)
	}
}
