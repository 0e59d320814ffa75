package web_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStanceDrawerErrorsInWords edits Russia's stance on Territory in
// the built-in case's drawer (the latest snapshot, where Russia's red
// line is ">= 65") and reads what the page says, then opens the builder:
//
//   - position 50: the warning names Russia and Territory by name, and
//     no line or column of the stored file (it read "position 50 of
//     russia on issue territory breaks russia's own red line … (line
//     1004, column 32)"), and ends "; use …" (it read "— valid: …");
//   - salience 1.5: one error, the salience's bounds; not a second asking
//     for a range that contains 1.5, which no range on 0–1 may;
//   - the builder's hint for the id gives the example validation's
//     error for a missing id gives (it gave another).
func TestStanceDrawerErrorsInWords(t *testing.T) {
	e := startE2E(t)
	marker := chromedp.CSS(`g.marker[data-actor="russia"][data-issue="territory"]`)
	pos := chromedp.CSS(`[data-testid=stance-form] input[name=position]`)
	sal := chromedp.CSS(`[data-testid=stance-form] input[name=salience]`)
	save := chromedp.CSS(`[data-testid=save-stance]`)
	e.do("open Russia on Territory", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(marker),
		chromedp.Focus(marker), chromedp.KeyEvent("\r"), chromedp.WaitVisible(pos),
		e.poll(`getComputedStyle(document.getElementById("drawer")).transform === "none"`))

	e.do("position 50", chromedp.SetValue(pos, "50"), chromedp.Click(save),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=edit-errors] li`)))
	msg := e.text(`[data-testid=edit-errors]`)
	for _, want := range []string{
		`position 50 of Russia on Territory breaks Russia's own red line ">= 65", set at `,
		`; use a position the red line allows (>= 65), or a red line that allows 50`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the drawer says\n%s\nwant it to contain\n%s", msg, want)
		}
	}
	if regexp.MustCompile(`\bline \d|column \d|russia|issue territory|valid:`).MatchString(msg) {
		t.Errorf("the drawer says %q: a file's line, an id or \"valid:\"", msg)
	}

	e.do("salience 1.5", chromedp.SetValue(pos, "70"), chromedp.SetValue(sal, "1.5"), chromedp.Click(save),
		e.poll(`[...document.querySelectorAll("[data-testid=edit-errors] li")].some((li) => li.textContent.includes("salience 1.5"))`))
	if n := e.count(`[data-testid=edit-errors] li`); n != 1 {
		t.Errorf("%d errors for salience 1.5, want 1: %q", n, e.text(`[data-testid=edit-errors]`))
	}
	if got, want := e.text(`[data-testid=edit-errors] li`), "Stance of Russia on Territory: salience: salience 1.5 is outside its range; use a number from 0 to 1 (the scenario’s salience scale)"; got != want {
		t.Errorf("salience 1.5:\n got %s\nwant %s", got, want)
	}

	e.do("builder", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#build"),
		chromedp.WaitVisible(chromedp.CSS(`[data-path="metadata.id"]`)))
	hint := get(t, e.bctx, "the id's hint", chromedp.Evaluate[string](`document.querySelector('[data-path="metadata.id"]').closest('label').querySelector('small').textContent`))
	if hint != " (short, e.g. trade-talks-2026)" {
		t.Errorf("the id's hint %q, want validation's example trade-talks-2026", hint)
	}
}
