package web_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/ask"
)

// TestEvidenceUnread (coverage26): served without the source texts,
// the Evidence view says so once, in words a reader of the page can act
// on (ask.EvidenceUnchecked, the flag named once by the answer), and no
// card says "not checked"; each row counts what the quotes support,
// number by number, a position resting only on a quote other actors'
// stances cite apart (Germany's seven); a card labels its date as the
// drawer does and names with whom its quote is shared.
func TestEvidenceUnread(t *testing.T) {
	e := startE2EWith(t, e2eOptions{noSources: true})
	e.do("load", chromedp.Navigate(e.srv.URL+"/#evidence"), chromedp.WaitVisible(chromedp.CSS(`.evidence-list button.quote`)))
	if c := e.text(`[data-testid=coverage-unchecked]`); c != ask.EvidenceUnchecked {
		t.Errorf("the unchecked note reads %q", c)
	}
	rows := get(t, e.bctx, "rows", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=coverage-rows] tr")].map((r) => r.querySelector("th").textContent + ": " + r.querySelector("td:last-child").textContent)`))
	want := "actor Germany: positions: 7 of 7 quoted (7 only by a quote shared with other actors); saliences: 0 of 7 quoted; capability: 1 of 1 quoted"
	if !slices.Contains(rows, want) {
		t.Errorf("no row reads %q: %q", want, rows)
	}
	who := get(t, e.bctx, "cards", chromedp.Evaluate[[]string](`[...document.querySelectorAll(".evidence-list .who")].map((x) => x.textContent)`))
	if len(who) == 0 || who[0] != "Ukraine on Ceasefire · base · Why Kyiv is wary of a stand-alone ceasefire · quote dated 2025-02-28" {
		t.Errorf("the first card reads %q", who)
	}
	sanctions := "Germany on Sanctions on Russia · base · "
	found := false
	for _, w := range who {
		if strings.Contains(w, "not checked") {
			t.Errorf("a card reads %q", w)
		}
		if strings.HasPrefix(w, sanctions) {
			found = true
			if !strings.HasSuffix(w, " · quote dated 2025-03-02 · shared with United Kingdom, France, Italy, Finland, European Commission, Ukraine") {
				t.Errorf("Germany's sanctions card reads %q", w)
			}
		}
	}
	if !found {
		t.Errorf("no card starts %q", sanctions)
	}
}

