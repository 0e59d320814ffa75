package catalog

import (
	"testing"

	"parley/model"
)

// TestEveryModelHasItsPlainName checks that every model carries the
// plain name the page shows beside its short one (model.Titled), so that
// a reader who does not know "ks" or "smp" is told what they are.
func TestEveryModelHasItsPlainName(t *testing.T) {
	want := map[string]string{
		"compromise":      "Weighted compromise (mean)",
		"median":          "Weighted median (pairwise-vote winner)",
		"nash":            "Nash bargaining",
		"ks":              "Kalai–Smorodinsky bargaining",
		"bdm":             "Bueno de Mesquita expected utility",
		"bdm-paper":       "Bueno de Mesquita expected utility, the paper's equations",
		"exchange":        "Stokman exchange (Decide)",
		"smp":             "KTAB spatial model (SMP)",
		"ensemble":        "Fitted ensemble of compromise and smp",
		"snap":            "Snap to a stated position, calibrated",
		"compromise-band": "Compromise with a fitted band",
	}
	if len(All()) != len(want) {
		t.Errorf("%d models, want a plain name for each of %d", len(All()), len(want))
	}
	for _, m := range All() {
		ti, ok := m.(model.Titled)
		if !ok {
			t.Errorf("%s has no plain name (model.Titled)", m.Name())
			continue
		}
		if got := ti.Title(); got != want[m.Name()] {
			t.Errorf("%s: title %q, want %q", m.Name(), got, want[m.Name()])
		}
	}
}
