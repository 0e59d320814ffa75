package web_test

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"parley/scenario"
	"parley/scenariofile"
)

// TestStanceRangeHalfEmpty: a position range with one end left empty is
// refused beside the range's fields, naming the empty end, and nothing
// is saved; with both ends given it saves as given. (The page sent the
// empty end as 0: the range [0, high], which nobody stated.)
func TestStanceRangeHalfEmpty(t *testing.T) {
	e := startE2E(t)
	latest, err := e.full.Resolve("latest", "")
	if err != nil {
		t.Fatal(err)
	}
	s := latest.Stances[0]
	lo, hi := latest.Issue(s.Issue).Bounds()
	low, high := math.Max(lo, s.Position-5), math.Min(hi, s.Position+5)
	marker := fmt.Sprintf(`g.marker[data-actor=%q][data-issue=%q]`, s.Actor, s.Issue)
	plo := chromedp.CSS(`[data-testid=stance-form] input[name=plo]`)
	phi := chromedp.CSS(`[data-testid=stance-form] input[name=phi]`)
	// Saved from the keyboard: a click while the panel slides in can
	// land beside the button.
	save := chromedp.CSS(`[data-testid=save-stance]`)
	e.do("open the stance", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(marker)),
		chromedp.Focus(chromedp.CSS(marker)), chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS(`[data-testid=stance-form]`)))
	num := strconv.FormatFloat(low, 'f', -1, 64)
	e.do("save a range with its high end empty", chromedp.SetValue(plo, num), chromedp.SetValue(phi, ""), chromedp.Focus(save), chromedp.KeyEvent(kb.Enter),
		e.poll(`!document.querySelector("[data-testid=range-error]").hidden`))
	if got, want := e.text(`[data-testid=range-error]`), "Range high is empty: give both ends, or clear both to remove the range."; got != want {
		t.Errorf("beside the range: %q, want %q", got, want)
	}
	if inv := get(t, e.bctx, "aria-invalid", chromedp.Evaluate[string](`document.querySelector("[data-testid=stance-form] input[name=phi]").getAttribute("aria-invalid") ?? "none"`)); inv != "true" {
		t.Errorf("the empty high end's aria-invalid is %s, want true", inv)
	}
	if rec, err := e.st.GetScenario(e.ctx, e.rec.ID); err != nil || rec.Version != 1 {
		t.Fatalf("after the refused range the scenario is at version %d (%v), want 1: nothing sent", rec.Version, err)
	}
	e.do("give both ends", chromedp.SetValue(phi, strconv.FormatFloat(high, 'f', -1, 64)), chromedp.Focus(save), chromedp.KeyEvent(kb.Enter),
		e.poll(`document.querySelector("#drawer").getAttribute("aria-hidden") === "true"`))
	rec, err := e.st.GetScenario(e.ctx, e.rec.ID)
	if err != nil || rec.Version != 2 {
		t.Fatalf("after the whole range: %+v, %v; want version 2", rec, err)
	}
	saved, ds := scenariofile.Parse("saved.yaml", rec.Body)
	if err := ds.Err(false); err != nil {
		t.Fatal(err)
	}
	res, err := saved.Resolve("latest", "")
	if err != nil {
		t.Fatal(err)
	}
	got := res.Stance(s.Actor, s.Issue).Range
	if got == nil || got.Position == nil || *got.Position != (scenario.Range{low, high}) {
		t.Errorf("saved range %+v, want position [%v, %v]", got, low, high)
	}
	if strings.Contains(e.text(`body`), "Range high is empty") {
		t.Errorf("the refusal still shows after the save")
	}
}
