package web_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
)

// TestExplainReviewKSAndCitation: on the review's case
// (ask/testdata/nile-review.yaml) the page's ks table heads the best
// feasible point "Best feasible (utopia)", not "Ideal", and shows each
// share per unit of weight as parley explain prints it (Sudan's 1.41),
// and the explanation opens with the citation the answer carries
// (citation_text: papers, equations, docs section).
func TestExplainReviewKSAndCitation(t *testing.T) {
	const file = "../ask/testdata/nile-review.yaml"
	m := regexp.MustCompile(`│ Sudan\s+│(?:[^│]*│){6}\s+(\S+) │`).FindStringSubmatch(parley(t, "explain", file, "-m", "ks", "--issue", "disputes", "-q"))
	if m == nil || m[1] != "1.41" {
		t.Fatalf("parley explain -m ks prints Sudan's share per unit of weight %q, want 1.41", m)
	}
	var ex answer.Explanation
	if err := json.Unmarshal([]byte(parley(t, "explain", file, "-m", "ks", "--issue", "disputes", "-q", "--format", "json")), &ex); err != nil {
		t.Fatal(err)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.storedFile(file, "The review's case")
	card := `section[data-issue="disputes"] [data-testid=ks-table]`
	e.do("explain", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "ks"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(fmt.Sprintf(`!!document.querySelector('%s')`, card)))
	heads := get(t, e.bctx, "heads", chromedp.Evaluate[[]string](fmt.Sprintf(`[...document.querySelectorAll('%s thead th')].map((th) => th.textContent)`, card)))
	if fmt.Sprint(heads) != fmt.Sprint([]string{"Actor", "Position", "Share", "Best feasible (utopia)", "Gain", "Best gain", "Of best", "Per weight", "Bounds it"}) {
		t.Errorf("ks table heads %q", heads)
	}
	if got := e.text(card + ` tr[data-actor=sudan] [data-testid=ks-per-weight]`); got != m[1] {
		t.Errorf("the page's Sudan per unit of weight %q, want %q as parley explain prints it", got, m[1])
	}
	if got := e.text(`[data-testid=explain-citation]`); ex.CitationText == "" || got != ex.CitationText {
		t.Errorf("the page's citation %q, want the answer's %q", got, ex.CitationText)
	}
}

// TestExplainExchangeNamesIssues: the exchange network's titles name the
// issues an actor gives way on, as parley explain's table does, not by
// their ids (the review's case).
func TestExplainExchangeNamesIssues(t *testing.T) {
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.storedFile("../ask/testdata/nile-review.yaml", "The review's case")
	e.do("explain", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "exchange"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(`!!document.querySelector('[data-testid=exchange-network] line title')`))
	titles := get(t, e.bctx, "titles", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-testid=exchange-network] line title')].map((x) => x.textContent)`))
	named := false
	for _, s := range titles {
		named = named || regexp.MustCompile(`gives way on (Future upstream projects|Dispute resolution|Drought release \(bcm/yr\)|Filling period \(years\)) \(`).MatchString(s)
		if regexp.MustCompile(` on (upstream|disputes|drought|filling) \(`).MatchString(s) {
			t.Errorf("a title names an issue by its id: %q", s)
		}
	}
	if !named {
		t.Errorf("no title names an issue: %q", titles)
	}
}

// TestExplainSnapPLegend: snap's candidate table has the P column's
// legend the answer carries (probability_legend_text: the chance of
// exactly that point, not a forecast's likeliest option's chance), as
// parley explain prints it under its table.
func TestExplainSnapPLegend(t *testing.T) {
	const file = "../ask/testdata/nile-review.yaml"
	var ex answer.Explanation
	if err := json.Unmarshal([]byte(parley(t, "explain", file, "-m", "snap", "--issue", "upstream", "-q", "--format", "json")), &ex); err != nil {
		t.Fatal(err)
	}
	want := ex.Issues[0].Snap.ProbabilityLegendText
	if !regexp.MustCompile(`^P: the chance the outcome is exactly at that candidate`).MatchString(want) {
		t.Fatalf("legend %q", want)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.storedFile(file, "The review's case")
	e.do("explain", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "snap"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(`!!document.querySelector('section[data-issue="upstream"] [data-testid=snap-p-legend]')`))
	if got := e.text(`section[data-issue="upstream"] [data-testid=snap-p-legend]`); got != want {
		t.Errorf("the page's P legend %q, want the answer's %q", got, want)
	}
}
