package bolt

import (
	"bytes"
	"encoding/binary"
	"testing"
	"time"

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
