package ask

import (
	"context"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/deal"
)

// TestProposalVerdictBlocks: an actor that does not accept a package
// "blocks" it in every deal answer: deal evaluate's verdict
// (VerdictText), its "Blocked by:" line, and deal proposals' verdict and
// why, which said "rejected by" and "rejects" for the same thing.
func TestProposalVerdictBlocks(t *testing.T) {
	name := func(id string) string { return strings.ToUpper(id[:1]) + id[1:] }
	for _, c := range []struct {
		p    answer.ProposalVerdicts
		want string
	}{
		{answer.ProposalVerdicts{Accepts: []string{"alpha"}, Rejects: []string{"beta"}}, "blocked by Beta; accepted by Alpha"},
		{answer.ProposalVerdicts{Accepted: true, Accepts: []string{"alpha", "beta"}, Rejects: []string{"gamma"}}, "accepted by Alpha, Beta, though Gamma blocks"},
		{answer.ProposalVerdicts{Accepted: true, Accepts: []string{"alpha"}, Rejects: []string{"gamma", "delta"}}, "accepted by Alpha, though Gamma, Delta block"},
		{answer.ProposalVerdicts{Accepted: true, Accepts: []string{"alpha"}}, "accepted by Alpha"},
	} {
		if got := ProposalVerdictText(c.p, name); got != c.want {
			t.Errorf("ProposalVerdictText(%+v) = %q, want %q", c.p, got, c.want)
		}
	}
	var c Case
	for _, vd := range []deal.Verdict{
		{Required: true, Utility: 0.4, Alternative: 0.5, Gain: -0.1, AlternativeFrom: "x"},
	} {
		verb := VerdictText(vd.Accepts, false, vd.Required, false)
		if why := c.why(vd); verb != "blocks" || !strings.HasPrefix(why, verb+": ") {
			t.Errorf("why %q and verdict %q, want both to say blocks", why, verb)
		}
	}
}

// TestProposalActorsInScenarioOrder: deal proposals lists the actors
// that accept and block a proposal, by id in the JSON and by name in its
// verdict, in the scenario's order, as deal evaluate's verdicts and
// blockers and every other list of actors do. They were sorted by id, so
// the names read in an order the page does not show ("accepted by
// Doctors' association, Hospital group, Regional health ministry,
// Patients' association"). Here the scenario lists North, South, East,
// and the ids sort east, north, south.
func TestProposalActorsInScenarioOrder(t *testing.T) {
	c := openCase(t)
	req := answer.NewDealProposalsRequest()
	req.Models = []string{"none"}
	req.AllSnapshots = true
	a, err := DealProposals(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	both := a.Proposals[1]
	if both.ID != "both" || !both.Accepted {
		t.Fatalf("proposal %s accepted %v, want both accepted", both.ID, both.Accepted)
	}
	if want := []string{"north", "south", "east"}; !slices.Equal(both.Accepts, want) || len(both.Rejects) != 0 {
		t.Errorf("accepts %v rejects %v, want accepts %v", both.Accepts, both.Rejects, want)
	}
	if want := "accepted by North, South, East"; both.VerdictText != want {
		t.Errorf("verdict_text %q, want %q", both.VerdictText, want)
	}
	for _, s := range a.Timeline {
		for _, p := range s.Proposals {
			if p.ID == "both" && !slices.Equal(p.Accepts, both.Accepts) {
				t.Errorf("%s: timeline accepts %v, want %v", s.Snapshot, p.Accepts, both.Accepts)
			}
		}
	}
}

// TestCompareSpanCountsSnapshots: a comparison over snapshots names the
// base and counts only the snapshots after it, as parley show counts a
// scenario's snapshots: "2 snapshots from the base" beside show's "1
// snapshot" counted the base in one and not the other.
func TestCompareSpanCountsSnapshots(t *testing.T) {
	col := func(snap, asOf string) answer.CompareColumn {
		return answer.CompareColumn{Snapshot: snap, AsOf: asOf}
	}
	base := col("base", "2025-01-01")
	for _, c := range []struct {
		cols []answer.CompareColumn
		want string
	}{
		{[]answer.CompareColumn{base}, "the base (2025-01-01) alone, no variant"},
		{[]answer.CompareColumn{base, col("2025-02-01", "")}, "the base (2025-01-01) and 1 snapshot, 2025-02-01, no variant"},
		{[]answer.CompareColumn{base, col("2025-02-01", ""), col("2025-03-01", "")}, "the base (2025-01-01) and 2 snapshots to 2025-03-01, no variant"},
		{[]answer.CompareColumn{col("2025-02-01", "")}, "1 snapshot, 2025-02-01, no variant"},
		{[]answer.CompareColumn{col("2025-02-01", ""), col("2025-03-01", "")}, "2 snapshots from 2025-02-01 to 2025-03-01, no variant"},
	} {
		a := &answer.Comparison{Columns: c.cols}
		a.Request.Over = answer.OverSnapshots
		if got := CompareSpanText(a); got != c.want {
			t.Errorf("CompareSpanText(%d columns) = %q, want %q", len(c.cols), got, c.want)
		}
	}
}
