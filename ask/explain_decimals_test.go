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
// does: on the 0–1 issue (positions 0.30, 0.45, 0.65, mean 0.4667)
// West's (0.65 − 0.4667)/3 = "+0.06" and North's (0.30 − 0.4667)/3 =
// "-0.06", where one decimal would write "+0.1" and "-0.1"; on the 0–100
// issue of the same scenario (10, 55, 90, mean 51.67), one decimal:
// West +12.8, North -13.9.
func TestExplainCompromisePullsOnTheScale(t *testing.T) {
	e := explain(t, loadCase(t, "mixed.yaml", mixedScales(t)), "compromise", "")
	want := map[string][]string{
		"big": {"compromise forecasts 51.7", "The hardest pulls: North down (-13.9, 33% of the weight), West up (+12.8, 33% of the weight)"},
		"u":   {"compromise forecasts 0.47", "The hardest pulls: West up (+0.06, 33% of the weight), North down (-0.06, 33% of the weight)"},
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
