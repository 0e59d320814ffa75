package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestEvidenceCardsNamed: the evidence browser's cards read "ukraine ·
// ceasefire · base · brookings-2025-03" (the user's review, names25).
// They now print the answer's words: the actor's and issue's names, a
// snapshot by its label and date, the source by its short title; the
// filters name actors, issues and sources alike, their values the ids.
func TestEvidenceCardsNamed(t *testing.T) {
	e := startE2E(t)
	e.do("evidence", chromedp.Navigate(e.srv.URL+"/#evidence"), chromedp.WaitVisible(chromedp.CSS(`.evidence-list button.quote`)))
	if got, want := e.text(`.evidence-list li:first-child .who`), "Ukraine on Ceasefire · base · Why Kyiv is wary of a stand-alone ceasefire · quote dated 2025-02-28"; !strings.HasPrefix(got, want) {
		t.Errorf("the first card reads %q, want it to start %q", got, want)
	}
	who := get(t, e.bctx, "cards", chromedp.Evaluate[[]string](`[...document.querySelectorAll(".evidence-list .who")].map((x) => x.textContent)`))
	jeddah := false
	for _, w := range who {
		jeddah = jeddah || strings.Contains(w, " · Jeddah (2025-03-11) · ")
		if strings.Contains(w, "brookings-2025") || strings.Contains(w, "report-2025") || strings.HasPrefix(w, "ukraine ") {
			t.Errorf("a card reads ids: %q", w)
		}
	}
	if !jeddah {
		t.Errorf("no card names the Jeddah snapshot by its label: %q", who)
	}
	opts := get(t, e.bctx, "filters", chromedp.Evaluate[[]string](`["ev-actor", "ev-issue", "ev-source"].map((id) => [...document.querySelectorAll("#" + id + " option")].map((o) => o.value + "=" + o.textContent).join("|"))`))
	for i, w := range []string{"ukraine=Ukraine", "ceasefire=Ceasefire", "brookings-2025-03=Why Kyiv is wary of a stand-alone ceasefire"} {
		if i >= len(opts) || !strings.Contains(opts[i], w) {
			t.Errorf("filter %d's options %q lack %q", i, opts, w)
		}
	}
}

// TestQuotesOneFont: the backtest's outcome quotes were set in a serif
// font unlike the evidence view's quotes and the rest of the page
// (names25); every quote now takes the page's font.
func TestQuotesOneFont(t *testing.T) {
	e := startE2E(t)
	e.do("open the backtest", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"#backtest"),
		e.poll(`!!document.querySelector("[data-testid=backtest-outcomes] blockquote")`))
	font := func(sel string) string {
		return get(t, e.bctx, sel, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(`+"`"+sel+"`"+`)).fontFamily`))
	}
	body, bq := font("body"), font("[data-testid=backtest-outcomes] blockquote")
	if bq != body || strings.Contains(bq, "Georgia") {
		t.Errorf("the backtest's quotes are set in %q, the page in %q", bq, body)
	}
	e.do("evidence", chromedp.Navigate(e.srv.URL+"/#evidence"), chromedp.WaitVisible(chromedp.CSS(`.evidence-list q`)))
	if q := font(".evidence-list q"); q != bq {
		t.Errorf("the evidence view's quotes are set in %q, the backtest's in %q", q, bq)
	}
}

// TestTimelineSpanNamesVariant: under a variant the timeline's span
// names it by its name, as parley compare's heading does (the answer's
// span_text); it read "variant us-ends-support".
func TestTimelineSpanNamesVariant(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?variant=us-ends-support#forecast"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=timeline-span]`)))
	if s, want := e.text(`[data-testid=timeline-span]`), "The base (2025-02-28) and 3 snapshots to 2025-08-18, variant The United States ends all support."; s != want {
		t.Errorf("the timeline's span reads %q, want %q", s, want)
	}
	if c := e.text(`[data-testid=model-table] caption`); strings.Contains(c, "us-ends-support") || !strings.Contains(c, "variant The United States ends all support") {
		t.Errorf("the forecast table's caption reads %q", c)
	}
}

// TestQuadrantLegendWords: bdm's quadrant legend names its regions in
// the words parley explain counts them with ("compromise by the other",
// "lost conflict"), where it had said "other compromises" beside the
// command line's "1 compromise by the other" (names25).
func TestQuadrantLegendWords(t *testing.T) {
	e := startE2E(t)
	words := map[string]bool{"lost conflict": true, "won conflict": true, "compromise": true, "capitulation": true, "compromise by the other": true,
		"capitulation by the other": true, "status quo": true, "reading at the same position": true, "reading on a line": true}
	e.do("bdm", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "bdm"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(`document.querySelectorAll("[data-testid=quad-map] ~ .legend .key").length > 0`))
	keys := get(t, e.bctx, "legend", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=quad-map] ~ .legend .key")].map((k) => k.textContent)`))
	for _, k := range keys {
		if !words[k] {
			t.Errorf("the legend names a region %q, not in parley explain's words", k)
		}
	}
}
