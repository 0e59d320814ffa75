package web_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// markTexts24r marks, "⟨…⟩" around each, the words the deal, sweep and
// advise answers now carry for the lines the page wrote itself
// (docs/DECISIONS.md, texts24r): a robust analysis's lines, deal
// evaluate's summary and each rule's text, an actor's alternative (an
// evaluation's alternative_text, a search's alternatives' text), the
// search's veto head, a listed package's nearest options, the sweep's
// head and a lever's cost. A line the page shows marked is the
// answer's, not one it wrote again.
var markTexts24r = answerFetch("", `(() => {
  const keys = ['head_text', 'zone_line_text', 'acceptance_text', 'accepted_line_text', 'summary_text', 'alternative_text', 'veto_head_text', 'cost_text', 'nearest_text']
  const m = (v) => typeof v === 'string' && v !== '' ? '⟨' + v + '⟩' : v
  const mark = (x) => {
    if (Array.isArray(x)) { x.forEach(mark); return }
    if (!x || typeof x !== 'object') return
    for (const k of keys) if (k in x) x[k] = Array.isArray(x[k]) ? x[k].map(m) : m(x[k])
    if (('actor' in x && 'from' in x && 'value' in x) || ('rule' in x && 'passes' in x)) { if ('text' in x) x.text = m(x.text) }
    Object.values(x).forEach(mark)
  }
  return mark
})()`)

// TestRobustLinesAsCommandLine: the robust analysis of a search and of
// the evaluated package reads on the page in the lines parley deal
// search --robust and deal evaluate --robust print, from the words the
// answer carries (head_text, zone_line_text, acceptance_text,
// accepted_line_text): the page had written "1,000 draws (triangular,
// seed 1) of 150 ranged inputs" and "A zone of agreement exists in … of
// draws" where the command line says "Robustness over 1,000 draws of the
// stated ranges (triangular, seed 1, 150 ranged inputs)" and
// "P(a zone of agreement exists) = …". On the built-in case as of 11
// March 2025 (a zone opens), the packages listed (the most robust, Nash,
// balanced) name their nearest options from the answer's nearest_text,
// and each actor's alternative is the answer's text, as the command
// line's verdicts at the package print it.
func TestRobustLinesAsCommandLine(t *testing.T) {
	e := startE2E(t)
	want := robustSearch(t, e, 1000)
	r := want.Robust
	if r == nil || r.Best == nil || want.Result.Nash == nil || len(r.Best.NearestText) == 0 || len(want.Result.Nash.NearestText) == 0 {
		t.Fatalf("the search's robust analysis or its packages lack their words: %+v", r)
	}
	cli := oneLine(parleyWide(t, "deal", "search", "--robust", "--draws", "1000", "--snapshot", "2025-03-11"))
	lines := []string{r.HeadText, r.ZoneLineText, r.AcceptanceText, r.AcceptedLineText}
	for _, s := range lines {
		if s == "" || !strings.Contains(cli, s) {
			t.Errorf("parley deal search --robust does not print the answer's line %q:\n%s", s, cli)
		}
	}
	e.onEveryPage("answers' texts marked", markTexts24r)
	openRobustDeal(e, 1000, "1,000 draws",
		e.poll(`!!document.querySelector('[data-testid=deal-robust]')`))
	got := e.text(`[data-testid=search-robust]`)
	for _, s := range lines {
		if !strings.Contains(got, "⟨"+s+"⟩") {
			t.Errorf("the page's robust search %q lacks the answer's line %q", got, s)
		}
	}
	for k, s := range r.Best.NearestText {
		if s != "" && !strings.Contains(got, "⟨"+s+"⟩") {
			t.Errorf("the most robust package's issue %d: the page %q lacks the answer's nearest %q", k, got, s)
		}
	}
	zone := e.text(`[data-testid=zone-packages]`)
	for k, s := range want.Result.Nash.NearestText {
		if s != "" && !strings.Contains(zone, "⟨"+s+"⟩") {
			t.Errorf("Nash's issue %d: the page's packages %q lack the answer's nearest %q", k, zone, s)
		}
	}
	actors := e.text(`[data-testid=zone-actors]`)
	for _, a := range want.Result.Alternatives {
		if a.Text == "" || !strings.Contains(actors, "⟨"+a.Text+"⟩") || !strings.Contains(cli, a.Text) {
			t.Errorf("%s's alternative %q: not the page's %q or not in the command line's verdicts", a.Actor, a.Text, actors)
		}
	}
	// The evaluated package's analysis, in deal evaluate --robust's lines.
	ev := e.text(`[data-testid=deal-robust]`)
	for _, s := range []string{"⟨Robustness over 1,000 draws of the stated ranges (", "⟨The package is accepted when ", "⟨P(accepted) = "} {
		if !strings.Contains(ev, s) {
			t.Errorf("the evaluated package's robust box %q lacks %q", ev, s)
		}
	}
	evCLI := oneLine(parleyWide(t, "deal", "evaluate", "--robust", "--draws", "1000", "--snapshot", "2025-03-11"))
	for _, s := range []string{"Robustness over 1,000 draws of the stated ranges (", "The package is accepted when ", "P(accepted) = "} {
		if !strings.Contains(evCLI, s) {
			t.Errorf("parley deal evaluate --robust lacks %q", s)
		}
	}
}

