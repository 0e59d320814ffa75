package scenariofile

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"parley/fuzzbudget"
	"parley/scenario"

	"go.yaml.in/yaml/v3"
)

// parseBudget is what reading one fuzzed file may cost: what the alias
// limit lets a small file expand to (MaxAliasExpansion values, some 35 MB
// of allocations) plus an amount per byte, so that an explosion (finding
// 1 of issue 14: 5 GB for 300 KB) fails the fuzzer.
var parseBudget = fuzzbudget.Budget{FixedBytes: 48 << 20, BytesPerByte: 2048, FixedTime: 5 * time.Second, TimePerByte: 20 * time.Microsecond}

// FuzzParse checks that Parse never panics (it recovers, so a recovered
// panic shows as an "internal error" diagnostic and fails here), that every
// diagnostic has a message and the file name, and that an error-free
// scenario round-trips through Marshal in both formats.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	broken, _ := filepath.Glob("testdata/broken/*.*")
	for _, p := range append(files, broken...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(ok))
	f.Add([]byte(edit(map[int]string{9: "  - {actor: a, issue: cf, postion: abc}"})))
	f.Add([]byte(ok + "variants: [{id: v, remove_actors: [a], stances: [{actor: a, issue: cf, position: 1}]}]\n"))
	f.Add([]byte(capDoc))
	f.Add([]byte(redDoc))
	f.Add([]byte("{}"))
	f.Add([]byte("metadata: &a [*a]\n"))
	f.Add([]byte("metadata: [\n  {id: 'it''s', t: \"a\\\"\", x: |\n    [\n"))
	f.Add([]byte("# top\nmetadata:\n  id: x\n title: y\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s *scenario.Scenario
		var ds scenario.Diagnostics
		fuzzbudget.Check(t, parseBudget, len(data), func() {
			Detect(data)
			s, ds = Parse("fuzz.yaml", data)
		})
		for _, d := range ds {
			if strings.TrimSpace(d.Message) == "" {
				t.Errorf("diagnostic without a message: %+v", d)
			}
			if strings.HasPrefix(d.Message, "internal error") {
				t.Fatalf("Parse panicked: %s", d)
			}
			if d.File != "fuzz.yaml" {
				t.Errorf("diagnostic without the file name: %+v", d)
			}
		}
		if s == nil {
			if ds.Err(false) == nil {
				t.Fatalf("nil scenario without an error: %v", ds)
			}
			return
		}
		if ds.Err(false) != nil {
			return
		}
		for _, format := range []string{"yaml", "json"} {
			out, err := Marshal(s, format)
			if err != nil {
				t.Fatalf("Marshal %s of a valid scenario: %v", format, err)
			}
			again, ds2 := Parse("again", out)
			if ds2.Err(false) != nil {
				t.Fatalf("%s: re-parsing a valid scenario: %v\n%s", format, ds2, out)
			}
			if !reflect.DeepEqual(again, s) {
				t.Fatalf("%s round trip differs:\n got %#v\nwant %#v\n%s", format, again, s, out)
			}
		}
	})
}

func TestSeedFiles(t *testing.T) {
	for _, p := range []string{"testdata/valid.yaml", "testdata/valid.json"} {
		if _, ds, err := Load(p); err != nil || len(ds) != 0 {
			t.Errorf("%s: %v %v", p, err, ds)
		}
	}
	// The broken example reports each of its problems, with lines.
	_, ds, err := Load("testdata/broken/typos.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds.Errors(false) {
		got = append(got, d.Path+"@"+strconv.Itoa(d.Line))
	}
	want := []string{
		"issues[0].anchors[2].value@10",
		"issues[1].id@11",
		"actors[0].capability@14",
		"actors[0].capability_range@14",
		"actors[1].capabilty@15",
		"stances[0].postion@17",
		"stances[1].position@18",
		"stances[1].salience@18",
		"stances[2].actor@19",
		"stances[2].issue@19",
		"snapshots[0].date@21",
		"snapshots[0].stances[0].salience@22",
		"variants[0].remove_actors[0]@25",
		"variants[0].add_actors[0].capability@26",
		"variants[1].id@27",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("broken/typos.yaml errors:\n got %v\nwant %v\n%v", got, want, ds)
	}
}

