package web_test

import (
	"fmt"
	"strconv"
	"strings"
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
	var cmp *answer.Comparison
	for _, c := range storedResults[answer.Comparison](t, e, store.Compare) {
		if c.Request.Over == answer.OverSnapshots {
			cmp = &c
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
	// Each table is named by its issue, as its chart is.
	caps := get(t, e.bctx, "captions", chromedp.Evaluate[[]string](`[...document.querySelectorAll("figure[data-issue] [data-testid=timeline-numbers] caption")].map((c) => c.textContent)`))
	if len(caps) != len(e.full.Issues) {
		t.Fatalf("%d tables have a caption, want one per issue (%d)", len(caps), len(e.full.Issues))
	}
	for i, is := range e.full.Issues {
		if want := "Each model's forecast on " + is.Name + " at each date"; caps[i] != want {
			t.Errorf("table %d: caption %q, want %q", i, caps[i], want)
		}
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
					want = ask.RangeText(f.Range.Lo, f.Range.Hi, 1, func(x float64, _ int) string { return num(x) }) + "did not settle"
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

// TestTimelineSpanAndWarnings: the timeline says which snapshots it
// covers, not the forecast's one date, and says what the snapshots'
// scenarios assume honestly (as assumed inputs, not warnings): the built-in case assumes 3 of its 10
// capabilities at every snapshot (said once), and ever fewer stances as
// the snapshots add quotes (23, 22, 21, then 11 of 70: each named by its
// snapshot), as parley compare --over snapshots says them.
func TestTimelineSpanAndWarnings(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?snapshot=base#forecast"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=timeline-span]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=timeline-assumed] summary`)), chromedp.ScrollIntoView(chromedp.CSS(`[data-testid=timeline-head]`)), e.shot("60-timeline-warnings"))
	if s := e.text(`[data-testid=timeline-span]`); s != "The base (2025-02-28) and 3 snapshots to 2025-08-18, no variant." {
		t.Errorf("the timeline says %q", s)
	}
	ws := get(t, e.bctx, "warnings", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=timeline-assumed-list] li")].map((li) => li.textContent)`))
	want := []string{
		"Every snapshot: 3 of 10 capabilities rest on no quote",
		"base (2025-02-28): 23 of 70 stances rest on no quote",
		"Jeddah (2025-03-11): 22 of 70 stances rest on no quote",
		"Trump–Putin call (2025-03-18): 21 of 70 stances rest on no quote",
		"White House meeting (2025-08-18): 11 of 70 stances rest on no quote",
	}
	if len(ws) != len(want) {
		t.Fatalf("the timeline warns:\n%s", strings.Join(ws, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(ws[i], want[i]) {
			t.Errorf("warning %d reads %q, want %q…", i, ws[i], want[i])
		}
	}
}
