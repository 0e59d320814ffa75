package cli

import (
	"bytes"
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
)

// TestPrintPlanNoConcession: a plan with no bend and no shortfall says
// so under its head, in the words the answer carries and the page
// prints; plan 2's head "red lines are crossed as follows:" was followed
// by nothing but its cost.
func TestPrintPlanNoConcession(t *testing.T) {
	sc := &answer.Scenario{Issues: []answer.Issue{{ID: "i1", Name: "Issue one"}}, Actors: []answer.Actor{{ID: "a", Name: "Alpha"}}}
	pl := &answer.DealPlan{Package: answer.DealPackage{Values: []float64{50}},
		HeadText: ask.PlanHead(false, false, 0, nil), NoConcessionText: ask.NoConcessionText, CostText: "cost, weighted by capability: 0% of scale crossed (the least this plan reaches), 0 utility given up"}
	var b bytes.Buffer
	printPlan(&b, sc, pl, 120)
	lines := strings.Split(b.String(), "\n")
	want := []string{
		"Plan 2, bend red lines: every actor keeps its alternative; red lines are crossed as follows:",
		"  no concession needed beyond the package it opens",
		"  cost, weighted by capability: 0% of scale crossed (the least this plan reaches), 0 utility given up",
	}
	if len(lines) < 3 || strings.Join(lines[:3], "\n") != strings.Join(want, "\n") {
		t.Errorf("the plan reads\n%s\nwant it to begin\n%s", b.String(), strings.Join(want, "\n"))
	}
}
