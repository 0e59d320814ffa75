package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// run runs parley with args and returns stdout, stderr and the exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// runWide is run with standard output and error a terminal of 200
// columns, where each table takes its wide form (output to no terminal is
// laid out at 120 columns, where the widest take their narrow form).
func runWide(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	out, errb := &terminal{width: 200}, &terminal{width: 200}
	code := Main(args, strings.NewReader(""), out, errb)
	return out.String(), errb.String(), code
}

// base is a valid scenario; each malformed case edits one line of it.
const base = `metadata:
  id: t
  title: T
  as_of: 2025-01-01
issues:
  - id: i1
    name: Issue one
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 2, capability_assumed: t}
stances:
  - {actor: a, issue: i1, position: 10, salience: 0.5, assumed: x}
  - {actor: b, issue: i1, position: 90, salience: 1, assumed: x}
snapshots:
  - date: 2025-02-01
    stances: [{actor: a, issue: i1, position: 20, assumed: x}]
variants:
  - id: v1
    remove_actors: [b]
`

func write(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Each malformed-input class exits 3 and names the file and line.
func TestMalformedInputExitsThreeWithLine(t *testing.T) {
	cases := []struct {
		name, old, new string
		line           int
		says           string
	}{
		{"unknown actor", "{actor: a, issue: i1, position: 10", "{actor: zz, issue: i1, position: 10", 12, `unknown actor "zz"`},
		{"unknown issue", "{actor: b, issue: i1,", "{actor: b, issue: i9,", 13, `unknown issue "i9"`},
		{"duplicate actor id", "{id: b, name: B", "{id: a, name: B", 10, "duplicate"},
		{"position outside scale", "position: 90", "position: 190", 13, "outside the scale"},
		{"salience outside range", "salience: 1,", "salience: 7,", 13, "salience 7"},
		{"range not containing value", "position: 90, salience: 1,", "position: 90, range: {position: [0, 50]}, salience: 1,", 13, "does not contain"},
		{"capability not positive", "capability: 2", "capability: 0", 10, "capability"},
		{"variant names unknown actor", "remove_actors: [b]", "remove_actors: [q]", 19, `unknown actor "q"`},
		{"snapshot before as_of", "date: 2025-02-01", "date: 2024-02-01", 15, "before"},
		{"malformed yaml", "    name: Issue one", "    name: [Issue one", 7, ""},
		{"wrong type", "position: 10,", "position: ten,", 12, "position"},
		{"unknown field", "{id: a, name: A,", "{id: a, nmae: A,", 9, "nmae"},
		{"evidence from an undeclared source", "salience: 0.5, assumed: x}", "salience: 0.5, evidence: [{source: nope, quote: q}]}", 12,
			`unknown source "nope" (valid: declare it under metadata.sources`},
		{"every salience 0 on an issue", "salience: 0.5, assumed: x}\n  - {actor: b, issue: i1, position: 90, salience: 1,",
			"salience: 0, assumed: x}\n  - {actor: b, issue: i1, position: 90, salience: 0,", 6,
			"issues[0]: no actor has a stance on issue i1 with salience > 0, so no model can weigh it (valid: give at least one actor a stance on issue i1 with salience > 0)"},
		{"snapshot leaving an issue unweighed", "stances: [{actor: a, issue: i1, position: 20, assumed: x}]",
			"stances: [{actor: a, issue: i1, salience: 0}, {actor: b, issue: i1, salience: 0}]", 15,
			"snapshots[0]: no actor has a stance on issue i1 with salience > 0 after snapshot 2025-02-01"},
		{"variant removing every actor", "remove_actors: [b]", "remove_actors: [a, b]", 18, "variants[0]: no actor is left under variant v1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("test bug: %q not in base", c.old)
			}
			p := write(t, "s.yaml", strings.Replace(base, c.old, c.new, 1))
			for _, cmd := range [][]string{{"validate", p}, {"forecast", p}} {
				_, stderr, code := run(t, cmd...)
				if code != 3 {
					t.Errorf("%s: exit %d, want 3; stderr %s", cmd[0], code, stderr)
				}
				want := p + ":" + strconv.Itoa(c.line) + ":"
				if !strings.Contains(stderr, want) {
					t.Errorf("%s: stderr does not name %s:\n%s", cmd[0], want, stderr)
				}
				if !strings.Contains(stderr, c.says) {
					t.Errorf("%s: stderr does not say %q:\n%s", cmd[0], c.says, stderr)
				}
			}
		})
	}
}

