package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/pdfprint"
)

// A KTAB input exported to KTAB's CSV and XML runs to smpc's own log,
// byte for byte: the export loses nothing smp reads, and lists nothing
// that changes a forecast (what it lists is the dimensions' salience
// column names, which KTAB's XML has no place for).
func TestExportKTABRunsAsSmpc(t *testing.T) {
	if _, err := os.Stat(ktabData); err != nil {
		t.Skipf("shared KTAB data not found at %s: %v", ktabData, err)
	}
	for _, name := range []string{"dummyData_3Dim", "SOE-Pol-Comp"} {
		want, err := os.ReadFile(filepath.Join(ktabData, "expected", name+".expected.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, to := range []string{"ktab-csv", "ktab-xml"} {
			out, errOut, code := run(t, "export", "--to", to, filepath.Join(ktabData, name+".csv"))
			if code != 0 || strings.Contains(errOut, "changes the forecasts") {
				t.Fatalf("export %s to %s: exit %d, %s", name, to, code, errOut)
			}
			ext := map[string]string{"ktab-csv": ".csv", "ktab-xml": ".xml"}[to]
			got, errOut, code := run(t, "forecast", "-m", "smp", "-f", "ktab", write(t, name+ext, out))
			if code != 0 || got != string(want) {
				t.Errorf("%s via %s: exit %d, stderr %q; output equals smpc's: %v", name, to, code, errOut, got == string(want))
			}
		}
	}
}

// KTAB's smpExample.xml forecasts, with its settings applied and what
// Parley ignores named.
func TestForecastSmpExampleXML(t *testing.T) {
	out, errOut, code := run(t, "forecast", "-m", "smp", "--format", "json", "../format/ktabxml/testdata/smpExample.xml")
	if code != 0 || !strings.Contains(out, `"smp-vote": "PropCbc"`) {
		t.Fatalf("exit %d, %s\n%s", code, errOut, out)
	}
	for _, w := range []string{"PCEModel MarkovIncentive is ignored", "StateTransitions Stochastic is ignored", "ideal adjustment Bob ← Alice 0.07 is ignored"} {
		if !strings.Contains(errOut+out, w) {
			t.Errorf("no %q in the warnings:\n%s", w, errOut)
		}
	}
}

func TestExportCommand(t *testing.T) {
	_, errOut, code := run(t, "export", "--to", "pdf")
	if code != 2 || !strings.Contains(errOut, "valid: ktab-csv, ktab-xml, decide, bdm-csv, schelling, yaml, json") {
		t.Errorf("exit %d, %s", code, errOut)
	}
	_, errOut, code = run(t, "export")
	if code != 2 || !strings.Contains(errOut, "name the format with --to") {
		t.Errorf("exit %d, %s", code, errOut)
	}
	// The built-in case to Schelling: written, with what it cannot hold.
	out, errOut, code := run(t, "export", "--to", "schelling")
	if code != 0 || !strings.Contains(out, `"cases": [`) || !strings.Contains(errOut, "note: schelling cannot hold: snapshots (3) and variants (3): the stances as of 2025-08-18 are written") {
		t.Errorf("exit %d, %s", code, errOut)
	}
	// An existing file is not overwritten without --force.
	path := write(t, "kept.yaml", "mine")
	_, errOut, code = run(t, "export", "--to", "yaml", "-o", path)
	if b, _ := os.ReadFile(path); code != 2 || string(b) != "mine" || !strings.Contains(errOut, "--force to overwrite") {
		t.Errorf("exit %d, %s; file now %q", code, errOut, b)
	}
	if _, _, code = run(t, "export", "--to", "yaml", "-o", path, "--force"); code != 0 {
		t.Errorf("--force: exit %d", code)
	}
	// The export cites the built-in case's articles by file name; validate
	// reads them from --sources (docs/ingest.md), where they are checked out.
	if _, err := os.Stat("../../shared/sources"); err != nil {
		t.Log("the exported YAML's quotes are not checked: the articles are not in ../../shared/sources")
		return
	}
	if _, ds, code := run(t, "validate", path, "--sources", "../../shared/sources"); code != 0 {
		t.Errorf("the exported YAML does not validate: %s", ds)
	}
}

// parley init writes the starter, which validates strictly and forecasts;
// an existing file is kept.
func TestInit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "case.yaml")
	_, errOut, code := run(t, "init", path)
	if code != 0 || !strings.Contains(errOut, "wrote "+path) {
		t.Fatalf("exit %d, %s", code, errOut)
	}
	out, errOut, code := run(t, "validate", "--strict", path)
	if code != 0 || !strings.Contains(out, "3 actors, 2 issues, 6 stances, 1 snapshot, 1 variant; 0 warnings") {
		t.Errorf("validate: exit %d, %s %s", code, out, errOut)
	}
	// The starter's weighted median at the base, by hand: budget 30 (South,
	// 40·0.6 = 24), 50 (East, 20·0.4 = 8), 80 (North, 60·0.9 = 54); half of
	// 86 is 43, passed at 80. Timeline 20 (10), 50 (18), 90 (32): half of
	// 60 is 30, passed at 90.
	out, errOut, code = run(t, "forecast", "-m", "median", "--snapshot", "base", "--format", "json", path)
	if code != 0 || !strings.Contains(out, `"issue": "budget",
          "name": "Budget",
          "forecast": 80,`) || !strings.Contains(out, `"issue": "timeline",
          "name": "Timeline",
          "forecast": 90,`) {
		t.Errorf("forecast: exit %d, %s\n%s", code, errOut, out)
	}
	if err := os.WriteFile(path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, code := run(t, "init", path); code != 2 {
		t.Errorf("init over an existing file: exit %d", code)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Errorf("file overwritten: %q", b)
	}
}

