package docs

import (
	"os"
	"strings"
	"testing"

	"parley/errs"
)

// TestNameForms: the three ways an answer or a reader names a document
// are one name, and a path out of the folder is not a document's.
func TestNameForms(t *testing.T) {
	for in, want := range map[string]string{
		"limits":              "limits.md",
		"limits.md":           "limits.md",
		"docs/limits.md":      "limits.md",
		"/docs/limits.md":     "limits.md",
		"../../etc/passwd":    "etc/passwd.md",
		"docs/../../x.md":     "x.md",
		"DECISIONS":           "DECISIONS.md",
		"skill-research/x.md": "skill-research/x.md",
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadIsTheFile: what Read returns is the repository's file, byte
// for byte, whichever way it is named.
func TestReadIsTheFile(t *testing.T) {
	want, err := os.ReadFile("format.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"format", "format.md", "docs/format.md"} {
		got, err := Read(name)
		if err != nil || string(got) != string(want) {
			t.Errorf("Read(%q): %d bytes, %v; want the %d bytes of format.md", name, len(got), err, len(want))
		}
	}
}

// TestReadUnknown: a name no document has is not_found, and the error
// names the documents there are; a path that leaves the folder, or
// names its subfolder, finds nothing.
func TestReadUnknown(t *testing.T) {
	for _, name := range []string{"nosuch", "../go.mod", "../../etc/passwd", "skill-research/README.md", ""} {
		_, err := Read(name)
		if err == nil || errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("Read(%q) = %v, want not_found", name, err)
		}
		if msg := err.Error(); !strings.Contains(msg, "valid: DECISIONS, brief-ukraine-2025, case-ukraine-2025, format, ingest, json, limits, models, serve, skill") {
			t.Errorf("Read(%q): %q does not list the documents", name, msg)
		}
	}
}

// TestListTitles: every Markdown file of the folder is listed, by name,
// with its first heading as its title.
func TestListTitles(t *testing.T) {
	ents, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".md") {
			files = append(files, e.Name())
		}
	}
	list := List()
	if len(list) != len(files) {
		t.Fatalf("List() has %d documents, the folder %d Markdown files (%v)", len(list), len(files), files)
	}
	titles := map[string]string{}
	for i, d := range list {
		if d.Name != files[i] {
			t.Errorf("List()[%d] = %q, want %q (by name)", i, d.Name, files[i])
		}
		titles[d.Name] = d.Title
	}
	for name, want := range map[string]string{"format.md": "The scenario file format", "limits.md": "Limits", "skill.md": "Forecast skill on real outcomes (DEU III)"} {
		if titles[name] != want {
			t.Errorf("title of %s = %q, want %q", name, titles[name], want)
		}
	}
	if got := title([]byte("no heading\n## second level\n")); got != "" {
		t.Errorf("title without a first-level heading = %q, want \"\"", got)
	}
}
