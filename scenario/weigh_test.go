package scenario

import (
	"slices"
	"strings"
	"testing"
)

// weighScenario is valid: two actors with stances on two issues, both
// weighed, salience scale 1.
func weighScenario() *Scenario {
	return &Scenario{
		Metadata: Metadata{ID: "t", Title: "t", AsOf: "2025-01-01"},
		Issues:   []Issue{{ID: "cf", Name: "Ceasefire"}, {ID: "tax", Name: "Tax"}},
		Actors:   []Actor{{ID: "a", Capability: 1, CapabilityAssumed: "t", Aliases: []string{"alpha"}}, {ID: "b", Capability: 2, CapabilityAssumed: "t"}},
		Stances: []Stance{
			{Actor: "a", Issue: "cf", Position: 10, Salience: 0.5, Assumed: "x"},
			{Actor: "b", Issue: "cf", Position: 90, Salience: 0.5, Assumed: "x"},
			{Actor: "alpha", Issue: "tax", Position: 40, Salience: 0.3, Assumed: "x"},
		},
	}
}

// TestValidateWeighable: an issue no actor weighs (no stance, or every
// salience 0) and a state with no actors are errors, at the base, after a
// snapshot and under a variant, each reported once where it arises with
// what would be valid.
func TestValidateWeighable(t *testing.T) {
	zero, half := 0.0, 0.5
	type want struct{ path, msg, valid string }
	cases := []struct {
		name string
		edit func(s *Scenario)
		want []want
	}{
		{"valid", func(s *Scenario) {}, nil},
		{"issue with no stance", func(s *Scenario) { s.Stances = s.Stances[:2] },
			[]want{{"issues[1]", "no actor has a stance on issue tax with salience > 0, so no model can weigh it",
				"give at least one actor a stance on issue tax with salience > 0"}}},
		{"every salience 0", func(s *Scenario) { s.Stances[0].Salience, s.Stances[1].Salience = 0, 0 },
			[]want{{"issues[0]", "no actor has a stance on issue cf with salience > 0", "give at least one actor a stance on issue cf with salience > 0"}}},
		{"every salience 0 on scale 100", func(s *Scenario) {
			s.Metadata.SalienceScale = 100
			s.Stances[2].Salience = 0
		}, []want{{"issues[1]", "no actor has a stance on issue tax with salience > 0", ""}}},
		{"a tiny salience on scale 100 weighs", func(s *Scenario) {
			s.Metadata.SalienceScale = 100
			s.Stances[2].Salience = 1e-6
		}, nil},
		{"an invalid capability is its own error, not the issue's", func(s *Scenario) { s.Actors[0].Capability = -1 },
			[]want{{"actors[0].capability", "capability -1 is not positive", "a number > 0"}}},
		{"no actors: one error, not one per issue", func(s *Scenario) { s.Actors, s.Stances = nil, nil },
			[]want{{"actors", "the scenario has no actors", "at least one actor"}}},
		{"a snapshot sets the only salience to 0", func(s *Scenario) {
			s.Snapshots = []Snapshot{{Date: "2025-02-01", Changes: Changes{Stances: []StanceChange{{Actor: "a", Issue: "tax", Salience: &zero}}}}}
		}, []want{{"snapshots[0]", "no actor has a stance on issue tax with salience > 0 after snapshot 2025-02-01",
			"give at least one actor a stance on issue tax with salience > 0 after snapshot 2025-02-01"}}},
		{"a snapshot removes the only actor weighing an issue", func(s *Scenario) {
			s.Snapshots = []Snapshot{{Date: "2025-02-01", Changes: Changes{RemoveActors: []string{"alpha"}}}}
		}, []want{{"snapshots[0]", "issue tax with salience > 0 after snapshot 2025-02-01", ""}}},
		{"reported at the snapshot that causes it, not again at a later one", func(s *Scenario) {
			s.Snapshots = []Snapshot{
				{Date: "2025-03-01", Changes: Changes{Actors: []ActorChange{{ID: "b", Capability: &half, CapabilityAssumed: "t"}}}},
				{Date: "2025-02-01", Changes: Changes{Stances: []StanceChange{{Actor: "a", Issue: "tax", Salience: &zero}}}},
			}
		}, []want{{"snapshots[1]", "after snapshot 2025-02-01", ""}}},
		{"a snapshot mends the base: only the base is reported", func(s *Scenario) {
			s.Stances = s.Stances[:2]
			s.Snapshots = []Snapshot{{Date: "2025-02-01", Changes: Changes{Stances: []StanceChange{{Actor: "b", Issue: "tax", Position: &half, Salience: &half}}}}}
		}, []want{{"issues[1]", "no actor has a stance on issue tax", ""}}},
		{"a snapshot removes every actor", func(s *Scenario) {
			s.Snapshots = []Snapshot{{Date: "2025-02-01", Changes: Changes{RemoveActors: []string{"a", "b"}}}}
		}, []want{{"snapshots[0]", "no actor is left after snapshot 2025-02-01, so no model can forecast it", "keep at least one actor"}}},
		{"a variant removes every actor", func(s *Scenario) {
			s.Variants = []Variant{{ID: "none", Changes: Changes{RemoveActors: []string{"a", "b"}}}}
		}, []want{{"variants[0]", "no actor is left under variant none, so no model can forecast it", "remove fewer, or add one under add_actors"}}},
		{"a variant sets saliences to 0", func(s *Scenario) {
			s.Variants = []Variant{{ID: "calm", Changes: Changes{Stances: []StanceChange{
				{Actor: "a", Issue: "cf", Salience: &zero}, {Actor: "b", Issue: "cf", Salience: &zero}}}}}
		}, []want{{"variants[0]", "no actor has a stance on issue cf with salience > 0 under variant calm",
			"give at least one actor a stance on issue cf with salience > 0 under variant calm"}}},
		{"a variant applies to the latest snapshot", func(s *Scenario) {
			s.Snapshots = []Snapshot{{Date: "2025-02-01", Changes: Changes{AddActors: []Actor{{ID: "c", Capability: 1, CapabilityAssumed: "t"}},
				Stances: []StanceChange{{Actor: "c", Issue: "cf", Position: &half, Salience: &half}, {Actor: "c", Issue: "tax", Position: &half, Salience: &half}}}}}
			s.Variants = []Variant{{ID: "without-ab", Changes: Changes{RemoveActors: []string{"a", "b"}}}}
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := weighScenario()
			c.edit(s)
			got := s.Validate().Errors(false)
			if len(got) != len(c.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(got), len(c.want), got)
			}
			for i, w := range c.want {
				d := got[i]
				if d.Path != w.path || !strings.Contains(d.Message, w.msg) || !strings.Contains(d.Valid, w.valid) {
					t.Errorf("got %v\nwant path %s, message with %q, valid with %q", d, w.path, w.msg, w.valid)
				}
			}
		})
	}
}

