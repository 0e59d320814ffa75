package ask

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/sweep"
)

// zeroEndCase is testdata/zero-end.yaml: a valid file on which north's
// salience on timeline, the only stance that weighs that issue, is
// ranged from 0.
func zeroEndCase(t *testing.T) *Case {
	return testdataCase(t, "zero-end.yaml")
}

// zeroEndWarning is the warning of a sensitivity analysis of
// testdata/zero-end.yaml, for every model: at north's salience 0 on
// timeline no model can weigh that issue.
const zeroEndWarning = "North's salience on Timeline: no forecast at 0.00, the low end of its range: the model refused that problem (issue timeline: no actor has a stance with salience > 0, so no model can weigh it); its swing on every issue is measured from the stated value to the high end alone"

// TestSensitivityZeroEnd: a valid file whose one swing end leaves an
// issue no weight gets its tornado, the end missing (null, with the
// model's reason) and a warning naming the input, the end and why. By
// hand with compromise (testdata/zero-end.yaml): budget 5040/78 at the
// stated values, 4680/66 → 60 over south's capability 20–60, and
// 5040/78 with north's salience on timeline at 0.6; timeline 50
// throughout. North's salience, swing 0 from its high end, ranks after
// south's capability on both issues (on timeline at an equal swing of
// 0: a two-ended swing first).
func TestSensitivityZeroEnd(t *testing.T) {
	req := answer.NewSensitivityRequest()
	req.Models, req.Draws = []string{"compromise"}, 200
	se, err := Sensitivity(context.Background(), zeroEndCase(t), req, nil)
	if err != nil {
		t.Fatalf("a valid file: %v", err)
	}
	m := se.Models[0]
	if len(m.Warnings) != 1 || m.Warnings[0] != zeroEndWarning {
		t.Errorf("warnings %q, want [%q]", m.Warnings, zeroEndWarning)
	}
	if m.FailedEnds != 1 || m.Ends != 4 {
		t.Errorf("%d of %d ends failed; want 1 of 4", m.FailedEnds, m.Ends)
	}
	for k, want := range [][3]float64{{4680.0 / 66, 60, 5040.0 / 78}, {50, 50, 50}} {
		sw := m.Issues[k].Swings
		if len(sw) != 2 || sw[0].Input.Label() != "south capability" || sw[1].Input.Label() != "north salience on timeline" {
			t.Fatalf("%s: swings %+v", m.Issues[k].Issue, sw)
		}
		if sw[0].Low == nil || sw[0].High == nil || math.Abs(*sw[0].Low-want[0]) > 1e-9 || math.Abs(*sw[0].High-want[1]) > 1e-9 {
			t.Errorf("%s: south capability %+v, want %v → %v", m.Issues[k].Issue, sw[0], want[0], want[1])
		}
		if sw[1].Low != nil || sw[1].High == nil || math.Abs(*sw[1].High-want[2]) > 1e-9 || sw[1].Swing != 0 || !strings.Contains(sw[1].FailedAtLow, "no model can weigh it") {
			t.Errorf("%s: north salience %+v, want none → %v, swing 0, failed at low", m.Issues[k].Issue, sw[1], want[2])
		}
		on := " on Timeline" // named beside the tornado of another issue only
		if m.Issues[k].Issue == "timeline" {
			on = ""
		}
		if got, want := OneEndedText(&zeroEndCase(t).Header, m.Issues[k].Issue, sw), "† no forecast at one end, where the model refused the problem: North's salience"+on+" at 0.00 (its low end); the swing is measured from the stated value to the other end (see the warning)"; got != want {
			t.Errorf("one-ended text %q, want %q", got, want)
		}
	}
}

