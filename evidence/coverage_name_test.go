package evidence

import (
	"testing"

	"parley/scenario"
)

// TestCoverageNamesRows: each actor's and issue's share carries its name
// at the snapshot (an actor the snapshot adds, its own), which the doors
// head the rows with; they had each looked it up again, the page by a
// scan of every actor per row.
func TestCoverageNamesRows(t *testing.T) {
	half, one := 50.0, 1.0
	s := &scenario.Scenario{
		Metadata: scenario.Metadata{AsOf: "2025-01-01"},
		Issues:   []scenario.Issue{{ID: "i", Name: "Budget"}},
		Actors:   []scenario.Actor{{ID: "a", Name: "Alpha", Capability: 1}, {ID: "b", Capability: 1}},
		Stances:  []scenario.Stance{{Actor: "a", Issue: "i", Position: 10, Salience: 1}, {Actor: "b", Issue: "i", Position: 90, Salience: 1}},
		Snapshots: []scenario.Snapshot{{Date: "2025-02-01", Changes: scenario.Changes{
			AddActors: []scenario.Actor{{ID: "c", Name: "Gamma", Capability: 1}},
			Stances:   []scenario.StanceChange{{Actor: "c", Issue: "i", Position: &half, Salience: &one}}}}},
	}
	cov := Coverage(s)
	if len(cov) != 2 {
		t.Fatalf("%d snapshots of coverage, want 2", len(cov))
	}
	got := func(c SnapshotCoverage) (names []string) {
		for _, x := range append(c.Actors, c.Issues...) {
			names = append(names, x.ID+"="+x.Name)
		}
		return names
	}
	for k, want := range [][]string{{"a=Alpha", "b=", "i=Budget"}, {"a=Alpha", "b=", "c=Gamma", "i=Budget"}} {
		if g := got(cov[k]); len(g) != len(want) || func() bool {
			for i := range g {
				if g[i] != want[i] {
					return true
				}
			}
			return false
		}() {
			t.Errorf("%s: %v, want %v", cov[k].Snapshot, g, want)
		}
	}
}
