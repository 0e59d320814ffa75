package httpapi

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

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
				r, err := st.resolve(tg)
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
		if _, err := st.resolve(tg); err != nil {
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
	st.memoize(memoKey{what: "view"}, func() (any, int64, error) { return nil, c.memoMax + 1, nil })
	check("an entry over the budget")
	if c.lru.Len() != 3 {
		t.Errorf("an entry over the budget dropped others: %d kept", c.lru.Len())
	}
	// A case the client names at length, which does not exist, counts
	// its name and its error's message.
	long := answer.Target{Snapshot: strings.Repeat("9", 60_000)}
	before := c.memoBytes
	if _, err := st.resolve(long); err == nil {
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
