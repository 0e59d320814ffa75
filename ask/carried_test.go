package ask

import (
	"context"
	"fmt"
	"testing"

	"parley/answer"
)

// TestForecastTexts: a forecast of one issue carries the points all of
// it reads as and those options by points and labels, as the page's cell
// and parley forecast's matrix write them (texts24f): none where an
// unsettled range reaches several options, or there is no option.
func TestForecastTexts(t *testing.T) {
	a := func(v float64, l string) answer.Anchor { return answer.Anchor{Value: v, Label: l} }
	for _, c := range []struct {
		settled             bool
		nearest             []answer.Anchor
		points, nearestText string
	}{
		{true, []answer.Anchor{a(70, "30-day ceasefire")}, "→70", "→70 30-day ceasefire"},
		{true, []answer.Anchor{a(25, "low"), a(75, "high")}, "→25 / 75", "→25 / 75 low / high"},
		{false, []answer.Anchor{a(30, "30 years (as today)")}, "→30", "→30 30 years (as today) over all its range"},
		{false, []answer.Anchor{a(25, "low"), a(75, "high")}, "", ""},
		{true, []answer.Anchor{}, "", ""},
		{false, []answer.Anchor{}, "", ""},
	} {
		f := answer.IssueForecast{Settled: c.settled, Nearest: c.nearest}
		forecastTexts(&f)
		if f.PointsText != c.points || f.NearestText != c.nearestText {
			t.Errorf("settled %v, nearest %v: points %q, nearest %q; want %q, %q", c.settled, c.nearest, f.PointsText, f.NearestText, c.points, c.nearestText)
		}
	}
}

// TestForecastCarriesTexts: the forecast ask answers carries them, of
// every model and issue (on the built-in case, where bdm and exchange
// leave unsettled forecasts).
func TestForecastCarriesTexts(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise", "exchange", "bdm"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range f.Models {
		for _, x := range m.Issues {
			want := x
			want.PointsText, want.NearestText = "", ""
			forecastTexts(&want)
			if x.PointsText != want.PointsText || x.NearestText != want.NearestText {
				t.Errorf("%s on %s: points %q, nearest %q; want %q, %q", m.Model, x.Issue, x.PointsText, x.NearestText, want.PointsText, want.NearestText)
			}
			if x.NearestText != "" {
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no forecast carries a nearest text: the test tests nothing")
	}
}

// TestPlanTextsNoConcession: a concession plan with no bend and no
// shortfall says so, in the words every door prints where its bends
// would be (plan 2's head ends "crossed as follows"); a plan with a bend
// does not.
func TestPlanTextsNoConcession(t *testing.T) {
	sc := &answer.Scenario{Issues: []answer.Issue{{ID: "i1", Name: "Issue one"}}, Actors: []answer.Actor{{ID: "a", Name: "Alpha"}}}
	none := &answer.DealPlan{}
	planTexts(sc, none, PlanHead(false, false, 0, nil), false)
	if none.NoConcessionText != "no concession needed beyond the package it opens" {
		t.Errorf("a plan with no concession says %q", none.NoConcessionText)
	}
	bent := &answer.DealPlan{Bends: []answer.DealBend{{Actor: "a", Issue: "i1"}}}
	planTexts(sc, bent, PlanHead(false, false, 0, nil), false)
	if bent.NoConcessionText != "" {
		t.Errorf("a plan with a bend says %q", bent.NoConcessionText)
	}
}

// TestProposalDistancesCarryTexts: each proposal's distance from each
// model's forecast carries its words, the mean and largest in percent
// with one decimal, and the answer the head over them; neither without
// a model (-m none).
func TestProposalDistancesCarryTexts(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewDealProposalsRequest()
	req.Models = []string{"compromise"}
	a, err := DealProposals(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Distance from each model's forecast (mean and largest |package − forecast|, in % of each issue's scale), on the issues each proposal decides"; a.DistanceHead != want {
		t.Errorf("head %q, want %q", a.DistanceHead, want)
	}
	n := 0
	for _, p := range a.Proposals {
		for _, f := range p.Forecasts {
			n++
			if want := fmt.Sprintf("compromise %.1f%% (max %.1f%%)", f.Mean, f.Max); f.Model != "compromise" || f.Text != want {
				t.Errorf("%s: %s's text %q, want %q", p.ID, f.Model, f.Text, want)
			}
		}
	}
	if n == 0 {
		t.Fatal("no proposal has a distance: the test tests nothing")
	}
	req.Models = []string{"none"}
	if a, err = DealProposals(context.Background(), c, req); err != nil || a.DistanceHead != "" {
		t.Errorf("with no model: head %q, error %v", a.DistanceHead, err)
	}
}

// TestEvaluateDistancesCarryTexts: an evaluated package's distances
// carry their words and the head the page prints before them.
func TestEvaluateDistancesCarryTexts(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewDealEvaluateRequest()
	req.Models = []string{"compromise"}
	ev, err := DealEvaluate(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	e := ev.Evaluation
	if len(e.Forecasts) != 1 || e.DistanceHead != DistanceHead {
		t.Fatalf("%d distances under %q", len(e.Forecasts), e.DistanceHead)
	}
	if f := e.Forecasts[0]; f.Text != fmt.Sprintf("compromise %.1f%% (max %.1f%%)", f.Mean, f.Max) {
		t.Errorf("text %q of %+v", f.Text, f)
	}
}

// TestLikeliestPointsCarried: the bottom line names a likeliest stated
// position by the words the distribution carries (Likely.Text), an
// option by its point alone, and a position without carried words as
// LikelyText writes it.
func TestLikeliestPointsCarried(t *testing.T) {
	sc := &answer.Scenario{Actors: []answer.Actor{{ID: "ru", Name: "Russia"}}}
	ls := []answer.Likely{
		{Value: 35, Label: "freeze", Text: "→35 freeze"},
		{Value: 20, Actors: []string{"ru"}, Text: "carried"},
		{Value: 20, Actors: []string{"ru"}},
	}
	if got, want := likeliestPoints(sc, ls, 1), "→35 / carried / 20.0 (Russia)"; got != want {
		t.Errorf("likeliestPoints = %q, want %q", got, want)
	}
}
