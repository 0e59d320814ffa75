package web_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/store"
)

// TestTimelineNumbers: under each chart of how the forecast moved, the
// same forecasts as a table (for a reader who cannot tell the colours
// apart, or cannot see the canvas): each model's forecast at each date as
// the comparison over snapshots gives it, a range marked as such where it
// did not settle.
func TestTimelineNumbers(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"), e.poll(`document.querySelectorAll("[data-testid=timeline-numbers]").length > 0`))
	runs, err := e.st.ListRuns(e.ctx, e.rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	var cmp *answer.Comparison
	for _, r := range runs {
		if r.Kind != store.Compare || r.Status != store.Done {
			continue
		}
		full, err := e.st.GetRun(e.ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got answer.Comparison
		if err := json.Unmarshal(full.Result, &got); err != nil {
			t.Fatal(err)
		}
		if got.Request.Over == answer.OverSnapshots {
			cmp = &got
		}
	}
	if cmp == nil {
		t.Fatal("no comparison over snapshots stored")
	}
	num := func(x float64) string {
		if s := strconv.FormatFloat(x, 'f', 1, 64); s != "-0.0" {
			return s
		}
		return "0.0"
	}
	unsettled := 0
	for _, m := range cmp.Models {
		for _, is := range m.Issues {
			sel := fmt.Sprintf(`figure[data-issue=%q] [data-testid=timeline-numbers] tr[data-model=%q] td`, is.Issue, m.Model)
			got := get(t, e.bctx, "cells", chromedp.Evaluate[[]string](fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).map((td) => td.textContent)`, sel)))
			if len(got) != len(is.Cells) {
				t.Fatalf("%s on %s: %d cells, want %d", m.Model, is.Issue, len(got), len(is.Cells))
			}
			for j, c := range is.Cells {
				var want string
				switch f := c.Forecast; {
				case m.Columns[j].Error != "":
					want = "no forecast: " + m.Columns[j].Error
				case f == nil:
					want = "—"
				case !f.Settled && f.Range != nil:
					want = ask.RangeText(f.Range.Lo, f.Range.Hi, num) + "did not settle"
					unsettled++
				default:
					want = num(float64(f.Forecast))
				}
				if got[j] != want {
					t.Errorf("%s on %s at %s: %q, want %q", m.Model, is.Issue, cmp.Columns[j].AsOf, got[j], want)
				}
			}
		}
	}
	if unsettled == 0 {
		t.Fatal("no unsettled forecast over the snapshots: the test tests too little")
	}
}
