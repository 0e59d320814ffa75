package scenario

import (
	"testing"
)

// TestEvidenceSupports (coverage26): a stance's quote may name the
// numbers it supports, position and salience, each once; no other quote
// names any (it speaks for the one number it is given for). Without
// supports, a stance's quote supports its position only.
func TestEvidenceSupports(t *testing.T) {
	build := func(stance, capability []string) *Scenario {
		return &Scenario{
			Metadata: Metadata{ID: "t", Title: "T", AsOf: "2025-01-01", Sources: []Source{{ID: "s"}}},
			Issues:   []Issue{{ID: "i", Name: "I"}},
			Actors:   []Actor{{ID: "a", Capability: 40, CapabilityEvidence: []Evidence{{Source: "s", Quote: "c", Supports: capability}}}},
			Stances:  []Stance{{Actor: "a", Issue: "i", Position: 30, Salience: 0.5, Evidence: []Evidence{{Source: "s", Quote: "q", Supports: stance}}}},
		}
	}
	for _, c := range []struct {
		name               string
		stance, capability []string
		want               []string
	}{
		{"none", nil, nil, nil},
		{"both", []string{"position", "salience"}, nil, nil},
		{"unknown", []string{"capability"}, nil, []string{`stances[0].evidence[0].supports[0]: unknown number "capability"`}},
		{"twice", []string{"salience", "salience"}, nil, []string{`stances[0].evidence[0].supports[1]: "salience" named twice`}},
		{"on a capability", nil, []string{"position"}, []string{"actors[0].capability_evidence[0].supports: only a stance's quote names the numbers it supports"}},
	} {
		ds := build(c.stance, c.capability).Validate()
		var got []string
		for _, d := range ds {
			got = append(got, d.Path+": "+d.Message)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("%s: %s, want %s", c.name, got[k], c.want[k])
			}
		}
	}
	for _, c := range []struct {
		supports     []string
		pos, salient bool
	}{{nil, true, false}, {[]string{"salience"}, false, true}, {[]string{"position", "salience"}, true, true}} {
		e := Evidence{Supports: c.supports}
		if e.Supported(SupportsPosition) != c.pos || e.Supported(SupportsSalience) != c.salient {
			t.Errorf("supports %v: position %v salience %v, want %v %v", c.supports, e.Supported(SupportsPosition), e.Supported(SupportsSalience), c.pos, c.salient)
		}
	}
}
