package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io/fs"
	"maps"
	"math"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"time"

	"go.etcd.io/bbolt"
	bberrors "go.etcd.io/bbolt/errors"

	"parley/errs"
	"parley/store"
)

// Check and Salvage: `parley db check FILE` and `parley db salvage FILE
// NEW`. Both open the file read-only (bbolt's shared lock: a server that
// has it open is waited for, then refused as busy) and read it record by
// record, each record in a read transaction of its own under guard, so a
// damaged page loses the records on it and no others. Check lists what is
// wrong; Salvage copies every record that reads whole into a new file,
// which this package writes as Open would have (fresh indexes, sums and
// count), and lists what it could not copy. Neither ever writes to the
// file read.

// Problem is one thing wrong in a store file.
type Problem struct {
	// Scenario is the id of the scenario it concerns ("" when the damage
	// hides which); Version the kept version (0: the current one, or
	// none); Run the run ("": none).
	Scenario string
	Version  int64
	Run      string
	// Lost: what it concerns cannot be copied, its bytes being unreadable
	// or missing. Otherwise a salvaged file is rebuilt without it (an
	// index key, the count of ids, a sum) and nothing saved is lost.
	Lost bool
	// Promoted: its current version was lost and the newest kept
	// version that reads whole is made current in its place.
	Promoted bool
	What     string
}

func (p Problem) String() string {
	switch {
	case p.Run != "":
		return fmt.Sprintf("run %q: %s", p.Run, p.What)
	case p.Scenario != "" && p.Version != 0:
		return fmt.Sprintf("scenario %q version %d (kept): %s", p.Scenario, p.Version, p.What)
	case p.Scenario != "":
		return fmt.Sprintf("scenario %q: %s", p.Scenario, p.What)
	}
	return p.What
}

// Found is what a scenario id holds that reads whole: its current
// version (0: none, or none readable), its kept versions (oldest first)
// and its runs. Promoted: its current version was lost and Current is
// the newest kept version that read whole, made current (and no longer
// among Kept).
type Found struct {
	ID       string
	Current  int64
	Promoted bool
	Kept     []int64
	Runs     []string
}

// Report is what Check or Salvage found: every scenario id with what of
// it reads whole (sorted by id), and the problems (in the order found:
// the file's, then each id's, then the runs').
type Report struct {
	Path      string
	Scenarios []Found
	Problems  []Problem
}

// Sound reports whether the file has no problem.
func (r *Report) Sound() bool { return len(r.Problems) == 0 }

// Lost is the problems whose records could not be copied.
func (r *Report) Lost() []Problem {
	var out []Problem
	for _, p := range r.Problems {
		if p.Lost {
			out = append(out, p)
		}
	}
	return out
}

// Counts is how many current versions, kept versions and runs r found
// readable.
func (r *Report) Counts() (current, kept, runs int) {
	for _, f := range r.Scenarios {
		if f.Current != 0 {
			current++
		}
		kept += len(f.Kept)
		runs += len(f.Runs)
	}
	return current, kept, runs
}

// Check reads every record of the store file at path, read-only, and
// reports what reads whole and what is wrong. Its error is for a file it
// cannot read at all (absent, not a Parley store, a newer format, held
// by a server); damage is in the report.
func Check(ctx context.Context, path string) (*Report, error) {
	return scan(ctx, path, nil)
}

// Salvage copies every scenario record of the store file at from that
// reads whole — current versions, kept versions, and the runs of the
// scenarios copied — into a new store file at to, which it creates (a
// file there already is refused with an error wrapping fs.ErrExist, and
// left alone), and reports what it copied and what it could not. from is
// only read. The new file has its indexes, sums and count of ids made
// afresh, as this build writes them, and opens with Open. On an error
// the new file is removed.
func Salvage(ctx context.Context, from, to string) (*Report, error) {
	return salvage(ctx, from, to, salvageOptions{})
}

