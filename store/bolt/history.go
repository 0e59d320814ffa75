package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"sort"

	"go.etcd.io/bbolt"

	"parley/store"
)

// A scenario's history: the versions an update, a restore or a delete
// replaced, each written in the transaction of the change that replaced
// it (record.go describes the buckets). Keys are the scenario's prefix
// and the version, 8 bytes big endian, so a cursor meets a scenario's
// versions oldest first.

// versionKey is the versions (and version_bodies) key of version v of
// scenario id.
func versionKey(id string, v int64) []byte {
	return binary.BigEndian.AppendUint64(scenarioPrefix(id), uint64(v))
}

// versionRec is a kept version's record: a store.Version but its number
// (the key) and body (version_bodies), with times in Unix nanoseconds
// and the CRC-32C of its body.
type versionRec struct {
	name, format             string
	size                     uint64
	created, saved, replaced int64
	replacedBy               string
	restored                 int64
	sum                      uint32
}

func encodeVersion(r versionRec) []byte {
	var w writer
	return w.str(r.name).str(r.format).uint(r.size).int(r.created).int(r.saved).int(r.replaced).str(r.replacedBy).int(r.restored).uint(uint64(r.sum))
}

func decodeVersion(b []byte) (versionRec, bool) {
	d := reader{b: b}
	r := versionRec{name: d.str(), format: d.str(), size: d.uint(), created: d.int(), saved: d.int(), replaced: d.int(), replacedBy: d.str(), restored: d.int()}
	sum := d.uint()
	r.sum = uint32(sum)
	return r, d.ok() && sum <= 1<<32-1
}

// version returns the store.Version of record r, version v, without its
// body.
func (r versionRec) version(v int64) store.Version {
	return store.Version{Version: v, Name: r.name, Format: r.format, Size: int64(r.size),
		Created: store.FromUnixNanos(r.created), Saved: store.FromUnixNanos(r.saved),
		Replaced: store.FromUnixNanos(r.replaced), ReplacedBy: r.replacedBy, Restored: r.restored}
}

// historyBuckets returns the buckets of the history, made when absent (a
// file of an earlier build has none).
func historyBuckets(tx *bbolt.Tx) (recs, bodies *bbolt.Bucket, err error) {
	if recs, err = tx.CreateBucketIfNotExists(bucketVersions); err != nil {
		return nil, nil, err
	}
	bodies, err = tx.CreateBucketIfNotExists(bucketVersionBodies)
	return recs, bodies, err
}

// keepReplaced copies scenario id, whose record is r, into its history
// as replaced at t (Unix nanoseconds) by what (restored: the version a
// restore brings back), then drops its oldest kept versions beyond keep.
// The copy keeps the sum the body was saved with when there is one of
// its version, so damage already in the body stays found when the kept
// version is read; a body an earlier build saved has its sum taken now.
func keepReplaced(tx *bbolt.Tx, id string, r scenarioRec, t int64, what string, restored int64, keep int) error {
	recs, bodies, err := historyBuckets(tx)
	if err != nil {
		return err
	}
	k := []byte(id)
	body := tx.Bucket(bucketBodies).Get(k)
	sum := crc32.Checksum(body, castagnoli)
	if sums := tx.Bucket(bucketBodySums); sums != nil {
		if s := sums.Get(k); s != nil {
			if v, n := binary.Uvarint(s); n > 0 && len(s) == n+4 && int64(v) == r.version {
				sum = binary.BigEndian.Uint32(s[n:])
			}
		}
	}
	key := versionKey(id, r.version)
	rec := versionRec{name: r.name, format: r.format, size: uint64(len(body)), created: r.created, saved: r.updated,
		replaced: t, replacedBy: what, restored: restored, sum: sum}
	if err := recs.Put(key, encodeVersion(rec)); err != nil {
		return err
	}
	if err := bodies.Put(key, body); err != nil {
		return err
	}
	return trimHistory(recs, bodies, id, keep)
}

