package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// The page words what the command line prints in the same words, from
// ask: a deal plan's concessions, a deal's verdicts, advice's tables, the
// evidence coverage's rows, a forecast's nearest option.

// TestDealPlanBendWords: the concessions that would open the built-in
// case's empty zone read as parley deal search prints them
// (ask.BendText): "Ukraine crosses its red line on Territory: < 65
// becomes <= 65 (must accept the very value it excluded); it gives up
// 0.025 utility (from 50.0) and no longer refuses “65: …”", where the page wrote
// "< 65 → <= 65 (…); gives up …, accepting".
func TestDealPlanBendWords(t *testing.T) {
	e := startE2E(t)
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=plan-cost]`)))
	got := storedSearch(t, e)
	var want []string
	c := got.Result.Concession
	for _, p := range []*answer.DealPlan{c.LowerAlternatives, c.BendRedLines} {
		if p == nil {
			continue
		}
		// Plan 2 crossing as plan 1 does says so (ask.SameCrossingText).
		if p == c.BendRedLines && c.LowerAlternatives != nil && len(c.LowerAlternatives.Shortfalls) == 0 && ask.SameCrossing(c.LowerAlternatives.Bends, p.Bends) {
			want = append(want, ask.SameCrossingText)
			continue
		}
		for _, b := range p.Bends {
			want = append(want, ask.BendLine(&got.Scenario, b))
		}
	}
	if len(want) == 0 || !strings.Contains(want[0], "Ukraine crosses its red line (Territory below 65) to accept it at 65 or below (the very value it excluded); its utility falls by 0.025 (on 0–1) from Territory at 50.0, the last option it allowed, to 65.0, and it no longer refuses “65: ") {
		t.Fatalf("the built-in case's plans bend %q: the case tests less than it says", want)
	}
	shown := get(t, e.bctx, "bends", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=plan-bend]")].map((x) => x.textContent)`))
	if strings.Join(shown, "\n") != strings.Join(want, "\n") {
		t.Errorf("the bends read\n%s\nwant\n%s", strings.Join(shown, "\n"), strings.Join(want, "\n"))
	}
	// each actor's gain by each package the plans open, signed as the
	// command line's verdicts write a gain (ask.Signed: +0.063)
	r := got.Result
	var gains []string
	for _, a := range r.Alternatives {
		var row []string
		for _, p := range []*answer.DealPlan{r.Concession.LowerAlternatives, r.Concession.BendRedLines} {
			if p != nil {
				row = append(row, ask.Signed(p.Package.Gains[slices.Index(r.Actors, a.Actor)], 3))
			}
		}
		gains = append(gains, strings.Join(row, " "))
	}
	shown = get(t, e.bctx, "gains", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=zone-actors] tbody tr")].map((r) => [...r.querySelectorAll("td")].slice(1).map((x) => x.textContent).join(" "))`))
	if strings.Join(shown, "\n") != strings.Join(gains, "\n") || !strings.Contains(strings.Join(gains, " "), "+") {
		t.Errorf("the gains read\n%s\nwant\n%s", strings.Join(shown, "\n"), strings.Join(gains, "\n"))
	}
}

