package scenario

import "testing"

// A snapshot's change that moves a number from inside its range, or
// from its other end, onto an end of it and gives no range of its own keeps the range (it still
// holds the value), so sweep draws the number only on one side of its
// stated value: a range written around the old value now says "at
// least" or "at most" the new one, which nobody wrote. That is warned of
// at the changed field, with the old range moved with the number as the
// range to write, or the kept one restated to say the end is meant. A
// stated value at an end of a range written beside it (the base's, or
// one the change restates) is the writer's and is not warned of; nor is
// a move within the range, a move to the scale's end (no range on the
// scale holds it inside), nor a variant's what-if (docs/DECISIONS.md, range24: the
// built-in case's what-ifs are its author's call).
func TestChangeMovesOntoAnEndOfItsKeptRange(t *testing.T) {
	build := func(pos float64, sn StanceChange, ac ActorChange, variant bool) *Scenario {
		return changedIn(&Scenario{
			Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01"},
			Issues:   []Issue{{ID: "i", Name: "I"}},
			Actors: []Actor{{ID: "a", Capability: 40, CapabilityRange: &Range{30, 50}, CapabilityAssumed: "t"},
				{ID: "b", Capability: 1, CapabilityAssumed: "t"}},
			Stances: []Stance{{Actor: "a", Issue: "i", Position: pos, Salience: 0.5, Assumed: "t",
				Range: &StanceRange{Position: &Range{60, 80}, Salience: &Range{0.4, 0.6}}},
				{Actor: "b", Issue: "i", Position: 30, Salience: 0.5, Assumed: "t", Range: &StanceRange{Position: &Range{0, 40}}}},
		}, sn, ac, variant)
	}
	for _, c := range []struct {
		name    string
		pos     float64 // a's stated position in the base
		sn      StanceChange
		ac      ActorChange
		variant bool
		want    []string // "path: message (valid: ...)"
	}{
		{"position onto the low end", 70, StanceChange{Actor: "a", Issue: "i", Position: fp(60), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].position: moves a's position on I from 70 to 60, the low end of its range [60, 80], which is kept: sweep will draw it only above 60, on one side of its stated value " +
				"(valid: a range of its own in the change, e.g. range: {position: [50, 70]}, or range: {position: [60, 80]} restated to keep 60 at its end)"}},
		{"position onto the high end", 70, StanceChange{Actor: "a", Issue: "i", Position: fp(80), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].position: moves a's position on I from 70 to 80, the high end of its range [60, 80], which is kept: sweep will draw it only below 80, on one side of its stated value " +
				"(valid: a range of its own in the change, e.g. range: {position: [70, 90]}, or range: {position: [60, 80]} restated to keep 80 at its end)"}},
		{"from one end onto the other", 60, StanceChange{Actor: "a", Issue: "i", Position: fp(80), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].position: moves a's position on I from 60 to 80, the high end of its range [60, 80], which is kept: sweep will draw it only below 80, on one side of its stated value " +
				"(valid: a range of its own in the change, e.g. range: {position: [80, 100]}, or range: {position: [60, 80]} restated to keep 80 at its end)"}},
		{"from the high end onto the low one", 80, StanceChange{Actor: "a", Issue: "i", Position: fp(60), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].position: moves a's position on I from 80 to 60, the low end of its range [60, 80], which is kept: sweep will draw it only above 60, on one side of its stated value " +
				"(valid: a range of its own in the change, e.g. range: {position: [40, 60]}, or range: {position: [60, 80]} restated to keep 60 at its end)"}},
		{"from an end to inside the range", 60, StanceChange{Actor: "a", Issue: "i", Position: fp(70), Assumed: "moved"}, ActorChange{ID: "a"}, false, nil},
		{"salience onto an end", 70, StanceChange{Actor: "a", Issue: "i", Salience: fp(0.6), Assumed: "moved"}, ActorChange{ID: "a"}, false, []string{
			"snapshots[0].stances[0].salience: moves a's salience on I from 0.5 to 0.6, the high end of its range [0.4, 0.6], which is kept: sweep will draw it only below 0.6, on one side of its stated value " +
				"(valid: a range of its own in the change, e.g. range: {salience: [0.5, 0.7]}, or range: {salience: [0.4, 0.6]} restated to keep 0.6 at its end)"}},
		{"capability onto an end", 70, StanceChange{Actor: "a", Issue: "i", Position: fp(70)}, ActorChange{ID: "a", Capability: fp(50), CapabilityAssumed: "grew"}, false, []string{
			"snapshots[0].actors[0].capability: moves a's capability from 40 to 50, the high end of its range [30, 50], which is kept: sweep will draw it only below 50, on one side of its stated value " +
				"(valid: a capability_range of its own in the change, e.g. capability_range: [37.5, 62.5], or capability_range: [30, 50] restated to keep 50 at its end)"}},
		{"a variant's what-if is not warned of", 70, StanceChange{Actor: "a", Issue: "i", Position: fp(60)}, ActorChange{ID: "a", Capability: fp(30)}, true, nil},
		{"the base's stated value at an end of its own range", 60, StanceChange{Actor: "a", Issue: "i", Salience: fp(0.55), Assumed: "moved"}, ActorChange{ID: "a"}, false, nil},
		{"the range restated beside the new value", 70, StanceChange{Actor: "a", Issue: "i", Position: fp(60), Salience: fp(0.6), Assumed: "moved",
			Range: &StanceRange{Position: &Range{60, 80}, Salience: &Range{0.4, 0.6}}}, ActorChange{ID: "a", Capability: fp(50), CapabilityRange: &Range{30, 50}, CapabilityAssumed: "grew"}, false, nil},
		{"within the range", 70, StanceChange{Actor: "a", Issue: "i", Position: fp(61), Salience: fp(0.59), Assumed: "moved"}, ActorChange{ID: "a", Capability: fp(49), CapabilityAssumed: "grew"}, false, nil},
		{"to the scale's end, where no range holds it inside", 70, StanceChange{Actor: "b", Issue: "i", Position: fp(0), Assumed: "moved"}, ActorChange{ID: "a"}, false, nil},
	} {
		wantWarnings(t, c.name, build(c.pos, c.sn, c.ac, c.variant).Validate(), c.want)
	}
}
