package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/scenario"
	"parley/scenariofile"
)

// communique is the document of the sources-add tests: its first line is
// its title and the first date it states is 20 November 2026.
const communique = "Joint communique of the trade talks\n20 November 2026\nSouth wants to start now, the delegation said.\n"

// tradeCase is a scenario whose stance quotes the communique by the id
// sources add gives its file (communique-2026-11-20); sources (a YAML
// list item or "") is written under metadata.sources.
func tradeCase(sources string) string {
	s := "metadata:\n  id: trade\n  title: Trade\n  as_of: 2026-11-01\n"
	if sources != "" {
		s += "  sources:\n" + sources
	}
	return s + `issues:
  - {id: timeline, name: Timeline}
actors:
  - {id: north, name: North, capability: 1, capability_assumed: t}
  - {id: south, name: South, capability: 1, capability_assumed: t}
stances:
  - {actor: north, issue: timeline, position: 20, salience: 0.5, assumed: x}
  - actor: south
    issue: timeline
    position: 90
    salience: 0.8
    evidence:
      - {source: communique-2026-11-20, date: "2026-11-20", quote: "South wants to start now"}
`
}

// tradeFiles writes the scenario and src/communique-2026-11-20.txt into a
// fresh folder, returning the scenario's path and the document's.
func tradeFiles(t *testing.T, scenarioText string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "src"), 0o755); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "src", "communique-2026-11-20.txt")
	sc := filepath.Join(dir, "trade.yaml")
	if err := os.WriteFile(doc, []byte(communique), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sc, []byte(scenarioText), 0o644); err != nil {
		t.Fatal(err)
	}
	return sc, doc
}

// sourcesOf reads the sources a written scenario declares.
func sourcesOf(t *testing.T, path string) []scenario.Source {
	t.Helper()
	s, ds, err := scenariofile.Load(path)
	if err != nil || s == nil || ds.Err(false) != nil {
		t.Fatalf("%s: %v %v", path, err, ds)
	}
	return s.Metadata.Sources
}

func communiqueHash() string {
	sum := sha256.Sum256([]byte(communique))
	return hex.EncodeToString(sum[:])
}

// The communique recorded under the id its quotes cite: file relative to
// the scenario, first line, first date, hash.
func wantCommunique(t *testing.T, got scenario.Source) {
	t.Helper()
	want := scenario.Source{ID: "communique-2026-11-20", Title: "Joint communique of the trade talks", Date: "2026-11-20",
		File: "src/communique-2026-11-20.txt", SHA256: communiqueHash()}
	got.Publisher = ""
	if got != want {
		t.Errorf("source %+v, want %+v", got, want)
	}
}

// Quotes may cite a source before its file is added: sources add
// declares it under the id they cite, the id it gives the file (it exited
// 3 with "unknown source" for the very id it would have assigned), and
// the scenario itself is left as it was.
func TestSourcesAddDeclaresTheSourceItsQuotesCite(t *testing.T) {
	text := tradeCase("")
	sc, doc := tradeFiles(t, text)
	out := filepath.Join(filepath.Dir(sc), "trade2.yaml")
	if _, stderr, code := run(t, "sources", "add", doc, "--scenario", sc, "-o", out); code != 0 {
		t.Fatalf("sources add: exit %d, %s", code, stderr)
	}
	srcs := sourcesOf(t, out)
	if len(srcs) != 1 {
		t.Fatalf("%d sources, want 1: %+v", len(srcs), srcs)
	}
	wantCommunique(t, srcs[0])
	if b, _ := os.ReadFile(sc); string(b) != text {
		t.Errorf("the scenario was rewritten:\n%s", b)
	}
	stdout, stderr, code := run(t, "validate", "--strict", out)
	if code != 0 || !strings.Contains(stdout, "1 checked against their source files, 1 found") {
		t.Errorf("validate --strict: exit %d, %s%s", code, stdout, stderr)
	}

	// A problem sources add does not solve is still refused, at its line,
	// and the cited id it does solve is not reported.
	bad := strings.Replace(text, "position: 90", "position: 900", 1)
	sc2, doc2 := tradeFiles(t, bad)
	_, stderr, code = run(t, "sources", "add", doc2, "--scenario", sc2)
	if code != 3 || !strings.Contains(stderr, "trade.yaml:14:15: stances[1].position: position 900 is outside the scale") || strings.Contains(stderr, "unknown source") {
		t.Errorf("sources add on a position off the scale: exit %d, %s", code, stderr)
	}
	// A cited id no file given is for stays unknown.
	other := strings.Replace(text, "source: communique-2026-11-20", "source: minutes", 1)
	sc3, doc3 := tradeFiles(t, other)
	_, stderr, code = run(t, "sources", "add", doc3, "--scenario", sc3)
	if code != 3 || !strings.Contains(stderr, `unknown source "minutes"`) {
		t.Errorf("sources add with a quote citing another undeclared source: exit %d, %s", code, stderr)
	}
}

