package evidence_test

import (
	"context"
	"strings"
	"testing"

	"parley/evidence"
	"parley/scenario"
	"parley/scenariofile"
)

// For an answer the check warns rather than refuses: a source file whose
// hash is not the recorded one is a warning; a quote sharing no word
// with its source says so, naming what it speaks for (here a
// capability's quote, and a red line's, found); and one warning counts
// the quotes whose sources name no file (two sources, three quotes, of
// five in all; a warning, not a note, as web names no url either), in place of validate's warning on each source naming
// neither a file nor a url. Validate's check of the same file refuses
// it for the hash and the quote.
func TestCheckForAnswerWarns(t *testing.T) {
	dir, _ := writeArticle(t)
	text := `metadata:
  id: t
  title: T
  as_of: "2025-02-28"
  sources:
    - {id: r, title: R, date: "2025-02-28", file: r.txt, sha256: "` + strings.Repeat("0", 64) + `"}
    - {id: web, title: Web, date: "2025-02-28"}
    - {id: tv, title: TV, date: "2025-02-28", url: "https://example.org/tv"}
issues:
  - {id: ceasefire, name: Ceasefire}
actors:
  - id: us
    name: United States
    capability: 1
    capability_evidence: [{source: r, quote: "zebras"}]
    red_lines: {ceasefire: [0, 60]}
    red_line_evidence: {ceasefire: [{source: r, quote: "Others disagreed."}]}
stances:
  - {actor: us, issue: ceasefire, position: 50, salience: 0.9, evidence: [{source: web, quote: "a"}, {source: web, quote: "b"}, {source: tv, quote: "c"}]}
`
	var got []string
	for _, answer := range []bool{false, true} {
		s, ds := scenariofile.ParseCheck("talks.yaml", []byte(text), func(s *scenario.Scenario) scenario.Diagnostics {
			op := evidence.Dirs(dir)
			check := evidence.CheckLoadedContext
			if answer {
				check = evidence.CheckForAnswerContext
			}
			ds, _, err := check(context.Background(), s, evidence.Load(s, op), op)
			if err != nil {
				t.Fatal(err)
			}
			return ds
		})
		if s == nil {
			t.Fatalf("answer %v: does not parse: %v", answer, ds)
		}
		got = nil
		for _, d := range ds {
			got = append(got, d.String())
		}
		if !answer && len(ds.Errors(false)) != 2 {
			t.Errorf("validate's check: want 2 errors (the hash, the quote), got %q", got)
		}
	}
	want := []string{
		"talks.yaml:5:3: warning: metadata.sources: 3 of 5 quotes are not checked against a source file: sources web (no file, no url) and tv (a url only)" +
			" (valid: a readable file for each source, the document relative to the scenario (parley sources add FILE --scenario S records it and its hash), or a url alone, where a reader checks the quotes)",
		`talks.yaml:6:66: warning: metadata.sources[0].sha256: source file "r.txt" has SHA-256 ` + articleHash(t) + `, not the recorded one: it changed since its quotes were taken` +
			" (valid: the file as recorded; or check its quotes and record the new hash (parley sources add --replace FILE))",
		"talks.yaml:15:46: warning: actors[0].capability_evidence[0].quote: us' capability: quote not found in source r (r.txt): no passage shares a word with it" +
			" (valid: the source's words exactly, white space, quote marks, dashes and soft hyphens aside (docs/format.md))",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func articleHash(t *testing.T) string {
	_, h := writeArticle(t)
	return h
}

// What an item speaks for, as an answer's warning names it.
func TestItemSpeaks(t *testing.T) {
	for _, c := range []struct {
		it   evidence.Item
		want string
	}{
		{evidence.Item{Kind: evidence.KindStance, Actor: "north", Issue: "quota"}, "north on quota"},
		{evidence.Item{Kind: evidence.KindCapability, Actor: "north"}, "north's capability"},
		{evidence.Item{Kind: evidence.KindRedLine, Actor: "north", Issue: "quota"}, "north's red line on quota"},
		{evidence.Item{Kind: evidence.KindReservation, Actor: "swiss"}, "swiss' reservation"},
		{evidence.Item{Kind: evidence.KindProposal, Proposal: "p1"}, "proposal p1"},
		{evidence.Item{Kind: evidence.KindOutcome, Issue: "quota"}, "the outcome on quota"},
	} {
		if got := c.it.Speaks(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.it, got, c.want)
		}
	}
}

// A source file not found, for an answer read at the command line, is
// not said to be found with --sources, which an answer's command does
// not have (it said "or give the folder with --sources DIR"); it is a
// warning when the source is MissingUnchecked, as the CLI loads it.
func TestAnswerSourceNotFoundValid(t *testing.T) {
	s := &scenario.Scenario{Metadata: scenario.Metadata{ID: "t", Sources: []scenario.Source{{ID: "m", Date: "2025-01-01", File: "gone.txt"}}}}
	dir := t.TempDir()
	op := evidence.Dirs(dir)
	srcs := evidence.Load(s, op)
	srcs[0].MissingUnchecked = true
	ds, _, err := evidence.CheckForAnswerContext(context.Background(), s, srcs, op)
	if err != nil {
		t.Fatal(err)
	}
	want := `warning: metadata.sources[0].file: source file "gone.txt" not found (looked in ` + dir + `), so its quotes are not checked` +
		` (valid: a path relative to the scenario file (an answer reads the source files beside it; parley validate --sources DIR reads another folder))`
	if len(ds) != 1 || ds[0].String() != want {
		t.Errorf("got %q, want %q", ds, want)
	}
}
