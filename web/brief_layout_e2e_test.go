package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBriefDotsNamedAndDriversWide opens the brief the Forecast view
// links at 1280 px: each issue's chart has a key naming its dots, the
// models left to right with their forecasts (Ceasefire's begins with
// ks 6.7 and nash 7.6 and ends with median and bdm at 75.0), and the
// "moves it most" column is at least 10 rem wide, a phrase a line
// (webreview26: it was squeezed to one word a line, and the dots had
// only their tooltips).
func TestBriefDotsNamedAndDriversWide(t *testing.T) {
	e := startE2E(t)
	e.do("brief", chromedp.EmulateViewport(1280, 1000), chromedp.Navigate(e.srv.URL+"/api/scenarios/"+e.rec.ID+"/brief?format=html"), chromedp.WaitVisible(chromedp.CSS(`table`)), e.shot("brief-dots"))
	type seen struct {
		Keys  []string
		Width []float64
	}
	got := get(t, e.bctx, "brief", chromedp.Evaluate[seen](`(() => ({
		keys: [...document.querySelectorAll('td.chart')].map((td) => td.querySelector('[data-key=dots]')?.textContent ?? ''),
		width: [...document.querySelectorAll('td.drv')].map((td) => td.getBoundingClientRect().width / parseFloat(getComputedStyle(document.documentElement).fontSize)),
	}))()`))
	if len(got.Keys) != len(e.full.Issues) {
		t.Fatalf("%d charts, want one per issue (%d)", len(got.Keys), len(e.full.Issues))
	}
	if k := got.Keys[0]; !strings.HasPrefix(k, "ks 6.7 · nash 7.6 · ") || !strings.HasSuffix(k, "median 75.0 · bdm 75.0") && !strings.HasSuffix(k, "bdm 75.0 · median 75.0") {
		t.Errorf("Ceasefire's dots are keyed %q, want ks 6.7 and nash 7.6 first, median and bdm at 75.0 last", k)
	}
	for i, k := range got.Keys {
		if strings.Count(k, " · ") != 8 {
			t.Errorf("issue %d: its key %q names %d models, want 9", i+1, k, strings.Count(k, " · ")+1)
		}
	}
	for i, w := range got.Width {
		if w < 9.9 {
			t.Errorf("issue %d: \"moves it most\" is %.1f rem wide, want 10 at least", i+1, w)
		}
	}
}
