package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const decideFile = "../model/exchange/testdata/copenhagen.csv"

// TestExchangeCLI: a Decide file runs directly; --exact --format decide
// prints Decide's own numbers (testdata/copenhagen.outcomes.csv of the exchange
// package); --trace lists the exchanges; import decide writes a scenario
// that forecasts the same.
func TestExchangeCLI(t *testing.T) {
	csvOut, errs, code := run(t, "forecast", "--model", "exchange", "--exact", "--format", "decide", decideFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(csvOut), "\n")
	if lines[0] != "issue,round,preference_nbs,voting_nbs" || len(lines) != 1+7*10 {
		t.Fatalf("csv has %d lines, header %q", len(lines), lines[0])
	}
	// Decide: Newtreaty round 10 preference 57.81922…, voting 63.88413…
	// (copenhagen.outcomes.csv)
	golden, err := os.ReadFile(filepath.FromSlash("../model/exchange/testdata/copenhagen.outcomes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var want string
	for _, l := range strings.Split(string(golden), "\n") {
		if strings.HasPrefix(l, "Newtreaty,0,100,10,") {
			f := strings.Split(l, ",")
			want = "Newtreaty,10," + f[4] + "," + f[5]
		}
	}
	if lines[10] != want {
		t.Errorf("row %q, want %q", lines[10], want)
	}

	out, errs, code := run(t, "forecast", "-m", "exchange", "--trace", "--rounds", "1", decideFile)
	if code != 0 || !strings.Contains(out, "round 1: 437 candidates, 420 valid, 48 realised") || !strings.Contains(out, "USA on Extra: 10 → 90 (80)") {
		t.Errorf("trace (exit %d, %s):\n%s", code, errs, out)
	}

	yaml, errs, code := run(t, "import", "decide", decideFile)
	if code != 0 || !strings.Contains(yaml, "id: Newtreaty") {
		t.Fatalf("import: exit %d %s", code, errs)
	}
	p := filepath.Join(t.TempDir(), "cop.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	again, errs, code := run(t, "forecast", "--model", "exchange", "--exact", "--format", "decide", p)
	if code != 0 || again != csvOut {
		t.Errorf("imported scenario forecasts differently (exit %d, %s)", code, errs)
	}

	// csv keeps its one layout when exchange runs alone; decide refuses
	// anything but one exchange run
	out, errs, code = run(t, "forecast", "--model", "exchange", "--format", "csv", decideFile)
	if lines := strings.Split(out, "\n"); code != 0 || lines[0] != "model,issue,forecast,settled,range_lo,range_hi,nearest_value,nearest_label,lo80,hi80,lo95,hi95" || !strings.HasPrefix(lines[1], "exchange,Newtreaty,") {
		t.Errorf("csv of exchange alone (exit %d, %s): %.200s", code, errs, out)
	}
	if _, errs, code := run(t, "forecast", "--model", "exchange,compromise", "--format", "decide", decideFile); code != 2 || !strings.Contains(errs, "valid: run it with -m exchange alone") {
		t.Errorf("decide of two models: exit %d, %s", code, errs)
	}
}

func TestExchangeCLIErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("'#A'\t'X'\n'#P'\t'p'\n'#D'\t'Y'\t'p'\t5\t0.5\t0.5\n"), 0o644)
	_, errs, code := run(t, "forecast", "-m", "exchange", bad)
	if code != 3 || !strings.Contains(errs, "bad.csv:3:") || !strings.Contains(errs, `unknown actor "Y"`) {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	_, errs, code = run(t, "forecast", "-m", "exchange", "--exchange-p", "2", decideFile)
	if code != 2 || !strings.Contains(errs, `setting exchange-p "2": valid: a number from 0 to 1`) {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// The forecast's CSV carries a predictive distribution's intervals, as
// its JSON does (a paper's table is made from the CSV): snap's rows give
// each issue's interval80 and interval95, compromise's none.
func TestForecastCSVIntervals(t *testing.T) {
	f := forecastJSON(t)
	out, _, code := run(t, "forecast", "-f", "csv")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, r := range rows[1:] {
		got[r[0]+" "+r[1]] = r[8:]
	}
	snaps := 0
	for _, m := range f.Models {
		for _, x := range m.Issues {
			want := []string{"", "", "", ""}
			if d := x.Distribution; d != nil {
				want = []string{ff(d.Interval80.Lo), ff(d.Interval80.Hi), ff(d.Interval95.Lo), ff(d.Interval95.Hi)}
				snaps++
			}
			if g := got[m.Model+" "+x.Issue]; !slices.Equal(g, want) {
				t.Errorf("%s %s: lo80..hi95 %q, want %q", m.Model, x.Issue, g, want)
			}
		}
	}
	if snaps == 0 {
		t.Error("the default forecast has no model with a distribution: the test tests less than it says")
	}
}
