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
	logFigures(t, "built-in case", res, f)
	if f.Recall < 0.8 {
		t.Errorf("recall %.3f < 0.8", f.Recall)
	}
	if f.Precision < 0.5 {
		t.Errorf("top-70 precision %.3f < 0.5", f.Precision)
	}
}

func logFigures(t *testing.T, name string, res Result, f Figures) {
	t.Helper()
	t.Logf("%s: %d candidates; recall %d/%d = %.3f; top-%d precision %d/%d = %.3f; the right actor first on %d/%d found = %.3f",
		name, len(res.Candidates), f.Found, f.Items, f.Recall, f.Top, f.Hits, f.Top, f.Precision, f.Attributed, f.Found, f.Attribution)
}

// handCoded reads testdata/NAME.yaml, a case coded by hand (validate
// --strict clean), and testdata/NAME.txt, the article it was coded from.
func handCoded(t *testing.T, name string) (*scenario.Scenario, []Document) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	hand, ds := scenariofile.Parse(name+".yaml", data)
	if err := ds.Err(true); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("testdata/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	return hand, []Document{{Name: name + ".txt", Data: text}}
}

// TestSecondCaseFigures runs the extractor on a negotiation it was not
// written for: testdata/river-talks.txt, an invented article, and
// testdata/river-talks.yaml, its case coded by hand.
func TestSecondCaseFigures(t *testing.T) {
	hand, docs := handCoded(t, "river-talks")
	res := Extract(strip(hand), docs)
	f := Evaluate(hand, docs, res, 70)
	logFigures(t, "river talks", res, f)
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

// TestThirdCaseFigures runs the extractor on a third negotiation it was
// not written for: testdata/cod-talks.txt, an invented wire report
// translated from the French (statements in «…» and „…“, speakers named
// through appositives, red herrings), and testdata/cod-talks.yaml, its
// case coded by hand before the extractor was run on it. The bars are
// the other cases' (0.8, 0.5), but the precision is of the best 15
// candidates, as many as the coder's items: the article gives only 45,
// so its "top 70" would be all of them, a figure the ranking cannot
// move (14/45 = 0.311 before the appositive rule, logged). See
// docs/DECISIONS.md, "Speakers named through appositives (ingest20)".
func TestThirdCaseFigures(t *testing.T) {
	hand, docs := handCoded(t, "cod-talks")
	res := Extract(strip(hand), docs)
	all := Evaluate(hand, docs, res, 70)
	logFigures(t, "cod talks, every candidate", res, all)
	if all.Items != 15 {
		t.Fatalf("%d hand-coded items, want 15", all.Items)
	}
	f := Evaluate(hand, docs, res, all.Items)
	logFigures(t, "cod talks", res, f)
	if f.Recall < 0.8 {
		t.Errorf("recall %.3f < 0.8", f.Recall)
	}
	if f.Precision < 0.5 {
		t.Errorf("top-%d precision %.3f < 0.5", f.Top, f.Precision)
	}
}

// TestEvaluateAttribution: a found item counts as attributed when its
// actor scores at least as high as any other actor's candidate on its
// issue whose quote overlaps it. Three candidates on river-talks: Arandia
// alone on its quota quote (found, attributed), Belmar on its filling
// quote below Arandia's 9.5 there (found, not attributed), and Corvia on
// a quote it is not coded for (not found): 2 found, 1 attributed.
func TestEvaluateAttribution(t *testing.T) {
	hand, docs := handCoded(t, "river-talks")
	const filling = "Belmar, which is building the Oru dam upstream, insisted that the reservoir must be filled within three years."
	res := Result{Candidates: []Candidate{
		{Source: "river-talks.txt", Actor: "arandia", Issue: "quota", Score: 10,
			Quote: "Arandia's water minister, Tomas Reyno, said his government would not accept any quota below 40 percent of the river's summer flow."},
		{Source: "river-talks.txt", Actor: "arandia", Issue: "filling", Score: 9.5, Quote: filling},
		{Source: "river-talks.txt", Actor: "belmar", Issue: "filling", Score: 9, Quote: filling},
		{Source: "river-talks.txt", Actor: "corvia", Issue: "filling", Score: 8, Quote: filling},
	}}
	f := Evaluate(hand, docs, res, 70)
	if f.Found != 2 || f.Attributed != 1 || f.Attribution != 0.5 {
		t.Errorf("found %d, attributed %d (%v); want 2, 1 (0.5)", f.Found, f.Attributed, f.Attribution)
	}
}
