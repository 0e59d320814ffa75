package scenario

import "testing"

// A snapshot's range of a stance whose base value is off its scale (a
// salience of 1.5 on the 0–1 scale, a position of 170 on 0–100) is not
// told to contain that value: the value's own error says its bounds, and
// "valid: a range containing the salience 1.5" asked for a fix nobody
// can make (a range may not leave the scale either).
func TestChangeRangeOfRefusedValue(t *testing.T) {
	s := &Scenario{
		Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
		Issues:   []Issue{{ID: "i", Name: "I"}},
		Actors:   []Actor{{ID: "a", Capability: 40, CapabilityAssumed: "t"}},
		Stances:  []Stance{{Actor: "a", Issue: "i", Position: 170, Salience: 1.5, Assumed: "t"}},
		Snapshots: []Snapshot{{Date: "2025-02-01", Changes: Changes{
			Stances: []StanceChange{{Actor: "a", Issue: "i", Note: "n", Assumed: "kept",
				Range: &StanceRange{Position: &Range{60, 80}, Salience: &Range{0.85, 1}}}}}}},
	}
	var got []string
	for _, d := range s.Validate().Errors(false) {
		got = append(got, d.Path+": "+d.Message+" (valid: "+d.Valid+")")
	}
	want := []string{
		"stances[0].salience: salience 1.5 is outside its range (valid: a number from 0 to 1 (metadata.salience_scale))",
		"stances[0].position: position 170 is outside the scale (valid: a number from 0 to 100 (the scale of issue i))",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%q", len(got), len(want), got)
	}
	for k := range got {
		if got[k] != want[k] {
			t.Errorf("got  %s\nwant %s", got[k], want[k])
		}
	}
}
