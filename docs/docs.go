// Package docs holds Parley's documents (format.md, limits.md,
// models.md, skill.md and the rest of this folder), embedded in the
// binary. Answers cite them by their path in the repository
// ("docs/limits.md"); embedded, they can be read where only the binary
// is: `parley docs NAME` prints one, and `parley serve` serves each at
// /docs/NAME.md, where the web page links the answers' citations.
package docs

import (
	"bufio"
	"bytes"
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"parley/errs"
)

//go:embed *.md
var files embed.FS

// Doc is one of the documents the answers cite: its file name and
// title.
type Doc struct {
	// Name is the file name ("format.md"), which parley docs NAME and
	// /docs/NAME.md take.
	Name string `json:"name"`
	// Title is the document's first "# " heading ("The scenario file
	// format").
	Title string `json:"title"`
}

// List returns every document, by name (a copy of the list, read from
// the embedded files once).
func List() []Doc { return slices.Clone(list()) }

// list reads the documents' names and titles once: a reading copies
// every file (1.2 MB), which a request for the list or for an unknown
// name would otherwise do each time.
var list = sync.OnceValue(func() []Doc {
	ents, _ := fs.ReadDir(files, ".") // sorted by name
	var out []Doc
	for _, e := range ents {
		b, _ := files.ReadFile(e.Name())
		out = append(out, Doc{Name: e.Name(), Title: title(b)})
	}
	return out
})

// title is a document's first "# " heading, or "" without one.
func title(b []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, len(b)+1)
	for sc.Scan() {
		if t, ok := strings.CutPrefix(sc.Text(), "# "); ok {
			return strings.TrimSpace(t)
		}
	}
	return ""
}

// Name is the file name a reader's way of naming a document stands
// for: "format", "format.md" and "docs/format.md" are all "format.md"
// (case kept: the names are the repository's).
func Name(name string) string {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	name = strings.TrimPrefix(name, "docs/")
	if !strings.HasSuffix(name, ".md") {
		name += ".md"
	}
	return name
}

// Read returns the document name stands for (Name). An unknown name is
// an errs.NotFound naming the documents there are.
func Read(name string) ([]byte, error) {
	if b, err := files.ReadFile(Name(name)); err == nil {
		return b, nil // only the folder's own *.md are embedded
	}
	var names []string
	for _, d := range list() {
		names = append(names, strings.TrimSuffix(d.Name, ".md"))
	}
	return nil, errs.New(errs.NotFound, "no document %q; valid: %s (parley docs lists them with their titles)", name, strings.Join(names, ", "))
}