// TestBriefZeroEnd: the brief builds on testdata/zero-end.yaml, and
// gives the sensitivity analysis's warning of the missing end beside
// its table, in HTML and in Markdown.
func TestBriefZeroEnd(t *testing.T) {
	b, err := MakeBrief(context.Background(), zeroEndCase(t))
	if err != nil {
		t.Fatalf("a valid file: %v", err)
	}
	md, err := RenderBrief(context.Background(), b, "md")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Warning (compromise, what moves it most): " + zeroEndWarning; !strings.Contains(string(md), want) {
		t.Errorf("the Markdown brief has not %q:\n%s", want, md)
	}
	html, err := RenderBrief(context.Background(), b, "html")
	if err != nil {
		t.Fatal(err)
	}
	// html/template writes the > of "salience > 0" as &gt;, the ' of
	// "North's" as &#39;
	if want := `<p class="warn small">compromise, what moves it most: ` + strings.NewReplacer(">", "&gt;", "'", "&#39;").Replace(zeroEndWarning) + `</p>`; !strings.Contains(string(html), want) {
		t.Errorf("the HTML brief has not %q", want)
	}
	// Budget's driver, south's capability, has both ends: 4680/66 → 60.
	if d := b.Issues[0].Drivers; len(d) != 1 || d[0].Ends() != "70.9 → 60.0" {
		t.Errorf("budget's drivers %+v", d)
	}
}

// A driver whose one end is missing writes it as NoEnd and marks the
// swing measured from one end, as the command line's tornado does.
func TestBriefDriverEnds(t *testing.T) {
	x := 47.36
	for _, c := range []struct {
		d    BriefDriver
		want string
	}{
		{BriefDriver{Low: nil, High: &x, Decimals: 1}, "none → 47.4 †"},
		{BriefDriver{Low: &x, High: nil, Decimals: 2}, "47.36 → none †"},
		{BriefDriver{Low: &x, High: &x, Decimals: 1}, "47.4 → 47.4"},
	} {
		if got := c.d.Ends(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.d, got, c.want)
		}
	}
}

// The refusal warnings and the one-ended line write an input's ends as
// the tornado and advise do (InputValue): a position at its issue's
// decimals, a salience on the file's scale at SalienceDecimals, a
// capability at one decimal. They wrote them as Go's shortest form
// (PlainValue): "at 0" beside a tornado's "0.00–0.60", "20" beside
// "20.0–60.0". On testdata/zero-end.yaml (saliences on 0–1, issues of
// one decimal) and on the same file with saliences on 0–100.
func TestRefusedEndsInputValue(t *testing.T) {
	pos := sweep.Input{Kind: sweep.Position, ActorID: "north", IssueID: "budget", Lo: 20, Mode: 80, Hi: 90}
	capIn := sweep.Input{Kind: sweep.Capability, ActorID: "south", Lo: 20, Mode: 40, Hi: 60}
	for _, c := range []struct {
		scale  float64
		sal    sweep.Input
		lo, hi string // the salience's ends as written
	}{
		{1, sweep.Input{Kind: sweep.Salience, ActorID: "north", IssueID: "timeline", Lo: 0, Mode: 0.3, Hi: 0.6}, "0.00", "0.60"},
		{100, sweep.Input{Kind: sweep.Salience, ActorID: "north", IssueID: "timeline", Lo: 0, Mode: 30, Hi: 60}, "0", "60"},
	} {
		sc := zeroEndCase(t).Header
		sc.SalienceScale = c.scale
		swings := []answer.SensitivitySwing{
			{Input: pos, FailedAtLow: "no"},
			{Input: capIn, FailedAtHigh: "no", Low: new(float64)},
		}
		r := &answer.SensitivityResult{Issues: []answer.SensitivityIssue{{Issue: "budget", Swings: swings}},
			NotMeasurable: []sweep.NotMeasurable{{Input: c.sal, FailedAtLow: "a", FailedAtHigh: "b"}}}
		swings[0].High = new(float64)
		want := []string{
			"North's position on Budget: no forecast at 20.0, the low end of its range: the model refused that problem (no); its swing on every issue is measured from the stated value to the high end alone",
			"South's capability: no forecast at 60.0, the high end of its range: the model refused that problem (no); its swing on every issue is measured from the stated value to the low end alone",
			"North's salience on Timeline: not measurable: the model refused the problem at both ends of its range (at " + c.lo + ": a; at " + c.hi + ": b), so no tornado lists it",
		}
		if got := refusedEnds(&sc, r); !slices.Equal(got, want) {
			t.Errorf("salience scale %v: warnings\n%q, want\n%q", c.scale, got, want)
		}
		if got, want := OneEndedText(&sc, "budget", swings), "† no forecast at one end, where the model refused the problem: North's position at 20.0 (its low end); South's capability at 60.0 (its high end); the swing is measured from the stated value to the other end (see the warning)"; got != want {
			t.Errorf("salience scale %v: one-ended text %q, want %q", c.scale, got, want)
		}
	}
}
