package web_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
)

// bracketTexts marks every carried text of the answers the page reads
// (a sweep's, a sensitivity analysis's, a backtest's, a robust deal's,
// a forecast's likeliest, whether the answer came at once or as a run's
// result), "⟨…⟩" around it: a line the page shows marked is the
// answer's, not one it wrote again (docs/DECISIONS.md, texts24s).
var bracketTexts = answerFetch("", `(() => {
  const keys = ['option_hit_text', 'option_hits_text', 'tie_legend_text', 'legend_text', 'p_text', 'p_at_least_text', 'interval_legend',
    'interrupted_text', 'draws_unsettled_text', 'share_text', 'mark', 'what_text', 'one_ended_text', 'base_outside_text', 'ends_unsettled_text',
    'likeliest_chance_text', 'p_accepted_text', 'p_zone_text', 'p_accepts_text']
  const mark = (x) => {
    if (Array.isArray(x)) { x.forEach(mark); return }
    if (!x || typeof x !== 'object') return
    for (const k of keys) if (typeof x[k] === 'string' && x[k] !== '') x[k] = '⟨' + x[k] + '⟩'
    if (Array.isArray(x.likeliest)) for (const l of x.likeliest) if (l && typeof l.text === 'string') l.text = '⟨' + l.text + '⟩'
    Object.values(x).forEach(mark)
  }
  return mark
})()`)

