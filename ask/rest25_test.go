package ask

import (
	"strings"
	"testing"

	"parley/answer"
	"parley/deal"
	"parley/sweep"
)

// A sweep's variance split writes each share by Chance's rule: a share
// that is not 0 never reads "0%", one below 1 never "100%", where
// whole percents wrote "100% inputs + 0% model error" of 0.997 and
// 0.003.
func TestVarianceSplitText(t *testing.T) {
	for _, c := range []struct {
		in, model float64
		want      string
	}{
		{0.97, 0.03, "97% inputs + 3% model error"},
		{0.997, 0.003, "99.7% inputs + 0.3% model error"},
		{0.00004, 0.99996, "0.004% inputs + 99.996% model error"},
		{1, 0, "100% inputs + 0% model error"},
		{0, 0, "none from the inputs nor from the model's error"},
	} {
		if got := VarianceSplitText(sweep.Combined{ShareInputs: c.in, ShareModel: c.model}); got != c.want {
			t.Errorf("split %v + %v: %q, want %q", c.in, c.model, got, c.want)
		}
	}
}

// sweepTexts writes every combined issue's split into the answer
// (Combined.ShareText), which both doors print.
func TestSweepTextsCarryVarianceSplit(t *testing.T) {
	r := &answer.SweepResult{Draws: 10, Issues: []sweep.IssueSummary{{Issue: "x", Combined: &sweep.Combined{ShareInputs: 0.998, ShareModel: 0.002}}, {Issue: "y"}}}
	sm := answer.SweepModel{SweepResult: r}
	sweepTexts(&answer.Scenario{}, &sm, "")
	if got := r.Issues[0].Combined.ShareText; got != "99.8% inputs + 0.2% model error" {
		t.Errorf("share_text %q", got)
	}
}

// ChanceInterval writes each end by Chance's rule: an upper end below 1
// no longer reads "100%", a lower end above 0 no longer "0%".
func TestChanceIntervalEnds(t *testing.T) {
	for _, c := range []struct {
		iv   [2]float64
		want string
	}{
		{[2]float64{0.49, 0.63}, "49–63%"},
		{[2]float64{0.84, 0.9996}, "84–99.96%"},
		{[2]float64{0.003, 0.2}, "0.3–20%"},
		{[2]float64{0, 1}, "0–100%"},
	} {
		if got := ChanceInterval(c.iv); got != c.want {
			t.Errorf("ChanceInterval(%v) = %q, want %q", c.iv, got, c.want)
		}
	}
}

// The coverage's shares carry their text by Chance's rule: a share of
// 0.996 reads "99.6%", not "100%", and one of 0.004 "0.4%", not "0%".
func TestCoverageShareText(t *testing.T) {
	cov := coverageTexts([]answer.Coverage{{
		Actors:  []answer.CoverageShare{{ID: "a", Share: 0.996}},
		Issues:  []answer.CoverageShare{{ID: "i", Share: 0.004}},
		Overall: answer.CoverageShare{Share: 0.5},
	}})
	c := cov[0]
	if c.Actors[0].ShareText != "99.6%" || c.Issues[0].ShareText != "0.4%" || c.Overall.ShareText != "50%" {
		t.Errorf("share texts %q %q %q", c.Actors[0].ShareText, c.Issues[0].ShareText, c.Overall.ShareText)
	}
}

// An smp bargain's expected gain has one text at every door: three
// significant figures, written plainly (the command line's %.3g wrote
// "1.65e-05", the page "0.0000165").
func TestGainText(t *testing.T) {
	for x, want := range map[float64]string{1.65e-5: "0.0000165", 0.5: "0.500", 0.31249: "0.312", -0.0123: "-0.0123", 123.45: "123", 12345: "12345", 0.99996: "1.00", 0: "0"} {
		if got := GainText(x); got != want {
			t.Errorf("GainText(%v) = %q, want %q", x, got, want)
		}
	}
}

