package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/ask"
)

// TestDistributionShownWhole: snap's cells in the forecast table show its
// 80% and 95% intervals and the likeliest option's chance whole, not cut
// off after two lines — the uncertainty is what a reader must not miss.
// The likeliest option is its point and label (→55 30-day ceasefire…),
// cut after two lines as a nearest option is: whole, the built-in case's
// long labels made snap's rows three times the others' height. Its whole
// text is in its title and shows on focus (and on hover:
// TestForecastNotesReadWhole). It reads as the command line's
// table of where the outcome may land writes it (ask.LikelyText,
// ask.LikeliestChance): "likeliest (26%): →55 …".
func TestDistributionShownWhole(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=distribution]`)))
	type note struct {
		Issue, Text, Likely, Title string
		Whole, Cut, WholeOnFocus   bool
		Rows                       float64
	}
	got := get(t, e.bctx, "distributions", chromedp.Evaluate[[]note](`Array.from(document.querySelectorAll('[data-testid=distribution]')).map((d) => {
		const l = d.querySelector('[data-testid=likeliest]')
		const line = parseFloat(getComputedStyle(l).lineHeight)
		const cut = l.scrollHeight > l.clientHeight + 1, rows = l.clientHeight / line
		l.focus()
		// A cut one is drawn whole over the rows below (cellNote): its
		// text, in a box of its own, overflows the box it stands in,
		// unclipped.
		const text = l.firstElementChild
		const whole = !cut || (getComputedStyle(l).overflow === 'visible' && text.getBoundingClientRect().height >= text.scrollHeight - 1)
		l.blur()
		return { issue: d.closest('td').dataset.issue, text: d.textContent, likely: l.textContent, title: l.title, whole: d.scrollHeight <= d.clientHeight + 1, cut, wholeOnFocus: whole, rows }
	})`))
	if len(got) != 7 {
		t.Fatalf("%d distributions shown, want one for each of the built-in case's 7 issues", len(got))
	}
	want := likeliestWords(t, e)
	cut := 0
	for _, d := range got {
		if w, ok := want[d.Issue]; !ok || d.Likely != w {
			t.Errorf("snap's likeliest on %s reads %q, want %q", d.Issue, d.Likely, w)
		}
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

// likeliestWords is, by issue, snap's likeliest in the stored forecast
// of the built-in case as the command line words it: "likeliest (26%):
// " then ask.LikelyText of each, " / " between a tie's.
func likeliestWords(t *testing.T, e *e2e) map[string]string {
	t.Helper()
	out := map[string]string{}
	fs := e.storedForecasts(t)
	if len(fs) == 0 {
		return out
	}
	f := fs[0] // the first forecast done
	for _, m := range f.Models {
		for _, x := range m.Issues {
			if m.Model != "snap" || x.Distribution == nil {
				continue
			}
			var names []string
			for _, l := range x.Distribution.Likeliest {
				var actors []string
				for _, a := range l.Actors {
					actors = append(actors, f.Scenario.ActorName(a))
				}
				names = append(names, ask.LikelyText(l, ask.Decimals(l.Value, f.Scenario.IssueDecimals(x.Issue)), actors))
			}
			out[x.Issue] = "likeliest (" + ask.LikeliestChance(x.Distribution.Likeliest) + "): " + strings.Join(names, " / ")
		}
	}
	if len(out) != 7 || !strings.HasPrefix(out["ceasefire"], "likeliest (") {
		t.Fatalf("snap's likeliest in the stored forecast: %q (the test needs the built-in case's 7 issues)", out)
	}
	return out
}
