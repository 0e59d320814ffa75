package scenariofile

import (
	"strings"
	"testing"

	"parley/scenario"
)

// sourcesOverCase is a scenario whose metadata (written by meta) ends
// before its issues; its only quote cites source a.
func sourcesOverCase(meta string) string {
	return "metadata:\n  id: t\n  title: T\n" + meta + `
issues:
  - {id: i, name: I}
actors:
  - {id: x, name: X, capability: 1, capability_assumed: t}
  - {id: y, name: Y, capability: 1, capability_assumed: t}
stances:
  - {actor: x, issue: i, position: 10, salience: 0.5, assumed: t}
  - {actor: y, issue: i, position: 90, salience: 0.5, assumed: t}
`
}

// SourcesOver inserts what is new and replaces what changed, and writes
// nothing else: each want is the input with only those bytes changed.
func TestSourcesOverChangesOnlyTheSources(t *testing.T) {
	a := scenario.Source{ID: "a", Title: "A, the first", File: "src/a.txt", SHA256: strings.Repeat("ab", 32)}
	b := scenario.Source{ID: "b", Date: "2026-11-20", File: "src/b.txt"}
	for _, c := range []struct {
		name, meta, want string
		srcs             []scenario.Source
	}{
		{"no sources key: one added after metadata's last value, before the blank line and the comment",
			"  as_of: 2026-11-01   # the date\n\n# issues next\n",
			"  as_of: 2026-11-01   # the date\n  sources:\n    - id: a\n      title: A, the first\n      file: src/a.txt\n      sha256: " + a.SHA256 + "\n\n# issues next\n",
			[]scenario.Source{a}},
		{"an empty flow list: the items inside its brackets, in flow style",
			"  sources: []   # none yet\n",
			"  sources: [{id: a, title: 'A, the first', file: src/a.txt, sha256: " + a.SHA256 + "}]   # none yet\n",
			[]scenario.Source{a}},
		{"a flow list: after its last item",
			"  sources: [{id: a, title: 'A, the first', file: src/a.txt, sha256: " + a.SHA256 + "}]\n",
			"  sources: [{id: a, title: 'A, the first', file: src/a.txt, sha256: " + a.SHA256 + "}, {id: b, date: \"2026-11-20\", file: src/b.txt}]\n",
			[]scenario.Source{a, b}},
		{"a block list of flow maps: a flow map, and a value changed in place",
			"  sources:\n    - {id: a, title: \"A, the first\", file: src/a.txt, sha256: \"" + strings.Repeat("cd", 32) + "\"}  # old\n\n",
			"  sources:\n    - {id: a, title: \"A, the first\", file: src/a.txt, sha256: \"" + a.SHA256 + "\"}  # old\n    - {id: b, date: \"2026-11-20\", file: src/b.txt}\n\n",
			[]scenario.Source{a, b}},
		{"a block stub: its fields after its last, before its foot comment",
			"  sources:\n    - id: b\n      publisher: P\n    # more to come\n",
			"  sources:\n    - id: b\n      publisher: P\n      date: \"2026-11-20\"\n      file: src/b.txt\n    # more to come\n",
			[]scenario.Source{{ID: "b", Publisher: "P", Date: b.Date, File: b.File}}},
	} {
		in := sourcesOverCase(c.meta)
		got, ok := sourcesOver(t, "t.yaml", in, c.srcs)
		if want := sourcesOverCase(c.want); !ok || string(got) != want {
			t.Errorf("%s: ok %v, got\n%s\nwant\n%s", c.name, ok, got, want)
		}
	}
}

// A JSON file keeps its indentation and its keys' order: the new
// source is written inside the list as encoding/json indents it, at the
// list's items' indentation.
func TestSourcesOverKeepsAJSONFilesLayout(t *testing.T) {
	in := `{
    "metadata": {"id": "t", "title": "T",
        "sources": [
            {"id": "a", "url": "https://example.org/a"}
        ]
    },
    "issues": [{"id": "i", "name": "I"}],
    "actors": [{"id": "x", "name": "X", "capability": 1, "capability_assumed": "t"},
               {"id": "y", "name": "Y", "capability": 1, "capability_assumed": "t"}],
    "stances": [{"actor": "x", "issue": "i", "position": 10, "salience": 0.5, "assumed": "t"},
                {"actor": "y", "issue": "i", "position": 90, "salience": 0.5, "assumed": "t"}]
}
`
	b := scenario.Source{ID: "b", Date: "2026-11-20", File: "src/b.txt"}
	got, ok := sourcesOver(t, "t.json", in, []scenario.Source{{ID: "a", URL: "https://example.org/a", SHA256: strings.Repeat("ab", 32)}, b})
	want := strings.Replace(in, `{"id": "a", "url": "https://example.org/a"}`,
		`{"id": "a", "url": "https://example.org/a", "sha256": "`+strings.Repeat("ab", 32)+`"},
            {
              "id": "b",
              "date": "2026-11-20",
              "file": "src/b.txt"
            }`, 1)
	if !ok || string(got) != want {
		t.Errorf("ok %v, got\n%s\nwant\n%s", ok, got, want)
	}
}

