package ask

import (
	"context"
	"os"
	"testing"

	"parley/answer"
	"parley/sweep"
)

// TestSweepOutsideText: the clause a histogram's caption adds where the
// forecast at the stated values lies outside the 80% interval, in the
// answer's words for the point (BaseText), else at the issue's
// decimals; none inside the interval, at its ends or without draws.
func TestSweepOutsideText(t *testing.T) {
	for _, c := range []struct {
		name  string
		is    sweep.IssueSummary
		draws int
		want  string
	}{
		{"below", sweep.IssueSummary{Base: 50.9, BaseText: "50.9", Lo80: 52.1, Hi80: 62.8}, 40, "the forecast at the stated values, 50.9, lies outside the 80% interval"},
		{"above, no text", sweep.IssueSummary{Base: 70.04, Lo80: 52.1, Hi80: 62.8}, 40, "the forecast at the stated values, 70.0, lies outside the 80% interval"},
		{"inside", sweep.IssueSummary{Base: 55, BaseText: "55.0", Lo80: 52.1, Hi80: 62.8}, 40, ""},
		{"at an end", sweep.IssueSummary{Base: 52.1, BaseText: "52.1", Lo80: 52.1, Hi80: 62.8}, 40, ""},
		{"no draws", sweep.IssueSummary{Base: 50.9, BaseText: "50.9", Lo80: 52.1, Hi80: 62.8}, 0, ""},
	} {
		if got := SweepOutsideText(c.is, c.draws, 1); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestTornadoCaptionText: a tornado's caption is its issue's name and
// the forecast at the stated values, the answer's BaseText, else the
// point at the issue's decimals.
func TestTornadoCaptionText(t *testing.T) {
	if got, want := TornadoCaptionText(answer.SensitivityIssue{Name: "Sanctions on Russia", Base: 50.94, BaseText: "50.9"}, 1), "Sanctions on Russia: 50.9 at the stated values"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got, want := TornadoCaptionText(answer.SensitivityIssue{Name: "Wage", Base: 6.25}, 2), "Wage: 6.25 at the stated values"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// TestLeverCaveatText: in the hospital case with a mediator
// (testdata/mediator27.yaml) the hospital's strongest lever on wage is
// persuading the mediator, so the issue's sentence names it, and its own
// lever, which walks back its tabled offer at 4, gets the caveat line;
// no other lever does. By hand (compromise, capability × salience
// weights 1, 1, 3): the forecast is (4 + 9 + 3·6)/5 = 6.2; the
// hospital's move 4 → 3.5 moves it by 0.5/5 = 0.10, 1% of the 0–10
// scale; its utility 1 − (2.2/10 + 1.5/3)/2 = 0.64 rises by
// (0.1/10)/2 = 0.0050, 1.4% of the 0.360 it lacks, a whole 1% by
// ask.PercentText.
func TestLeverCaveatText(t *testing.T) {
	b, err := os.ReadFile("testdata/mediator27.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c := loadCase(t, "m.yaml", string(b))
	req := answer.NewAdviseRequest()
	req.Actor, req.Issue = "hospital", "wage"
	a, err := Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"own-position hospital":      "caveat: moving its own position from 4.0 to 3.5, which walks back its own tabled offer h-offer at 4.0: the forecast comes 0.10 closer (1% of the scale), utility +0.0050 (1% of the 0.360 it lacks at the forecast)",
		"persuade-position mediator": "",
	}
	seen := 0
	for _, lv := range a.Issues[0].Levers {
		k := string(lv.Kind) + " " + lv.Actor
		if w, ok := want[k]; ok {
			seen++
			if lv.CaveatText != w {
				t.Errorf("%s: caveat %q, want %q", k, lv.CaveatText, w)
			}
		} else if lv.CaveatText != "" {
			t.Errorf("%s: caveat %q, want none", k, lv.CaveatText)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the levers %v found", seen, want)
	}
	// the hospital case alone: its own lever is the strongest, which
	// the issue's sentence names with its walk-back, so no caveat
	if got := LeverCaveatText(answer.Lever{WalksBack: "walks back x", Text: "moving it"}, "The strongest lever is moving it."); got != "" {
		t.Errorf("a lever the sentence names: caveat %q", got)
	}
	if got := LeverCaveatText(answer.Lever{Text: "moving it"}, ""); got != "" {
		t.Errorf("a lever that walks nothing back: caveat %q", got)
	}
}
