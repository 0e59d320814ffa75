package ask

import (
	"testing"
)

// TestEvidenceItemsNamed: the evidence browser's cards read
// "ukraine · ceasefire · base · brookings-2025-03" (the user's review,
// names25). Each item now carries what it speaks for, where it is
// recorded and its source in the words the rest of the answers use:
// names, a snapshot's label and date, a source's short title.
func TestEvidenceItemsNamed(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	e := Evidence(in, false)
	type words struct{ who, snapshot, source string }
	first := map[string]words{}
	for _, it := range e.Items {
		key := it.Kind + "/" + it.Actor + "/" + it.Issue + "/" + it.Snapshot + "/" + it.Source
		if _, ok := first[key]; !ok {
			first[key] = words{it.WhoText, it.SnapshotText, it.SourceText}
		}
	}
	for key, want := range map[string]words{
		"stance/ukraine/ceasefire//brookings-2025-03":          {"Ukraine on Ceasefire", "base", "Why Kyiv is wary of a stand-alone ceasefire"},
		"stance/ukraine/ceasefire/2025-03-11/report-2025-03":   {"Ukraine on Ceasefire", "Jeddah (2025-03-11)", "Ukraine accepts a 30-day ceasefire at Jeddah, Russia rejects it"},
		"stance/russia/ceasefire/2025-03-18/brookings-2025-04": {"Russia on Ceasefire", "Trump–Putin call (2025-03-18)", "After Jeddah: a sovereignty-based negotiating position"},
	} {
		got, ok := first[key]
		if !ok {
			t.Errorf("no item %s", key)
			continue
		}
		if got != want {
			t.Errorf("%s reads %+v, want %+v", key, got, want)
		}
	}
	for _, it := range e.Items {
		if it.WhoText == "" || it.SnapshotText == "" || it.SourceText == "" {
			t.Errorf("%s carries no words: %+v", it.Path, it)
		}
	}
}
