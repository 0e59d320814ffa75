package cli

import (
	"strings"
	"testing"

	"parley/answer"
)

// deal search on ask/testdata/contract.yaml (a contract of 1, 2, 3 or 5
// years, discrete): the Nash and balanced packages, 3.45 at the search,
// are printed at 5 years, each followed by the answer's sentence of its
// restatement and the yes it lost (ask.TestSearchRestatesDiscreteIssue
// derives them); the JSON carries the same words.
func TestDealSearchPrintsRestatement(t *testing.T) {
	var a answer.DealSearch
	runJSON(t, &a, "deal", "search", "../ask/testdata/contract.yaml")
	if a.Result.Nash == nil || a.Result.Nash.Restated == nil || a.Result.Balanced == nil || a.Result.Balanced.Restated == nil {
		t.Fatalf("the JSON's Nash and balanced packages are not restated: %+v", a.Result)
	}
	out, stderr, code := run(t, "-q", "deal", "search", "../ask/testdata/contract.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, pk := range []*answer.DealPackage{a.Result.Nash, a.Result.Balanced} {
		text := pk.Restated.Text
		if !strings.Contains(text, "Contract length: 5 years (the search's 3.45, restated at an option)") || !strings.Contains(text, "The rounding lost Firm's yes") {
			t.Errorf("the JSON's restatement reads %q", text)
		}
		if !strings.Contains(flat, text) {
			t.Errorf("the command line does not print %q:\n%s", text, out)
		}
	}
	if !strings.Contains(out, "│ Contract length │ 5.00 │ 5 years (5.00) │     5.00 │ 3.30–3.60     │") {
		t.Errorf("the Nash table does not give 5 years:\n%s", out)
	}
}
