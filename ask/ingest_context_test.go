package ask

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
	"parley/ingest"
	"parley/scenario"
)

// ingestCase writes ../cli/testdata/example.yaml, as edit changes it,
// into a new folder as s.yaml, with its memo.txt source and a document,
// news.txt, read under limits, and ingests the document: the folder, the
// scenario's path, the document's, the scenario's bytes, and the review
// of the candidates, as the API takes it and as a review file.
func ingestCase(t *testing.T, edit func(string) string, limits scenario.Limits) (dir, sc, news string, data []byte, rev answer.IngestReview, review []byte) {
	t.Helper()
	orig, err := os.ReadFile("../cli/testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(edit(string(orig)))
	dir = t.TempDir()
	sc, news = filepath.Join(dir, "s.yaml"), filepath.Join(dir, "news.txt")
	const said = "Gamma said on March 3, 2025 that the budget must be cut.\n"
	for f, b := range map[string]string{sc: string(data), news: said, filepath.Join(dir, "memo.txt"): "Alpha wants nothing.\n"} {
		if err := os.WriteFile(f, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, err := Load(sc, data, LoadOptions{Format: Scenario, Limits: limits})
	if err != nil {
		t.Fatal(err)
	}
	docs := []ingest.Document{{Name: "news.txt", Data: []byte(said)}}
	res, err := Ingest(context.Background(), in, docs, 0)
	if err != nil {
		t.Fatal(err)
	}
	rev = IngestReviewOf(in, docs, res)
	review, err = IngestReview(in, docs, res)
	if err != nil || len(rev.Entries) == 0 {
		t.Fatalf("no review to apply: %v, %+v", err, res)
	}
	return dir, sc, news, data, rev, review
}

// The check of a file changed by ingest apply or sources add reads and
// checks its sources as validate does, and stops as validate does once
// its context is done (a server's client gone, Ctrl-C): with the
// context's error as it is, not as invalid input (exit 3, 400), and no
// file. Not done, the same calls give the file.
func TestIngestAndSourcesAddStopWithTheContext(t *testing.T) {
	dir, sc, news, data, rev, _ := ingestCase(t, func(s string) string { return s }, scenario.Limits{})
	for i := range rev.Sources {
		rev.Sources[i].File = "" // as the server does: it keeps no document
	}
	done, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct {
		name string
		f    func(ctx context.Context) ([]byte, error)
	}{
		{"IngestApplyReview", func(ctx context.Context) ([]byte, error) {
			out, _, _, _, err := IngestApplyReview(ctx, sc, sc, data, rev, "", LoadOptions{SourceDirs: []string{dir}})
			return out, err
		}},
		{"SourcesAdd", func(ctx context.Context) ([]byte, error) {
			out, _, err := SourcesAdd(ctx, sc, data, []string{news}, scenario.Limits{}, false)
			return out, err
		}},
	} {
		out, err := c.f(done)
		if !errors.Is(err, context.Canceled) || errs.CodeOf(err) == errs.Invalid || out != nil {
			t.Errorf("%s, the context done: %d bytes, %v (code %s); want context.Canceled, not invalid input", c.name, len(out), err, errs.CodeOf(err))
		}
		if out, err := c.f(context.Background()); err != nil || len(out) == 0 {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// Ingest apply and sources add read the scenario under the limits they
// are given, as every other load does (the server's, the command line's
// --limit): an actor's name of 1,100 characters, over the default 1,000,
// is let in by limits that allow 1,200, where the original file used to
// be read under the defaults and refused. Under the defaults it is refused, on
// the original file's line.
func TestIngestAndSourcesAddKeepTheLimits(t *testing.T) {
	long := strings.Repeat("g", 1100)
	wide := scenario.Limits{NameLength: 1200}
	dir, sc, news, data, rev, review := ingestCase(t, func(s string) string { return strings.Replace(s, "name: Beta,", "name: "+long+",", 1) }, wide)
	if !strings.Contains(string(data), "name: "+long) {
		t.Fatal("example.yaml no longer names Beta as the test edits it")
	}
	for _, c := range []struct {
		name string
		f    func(l scenario.Limits) ([]byte, error)
	}{
		{"IngestApplyReview", func(l scenario.Limits) ([]byte, error) {
			out, _, _, _, err := IngestApplyReview(context.Background(), sc, sc, data, rev, "", LoadOptions{SourceDirs: []string{dir}, Limits: l})
			return out, err
		}},
		{"IngestApply", func(l scenario.Limits) ([]byte, error) {
			out, _, _, err := IngestApply(context.Background(), sc, data, "review.yaml", review, "", LoadOptions{SourceDirs: []string{dir}, Limits: l})
			return out, err
		}},
		{"SourcesAdd", func(l scenario.Limits) ([]byte, error) {
			out, _, err := SourcesAdd(context.Background(), sc, data, []string{news}, l, false)
			return out, err
		}},
	} {
		if out, err := c.f(wide); err != nil || !strings.Contains(string(out), "name: "+long) {
			t.Errorf("%s under limits allowing names of 1,200: %v", c.name, err)
		}
		_, err := c.f(scenario.Limits{})
		if err == nil || !strings.Contains(err.Error(), sc+":") || strings.Contains(err.Error(), "not written") {
			t.Errorf("%s under the default limits: %v; want the original file's line refused", c.name, err)
		}
	}
}
