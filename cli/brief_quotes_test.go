package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// briefQuotesDir writes a source file and three scenarios citing it: one
// whose quotes are all in it, one with a quote altered ("five" for
// "four"), and one naming a source file that is not there. Each has a
// second source, web, that names neither a file nor a url.
func briefQuotesDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	const src = "Minutes of the port talks, 1 March 2026.\nThe union said it would not accept a rise below four percent.\nThe port authority offered one percent.\n"
	const good = `metadata:
  id: q
  title: Q
  as_of: "2026-03-01"
  sources: [{id: m, title: Minutes, date: "2026-03-01", file: src.txt}, {id: web, title: Web note, date: "2026-02-01"}]
issues: [{id: wage, name: Wage rise, scale: {min: 0, max: 10}}]
actors:
  - {id: union, name: Union, capability: 1, capability_assumed: t}
  - {id: port, name: Port, capability: 1, capability_assumed: t}
stances:
  - {actor: union, issue: wage, position: 4, salience: 1, evidence: [{source: m, quote: "would not accept a rise below four percent"}]}
  - {actor: port, issue: wage, position: 1, salience: 1, evidence: [{source: m, quote: "The port authority offered one percent."}, {source: web, quote: "one percent"}]}
`
	for name, body := range map[string]string{
		"src.txt":      src,
		"good.yaml":    good,
		"bad.yaml":     strings.Replace(good, "below four percent", "below five percent", 1),
		"missing.yaml": strings.Replace(good, "file: src.txt", "file: gone.txt", 1),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// parley brief checks the quotes against their source files as parley
// validate does, and refuses a file validate refuses for a quote not in
// its source (exit 3, validate's diagnostic with its line and field); it
// used to exit 0 and count the quote as evidence. Of a file whose quotes
// are found it says how many were checked (2 of the 3: web names no
// file); of one whose source file is not at hand, and of the built-in
// case without --sources, that they were not checked.
func TestBriefChecksQuotes(t *testing.T) {
	dir := briefQuotesDir(t)
	_, stderr, code := run(t, "brief", filepath.Join(dir, "bad.yaml"))
	if want := "bad.yaml:11:89: stances[0].evidence[0].quote: union on wage: quote not found in source m (src.txt:2): nearest passage “would not accept a rise below four percent”"; code != 3 || !strings.Contains(stderr, want) {
		t.Errorf("brief bad.yaml: exit %d, stderr %q; want 3 and %q", code, stderr, want)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"brief", filepath.Join(dir, "good.yaml")}, "Quotes checked against their source files: 2 of 3, all found; not checked: those of Web note (no file and no url named)."},
		{[]string{"brief", filepath.Join(dir, "missing.yaml")}, "Quotes checked against their source files: 0 of 3; not checked: those of Minutes (gone.txt not found) and Web note (no file and no url named)."},
		{[]string{"brief"}, "Quotes not checked against their source files: no source file was read for this brief (parley validate --sources DIR checks them)."},
	} {
		out, stderr, code := run(t, c.args...)
		if code != 0 || !strings.Contains(flat(out), c.want) {
			t.Errorf("%v: exit %d (%s); want 0 and %q in:\n%s", c.args, code, stderr, c.want, out)
		}
	}
}

// Of a file with no quotes the brief says there are none to check, as the
// server's brief of it says (httpapi's TestBriefNoQuotesSameAtEveryDoor):
// it said "Quotes checked against their source files: 0 of 0."
func TestBriefNoQuotes(t *testing.T) {
	// a folder of its own, so that no source file beside it is read
	body, err := os.ReadFile("../ask/testdata/no-quotes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "nq.yaml")
	if err := os.WriteFile(file, body, 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, "brief", file)
	if want := "\nNo quotes to check against their source files: the input has none.\n"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("exit %d (%s); want 0 and %q in:\n%s", code, stderr, want, out)
	}
}