// Flow maps on one line, YAML's and JSON's, get the key or the item on
// that line, in flow style.
func TestSourcesOverWritesIntoAFlowMapOnOneLine(t *testing.T) {
	a := scenario.Source{ID: "a", Title: "A, the first", File: "src/a.txt"}
	b := scenario.Source{ID: "b", Date: "2026-11-20", File: "src/b.txt"}
	flow := strings.Replace(sourcesOverCase(""), "metadata:\n  id: t\n  title: T\n", "metadata: {id: t, title: T}   # flow\n", 1)
	got, ok := sourcesOver(t, "t.yaml", flow, []scenario.Source{a})
	want := strings.Replace(flow, "title: T}", "title: T, sources: [{id: a, title: 'A, the first', file: src/a.txt}]}", 1)
	if !ok || string(got) != want {
		t.Errorf("YAML: ok %v, got\n%s\nwant\n%s", ok, got, want)
	}
	in := `{"metadata": {"id": "t", "title": "T", "sources": [{"id": "a", "title": "A, the first", "file": "src/a.txt"}]},
 "issues": [{"id": "i", "name": "I"}],
 "actors": [{"id": "x", "name": "X", "capability": 1, "capability_assumed": "t"}, {"id": "y", "name": "Y", "capability": 1, "capability_assumed": "t"}],
 "stances": [{"actor": "x", "issue": "i", "position": 10, "salience": 0.5, "assumed": "t"}, {"actor": "y", "issue": "i", "position": 90, "salience": 0.5, "assumed": "t"}]}
`
	got, ok = sourcesOver(t, "t.json", in, []scenario.Source{a, b})
	want = strings.Replace(in, `"file": "src/a.txt"}]`, `"file": "src/a.txt"}, {"id": "b", "date": "2026-11-20", "file": "src/b.txt"}]`, 1)
	if !ok || string(got) != want {
		t.Errorf("JSON: ok %v, got\n%s\nwant\n%s", ok, got, want)
	}
}

// What cannot be written as text is refused (ok false), for the caller
// to write the file whole: sources: with no list, an alias, a source
// removed.
func TestSourcesOverRefusesWhatItCannotWriteAsText(t *testing.T) {
	a := scenario.Source{ID: "a", File: "a.txt"}
	for name, in := range map[string]string{
		"sources: null": sourcesOverCase("  sources: null\n"),
		"an alias":      strings.Replace(sourcesOverCase(""), "title: T", "title: &t T\n  description: *t", 1),
	} {
		if out, ok := sourcesOver(t, "t.yaml", in, []scenario.Source{a}); ok {
			t.Errorf("%s: written as text:\n%s", name, out)
		}
	}
	two := sourcesOverCase("  sources:\n    - {id: a, file: a.txt}\n    - {id: b, file: b.txt}\n")
	if out, ok := sourcesOver(t, "t.yaml", two, []scenario.Source{a}); ok {
		t.Errorf("a source removed: written as text:\n%s", out)
	}
}

// A file with CRLF line ends gets them in the lines added, and one whose
// last line has no newline still ends without one.
func TestSourcesOverKeepsLineEnds(t *testing.T) {
	a := scenario.Source{ID: "a", File: "src/a.txt"}
	entry := "  sources:\n    - id: a\n      file: src/a.txt\n"
	in := sourcesOverCase("")
	crlf := strings.ReplaceAll(in, "\n", "\r\n")
	want := strings.ReplaceAll(strings.Replace(in, "title: T\n", "title: T\n"+entry, 1), "\n", "\r\n")
	if got, ok := sourcesOver(t, "t.yaml", crlf, []scenario.Source{a}); !ok || string(got) != want {
		t.Errorf("CRLF: ok %v, got %q\nwant %q", ok, got, want)
	}
	// sources last in the file, which has no final newline
	last := "issues:\n  - {id: i, name: I}\nmetadata:\n  id: t\n  title: T\n  sources:\n    - {id: b, url: https://example.org/b}"
	last = strings.Replace(sourcesOverCase(""), "metadata:\n  id: t\n  title: T\n\nissues:\n  - {id: i, name: I}\n", "", 1) + last
	b := scenario.Source{ID: "b", URL: "https://example.org/b"}
	got, ok := sourcesOver(t, "t.yaml", last, []scenario.Source{b, a})
	if want := last + "\n    - {id: a, file: src/a.txt}"; !ok || string(got) != want {
		t.Errorf("no final newline: ok %v, got %q\nwant %q", ok, got, want)
	}
}

// A JSON file with no sources gets the key after metadata's last value,
// indented as its other keys.
func TestSourcesOverAddsTheKeyToJSON(t *testing.T) {
	in := `{
  "metadata": {
    "id": "t",
    "title": "T"
  },
  "issues": [{"id": "i", "name": "I"}],
  "actors": [{"id": "x", "name": "X", "capability": 1, "capability_assumed": "t"},
             {"id": "y", "name": "Y", "capability": 1, "capability_assumed": "t"}],
  "stances": [{"actor": "x", "issue": "i", "position": 10, "salience": 0.5, "assumed": "t"},
              {"actor": "y", "issue": "i", "position": 90, "salience": 0.5, "assumed": "t"}]
}`
	a := scenario.Source{ID: "a", File: "src/a.txt"}
	got, ok := sourcesOver(t, "t.json", in, []scenario.Source{a})
	want := strings.Replace(in, `"title": "T"`, `"title": "T",
    "sources": [
      {
        "id": "a",
        "file": "src/a.txt"
      }
    ]`, 1)
	if !ok || string(got) != want {
		t.Errorf("ok %v, got\n%s\nwant\n%s", ok, got, want)
	}
}

// sourcesOver is SourcesOver of in (a file named name) written with
// sources as its metadata.sources.
func sourcesOver(t *testing.T, name, in string, sources []scenario.Source) ([]byte, bool) {
	t.Helper()
	want, _ := ParseLimits(name, []byte(in), scenario.Limits{})
	if want == nil {
		t.Fatalf("%s does not parse:\n%s", name, in)
	}
	want.Metadata.Sources = sources
	return SourcesOver(name, []byte(in), want, scenario.Limits{})
}
