package scenariofile

import (
	"strings"
	"testing"

	"parley/scenario"
)

// editCase is a scenario file with comments, blank lines, a folded
// description, a number written 10.0 and lists in both styles.
const editCase = `# top
metadata:
  id: t
  title: T
  description: >
    Folded
    text.

issues:
  - {id: i, name: I}
  - id: j
    name: J   # the second
actors:
  - {id: x, name: X, capability: 1, capability_assumed: t}
  - {id: y, name: Y, capability: 1, capability_assumed: t}
  - id: z
    name: Z
    capability: 2
    capability_assumed: t

stances:
  - {actor: x, issue: i, position: 10.0, salience: 0.5, assumed: t, range: {position: [5, 15]}}
  - actor: y
    issue: i
    position: 90
    salience: 0.5
    assumed: t
    note: y's
`

// editOver is EditOver of in (a file named name) changed by change.
func editOver(t *testing.T, name, in string, change func(s *scenario.Scenario)) (string, bool) {
	t.Helper()
	want, ds := ParseLimits(name, []byte(in), scenario.Limits{})
	if want == nil {
		t.Fatalf("%s does not parse: %v", name, ds)
	}
	change(want)
	out, ok := EditOver(name, []byte(in), want, scenario.Limits{})
	return string(out), ok
}

// Each change rewrites only its own text: a want is the input with that
// text replaced, built from the input.
func TestEditOverChangesOnlyWhatChanged(t *testing.T) {
	for _, c := range []struct {
		name     string
		change   func(s *scenario.Scenario)
		old, new string
	}{
		{"a value in a block map, kept quoting elsewhere and 10.0 untouched",
			func(s *scenario.Scenario) { s.Stances[1].Position = 75 },
			"    position: 90\n", "    position: 75\n"},
		{"a number in a flow list inside a flow map",
			func(s *scenario.Scenario) { s.Stances[0].Range.Position[1] = 20 },
			"[5, 15]", "[5, 20]"},
		{"a block field removed: its line",
			func(s *scenario.Scenario) { s.Stances[1].Note = "" },
			"    note: y's\n", ""},
		{"a flow field removed: its text from the comma",
			func(s *scenario.Scenario) { s.Stances[0].Range = nil },
			", range: {position: [5, 15]}", ""},
		{"a field added to a block map after its last",
			func(s *scenario.Scenario) { s.Actors[2].Description = "the third" },
			"    capability_assumed: t\n\nstances:", "    capability_assumed: t\n    description: the third\n\nstances:"},
		{"an item removed in the middle of a list: its lines alone",
			func(s *scenario.Scenario) { s.Actors = append(s.Actors[:1], s.Actors[2:]...) },
			"  - {id: y, name: Y, capability: 1, capability_assumed: t}\n", ""},
		{"an item removed at the end of a block list",
			func(s *scenario.Scenario) { s.Actors = s.Actors[:2] },
			"  - id: z\n    name: Z\n    capability: 2\n    capability_assumed: t\n", ""},
		{"an item inserted in the middle, in the style of the item before it",
			func(s *scenario.Scenario) {
				s.Issues = append([]scenario.Issue{s.Issues[0], {ID: "k", Name: "K"}}, s.Issues[1:]...)
			},
			"  - {id: i, name: I}\n", "  - {id: i, name: I}\n  - {id: k, name: K}\n"},
		{"an item appended after a block item, in block style, before the blank line",
			func(s *scenario.Scenario) {
				s.Actors = append(s.Actors, scenario.Actor{ID: "w", Name: "W", Capability: 3, CapabilityAssumed: "t"})
			},
			"    capability_assumed: t\n\n", "    capability_assumed: t\n  - id: w\n    name: W\n    capability: 3\n    capability_assumed: t\n\n"},
	} {
		want := strings.Replace(editCase, c.old, c.new, 1)
		if !strings.Contains(editCase, c.old) || want == editCase {
			t.Fatalf("%s: the case lacks %q", c.name, c.old)
		}
		if got, ok := editOver(t, "t.yaml", editCase, c.change); !ok || got != want {
			t.Errorf("%s: ok %v, got\n%s\nwant\n%s", c.name, ok, got, want)
		}
	}
}

// A key renamed (the builder renames an alias to the actor's id among
// a rule's weights) is renamed where it stands, its value and comment
// kept.
func TestEditOverRenamesAKeyInPlace(t *testing.T) {
	in := strings.Replace(editCase, "  - id: z\n", "  - id: z\n    red_lines:\n      i: \">= 10\"   # at least\n", 1)
	got, ok := editOver(t, "t.yaml", in, func(s *scenario.Scenario) {
		s.Actors[2].RedLines = map[string]string{"j": ">= 10"}
	})
	if want := strings.Replace(in, "      i: \">= 10\"", "      j: \">= 10\"", 1); !ok || got != want {
		t.Errorf("ok %v, got\n%s\nwant\n%s", ok, got, want)
	}
}

// What cannot be written as text is refused, for the caller to write
// the file whole: a changed folded text, a value made to take lines.
func TestEditOverRefusesWhatItCannotWriteAsText(t *testing.T) {
	for name, change := range map[string]func(s *scenario.Scenario){
		"a folded text changed": func(s *scenario.Scenario) { s.Metadata.Description = "Other\ntext.\n" },
		"a name over two lines": func(s *scenario.Scenario) { s.Issues[1].Name = "J,\nthe second" },
	} {
		if out, ok := editOver(t, "t.yaml", editCase, change); ok {
			t.Errorf("%s: written as text:\n%s", name, out)
		}
	}
}

// A JSON file: a value replaced as JSON writes it, a removed field's text
// cut from its comma, every other byte kept.
func TestEditOverKeepsAJSONFile(t *testing.T) {
	in := `{
  "metadata": {"id": "t", "title": "T"},
  "issues": [{"id": "i", "name": "I"}],
  "actors": [{"id": "x", "name": "X", "capability": 1, "capability_assumed": "t"},
             {"id": "y", "name": "Y", "capability": 1, "capability_assumed": "t"}],
  "stances": [{"actor": "x", "issue": "i", "position": 10, "salience": 0.5, "assumed": "t", "note": "x's"},
              {"actor": "y", "issue": "i", "position": 90, "salience": 0.5, "assumed": "t"}]
}
`
	got, ok := editOver(t, "t.json", in, func(s *scenario.Scenario) {
		s.Metadata.Title = "A \"T\""
		s.Stances[0].Note = ""
		s.Stances[1].Salience = 0.75
	})
	want := strings.Replace(strings.Replace(strings.Replace(in, `"title": "T"`, `"title": "A \"T\""`, 1), `, "note": "x's"`, "", 1), `"salience": 0.5, "assumed": "t"}]`, `"salience": 0.75, "assumed": "t"}]`, 1)
	if !ok || got != want {
		t.Errorf("ok %v, got\n%s\nwant\n%s", ok, got, want)
	}
}