// TestDealVerdictWords: the deal view's table of verdicts has the
// command line's columns and words (printVerdicts): the verdict "blocks"
// or "accepts" (ask.VerdictText, "(not required)" after it where the
// page had a column of its own), not "✗ no"; a gain signed ("+0.063",
// ask.Signed); a red line crossed with the value the package gives its
// issue, "Territory below 65 (the package has 47.0)" (ask.CrossedText). The package is
// the one on the sliders, evaluated by package ask.
func TestDealVerdictWords(t *testing.T) {
	e := startE2E(t)
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-summary] ~ table.compare tbody tr`)))
	pkg := get(t, e.bctx, "package", chromedp.Evaluate[map[string]float64](`Object.fromEntries([...document.querySelectorAll("input[type=range][data-issue]")].map((i) => [i.dataset.issue, Number(i.value)]))`))
	req := answer.NewDealEvaluateRequest()
	req.Package = pkg
	req.Models = []string{"none"}
	ev, err := ask.DealEvaluate(context.Background(), builtinCase(t, "latest"), req)
	if err != nil {
		t.Fatal(err)
	}
	sc := &ev.Scenario
	var want []string
	crossed := false
	for _, v := range ev.Evaluation.Actors {
		var cs []string
		for _, c := range v.Crossed {
			cs = append(cs, ask.CrossedText(sc.IssueName(c.Issue), c.RedLine, ask.Decimals(c.Value, sc.IssueDecimals(c.Issue))))
			crossed = true
		}
		want = append(want, strings.Join([]string{sc.ActorName(v.Actor), ask.Signed(v.Gain, 3), strings.Join(cs, "; "), ask.VerdictText(v.Accepts, false, v.Required, v.Defaulted)}, " | "))
	}
	if !crossed || !strings.Contains(strings.Join(want, "\n"), " | blocks") {
		t.Fatalf("at %v no actor blocks on a red line: the case tests less than it says:\n%s", pkg, strings.Join(want, "\n"))
	}
	head := get(t, e.bctx, "head", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=deal-summary] ~ table.compare thead th")].map((x) => x.textContent)`))
	if w := []string{"Actor", "Utility", "Alternative", "Gain", "Red lines crossed", "Verdict"}; strings.Join(head, "|") != strings.Join(w, "|") {
		t.Errorf("the verdicts' columns %q, want the command line's %q", head, w)
	}
	shown := get(t, e.bctx, "verdicts", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=deal-summary] ~ table.compare tbody tr")].map((r) => { const c = r.children; return [c[0], c[3], c[4], c[5]].map((x) => x.textContent).join(" | ") })`))
	if strings.Join(shown, "\n") != strings.Join(want, "\n") {
		t.Errorf("the verdicts read\n%s\nwant\n%s", strings.Join(shown, "\n"), strings.Join(want, "\n"))
	}
}

// TestAdviseWords: the advise view heads its levers as parley advise
// does (ask.LeverColumns: From and To apart, "Closer by"), names a
// lever's kind in the same words (ask.LeverKindText, "persuade:
// position"), and heads each issue with the actor's salience
// (ask.AdviseIssueHead: "… (salience 0.90), 38.4 apart").
func TestAdviseWords(t *testing.T) {
	e := startE2E(t)
	req := answer.NewAdviseRequest()
	req.Actor = "ukraine"
	a, err := ask.Advise(context.Background(), builtinCase(t, "latest"), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue]`)))
	for _, ia := range a.Issues {
		d := a.Scenario.IssueDecimals(ia.Issue)
		sel := fmt.Sprintf(`[data-testid=advise-out] table[data-issue=%q]`, ia.Issue)
		if got, want := e.text(sel+" caption"), ask.AdviseIssueHead(&a.Scenario, ia.Name, ask.Decimals(float64(ia.Forecast), d), a.Name, ask.Decimals(ia.Position, d), ia.Salience, ask.Decimals(float64(ia.Distance), d)); got != want {
			t.Errorf("%s: heading %q, want %q", ia.Issue, got, want)
		}
		head := get(t, e.bctx, "head", chromedp.Evaluate[[]string](fmt.Sprintf(`[...document.querySelectorAll('%s thead th')].map((x) => x.textContent)`, sel)))
		if strings.Join(head, "|") != strings.Join(ask.LeverColumns(), "|") {
			t.Errorf("%s: columns %q, want %q", ia.Issue, head, ask.LeverColumns())
		}
		kinds := get(t, e.bctx, "kinds", chromedp.Evaluate[[]string](fmt.Sprintf(`[...document.querySelectorAll('%s tbody tr td:first-child')].map((x) => x.textContent)`, sel)))
		for i, lv := range ia.Levers[:min(len(kinds), len(ia.Levers))] {
			if kinds[i] != ask.LeverKindText(lv.Kind) {
				t.Errorf("%s, lever %d: %q, want %q", ia.Issue, i+1, kinds[i], ask.LeverKindText(lv.Kind))
			}
		}
	}
	if !strings.Contains(e.text(`[data-testid=advise-out] table[data-issue="ceasefire"] caption`), "(salience 0.90)") {
		t.Errorf("ceasefire's heading %q has not Ukraine's salience 0.90", e.text(`[data-testid=advise-out] table[data-issue="ceasefire"] caption`))
	}
}

// TestCoverageRowNames: the evidence coverage names its rows' actors and
// issues by name, as parley validate does (ask.CoverageRowHead: "actor
// United States", "issue Ceasefire", then "overall"), not by id
// ("united-states").
func TestCoverageRowNames(t *testing.T) {
	e := startE2E(t)
	e.do("evidence", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#evidence"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=coverage] table.coverage tbody tr`)))
	heads := get(t, e.bctx, "rows", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=coverage] table.coverage tbody tr th")].map((x) => x.textContent)`))
	var want []string
	for _, a := range e.full.Actors {
		want = append(want, ask.CoverageRowHead("actor", a.Name))
	}
	for _, is := range e.full.Issues {
		want = append(want, ask.CoverageRowHead("issue", is.Name))
	}
	want = append(want, ask.CoverageOverall)
	if strings.Join(heads, "\n") != strings.Join(want, "\n") || !strings.Contains(strings.Join(heads, "\n"), "actor United States") {
		t.Errorf("the coverage's rows\n%s\nwant\n%s", strings.Join(heads, "\n"), strings.Join(want, "\n"))
	}
}

