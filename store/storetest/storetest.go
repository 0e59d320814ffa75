// Package storetest is the test suite every store.Store implementation
// passes: store/bolt and store/postgres run the same cases, so the two
// behave alike down to the error codes.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/errs"
	"parley/store"
)

// Open returns an empty store for one test; the suite closes it.
type Open func(t *testing.T) store.Store

// Run runs every case against stores made by open.
func Run(t *testing.T, open Open) {
	cases := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"ScenarioRoundTrip", scenarioRoundTrip},
		{"ListNewestFirstWithoutBody", listScenarios},
		{"UpdateBumpsVersion", updateBumpsVersion},
		{"StaleUpdateIsConflict", staleUpdate},
		{"ConcurrentUpdatesOneWins", concurrentUpdates},
		{"MissingIsNotFound", missing},
		{"DuplicateIDIsConflict", duplicateID},
		{"FileIDsKeptAsGiven", fileIDs},
		{"BadBodyIsInvalid", badBody},
		{"DeleteTakesRuns", deleteTakesRuns},
		{"StaleDeleteIsConflict", staleDelete},
		{"RunRoundTrip", runRoundTrip},
		{"RunForMissingScenario", runMissingScenario},
		{"ListRunsByScenario", listRuns},
		{"PruneRunsKeepsNewestAndUnfinished", pruneRuns},
		{"HistoryKeepsReplacedVersions", historyKeeps},
		{"HistoryKeepsNewestN", historyTrims},
		{"HistoryOnlyWithItsWrite", historyTransactional},
		{"DeleteKeepsHistory", deleteKeepsHistory},
		{"RestoreIsANewVersion", restoreVersion},
		{"CreateAtDeletedIDGoesOn", createAtDeleted},
		{"PurgeDeletesAHistoryForGood", purgeDeleted},
		{"PurgeAndCreateAtOnce", purgeAndCreate},
		{"ScenariosBounded", scenariosBounded},
		{"ScenariosBoundedAtOnce", scenariosBoundedAtOnce},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			c.fn(t, s)
		})
	}
}

var ctx = context.Background()

// keep is the history most cases keep: more versions than they make.
const keep = 100

func wantCode(t *testing.T, err error, code errs.Code) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %s", code)
	}
	if got := errs.CodeOf(err); got != code {
		t.Fatalf("got %s (%v), want %s", got, err, code)
	}
}

const body = "metadata:\n  id: demo # a comment kept verbatim\n  title: Démo – ü\n"

func create(t *testing.T, s store.Store, name string) *store.Scenario {
	t.Helper()
	sc := &store.Scenario{Name: name, Format: "yaml", Body: []byte(body + "# " + name + "\n")}
	if err := s.CreateScenario(ctx, sc, 0); err != nil {
		t.Fatal(err)
	}
	return sc
}

