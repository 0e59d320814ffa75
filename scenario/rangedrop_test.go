package scenario

import (
	"strings"
	"testing"
)

// A snapshot that moves a stance's position or salience, or an actor's
// capability, out of its range and gives no new range drops the range
// (resolve keeps a range only while it holds the value), so sweep varies
// the number no more: that is warned of at the changed field, naming the
// actor, the issue, the old range and the new number, and saying what to
// write to keep a range (the old one moved with the number, within the
// scale). A move within the range, a change that restates a range, and a
// variant's what-if are not warned of.
func TestSnapshotDropsRange(t *testing.T) {
	build := func(sn StanceChange, ac ActorChange, variant bool) *Scenario {
		s := &Scenario{
			Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:   []Issue{{ID: "i", Name: "I"}},
			Actors: []Actor{{ID: "a", Capability: 40, CapabilityRange: &Range{30, 50}, CapabilityAssumed: "t"},
				{ID: "b", Capability: 1, CapabilityAssumed: "t"}},
			Stances: []Stance{{Actor: "a", Issue: "i", Position: 70, Salience: 0.5, Assumed: "t",
				Range: &StanceRange{Position: &Range{60, 80}, Salience: &Range{0.4, 0.6}}},
				{Actor: "b", Issue: "i", Position: 30, Salience: 0.5, Assumed: "t"}},
		}
		c := Changes{Stances: []StanceChange{sn}, Actors: []ActorChange{ac}}
		if variant {
			s.Variants = []Variant{{ID: "v", Changes: c}}
		} else {
			s.Snapshots = []Snapshot{{Date: "2025-02-01", Changes: c}}
		}
		return s
	}
	for _, c := range []struct {
		name    string
		sn      StanceChange
		ac      ActorChange
		variant bool
		want    []string // "path: message (valid: ...)"
	}{
		{"position out of its range", StanceChange{Actor: "a", Issue: "i", Position: fp(40), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].position: moves a's position on issue i from 70 to 40, outside its range [60, 80], which is dropped: sweep will not vary it " +
				"(valid: a range of its own in the change to keep one, e.g. range: {position: [30, 50]})"}},
		{"near the scale's end the suggestion stays on the scale", StanceChange{Actor: "a", Issue: "i", Position: fp(95), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].position: moves a's position on issue i from 70 to 95, outside its range [60, 80], which is dropped: sweep will not vary it " +
				"(valid: a range of its own in the change to keep one, e.g. range: {position: [85, 100]})"}},
		{"salience out of its range", StanceChange{Actor: "a", Issue: "i", Salience: fp(0.9), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].salience: moves a's salience on issue i from 0.5 to 0.9, outside its range [0.4, 0.6], which is dropped: sweep will not vary it " +
				"(valid: a range of its own in the change to keep one, e.g. range: {salience: [0.8, 1]})"}},
		{"capability out of its range", StanceChange{Actor: "a", Issue: "i", Position: fp(70)}, ActorChange{ID: "a", Capability: fp(80), CapabilityAssumed: "grew"}, false, []string{
			"snapshots[0].actors[0].capability: moves a's capability from 40 to 80, outside its range [30, 50], which is dropped: sweep will not vary it " +
				"(valid: a capability_range of its own in the change to keep one, e.g. capability_range: [60, 100])"}},
		{"within the range", StanceChange{Actor: "a", Issue: "i", Position: fp(75), Salience: fp(0.6), Assumed: "moved"}, ActorChange{ID: "a", Capability: fp(50), CapabilityAssumed: "grew"}, false, nil},
		{"a range restated", StanceChange{Actor: "a", Issue: "i", Position: fp(40), Assumed: "moved", Range: &StanceRange{Position: &Range{35, 45}}},
			ActorChange{ID: "a", Capability: fp(80), CapabilityAssumed: "grew", CapabilityRange: &Range{70, 90}}, false, nil},
		{"a variant", StanceChange{Actor: "a", Issue: "i", Position: fp(40)}, ActorChange{ID: "a", Capability: fp(80)}, true, nil},
	} {
		ds := build(c.sn, c.ac, c.variant).Validate()
		if len(ds) != len(c.want) {
			t.Errorf("%s: %d diagnostics, want %d: %v", c.name, len(ds), len(c.want), ds)
			continue
		}
		for k, d := range ds {
			if got := d.Path + ": " + d.Message + " (valid: " + d.Valid + ")"; !d.Warning || got != c.want[k] {
				t.Errorf("%s:\n got %s (warning %v)\nwant %s", c.name, got, d.Warning, c.want[k])
			}
		}
	}
}

// The resolved scenario indeed has no range where the warning says so.
func TestSnapshotDropsRangeResolved(t *testing.T) {
	s := &Scenario{
		Metadata:  Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
		Issues:    []Issue{{ID: "i", Name: "I"}},
		Actors:    []Actor{{ID: "a", Capability: 1, CapabilityAssumed: "t"}},
		Stances:   []Stance{{Actor: "a", Issue: "i", Position: 70, Salience: 0.5, Assumed: "t", Range: &StanceRange{Position: &Range{60, 80}}}},
		Snapshots: []Snapshot{{Date: "2025-02-01", Changes: Changes{Stances: []StanceChange{{Actor: "a", Issue: "i", Position: fp(40), Assumed: "m"}}}}},
	}
	r, err := s.Resolve(Latest, "")
	if err != nil {
		t.Fatal(err)
	}
	if st := r.Stances[0]; st.Position != 40 || (st.Range != nil && st.Range.Position != nil) {
		t.Errorf("resolved stance %+v, want position 40 and no position range", st)
	}
	if ds := s.Validate(); len(ds) != 1 || !strings.Contains(ds[0].Message, "which is dropped") {
		t.Errorf("diagnostics %v, want the one warning of the dropped range", ds)
	}
}

// A stance with a range on one number only: a snapshot that moves the
// other number has no range to drop, so no warning — and no panic (the
// suggestion for the missing range was worked out before its nil check,
// found in the seventeenth session's read-through).
func TestSnapshotMovesTheNumberWithoutARange(t *testing.T) {
	for _, c := range []struct {
		name string
		r    StanceRange
		sn   StanceChange
	}{
		{"salience range, position moved", StanceRange{Salience: &Range{0.4, 0.6}}, StanceChange{Actor: "a", Issue: "i", Position: fp(40), Assumed: "moved"}},
		{"position range, salience moved", StanceRange{Position: &Range{60, 80}}, StanceChange{Actor: "a", Issue: "i", Salience: fp(0.9), Assumed: "moved"}},
	} {
		r := c.r
		s := &Scenario{
			Metadata:  Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:    []Issue{{ID: "i", Name: "I"}},
			Actors:    []Actor{{ID: "a", Capability: 1, CapabilityAssumed: "t"}},
			Stances:   []Stance{{Actor: "a", Issue: "i", Position: 70, Salience: 0.5, Assumed: "t", Range: &r}},
			Snapshots: []Snapshot{{Date: "2025-02-01", Changes: Changes{Stances: []StanceChange{c.sn}}}},
		}
		if ds := s.Validate(); len(ds) != 0 {
			t.Errorf("%s: %v, want no diagnostics", c.name, ds)
		}
	}
}
