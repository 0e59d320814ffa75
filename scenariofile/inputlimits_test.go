package scenariofile

import (
	"fmt"
	"strings"
	"testing"

	"parley/scenario"
)

// ofActors is a scenario with n actors and one issue, on which the first
// has a stance, in YAML or in JSON.
func ofActors(n int, json bool) string {
	var b strings.Builder
	if json {
		b.WriteString(`{"metadata": {"id": "t", "title": "T", "as_of": "2025-01-01"},` + "\n" + `"issues": [{"id": "i", "name": "I"}],` + "\n" + `"actors": [`)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, `{"id": "a%d", "name": "A", "capability": 1}`, i)
		}
		b.WriteString("],\n" + `"stances": [{"actor": "a0", "issue": "i", "position": 50, "salience": 1, "assumed": "x"}]}`)
		return b.String()
	}
	b.WriteString("metadata: {id: t, title: T, as_of: 2025-01-01}\nissues: [{id: i, name: I}]\nstances: [{actor: a0, issue: i, position: 50, salience: 1, assumed: x}]\nactors:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - {id: a%d, name: A, capability: 1}\n", i)
	}
	return b.String()
}

// TestCountLimit: a list one over its limit stops reading with one error,
// listed first, naming the list's line, the limit and how to raise it; at
// the limit the file reads. The same in YAML and in JSON (where the lists
// are counted before the file is parsed).
func TestCountLimit(t *testing.T) {
	l := scenario.Limits{Actors: 50}
	for _, json := range []bool{false, true} {
		if _, ds := ParseLimits("ok", []byte(ofActors(50, json)), l); ds.Err(false) != nil {
			t.Fatalf("json %v: 50 actors: %v", json, ds)
		}
		_, ds := ParseLimits("big", []byte(ofActors(51, json)), l)
		if len(ds) == 0 {
			t.Fatalf("json %v: 51 actors read", json)
		}
		d := ds[0]
		// The same words in YAML as in JSON, each list counted whole.
		msg := "51 actors, over the limit actors=50"
		// The list starts on line 5 (YAML: its first item) or line 3 (JSON).
		line := map[bool]int{false: 5, true: 3}[json]
		if d.Path != "actors" || d.Message != msg || d.Line != line || d.Valid != "at most 50 actors in one list; raise it with --limit actors=N (parley serve too)" {
			t.Errorf("json %v: %+v", json, d)
		}
	}
}

// TestPrescanHostileJSON (finding 1 of issue 14): {"actors": [1, 1, …]}
// of two million values is refused by the count before any is parsed:
// one error, on the actors limit. Lists under unknown keys are held to the
// largest limit.
func TestPrescanHostileJSON(t *testing.T) {
	n := 2_000_000
	data := []byte(`{"actors":[` + strings.Repeat("1,", n-1) + "1]}")
	s, ds := Parse("h.json", data)
	if s != nil || len(ds) != 1 || ds[0].Message != "more than 100 of its values are not mappings" {
		t.Fatalf("%v %v", s, ds)
	}
	// As many mappings are refused by the count.
	data = []byte(`{"actors":[` + strings.Repeat("{},", n/3) + "{}]}")
	_, ds = Parse("h.json", data)
	if len(ds) != 1 || ds[0].Message != fmt.Sprintf("%d actors, over the limit actors=10000", n/3+1) {
		t.Fatalf("%v", ds)
	}
	data = []byte(`{"metadata": {"x": [` + strings.Repeat("1,", n-1) + "1]}}")
	_, ds = Parse("h.json", data)
	if len(ds) != 1 || ds[0].Message != "a list of more than 1000000 values, more than any list of a scenario may hold" {
		t.Fatalf("%v", ds)
	}
	// Within the count limits, a list of wrong values is refused at its
	// 101st, not parsed into a million errors (2 MB: 10 s and 770 MB before).
	data = []byte(`{"stances":[` + strings.Repeat("1,", 999_998) + "1]}")
	_, ds = Parse("s.json", data)
	if len(ds) != 1 || ds[0].Path != "stances" || ds[0].Message != "more than 100 of its values are not mappings" {
		t.Fatalf("%v", ds)
	}
	// With 100 of them, the reader lists each.
	data = []byte(`{"metadata": {"id": "t", "title": "T", "as_of": "2025-01-01"}, "issues": [{"id": "i", "name": "I"}], "actors": [], "stances":[` + strings.Repeat("1,", 99) + "1]}")
	_, ds = Parse("s.json", data)
	listed := 0
	for _, d := range ds {
		if strings.HasPrefix(d.Path, "stances[") && d.Message == "expected a mapping, got the number 1" {
			listed++
		}
		if strings.Contains(d.Message, "not mappings") {
			t.Fatalf("refused: %v", d)
		}
	}
	// 100 wrong stances and "no actors": the cap of 100 leaves one out.
	if listed < 99 {
		t.Fatalf("%d listed: %v", listed, ds)
	}
	// Strings with brackets and escaped quotes do not confuse the count.
	data = []byte(`{"metadata": {"id": "t", "title": "a \"[[\" b", "as_of": "2025-01-01"}, "issues": [{"id": "i", "name": "]]"}], "actors": [{"id": "a", "name": "A,,", "capability": 1}], "stances": [{"actor": "a", "issue": "i", "position": 50, "salience": 1, "assumed": "[x]"}]}`)
	if _, ds := ParseLimits("ok.json", data, scenario.Limits{Actors: 1, Issues: 1}); ds.Err(false) != nil {
		t.Fatalf("%v", ds)
	}
}

