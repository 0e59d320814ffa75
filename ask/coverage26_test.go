package ask

import (
	"parley/answer"
	"testing"
)

// coverage26YAML: France's and Germany's sanctions stances cite the
// United Kingdom's quote (a reading shared across actors); Germany's
// ceasefire quote says it supports the salience too; France's capability
// is assumed, the others' quoted.
const coverage26YAML = `metadata:
  id: c26
  title: Shared quotes
  as_of: 2025-03-01
  sources:
    - {id: s, title: Article (descriptive)}
issues:
  - {id: sanctions, name: Sanctions, scale: {min: 0, max: 100}}
  - {id: ceasefire, name: Ceasefire, scale: {min: 0, max: 100}}
actors:
  - {id: uk, name: United Kingdom, capability: 50, capability_evidence: [{source: s, quote: "the UK's army"}]}
  - {id: fr, name: France, capability: 50, capability_assumed: guess}
  - {id: de, name: Germany, capability: 40, capability_evidence: [{source: s, quote: "Germany's budget"}]}
stances:
  - {actor: uk, issue: sanctions, position: 80, salience: 0.5, evidence: [{source: s, quote: "Europe would continue", date: 2025-02-27}]}
  - {actor: fr, issue: sanctions, position: 80, salience: 0.5, evidence: [{source: s, quote: "Europe would continue", note: Same reading as the United Kingdom.}]}
  - {actor: de, issue: sanctions, position: 80, salience: 0.5, evidence: [{source: s, quote: "Europe would continue"}]}
  - {actor: de, issue: ceasefire, position: 60, salience: 0.8, evidence: [{source: s, quote: "Berlin wants a truce", supports: [position, salience]}]}
`

// TestCoverageCountsText (coverage26, finding 1): every door's coverage
// row says what the quotes support, number by number, a position resting
// only on a quote other actors cite apart. By hand: Germany's two
// positions are quoted, sanctions only by the quote the UK and France
// cite too; its ceasefire salience is quoted; its capability is. Overall
// 4 of 4 positions, 3 of them by the shared quote, 1 salience, 2 of 3
// capabilities.
func TestCoverageCountsText(t *testing.T) {
	in, err := Load("c26.yaml", []byte(coverage26YAML), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, door := range []struct {
		name string
		cov  []answer.Coverage
	}{{"validate", Validate(in).Coverage}, {"evidence", Evidence(in, false).Coverage}} {
		c := door.cov[len(door.cov)-1]
		for _, tc := range []struct{ got, want string }{
			{c.Actors[0].CountsText, "positions: 1 of 1 quoted (1 only by a quote shared with other actors); saliences: 0 of 1 quoted; capability: 1 of 1 quoted"},
			{c.Actors[1].CountsText, "positions: 1 of 1 quoted (1 only by a quote shared with other actors); saliences: 0 of 1 quoted; capability: 0 of 1 quoted"},
			{c.Actors[2].CountsText, "positions: 2 of 2 quoted (1 only by a quote shared with other actors); saliences: 1 of 2 quoted; capability: 1 of 1 quoted"},
			{c.Issues[1].CountsText, "positions: 1 of 1 quoted; saliences: 1 of 1 quoted"},
			{c.Overall.CountsText, "positions: 4 of 4 quoted (3 only by a quote shared with other actors); saliences: 1 of 4 quoted; capabilities: 2 of 3 quoted"},
		} {
			if tc.got != tc.want {
				t.Errorf("%s: %q, want %q", door.name, tc.got, tc.want)
			}
		}
	}
}

// TestEvidenceCardTexts (coverage26, findings 1–3): each card names with
// whom a shared quote is shared, labels its date as the drawer does, and
// without source texts says nothing per card; the answer says once, for
// a reader who cannot start the server, why the quotes were not checked.
func TestEvidenceCardTexts(t *testing.T) {
	in, err := Load("c26.yaml", []byte(coverage26YAML), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e := Evidence(in, false)
	if e.UncheckedText != EvidenceUnchecked {
		t.Errorf("unchecked text %q, want %q", e.UncheckedText, EvidenceUnchecked)
	}
	want := map[string][3]string{ // path: date, shared, found texts
		"stances[0].evidence[0]":           {"quote dated 2025-02-27", "shared with France, Germany", ""},
		"stances[1].evidence[0]":           {"", "shared with United Kingdom, Germany", ""},
		"stances[2].evidence[0]":           {"", "shared with United Kingdom, France", ""},
		"stances[3].evidence[0]":           {"", "", ""},
		"actors[0].capability_evidence[0]": {"", "", ""},
	}
	for _, it := range e.Items {
		w, ok := want[it.Path]
		if !ok {
			continue
		}
		delete(want, it.Path)
		if g := [3]string{it.DateText, it.SharedText, it.FoundText}; g != w {
			t.Errorf("%s: date, shared, found texts %q, want %q", it.Path, g, w)
		}
	}
	for p := range want {
		t.Errorf("no item %s", p)
	}
}