// FuzzRoundTrip checks Parse(Marshal(s)) == s for scenarios whose texts and
// numbers are arbitrary: quoting, multi-line text, numbers that look like
// text and text that looks like numbers, dates or booleans.
func FuzzRoundTrip(f *testing.F) {
	f.Add("t", "Title", "no", "2025-01-01", "a\nb", 50.0, 0.5, 1e6)
	f.Add("123", "yes", "  lead", "1:20", "#x", 0.1, 1.0, 1e-9)
	f.Add("a: b", "- x", "{y}", "~", "line\n  indented\n", 100.0, 0.0, 3.0)
	f.Fuzz(func(t *testing.T, id, title, label, note, quote string, pos, sal, capability float64) {
		for _, text := range []string{id, title, label, note, quote} {
			// Each text on its own: invalid pieces can concatenate into
			// valid UTF-8. Marshal rightly refuses invalid text.
			if !utf8.ValidString(text) {
				return
			}
			// Nor may a text hold a control character the parser
			// refuses in some field (scenario.BadRune, strictest kind; its
			// own tests).
			if at, _ := scenario.BadRune(text, "id-length"); at >= 0 {
				return
			}
		}
		s := rich()
		s.Metadata.Title = title
		s.Metadata.Description = note
		s.Issues[0].Anchors[1].Label = label
		s.Actors[2].ID, s.Actors[2].Name, s.Actors[2].Capability = id, quote, capability
		s.Stances[3].Actor, s.Stances[3].Note = id, note
		s.Stances[0].Position, s.Stances[0].Salience = pos, sal
		s.Stances[0].Range = nil
		s.Stances[0].Evidence[1].Quote = quote
		s.Variants[1].Description = label
		s.Actors[2].RedLines = map[string]string{"cf": ">= 0", "tax": "<= " + strconv.FormatFloat(1e6, 'g', -1, 64)}
		if s.Validate().Err(false) != nil {
			return
		}
		// Read back within limits that admit every text: the property is
		// the round trip. A text over a default limit (a 3,769-byte label,
		// found by the fuzzer) is written as it is and refused on reading
		// by its limit's own error, which says how to raise it (the
		// limits' tests).
		lim := scenario.DefaultLimits()
		lim.IDLength, lim.NameLength, lim.TextLength = 1<<20, 1<<20, 1<<20
		for _, format := range []string{"yaml", "json"} {
			out, err := Marshal(s, format)
			if err != nil {
				t.Fatalf("Marshal %s: %v", format, err)
			}
			got, ds := ParseLimits("again", out, lim)
			if ds.Err(false) != nil {
				t.Fatalf("%s: %v\n%s", format, ds, out)
			}
			if !reflect.DeepEqual(got, s) {
				t.Fatalf("%s round trip differs:\n%s", format, out)
			}
		}
	})
}