// TestTextLengthLimits: an id, a name and a text longer than their limits
// are errors of their own, each naming its limit; reading goes on.
func TestTextLengthLimits(t *testing.T) {
	data := strings.Replace(ofActors(2, false), "{id: a1, name: A,", "{id: "+strings.Repeat("x", 300)+", name: "+strings.Repeat("n", 1001)+", description: "+strings.Repeat("d", 11)+",", 1)
	_, ds := ParseLimits("t.yaml", []byte(data), scenario.Limits{TextLength: 10})
	var got []string
	for _, d := range ds.Errors(false) {
		got = append(got, d.Path+": "+d.Message)
	}
	want := []string{
		"actors[1].id: a text of 300 bytes, over the limit id-length=256",
		"actors[1].name: a text of 1001 bytes, over the limit name-length=1000",
		"actors[1].description: a text of 11 bytes, over the limit text-length=10",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBytesLimit: a file over the bytes limit is not parsed.
func TestBytesLimit(t *testing.T) {
	data := []byte(ofActors(3, false))
	_, ds := ParseLimits("b.yaml", data, scenario.Limits{Bytes: int64(len(data) - 1)})
	if len(ds) != 1 || ds[0].Message != fmt.Sprintf("%d bytes, over the limit bytes=%d", len(data), len(data)-1) {
		t.Fatalf("%v", ds)
	}
	if _, ds := ParseLimits("b.yaml", data, scenario.Limits{Bytes: int64(len(data))}); ds.Err(false) != nil {
		t.Fatal(ds)
	}
}

// TestOtherCountLimits: each list is held to its own limit, refused in
// what it counts and how many the list holds (two of each).
func TestOtherCountLimits(t *testing.T) {
	base := "metadata: {id: t, title: T, as_of: 2025-01-01, sources: [{id: s}, {id: s2}]}\nissues: [{id: i, name: I, anchors: {0: a, 50: b}, attrs: {x: y, z: w}}, {id: j, name: J}]\nactors: [{id: a, name: A, capability: 1, aliases: [x, y]}]\nstances: [{actor: a, issue: i, position: 1, salience: 1, evidence: [{source: s, quote: q}, {source: s, quote: r}]}, {actor: a, issue: j, position: 1, salience: 1, assumed: x}]\nsnapshots: [{date: 2025-02-01}, {date: 2025-03-01}]\nvariants: [{id: v}, {id: w}]\nproposals: [{id: p, name: P, date: 2025-01-01, package: {i: 1, j: 2}, proposers: [a, x], assumed: x}, {id: q, name: Q, date: 2025-01-01, package: {i: 2}, assumed: x}]\noutcomes: [{issue: i, value: 1, date: 2025-01-15, evidence: [{source: s, quote: q}]}, {issue: j, value: 2, date: 2025-01-20, evidence: [{source: s, quote: r}]}]\n"
	if _, ds := Parse("o.yaml", []byte(base)); ds.Err(false) != nil {
		t.Fatal(ds)
	}
	for name, what := range map[string]string{"issues": "2 issues", "stances": "2 stances", "snapshots": "2 snapshots", "variants": "2 variants",
		"sources": "2 sources", "anchors": "2 anchors", "evidence": "2 evidence items", "aliases": "2 aliases", "attrs": "2 attributes",
		"proposals": "2 proposals", "outcomes": "2 outcomes"} {
		var l scenario.Limits
		if err := l.Set(name + "=1"); err != nil {
			t.Fatal(err)
		}
		_, ds := ParseLimits("o.yaml", []byte(base), l)
		if len(ds) == 0 || ds[0].Message != what+", over the limit "+name+"=1" {
			t.Errorf("%s=1: %v", name, ds)
		}
	}
}

// TestDecisionLimits: a decision rule's voters and weights are lists of
// actors, bounded by the actors limit, in the reader and in CheckLimits.
func TestDecisionLimits(t *testing.T) {
	for _, c := range []struct{ decision, path string }{
		{"{rule: unanimity, voters: [a, b, c]}", "issues[0].decision.voters"},
		{"{rule: qmv, weights: {a: 1, b: 1, c: 1}, quota: 2}", "issues[0].decision.weights"},
	} {
		doc := "metadata: {id: t, title: T, as_of: 2025-01-01}\nissues: [{id: i, name: I, decision: " + c.decision + "}]\nactors: [{id: a, name: A, capability: 1}, {id: b, name: B, capability: 1}, {id: c, name: C, capability: 1}]\nstances: [{actor: a, issue: i, position: 1, salience: 1, assumed: x}]\n"
		s, ds := Parse("d.yaml", []byte(doc))
		if ds.Err(false) != nil {
			t.Fatal(ds)
		}
		var l scenario.Limits
		if err := l.Set("actors=2"); err != nil {
			t.Fatal(err)
		}
		// The actors list itself is over the limit too; the decision's
		// list is reported at its own path.
		found := false
		for _, d := range s.CheckLimits(l) {
			found = found || (d.Path == c.path && strings.HasPrefix(d.Message, "3 actors, over the limit actors=2"))
		}
		if !found {
			t.Errorf("CheckLimits: no diagnostic at %s in %v", c.path, s.CheckLimits(l))
		}
		// The reader: two actors (within the limit), a decision list of
		// three (the third an unknown actor, refused by the limit first).
		doc2 := strings.Replace(doc, ", {id: c, name: C, capability: 1}", "", 1)
		_, ds = ParseLimits("d.yaml", []byte(doc2), l)
		found = false
		for _, d := range ds {
			found = found || (d.Path == c.path && strings.Contains(d.Message, "3 actors, over the limit actors=2"))
		}
		if !found {
			t.Errorf("ParseLimits: no diagnostic at %s in %v", c.path, ds)
		}
	}
}
