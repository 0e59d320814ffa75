package ask

import (
	"context"
	"html"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/deal"
)

// TestProposalOpenRedLineSaid: the African Union compromise of a
// student's Nile case (testdata/nile-open.yaml) decides filling and
// disputes and leaves drought open; at drought's no-deal value, 30.0,
// Egypt's red line ">= 35" would be crossed. deal proposals does not
// check it (the proposal does not concede the issue) and so finds every
// actor accepting, while deal evaluate of the same values, which holds
// drought at its reference, has Egypt block at the same utility. Each
// answer now says why they differ: the proposal's verdict which line it
// does not check, evaluate's which crossing a proposal would not count.
func TestProposalOpenRedLineSaid(t *testing.T) {
	c := testdataCase(t, "nile-open.yaml")
	req := answer.NewDealProposalsRequest()
	req.Models = []string{"none"}
	a, err := DealProposals(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	p := a.Proposals[0]
	if !p.Accepted || !slices.Equal(p.Accepts, []string{"ethiopia", "egypt", "sudan"}) || !slices.Equal(p.Open, []string{"drought", "upstream"}) {
		t.Fatalf("accepted %v by %v, open %v; want accepted by all three, drought and upstream open", p.Accepted, p.Accepts, p.Open)
	}
	const open = "Egypt's red line (Drought release (bcm/yr) at 35 or above) would be crossed at the assumed 30.0 (no deal: reference), " +
		"an issue this proposal leaves open: red lines there are not checked, so the verdict holds only if it is settled within that line."
	if p.OpenRedLinesText != open {
		t.Errorf("open_red_lines_text\n got %q\nwant %q", p.OpenRedLinesText, open)
	}
	var egypt answer.ProposalVerdict
	for _, v := range p.Actors {
		if v.Actor == "egypt" {
			egypt = v
		} else if len(v.OpenCrossed) > 0 {
			t.Errorf("%s: open crossings %+v, want none (Ethiopia's upstream <= 50 holds at 0)", v.Actor, v.OpenCrossed)
		}
	}
	if len(egypt.OpenCrossed) != 1 || egypt.OpenCrossed[0].Issue != "drought" || egypt.OpenCrossed[0].Value != 30 ||
		egypt.OpenCrossed[0].Text != "Drought release (bcm/yr) at 35 or above (the package has 30.0)" || len(egypt.Crossed) != 0 || !egypt.Accepts {
		t.Errorf("Egypt: open crossed %+v, crossed %+v, accepts %v", egypt.OpenCrossed, egypt.Crossed, egypt.Accepts)
	}

	ev := answer.NewDealEvaluateRequest()
	ev.Package = map[string]float64{"filling": 6, "disputes": 50}
	ev.Models = []string{"none"}
	e, err := DealEvaluate(context.Background(), c, ev)
	if err != nil {
		t.Fatal(err)
	}
	eg := e.Evaluation.Actors[1]
	if eg.Actor != "egypt" || eg.Accepts || eg.Utility != egypt.Utility || !slices.Equal(e.Evaluation.Blockers, []string{"egypt"}) {
		t.Errorf("evaluate: %s accepts %v utility %v (proposals %v), blockers %v", eg.Actor, eg.Accepts, eg.Utility, egypt.Utility, e.Evaluation.Blockers)
	}
	const rest = "Egypt's red line (Drought release (bcm/yr) at 35 or above) is crossed at 30.0 (reference), an issue the package does not name: " +
		"deal proposals does not check red lines on the issues a proposal leaves open, so a proposal of the named issues alone is not blocked by this line."
	if e.RestCrossedText != rest {
		t.Errorf("rest_crossed_text\n got %q\nwant %q", e.RestCrossedText, rest)
	}
	// Named, the crossing is the package's own: nothing to explain.
	ev.Package["drought"] = 30
	if e, err = DealEvaluate(context.Background(), c, ev); err != nil {
		t.Fatal(err)
	}
	if e.Evaluation.Accepted || e.RestCrossedText != "" {
		t.Errorf("drought named: accepted %v, rest_crossed_text %q; want blocked, none", e.Evaluation.Accepted, e.RestCrossedText)
	}
}

// TestBriefOpenRedLine: the brief of the same case no longer says "no
// one" blocks the compromise as if every red line held: no one on the
// issues it decides, and Egypt's line on the drought it leaves open is
// unchecked; its sentence on how actors judge says red lines are checked
// on the issues a proposal decides only.
func TestBriefOpenRedLine(t *testing.T) {
	c := testdataCase(t, "nile-open.yaml")
	b, err := MakeBrief(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	const cell = "no one on the issues it decides; unchecked, left open: Egypt (Drought release (bcm/yr))"
	if len(b.Proposals) != 1 || b.Proposals[0].BlockedBy != cell {
		t.Fatalf("proposals %+v, want blocked by %q", b.Proposals, cell)
	}
	for _, f := range []string{"md", "html"} {
		out, err := RenderBrief(context.Background(), b, f)
		if err != nil {
			t.Fatal(err)
		}
		text := html.UnescapeString(string(out))
		for _, w := range []string{cell,
			"its red lines on the issues it decides (unchecked: those left open);"} {
			if strings.Count(text, w) != 1 {
				t.Errorf("the %s brief has %q %d times, want once", f, w, strings.Count(text, w))
			}
		}
	}
}

// TestOpenLinesPlural: two red lines on two open issues are said in one
// sentence, with the verb once and the plural's words; with batna none
// the open issues took their reference points, and the text says so.
func TestOpenLinesPlural(t *testing.T) {
	c := testdataCase(t, "nile-open.yaml")
	actors := []answer.ProposalVerdict{
		{DealVerdict: deal.Verdict{Actor: "ethiopia"}, OpenCrossed: []deal.Crossing{{Issue: "upstream", RedLine: "<= 50", Value: 60}}},
		{DealVerdict: deal.Verdict{Actor: "egypt"}, OpenCrossed: []deal.Crossing{{Issue: "drought", RedLine: ">= 35", Value: 30}}},
	}
	const open = "Ethiopia's red line (Future upstream projects at 50 or below) would be crossed at the assumed 60.0 and Egypt's red line (Drought release (bcm/yr) at 35 or above) at the assumed 30.0 (reference), " +
		"issues this proposal leaves open: red lines there are not checked, so the verdict holds only if they are settled within those lines."
	if got := OpenRedLinesText(&c.Header, actors, "none"); got != open {
		t.Errorf("open\n got %q\nwant %q", got, open)
	}
	ev := &answer.DealVerdicts{Actors: []deal.Verdict{
		{Actor: "ethiopia", Crossed: []deal.Crossing{{Issue: "upstream", RedLine: "<= 50", Value: 60}, {Issue: "filling", RedLine: "<= 5", Value: 6}}},
		{Actor: "egypt", Crossed: []deal.Crossing{{Issue: "drought", RedLine: ">= 35", Value: 30}}},
	}}
	const rest = "Ethiopia's red line (Future upstream projects at 50 or below) is crossed at 60.0 and Egypt's red line (Drought release (bcm/yr) at 35 or above) at 30.0 (model:compromise), issues the package does not name: " +
		"deal proposals does not check red lines on the issues a proposal leaves open, so a proposal of the named issues alone is not blocked by these lines."
	if got := RestCrossedText(&c.Header, ev, map[string]float64{"filling": 6}, "model:compromise"); got != rest {
		t.Errorf("rest\n got %q\nwant %q", got, rest)
	}
}

// TestOpenLinesPossessive: an actor whose name ends in s owns its red
// line as every other sentence writes it (nouns.Possessive), "Gulf
// States' red line", not "Gulf States's".
func TestOpenLinesPossessive(t *testing.T) {
	c := testdataCase(t, "nile-open.yaml")
	for i := range c.Header.Actors {
		if c.Header.Actors[i].ID == "egypt" {
			c.Header.Actors[i].Name = "Gulf States"
		}
	}
	actors := []answer.ProposalVerdict{
		{DealVerdict: deal.Verdict{Actor: "egypt"}, OpenCrossed: []deal.Crossing{{Issue: "drought", RedLine: ">= 35", Value: 30}}},
	}
	const want = "Gulf States' red line (Drought release (bcm/yr) at 35 or above) would be crossed at the assumed 30.0 (reference), " +
		"an issue this proposal leaves open: red lines there are not checked, so the verdict holds only if it is settled within that line."
	if got := OpenRedLinesText(&c.Header, actors, "none"); got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
}
