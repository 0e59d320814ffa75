package scenario

import "fmt"

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
