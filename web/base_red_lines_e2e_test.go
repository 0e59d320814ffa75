package web_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestBaseRedLinesShown: a sweep's, a sensitivity analysis's and advice's
// red lines crossed stand where the forecast view's do, in a "Read these
// before using the numbers" card, under the answer's heading, each line
// in the words parley prints (the answer's red_lines_crossed, ask's), and
// no longer among the folded notes, where each model's crossing was a
// note of its own. On the built-in case compromise's forecast at the
// stated values crosses Russia's red lines on Territory (">= 65") and on
// Security guarantees ("< 50"); advice reads the same run.
func TestBaseRedLinesShown(t *testing.T) {
	c := builtinCase(t, "latest")
	ctx := context.Background()
	req := answer.NewSweepRequest()
	req.Models, req.Draws = []string{"compromise"}, 20
	sw, err := ask.Sweep(ctx, c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Draws = answer.MinSensitivityDraws
	se, err := ask.Sensitivity(ctx, c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	areq := answer.NewAdviseRequest()
	areq.Actor = "ukraine"
	ad, err := ask.Advise(ctx, c, areq, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, lines := range [][]string{sw.RedLinesCrossed, se.RedLinesCrossed, ad.RedLinesCrossed} {
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "Russia's red line (it needs Territory at 65 or above): compromise ") ||
			!strings.HasPrefix(lines[1], "Russia's red line (it needs Security guarantees for Ukraine below 50): compromise ") {
			t.Fatalf("compromise's answers on the built-in case cross %q, not Russia's two red lines: the test tests less than it says", lines)
		}
	}
	e := startE2E(t)
	e.do("sweep", chromedp.EmulateViewport(1400, 1000), chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "compromise"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "20"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`!!document.querySelector("[data-testid=sweep-red-lines]")`),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), strconv.Itoa(answer.MinSensitivityDraws)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		e.poll(`!!document.querySelector("[data-testid=tornado-red-lines]")`), e.shot("62-sweep-red-lines"))
	check := func(name, card, id, notes string, want []string, crossings []answer.RedLineCrossing) {
		t.Helper()
		type shown struct {
			InCard       bool
			Heading      string
			Head         string
			Lines, Notes []string
			Visible      int
		}
		got := get(t, e.bctx, name, chromedp.Evaluate[shown](`(() => {
			const s = document.querySelector('[data-testid=`+id+`]')
			const card = s?.closest('section.card.caveats[data-testid=`+card+`]')
			const lis = s ? [...s.querySelectorAll('li')] : []
			return { inCard: !!card, heading: card?.querySelector('h2')?.textContent ?? '', head: s?.querySelector('[data-testid=red-lines-head]')?.textContent ?? '',
				lines: lis.map((li) => li.textContent), visible: lis.filter((li) => li.getClientRects().length > 0).length,
				notes: [...document.querySelectorAll('`+notes+` li')].map((li) => li.textContent) }
		})()`))
		if !got.InCard || got.Heading != "⚠ Read these before using the numbers" {
			t.Errorf("%s: the red lines crossed are not in a \"Read these before using the numbers\" card (%q)", name, got.Heading)
		}
		if got.Head != ask.RedLinesCrossedHead {
			t.Errorf("%s: the red lines' heading reads %q, want ask's %q", name, got.Head, ask.RedLinesCrossedHead)
		}
		if !slices.Equal(got.Lines, want) || got.Visible != len(want) {
			t.Errorf("%s: the red lines read (%d shown)\n%s\nwant the answer's\n%s", name, got.Visible, strings.Join(got.Lines, "\n"), strings.Join(want, "\n"))
		}
		for _, n := range got.Notes {
			for _, x := range crossings {
				if strings.Contains(n, x.Text()) {
					t.Errorf("%s: the notes still list %q", name, n)
				}
			}
		}
	}
	check("sweep", "sweep-caveats", "sweep-red-lines", "[data-testid=sweep-notes]", sw.RedLinesCrossed, sw.Models[0].RedLines)
	check("sensitivity", "tornado-caveats", "tornado-red-lines", "[data-testid=tornado-notes]", se.RedLinesCrossed, se.Models[0].RedLines)

	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue="territory"]`)), e.shot("62-advise-red-lines"))
	check("advise", "advise-caveats", "advise-red-lines", "[data-testid=advise-out] ul", ad.RedLinesCrossed, ad.RedLines)
}
