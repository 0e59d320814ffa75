package httpapi_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/httpapi"
	"parley/scenario"
)

// The API's POST of ../cli/testdata/misquote/case.yaml, with its folder as
// the server's sources, refuses its first quote in the words validate and
// the command line's answers use (cli's TestMisquoteSameAtValidateAndAnswers):
// the source file's line of the nearest passage, and that passage.
func TestMisquoteSameOverAPI(t *testing.T) {
	dir, err := filepath.Abs("../cli/testdata/misquote")
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(filepath.Join(dir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{SourcesDir: dir})
	var eb errBody
	e.want(e.do("POST", "/api/scenarios", string(body)), 400).json(t, &eb)
	es := eb.Diagnostics.Errors(false)
	const want = "north on quota: quote not found in source minutes (minutes.txt:2): nearest passage “keep its patrol boats out of the bay”"
	const valid = "the source's words exactly, white space, quote marks, dashes and soft hyphens aside (docs/format.md)"
	if len(es) != 1 || es[0].Path != "stances[0].evidence[0].quote" || es[0].Line != 19 || es[0].Message != want || es[0].Valid != valid {
		t.Errorf("diagnostics %+v\nwant one error at line 19 of stances[0].evidence[0].quote: %s (valid: %s)", eb.Diagnostics, want, valid)
	}
}

// A scenario POSTed whose source file is not in the server's sources
// folder, leaves it, or cannot be read is refused or warned of naming the
// file as the scenario names it: no path of the server's (its sources
// folder) and no command-line flag reach the client, and the message says
// that the files are the server's, put in its sources folder by whoever
// runs it.
func TestSourceErrorsShowNoServerPath(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "latin1.txt"), []byte("caf\xe9"), 0o644); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{SourcesDir: dir})
	const validNotFound = "a path relative to this server's sources folder and inside it, not relative to the scenario file; the API sends no source files: whoever runs the server puts them in that folder (parley serve --sources, docs/serve.md)"
	for _, c := range []struct {
		file, status, message, valid string
	}{
		{"missing.txt", "400", `source file "missing.txt" not found (looked in this server's sources folder)`, validNotFound},
		{"../outside.txt", "400", `source file "../outside.txt" not found (the name leaves this server's sources folder, and nothing outside it is read)`, validNotFound},
		{filepath.Join(dir, "latin1.txt"), "400", `source file "` + filepath.Join(dir, "latin1.txt") + `" not found (the name leaves this server's sources folder, and nothing outside it is read)`, validNotFound},
		{"folder.txt", "201", `source file "folder.txt" cannot be read, so its quotes are not checked: not a regular file (a folder): a source must be a file of text`, "a readable UTF-8 text file"},
		{"latin1.txt", "201", `source file "latin1.txt" cannot be read, so its quotes are not checked: not UTF-8 text`, "a readable UTF-8 text file"},
	} {
		r := e.do("POST", "/api/scenarios", withID(t, quotedScenario(c.file), "t-"+c.status+"-"+scenario.Slug(c.file, "f")))
		var b struct {
			errBody
			view
		}
		if err := json.Unmarshal(r.body, &b); err != nil {
			t.Fatalf("%s: %v in %s", c.file, err, r.body)
		}
		ds := b.errBody.Diagnostics
		if c.status == "201" {
			ds = b.view.Warnings
		}
		found := false
		for _, d := range ds {
			if d.Path == "metadata.sources[0].file" {
				found = d.Message == c.message && d.Valid == c.valid
			}
		}
		if got := r.code; !found || got != map[string]int{"400": 400, "201": 201}[c.status] {
			t.Errorf("%s: %d %s\nwant %s with metadata.sources[0].file: %s (valid: %s)", c.file, got, r.body, c.status, c.message, c.valid)
		}
		// The scenario's own absolute name is the client's; the folder
		// is the server's.
		if rest := strings.ReplaceAll(string(r.body), filepath.Join(dir, "latin1.txt"), ""); strings.Contains(rest, dir) || strings.Contains(rest, "--sources DIR") || strings.Contains(rest, "looked for") {
			t.Errorf("%s: the body shows the server's folder %s or a flag: %s", c.file, dir, r.body)
		}
	}
}