// parley brief -o FILE picks the format from the extension: Markdown and
// HTML as ask renders them, PDF printed by the browser (one page), and an
// unknown extension refused with the valid ones.
func TestBriefOutput(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "b.md")
	if _, stderr, code := run(t, "brief", "-o", md); code != 0 {
		t.Fatalf("brief -o b.md: exit %d: %s", code, stderr)
	}
	stdout, _, _ := run(t, "brief")
	if b, _ := os.ReadFile(md); string(b) != stdout {
		t.Errorf("brief -o b.md differs from brief on standard output")
	}
	if _, stderr, code := run(t, "brief", "-o", filepath.Join(dir, "b.odt")); code != 2 || !strings.Contains(stderr, ".html, .md or .pdf") {
		t.Errorf("brief -o b.odt: exit %d: %s", code, stderr)
	}
	if pdfprint.Browser() == "" {
		return
	}
	pdf := filepath.Join(dir, "b.pdf")
	if _, stderr, code := run(t, "brief", "-o", pdf); code != 0 {
		t.Fatalf("brief -o b.pdf: exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(pdf); !strings.HasPrefix(string(b), "%PDF-") || pdfprint.Pages(b) != 1 {
		t.Errorf("b.pdf: %d bytes, %d pages", len(b), pdfprint.Pages(b))
	}
}

// TestExportDecideSaysIssueNames: the built-in case to Decide and back
// (parley export --to decide, parley import decide): stderr says the
// issue names cannot be held, naming the first five of the seven, and
// the issues read back are named by their ids, as it says.
func TestExportDecideSaysIssueNames(t *testing.T) {
	out, errOut, code := run(t, "export", "--to", "decide")
	const note = "note: decide cannot hold: issue names (7: ceasefire, territory, security-guarantees, armed-forces, military-aid, …): a Decide #P row holds an issue's id and description only"
	if code != 0 || !strings.Contains(errOut, note) {
		t.Fatalf("exit %d, stderr %s; want the note %q", code, errOut, note)
	}
	back, errOut, code := run(t, "import", "decide", write(t, "case.csv", out), "-q")
	if code != 0 || !strings.Contains(back, "  - id: nato\n    name: nato\n") {
		t.Errorf("import: exit %d, %s; want the issue nato named nato", code, errOut)
	}
}
