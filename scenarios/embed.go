// Package scenarios holds the scenario files built into the parley binary.
//
// Each *.yaml file in this directory is embedded at build time and can be
// listed, read by name, and copied as a starting point for a new case. The
// default, ukraine-ceasefire-2025.yaml, codes the 2025 Russia–Ukraine
// ceasefire talks from four public articles (see its metadata.sources and
// docs/case-ukraine-2025.md); every stance cites a short verbatim quote or
// says why it is assumed.
package scenarios

import (
	"embed"
	"io/fs"
	"sort"
	"strings"

	"parley/errs"
)

//go:embed *.yaml
var files embed.FS

// DefaultName is the file name of the built-in case.
const DefaultName = "ukraine-ceasefire-2025.yaml"

// Default returns the file name and content of the built-in case that
// commands use when no scenario file is given.
func Default() (name string, data []byte) {
	data, err := files.ReadFile(DefaultName)
	if err != nil {
		// The file is embedded at build time; its absence is a build bug.
		panic("scenarios: built-in case missing: " + err.Error())
	}
	return DefaultName, data
}

// List returns the file names of the built-in scenarios, sorted.
func List() []string {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// Get returns the content of the built-in scenario with the file name; the
// ".yaml" extension may be left out. An unknown name is an errs.NotFound
// error that lists the valid names.
func Get(name string) ([]byte, error) {
	n := name
	if !strings.HasSuffix(n, ".yaml") {
		n += ".yaml"
	}
	data, err := files.ReadFile(n)
	if err != nil {
		return nil, errs.New(errs.NotFound, "no built-in scenario %q; valid: %s", name, strings.Join(List(), ", "))
	}
	return data, nil
}

//go:embed starter/starter.yaml
var starter []byte

// Starter returns the commented starter scenario `parley init` writes: a
// small case (three actors, two issues, a quote, a red line, a proposal,
// a snapshot, a variant)
// that validates, with a comment on every part.
func Starter() []byte { return append([]byte(nil), starter...) }
