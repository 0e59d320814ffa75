package scenariofile

import (
	"strings"
	"testing"
)

// discreteDoc is ok with the issue tax made discrete (line 4): its
// options are 2 and 8 years, the only values a proposal may give it.
func discreteDoc(tax string, more ...string) string {
	return edit(map[int]string{4: tax}) + strings.Join(more, "\n")
}

const discreteTax = `  - {id: tax, name: Tax, scale: {min: 0, max: 10}, discrete: true, anchors: {2: "two years", 8: "eight years"}}`

// A discrete issue reads as such, and a scenario written back keeps it.
func TestDiscreteIssueReadAndWritten(t *testing.T) {
	s, ds := Parse("d.yaml", []byte(discreteDoc(discreteTax)))
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if !s.Issues[1].Discrete || s.Issues[0].Discrete {
		t.Fatalf("discrete: cf %v, tax %v; want false, true", s.Issues[0].Discrete, s.Issues[1].Discrete)
	}
	for _, format := range []string{"yaml", "json"} {
		b, err := Marshal(s, format)
		if err != nil {
			t.Fatal(err)
		}
		back, ds := Parse("back."+format, b)
		if len(ds) > 0 || !back.Issues[1].Discrete || back.Issues[0].Discrete {
			t.Fatalf("%s written and read again: discrete %v, %v (%v)\n%s", format, back.Issues[0].Discrete, back.Issues[1].Discrete, ds, b)
		}
		if strings.Count(string(b), "discrete") != 1 {
			t.Errorf("the written %s says discrete %d times, want once (the default false left out):\n%s", format, strings.Count(string(b), "discrete"), b)
		}
	}
}

// A discrete issue needs two options at least: the refusal names the
// file, the line and the field, and says what is valid.
func TestDiscreteIssueNeedsTwoOptions(t *testing.T) {
	for name, tc := range map[string]struct{ line, want string }{
		"one option": {`  - {id: tax, name: Tax, scale: {min: 0, max: 10}, discrete: true, anchors: {2: "two years"}}`, "issue tax has 1 option"},
		"no option":  {`  - {id: tax, name: Tax, scale: {min: 0, max: 10}, discrete: true}`, "issue tax has 0 options"},
	} {
		_, ds := Parse("d.yaml", []byte(discreteDoc(tc.line)))
		if len(ds) != 1 {
			t.Fatalf("%s: %d diagnostics, want 1: %v", name, len(ds), ds)
		}
		d := ds[0]
		want := "d.yaml:4:62: issues[1].discrete: a discrete issue takes only its options, and " + tc.want + " (valid: at least two anchors (the issue's options) on a discrete issue, or discrete: false (any value on the scale))"
		if d.Warning || d.String() != want {
			t.Errorf("%s:\n got %s\nwant %s", name, d, want)
		}
	}
}

// discrete takes true or false, nothing else.
func TestDiscreteIsTrueOrFalse(t *testing.T) {
	_, ds := Parse("d.yaml", []byte(discreteDoc(`  - {id: tax, name: Tax, scale: {min: 0, max: 10}, discrete: yes please, anchors: {2: a, 8: b}}`)))
	if len(ds) != 1 || ds[0].Path != "issues[1].discrete" || ds[0].Line != 4 || ds[0].Valid != "true or false" {
		t.Fatalf("diagnostics %v, want one at issues[1].discrete line 4, valid: true or false", ds)
	}
}

// A proposal's value on a discrete issue must be one of its options: the
// refusal names the proposal, the issue and the options.
func TestProposalOffDiscreteOptions(t *testing.T) {
	doc := discreteDoc(discreteTax,
		`proposals:`,
		`  - {id: mid, name: Midway, date: 2025-01-01, assumed: x, package: {tax: 5}}`,
		`  - {id: long, name: Long, date: 2025-01-01, assumed: x, package: {tax: 8}}`, "")
	_, ds := Parse("d.yaml", []byte(doc))
	if len(ds) != 1 {
		t.Fatalf("%d diagnostics, want 1: %v", len(ds), ds)
	}
	want := "d.yaml:13:74: proposals[0].package.tax: proposal mid gives Tax the value 5, which is not one of its options: Tax is a discrete issue (discrete: true), whose only outcomes are its options (valid: one of 2 (two years) or 8 (eight years))"
	if got := ds[0].String(); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}
