package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestWageScenarioPage: on a new user's scenario on the 0–100 salience
// scale (ask/testdata/wage.yaml), the page prints what parley prints:
// the advise view's saliences on the file's scale (the union "at 8.0
// (salience 90)" on wage, its lever 30 → 35 on hours), where it printed
// 0.90 and 0.30 → 0.35; the forecast view lists the union's red line
// nash's status quo crosses (with the other models that cross it) as
// parley forecast prints it, not among the folded notes, and the
// advise view's caveats card the one compromise's forecast crosses, as
// parley advise prints it; and the tornado's salience range reads
// 80–100. The forecast view shows at all: exchange's unsettled forecast
// of an issue with no labelled options had nearest null, and the page
// said "No forecast … TypeError: Cannot read properties of null".
func TestWageScenarioPage(t *testing.T) {
	const file = "../ask/testdata/wage.yaml"
	e := startE2EWith(t, e2eOptions{scenario: file})
	note := "nash: 2.0 crosses Dockworkers' Union's red line (it needs Wage rise at 4 or above)"
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#forecast"), e.poll(`!!document.querySelector("[data-testid=model-table]") && !!document.querySelector("[data-testid=model-notes]")`))
	notes := get(t, e.bctx, "notes", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=model-notes] li')].map((li) => li.textContent)`))
	if slices.Contains(notes, note) {
		t.Errorf("model notes %q still hold %q, which the red lines crossed list", notes, note)
	}
	crossed := get(t, e.bctx, "red lines", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=red-lines-crossed] li')].map((li) => li.textContent)`))
	printed := oneLine(parley(t, "forecast", file))
	if len(crossed) != 1 || !strings.HasPrefix(crossed[0], "Dockworkers' Union's red line (it needs Wage rise at 4 or above): ") || !strings.Contains(crossed[0], "nash") ||
		!strings.Contains(printed, "red lines the forecasts cross (no model reads red lines): "+crossed[0]) {
		t.Errorf("the red lines crossed read %q, want the union's, nash's among its models, as parley forecast prints it:\n%s", crossed, printed)
	}

	out := parley(t, "advise", "union", file, "-q")
	e.do("advise", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue="hours"]`)))
	for _, want := range []string{
		"Wage rise: forecast 3.8, Dockworkers' Union at 8.0 (salience 90), 4.2 apart",
		"Weekly hours: forecast 31.2, Dockworkers' Union at 80.0 (salience 30), 48.8 apart",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("parley advise prints no %q:\n%s", want, out)
		}
		issue := map[bool]string{true: "wage", false: "hours"}[strings.HasPrefix(want, "Wage")]
		if got := e.text(fmt.Sprintf(`[data-testid=advise-out] table[data-issue=%q] caption`, issue)); got != want {
			t.Errorf("%s heading %q, want %q", issue, got, want)
		}
	}
	// compromise's red line crossed is listed in the caveats card as the
	// forecast view lists its own, in the words parley advise prints
	// (the answer's red_lines_crossed), not among the notes under the levers
	advised := "Dockworkers' Union's red line (it needs Wage rise at 4 or above): compromise 3.8"
	if ws := get(t, e.bctx, "advise red lines", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=advise-caveats] [data-testid=advise-red-lines] li')].map((li) => li.textContent)`)); !slices.Equal(ws, []string{advised}) ||
		!strings.Contains(oneLine(out), "red lines the forecasts cross (no model reads red lines): "+advised) {
		t.Errorf("advise's caveats card lists %q, want %q, as parley advise prints it:\n%s", ws, advised, out)
	}
	if ns := get(t, e.bctx, "advise notes", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=advise-notes] li')].map((li) => li.textContent)`)); slices.ContainsFunc(ns, func(n string) bool { return strings.Contains(n, "crosses") }) {
		t.Errorf("advise's notes %q still list a red line crossed", ns)
	}
	own := get(t, e.bctx, "own salience", chromedp.Evaluate[[]string](`[...document.querySelector('[data-testid=advise-out] table[data-issue="hours"]').querySelectorAll('tr[data-kind=own-salience] td')].slice(2, 4).map((c) => c.textContent)`))
	if strings.Join(own, " → ") != "30 → 35" {
		t.Errorf("hours: the own salience lever reads %q, want 30 → 35", own)
	}

	numbers := `figure[data-issue=wage] [data-testid=tornado-numbers]`
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)), e.poll(`document.querySelector("`+numbers+`") !== null`),
		chromedp.Click(chromedp.CSS(numbers+` summary`)))
	rows := get(t, e.bctx, "rows", chromedp.Evaluate[[]string](`[...document.querySelectorAll('`+numbers+` tbody tr')].map((r) => r.cells[0].textContent + ' | ' + r.cells[1].textContent)`))
	if !slices.Contains(rows, "Dockworkers' Union · salience | 80–100") || !slices.Contains(rows, "Port Authority · capability | 40.0–60.0") {
		t.Errorf("tornado rows %q, want the union's salience 80–100 and port's capability 40.0–60.0", rows)
	}
}
