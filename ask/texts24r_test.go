package ask

import (
	"testing"

	"parley/answer"
	"parley/sweep"
)

// The robust analysis's lines, as parley deal evaluate --robust and deal
// search --robust print them (cli/robust.go before they were carried):
// the head with the draws grouped and the inputs counted, what accepted
// means for one package and for a search's, and each way the accepted
// line reads.
func TestRobustLines(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{RobustHead(1000, "triangular", 1, 150), "Robustness over 1,000 draws of the stated ranges (triangular, seed 1, 150 ranged inputs)"},
		{RobustHead(1, "uniform", 7, 1), "Robustness over 1 draw of the stated ranges (uniform, seed 7, 1 ranged input)"},
		{RobustAcceptance(false, "every required actor accepts it"), "The package is accepted when every required actor accepts it."},
		{RobustAcceptance(true, "every required actor accepts it"), "A package is accepted when every required actor accepts it."},
		{RobustAcceptedLine(false, false, "0% (0–1%)", 0), "P(accepted) = 0% (0–1%)"},
		{RobustAcceptedLine(true, false, "", 0), "no draw opened the zone: no package to recommend"},
		{RobustAcceptedLine(true, true, "93% (89–96%)", 12), "the package most often accepted (P = 93% (89–96%), best of 12 candidates)"},
	} {
		if c.got != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
	// robustLines fills the fields from them: a search (p_zone given)
	// without a best says only that no draw opened the zone.
	zone, iv := 0.0, [2]float64{0, 0.0076}
	r := &answer.DealRobustness{Draws: 500, Distribution: "triangular", Seed: 1, Inputs: 2, Zone: &zone, ZoneInterval: &iv, Acceptance: "every required actor accepts it"}
	robustTexts(&answer.Scenario{}, r, false)
	if r.ZoneLineText != "P(a zone of agreement exists) = 0% (0–1%)" || r.AcceptanceText != "" || r.AcceptedLineText != "no draw opened the zone: no package to recommend" ||
		r.HeadText != "Robustness over 500 draws of the stated ranges (triangular, seed 1, 2 ranged inputs)" {
		t.Errorf("search without a best: %q / %q / %q / %q", r.HeadText, r.ZoneLineText, r.AcceptanceText, r.AcceptedLineText)
	}
}

// The evaluate summary, as parley deal evaluate printed it under the
// verdicts: accepted with its test, or blocked by name, with what a
// package must pass when rules decide.
func TestEvaluationSummary(t *testing.T) {
	sc := &answer.Scenario{Actors: []answer.Actor{{ID: "r", Name: "Russia"}, {ID: "u", Name: "Ukraine"}}}
	for _, c := range []struct {
		ev   answer.DealVerdicts
		want string
	}{
		{answer.DealVerdicts{Accepted: true, Acceptance: "every required actor accepts it"}, "Accepted: every required actor accepts it."},
		{answer.DealVerdicts{Blockers: []string{"r", "u"}, Acceptance: "every required actor accepts it"}, "Blocked by: Russia, Ukraine."},
		{answer.DealVerdicts{Blockers: []string{"r"}, Rules: []answer.DealRuleVerdict{{Issue: "x"}}, Acceptance: "it passes every issue's decision rule (x by qmv)"},
			"Blocked by: Russia. A package is accepted when it passes every issue's decision rule (x by qmv)."},
	} {
		if got := EvaluationSummary(sc, &c.ev); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}

// A lever's cost is 0 when it gives up nothing, and a small one is not
// printed as 0.0000 (moved from the command line's costText).
func TestLeverCost(t *testing.T) {
	for x, want := range map[float64]string{0: "0", 3.2e-5: "3.2e-05", 6.8e-5: "0.0001", 0.04204: "0.0420"} {
		if got := LeverCost(x); got != want {
			t.Errorf("LeverCost(%v) = %q, want %q", x, got, want)
		}
	}
}

// The sweep's head, as parley sweep printed it: draws grouped, and an
// interrupted sweep's words before the inputs.
func TestSweepHead(t *testing.T) {
	r := &answer.SweepResult{Model: "compromise", Draws: 1000, Distribution: "triangular", Seed: 1, Inputs: make([]sweep.Input, 3)}
	if got, want := SweepHead(r, ""), "model compromise: 1,000 draws (triangular, seed 1); 3 uncertain inputs"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got, want := SweepHead(r, "interrupted after 37 of 1,000 draws"), "model compromise: 1,000 draws (triangular, seed 1) — interrupted after 37 of 1,000 draws; 3 uncertain inputs"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	r.Inputs = r.Inputs[:1]
	if got, want := SweepHead(r, ""), "model compromise: 1,000 draws (triangular, seed 1); 1 uncertain input"; got != want {
		t.Errorf("one input: got  %q\nwant %q", got, want)
	}
}
