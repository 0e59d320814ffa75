package ktab

import (
	"slices"
	"testing"

	"parley/scenario"
)

// What a KTAB table cannot hold counts every evidence quote: a stance's,
// a capability's, a red line's and a reservation's.
func TestLostCountsEveryQuote(t *testing.T) {
	q := []scenario.Evidence{{Source: "s", Quote: "q"}}
	s := &scenario.Scenario{
		Metadata: scenario.Metadata{ID: "t", AsOf: "2025-01-01"},
		Issues:   []scenario.Issue{{ID: "cf"}},
		Actors: []scenario.Actor{
			{ID: "a", Capability: 1, CapabilityEvidence: q, RedLines: map[string]string{"cf": "<= 40"},
				RedLineEvidence: map[string][]scenario.Evidence{"cf": {q[0], q[0]}}, Reservation: new(0.2), ReservationEvidence: q},
			{ID: "b", Capability: 1, CapabilityAssumed: "t"},
			{ID: "c", Capability: 1, CapabilityAssumed: "t"},
		},
		Stances: []scenario.Stance{{Actor: "a", Issue: "cf", Position: 10, Salience: 0.5, Evidence: q}, {Actor: "b", Issue: "cf", Position: 90, Salience: 0.5, Assumed: "t"},
			{Actor: "c", Issue: "cf", Position: 50, Salience: 0.5, Assumed: "t"}},
	}
	tb, err := NewTable(s)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(tb.Lost, "evidence quotes (5)") {
		t.Errorf("lost %q, want evidence quotes (5): 1 stance's, 1 capability's, 2 of the red line's, 1 of the reservation's", tb.Lost)
	}
}