// TestForecastNearestPoints: each forecast cell writes its nearest
// option's point before its label, as the command line's →70
// (ask.PointsText), so that a label the cell clips to two lines ("30-day
// ceasefire…", at 55 and at 70) still tells the options apart; the
// whole reads on hover (its title) and on focus.
func TestForecastNearestPoints(t *testing.T) {
	e := startE2E(t)
	f, err := ask.Forecast(context.Background(), builtinCase(t, "latest"), answer.NewForecastRequest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table] td[data-model] b + small`)))
	cells := get(t, e.bctx, "cells", chromedp.Evaluate[map[string][]string](`Object.fromEntries([...document.querySelectorAll("[data-testid=model-table] td[data-model][data-issue]")].filter((td) => td.querySelector("b + small")).map((td) => { const x = td.querySelector("b + small"); return [td.dataset.model + "/" + td.dataset.issue, [x.textContent, x.title, String(x.tabIndex)]] }))`))
	n := 0
	for _, m := range f.Models {
		for _, is := range m.Issues {
			got, ok := cells[m.Model+"/"+is.Issue]
			if !ok || !is.Settled || len(is.Nearest) == 0 {
				continue
			}
			var labels []string
			for _, a := range is.Nearest {
				labels = append(labels, a.Label)
			}
			want := ask.PointsText(is.Nearest) + " " + strings.Join(labels, ask.TieJoin)
			text := want
			if len(is.Nearest) > 1 {
				text = "tie: " + want
			}
			if got[0] != text || got[1] != want || got[2] != "0" {
				t.Errorf("%s on %s: reads %q (title %q, tab index %s), want %q", m.Model, is.Issue, got[0], got[1], got[2], text)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatalf("no forecast cell with a nearest option: %v", cells)
	}
}

// TestForecastTieText: a forecast equally near two options writes their
// points as parley forecast does ("50.0 →25 / 75", ask.PointsText) and
// their labels joined as every door joins a tie's (ask.TieJoin): "tie:
// →25 / 75 low / high". The page's join was a literal of its own, which
// only the single-option cells of the built-in case were compared with.
func TestForecastTieText(t *testing.T) {
	const file = "../cli/testdata/tie.yaml"
	tieYAML, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c := loadCase(t, "tie.yaml", tieYAML, "latest")
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise"}
	f, err := ask.Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	is := f.Models[0].Issues[0]
	if len(is.Nearest) != 2 || is.Forecast != 50 {
		t.Fatalf("compromise forecasts %v nearest %+v: the test needs 50, a tie between 25 and 75", is.Forecast, is.Nearest)
	}
	var labels []string
	for _, a := range is.Nearest {
		labels = append(labels, a.Label)
	}
	// the command line's cell: the forecast and its points
	row := regexp.MustCompile(`│ Issue one\s+│ (\S+) (\S+ / \S+)\s+│`).FindStringSubmatch(parley(t, "forecast", file, "-m", "compromise", "-q"))
	if row == nil || row[2] != ask.PointsText(is.Nearest) {
		t.Fatalf("parley forecast's row %q, want the points %q", row, ask.PointsText(is.Nearest))
	}
	want := row[2] + " " + strings.Join(labels, ask.TieJoin)
	if want != "→25 / 75 low / high" {
		t.Fatalf("ask words the tie %q: the test tests less than it says", want)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Tie between options", tieYAML)
	cell := `td[data-model="compromise"][data-issue="i1"]`
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise#forecast"), chromedp.WaitVisible(chromedp.CSS(cell+` [data-testid=nearest]`)))
	got := get(t, e.bctx, "cell", chromedp.Evaluate[[]string](`(() => { const td = document.querySelector('`+cell+`'); const x = td.querySelector('[data-testid=nearest]'); return [td.querySelector('b').textContent, x.textContent, x.title] })()`))
	if w := []string{row[1], "tie: " + want, want}; !slices.Equal(got, w) {
		t.Errorf("the tie's cell reads %q, want %q", got, w)
	}
}

// TestCaveatsHeadingOneStyle: the backtest's caveats are headed as the
// forecast's are, "⚠ Read these before using the numbers", not in an
// h3's capitals ("READ THESE BEFORE USING THE NUMBERS").
func TestCaveatsHeadingOneStyle(t *testing.T) {
	e := startE2E(t)
	e.do("backtest", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#backtest"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=backtest-warnings]`)))
	got := get(t, e.bctx, "heading", chromedp.Evaluate[[]string](`(() => { const x = document.querySelector("[data-testid=backtest-warnings] h2"); return x ? [x.textContent, getComputedStyle(x).textTransform] : [] })()`))
	if want := []string{"⚠ Read these before using the numbers", "none"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the backtest's caveats are headed %q, want %q", got, want)
	}
}

