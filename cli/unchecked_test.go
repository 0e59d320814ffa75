package cli

import (
	"strings"
	"testing"
)

// A quote resting on a source that gives a url and no file is one
// validate --strict accepts; an answer's --strict accepted the file too
// (it refused it for its count of unchecked quotes, a warning), and the
// count is now a note, with validate's rule.
func TestAnswerStrictAcceptsURLOnly(t *testing.T) {
	if _, stderr, code := run(t, "validate", "testdata/urlonly/case.yaml", "--strict"); code != 0 {
		t.Fatalf("validate --strict: exit %d, stderr %s", code, stderr)
	}
	_, stderr, code := run(t, "forecast", "testdata/urlonly/case.yaml", "--strict")
	if code != 0 {
		t.Fatalf("forecast --strict: exit %d, stderr %s", code, stderr)
	}
	want := "testdata/urlonly/case.yaml:8:3: note: metadata.sources: 1 of 2 quotes is not checked against a source file: source radio (a url only)"
	if !strings.Contains(stderr, want) {
		t.Errorf("forecast --strict: stderr lacks %q:\n%s", want, stderr)
	}
}

// The count of unchecked quotes counts every quote no file checks, by
// hand from testdata/unchecked/case.yaml: radio's 1 (a url only), gone's
// 2 (its file is not there) and latin's 1 (not UTF-8): 4 of 5. It said
// "1 of 5", counting only the sources naming no file. A file not there
// makes it a warning, which --strict refuses.
func TestAnswerCountsEveryUncheckedQuote(t *testing.T) {
	_, stderr, code := run(t, "forecast", "testdata/unchecked/case.yaml")
	if code != 0 {
		t.Fatalf("forecast: exit %d, stderr %s", code, stderr)
	}
	want := "testdata/unchecked/case.yaml:9:3: warning: metadata.sources: 4 of 5 quotes are not checked against a source file:" +
		" sources radio (a url only), gone (file not found) and latin (file unreadable)"
	if !strings.Contains(stderr, want) {
		t.Errorf("forecast: stderr lacks %q:\n%s", want, stderr)
	}
	if _, _, code := run(t, "forecast", "testdata/unchecked/case.yaml", "--strict"); code != 3 {
		t.Errorf("forecast --strict: exit %d, want 3", code)
	}
}
