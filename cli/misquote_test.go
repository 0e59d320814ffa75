package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// The warnings an answer on testdata/misquote/case.yaml gives on its quotes:
// the source of its file, minutes.txt, says "patrol boats"
// where the first stance's quote says "patrol ships" (the nearest
// passage is the quote's eight words with "boats", on the file's second
// line), and the third quote rests on radio, which gives a url and no
// file (a note, not a warning: validate accepts it).
const (
	misquoteCount = "testdata/misquote/case.yaml:9:3: note: metadata.sources: 1 of 3 quotes is not checked against a source file: source radio (a url only)" +
		" (valid: a url, as here, where a reader checks the quotes; or a file, the document relative to the scenario, that Parley checks them against (parley sources add FILE --scenario S records it and its hash))"
	misquoteQuote = "testdata/misquote/case.yaml:19:97: warning: stances[0].evidence[0].quote: north on quota: quote not found in source minutes (minutes.txt:2):" +
		" nearest passage “keep its patrol boats out of the bay”" +
		" (valid: the source's words exactly, white space, quote marks, dashes and soft hyphens aside (docs/format.md))"
)

// An answer on a scenario file checks its quotes against the source
// files beside it, as parley validate does, and says in its scenario's
// warnings (JSON, and stderr) each quote not found and how many quotes
// no file was there to check; it answers (exit 0) rather than refuse.
// It used to say nothing of them: a misquoted file's forecast and deal
// search passed silently.
func TestAnswerWarnsOfMisquote(t *testing.T) {
	want := []string{misquoteCount, misquoteQuote}
	for _, args := range [][]string{
		{"forecast", "testdata/misquote/case.yaml", "-f", "json"},
		{"deal", "search", "testdata/misquote/case.yaml", "-f", "json"},
	} {
		out, stderr, code := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %s", args, code, stderr)
		}
		var a struct {
			Scenario struct {
				Warnings []string `json:"warnings"`
			} `json:"scenario"`
		}
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("%v: %v in %s", args, err, out)
		}
		if !slices.Equal(a.Scenario.Warnings, want) {
			t.Errorf("%v: scenario.warnings\n%q\nwant\n%q", args, a.Scenario.Warnings, want)
		}
		for _, w := range want {
			if !strings.Contains(stderr, w+"\n") {
				t.Errorf("%v: stderr lacks %q:\n%s", args, w, stderr)
			}
		}
	}
}

// The table says the same on stderr; --quiet leaves the warnings out as
// it leaves out every warning of the file; --strict refuses the file for
// them, as it refuses it for any warning.
func TestAnswerMisquoteTableQuietStrict(t *testing.T) {
	_, stderr, code := run(t, "forecast", "testdata/misquote/case.yaml")
	if code != 0 || !strings.Contains(stderr, misquoteQuote) || !strings.Contains(stderr, misquoteCount) {
		t.Errorf("forecast: exit %d, stderr %s", code, stderr)
	}
	if _, stderr, code := run(t, "forecast", "testdata/misquote/case.yaml", "-q"); code != 0 || strings.Contains(stderr, "quote") {
		t.Errorf("forecast -q: exit %d, stderr %s", code, stderr)
	}
	if _, stderr, code := run(t, "forecast", "testdata/misquote/case.yaml", "--strict"); code != 3 || !strings.Contains(stderr, "stances[0].evidence[0].quote: north on quota: quote not found") {
		t.Errorf("forecast --strict: exit %d, stderr %s; want 3 and the quote", code, stderr)
	}
}
