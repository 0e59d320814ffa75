package ask

import (
	"context"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// forecastOf runs the models on the case.
func forecastOf(t *testing.T, c *Case, models ...string) *answer.Forecast {
	t.Helper()
	req := answer.NewForecastRequest()
	req.Models = models
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// bottomLineCase loads testdata/bottomline.yaml, whose bottom line its
// comment derives by hand.
func bottomLineCase(t *testing.T) *Case {
	return testdataCase(t, "bottomline.yaml")
}

// The bottom line of compromise and median on testdata/bottomline.yaml,
// derived by hand in the file: Accord 72.0 →50 (compromise; 3 from the
// midpoint 75 of 50 and 100, within a tenth of their gap, so both named), 100.0 →100
// (median), so 1 of 2 models read it as →50, the span 72.0–100.0, and
// 72.0 crosses Hill's red line (>= 80); Levy 36.0 and 40.0, no option.
func TestBottomLineByHand(t *testing.T) {
	f := forecastOf(t, bottomLineCase(t), "compromise", "median")
	b := f.BottomLine
	if b == nil {
		t.Fatal("no bottom line from two models")
	}
	if b.Lead != "compromise" || b.Calibrated != "" || len(b.Issues) != 2 {
		t.Fatalf("lead %q, calibrated %q, %d issues; want compromise, none, 2", b.Lead, b.Calibrated, len(b.Issues))
	}
	a := b.Issues[0]
	if a.Issue != "accord" || a.LeadModel != "compromise" || float64(a.Forecast) != 72 || !a.Settled ||
		len(a.Nearest) != 1 || a.Nearest[0].Value != 50 || a.Agree != 1 || a.Models != 2 ||
		float64(a.Low) != 72 || float64(a.High) != 100 ||
		!slices.Equal(a.LowModels, []string{"compromise"}) || !slices.Equal(a.HighModels, []string{"median"}) ||
		!slices.Equal(a.RedLines, []string{"Hill's red line (it needs Accord at 80 or above)"}) || a.Unsettled != nil || a.Interval80 != nil {
		t.Errorf("accord: %+v", a)
	}
	want := "Accord: compromise 72.0, between →50 A partial accord and →100 A full accord, nearer →50; 1 of 2 models read it as →50; the models span 72.0 (compromise) to 100.0 (median); the lead forecast crosses Hill's red line (it needs Accord at 80 or above)."
	if a.Text != want {
		t.Errorf("accord's text:\n%s\nwant\n%s", a.Text, want)
	}
	l := b.Issues[1]
	if l.Agree != 0 || len(l.Nearest) != 0 || float64(l.Forecast) != 36 || float64(l.Low) != 36 || float64(l.High) != 40 || l.RedLines != nil {
		t.Errorf("levy: %+v", l)
	}
	if want := "Levy: compromise 36.0; the models span 36.0 (compromise) to 40.0 (median)."; l.Text != want {
		t.Errorf("levy's text:\n%s\nwant\n%s", l.Text, want)
	}
	if !strings.Contains(b.Head, "compromise's") || !strings.Contains(b.Head, "not a prediction") {
		t.Errorf("head %q", b.Head)
	}
}

// Without compromise the lead is the first model run, and the head says
// so: median's 100.0 →100 on Accord, which it alone of median and bdm
// need not share; one model is no bottom line at all.
func TestBottomLineLeadAndOneModel(t *testing.T) {
	c := bottomLineCase(t)
	f := forecastOf(t, c, "median", "nash")
	if f.BottomLine == nil || f.BottomLine.Lead != "median" || f.BottomLine.Issues[0].LeadModel != "median" || float64(f.BottomLine.Issues[0].Forecast) != 100 {
		t.Fatalf("bottom line of median and nash: %+v", f.BottomLine)
	}
	if !strings.Contains(f.BottomLine.Head, "median's, the first model run (compromise") {
		t.Errorf("head %q does not say the lead is the first model run", f.BottomLine.Head)
	}
	if g := forecastOf(t, c, "compromise"); g.BottomLine != nil {
		t.Errorf("a one-model forecast has a bottom line: %+v", g.BottomLine)
	}
	for _, tc := range []struct {
		models []string
		want   int
	}{{[]string{"bdm", "compromise"}, 1}, {[]string{"bdm", "smp"}, 0}, {nil, -1}} {
		if got := leadIndex(tc.models, answer.DefaultSweepModel); got != tc.want {
			t.Errorf("leadIndex(%v) = %d, want %d", tc.models, got, tc.want)
		}
	}
}

// The built-in case's all-models forecast: on Territory the lead is
// compromise's 46.8 →50, and of the nine models compromise, median, bdm,
// ensemble (47.6–47.8) and snap (55.0) read it as →50, nash and ks 35.0
// and smp (35.7–37.8) as →35, exchange (60.0–65.4) as →65: 5 of 9. The
// span runs from nash's and ks's 35.0 to exchange's 65.4; exchange, smp
// and ensemble did not settle; 46.8 crosses Russia's "Territory >= 65";
// snap's 80% interval is 25.0–79.4, likeliest →35 at 32% (the forecast
// table's numbers).
func TestBottomLineBuiltIn(t *testing.T) {
	f := forecastOf(t, builtinCase(t))
	b := f.BottomLine
	if b == nil || b.Lead != "compromise" || b.Calibrated != "snap" {
		t.Fatalf("bottom line %+v", b)
	}
	var x answer.BottomLineIssue
	for _, bi := range b.Issues {
		if bi.Issue == "territory" {
			x = bi
		}
	}
	if x.Agree != 5 || x.Models != 9 || !slices.Equal(x.LowModels, []string{"nash", "ks"}) || !slices.Equal(x.HighModels, []string{"exchange"}) ||
		!slices.Equal(x.Unsettled, []string{"exchange", "smp", "ensemble"}) || len(x.Nearest) != 1 || x.Nearest[0].Value != 50 {
		t.Errorf("territory: %+v", x)
	}
	want := "Territory: compromise 46.8, nearest →50 Freeze on the current line with legal or political recognition of Russian control; " +
		"5 of 9 models read it as →50; the models span 35.0 (nash, ks) to 65.4 (exchange); snap's 80% interval 25.0–79.4, likeliest option →35: a 32% chance the outcome lands nearer it than any other option; " +
		"the lead forecast crosses Russia's red line (it needs Territory at 65 or above); exchange, smp and ensemble did not settle here (each counted by its range)."
	if x.Text != want {
		t.Errorf("territory's text:\n%s\nwant\n%s", x.Text, want)
	}
}

// The brief leads each issue with the forecast the bottom line leads
// with (one rule, leadIndex): compromise's, though median runs first.
func TestBriefLeadIsBottomLineLead(t *testing.T) {
	c := bottomLineCase(t)
	f := forecastOf(t, c, "median", "compromise")
	req := answer.NewSweepRequest()
	req.Draws = 100
	sw, err := Sweep(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	br, err := gatherBrief(context.Background(), c, briefQuestions(c), f, sw, &answer.Sensitivity{})
	if err != nil {
		t.Fatal(err)
	}
	for i, bi := range br.Issues {
		if bi.Headline.Model != "compromise" || f.BottomLine.Issues[i].LeadModel != "compromise" {
			t.Errorf("%s: the brief leads with %s, the bottom line with %s; want compromise", bi.ID, bi.Headline.Model, f.BottomLine.Issues[i].LeadModel)
		}
	}
	if got := float64(f.BottomLine.Issues[0].Forecast); got != br.Issues[0].Headline.Value || got != 72 {
		t.Errorf("accord's lead forecast %v, the brief's %v; want 72", got, br.Issues[0].Headline.Value)
	}
}

// The head says why the default lead did not lead: not run, or run with
// no forecast; one model at both ends of the span is named once, as both
// ends; a likeliest of stated positions takes its chance after "at", not
// in a second pair of parentheses.
func TestBottomLineWords(t *testing.T) {
	if h := bottomLineHead("median", false, 0); !strings.Contains(h, "the first model run (compromise was not run)") {
		t.Errorf("not run: %q", h)
	}
	if h := bottomLineHead("median", true, 0); !strings.Contains(h, "(compromise gave no forecast)") {
		t.Errorf("ran, no forecast: %q", h)
	}
	// where the lead model and its bands come from, and the case's own
	// outcomes and where they are scored
	want := "Bottom line, issue by issue: the lead forecast is compromise's; the lead model and the error bands were chosen on EU legislation (docs/skill.md), not on negotiations like this one; this case records 2 outcomes, on which the backtest (parley backtest, or the Backtest tab) scores every model; it is the models' reading of the stated inputs, not a prediction of how the real negotiation ends."
	if h := bottomLineHead("compromise", true, 2); h != want {
		t.Errorf("head\n%q\nwant\n%q", h, want)
	}
	if h := bottomLineHead("compromise", true, 0); strings.Contains(h, "outcome") {
		t.Errorf("no outcomes recorded, yet: %q", h)
	}
	sc := &answer.Scenario{Actors: []answer.Actor{{ID: "v", Name: "Vale"}, {ID: "h", Name: "Hill"}}}
	bi := answer.BottomLineIssue{LeadModel: "bdm", Forecast: 90, Settled: true, Agree: 1, Models: 2,
		Low: 20.7, High: 90, LowModels: []string{"bdm"}, HighModels: []string{"bdm"},
		Interval80: &answer.Interval{Lo: 10, Hi: 95}, Likeliest: []answer.Likely{{Value: 40, Actors: []string{"v", "h"}, P: 0.26}}}
	want = "N: bdm 90.0; the models span 20.7 to 90.0, both ends bdm; snap's 80% interval 10.0–95.0, likeliest stated position 40.0 (Vale, Hill): a 26% chance the outcome is exactly there."
	if got := bottomLineText(sc, "N", 1, bi, "snap", nil); got != want {
		t.Errorf("text\n%q\nwant\n%q", got, want)
	}
}

// A lead forecast near the midpoint between two options names both:
// compromise's Ceasefire 46.6 lies 0.9 from 47.5, the midpoint of 40 and
// 55, within a tenth of their gap of 15 (1.5); 44.0 lies 3.5 from it and
// reads as the nearest alone.
func TestBottomLineKnifeEdge(t *testing.T) {
	opts := []answer.Anchor{{Value: 55, Label: "Full"}, {Value: 40, Label: "Partial"}, {Value: 0, Label: "None"}}
	if got := knifeEdge(opts, 46.6); len(got) != 2 || got[0].Value != 40 || got[1].Value != 55 {
		t.Errorf("46.6: %+v, want 40 and 55", got)
	}
	for _, x := range []float64{44.0, 51.1, 60, -1} {
		if got := knifeEdge(opts, x); got != nil {
			t.Errorf("%v: %+v, want none", x, got)
		}
	}
	if got := knifeEdge(opts, 49); len(got) != 2 {
		t.Errorf("49 (1.5 from the midpoint, at the edge): %+v, want both", got)
	}
	bi := answer.BottomLineIssue{LeadModel: "compromise", Forecast: 46.6, Settled: true, Agree: 3, Models: 9,
		Nearest: []answer.Anchor{opts[1]}, Between: []answer.Anchor{opts[1], opts[0]},
		Low: 6.7, High: 75, LowModels: []string{"ks"}, HighModels: []string{"median"}}
	want := "Ceasefire: compromise 46.6, between →40 Partial and →55 Full, nearer →40; 3 of 9 models read it as →40; the models span 6.7 (ks) to 75.0 (median)."
	if got := bottomLineText(&answer.Scenario{}, "Ceasefire", 1, bi, "", nil); got != want {
		t.Errorf("text\n%q\nwant\n%q", got, want)
	}
}
