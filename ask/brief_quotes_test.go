package ask

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parley/answer"
)

// A source that names neither a file nor a url, and a source file not
// found, leave their quotes unchecked: the brief says so once, in its
// line on the quotes' check, not a second time among the input's
// warnings (validate's warnings on them, which it had listed too). The
// warnings' count then says the others are others. The line names each
// source by its short title, as the evidence answers do, not by its id.
func TestBriefUncheckedSourceSaidOnce(t *testing.T) {
	dir := t.TempDir()
	const text = "The union said it would not accept a rise below four percent.\n"
	if err := os.WriteFile(filepath.Join(dir, "src.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	const doc = `metadata:
  id: q
  title: Q
  as_of: "2026-03-01"
  sources:
    - {id: m, title: Minutes, date: "2026-03-01", file: src.txt}
    - {id: web, title: Web note, date: "2026-02-01"}
    - {id: old, title: Old minutes, date: "2026-01-01", file: gone.txt}
issues: [{id: wage, name: Wage rise, scale: {min: 0, max: 10}}]
actors:
  - {id: union, name: Union, capability: 1, capability_assumed: t}
  - {id: port, name: Port, capability: 1}
stances:
  - {actor: union, issue: wage, position: 4, salience: 1, evidence: [{source: m, quote: "would not accept a rise below four percent"}, {source: old, quote: "four percent"}]}
  - {actor: port, issue: wage, position: 1, salience: 1, evidence: [{source: web, quote: "one percent"}]}
`
	in, err := Load(filepath.Join(dir, "q.yaml"), []byte(doc), LoadOptions{SourceDirs: []string{dir}, MissingUnchecked: true})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := MakeBrief(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	const line = "Quotes checked against their source files: 1 of 3, all found; not checked: those of Old minutes (gone.txt not found) and Web note (no file and no url named)."
	if got := b.Quotes.Text(); got != line {
		t.Errorf("quotes %q, want %q", got, line)
	}
	for _, f := range []string{"md", "html"} {
		r, err := RenderBrief(context.Background(), b, f)
		if err != nil {
			t.Fatal(err)
		}
		out := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(r), ""))
		for w, n := range map[string]int{
			line:                                 1,
			"no url":                             1,
			"gone.txt":                           1,
			"1 other warning on the input: ":     1,
			"port's capability rests on neither": 0,
		} {
			if strings.Count(out, w) != n {
				t.Errorf("%s: %q %d times, want %d:\n%s", f, w, strings.Count(out, w), n, out)
			}
		}
	}
}

// A source with no title is named by its id in the line on the quotes'
// check, the one name it has (SourceShortTitle).
func TestBriefUncheckedSourceWithoutTitle(t *testing.T) {
	const doc = `metadata:
  id: q
  title: Q
  as_of: "2026-03-01"
  sources:
    - {id: blog, date: "2026-02-01", url: "https://example.org/blog"}
issues: [{id: wage, name: Wage rise, scale: {min: 0, max: 10}}]
actors:
  - {id: union, name: Union, capability: 1, capability_assumed: t}
stances:
  - {actor: union, issue: wage, position: 4, salience: 1, evidence: [{source: blog, quote: "four percent"}]}
`
	dir := t.TempDir()
	in, err := Load(filepath.Join(dir, "q.yaml"), []byte(doc), LoadOptions{SourceDirs: []string{dir}, MissingUnchecked: true})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := briefQuotes(in)
	if got, want := q.Text(), "Quotes checked against their source files: 0 of 1; not checked: those of blog (no file named)."; got != want {
		t.Errorf("quotes %q, want %q", got, want)
	}
}
