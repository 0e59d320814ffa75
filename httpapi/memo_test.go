package httpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"parley/answer"
	"parley/ask"
	"parley/store"
)

// The cases of a scenario of many snapshots and variants, each nearly
// as large as the scenario, are kept within the budget of what the cache
// keeps made from its scenarios (they were kept up to 64 per scenario,
// whatever their size): resolving every snapshot × variant never holds
// more than the budget, drops the least recently used first, and every
// case read, kept or made again, is the case ask resolves.
func TestCasesBoundedByBytes(t *testing.T) {
	const snapshots, variants = 12, 6
	body := []byte(BigScenario(40, 10, snapshots, variants))
	load := func() *ask.Input {
		in, err := ask.Load("big.yaml", body, ask.LoadOptions{Format: ask.Scenario})
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	fresh := load() // the reference, never cached
	want := func(tg answer.Target) []byte {
		c, err := fresh.Case(tg)
		if err != nil {
			t.Fatal(err)
		}
		fp, err := c.Fingerprint()
		if err != nil {
			t.Fatal(err)
		}
		return fp
	}
	one := caseSize * int64(len(want(answer.Target{Snapshot: "latest"})))
	c := &cache{m: map[string]*stored{}, memoMax: 3*one + one/2} // room for three cases
	st := &stored{rec: &store.Scenario{ID: "big", Version: 1, Body: body}, in: load(), cache: c}
	c.put(st)
	check := func(what string) {
		t.Helper()
		var sum int64
		for el := c.lru.Front(); el != nil; el = el.Next() {
			sum += el.Value.(*memoEntry).size
		}
		if c.memoBytes > c.memoMax || sum != c.memoBytes || len(st.memo) != c.lru.Len() {
			t.Fatalf("%s: %d bytes counted, %d held, budget %d; %d entries in the scenario, %d in the list", what, c.memoBytes, sum, c.memoMax, len(st.memo), c.lru.Len())
		}
	}
	target := func(s, v int) answer.Target {
		tg := answer.Target{Snapshot: fmt.Sprintf("2025-01-%02d", 2+s)}
		if v >= 0 {
			tg.Variant = fmt.Sprint("v", v)
		}
		return tg
	}
	for round := range 2 { // the second reads what the first dropped
		for s := range snapshots {
			for v := -1; v < variants; v++ {
				tg := target(s, v)
				r, err := st.resolve(context.Background(), tg)
				if err != nil {
					t.Fatalf("%+v: %v", tg, err)
				}
				if !bytes.Equal(r.fp, want(tg)) || r.c.Header.Snapshot != tg.Snapshot || r.c.Header.Variant != tg.Variant {
					t.Fatalf("round %d, %+v: the case read is not the case ask resolves", round, tg)
				}
				check(fmt.Sprintf("round %d, %+v", round, tg))
			}
		}
	}
	if n := c.lru.Len(); n != 3 {
		t.Errorf("%d cases kept, want the 3 the budget holds", n)
	}
	// Least recently used first: the oldest of the three, read again,
	// stays; the next oldest goes.
	a, b, d, e := target(0, 0), target(0, 1), target(0, 2), target(0, 3)
	for _, tg := range []answer.Target{a, b, d, a, e} {
		if _, err := st.resolve(context.Background(), tg); err != nil {
			t.Fatal(err)
		}
	}
	check("after a, b, d, a, e")
	for tg, kept := range map[answer.Target]bool{a: true, b: false, d: true, e: true} {
		if _, ok := st.memo[memoKey{what: "case", target: tg}]; ok != kept {
			t.Errorf("%+v kept: %v, want %v", tg, ok, kept)
		}
	}
	// An entry over the whole budget is not kept, and drops nothing.
	st.memoize(context.Background(), memoKey{what: "view"}, func() (any, int64, error) { return nil, c.memoMax + 1, nil })
	check("an entry over the budget")
	if c.lru.Len() != 3 {
		t.Errorf("an entry over the budget dropped others: %d kept", c.lru.Len())
	}
	// A case the client names at length, which does not exist, counts
	// its name and its error's message.
	long := answer.Target{Snapshot: strings.Repeat("9", 60_000)}
	before := c.memoBytes
	if _, err := st.resolve(context.Background(), long); err == nil {
		t.Fatal("a snapshot that does not exist was resolved")
	}
	check("a long name")
	if el := st.memo[memoKey{what: "case", target: long}]; el == nil || el.Value.(*memoEntry).size < 2*60_000 {
		t.Errorf("a case named in 60 kB, its error quoting the name, kept at %d bytes (%d counted before)", c.memoBytes, before)
	}
	// A new version of the scenario takes what was made from the old
	// along; so does emptying the cache.
	c.put(&stored{rec: &store.Scenario{ID: "big", Version: 2, Body: body}, cache: c})
	if c.memoBytes != 0 || c.lru.Len() != 0 {
		t.Errorf("after a new version: %d bytes, %d entries of the old kept", c.memoBytes, c.lru.Len())
	}
}

// What is made from a scenario is made once per key, not once at a time
// per scenario (memoize held the scenario's lock while it made anything,
// so a read of one case waited for the making of any other): while the
// making of one key is held up, another key of the same scenario is
// made and read; a second request for the held-up key waits for that
// making and shares what it made, its error too, with no second build.
func TestMemoWaitsPerKey(t *testing.T) {
	c := &cache{m: map[string]*stored{}, memoMax: maxMemoBytes}
	st := &stored{rec: &store.Scenario{ID: "s", Version: 1}, cache: c}
	c.put(st)
	a, b := memoKey{what: "case", target: answer.Target{Snapshot: "a"}}, memoKey{what: "case", target: answer.Target{Snapshot: "b"}}
	waiting := make(chan memoKey)
	st.building.waiting = func(k memoKey) { waiting <- k }

	var builds atomic.Int64
	started, rebuilt, release := make(chan struct{}), make(chan struct{}, 1), make(chan struct{})
	failed := errors.New("snapshot a: no such snapshot")
	held := func() (any, int64, error) {
		if builds.Add(1) == 1 {
			close(started)
		} else {
			rebuilt <- struct{}{}
		}
		<-release
		return "made a", 1, failed
	}
	type got struct {
		v   any
		err error
	}
	first, second, other := make(chan got), make(chan got), make(chan got)
	go func() {
		v, err := st.memoize(context.Background(), a, held)
		first <- got{v, err}
	}()
	<-started
	defer func() {
		select {
		case <-release:
		default:
			close(release) // a failure left a held up
		}
	}()

	// Another key, while a is held up: made and read. It waited for a
	// before; the minute bounds that wait, never a passing run.
	go func() {
		v, err := st.memoize(context.Background(), b, func() (any, int64, error) { return "made b", 1, nil })
		other <- got{v, err}
	}()
	select {
	case g := <-other:
		if g.v != "made b" || g.err != nil {
			t.Errorf("key b while a is made: %v, %v", g.v, g.err)
		}
	case k := <-waiting:
		t.Fatalf("key b waited for the making of %+v", k)
	case <-time.After(time.Minute):
		t.Fatal("key b was not made while a was: it waits for a")
	}

	// The same key, while it is held up: waits for it.
	go func() {
		v, err := st.memoize(context.Background(), a, held)
		second <- got{v, err}
	}()
	select {
	case k := <-waiting:
		if k != a {
			t.Fatalf("the second request for a waited for %+v", k)
		}
	case <-rebuilt:
		t.Fatal("the second request for a built it again while the first built it")
	}
	close(release)
	g1, g2 := <-first, <-second
	for i, g := range []got{g1, g2} {
		if g.v != "made a" || g.err != failed {
			t.Errorf("request %d for a: %v, %v; want what the one build made, its error too", i+1, g.v, g.err)
		}
	}
	if n := builds.Load(); n != 1 {
		t.Errorf("two requests for a at once built it %d times, want once", n)
	}
	// Kept, error and all: a later request reads it.
	if v, err := st.memoize(context.Background(), a, held); v != "made a" || err != failed || builds.Load() != 1 {
		t.Errorf("a read later: %v, %v, %d builds", v, err, builds.Load())
	}
	if len(st.building.m) != 0 {
		t.Errorf("%d makings left under way", len(st.building.m))
	}
}

// A making that panics ends for the requests waiting for it, with an
// error, and keeps nothing: they waited for ever.
func TestMemoPanicEnds(t *testing.T) {
	c := &cache{m: map[string]*stored{}, memoMax: maxMemoBytes}
	st := &stored{rec: &store.Scenario{ID: "s", Version: 1}, cache: c}
	c.put(st)
	k := memoKey{what: "view"}
	waiting := make(chan memoKey)
	st.building.waiting = func(k memoKey) { waiting <- k }
	started, release := make(chan struct{}), make(chan struct{})
	go func() {
		defer func() { _ = recover() }()
		st.memoize(context.Background(), k, func() (any, int64, error) {
			close(started)
			<-release
			panic("build failed")
		})
	}()
	<-started
	done := make(chan error)
	go func() {
		_, err := st.memoize(context.Background(), k, func() (any, int64, error) { return "second", 1, nil })
		done <- err
	}()
	<-waiting
	close(release)
	if err := <-done; err == nil {
		t.Error("a request waiting for a making that panicked got no error")
	}
	if v, err := st.memoize(context.Background(), k, func() (any, int64, error) { return "again", 1, nil }); v != "again" || err != nil {
		t.Errorf("after a making that panicked: %v, %v; want it made again", v, err)
	}
}

// A request waiting for another's making stops waiting when its client
// leaves (it waited for the making to end whatever happened to it):
// cancelled, it returns at once with its context's error, while the
// making goes on and the request that makes it and another waiting
// share what it made, made once. A request already ended makes nothing.
func TestMemoWaiterLeaves(t *testing.T) {
	c := &cache{m: map[string]*stored{}, memoMax: maxMemoBytes}
	st := &stored{rec: &store.Scenario{ID: "s", Version: 1}, cache: c}
	c.put(st)
	k := memoKey{what: "view"}
	waiting := make(chan memoKey)
	st.building.waiting = func(k memoKey) { waiting <- k }
	var builds atomic.Int64
	started, release := make(chan struct{}), make(chan struct{})
	held := func() (any, int64, error) {
		builds.Add(1)
		close(started)
		<-release
		return "made", 1, nil
	}
	released := false
	defer func() {
		if !released {
			close(release) // a failure left the making held up
		}
	}()
	type got struct {
		v   any
		err error
	}
	call := func(ctx context.Context, build func() (any, int64, error)) chan got {
		ch := make(chan got, 1)
		go func() {
			v, err := st.memoize(ctx, k, build)
			ch <- got{v, err}
		}()
		return ch
	}
	again := func() (any, int64, error) {
		builds.Add(1)
		return "made again", 1, nil
	}
	first := call(context.Background(), held)
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	leaving := call(ctx, again)
	<-waiting
	staying := call(context.Background(), again)
	<-waiting

	cancel()
	select {
	case g := <-leaving:
		if g.v != nil || !errors.Is(g.err, context.Canceled) {
			t.Errorf("the request that left: %v, %v; want its context's error", g.v, g.err)
		}
	case <-time.After(time.Minute): // bounds a failure, never a passing run
		t.Fatal("a request whose client left still waits for the making")
	}
	select {
	case g := <-first:
		t.Fatalf("the making ended (%v, %v) before it was released", g.v, g.err)
	case g := <-staying:
		t.Fatalf("the other request waiting stopped waiting (%v, %v)", g.v, g.err)
	default:
	}

	released = true
	close(release)
	for name, ch := range map[string]chan got{"the request that made it": first, "the request still waiting": staying} {
		if g := <-ch; g.v != "made" || g.err != nil {
			t.Errorf("%s: %v, %v; want what the one making made", name, g.v, g.err)
		}
	}
	if v, err := st.memoize(context.Background(), k, again); v != "made" || err != nil {
		t.Errorf("read later: %v, %v; want what was kept", v, err)
	}
	if n := builds.Load(); n != 1 {
		t.Errorf("made %d times, want once", n)
	}

	// A request already ended makes nothing, and keeps nothing.
	other := memoKey{what: "resolved"}
	if v, err := st.memoize(ctx, other, again); v != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("a request already ended: %v, %v; want its context's error", v, err)
	}
	if _, kept := st.made(other); builds.Load() != 1 || kept {
		t.Errorf("a request already ended made it: %d makings, kept %v", builds.Load(), kept)
	}
	if len(st.building.m) != 0 {
		t.Errorf("%d makings left under way", len(st.building.m))
	}
}

