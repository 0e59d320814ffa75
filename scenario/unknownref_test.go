package scenario

import "testing"

// An unknown actor or issue id says which id it most likely misspells, as
// an unknown field name or CLI flag does (errs.Nearest), and a stance the
// base refused for its misspelt actor is no second error at a snapshot or
// variant that changes the stance it was meant to be ("new stance of toa
// on wage lacks position or salience" followed from the first).
func TestUnknownRefSuggests(t *testing.T) {
	base := func() *Scenario {
		return &Scenario{
			Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:   []Issue{{ID: "wage", Name: "W"}, {ID: "hours", Name: "H"}},
			Actors: []Actor{{ID: "toa", Capability: 40, CapabilityAssumed: "t"}, {ID: "port", Capability: 30, CapabilityAssumed: "t"},
				{ID: "northsea", Capability: 20, CapabilityAssumed: "t"}},
			Stances: []Stance{
				{Actor: "tao", Issue: "wage", Position: 70, Salience: 0.5, Assumed: "t"},
				{Actor: "port", Issue: "wage", Position: 20, Salience: 0.5, Assumed: "t"},
				{Actor: "northsea", Issue: "wage", Position: 30, Salience: 0.5, Assumed: "t"},
				{Actor: "toa", Issue: "hours", Position: 70, Salience: 0.5, Assumed: "t"},
				{Actor: "port", Issue: "hours", Position: 20, Salience: 0.5, Assumed: "t"},
				{Actor: "northsea", Issue: "hwage", Position: 20, Salience: 0.5, Assumed: "t"},
			},
		}
	}
	for _, c := range []struct {
		name string
		edit func(s *Scenario)
		want []string
	}{
		{"base stances only", func(s *Scenario) {}, []string{
			`stances[0].actor: unknown actor "tao" (did you mean "toa"?) (valid: one of northsea, port, toa)`,
			`stances[5].issue: unknown issue "hwage" (did you mean "wage"?) (valid: one of hours, wage)`}},
		{"a snapshot changes the stance the misspelt one was meant to be", func(s *Scenario) {
			s.Snapshots = []Snapshot{{Date: "2025-02-01", Changes: Changes{Stances: []StanceChange{
				{Actor: "toa", Issue: "wage", Position: fp(60), Assumed: "moved"},
				{Actor: "northsea", Issue: "wage", Position: fp(60), Assumed: "moved"}}}}}
		}, []string{
			`stances[0].actor: unknown actor "tao" (did you mean "toa"?) (valid: one of northsea, port, toa)`,
			`stances[5].issue: unknown issue "hwage" (did you mean "wage"?) (valid: one of hours, wage)`}},
		{"a variant removes and changes misspelt actors", func(s *Scenario) {
			s.Variants = []Variant{{ID: "v", Changes: Changes{RemoveActors: []string{"nordsea"},
				Stances: []StanceChange{{Actor: "prot", Issue: "wage", Position: fp(60)}, {Actor: "port", Issue: "wgae", Position: fp(60)},
					{Actor: "toa", Issue: "wage", Position: fp(60)}}}}}
		}, []string{
			`stances[0].actor: unknown actor "tao" (did you mean "toa"?) (valid: one of northsea, port, toa)`,
			`stances[5].issue: unknown issue "hwage" (did you mean "wage"?) (valid: one of hours, wage)`,
			`variants[0].remove_actors[0]: unknown actor "nordsea" (did you mean "northsea"?) (valid: one of northsea, port, toa)`,
			`variants[0].stances[0].actor: unknown actor "prot" (did you mean "port"?) (valid: one of northsea, port, toa)`,
			`variants[0].stances[1].issue: unknown issue "wgae" (did you mean "wage"?) (valid: one of hours, wage)`}},
	} {
		s := base()
		c.edit(s)
		var got []string
		for _, d := range s.Validate() {
			if !d.Warning {
				got = append(got, d.Path+": "+d.Message+" (valid: "+d.Valid+")")
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: got %d errors, want %d:\n%q", c.name, len(got), len(c.want), got)
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("%s:\n got %s\nwant %s", c.name, got[k], c.want[k])
			}
		}
	}
}

// An actor whose only stance names it misspelt is no "takes part in no
// issue" warning besides the stance's error, which says "did you mean".
func TestMisspeltStanceIsNoIdleActor(t *testing.T) {
	s := &Scenario{
		Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
		Issues:   []Issue{{ID: "wage", Name: "W"}},
		Actors:   []Actor{{ID: "toa", Capability: 40, CapabilityAssumed: "t"}, {ID: "port", Capability: 30, CapabilityAssumed: "t"}},
		Stances: []Stance{
			{Actor: "tao", Issue: "wage", Position: 70, Salience: 0.5, Assumed: "t"},
			{Actor: "port", Issue: "wage", Position: 20, Salience: 0.5, Assumed: "t"},
		},
	}
	ds := s.Validate()
	want := `stances[0].actor: unknown actor "tao" (did you mean "toa"?) (valid: one of port, toa)`
	if len(ds) != 1 || ds[0].Path+": "+ds[0].Message+" (valid: "+ds[0].Valid+")" != want {
		t.Errorf("diagnostics %v, want only %s", ds, want)
	}
}
