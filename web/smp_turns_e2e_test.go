package web_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/scenarios"
)

// smpTurnWords are the fields of smp's turns that carry their words
// (turns25, docs/DECISIONS.md): a bargain's offers_text (and, since
// rest25, its phi_text and gain_text), an option's probability_text.
const smpTurnWords = `['offers_text', 'probability_text', 'phi_text', 'gain_text']`

// smpTurns explains smp on the built-in case at its latest snapshot, as
// the page asks, and finds the turn, actor and option whose probability
// is nonzero but below half a percent (the page's whole percent wrote it
// "0%").
func smpTurns(t *testing.T) (x *answer.Explanation, turn int, actor string, opt answer.SMPOption) {
	t.Helper()
	name, data := scenarios.Default()
	req := answer.NewExplainRequest()
	req.Model = "smp"
	x, err := ask.Explain(context.Background(), loadCase(t, name, data, "latest"), req)
	if err != nil {
		t.Fatal(err)
	}
	for _, tu := range x.Turns {
		for _, c := range tu.Choices {
			for _, o := range c.Options {
				if o.Probability > 0 && o.Probability < 0.005 {
					return x, tu.Turn, c.Actor, o
				}
			}
		}
	}
	t.Fatal("no option below 0.5%: the test would prove nothing")
	return
}

// showTurn picks smp on the explain view and then its turn n.
func showTurn(e *e2e, n int) {
	e.t.Helper()
	e.do("explain", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=pull-chart]`)))
	pick := func(testid, value string) chromedp.Action[chromedp.Void] {
		return void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const s = document.querySelector("[data-testid=%s]"); s.value = %q; s.dispatchEvent(new Event("change")); return true })()`, testid, value)))
	}
	e.do("smp", pick("explain-model", "smp"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=smp-bargains]`)),
		pick("smp-turn", strconv.Itoa(n)), e.poll(fmt.Sprintf(`document.querySelector("[data-testid=smp-turn]").value === %q`, strconv.Itoa(n))))
}

// TestSMPTurnWords: smp's turns on the explain view show the words the
// answer carries (marked here on its way to the page): each bargain's
// offers by the issues' names, as parley explain -m smp prints the last
// turn's (the page wrote them by issue id), and each option's
// probability as ask.Chance writes it, so an option at 0.03% does not
// read "0%".
func TestSMPTurnWords(t *testing.T) {
	x, turn, actor, opt := smpTurns(t)
	last := x.Turns[len(x.Turns)-1]
	cli := parleyAt(t, "1000", "explain", "-m", "smp", "-q")
	e := startE2E(t)
	e.onEveryPage("marked words", rewriteAnswers(`explain`, smpTurnWords, `(v) => '‹' + v + '›'`))

	showTurn(e, last.Turn)
	cells := get(t, e.bctx, "offers", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=smp-bargains] tbody tr td:last-child')].map((x) => x.textContent)`))
	if len(cells) != len(last.Bargains) {
		t.Fatalf("%d bargains shown in turn %d, want %d", len(cells), last.Turn, len(last.Bargains))
	}
	for i, c := range cells {
		offers, marked := unmark(c)
		if !marked || offers != last.Bargains[i].OffersText || !strings.Contains(cli, "│ "+offers+" ") {
			t.Errorf("bargain %d's offers %q (marked %v): not the answer's %q, or not parley explain's", i+1, c, marked, last.Bargains[i].OffersText)
		}
		for _, is := range x.Scenario.Issues {
			if is.ID != is.Name && strings.Contains(offers, is.ID+" ") {
				t.Errorf("bargain %d's offers name %s by its id: %q", i+1, is.Name, offers)
			}
		}
	}

	showTurn(e, turn)
	rows := get(t, e.bctx, "options", chromedp.Evaluate[map[string]string](`Object.fromEntries([...document.querySelectorAll('[data-testid=smp-options] tbody tr')].map((r) => [r.querySelector('th').textContent, r.querySelector('td').textContent]))`))
	want := "‹" + ask.Chance(opt.Probability) + "›"
	if got := rows[x.Scenario.ActorName(actor)]; !strings.Contains(got, want) || ask.Chance(opt.Probability) == "0%" {
		t.Errorf("turn %d, %s's options %q: no %s for %v", turn, x.Scenario.ActorName(actor), got, want, opt.Probability)
	}
}