// A making whose error is not kept (notKept: a brief that ran out of
// time, or found the server busy) gives that error, unwrapped, to the
// request that made it and to those waiting, and keeps nothing: the
// next request makes it again. An error that is kept is given again
// without a making.
func TestMemoErrorNotKept(t *testing.T) {
	c := &cache{m: map[string]*stored{}, memoMax: maxMemoBytes}
	st := &stored{rec: &store.Scenario{ID: "s", Version: 1}, cache: c}
	c.put(st)
	timeout := busy(5, "took too long")
	waiting := make(chan memoKey)
	st.building.waiting = func(k memoKey) { waiting <- k }
	k := memoKey{what: "brief"}
	started, release := make(chan struct{}), make(chan struct{})
	first := make(chan error)
	go func() {
		_, err := st.memoize(context.Background(), k, func() (any, int64, error) {
			close(started)
			<-release
			return nil, 0, notKept{timeout}
		})
		first <- err
	}()
	<-started
	second := make(chan error)
	go func() {
		_, err := st.memoize(context.Background(), k, func() (any, int64, error) { return "not made: it waits", 1, nil })
		second <- err
	}()
	<-waiting
	close(release)
	if err1, err2 := <-first, <-second; err1 != timeout || err2 != timeout {
		t.Errorf("the maker got %v, the waiter %v; want both %v", err1, err2, timeout)
	}
	if v, err := st.memoize(context.Background(), k, func() (any, int64, error) { return "again", 1, nil }); v != "again" || err != nil {
		t.Errorf("after an error not kept: %v, %v; want it made again", v, err)
	}
	kept := errors.New("no such issue")
	k = memoKey{what: "export to=bdm-csv issue=nope"}
	var makings int
	for range 2 {
		if _, err := st.memoize(context.Background(), k, func() (any, int64, error) { makings++; return nil, 0, kept }); err != kept {
			t.Errorf("got %v, want %v", err, kept)
		}
	}
	if makings != 1 {
		t.Errorf("an error that is kept was made %d times, want 1", makings)
	}
}

