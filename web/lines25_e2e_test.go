package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// markLines25 marks, "⟪…⟫" around each, the lines the page composed
// itself until lines25 and the answers now carry: a search's
// no_veto_text, a sweep issue's likeliest_text and each bin's text, a
// snap explanation's candidates_head_text, and a robust analysis's
// head_text (which the page's own heading repeated). A line the page
// shows marked is the answer's, not one it wrote again.
var markLines25 = answerFetch("", `(() => {
  const keys = ['no_veto_text', 'likeliest_text', 'candidates_head_text', 'head_text']
  const m = (v) => typeof v === 'string' && v !== '' ? '⟪' + v + '⟫' : v
  const mark = (x) => {
    if (Array.isArray(x)) { x.forEach(mark); return }
    if (!x || typeof x !== 'object') return
    for (const k of keys) if (k in x) x[k] = m(x[k])
    if ('low' in x && 'high' in x && 'count' in x && 'text' in x) x.text = m(x.text)
    Object.values(x).forEach(mark)
  }
  return mark
})()`)

// TestLines25CarriedOnPage: the lines the page wrote itself, with no
// counterpart at the command line, are now the answer's, printed at both
// doors (docs/DECISIONS.md, lines25):
//   - under decision rules with no veto player (cli/testdata/rules.yaml)
//     the deal view's rules line ends with the answer's "No actor has a
//     veto.", which parley deal search prints under its rules' table;
//   - each sweep figure's "Most likely option" line is the answer's
//     likeliest_text, which parley sweep prints under its options, and
//     its histogram's rows are headed by each bin's text;
//   - snap's candidates' table is captioned by the answer's
//     candidates_head_text, which parley explain -m snap prints over its
//     table;
//   - the robust box is headed by the answer's head_text alone, the
//     page's "Over the stated ranges" above it gone.
func TestLines25CarriedOnPage(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("the lines25 texts marked", markLines25)

	// The sweep's likeliest lines and bins, against the answer and the
	// command line.
	req := answer.NewSweepRequest()
	req.Draws = 200
	sw, err := ask.Sweep(e.ctx, builtinCase(t, "latest"), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	cli := oneLine(parleyWide(t, "sweep", "-n", "200", "-q"))
	shown := sweepOptions(t, e, 200)
	bins := get(t, e.bctx, "bins", chromedp.Evaluate[map[string][]string](`Object.fromEntries([...document.querySelectorAll("figure[data-issue]")].map((f) => [f.dataset.issue,
		[...f.querySelectorAll("[data-testid=histogram-numbers] tbody th")].map((th) => th.textContent)]))`))
	for _, is := range sw.Models[0].Issues {
		if is.LikeliestText == "" {
			continue
		}
		if !strings.Contains(cli, is.LikeliestText) {
			t.Errorf("%s: parley sweep does not print %q", is.Issue, is.LikeliestText)
		}
		if got := shown[is.Issue].Likeliest; got != "⟪"+is.LikeliestText+"⟫" {
			t.Errorf("%s: the page's most likely option %q, want the answer's %q", is.Issue, got, is.LikeliestText)
		}
		var want []string
		first, last := -1, -1
		for k, b := range is.Hist {
			if b.Count > 0 {
				if first < 0 {
					first = k
				}
				last = k
			}
		}
		for k := first; k >= 0 && k <= last; k++ {
			want = append(want, "⟪"+is.Hist[k].Text+"⟫")
		}
		if strings.Join(bins[is.Issue], " | ") != strings.Join(want, " | ") {
			t.Errorf("%s: the histogram's rows %q, want the answer's bins %q", is.Issue, bins[is.Issue], want)
		}
	}

	// snap's candidates' caption.
	x := answer.NewExplainRequest()
	x.Model, x.Issue = "snap", "ceasefire"
	ex, err := ask.Explain(e.ctx, builtinCase(t, "latest"), x)
	if err != nil {
		t.Fatal(err)
	}
	head := ex.Issues[0].Snap.CandidatesHeadText
	if head == "" || !strings.Contains(oneLine(parleyWide(t, "explain", "-m", "snap", "--issue", "ceasefire", "-q")), head) {
		t.Errorf("parley explain -m snap does not print the candidates' head %q", head)
	}
	snap := `section[data-issue="ceasefire"] [data-testid=snap-candidates]`
	e.do("explain snap", chromedp.Navigate(e.srv.URL+"/#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		e.poll(`(() => { const s = document.querySelector("[data-testid=explain-model]"); if (s.value !== "snap") { s.value = "snap"; s.dispatchEvent(new Event("change")) } return true })()`),
		e.poll(`!!document.querySelector('`+snap+` tbody tr')`))
	if got := e.text(snap + ` caption`); got != "⟪"+head+"⟫" {
		t.Errorf("snap's caption %q, want the answer's %q", got, head)
	}

	// The robust box's one heading.
	r := robustSearch(t, e, 200).Robust
	openRobustDeal(e, 200, "200 draws")
	heads := get(t, e.bctx, "robust heads", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=search-robust] h3")].map((h) => h.textContent)`))
	if len(heads) != 1 || heads[0] != "⟪"+r.HeadText+"⟫" {
		t.Errorf("the robust box's headings %q, want the answer's head %q alone", heads, r.HeadText)
	}
	if box := e.text(`[data-testid=search-robust]`); strings.Contains(box, "Over the stated ranges") {
		t.Errorf("the robust box still says %q above the answer's head: %q", "Over the stated ranges", box)
	}

	// The rules case's veto line (last: the page keeps the case chosen).
	if cli := oneLine(parleyWide(t, "deal", "search", "../cli/testdata/rules.yaml", "-q")); !strings.Contains(cli, "┘ "+ask.NoVetoText+" ┌") {
		t.Errorf("parley deal search does not say %q under its rules' table:\n%s", ask.NoVetoText, cli)
	}
	e.dealOn("../cli/testdata/rules.yaml", "Decision rules", chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-rules]`)))
	if p := e.text(`[data-testid=zone-rules] p`); !strings.HasSuffix(p, "⟪"+ask.NoVetoText+"⟫") {
		t.Errorf("the rules line %q does not end with the answer's %q", p, ask.NoVetoText)
	}
}

// TestLines25StoredWithout: answers stored before lines25 (without
// no_veto_text, likeliest_text, a bin's text, candidates_head_text) show
// their fields plainly, with no second implementation: no veto line, no
// most likely option (the options' table holds the shares), each bin's
// edges as the numbers they are to three significant figures ("45.0 to
// 50.0"), and the candidates' table headed "Candidate outcomes".
func TestLines25StoredWithout(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("answers without the lines25 texts", answerFetch("", `(() => {
  const walk = (x) => {
    if (Array.isArray(x)) { x.forEach(walk); return }
    if (!x || typeof x !== 'object') return
    for (const k of ['no_veto_text', 'likeliest_text', 'candidates_head_text']) delete x[k]
    if ('low' in x && 'high' in x && 'count' in x) delete x.text
    Object.values(x).forEach(walk)
  }
  return walk
})()`))
	e.runSweep("compromise", "200", "1", `document.querySelectorAll("figure[data-issue] [data-testid=histogram-numbers]").length > 0`)
	if n := e.count(`[data-testid=sweep-likeliest]`); n != 0 {
		t.Errorf("%d most likely lines shown from answers without likeliest_text", n)
	}
	rows := get(t, e.bctx, "ceasefire's bins", chromedp.Evaluate[[]string](`[...document.querySelectorAll('figure[data-issue="ceasefire"] [data-testid=histogram-numbers] tbody th')].map((th) => th.textContent)`))
	if got, want := strings.Join(rows, " | "), "40.0 to 45.0 | 45.0 to 50.0 | 50.0 to 55.0 | 55.0 to 60.0 | 60.0 to 65.0"; got != want {
		t.Errorf("ceasefire's bins, stored without their text, %q, want %q", got, want)
	}
	snap := `section[data-issue="ceasefire"] [data-testid=snap-candidates]`
	e.do("explain snap", chromedp.Navigate(e.srv.URL+"/#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		e.poll(`(() => { const s = document.querySelector("[data-testid=explain-model]"); if (s.value !== "snap") { s.value = "snap"; s.dispatchEvent(new Event("change")) } return true })()`),
		e.poll(`!!document.querySelector('`+snap+` tbody tr')`))
	if got := e.text(snap + ` caption`); got != "Candidate outcomes" {
		t.Errorf("snap's caption, stored without its words, %q", got)
	}
	e.dealOn("../cli/testdata/rules.yaml", "Decision rules", chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-rules]`)))
	if p := e.text(`[data-testid=zone-rules] p`); strings.Contains(p, "veto") || strings.Contains(p, "undefined") {
		t.Errorf("the rules line, stored without its veto words, reads %q", p)
	}
}
