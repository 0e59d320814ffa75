package evidence

import (
	"testing"

	"parley/scenario"
)

// TestCoverageCountsEachNumber (coverage26, finding 1): a stance's quote
// counts for the numbers it says it supports — its position when it
// says nothing — and a position resting only on a quote another actor's
// stance cites too is counted apart as shared, not as the actor's own.
//
// By hand: the quote "shared" is cited by a (issue i) and b (issue i),
// so both stances' positions are quoted, each only by the shared quote
// (a's "own" quote on j supports the salience only, not the position).
// b on j cites "own-b", its own, supporting position and salience. c on
// i cites "shared"-less "c-only" from an undeclared source: not quoted.
// Positions: a·i (shared), b·i (shared), b·j → 3 of 5 overall, 2 shared;
// a·j's position is unquoted. Saliences: a·j, b·j → 2 of 5.
// Capabilities: a's quoted, b's assumed, c's neither → 1 of 3.
func TestCoverageCountsEachNumber(t *testing.T) {
	shared := scenario.Evidence{Source: "s", Quote: "Europe would  continue"}
	s := &scenario.Scenario{
		Metadata: scenario.Metadata{AsOf: "2025-01-01", Sources: []scenario.Source{{ID: "s"}}},
		Issues:   []scenario.Issue{{ID: "i"}, {ID: "j"}},
		Actors: []scenario.Actor{
			{ID: "a", Capability: 4, CapabilityEvidence: []scenario.Evidence{{Source: "s", Quote: "cap"}}},
			{ID: "b", Capability: 1, CapabilityAssumed: "g"},
			{ID: "c", Capability: 2},
		},
		Stances: []scenario.Stance{
			{Actor: "a", Issue: "i", Position: 10, Salience: 0.5, Evidence: []scenario.Evidence{shared}},
			{Actor: "a", Issue: "j", Position: 10, Salience: 0.5, Evidence: []scenario.Evidence{{Source: "s", Quote: "own-a", Supports: []string{"salience"}}}},
			// The same words, spaced otherwise, are the same quote.
			{Actor: "b", Issue: "i", Position: 90, Salience: 0.5, Evidence: []scenario.Evidence{{Source: "s", Quote: "Europe would continue"}}},
			{Actor: "b", Issue: "j", Position: 90, Salience: 0.5, Evidence: []scenario.Evidence{{Source: "s", Quote: "own-b", Supports: []string{"position", "salience"}}}},
			{Actor: "c", Issue: "i", Position: 50, Salience: 0.5, Evidence: []scenario.Evidence{{Source: "nowhere", Quote: "c-only"}}},
		},
	}
	cov := Coverage(s)
	if len(cov) != 1 {
		t.Fatalf("coverage at %d snapshots, want 1", len(cov))
	}
	c := cov[0]
	type counts struct{ stances, positions, shared, saliences int }
	got := func(sh Share) counts { return counts{sh.Stances, sh.Positions, sh.PositionsShared, sh.Saliences} }
	for _, tc := range []struct {
		name string
		sh   Share
		want counts
	}{
		{"overall", c.Overall, counts{5, 3, 2, 2}},
		{"actor a", c.Actors[0], counts{2, 1, 1, 1}},
		{"actor b", c.Actors[1], counts{2, 2, 1, 1}},
		{"actor c", c.Actors[2], counts{1, 0, 0, 0}},
		{"issue i", c.Issues[0], counts{3, 2, 2, 0}},
		{"issue j", c.Issues[1], counts{2, 1, 0, 2}},
	} {
		if g := got(tc.sh); g != tc.want {
			t.Errorf("%s: stances, positions, shared, saliences = %v, want %v", tc.name, g, tc.want)
		}
	}
	for i, want := range []Capabilities{{1, 1, 0}, {1, 0, 1}, {1, 0, 0}} {
		if g := c.Actors[i].Capabilities; g == nil || *g != want {
			t.Errorf("actor %d's capability: %v, want %v", i, g, want)
		}
	}
	if g := c.Overall.Capabilities; g == nil || *g != (Capabilities{3, 1, 1}) {
		t.Errorf("overall capabilities: %v, want {3 1 1}", g)
	}
	if c.Issues[0].Capabilities != nil {
		t.Errorf("issue i has capabilities %v, want none", c.Issues[0].Capabilities)
	}
	// The stances' weighted share still counts any quote from a declared
	// source: a·i 2, a·j 2, b·i 0.5, b·j 0.5 of 6 (c·i 1 unsupported).
	if c.Overall.Quotes != 4 {
		t.Errorf("overall quotes %d, want 4", c.Overall.Quotes)
	}
}
