package ask

import (
	"context"
	"strings"
	"testing"

	"parley/answer"
	"parley/sweep"
)

// The rule (docs/DECISIONS.md, "names24"): prose names actors and issues
// by name; an id appears only where the user types it back. The transit
// case's ids differ visibly from its names (rta: "Regional Transit
// Authority", fare: "Fare increase (cents)"), so a sentence that shows
// an id where a name belongs shows here.

// InputName names a ranged input as the brief's drivers do: the actor's
// name possessive, what of its is uncertain, and the issue by name when
// it is another than the one the sentence is about (issue "" names it
// always).
func TestInputName(t *testing.T) {
	sc := &transitCase(t).Header
	pos := sweep.Input{Kind: sweep.Position, ActorID: "rta", IssueID: "fare"}
	capIn := sweep.Input{Kind: sweep.Capability, ActorID: "union", Issue: -1}
	for _, c := range []struct {
		in    sweep.Input
		issue string
		want  string
	}{
		{pos, "", "Regional Transit Authority's position on Fare increase (cents)"},
		{pos, "fare", "Regional Transit Authority's position"},
		{pos, "wage", "Regional Transit Authority's position on Fare increase (cents)"},
		{capIn, "", "ATW Local 1187's capability"},
		{capIn, "fare", "ATW Local 1187's capability"},
	} {
		if got := InputName(sc, c.in, c.issue); got != c.want {
			t.Errorf("%+v at %q: %q, want %q", c.in, c.issue, got, c.want)
		}
	}
}

// The lines of what the answer's numbers assume name the actors and the
// issues: 9 of the 16 stances at the latest snapshot are assumed (the
// authority's four, the state's three of fare, hours and wage, the
// union's fare and city share), the first five named; every capability
// is assumed.
func TestAssumedLinesNameByName(t *testing.T) {
	c := transitCase(t)
	want := []string{
		"9 of 16 stances rest on no quote, only on an assumption (its reason in the file): Regional Transit Authority on City share of operating subsidy, " +
			"Regional Transit Authority on Fare increase (cents), Regional Transit Authority on Evening/weekend service hours (% of 2019), " +
			"Regional Transit Authority on Annual wage increase (%), State DOT on Fare increase (cents) and 4 more",
		"4 of 4 capabilities rest on no quote, only on an assumption (its reason in the file): City of Riverton, Regional Transit Authority, State DOT and ATW Local 1187",
	}
	if strings.Join(c.Header.Assumed, "\n") != strings.Join(want, "\n") {
		t.Errorf("assumed %q\nwant %q", c.Header.Assumed, want)
	}
}