// trimHistory deletes the oldest kept versions of scenario id beyond the
// newest keep.
func trimHistory(recs, bodies *bbolt.Bucket, id string, keep int) error {
	prefix := scenarioPrefix(id)
	var keys [][]byte
	c := recs.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys[:store.KeepNewest(len(keys), keep)] {
		if err := recs.Delete(k); err != nil {
			return err
		}
		if err := bodies.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// kept returns the kept versions of scenario id, newest first, without
// bodies; none when the file has no history.
func (s *Store) kept(tx *bbolt.Tx, id string) ([]store.Version, error) {
	recs := tx.Bucket(bucketVersions)
	if recs == nil {
		return nil, nil
	}
	prefix := scenarioPrefix(id)
	var out []store.Version
	c := recs.Cursor()
	for k, b := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, b = c.Next() {
		v, ok := versionOf(k, len(prefix))
		r, rok := decodeVersion(b)
		if !ok || !rok {
			return nil, s.damaged(fmt.Sprintf("the kept version record %x of scenario %q", k, id))
		}
		out = append(out, r.version(v))
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// versionOf reads the version from a versions key after its prefix of
// skip bytes.
func versionOf(k []byte, skip int) (int64, bool) {
	if len(k) != skip+8 {
		return 0, false
	}
	return int64(binary.BigEndian.Uint64(k[skip:])), true
}

// current returns the current version of scenario id, without its body,
// or ok false when the scenario is not stored (deleted).
func (s *Store) current(tx *bbolt.Tx, id string) (v store.Version, ok bool, err error) {
	if tx.Bucket(bucketScenarios).Get([]byte(id)) == nil {
		return v, false, nil
	}
	r, err := s.getScenario(tx, id)
	if err != nil {
		return v, false, err
	}
	size := len(tx.Bucket(bucketBodies).Get([]byte(id)))
	return store.Version{Version: r.version, Name: r.name, Format: r.format, Size: int64(size),
		Created: store.FromUnixNanos(r.created), Saved: store.FromUnixNanos(r.updated), Current: true}, true, nil
}

// ListVersions implements store.Store.
func (s *Store) ListVersions(ctx context.Context, id string) ([]store.Version, error) {
	out := []store.Version{}
	err := s.view(ctx, "list versions", func(tx *bbolt.Tx) error {
		out = out[:0]
		cur, ok, err := s.current(tx, id)
		if err != nil {
			return err
		}
		if ok {
			out = append(out, cur)
		}
		kept, err := s.kept(tx, id)
		if err != nil {
			return err
		}
		out = append(out, kept...)
		if len(out) == 0 {
			return store.NoScenario(id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// GetVersion implements store.Store.
func (s *Store) GetVersion(ctx context.Context, id string, n int64) (*store.Version, error) {
	var v *store.Version
	err := s.view(ctx, "get version", func(tx *bbolt.Tx) (err error) {
		v, err = s.getVersion(tx, id, n)
		return err
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// getVersion reads version n of scenario id, current or kept, with its
// body (a copy), checked against its sum.
func (s *Store) getVersion(tx *bbolt.Tx, id string, n int64) (*store.Version, error) {
	cur, ok, err := s.current(tx, id)
	if err != nil {
		return nil, err
	}
	if ok && cur.Version == n {
		body := tx.Bucket(bucketBodies).Get([]byte(id))
		var sum []byte
		if b := tx.Bucket(bucketBodySums); b != nil {
			sum = b.Get([]byte(id))
		}
		if !checkBody(sum, n, body) {
			return nil, s.damaged(fmt.Sprintf("the saved file of scenario %q does not match its checksum", id))
		}
		cur.Body = append([]byte{}, body...)
		return &cur, nil
	}
	recs, bodies := tx.Bucket(bucketVersions), tx.Bucket(bucketVersionBodies)
	if recs == nil || bodies == nil || n < 1 {
		return nil, store.NoVersion(id, n)
	}
	key := versionKey(id, n)
	b := recs.Get(key)
	if b == nil {
		return nil, store.NoVersion(id, n)
	}
	r, ok := decodeVersion(b)
	body := bodies.Get(key)
	if !ok || body == nil && r.size != 0 {
		return nil, s.damaged(fmt.Sprintf("the record of version %d of scenario %q", n, id))
	}
	if crc32.Checksum(body, castagnoli) != r.sum || uint64(len(body)) != r.size {
		return nil, s.damaged(fmt.Sprintf("the kept file of version %d of scenario %q does not match its checksum", n, id))
	}
	v := r.version(n)
	v.Body = append([]byte{}, body...)
	return &v, nil
}

// RestoreVersion implements store.Store.
func (s *Store) RestoreVersion(ctx context.Context, id string, n, current int64, keep int) (*store.Scenario, error) {
	var sc store.Scenario
	t := store.Now()
	now := store.UnixNanos(t)
	err := s.update(ctx, "restore version", func(tx *bbolt.Tx) error {
		old, err := s.getVersion(tx, id, n)
		if err != nil {
			return err
		}
		if old.Current {
			return store.RestoreCurrent(id, n)
		}
		var r scenarioRec
		if tx.Bucket(bucketScenarios).Get([]byte(id)) != nil {
			if r, err = s.getScenario(tx, id); err != nil {
				return err
			}
			if r.version != current {
				return store.Stale(id, r.version, current)
			}
			if err := keepReplaced(tx, id, r, now, store.ReplacedByRestore, n, keep); err != nil {
				return err
			}
			if err := tx.Bucket(bucketScenariosByUpdated).Delete(timeKey(r.updated, id)); err != nil {
				return err
			}
		} else {
			// Deleted: created again after its last version, the one
			// deleted, which current must name.
			last, err := s.lastKept(tx, id)
			if err != nil {
				return err
			}
			if last != current {
				return store.StaleDeleted(id, last, current)
			}
			r = scenarioRec{version: current, created: store.UnixNanos(old.Created)}
			recs, bodies, err := historyBuckets(tx)
			if err != nil {
				return err
			}
			if err := trimHistory(recs, bodies, id, keep); err != nil {
				return err
			}
		}
		r.version++
		r.name, r.format, r.updated = old.Name, old.Format, now
		sc = r.scenario(id)
		sc.Body = old.Body
		return putScenario(tx, id, r, old.Body)
	})
	if err != nil {
		return nil, err
	}
	return &sc, nil
}

// ListDeleted implements store.Store: it walks the history, taking each
// scenario's newest kept version when the scenario is not stored.
func (s *Store) ListDeleted(ctx context.Context) ([]store.Deleted, error) {
	out := []store.Deleted{}
	err := s.view(ctx, "list deleted", func(tx *bbolt.Tx) error {
		out = out[:0]
		recs := tx.Bucket(bucketVersions)
		if recs == nil {
			return nil
		}
		scenarios := tx.Bucket(bucketScenarios)
		var last *store.Deleted
		c := recs.Cursor()
		for k, b := c.First(); k != nil; k, b = c.Next() {
			n, end, ok := keyID(k)
			if !ok {
				return s.damaged(fmt.Sprintf("kept version key %x", k))
			}
			id := string(k[n:end])
			v, ok := versionOf(k, end)
			r, rok := decodeVersion(b)
			if !ok || !rok {
				return s.damaged(fmt.Sprintf("the kept version record %x of scenario %q", k, id))
			}
			if scenarios.Get([]byte(id)) != nil {
				continue
			}
			if last == nil || last.ID != id {
				out = append(out, store.Deleted{ID: id})
				last = &out[len(out)-1]
			}
			last.Version = r.version(v) // the keys are in version order: the last is the newest
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The latest deleted first, as store/sqlstore orders them; a
	// scenario whose newest version was not replaced by a delete (the
	// history of a file an earlier build deleted from) is left out.
	kept := out[:0]
	for _, d := range out {
		if d.ReplacedBy == store.ReplacedByDelete {
			kept = append(kept, d)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if !kept[i].Replaced.Equal(kept[j].Replaced) {
			return kept[i].Replaced.After(kept[j].Replaced)
		}
		return kept[i].ID < kept[j].ID
	})
	return kept, nil
}

// lastKept returns the newest kept version of scenario id, 0 when it
// has none: a deleted scenario's is the version deleted, after which a
// scenario created again under its id goes on counting.
func (s *Store) lastKept(tx *bbolt.Tx, id string) (int64, error) {
	recs := tx.Bucket(bucketVersions)
	if recs == nil {
		return 0, nil
	}
	prefix := scenarioPrefix(id)
	// The first key after every key of id's, then one back.
	end := binary.BigEndian.AppendUint64(bytes.Clone(prefix), 1<<64-1)
	c := recs.Cursor()
	k, _ := c.Seek(end)
	if k == nil || !bytes.Equal(k, end) {
		k, _ = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, prefix) {
		return 0, nil
	}
	v, ok := versionOf(k, len(prefix))
	if !ok {
		return 0, s.damaged(fmt.Sprintf("kept version key %x", k))
	}
	return v, nil
}

// heldIDs counts the scenario ids tx holds (CreateScenario's bound): the
// stored scenarios, and the ids with kept versions that are not stored.
// It reads one key of each stored scenario and seeks once past each id's
// kept versions, so the cost grows with the ids, not the versions. It
// runs when the count kept in meta is not known (held.go); bbolt runs
// one writer at a time, so a create that counts in its own transaction
// counts what it adds to.
func (s *Store) heldIDs(tx *bbolt.Tx) (int, error) {
	scenarios := tx.Bucket(bucketScenarios)
	n := 0
	c := scenarios.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		n++
	}
	recs := tx.Bucket(bucketVersions)
	if recs == nil {
		return n, nil
	}
	c = recs.Cursor()
	for k, _ := c.First(); k != nil; {
		m, idEnd, ok := keyID(k)
		if !ok {
			return 0, s.damaged(fmt.Sprintf("kept version key %x", k))
		}
		prefix := bytes.Clone(k[:idEnd])
		if scenarios.Get(prefix[m:]) == nil {
			n++
		}
		// The first key after every key of this id's.
		end := binary.BigEndian.AppendUint64(prefix, 1<<64-1)
		if k, _ = c.Seek(end); k != nil && bytes.Equal(k, end) {
			k, _ = c.Next()
		}
	}
	return n, nil
}

// PurgeDeleted implements store.Store. bbolt frees the pages the kept
// files were on; their bytes stay in the file until the pages are
// written again (docs/serve.md, "History").
func (s *Store) PurgeDeleted(ctx context.Context, id string, version int64) error {
	return s.update(ctx, "purge deleted", func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketScenarios).Get([]byte(id)) != nil {
			r, err := s.getScenario(tx, id)
			if err != nil {
				return err
			}
			return store.NotDeleted(id, r.version)
		}
		last, err := s.lastKept(tx, id)
		if err != nil {
			return err
		}
		if last == 0 {
			return store.NoDeleted(id)
		}
		if last != version {
			return store.StaleDeleted(id, last, version)
		}
		recs, bodies, err := historyBuckets(tx)
		if err != nil {
			return err
		}
		if err := trimHistory(recs, bodies, id, 0); err != nil {
			return err
		}
		return s.addHeld(tx, -1) // the id is free
	})
}

// keyID finds the scenario id in a kept version's key (its length as a
// varint, then its bytes): the id is k[start:end]. A key whose stated
// length runs past its end, however large (a sum that wrapped past 2⁶⁴
// once passed the check and then panicked on the slice), is not ok: a
// damaged file is an error, never a panic.
func keyID(k []byte) (start, end int, ok bool) {
	l, n := binary.Uvarint(k)
	if n <= 0 || l > uint64(len(k)-n) {
		return 0, 0, false
	}
	return n, n + int(l), true
}
