package evidence_test

import (
	"strings"
	"testing"

	"parley/evidence"
	"parley/scenario"
	"parley/scenariofile"
)

// Quotes resting on a source with neither a file nor a url are checked
// against nothing: one warning on the source's line, counting them, when
// files are read; none when no file is read (nothing is checked then),
// and none for a source with a url.
func TestQuotesOnASourceWithNoFile(t *testing.T) {
	dir, _ := writeArticle(t)
	text := strings.Replace(scenarioText(`    - {id: r, date: "2025-02-28"}`), "    evidence:\n",
		"    evidence:\n      - {source: r, quote: \"Talks resumed.\"}\n", 1)
	only(t, check(t, dir, text), 6, true, "talks.yaml:6:7: warning: metadata.sources[0]:",
		`source "r" names no file and no url: its 2 quotes are checked against nothing`, "parley sources add FILE")
	_, ds := scenariofile.ParseCheck("talks.yaml", []byte(text), func(s *scenario.Scenario) scenario.Diagnostics {
		return evidence.Check(s, nil)
	})
	if len(ds) != 0 {
		t.Errorf("with no file read: %v", ds)
	}
	if ds := check(t, dir, scenarioText(`    - {id: r, date: "2025-02-28", url: https://example.org/r}`)); len(ds) != 0 {
		t.Errorf("a source with a url: %v", ds)
	}
}
