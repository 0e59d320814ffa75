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

// TestModelNameText: a sentence names a model by its short name, then
// its title in parentheses, the title's own parenthesis set off by a
// comma (the page wrote "the forecast of KTAB spatial model (SMP)
// (smp)"); the catalogue carries it for every model.
func TestModelNameText(t *testing.T) {
	for _, c := range []struct{ name, title, want string }{
		{"smp", "KTAB spatial model (SMP)", "smp (KTAB spatial model, SMP)"},
		{"ks", "Kalai–Smorodinsky bargaining", "ks (Kalai–Smorodinsky bargaining)"},
		{"median", "Weighted median (pairwise-vote winner)", "median (Weighted median, pairwise-vote winner)"},
		{"x", "", "x"},
		{"x", "x", "x"},
		{"x", "A (B) and C (D)", "x (A (B) and C (D))"},
	} {
		if got := ModelNameText(c.name, c.title); got != c.want {
			t.Errorf("ModelNameText(%q, %q) = %q, want %q", c.name, c.title, got, c.want)
		}
	}
	got := map[string]string{}
	for _, m := range Models() {
		got[m.Name] = m.NameText
	}
	for name, want := range map[string]string{
		"smp":        "smp (KTAB spatial model, SMP)",
		"exchange":   "exchange (Stokman exchange, Decide)",
		"compromise": "compromise (Weighted compromise, mean)",
		"nash":       "nash (Nash bargaining)",
	} {
		if got[name] != want {
			t.Errorf("%s: name_text %q, want %q", name, got[name], want)
		}
	}
}