// TestBacktestPrintsCarriedTexts: the backtest's option hits, each
// cell's hit mark and the legend with its ties' part are the answer's
// words (option_hits_text, option_hit_text, legend_text, which parley
// backtest prints), not the page's: on ask/testdata/backtest-tie.yaml
// median's cell reads "30.0 (6.0)⟨ ✓1/2⟩" with the answer's texts marked.
func TestBacktestPrintsCarriedTexts(t *testing.T) {
	var b answer.Backtest
	if err := json.Unmarshal([]byte(parley(t, "backtest", backtestTieFile, "--from", "base", "-m", "compromise,median", "-q", "-f", "json")), &b); err != nil {
		t.Fatal(err)
	}
	cli := oneLine(parley(t, "backtest", backtestTieFile, "--from", "base", "-m", "compromise,median", "-q"))
	if l := b.LegendText; b.TieLegendText == "" || !strings.Contains(l, b.TieLegendText) || !strings.Contains(cli, l) {
		t.Fatalf("the answer's legend %q (tie legend %q) is not parley backtest's:\n%s", l, b.TieLegendText, cli)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	e.onEveryPage("answers' texts marked", bracketTexts)
	openBacktestTie(t, e)
	_, rows := pageScores(t, e)
	if got := strings.Join(rows[1], " | "); got != "median | 6.0 | ⟨0.5/1⟩ | 6.0 | — | — | 30.0 (6.0)⟨ ✓1/2⟩" {
		t.Errorf("median's row reads %q", got)
	}
	if got := strings.Join(rows[0], " | "); got != "compromise | 2.7 | ⟨1/1⟩ | 2.7 | — | — | 33.3 (2.7)⟨ ✓⟩" {
		t.Errorf("compromise's row reads %q", got)
	}
	if legend, w := e.text(`[data-testid=backtest-legend]`), "⟨"+b.LegendText+"⟩; "; !strings.HasPrefix(legend, w) {
		t.Errorf("legend %q, want %q in it", legend, w)
	}
}

// TestTornadoPrintsCarriedTexts: under each tornado the line naming the
// one-ended input, each swing's mark, what its input is and its variance
// share are the answer's words (one_ended_text, mark, what_text,
// share_text, which parley sensitivity prints), not the page's
// (ask/testdata/zero-end.yaml, smp: north's salience on timeline is
// refused at 0).
func TestTornadoPrintsCarriedTexts(t *testing.T) {
	se, cli := zeroEndSensitivity(t)
	is := se.Models[0].Issues[0]
	if is.OneEndedText == "" || !strings.Contains(cli, is.OneEndedText) {
		t.Fatalf("the answer's one-ended line %q is not parley sensitivity's:\n%s", is.OneEndedText, cli)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	e.onEveryPage("answers' texts marked", bracketTexts)
	zeroEndTornadoes(t, e)
	type fig struct {
		Line   string     `json:"line"`
		Labels []string   `json:"labels"`
		Rows   [][]string `json:"rows"`
	}
	got := get(t, e.bctx, "tornado figures", chromedp.Evaluate[map[string]fig](`Object.fromEntries([...document.querySelectorAll("[data-testid=tornado] figure[data-issue]")].map((f) => [f.dataset.issue, {
		line: f.querySelector("[data-testid=tornado-one-ended]")?.textContent ?? "", labels: JSON.parse(f.dataset.labels ?? "[]"),
		rows: [...f.querySelectorAll("[data-testid=tornado-numbers] tbody tr")].map((r) => [...r.children].map((c) => c.textContent)) }]))`))
	f := got[is.Issue]
	if w := "⟨" + is.OneEndedText + "⟩"; f.Line != w {
		t.Errorf("%s: the tornado says %q under it, want the answer's %q", is.Issue, f.Line, w)
	}
	if len(f.Rows) == 0 {
		t.Fatalf("%s: no table of numbers", is.Issue)
	}
	for i, r := range f.Rows {
		s := is.Swings[i]
		if w := "⟨" + s.ShareText + "⟩"; len(r) < 5 || r[4] != w {
			t.Errorf("%s row %d reads %q, want its share %q", is.Issue, i, r, w)
		}
		if !strings.HasSuffix(r[0], "⟨"+s.WhatText+"⟩") {
			t.Errorf("%s row %d names its input %q, want the answer's %q after the actor", is.Issue, i, r[0], s.WhatText)
		}
		if s.Mark != "" && !strings.HasSuffix(r[3], "⟨"+s.Mark+"⟩") {
			t.Errorf("%s row %d's swing %q, want the answer's mark %q", is.Issue, i, r[3], s.Mark)
		}
	}
	marked := false
	for _, l := range f.Labels {
		marked = marked || strings.HasSuffix(l, " ⟨†⟩")
	}
	if !marked {
		t.Errorf("%s: no chart label ends with the answer's mark ⟨†⟩: %q", is.Issue, f.Labels)
	}
}

// TestSweepPrintsCarriedTexts: a sweep's option table writes each
// P(nearest) and P(≥ at) as the answer does (p_text, p_at_least_text,
// which parley sweep prints), and says what the parentheses hold in the
// answer's words (interval_legend).
func TestSweepPrintsCarriedTexts(t *testing.T) {
	var sw answer.Sweep
	if err := json.Unmarshal([]byte(parley(t, "sweep", "-m", "compromise", "-n", "200", "--seed", "1", "-q", "-f", "json")), &sw); err != nil {
		t.Fatal(err)
	}
	m := sw.Models[0]
	e := startE2E(t)
	e.onEveryPage("answers' texts marked", bracketTexts)
	got := sweepOptions(t, e, 200)
	if m.IntervalLegend == "" {
		t.Fatal("the sweep's answer carries no interval_legend")
	}
	checked := 0
	for _, is := range m.Issues {
		g := got[is.Issue]
		if len(is.Bands) == 0 {
			continue
		}
		checked++
		if len(g.Rows) != len(is.Bands) {
			t.Fatalf("%s: %d options shown, want %d", is.Issue, len(g.Rows), len(is.Bands))
		}
		for i, b := range is.Bands {
			if r := g.Rows[i]; r[2] != "⟨"+b.PText+"⟩" || r[3] != "⟨"+b.PAtLeastText+"⟩" {
				t.Errorf("%s %s: P cells %q, want the answer's %q and %q", is.Issue, b.Label, r[2:], b.PText, b.PAtLeastText)
			}
		}
		if w := "⟨" + m.IntervalLegend + "⟩"; !strings.Contains(g.Legend, w) {
			t.Errorf("%s: legend %q, want %q in it", is.Issue, g.Legend, w)
		}
		// The likeliest line is the answer's (likeliest_text, lines25),
		// with the band's p_text in ask's words.
		if g.Likeliest != is.LikeliestText || !strings.Contains(g.Likeliest, " of draws") {
			t.Errorf("%s: the likeliest reads %q, want the answer's %q", is.Issue, g.Likeliest, is.LikeliestText)
		}
	}
	if checked == 0 {
		t.Fatal("no issue of the sweep has options: the test tests nothing")
	}
}

// TestLikeliestPrintsCarriedTexts: snap's cell in the forecast table
// names its likeliest and their chance in the answer's words (each
// likeliest's text and likeliest_chance_text, which parley forecast
// prints in its table of where the outcome may land), not the page's:
// on cli/testdata/example.yaml, "likeliest (⟨43%⟩): ⟨→50 half budget⟩".
func TestLikeliestPrintsCarriedTexts(t *testing.T) {
	const file = "../cli/testdata/example.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var f answer.Forecast
	if err := json.Unmarshal([]byte(parley(t, "forecast", file, "-m", "snap", "-q", "-f", "json")), &f); err != nil {
		t.Fatal(err)
	}
	cli := parley(t, "forecast", file, "-m", "snap", "-q")
	want := map[string]string{}
	for _, x := range f.Models[0].Issues {
		d := x.Distribution
		if d == nil || len(d.Likeliest) != 1 {
			t.Fatalf("%s: snap's distribution %+v; want one likeliest", x.Issue, d)
		}
		l := d.Likeliest[0]
		if l.Text == "" || d.LikeliestChanceText == "" || !strings.Contains(cli, "│ "+l.Text+" ") || !strings.Contains(cli, "│ "+d.LikeliestChanceText+" │") {
			t.Fatalf("%s: the answer's %q and %q are not in parley forecast's table:\n%s", x.Issue, l.Text, d.LikeliestChanceText, cli)
		}
		want[x.Issue] = "likeliest (⟨" + d.LikeliestChanceText + "⟩): ⟨" + l.Text + "⟩"
	}
	if want["budget"] != "likeliest (⟨43%⟩): ⟨→50 half budget⟩" {
		t.Errorf("budget's likeliest is to read %q", want["budget"])
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	e.onEveryPage("answers' texts marked", bracketTexts)
	rec := e.stored("Example", body)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=snap#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=likeliest]`)))
	got := get(t, e.bctx, "likeliest", chromedp.Evaluate[map[string]string](`Object.fromEntries([...document.querySelectorAll("[data-testid=likeliest]")].map((n) => [n.closest("td").dataset.issue, n.textContent]))`))
	for issue, w := range want {
		if got[issue] != w {
			t.Errorf("%s: snap's cell reads %q, want %q", issue, got[issue], w)
		}
	}
}

// TestDealRobustPrintsCarriedTexts: a robust search's box says what the
// parentheses hold, and each actor's row its P(accepts), in the answer's
// words (interval_legend, p_accepts_text, which parley deal search
// --robust prints), not the page's; P(zone) and P(accepted) are in the
// lines the answer carries whole (TestRobustLinesAsCommandLine).
func TestDealRobustPrintsCarriedTexts(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("answers' texts marked", bracketTexts)
	want := robustSearch(t, e, 1000)
	r := want.Robust
	if r == nil || r.IntervalLegend == "" || len(r.Actors) == 0 {
		t.Fatalf("the search's robust analysis lacks its words: %+v", r)
	}
	openRobustDeal(e, 1000, "1,000 draws")
	// The zone's and the accepted line hold p_zone_text and
	// p_accepted_text inside the lines the answer carries
	// (zone_line_text, accepted_line_text: TestRobustLinesAsCommandLine).
	if got := e.text(`[data-testid=search-robust]`); !strings.Contains(got, "(⟨"+r.IntervalLegend+"⟩.)") {
		t.Errorf("robust box %q lacks the answer's legend %q", got, r.IntervalLegend)
	}
	if first := e.text(`[data-testid=search-robust] table:last-of-type tbody tr:first-child`); !strings.Contains(first, "⟨"+r.Actors[0].AcceptsText+"⟩") {
		t.Errorf("first actor's row %q, want the answer's %q", first, r.Actors[0].AcceptsText)
	}
}

// TestBacktestStoredWithoutTexts: a backtest stored before the answers
// carried their words (no option_hits_text, option_hit_text,
// tie_legend_text or legend_text) shows its fields plainly: median's hits as the number
// 0.5, its cell without a mark, no tie legend, and a line saying to run
// it again; not ask's words rewritten by the page.
func TestBacktestStoredWithoutTexts(t *testing.T) {
	e := startE2EWith(t, e2eOptions{empty: true})
	e.onEveryPage("answers without their words", rewriteAnswers(`backtest`, `['option_hit_text', 'option_hits_text', 'tie_legend_text', 'legend_text']`, `() => undefined`))
	openBacktestTie(t, e)
	_, rows := pageScores(t, e)
	if got := strings.Join(rows[1], " | "); got != "median | 6.0 | 0.5 | 6.0 | — | — | 30.0 (6.0)" {
		t.Errorf("median's row reads %q", got)
	}
	if legend := e.text(`[data-testid=backtest-legend]`); strings.Contains(legend, "✓1/2") || !strings.HasPrefix(legend, "option hits: ") {
		t.Errorf("legend %q names a tie's mark no cell shows, or more than the table's columns", legend)
	}
	if got, w := e.text(`[data-testid=backtest-stored-before]`), "This answer was stored before answers carried their words: its option hits are shown as numbers and its cells without their marks; run the backtest again to read them in full."; got != w {
		t.Errorf("the stored answer's line reads %q, want %q", got, w)
	}
}
