package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"parley/docs"
)

// TestDocsCommand: parley docs NAME prints the repository's file byte
// for byte, however the answers name it; -f json lists what GET
// /api/docs lists; the list names each with its title; an unknown name
// exits 3 listing the names there are, and --format with a name is a
// usage error (exit 2).
func TestDocsCommand(t *testing.T) {
	want, err := os.ReadFile("../docs/skill.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"skill", "skill.md", "docs/skill.md"} {
		out, errOut, code := run(t, "docs", name)
		if code != 0 || out != string(want) {
			t.Errorf("parley docs %s: exit %d, %d bytes (want %d), stderr %q", name, code, len(out), len(want), errOut)
		}
	}
	out, _, code := run(t, "docs", "-f", "json")
	wantJSON, _ := json.Marshal(docs.List())
	var got []docs.Doc
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("parley docs -f json: exit %d, %v: %s", code, err, out)
	}
	if b, _ := json.Marshal(got); string(b) != string(wantJSON) {
		t.Errorf("parley docs -f json = %s, want %s", b, wantJSON)
	}
	out, _, code = run(t, "docs")
	if code != 0 || !strings.Contains(out, "format.md                  The scenario file format\n") || !strings.Contains(out, "limits.md                  Limits\n") {
		t.Errorf("parley docs: exit %d:\n%s", code, out)
	}
	_, errOut, code := run(t, "docs", "nosuch")
	if code != 3 || !strings.Contains(errOut, `no document "nosuch"; valid: DECISIONS, brief-ukraine-2025, case-ukraine-2025, format, ingest, json, limits, models, serve, skill`) {
		t.Errorf("parley docs nosuch: exit %d, %q", code, errOut)
	}
	_, errOut, code = run(t, "docs", "limits", "-f", "json")
	if code != 2 || !strings.Contains(errOut, "--format applies to the list of documents, not to one") {
		t.Errorf("parley docs limits -f json: exit %d, %q", code, errOut)
	}
}
