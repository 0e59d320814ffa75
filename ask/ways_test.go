package ask

import (
	"context"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// waysOut is the deal search's contradictions on a file of
// cli/testdata, with no alternatives (batna none), and the answer's
// name for an actor.
func waysOut(t *testing.T, file string) ([]answer.DealContradiction, func(string) string) {
	t.Helper()
	data, err := os.ReadFile("../cli/testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewDealSearchRequest()
	req.Batna = "none"
	a, err := DealSearch(context.Background(), loadCase(t, file, string(data)), req)
	if err != nil {
		t.Fatal(err)
	}
	if a.Result.Concession == nil {
		t.Fatalf("%s: no concession", file)
	}
	return a.Result.Concession.Contradictions, a.Scenario.ActorName
}

// TestWaysOutUnderRule: cli/testdata/contradict-qmv.yaml, P decided by
// qualified majority [3; Alpha 2, Beta 1, Gamma 1], whose minimal winning
// coalitions {Alpha, Beta} and {Alpha, Gamma} are both closed by red
// lines (Alpha < 65 against Beta >= 65 and Gamma >= 75). The cheapest
// plans are {Alpha, Beta}'s (deal's TestContradictionSidesRule derives
// them): its ways out are costed with the shares among its members,
// Alpha 1/3 and Beta 2/3 (not 1/6 and 2/6 among all three). Alpha accepts
// 65, 15 points past its last allowed option 50: (1/3)·15 = 5.0% of
// scale, (1/3)·0.15 = 0.0500 utility; Beta accepts 50, (2/3)·15 = 10.0%,
// 0.1000. Both plans take Alpha's. The head says the coalition the
// contradiction and its shares are counted in (it had read as if all
// three actors' red lines were weighed, their shares among all three).
func TestWaysOutUnderRule(t *testing.T) {
	cs, name := waysOut(t, "contradict-qmv.yaml")
	if len(cs) != 1 || len(cs[0].Sides) != 2 || len(cs[0].Sets) != 0 {
		t.Fatalf("contradictions %+v, want one with two sides alone and no set", cs)
	}
	c := cs[0]
	for i, w := range []struct {
		actor              string
		value, share, cost float64
		utility            float64
		plans              []string
	}{{"a", 65, 1.0 / 3, 5, 0.05, []string{PlanLower, PlanBend}}, {"b", 50, 2.0 / 3, 10, 0.1, nil}} {
		sd := c.Sides[i]
		if sd.Actor != w.actor || sd.Value != w.value || math.Abs(sd.Share-w.share) > 1e-12 || math.Abs(sd.Cost-w.cost) > 1e-9 ||
			math.Abs(sd.UtilityCost-w.utility) > 1e-9 || !slices.Equal(sd.Plans, w.plans) {
			t.Errorf("side %d: %+v, want %s at %v, share %v, %v %% and %v utility, taken by %v", i, sd, w.actor, w.value, w.share, w.cost, w.utility, w.plans)
		}
	}
	for _, g := range []struct{ got, want string }{
		{ContradictionHead("P", ContradictionActors(c, name), ContradictionCoalition(c, name), len(c.Sides) > 0, len(c.Sets) > 0),
			"Within the minimal winning coalition {Alpha, Beta}, the red lines of Alpha and Beta on P contradict each other: one of them must cross its own. Weighting by capability is a modelling choice with a value judgement in it: a weaker party's concession counts for less. Each way out, with its cost weighted by the actor's capability share among the coalition's members (its share × the crossing, in % of the issue's scale), and unweighted:"},
		{SideCostText(c.Sides[0]), "Weighted cost 5.0% of scale (capability share 0.33 × 15.0% crossed; 0.0500 utility); unweighted, 15.0% of scale"},
		{SideCostText(c.Sides[1]), "Weighted cost 10.0% of scale (capability share 0.67 × 15.0% crossed; 0.1000 utility); unweighted, 15.0% of scale"},
		{SidesChoice(c, name), "Both plans below take Alpha's way out: its weighted cost is the least (5.0% of scale; Beta's 10.0); unweighted, Alpha's way out crosses 15.0% of scale, Beta's 15.0."},
	} {
		if g.got != g.want {
			t.Errorf("got  %q\nwant %q", g.got, g.want)
		}
	}
}

// TestWaysOutTogether: cli/testdata/contradict-three.yaml, Alpha
// (capability 1, at 0) keeps P <= 20, Beta (2, at 50) [40, 60], Gamma
// (4, at 100) >= 80: no one of them crossing alone leaves the other two
// a value, and the ways out are the three pairs (deal's
// TestContradictionSets derives them): Alpha and Beta at 80, crossing 60
// and 20 points at shares 1/7 and 2/7, (60 + 40)/7 = 14.3% of scale,
// 0.6/7 + 0.4/7 = 0.1429 utility; Alpha and Gamma at 60, (40 + 80)/7 =
// 17.1%; Beta and Gamma at 20, (40 + 240)/7 = 40.0%. Both plans take
// the cheapest. Before, the contradiction listed no way out and its head
// named no one ("The red lines of  on P").
func TestWaysOutTogether(t *testing.T) {
	cs, name := waysOut(t, "contradict-three.yaml")
	if len(cs) != 1 || len(cs[0].Sides) != 0 || len(cs[0].Sets) != 3 {
		t.Fatalf("contradictions %+v, want one with no side alone and three sets", cs)
	}
	c := cs[0]
	for _, g := range []struct{ got, want string }{
		{ContradictionHead("P", ContradictionActors(c, name), ContradictionCoalition(c, name), len(c.Sides) > 0, len(c.Sets) > 0),
			"The red lines of Alpha, Beta and Gamma on P contradict each other: no one of them can give way alone; some of them must cross their own together. Weighting by capability is a modelling choice with a value judgement in it: a weaker party's concession counts for less. Each way out, with its cost weighted by each actor's capability share (its share × the crossing, in % of the issue's scale, added up over the actors of a way out), and unweighted:"},
		{SetCostText(c.Sets[0], name), "Weighted cost 14.3% of scale (Alpha's capability share 0.14 × 60.0% crossed + Beta's 0.29 × 20.0%; 0.1429 utility); unweighted, 80.0% of scale"},
		{SetCostText(c.Sets[1], name), "Weighted cost 17.1% of scale (Alpha's capability share 0.14 × 40.0% crossed + Gamma's 0.57 × 20.0%; 0.1714 utility); unweighted, 60.0% of scale"},
		{SetCostText(c.Sets[2], name), "Weighted cost 40.0% of scale (Beta's capability share 0.29 × 20.0% crossed + Gamma's 0.57 × 60.0%; 0.4000 utility); unweighted, 80.0% of scale"},
		{SidesChoice(c, name), "Both plans below take Alpha and Beta's way out: its weighted cost is the least (14.3% of scale; Alpha and Gamma's 17.1, Beta and Gamma's 40.0); unweighted, Alpha and Beta's way out crosses 80.0% of scale, Alpha and Gamma's 60.0, Beta and Gamma's 80.0."},
		{MoreSetsText(c), ""},
	} {
		if g.got != g.want {
			t.Errorf("got  %q\nwant %q", g.got, g.want)
		}
	}
}

// The words of ways out together that the files above do not reach:
// ways alone and together in one head, more sets than listed, and no
// plan taking a listed way.
func TestWaysTogetherWords(t *testing.T) {
	name := strings.ToUpper
	ab := answer.DealWaySet{Value: 80, Cost: 14, Members: []answer.DealSide{{Actor: "a", Share: 0.1, Cost: 6}, {Actor: "b", Share: 0.2, Cost: 8}}}
	c := answer.DealContradiction{Sides: []answer.DealSide{{Actor: "c", Cost: 20}}, Sets: []answer.DealWaySet{ab}, MoreSets: 1}
	for _, g := range []struct{ got, want string }{
		{ContradictionHead("P", []string{"A", "B", "C"}, nil, true, true),
			"The red lines of A, B and C on P contradict each other: one of them must cross its own, or some of them together. Weighting by capability is a modelling choice with a value judgement in it: a weaker party's concession counts for less. Each way out, with its cost weighted by each actor's capability share (its share × the crossing, in % of the issue's scale, added up over the actors of a way out), and unweighted:"},
		{ContradictionHead("P", []string{"A", "B", "C"}, []string{"A", "B", "C", "D"}, true, true),
			"Within the minimal winning coalition {A, B, C, D}, the red lines of A, B and C on P contradict each other: one of them must cross its own, or some of them together. Weighting by capability is a modelling choice with a value judgement in it: a weaker party's concession counts for less. Each way out, with its cost weighted by each actor's capability share among the coalition's members (its share × the crossing, in % of the issue's scale, added up over the actors of a way out), and unweighted:"},
		{MoreSetsText(c), "Not listed: 1 more set of actors that could also give way together (ways out together are listed fewest actors first, then the cheapest)."},
		{SidesChoice(c, name), "Neither plan takes one of the ways out listed: the actors each crosses on the issue are not those of any one of them."},
		{SetCostText(ab, name), "Weighted cost 14.0% of scale (A's capability share 0.10 × 60.0% crossed + B's 0.20 × 40.0%; 0.0000 utility); unweighted, 100.0% of scale"},
	} {
		if g.got != g.want {
			t.Errorf("got  %q\nwant %q", g.got, g.want)
		}
	}
}

// TestBriefWayOutUnderRule: the brief's way out on
// cli/testdata/contradict-qmv.yaml is the one deal search's plans take,
// Alpha's in {Alpha, Beta} (TestWaysOutUnderRule), and its head says the
// coalition, as deal search's head of the contradiction does: the share
// 0.33 is Alpha's among Alpha and Beta.
func TestBriefWayOutUnderRule(t *testing.T) {
	data, err := os.ReadFile("../cli/testdata/contradict-qmv.yaml")
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewDealSearchRequest()
	req.Batna = "none"
	bd, err := briefSearch(context.Background(), loadCase(t, "contradict-qmv.yaml", string(data)), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []struct{ got, want string }{
		{bd.WayOutHead, "The way out deal search's plans take, within the minimal winning coalition {Alpha, Beta}"},
		{bd.WayOut, "Alpha crosses its red line (P below 65) to accept it at 65 or below (the very value it excluded); its utility falls by 0.150 (on 0–1) from P at 50.0, the last option it allowed, to 65.0, and it no longer refuses “65: line”. Weighted cost 5.0% of scale (capability share 0.33 × 15.0% crossed; 0.0500 utility); unweighted, 15.0% of scale."},
	} {
		if g.got != g.want {
			t.Errorf("got  %q\nwant %q", g.got, g.want)
		}
	}
}