// A source declared by its id alone (a stub, as the unknown-source
// error advises) is filled with the file, its title, date and hash, not
// joined by a second source communique-2026-11-20-2 that no quote cites;
// what the stub says already (its publisher) is kept.
func TestSourcesAddFillsADeclaredSourceWithNoFile(t *testing.T) {
	sc, doc := tradeFiles(t, tradeCase("    - {id: communique-2026-11-20, publisher: The secretariat}\n"))
	out := filepath.Join(filepath.Dir(sc), "trade2.yaml")
	_, stderr, code := run(t, "sources", "add", doc, "--scenario", sc, "-o", out)
	if code != 0 || stderr != "wrote "+out+"\n" {
		t.Fatalf("sources add: exit %d, stderr %q", code, stderr)
	}
	srcs := sourcesOf(t, out)
	if len(srcs) != 1 {
		t.Fatalf("%d sources, want 1: %+v", len(srcs), srcs)
	}
	wantCommunique(t, srcs[0])
	if srcs[0].Publisher != "The secretariat" {
		t.Errorf("publisher %q, want the stub's", srcs[0].Publisher)
	}
	stdout, stderr, code := run(t, "validate", "--strict", out)
	if code != 0 || !strings.Contains(stdout, "1 checked against their source files, 1 found") {
		t.Errorf("validate --strict: exit %d, %s%s", code, stdout, stderr)
	}
}

