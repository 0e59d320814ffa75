package ask

import (
	"context"
	"strings"
	"testing"

	"parley/answer"
)

// onIssue27YAML: Coast and Vale on Accord, Hill only on Levy. Ranged:
// Coast's capability and Hill's, Coast's position on Accord, Vale's
// salience on Levy and Hill's position on Levy: 5 inputs. On Accord, by
// hand, a model that reads each issue alone reads Coast's capability (in
// Accord) and Coast's position on it: 2 of the 5; Hill's capability is
// not in Accord, and the two Levy inputs are another issue's.
const onIssue27YAML = `metadata: {id: on27, title: On one issue, as_of: "2026-01-15", salience_scale: 1}
issues:
  - {id: accord, name: Accord}
  - {id: levy, name: Levy}
actors:
  - {id: coast, name: Coast, capability: 10, capability_range: [5, 20], capability_assumed: t}
  - {id: vale, name: Vale, capability: 10, capability_assumed: t}
  - {id: hill, name: Hill, capability: 30, capability_range: [20, 40], capability_assumed: t}
stances:
  - {actor: coast, issue: accord, position: 20, salience: 1, assumed: t, range: {position: [10, 30]}}
  - {actor: vale, issue: accord, position: 60, salience: 1, assumed: t}
  - {actor: vale, issue: levy, position: 40, salience: 0.5, assumed: t, range: {salience: [0.4, 0.6]}}
  - {actor: hill, issue: levy, position: 50, salience: 1, assumed: t, range: {position: [40, 60]}}
`

func sweep27(t *testing.T, yaml, issue string, models ...string) *answer.Sweep {
	t.Helper()
	in, err := Load("s27.yaml", []byte(yaml), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	return sweepCase27(t, c, issue, models...)
}

func sweepCase27(t *testing.T, c *Case, issue string, models ...string) *answer.Sweep {
	t.Helper()
	req := answer.NewSweepRequest()
	req.Draws, req.Issue, req.Models = 20, issue, models
	s, err := Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSweepHeadCountsTheIssuesInputs (honest27, 2): a sweep kept to one
// issue counts in its head the inputs that bear on it, not every
// issue's: 2 of 5 for a model that reads each issue alone; a model that
// weighs the issues together reads all 5, and its head says why. Without
// --issue the head counts all 5.
func TestSweepHeadCountsTheIssuesInputs(t *testing.T) {
	for _, c := range []struct {
		issue, model, want string
	}{
		{"accord", "compromise", "model compromise: 20 draws (triangular, seed 1); 2 of the 5 uncertain inputs bear on Accord (its positions and saliences and the capabilities of the actors in it)"},
		{"levy", "compromise", "model compromise: 20 draws (triangular, seed 1); 3 of the 5 uncertain inputs bear on Levy (its positions and saliences and the capabilities of the actors in it)"},
		{"accord", "exchange", "model exchange: 20 draws (triangular, seed 1); 5 uncertain inputs, all of which bear on Accord (exchange weighs one issue against another)"},
		{"", "compromise", "model compromise: 20 draws (triangular, seed 1); 5 uncertain inputs"},
	} {
		if got := sweep27(t, onIssue27YAML, c.issue, c.model).Models[0].HeadText; got != c.want {
			t.Errorf("%s, %s:\n got  %q\n want %q", c.issue, c.model, got, c.want)
		}
	}
}

// TestSweepWithoutRangesSaysItsDrawsDidNotVary (honest27, 1): a
// scenario without a range (bottomline.yaml's) is swept as its point
// forecast 20 times; the head says so, and snap's outcome line, where
// the model's error is all the variance, says the inputs' 0% is no
// finding: the draws did not vary. It read "<0.0001% inputs + 100%
// model error", rounding left in the inputs' term.
func TestSweepWithoutRangesSaysItsDrawsDidNotVary(t *testing.T) {
	s := sweepCase27(t, bottomLineCase(t), "", "snap")
	m := s.Models[0]
	still := "no input in the scenario has a range wider than a point, so the sweep is the point forecast 20 times"
	if want := "model snap: 20 draws (triangular, seed 1); no uncertain input: " + still; m.HeadText != want {
		t.Errorf("head %q\nwant %q", m.HeadText, want)
	}
	for _, is := range m.Issues {
		c := is.Combined
		if c == nil {
			t.Fatalf("%s: no outcome with the model's error", is.Issue)
		}
		if want := "0% inputs (the draws did not vary: " + still + ") + 100% model error"; c.ShareText != want {
			t.Errorf("%s: split %q\nwant %q", is.Issue, c.ShareText, want)
		}
		if !strings.Contains(c.OutcomeText, "= 0% inputs (the draws did not vary: "+still+") + 100% model error (of the variance)") {
			t.Errorf("%s: outcome %q", is.Issue, c.OutcomeText)
		}
	}
}
