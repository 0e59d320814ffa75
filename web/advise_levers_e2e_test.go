package web_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAdviseLeversAsCommandLine: the advise view shows each issue's
// levers as parley advise prints them for the built-in case's Ukraine:
// the first 6, each with the change and cost the command line writes (a
// cost of nothing is "0", where the page wrote "0.0000"), and says how
// many more there are ("9 more levers"), where the page showed 8 and
// said nothing of the rest; "Show all" shows every one.
func TestAdviseLeversAsCommandLine(t *testing.T) {
	out := parley(t, "advise", "ukraine", "-q")
	// Each issue's section: its name, its rows (from → to, cost) and the
	// count of the levers left out.
	type section struct {
		rows []string
		more int
	}
	want := map[string]*section{}
	var cur *section
	head := regexp.MustCompile(`^(\S.*?): forecast `)
	row := regexp.MustCompile(`^│ [\w:-]+(?: \w+)?\s+│ .+? │\s+(\S+) │\s+(\S+) │\s+\S+ │\s+\S+ │\s+\S+ │\s+(\S+) │$`)
	more := regexp.MustCompile(`^\((\d+) more levers?: --top 0 shows all\)$`)
	for _, line := range strings.Split(out, "\n") {
		if m := head.FindStringSubmatch(line); m != nil {
			cur = &section{}
			want[m[1]] = cur
		} else if m := row.FindStringSubmatch(line); m != nil && cur != nil && m[1] != "FROM" {
			cur.rows = append(cur.rows, m[1]+" → "+m[2]+" | "+m[3])
		} else if m := more.FindStringSubmatch(line); m != nil && cur != nil {
			fmt.Sscan(m[1], &cur.more)
		}
	}
	if len(want) == 0 || want["Ceasefire"] == nil || want["Ceasefire"].more == 0 {
		t.Fatalf("no issue of parley advise ukraine leaves levers out:\n%s", out)
	}
	e := startE2E(t)
	ids := map[string]string{}
	for _, is := range e.full.Issues {
		ids[is.Name] = is.ID
	}
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue="ceasefire"]`)), e.shot("63-advise-levers"))
	shown := func(issue string) []string {
		return get(t, e.bctx, "levers", chromedp.Evaluate[[]string](fmt.Sprintf(`[...[...document.querySelectorAll('[data-testid=advise-out] table[data-issue]')].find((x) => x.caption.textContent.startsWith(%q)).querySelectorAll('tbody tr')].filter((r) => r.getBoundingClientRect().height > 0).map((r) => r.cells[2].textContent + ' → ' + r.cells[3].textContent + ' | ' + r.cells[7].textContent)`, issue+": forecast ")))
	}
	for issue, w := range want {
		got := shown(issue)
		if strings.Join(got, "\n") != strings.Join(w.rows, "\n") {
			t.Errorf("%s: the page shows the levers\n%s\nwant, as parley advise prints them,\n%s", issue, strings.Join(got, "\n"), strings.Join(w.rows, "\n"))
		}
		sel := fmt.Sprintf(`[data-testid=advise-out] table[data-issue=%q] + [data-testid=advise-more]`, ids[issue])
		if w.more == 0 {
			if n := e.count(sel); n != 0 {
				t.Errorf("%s: the page says levers are left out, parley advise leaves none", issue)
			}
			continue
		}
		if e.count(sel) == 0 {
			t.Errorf("%s: the page does not say that %d more levers are left out", issue, w.more)
			continue
		}
		if m := e.text(sel); !strings.HasPrefix(m, fmt.Sprintf("%d more lever", w.more)) {
			t.Errorf("%s: the page says %q, want %d more levers", issue, m, w.more)
		}
	}
	if e.count(`[data-testid=advise-out] table[data-issue="ceasefire"] + [data-testid=advise-more] button`) == 0 {
		t.Fatal("ceasefire: no button shows the levers left out")
	}
	e.do("show all", chromedp.Click(chromedp.CSS(`[data-testid=advise-out] table[data-issue="ceasefire"] + [data-testid=advise-more] button`)))
	if n, w := len(shown("Ceasefire")), len(want["Ceasefire"].rows)+want["Ceasefire"].more; n != w {
		t.Errorf("ceasefire: %d levers shown after Show all, want %d", n, w)
	}
}

// TestAdviseCostStoredWithout: a lever's cost is the answer's cost_text
// (ask.LeverCost, parley advise's rule: 3e-05 for a cost under 0.00005,
// TestLeverCost; TestAdviseCostCarried); an answer stored before it
// carried it shows the number plainly, to three significant figures
// (0.0000300), with no copy of the command line's rule kept on the page
// (docs/DECISIONS.md, texts24r). Every lever's cost is set to 3e-05 and
// its cost_text taken out on its way to the page.
func TestAdviseCostStoredWithout(t *testing.T) {
	const cost = 3e-05
	e := startE2E(t)
	e.onEveryPage("tiny costs", rewriteAnswers(`advise`, `['cost', 'cost_text']`, fmt.Sprintf(`(v) => typeof v === 'string' ? undefined : v === null ? v : %g`, cost)))
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue="ceasefire"]`)))
	got := get(t, e.bctx, "costs", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=advise-out] table[data-issue] tbody tr')].map((r) => r.cells[7].textContent)`))
	if len(got) == 0 {
		t.Fatal("no lever shown")
	}
	for i, c := range got {
		if c != "0.0000300" {
			t.Errorf("lever %d's cost reads %q, want the number plainly, 0.0000300", i+1, c)
		}
	}
}
