package scenario

import (
	"fmt"
	"strings"
	"testing"
)

// A quote dated after the date from which the number it supports takes
// effect is noted (LookAhead, which parley validate gives) at its path,
// one note per state and source, naming the source and both dates: a
// base quote after metadata.as_of (by its own date, or by its source's,
// metadata.sources), a snapshot's quote after the snapshot's date. A
// quote on the date itself, a variant's, a proposal's and an outcome's
// are not: an outcome's quote reports what happened later by design.
// The hospital case's base quoted an article of 2026-03-20, the one that
// reported its outcome, under an as_of of 2026-03-03, and validate
// --strict said "ok".
func TestQuoteAfterItsDateWarns(t *testing.T) {
	s := &Scenario{
		Metadata: Metadata{ID: "t", Title: "T", AsOf: "2026-03-03", Sources: []Source{
			{ID: "tribune", Date: "2026-03-03"}, {ID: "gazette", Date: "2026-03-20"}, {ID: "notes"}}},
		Issues: []Issue{{ID: "wage", Name: "W", Scale: &Scale{Min: 0, Max: 10}}, {ID: "staffing", Name: "S", Scale: &Scale{Min: 5, Max: 8}}},
		Actors: []Actor{
			{ID: "hospital", Capability: 40, CapabilityEvidence: []Evidence{{Source: "notes", Quote: "q", Date: "2026-03-05"}}},
			{ID: "ministry", Capability: 15, CapabilityAssumed: "t", RedLines: map[string]string{"staffing": ">= 6"},
				RedLineEvidence: map[string][]Evidence{"staffing": {{Source: "gazette", Quote: "q"}}}}},
		Stances: []Stance{
			{Actor: "hospital", Issue: "wage", Position: 3, Salience: 0.9, Evidence: []Evidence{{Source: "tribune", Quote: "q", Date: "2026-03-03"}}},
			{Actor: "ministry", Issue: "staffing", Position: 6, Salience: 0.6, Evidence: []Evidence{{Source: "gazette", Quote: "q", Date: "2026-03-20"}}},
		},
		Snapshots: []Snapshot{{Date: "2026-03-20", Changes: Changes{Stances: []StanceChange{
			{Actor: "hospital", Issue: "wage", Position: fp(4), Evidence: []Evidence{{Source: "gazette", Quote: "q", Date: "2026-03-20"}}},
			{Actor: "hospital", Issue: "staffing", Position: fp(6), Salience: fp(0.5), Evidence: []Evidence{{Source: "gazette", Quote: "q", Date: "2026-03-25"}}},
		}}}},
		Variants:  []Variant{{ID: "v", Changes: Changes{Stances: []StanceChange{{Actor: "ministry", Issue: "staffing", Position: fp(5), Evidence: []Evidence{{Source: "gazette", Quote: "q", Date: "2026-04-01"}}}}}}},
		Proposals: []Proposal{{ID: "p", Name: "P", Date: "2026-03-19", Package: map[string]float64{"wage": 4}, Evidence: []Evidence{{Source: "gazette", Quote: "q", Date: "2026-03-20"}}}},
		Outcomes:  []Outcome{{Issue: "wage", Value: 4, Date: "2026-03-20", Evidence: []Evidence{{Source: "gazette", Quote: "q", Date: "2026-03-20"}}}},
	}
	const effect = ", from which the number it supports takes effect: a forecast as of %s rests on news from later, and a backtest from it can look skilful by accident"
	base := ", after 2026-03-03, the base's as_of (metadata.as_of)" + fmt.Sprintf(effect, "2026-03-03")
	want := []string{
		"actors[0].capability_evidence[0]: is dated 2026-03-05 (source notes)" + base +
			" (valid: a quote dated on or before 2026-03-03, or the number it supports moved to a snapshot dated 2026-03-05 or later)",
		"actors[1].red_line_evidence.staffing[0]: quotes source gazette, dated 2026-03-20" + base + "; as does 1 other quote of it, dated up to 2026-03-20: stances[1].evidence[0]" +
			" (valid: a quote dated on or before 2026-03-03, or the number it supports moved to a snapshot dated 2026-03-20 or later)",
		"snapshots[0].stances[1].evidence[0]: is dated 2026-03-25 (source gazette), after 2026-03-20, the date of snapshots[0]" + fmt.Sprintf(effect, "2026-03-20") +
			" (valid: a quote dated on or before 2026-03-20, or the number it supports moved to a snapshot dated 2026-03-25 or later)",
	}
	var got []string
	for _, d := range s.LookAhead() {
		if !d.Note || !d.Warning {
			t.Errorf("%s: not a note", d.Path)
		}
		got = append(got, d.Path+": "+d.Message+" (valid: "+d.Valid+")")
	}
	if len(got) != len(want) {
		t.Fatalf("got %d look-ahead notes, want %d:\n%q", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("note %d\n%s\nwant\n%s", i, got[i], want[i])
		}
	}
	// Validate, which every answer's warnings carry, does not repeat them.
	for _, d := range s.Validate() {
		if strings.Contains(d.Message, "takes effect") {
			t.Errorf("Validate: %s", d)
		}
	}
}