// FuzzSourcesOver checks the text edit of `parley sources add`
// (SourcesOver, without its guard against a panic) on any scenario file
// that reads without error: with a source added after the file's own and
// the first source's sha256 changed, it must not panic, must stay within
// parseBudget (counted at three times the input: it reads the file
// twice and the text it made once, as FuzzEditOver), and, where it says the edit
// was made, the text it made must read as the file with those sources,
// end in a line break exactly when the original does and, for YAML, hold
// every line of the original in order but those the change may rewrite.
func FuzzSourcesOver(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, strings.HasSuffix(p, ".json"))
	}
	f.Add([]byte(sourcesOverCase("  sources: []   # none yet\n")), false)
	f.Add([]byte(sourcesOverCase("  sources:\n    - id: b\n      publisher: P\n    # more to come\n")), false)
	f.Add([]byte(sourcesOverCase("  as_of: 2026-11-01   # the date\n\n# issues next\n")), false)
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		name := "fuzz.yaml"
		if isJSON {
			name = "fuzz.json"
		}
		want, ds := ParseLimits(name, data, scenario.Limits{})
		if want == nil || ds.Err(false) != nil {
			return
		}
		srcs := slices.Clone(want.Metadata.Sources)
		if len(srcs) > 0 {
			srcs[0].SHA256 = strings.Repeat("ab", 32)
		}
		srcs = append(srcs, scenario.Source{ID: "fuzz-new", Title: "A: new, 'quoted'", File: "src/new.txt", SHA256: strings.Repeat("cd", 32)})
		want.Metadata.Sources = srcs
		var out []byte
		var ok bool
		fuzzbudget.Check(t, parseBudget, 3*len(data), func() {
			out, ok = sourcesText(name, data, want, scenario.Limits{})
		})
		if !ok {
			return
		}
		got, ds := ParseLimits(name, out, scenario.Limits{})
		if got == nil || ds.Err(false) != nil || !reflect.DeepEqual(got.Metadata.Sources, srcs) {
			t.Fatalf("the edit does not read as the file with its new sources: %v\n%s", ds, out)
		}
		if strings.HasSuffix(string(data), "\n") != strings.HasSuffix(string(out), "\n") {
			t.Fatalf("the final line break changed:\n%q\n%q", data, out)
		}
		if isJSON {
			return // a JSON field gained puts a comma on the line before it
		}
		// Every line of the original is in the text made, in order, but
		// those a source's change may rewrite: its sha256's, and a flow
		// collection's, which gains items or fields inside its brackets.
		lines := strings.Split(string(out), "\n")
		at := 0
		for _, l := range strings.Split(string(data), "\n") {
			if strings.Contains(l, "sha256") || strings.ContainsAny(l, "{}[]") {
				continue
			}
			for at < len(lines) && lines[at] != l {
				at++
			}
			if at == len(lines) {
				t.Fatalf("the line %q of the original is not in the text made, in order:\n%s", l, out)
			}
			at++
		}
	})
}

// FuzzEditOver checks the text edit of the server's saves and ingest
// apply (EditOver, without its guard against a panic) on any scenario
// file that reads without error, with the changes op picks: the first
// stance's position changed, its note removed or set, a stance appended,
// the first actor removed, the title changed. It must not panic, must
// stay within parseBudget (it reads the file three times: its tree, its
// scenario and the text made), and, where it says the edit was made, the
// text it made must read as exactly the changed scenario and end in a
// line break exactly when the original does.
func FuzzEditOver(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, strings.HasSuffix(p, ".json"), uint8(0xff))
	}
	f.Add([]byte(editCase), false, uint8(1))
	f.Add([]byte(editCase), false, uint8(0x18))
	f.Add([]byte(sourcesOverCase("  as_of: 2026-11-01   # the date\n\n# issues next\n")), false, uint8(0x6))
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool, op uint8) {
		name := "fuzz.yaml"
		if isJSON {
			name = "fuzz.json"
		}
		want, ds := ParseLimits(name, data, scenario.Limits{})
		if want == nil || ds.Err(false) != nil {
			return
		}
		if len(want.Stances) > 0 {
			st := &want.Stances[0]
			if op&1 != 0 {
				st.Position += 7.5
			}
			if op&2 != 0 {
				if st.Note == "" {
					st.Note = "a note: new, 'quoted'"
				} else {
					st.Note = ""
				}
			}
			if op&4 != 0 {
				c := *st
				c.Evidence, c.Range = nil, nil
				want.Stances = append(want.Stances, c)
			}
		}
		if op&8 != 0 && len(want.Actors) > 1 {
			want.Actors = want.Actors[1:]
		}
		if op&16 != 0 {
			want.Metadata.Title += " (edited)"
		}
		// The parts of the file the edit may touch: the first and last
		// stance (a changed position or note, a stance added after the
		// last), the actors (one removed: the list is matched by
		// position, so every item may change) and the title.
		var touch [][]string
		if len(want.Stances) > 0 && op&7 != 0 {
			touch = append(touch, []string{"stances", "0"}, []string{"stances", "-1"})
		}
		if op&8 != 0 && len(want.Actors) > 0 {
			touch = append(touch, []string{"actors"})
		}
		if op&16 != 0 {
			touch = append(touch, []string{"metadata", "title"})
		}
		var out []byte
		var ok bool
		fuzzbudget.Check(t, parseBudget, 3*len(data), func() {
			out, ok = editText(name, data, nil, want, scenario.Limits{})
		})
		if !ok {
			return
		}
		got, _ := ParseLimits(name, out, scenario.Limits{})
		if got == nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("the edit does not read as the changed scenario:\n%s", out)
		}
		if strings.HasSuffix(string(data), "\n") != strings.HasSuffix(string(out), "\n") {
			t.Fatalf("the final line break changed:\n%q\n%q", data, out)
		}
		if err := keepsUntouched(data, out, touch); err != nil {
			t.Fatalf("%v\noriginal:\n%s\nedited:\n%s", err, data, out)
		}
	})
}

