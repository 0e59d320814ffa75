package scenario

import "testing"

// A range the base refuses (upside down, off the scale, or not holding
// its value), or a range around a refused value, is one error at its own
// field: a snapshot that moves the number out of it gets no second
// warning that the range "is dropped", whose suggestion would be built
// from the refused range (an upside-down one gave an upside-down
// suggestion: "e.g. range: {position: [6.5, 5]}"). The messages write a
// range as the file does, "[80, 60]", not Go's "[80 60]".
func TestRefusedRangeIsNotDroppedAgain(t *testing.T) {
	for _, c := range []struct {
		name     string
		pos      float64
		posRange Range
		capRange Range
		want     []string
	}{
		{"upside down", 70, Range{80, 60}, Range{50, 30}, []string{
			"actors[0].capability_range: range [50, 30] is not a positive interval (valid: [low, high] with 0 < low ≤ high)",
			"stances[0].range.position: range [80, 60] is not an interval (valid: [low, high] with low ≤ high)"}},
		{"off the scale", 70, Range{60, 120}, Range{30, 2e12}, []string{
			"actors[0].capability_range: range [30, 2000000000000] is outside the allowed capabilities (valid: [low, high] with both from 1e-9 to 1e12)",
			"stances[0].range.position: range [60, 120] leaves the scale (valid: a range within the scale 0–100)"}},
		{"not holding its value", 70, Range{10, 20}, Range{1, 2}, []string{
			"actors[0].capability_range: range [1, 2] does not contain the capability (valid: a range containing the capability 40)",
			"stances[0].range.position: range [10, 20] does not contain the position (valid: a range containing the position 70)"}},
		{"around a refused position", 170, Range{60, 80}, Range{30, 50}, []string{
			"stances[0].position: position 170 is outside the scale (valid: a number from 0 to 100 (the scale of issue i))",
			"snapshots[0].actors[0].capability: moves a's capability from 40 to 400, outside its range [30, 50], which is dropped: sweep will not vary it " +
				"(valid: a capability_range of its own in the change to keep one, e.g. capability_range: [300, 500], or capability_range_dropped: <reason> to drop it)"}},
	} {
		pr, cr := c.posRange, c.capRange
		s := &Scenario{
			Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:   []Issue{{ID: "i", Name: "I"}},
			Actors:   []Actor{{ID: "a", Capability: 40, CapabilityRange: &cr, CapabilityAssumed: "t"}},
			Stances:  []Stance{{Actor: "a", Issue: "i", Position: c.pos, Salience: 0.5, Assumed: "t", Range: &StanceRange{Position: &pr}}},
			Snapshots: []Snapshot{{Date: "2025-02-01", Changes: Changes{
				Stances: []StanceChange{{Actor: "a", Issue: "i", Position: fp(40), Assumed: "moved"}},
				Actors:  []ActorChange{{ID: "a", Capability: fp(400), CapabilityAssumed: "grew"}}}}},
		}
		ds := s.Validate()
		var got []string
		for _, d := range ds {
			got = append(got, d.Path+": "+d.Message+" (valid: "+d.Valid+")")
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: got %d diagnostics, want %d:\n%q", c.name, len(got), len(c.want), got)
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("%s:\n got %s\nwant %s", c.name, got[k], c.want[k])
			}
		}
	}
}
