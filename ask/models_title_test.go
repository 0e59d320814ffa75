package ask

import "testing"

// TestModelsCarryPlainNames checks that the catalogue the doors serve
// (parley models --format json, GET /api/models) carries each model's
// plain name beside its short one, for the page to show.
func TestModelsCarryPlainNames(t *testing.T) {
	got := map[string]string{}
	for _, m := range Models() {
		got[m.Name] = m.Title
	}
	for name, want := range map[string]string{
		"ks":       "Kalai–Smorodinsky bargaining",
		"smp":      "KTAB spatial model (SMP)",
		"nash":     "Nash bargaining",
		"bdm":      "Bueno de Mesquita expected utility",
		"exchange": "Stokman exchange (Decide)",
	} {
		if got[name] != want {
			t.Errorf("%s: title %q, want %q", name, got[name], want)
		}
	}
	for name, title := range got {
		if title == "" {
			t.Errorf("%s: no title", name)
		}
	}
}
