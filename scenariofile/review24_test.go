package scenariofile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// review24 parses a file of the review of input24 (testdata/review24, a
// copy of the user's transit case with one fault each) and returns its
// errors as the CLI prints them.
func review24(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "review24", name))
	if err != nil {
		t.Fatal(err)
	}
	_, ds := Parse(name, data)
	var out []string
	for _, d := range ds.Errors(false) {
		out = append(out, d.String())
	}
	return out
}

func oneError(t *testing.T, got []string, want string) {
	t.Helper()
	if len(got) != 1 || got[0] != want {
		t.Errorf("errors:\n%s\nwant only:\n%s", strings.Join(got, "\n"), want)
	}
}

// A reversed scale is one error: the positions, ranges, red lines and
// proposal values on its issue are not checked against a scale that
// holds no number (they were nine more errors, each with the "valid"
// range 60 to -10).
func TestReversedScaleIsOneError(t *testing.T) {
	oneError(t, review24(t, "negscale.yaml"),
		"negscale.yaml:24:5: issues[0].scale: scale 60 to -10 is empty (valid: min < max, both finite)")
}

// The issues whose scale is sound keep every check: a position off the
// tax scale is reported beside the broken cf scale, while nothing on cf
// (a stance, its range, a red line, a proposal, a snapshot's and a
// variant's stance, an outcome) is.
func TestBrokenScaleKeepsOtherIssuesChecks(t *testing.T) {
	doc := `metadata: {id: t, title: T, as_of: 2025-01-01, sources: [{id: s}]}
issues:
  - {id: cf, name: Ceasefire, scale: {min: 100, max: 0}}
  - {id: tax, name: Tax, scale: {min: 0, max: 10}}
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t, red_lines: {cf: ">= 150"}}
  - {id: b, name: B, capability: 2, capability_assumed: t}
stances:
  - {actor: a, issue: cf, position: 10, salience: 0.5, assumed: x, range: {position: [5, 20]}}
  - {actor: b, issue: cf, position: 90, salience: 0.5, assumed: x}
  - {actor: a, issue: tax, position: 50, salience: 0.5, assumed: x}
proposals:
  - {id: p, name: P, date: 2025-01-01, package: {cf: 40}, assumed: x}
snapshots:
  - {date: 2025-02-01, stances: [{actor: a, issue: cf, position: 20, assumed: x}]}
variants:
  - {id: v, name: V, stances: [{actor: b, issue: cf, position: 80, assumed: x}]}
outcomes:
  - {issue: cf, value: 30, date: 2025-03-01, evidence: [{source: s, quote: q}]}
`
	_, ds := Parse("c.yaml", []byte(doc))
	var got []string
	for _, d := range ds.Errors(false) {
		got = append(got, d.String())
	}
	want := []string{
		"c.yaml:3:31: issues[0].scale: scale 100–0 is empty (valid: min < max, both finite)",
		"c.yaml:11:38: stances[2].position: position 50 is outside the scale (valid: a number from 0 to 10 (the scale of issue tax))",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A number field given as .inf or .nan is "not a finite number", with
// what would be valid for that field; never "not positive" or "outside
// the scale" for a number that is no number at all.
func TestNonFiniteNumbers(t *testing.T) {
	cases := []struct {
		line int
		text string
		want string
	}{
		{6, "  - {id: a, name: A, capability: .inf, capability_assumed: t}",
			"c.yaml:6:34: actors[0].capability: capability +Inf is not a finite number (valid: a positive finite number, from 1e-9 to 1e12)"},
		{6, "  - {id: a, name: A, capability: .nan, capability_assumed: t}",
			"c.yaml:6:34: actors[0].capability: capability NaN is not a finite number (valid: a positive finite number, from 1e-9 to 1e12)"},
		{6, "  - {id: a, name: A, capability: 1, capability_range: [1, .inf], capability_assumed: t}",
			"c.yaml:6:37: actors[0].capability_range: range [1, +Inf] is not a finite interval (valid: [low, high], two finite numbers with 0 < low ≤ high)"},
		{9, "  - {actor: a, issue: cf, position: .nan, salience: 0.5, assumed: x}",
			"c.yaml:9:37: stances[0].position: position NaN is not a finite number (valid: a finite number from 0 to 100 (the scale of issue cf))"},
		{9, "  - {actor: a, issue: cf, position: 10, salience: -.inf, assumed: x}",
			"c.yaml:9:51: stances[0].salience: salience -Inf is not a finite number (valid: a finite number from 0 to 1 (metadata.salience_scale))"},
		{9, "  - {actor: a, issue: cf, position: 10, salience: 0.5, assumed: x, range: {position: [.nan, 20]}}",
			"c.yaml:9:76: stances[0].range.position: range [NaN, 20] is not a finite interval (valid: [low, high], two finite numbers with low ≤ high)"},
		{4, "  - {id: tax, name: Tax, scale: {min: 0, max: .inf}}",
			"c.yaml:4:26: issues[1].scale: scale 0–+Inf is not finite (valid: min < max, both finite)"},
		{4, "  - {id: tax, name: Tax, scale: {min: 0, max: 10}, reference: .nan}",
			"c.yaml:4:63: issues[1].reference: reference point NaN is not a finite number (valid: a finite number from 0 to 10)"},
		{4, "  - {id: tax, name: Tax, scale: {min: 0, max: 10}, anchors: [{value: .inf, label: all}]}",
			"c.yaml:4:70: issues[1].anchors[0].value: anchor +Inf is not a finite number (valid: a finite number from 0 to 10)"},
		{6, "  - {id: a, name: A, capability: 1, capability_assumed: t, reservation: .nan, reservation_assumed: t}",
			"c.yaml:6:73: actors[0].reservation: reservation NaN is not a finite number (valid: a finite utility from 0 to 1)"},
		{4, "  - {id: tax, name: Tax, scale: {min: 0, max: 10}, decision: {rule: qmv, quota: 1, weights: {a: .inf, b: 1}}}",
			"c.yaml:4:97: issues[1].decision.weights.a: weight +Inf is not a finite number (valid: a finite number from 0 to 1e12)"},
	}
	for _, c := range cases {
		_, ds := Parse("c.yaml", []byte(edit(map[int]string{c.line: c.text})))
		var got []string
		for _, d := range ds.Errors(false) {
			got = append(got, d.String())
		}
		oneError(t, got, c.want)
	}
}

// A file with a byte that is not UTF-8 is refused at the line and
// column of that byte, with its offset in the file: yaml.v3 named none.
func TestInvalidUTF8NamesItsLine(t *testing.T) {
	oneError(t, review24(t, "badutf8.yaml"),
		"badutf8.yaml:64:17: the byte 0xFF (at byte offset 2387) is not UTF-8 (valid: a file saved as UTF-8 text)")
	_, ds := Parse("j.json", []byte("{\"metadata\": {\"id\": \"t\",\n \"title\": \"a\xe9b\"}}"))
	if len(ds) != 1 || ds[0].String() != "j.json:2:13: the byte 0xE9 (at byte offset 37) is not UTF-8 (valid: a file saved as UTF-8 text)" {
		t.Errorf("JSON: %v", ds)
	}
	_, ds = Parse("u.yaml", []byte("\xff\xfem\x00e\x00"))
	if len(ds) != 1 || ds[0].String() != "u.yaml:1:1: the file is UTF-16 (it opens with the byte-order mark 0xFF 0xFE) (valid: a file saved as UTF-8 text)" {
		t.Errorf("UTF-16: %v", ds)
	}
}

// An empty package's example is an issue of the file, with a point of
// its scale (its first option), not an issue of the built-in case.
func TestEmptyPackageExampleIsTheFilesIssue(t *testing.T) {
	oneError(t, review24(t, "prop_empty.yaml"),
		"prop_empty.yaml:185:5: proposals[0].package: the proposal decides no issue (valid: a value for each issue the proposal decides, e.g. {city_share: 20})")
}

// An id typed with a Cyrillic "с" is told so: the suggestion differs
// from it only by a look-alike letter, which the message names.
func TestConfusableActorIsNamed(t *testing.T) {
	oneError(t, review24(t, "confusable.yaml"),
		`confusable.yaml:85:12: stances[1].actor: unknown actor "сity" (did you mean "city"? "сity" has the non-ASCII letter "с" (U+0441, Cyrillic) at 1) (valid: one of city, rta, state, union)`)
}

// A proposal with no name is shown a name in the file's own words
// (input25): one of its values, by its option's label where one lies
// there, not the built-in case's “30-day ceasefire (Jeddah)”.
func TestMissingNameExampleIsTheFilesOwn(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "review25", "prop_noname.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, ds := Parse("prop_noname.yaml", data)
	var got []string
	for _, d := range ds.Errors(false) {
		if strings.Contains(d.Path, ".name") {
			got = append(got, d.String())
		}
	}
	want := []string{
		"prop_noname.yaml:181:5: proposals[0].name: missing (valid: a short name such as “City share of operating subsidy: 30% (council ceiling)”)",
		"prop_noname.yaml:186:5: proposals[1].name: missing (valid: a short name such as “Fare increase (cents): +25c”)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
