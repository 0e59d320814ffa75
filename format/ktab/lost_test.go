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

// KTAB's cap on an actor's saliences is said on the scenario's own
// salience scale: on 0–1, a's 0.9 + 0.6 sum to 1.5 (it said "sum to
// 150" beside "(1 on 0–1)"); on 0–100, 90 + 60 sum to 150. The message
// names the API's parameter as well as the flag.
func TestSalienceCapOnTheFileScale(t *testing.T) {
	for _, c := range []struct {
		scale float64
		mul   float64
		want  string
	}{
		{0, 1, "KTAB needs an actor's saliences to sum to at most 1 on the scenario's 0–1 salience scale (KTAB's 100): a's sum to 1.5; lower them, or export one issue at a time (--issue; the API's issue=)"},
		{100, 100, "KTAB needs an actor's saliences to sum to at most 100: a's sum to 150; lower them, or export one issue at a time (--issue; the API's issue=)"},
	} {
		s := &scenario.Scenario{
			Metadata: scenario.Metadata{ID: "t", AsOf: "2025-01-01", SalienceScale: c.scale},
			Issues:   []scenario.Issue{{ID: "x"}, {ID: "y"}},
			Actors:   []scenario.Actor{{ID: "a", Capability: 1}, {ID: "b", Capability: 1}, {ID: "c", Capability: 1}},
		}
		for _, a := range []string{"a", "b", "c"} {
			s.Stances = append(s.Stances, scenario.Stance{Actor: a, Issue: "x", Position: 10, Salience: 0.9 * c.mul}, scenario.Stance{Actor: a, Issue: "y", Position: 10, Salience: 0.6 * c.mul})
		}
		if _, err := NewTable(s); err == nil || err.Error() != c.want {
			t.Errorf("scale %v: %v, want %q", c.scale, err, c.want)
		}
	}
}
