package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The ledger door: record appends one sealed line per run (the file is
// never rewritten), grade reads it back against the built-in case's two
// outcomes after its base (2 questions per entry: not ranked), and a
// ledger edited by hand is refused with its line.
func TestLedgerCLI(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.jsonl")
	for i := 0; i < 2; i++ {
		out, errOut, code := run(t, "ledger", "record", "--snapshot", "base", "-m", "compromise", "--ledger", path, "-q")
		if code != 0 || !strings.HasPrefix(out, "sealed ") || !strings.Contains(out, "7 forecasts of ukraine-ceasefire-2025 as of 2025-02-28") {
			t.Fatalf("record: %d %q %q", code, out, errOut)
		}
	}
	// One entry is counted in the singular (it read "1 entries"); the
	// built-in case has 2 outcomes after its base, so 2 questions.
	one := filepath.Join(t.TempDir(), "one.jsonl")
	if _, errOut, code := run(t, "ledger", "record", "--snapshot", "base", "-m", "compromise", "--ledger", one, "-q"); code != 0 {
		t.Fatalf("record one: %d %q", code, errOut)
	}
	if out, errOut, code := run(t, "ledger", "grade", "--ledger", one); code != 0 || !strings.HasPrefix(out, "1 entry, 2 questions graded\n") {
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
	if code != 0 || !strings.Contains(out, `"graded": 4`) || !strings.Contains(out, `"ranked": false`) {
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
				Issue   string `json:"issue"`
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
			moving = append(moving, x.Issue)
		}
	}
	if len(moving) == 0 {
		t.Fatal("bdm settles on every issue of the built-in case; the test tests nothing")
	}
	_, stderr, code := run(t, "ledger", "record", "-m", "bdm", "-q", "--ledger", filepath.Join(t.TempDir(), "l.jsonl"))
	if code != 0 || !strings.HasPrefix(stderr, fmt.Sprintf("warning: model bdm did not settle on %d of %d issues, so ", len(moving), len(f.Models[0].Issues))) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, id := range moving {
		if !strings.Contains(stderr, "("+id+") ") {
			t.Errorf("stderr %q does not name %s", stderr, id)
		}
	}
}
