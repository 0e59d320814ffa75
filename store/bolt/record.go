package bolt

import (
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"math"

	"parley/store"
)

// The file's buckets (format 1). Records are keyed by id; the bodies and
// results, which lists leave out, are kept apart from the records so a
// list reads only what it shows. The three index buckets hold keys alone
// (empty values), in the orders the lists return:
//
//	meta                  "format" → the format version, decimal
//	                      "held" → the count of held scenario ids, the id of the transaction that wrote it, 8 bytes each big endian, CRC-32C of both (held.go)
//	scenarios             id → scenario record (encodeScenario)
//	bodies                id → the scenario's file, as saved
//	scenarios_by_updated  newest(updated) id → ""
//	body_sums             id → uvarint(version) CRC-32C(body), 4 bytes big endian
//	runs                  id → run record (encodeRun)
//	results               id → the run's result JSON (absent: none yet)
//	runs_by_created       newest(created) id → ""
//	runs_by_scenario      uvarint(len(scenario id)) scenario id newest(created) id → ""
//	result_sums           id → CRC-32C(run record), CRC-32C(result), 4 bytes each big endian
//	versions              uvarint(len(scenario id)) scenario id version (8 bytes big endian) → kept version record (encodeVersion)
//	version_bodies        the same key → the kept version's file
//
// versions and version_bodies are a scenario's history (history.go): the
// versions an edit, a restore or a delete replaced, the newest N of each
// scenario, a deleted scenario's too. They are optional as body_sums is:
// a file of an earlier build of format 1 has none until a write makes
// them, and such a build ignores them (an edit it saves keeps no
// version; a scenario it deletes leaves its history, restorable here).
// A kept version's record holds the CRC-32C of its file, checked on
// each read.
//
// body_sums is optional: this build writes it with every scenario and
// checks a body against it when the sum is of the record's version, but a
// file written by an earlier build of format 1 has none, and such a
// build, which ignores the bucket, may have saved a newer version since
// (its sum is then stale and not checked). bbolt checks no data page, so
// without it damage inside a body's bytes would read as a different
// scenario.
//
// result_sums is optional in the same way, for the results a server
// serves again (the run's page, a re-run's comparison): damage inside a
// result's bytes would read as different numbers. A run has no version,
// but every write of its result rewrites its record too (the status or
// progress changes with it), so the sum holds the record's CRC as well:
// a sum whose record CRC differs from the record's was left by this
// build before an earlier one rewrote the run, and is not checked.
//
// newest(t) is 8 bytes that sort a later time first, so a cursor walking
// an index forward meets the records newest first and, at equal times,
// in the order of their ids' bytes: the order of store/sqlstore's
// ORDER BY … DESC, id.
var (
	bucketMeta               = []byte("meta")
	bucketScenarios          = []byte("scenarios")
	bucketBodies             = []byte("bodies")
	bucketScenariosByUpdated = []byte("scenarios_by_updated")
	bucketRuns               = []byte("runs")
	bucketResults            = []byte("results")
	bucketRunsByCreated      = []byte("runs_by_created")
	bucketRunsByScenario     = []byte("runs_by_scenario")

	bucketBodySums   = []byte("body_sums")
	bucketResultSums = []byte("result_sums")

	bucketVersions      = []byte("versions")
	bucketVersionBodies = []byte("version_bodies")

	// buckets are those every file of format 1 has (body_sums and
	// result_sums are optional)
	buckets = [][]byte{bucketMeta, bucketScenarios, bucketBodies, bucketScenariosByUpdated,
		bucketRuns, bucketResults, bucketRunsByCreated, bucketRunsByScenario}

	keyFormat = []byte("format")
)

// newest is the index key prefix of the time t (Unix nanoseconds): big
// endian, the sign bit flipped so negative times sort before positive
// ones, then every bit inverted so a later time sorts first.
func newest(t int64) []byte {
	return binary.BigEndian.AppendUint64(nil, ^(uint64(t) ^ 1<<63))
}

// timeOf reads the time back from an index key's first 8 bytes.
func timeOf(k []byte) int64 {
	return int64(^binary.BigEndian.Uint64(k) ^ 1<<63)
}

// splitKey reads an index key after its prefix of skip bytes: the time
// and the id. ok is false for a key too short to hold a time.
func splitKey(k []byte, skip int) (t int64, id string, ok bool) {
	if len(k) < skip+8 {
		return 0, "", false
	}
	return timeOf(k[skip:]), string(k[skip+8:]), true
}

// timeKey is the key of id at time t in scenarios_by_updated or
// runs_by_created.
func timeKey(t int64, id string) []byte { return append(newest(t), id...) }

// scenarioPrefix starts the runs_by_scenario keys of a scenario. The
// length goes first so that no scenario's prefix starts another's.
func scenarioPrefix(scenarioID string) []byte {
	return append(binary.AppendUvarint(nil, uint64(len(scenarioID))), scenarioID...)
}

// scenarioRunKey is the runs_by_scenario key of a run.
func scenarioRunKey(scenarioID string, created int64, id string) []byte {
	return append(append(scenarioPrefix(scenarioID), newest(created)...), id...)
}

