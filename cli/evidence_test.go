package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parley/answer"
)

// validate reads the scenario's source files from its folder: an invented
// quote is an error on its line, with the nearest passage.
func TestValidateChecksQuotes(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "memo.txt"), []byte("Alpha wants nothing.\n"), 0o644)
	p := filepath.Join(dir, "s.yaml")
	os.WriteFile(p, []byte(strings.Replace(string(data), "Alpha wants nothing", "Alpha wants everything", 1)), 0o644)
	_, stderr, code := run(t, "validate", p)
	if code != 3 || !strings.Contains(stderr, p+":27:") || !strings.Contains(stderr, "nearest passage “Alpha wants nothing”") {
		t.Errorf("exit %d, stderr %q; want 3 naming line 27 and the nearest passage", code, stderr)
	}
	out, _, code := run(t, "validate", "--format", "json", p)
	var v struct {
		Valid       bool `json:"valid"`
		Diagnostics []struct {
			Line int `json:"line"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || code != 3 || v.Valid || len(v.Diagnostics) != 1 || v.Diagnostics[0].Line != 27 {
		t.Errorf("json: exit %d, %+v, %v:\n%s", code, v, err, out)
	}
}

// ingestFolder writes testdata/example.yaml as s.yaml, its memo.txt
// source, and a document to ingest, news.txt, into a new folder, and
// returns the folder, the document, the scenario and its bytes.
func ingestFolder(t *testing.T) (dir, doc, sc string, data []byte) {
	t.Helper()
	dir = t.TempDir()
	doc = filepath.Join(dir, "news.txt")
	sc = filepath.Join(dir, "s.yaml")
	data, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for f, b := range map[string][]byte{doc: []byte("Gamma said on March 3, 2025 that the budget must be cut.\n"), filepath.Join(dir, "memo.txt"): []byte("Alpha wants nothing.\n"), sc: data} {
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, doc, sc, data
}

// ingest --format yaml, then apply: a new snapshot in a new file, the
// scenario itself untouched and never overwritten through -o.
func TestIngestApply(t *testing.T) {
	dir, doc, sc, data := ingestFolder(t)
	review, stderr, code := run(t, "ingest", doc, "--scenario", sc, "--format", "yaml")
	if code != 0 || !strings.Contains(review, "actor: c") || !strings.Contains(review, `quote: Gamma said on March 3, 2025 that the budget must be cut.`) {
		t.Fatalf("ingest: exit %d, %s\n%s", code, stderr, review)
	}
	rp := filepath.Join(dir, "review.yaml")
	os.WriteFile(rp, []byte(review), 0o644)
	out := filepath.Join(dir, "new.yaml")
	_, stderr, code = run(t, "ingest", "apply", rp, "--scenario", sc, "-o", out)
	if code != 0 {
		t.Fatalf("apply: exit %d, %s", code, stderr)
	}
	// What was applied is said on stderr, with no note to say it: Gamma's
	// one quote on the budget, and news.txt recorded as a source.
	if want := "applied 1 quote to 1 stance in a new snapshot dated 2025-03-03, 1 source added; the file edited in place\nwrote " + out + "\n"; stderr != want {
		t.Errorf("apply's stderr %q, want %q", stderr, want)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "date: \"2025-03-03\"") || !strings.Contains(string(b), "label: ingested evidence") {
		t.Errorf("new snapshot missing:\n%s", b)
	}
	if after, _ := os.ReadFile(sc); string(after) != string(data) {
		t.Error("the scenario file was changed")
	}
	if _, _, code := run(t, "ingest", "apply", rp, "--scenario", sc, "-o", sc); code != 2 {
		t.Errorf("-o onto the scenario: exit %d, want 2", code)
	}
}

// A review whose kept quote is not in its document is refused, nothing
// written; the problem names the scenario as merged, which was not
// written, its path, and the review's entry the quote came from, not a
// line of a file nobody can open (it said
// "s.yaml:50:20:", a line the 39-line s.yaml does not have).
func TestIngestApplyRefusalNamesNoUnwrittenLine(t *testing.T) {
	dir, doc, sc, _ := ingestFolder(t)
	review, stderr, code := run(t, "ingest", doc, "--scenario", sc, "--format", "yaml")
	if code != 0 {
		t.Fatalf("ingest: exit %d, %s", code, stderr)
	}
	edited := strings.Replace(review, "quote: Gamma said on March 3, 2025 that the budget must be cut.", "quote: Gamma said on March 3, 2025 that the budget must grow.", 1)
	if edited == review {
		t.Fatalf("the review has no quote to edit:\n%s", review)
	}
	rp := filepath.Join(dir, "review.yaml")
	os.WriteFile(rp, []byte(edited), 0o644)
	out := filepath.Join(dir, "new.yaml")
	_, stderr, code = run(t, "ingest", "apply", rp, "--scenario", sc, "-o", out)
	want := sc + " with the review's entries merged (not written): snapshots[1].stances[0].evidence[0].quote: the review's entries[0]: c on budget: quote not found in source news (news.txt:1): nearest passage “Gamma said on March 3, 2025 that the budget must be”"
	if code != 3 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 3 and %q", code, stderr, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the refused file was written")
	}
}

// The same documents give the same candidates at both doors: `parley
// ingest --format json` and POST /api/scenarios/{id}/ingest.
func TestIngestParity(t *testing.T) {
	sc, doc := "../ingest/testdata/river-talks.yaml", "../ingest/testdata/river-talks.txt"
	out, stderr, code := run(t, "ingest", doc, "--scenario", sc, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	srv := apiServer(t)
	id := upload(t, srv.URL, parityInput{file: sc})
	text, _ := os.ReadFile(doc)
	body, _ := json.Marshal(map[string]any{"documents": []map[string]string{{"name": "river-talks.txt", "text": string(text)}}})
	resp, err := http.Post(srv.URL+"/api/scenarios/"+id+"/ingest", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var a, c any
	if json.Unmarshal([]byte(out), &a) != nil || json.Unmarshal(b, &c) != nil || resp.StatusCode != 200 {
		t.Fatalf("CLI %s\nAPI %d %s", out, resp.StatusCode, b)
	}
	if n := len(a.(map[string]any)["candidates"].([]any)); n != 26 {
		t.Errorf("%d candidates, want the 26 docs/ingest.md reports", n)
	}
	if !reflect.DeepEqual(a, c) {
		t.Errorf("the doors differ:\n%s", firstDifference(a, c, ""))
	}
}

// ingest --top N keeps the best N (the API's "limit"); --limit is the
// input limits' flag as on every command, so a document over the bytes
// limit can be let in, and the earlier --limit N says what to use.
func TestIngestTopAndLimit(t *testing.T) {
	sc, doc := "../ingest/testdata/river-talks.yaml", "../ingest/testdata/river-talks.txt"
	all, stderr, code := run(t, "ingest", doc, "--scenario", sc, "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	top, stderr, code := run(t, "ingest", doc, "--scenario", sc, "-f", "json", "--top", "3")
	if code != 0 {
		t.Fatalf("--top 3: exit %d: %s", code, stderr)
	}
	var a, b struct {
		Candidates []json.RawMessage `json:"candidates"`
	}
	if json.Unmarshal([]byte(all), &a) != nil || json.Unmarshal([]byte(top), &b) != nil || len(a.Candidates) != 26 || len(b.Candidates) != 3 {
		t.Fatalf("%d candidates, %d with --top 3; want 26 and 3", len(a.Candidates), len(b.Candidates))
	}
	for i := range b.Candidates {
		if string(a.Candidates[i]) != string(b.Candidates[i]) {
			t.Errorf("--top 3: candidate %d differs from the full list's", i)
		}
	}
	info, err := os.Stat(doc)
	if err != nil {
		t.Fatal(err)
	}
	// (the built-in case: no scenario file that the limit would refuse first)
	small, exact := fmt.Sprintf("bytes=%d", info.Size()-1), fmt.Sprintf("bytes=%d", info.Size())
	if _, stderr, code := run(t, "ingest", doc, "--limit", small); code != 3 || !strings.Contains(stderr, "over the limit "+small) || !strings.Contains(stderr, doc) {
		t.Errorf("--limit %s: exit %d, %s; want 3 naming the document and its limit", small, code, stderr)
	}
	if _, stderr, code := run(t, "ingest", doc, "--limit", exact); code != 0 {
		t.Errorf("--limit %s: exit %d, %s; want the document read", exact, code, stderr)
	}
	_, stderr, code = run(t, "ingest", doc, "--scenario", sc, "--limit", "3")
	if code != 2 || !strings.Contains(stderr, "use --top N") {
		t.Errorf("--limit 3: exit %d, %s; want 2 and the hint to use --top", code, stderr)
	}
}

// `parley models -f json` and GET /api/models give the same list, the
// models and their settings.
func TestModelsParity(t *testing.T) {
	out, stderr, code := run(t, "models", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	srv := apiServer(t)
	resp, err := http.Get(srv.URL + "/api/models")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var a, c []map[string]any
	if json.Unmarshal([]byte(out), &a) != nil || json.Unmarshal(b, &c) != nil || resp.StatusCode != 200 {
		t.Fatalf("CLI %s\nAPI %d %s", out, resp.StatusCode, b)
	}
	if len(a) == 0 || !reflect.DeepEqual(a, c) {
		t.Errorf("%d models on the command line; the doors differ: %v", len(a), !reflect.DeepEqual(a, c))
	}
}

// ingest's candidates fit the terminal: at 120 a table whose quote takes
// what the other columns leave (it was 60 wide, the table 128), and
// where that is less than minQuote a line a candidate with its quote
// under it; each quote is printed whole.
func TestIngestFitsWidth(t *testing.T) {
	out, stderr, code := run(t, "ingest", "../ingest/testdata/river-talks.txt", "--scenario", "../ingest/testdata/river-talks.yaml", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res answer.Ingest
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Candidates) == 0 {
		t.Fatal("no candidates: the case tests nothing")
	}
	words := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "│", " ")), " ") }
	for _, c := range []struct {
		width int
		table bool
	}{{80, false}, {120, true}} {
		var b bytes.Buffer
		candidatesTable(&b, res.Candidates, func(string) int { return 1 }, names{actor: ident, issue: ident}, c.width)
		fits(t, b.String(), c.width)
		if got := strings.Contains(b.String(), "│ QUOTE"); got != c.table {
			t.Errorf("at %d a table: %v, want %v:\n%s", c.width, got, c.table, b.String())
		}
		if !c.table {
			for _, x := range res.Candidates {
				if !strings.Contains(words(b.String()), words(x.Quote)) {
					t.Errorf("at %d the quote %q is not whole:\n%s", c.width, x.Quote, b.String())
				}
			}
		}
	}
}

// The coverage table names each actor and issue by its name, as every
// other table and the page do: the built-in case's "actor United
// States" and "issue Ceasefire", not "actor united-states" (ids are for
// typing, and no one types these rows).
func TestCoverageNames(t *testing.T) {
	for _, cmd := range []string{"show", "validate"} {
		out, errOut, code := run(t, cmd, "-q")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", cmd, code, errOut)
		}
		for _, want := range []string{"│ actor United States ", "│ actor European Commission ", "│ issue Ceasefire ", "│ issue Ukraine and NATO ", "│ overall "} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q in\n%s", cmd, want, out)
			}
		}
		if strings.Contains(out, "actor united-states") || strings.Contains(out, "issue ceasefire") {
			t.Errorf("%s: a coverage row by its id:\n%s", cmd, out)
		}
	}
}

func ident(id string) string { return id }
