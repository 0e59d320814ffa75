package scenario

import (
	"fmt"
	"strings"
)

// IDs hands out unique ids to readers of other tools' files, whose names
// may collide once made into ids: the base itself, or else base-2,
// base-3, … (the first free). It remembers, per base, where to try next,
// so n names that all make the same base take linear time, not quadratic.
// The zero value is not ready; use NewIDs.
type IDs struct {
	seen map[string]bool
	next map[string]int
}

// NewIDs returns an empty set of ids, with room for n.
func NewIDs(n int) *IDs { return &IDs{seen: make(map[string]bool, n), next: map[string]int{}} }

// Unique returns base, or the first of base-2, base-3, … not yet given,
// and records it as given.
func (u *IDs) Unique(base string) string {
	id := base
	if u.seen[id] {
		k := max(u.next[base], 2)
		for id = fmt.Sprintf("%s-%d", base, k); u.seen[id]; id = fmt.Sprintf("%s-%d", base, k) {
			k++
		}
		// Every suffix below k is given (ids are never taken back).
		u.next[base] = k + 1
	}
	u.seen[id] = true
	return id
}

// IDByte reports whether c may stand in an id Parley makes (Slug) and a
// server takes as a scenario's key (store.BadID): an ASCII letter or
// digit, '-', '_' or '.'.
func IDByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || IDAlnum(c)
}

// IDAlnum reports whether c is an ASCII letter or digit, the bytes an
// id a server keys a scenario by may begin with (store.BadID).
func IDAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// MaxSlug is the longest id Slug makes; a longer one gives the fallback.
const MaxSlug = 64

// Slug turns a name from another tool's file into an id: ASCII letters,
// digits, '-', '_' and '.' kept, any other run of characters turned into
// one '-', none at either end. A name that leaves nothing, or more than
// MaxSlug bytes, gives fallback (the readers pass a positional id such
// as "a3"). Pass it through IDs.Unique to keep ids distinct.
func Slug(name, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(name) {
		if r < 0x80 && IDByte(byte(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if out == "" || len(out) > MaxSlug {
		return fallback
	}
	return out
}
