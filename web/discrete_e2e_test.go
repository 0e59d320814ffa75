package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/scenario"
)

// TestDealSearchRestatedOnPage: on ask/testdata/contract.yaml (a
// contract of 1, 2, 3 or 5 years, discrete) the deal view renders the
// search's restatement of its Nash and balanced packages in the answer's
// words (ask.RestatedText), as parley deal search prints them, and the
// zone's table gives them at 5 years; the slider of the discrete issue
// starts at an option (the compromise's 3.00 is 3 years) and moves from
// option to option. The zone's lines say they are the search's before
// restating, and robust, the best package's restatement is shown and
// the robust zone's line counts packages at the options. No
// package at the options gets every required yes: the headline, the
// zone's line and the frontier's label are the answer's.
func TestDealSearchRestatedOnPage(t *testing.T) {
	b, err := os.ReadFile("../ask/testdata/contract.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c := loadCase(t, "contract.yaml", b, "latest")
	want, err := ask.DealSearch(t.Context(), c, answer.NewDealSearchRequest())
	if err != nil {
		t.Fatal(err)
	}
	if want.Result.Nash.Restated == nil || want.Result.Balanced.Restated == nil {
		t.Fatal("ask's search restated neither package")
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Contract", b)
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise#deal"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-restated]`)))
	got := get(t, e.bctx, "restated", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=zone-restated]")].map((p) => p.textContent)`))
	// restated to one package, the Nash and balanced packages are said
	// once, of both (ask.TestSearchRestatesDiscreteIssue)
	if len(got) != 1 || got[0] != want.Result.Nash.Restated.Text || want.Result.Balanced.Restated.Text != got[0] {
		t.Errorf("the page's restatements %q, want once %q", got, want.Result.Nash.Restated.Text)
	}
	// No package at the options gets every required yes: the headline,
	// the zone's line and the frontier's and sample's label are the
	// answer's words (ask.TestSearchNoPackageAtOptions), not the page's
	// "Open: some packages give every required actor …".
	for id, w := range map[string]string{"zone-summary": want.Result.Summary, "zone-line": want.Result.ZoneText, "zone-unrestated": want.Result.UnrestatedText} {
		if w == "" || !strings.HasPrefix(w, map[string]string{"zone-summary": "Agreement is possible only between the options: no package at the options gets every required yes", "zone-line": "Zone of agreement: OPEN only between the options (EMPTY at them).", "zone-unrestated": "The Pareto frontier and the packages drawn from the zone are the search's values"}[id]) {
			t.Fatalf("ask's %s reads %q", id, w)
		}
		if got := get(t, e.bctx, id, chromedp.Evaluate[string](`document.querySelector("[data-testid=`+id+`]")?.textContent ?? ""`)); got != w {
			t.Errorf("the page's %s reads %q, want %q", id, got, w)
		}
	}
	// the zone's margin and the Nash product are the search's before
	// restating, and the page says so in the answer's words
	// (ask.TestSearchSaysBeforeRestating)
	before := get(t, e.bctx, "before", chromedp.Evaluate[string](`document.querySelector("[data-testid=zone-before-restating]")?.textContent ?? ""`))
	product := get(t, e.bctx, "product", chromedp.Evaluate[string](`document.querySelector("[data-testid=zone-nash-product]")?.textContent ?? ""`))
	if before == "" || before != want.Result.RestatedText || product != want.Result.NashProductText {
		t.Errorf("the page says %q and %q, want %q and %q", before, product, want.Result.RestatedText, want.Result.NashProductText)
	}
	cells := get(t, e.bctx, "cells", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=zone-packages] tbody td b")].map((b) => b.textContent)`))
	if len(cells) != 2 || cells[0] != "5.00" || cells[1] != "5.00" {
		t.Errorf("the zone's packages read %q, want 5.00 and 5.00", cells)
	}
	slider := func() string {
		return get(t, e.bctx, "slider", chromedp.Evaluate[string](`document.querySelector('input[type=range][data-issue="contract"]').value`))
	}
	if v := slider(); v != "3" {
		t.Errorf("the slider starts at %q, want 3 (the compromise's 3.00, an option)", v)
	}
	e.do("move", void(chromedp.Evaluate[bool](`(() => { const i = document.querySelector('input[type=range][data-issue="contract"]'); i.value = "4.1"; i.dispatchEvent(new Event("input")); return true })()`)))
	if v := slider(); v != "5" {
		t.Errorf("the slider moved to 4.1 reads %q, want 5 (the nearest option)", v)
	}
	// At 4, as far from 3 as from 5, the slider takes the option Go's
	// rule (scenario.NearestAnchor: the first, the lower, on a tie) takes.
	tie, _ := scenario.NearestAnchor(c.Resolved.Issues[0].Anchors, 4)
	e.do("tie", void(chromedp.Evaluate[bool](`(() => { const i = document.querySelector('input[type=range][data-issue="contract"]'); i.value = "4"; i.dispatchEvent(new Event("input")); return true })()`)))
	if v := slider(); tie.Value != 3 || v != "3" {
		t.Errorf("the slider moved to 4 reads %q, Go's nearest option %v; want both 3 (the lower on a tie)", v, tie.Value)
	}
	// Robust, the best package is restated too, and the page says so in
	// the answer's words (ask.TestRobustBestRestated).
	rreq := answer.NewDealSearchRequest()
	rreq.Robust.On = true
	rwant, err := ask.DealSearch(t.Context(), c, rreq)
	if err != nil {
		t.Fatal(err)
	}
	if rwant.Robust == nil || rwant.Robust.Best == nil || rwant.Robust.Best.Restated == nil {
		t.Fatal("ask's robust best package is not restated")
	}
	e.do("robust", chromedp.Click(chromedp.CSS(`[data-testid=deal-robust-on]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=robust-restated]`)))
	if got := e.text(`[data-testid=robust-restated]`); got != rwant.Robust.Best.Restated.Text {
		t.Errorf("the robust best package's restatement reads %q, want %q", got, rwant.Robust.Best.Restated.Text)
	}
	// The robust zone counts packages at the options, and the page says
	// so in the answer's words (ask.TestRobustZoneAtOptionsContract), not
	// "P(a zone of agreement exists) = 100%".
	const zone = "P(a package at the options gets every required yes) = 0% (0–1%); a zone, counting packages between the options, is open in 500 of 500 draws"
	if rwant.Robust.ZoneLineText != zone {
		t.Fatalf("ask's robust zone line reads %q, want %q", rwant.Robust.ZoneLineText, zone)
	}
	if got := e.text(`[data-testid=search-robust]`); !strings.Contains(got, zone) || strings.Contains(got, "P(a zone of agreement exists)") {
		t.Errorf("the robust box %q, want it to say %q and not P(a zone of agreement exists)", got, zone)
	}
}
