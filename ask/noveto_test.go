package ask

import (
	"context"
	"os"
	"testing"

	"parley/answer"
)

// TestNoVetoCarried: under decision rules a search whose whole decision
// has no veto player says so in ask's words (no_veto_text), which every
// door prints where the veto players' line would be; with veto players
// it carries their head instead, and without rules neither. On
// cli/testdata/rules.yaml the budget (qmv [3; 2, 1, 1, 1]) and the tax
// (majority of 4) give no actor a place in every winning coalition; on
// rules-mixed.yaml the tax has no rule and every actor is required, so
// every actor has one. The page wrote "No actor has a veto." itself.
func TestNoVetoCarried(t *testing.T) {
	for _, tc := range []struct {
		file       string
		none, head bool
	}{
		{"rules.yaml", true, false},
		{"rules-mixed.yaml", false, true},
		{"contradict.yaml", false, false},
	} {
		text, err := os.ReadFile("../cli/testdata/" + tc.file)
		if err != nil {
			t.Fatal(err)
		}
		s, err := DealSearch(context.Background(), loadCase(t, tc.file, string(text)), answer.NewDealSearchRequest())
		if err != nil {
			t.Fatal(err)
		}
		r := s.Result
		if got := r.NoVetoText; (got == NoVetoText) != tc.none || (got != "" && got != "No actor has a veto.") {
			t.Errorf("%s: no_veto_text %q (veto %v, rules %d)", tc.file, got, r.Veto, len(r.Rules))
		}
		if (r.VetoHeadText != "") != tc.head {
			t.Errorf("%s: veto_head_text %q (veto %v)", tc.file, r.VetoHeadText, r.Veto)
		}
	}
}
