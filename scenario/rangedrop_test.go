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
// scale). A variant's what-if is warned of as a snapshot is: sweep of
// the variant varies the number no more either. A move within the range,
// a change that restates a range, and a change that says the drop is
// intended (range_dropped, capability_range_dropped: <reason>) are not
// warned of; a change that says so where nothing is dropped is.
func TestSnapshotDropsRange(t *testing.T) {
	build := func(sn StanceChange, ac ActorChange, variant bool) *Scenario {
		return changedIn(&Scenario{
			Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:   []Issue{{ID: "i", Name: "I"}},
			Actors: []Actor{{ID: "a", Capability: 40, CapabilityRange: &Range{30, 50}, CapabilityAssumed: "t"},
				{ID: "b", Capability: 1, CapabilityAssumed: "t"}},
			Stances: []Stance{{Actor: "a", Issue: "i", Position: 70, Salience: 0.5, Assumed: "t",
				Range: &StanceRange{Position: &Range{60, 80}, Salience: &Range{0.4, 0.6}}},
				{Actor: "b", Issue: "i", Position: 30, Salience: 0.5, Assumed: "t"}},
		}, sn, ac, variant)
	}
	for _, c := range []struct {
		name    string
		sn      StanceChange
		ac      ActorChange
		variant bool
		want    []string // "path: message (valid: ...)"
	}{
		{"position out of its range", StanceChange{Actor: "a", Issue: "i", Position: fp(40), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].position: moves a's position on I from 70 to 40, outside its range [60, 80], which is dropped: sweep will not vary it " +
				"(valid: a range of its own in the change to keep one, e.g. range: {position: [30, 50]}, or range_dropped: <reason> to drop it)"}},
		{"near the scale's end the suggestion slides back onto the scale, keeping its width", StanceChange{Actor: "a", Issue: "i", Position: fp(95), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].position: moves a's position on I from 70 to 95, outside its range [60, 80], which is dropped: sweep will not vary it " +
				"(valid: a range of its own in the change to keep one, e.g. range: {position: [80, 100]}, or range_dropped: <reason> to drop it)"}},
		{"salience out of its range", StanceChange{Actor: "a", Issue: "i", Salience: fp(0.9), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].salience: moves a's salience on I from 0.5 to 0.9, outside its range [0.4, 0.6], which is dropped: sweep will not vary it " +
				"(valid: a range of its own in the change to keep one, e.g. range: {salience: [0.8, 1]}, or range_dropped: <reason> to drop it)"}},
		{"capability out of its range", StanceChange{Actor: "a", Issue: "i", Position: fp(70)}, ActorChange{ID: "a", Capability: fp(80), CapabilityAssumed: "grew"}, false, []string{
			"snapshots[0].actors[0].capability: moves a's capability from 40 to 80, outside its range [30, 50], which is dropped: sweep will not vary it " +
				"(valid: a capability_range of its own in the change to keep one, e.g. capability_range: [60, 100], or capability_range_dropped: <reason> to drop it)"}},
		{"within the range (onto an end is rangeend_test.go's)", StanceChange{Actor: "a", Issue: "i", Position: fp(75), Salience: fp(0.55), Assumed: "moved"}, ActorChange{ID: "a", Capability: fp(45), CapabilityAssumed: "grew"}, false, nil},
		{"a range restated", StanceChange{Actor: "a", Issue: "i", Position: fp(40), Assumed: "moved", Range: &StanceRange{Position: &Range{35, 45}}},
			ActorChange{ID: "a", Capability: fp(80), CapabilityAssumed: "grew", CapabilityRange: &Range{70, 90}}, false, nil},
		{"a variant's what-if drops the range as a snapshot does", StanceChange{Actor: "a", Issue: "i", Position: fp(40)}, ActorChange{ID: "a", Capability: fp(80)}, true, []string{
			"variants[0].actors[0].capability: moves a's capability from 40 to 80, outside its range [30, 50], which is dropped: sweep will not vary it " +
				"(valid: a capability_range of its own in the change to keep one, e.g. capability_range: [60, 100], or capability_range_dropped: <reason> to drop it)",
			"variants[0].stances[0].position: moves a's position on I from 70 to 40, outside its range [60, 80], which is dropped: sweep will not vary it " +
				"(valid: a range of its own in the change to keep one, e.g. range: {position: [30, 50]}, or range_dropped: <reason> to drop it)"}},
		{"the drop said to be intended", StanceChange{Actor: "a", Issue: "i", Position: fp(40), Salience: fp(0.9), Assumed: "moved", RangeDropped: "reported exactly"},
			ActorChange{ID: "a", Capability: fp(80), CapabilityAssumed: "grew", CapabilityRangeDropped: "counted"}, false, nil},
		{"the drop said to be intended in a variant", StanceChange{Actor: "a", Issue: "i", Position: fp(40), RangeDropped: "what if it is known"},
			ActorChange{ID: "a", Capability: fp(80), CapabilityRangeDropped: "what if"}, true, nil},
		{"a drop said to be intended where nothing is dropped", StanceChange{Actor: "a", Issue: "i", Position: fp(75), Assumed: "moved", RangeDropped: "exact"},
			ActorChange{ID: "a", Capability: fp(45), CapabilityAssumed: "grew", CapabilityRangeDropped: "counted"}, false, []string{
				"snapshots[0].actors[0].capability_range_dropped: no range is dropped: a's capability range [30, 50] holds 45 " +
					"(valid: capability_range_dropped only where the change moves the capability out of its range and gives none; remove it)",
				"snapshots[0].stances[0].range_dropped: no range is dropped: a's position range [60, 80] holds 75, and the change moves no salience " +
					"(valid: range_dropped only where the change moves a position or a salience out of its range and gives none; remove it)"}},
		{"a capability drop said to be intended where the capability does not change", StanceChange{Actor: "a", Issue: "i", Position: fp(75), Assumed: "moved"},
			ActorChange{ID: "a", CapabilityRangeDropped: "counted"}, false, []string{
				"snapshots[0].actors[0].capability_range_dropped: no range is dropped: the change moves no capability " +
					"(valid: capability_range_dropped only where the change moves the capability out of its range and gives none; remove it)"}},
	} {
		wantWarnings(t, c.name, build(c.sn, c.ac, c.variant).Validate(), c.want)
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

// The suggested range is the old one moved with the number and kept on
// the scale with its width: where it would leave the scale it slides back
// inside (it held [100, 100] once, zero-width, when the number moved to
// the scale's end from its range's low end); a capability's is scaled
// with the capability and slides back under 1e12 keeping its ratio. A
// range of one point varies nothing, so dropping it is no warning.
func TestRangeDropSuggestionKeepsItsWidth(t *testing.T) {
	for _, c := range []struct {
		name string
		st   Stance
		cp   float64
		cr   *Range
		sn   StanceChange
		ac   ActorChange
		want string // the suggestion in the warning's valid text; "" none
	}{
		{"to the top end from the range's low end", Stance{Position: 60, Salience: 0.5, Range: &StanceRange{Position: &Range{60, 80}}}, 1, nil,
			StanceChange{Position: fp(100)}, ActorChange{}, "range: {position: [80, 100]}"},
		{"to the bottom end from the range's high end", Stance{Position: 70, Salience: 0.5, Range: &StanceRange{Position: &Range{50, 70}}}, 1, nil,
			StanceChange{Position: fp(0)}, ActorChange{}, "range: {position: [0, 20]}"},
		{"a salience to 1 from its range's low end", Stance{Position: 50, Salience: 0.4, Range: &StanceRange{Salience: &Range{0.4, 0.6}}}, 1, nil,
			StanceChange{Salience: fp(1)}, ActorChange{}, "range: {salience: [0.8, 1]}"},
		{"a capability to the largest", Stance{Position: 50, Salience: 0.5}, 1, &Range{0.5, 2},
			StanceChange{}, ActorChange{Capability: fp(1e12)}, "capability_range: [250000000000, 1000000000000]"},
		{"a capability to the smallest", Stance{Position: 50, Salience: 0.5}, 1, &Range{0.5, 2},
			StanceChange{}, ActorChange{Capability: fp(1e-9)}, "capability_range: [1e-09, 4e-09]"},
		{"a range of one point", Stance{Position: 60, Salience: 0.5, Range: &StanceRange{Position: &Range{60, 60}}}, 1, nil,
			StanceChange{Position: fp(100)}, ActorChange{}, ""},
	} {
		st := c.st
		st.Actor, st.Issue, st.Assumed = "a", "i", "t"
		sn, ac := c.sn, c.ac
		sn.Actor, sn.Issue, sn.Assumed, ac.ID, ac.CapabilityAssumed = "a", "i", "moved", "a", "grew"
		s := &Scenario{
			Metadata:  Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:    []Issue{{ID: "i", Name: "I"}},
			Actors:    []Actor{{ID: "a", Capability: c.cp, CapabilityRange: c.cr, CapabilityAssumed: "t"}},
			Stances:   []Stance{st},
			Snapshots: []Snapshot{{Date: "2025-02-01", Changes: Changes{Stances: []StanceChange{sn}, Actors: []ActorChange{ac}}}},
		}
		ds := s.Validate()
		switch {
		case c.want == "" && len(ds) != 0:
			t.Errorf("%s: %v, want none", c.name, ds)
		case c.want != "" && (len(ds) != 1 || !strings.Contains(ds[0].Valid, "e.g. "+c.want+", or")):
			t.Errorf("%s: %v, want one warning suggesting %s", c.name, ds, c.want)
		}
	}
}

// changedIn gives s the changes sn and ac as its one variant where
// variant, else as its one snapshot (1 February 2025).
func changedIn(s *Scenario, sn StanceChange, ac ActorChange, variant bool) *Scenario {
	c := Changes{Stances: []StanceChange{sn}, Actors: []ActorChange{ac}}
	if variant {
		s.Variants = []Variant{{ID: "v", Changes: c}}
	} else {
		s.Snapshots = []Snapshot{{Date: "2025-02-01", Changes: c}}
	}
	return s
}

// wantWarnings checks that ds, the diagnostics of the case named name,
// are the warnings want, each "path: message (valid: ...)", in order.
func wantWarnings(t *testing.T, name string, ds Diagnostics, want []string) {
	t.Helper()
	if len(ds) != len(want) {
		t.Errorf("%s: %d diagnostics, want %d: %v", name, len(ds), len(want), ds)
		return
	}
	for k, d := range ds {
		if got := d.Path + ": " + d.Message + " (valid: " + d.Valid + ")"; !d.Warning || got != want[k] {
			t.Errorf("%s:\n got %s (warning %v)\nwant %s", name, got, d.Warning, want[k])
		}
	}
}
