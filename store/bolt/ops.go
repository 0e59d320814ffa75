package bolt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"parley/store"
)

// getScenario reads the record of scenario id: store.NoScenario when
// there is none.
func (s *Store) getScenario(tx *bbolt.Tx, id string) (scenarioRec, error) {
	b := tx.Bucket(bucketScenarios).Get([]byte(id))
	if b == nil {
		return scenarioRec{}, store.NoScenario(id)
	}
	r, ok := decodeScenario(b)
	if !ok {
		return r, s.damaged(fmt.Sprintf("the record of scenario %q", id))
	}
	return r, nil
}

// getRun reads the record of run id, without its result: store.NoRun
// when there is none.
func (s *Store) getRun(tx *bbolt.Tx, id string) (store.Run, error) {
	r, _, err := s.getRunRec(tx, id)
	return r, err
}

// getRunRec is getRun with the record's bytes, which its result's sum
// covers (checkResult), valid for the transaction.
func (s *Store) getRunRec(tx *bbolt.Tx, id string) (store.Run, []byte, error) {
	b := tx.Bucket(bucketRuns).Get([]byte(id))
	if b == nil {
		return store.Run{}, nil, store.NoRun(id)
	}
	r, ok := decodeRun(id, b)
	if !ok {
		return r, b, s.damaged(fmt.Sprintf("the record of run %q", id))
	}
	return r, b, nil
}

// putScenario writes the record and body of scenario id and its index
// key (the caller deletes a former one).
func putScenario(tx *bbolt.Tx, id string, r scenarioRec, body []byte) error {
	k := []byte(id)
	if err := tx.Bucket(bucketScenarios).Put(k, encodeScenario(r)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketBodies).Put(k, body); err != nil {
		return err
	}
	sums, err := tx.CreateBucketIfNotExists(bucketBodySums)
	if err != nil {
		return err
	}
	if err := sums.Put(k, bodySum(r.version, body)); err != nil {
		return err
	}
	return tx.Bucket(bucketScenariosByUpdated).Put(timeKey(r.updated, id), nil)
}