// TestDealSummaryAsCommandLine: deal evaluate's summary on the page is
// the line parley deal evaluate prints under its verdicts (the answer's
// summary_text), with each decision rule's text under it (ask.RuleText),
// the rules the page had worded itself ("Budget carried by …"); each
// actor's alternative is the answer's alternative_text, the command
// line's cell. On cli/testdata/rules.yaml the package passes both rules.
// Under rules-mixed the search's veto players are headed in the
// answer's words (veto_head_text), as the command line heads them.
func TestDealSummaryAsCommandLine(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("answers' texts marked", markTexts24r)
	for _, f := range []string{"rules", "rules-mixed"} {
		path := "../cli/testdata/" + f + ".yaml"
		body, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c := loadCase(t, path, body, "")
		e.dealOn(path, f, e.poll(`!!document.querySelector('[data-testid=zone-rules]') && !!document.querySelector('[data-testid=deal-summary]')`))
		evCLI := oneLine(parleyWide(t, "deal", "evaluate", path))
		summary := e.text(`[data-testid=deal-summary]`)
		i := strings.Index(summary, "⟨")
		j := strings.Index(summary, "⟩")
		if i != 0 || j < 0 || !strings.Contains(evCLI, summary[len("⟨"):j]) {
			t.Errorf("%s: the page's summary %q does not begin with the answer's line parley deal evaluate prints:\n%s", f, summary, evCLI)
		}
		ev, err := ask.DealEvaluate(e.ctx, c, answer.NewDealEvaluateRequest())
		if err != nil {
			t.Fatal(err)
		}
		rules := e.text(`[data-testid=deal-rules]`)
		for _, r := range ev.Evaluation.Rules {
			if r.Text == "" || !strings.Contains(rules, "⟨"+r.Text+"⟩") {
				t.Errorf("%s: the page's rules under the summary %q lack the rule's text %q", f, rules, r.Text)
			}
		}
		verdicts := e.text(`[data-testid=deal-verdicts]`)
		for _, v := range ev.Evaluation.Actors {
			if v.AlternativeText == "" || !strings.Contains(verdicts, "⟨"+v.AlternativeText+"⟩") || !strings.Contains(evCLI, v.AlternativeText) {
				t.Errorf("%s: %s's alternative %q: not the page's %q, or not the command line's", f, v.Actor, v.AlternativeText, verdicts)
			}
		}
		if f == "rules-mixed" {
			s, err := ask.DealSearch(e.ctx, c, answer.NewDealSearchRequest())
			if err != nil {
				t.Fatal(err)
			}
			h := s.Result.VetoHeadText
			zone := e.text(`[data-testid=zone-rules]`)
			if h == "" || !strings.Contains(zone, "⟨"+h+"⟩") || !strings.Contains(oneLine(parleyWide(t, "deal", "search", path)), h) {
				t.Errorf("%s: the veto head %q: not the page's %q, or not the command line's", f, h, zone)
			}
		}
	}
}