// keepsUntouched checks that every line of original outside the parts
// of it that paths name (touchedLines) is in edited byte for byte, each
// run of such lines together and the runs in their order: an edit
// changes the text of what it changes and nothing else. A file the YAML
// reader does not take as one mapping is not checked (EditOver does not
// edit it).
func keepsUntouched(original, edited []byte, paths [][]string) error {
	touched, ok := touchedLines(original, paths)
	if !ok {
		return nil
	}
	was := strings.SplitAfter(string(original), "\n")
	now := strings.SplitAfter(string(edited), "\n")
	at := 0 // where in now the next run of untouched lines is looked for
	for i := 0; i < len(was); {
		if touched[i+1] || was[i] == "" {
			i++
			continue
		}
		j := i
		for j < len(was) && !touched[j+1] {
			j++
		}
		run := was[i:j]
		found := -1
		for k := at; k+len(run) <= len(now); k++ {
			if slices.Equal(now[k:k+len(run)], run) {
				found = k
				break
			}
		}
		if found < 0 {
			return fmt.Errorf("lines %d to %d of the original, which the edit does not touch (%v), are not in the edited file as they were, in order:\n%s", i+1, j, paths, strings.Join(run, ""))
		}
		at, i = found+len(run), j
	}
	return nil
}

// touchedLines is the set of lines (from 1) of a scenario file's text
// that the parts paths name may take: a path is keys of mappings and
// indexes of lists from the file's top ("-1" the last item), and the
// part it names runs from the line its key (or item) starts on to the
// line before what follows it in its mapping or list, or in an enclosing
// one (the comments and blank lines after it, and a flow collection's
// closing bracket, are taken with it). A path the file lacks takes what
// holds the missing part (a field added goes in its map). ok is false
// when the text is not one YAML document holding a mapping.
func touchedLines(data []byte, paths [][]string) (map[int]bool, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, false
	}
	lines := strings.Count(string(data), "\n") + 1
	touched := map[int]bool{}
	for _, path := range paths {
		n, from, to := doc.Content[0], 1, lines
		for _, k := range path {
			// starts are the lines the parts of n start on, in order;
			// part is the one k names.
			var starts []int
			var parts []*yaml.Node
			part := -1
			switch n.Kind {
			case yaml.MappingNode:
				for i := 0; i+1 < len(n.Content); i += 2 {
					starts, parts = append(starts, n.Content[i].Line), append(parts, n.Content[i+1])
					if n.Content[i].Value == k {
						part = i / 2
					}
				}
			case yaml.SequenceNode:
				for _, c := range n.Content {
					starts, parts = append(starts, c.Line), append(parts, c)
				}
				if i, err := strconv.Atoi(k); err == nil && i < len(parts) {
					part = i
					if i < 0 {
						part = len(parts) + i
					}
				}
			}
			if part < 0 {
				break
			}
			from = starts[part]
			if part+1 < len(starts) {
				to = max(from, starts[part+1]-1)
			}
			n = parts[part]
		}
		for l := from; l <= to; l++ {
			touched[l] = true
		}
	}
	return touched, true
}