// A stoppable making (a brief's, the evidence's) whose requests have all
// left is stopped and abandoned: a request asking for its key while it
// is still stopping makes its own rather than join it (it would get the
// stopped making's error), and what the abandoned one returns is not
// kept, nor does it drop what the new one kept — whether it returns its
// context's error (notKept, as the brief and the evidence do) or, late,
// a value with no error, which only its being abandoned keeps out.
func TestMemoStoppableAbandoned(t *testing.T) {
	for _, c := range []struct {
		name string
		late func(ctx context.Context) (any, int64, error)
		// firstErr is what the abandoned making's own request gets.
		firstErr error
	}{
		{"its context's error", func(ctx context.Context) (any, int64, error) { return "stopped", 1, notKept{ctx.Err()} }, context.Canceled},
		{"a value, late", func(context.Context) (any, int64, error) { return "stopped", 1, nil }, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			testMemoStoppableAbandoned(t, c.late, c.firstErr)
		})
	}
}

func testMemoStoppableAbandoned(t *testing.T, late func(ctx context.Context) (any, int64, error), firstErr error) {
	c := &cache{m: map[string]*stored{}, memoMax: maxMemoBytes}
	st := &stored{rec: &store.Scenario{ID: "s", Version: 1}, cache: c}
	c.put(st)
	k := memoKey{what: "brief"}
	waited, left := make(chan memoKey, 4), make(chan int, 4)
	st.building.waiting = func(k memoKey) { waited <- k }
	st.building.left = func(_ memoKey, wanted int) { left <- wanted }
	started, stopping, finish := make(chan struct{}), make(chan struct{}), make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	first := make(chan error, 1)
	go func() {
		_, err := st.memoizeStoppable(ctx, k, func(ctx context.Context) (any, int64, error) {
			close(started)
			<-ctx.Done()
			close(stopping)
			<-finish // still winding down when the next request comes
			return late(ctx)
		})
		first <- err
	}()
	<-started
	cancel()
	if n := <-left; n != 0 {
		t.Fatalf("%d still want it after its one request left, want 0", n)
	}
	select {
	case <-stopping:
	case <-time.After(time.Minute): // bounds a failure, never a passing run
		t.Fatal("the making was not stopped when its one request left")
	}
	v, err := st.memoizeStoppable(context.Background(), k, func(context.Context) (any, int64, error) { return "fresh", 1, nil })
	if v != "fresh" || err != nil {
		t.Errorf("a request after the making was abandoned: %v, %v; want its own making", v, err)
	}
	select {
	case k := <-waited:
		t.Errorf("a request waited for the abandoned making of %+v", k)
	default:
	}
	close(finish)
	if err := <-first; !errors.Is(err, firstErr) {
		t.Errorf("the abandoned making's request: %v, want %v", err, firstErr)
	}
	if e, ok := st.made(k); !ok || e.v != "fresh" {
		t.Errorf("kept %+v, %v; want the fresh making's", e, ok)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru.Len() != 1 || len(st.memo) != 1 || c.memoBytes != c.lru.Front().Value.(*memoEntry).size {
		t.Errorf("the cache holds %d entries (%d under the scenario, %d bytes); want the one fresh entry", c.lru.Len(), len(st.memo), c.memoBytes)
	}
	if len(st.building.m) != 0 {
		t.Errorf("%d makings left under way", len(st.building.m))
	}
}

// keep holds one entry a key: a second kept under the same key replaces
// the first, in the list and in the byte count (it used to push a second
// element, the first left in the list and counted with it).
func TestKeepReplacesUnderOneKey(t *testing.T) {
	c := &cache{m: map[string]*stored{}, memoMax: maxMemoBytes}
	st := &stored{rec: &store.Scenario{ID: "s", Version: 1}, cache: c}
	c.put(st)
	k := memoKey{what: "brief"}
	c.keep(&memoEntry{st: st, key: k, v: "first", size: minMemoSize + 10})
	c.keep(&memoEntry{st: st, key: k, v: "second", size: minMemoSize + 20})
	if e, ok := st.made(k); !ok || e.v != "second" {
		t.Errorf("kept %+v, %v; want the second", e, ok)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru.Len() != 1 || len(st.memo) != 1 || c.memoBytes != minMemoSize+20 {
		t.Errorf("the cache holds %d entries (%d under the scenario) of %d bytes; want one of %d", c.lru.Len(), len(st.memo), c.memoBytes, minMemoSize+20)
	}
}
