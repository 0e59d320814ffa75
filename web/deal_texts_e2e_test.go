package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// stripDealTexts makes the page's deal search answers look like those
// stored before the answers carried their words: it takes every *_text
// and text field out of the concession, the solver's line, and the
// no-deal and must-accept lines.
var stripDealTexts = answerFetch("search", `(run) => {
  const keys = ['text', 'head_text', 'cost_text', 'same_crossing_text', 'more_sets_text', 'choice_text']
  const strip = (x) => {
    if (Array.isArray(x)) { x.forEach(strip); return }
    if (!x || typeof x !== 'object') return
    for (const k of keys) delete x[k]
    Object.values(x).forEach(strip)
  }
  if (run.result) { strip(run.result.result?.concession); delete run.result.solver_text; delete run.result.no_deal_text; delete run.result.must_accept_text }
}`)

// TestDealSearchStoredWithoutTexts: a deal search answer stored before
// the answers carried their words (no bend's text, no plan's head_text,
// no solver_text, no no_deal_text) still shows on the page: its fields plainly, the way
// out as the red lines before and after ("Ukraine: Territory < 65 → <=
// 65"), each plan under its title, and a line saying the answer is
// older than its words; not ask's sentences rewritten by the page (whose
// twins texts23 removed).
func TestDealSearchStoredWithoutTexts(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("answers without their words", stripDealTexts)
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=contradiction]`)))
	text := func(id string) []string {
		return get(t, e.bctx, id, chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=`+id+`]")].map((x) => x.textContent)`))
	}
	for id, want := range map[string][]string{
		"contradiction-head":   {"Red lines that contradict each other on Territory: Ukraine, Russia."},
		"contradiction-side":   {"Ukraine: Territory < 65 → <= 65", "Russia: Territory >= 65 → >= 50"},
		"contradiction-choice": nil,
		"plan-head":            {"Plan 1: lower alternatives", "Plan 2: bend red lines"},
		"plan-bend":            {"Ukraine: Territory < 65 → <= 65", "Ukraine: Territory < 65 → <= 65"},
		"plan-cost":            nil,
		"search-solver":        {"This answer was stored before answers carried their words: its ways out and plans are shown plainly; search again to read them in full."},
		// the no-deal package and the required actors as their fields
		"search-no-deal": {"No-deal package: reference Must accept: Ukraine, Russia, United States, United Kingdom, France, Germany, Italy, Finland, European Commission, NATO"},
	} {
		if shown := text(id); strings.Join(shown, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s reads\n%s\nwant\n%s", id, strings.Join(shown, "\n"), strings.Join(want, "\n"))
		}
	}
}
