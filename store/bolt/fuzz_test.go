package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"parley/fuzzbudget"
	"parley/store"
)

// recordBudget is what reading one record may cost: the decoders copy
// each string out once, so a little over the record's own size.
var recordBudget = fuzzbudget.Budget{FixedBytes: 16 << 10, BytesPerByte: 8, FixedTime: 100 * time.Millisecond, TimePerByte: time.Microsecond}

// FuzzRecords reads arbitrary bytes as every kind of value the store file
// holds — a scenario record, a run record, an index key, a body's and a
// result's sum — as a damaged or hostile file would present them. None
// may panic or cost more than recordBudget; a record the decoder accepts
// must encode to bytes that decode to the same record and encode the
// same again (a record whose varints are not the shortest encodes
// shorter, never differently).
func FuzzRecords(f *testing.F) {
	run := &store.Run{ScenarioID: "s1", ScenarioVersion: 3, Kind: store.Sweep, InputHash: "abc", Model: "smp",
		Options: []byte(`{"draws":100}`), Seed: 1<<63 + 5, Status: store.Done, Progress: 1, Error: "",
		Created: time.Unix(0, 1_700_000_000_123_456_000).UTC(), Finished: time.Unix(0, 1_700_000_001_000_000_000).UTC()}
	rec := encodeRun(run)
	f.Add(rec)
	f.Add(encodeScenario(scenarioRec{version: 2, name: "Ukraine", format: "yaml", created: 1, updated: -1}))
	f.Add(scenarioRunKey("s1", 1_700_000_000_123_456_000, "r1"))
	f.Add(append(resultSum(rec, []byte(`{"x":1}`)), `{"x":1}`...))
	f.Add(append(bodySum(2, []byte("metadata: {}")), "metadata: {}"...))
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzbudget.Check(t, recordBudget, len(data), func() {
			if r, ok := decodeScenario(data); ok {
				enc := encodeScenario(r)
				r2, ok := decodeScenario(enc)
				if !ok || r2 != r || !bytes.Equal(encodeScenario(r2), enc) || len(enc) > len(data) {
					t.Fatalf("scenario record %x read as %+v, which encodes to %x, read back as %+v (ok %v)", data, r, enc, r2, ok)
				}
			}
			if r, ok := decodeRun("r1", data); ok {
				enc := encodeRun(&r)
				r2, ok := decodeRun("r1", enc)
				if !ok || !bytes.Equal(encodeRun(&r2), enc) || len(enc) > len(data)+2 {
					// (+2: empty options are stored as "{}")
					t.Fatalf("run record %x read as %+v, which encodes to %x, read back as %+v (ok %v)", data, r, enc, r2, ok)
				}
			}
			for _, skip := range []int{0, 1, len(data) / 2, len(data)} {
				if tm, id, ok := splitKey(data, skip); ok {
					if k := timeKey(tm, id); !bytes.Equal(k, data[skip:]) {
						t.Fatalf("index key %x after %d bytes read as %d, %q, which is key %x", data, skip, tm, id, k)
					}
				}
			}
			// a sum, then the record or body it is checked with
			for _, n := range []int{4, 8, 9} {
				if len(data) < n {
					continue
				}
				sum, rest := data[:n], data[n:]
				checkResult(sum, rest, rest)
				v, _ := binary.Uvarint(sum)
				checkBody(sum, int64(v), rest)
			}
		})
	})
}

// TestSumsCatchOneByte checks the sums' premise on values of every size
// up to a page: any one byte changed in a body or a result, or in the
// record a result's sum was taken with, changes what the sum check says.
func TestSumsCatchOneByte(t *testing.T) {
	for n := 1; n <= 4096; n = n*3 + 1 {
		body := bytes.Repeat([]byte("x: 1\n"), n)[:n]
		rec := encodeRun(&store.Run{ScenarioID: "s", Kind: store.Forecast, Status: store.Done})
		bsum, rsum := bodySum(7, body), resultSum(rec, body)
		if !checkBody(bsum, 7, body) || !checkResult(rsum, rec, body) {
			t.Fatalf("%d bytes: the sums do not hold on the values they were taken of", n)
		}
		for i := range body {
			d := bytes.Clone(body)
			d[i] ^= 0x04
			if checkBody(bsum, 7, d) || checkResult(rsum, rec, d) {
				t.Fatalf("%d bytes: byte %d changed and a sum still holds", n, i)
			}
		}
		for i := range rec {
			d := bytes.Clone(rec)
			d[i] ^= 0x01
			// another record: the sum is taken as stale, not checked
			if !checkResult(rsum, d, []byte("anything")) {
				t.Fatalf("record byte %d changed: the result's sum was checked against it", i)
			}
		}
		if !checkBody(bsum, 8, []byte("anything")) {
			t.Fatal("a body sum of another version was checked")
		}
	}
}

