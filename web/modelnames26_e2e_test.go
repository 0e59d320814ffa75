package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestModelsNamedPlainly: the page showed models only by their short
// codes ("ks", "smp", "bdm-paper"), which a reader who has not used the
// command line cannot read (modelnames26). The header's checkboxes keep
// the short name and give the plain name (GET /api/models, title) as
// their tooltip and as the name read aloud; the settings' legends show
// both; the forecast table's column heads and the scenario view's
// colour key give it as their tooltip.
func TestModelsNamedPlainly(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?models=ks,smp,bdm-paper#forecast"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table] thead th + th`)))
	labels := get(t, e.bctx, "labels", chromedp.Evaluate[map[string][]string](`Object.fromEntries([...document.querySelectorAll("#models label")].map((l) => [l.textContent, [l.title, l.querySelector("input").getAttribute("aria-label") ?? ""]]))`))
	for name, title := range map[string]string{"ks": "Kalai–Smorodinsky bargaining", "smp": "KTAB spatial model (SMP)", "nash": "Nash bargaining", "bdm": "Bueno de Mesquita expected utility", "exchange": "Stokman exchange (Decide)"} {
		l, ok := labels[name]
		if !ok {
			t.Errorf("no header label reads %q: %q", name, labels)
			continue
		}
		if !strings.HasPrefix(l[0], title+" ("+name+"): ") {
			t.Errorf("%s's label's tooltip is %q, want it to start %q", name, l[0], title+" ("+name+"): ")
		}
		if want := name + " — " + title; l[1] != want {
			t.Errorf("%s's checkbox is named %q, want %q", name, l[1], want)
		}
	}
	heads := get(t, e.bctx, "heads", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=model-table] thead th[scope=col]")].slice(1).map((th) => th.textContent + "=" + th.title)`))
	if want := []string{"ks=Kalai–Smorodinsky bargaining (ks)", "bdm-paper=Bueno de Mesquita expected utility, the paper's equations (bdm-paper)", "smp=KTAB spatial model (SMP) (smp)"}; strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Errorf("the table's column heads are %q, want %q", heads, want)
	}
	legends := get(t, e.bctx, "settings", chromedp.Evaluate[[]string](`[...document.querySelectorAll("#settings fieldset legend")].map((l) => l.textContent)`))
	if !strings.Contains(strings.Join(legends, "|"), "smp — KTAB spatial model (SMP)") {
		t.Errorf("the settings' legends read %q, want smp's to read %q", legends, "smp — KTAB spatial model (SMP)")
	}
	e.do("scenario", chromedp.Navigate(e.srv.URL+"/?models=ks,smp,bdm-paper#scenario"), chromedp.WaitVisible(chromedp.CSS(`[aria-label="Model colours"] .key`)))
	keys := get(t, e.bctx, "keys", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[aria-label='Model colours'] .key")].map((k) => k.textContent + "=" + k.title)`))
	if want := "ks=Kalai–Smorodinsky bargaining (ks)"; len(keys) == 0 || keys[0] != want {
		t.Errorf("the colour key reads %q, want its first %q", keys, want)
	}
}
