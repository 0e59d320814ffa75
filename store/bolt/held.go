package bolt

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"

	"go.etcd.io/bbolt"

	"parley/errs"
)

// The count of the scenario ids the store holds (CreateScenario's bound):
// the stored scenarios and the deleted ones whose history is kept. A
// create, a delete and a purge keep it, in meta under "held", in their
// own transaction, so that a bounded create reads one key where it once
// walked every id (heldIDs).
//
// The value is the count and the id of the bbolt transaction that wrote
// it, 8 bytes big endian each, then the CRC-32C of those 16 bytes. Every
// write transaction of this build writes it again with its own id (stamp),
// so the count is known when its transaction is the last one committed (or
// the one under way). A file of an earlier build has no count; a file that
// an earlier build, or any other program, wrote to since has the count of
// an older transaction, which that write may have made wrong; and a
// damaged value fails its sum. Each is counted again (heldIDs, once) when
// the file is opened, in a transaction of its own, and kept from then on;
// Open refuses a file whose ids cannot be counted (recountHeld). Should a
// write find the count unknown all the same, it counts the ids in the
// write's transaction, so the count is kept only when that write commits:
// a create refused at the limit (which writes nothing), or a write that
// fails, rolls the count back with the rest, and the next write that needs
// it counts again. The count is never trusted when it may be wrong, so the
// bound is neither passed nor refused for a count gone stale.

var keyHeld = []byte("held")

// encodeHeld is the meta value of the count n written by transaction
// txid.
func encodeHeld(n, txid int) []byte {
	b := binary.BigEndian.AppendUint64(nil, uint64(n))
	b = binary.BigEndian.AppendUint64(b, uint64(txid))
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// readHeld returns the count kept in tx's file, ok false when it is not
// known: absent, damaged, or written by a transaction before the last.
func readHeld(tx *bbolt.Tx) (n int, ok bool) {
	c, by, ok := decodeHeld(tx.Bucket(bucketMeta).Get(keyHeld))
	if !ok {
		return 0, false
	}
	id := uint64(tx.ID())
	// A write transaction's id is one more than the last committed; a
	// read's is the last committed.
	if c > 1<<62 || (by != id && !(tx.Writable() && by == id-1)) {
		return 0, false
	}
	return int(c), true
}

// decodeHeld reads encodeHeld's value b: the count n and the id by of
// the transaction that wrote it; ok false when b is not 20 bytes whose
// checksum holds (absent or damaged).
func decodeHeld(b []byte) (n, by uint64, ok bool) {
	if len(b) != 20 || binary.BigEndian.Uint32(b[16:]) != crc32.Checksum(b[:16], castagnoli) {
		return 0, 0, false
	}
	return binary.BigEndian.Uint64(b), binary.BigEndian.Uint64(b[8:]), true
}

// putHeld keeps the count n in tx.
func putHeld(tx *bbolt.Tx, n int) error {
	return tx.Bucket(bucketMeta).Put(keyHeld, encodeHeld(n, tx.ID()))
}

// recountHeld counts the held ids of a file opened whose count is not
// known, and keeps the count, in a transaction of its own: so that a
// create refused at the limit, which writes nothing, does not count
// again each time. A file it cannot count (damaged, or a write that
// fails) is an error that names the file and says the count failed,
// which Open returns: the file would otherwise open with a count no
// write could make.
func (s *Store) recountHeld() error {
	known := false
	if err := s.guard(func() error {
		return s.db.View(func(tx *bbolt.Tx) error { _, known = readHeld(tx); return nil })
	}); err != nil {
		return errs.Wrap(errs.Internal, fmt.Errorf("open: store file %s: reading its count of scenario ids failed: %w", s.path, err))
	}
	if known {
		return nil
	}
	if err := s.guard(func() error {
		return s.db.Update(func(tx *bbolt.Tx) error {
			_, err := s.held(tx)
			return err
		})
	}); err != nil {
		return errs.Wrap(errs.Internal, fmt.Errorf("open: store file %s: the count of its scenario ids is not known (an earlier build, or another program, wrote to it last), and counting them failed: %w", s.path, err))
	}
	return nil
}

// held returns the count of the ids tx holds, counted again and kept
// when it is not known.
func (s *Store) held(tx *bbolt.Tx) (int, error) {
	if n, ok := readHeld(tx); ok {
		return n, nil
	}
	n, err := s.heldIDs(tx)
	if err != nil {
		return 0, err
	}
	return n, putHeld(tx, n)
}

// addHeld adds d to the count, after the change in tx that added (1) or
// freed (-1) an id. A count not known is counted again, the change with
// it.
func (s *Store) addHeld(tx *bbolt.Tx, d int) error {
	n, ok := readHeld(tx)
	if !ok || n+d < 0 {
		var err error
		if n, err = s.heldIDs(tx); err != nil {
			return err
		}
		return putHeld(tx, n)
	}
	return putHeld(tx, n+d)
}

// stamp writes the count again with tx's id, when it is known, as every
// write transaction's last step: a transaction that leaves no stamp
// (another program's) leaves the count unknown.
func stamp(tx *bbolt.Tx) error {
	if n, ok := readHeld(tx); ok {
		return putHeld(tx, n)
	}
	return nil
}