// TestSweepHeadAsCommandLine: the sweep view heads its draws with the
// line parley sweep prints (the answer's head_text, "model compromise:
// 200 draws (triangular, seed 1); 150 uncertain inputs"), where the page
// had written its own without "model".
func TestSweepHeadAsCommandLine(t *testing.T) {
	out := parley(t, "sweep", "-m", "compromise", "-n", "200", "--seed", "1")
	e := startE2E(t)
	e.onEveryPage("answers' texts marked", markTexts24r)
	sweepOptions(t, e, 200)
	got := e.text(`[data-testid=sweep-head]`)
	if !strings.HasPrefix(got, "⟨model compromise: 200 draws (triangular, seed 1); ") || !strings.HasSuffix(got, "⟩") || !strings.Contains(out, "\n"+strings.Trim(got, "⟨⟩")+"\n") {
		t.Errorf("the sweep's head %q, want the answer's line as parley sweep prints it:\n%s", got, out)
	}
}

// TestAdviseCostCarried: a lever's cost on the page is the answer's
// cost_text (ask.LeverCost, parley advise's cell), not the page's copy
// of the command line's rule (TestAdviseLeversAsCommandLine compares the
// cells with the command line's).
func TestAdviseCostCarried(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("answers' texts marked", markTexts24r)
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-out] table[data-issue="ceasefire"]`)))
	got := e.text(`[data-testid=advise-out] table[data-issue="ceasefire"] tbody tr:first-child td:nth-child(8)`)
	if !strings.HasPrefix(got, "⟨") || !strings.HasSuffix(got, "⟩") {
		t.Errorf("the first lever's cost reads %q, want the answer's cost_text", got)
	}
}

// stripTexts24r makes every answer the page reads look like one stored
// before it carried texts24r's words: no robust lines, summary,
// alternative text, veto head or packages' nearest options (nor the
// plans' heads, which share head_text's name).
var stripTexts24r = answerFetch("", `(() => {
  const keys = ['head_text', 'zone_line_text', 'acceptance_text', 'accepted_line_text', 'summary_text', 'alternative_text', 'veto_head_text', 'cost_text', 'nearest_text']
  const strip = (x) => {
    if (Array.isArray(x)) { x.forEach(strip); return }
    if (!x || typeof x !== 'object') return
    for (const k of keys) delete x[k]
    if (('actor' in x && 'from' in x && 'value' in x) || ('rule' in x && 'passes' in x)) delete x.text
    Object.values(x).forEach(strip)
  }
  return strip
})()`)

// TestDealStoredWithoutTexts24r: a deal answer stored before it carried
// texts24r's words shows its fields plainly, with no second
// implementation of the sentences on the page: the summary as
// "accepted" or "blocked", the robust head as its fields ("draws 200,
// triangular, seed 1, ranged inputs 150"), an actor's alternative as its
// number and where it came from, a package's cell with its options
// entry ("60: …").
func TestDealStoredWithoutTexts24r(t *testing.T) {
	e := startE2E(t)
	want := robustSearch(t, e, 200)
	e.onEveryPage("answers as stored before", stripTexts24r)
	openRobustDeal(e, 200, "draws 200,",
		e.poll(`!!document.querySelector('[data-testid=deal-robust]')`))
	if got, w := e.text(`[data-testid=search-robust] p`), "draws 200, triangular, seed 1, ranged inputs "; !strings.HasPrefix(got, w) || strings.Contains(got, "Robustness over") {
		t.Errorf("the stored robust head reads %q, want %q and the inputs", got, w)
	}
	if s := e.text(`[data-testid=deal-summary]`); s != "accepted" && s != "blocked" {
		t.Errorf("the stored summary reads %q, want accepted or blocked", s)
	}
	a := want.Result.Alternatives[0]
	first := get(t, e.bctx, "alternative", chromedp.Evaluate[string](`document.querySelector("[data-testid=zone-actors] tbody tr td").textContent`))
	if w := strconv.FormatFloat(a.Value, 'f', 3, 64) + " " + a.From; first != w {
		t.Errorf("the stored alternative reads %q, want %q", first, w)
	}
	zone := e.text(`[data-testid=zone-packages]`)
	if o := want.Result.Nash.Options[0]; o == "" || !strings.Contains(zone, o) || strings.Contains(zone, "nearest: ") {
		t.Errorf("the stored packages %q, want Nash's option %q as it is", zone, o)
	}
}
