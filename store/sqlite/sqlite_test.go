package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"parley/errs"
	"parley/store"
	"parley/store/sqlite"
	"parley/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestReopenKeepsDataAndSchema checks that migrations run once and data
// written before a close is there after a reopen.
func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	sc := &store.Scenario{Name: "kept", Format: "yaml", Body: []byte("a: 1\n")}
	if err := s.CreateScenario(ctx, sc); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.GetScenario(ctx, sc.ID)
	if err != nil || string(got.Body) != "a: 1\n" {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
	var n int
	if err := s.SQL().QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(store.Migrations()) {
		t.Fatalf("schema_migrations has %d rows (%v), want %d", n, err, len(store.Migrations()))
	}
	var mode string
	if err := s.SQL().QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode %q (%v), want wal", mode, err)
	}
	var sync int
	if err := s.SQL().QueryRow(`PRAGMA synchronous`).Scan(&sync); err != nil || sync != 2 {
		t.Fatalf("synchronous %d (%v), want 2 (FULL)", sync, err)
	}
}

func TestOpenNeedsAFile(t *testing.T) {
	_, err := sqlite.Open(context.Background(), ":memory:")
	if errs.CodeOf(err) != errs.Argument {
		t.Fatalf("got %v, want a usage error", err)
	}
}
