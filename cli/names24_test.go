package cli

import (
	"testing"

	"parley/answer"
)

// A proposal's package, as the table and the narrow layout print it,
// names each issue by name (docs/DECISIONS.md, "names24"); the CSV, whose
// cells a program reads back, keeps the ids. By hand: the transit case's
// city_share is "City share of operating subsidy".
func TestProposalPackageNamesIssues(t *testing.T) {
	sc := &answer.Scenario{Issues: []answer.Issue{{ID: "city_share", Name: "City share of operating subsidy"}, {ID: "fare", Name: "Fare increase (cents)"}}}
	p := answer.ProposalVerdicts{Package: []answer.ProposalValue{{Issue: "city_share", Text: "25.0 (25% (a quarter))"}}, Open: []string{"fare"}}
	if got, want := proposalPackage(sc, p), "City share of operating subsidy 25.0 (25% (a quarter))"; got != want {
		t.Errorf("package %q, want %q", got, want)
	}
	if got, want := proposalOpen(sc, p), "Fare increase (cents)"; got != want {
		t.Errorf("open %q, want %q", got, want)
	}
	if got, want := packageKeys(p), "city_share 25.0 (25% (a quarter))"; got != want {
		t.Errorf("csv package %q, want %q", got, want)
	}
}