// A declared source of that id with another file keeps it: the document
// gets a new id, as before, and stderr says so.
func TestSourcesAddSaysWhenTheIDNamesAnotherFile(t *testing.T) {
	sc, doc := tradeFiles(t, tradeCase("    - {id: communique-2026-11-20, file: old/communique.txt}\n"))
	if err := os.MkdirAll(filepath.Join(filepath.Dir(sc), "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(sc), "old", "communique.txt"), []byte("South wants to start now.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(filepath.Dir(sc), "trade2.yaml")
	_, stderr, code := run(t, "sources", "add", doc, "--scenario", sc, "-o", out)
	want := `note: source "communique-2026-11-20" already names the file old/communique.txt; recorded src/communique-2026-11-20.txt as "communique-2026-11-20-2": quotes citing "communique-2026-11-20" still rest on old/communique.txt`
	if code != 0 || !strings.HasPrefix(strings.Join(strings.Fields(stderr), " "), want) {
		t.Fatalf("sources add: exit %d, stderr %q; want %s", code, stderr, want)
	}
	srcs := sourcesOf(t, out)
	if len(srcs) != 2 || srcs[0].File != "old/communique.txt" || srcs[1].ID != "communique-2026-11-20-2" || srcs[1].File != "src/communique-2026-11-20.txt" {
		t.Errorf("sources %+v", srcs)
	}
}

// Quotes resting on a declared source with neither a file nor a url are
// checked against nothing: validate warns, naming the source, its line
// and the count of its quotes, and --strict refuses the file, as it does
// a source file it cannot read. A source with a url (the starter's) is
// one a reader can check, and is not warned of.
func TestValidateWarnsOfQuotesOnASourceWithNoFile(t *testing.T) {
	sc, _ := tradeFiles(t, tradeCase("    - {id: communique-2026-11-20}\n"))
	what := `metadata.sources[0]: source "communique-2026-11-20" names no file and no url: its 1 quote is checked against nothing`
	want := "trade.yaml:6:7: warning: " + what
	stdout, stderr, code := run(t, "validate", sc)
	if code != 0 || !strings.Contains(stdout+stderr, want) || !strings.Contains(stdout, "1 warning") {
		t.Errorf("validate: exit %d, %s%s; want %s", code, stdout, stderr, want)
	}
	want = "trade.yaml:6:7: " + what
	stdout, stderr, code = run(t, "validate", "--strict", sc)
	if code != 3 || !strings.Contains(stderr, want) {
		t.Errorf("validate --strict: exit %d, %s%s; want %s", code, stdout, stderr, want)
	}
	url := tradeCase("    - {id: communique-2026-11-20, url: https://example.org/communique}\n")
	sc2, _ := tradeFiles(t, url)
	if stdout, stderr, code := run(t, "validate", "--strict", sc2); code != 0 || !strings.Contains(stdout, "0 warnings") {
		t.Errorf("validate --strict with a url: exit %d, %s%s", code, stdout, stderr)
	}
}

// layoutCase is a scenario file as a person writes it: comments above,
// beside and below keys, a folded and a literal block, blank lines
// between sections and a block list of sources, the last of which ends
// on its url line.
const layoutCase = `# The trade talks, as of November.
metadata:
  id: trade
  title: Trade   # short
  as_of: 2026-11-01
  description: >
    A folded description
    over two lines.

  # The documents quoted below.
  sources:
    - id: minutes   # the minutes of the first round
      title: Minutes
      url: https://example.org/minutes

# One issue for now.
issues:
  - {id: timeline, name: Timeline}   # months from now

actors:
  - {id: north, name: North, capability: 1, capability_assumed: t}
  - {id: south, name: South, capability: 1, capability_assumed: t}

stances:
  - {actor: north, issue: timeline, position: 20, salience: 0.5, assumed: x}
  - actor: south
    issue: timeline
    position: 90
    salience: 0.8
    evidence:
      - {source: communique-2026-11-20, date: "2026-11-20", quote: "South wants to start now"}
      - source: minutes
        quote: |
          literal
          text
`

// sources add changes only what it adds: the file written is the
// scenario's bytes with the new source's lines inserted after the last
// source's, every comment, blank line and folded block as it was (it
// wrote the file through the YAML encoder: the folded description became
// one line, the blank lines went, the comments beside keys lost their
// spacing).
func TestSourcesAddInsertsTheSourceAndKeepsEveryOtherByte(t *testing.T) {
	sc, doc := tradeFiles(t, layoutCase)
	out := filepath.Join(filepath.Dir(sc), "trade2.yaml")
	if _, stderr, code := run(t, "sources", "add", doc, "--scenario", sc, "-o", out); code != 0 {
		t.Fatalf("sources add: exit %d, %s", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	after := "      url: https://example.org/minutes\n"
	at := strings.Index(layoutCase, after) + len(after)
	entry := "    - id: communique-2026-11-20\n" +
		"      title: Joint communique of the trade talks\n" +
		"      date: \"2026-11-20\"\n" +
		"      file: src/communique-2026-11-20.txt\n" +
		"      sha256: " + communiqueHash() + "\n"
	if want := layoutCase[:at] + entry + layoutCase[at:]; string(got) != want {
		t.Errorf("written:\n%s\nwant the scenario with only the entry inserted:\n%s", got, want)
	}
	srcs := sourcesOf(t, out)
	if len(srcs) != 2 {
		t.Fatalf("%d sources, want 2: %+v", len(srcs), srcs)
	}
	wantCommunique(t, srcs[1])
}

// A stub written as a flow map is filled in place: its fields are added
// inside its braces and the rest of the file is as it was.
func TestSourcesAddFillsAFlowStubInPlace(t *testing.T) {
	stub := "    - {id: communique-2026-11-20, publisher: The secretariat}   # to fill\n"
	text := strings.Replace(layoutCase, "  sources:\n", "  sources:\n"+stub, 1)
	sc, doc := tradeFiles(t, text)
	out := filepath.Join(filepath.Dir(sc), "trade2.yaml")
	if _, stderr, code := run(t, "sources", "add", doc, "--scenario", sc, "-o", out); code != 0 {
		t.Fatalf("sources add: exit %d, %s", code, stderr)
	}
	got, _ := os.ReadFile(out)
	filled := "    - {id: communique-2026-11-20, publisher: The secretariat, title: Joint communique of the trade talks, date: \"2026-11-20\", file: src/communique-2026-11-20.txt, sha256: " + communiqueHash() + "}   # to fill\n"
	if want := strings.Replace(text, stub, filled, 1); string(got) != want {
		t.Errorf("written:\n%s\nwant the stub filled in place:\n%s", got, want)
	}
}

// A stub whose recorded sha256 is not the file's is refused, not
// overwritten: the recorded hash says which text its quotes were checked
// against. The error names the sha256's line, both hashes and what
// would do; nothing is written, and --in-place leaves the scenario's
// bytes as they were. --replace records the file's hash.
func TestSourcesAddRefusesToReplaceARecordedHash(t *testing.T) {
	other := strings.Repeat("ab", 32)
	stub := "    - id: communique-2026-11-20\n      sha256: " + other + "\n"
	text := strings.Replace(layoutCase, "  sources:\n", "  sources:\n"+stub, 1)
	sc, doc := tradeFiles(t, text)
	_, stderr, code := run(t, "sources", "add", doc, "--scenario", sc, "--in-place")
	line := strings.Count(text[:strings.Index(text, "sha256:")], "\n") + 1
	for _, want := range []string{
		fmt.Sprintf("trade.yaml:%d:15: metadata.sources[0].sha256:", line),
		other, communiqueHash(), "--replace",
	} {
		if code != 3 || !strings.Contains(stderr, want) {
			t.Errorf("sources add over another hash: exit %d, stderr %q; want %q", code, stderr, want)
		}
	}
	if b, _ := os.ReadFile(sc); string(b) != text {
		t.Errorf("the scenario was rewritten:\n%s", b)
	}
	// A source added before, its file changed since: the same.
	sc2, doc2 := tradeFiles(t, strings.Replace(text, "id: communique-2026-11-20\n", "id: communique-2026-11-20\n      file: src/communique-2026-11-20.txt\n", 1))
	before, _ := os.ReadFile(sc2)
	_, stderr, code = run(t, "sources", "add", doc2, "--scenario", sc2, "--in-place")
	if code != 3 || !strings.Contains(stderr, other) || !strings.Contains(stderr, communiqueHash()) || !strings.Contains(stderr, "--replace") {
		t.Errorf("sources add over a changed file: exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(sc2); string(b) != string(before) {
		t.Errorf("the scenario was rewritten:\n%s", b)
	}
	// --replace records the file's hash, in the hash's place.
	if _, stderr, code := run(t, "sources", "add", doc, "--scenario", sc, "--in-place", "--replace"); code != 0 {
		t.Fatalf("sources add --replace: exit %d, %s", code, stderr)
	}
	got, _ := os.ReadFile(sc)
	filled := "    - id: communique-2026-11-20\n      sha256: " + communiqueHash() + "\n" +
		"      title: Joint communique of the trade talks\n" +
		"      date: \"2026-11-20\"\n" +
		"      file: src/communique-2026-11-20.txt\n"
	if want := strings.Replace(text, stub, filled, 1); string(got) != want {
		t.Errorf("written with --replace:\n%s\nwant:\n%s", got, want)
	}
}

// A file whose sources cannot be written as text (it uses an alias) is
// written whole, as before, and stderr says so: its layout is not
// changed without a word.
func TestSourcesAddSaysWhenItWritesTheFileWhole(t *testing.T) {
	text := strings.Replace(tradeCase(""), "  title: Trade\n", "  title: &t Trade\n  description: *t\n", 1)
	sc, doc := tradeFiles(t, text)
	out := filepath.Join(filepath.Dir(sc), "trade2.yaml")
	_, stderr, code := run(t, "sources", "add", doc, "--scenario", sc, "-o", out)
	if code != 0 || !strings.Contains(strings.Join(strings.Fields(stderr), " "), "note: "+sc+": the sources could not be written into the file's text as it stands") {
		t.Fatalf("sources add: exit %d, stderr %q", code, stderr)
	}
	srcs := sourcesOf(t, out)
	if len(srcs) != 1 {
		t.Fatalf("%d sources, want 1: %+v", len(srcs), srcs)
	}
	wantCommunique(t, srcs[0])
}