// A proposal's rejection names the issue of the red line it crosses by
// name: the RTA's package puts the city's share at 35 (its red line
// "<= 30") and the hours at 90 (">= 100").
func TestProposalWhyNamesIssues(t *testing.T) {
	a, err := DealProposals(context.Background(), transitCase(t), answer.DealProposalsRequest{DealRequest: answer.NewDealProposalsRequest().DealRequest, Models: []string{"none"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "blocks: crosses its red line (it needs City share of operating subsidy at 30 or below; the proposal has 35.0, nearest option “30% (council ceiling) / 40%”) and its red line " +
		"(it needs Evening/weekend service hours (% of 2019) at 100 or above; the proposal has 90.0, nearest option “2019 level”)"
	for _, p := range a.Proposals {
		if p.ID != "rta-offer" {
			continue
		}
		for _, v := range p.Actors {
			if v.Actor == "city" && v.Why != want {
				t.Errorf("city on rta-offer: %q\nwant %q", v.Why, want)
			}
		}
	}
}

// A red line crossed reads as the forecast crossing it: the red line
// names its actor and its issue by name, so the note does not begin with
// the issue's id ("city_share: 35.0 crosses …").
func TestCrossingNoteNamesNoID(t *testing.T) {
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise"}
	f, err := Forecast(context.Background(), transitCase(t), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"35.0 crosses City of Riverton's red line (it needs City share of operating subsidy at 30 or below)",
		"92.5 crosses City of Riverton's red line (it needs Evening/weekend service hours (% of 2019) at 100 or above)",
		"4.05 crosses ATW Local 1187's red line (it needs Annual wage increase (%) at 6 or above)",
	}
	var got []string
	for _, x := range f.Models[0].RedLines {
		got = append(got, x.Note)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("crossings %q\nwant %q", got, want)
	}
}

// The counts of runs that did not settle, or in which a member failed,
// name each issue by name. By hand: 3 of 10 draws unsettled on fare, the
// largest last step 0.5; the ensemble's member smp failed on fare in 2.
func TestRunCountsNameIssues(t *testing.T) {
	r := &answer.SweepResult{Model: "ensemble", Draws: 10, UnsettledDraws: 3, Issues: []sweep.IssueSummary{
		{Issue: "fare", Name: "Fare increase (cents)", UnsettledDraws: 3, LastStepMax: 0.5},
		{Issue: "wage", Name: "Annual wage increase (%)"},
	}}
	want := "ensemble did not settle in 3 of 10 draws (30%) — on Fare increase (cents) 3; their last round still moved them by up to 0.5 (on Fare increase (cents))"
	if got := sweepUnsettled(r); got != want {
		t.Errorf("unsettled:\n got %q\nwant %q", got, want)
	}
	failed := memberCounts(nil, "Fare increase (cents)", []sweep.MemberFailures{{Member: "smp", Runs: 2}})
	wantF := "ensemble: member smp failed on Fare increase (cents) in 2 of 10 draws (20%): in those draws its forecast of Fare increase (cents) is the other members' alone, their weights renormalised"
	if got := memberFailedRuns("ensemble", 2, 10, "draws", failed); got != wantF {
		t.Errorf("member failed:\n got %q\nwant %q", got, wantF)
	}
}

// The brief names by name the actors whose inputs are assumed, a
// proposal's proposers and the issues of the red lines that block it,
// and its warnings' inputs (the sweep's, above).
func TestBriefNamesByName(t *testing.T) {
	ctx := context.Background()
	b, err := MakeBrief(ctx, transitCase(t))
	if err != nil {
		t.Fatal(err)
	}
	md, err := RenderBrief(ctx, b, "md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Capabilities: City of Riverton, Regional Transit Authority, State DOT and ATW Local 1187 assumed.",
		"City share of operating subsidy 2/4 (Regional Transit Authority and ATW Local 1187 assumed)",
		"| City's opening offer (assumed) (City of Riverton) |",
		"| red line: City of Riverton (City share of operating subsidy, Evening/weekend service hours (% of 2019)), ATW Local 1187 (Annual wage increase (%)) |",
		"likely because a range lies on one side of its stated value: Regional Transit Authority's position (20.0 in 20.0–35.0)",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the brief has not %q", want)
		}
	}
	for _, id := range []string{"rta", "city_share", "service_hours", "(city)", "(wage)"} {
		if strings.Contains(string(md), " "+id+" ") || strings.Contains(string(md), id+",") {
			t.Errorf("the brief shows the id %q", id)
		}
	}
}

// An explanation of one issue keeps the red lines crossed on that issue
// alone, as it did when each crossing's note began with its issue's id:
// compromise's wage forecast, 4.05, crosses the union's ">= 6"; the city
// share's 35.0 and the hours' 92.5 cross the city's, on other issues.
func TestExplainIssueKeepsItsCrossingsAlone(t *testing.T) {
	req := answer.ExplainRequest{Model: "compromise", Issue: "wage"}
	e, err := Explain(context.Background(), transitCase(t), req)
	if err != nil {
		t.Fatal(err)
	}
	want := "4.05 crosses ATW Local 1187's red line (it needs Annual wage increase (%) at 6 or above)"
	if len(e.Notes) != 1 || e.Notes[0] != want {
		t.Errorf("notes %q, want [%q]", e.Notes, want)
	}
}