// explainTexts writes each bargain's chance of winning by Chance (a
// P(win) below 1 never reads "1.00" nor "100%") and its gain by GainText.
func TestExplainTextsBargainPhiGain(t *testing.T) {
	x := &answer.Explanation{Turns: []answer.SMPTurn{{Bargains: []answer.SMPBargain{{Phi: 0.9996, Gain: 1.65e-5}, {Phi: 0.5, Gain: 0.25}}}}}
	explainTexts(x)
	b := x.Turns[0].Bargains
	if b[0].PhiText != "99.96%" || b[0].GainText != "0.0000165" || b[1].PhiText != "50%" || b[1].GainText != "0.250" {
		t.Errorf("bargains' texts: %q %q, %q %q", b[0].PhiText, b[0].GainText, b[1].PhiText, b[1].GainText)
	}
}

// A robust analysis's actors and a search's alternatives carry whether
// the deal needs them in one wording, the verdict's.
func TestRequiredTextCarried(t *testing.T) {
	if RequiredText(true) != "required" || RequiredText(false) != "not required" || !strings.HasSuffix(VerdictText(true, false, false, false), "("+RequiredText(false)+")") {
		t.Errorf("required texts %q %q", RequiredText(true), RequiredText(false))
	}
	r := &answer.DealRobustness{Actors: []deal.RobustActor{{Actor: "a", Required: true}, {Actor: "b"}}}
	robustTexts(&answer.Scenario{}, r, false)
	if r.Actors[0].RequiredText != "required" || r.Actors[1].RequiredText != "not required" {
		t.Errorf("robust actors: %+v", r.Actors)
	}
}

// The timeline's open red lines: a line a proposal, by its name as the
// timeline's rows name it (in “ ” where it has a comma of its own; its
// id where it has none), and text, with the snapshots it holds at; none
// where no snapshot has one. Proposals whose sentence is the same at the
// same snapshots share one line.
func TestTimelineOpenRedLines(t *testing.T) {
	p := answer.ProposalSupport{ID: "p", Name: "Plan P", OpenRedLinesText: "X."}
	q := answer.ProposalSupport{ID: "q", Name: "Filling, then disputes"}
	r := answer.ProposalSupport{ID: "r", OpenRedLinesText: "Z."}
	q2 := q
	q2.OpenRedLinesText = "Y."
	tl := []answer.ProposalSnapshot{
		{Snapshot: "base", Proposals: []answer.ProposalSupport{p, q}},
		{Snapshot: "2025-03-01", Proposals: []answer.ProposalSupport{p, q2, r}},
	}
	got := strings.Join(TimelineOpenRedLines(tl), "\n")
	if want := "Plan P, at base and 2025-03-01: X.\n“Filling, then disputes”, at 2025-03-01: Y.\nr, at 2025-03-01: Z."; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// The same sentence for several proposals at the same snapshots is
	// said once, naming them, in the plural; where a proposal's differs,
	// or holds at other snapshots, it keeps its own line.
	one := "Egypt's red line Drought release >= 35 would be crossed at the assumed 30.0 (reference), an issue" + openLeavesOne + "it is settled within that line."
	a := answer.ProposalSupport{ID: "a", Name: "Plan A", OpenRedLinesText: one}
	bb := answer.ProposalSupport{ID: "b", Name: "Plan B, revised", OpenRedLinesText: one}
	c := answer.ProposalSupport{ID: "c", Name: "Plan C", OpenRedLinesText: one}
	d := answer.ProposalSupport{ID: "d", Name: "Plan D", OpenRedLinesText: "W."}
	tl = []answer.ProposalSnapshot{
		{Snapshot: "base", Proposals: []answer.ProposalSupport{a, bb, d}},
		{Snapshot: "2025-03-01", Proposals: []answer.ProposalSupport{a, bb, c, d}},
	}
	got = strings.Join(TimelineOpenRedLines(tl), "\n")
	if want := "Plan A and “Plan B, revised”, at base and 2025-03-01: Egypt's red line Drought release >= 35 would be crossed at the assumed 30.0 (reference), an issue these proposals leave open: red lines there are not checked, so their verdicts hold only if it is settled within that line.\n" +
		"Plan D, at base and 2025-03-01: W.\n" +
		"Plan C, at 2025-03-01: " + one; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if TimelineOpenRedLines(tl[:1][:1]) == nil || TimelineOpenRedLines([]answer.ProposalSnapshot{{Snapshot: "base"}}) != nil {
		t.Error("lines where none, or none where one")
	}
}