// A variant is validated on the latest snapshot; on an earlier one it
// can still leave no actors. Forecasting that names the file, the variant
// and the snapshot; on the latest snapshot the variant forecasts.
func TestForecastNamesVariantAndSnapshot(t *testing.T) {
	doc := strings.Replace(base, "    stances: [{actor: a, issue: i1, position: 20, assumed: x}]\n",
		"    add_actors: [{id: c, capability: 1, capability_assumed: x}]\n    stances: [{actor: c, issue: i1, position: 50, salience: 1, assumed: x}]\n", 1)
	doc = strings.Replace(doc, "remove_actors: [b]", "remove_actors: [a, b]", 1)
	p := write(t, "s.yaml", doc)
	if _, stderr, code := run(t, "validate", "--strict", p); code != 0 {
		t.Fatalf("validate: exit %d, %s", code, stderr)
	}
	if _, stderr, code := run(t, "forecast", "-m", "compromise", "--variant", "v1", p); code != 0 {
		t.Errorf("latest with v1: exit %d, %s", code, stderr)
	}
	_, stderr, code := run(t, "forecast", "-m", "compromise", "--snapshot", "base", "--variant", "v1", p)
	want := p + ": actors: with variant v1 at snapshot base: the scenario has no actors (valid: at least one actor)"
	if code != 3 || !strings.Contains(stderr, want) {
		t.Errorf("base with v1: exit %d, stderr %q; want 3 and %q", code, stderr, want)
	}
}

// The built-in case and the scenarios shipped as examples pass validate
// --strict.
func TestShippedScenariosValidate(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.yaml")
	if len(files) < 3 {
		t.Fatalf("found only %v", files)
	}
	runs := [][]string{{"validate", "--strict"}} // the built-in case
	for _, f := range append(files, "../scenarios/starter/starter.yaml") {
		runs = append(runs, []string{"validate", "--strict", f})
	}
	for _, args := range runs {
		if out, stderr, code := run(t, args...); code != 0 || !strings.Contains(out, ": ok (") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, stderr)
		}
	}
}

func TestNotAScenario(t *testing.T) {
	p := write(t, "notes.txt", "just some words\nand more\n")
	_, stderr, code := run(t, "forecast", p)
	if code != 3 || !strings.Contains(stderr, "not a file Parley can read") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	p = write(t, "list.yaml", "- 1\n- 2\n")
	_, stderr, code = run(t, "validate", p)
	if code != 3 || !strings.Contains(stderr, p) {
		t.Errorf("yaml list: exit %d, stderr %q", code, stderr)
	}
}

func TestStrictTurnsMissingEvidenceIntoError(t *testing.T) {
	p := write(t, "s.yaml", strings.Replace(base, "salience: 0.5, assumed: x", "salience: 0.5", 1))
	if _, stderr, code := run(t, "validate", p); code != 0 || !strings.Contains(stderr, "warning") {
		t.Errorf("non-strict: exit %d, stderr %q; want 0 with a warning", code, stderr)
	}
	if _, stderr, code := run(t, "validate", "--strict", p); code != 3 || !strings.Contains(stderr, p+":12:") {
		t.Errorf("strict: exit %d, stderr %q; want 3 naming line 12", code, stderr)
	}
}