// TestEvidenceView opens the Evidence view of the built-in case served
// with its articles: the coverage (94% at the latest snapshot, as
// `parley validate --sources` prints), a quote highlighted in its source's
// text, and the review screen drafting evidence from a pasted document
// and merging a kept entry into a new snapshot.
func TestEvidenceView(t *testing.T) {
	if e2eSources == "" {
		t.Skip("needs the built-in case's articles in ../../shared/sources")
	}
	e := startE2E(t)
	cov := chromedp.CSS(`[data-testid=coverage] table.coverage`)
	e.do("load", chromedp.Navigate(e.srv.URL+"/#evidence"), chromedp.WaitVisible(cov), e.shot("20-evidence"))
	if c := e.text(`[data-testid=coverage] table.coverage tbody tr:last-child`); !strings.HasPrefix(c, "overall") || !strings.Contains(c, "94%") || !strings.Contains(c, "positions: 59 of 70 quoted (41 only by a quote shared with other actors); saliences: 0 of 70 quoted; capabilities: 7 of 10 quoted") {
		t.Fatalf("overall coverage reads %q", c)
	}
	// The headline states each kind apart, as validate does
	// (evidence.Headline), so the stances' 94% does not read as the whole.
	if c := e.text(`[data-testid=coverage-headline]`); c != "2025-08-18: stances 94% quoted (by capability × salience), 37% only by shared quotes (41 stances), capabilities 7 of 10 quoted, red lines 3 of 3 quoted" {
		t.Errorf("coverage headline reads %q", c)
	}
	// Under the table, what the kinds not quoted rest on, as validate
	// prints it (evidence.Unquoted): the red lines, all quoted, not.
	if c := e.text(`[data-testid=coverage-unquoted]`); c != "Capabilities not quoted: 3 assumed." {
		t.Errorf("the unquoted line reads %q", c)
	}
	e.do("open a quote", chromedp.Click(chromedp.CSS(`.evidence-list button.quote`)), chromedp.WaitVisible(chromedp.CSS(`.source-text mark`)), e.shot("21-evidence-quote"))
	if m := e.text(`.source-text mark`); m != "Ukrainians have several reasons for opposing a stand-alone ceasefire." {
		t.Fatalf("highlighted %q", m)
	}
	// The quotes behind capabilities are listed and found in their
	// sources like a stance's.
	e.do("capabilities' quotes", void(chromedp.Evaluate[bool](`(() => { const s = document.getElementById("ev-kind"); s.value = "capability"; s.dispatchEvent(new Event("change")); return true })()`)),
		chromedp.Click(chromedp.CSS(`.evidence-list button.quote`)), chromedp.WaitVisible(chromedp.CSS(`.source-text mark`)))
	if w := e.text(`.evidence-list button.quote .who`); !strings.HasPrefix(w, "Ukraine's capability · base · Why Kyiv is wary of a stand-alone ceasefire") {
		t.Errorf("first capability quote is labelled %q", w)
	}
	if m := e.text(`.source-text mark`); !strings.HasPrefix(m, "Ukraine’s military has badly battered the Russian invaders") {
		t.Errorf("highlighted %q", m)
	}
	// So are the quotes behind red lines, under a readable name.
	if o := get(t, e.bctx, "red lines' filter", chromedp.Evaluate[string](`document.querySelector("#ev-kind option[value=red_line]").textContent`)); o != "red line" {
		t.Errorf("the red lines' filter reads %q", o)
	}
	e.do("red lines' quotes", void(chromedp.Evaluate[bool](`(() => { const s = document.getElementById("ev-kind"); s.value = "red_line"; s.dispatchEvent(new Event("change")); return true })()`)),
		chromedp.Click(chromedp.CSS(`.evidence-list button.quote`)), chromedp.WaitVisible(chromedp.CSS(`.source-text mark`)))
	if w := e.text(`.evidence-list button.quote .who`); !strings.HasPrefix(w, "Russia's red line on Security guarantees for Ukraine · Jeddah (2025-03-11) · Ukraine accepts a 30-day ceasefire at Jeddah, Russia rejects it") {
		t.Errorf("first red line quote is labelled %q", w)
	}
	if m := e.text(`.source-text mark`); !strings.HasPrefix(m, "Russia will not accept the presence of NATO troops in Ukraine") {
		t.Errorf("highlighted %q", m)
	}
	// And the quotes behind outcomes, which a backtest scores against:
	// the aid resumed on 11 March, found in Brookings' article.
	e.do("outcomes' quotes", void(chromedp.Evaluate[bool](`(() => { const s = document.getElementById("ev-kind"); s.value = "outcome"; s.dispatchEvent(new Event("change")); return true })()`)),
		chromedp.Click(chromedp.CSS(`.evidence-list button.quote`)), chromedp.WaitVisible(chromedp.CSS(`.source-text mark`)))
	if w := e.text(`.evidence-list button.quote .who`); !strings.HasPrefix(w, "outcome on Military aid and intelligence to Ukraine during the talks · base · After Jeddah: a sovereignty-based negotiating position") {
		t.Errorf("first outcome quote is labelled %q", w)
	}
	if m := e.text(`.source-text mark`); m != "The United States turned intelligence cooperation back on, resumed the flow of arms, and praised the Ukrainians." {
		t.Errorf("highlighted %q", m)
	}
	// A document with no candidate shows the answer's warning: why, and
	// what to do (the same text the command line prints).
	e.do("draft nothing", chromedp.SetValue(chromedp.ID("ingest-text"), "The weather was mild all week."), chromedp.Click(chromedp.CSS(`[data-testid=ingest] button`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=ingest-warnings] li`)))
	if w := e.text(`[data-testid=ingest-warnings] li`); !strings.HasPrefix(w, "no candidate: no sentence names an actor (its name, id, aliases or mentions:) and bears on an issue") || !strings.HasSuffix(w, "(docs/ingest.md)") {
		t.Errorf("the no-candidate warning reads %q", w)
	}
	doc := "Lavrov said on September 1, 2025 that Russia rejects any ceasefire."
	e.do("draft", chromedp.SetValue(chromedp.ID("ingest-text"), doc), chromedp.Click(chromedp.CSS(`[data-testid=ingest] button`)),
		chromedp.WaitVisible(chromedp.CSS(`table.review tbody tr`)), e.shot("22-evidence-review"))
	if r := e.text(`table.review tbody tr:first-child`); !strings.Contains(r, "russia") || !strings.Contains(r, "ceasefire") || !strings.Contains(r, doc) {
		t.Fatalf("first review row reads %q", r)
	}
	e.do("apply", chromedp.Click(chromedp.ID("keep-0")), chromedp.Click(chromedp.CSS(`table.review + p button`)),
		e.poll(`[...document.querySelectorAll("#snapshot option")].some(o => o.value === "2025-09-01")`),
		e.poll(`document.querySelector("#status").textContent.startsWith("Applied")`))
	// The status line says what was applied, as parley ingest apply
	// does, with no note to say it: the one quote kept, on Russia's
	// stance on the ceasefire, the pasted document its new source.
	if s, want := e.text(`#status`), "Applied 1 quote to 1 stance in a new snapshot dated 2025-09-01, 1 source added; the file edited in place."; s != want {
		t.Errorf("after the apply the status reads %q, want %q", s, want)
	}
}
