package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nileFile is the user's review case (a student's review, kept trimmed
// in ask/testdata).
const nileFile = "../ask/testdata/nile.yaml"

// ingest's table names each candidate's actor and issue by name: the
// user's review read "ethiopia" and "disputes" where the case names
// them "Ethiopia" and "Dispute resolution".
func TestIngestTableNames(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "wire-2026-07.txt")
	// the review's wire report, whole
	text := "Nile states sign interim filling accord\nWire report, 20 July 2026\n\nEthiopia, Egypt and Sudan signed an interim accord on Sunday. The parties agreed to fill the reservoir over six years and to refer disputes to non-binding conciliation. The question of drought releases was left to a technical committee.\n"
	if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, "ingest", doc, "--scenario", nileFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	flat := strings.Join(strings.Fields(strings.ReplaceAll(out, "│", " ")), " ")
	// the temporary path leaves no room for the table: a line each
	for _, want := range []string{"5.0 Ethiopia on Dispute resolution (option 50.0)", "2.5 Ethiopia on Drought release (bcm/yr)"} {
		if !strings.Contains(flat, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// compare heads a variant's column by its name, not its id upper-cased,
// and lists the id --variant takes below.
func TestCompareNileVariantByName(t *testing.T) {
	out, stderr, code := run(t, "compare", nileFile, "-q", "-m", "compromise")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "SUDAN SIDES WITH ETHIOPIA") || strings.Contains(out, "SUDAN-JOINS-ETHIOPIA") || !strings.Contains(out, "Sudan sides with Ethiopia: --variant sudan-joins-ethiopia") {
		t.Errorf("the variant's column is not headed by its name:\n%s", out)
	}
}

// show's red lines and deal proposals' support over time name what they
// list.
func TestShowAndTimelineNamesNile(t *testing.T) {
	out, stderr, code := run(t, "show", nileFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "Red lines as written:\n  Ethiopia on Future upstream projects: <= 50 (base, quoted)\n  Egypt on Drought release (bcm/yr): >= 35 (base, assumed)\n") {
		t.Errorf("show's red lines are not named:\n%s", out)
	}
	out, stderr, code = run(t, "deal", "proposals", nileFile, "--all-snapshots", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	flat := strings.Join(strings.Fields(strings.ReplaceAll(out, "│", " ")), " ")
	if !strings.Contains(flat, "African Union compromise — 3/3 ✓") {
		t.Errorf("the support over time is not named:\n%s", out)
	}
}

// The bdm quadrant chart's counts agree in number: "1 compromise by the
// other", not "1 other compromises".
func TestQuadrantCountAgrees(t *testing.T) {
	for _, c := range []struct {
		q    string
		n    int
		want string
	}{
		{"other_compromises", 1, "1 compromise by the other"},
		{"other_compromises", 2, "2 compromises by the other"},
		{"other_capitulates", 1, "1 capitulation by the other"},
		{"compromise", 3, "3 compromises"},
		{"conflict_lost", 1, "1 lost conflict"},
		{"conflict_won", 2, "2 won conflicts"},
		{"capitulate", 2, "2 capitulations"},
		{"status_quo", 1, "1 status quo"},
		{"same_position", 2, "2 readings at the same position"},
		{"boundary", 1, "1 reading on a line"},
	} {
		if got := quadrantCount(c.q, c.n); got != c.want {
			t.Errorf("quadrantCount(%q, %d) = %q, want %q", c.q, c.n, got, c.want)
		}
	}
	out, stderr, code := run(t, "explain", nileFile, "-q", "-m", "bdm", "--issue", "drought")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out, "1 other compromises") || !strings.Contains(out, "quadrant chart: ") {
		t.Errorf("the quadrant chart's counts:\n%s", out)
	}
}