// CreateScenario implements store.Store.
func (s *Store) CreateScenario(ctx context.Context, sc *store.Scenario, max int) error {
	if err := store.NewScenario(sc); err != nil {
		return err
	}
	t := store.Now()
	n := store.UnixNanos(t)
	var v int64
	err := s.update(ctx, "create scenario", func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketScenarios).Get([]byte(sc.ID)) != nil {
			return store.Duplicate("scenario", sc.ID)
		}
		// Under the id of a deleted scenario whose history is kept, the
		// versions go on from the one deleted.
		last, err := s.lastKept(tx, sc.ID)
		if err != nil {
			return err
		}
		if last == 0 && max > 0 { // a new id: within the bound?
			held, err := s.held(tx)
			if err != nil {
				return err
			}
			if held >= max {
				return &store.Full{Held: held, Max: max}
			}
		}
		v = last + 1
		if err := putScenario(tx, sc.ID, scenarioRec{version: v, name: sc.Name, format: sc.Format, created: n, updated: n}, sc.Body); err != nil {
			return err
		}
		if last == 0 { // a new id (one under a deleted id's history adds none)
			return s.addHeld(tx, 1)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sc.Version, sc.Created, sc.Updated = v, t, t
	return nil
}

// GetScenario implements store.Store.
func (s *Store) GetScenario(ctx context.Context, id string) (*store.Scenario, error) {
	var sc store.Scenario
	err := s.view(ctx, "get scenario", func(tx *bbolt.Tx) error {
		r, err := s.getScenario(tx, id)
		if err != nil {
			return err
		}
		sc = r.scenario(id)
		body := tx.Bucket(bucketBodies).Get([]byte(id))
		var sum []byte
		if b := tx.Bucket(bucketBodySums); b != nil {
			sum = b.Get([]byte(id))
		}
		if !checkBody(sum, r.version, body) {
			return s.damaged(fmt.Sprintf("the saved file of scenario %q does not match its checksum", id))
		}
		sc.Body = bytes.Clone(body)
		if sc.Body == nil {
			sc.Body = []byte{}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &sc, nil
}

// ScenarioVersion implements store.Store.
func (s *Store) ScenarioVersion(ctx context.Context, id string) (int64, time.Time, error) {
	var r scenarioRec
	err := s.view(ctx, "scenario version", func(tx *bbolt.Tx) (err error) {
		r, err = s.getScenario(tx, id)
		return err
	})
	if err != nil {
		return 0, time.Time{}, err
	}
	return r.version, store.FromUnixNanos(r.updated), nil
}

// ListScenarios implements store.Store.
func (s *Store) ListScenarios(ctx context.Context) ([]store.Scenario, error) {
	var out []store.Scenario
	err := s.view(ctx, "list scenarios", func(tx *bbolt.Tx) (err error) {
		out, err = indexed(s, tx, bucketScenariosByUpdated, nil, "scenario", func(id string) (store.Scenario, error) {
			r, err := s.getScenario(tx, id)
			return r.scenario(id), err
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// indexed reads the records an index lists under prefix, in the index's
// order, each with get; a key the index should not hold, or an id get
// cannot find, is damage to the file.
func indexed[V any](s *Store, tx *bbolt.Tx, index, prefix []byte, what string, get func(id string) (V, error)) ([]V, error) {
	out := []V{}
	c := tx.Bucket(index).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		_, id, ok := splitKey(k, len(prefix))
		if !ok {
			return nil, s.damaged(fmt.Sprintf("index key %x", k))
		}
		v, err := get(id)
		if err != nil {
			return nil, s.damaged(fmt.Sprintf("the index names %s %q: %v", what, id, err))
		}
		out = append(out, v)
	}
	return out, nil
}

// UpdateScenario implements store.Store.
func (s *Store) UpdateScenario(ctx context.Context, sc *store.Scenario, keep int) error {
	if err := sc.Check(); err != nil {
		return err
	}
	t := store.Now()
	err := s.update(ctx, "update scenario", func(tx *bbolt.Tx) error {
		r, err := s.getScenario(tx, sc.ID)
		if err != nil {
			return err
		}
		if r.version != sc.Version {
			return store.Stale(sc.ID, r.version, sc.Version)
		}
		if err := keepReplaced(tx, sc.ID, r, store.UnixNanos(t), store.ReplacedByEdit, 0, keep); err != nil {
			return err
		}
		if err := tx.Bucket(bucketScenariosByUpdated).Delete(timeKey(r.updated, sc.ID)); err != nil {
			return err
		}
		r.version++
		r.name, r.format, r.updated = sc.Name, sc.Format, store.UnixNanos(t)
		return putScenario(tx, sc.ID, r, sc.Body)
	})
	if err != nil {
		return err
	}
	sc.Version++
	sc.Updated = t
	return nil
}

// DeleteScenario implements store.Store.
func (s *Store) DeleteScenario(ctx context.Context, id string, version int64, keep int) error {
	t := store.UnixNanos(store.Now())
	return s.update(ctx, "delete scenario", func(tx *bbolt.Tx) error {
		r, err := s.getScenario(tx, id)
		if err != nil {
			return err
		}
		if version != 0 && r.version != version {
			return store.Stale(id, r.version, version)
		}
		// The version deleted is kept, for a restore.
		if err := keepReplaced(tx, id, r, t, store.ReplacedByDelete, 0, keep); err != nil {
			return err
		}
		// The runs go with the scenario.
		prefix := scenarioPrefix(id)
		var runs [][]byte
		c := tx.Bucket(bucketRunsByScenario).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			runs = append(runs, bytes.Clone(k))
		}
		for _, k := range runs {
			created, run, ok := splitKey(k, len(prefix))
			if !ok {
				return s.damaged(fmt.Sprintf("index key %x", k))
			}
			if err := deleteRun(tx, id, created, run); err != nil {
				return err
			}
		}
		k := []byte(id)
		for _, del := range []struct {
			bucket, key []byte
		}{{bucketScenarios, k}, {bucketBodies, k}, {bucketScenariosByUpdated, timeKey(r.updated, id)}} {
			if err := tx.Bucket(del.bucket).Delete(del.key); err != nil {
				return err
			}
		}
		if sums := tx.Bucket(bucketBodySums); sums != nil {
			if err := sums.Delete(k); err != nil {
				return err
			}
		}
		// A delete that kept no version (keep < 1) frees the id.
		if last, err := s.lastKept(tx, id); err != nil || last != 0 {
			return err
		}
		return s.addHeld(tx, -1)
	})
}

// deleteRun deletes run id, of scenarioID, created at created (Unix
// nanoseconds), with its result (and its sum) and index keys.
func deleteRun(tx *bbolt.Tx, scenarioID string, created int64, id string) error {
	for _, del := range []struct {
		bucket, key []byte
	}{{bucketRuns, []byte(id)}, {bucketRunsByCreated, timeKey(created, id)}, {bucketRunsByScenario, scenarioRunKey(scenarioID, created, id)}} {
		if err := tx.Bucket(del.bucket).Delete(del.key); err != nil {
			return err
		}
	}
	return putResult(tx, id, nil, nil)
}

// putResult stores the result of run id, whose record is rec, with its
// sum, or deletes both when the result is empty.
func putResult(tx *bbolt.Tx, id string, rec []byte, result json.RawMessage) error {
	k := []byte(id)
	b := tx.Bucket(bucketResults)
	if len(result) == 0 {
		if sums := tx.Bucket(bucketResultSums); sums != nil {
			if err := sums.Delete(k); err != nil {
				return err
			}
		}
		return b.Delete(k)
	}
	sums, err := tx.CreateBucketIfNotExists(bucketResultSums)
	if err != nil {
		return err
	}
	if err := sums.Put(k, resultSum(rec, result)); err != nil {
		return err
	}
	return b.Put(k, result)
}

// CreateRun implements store.Store.
func (s *Store) CreateRun(ctx context.Context, r *store.Run) error {
	if err := store.NewRun(r); err != nil {
		return err
	}
	created := store.UnixNanos(r.Created)
	return s.update(ctx, "create run", func(tx *bbolt.Tx) error {
		runs := tx.Bucket(bucketRuns)
		if runs.Get([]byte(r.ID)) != nil {
			return store.Duplicate("run", r.ID)
		}
		if tx.Bucket(bucketScenarios).Get([]byte(r.ScenarioID)) == nil {
			return store.NoScenario(r.ScenarioID)
		}
		return putRun(tx, r, created, encodeRun(r), r.Result)
	})
}

// putRun writes run r, created at created (store.UnixNanos), as its
// record rec and its result: the run, its result and its checksum, and
// its two index entries. CreateRun and salvage's copier write a run by it
// alone, so that a salvaged file's runs are indexed as a created run's.
func putRun(tx *bbolt.Tx, r *store.Run, created int64, rec []byte, result json.RawMessage) error {
	if err := tx.Bucket(bucketRuns).Put([]byte(r.ID), rec); err != nil {
		return err
	}
	if err := putResult(tx, r.ID, rec, result); err != nil {
		return err
	}
	if err := tx.Bucket(bucketRunsByCreated).Put(timeKey(created, r.ID), nil); err != nil {
		return err
	}
	return tx.Bucket(bucketRunsByScenario).Put(scenarioRunKey(r.ScenarioID, created, r.ID), nil)
}

// UpdateRun implements store.Store: it stores the run's status, progress,
// result, error and start and finish times; the rest stays as created.
func (s *Store) UpdateRun(ctx context.Context, r *store.Run) error {
	return s.update(ctx, "update run", func(tx *bbolt.Tx) error {
		cur, err := s.getRun(tx, r.ID)
		if err != nil {
			return err
		}
		cur.Status, cur.Progress, cur.Error, cur.Started, cur.Finished = r.Status, r.Progress, r.Error, r.Started, r.Finished
		rec := encodeRun(&cur)
		if err := tx.Bucket(bucketRuns).Put([]byte(r.ID), rec); err != nil {
			return err
		}
		return putResult(tx, r.ID, rec, r.Result)
	})
}

// GetRun implements store.Store.
func (s *Store) GetRun(ctx context.Context, id string) (*store.Run, error) {
	var r store.Run
	err := s.view(ctx, "get run", func(tx *bbolt.Tx) (err error) {
		var rec []byte
		if r, rec, err = s.getRunRec(tx, id); err != nil {
			return err
		}
		k := []byte(id)
		res := tx.Bucket(bucketResults).Get(k)
		if len(res) == 0 {
			return nil
		}
		var sum []byte
		if b := tx.Bucket(bucketResultSums); b != nil {
			sum = b.Get(k)
		}
		if !checkResult(sum, rec, res) {
			return s.damaged(fmt.Sprintf("the result of run %q does not match its checksum", id))
		}
		r.Result = bytes.Clone(res)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// ListRuns implements store.Store.
func (s *Store) ListRuns(ctx context.Context, scenarioID string) ([]store.Run, error) {
	var out []store.Run
	err := s.view(ctx, "list runs", func(tx *bbolt.Tx) (err error) {
		index, prefix := bucketRunsByCreated, []byte(nil)
		if scenarioID != "" {
			index, prefix = bucketRunsByScenario, scenarioPrefix(scenarioID)
		}
		out, err = indexed(s, tx, index, prefix, "run", func(id string) (store.Run, error) { return s.getRun(tx, id) })
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PruneRuns implements store.Store. A finished run goes when it is not
// among the keep newest runs (counting the unfinished ones too), or when
// it was created before before.
func (s *Store) PruneRuns(ctx context.Context, keep int, before time.Time) (int64, error) {
	if keep < 0 && before.IsZero() {
		return 0, nil
	}
	cut := store.UnixNanos(before)
	var n int64
	err := s.update(ctx, "prune runs", func(tx *bbolt.Tx) error {
		n = 0
		type doomed struct {
			scenarioID, id string
			created        int64
		}
		var del []doomed
		c := tx.Bucket(bucketRunsByCreated).Cursor()
		i := 0
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			created, id, ok := splitKey(k, 0)
			if !ok {
				return s.damaged(fmt.Sprintf("index key %x", k))
			}
			if (keep >= 0 && i >= keep) || (!before.IsZero() && created < cut) {
				r, err := s.getRun(tx, id)
				if err != nil {
					return s.damaged(fmt.Sprintf("the index names run %q: %v", id, err))
				}
				if r.Status.Final() {
					del = append(del, doomed{r.ScenarioID, id, created})
				}
			}
			i++
		}
		for _, d := range del {
			if err := deleteRun(tx, d.scenarioID, d.created, d.id); err != nil {
				return err
			}
		}
		n = int64(len(del))
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