// TestBuilderScalePlaceholders: the builder's scale fields are wide
// enough for their placeholders, "min (0)" and "max (100)", beside a
// number's spin buttons; "max (100)" was clipped to "max (1…".
func TestBuilderScalePlaceholders(t *testing.T) {
	e := startE2E(t)
	e.do("builder", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#build"), chromedp.WaitVisible(chromedp.CSS(`.bpair input[placeholder="max (100)"]`)))
	// the placeholder's width in the field's font, and the room the
	// field leaves it: its content box less a spin button (15 px)
	got := get(t, e.bctx, "widths", chromedp.Evaluate[[][]float64](`[...document.querySelectorAll('.bpair input[placeholder^="m"]')].map((x) => { const cs = getComputedStyle(x); const c = document.createElement("canvas").getContext("2d"); c.font = cs.font; return [c.measureText(x.placeholder).width, x.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 15] })`))
	if len(got) == 0 {
		t.Fatal("no scale field")
	}
	for _, w := range got {
		if w[0] > w[1] {
			t.Errorf("a placeholder %.1f px wide in a field leaving it %.1f", w[0], w[1])
		}
	}
}

// TestDealRhoOutOfRangePutBack: a ρ over the limit (answer.MaxRho, 10)
// typed in the deal view is put back and the status line says what is
// valid, in the words the server gives (ask.Check's refusal of the
// request at that ρ, which the API answers with a 400); it was ignored
// without a word, the field showing 20 beside answers at ρ = 1. The
// page's source holds no copy of those words: it wrote them again.
func TestDealRhoOutOfRangePutBack(t *testing.T) {
	req := answer.NewDealEvaluateRequest()
	req.Rho = 20
	refused := ask.Check(req)
	if refused == nil {
		t.Fatal("ask.Check accepts ρ 20")
	}
	_, valid, _ := strings.Cut(refused.Error(), ": valid: ")
	srcs, err := filepath.Glob("src/*.ts")
	if err != nil || len(srcs) == 0 {
		t.Fatalf("the page's source: %v, %d files", err, len(srcs))
	}
	for _, f := range srcs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "(1 is linear loss)") {
			t.Errorf("%s writes ρ's valid range (%q) again; it is the server's to say", f, valid)
		}
	}
	e := startE2E(t)
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		void(chromedp.Evaluate[bool](`(() => { const r = document.querySelector('input[name=rho]'); r.value = '20'; r.dispatchEvent(new Event('change')); return true })()`)),
		e.poll(`document.getElementById('status').textContent.startsWith('rho 20')`))
	if v := get(t, e.bctx, "rho", chromedp.Evaluate[string](`document.querySelector('input[name=rho]').value`)); v != "1" {
		t.Errorf("ρ field reads %q after 20 was refused, want 1", v)
	}
	if s, want := e.text("#status"), refused.Error()+"; kept 1"; s != want {
		t.Errorf("status %q, want %q", s, want)
	}
}

// onEveryPage runs script in every page the tab loads from now until the
// test ends. The script stays with the tab, which later tests share: it
// is taken off when this test ends (before the tab is given back).
func (e *e2e) onEveryPage(step, script string) {
	e.t.Helper()
	var id page.ScriptIdentifier
	e.do(step, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		if err == nil {
			id = r.Identifier
		}
		return err
	}))
	e.t.Cleanup(func() {
		if err := chromedp.Do(e.bctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: id})
			return err
		})); err != nil {
			e.t.Errorf("%s: take the script off the tab: %v", step, err)
		}
	})
}
