package ask

import (
	"os"
	"strings"
	"testing"
)

// mixedScales is ask/testdata/mixed-scales.yaml: an issue on 0–100 (one
// decimal) listed before one on 0–1 (two), every actor of equal weight.
func mixedScales(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/mixed-scales.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The compromise's sentence writes the pulls, which are moves along the
// issue's scale, with the issue's decimals, as the pulls table beside it
// does: on the 0–1 issue "+0.27 in all" and West's "+0.15", where one
// decimal wrote "+0.3" and "+0.1" beside a table reading +0.15; on the
// 0–100 issue of the same scenario, one decimal as before.
func TestExplainCompromisePullsOnTheScale(t *testing.T) {
	e := explain(t, loadCase(t, "mixed.yaml", mixedScales(t)), "compromise", "")
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
