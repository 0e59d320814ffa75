package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// bySourceFile is a scenario whose quote cites its source by the
// source's file, as the format allows (docs/format.md, a stance's
// evidence).
const bySourceFile = `metadata:
  id: by-file
  title: By file
  as_of: "2025-01-01"
  sources:
    - {id: wire, title: Wire report, file: wire-0101.txt}
    - {id: memo, title: Internal memo}
issues:
  - {id: a, name: Issue A}
actors:
  - {id: north, name: North, capability: 1, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, evidence: [{source: wire-0101.txt, quote: North wants twenty.}]}
  - {actor: south, issue: a, position: 80, salience: 1, assumed: an example}
`

// TestBuilderQuoteCitesSourceByFile: a quote that cites its source by
// the source's file shows in the source menu as that source, named by
// its id and title and the file it is cited by, not as a source "(not
// defined)"; saved, it still cites the file. The server's sources folder
// holds the file, so that the save's quote check finds the quote.
func TestBuilderQuoteCitesSourceByFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "wire-0101.txt"), []byte("Wire, 1 January. North wants twenty.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := removeSession{openStoredWith(t, e2eOptions{sources: dir}, "By file", bySourceFile)}
	sel := `select[data-path="stances[0].evidence[0].source"]`
	got := get(t, r.bctx, "source shown", chromedp.Evaluate[[]string](fmt.Sprintf(`(() => { const s = document.querySelector(%q); return [s.value, s.selectedOptions[0].textContent] })()`, sel)))
	if want := []string{"wire-0101.txt", "wire — Wire report (by its file, wire-0101.txt)"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the quote's source shows as %q, want %q", got, want)
	}
	r.typeIn("stances[1].position", "70")
	s := r.save()
	if src := s.Stances[0].Evidence[0].Source; src != "wire-0101.txt" {
		t.Errorf("saved, the quote cites %q, want the file it cited, wire-0101.txt", src)
	}
}

// TestBuilderSourceFileRenamed: a quote that cites its source by file
// follows the file's new name when the source's File field is changed,
// as a quote citing by id follows the id: before, it kept the old name,
// showed as "(not defined)" and the save was refused. The server's
// sources folder holds both names, so that the save's quote check
// passes.
func TestBuilderSourceFileRenamed(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"wire-0101.txt", "wire-0102.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("Wire, 1 January. North wants twenty.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := removeSession{openStoredWith(t, e2eOptions{sources: dir}, "By file", bySourceFile)}
	r.enter("metadata.sources[0].file", "wire-0102.txt")
	sel := `select[data-path="stances[0].evidence[0].source"]`
	got := get(t, r.bctx, "source shown", chromedp.Evaluate[[]string](fmt.Sprintf(`(() => { const s = document.querySelector(%q); return [s.value, s.selectedOptions[0].textContent] })()`, sel)))
	if want := []string{"wire-0102.txt", "wire — Wire report (by its file, wire-0102.txt)"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after the rename the quote's source shows as %q, want %q", got, want)
	}
	s := r.save()
	if f, src := s.Metadata.Sources[0].File, s.Stances[0].Evidence[0].Source; f != "wire-0102.txt" || src != "wire-0102.txt" {
		t.Errorf("saved: the source's file %q and the quote's source %q, want both wire-0102.txt", f, src)
	}
}
