package httpapi

import (
	"fmt"
	"strings"
	"testing"

	"parley/store"
)

// The cache of loaded scenarios holds at most maxCachedBytes of stored
// files (and maxCached scenarios): filling it past either empties it
// first, a file over the whole budget is not cached and leaves the
// others (it emptied the cache at each of its reads), and caching a new
// version of a scenario replaces the old one's bytes.
func TestCacheBounded(t *testing.T) {
	c := &cache{m: map[string]*stored{}}
	file := func(id string, n int) *stored {
		return &stored{rec: &store.Scenario{ID: id, Version: 1, Body: []byte(strings.Repeat("x", n))}}
	}
	check := func(what string, scenarios int, bytes int64) {
		t.Helper()
		var sum int64
		for _, st := range c.m {
			sum += int64(len(st.rec.Body))
		}
		if len(c.m) != scenarios || c.bytes != bytes || sum != bytes {
			t.Fatalf("%s: %d scenarios, %d bytes counted, %d held; want %d, %d", what, len(c.m), c.bytes, sum, scenarios, bytes)
		}
	}
	quarter := maxCachedBytes / 4
	for i := range 4 {
		c.put(file(fmt.Sprint(i), quarter))
	}
	check("four quarters", 4, maxCachedBytes)
	c.put(file("0", quarter-1))
	check("a new version of one", 4, maxCachedBytes-1)
	c.put(file("4", 2))
	check("one byte past the budget", 1, 2)
	c.put(file("big", maxCachedBytes+1))
	check("a file over the whole budget", 1, 2)
	c.put(file("4", maxCachedBytes+1))
	check("a new version of one, over the whole budget", 0, 0)
	for i := range maxCached + 1 {
		c.put(file(fmt.Sprint(i), 1))
	}
	check("one scenario past the count", 1, 1)
}
