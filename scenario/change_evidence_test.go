package scenario

import (
	"strings"
	"testing"
)

// A snapshot that gives a stance or a capability a new number with no
// evidence and no assumed reason of its own is warned of, at the changed
// field: the quotes the stance or actor keeps were about the old number.
// The same change with a reason, a change that repeats the number, and a
// variant's change (a what-if) are not.
func TestChangedNumberWithoutEvidence(t *testing.T) {
	build := func(sn StanceChange, ac ActorChange, variant bool) *Scenario {
		return changedIn(&Scenario{
			Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:   []Issue{{ID: "i", Name: "I"}},
			Actors:   []Actor{{ID: "a", Capability: 40, CapabilityAssumed: "t"}, {ID: "b", Capability: 1, CapabilityAssumed: "t"}},
			Stances: []Stance{{Actor: "a", Issue: "i", Position: 30, Salience: 0.5, Assumed: "t"},
				{Actor: "b", Issue: "i", Position: 70, Salience: 0.5, Assumed: "t"}},
		}, sn, ac, variant)
	}
	for _, c := range []struct {
		name    string
		sn      StanceChange
		ac      ActorChange
		variant bool
		want    []string // "path: message prefix"
	}{
		{"new position and capability, neither", StanceChange{Actor: "a", Issue: "i", Position: fp(45)}, ActorChange{ID: "a", Capability: fp(60)}, false, []string{
			"snapshots[0].actors[0].capability: changes the capability from 40 to 60 with no evidence and no assumed reason of its own (the actor's are about 40)",
			"snapshots[0].stances[0].position: changes the position from 30 to 45 with no evidence and no assumed reason of its own, so the stance rests on neither from this snapshot on (what it rested on was about 30)"}},
		{"new salience", StanceChange{Actor: "a", Issue: "i", Salience: fp(0.9)}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].salience: changes the salience from 0.5 to 0.9 with no evidence and no assumed reason of its own, so the stance rests on neither"}},
		{"with reasons", StanceChange{Actor: "a", Issue: "i", Position: fp(45), Assumed: "moved"}, ActorChange{ID: "a", Capability: fp(60), CapabilityAssumed: "grew"}, false, nil},
		{"the same numbers", StanceChange{Actor: "a", Issue: "i", Position: fp(30)}, ActorChange{ID: "a", Capability: fp(40)}, false, nil},
		{"a variant", StanceChange{Actor: "a", Issue: "i", Position: fp(45)}, ActorChange{ID: "a", Capability: fp(60)}, true, nil},
	} {
		ds := build(c.sn, c.ac, c.variant).Validate()
		if len(ds) != len(c.want) {
			t.Errorf("%s: %d diagnostics, want %d: %v", c.name, len(ds), len(c.want), ds)
			continue
		}
		for k, d := range ds {
			if got := d.Path + ": " + d.Message; !d.Warning || !strings.HasPrefix(got, c.want[k]) {
				t.Errorf("%s: %s (warning %v), want %s", c.name, got, d.Warning, c.want[k])
			}
		}
	}
}
