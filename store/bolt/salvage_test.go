package bolt

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"parley/errs"
	"parley/store"
)

const keepAll = 100

// salvageFixture makes a store file at p: "a" saved three times (version
// 3, versions 1 and 2 kept), "b" once, "c" twice (version 2, 1 kept),
// "d" saved twice and deleted (versions 1 and 2 kept); run r1 of a and
// r2 of c, each with a result.
func salvageFixture(t testing.TB, p string) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	save := func(id string, n int) {
		sc := &store.Scenario{ID: id, Name: "Case " + id, Format: "yaml", Body: fmt.Appendf(nil, "# %s 1\nid: %s\n", id, id)}
		if err := s.CreateScenario(ctx, sc, 0); err != nil {
			t.Fatal(err)
		}
		for i := 2; i <= n; i++ {
			sc.Body = fmt.Appendf(nil, "# %s %d\nid: %s\n", id, i, id)
			sc.Name = fmt.Sprintf("Case %s v%d", id, i)
			if err := s.UpdateScenario(ctx, sc, keepAll); err != nil {
				t.Fatal(err)
			}
		}
	}
	save("a", 3)
	save("b", 1)
	save("c", 2)
	save("d", 2)
	if err := s.DeleteScenario(ctx, "d", 2, keepAll); err != nil {
		t.Fatal(err)
	}
	for _, r := range []*store.Run{
		{ID: "r1", ScenarioID: "a", ScenarioVersion: 3, Kind: store.Forecast, Model: "compromise", Status: store.Done, Progress: 1, Result: []byte(`{"forecast":42.5}`)},
		{ID: "r2", ScenarioID: "c", ScenarioVersion: 2, Kind: store.Sweep, Model: "bdm", Status: store.Done, Progress: 1, Result: []byte(`{"p":[0.25,0.75]}`)},
	} {
		if err := s.CreateRun(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
}

// dump is what a store file holds, read through the Store as a server
// reads it: each version of scenarios a–d (current and kept, with its
// file) and each run (with its result), keyed "a/3", "run/r1".
func dump(t testing.TB, p string, more ...string) map[string]string {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatalf("open %s: %v", p, err)
	}
	defer s.Close()
	out := map[string]string{}
	for _, id := range append([]string{"a", "b", "c", "d"}, more...) {
		vs, err := s.ListVersions(ctx, id)
		if errs.CodeOf(err) == errs.NotFound {
			continue
		}
		if err != nil {
			t.Fatalf("versions of %s: %v", id, err)
		}
		for _, v := range vs {
			full, err := s.GetVersion(ctx, id, v.Version)
			if err != nil {
				t.Fatalf("version %d of %s: %v", v.Version, id, err)
			}
			out[fmt.Sprintf("%s/%d", id, v.Version)] = fmt.Sprintf("%+v %q", *full, full.Body)
		}
	}
	runs, err := s.ListRuns(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		full, err := s.GetRun(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		out["run/"+r.ID] = fmt.Sprintf("%+v %s", *full, full.Result)
	}
	return out
}

// editRaw changes the store file at p as a damaged disk or another
// program would, through bbolt itself.
func editRaw(t testing.TB, p string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.NoSync = true // read back by this process only
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func fileSum(t testing.TB, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestCheckAndSalvage damages a store file the ways the store's own
// records can be damaged, one way at a time, and checks exactly which
// problems Check reports and which versions and runs Salvage copies:
// the new file opens, holds what the damaged one held but the records
// reported lost, to the byte (times, names, files, results), has its
// count right, and checks sound; the damaged file is never written to.
func TestCheckAndSalvage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig.db")
	salvageFixture(t, orig)
	want := dump(t, orig)
	if len(want) != 10 {
		t.Fatalf("the fixture holds %d versions and runs, want 10: %v", len(want), slices.Sorted(maps.Keys(want)))
	}
	cases := []struct {
		name   string
		damage func(tx *bbolt.Tx) error
		// problems: Check's, as Problem.String with " (lost)" after each
		// one lost
		problems []string
		lost     []string // dump keys not copied
		promoted []string // dump keys of kept versions made current
		openErr  string   // Open's error on the damaged file ("": opens)
	}{
		{
			name: "a kept version's key whose id length runs past its end, the count unknown (the recount fails)",
			damage: func(tx *bbolt.Tx) error {
				if err := tx.Bucket(bucketMeta).Delete(keyHeld); err != nil {
					return err
				}
				return tx.Bucket(bucketVersions).Put([]byte{0x7f}, []byte("x"))
			},
			problems: []string{"kept version key 7f: its scenario id's length runs past the key's end, so it cannot be told whose it is (lost)"},
			openErr:  "counting them failed: store file " + "DAMAGED" + " is damaged: kept version key 7f; the file was left untouched: restore it from a backup, or, with no server holding it, run parley db check DAMAGED (what is damaged) and parley db salvage DAMAGED NEW",
		},
		{
			name: "a scenario's record cut short",
			damage: func(tx *bbolt.Tx) error {
				b := tx.Bucket(bucketScenarios)
				rec := bytes.Clone(b.Get([]byte("b")))
				return b.Put([]byte("b"), rec[:len(rec)-3])
			},
			problems: []string{`scenario "b": its record (version, name, format, times) cannot be read (` + recPrefix(t, orig, "b", 3) + `) (lost)`},
			lost:     []string{"b/1"},
		},
		{
			name: "a byte of a current file changed: its runs go with it",
			damage: func(tx *bbolt.Tx) error {
				b := tx.Bucket(bucketBodies)
				body := bytes.Clone(b.Get([]byte("c")))
				body[2] = 'C'
				return b.Put([]byte("c"), body)
			},
			problems: []string{
				`scenario "c": its saved file (version 2, 12 bytes) does not match its checksum (lost)`,
				`scenario "c": current version lost; version 1 (saved ` + savedAt(t, orig, "c", 1) + `) made current`,
				`run "r2": it is of version 2 of scenario "c", which was lost (version 1 was made current) (lost)`,
			},
			lost:     []string{"c/2", "run/r2"},
			promoted: []string{"c/1"},
		},
		{
			name: "a kept file cut short",
			damage: func(tx *bbolt.Tx) error {
				b := tx.Bucket(bucketVersionBodies)
				k := versionKey("a", 1)
				return b.Put(k, bytes.Clone(b.Get(k))[:5])
			},
			problems: []string{`scenario "a" version 1 (kept): its kept file (5 bytes, 12 recorded) does not match its checksum (lost)`},
			lost:     []string{"a/1"},
		},
		{
			name: "a kept version's record missing, its file left",
			damage: func(tx *bbolt.Tx) error {
				return tx.Bucket(bucketVersions).Delete(versionKey("d", 1))
			},
			problems: []string{`scenario "d" version 1 (kept): its kept file has no record (name, format, times, checksum) (lost)`},
			lost:     []string{"d/1"},
		},
		{
			name: "a digit of a result changed",
			damage: func(tx *bbolt.Tx) error {
				return tx.Bucket(bucketResults).Put([]byte("r1"), []byte(`{"forecast":42.6}`))
			},
			problems: []string{`run "r1": its result (17 bytes) does not match its checksum (lost)`},
			lost:     []string{"run/r1"},
		},
		{
			name: "the count of ids stamped current but wrong",
			damage: func(tx *bbolt.Tx) error {
				return tx.Bucket(bucketMeta).Put(keyHeld, encodeHeld(7, tx.ID()))
			},
			problems: []string{"the count of held scenario ids says 7, and the file holds 4 (rebuilt)"},
		},
		{
			name: "the count's bytes damaged",
			damage: func(tx *bbolt.Tx) error {
				v := bytes.Clone(tx.Bucket(bucketMeta).Get(keyHeld))
				v[7] ^= 1
				return tx.Bucket(bucketMeta).Put(keyHeld, v)
			},
			problems: []string{"the count of held scenario ids does not match its checksum (rebuilt)"},
		},
		{
			name: "a list index key missing, another left behind",
			damage: func(tx *bbolt.Tx) error {
				b := tx.Bucket(bucketScenariosByUpdated)
				c := b.Cursor()
				for k, _ := c.First(); k != nil; k, _ = c.Next() {
					if _, id, _ := splitKey(k, 0); id == "b" {
						if err := b.Delete(bytes.Clone(k)); err != nil {
							return err
						}
						break
					}
				}
				return b.Put(timeKey(5, "a"), nil)
			},
			problems: []string{
				`scenario "a": the list index holds a key of it at 1970-01-01T00:00:00.000000005Z that no record of it has (rebuilt without it)`,
				`scenario "b": missing from the list index (rebuilt)`,
			},
		},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, fmt.Sprintf("damaged%d.db", i))
			data, err := os.ReadFile(orig)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o600); err != nil {
				t.Fatal(err)
			}
			editRaw(t, p, c.damage)
			before := fileSum(t, p)

			rep, err := Check(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, pr := range rep.Problems {
				s := pr.String()
				if pr.Lost {
					s += " (lost)"
				} else if !pr.Promoted && !strings.HasSuffix(s, ")") {
					t.Errorf("problem %q is not lost and does not say what becomes of it", s)
				}
				got = append(got, s)
			}
			if !slices.Equal(got, c.problems) {
				t.Errorf("check's problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(c.problems, "\n  "))
			}

			if c.openErr != "" {
				s, err := Open(ctx, p)
				if err == nil {
					s.Close()
					t.Fatal("the damaged file opened")
				}
				if w := strings.ReplaceAll(c.openErr, "DAMAGED", p); !strings.Contains(err.Error(), w) {
					t.Fatalf("open: %v\nwant it to hold: %s", err, w)
				}
			}

			out := filepath.Join(dir, fmt.Sprintf("salvaged%d.db", i))
			srep, err := Salvage(ctx, p, out)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(problemStrings(srep.Problems), problemStrings(rep.Problems)) {
				t.Errorf("salvage's problems %q differ from check's %q", problemStrings(srep.Problems), problemStrings(rep.Problems))
			}
			if fileSum(t, p) != before {
				t.Fatal("check or salvage wrote to the damaged file")
			}
			expect := maps.Clone(want)
			for _, k := range c.lost {
				if _, ok := expect[k]; !ok {
					t.Fatalf("lost %q is not in the fixture", k)
				}
				delete(expect, k)
			}
			for _, k := range c.promoted {
				id, v, _ := strings.Cut(k, "/")
				n, _ := strconv.ParseInt(v, 10, 64)
				expect[k] = asCurrent(t, orig, id, n)
			}
			if got := dump(t, out); !maps.Equal(got, expect) {
				for k := range want {
					if got[k] != expect[k] {
						t.Errorf("%s in the salvaged file:\n  %s\nwant:\n  %s", k, got[k], expect[k])
					}
				}
			}
			// What the report says it copied is what the new file holds.
			var copied []string
			for _, f := range srep.Scenarios {
				if f.Current != 0 {
					copied = append(copied, fmt.Sprintf("%s/%d", f.ID, f.Current))
				}
				for _, v := range f.Kept {
					copied = append(copied, fmt.Sprintf("%s/%d", f.ID, v))
				}
				for _, r := range f.Runs {
					copied = append(copied, "run/"+r)
				}
			}
			if slices.Sort(copied); !slices.Equal(copied, slices.Sorted(maps.Keys(expect))) {
				t.Errorf("the report copied %v; the file holds %v", copied, slices.Sorted(maps.Keys(expect)))
			}
			// The new file is sound, its count known and right.
			if nrep, err := Check(ctx, out); err != nil || !nrep.Sound() {
				t.Fatalf("check of the salvaged file: %v %q", err, problemStrings(nrep.Problems))
			}
			s, err := Open(ctx, out)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			held := 4
			if slices.Contains(c.lost, "b/1") {
				held = 3
			}
			wantHeld(t, s, held, "the salvaged file")
			// Never over a file that is there.
			if _, err := Salvage(ctx, p, out); !errors.Is(err, fs.ErrExist) {
				t.Fatalf("salvage over an existing file: %v; want fs.ErrExist", err)
			}
		})
	}
}

