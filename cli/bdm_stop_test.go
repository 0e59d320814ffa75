package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// parley forecast -m bdm on the EU data (imported from the BDM CSV)
// prints round 4's median 9.96, where §3.11's default rule stopped it,
// and, below the table and in the JSON's notes, that it stopped by that
// rule and that more rounds leave that point (model/bdm's
// TestEUStopRuleNote derives the figures): "settled" alone overclaimed.
func TestForecastBDMStopRuleNote(t *testing.T) {
	yaml, errOut, code := run(t, "import", "bdmcsv", "../model/bdm/testdata/eu_emissions_bdm1994.csv")
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	file := filepath.Join(t.TempDir(), "eu.yaml")
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	const note = "eu_emissions_bdm1994: stopped at round 4 by the default stopping rule (§3.11, τ = 0: the median repeated once, 9.96 at rounds 3 and 4), not at rest: more rounds leave that point (round 6: 7.47; rounds 5–10, to the cap, within 7.00–9.96); the forecast is round 4's median"
	out, errOut, code := run(t, "forecast", file, "-m", "bdm")
	if code != 0 {
		t.Fatalf("forecast: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "│ 9.96 │") {
		t.Errorf("the forecast is not 9.96:\n%s", out)
	}
	if flat := strings.Join(strings.Fields(out), " "); !strings.Contains(flat, "notes on the models' runs: bdm "+note) {
		t.Errorf("no stop note:\n%s", out)
	}
	js, errOut, code := run(t, "forecast", file, "-m", "bdm", "-f", "json")
	if code != 0 {
		t.Fatalf("forecast json: exit %d: %s", code, errOut)
	}
	var f struct {
		Models []struct {
			Notes  []string
			Issues []struct{ Settled bool }
		}
	}
	if err := json.Unmarshal([]byte(js), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Models) != 1 || len(f.Models[0].Notes) != 1 || f.Models[0].Notes[0] != note || !f.Models[0].Issues[0].Settled {
		t.Errorf("JSON: %+v", f.Models)
	}
}
