package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"parley/scenario"
	"parley/scenariofile"
	"parley/scenarios"
)

// sourcesDir holds the four articles the built-in case is coded from.
const sourcesDir = "../../shared/sources"

// strip returns s without its evidence: what a user starting a case from
// the articles has (actors, issues, mentions, keywords, sources).
func strip(s *scenario.Scenario) *scenario.Scenario {
	c := *s
	c.Stances = nil
	c.Snapshots = nil
	c.Variants = nil
	return &c
}

func TestBuiltInCaseFigures(t *testing.T) {
	hand, err := scenarios.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	var docs []Document
	for _, src := range hand.Metadata.Sources {
		b, err := os.ReadFile(filepath.Join(sourcesDir, src.File))
		if err != nil {
			t.Skipf("needs the articles in %s (the shared/ tree next to the repository): %v", sourcesDir, err)
		}
		docs = append(docs, Document{Name: src.File, Data: b})
	}
	res := Extract(strip(hand), docs)
	f := Evaluate(hand, docs, res, 70)
	t.Logf("built-in case: %d candidates; recall %d/%d = %.3f; top-%d precision %d/%d = %.3f", len(res.Candidates), f.Found, f.Items, f.Recall, f.Top, f.Hits, f.Top, f.Precision)
	if f.Recall < 0.8 {
		t.Errorf("recall %.3f < 0.8", f.Recall)
	}
	if f.Precision < 0.5 {
		t.Errorf("top-70 precision %.3f < 0.5", f.Precision)
	}
}

// TestSecondCaseFigures runs the extractor on a negotiation it was not
// written for: testdata/river-talks.txt, an invented article, and
// testdata/river-talks.yaml, its case coded by hand.
func TestSecondCaseFigures(t *testing.T) {
	data, err := os.ReadFile("testdata/river-talks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	hand, ds := scenariofile.Parse("river-talks.yaml", data)
	if err := ds.Err(true); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("testdata/river-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	docs := []Document{{Name: "river-talks.txt", Data: text}}
	res := Extract(strip(hand), docs)
	f := Evaluate(hand, docs, res, 70)
	t.Logf("river talks: %d candidates; recall %d/%d = %.3f; top-%d precision %d/%d = %.3f", len(res.Candidates), f.Found, f.Items, f.Recall, f.Top, f.Hits, f.Top, f.Precision)
	if f.Items != 14 {
		t.Errorf("%d hand-coded items, want 14", f.Items)
	}
	if f.Recall < 0.8 {
		t.Errorf("recall %.3f < 0.8", f.Recall)
	}
	if f.Precision < 0.5 {
		t.Errorf("precision %.3f < 0.5", f.Precision)
	}
}
