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
		if err := s.CreateScenario(ctx, sc); err != nil {
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
				ok(page, "create", s.CreateScenario(ctx, &store.Scenario{Format: "yaml", Body: fmt.Appendf(nil, "n: %d\n", i)}))
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
