package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestDistributionShownWhole: snap's cells in the forecast table show its
// 80% and 95% intervals and the likeliest option's chance whole, not cut
// off after two lines — the uncertainty is what a reader must not miss.
// The likeliest option is its point and label (→55 30-day ceasefire…),
// cut after two lines as a nearest option is: whole, the built-in case's
// long labels made snap's rows three times the others' height. Its whole
// text is in its title and shows on focus.
func TestDistributionShownWhole(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=distribution]`)))
	type note struct {
		Text, Likely, Title      string
		Whole, Cut, WholeOnFocus bool
		Rows                     float64
	}
	got := get(t, e.bctx, "distributions", chromedp.Evaluate[[]note](`Array.from(document.querySelectorAll('[data-testid=distribution]')).map((d) => {
		const l = d.querySelector('[data-testid=likeliest]')
		const line = parseFloat(getComputedStyle(l).lineHeight)
		const cut = l.scrollHeight > l.clientHeight + 1, rows = l.clientHeight / line
		l.focus()
		const whole = l.scrollHeight <= l.clientHeight + 1
		l.blur()
		return { text: d.textContent, likely: l.textContent, title: l.title, whole: d.scrollHeight <= d.clientHeight + 1, cut, wholeOnFocus: whole, rows }
	})`))
	if len(got) != 7 {
		t.Fatalf("%d distributions shown, want one for each of the built-in case's 7 issues", len(got))
	}
	cut := 0
	for _, d := range got {
		if !strings.Contains(d.Text, "80%: ") || !strings.Contains(d.Text, " · 95%: ") || !strings.Contains(d.Text, "; likeliest (") {
			t.Errorf("a distribution reads %q, want both intervals and the likeliest option", d.Text)
		}
		if !d.Whole {
			t.Errorf("the distribution %q is cut off in its cell", d.Text)
		}
		// "likeliest (26%): →55 30-day ceasefire on Russia's conditions …"
		head, names, ok := strings.Cut(d.Likely, "): ")
		if !ok || !strings.HasPrefix(head, "likeliest (") || !strings.HasPrefix(names, "→") || d.Title != names {
			t.Errorf("the likeliest reads %q with title %q, want \"likeliest (P%%): →POINT LABEL\" and the names whole in the title", d.Likely, d.Title)
		}
		if d.Rows > 2.05 {
			t.Errorf("the likeliest %q takes %.1f lines, want at most 2", d.Likely, d.Rows)
		}
		if !d.WholeOnFocus {
			t.Errorf("the likeliest %q is still cut when focused", d.Likely)
		}
		if d.Cut {
			cut++
		}
	}
	// The built-in case's likeliest labels run to 30 words: some must be
	// cut, or the clamp is not at work.
	if cut == 0 {
		t.Errorf("no likeliest label is cut after two lines: %+v", got)
	}
}
