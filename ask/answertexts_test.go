package ask

import (
	"context"
	"os"
	"strings"
	"testing"

	"parley/answer"
)

// unitScale is cli/testdata/unit-scale.yaml: three actors of equal
// weight on a 0–1 issue (two decimals) at 0.30, 0.45 and 0.65.
func unitScale(t *testing.T) *Input {
	t.Helper()
	data, err := os.ReadFile("../cli/testdata/unit-scale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load("unit-scale.yaml", data, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestExplainCarriesWords: an explanation carries its pulls' head and
// each pull and share as every door writes them (texts24x). On the unit
// scale each actor has a third of the weight ("33.3%"); compromise's
// mean is 1.40/3 = 0.4667 and its pulls a third of each distance from
// it: -0.0556, -0.0056 and +0.0611, at the issue's two decimals "-0.06",
// "-0.01", "+0.06"; median's forecast is South's 0.45, North below
// pulls -1/3, West above +1/3, South none: "-33.3%", "+33.3%", "0.0%".
func TestExplainCarriesWords(t *testing.T) {
	in := unitScale(t)
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		model, head string
		pulls       map[string]string
	}{
		{"compromise", "pull: share × (position − forecast), + up, − down; they sum to zero at the forecast, the weighted mean; the rounded numbers shown sum to zero only nearly",
			map[string]string{"north": "-0.06", "south": "-0.01", "west": "+0.06"}},
		{"median", "pull: the actor's share of the weight, + above the forecast, − below: the weight that would vote it up or down",
			map[string]string{"north": "-33.3%", "south": "0.0%", "west": "+33.3%"}},
		{"ks", "", map[string]string{"north": NoNumber, "south": NoNumber, "west": NoNumber}},
	} {
		req := answer.NewExplainRequest()
		req.Model = tc.model
		x, err := Explain(context.Background(), c, req)
		if err != nil {
			t.Fatal(err)
		}
		ie := x.Issues[0]
		if ie.PullsHeadText != tc.head {
			t.Errorf("%s: pulls headed %q, want %q", tc.model, ie.PullsHeadText, tc.head)
		}
		for _, p := range ie.Pulls {
			if p.PullText != tc.pulls[p.Actor] || p.ShareText != "33.3%" {
				t.Errorf("%s, %s: pull %q, share %q; want %q, 33.3%%", tc.model, p.Actor, p.PullText, p.ShareText, tc.pulls[p.Actor])
			}
		}
	}
}

// TestAdviceCarriesWords: advice carries each issue's head, each lever's
// kind and the levers' columns in every door's words (texts24x), as
// parley advise ukraine printed them on the built-in case before they
// moved into the answer.
func TestAdviceCarriesWords(t *testing.T) {
	req := answer.NewAdviseRequest()
	req.Actor = "ukraine"
	a, err := Advise(context.Background(), builtinCase(t), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(a.LeverColumns, "|"), "Lever|Actor|From|To|Shift|Closer by|Gain|Cost"; got != want {
		t.Errorf("lever columns %q, want %q", got, want)
	}
	heads := map[string]string{
		"ceasefire": "Ceasefire: forecast 46.6, Ukraine at 85.0 (salience 0.90), 38.4 apart",
		"territory": "Territory: forecast 46.8, Ukraine at 30.0 (salience 0.95), 16.8 apart",
	}
	kinds := map[string]string{answer.LeverOwnPosition: "own position", answer.LeverOwnSalience: "own salience",
		answer.LeverPersuadePosition: "persuade: position", answer.LeverPersuadeSalience: "persuade: salience"}
	for _, ia := range a.Issues {
		if want, ok := heads[ia.Issue]; ok && ia.HeadText != want {
			t.Errorf("%s: headed %q, want %q", ia.Issue, ia.HeadText, want)
		}
		for _, lv := range append(ia.Levers, a.Top...) {
			if lv.KindText != kinds[lv.Kind] {
				t.Errorf("%s: a lever of kind %s reads %q, want %q", ia.Issue, lv.Kind, lv.KindText, kinds[lv.Kind])
			}
		}
	}
	if ia := a.Issues[0]; ia.Levers[0].KindText != "persuade: position" {
		t.Errorf("the ceasefire's first lever reads %q, want persuade: position (United States, 5.0 → 10.0)", ia.Levers[0].KindText)
	}
}

// TestCoverageCarriesWords: the evidence coverage heads each row in
// every door's words, an actor and an issue by name, "overall" the
// rest (texts24x), in evidence and validation answers alike.
func TestCoverageCarriesWords(t *testing.T) {
	in := unitScale(t)
	for name, cov := range map[string][]answer.Coverage{"evidence": Evidence(in, false).Coverage, "validate": Validate(in).Coverage} {
		if len(cov) == 0 {
			t.Fatalf("%s: no coverage", name)
		}
		c := cov[len(cov)-1]
		var heads []string
		for _, s := range append(append(c.Actors, c.Issues...), c.Overall) {
			heads = append(heads, s.HeadText)
		}
		if got, want := strings.Join(heads, "|"), "actor North|actor South|actor West|issue Issue A|overall"; got != want {
			t.Errorf("%s: rows %q, want %q", name, got, want)
		}
	}
}