// A cross-origin request, and a cross-site one, is refused saying which
// origin is accepted: the server's own (the scheme and the Host the
// request named), as there is no flag to allow another.
func TestCrossOriginRefusalSaysValid(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	host := strings.TrimPrefix(e.srv.URL, "http://")
	var b errBody
	r := e.do("GET", "/api/scenarios", "", "Origin", "http://evil.example")
	e.want(r, 403).json(t, &b)
	want := "cross-origin request from http://evil.example refused; valid: this server's own origin, http://" + host + " or https://" + host +
		" (the web page it serves); no other origin is accepted"
	if b.Code != "forbidden" || b.Error != want {
		t.Errorf("cross-origin: %s\nwant %q", r.body, want)
	}
	r = e.do("GET", "/api/scenarios", "", "Sec-Fetch-Site", "cross-site")
	e.want(r, 403).json(t, &b)
	want = "cross-site request refused; valid: a request from this server's own origin, http://" + host + " or https://" + host +
		" (the web page it serves); no other site is accepted"
	if b.Code != "forbidden" || b.Error != want {
		t.Errorf("cross-site: %s\nwant %q", r.body, want)
	}
}

// An answer on a stored scenario names where it came from as a reader
// knows it, its name (the title it was saved with) beside its id, as the
// command line names its file: the brief's header line and the JSON's
// scenario.source. It said "stored: 16bd88590c3e95a1", an id alone.
func TestStoredSourceNamed(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	want := `stored scenario "Small test case" (` + v.ID + `)`
	r := e.want(e.do("GET", "/api/scenarios/"+v.ID+"/brief?format=md", ""), 200)
	if !strings.Contains(string(r.body), " · source: "+want+"\n") {
		t.Errorf("the brief's source line does not say %s:\n%.600s", want, r.body)
	}
	var f struct {
		Result struct {
			Scenario struct {
				Source string `json:"source"`
			} `json:"scenario"`
		} `json:"result"`
	}
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/forecast", `{"models":["compromise"]}`), 200).json(t, &f)
	if f.Result.Scenario.Source != want {
		t.Errorf("forecast's scenario.source %q, want %q", f.Result.Scenario.Source, want)
	}
}

// A scenario whose source paths start with "sources/", valid at the
// command line beside its own sources folder, posted to a server whose
// --sources is that folder itself (as the README's example once led a
// user to do), is refused saying why: the paths are read under the
// server's folder exactly as written, so "sources/" is one folder too
// many. A link in the folder to a file outside it is refused saying so,
// not "not found". Started at the scenario's own folder, the server
// takes the file as the command line does (api24).
func TestSourcesFolderOneLevelOff(t *testing.T) {
	b, err := os.ReadFile("../ask/testdata/transit/transit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const why = `source file "sources/council-minute-2026-11.txt" not found under this server's sources folder; the path starts with "sources/" and the folder holds "council-minute-2026-11.txt": if --sources already is that folder, write the path without "sources/", or start the server with --sources at the folder that holds "sources/" (the scenario's own, as the command line reads it)`
	for _, c := range []struct {
		dir  string
		code int
		want string
	}{
		{"../ask/testdata/transit/sources", 400, why},
		{"../ask/testdata/transit", 201, ""},
	} {
		e := newEnv(t, httpapi.Options{SourcesDir: c.dir})
		r := e.do("POST", "/api/scenarios", string(b))
		var got errBody
		r.json(t, &got)
		msg := ""
		for _, d := range got.Diagnostics {
			if d.Path == "metadata.sources[0].file" {
				msg = d.Message
			}
		}
		if r.code != c.code || msg != c.want {
			t.Errorf("--sources %s: %d %q\nwant %d %q", c.dir, r.code, msg, c.code, c.want)
		}
	}

	dir, out := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "minutes.txt"), []byte("some words"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(out, "minutes.txt"), filepath.Join(dir, "minutes.txt")); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{SourcesDir: dir})
	r := e.do("POST", "/api/scenarios", quotedScenario("minutes.txt"))
	var got errBody
	r.json(t, &got)
	const link = `source file "minutes.txt" is a link that leads outside this server's sources folder, and nothing outside it is read`
	if r.code != 400 || len(got.Diagnostics) == 0 || got.Diagnostics[0].Message != link || strings.Contains(string(r.body), out) {
		t.Errorf("a link out of the folder: %d %s\nwant 400 %q, naming no server path", r.code, r.body, link)
	}
}

// quotedScenario is a case of two actors whose one quote, "some words",
// is in the source file named file, read under the server's sources
// folder.
func quotedScenario(file string) string {
	return `metadata:
  id: t
  title: T
  as_of: "2026-01-01"
  sources:
    - {id: m, title: M, date: "2026-01-01", file: "` + file + `"}
issues:
  - {id: i, name: I}
actors:
  - {id: a, name: A, capability: 1, capability_assumed: a guess}
  - {id: b, name: B, capability: 1, capability_assumed: a guess}
stances:
  - {actor: a, issue: i, position: 10, salience: 1, evidence: [{source: m, quote: "some words"}]}
  - {actor: b, issue: i, position: 90, salience: 1, assumed: a guess}
`
}