// recPrefix is the problem's words for scenario id's record cut by n
// bytes: its length and first bytes.
func recPrefix(t *testing.T, p, id string, n int) string {
	t.Helper()
	var s string
	db, err := bbolt.Open(p, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bbolt.Tx) error {
		rec := tx.Bucket(bucketScenarios).Get([]byte(id))
		rec = rec[:len(rec)-n]
		s = fmt.Sprintf("%d bytes: %x", len(rec), clip(rec))
		return nil
	})
	return s
}

// asCurrent is dump's words for kept version v of scenario id in the
// store file at p, made current: a current version's fields.
func asCurrent(t testing.TB, p, id string, v int64) string {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	full, err := s.GetVersion(ctx, id, v)
	if err != nil {
		t.Fatal(err)
	}
	full.Current, full.Replaced, full.ReplacedBy, full.Restored = true, time.Time{}, "", 0
	return fmt.Sprintf("%+v %q", *full, full.Body)
}

// savedAt is when kept version v of scenario id in the store file at p
// was saved, as salvage's report words it.
func savedAt(t testing.TB, p, id string, v int64) string {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	full, err := s.GetVersion(ctx, id, v)
	if err != nil {
		t.Fatal(err)
	}
	return full.Saved.UTC().Format(time.RFC3339)
}

