package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestKSRatioAsCommandLine: ks's "Of best" column is the answer's
// ratio_text, as parley explain -m ks prints it: on
// cli/testdata/ks-light.yaml Alpha's 0.2% of its best reads "0.2%", not
// "0%", and Beta's 99.96% "99.96%", not "100%" nor "100.0%" (ask.PercentText).
func TestKSRatioAsCommandLine(t *testing.T) {
	const file = "../cli/testdata/ks-light.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, m := range regexp.MustCompile(`│ (Alpha|Beta)\s+│(?:[^│]*│){5}\s+(\S+%) │`).FindAllStringSubmatch(parley(t, "explain", file, "-m", "ks", "-q"), -1) {
		want[m[1]] = m[2]
	}
	if w := map[string]string{"Alpha": "0.2%", "Beta": "99.96%"}; fmt.Sprint(want) != fmt.Sprint(w) {
		t.Fatalf("parley explain -m ks prints the shares of its best %q, want %q", want, w)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A light actor", body)
	card := `section[data-issue="x"] [data-testid=ks-table]`
	e.do("explain", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "ks"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(fmt.Sprintf(`!!document.querySelector('%s')`, card)))
	got := map[string]string{}
	for _, a := range []struct{ id, name string }{{"a", "Alpha"}, {"b", "Beta"}} {
		got[a.name] = get(t, e.bctx, "of best", chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector('%s tr[data-actor=%q] td:nth-of-type(6)').textContent`, card, a.id)))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the page's ks shares of its best %q, want %q as parley explain prints them", got, want)
	}
}

// TestSnapPercentsAsCommandLine: snap's candidate table writes each
// probability and its caption π and 1 − π as the answer's texts, as
// parley explain -m snap prints them: with 120 actors at 0, 0.05, …,
// 5.95 on 0–100 the far end, 100, holds under 0.05% of the distribution
// and reads with two decimals ("0.03%"), not "0.0%".
func TestSnapPercentsAsCommandLine(t *testing.T) {
	const n = 120
	var b strings.Builder
	b.WriteString("metadata: {id: snap-many, title: Snap with many candidates, as_of: 2025-01-01}\nissues:\n  - {id: x, name: X, anchors: [{value: 0, label: none}, {value: 100, label: all}]}\nactors:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - {id: a%d, name: A%d, capability: 1, capability_assumed: test}\n", i, i)
	}
	b.WriteString("stances:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - {actor: a%d, issue: x, position: %g, salience: 1, assumed: test}\n", i, float64(i)/20)
	}
	file := filepath.Join(t.TempDir(), "snap-many.yaml")
	if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	out := parley(t, "explain", file, "-m", "snap", "-q")
	var want []string
	for _, m := range regexp.MustCompile(`│\s+(\S+%) │\n`).FindAllStringSubmatch(out, -1) {
		want = append(want, m[1])
	}
	if len(want) != n+1 || want[n] != "0.03%" {
		t.Fatalf("parley explain -m snap prints %d probabilities, the last %q; want %d, the far end's \"0.03%%\"", len(want), want, n+1)
	}
	said := regexp.MustCompile(`puts (\S+%) on .* and (\S+%) spread`).FindStringSubmatch(oneLine(out))
	if said == nil {
		t.Fatalf("no percents in the sentence:\n%s", out)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Many candidates", []byte(b.String()))
	card := `section[data-issue="x"] [data-testid=snap-candidates]`
	e.do("explain", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#explain"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "snap"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(fmt.Sprintf(`!!document.querySelector('%s')`, card)))
	got := get(t, e.bctx, "P", chromedp.Evaluate[[]string](fmt.Sprintf(`[...document.querySelectorAll('%s tbody td:nth-of-type(8)')].map((td) => td.textContent)`, card)))
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the page's probabilities %q, want %q as parley explain prints them", got, want)
	}
	if caption := e.text(card + ` caption`); !strings.HasPrefix(caption, "Candidate outcomes: "+said[1]+" of the distribution") || !strings.Contains(caption, "the other "+said[2]+" is a Laplace") {
		t.Errorf("caption %q; want %s on the candidates and %s continuous, as the sentence says", caption, said[1], said[2])
	}
}

// TestExplainStoredWithoutPercentTexts: a ks or snap explanation stored
// before the answers carried ratio_text, continuous_text, discrete_text
// and probability_text (numbers24) shows those numbers plainly, to three
// significant figures as texts24x shows a stored pull: each actor's
// share of its best, not the dash of an actor that has none; the
// candidates' probabilities, not "undefined", under the plain caption
// "Candidate outcomes".
// On cli/testdata/ks-light.yaml.
func TestExplainStoredWithoutPercentTexts(t *testing.T) {
	const file = "../cli/testdata/ks-light.yaml"
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	e.onEveryPage("explanations without their percents' words",
		rewriteAnswers(`explain`, `['ratio_text', 'continuous_text', 'discrete_text', 'probability_text', 'candidates_head_text']`, `() => undefined`))
	rec := e.stored("A light actor", body)
	pick := func(model, card string) {
		e.do("explain "+model, chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#explain"),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
			void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = %q; s.dispatchEvent(new Event("change")); return true })()`, model))),
			e.poll(fmt.Sprintf(`!!document.querySelector('%s tbody tr')`, card)))
	}
	ks := `section[data-issue="x"] [data-testid=ks-table]`
	pick("ks", ks)
	rows := get(t, e.bctx, "of best", chromedp.Evaluate[[][]string](fmt.Sprintf(`[...document.querySelectorAll('%s tbody tr')].map((tr) => [tr.dataset.actor, tr.querySelector('td:nth-of-type(6)').textContent, Number(tr.dataset.ratio).toPrecision(3)])`, ks)))
	if len(rows) != 2 {
		t.Fatalf("ks's table has %d rows, want Alpha's and Beta's", len(rows))
	}
	for _, r := range rows {
		if r[1] != r[2] {
			t.Errorf("%s's share of its best, stored without its words, reads %q, want the number %s", r[0], r[1], r[2])
		}
	}

	snap := `section[data-issue="x"] [data-testid=snap-candidates]`
	pick("snap", snap)
	cells := get(t, e.bctx, "P", chromedp.Evaluate[[][]string](fmt.Sprintf(`[...document.querySelectorAll('%s tbody tr')].map((tr) => [tr.querySelector('td:nth-of-type(8)').textContent, Number(tr.dataset.p).toPrecision(3)])`, snap)))
	if len(cells) == 0 {
		t.Fatal("snap lists no candidate")
	}
	for i, c := range cells {
		if c[0] != c[1] {
			t.Errorf("candidate %d's probability, stored without its words, reads %q, want the number %s", i+1, c[0], c[1])
		}
	}
	// The caption is the answer's (candidates_head_text, lines25), which
	// an answer stored before the percents' words lacks too: the table is
	// headed plainly.
	if caption := e.text(snap + ` caption`); caption != "Candidate outcomes" {
		t.Errorf("caption, stored without its words, %q; want %q", caption, "Candidate outcomes")
	}
}