// salvageOptions are Salvage's knobs for a fuzz target, whose new file
// is thrown away: a disk's syncs were most of an input's time (making
// the new file, setting it up and the final sync, some 13 ms of 15).
type salvageOptions struct {
	// empty: the bytes of a new, empty store file (as Open makes one),
	// written as the new file's start, so bbolt does not make it (and
	// sync it); nil: bbolt makes it.
	empty []byte
	// noSync: the new file is never synced.
	noSync bool
}

func salvage(ctx context.Context, from, to string, opts salvageOptions) (*Report, error) {
	if to == "" {
		return nil, errs.New(errs.Argument, "salvage: the new file's path is empty; valid: the path of a file that does not exist yet")
	}
	// The source first: a file that cannot be read at all makes no new
	// file.
	sc, err := openSource(ctx, from)
	if err != nil {
		return nil, err
	}
	defer sc.src.db.Close()
	f, err := os.OpenFile(to, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("salvage: %w", err)
		}
		return nil, errs.New(errs.Invalid, "salvage: cannot create the new store file %s: %v", to, unwrapPathErr(err))
	}
	_, err = f.Write(opts.empty)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(to)
		return nil, errs.New(errs.Invalid, "salvage: cannot write the new store file %s: %v", to, unwrapPathErr(err))
	}
	out, err := Open(ctx, to)
	if err != nil {
		os.Remove(to)
		return nil, err
	}
	c := &copier{s: out, noSync: opts.noSync}
	out.db.NoSync = true // synced once, at the end
	sc.out = c
	r, err := sc.walk(ctx)
	if err == nil {
		err = c.finish()
	} else if c.tx != nil {
		c.tx.Rollback()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(to)
		return nil, err
	}
	return r, nil
}

// sink receives the records scan found whole; nil: Check, which keeps
// none.
type sink interface {
	scenario(id string, r scenarioRec, body []byte) error
	version(key, rec, body []byte) error
	run(r *store.Run, rec, result []byte) error
}

// scanner is one scan of a file: the source, what it found, and where
// the records it found whole go.
type scanner struct {
	src  *Store
	out  sink
	rep  *Report
	cut  bool // a walk stopped at damage: ids beyond it may be unseen
	size int64
	// at is each scenario's index in rep.Scenarios, for the runs that
	// join it (one look-up a run, not a scan of every scenario)
	at map[string]int
}

func (sc *scanner) problem(p Problem) { sc.rep.Problems = append(sc.rep.Problems, p) }

// view runs fn in a read transaction of the source, and returns the
// words of the panic or fault bbolt met on a page it cannot read ("" when
// none): bbolt rolls the transaction back as the panic passes (guard).
func (sc *scanner) view(fn func(tx *bbolt.Tx) error) (damage string, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			damage = fmt.Sprintf("bbolt cannot read a page of it: %v", p)
		}
	}()
	return "", sc.src.db.View(fn)
}

// scan opens path read-only and reads it as Check does.
func scan(ctx context.Context, path string, out sink) (*Report, error) {
	sc, err := openSource(ctx, path)
	if err != nil {
		return nil, err
	}
	defer sc.src.db.Close()
	sc.out = out
	return sc.walk(ctx)
}

