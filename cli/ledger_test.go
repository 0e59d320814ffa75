package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The ledger door: record appends one sealed line per run (the file is
// never rewritten), grade reads it back against the built-in case's two
// outcomes after its base (2 questions per entry, both dated 2025, before
// any entry is recorded: graded in hindsight, none sealed), and a ledger
// edited by hand is refused with its line.
func TestLedgerCLI(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.jsonl")
	for i := 0; i < 2; i++ {
		out, errOut, code := run(t, "ledger", "record", "--snapshot", "base", "-m", "compromise", "--ledger", path, "-q")
		if code != 0 || !strings.HasPrefix(out, "sealed ") || !strings.Contains(out, "7 forecasts of ukraine-ceasefire-2025 as of 2025-02-28") {
			t.Fatalf("record: %d %q %q", code, out, errOut)
		}
	}
	// One entry is counted in the singular (it read "1 entries"); the
	// built-in case has 2 outcomes after its base, so 2 questions, both
	// in hindsight.
	one := filepath.Join(t.TempDir(), "one.jsonl")
	if _, errOut, code := run(t, "ledger", "record", "--snapshot", "base", "-m", "compromise", "--ledger", one, "-q"); code != 0 {
		t.Fatalf("record one: %d %q", code, errOut)
	}
	if out, errOut, code := run(t, "ledger", "grade", "--ledger", one); code != 0 || !strings.HasPrefix(out, "1 entry, 0 sealed questions graded, 2 in hindsight\n") {
		t.Fatalf("grade one entry: %d %q %q", code, out, errOut)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n != 2 {
		t.Fatalf("%d lines in the ledger, want 2", n)
	}
	out, errOut, code := run(t, "ledger", "grade", "--ledger", path, "-f", "json")
	if code != 0 || !strings.Contains(out, `"graded": 0`) || !strings.Contains(out, `"hindsight": 4`) || !strings.Contains(out, `"ranked": false`) {
		t.Fatalf("grade: %d %q %q", code, out, errOut)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), `"compromise"`, `"median"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := run(t, "ledger", "grade", "--ledger", path); code == 0 || !strings.Contains(errOut, "l.jsonl:1: entry") || !strings.Contains(errOut, "does not match its seal") {
		t.Errorf("tampered: %d %q", code, errOut)
	}
	if _, errOut, code := run(t, "ledger", "record"); code == 0 || !strings.Contains(errOut, "--ledger: missing") {
		t.Errorf("no --ledger: %d %q", code, errOut)
	}
}

// record appends only to a ledger: a scenario named by mistake (or a
// tampered ledger) is refused, naming its line, before any work, and left
// byte for byte as it was; a ledger whose last line lost its newline gets
// one before the new entry, so both entries read back.
func TestLedgerRecordRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	scen := filepath.Join(dir, "victim.yaml")
	if _, errOut, code := run(t, "init", scen); code != 0 {
		t.Fatal(errOut)
	}
	before, err := os.ReadFile(scen)
	if err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, "ledger", "record", scen, "--ledger", scen, "-q")
	if code != 3 || !strings.Contains(errOut, "--ledger: "+scen+":1: not a ledger entry") || !strings.Contains(errOut, "nothing was appended") {
		t.Errorf("a scenario as the ledger: %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(scen); string(after) != string(before) {
		t.Error("the scenario was changed")
	}
	ledger := filepath.Join(dir, "l.jsonl")
	if _, errOut, code := run(t, "ledger", "record", "-m", "compromise", "--ledger", ledger, "-q"); code != 0 {
		t.Fatal(errOut)
	}
	data, err := os.ReadFile(ledger)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ledger, []byte(strings.TrimSuffix(string(data), "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := run(t, "ledger", "record", "-m", "compromise", "--ledger", ledger, "-q"); code != 0 {
		t.Fatal(errOut)
	}
	if out, errOut, code := run(t, "ledger", "grade", "--ledger", ledger, "-f", "json"); code != 0 || !strings.Contains(out, `"entries": 2`) {
		t.Errorf("after a line without its newline: %d %q %q", code, errOut, out[:min(len(out), 300)])
	}
}

// ledger record says on stderr which sealed forecasts did not settle (and
// so are sealed at a last round's point): bdm's, on the issues where its
// forecast says so.
func TestLedgerRecordWarnsUnsettled(t *testing.T) {
	js, _, code := run(t, "forecast", "-m", "bdm", "-q", "--format", "json")
	if code != 0 {
		t.Fatalf("forecast: exit %d", code)
	}
	var f struct {
		Models []struct {
			Issues []struct {
				Name    string `json:"name"`
				Settled bool   `json:"settled"`
			} `json:"issues"`
		} `json:"models"`
	}
	if err := json.Unmarshal([]byte(js), &f); err != nil {
		t.Fatal(err)
	}
	var moving []string
	for _, x := range f.Models[0].Issues {
		if !x.Settled {
			moving = append(moving, x.Name)
		}
	}
	if len(moving) == 0 {
		t.Fatal("bdm settles on every issue of the built-in case; the test tests nothing")
	}
	_, stderr, code := run(t, "ledger", "record", "-m", "bdm", "-q", "--ledger", filepath.Join(t.TempDir(), "l.jsonl"))
	if code != 0 || !strings.HasPrefix(stderr, fmt.Sprintf("warning: model bdm did not settle on %d of %d issues, so ", len(moving), len(f.Models[0].Issues))) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, name := range moving {
		if !strings.Contains(stderr, ": "+name+" ") && !strings.Contains(stderr, "; "+name+" ") {
			t.Errorf("stderr %q does not name %s", stderr, name)
		}
	}
}

// hindsightScenario is cli/testdata/example.yaml (base as of 2025-01-01)
// with two outcomes after its base: budget 50 on 2025-03-01 and
// deadline 100 on deadline.
func hindsightScenario(t *testing.T, deadline string) string {
	t.Helper()
	data, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data) + `outcomes:
  - {issue: budget, value: 50, date: 2025-03-01, evidence: [{source: memo, quote: "half"}]}
  - {issue: deadline, value: 100, date: ` + deadline + `, evidence: [{source: memo, quote: "ten years"}]}
`
	path := filepath.Join(t.TempDir(), "case.yaml")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A forecast sealed after its outcomes were recorded (the review's case:
// record today from the base, both outcomes dated 2025) is no sealed
// forecast: record warns, naming them, and grade scores both questions
// apart, in hindsight, with no sealed question graded. Compromise's
// errors are 20 (70 for 50) and 100 − 119/2.1 (ask.TestLedgerHand), so
// its hindsight MAE is their mean. Before, grade printed "1 entry, 2
// questions graded" and ranked nothing but mixed them into one MAE.
func TestLedgerHindsightCLI(t *testing.T) {
	scen := hindsightScenario(t, "2025-07-01")
	ledger := filepath.Join(t.TempDir(), "l.jsonl")
	_, errOut, code := run(t, "ledger", "record", scen, "--snapshot", "base", "-m", "compromise", "--ledger", ledger, "-q")
	if code != 0 || !strings.Contains(errOut, "warning: 2 questions of this entry already have their outcome in the file, dated on or before the day it is recorded (") ||
		!strings.Contains(errOut, "budget 50 on 2025-03-01 and deadline 100 on 2025-07-01") || !strings.Contains(errOut, "ledger grade scores them apart, in hindsight") {
		t.Fatalf("record: %d %q", code, errOut)
	}
	out, errOut, code := run(t, "ledger", "grade", scen, "--ledger", ledger, "-q")
	if code != 0 || !strings.HasPrefix(out, "1 entry, 0 sealed questions graded, 2 in hindsight\n") || !strings.Contains(out, "In hindsight (outcome dated on or before its entry was recorded; not ranked):\n") {
		t.Fatalf("grade: %d %q %q", code, out, errOut)
	}
	js, errOut, code := run(t, "ledger", "grade", scen, "--ledger", ledger, "-q", "-f", "json")
	var g struct {
		Graded, Hindsight int
		Models            []struct{}
		HindsightModels   []struct {
			Model string
			N     int
			MAE   float64
		} `json:"hindsight_models"`
	}
	if err := json.Unmarshal([]byte(js), &g); code != 0 || err != nil {
		t.Fatalf("grade json: %d %v %q", code, err, errOut)
	}
	if want := (20 + 100 - 119/2.1) / 2; g.Graded != 0 || g.Hindsight != 2 || len(g.Models) != 0 || len(g.HindsightModels) != 1 ||
		g.HindsightModels[0].Model != "compromise" || g.HindsightModels[0].N != 2 || math.Abs(g.HindsightModels[0].MAE-want) > 1e-9 {
		t.Errorf("grade json: %+v; want 0 sealed, 2 in hindsight, compromise's MAE %v", g, want)
	}
}

// An outcome in the file dated after the day of recording would be
// graded as unknown when sealed though the file holds it: record refuses,
// naming the outcome's field, and appends nothing.
func TestLedgerRecordRefusesLaterOutcome(t *testing.T) {
	scen := hindsightScenario(t, "2999-01-01")
	ledger := filepath.Join(t.TempDir(), "l.jsonl")
	_, errOut, code := run(t, "ledger", "record", scen, "--snapshot", "base", "-m", "compromise", "--ledger", ledger, "-q")
	if code != 3 || !strings.Contains(errOut, scen+": outcomes[1].date: the outcome of deadline is dated 2999-01-01, after ") || !strings.Contains(errOut, "nothing was recorded") {
		t.Errorf("record: %d %q", code, errOut)
	}
	if _, err := os.Stat(ledger); err == nil {
		t.Error("the ledger was written")
	}
}

// A what-if entry is graded apart at the command line: the first line
// counts the entries of the scenario as stated and the what-if ones
// apart, the variant's table is headed as such, and the JSON holds its
// grade in variants, not in the models of the scenario as stated. Both
// entries are recorded today, after both outcomes (2025), so all their
// questions are in hindsight: compromise as stated (20 + 43.33)/2 =
// 31.67, under no-gamma (25 + 36.67)/2 = 30.83 (ask's
// TestLedgerGradeWhatIfApart).
func TestLedgerWhatIfApartCLI(t *testing.T) {
	scen := hindsightScenario(t, "2025-07-01")
	ledger := filepath.Join(t.TempDir(), "l.jsonl")
	for _, v := range []string{"", "no-gamma"} {
		args := []string{"ledger", "record", scen, "--snapshot", "base", "-m", "compromise", "--ledger", ledger, "-q"}
		if v != "" {
			args = append(args, "--variant", v)
		}
		if _, errOut, code := run(t, args...); code != 0 {
			t.Fatalf("record %q: %d %q", v, code, errOut)
		}
	}
	out, errOut, code := run(t, "ledger", "grade", scen, "--ledger", ledger, "-q")
	heading := "What-if variant no-gamma, not the scenario as stated: 1 entry, 0 sealed questions graded, 2 in hindsight; graded apart and not ranked:\n"
	if code != 0 || !strings.HasPrefix(out, "2 entries; as stated: 0 sealed questions graded, 2 in hindsight; for what-if variants: 1 entry, graded apart below\n") ||
		!strings.Contains(out, heading) || strings.Count(out, "│ compromise │      2 │ 31.7 │") != 1 || strings.Count(out, "│ compromise │      2 │ 30.8 │") != 1 ||
		strings.Index(out, "31.7") > strings.Index(out, heading) || strings.Index(out, "30.8") < strings.Index(out, heading) {
		t.Fatalf("grade: %d %q %q", code, out, errOut)
	}
	js, errOut, code := run(t, "ledger", "grade", scen, "--ledger", ledger, "-q", "-f", "json")
	type model struct {
		Model string
		N     int
		MAE   float64
	}
	var g struct {
		Graded, Hindsight int
		HindsightModels   []model `json:"hindsight_models"`
		Variants          []struct {
			Variant         string
			Entries         int
			Hindsight       int
			HindsightModels []model `json:"hindsight_models"`
		}
	}
	if err := json.Unmarshal([]byte(js), &g); code != 0 || err != nil {
		t.Fatalf("grade json: %d %v %q", code, err, errOut)
	}
	stated, whatIf := (20+100-119/2.1)/2, (25+100-95/1.5)/2
	if g.Hindsight != 2 || len(g.HindsightModels) != 1 || g.HindsightModels[0].N != 2 || math.Abs(g.HindsightModels[0].MAE-stated) > 1e-9 {
		t.Errorf("as stated: %+v; want compromise's 2 questions, MAE %.4f", g, stated)
	}
	if len(g.Variants) != 1 || g.Variants[0].Variant != "no-gamma" || g.Variants[0].Entries != 1 || g.Variants[0].Hindsight != 2 ||
		len(g.Variants[0].HindsightModels) != 1 || math.Abs(g.Variants[0].HindsightModels[0].MAE-whatIf) > 1e-9 {
		t.Errorf("variants: %+v; want no-gamma's compromise, 2 questions, MAE %.4f", g.Variants, whatIf)
	}
}
