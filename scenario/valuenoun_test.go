package scenario

import "testing"

// A number off its issue's scale is named for what it is: a stance's
// position, a proposal's value, an outcome's value ("position 40 is
// outside the scale" said of a proposal's package read as a stance's).
func TestOffScaleNamesTheValue(t *testing.T) {
	s := &Scenario{
		Metadata:  Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
		Issues:    []Issue{{ID: "wage", Name: "W", Scale: &Scale{Min: 0, Max: 10}}},
		Actors:    []Actor{{ID: "a", Capability: 1, CapabilityAssumed: "t"}},
		Stances:   []Stance{{Actor: "a", Issue: "wage", Position: 12, Salience: 0.5, Assumed: "t"}},
		Proposals: []Proposal{{ID: "p", Name: "P", Date: "2025-01-01", Package: map[string]float64{"wage": 40}, Assumed: "t"}},
		Outcomes:  []Outcome{{Issue: "wage", Value: -1, Date: "2025-03-01", Evidence: []Evidence{{Source: "s", Quote: "q"}}}},
	}
	want := map[string]string{
		"stances[0].position":       "position 12 is outside the scale (valid: a number from 0 to 10 (the scale of issue wage))",
		"proposals[0].package.wage": "the proposal's value 40 is outside the scale (valid: a number from 0 to 10 (the scale of issue wage))",
		"outcomes[0].value":         "the outcome's value -1 is outside the scale (valid: a number from 0 to 10 (the scale of issue wage))",
	}
	for _, d := range s.Validate() {
		w, ok := want[d.Path]
		if !ok {
			continue
		}
		if got := d.Message + " (valid: " + d.Valid + ")"; got != w {
			t.Errorf("%s:\n got %s\nwant %s", d.Path, got, w)
		}
		delete(want, d.Path)
	}
	for p := range want {
		t.Errorf("no diagnostic at %s", p)
	}
}