// openSource opens the store file at path read-only, refusing a file
// that is absent, empty, not a regular file, a SQLite store, not a bbolt
// database, or held by a writer beyond LockTimeout.
func openSource(ctx context.Context, path string) (*scanner, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, errs.New(errs.Invalid, "store file %s: %v; valid: the path of a Parley store file (parley serve --db FILE)", path, unwrapPathErr(err))
	case !info.Mode().IsRegular():
		return nil, errs.New(errs.Invalid, "store file %s is not a regular file; valid: the path of a Parley store file (parley serve --db FILE)", path)
	case info.Size() == 0:
		return nil, errs.New(errs.Invalid, "store file %s is empty: it holds no scenario (a store file is made by parley serve --db FILE)", path)
	}
	if err := refuseSQLite(path); err != nil {
		return nil, err
	}
	src := &Store{path: path}
	err = func() (err error) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() {
			if p := recover(); p != nil {
				err = errs.New(errs.Internal, "store file %s is damaged where bbolt opens it (%v): no record can be found without those pages; restore it from a backup", path, p)
			}
		}()
		src.db, err = bbolt.Open(path, 0o400, &bbolt.Options{ReadOnly: true, Timeout: LockTimeout})
		return err
	}()
	if err != nil {
		var e *errs.Error
		switch {
		case errors.Is(err, bberrors.ErrTimeout):
			return nil, errs.Wrap(errs.Internal, fmt.Errorf("store file %s: %w: a parley serve (or another process) has it open for writing, and it was still locked after %v; stop that server first",
				path, store.ErrBusy, LockTimeout))
		case errors.As(err, &e):
			return nil, err
		}
		if heads := headerPages(path); heads != "" {
			return nil, errs.New(errs.Internal, "store file %s is a bbolt database whose two header pages are both damaged (%s; bbolt: %v): they say where the records start, and neither check nor salvage can find one without them; restore the file from a backup, and keep this one as it is (its other pages are not changed)",
				path, heads, err)
		}
		return nil, errs.New(errs.Invalid, "store file %s cannot be opened by bbolt (%v): it is not a bbolt database (neither of its first two pages has bbolt's mark), and no record can be found in it; valid: a store file parley serve --db FILE wrote, or restore it from a backup",
			path, err)
	}
	return &scanner{src: src, rep: &Report{Path: path}, size: info.Size()}, nil
}

// bbolt's header (meta) page: a page header of 16 bytes, then the meta
// (its mark, the format version, the page size, flags, the root bucket,
// the free list, the page count, the transaction id) and the FNV-1a
// 64-bit sum of those 56 bytes, in the machine's byte order (bbolt
// writes its structs as they are in memory).
const (
	metaAt    = 16
	metaMagic = 0xED0CDAED
	metaSum   = 56
)

// headerPages describes the two header pages of the bbolt file at path
// that bbolt could not open, when either holds bbolt's mark ("" when
// neither does: not a bbolt file). Page 1 is looked for at each page
// size bbolt allows, as bbolt does.
func headerPages(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	buf := make([]byte, metaAt+metaSum+8)
	read := func(off int64) (string, bool) {
		if n, _ := f.ReadAt(buf, off); n < len(buf) {
			return "cut short", false
		}
		m := buf[metaAt:]
		if binary.NativeEndian.Uint32(m) != metaMagic {
			return "without bbolt's mark", false
		}
		h := fnv.New64a()
		h.Write(m[:metaSum])
		if h.Sum64() != binary.NativeEndian.Uint64(m[metaSum:]) {
			return "bbolt's mark, its checksum wrong", true
		}
		return "whole", true
	}
	p0, ok0 := read(0)
	p1, ok1 := "without bbolt's mark", false
	for size := int64(1024); size <= 16<<20; size *= 2 {
		if w, ok := read(size); ok {
			p1, ok1 = w, true
			break
		}
	}
	if !ok0 && !ok1 {
		return ""
	}
	return fmt.Sprintf("page 0 %s, page 1 %s", p0, p1)
}

// walk reads every record, as Check and Salvage do.
func (sc *scanner) walk(ctx context.Context) (*Report, error) {
	if err := sc.meta(); err != nil {
		return nil, err
	}
	ids, err := sc.gather()
	if err != nil {
		return nil, err
	}
	copied := map[string]int64{}
	for _, id := range slices.Sorted(maps.Keys(ids.scenarios)) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, err := sc.scenario(id, ids.scenarios[id])
		if err != nil {
			return nil, err
		}
		switch {
		case f.Promoted:
			copied[id] = f.Current
		case f.Current != 0:
			copied[id] = math.MaxInt64
		}
		if sc.at == nil {
			sc.at = map[string]int{}
		}
		sc.at[id] = len(sc.rep.Scenarios)
		sc.rep.Scenarios = append(sc.rep.Scenarios, f)
	}
	sc.count(ids)
	for _, id := range slices.Sorted(maps.Keys(ids.runs)) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := sc.run(id, ids.runs[id], copied); err != nil {
			return nil, err
		}
	}
	return sc.rep, nil
}

