package repocheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// doors are the packages that take a question from a person or a client
// and render its answer. They ask package ask and read package answer;
// the models and the analyses behind them are ask's business.
var doors = []string{"cli", "httpapi"}

// forbidden says whether a door may not import path: the model layer,
// the analyses and the peer-format readers (each exactly, or anything
// under it when it ends in "/").
func forbidden(path string) bool {
	for _, p := range []string{"parley/model", "parley/model/", "parley/sweep", "parley/deal", "parley/skill", "parley/format/"} {
		if path == p || (strings.HasSuffix(p, "/") && strings.HasPrefix(path, p)) {
			return true
		}
	}
	return false
}

// doorFiles returns the non-test Go files of a door's directory.
func doorFiles(t *testing.T, door string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(root, door))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			out = append(out, filepath.Join(root, door, n))
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no Go files", door)
	}
	return out
}

// TestDoorsImportOnlyAsk fails when cli or httpapi imports a model, a
// model's package, sweep, deal, skill or a peer-format reader: a door
// goes through parley/ask and parley/answer, so both doors give the same
// answer to the same question.
func TestDoorsImportOnlyAsk(t *testing.T) {
	fset := token.NewFileSet()
	for _, door := range doors {
		for _, file := range doorFiles(t, door) {
			f, err := parser.ParseFile(fset, file, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, err := strconv.Unquote(imp.Path.Value)
				if err != nil {
					t.Fatal(err)
				}
				if forbidden(path) {
					t.Errorf("%s: imports %q: a door reaches the models, sweep, deal, skill and the peer formats only through parley/ask and parley/answer", fset.Position(imp.Pos()), path)
				}
			}
		}
	}
}

// TestDoorsHaveNoInit fails when a non-test file of cli or httpapi
// declares func init(): the catalogs (models, formats, commands) are
// explicit lists, not registries filled at start-up.
func TestDoorsHaveNoInit(t *testing.T) {
	fset := token.NewFileSet()
	for _, door := range doors {
		for _, file := range doorFiles(t, door) {
			f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "init" {
					t.Errorf("%s: func init(): build the %s's catalogs explicitly (a list or a constructor), not in an init registry", fset.Position(fn.Pos()), door)
				}
			}
		}
	}
}

// TestForbidden pins which imports count as reaching past ask.
func TestForbidden(t *testing.T) {
	for path, want := range map[string]bool{
		"parley/model": true, "parley/model/bdm": true, "parley/model/catalog": true,
		"parley/sweep": true, "parley/deal": true, "parley/skill": true,
		"parley/format/ktab": true, "parley/format/deu": true,
		"parley/ask": false, "parley/answer": false, "parley/errs": false, "parley/scenario": false,
		"parley/modelx": false, "parley/format": false, "parley/sweeper": false,
	} {
		if got := forbidden(path); got != want {
			t.Errorf("forbidden(%q) = %v, want %v", path, got, want)
		}
	}
}