func scenarioRoundTrip(t *testing.T, s store.Store) {
	sc := create(t, s, "one")
	if sc.ID == "" || sc.Version != 1 || sc.Created.IsZero() || !sc.Created.Equal(sc.Updated) {
		t.Fatalf("created %+v: want an id, version 1 and created = updated", sc)
	}
	got, err := s.GetScenario(ctx, sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != sc.ID || got.Version != 1 || got.Name != "one" || got.Format != "yaml" || string(got.Body) != string(sc.Body) {
		t.Fatalf("got %+v body %q, want %+v body %q", got, got.Body, sc, sc.Body)
	}
	if !got.Created.Equal(sc.Created) || !got.Updated.Equal(sc.Updated) {
		t.Fatalf("times %v %v, want %v %v", got.Created, got.Updated, sc.Created, sc.Updated)
	}
	if v, u, err := s.ScenarioVersion(ctx, sc.ID); err != nil || v != 1 || !u.Equal(sc.Updated) {
		t.Fatalf("ScenarioVersion: %d %v %v", v, u, err)
	}
	named := &store.Scenario{ID: "chosen-id", Name: "two", Format: "json", Body: []byte(`{"a":1}`)}
	if err := s.CreateScenario(ctx, named, 0); err != nil {
		t.Fatal(err)
	}
	if got, err := s.GetScenario(ctx, "chosen-id"); err != nil || string(got.Body) != `{"a":1}` || got.Format != "json" {
		t.Fatalf("got %+v, %v", got, err)
	}
}

func listScenarios(t *testing.T, s store.Store) {
	if l, err := s.ListScenarios(ctx); err != nil || len(l) != 0 {
		t.Fatalf("empty store lists %v, %v", l, err)
	}
	a := create(t, s, "a")
	time.Sleep(2 * time.Millisecond)
	b := create(t, s, "b")
	time.Sleep(2 * time.Millisecond)
	a.Name = "a2"
	if err := s.UpdateScenario(ctx, a, keep); err != nil {
		t.Fatal(err)
	}
	l, err := s.ListScenarios(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(l) != 2 || l[0].ID != a.ID || l[0].Name != "a2" || l[0].Version != 2 || l[1].ID != b.ID {
		t.Fatalf("list %+v: want a2 (v2) then b", l)
	}
	for _, sc := range l {
		if sc.Body != nil {
			t.Fatalf("list returned a body for %s", sc.ID)
		}
	}
}

func updateBumpsVersion(t *testing.T, s store.Store) {
	sc := create(t, s, "x")
	for want := int64(2); want <= 4; want++ {
		sc.Body = fmt.Appendf(nil, "v: %d\n", want)
		if err := s.UpdateScenario(ctx, sc, keep); err != nil {
			t.Fatal(err)
		}
		if sc.Version != want {
			t.Fatalf("version %d, want %d", sc.Version, want)
		}
	}
	got, err := s.GetScenario(ctx, sc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v, u, err := s.ScenarioVersion(ctx, sc.ID); err != nil || v != 4 || !u.Equal(sc.Updated) {
		t.Fatalf("ScenarioVersion after updates: %d %v %v, want 4 %v", v, u, err, sc.Updated)
	}
	if got.Version != 4 || string(got.Body) != "v: 4\n" || !got.Updated.After(got.Created) && !got.Updated.Equal(got.Created) {
		t.Fatalf("got %+v %q", got, got.Body)
	}
}

func staleUpdate(t *testing.T, s store.Store) {
	sc := create(t, s, "x")
	mine := *sc
	theirs := *sc
	theirs.Body = []byte("theirs: 1\n")
	if err := s.UpdateScenario(ctx, &theirs, keep); err != nil {
		t.Fatal(err)
	}
	mine.Body = []byte("mine: 1\n")
	wantCode(t, s.UpdateScenario(ctx, &mine, keep), errs.Conflict)
	if mine.Version != 1 {
		t.Fatalf("a failed update changed the version to %d", mine.Version)
	}
	got, _ := s.GetScenario(ctx, sc.ID)
	if string(got.Body) != "theirs: 1\n" || got.Version != 2 {
		t.Fatalf("stale update overwrote: %+v %q", got, got.Body)
	}
}

func concurrentUpdates(t *testing.T, s store.Store) {
	sc := create(t, s, "x")
	const n = 8
	var wg sync.WaitGroup
	results := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := *sc
			mine.Body = fmt.Appendf(nil, "writer: %d\n", i)
			results[i] = s.UpdateScenario(ctx, &mine, keep)
		}()
	}
	wg.Wait()
	ok, conflicts := 0, 0
	winner := -1
	for i, err := range results {
		switch {
		case err == nil:
			ok++
			winner = i
		case errs.CodeOf(err) == errs.Conflict:
			conflicts++
		default:
			t.Fatalf("writer %d: %v", i, err)
		}
	}
	if ok != 1 || conflicts != n-1 {
		t.Fatalf("%d updates of version 1 succeeded and %d conflicted; want 1 and %d", ok, conflicts, n-1)
	}
	got, _ := s.GetScenario(ctx, sc.ID)
	if got.Version != 2 || string(got.Body) != fmt.Sprintf("writer: %d\n", winner) {
		t.Fatalf("stored %d %q, want version 2 by writer %d", got.Version, got.Body, winner)
	}
}

func missing(t *testing.T, s store.Store) {
	_, err := s.GetScenario(ctx, "nope")
	wantCode(t, err, errs.NotFound)
	_, _, err = s.ScenarioVersion(ctx, "nope")
	wantCode(t, err, errs.NotFound)
	wantCode(t, s.UpdateScenario(ctx, &store.Scenario{ID: "nope", Version: 1, Format: "yaml"}, keep), errs.NotFound)
	wantCode(t, s.DeleteScenario(ctx, "nope", 0, keep), errs.NotFound)
	_, err = s.GetRun(ctx, "nope")
	wantCode(t, err, errs.NotFound)
	wantCode(t, s.UpdateRun(ctx, &store.Run{ID: "nope", Status: store.Done}), errs.NotFound)
}

func duplicateID(t *testing.T, s store.Store) {
	a := &store.Scenario{ID: "same", Format: "yaml", Body: []byte("a: 1\n")}
	if err := s.CreateScenario(ctx, a, 0); err != nil {
		t.Fatal(err)
	}
	b := &store.Scenario{ID: "same", Format: "yaml", Body: []byte("b: 1\n")}
	wantCode(t, s.CreateScenario(ctx, b, 0), errs.Conflict)
	got, _ := s.GetScenario(ctx, "same")
	if string(got.Body) != "a: 1\n" {
		t.Fatalf("duplicate create overwrote: %q", got.Body)
	}
}

// fileIDs: every shape of id a scenario file may name (store.BadID)
// is stored, found, listed and deleted under it as given, each apart
// from the others (case counts: "Case.v2" is not "case.v2"), and
// created again after a delete goes on from its history.
func fileIDs(t *testing.T, s store.Store) {
	ids := []string{"Case.v2", "case.v2", "a", "9_lives-2", strings.Repeat("x", store.MaxID)}
	for i, id := range ids {
		if bad := store.BadID(id); bad != "" {
			t.Fatalf("%q: %s", id, bad)
		}
		sc := &store.Scenario{ID: id, Name: id, Format: "yaml", Body: []byte(fmt.Sprintf("n: %d\n", i))}
		if err := s.CreateScenario(ctx, sc, 0); err != nil || sc.ID != id || sc.Version != 1 {
			t.Fatalf("create %q: %+v %v", id, sc, err)
		}
	}
	for i, id := range ids {
		got, err := s.GetScenario(ctx, id)
		if err != nil || got.ID != id || string(got.Body) != fmt.Sprintf("n: %d\n", i) {
			t.Fatalf("get %q: %+v %v", id, got, err)
		}
	}
	l, err := s.ListScenarios(ctx)
	if err != nil || len(l) != len(ids) {
		t.Fatalf("list: %d %v, want %d", len(l), err, len(ids))
	}
	wantCode(t, s.CreateScenario(ctx, &store.Scenario{ID: "Case.v2", Format: "yaml", Body: []byte("x: 1\n")}, 0), errs.Conflict)
	if err := s.DeleteScenario(ctx, "Case.v2", 1, keep); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetScenario(ctx, "case.v2"); err != nil {
		t.Fatalf("case.v2 went with Case.v2: %v", err)
	}
	again := &store.Scenario{ID: "Case.v2", Format: "yaml", Body: []byte("again: 1\n")}
	if err := s.CreateScenario(ctx, again, 0); err != nil || again.Version != 2 {
		t.Fatalf("created again: version %d %v, want 2", again.Version, err)
	}
	if got := versions(t, s, "Case.v2"); got != "[2:current 1:delete]" {
		t.Fatalf("versions %s", got)
	}
}

func badBody(t *testing.T, s store.Store) {
	wantCode(t, s.CreateScenario(ctx, &store.Scenario{Format: "yaml", Body: []byte{0xff, 0xfe}}, 0), errs.Invalid)
	wantCode(t, s.CreateScenario(ctx, &store.Scenario{Format: "yaml", Body: []byte("a\x00b")}, 0), errs.Invalid)
	wantCode(t, s.CreateScenario(ctx, &store.Scenario{Format: "toml", Body: []byte("a")}, 0), errs.Invalid)
	// An id no URL segment holds, refused by the rule the server holds
	// a file's metadata.id to (store.BadID), whoever asks the store.
	for _, id := range []string{"a b", "..", "deleted", strings.Repeat("x", store.MaxID+1)} {
		wantCode(t, s.CreateScenario(ctx, &store.Scenario{ID: id, Format: "yaml", Body: []byte("x: 1\n")}, 0), errs.Invalid)
	}
	if l, _ := s.ListScenarios(ctx); len(l) != 0 {
		t.Fatalf("invalid creates stored %d scenarios", len(l))
	}
}

func addRun(t *testing.T, s store.Store, scID string, kind store.RunKind) *store.Run {
	t.Helper()
	r := &store.Run{ScenarioID: scID, ScenarioVersion: 1, Kind: kind, InputHash: "abc", Model: "compromise",
		Options: json.RawMessage(`{"snapshot":"latest"}`), Seed: 1<<63 + 5}
	if err := s.CreateRun(ctx, r); err != nil {
		t.Fatal(err)
	}
	return r
}

func deleteTakesRuns(t *testing.T, s store.Store) {
	a, b := create(t, s, "a"), create(t, s, "b")
	ra := addRun(t, s, a.ID, store.Forecast)
	rb := addRun(t, s, b.ID, store.Forecast)
	if err := s.DeleteScenario(ctx, a.ID, 1, keep); err != nil {
		t.Fatal(err)
	}
	_, err := s.GetScenario(ctx, a.ID)
	wantCode(t, err, errs.NotFound)
	_, err = s.GetRun(ctx, ra.ID)
	wantCode(t, err, errs.NotFound)
	if _, err := s.GetRun(ctx, rb.ID); err != nil {
		t.Fatalf("deleting a took b's run: %v", err)
	}
}

func staleDelete(t *testing.T, s store.Store) {
	sc := create(t, s, "x")
	if err := s.UpdateScenario(ctx, sc, keep); err != nil {
		t.Fatal(err)
	}
	r := addRun(t, s, sc.ID, store.Sweep)
	wantCode(t, s.DeleteScenario(ctx, sc.ID, 1, keep), errs.Conflict)
	if _, err := s.GetRun(ctx, r.ID); err != nil {
		t.Fatalf("a stale delete removed the run: %v", err)
	}
	if err := s.DeleteScenario(ctx, sc.ID, 0, keep); err != nil {
		t.Fatal(err)
	}
}

func runRoundTrip(t *testing.T, s store.Store) {
	sc := create(t, s, "x")
	r := addRun(t, s, sc.ID, store.Forecast)
	if r.ID == "" || r.Status != store.Queued || r.Created.IsZero() {
		t.Fatalf("created %+v: want an id, status queued and a time", r)
	}
	got, err := s.GetRun(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Seed != 1<<63+5 || got.Kind != store.Forecast || got.Model != "compromise" || got.InputHash != "abc" || got.ScenarioVersion != 1 || got.Result != nil {
		t.Fatalf("got %+v", got)
	}
	var opts map[string]string
	if err := json.Unmarshal(got.Options, &opts); err != nil || opts["snapshot"] != "latest" {
		t.Fatalf("options %s: %v", got.Options, err)
	}
	r.Status, r.Progress, r.Started = store.Running, 0.5, time.Now().UTC().Truncate(time.Microsecond)
	if err := s.UpdateRun(ctx, r); err != nil {
		t.Fatal(err)
	}
	r.Status, r.Progress, r.Finished = store.Done, 1, r.Started.Add(time.Second)
	r.Result = json.RawMessage(`{"forecast":[41.5]}`)
	if err := s.UpdateRun(ctx, r); err != nil {
		t.Fatal(err)
	}
	got, err = s.GetRun(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != store.Done || got.Progress != 1 || string(got.Result) != `{"forecast":[41.5]}` || !got.Started.Equal(r.Started) || !got.Finished.Equal(r.Finished) {
		t.Fatalf("got %+v result %s", got, got.Result)
	}
	bad := &store.Run{ScenarioID: sc.ID, Kind: "guess"}
	wantCode(t, s.CreateRun(ctx, bad), errs.Invalid)
	dup := &store.Run{ID: r.ID, ScenarioID: sc.ID, Kind: store.Deal}
	wantCode(t, s.CreateRun(ctx, dup), errs.Conflict)
}

func runMissingScenario(t *testing.T, s store.Store) {
	err := s.CreateRun(ctx, &store.Run{ScenarioID: "nope", Kind: store.Forecast})
	wantCode(t, err, errs.NotFound)
	var e *errs.Error
	if !errors.As(err, &e) {
		t.Fatalf("%v is not an *errs.Error", err)
	}
}

func listRuns(t *testing.T, s store.Store) {
	a, b := create(t, s, "a"), create(t, s, "b")
	r1 := addRun(t, s, a.ID, store.Forecast)
	time.Sleep(2 * time.Millisecond)
	r1.Result, r1.Status = json.RawMessage(`{"big":true}`), store.Done
	if err := s.UpdateRun(ctx, r1); err != nil {
		t.Fatal(err)
	}
	r2 := addRun(t, s, a.ID, store.Sensitivity)
	time.Sleep(2 * time.Millisecond)
	r3 := addRun(t, s, b.ID, store.Deal)
	l, err := s.ListRuns(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l) != 2 || l[0].ID != r2.ID || l[1].ID != r1.ID || l[1].Status != store.Done || l[1].Result != nil {
		t.Fatalf("runs of a: %+v; want r2, r1 (done, no result)", l)
	}
	all, err := s.ListRuns(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].ID != r3.ID {
		t.Fatalf("all runs %+v; want 3, r3 first", all)
	}
}

// pruneRuns checks the run history's bounds: by count the newest runs
// stay, by age the runs created before the cut go, and a run queued or
// running is never deleted. The expected sets are derived from ListRuns'
// order (newest first), the order PruneRuns counts in.
func pruneRuns(t *testing.T, s store.Store) {
	sc := create(t, s, "prune")
	queued := addRun(t, s, sc.ID, store.Sweep) // oldest, never finished
	for i := 0; i < 6; i++ {
		r := addRun(t, s, sc.ID, store.Forecast)
		r.Status, r.Progress = store.Done, 1
		if i == 2 {
			r.Status = store.Failed
		}
		if err := s.UpdateRun(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	ids := func() []string {
		l, err := s.ListRuns(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range l {
			out = append(out, r.ID)
		}
		return out
	}
	all := ids()
	if len(all) != 7 || all[6] != queued.ID {
		t.Fatalf("runs %v: want 7, the queued one oldest", all)
	}
	// Nothing to do without limits.
	if n, err := s.PruneRuns(ctx, -1, time.Time{}); err != nil || n != 0 {
		t.Fatalf("no limits: %d deleted, %v", n, err)
	}
	// Keep 3: the newest three and the queued one stay.
	n, err := s.PruneRuns(ctx, 3, time.Time{})
	if err != nil || n != 3 {
		t.Fatalf("keep 3: %d deleted, %v; want 3", n, err)
	}
	if got, want := fmt.Sprint(ids()), fmt.Sprint(append(all[:3:3], queued.ID)); got != want {
		t.Fatalf("keep 3: runs %s, want %s", got, want)
	}
	// By age: every finished run created before the newest one goes.
	l, err := s.ListRuns(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	cut := l[0].Created
	want := []string{l[0].ID}
	for _, r := range l[1:] {
		if !r.Created.Before(cut) && r.Status.Final() {
			want = append(want, r.ID)
		}
	}
	want = append(want, queued.ID)
	if _, err := s.PruneRuns(ctx, -1, cut); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(ids()); got != fmt.Sprint(want) {
		t.Fatalf("before %v: runs %s, want %s", cut, got, want)
	}
	if _, err := s.GetRun(ctx, queued.ID); err != nil {
		t.Fatalf("the queued run was pruned: %v", err)
	}
}

// versions lists scenario id's versions as VersionsText does.
func versions(t *testing.T, s store.Store, id string) string {
	t.Helper()
	l, err := s.ListVersions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return VersionsText(l)
}

// VersionsText writes a scenario's versions, as ListVersions (or GET
// …/versions) lists them, as "[N:how …]", newest first: how is current,
// or what replaced the version (edit, delete, or restore followed by the
// version the restore brought back: "2:restore1"). The store's tests and
// the API's compare a history with it.
func VersionsText(l []store.Version) string {
	var out []string
	for _, v := range l {
		how := v.ReplacedBy
		if v.Current {
			how = "current"
		}
		if v.Restored != 0 {
			how += fmt.Sprint(v.Restored)
		}
		out = append(out, fmt.Sprintf("%d:%s", v.Version, how))
	}
	return fmt.Sprint(out)
}

// edit saves body over sc, keeping keep versions.
func edit(t *testing.T, s store.Store, sc *store.Scenario, body string, keep int) {
	t.Helper()
	sc.Body = []byte(body)
	if err := s.UpdateScenario(ctx, sc, keep); err != nil {
		t.Fatal(err)
	}
}

// historyKeeps: each update keeps the version it replaced, with its
// name, format, size, the time it was saved and the time it was
// replaced; GetVersion returns each one's file, the current one's too.
func historyKeeps(t *testing.T, s store.Store) {
	sc := create(t, s, "one")
	v1 := *sc
	sc.Name, sc.Format = "two", "json"
	edit(t, s, sc, `{"v":2}`, keep)
	v2 := *sc
	sc.Name, sc.Format = "three", "yaml"
	edit(t, s, sc, "v: 3\n", keep)
	if got := versions(t, s, sc.ID); got != "[3:current 2:edit 1:edit]" {
		t.Fatalf("versions %s, want [3:current 2:edit 1:edit]", got)
	}
	l, _ := s.ListVersions(ctx, sc.ID)
	for i, want := range []struct {
		name, format   string
		size           int
		saved, replace time.Time
	}{
		{"three", "yaml", 5, sc.Updated, time.Time{}},
		{"two", "json", 7, v2.Updated, sc.Updated},
		{"one", "yaml", len(v1.Body), v1.Created, v2.Updated},
	} {
		v := l[i]
		if v.Name != want.name || v.Format != want.format || v.Size != int64(want.size) || !v.Saved.Equal(want.saved) || !v.Replaced.Equal(want.replace) || v.Body != nil {
			t.Errorf("version %d: %+v; want %s %s %d bytes, saved %v, replaced %v, no body", v.Version, v, want.name, want.format, want.size, want.saved, want.replace)
		}
	}
	for n, body := range map[int64]string{1: string(v1.Body), 2: `{"v":2}`, 3: "v: 3\n"} {
		v, err := s.GetVersion(ctx, sc.ID, n)
		if err != nil || string(v.Body) != body || v.Version != n || v.Current != (n == 3) {
			t.Fatalf("GetVersion %d: %+v %q, %v; want %q", n, v, v.Body, err, body)
		}
	}
	_, err := s.GetVersion(ctx, sc.ID, 4)
	wantCode(t, err, errs.NotFound)
	_, err = s.GetVersion(ctx, sc.ID, 0)
	wantCode(t, err, errs.NotFound)
	_, err = s.ListVersions(ctx, "nope")
	wantCode(t, err, errs.NotFound)
	// One scenario's history is its own.
	other := create(t, s, "other")
	if got := versions(t, s, other.ID); got != "[1:current]" {
		t.Fatalf("a new scenario's versions %s, want [1:current]", got)
	}
}

// historyTrims: a scenario keeps its newest keep versions, the oldest
// dropped first, by updates and deletes alike.
func historyTrims(t *testing.T, s store.Store) {
	sc := create(t, s, "x")
	for i := 2; i <= 6; i++ {
		edit(t, s, sc, fmt.Sprintf("v: %d\n", i), 2)
	}
	if got := versions(t, s, sc.ID); got != "[6:current 5:edit 4:edit]" {
		t.Fatalf("keep 2: %s, want [6:current 5:edit 4:edit]", got)
	}
	_, err := s.GetVersion(ctx, sc.ID, 3)
	wantCode(t, err, errs.NotFound)
	if v, err := s.GetVersion(ctx, sc.ID, 4); err != nil || string(v.Body) != "v: 4\n" {
		t.Fatalf("version 4: %v %v", v, err)
	}
	edit(t, s, sc, "v: 7\n", 3)
	if got := versions(t, s, sc.ID); got != "[7:current 6:edit 5:edit 4:edit]" {
		t.Fatalf("keep 3: %s", got)
	}
	// Another scenario's history is not trimmed by this one's.
	o := create(t, s, "o")
	edit(t, s, o, "o: 2\n", 1)
	if err := s.DeleteScenario(ctx, sc.ID, 7, 2); err != nil {
		t.Fatal(err)
	}
	if got := versions(t, s, sc.ID); got != "[7:delete 6:edit]" {
		t.Fatalf("deleted, keep 2: %s, want [7:delete 6:edit]", got)
	}
	if got := versions(t, s, o.ID); got != "[2:current 1:edit]" {
		t.Fatalf("other scenario: %s", got)
	}
}

// historyTransactional: a version is kept only with the write that
// replaced it: a stale update or delete keeps none, and of concurrent
// updates of one version only the one that wins keeps it, once.
func historyTransactional(t *testing.T, s store.Store) {
	sc := create(t, s, "x")
	stale := *sc
	edit(t, s, sc, "v: 2\n", keep)
	stale.Body = []byte("stale: 1\n")
	wantCode(t, s.UpdateScenario(ctx, &stale, keep), errs.Conflict)
	wantCode(t, s.DeleteScenario(ctx, sc.ID, 1, keep), errs.Conflict)
	if got := versions(t, s, sc.ID); got != "[2:current 1:edit]" {
		t.Fatalf("after a stale update and delete: %s, want [2:current 1:edit]", got)
	}
	const n = 6
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := *sc
			mine.Body = fmt.Appendf(nil, "writer: %d\n", i)
			s.UpdateScenario(ctx, &mine, keep)
		}()
	}
	wg.Wait()
	if got := versions(t, s, sc.ID); got != "[3:current 2:edit 1:edit]" {
		t.Fatalf("after %d concurrent updates of version 2: %s, want [3:current 2:edit 1:edit]", n, got)
	}
	if v, _ := s.GetVersion(ctx, sc.ID, 2); v == nil || string(v.Body) != "v: 2\n" {
		t.Fatalf("version 2 kept as %+v", v)
	}
}

// deleteKeepsHistory: a delete keeps the version it deletes; the
// deleted scenario is listed as such with it, and a restore brings it
// back under its id, creation time and all, as the version after the
// one deleted.
func deleteKeepsHistory(t *testing.T, s store.Store) {
	sc := create(t, s, "gone")
	first := string(sc.Body)
	created := sc.Created
	edit(t, s, sc, "v: 2\n", keep)
	addRun(t, s, sc.ID, store.Forecast)
	if l, err := s.ListDeleted(ctx); err != nil || len(l) != 0 {
		t.Fatalf("nothing deleted yet: %+v %v", l, err)
	}
	if err := s.DeleteScenario(ctx, sc.ID, 2, keep); err != nil {
		t.Fatal(err)
	}
	_, err := s.GetScenario(ctx, sc.ID)
	wantCode(t, err, errs.NotFound)
	if got := versions(t, s, sc.ID); got != "[2:delete 1:edit]" {
		t.Fatalf("deleted: %s, want [2:delete 1:edit]", got)
	}
	if v, err := s.GetVersion(ctx, sc.ID, 2); err != nil || string(v.Body) != "v: 2\n" || v.Current {
		t.Fatalf("the deleted version: %+v %v", v, err)
	}
	d, err := s.ListDeleted(ctx)
	if err != nil || len(d) != 1 || d[0].ID != sc.ID || d[0].Version.Version != 2 || d[0].ReplacedBy != store.ReplacedByDelete || d[0].Name != "gone" {
		t.Fatalf("deleted list %+v %v; want %s at version 2", d, err, sc.ID)
	}
	// current names the version deleted; another is stale, and the
	// error says the scenario is deleted and which version to name (it
	// said "is at version 2, not 1: someone else saved it", of a
	// scenario no one can save).
	_, err = s.RestoreVersion(ctx, sc.ID, 1, 1, keep)
	wantCode(t, err, errs.Conflict)
	if want := fmt.Sprintf(`scenario %q was deleted at version 2, not 1; valid: the version deleted, 2 (If-Match: "2")`, sc.ID); !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("restore of a deleted scenario naming another version: %v; want %s…", err, want)
	}
	back, err := s.RestoreVersion(ctx, sc.ID, 1, 2, keep)
	if err != nil {
		t.Fatal(err)
	}
	if back.Version != 3 || string(back.Body) != first || !back.Created.Equal(created) || back.Name != "gone" {
		t.Fatalf("restored %+v %q; want version 3, the first file, created %v", back, back.Body, created)
	}
	got, err := s.GetScenario(ctx, sc.ID)
	if err != nil || got.Version != 3 || string(got.Body) != first || !got.Created.Equal(created) || !got.Updated.Equal(back.Updated) {
		t.Fatalf("after the restore: %+v %v", got, err)
	}
	if got := versions(t, s, sc.ID); got != "[3:current 2:delete 1:edit]" {
		t.Fatalf("restored: %s", got)
	}
	if l, err := s.ListDeleted(ctx); err != nil || len(l) != 0 {
		t.Fatalf("restored, still listed deleted: %+v %v", l, err)
	}
	if l, _ := s.ListScenarios(ctx); len(l) != 1 || l[0].ID != sc.ID || l[0].Version != 3 {
		t.Fatalf("list after the restore: %+v", l)
	}
	if runs, _ := s.ListRuns(ctx, sc.ID); len(runs) != 0 {
		t.Fatalf("the runs came back: %+v", runs)
	}
}

// restoreVersion: a restore saves the kept file as the next version and
// keeps the one it replaces (so it can itself be undone); a stale
// current version, the current version itself or a version not kept are
// refused, and nothing changes.
func restoreVersion(t *testing.T, s store.Store) {
	sc := create(t, s, "r")
	first := string(sc.Body)
	sc.Name = "renamed"
	edit(t, s, sc, `{"v":2}`, keep)
	sc.Format = "json"
	_, err := s.RestoreVersion(ctx, sc.ID, 1, 1, keep)
	wantCode(t, err, errs.Conflict)
	_, err = s.RestoreVersion(ctx, sc.ID, 2, 2, keep)
	wantCode(t, err, errs.Invalid)
	_, err = s.RestoreVersion(ctx, sc.ID, 9, 2, keep)
	wantCode(t, err, errs.NotFound)
	_, err = s.RestoreVersion(ctx, "nope", 1, 1, keep)
	wantCode(t, err, errs.NotFound)
	if got := versions(t, s, sc.ID); got != "[2:current 1:edit]" {
		t.Fatalf("refused restores changed the history: %s", got)
	}
	back, err := s.RestoreVersion(ctx, sc.ID, 1, 2, keep)
	if err != nil {
		t.Fatal(err)
	}
	if back.Version != 3 || string(back.Body) != first || back.Name != "r" || back.Format != "yaml" || !back.Created.Equal(sc.Created) {
		t.Fatalf("restored %+v %q", back, back.Body)
	}
	if got := versions(t, s, sc.ID); got != "[3:current 2:restore1 1:edit]" {
		t.Fatalf("after the restore: %s, want [3:current 2:restore1 1:edit]", got)
	}
	// The restore undone: version 2 restored as 4.
	again, err := s.RestoreVersion(ctx, sc.ID, 2, 3, keep)
	if err != nil || again.Version != 4 || string(again.Body) != `{"v":2}` {
		t.Fatalf("undoing the restore: %+v %v", again, err)
	}
	if v, u, err := s.ScenarioVersion(ctx, sc.ID); err != nil || v != 4 || !u.Equal(again.Updated) {
		t.Fatalf("ScenarioVersion after restores: %d %v %v", v, u, err)
	}
	// Restores keep keep versions too.
	if _, err := s.RestoreVersion(ctx, sc.ID, 3, 4, 1); err != nil {
		t.Fatal(err)
	}
	if got := versions(t, s, sc.ID); got != "[5:current 4:restore3]" {
		t.Fatalf("restore with keep 1: %s", got)
	}
	if l, _ := s.ListScenarios(ctx); len(l) != 1 || l[0].Version != 5 {
		t.Fatalf("list after restores: %+v", l)
	}
}

// createAtDeleted: a scenario created under the id of a deleted one is
// the version after the one deleted, so the deleted versions stay in the
// id's history and no version number names two files; the id is no
// longer deleted, a restore of an old version is a restore as any, and
// a second delete lists the id again at its new version. A create at a
// stored id is still refused.
func createAtDeleted(t *testing.T, s store.Store) {
	old := &store.Scenario{ID: "demo", Name: "old", Format: "yaml", Body: []byte("old: 1\n")}
	if err := s.CreateScenario(ctx, old, 0); err != nil {
		t.Fatal(err)
	}
	edit(t, s, old, "old: 2 # kept\n", keep)
	if err := s.DeleteScenario(ctx, "demo", 2, keep); err != nil {
		t.Fatal(err)
	}
	sc := &store.Scenario{ID: "demo", Name: "new", Format: "json", Body: []byte(`{"new":3}`)}
	if err := s.CreateScenario(ctx, sc, 0); err != nil {
		t.Fatalf("create under a deleted id: %v", err)
	}
	if sc.Version != 3 || sc.Created.IsZero() || !sc.Updated.Equal(sc.Created) {
		t.Fatalf("created %+v; want version 3, the one after the version deleted", sc)
	}
	got, err := s.GetScenario(ctx, "demo")
	if err != nil || got.Version != 3 || got.Name != "new" || string(got.Body) != `{"new":3}` || !got.Created.Equal(sc.Created) {
		t.Fatalf("GetScenario: %+v %q %v", got, got.Body, err)
	}
	if v, _, err := s.ScenarioVersion(ctx, "demo"); err != nil || v != 3 {
		t.Fatalf("ScenarioVersion %d %v, want 3", v, err)
	}
	if got := versions(t, s, "demo"); got != "[3:current 2:delete 1:edit]" {
		t.Fatalf("versions %s, want [3:current 2:delete 1:edit]", got)
	}
	if v, err := s.GetVersion(ctx, "demo", 2); err != nil || string(v.Body) != "old: 2 # kept\n" || v.Name != "old" || v.Current {
		t.Fatalf("the version deleted: %+v %v", v, err)
	}
	if l, err := s.ListDeleted(ctx); err != nil || len(l) != 0 {
		t.Fatalf("created again, still listed deleted: %+v %v", l, err)
	}
	if l, _ := s.ListScenarios(ctx); len(l) != 1 || l[0].ID != "demo" || l[0].Version != 3 {
		t.Fatalf("list: %+v", l)
	}
	wantCode(t, s.CreateScenario(ctx, &store.Scenario{ID: "demo", Format: "yaml", Body: []byte("x: 1\n")}, 0), errs.Conflict)
	// Restoring as the deleted scenario (current: the version deleted)
	// is stale now; a restore of the current version brings the old
	// file back as version 4.
	_, err = s.RestoreVersion(ctx, "demo", 1, 2, keep)
	wantCode(t, err, errs.Conflict)
	back, err := s.RestoreVersion(ctx, "demo", 2, 3, keep)
	if err != nil || back.Version != 4 || string(back.Body) != "old: 2 # kept\n" || back.Name != "old" {
		t.Fatalf("restore of the old version: %+v %v", back, err)
	}
	if err := s.DeleteScenario(ctx, "demo", 4, keep); err != nil {
		t.Fatal(err)
	}
	d, err := s.ListDeleted(ctx)
	if err != nil || len(d) != 1 || d[0].ID != "demo" || d[0].Version.Version != 4 {
		t.Fatalf("deleted again: %+v %v; want demo at version 4", d, err)
	}
	if got := versions(t, s, "demo"); got != "[4:delete 3:restore2 2:delete 1:edit]" {
		t.Fatalf("versions %s", got)
	}
	// An id whose history is trimmed to nothing starts again at 1;
	// another id's history does not count.
	fresh := &store.Scenario{ID: "demo2", Format: "yaml", Body: []byte("y: 1\n")}
	if err := s.CreateScenario(ctx, fresh, 0); err != nil || fresh.Version != 1 {
		t.Fatalf("a new id: version %d, %v", fresh.Version, err)
	}
	if err := s.DeleteScenario(ctx, "demo2", 1, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateScenario(ctx, fresh, 0); err != nil || fresh.Version != 1 {
		t.Fatalf("an id with no version kept: version %d, %v", fresh.Version, err)
	}
}

// purgeDeleted: a purge deletes a deleted scenario's kept versions for
// good, when it names the version deleted; a stale version, a stored
// scenario or an id with nothing kept is refused and changes nothing,
// and another scenario's history stays. The id, purged, is free: a
// scenario created under it starts again at version 1.
func purgeDeleted(t *testing.T, s store.Store) {
	sc := &store.Scenario{ID: "oops", Name: "oops", Format: "yaml", Body: []byte("secret: 1 # by mistake\n")}
	if err := s.CreateScenario(ctx, sc, 0); err != nil {
		t.Fatal(err)
	}
	edit(t, s, sc, "secret: 2\n", keep)
	if err := s.DeleteScenario(ctx, "oops", 2, keep); err != nil {
		t.Fatal(err)
	}
	other := create(t, s, "other")
	edit(t, s, other, "o: 2\n", keep)
	gone := create(t, s, "gone")
	if err := s.DeleteScenario(ctx, gone.ID, 1, keep); err != nil {
		t.Fatal(err)
	}

	err := s.PurgeDeleted(ctx, "oops", 1)
	wantCode(t, err, errs.Conflict)
	if want := `scenario "oops" was deleted at version 2, not 1`; !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("stale purge: %v; want %s…", err, want)
	}
	err = s.PurgeDeleted(ctx, other.ID, 2)
	wantCode(t, err, errs.Conflict)
	if want := fmt.Sprintf("scenario %q is not deleted (it is at version 2)", other.ID); !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("purge of a stored scenario: %v; want %s…", err, want)
	}
	wantCode(t, s.PurgeDeleted(ctx, "nope", 1), errs.NotFound)
	if got := versions(t, s, "oops"); got != "[2:delete 1:edit]" {
		t.Fatalf("refused purges changed the history: %s", got)
	}

	if err := s.PurgeDeleted(ctx, "oops", 2); err != nil {
		t.Fatal(err)
	}
	_, err = s.ListVersions(ctx, "oops")
	wantCode(t, err, errs.NotFound)
	for _, n := range []int64{1, 2} {
		_, err = s.GetVersion(ctx, "oops", n)
		wantCode(t, err, errs.NotFound)
	}
	_, err = s.RestoreVersion(ctx, "oops", 1, 2, keep)
	wantCode(t, err, errs.NotFound)
	wantCode(t, s.PurgeDeleted(ctx, "oops", 2), errs.NotFound)
	d, err := s.ListDeleted(ctx)
	if err != nil || len(d) != 1 || d[0].ID != gone.ID {
		t.Fatalf("deleted after the purge: %+v %v; want %s alone", d, err, gone.ID)
	}
	if got := versions(t, s, other.ID); got != "[2:current 1:edit]" {
		t.Fatalf("a stored scenario's history after another's purge: %s", got)
	}
	again := &store.Scenario{ID: "oops", Format: "yaml", Body: []byte("clean: 1\n")}
	if err := s.CreateScenario(ctx, again, 0); err != nil || again.Version != 1 {
		t.Fatalf("created under the purged id: version %d, %v; want 1", again.Version, err)
	}
	if got := versions(t, s, "oops"); got != "[1:current]" {
		t.Fatalf("versions under the purged id: %s", got)
	}
}

// purgeAndCreate: a purge and a create under the same deleted id, at
// once, end as one of them ran first: the create first, the scenario
// goes on from the version deleted and the purge is refused (it is no
// longer deleted); the purge first, the create starts again at 1. Never
// a scenario numbered after versions that are gone.
func purgeAndCreate(t *testing.T, s store.Store) {
	for i := range 10 {
		id := fmt.Sprintf("race%d", i)
		sc := &store.Scenario{ID: id, Format: "yaml", Body: []byte("a: 1\n")}
		if err := s.CreateScenario(ctx, sc, 0); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteScenario(ctx, id, 1, keep); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var purgeErr, createErr error
		again := &store.Scenario{ID: id, Format: "yaml", Body: []byte("b: 1\n")}
		wg.Add(2)
		go func() { defer wg.Done(); purgeErr = s.PurgeDeleted(ctx, id, 1) }()
		// Odd rounds bounded: the create then takes the count's lock too.
		go func() { defer wg.Done(); createErr = s.CreateScenario(ctx, again, (i%2)*1000) }()
		wg.Wait()
		if createErr != nil {
			t.Fatalf("create: %v", createErr)
		}
		got := versions(t, s, id)
		switch {
		case purgeErr == nil && again.Version == 1 && got == "[1:current]":
		case errs.CodeOf(purgeErr) == errs.Conflict && again.Version == 2 && got == "[2:current 1:delete]":
		default:
			t.Fatalf("round %d: purge %v, created at version %d, versions %s", i, purgeErr, again.Version, got)
		}
	}
}

// wantFull checks that err is the store's refusal of one scenario over
// max, when it holds held.
func wantFull(t *testing.T, err error, held, max int) {
	t.Helper()
	var full *store.Full
	if !errors.As(err, &full) || full.Held != held || full.Max != max {
		t.Fatalf("got %v, want a *store.Full of %d held, max %d", err, held, max)
	}
	wantCode(t, err, errs.Conflict)
	want := fmt.Sprintf("this server holds %d scenarios (stored, or deleted with their versions kept), and a new one would be over the limit scenarios=%d; valid: at most %d scenarios: delete some and purge them", held, max, max)
	if !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("message %q, want it to start %q", err, want)
	}
}

// ids lists the stored scenarios' ids and the deleted ones', sorted.
func ids(t *testing.T, s store.Store) string {
	t.Helper()
	l, err := s.ListScenarios(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.ListDeleted(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var live, dead []string
	for _, sc := range l {
		live = append(live, sc.ID)
	}
	for _, x := range d {
		dead = append(dead, x.ID)
	}
	sort.Strings(live)
	sort.Strings(dead)
	return fmt.Sprintf("stored %v deleted %v", live, dead)
}

// scenariosBounded: a store holds at most max scenario ids, stored or
// deleted with versions kept. The one over is refused and nothing of it
// written; a delete does not free an id (its history stays), a create
// under a deleted id adds none, a purge frees one, and so does a delete
// that keeps no version.
func scenariosBounded(t *testing.T, s store.Store) {
	const max = 3
	mk := func(id string) *store.Scenario {
		return &store.Scenario{ID: id, Name: id, Format: "yaml", Body: []byte("id: " + id + "\n")}
	}
	for _, id := range []string{"a", "b", "c"} {
		if err := s.CreateScenario(ctx, mk(id), max); err != nil {
			t.Fatalf("create %s of %d: %v", id, max, err)
		}
	}
	wantFull(t, s.CreateScenario(ctx, mk("d"), max), 3, max)
	wantFull(t, s.CreateScenario(ctx, &store.Scenario{Format: "yaml", Body: []byte("x: 1\n")}, max), 3, max)
	_, err := s.ListVersions(ctx, "d")
	wantCode(t, err, errs.NotFound)
	if got := ids(t, s); got != "stored [a b c] deleted []" {
		t.Fatalf("after the refused creates: %s", got)
	}
	// A stored id at the limit is a duplicate, not over the limit.
	wantCode(t, s.CreateScenario(ctx, mk("a"), max), errs.Conflict)
	if err := s.CreateScenario(ctx, mk("a"), max); errors.As(err, new(*store.Full)) {
		t.Fatalf("a stored id at the limit: %v; want the duplicate's error", err)
	}
	// A delete keeps the id's history: still held.
	if err := s.DeleteScenario(ctx, "a", 1, keep); err != nil {
		t.Fatal(err)
	}
	wantFull(t, s.CreateScenario(ctx, mk("d"), max), 3, max)
	if got := ids(t, s); got != "stored [b c] deleted [a]" {
		t.Fatalf("after a delete: %s", got)
	}
	// A create under the deleted id adds none.
	again := mk("a")
	if err := s.CreateScenario(ctx, again, max); err != nil || again.Version != 2 {
		t.Fatalf("create at a deleted id at the limit: version %d, %v; want 2", again.Version, err)
	}
	// A lower limit than the store holds refuses any new id, and says how
	// many it holds.
	wantFull(t, s.CreateScenario(ctx, mk("d"), 2), 3, 2)
	// A purge frees the id.
	if err := s.DeleteScenario(ctx, "a", 2, keep); err != nil {
		t.Fatal(err)
	}
	if err := s.PurgeDeleted(ctx, "a", 2); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateScenario(ctx, mk("d"), max); err != nil {
		t.Fatalf("create after a purge: %v", err)
	}
	wantFull(t, s.CreateScenario(ctx, mk("e"), max), 3, max)
	// A delete that keeps no version leaves no history: the id is free.
	if err := s.DeleteScenario(ctx, "b", 1, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateScenario(ctx, mk("e"), max); err != nil {
		t.Fatalf("create after a delete that kept nothing: %v", err)
	}
	if got := ids(t, s); got != "stored [c d e] deleted []" {
		t.Fatalf("at the end: %s", got)
	}
	// No bound.
	if err := s.CreateScenario(ctx, mk("f"), 0); err != nil {
		t.Fatalf("max 0 (no bound): %v", err)
	}
}

// scenariosBoundedAtOnce: creates at once cannot pass the bound
// together: of 8 creates of new ids with room for 3, 3 succeed.
func scenariosBoundedAtOnce(t *testing.T, s store.Store) {
	const max, n = 4, 8
	create(t, s, "there")
	for round := range 3 {
		var wg sync.WaitGroup
		res := make([]error, n)
		for i := range n {
			wg.Go(func() {
				res[i] = s.CreateScenario(ctx, &store.Scenario{Format: "yaml", Body: []byte("x: 1\n")}, max)
			})
		}
		wg.Wait()
		made := 0
		for _, err := range res {
			switch {
			case err == nil:
				made++
			case errs.CodeOf(err) == errs.Conflict:
				wantFull(t, err, max, max)
			default:
				t.Fatalf("round %d: %v", round, err)
			}
		}
		l, err := s.ListScenarios(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if made != max-1 || len(l) != max {
			t.Fatalf("round %d: %d created, %d stored; want %d created, %d stored", round, made, len(l), max-1, max)
		}
		for _, sc := range l {
			if sc.Name == "there" {
				continue
			}
			if err := s.DeleteScenario(ctx, sc.ID, 0, 0); err != nil {
				t.Fatal(err)
			}
		}
	}
}
