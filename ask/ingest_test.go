package ask

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
	"parley/ingest"
	"parley/scenario"
	"parley/scenarios"
)

// Ingest reads text: a PDF, a file with a NUL byte or one that is not
// UTF-8 is refused, naming the file and the first byte that is not text;
// a valid document (accents and curly quotes included) is read.
func TestIngestRefusesWhatIsNotText(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		data, want string
	}{
		{"%PDF-1.7\n...", "a.txt: a PDF file, which ingest does not read"},
		{"Ukraine said\x00", "a.txt: not text (a NUL byte at byte 13)"},
		{"Kyiv \xe9tait", "a.txt: not UTF-8 text at byte 6"},
	} {
		_, err := Ingest(context.Background(), in, []ingest.Document{{Name: "a.txt", Data: []byte(c.data)}}, 0)
		if err == nil || errs.CodeOf(err) != errs.Invalid || !strings.HasPrefix(err.Error(), c.want) || !strings.Contains(err.Error(), "valid: plain text, Markdown or HTML in UTF-8") {
			t.Errorf("%q: %v, want %q", c.data, err, c.want)
		}
	}
	if _, err := Ingest(context.Background(), in, []ingest.Document{{Name: "a.txt", Data: []byte("Kyiv était « d’accord » on the ceasefire.")}}, 0); err != nil {
		t.Errorf("a UTF-8 document: %v", err)
	}
}

// A review giving one stance more quotes than the evidence limit is
// refused before the merged file is written, naming the entry past the
// limit: Ukraine's ceasefire stance holds k quotes at the review's date,
// so with 1,001 new ones entry 1000 − k is the first over the limit of
// 1,000. Before, the file was merged, written and read, and refused as
// "1001+k values" of snapshots[N].stances[0].evidence, a path the
// reviewer never wrote, naming no entry.
func TestIngestApplyNamesTheEntryOverTheEvidenceLimit(t *testing.T) {
	name, data := scenarios.Default()
	in, err := Load(name, data, LoadOptions{Format: Scenario})
	if err != nil {
		t.Fatal(err)
	}
	const date = "2031-01-01"
	at, err := in.Scenario.Resolve(date, "")
	if err != nil {
		t.Fatal(err)
	}
	k := len(at.Stance("ukraine", "ceasefire").Evidence)
	src := in.Scenario.Metadata.Sources[0].ID
	var r answer.IngestReview
	for i := range 1001 {
		r.Entries = append(r.Entries, ingest.Entry{Actor: "ukraine", Issue: "ceasefire", Evidence: scenario.Evidence{Source: src, Quote: fmt.Sprintf("quote %d", i)}})
	}
	_, _, _, _, err = IngestApplyReview(context.Background(), "case.yaml", "case.yaml", data, r, date, LoadOptions{})
	want := fmt.Sprintf("case.yaml with the review's entries merged (not written): snapshots[%d].stances[0].evidence: the review's entries[%d] (ukraine on ceasefire): %d evidence items, over the limit evidence=1000 (valid: at most 1000 evidence items",
		len(in.Scenario.Snapshots), 1000-k, 1001+k)
	if errs.CodeOf(err) != errs.Invalid || err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("%v (%v)\nwant %s", err, errs.CodeOf(err), want)
	}
	// At the limit, it is merged.
	r.Entries = r.Entries[:1000-k]
	if _, _, _, _, err := IngestApplyReview(context.Background(), "case.yaml", "case.yaml", data, r, date, LoadOptions{}); err != nil {
		t.Fatalf("%d quotes: %v", 1000, err)
	}
}
