package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBottomLineShownFirst: the forecast view's first card is the
// forecast's bottom line, its head and each issue's sentence in the
// stored answer's words (bottom_line, ask's; no rewording on the page),
// the issues in order, before the caveats and the model table; on the
// built-in case's Territory 5 of 9 models read compromise's 46.8 as →50
// (ask's TestBottomLineBuiltIn). On a phone it is the first card too,
// open, its head on the first screen and the wide table after it.
func TestBottomLineShownFirst(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.EmulateViewport(1400, 1000), chromedp.Navigate(e.srv.URL+"/#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=bottom-line]`)))
	type shown struct {
		First   bool
		Head    string
		Issues  []string
		Lines   []string
		Agree   []string
		Visible bool
	}
	got := get(t, e.bctx, "bottom line", chromedp.Evaluate[shown](`(() => {
		const card = document.querySelector('[data-testid=bottom-line]')
		const main = card.parentElement
		const first = main.firstElementChild === card
		const lis = [...card.querySelectorAll('li')]
		const r = card.getBoundingClientRect()
		return { first, head: card.querySelector('[data-testid=bottom-line-head]').textContent,
			issues: lis.map((li) => li.dataset.issue), lines: lis.map((li) => li.textContent), agree: lis.map((li) => li.dataset.agree + '/' + li.dataset.models),
			visible: r.top < window.innerHeight && r.height > 0 }
	})()`))
	e.do("shot", e.view("62-forecast-bottom-line"))
	fs := e.storedForecasts(t)
	if len(fs) == 0 || fs[0].BottomLine == nil {
		t.Fatalf("no stored forecast with a bottom line")
	}
	b := fs[0].BottomLine
	if !got.First || !got.Visible {
		t.Errorf("the bottom line is not the forecast view's first card on the first screen (first %v, visible %v)", got.First, got.Visible)
	}
	if got.Head != b.Head {
		t.Errorf("head %q, want the answer's %q", got.Head, b.Head)
	}
	if len(got.Lines) != len(b.Issues) {
		t.Fatalf("%d issues shown, want %d", len(got.Lines), len(b.Issues))
	}
	for i, x := range b.Issues {
		if got.Issues[i] != x.Issue || got.Lines[i] != x.Text {
			t.Errorf("issue %d shows %s %q, want %s %q", i, got.Issues[i], got.Lines[i], x.Issue, x.Text)
		}
	}
	if len(got.Issues) < 2 || len(got.Agree) < 2 {
		t.Fatalf("%d issues shown (%d with agreement): want territory second", len(got.Issues), len(got.Agree))
	}
	if got.Issues[1] != "territory" || got.Agree[1] != "5/9" || !strings.HasPrefix(got.Lines[1], "Territory: compromise 46.8, nearest →50 ") {
		t.Errorf("territory shows %q (%s), want compromise's 46.8 →50, 5 of 9 models", got.Lines[1], got.Agree[1])
	}

	p := startE2E(t)
	p.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(p.srv.URL+"/#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=bottom-line-head]`)))
	phone := get(t, p.bctx, "on a phone", chromedp.Evaluate[string](`(() => {
		const card = document.querySelector('[data-testid=bottom-line]')
		const top = (q) => document.querySelector(q).getBoundingClientRect().top
		return (card.parentElement.firstElementChild === card ? 'first' : 'not first') + '; head at ' + (top('[data-testid=bottom-line-head]') < window.innerHeight ? 'the first screen' : 'below it') +
			'; table ' + (top('[data-testid=model-table]') > top('[data-testid=bottom-line] li:last-child') ? 'after it' : 'before its end')
	})()`))
	if w := "first; head at the first screen; table after it"; phone != w {
		t.Errorf("on a phone the bottom line reads %q, want %q", phone, w)
	}
	p.do("shot", p.view("62-forecast-bottom-line-phone"))
}