// unwrapPathErr is what the system said of a path, without the path
// (the message names it already).
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// meta checks the file's format and buckets, and its size against its
// pages.
func (sc *scanner) meta() error {
	var refuse error
	damage, err := sc.view(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			var names []string
			tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
				names = append(names, string(name))
				return nil
			})
			parley := false
			for _, n := range names {
				parley = parley || n == string(bucketScenarios)
			}
			if !parley {
				refuse = errs.New(errs.Invalid, "store file %s is a bbolt database but not a Parley store (it has no %q or %q bucket)", sc.src.path, bucketMeta, bucketScenarios)
				return nil
			}
			sc.problem(Problem{What: fmt.Sprintf("bucket %q (the format version, the count of ids) is missing; read as format %d", bucketMeta, Format)})
		} else if v, err := strconv.Atoi(string(meta.Get(keyFormat))); err != nil || v < 1 {
			sc.problem(Problem{What: fmt.Sprintf("its format version %q cannot be read; read as format %d", meta.Get(keyFormat), Format)})
		} else if v > Format {
			refuse = errs.New(errs.Invalid, "store file %s was written by a newer Parley build (store format %d; this build reads formats up to %d): check or salvage it with that build",
				sc.src.path, v, Format)
			return nil
		}
		for _, name := range buckets[1:] {
			if tx.Bucket(name) == nil {
				sc.problem(Problem{What: fmt.Sprintf("bucket %q is missing", name)})
			}
		}
		if sc.size < tx.Size() {
			sc.problem(Problem{What: fmt.Sprintf("the file is %d bytes, shorter than the %d its pages need (a copy cut short?): the records on the missing pages are lost", sc.size, tx.Size())})
		}
		return nil
	})
	if damage != "" {
		sc.problem(Problem{What: "the file's top-level pages: " + damage})
		sc.cut = true
	}
	if refuse != nil {
		return refuse
	}
	return err
}

// idKeys is every key that names a scenario id or a run id, by bucket,
// as the walks over the buckets found them.
type idKeys struct {
	// scenarios: id → what each bucket holds of it
	scenarios map[string]*scenarioKeys
	// runs: run id → what each bucket holds of it
	runs map[string]*runKeys
}

type scenarioKeys struct {
	record, body, sum bool
	index             []int64 // the times scenarios_by_updated lists it at
	versions          map[int64]bool
	versionBodies     map[int64]bool
}

type runKeys struct {
	record, result, sum bool
	byCreated           []int64
	byScenario          []string // "scenario id\x00created" pairs, as keys
}

func (k *idKeys) scenario(id string) *scenarioKeys {
	s := k.scenarios[id]
	if s == nil {
		s = &scenarioKeys{versions: map[int64]bool{}, versionBodies: map[int64]bool{}}
		k.scenarios[id] = s
	}
	return s
}

func (k *idKeys) run(id string) *runKeys {
	r := k.runs[id]
	if r == nil {
		r = &runKeys{}
		k.runs[id] = r
	}
	return r
}

