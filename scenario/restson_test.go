package scenario

import (
	"reflect"
	"testing"
)

// What a resolved stance rests on follows the last change that says, or
// that moves its number: a change's evidence replaces the quotes and the
// reason given with it (none: the inherited reason is cleared); a
// change's assumed reason without evidence replaces both (the old quotes
// were about the old number); a range or a note alone keeps both; a
// snapshot that moves the number with neither leaves the stance resting
// on neither (validate warns), and a variant's that does rests on the
// variant's what-if.
func TestChangeRestsOn(t *testing.T) {
	quote := []Evidence{{Source: "m", Quote: "offered 2 per cent"}}
	later := []Evidence{{Source: "m", Quote: "now offers 3.5 per cent"}}
	base := func() *Scenario {
		return &Scenario{
			Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:   []Issue{{ID: "wage", Name: "Wage", Scale: &Scale{Min: 0, Max: 10}}},
			Actors:   []Actor{{ID: "toa", Capability: 40, CapabilityAssumed: "t"}},
			Stances:  []Stance{{Actor: "toa", Issue: "wage", Position: 2, Salience: 0.5, Evidence: quote}},
		}
	}
	type rests struct {
		Position, Salience float64
		Evidence           []Evidence
		Assumed, Note      string
	}
	for _, c := range []struct {
		name    string
		changes []StanceChange // snapshots, in date order
		variant *StanceChange
		want    rests
	}{
		{"moved with a reason only", []StanceChange{{Position: fp(3), Assumed: "signals movement to 3%"}}, nil,
			rests{3, 0.5, nil, "signals movement to 3%", ""}},
		{"salience with a reason only", []StanceChange{{Salience: fp(0.8), Assumed: "a strike vote"}}, nil,
			rests{2, 0.8, nil, "a strike vote", ""}},
		{"a variant moving it with a reason only", nil, &StanceChange{Position: fp(1.5), Assumed: "hardens"},
			rests{1.5, 0.5, nil, "hardens", ""}},
		{"new evidence after a reason", []StanceChange{{Position: fp(3), Assumed: "signals movement to 3%"}, {Position: fp(3.5), Evidence: later}}, nil,
			rests{3.5, 0.5, later, "", ""}},
		{"new evidence on a quoted stance", []StanceChange{{Position: fp(3.5), Evidence: later}}, nil,
			rests{3.5, 0.5, later, "", ""}},
		{"a note only", []StanceChange{{Position: fp(3), Assumed: "signals"}, {Note: "talks resume"}}, nil,
			rests{3, 0.5, nil, "signals", "talks resume"}},
		{"a range only", []StanceChange{{Range: &StanceRange{Position: &Range{1, 3}}}}, nil,
			rests{2, 0.5, quote, "", ""}},
		{"the same number", []StanceChange{{Position: fp(2)}}, nil,
			rests{2, 0.5, quote, "", ""}},
		{"a range with its reason", []StanceChange{{Range: &StanceRange{Position: &Range{1, 3}}, Assumed: "either way by a point"}}, nil,
			rests{2, 0.5, quote, "either way by a point", ""}},
		{"the same number with a reason", []StanceChange{{Position: fp(2), Assumed: "reaffirmed"}}, nil,
			rests{2, 0.5, quote, "reaffirmed", ""}},
		{"a snapshot moving it with neither", []StanceChange{{Position: fp(3)}}, nil,
			rests{3, 0.5, nil, "", ""}},
		{"a variant moving it with neither", nil, &StanceChange{Position: fp(1.5)},
			rests{1.5, 0.5, nil, "the what-if of variant toa-hardens (TOA hardens)", ""}},
	} {
		s := base()
		for k, sc := range c.changes {
			sc.Actor, sc.Issue = "toa", "wage"
			s.Snapshots = append(s.Snapshots, Snapshot{Date: []string{"2025-02-01", "2025-03-01"}[k], Changes: Changes{Stances: []StanceChange{sc}}})
		}
		vr := ""
		if c.variant != nil {
			sc := *c.variant
			sc.Actor, sc.Issue = "toa", "wage"
			s.Variants = []Variant{{ID: "toa-hardens", Name: "TOA hardens", Changes: Changes{Stances: []StanceChange{sc}}}}
			vr = "toa-hardens"
		}
		r, err := s.Resolve(Latest, vr)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		st := r.Stances[0]
		if got := (rests{st.Position, st.Salience, st.Evidence, st.Assumed, st.Note}); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: rests on %+v, want %+v", c.name, got, c.want)
		}
		// the file itself is untouched: the base keeps its quote
		if !reflect.DeepEqual(s.Stances[0].Evidence, quote) {
			t.Errorf("%s: the base stance's evidence became %+v", c.name, s.Stances[0].Evidence)
		}
	}
}
