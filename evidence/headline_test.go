package evidence

import (
	"strings"
	"testing"

	"parley/scenario"
)

// TestCoverageHeadline (redline21, finding 3): the coverage's headline
// states each kind apart, so that stances resting on quotes do not read
// as the whole when every capability is assumed (validate printed "base
// 90%" beside "Capabilities quoted at base: 0 of 5").
//
// By hand: weights capability × salience: a 4 × 0.5 = 2 (quoted), b 1 ×
// 0.5 = 0.5 (assumed), c 4 × 0.25 = 1 (quoted); stances 3 / 3.5 =
// 85.7%, written 86%. Capabilities: none quoted of 3. Red lines: a's
// quoted, b's assumed: 1 of 2. Reservations: b's, assumed: 0 of 1. a's
// and c's stances cite one quote, q, so both rest only on a quote shared
// with other actors: 3 / 3.5, 86%, 2 stances (honest27).
func TestCoverageHeadline(t *testing.T) {
	src := []scenario.Source{{ID: "s"}}
	q := []scenario.Evidence{{Source: "s", Quote: "q"}}
	res := 0.4
	s := &scenario.Scenario{
		Metadata: scenario.Metadata{AsOf: "2025-01-01", Sources: src},
		Issues:   []scenario.Issue{{ID: "i"}, {ID: "j"}},
		Actors: []scenario.Actor{
			{ID: "a", Capability: 4, CapabilityAssumed: "g", RedLines: map[string]string{"i": "<= 50"}, RedLineEvidence: map[string][]scenario.Evidence{"i": q}},
			{ID: "b", Capability: 1, CapabilityAssumed: "g", RedLines: map[string]string{"i": ">= 5"}, RedLineAssumed: map[string]string{"i": "g"},
				Reservation: &res, ReservationAssumed: "g"},
			{ID: "c", Capability: 4, CapabilityAssumed: "g"},
		},
		Stances: []scenario.Stance{
			{Actor: "a", Issue: "i", Position: 10, Salience: 0.5, Evidence: q},
			{Actor: "b", Issue: "i", Position: 90, Salience: 0.5, Assumed: "g"},
			{Actor: "c", Issue: "j", Position: 90, Salience: 0.25, Evidence: q},
		},
	}
	cov := Coverage(s)
	want := "stances 86% quoted (by capability × salience), 86% only by shared quotes (2 stances), capabilities 0 of 3 quoted, red lines 1 of 2 quoted, reservations 0 of 1 quoted"
	if len(cov) != 1 || cov[0].Headline != want || Headline(cov[0]) != want {
		t.Fatalf("headline %q, want %q", cov[0].Headline, want)
	}
	// No red lines nor reservations stated: none named.
	s.Actors[0].RedLines, s.Actors[1].RedLines, s.Actors[1].Reservation = nil, nil, nil
	s.Actors[0].RedLineEvidence, s.Actors[1].RedLineAssumed = nil, nil
	if got := Coverage(s)[0].Headline; got != "stances 86% quoted (by capability × salience), 86% only by shared quotes (2 stances), capabilities 0 of 3 quoted" {
		t.Errorf("headline %q", got)
	}
}

// The stances' share is never written 100% while a stance is unquoted,
// nor 0% while one is quoted, and a snapshot weighing no stance says so
// (it read "stances 100% quoted" at 99.6%, "0% quoted" with no weight).
//
// By hand: a 249 × 1 = 249 quoted, b 1 × 1 = 1 assumed: 249 / 250 =
// 99.6%, "99.6%" (the one percent rule, nouns.Percent; it read "over
// 99%", a rule of the headline's own); swapped, 1 / 250 = 0.4%, "0.4%"
// (it read "under 1%"); no stances: "no stance weighed"; 248 / 250 =
// 99.2% is "99%"; 1 / 40 = 2.5% is "3%", half away from zero.
func TestCoverageHeadlineEnds(t *testing.T) {
	q := []scenario.Evidence{{Source: "s", Quote: "q"}}
	mk := func(quoted, assumed float64) *scenario.Scenario {
		return &scenario.Scenario{
			Metadata: scenario.Metadata{AsOf: "2025-01-01", Sources: []scenario.Source{{ID: "s"}}},
			Issues:   []scenario.Issue{{ID: "i"}},
			Actors: []scenario.Actor{
				{ID: "a", Capability: quoted, CapabilityAssumed: "g"},
				{ID: "b", Capability: assumed, CapabilityAssumed: "g"},
			},
			Stances: []scenario.Stance{
				{Actor: "a", Issue: "i", Position: 10, Salience: 1, Evidence: q},
				{Actor: "b", Issue: "i", Position: 90, Salience: 1, Assumed: "g"},
			},
		}
	}
	for _, c := range []struct {
		s    *scenario.Scenario
		want string
	}{
		{mk(249, 1), "stances 99.6% quoted (by capability × salience), capabilities 0 of 2 quoted"},
		{mk(1, 249), "stances 0.4% quoted (by capability × salience), capabilities 0 of 2 quoted"},
		{mk(1, 39), "stances 3% quoted (by capability × salience), capabilities 0 of 2 quoted"},
		{mk(248, 2), "stances 99% quoted (by capability × salience), capabilities 0 of 2 quoted"},
		{func() *scenario.Scenario { s := mk(1, 1); s.Stances = nil; return s }(), "no stance weighed, capabilities 0 of 2 quoted"},
	} {
		if got := Coverage(c.s)[0].Headline; got != c.want {
			t.Errorf("headline %q, want %q", got, c.want)
		}
	}
}

// TestUnquoted: under the headline's quoted counts, what the rest of
// each kind rests on, only for a kind not wholly quoted: 10 capabilities,
// 7 quoted, 2 assumed, so 1 with neither; red lines 3 of 3 quoted, no
// line; reservations 0 of 2 quoted, both assumed.
func TestUnquoted(t *testing.T) {
	c := SnapshotCoverage{
		Capabilities: Capabilities{Actors: 10, Quoted: 7, Assumed: 2},
		RedLines:     Backing{Stated: 3, Quoted: 3},
		Reservations: Backing{Stated: 2, Assumed: 2},
	}
	got := strings.Join(Unquoted(c), " | ")
	if want := "Capabilities not quoted: 2 assumed, 1 with neither. | Reservations not quoted: 2 assumed."; got != want {
		t.Errorf("Unquoted = %q, want %q", got, want)
	}
}