// gather walks every bucket's keys, each walk in a transaction of its
// own: a walk that meets damage keeps the keys it saw before it, and the
// problem says the bucket could not be read past there.
func (sc *scanner) gather() (*idKeys, error) {
	ids := &idKeys{scenarios: map[string]*scenarioKeys{}, runs: map[string]*runKeys{}}
	walks := []struct {
		bucket []byte
		key    func(k []byte)
	}{
		{bucketScenarios, func(k []byte) { ids.scenario(string(k)).record = true }},
		{bucketBodies, func(k []byte) { ids.scenario(string(k)).body = true }},
		{bucketBodySums, func(k []byte) { ids.scenario(string(k)).sum = true }},
		{bucketScenariosByUpdated, func(k []byte) {
			t, id, ok := splitKey(k, 0)
			if !ok {
				sc.problem(Problem{What: fmt.Sprintf("list index key %x is too short to hold a time (rebuilt without it)", k)})
				return
			}
			s := ids.scenario(id)
			s.index = append(s.index, t)
		}},
		{bucketVersions, func(k []byte) { sc.versionKey(ids, k, false) }},
		{bucketVersionBodies, func(k []byte) { sc.versionKey(ids, k, true) }},
		{bucketRuns, func(k []byte) { ids.run(string(k)).record = true }},
		{bucketResults, func(k []byte) { ids.run(string(k)).result = true }},
		{bucketResultSums, func(k []byte) { ids.run(string(k)).sum = true }},
		{bucketRunsByCreated, func(k []byte) {
			t, id, ok := splitKey(k, 0)
			if !ok {
				sc.problem(Problem{What: fmt.Sprintf("run index key %x is too short to hold a time (rebuilt without it)", k)})
				return
			}
			r := ids.run(id)
			r.byCreated = append(r.byCreated, t)
		}},
		{bucketRunsByScenario, func(k []byte) {
			n, end, ok := keyID(k)
			var id string
			var t int64
			if ok {
				t, id, ok = splitKey(k, end)
			}
			if !ok {
				sc.problem(Problem{What: fmt.Sprintf("runs-by-scenario index key %x cannot be read (rebuilt without it)", k)})
				return
			}
			r := ids.run(id)
			r.byScenario = append(r.byScenario, string(k[n:end])+"\x00"+strconv.FormatInt(t, 10))
		}},
	}
	for _, w := range walks {
		var last []byte
		damage, err := sc.view(func(tx *bbolt.Tx) error {
			b := tx.Bucket(w.bucket)
			if b == nil {
				return nil
			}
			c := b.Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
				last = append(last[:0], k...)
				w.key(k)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if damage != "" {
			where := "from its first key"
			if last != nil {
				where = fmt.Sprintf("past key %x", last)
			}
			sc.problem(Problem{Lost: true, What: fmt.Sprintf("bucket %q cannot be read %s (%s): the records beyond are not seen", w.bucket, where, damage)})
			sc.cut = true
		}
	}
	return ids, nil
}

// versionKey records a versions or version_bodies key; one that names no
// scenario id, or no version, is a problem of its own: its record or
// file cannot be told whose it is.
func (sc *scanner) versionKey(ids *idKeys, k []byte, body bool) {
	what := "kept version"
	if body {
		what = "kept file"
	}
	n, end, ok := keyID(k)
	if !ok {
		sc.problem(Problem{Lost: true, What: fmt.Sprintf("%s key %x: its scenario id's length runs past the key's end, so it cannot be told whose it is", what, k)})
		sc.cut = true // the ids cannot all be counted
		return
	}
	id := string(k[n:end])
	v, ok := versionOf(k, end)
	if !ok || v < 1 {
		sc.problem(Problem{Scenario: id, Lost: true, What: fmt.Sprintf("%s key %x: no version number can be read from it", what, k)})
		return
	}
	s := ids.scenario(id)
	if body {
		s.versionBodies[v] = true
	} else {
		s.versions[v] = true
	}
}

// scenario reads scenario id's current version and kept versions, each
// in a transaction of its own, and hands the ones that read whole to the
// sink.
func (sc *scanner) scenario(id string, keys *scenarioKeys) (Found, error) {
	f := Found{ID: id}
	lost := func(version int64, what string, args ...any) {
		sc.problem(Problem{Scenario: id, Version: version, Lost: true, What: fmt.Sprintf(what, args...)})
	}
	fixed := func(what string, args ...any) {
		sc.problem(Problem{Scenario: id, What: fmt.Sprintf(what, args...)})
	}
	var r scenarioRec
	var body []byte
	var state string // "" whole, else what is wrong
	var hasRec bool
	currentLost := true
	k := []byte(id)
	damage, err := sc.view(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketScenarios)
		if b == nil {
			return nil
		}
		raw := b.Get(k)
		if raw == nil {
			return nil
		}
		hasRec = true
		var ok bool
		if r, ok = decodeScenario(raw); !ok {
			state = fmt.Sprintf("its record (version, name, format, times) cannot be read (%d bytes: %x)", len(raw), clip(raw))
			return nil
		}
		bodies := tx.Bucket(bucketBodies)
		if bodies == nil || !has(bodies, k) {
			state = fmt.Sprintf("its saved file (version %d) is missing", r.version)
			return nil
		}
		body = bytes.Clone(bodies.Get(k))
		var sum []byte
		if sums := tx.Bucket(bucketBodySums); sums != nil {
			sum = sums.Get(k)
		}
		if !checkBody(sum, r.version, body) {
			state = fmt.Sprintf("its saved file (version %d, %d bytes) does not match its checksum", r.version, len(body))
		}
		return nil
	})
	if err != nil {
		return f, err
	}
	switch {
	case damage != "":
		lost(0, "its current version cannot be read: %s", damage)
	case !hasRec && keys.record:
		lost(0, "its record is listed but cannot be read")
	case !hasRec && keys.body:
		lost(0, "its saved file has no record (version, name, format, times)")
	case !hasRec:
		currentLost = false // none: a deleted scenario, or none ever
	case state != "":
		lost(0, "%s", state)
	default:
		currentLost = false
		if sc.out != nil {
			if err := sc.out.scenario(id, r, body); err != nil {
				return f, err
			}
		}
		f.Current = r.version
		if !slices.Contains(keys.index, r.updated) {
			fixed("missing from the list index (rebuilt)")
		}
	}
	for _, t := range keys.index {
		// (a lost current version's keys go unsaid: its loss is)
		if (f.Current != 0 && t != r.updated) || (!hasRec && !keys.record && !keys.body) {
			fixed("the list index holds a key of it at %s that no record of it has (rebuilt without it)", time.Unix(0, t).UTC().Format(time.RFC3339Nano))
		}
	}
	if !hasRec && keys.sum && !keys.body {
		fixed("a checksum of a saved file that is not there (rebuilt without it)")
	}
	// Kept versions, oldest first.
	var vs []int64
	for v := range keys.versions {
		vs = append(vs, v)
	}
	for v := range keys.versionBodies {
		if !keys.versions[v] {
			lost(v, "its kept file has no record (name, format, times, checksum)")
		}
	}
	slices.Sort(vs)
	// A lost current version's place goes to the newest kept version
	// that reads whole: each one whole is held back until a newer one
	// reads whole, so the one left held is it (docs/DECISIONS.md).
	var held *keptVersion
	keep := func(k *keptVersion) error {
		if sc.out != nil {
			if err := sc.out.version(k.key, k.rec, k.body); err != nil {
				return err
			}
		}
		f.Kept = append(f.Kept, k.v)
		return nil
	}
	for _, v := range vs {
		key := versionKey(id, v)
		var rec, vbody []byte
		var vr versionRec
		var state string
		damage, err := sc.view(func(tx *bbolt.Tx) error {
			raw := tx.Bucket(bucketVersions).Get(key)
			var ok bool
			vr, ok = decodeVersion(raw)
			if !ok {
				state = fmt.Sprintf("its record cannot be read (%d bytes: %x)", len(raw), clip(raw))
				return nil
			}
			bodies := tx.Bucket(bucketVersionBodies)
			if bodies == nil || !has(bodies, key) {
				state = "its kept file is missing"
				return nil
			}
			vbody = bodies.Get(key)
			if uint64(len(vbody)) != vr.size || crc32.Checksum(vbody, castagnoli) != vr.sum {
				state = fmt.Sprintf("its kept file (%d bytes, %d recorded) does not match its checksum", len(vbody), vr.size)
				return nil
			}
			rec, vbody = bytes.Clone(raw), bytes.Clone(vbody)
			return nil
		})
		if err != nil {
			return f, err
		}
		switch {
		case damage != "":
			lost(v, "it cannot be read: %s", damage)
		case state != "":
			lost(v, "%s", state)
		case currentLost:
			if held != nil {
				if err := keep(held); err != nil {
					return f, err
				}
			}
			held = &keptVersion{v: v, key: key, rec: rec, body: vbody, r: vr}
		default:
			if err := keep(&keptVersion{v: v, key: key, rec: rec, body: vbody}); err != nil {
				return f, err
			}
		}
	}
	if held == nil {
		return f, nil
	}
	saved := time.Unix(0, held.r.saved).UTC().Format(time.RFC3339)
	if held.r.replacedBy == store.ReplacedByDelete {
		// The lost current version was made after a delete: the
		// version deleted stays deleted, restorable as any deleted one.
		fixed("current version lost; version %d (saved %s), the newest kept, was deleted and stays deleted (restore it to make it current)", held.v, saved)
		return f, keep(held)
	}
	cur := scenarioRec{version: held.v, name: held.r.name, format: held.r.format, created: held.r.created, updated: held.r.saved}
	if sc.out != nil {
		if err := sc.out.scenario(id, cur, held.body); err != nil {
			return f, err
		}
	}
	f.Current, f.Promoted = held.v, true
	sc.problem(Problem{Scenario: id, Promoted: true, What: fmt.Sprintf("current version lost; version %d (saved %s) made current", held.v, saved)})
	return f, nil
}

