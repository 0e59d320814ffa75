package ask

import (
	"strings"
	"testing"
)

// mixedScales is a scenario with an issue on 0–100 (one decimal) listed
// before one on 0–1 (two, ScaleDecimals), every actor of equal weight,
// so that each pull is a third of the actor's distance from the status
// quo: on u, North (0.30) pulls +0.0333, South (0.45) +0.0833 and West
// (0.65) +0.15 from 0.20, +0.2667 in all; on big, North (10) −3.33,
// South (55) +11.67 and West (90) +23.33 from 20, +31.67 in all.
const mixedScales = `
metadata: {id: mixed, title: Mixed scales, as_of: 2025-01-01}
issues:
  - {id: big, name: Big, reference: 20}
  - {id: u, name: Unit, reference: 0.2, scale: {min: 0, max: 1}}
actors:
  - {id: north, name: North, capability: 1, capability_assumed: x}
  - {id: south, name: South, capability: 1, capability_assumed: x}
  - {id: west, name: West, capability: 1, capability_assumed: x}
stances:
  - {actor: north, issue: big, position: 10, salience: 1, assumed: x}
  - {actor: south, issue: big, position: 55, salience: 1, assumed: x}
  - {actor: west, issue: big, position: 90, salience: 1, assumed: x}
  - {actor: north, issue: u, position: 0.30, salience: 1, assumed: x}
  - {actor: south, issue: u, position: 0.45, salience: 1, assumed: x}
  - {actor: west, issue: u, position: 0.65, salience: 1, assumed: x}
`

// The compromise's sentence writes the pulls, which are moves along the
// issue's scale, with the issue's decimals, as the pulls table beside it
// does: on the 0–1 issue "+0.27 in all" and West's "+0.15", where one
// decimal wrote "+0.3" and "+0.1" beside a table reading +0.15; on the
// 0–100 issue of the same scenario, one decimal as before.
func TestExplainCompromisePullsOnTheScale(t *testing.T) {
	e := explain(t, loadCase(t, "mixed.yaml", mixedScales), "compromise", "")
	want := map[string][]string{
		"big": {"compromise forecasts 51.7", "the status quo 20.0", "(+31.7 in all)", "West's (+23.3, 33% of the weight) and South's (+11.7, 33% of the weight)"},
		"u":   {"compromise forecasts 0.47", "the status quo 0.20", "(+0.27 in all)", "West's (+0.15, 33% of the weight) and South's (+0.08, 33% of the weight)"},
	}
	if len(e.Issues) != 2 {
		t.Fatalf("%d issues, want 2", len(e.Issues))
	}
	for _, ie := range e.Issues {
		for _, s := range want[ie.Issue] {
			if !strings.Contains(ie.Text, s) {
				t.Errorf("%s: no %q in %q", ie.Issue, s, ie.Text)
			}
		}
	}
}
