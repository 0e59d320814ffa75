package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/deal"
)

// TestProposalsDistanceOnPage: each proposal on the deal view's table
// says its distance from each model's forecast on the issues it decides,
// in the words parley deal proposals prints it (ask.DistanceText), where
// the page asked for no model and showed none. On the built-in case with
// the compromise and median models.
func TestProposalsDistanceOnPage(t *testing.T) {
	e := startE2E(t)
	c := builtinCase(t, "latest")
	req := answer.NewDealProposalsRequest()
	req.Models = []string{"compromise", "median"}
	props, err := ask.DealProposals(e.ctx, c, req)
	if err != nil {
		t.Fatal(err)
	}
	judged := 0
	for _, p := range props.Proposals {
		if len(p.Forecasts) == 2 {
			judged++
		}
	}
	if judged == 0 {
		t.Fatalf("no proposal compared with two forecasts: the test tests nothing (%+v)", props.Proposals)
	}
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"&models=compromise,median#deal"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-table]`)))
	for _, p := range props.Proposals {
		for _, fd := range p.Forecasts {
			sel := fmt.Sprintf(`[data-testid=proposals-table] tr[data-proposal=%q] [data-testid=proposal-distance] span[data-model=%q]`, p.ID, fd.Model)
			if e.count(sel) != 1 {
				t.Errorf("%s: no distance from the %s forecast", p.ID, fd.Model)
				continue
			}
			if got, want := e.text(sel), ask.DistanceText([]deal.ForecastDistance{fd}); got != want {
				t.Errorf("%s: distance from %s reads %q, want %q as parley deal proposals prints it", p.ID, fd.Model, got, want)
			}
		}
	}
}

// TestUnsettledCaptionSaysWholeRange: a forecast that did not settle is
// captioned with its last round's point and, where all of its range
// reads as one option (its one nearest), that option "over all its
// range" as parley forecast's → and its long table say; where the range
// spans several options, none. The page said "the range reaches 30 years"
// of a range 34.7–34.9 that never reaches 30. On the built-in case with
// exchange and bdm, which leave both kinds.
func TestUnsettledCaptionSaysWholeRange(t *testing.T) {
	e := startE2E(t)
	c := builtinCase(t, "latest")
	req := answer.NewForecastRequest()
	req.Models = []string{"exchange", "bdm"}
	f, err := ask.Forecast(e.ctx, c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"&models=exchange,bdm#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table] td.unsettled`)))
	one, several := 0, 0
	for _, m := range f.Models {
		for _, x := range m.Issues {
			if x.Settled {
				continue
			}
			want := "last round " + ask.Decimals(float64(x.Forecast), f.Scenario.IssueDecimals(x.Issue))
			if len(x.Nearest) == 1 {
				one++
				want += "; " + ask.PointsText(x.Nearest) + " " + x.Nearest[0].Label + ask.OverAllItsRange
			} else {
				several++
			}
			sel := fmt.Sprintf(`[data-testid=model-table] td.unsettled[data-model=%q][data-issue=%q] [data-testid=unsettled-note]`, m.Model, x.Issue)
			if got := strings.TrimSpace(e.text(sel)); got != want {
				t.Errorf("%s on %s (nearest %v): caption %q, want %q", m.Model, x.Issue, x.Nearest, got, want)
			}
		}
	}
	if one == 0 || several == 0 {
		t.Fatalf("%d unsettled forecasts read as one option, %d span several: the test wants both", one, several)
	}
}