// keptVersion is a kept version that read whole: its number, key,
// record (as stored, and read) and file.
type keptVersion struct {
	v              int64
	key, rec, body []byte
	r              versionRec
}

// has reports whether b holds key k (an empty value too).
func has(b *bbolt.Bucket, k []byte) bool {
	got, _ := b.Cursor().Seek(k)
	return bytes.Equal(got, k)
}

// clip is the first bytes of a damaged value, for a problem's words.
func clip(b []byte) []byte { return b[:min(len(b), 16)] }

// count compares the count of held ids kept in meta, when it is
// current, with the ids the walks found: the stored scenarios and the
// deleted ones with kept versions.
func (sc *scanner) count(ids *idKeys) {
	held := 0
	for _, s := range ids.scenarios {
		if s.record || len(s.versions) > 0 {
			held++
		}
	}
	var n, by uint64
	var state string
	damage, err := sc.view(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return nil
		}
		b := meta.Get(keyHeld)
		var ok bool
		n, by, ok = decodeHeld(b)
		switch {
		case b == nil:
			state = "absent" // an earlier build's file: counted at open
		case !ok:
			state = "damaged"
		case by != uint64(tx.ID()):
			state = "stale" // another writer since: counted at open
		}
		return nil
	})
	switch {
	case err != nil || damage != "":
		sc.problem(Problem{What: "the count of held scenario ids cannot be read (rebuilt)"})
	case state == "damaged":
		sc.problem(Problem{What: "the count of held scenario ids does not match its checksum (rebuilt)"})
	case state == "" && !sc.cut && n != uint64(held):
		sc.problem(Problem{What: fmt.Sprintf("the count of held scenario ids says %d, and the file holds %d (rebuilt)", n, held)})
	}
}