func problemStrings(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// TestCheckSound: an undamaged file is sound, every version and run
// found; a salvage of it holds the same.
func TestCheckSound(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "s.db")
	salvageFixture(t, p)
	rep, err := Check(ctx, p)
	if err != nil || !rep.Sound() {
		t.Fatalf("check: %v %q", err, problemStrings(rep.Problems))
	}
	cur, kept, runs := rep.Counts()
	if cur != 3 || kept != 5 || runs != 2 || len(rep.Scenarios) != 4 {
		t.Fatalf("found %d current, %d kept, %d runs of %d ids; want 3, 5, 2 of 4", cur, kept, runs, len(rep.Scenarios))
	}
	out := filepath.Join(t.TempDir(), "new.db")
	if _, err := Salvage(ctx, p, out); err != nil {
		t.Fatal(err)
	}
	if a, b := dump(t, p), dump(t, out); !maps.Equal(a, b) {
		t.Fatalf("salvaged %v\nwant %v", b, a)
	}
}

// TestCheckRefuses: what is not a store file is an error naming it, and
// no new file is made.
func TestCheckRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	notDB := filepath.Join(dir, "text.db")
	os.WriteFile(notDB, bytes.Repeat([]byte("not a database\n"), 1000), 0o600)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	for _, c := range []struct{ path, want string }{
		{filepath.Join(dir, "absent.db"), "no such file or directory; valid: the path of a Parley store file"},
		{empty, "is empty"},
		{notDB, "cannot be opened by bbolt"},
		{dir, "is not a regular file"},
	} {
		if _, err := Check(ctx, c.path); err == nil || !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("check %s: %v; want an error naming it and saying %q", c.path, err, c.want)
		}
		out := filepath.Join(dir, "out.db")
		if _, err := Salvage(ctx, c.path, out); err == nil {
			t.Errorf("salvage %s: no error", c.path)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("salvage of %s made a new file", c.path)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "absent.db")); err == nil {
		t.Fatal("check created the file it was to read")
	}
}

