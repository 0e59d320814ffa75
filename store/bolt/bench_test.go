package bolt

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"

	"parley/store"
)

// BenchmarkCreateAt10000 measures a bounded create in a store that holds
// 10,000 scenario ids (9,000 stored, 1,000 deleted with a kept version),
// the server's default limit. The file is not synced (NoSync), so that
// what is measured is the create's own work, not the disk's fsync.
//
//	go test ./store/bolt -run XXX -bench CreateAt10000 -benchtime 2000x -count 3
func BenchmarkCreateAt10000(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "p.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.db.NoSync = true
	body := []byte("a: 1\n")
	err = s.db.Update(func(tx *bbolt.Tx) error {
		for i := range 10000 {
			id := fmt.Sprintf("s%05d", i)
			r := scenarioRec{version: 1, name: id, format: "yaml", created: int64(i), updated: int64(i)}
			if err := putScenario(tx, id, r, body); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 1000 {
		if err := s.DeleteScenario(ctx, fmt.Sprintf("s%05d", i), 1, 10); err != nil {
			b.Fatal(err)
		}
	}
	const max = 1 << 30
	b.ResetTimer()
	for i := range b.N {
		sc := &store.Scenario{ID: fmt.Sprintf("n%08d", i), Format: "yaml", Body: body}
		if err := s.CreateScenario(ctx, sc, max); err != nil {
			b.Fatal(err)
		}
	}
}