// run reads run id, in a transaction of its own, and hands it to the
// sink when it reads whole and its scenario's current version was
// copied (a run goes with its scenario); when a kept version was made
// current (copied holds its number), only a run of it or of an earlier
// version goes with it.
func (sc *scanner) run(id string, keys *runKeys, copied map[string]int64) error {
	k := []byte(id)
	var r store.Run
	var rec, result []byte
	var state string
	damage, err := sc.view(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketRuns)
		var raw []byte
		if b != nil {
			raw = b.Get(k)
		}
		if raw == nil {
			if keys.result {
				state = "its result has no record (scenario, model, settings, times)"
			}
			return nil
		}
		var ok bool
		if r, ok = decodeRun(id, raw); !ok {
			state = fmt.Sprintf("its record cannot be read (%d bytes: %x)", len(raw), clip(raw))
			return nil
		}
		if res := tx.Bucket(bucketResults); res != nil {
			result = res.Get(k)
		}
		var sum []byte
		if sums := tx.Bucket(bucketResultSums); sums != nil {
			sum = sums.Get(k)
		}
		if len(result) > 0 && !checkResult(sum, raw, result) {
			state = fmt.Sprintf("its result (%d bytes) does not match its checksum", len(result))
			return nil
		}
		rec, result = bytes.Clone(raw), bytes.Clone(result)
		return nil
	})
	if err != nil {
		return err
	}
	p := Problem{Scenario: r.ScenarioID, Run: id, Lost: true}
	switch {
	case damage != "":
		p.What = "it cannot be read: " + damage
	case state != "":
		p.What = state
	case rec == nil:
		// index keys alone, of a run that is not there
		p.Lost, p.What = false, "index keys of a run that is not there (rebuilt without them)"
	case copied[r.ScenarioID] == 0:
		p.What = fmt.Sprintf("its scenario %q has no current version that reads whole, and a run goes with its scenario", r.ScenarioID)
	case r.ScenarioVersion > copied[r.ScenarioID]:
		p.What = fmt.Sprintf("it is of version %d of scenario %q, which was lost (version %d was made current)", r.ScenarioVersion, r.ScenarioID, copied[r.ScenarioID])
	default:
		if sc.out != nil {
			if err := sc.out.run(&r, rec, result); err != nil {
				return err
			}
		}
		if i, ok := sc.at[r.ScenarioID]; ok {
			sc.rep.Scenarios[i].Runs = append(sc.rep.Scenarios[i].Runs, id)
		}
		created := store.UnixNanos(r.Created)
		if !slices.Contains(keys.byCreated, created) || !slices.Contains(keys.byScenario, r.ScenarioID+"\x00"+strconv.FormatInt(created, 10)) {
			sc.problem(Problem{Scenario: r.ScenarioID, Run: id, What: "missing from a run index (rebuilt)"})
		}
		return nil
	}
	sc.problem(p)
	return nil
}

