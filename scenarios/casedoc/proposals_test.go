package main

import (
	"context"
	"strings"
	"testing"

	"parley/ask"
	"parley/scenarios"
)

// TestProposalTables: the page's proposals section has a table at every
// snapshot after the base (none is made by 28 February), and in August
// Ukraine rejects the Donetsk/Luhansk proposal for its red line.
func TestProposalTables(t *testing.T) {
	name, data := scenarios.Default()
	in, err := ask.Load(name, data, ask.LoadOptions{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	out, err := proposalTables(context.Background(), in, in.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "**28 Feb (base)** (`--snapshot base`): no proposal on the table yet.") {
		t.Errorf("the base has no line saying no proposal is on the table:\n%s", out)
	}
	for _, d := range in.Scenario.SnapshotDates() {
		head := "**" + dateLabel(d) + "** (`--snapshot " + d + "`)\n\n| proposal |"
		if !strings.Contains(out, head) {
			t.Errorf("no proposals table at %s", d)
		}
	}
	aug := out[strings.Index(out, "(`--snapshot 2025-08-18`)"):]
	if !strings.Contains(aug, "(`donbas-for-freeze`, 2025-08-15) | russia | territory 65 |") || !strings.Contains(aug, "ukraine: red line territory < 65") {
		t.Errorf("August table lacks the Donetsk/Luhansk rejection:\n%s", aug)
	}
	if strings.Contains(aug, "jeddah-30-day") {
		t.Error("the Jeddah proposal, withdrawn on 17 August, is still on the table in August")
	}
}
