package scenario

import (
	"slices"
	"testing"
)

// A stance whose actor is unknown still has its numbers checked against
// its issue's scale: validate promises every problem at once, and a
// misspelt actor ("nurse") hid a position of 12 on a 0–10 scale until
// the typo was fixed. Likewise a snapshot's change of an unknown actor.
// An unknown issue leaves no scale to check against, and nothing more is
// said.
func TestUnknownActorStanceStillChecksItsScale(t *testing.T) {
	s := &Scenario{
		Metadata: Metadata{ID: "t", Title: "T", AsOf: "2026-03-03"},
		Issues:   []Issue{{ID: "wage", Name: "Wage", Scale: &Scale{Min: 0, Max: 10}}},
		Actors:   []Actor{{ID: "nurses", Capability: 35, CapabilityAssumed: "t"}, {ID: "hospital", Capability: 40, CapabilityAssumed: "t"}},
		Stances: []Stance{
			{Actor: "nurse", Issue: "wage", Position: 12, Salience: 0.9, Assumed: "t", Range: &StanceRange{Position: &Range{7, 11}}},
			{Actor: "hospital", Issue: "wage", Position: 3, Salience: 0.9, Assumed: "t"},
			{Actor: "nurse", Issue: "wages", Position: 12, Salience: 0.9, Assumed: "t"},
		},
		Snapshots: []Snapshot{{Date: "2026-03-20", Changes: Changes{Stances: []StanceChange{
			{Actor: "hopsital", Issue: "wage", Position: fp(-1), Assumed: "moved"}}}}},
	}
	var got []string
	for _, d := range s.Validate() {
		if !d.Warning {
			got = append(got, d.Path+": "+d.Message)
		}
	}
	want := []string{
		`stances[0].actor: unknown actor "nurse" (did you mean "nurses"?)`,
		`stances[0].position: position 12 is outside the scale`,
		`stances[0].range.position: range [7, 11] leaves the scale`,
		`stances[2].actor: unknown actor "nurse" (did you mean "nurses"?)`,
		`stances[2].issue: unknown issue "wages" (did you mean "wage"?)`,
		`snapshots[0].stances[0].actor: unknown actor "hopsital" (did you mean "hospital"?)`,
		`snapshots[0].stances[0].position: position -1 is outside the scale`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("errors\n%q\nwant\n%q", got, want)
	}
}