// copier writes the records a scan found whole into the new store, in
// transactions of up to copyBatch bytes (unsynced; finish syncs).
type copier struct {
	s       *Store
	tx      *bbolt.Tx
	pending int
	noSync  bool // salvageOptions.noSync
}

const copyBatch = 32 << 20

func (c *copier) put(size int, fn func(tx *bbolt.Tx) error) error {
	if c.tx == nil {
		tx, err := c.s.db.Begin(true)
		if err != nil {
			return c.s.internal("salvage", err)
		}
		c.tx = tx
	}
	if err := fn(c.tx); err != nil {
		c.tx.Rollback()
		c.tx = nil
		return c.s.internal("salvage", err)
	}
	if c.pending += size; c.pending >= copyBatch {
		return c.commit()
	}
	return nil
}

func (c *copier) commit() error {
	if c.tx == nil {
		return nil
	}
	err := c.tx.Commit()
	c.tx, c.pending = nil, 0
	return c.s.internal("salvage", err)
}

func (c *copier) scenario(id string, r scenarioRec, body []byte) error {
	return c.put(len(body), func(tx *bbolt.Tx) error { return putScenario(tx, id, r, body) })
}

func (c *copier) version(key, rec, body []byte) error {
	return c.put(len(body), func(tx *bbolt.Tx) error {
		recs, bodies, err := historyBuckets(tx)
		if err != nil {
			return err
		}
		if err := recs.Put(key, rec); err != nil {
			return err
		}
		return bodies.Put(key, body)
	})
}

func (c *copier) run(r *store.Run, rec, result []byte) error {
	return c.put(len(result), func(tx *bbolt.Tx) error {
		return putRun(tx, r, store.UnixNanos(r.Created), rec, result)
	})
}

// finish commits the last batch, counts the held ids and stamps the
// count (so the new file opens without a recount), and syncs the file.
func (c *copier) finish() error {
	err := c.put(0, func(tx *bbolt.Tx) error {
		n, err := c.s.heldIDs(tx)
		if err != nil {
			return err
		}
		return putHeld(tx, n)
	})
	if err == nil {
		err = c.commit()
	}
	if err == nil && !c.noSync {
		err = c.s.internal("salvage", c.s.db.Sync())
	}
	return err
}