// TestSalvageDamagedPages damages one page of a store file at a time
// (every page after bbolt's two meta pages, overwritten with noise) and
// salvages it: no call may panic or fail; the new file opens and checks
// sound; every version and run in it is the original's to the byte; and
// every one it lacks is accounted for by a problem reported lost (of its
// scenario or run, or of a bucket read only in part).
func TestSalvageDamagedPages(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig.db")
	salvageFixture(t, orig)
	s, err := Open(ctx, orig)
	if err != nil {
		t.Fatal(err)
	}
	// bodies over a page each, so the buckets span several pages
	for i := range 12 {
		sc := &store.Scenario{ID: fmt.Sprintf("e%02d", i), Format: "yaml", Body: bytes.Repeat(fmt.Appendf(nil, "x%d: 1\n", i), 900)}
		if err := s.CreateScenario(ctx, sc, 0); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	var more []string
	for i := range 12 {
		more = append(more, fmt.Sprintf("e%02d", i))
	}
	want := dump(t, orig, more...)
	full, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	ps := os.Getpagesize()
	rng := rand.New(rand.NewPCG(17, 4))
	lostAny := 0
	for page := 2; page < len(full)/ps; page++ {
		dam := bytes.Clone(full)
		for i := page * ps; i < (page+1)*ps; i++ {
			dam[i] = byte(rng.UintN(256))
		}
		p := filepath.Join(dir, fmt.Sprint(page, ".db"))
		if err := os.WriteFile(p, dam, 0o600); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, fmt.Sprint(page, ".new.db"))
		rep, err := Salvage(ctx, p, out)
		if err != nil {
			t.Fatalf("page %d damaged: salvage: %v", page, err)
		}
		if !bytes.Equal(dam, mustRead(t, p)) {
			t.Fatalf("page %d damaged: salvage wrote to the damaged file", page)
		}
		if nrep, err := Check(ctx, out); err != nil || !nrep.Sound() {
			t.Fatalf("page %d damaged: the salvaged file: %v %q", page, err, problemStrings(nrep.Problems))
		}
		got := dump(t, out, more...)
		expect := want
		for _, f := range rep.Scenarios {
			if f.Promoted {
				if expect = maps.Clone(expect); expect[fmt.Sprintf("%s/%d", f.ID, f.Current)] == "" {
					t.Fatalf("page %d damaged: %s/%d made current is not in the original", page, f.ID, f.Current)
				}
				expect[fmt.Sprintf("%s/%d", f.ID, f.Current)] = asCurrent(t, orig, f.ID, f.Current)
			}
		}
		cut := false
		lost := map[string]bool{}
		for _, pr := range rep.Lost() {
			cut = cut || (pr.Scenario == "" && pr.Run == "")
			lost[pr.Scenario] = true
			lost["run/"+pr.Run] = true
		}
		for k, v := range expect {
			id, _, _ := strings.Cut(k, "/")
			switch {
			case got[k] == v:
			case got[k] != "":
				t.Errorf("page %d damaged: %s salvaged as\n  %s\nwant\n  %s", page, k, got[k], v)
			case !cut && !lost[id] && !lost[k]:
				t.Errorf("page %d damaged: %s not copied, and no problem says it was lost: %q", page, k, problemStrings(rep.Problems))
			default:
				lostAny++
			}
		}
	}
	if lostAny == 0 {
		t.Error("no damaged page lost anything: the test damaged nothing that mattered")
	}
	t.Logf("%d pages damaged one at a time, %d versions and runs lost in all", len(full)/ps-2, lostAny)
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSalvagePromotesNewestKept damages exactly the current version's
// record of scenario "a" (version 3; versions 1 and 2 kept): salvage makes
// the newest kept version, 2, the current one and says so by id, so the
// new file opens through the Store with "a" at version 2 (its name, file
// and times as version 2 saved them) and version 1 kept. Run r1, of the
// version lost, is lost with it. A deleted scenario ("d") stays deleted.
func TestSalvagePromotesNewestKept(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	p := filepath.Join(dir, "damaged.db")
	salvageFixture(t, p)
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	v2, err := s.GetVersion(ctx, "a", 2)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	editRaw(t, p, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketScenarios).Put([]byte("a"), []byte{0xff, 0xff, 0xff})
	})
	out := filepath.Join(dir, "new.db")
	rep, err := Salvage(ctx, p, out)
	if err != nil {
		t.Fatal(err)
	}
	saved := v2.Saved.UTC().Format(time.RFC3339)
	want := []string{
		`scenario "a": its record (version, name, format, times) cannot be read (3 bytes: ffffff) (lost)`,
		`scenario "a": current version lost; version 2 (saved ` + saved + `) made current`,
		`run "r1": it is of version 3 of scenario "a", which was lost (version 2 was made current) (lost)`,
	}
	var got []string
	for _, pr := range rep.Problems {
		s := pr.String()
		if pr.Lost {
			s += " (lost)"
		}
		got = append(got, s)
	}
	if !slices.Equal(got, want) {
		t.Errorf("salvage's problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if f := rep.Scenarios[0]; f.ID != "a" || f.Current != 2 || !slices.Equal(f.Kept, []int64{1}) || len(f.Runs) != 0 {
		t.Errorf("report of a: %+v; want current 2, kept [1], no runs", f)
	}
	if f := rep.Scenarios[3]; f.ID != "d" || f.Current != 0 || !slices.Equal(f.Kept, []int64{1, 2}) {
		t.Errorf("report of d: %+v; want no current, kept [1 2]", f)
	}
	if chk, err := Check(ctx, p); err != nil || !slices.Equal(problemStrings(chk.Problems), problemStrings(rep.Problems)) {
		t.Errorf("check's problems %q (%v) differ from salvage's", problemStrings(chk.Problems), err)
	}
	if nrep, err := Check(ctx, out); err != nil || !nrep.Sound() {
		t.Fatalf("check of the salvaged file: %v %v", err, nrep)
	}
	n, err := Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	sc, err := n.GetScenario(ctx, "a")
	if err != nil {
		t.Fatalf("the salvaged file has no current version of a: %v", err)
	}
	if sc.Version != 2 || sc.Name != "Case a v2" || string(sc.Body) != "# a 2\nid: a\n" || !sc.Updated.Equal(v2.Saved) || !sc.Created.Equal(v2.Created) {
		t.Errorf("a in the salvaged file: version %d %q %q updated %v created %v; want version 2 %q %q %v %v",
			sc.Version, sc.Name, sc.Body, sc.Updated, sc.Created, v2.Name, v2.Body, v2.Saved, v2.Created)
	}
	vs, err := n.ListVersions(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Version != 2 || !vs[0].Current || vs[1].Version != 1 || vs[1].Current {
		t.Errorf("versions of a: %+v; want 2 (current), 1 (kept)", vs)
	}
	del, err := n.ListDeleted(ctx)
	if err != nil || len(del) != 1 || del[0].ID != "d" || del[0].Version.Version != 2 {
		t.Errorf("deleted in the salvaged file: %+v %v; want d at version 2", del, err)
	}
	if list, err := n.ListScenarios(ctx); err != nil || len(list) != 3 {
		t.Errorf("the salvaged file lists %d scenarios (%v); want a, b, c", len(list), err)
	}
	wantHeld(t, n, 4, "the salvaged file")
}

// TestSalvageKeepsDeletedDeleted: "d" (deleted at version 2) created
// again as version 3, whose record is then damaged: the newest kept
// version was replaced by a delete, so salvage leaves it deleted, and
// says so, rather than bring back what the user deleted.
func TestSalvageKeepsDeletedDeleted(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	p := filepath.Join(dir, "damaged.db")
	salvageFixture(t, p)
	s, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateScenario(ctx, &store.Scenario{ID: "d", Format: "yaml", Body: []byte("id: d\n")}, 0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	saved := savedAt(t, p, "d", 2)
	editRaw(t, p, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketScenarios).Put([]byte("d"), []byte{0xff})
	})
	rep, err := Salvage(ctx, p, filepath.Join(dir, "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`scenario "d": its record (version, name, format, times) cannot be read (1 bytes: ff)`,
		`scenario "d": current version lost; version 2 (saved ` + saved + `), the newest kept, was deleted and stays deleted (restore it to make it current)`,
	}
	if got := problemStrings(rep.Problems); !slices.Equal(got, want) {
		t.Errorf("salvage's problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if f := rep.Scenarios[3]; f.ID != "d" || f.Current != 0 || f.Promoted || !slices.Equal(f.Kept, []int64{1, 2}) {
		t.Errorf("report of d: %+v; want no current, kept [1 2]", f)
	}
	if got := dump(t, filepath.Join(dir, "new.db")); got["d/2"] == "" || got["d/3"] != "" || got["a/3"] == "" {
		t.Errorf("the salvaged file holds %v; want d/1 and d/2 kept, no d/3", slices.Sorted(maps.Keys(got)))
	}
}

// TestSalvageBothHeadersDamaged: a store file whose two header pages
// are both damaged (a byte of each one's transaction id changed, so its
// checksum fails) is refused by check and salvage with the words of
// what was found in each and what to do; no new file is made.
func TestSalvageBothHeadersDamaged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	p := filepath.Join(dir, "damaged.db")
	salvageFixture(t, p)
	data := mustRead(t, p)
	ps := os.Getpagesize()
	for _, page := range []int{0, 1} {
		data[page*ps+metaAt+48] ^= 0x40 // the transaction id
	}
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	want := "store file " + p + " is a bbolt database whose two header pages are both damaged (page 0 bbolt's mark, its checksum wrong, page 1 bbolt's mark, its checksum wrong; bbolt: checksum error): " +
		"they say where the records start, and neither check nor salvage can find one without them; restore the file from a backup, and keep this one as it is (its other pages are not changed)"
	if _, err := Check(ctx, p); err == nil || err.Error() != want {
		t.Errorf("check: %v\nwant: %s", err, want)
	}
	out := filepath.Join(dir, "new.db")
	if _, err := Salvage(ctx, p, out); err == nil || err.Error() != want {
		t.Errorf("salvage: %v\nwant: %s", err, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("salvage made a new file")
	}
}
