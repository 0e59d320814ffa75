package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// tiesYAML is a scenario whose compromise forecasts are an exact binary
// tie at one decimal (62.25: two equal weights at 62 and 62.5) and a
// negative number that rounds to zero (-0.04). The second issue's scale
// is 20 wide, so that its numbers have one decimal, as the first's
// (ask.ScaleDecimals; on -1 to 1 they have two, and -0.04 reads -0.04).
const tiesYAML = `metadata:
  id: ties
  title: Rounding ties
  as_of: 2025-01-01
issues:
  - id: tie
    name: Tie
  - id: neg
    name: Just below zero
    scale: {min: -10, max: 10}
actors:
  - {id: a, name: Alpha, capability: 1, capability_assumed: t}
  - {id: b, name: Beta, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: tie, position: 62, salience: 1, assumed: "test"}
  - {actor: b, issue: tie, position: 62.5, salience: 1, assumed: "test"}
  - {actor: a, issue: neg, position: -0.04, salience: 1, assumed: "test"}
  - {actor: b, issue: neg, position: -0.04, salience: 1, assumed: "test"}
`

// TestNumbersAsTheCommandLine: the page writes a forecast as the command
// line does (cli/output.go num, Go's strconv.FormatFloat): 62.25, a tie
// in binary, is "62.2" (half to even; toFixed said "62.3"), and -0.04 is
// "0.0" (toFixed said "-0.0").
func TestNumbersAsTheCommandLine(t *testing.T) {
	f := tiesForecast(t, "compromise")
	// The case must be the tie and the near-zero negative it is for.
	want := map[string]struct {
		at   float64
		text string
	}{"tie": {62.25, "62.2"}, "neg": {-0.04, "0.0"}}
	for _, is := range f.Models[0].Issues {
		if w := want[is.Issue]; float64(is.Forecast) != w.at {
			t.Fatalf("compromise on %s is %v, want %v", is.Issue, is.Forecast, w.at)
		}
	}

	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Rounding ties", []byte(tiesYAML))
	cell := func(issue string) string {
		return fmt.Sprintf(`td[data-model="compromise"][data-issue=%q] b`, issue)
	}
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise#forecast"), chromedp.WaitVisible(chromedp.CSS(cell("neg"))))
	for issue, w := range want {
		if got := e.text(cell(issue)); got != w.text {
			t.Errorf("compromise on %s (%v) shown as %q, want %q", issue, w.at, got, w.text)
		}
	}
}

// TestLikeliestPositions: on issues without labelled options the page
// names the likeliest stated positions the answer gives (ask's rule),
// every one of a tie: snap gives the two positions of "tie" (62 and
// 62.5, equal weights) the same probability, and the one position of
// "neg" (-0.04, both actors) is written 0.0.
func TestLikeliestPositions(t *testing.T) {
	f := tiesForecast(t, "snap")
	// As the command line words them (ask.LikelyText, ask.LikeliestChance).
	want := map[string]string{}
	for _, is := range f.Models[0].Issues {
		l := is.Distribution.Likeliest
		if (is.Issue == "tie") != (len(l) == 2) || len(l) == 0 {
			t.Fatalf("snap's likeliest on %s: %+v (the test needs a tie on tie, one position on neg)", is.Issue, l)
		}
		var names []string
		for _, x := range l {
			var actors []string
			for _, a := range x.Actors {
				actors = append(actors, f.Scenario.ActorName(a))
			}
			names = append(names, ask.LikelyText(x, ask.Decimals(x.Value, f.Scenario.IssueDecimals(is.Issue)), actors))
		}
		want[is.Issue] = "likeliest (" + ask.LikeliestChance(l) + "): " + strings.Join(names, " / ")
	}
	if want["tie"] != "likeliest (23%): 62.0 (Alpha) / 62.5 (Beta)" || want["neg"] != "likeliest (36%): 0.0 (Alpha, Beta)" {
		t.Fatalf("the command line's words: %q", want)
	}

	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Rounding ties", []byte(tiesYAML))
	note := func(issue string) string {
		return fmt.Sprintf(`td[data-model="snap"][data-issue=%q] [data-testid=distribution]`, issue)
	}
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=snap#forecast"), chromedp.WaitVisible(chromedp.CSS(note("neg"))))
	for issue, w := range want {
		if got := e.text(note(issue)); !strings.HasSuffix(got, w) {
			t.Errorf("snap on %s: %q, want it to end %q", issue, got, w)
		}
	}
}

// tiesForecast is model m's forecast of tiesYAML, as the API answers it.
func tiesForecast(t *testing.T, m string) *answer.Forecast {
	t.Helper()
	c := loadCase(t, "ties.yaml", []byte(tiesYAML), "latest")
	req := answer.NewForecastRequest()
	req.Models = []string{m}
	f, err := ask.Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
