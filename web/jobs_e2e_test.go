package web_test

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestForecastTooLargeRunsAsJob: on a server whose work limit within a
// request (--max-work) is a quarter of what the page's forecast of the
// built-in case is estimated at, the page runs that forecast as a job, as
// the server's refusal advises, and draws it: the compromise forecast of
// the first issue as package ask computes it, and the status line without
// an error.
func TestForecastTooLargeRunsAsJob(t *testing.T) {
	c := builtinCase(t, "latest")
	req := answer.NewForecastRequest()
	cost, err := ask.Estimate(c, req)
	if err != nil {
		t.Fatal(err)
	}
	f, err := ask.Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	issue := c.Header.Issues[0].ID
	want := math.NaN()
	for _, m := range f.Models {
		if m.Model != "compromise" {
			continue
		}
		for _, is := range m.Issues {
			if is.Issue == issue {
				want = float64(is.Forecast)
			}
		}
	}
	e := startE2EWith(t, e2eOptions{maxWork: cost.Work / 4})
	fline := fmt.Sprintf(`section.issue[data-issue=%q] line.fline[data-model="compromise"]`, issue)
	e.do("load", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(fline)), e.shot("01b-forecast-job"))
	shown := get(t, e.bctx, "forecast line", chromedp.AttributeValue(chromedp.CSS(fline), "data-forecast")).Value
	if got, _ := strconv.ParseFloat(shown, 64); !(math.Abs(got-want) < 1e-3) {
		t.Fatalf("compromise forecast on %s shown as %s, want %.3f", issue, shown, want)
	}
	if st := e.text(`#status`); strings.Contains(st, "estimated") || !strings.Contains(st, "version") {
		t.Fatalf("status line %q", st)
	}
}
