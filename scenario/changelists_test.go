package scenario

import "testing"

// TestChangeLists: each snapshot's and variant's changes come with the
// path that names them, in the file's order (snapshots, then variants),
// so that a diagnostic about a change names the entry it is in; one list
// of pairs replaced two functions that had to agree by index.
func TestChangeLists(t *testing.T) {
	s := &Scenario{
		Snapshots: []Snapshot{{Date: "2025-03-01"}, {Date: "2025-02-01"}},
		Variants:  []Variant{{ID: "v"}},
	}
	got := s.changeLists()
	want := []changeList{
		{"snapshots[0]", &s.Snapshots[0].Changes},
		{"snapshots[1]", &s.Snapshots[1].Changes},
		{"variants[0]", &s.Variants[0].Changes},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lists, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].path != want[i].path || got[i].Changes != want[i].Changes {
			t.Errorf("[%d]: got %s %p, want %s %p", i, got[i].path, got[i].Changes, want[i].path, want[i].Changes)
		}
	}
	if n := len((&Scenario{}).changeLists()); n != 0 {
		t.Errorf("no snapshots and no variants: got %d lists, want 0", n)
	}
}
