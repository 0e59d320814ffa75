package repocheck

import (
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parley/docs"
)

// citation is a document cited in an answer's words: "see docs/limits.md".
var citation = regexp.MustCompile(`docs/[A-Za-z0-9_-]+\.md`)

// TestCitedDocumentsAreCarried: every document a string of the program
// cites ("…; see docs/limits.md") is one the binary carries (package
// docs), so that parley docs NAME prints it and the web page's link to
// /docs/NAME.md finds it. Comments and tests are not read: only what a
// user can be shown.
func TestCitedDocumentsAreCarried(t *testing.T) {
	cited := map[string]string{} // document → the first file citing it
	cite := func(text, file string) {
		for _, m := range citation.FindAllString(text, -1) {
			if _, ok := cited[m]; !ok && m != "docs/NAME.md" { // NAME: a placeholder
				cited[m] = file
			}
		}
	}
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == "node_modules" || n == "testdata" || strings.HasPrefix(n, ".") && p != ".." {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".ts") && strings.Contains(filepath.ToSlash(p), "web/src/") {
			// The page's own words: its lines but the comments.
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, line := range strings.Split(string(src), "\n") {
				if !strings.HasPrefix(strings.TrimSpace(line), "//") {
					cite(line, p)
				}
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var s scanner.Scanner
		fset := token.NewFileSet()
		s.Init(fset.AddFile(p, -1, len(src)), src, nil, 0)
		for {
			_, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			if tok != token.STRING {
				continue
			}
			cite(lit, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(cited) < 5 {
		t.Fatalf("found %d cited documents (%v); the program cites format, limits, models, skill and serve at least", len(cited), cited)
	}
	for doc, where := range cited {
		if _, err := docs.Read(doc); err != nil {
			t.Errorf("%s cites %s, which the binary does not carry: %v", where, doc, err)
		}
	}
}
