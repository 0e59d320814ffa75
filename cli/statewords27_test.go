package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/answer"
)

// parley show prints the state's sentences as the answer carries them
// (answer.State's Heading, StancesText and each red line's Text, which
// GET …/resolved returns too), a red line a variant drops as well: the
// terminal's words are the JSON's, and the same as before they moved
// into package ask.
func TestShowPrintsStateWords(t *testing.T) {
	body, err := os.ReadFile("testdata/show-everything.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// a second variant drops Beta's red line
	text := strings.Replace(string(body), "    remove_actors: [c]\n",
		"    remove_actors: [c]\n  - id: no-line\n    name: Beta gives in\n    actors:\n      - {id: b, red_lines: {budget: none}}\n", 1)
	path := filepath.Join(t.TempDir(), "s.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "show", "--variant", "no-line", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Shown at the latest snapshot (2025-02-01), variant no-line: 2 differences from the base, each marked with the snapshot or variant that set it (--snapshot, --variant).\n",
		"Stances at the latest snapshot (2025-02-01), variant no-line: 4 (1 quoted, 3 assumed, 0 with neither; 1 set since the base); --all lists them\n",
		"  Beta on Budget: none (dropped by variant no-line, base <= 60)\n",
		// as written: each red line's state, and what each snapshot and
		// variant changes
		"  Beta on Budget: <= 60 (base, assumed)\n",
		"  Beta on Budget: <= 70 (from 2025-02-01, assumed)\n",
		"  Beta on Budget: none (variant no-line)\n",
		"  2025-02-01  February: 1 stance, 1 actor changed\n",
		"  no-c                     Gamma leaves: 1 actor removed\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	js, errOut, code := run(t, "show", "--variant", "no-line", "--format", "json", path)
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	var sh answer.Show
	if err := json.Unmarshal([]byte(js), &sh); err != nil {
		t.Fatal(err)
	}
	st := sh.State
	if !strings.Contains(out, st.Heading+" (--snapshot, --variant).\n") || !strings.Contains(out, st.StancesText+"; --all lists them\n") {
		t.Errorf("the JSON's heading %q or stances_text %q is not the terminal's:\n%s", st.Heading, st.StancesText, out)
	}
	for _, l := range append(sh.Contents.RedLines, sh.Contents.Reservations...) {
		if l.Where == "" || !strings.Contains(out, " ("+l.Where+")\n") {
			t.Errorf("the JSON's where %q is not the terminal's:\n%s", l.Where, out)
		}
	}
	for _, c := range append(sh.Contents.Snapshots, sh.Contents.Variants...) {
		if c.Text == "" || !strings.Contains(out, c.Text+"\n") {
			t.Errorf("the JSON's changes %q are not the terminal's:\n%s", c.Text, out)
		}
	}
	for _, l := range st.RedLines {
		if l.Text == "" || !strings.Contains(out, "  "+l.Text+"\n") {
			t.Errorf("the JSON's red line %q is not the terminal's:\n%s", l.Text, out)
		}
	}
}
