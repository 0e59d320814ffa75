package repocheck

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// root is the module root, seen from this package's directory.
const root = ".."

// layoutHeading opens the README's layout table.
const layoutHeading = "## Layout"

// readmeLayout returns the paths the README's layout table names: every
// backticked span in the first cell of a row under "## Layout", with the
// line it is on.
func readmeLayout(t *testing.T) map[string]int {
	t.Helper()
	f, err := os.Open(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	paths := map[string]int{}
	in := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			in = strings.TrimSpace(line) == layoutHeading
			continue
		}
		if !in || !strings.HasPrefix(line, "|") {
			continue
		}
		first := cells(line)[0]
		for _, m := range codeSpan.FindAllStringSubmatch(first, -1) {
			if prev, ok := paths[m[1]]; ok {
				t.Errorf("README.md:%d: `%s` is in the layout table twice (also line %d)", n, m[1], prev)
			}
			paths[m[1]] = n
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("README.md: no layout table under %q (rows \"| `path`, `path` | what it holds |\")", layoutHeading)
	}
	return paths
}

// goDirs returns every directory of the module that holds .go files,
// relative to the root with slashes, skipping testdata, node_modules and
// directories whose names start with "." or "_" (which go ignores too).
func goDirs(t *testing.T) map[string]bool {
	t.Helper()
	dirs := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") {
			rel, err := filepath.Rel(root, filepath.Dir(p))
			if err != nil {
				return err
			}
			dirs[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// TestReadmeLayout keeps the README's layout table equal to the
// packages on disk: every directory holding Go files is named in it as
// `path`, and every path it names is such a directory.
func TestReadmeLayout(t *testing.T) {
	listed := readmeLayout(t)
	dirs := goDirs(t)
	var missing []string
	for d := range dirs {
		if _, ok := listed[d]; !ok {
			missing = append(missing, d)
		}
	}
	sort.Strings(missing)
	for _, d := range missing {
		t.Errorf("README.md: the layout table does not name package `%s`: add it to a row's first cell", d)
	}
	for p, line := range listed {
		if !dirs[p] {
			t.Errorf("README.md:%d: the layout table names `%s`, which is not a directory holding Go files (gone, renamed or misspelt)", line, p)
		}
	}
}

// goVersion matches a Go version as the README states it: "Go 1.26.8".
var goVersion = regexp.MustCompile(`\bGo (\d+\.\d+(?:\.\d+)?)`)

// TestReadmeGoVersion keeps the Go version the README states equal to
// the one go.mod requires (its go line): every "Go X.Y[.Z]" in the
// README is that version.
func TestReadmeGoVersion(t *testing.T) {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	want := ""
	for _, line := range strings.Split(string(mod), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "go" {
			want = f[1]
		}
	}
	if want == "" {
		t.Fatal("go.mod has no go line")
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	found := goVersion.FindAllStringSubmatch(string(readme), -1)
	if len(found) == 0 {
		t.Fatalf("README.md does not say which Go it needs: write \"Go %s\" (go.mod's go line)", want)
	}
	for _, m := range found {
		if m[1] != want {
			t.Errorf("README.md says %q; go.mod requires Go %s", m[0], want)
		}
	}
}
