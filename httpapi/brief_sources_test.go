package httpapi_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
)

// briefSourcesCase cites a source whose file is in the server's source
// folder (both quotes of m are in it) and a source, web, that names
// neither a file nor a url.
const briefSourcesCase = `metadata:
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

const briefSourcesText = "Minutes of the port talks, 1 March 2026.\nThe union said it would not accept a rise below four percent.\nThe port authority offered one percent.\n"

// The server's brief checks the quotes against the texts its evidence
// endpoint shows (the files in --sources), as parley brief checks them
// against the files beside the scenario: the same line, with the same
// counts, at both doors. It had always said that no source file was read.
// A server with no source folder still says so.
func TestBriefChecksQuotesAgainstServerSources(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "src.txt"), []byte(briefSourcesText), 0o644); err != nil {
		t.Fatal(err)
	}
	const want = "Quotes checked against their source files: 2 of 3, all found; not checked: those of Web note (no file and no url named)."
	// the command line's brief: the file beside its source
	if got := commandLineBrief(t, filepath.Join(dir, "q.yaml"), []byte(briefSourcesCase)).Quotes.Text(); got != want {
		t.Errorf("the command line's brief says %q, want %q", got, want)
	}

	e := newEnv(t, httpapi.Options{SourcesDir: dir})
	v := e.create(briefSourcesCase)
	for _, format := range []string{"md", "html"} {
		out := string(e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format="+format, ""), 200).body)
		if !strings.Contains(out, want) {
			t.Errorf("the server's brief (%s) lacks %q:\n%s", format, want, out)
		}
	}

	bare := newEnv(t, httpapi.Options{})
	v = bare.create(briefSourcesCase)
	out := string(bare.want(bare.do("GET", "/api/scenarios/"+v.ID+"/brief?format=md", ""), 200).body)
	if none := "Quotes not checked against their source files: no source file was read for this brief"; !strings.Contains(out, none) {
		t.Errorf("a server with no source folder: brief lacks %q:\n%s", none, out)
	}
}

// A source file edited after the scenario was saved is read afresh for
// the next brief: the server's brief says what the files say now, as the
// command line's would. With the file gone, its quotes are not checked;
// with a quote no longer in it, the brief is refused with validate's
// diagnostic, as parley brief refuses it.
func TestBriefRereadsChangedSources(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "src.txt")
	if err := os.WriteFile(file, []byte(briefSourcesText), 0o644); err != nil {
		t.Fatal(err)
	}
	// settled long ago, so that the first brief is kept
	old := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(file, old, old); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{SourcesDir: dir})
	v := e.create(briefSourcesCase)
	out := string(e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=md", ""), 200).body)
	if want := "2 of 3, all found"; !strings.Contains(out, want) {
		t.Fatalf("brief lacks %q:\n%s", want, out)
	}
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	out = string(e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=md", ""), 200).body)
	if want := "Quotes checked against their source files: 0 of 3; not checked: those of Minutes (src.txt not found) and Web note (no file and no url named)."; !strings.Contains(out, want) {
		t.Errorf("brief with the source file gone lacks %q:\n%s", want, out)
	}
	changed := strings.Replace(briefSourcesText, "four percent", "five percent", 1)
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	var eb errBody
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=md", ""), 400).json(t, &eb)
	errors := 0
	for _, d := range eb.Diagnostics {
		if !d.Warning {
			errors++
			if want := "stances[0].evidence[0].quote: union on wage: quote not found in source m (src.txt:2): nearest passage “would not accept a rise below five percent”"; !strings.Contains(d.String(), want) {
				t.Errorf("brief with a quote no longer in its source: error %q, want %q", d, want)
			}
		}
	}
	if errors != 1 {
		t.Errorf("brief with a quote no longer in its source: %+v; want one error", eb)
	}
}

// A case with no quotes has none to check, and every door's brief says
// so in the same words: the command line's said "checked …: 0 of 0" (it
// had looked in the file's folder), the server's that no source file was
// read, with or without a source folder. With none to check the line is
// no warning.
func TestBriefNoQuotesSameAtEveryDoor(t *testing.T) {
	const want = "No quotes to check against their source files: the input has none."
	dir := t.TempDir()
	body, err := os.ReadFile("../ask/testdata/no-quotes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	briefNoQuotesCase := string(body)
	if got := commandLineBrief(t, filepath.Join(dir, "nq.yaml"), body).Quotes.Text(); got != want {
		t.Errorf("the command line's brief says %q, want %q", got, want)
	}
	for _, o := range []httpapi.Options{{}, {SourcesDir: dir}} {
		e := newEnv(t, o)
		v := e.create(briefNoQuotesCase)
		md := string(e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=md", ""), 200).body)
		if !strings.Contains(md, "\n"+want+"\n") {
			t.Errorf("the server's brief (sources %q) lacks %q:\n%s", o.SourcesDir, want, md)
		}
		page := string(e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=html", ""), 200).body)
		if line := `<p class="small">` + want + `</p>`; !strings.Contains(page, line) {
			t.Errorf("the server's brief (html, sources %q) lacks %q", o.SourcesDir, line)
		}
	}
}

// commandLineBrief is the brief the command line makes of the file name
// holding body: its sources looked for in name's folder, a missing one
// unchecked rather than an error, as parley brief loads it.
func commandLineBrief(t *testing.T, name string, body []byte) *ask.Brief {
	t.Helper()
	in, err := ask.Load(name, body, ask.LoadOptions{SourceDirs: []string{filepath.Dir(name)}, MissingUnchecked: true})
	if err != nil {
		t.Fatal(err)
	}
	return briefOf(t, in)
}

// briefOf is the brief ask makes of a loaded file's case.
func briefOf(t *testing.T, in *ask.Input) *ask.Brief {
	t.Helper()
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ask.MakeBrief(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