// salvageBudget is what checking and salvaging a small store file with
// one input's worth of hostile records may cost: bbolt's pages and the
// new file's transactions are a fixed cost, the records read and copied
// a little over their size.
var salvageBudget = fuzzbudget.Budget{FixedBytes: 8 << 20, BytesPerByte: 1 << 10, FixedTime: 2 * time.Second, TimePerByte: 50 * time.Microsecond}

// salvageInput is how many bytes of an input FuzzSalvage writes into the
// store file (some 10 keys and values; the rest is not read). The
// fuzzer's minimizer tries removing every run of an interesting input's
// bytes, some n²/2 runs of the target each; at a few milliseconds a run
// an input of kilobytes held a worker for the whole minimizing time
// (60 s), and a run of go test -fuzz counted few executions. The damage
// salvage meets is in records and keys, which a few fit: page damage
// is TestSalvageDamagedPages's.
const salvageInput = 128

// FuzzSalvage writes arbitrary keys and values into the buckets of a
// store file (salvageFixture's), as a damaged file or another program
// would leave them, then checks and salvages it. Neither may panic, fail
// (the file is a Parley store whatever its records hold) or cost more
// than salvageBudget; the damaged file is not written to; the new file
// checks sound and holds the versions and runs the salvage reported
// copied.
func FuzzSalvage(f *testing.F) {
	base := filepath.Join(f.TempDir(), "base.db")
	salvageFixture(f, base)
	data, err := os.ReadFile(base)
	if err != nil {
		f.Fatal(err)
	}
	// A new, empty store file, whose bytes each input's salvage starts
	// its new file with, unsynced (salvageOptions): bbolt's syncs of a
	// new file were most of an input's time.
	emptyPath := filepath.Join(f.TempDir(), "empty.db")
	s, err := Open(context.Background(), emptyPath)
	if err != nil {
		f.Fatal(err)
	}
	s.Close()
	empty, err := os.ReadFile(emptyPath)
	if err != nil {
		f.Fatal(err)
	}
	opts := salvageOptions{empty: empty, noSync: true}
	all := append(append([][]byte{}, buckets...), bucketBodySums, bucketResultSums, bucketVersions, bucketVersionBodies)
	f.Add([]byte{4, 1, 1, 0x7f, 'x'})                                               // a kept version's key cut short
	f.Add(append([]byte{1, 1, 3, 'b'}, 0xff, 0xff, 0xff))                           // a scenario's record replaced
	f.Add(append([]byte{2, 1, 4, 'c'}, "x: 1"...))                                  // a body replaced
	f.Add(append([]byte{0, 4, 20}, append([]byte("held"), make([]byte, 20)...)...)) // the count zeroed
	f.Add(append([]byte{10, 10, 5}, append(versionKey("zz", 1), 1, 'a', 1, 'y', 0)...))
	f.Fuzz(func(t *testing.T, in []byte) {
		in = in[:min(len(in), salvageInput)]
		dir := t.TempDir()
		p, out := filepath.Join(dir, "d.db"), filepath.Join(dir, "new.db")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		editRaw(t, p, func(tx *bbolt.Tx) error {
			for rest := in; len(rest) >= 3; {
				b := tx.Bucket(all[int(rest[0])%len(all)])
				kl, vl := int(rest[1])%64, int(rest[2])
				rest = rest[3:]
				k := rest[:min(kl, len(rest))]
				rest = rest[len(k):]
				v := rest[:min(vl, len(rest))]
				rest = rest[len(v):]
				if b == nil || len(k) == 0 {
					continue
				}
				if err := b.Put(bytes.Clone(k), bytes.Clone(v)); err != nil {
					return err
				}
			}
			return nil
		})
		before := fileSum(t, p)
		ctx := context.Background()
		var rep, nrep *Report
		fuzzbudget.Check(t, salvageBudget, len(in), func() {
			var err error
			if _, err = Check(ctx, p); err != nil {
				t.Fatalf("check: %v", err)
			}
			if rep, err = salvage(ctx, p, out, opts); err != nil {
				t.Fatalf("salvage: %v", err)
			}
			if nrep, err = Check(ctx, out); err != nil {
				t.Fatalf("check of the new file: %v", err)
			}
		})
		if fileSum(t, p) != before {
			t.Fatal("salvage wrote to the damaged file")
		}
		if !nrep.Sound() {
			t.Fatalf("the salvaged file is not sound: %q", problemStrings(nrep.Problems))
		}
		c1, k1, r1 := rep.Counts()
		c2, k2, r2 := nrep.Counts()
		if c1 != c2 || k1 != k2 || r1 != r2 {
			t.Fatalf("salvage copied %d current, %d kept, %d runs; the new file holds %d, %d, %d", c1, k1, r1, c2, k2, r2)
		}
		s, err := Open(ctx, out)
		if err != nil {
			t.Fatalf("open the salvaged file: %v", err)
		}
		s.Close()
	})
}
