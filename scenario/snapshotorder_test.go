package scenario

import (
	"slices"
	"testing"
)

// SnapshotOrder lists the snapshots' indices by date, whatever order the
// file gives them in: written 2025-06-01, 2025-02-01, 2025-09-01, they
// are the file's 2nd, 1st and 3rd.
func TestSnapshotOrder(t *testing.T) {
	s := &Scenario{Snapshots: []Snapshot{{Date: "2025-06-01"}, {Date: "2025-02-01"}, {Date: "2025-09-01"}}}
	if got, want := s.SnapshotOrder(), []int{1, 0, 2}; !slices.Equal(got, want) {
		t.Errorf("SnapshotOrder() = %v; want %v", got, want)
	}
	if got := (&Scenario{}).SnapshotOrder(); len(got) != 0 {
		t.Errorf("no snapshots: SnapshotOrder() = %v; want none", got)
	}
}
