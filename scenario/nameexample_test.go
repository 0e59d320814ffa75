package scenario

import "testing"

// A proposal with no name is given an example in the file's own words
// (input25), not the built-in case's “30-day ceasefire (Jeddah)”: one of
// its own values, labelled by its option when an option lies there; with
// an empty package, the first issue's first option; with no issue on a
// sound scale, no example.
func TestMissingProposalNameExampleIsTheFilesOwn(t *testing.T) {
	issues := []Issue{
		{ID: "share", Name: "City share", Scale: &Scale{Min: 0, Max: 60}, Anchors: []Anchor{{Value: 20, Label: "a fifth"}}},
		{ID: "fare", Scale: &Scale{Min: 0, Max: 50}, Anchors: []Anchor{{Value: 10, Label: "+10c"}}},
	}
	for _, c := range []struct {
		name   string
		issues []Issue
		pkg    map[string]float64
		want   string
	}{
		{"a labelled value is preferred", issues, map[string]float64{"share": 35, "fare": 10}, "a short name such as “fare: +10c”"},
		{"no value labelled: the first issue's value", issues, map[string]float64{"share": 35, "fare": 12}, "a short name such as “City share: 35”"},
		{"an empty package: the first issue's first option", issues, map[string]float64{}, "a short name such as “City share: a fifth”"},
		{"an unknown issue only", issues, map[string]float64{"nope": 1}, "a short name such as “City share: a fifth”"},
		{"no sound scale", []Issue{{ID: "x", Scale: &Scale{Min: 5, Max: 1}}}, map[string]float64{"x": 3}, "a short name"},
	} {
		s := &Scenario{
			Metadata:  Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:    c.issues,
			Actors:    []Actor{{ID: "a", Capability: 1, CapabilityAssumed: "t"}},
			Proposals: []Proposal{{ID: "p", Date: "2025-01-01", Package: c.pkg, Assumed: "t"}},
		}
		found := false
		for _, d := range s.Validate() {
			if d.Path == "proposals[0].name" {
				found = true
				if d.Message != "missing" || d.Valid != c.want {
					t.Errorf("%s: %s (valid: %s), want valid: %s", c.name, d.Message, d.Valid, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no diagnostic at proposals[0].name", c.name)
		}
	}
}
