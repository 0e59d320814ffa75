package ask

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"parley/answer"
)

// transitCase is a consultant's case (testdata/transit): four parties
// over a transit funding agreement, two proposals on the table.
func transitCase(t *testing.T) *Case {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "transit", "transit.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return loadCase(t, "transit.yaml", string(b))
}

// TestProposalPackageTexts: the RTA's package puts service hours at 90,
// whose nearest option is "2019 level", at 100: its words must not read
// as if the package offered the 2019 level. 35 on the city's share is
// midway between "30% (council ceiling)" (30) and "40%" (40), a tie;
// 25 on the fare and 3 on the wage are their options' own points. The
// verdict names who rejects and who accepts, by name: the city (past its
// red lines "<= 30" on its share and ">= 100" on the hours) and the
// union (">= 6" on the wage) reject; the authority and the state accept.
func TestProposalPackageTexts(t *testing.T) {
	a, err := DealProposals(context.Background(), transitCase(t), answer.DealProposalsRequest{DealRequest: answer.NewDealProposalsRequest().DealRequest, Models: []string{"none"}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		pkg     []string
		verdict string
	}{
		"city-offer": {[]string{"25.0 (25% (a quarter))", "10.0 (+10c)", "100.0 (2019 level)", "4.00 (4%)"},
			"blocked by ATW Local 1187; accepted by City of Riverton, Regional Transit Authority, State DOT"},
		"rta-offer": {[]string{"35.0 (nearest: 30% (council ceiling) (30.0) / 40% (40.0))", "25.0 (+25c)", "90.0 (nearest: 2019 level (100.0))", "3.00 (3%)"},
			"blocked by City of Riverton, ATW Local 1187; accepted by Regional Transit Authority, State DOT"},
	}
	if len(a.Proposals) != len(want) {
		t.Fatalf("%d proposals, want %d", len(a.Proposals), len(want))
	}
	for _, p := range a.Proposals {
		w := want[p.ID]
		if len(p.Package) != len(w.pkg) {
			t.Fatalf("%s: package %+v", p.ID, p.Package)
		}
		for i, v := range p.Package {
			if v.Text != w.pkg[i] {
				t.Errorf("%s %s: text %q, want %q", p.ID, v.Issue, v.Text, w.pkg[i])
			}
		}
		if p.VerdictText != w.verdict {
			t.Errorf("%s: verdict_text %q, want %q", p.ID, p.VerdictText, w.verdict)
		}
	}
}

// TestPackageValueText: a value at an option's point as written names
// the option; one that is not names the nearest with its point, all of
// them on a tie; a scale with no option gives the value alone.
func TestPackageValueText(t *testing.T) {
	two := []answer.Anchor{{Value: 30, Label: "low"}, {Value: 40, Label: "high"}}
	for _, c := range []struct {
		x    float64
		d    int
		as   []answer.Anchor
		want string
	}{
		{100, 1, []answer.Anchor{{Value: 100, Label: "2019 level"}}, "100.0 (2019 level)"},
		{99.96, 1, []answer.Anchor{{Value: 100, Label: "2019 level"}}, "100.0 (2019 level)"}, // as written, it is the point
		{90, 1, []answer.Anchor{{Value: 100, Label: "2019 level"}}, "90.0 (nearest: 2019 level (100.0))"},
		{35, 0, two, "35 (nearest: low (30) / high (40))"},
		{3, 2, nil, "3.00"},
	} {
		if got := PackageValueText(c.x, c.d, c.as); got != c.want {
			t.Errorf("PackageValueText(%v, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
	}
}

// TestRuleText: a rule that fails says the weight short of the quota
// and who is against it; one that passes who carries it.
func TestRuleText(t *testing.T) {
	name := map[string]string{"a": "Alpha", "b": "Beta", "c": "Gamma"}
	n := func(id string) string { return name[id] }
	pass := answer.DealRuleVerdict{Issue: "tax", Rule: "majority", Quota: 2, For: 2, Total: 3, Passes: true, Coalition: []string{"a", "b"}, Against: []string{"c"}}
	fail := answer.DealRuleVerdict{Issue: "tax", Rule: "unanimity", Quota: 3, For: 2, Total: 3, Coalition: []string{"a", "b"}, Against: []string{"c"}}
	if got, want := RuleText("Tax", pass, n), "Tax by majority: passes (2.0 of 3.0, quota 2.0), carried by Alpha, Beta; Gamma against"; got != want {
		t.Errorf("passes: %q, want %q", got, want)
	}
	if got, want := RuleText("Tax", fail, n), "Tax by unanimity: fails (2.0 of 3.0, quota 3.0), Gamma against"; got != want {
		t.Errorf("fails: %q, want %q", got, want)
	}
}

// TestEvaluateNearestText: an evaluated package carries, issue by issue,
// the options nearest its values with their points, the words of deal
// evaluate's column "Nearest option", which the page prints: a fare of
// 20 is nearest "+25c" (5 away, "+10c" 10), not "between" the two.
func TestEvaluateNearestText(t *testing.T) {
	req := answer.NewDealEvaluateRequest()
	req.Package = map[string]float64{"city_share": 35, "fare": 20, "service_hours": 90, "wage": 3}
	req.Models = []string{"none"}
	ev, err := DealEvaluate(context.Background(), transitCase(t), req)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"30% (council ceiling) (30.0) / 40% (40.0)", "+25c (25.0)", "2019 level (100.0)", "3% (3.00)"}
	if len(ev.NearestText) != len(want) {
		t.Fatalf("nearest_text %q, want %q", ev.NearestText, want)
	}
	for k := range want {
		if ev.NearestText[k] != want[k] {
			t.Errorf("issue %d: %q, want %q", k, ev.NearestText[k], want[k])
		}
	}
}
