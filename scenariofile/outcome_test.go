package scenariofile

import (
	"strings"
	"testing"
)

const outcomeDoc = `metadata:
  id: o
  title: Outcomes
  as_of: 2025-01-01
  sources:
    - {id: memo, file: memo.txt}
issues:
  - id: budget
    name: Budget
actors:
  - {id: a, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: budget, position: 10, salience: 1, assumed: "a guess"}
outcomes:
  - issue: budget
    value: 40
    date: 2025-03-01
    evidence: [{source: memo, quote: "They settled on 40"}]
`

// An outcomes section is read, validated and written back unchanged.
func TestOutcomesRoundTrip(t *testing.T) {
	s, ds := Parse("o.yaml", []byte(outcomeDoc))
	if err := ds.Err(true); err != nil {
		t.Fatal(err)
	}
	if len(s.Outcomes) != 1 || s.Outcomes[0].Value != 40 || s.Outcomes[0].Date != "2025-03-01" || s.Outcomes[0].Evidence[0].Quote != "They settled on 40" {
		t.Fatalf("outcomes %+v", s.Outcomes)
	}
	out, err := Marshal(s, "yaml")
	if err != nil {
		t.Fatal(err)
	}
	again, ds := Parse("o2.yaml", out)
	if err := ds.Err(true); err != nil || len(again.Outcomes) != 1 || again.Outcomes[0].Evidence[0].Source != "memo" {
		t.Fatalf("round trip: %v %+v\n%s", err, again.Outcomes, out)
	}
}

// Each bad outcome is reported at its line with what would be valid.
func TestOutcomesErrors(t *testing.T) {
	bad := strings.Replace(outcomeDoc, `  - issue: budget
    value: 40
    date: 2025-03-01
    evidence: [{source: memo, quote: "They settled on 40"}]
`, `  - issue: budget
    value: 140
    date: March
    evidence: []
  - issue: budgte
    value: 1
    date: 2025-03-01
    evidence: [{source: memo, quote: "q"}]
    weight: 2
`, 1)
	_, ds := Parse("o.yaml", []byte(bad))
	got := ds.Error()
	for _, want := range []string{
		// Lines: outcomes: is line 14, the first outcome 15–18, the second 19–23.
		"o.yaml:16:12: outcomes[0].value: the outcome's value 140 is outside the scale (valid: a number from 0 to 100 (the scale of issue budget))",
		"o.yaml:17:11: outcomes[0].date: \"March\" is not a date (valid: a date YYYY-MM-DD)",
		"o.yaml:18:5: outcomes[0].evidence: an outcome needs evidence",
		"o.yaml:19:12: outcomes[1].issue: unknown issue \"budgte\"",
		"o.yaml:23:5: outcomes[1].weight: unknown field \"weight\" (valid: one of issue, value, date, note, evidence)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}