// TestSMPTurnsStoredWithout: an explanation stored before smp's turns
// carried their words shows the fields plainly: each offer by its
// issue's id with its numbers to three significant figures, each
// probability as its number (no percent the page would compose).
func TestSMPTurnsStoredWithout(t *testing.T) {
	x, turn, actor, opt := smpTurns(t)
	e := startE2E(t)
	e.onEveryPage("answers without their words", rewriteAnswers(`explain`, smpTurnWords, `() => undefined`))

	showTurn(e, turn)
	tu := x.Turns[turn-1]
	b := tu.Bargains[0]
	var parts []string
	for _, o := range b.Offers {
		parts = append(parts, fmt.Sprintf("%s %s/%s", o.Issue, strconv.FormatFloat(o.Initiator, 'g', 3, 64), strconv.FormatFloat(o.Receiver, 'g', 3, 64)))
	}
	cell := e.text(`[data-testid=smp-bargains] tbody tr td:last-child`)
	if first := strings.Split(cell, "; ")[0]; len(strings.Split(cell, "; ")) != len(b.Offers) || !strings.HasPrefix(first, b.Offers[0].Issue+" ") {
		t.Errorf("bargain 1's offers %q, want them by issue id, plainly (%s)", cell, strings.Join(parts, "; "))
	}
	rows := get(t, e.bctx, "options", chromedp.Evaluate[map[string]string](`Object.fromEntries([...document.querySelectorAll('[data-testid=smp-options] tbody tr')].map((r) => [r.querySelector('th').textContent, r.querySelector('td').textContent]))`))
	got := rows[x.Scenario.ActorName(actor)]
	digits := strings.Replace(strconv.FormatFloat(opt.Probability, 'e', 2, 64)[:4], ".", "", 1) // 0.000314's "314"
	if strings.Contains(got, "%") || !strings.Contains(got, digits) {
		t.Errorf("turn %d, %s's options %q: want each probability as its number (%v)", turn, x.Scenario.ActorName(actor), got, opt.Probability)
	}
}

// TestAdviseHelpsCarried: over draws, each lever's share of draws that
// help is the answer's helps_text (ask.Chance, marked here on its way to
// the page), as parley advise --draws prints it in its Helps column; the
// page wrote Math.round(100 × helps) + "%", which reads a nonzero share
// "0%".
func TestAdviseHelpsCarried(t *testing.T) {
	out := parley(t, "advise", "ukraine", "--draws", "50", "-q")
	var want []string
	row := regexp.MustCompile(`│\s+(\S+) │\s+(\S+) │$`)
	in := false
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Ceasefire: forecast ") {
			in = true
		} else if in && strings.HasPrefix(line, "└") {
			break
		} else if m := row.FindStringSubmatch(line); in && m != nil && m[2] != "HELPS" {
			want = append(want, m[1]+" · "+m[2])
		}
	}
	if len(want) == 0 {
		t.Fatalf("no levers on the ceasefire in\n%s", out)
	}
	e := startE2E(t)
	e.onEveryPage("marked helps", rewriteAnswers(`advise`, `['helps_text']`, `(v) => '‹' + v + '›'`))
	table := `[data-testid=advise-out] table[data-issue="ceasefire"]`
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(table)))
	e.do("draws", chromedp.SetValue(chromedp.CSS(`#advise-draws`), "50"), chromedp.Click(chromedp.CSS(`#advise-go`)),
		e.poll(`document.querySelectorAll('[data-testid=advise-out] table[data-issue="ceasefire"] thead th').length === 9`))
	got := get(t, e.bctx, "helps", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=advise-out] table[data-issue="ceasefire"] tbody tr')].filter((r) => r.getBoundingClientRect().height > 0).map((r) => r.cells[8].textContent)`))
	var plain []string
	for _, g := range got {
		p, _ := unmark(g)
		if !strings.Contains(g, " · ‹") || !strings.HasSuffix(g, "›") {
			t.Errorf("lever's draws cell %q: helps is not the answer's", g)
		}
		plain = append(plain, p)
	}
	if strings.Join(plain, "\n") != strings.Join(want, "\n") {
		t.Errorf("the page's mean · helps\n%s\nwant, as parley advise --draws 50 prints them,\n%s", strings.Join(plain, "\n"), strings.Join(want, "\n"))
	}
}
