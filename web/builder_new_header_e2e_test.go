package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderNewInHeader: after "New blank scenario" in the Build view
// the header's scenario list shows, chosen, "New scenario (not saved)",
// not the stored case the builder no longer shows (webreview26); on
// another view the entry is gone and the stored case chosen again; back
// in Build, still on the blank draft, it is back; and Cancel, which
// leaves the blank draft for the stored case, takes it away.
func TestBuilderNewInHeader(t *testing.T) {
	e := startE2E(t)
	type head struct {
		Chosen string
		Value  string
		Count  int
	}
	look := func(step string) head {
		return get(t, e.bctx, step, chromedp.Evaluate[head](`(() => { const s = document.querySelector("[data-testid=scenario-select]"); return { chosen: s.selectedOptions[0]?.textContent ?? '', value: s.value, count: s.querySelectorAll("option[data-new]").length } })()`))
	}
	e.do("build", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#build"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=build-new]`)))
	if got := look("stored"); got.Value != e.rec.ID || got.Count != 0 {
		t.Errorf("on the stored case the header shows %+v, want its id and no new entry", got)
	}
	e.do("new", chromedp.Click(chromedp.CSS(`[data-testid=build-new]`)), e.poll(`!document.querySelector("[data-testid=build-new]")`), e.shot("builder-new-header"))
	if got := look("new"); got.Chosen != "New scenario (not saved)" || got.Count != 1 {
		t.Errorf("after New blank scenario the header shows %+v, want \"New scenario (not saved)\" chosen", got)
	}
	e.do("forecast", chromedp.Click(chromedp.ID("tab-forecast")), e.poll(`document.querySelector("#tab-forecast").getAttribute("aria-selected") === "true"`))
	if got := look("forecast"); got.Value != e.rec.ID || got.Count != 0 {
		t.Errorf("on Forecast the header shows %+v, want the stored case and no new entry", got)
	}
	e.do("build again", chromedp.Click(chromedp.ID("tab-build")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=build-discard]`)))
	if got := look("build again"); got.Chosen != "New scenario (not saved)" || got.Count != 1 {
		t.Errorf("back in Build on the blank draft the header shows %+v, want \"New scenario (not saved)\" chosen", got)
	}
	e.do("cancel", chromedp.Click(chromedp.CSS(`[data-testid=build-discard]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=build-new]`)))
	if got := look("cancel"); got.Value != e.rec.ID || got.Count != 0 {
		t.Errorf("after Cancel the header shows %+v, want the stored case and no new entry", got)
	}
}
