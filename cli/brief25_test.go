package cli

import (
	"strings"
	"testing"
)

// TestSettleWarningNamesIssuesByName: `parley forecast -m exchange`'s
// warning of the issues it did not settle on names each by its name, as
// the fix it suggests (more rounds, --rounds) takes no issue id; it read
// "Ceasefire (ceasefire) 26.6–38.5; Territory (territory) 60.0–65.4; …".
func TestSettleWarningNamesIssuesByName(t *testing.T) {
	out, _, code := run(t, "forecast", "-m", "exchange")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	flat := flatText(out)
	if want := "which --rounds (rounds) sets): Ceasefire 26.6–38.5 (11.8% of the scale, across options); Ukraine's armed forces 25.5–35.1 (9.6% of the scale);"; !strings.Contains(flat, want) {
		t.Errorf("the warning does not say %q:\n%s", want, out)
	}
	if strings.Contains(flat, "(ceasefire)") {
		t.Errorf("the warning names Ceasefire by its id:\n%s", out)
	}
}

// TestBriefOptionLeadsWithTheForecastsNearest: `parley brief` names
// first, on the ceasefire, the option `parley forecast`'s bottom line
// names (nearer →40, Partial ceasefires, of the two it lies between), and says the draws land
// nearest the 30-day ceasefire more often; it led with the 30-day
// ceasefire. Its "moves it most" reads as the forecast's swing.
func TestBriefOptionLeadsWithTheForecastsNearest(t *testing.T) {
	fc, _, code := run(t, "forecast")
	if code != 0 {
		t.Fatalf("forecast: exit %d", code)
	}
	const partial = "Partial ceasefires: “peace in the sky” (missiles, bombs, long-range drones) and “silence at sea”"
	if want := "Ceasefire: compromise 46.6, between →40 " + partial + " and →55 30-day ceasefire on Russia's conditions (Ukraine stops mobilising and rearming; foreign aid and intelligence stop), nearer →40"; !strings.Contains(flatText(fc), want) {
		t.Fatalf("the bottom line does not say %q:\n%s", want, fc)
	}
	out, _, code := run(t, "brief")
	if code != 0 {
		t.Fatalf("brief: exit %d", code)
	}
	for _, want := range []string{
		"| " + partial + ", in 26% of draws (23–29%); the draws land nearest 30-day ceasefire on Russia's conditions (Ukraine stops mobilising and rearming; foreign aid and intelligence stop) more often, in 74% of draws (71–77%) |",
		"| forecast 45.2 → 52.0 as United States' position spans its range [[E1]](#e1) |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the brief does not say\n%s\n%s", want, out)
		}
	}
}