// --version prints the version and exits 0; show lists what a scenario
// holds.
func TestVersionAndShow(t *testing.T) {
	out, _, code := run(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "parley ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	out, _, code = run(t, "show", "testdata/example.yaml")
	if code != 0 {
		t.Fatalf("show: exit %d", code)
	}
	for _, want := range []string{"Gamma", "budget", "Snapshots:", "2025-06-01"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"forecast", "--bogus"},
		{"forecast", "--model", "nope"},
		{"forecast", "--format", "xml"},
		{"nosuchcommand"},
		{"validate", "a.yaml", "b.yaml"},
		{"forecast", "a", "b"},
		{"forecast", "-m", "bdm,bdm"},
		{"import"},
		{"import", "nosuchformat", "f"},
		{"bench"},
		{"serve", "--max-body", "-1"},
		{"serve", "--max-auth-failures", "-1"},
		{"forecast", "-m", "compromise", "--exact"},
	} {
		if _, stderr, code := run(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, code, stderr)
		}
	}
}

// The JSON document has the documented shape and the compromise forecast
// computed by hand from cli/testdata/example.yaml.
func TestForecastJSON(t *testing.T) {
	out, stderr, code := run(t, "forecast", "testdata/example.yaml", "--model", "compromise,median", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Scenario struct {
			AsOf string `json:"as_of"`
		} `json:"scenario"`
		Models []struct {
			Model  string `json:"model"`
			Issues []struct {
				Issue    string                   `json:"issue"`
				Forecast float64                  `json:"forecast"`
				Nearest  []struct{ Label string } `json:"nearest"`
				Rounds   []struct {
					Round     int                `json:"round"`
					Positions map[string]float64 `json:"positions"`
					Forecast  float64            `json:"forecast"`
				} `json:"rounds"`
			} `json:"issues"`
		} `json:"models"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// Latest snapshot (2025-06-01) moves Gamma to 80 on budget. Weights
	// a 1·1, b 2·0.5, c 3·1: (0 + 50 + 240)/5 = 58.
	if doc.Scenario.AsOf != "2025-06-01" {
		t.Errorf("as_of %q, want the latest snapshot 2025-06-01", doc.Scenario.AsOf)
	}
	m := doc.Models[0]
	if m.Model != "compromise" || m.Issues[0].Issue != "budget" || math.Abs(m.Issues[0].Forecast-58) > 1e-12 {
		t.Errorf("got %+v", m.Issues[0])
	}
	if n := m.Issues[0].Nearest; len(n) != 1 || n[0].Label != "half budget" {
		t.Errorf("nearest %+v, want half budget alone", n)
	}
	if r := m.Issues[0].Rounds; len(r) != 1 || r[0].Positions["c"] != 80 {
		t.Errorf("rounds %+v", r)
	}
	// Median: weights 1 at 0, 1 at 50, 3 at 80 → 80.
	if f := doc.Models[1].Issues[0].Forecast; f != 80 {
		t.Errorf("median %v, want 80", f)
	}
}

func TestSnapshotAndVariant(t *testing.T) {
	// Base (as_of): Gamma at 100 → (0 + 50 + 300)/5 = 70.
	out, _, code := run(t, "forecast", "testdata/example.yaml", "--model", "compromise", "--format", "csv", "--snapshot", "base")
	if code != 0 || !strings.Contains(out, "compromise,budget,70,") {
		t.Errorf("base: exit %d\n%s", code, out)
	}
	// Variant no-gamma: (0·1 + 50·1)/2 = 25.
	out, _, code = run(t, "forecast", "testdata/example.yaml", "--model", "compromise", "--format", "csv", "--variant", "no-gamma")
	if code != 0 || !strings.Contains(out, "compromise,budget,25,") {
		t.Errorf("variant: exit %d\n%s", code, out)
	}
	_, stderr, code := run(t, "forecast", "testdata/example.yaml", "--variant", "nope")
	if code != 2 || !strings.Contains(stderr, "no-gamma") {
		t.Errorf("unknown variant: exit %d, stderr %q (want 2, as a bad snapshot, and the valid ids)", code, stderr)
	}
	_, stderr, code = run(t, "forecast", "testdata/example.yaml", "--snapshot", "June")
	if code != 2 || !strings.Contains(stderr, "2025-06-01") {
		t.Errorf("bad snapshot: exit %d, stderr %q", code, stderr)
	}
}

func TestModelsListsEveryModel(t *testing.T) {
	out, _, code := run(t, "models")
	for _, name := range []string{"compromise", "median", "nash"} {
		if code != 0 || !strings.Contains(out, name) {
			t.Errorf("models output lacks %s:\n%s", name, out)
		}
	}
}

// num: one decimal, no sign on a value that rounds to zero, "—" (an em
// dash, not the en dash of a range) for none.
func TestNum(t *testing.T) {
	for x, want := range map[float64]string{46.55: "46.5", -0.04: "0.0", math.Copysign(0, -1): "0.0", -0.05: "-0.1", 0: "0.0", math.NaN(): "—"} {
		if got := num(x); got != want {
			t.Errorf("num(%v) = %q, want %q", x, got, want)
		}
	}
}

// --top and --max-memory refuse what they cannot mean.
func TestNegativeFlags(t *testing.T) {
	for _, args := range [][]string{
		{"advise", "ukraine", "--top", "-1"},
		{"sensitivity", "--top", "-3"},
		{"forecast", "--max-memory", "-2"},
		{"deal", "evaluate", "--package", "ceasefire=50", "-m", "none", "--robust", "--workers", "-3"},
		{"sweep", "-n", "10", "--workers", "1025"},
	} {
		if _, errOut, code := run(t, args...); code != 2 || !strings.Contains(errOut, "valid: ") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	// a scenario file named alone, where the actor goes
	f := filepath.Join(t.TempDir(), "s.yaml")
	if _, errOut, code := run(t, "init", f); code != 0 {
		t.Fatal(errOut)
	}
	if _, errOut, code := run(t, "advise", f); code != 2 || !strings.Contains(errOut, "is a file, not an actor; valid: parley advise ACTOR FILE or FILE ACTOR, ACTOR an actor of the file: ") {
		t.Errorf("advise FILE: exit %d, %q", code, errOut)
	}
	// the file first and the actor after it: taken, as forecast's FILE comes first
	if _, errOut, code := run(t, "advise", f, "north", "-q"); code != 0 {
		t.Errorf("advise FILE ACTOR: exit %d, %q", code, errOut)
	}
}

// A command that answers about a case says on stderr which of its stances
// and capabilities rest on no quote, only on an assumption, whatever the
// format, and --quiet keeps it quiet: base's two stances and two
// capabilities, at its latest snapshot. It says them as "assumed", not
// "warning": a warning is what validate counts (and base has none).
func TestAssumedStancesOnStderr(t *testing.T) {
	p := write(t, "s.yaml", base)
	want := "assumed: 2 of 2 stances rest on no quote, only on an assumption (its reason in the file): A on Issue one and B on Issue one\n" +
		"assumed: 2 of 2 capabilities rest on no quote, only on an assumption (its reason in the file): A and B\n"
	for _, args := range [][]string{{"forecast", p}, {"forecast", "--format", "json", p}, {"sweep", "-n", "10", p}} {
		// the stances' line wraps at the terminal's width: compare words
		if _, stderr, code := run(t, args...); code != 0 || strings.Join(strings.Fields(stderr), " ") != strings.Join(strings.Fields(want), " ") {
			t.Errorf("%v: exit %d, stderr %q; want %q", args, code, stderr, want)
		}
	}
	if _, stderr, code := run(t, "forecast", "-q", p); code != 0 || stderr != "" {
		t.Errorf("--quiet: exit %d, stderr %q", code, stderr)
	}
}