// TestUnweighedIsValidatesRule: Unweighed, and UnweighedIssues with
// UnweighedIssue (what a reader of another tool's file reports at its own
// line), return exactly what Validate reports for the base.
func TestUnweighedIsValidatesRule(t *testing.T) {
	s := weighScenario()
	s.Stances = s.Stances[:1]
	s.Stances[0].Salience = 0
	got, want := s.Validate().Errors(false), s.Unweighed()
	if len(want) != 2 || want[0].Path != "issues[0]" || want[1].Path != "issues[1]" {
		t.Fatalf("Unweighed: %v, want issues[0] and issues[1]", want)
	}
	if got.Error() != want.Error() {
		t.Errorf("Validate:\n%v\nUnweighed:\n%v", got, want)
	}
	if ks := s.UnweighedIssues(); !slices.Equal(ks, []int{0, 1}) {
		t.Errorf("UnweighedIssues: %v, want [0 1]", ks)
	}
	d := UnweighedIssue(1, s.Issues[1].ID)
	if d != got[1] {
		t.Errorf("UnweighedIssue(1, %q) = %v, want Validate's %v", s.Issues[1].ID, d, got[1])
	}
	s.Actors = nil
	if ds := s.Unweighed(); ds != nil {
		t.Errorf("with no actors: %v, want none (Validate's \"no actors\" error says it)", ds)
	}
	if ks := s.UnweighedIssues(); ks != nil {
		t.Errorf("UnweighedIssues with no actors: %v, want none", ks)
	}
}