// bodySum is the body_sums value of a body saved as version.
func bodySum(version int64, body []byte) []byte {
	return binary.BigEndian.AppendUint32(binary.AppendUvarint(nil, uint64(version)), crc32.Checksum(body, castagnoli))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checkBody reports whether body matches sum, the body_sums value kept
// for it, when sum is of version; a sum of another version (an earlier
// build saved the scenario since), or none, checks nothing.
func checkBody(sum []byte, version int64, body []byte) bool {
	if sum == nil {
		return true
	}
	v, n := binary.Uvarint(sum)
	if n <= 0 || len(sum) != n+4 {
		return false
	}
	if int64(v) != version {
		return true
	}
	return binary.BigEndian.Uint32(sum[n:]) == crc32.Checksum(body, castagnoli)
}

// resultSum is the result_sums value of a run whose record is rec and
// result res.
func resultSum(rec, res []byte) []byte {
	return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, crc32.Checksum(rec, castagnoli)), crc32.Checksum(res, castagnoli))
}

// checkResult reports whether res, the result of the run whose record is
// rec, matches sum, the result_sums value kept for it, when sum was
// written with this record; a sum of another record (an earlier build
// rewrote the run since), or none, checks nothing.
func checkResult(sum, rec, res []byte) bool {
	if sum == nil {
		return true
	}
	if len(sum) != 8 {
		return false
	}
	if binary.BigEndian.Uint32(sum) != crc32.Checksum(rec, castagnoli) {
		return true
	}
	return binary.BigEndian.Uint32(sum[4:]) == crc32.Checksum(res, castagnoli)
}

// scenarioRec is a scenario record: a store.Scenario but its id (the key)
// and body (bucket bodies), with times in Unix nanoseconds.
type scenarioRec struct {
	version          int64
	name, format     string
	created, updated int64
}

func encodeScenario(r scenarioRec) []byte {
	var w writer
	return w.int(r.version).str(r.name).str(r.format).int(r.created).int(r.updated)
}

func decodeScenario(b []byte) (scenarioRec, bool) {
	d := reader{b: b}
	r := scenarioRec{version: d.int(), name: d.str(), format: d.str(), created: d.int(), updated: d.int()}
	return r, d.ok()
}

// scenario returns the store.Scenario of record r, without its body.
func (r scenarioRec) scenario(id string) store.Scenario {
	return store.Scenario{ID: id, Version: r.version, Name: r.name, Format: r.format,
		Created: store.FromUnixNanos(r.created), Updated: store.FromUnixNanos(r.updated)}
}

// encodeRun encodes a run record: a store.Run but its id (the key) and
// result (bucket results), times in Unix nanoseconds. Options are kept
// as "{}" when empty, as store/sqlstore keeps them.
func encodeRun(r *store.Run) []byte {
	opts := string(r.Options)
	if opts == "" {
		opts = "{}"
	}
	var w writer
	return w.str(r.ScenarioID).int(r.ScenarioVersion).str(string(r.Kind)).str(r.InputHash).str(r.Model).str(opts).
		uint(r.Seed).str(string(r.Status)).float(r.Progress).str(r.Error).
		int(store.UnixNanos(r.Created)).int(store.UnixNanos(r.Started)).int(store.UnixNanos(r.Finished))
}

// decodeRun decodes the run record b of id, without its result.
func decodeRun(id string, b []byte) (store.Run, bool) {
	d := reader{b: b}
	r := store.Run{ID: id, ScenarioID: d.str(), ScenarioVersion: d.int(), Kind: store.RunKind(d.str()), InputHash: d.str(), Model: d.str(),
		Options: json.RawMessage(d.str()), Seed: d.uint(), Status: store.RunStatus(d.str()), Progress: d.float(), Error: d.str()}
	r.Created, r.Started, r.Finished = store.FromUnixNanos(d.int()), store.FromUnixNanos(d.int()), store.FromUnixNanos(d.int())
	return r, d.ok()
}

// writer appends a record's fields: integers as varints, strings with
// their length first, floats as their 8 bytes.
type writer []byte

func (w writer) int(v int64) writer     { return binary.AppendVarint(w, v) }
func (w writer) uint(v uint64) writer   { return binary.AppendUvarint(w, v) }
func (w writer) float(v float64) writer { return binary.BigEndian.AppendUint64(w, math.Float64bits(v)) }
func (w writer) str(s string) writer    { return append(binary.AppendUvarint(w, uint64(len(s))), s...) }

// reader reads what writer wrote. A record cut short or too long reads as
// zeros and ok reports false, rather than a panic.
type reader struct {
	b   []byte
	bad bool
}

func (d *reader) uint() uint64 { return varint(d, binary.Uvarint) }

func (d *reader) int() int64 { return varint(d, binary.Varint) }

// varint reads one varint with read (binary.Uvarint or binary.Varint).
func varint[V uint64 | int64](d *reader, read func([]byte) (V, int)) V {
	v, n := read(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *reader) float() float64 {
	if len(d.b) < 8 {
		d.bad, d.b = true, nil
		return 0
	}
	v := math.Float64frombits(binary.BigEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

// str copies the string out: the bytes bbolt returns are valid only
// within the transaction.
func (d *reader) str() string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// ok reports whether every field was read whole and nothing is left.
func (d *reader) ok() bool { return !d.bad && len(d.b) == 0 }
