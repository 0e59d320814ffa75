package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestDealDefaultHeadline: on a case with no status quo and no
// reservation (the CLI's testdata/example.yaml) every actor's alternative
// is the default 0, so the zone is every package that crosses no red
// line. The deal view's headline says so, in the answer's summary and
// zone line (cli's TestDealSearchDefaultedHeadline reads the same words
// from parley deal search), not only in the warnings below it.
func TestDealDefaultHeadline(t *testing.T) {
	e := startE2E(t)
	body, err := os.ReadFile("../cli/testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rec := e.stored("Defaulted alternatives", body)
	e.do("deal view of the defaulted case", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		e.poll(`[...document.querySelectorAll("#scenario option")].some(o => o.value === "`+rec.ID+`")`),
		e.choose(rec.ID), e.poll(`document.querySelector("[data-testid=zone-summary]")?.textContent.startsWith("Agreement is possible, but only by default")`))
	// the headline and the zone's line in the answer's words (summary,
	// zone_text), as parley deal search prints them: every alternative
	// the default, the headline says so in its first sentence
	const head = "Agreement is possible, but only by default: no required actor states an alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so each one's is 0, below every package, and the zone is every package that crosses none of their red lines (at best, the actor worst served gains "
	if s := e.text(`[data-testid=zone-summary]`); !strings.HasPrefix(s, head) {
		t.Errorf("the headline reads %q, want %q…", s, head)
	}
	if s := e.text(`[data-testid=zone-line]`); !strings.HasPrefix(s, "Zone of agreement: OPEN by default (see above). Largest smallest gain ") {
		t.Errorf("the zone's line reads %q", s)
	}
}

// TestDealDefaultVerdicts: with Alpha's reservation stated (0.8) on
// that case, Beta's and Gamma's alternatives are still the default 0, so
// their yes to any package is the default's. The deal view's verdicts
// say "accepts by default" beside it, with the answer's default_note
// under the table; the proposals table lists them with the reason the
// answer gives (why), as parley deal proposals prints them (cli's
// TestDealEvaluateDefaulted and TestDealProposalsDefaulted).
func TestDealDefaultVerdicts(t *testing.T) {
	e := startE2E(t)
	body, err := os.ReadFile("../cli/testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(body), "{id: a, name: Alpha, capability: 1,", "{id: a, name: Alpha, capability: 1, reservation: 0.8,", 1)
	s = strings.Replace(s, "snapshots:", `proposals:
  - {id: p1, name: Small and soon, proposers: [a], date: 2025-01-01, package: {budget: 20, deadline: 10}, assumed: "a test proposal"}
snapshots:`, 1)
	rec := e.stored("Defaulted in part", []byte(s))
	e.do("deal view of the case", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		e.poll(`[...document.querySelectorAll("#scenario option")].some(o => o.value === "`+rec.ID+`")`),
		e.choose(rec.ID), chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-default]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-table] li[data-defaulted]`)))
	const states = "state no alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so theirs is 0, below every package: they accept any package that crosses none of their red lines"
	if got := e.text(`[data-testid=deal-default]`); got != "Decided by a default: Beta, Gamma "+states+"." {
		t.Errorf("the verdicts' note reads %q", got)
	}
	verdicts := get(t, e.bctx, "verdicts", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=deal-verdicts] tr")].map((r) => r.children[0].textContent + ": " + r.children[5].textContent)`))
	if len(verdicts) != 3 || verdicts[1] != "Beta: accepts by default" || verdicts[2] != "Gamma: accepts by default" || strings.Contains(verdicts[0], "by default") {
		t.Errorf("the verdicts read %q", verdicts)
	}
	const its = "and it states no alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so its is 0, below every package: it accepts any package that crosses none of its red lines"
	why := get(t, e.bctx, "proposal's reasons", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=proposals-table] tr[data-proposal=p1] li[data-defaulted]")].map((li) => li.dataset.defaulted + ": " + li.textContent)`))
	if len(why) != 2 || !strings.HasPrefix(why[0], "b: Beta accepts by default: worth ") || !strings.HasSuffix(why[0], its) || !strings.HasPrefix(why[1], "c: Gamma accepts by default: worth ") || !strings.HasSuffix(why[1], its) {
		t.Errorf("the proposal's defaulted yeses read %q", why)
	}
}

// TestDealDefaultTimeline: on the CLI's testdata/defaulted.yaml Beta
// states no alternative at the base, so its yes to either proposal
// there is the default's; at the snapshot it states 0.3 and its yes is
// its own. The proposals' support over the snapshots marks the base's
// cells "(1 by default)", names Beta on them (data-defaulted) and says
// what the mark means under the table, in the answer's words (text,
// timeline_note), as parley deal proposals --all-snapshots prints them
// (cli's TestProposalsTimelineDefaulted).
func TestDealDefaultTimeline(t *testing.T) {
	e := startE2E(t)
	body, err := os.ReadFile("../cli/testdata/defaulted.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rec := e.stored("One alternative by default", body)
	e.do("deal view of the case", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		e.poll(`[...document.querySelectorAll("#scenario option")].some(o => o.value === "`+rec.ID+`")`),
		e.choose(rec.ID), chromedp.WaitReady(chromedp.CSS(`[data-testid=proposals-timeline] td[data-defaulted]`)))
	cells := get(t, e.bctx, "timeline", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=proposals-timeline] tbody tr")].map((r) => r.dataset.proposal + ": " + [...r.querySelectorAll("td")].map((td) => td.textContent + (td.dataset.defaulted ? " [" + td.dataset.defaulted + "]" : "")).join(" | "))`))
	if want := []string{"even: 1/2 (1 by default) [b] | 1/2", "most: 2/2 ✓ (1 by default) [b] | 1/2"}; strings.Join(cells, "\n") != strings.Join(want, "\n") {
		t.Errorf("the timeline reads %q, want %q", cells, want)
	}
	const note = "(n by default): n of those yeses are a default's: the actors state no alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so theirs is 0, below every package: they accept any package that crosses none of their red lines."
	if got := get(t, e.bctx, "timeline note", chromedp.Evaluate[string](`document.querySelector("[data-testid=proposals-timeline-note]")?.textContent ?? ""`)); got != note {
		t.Errorf("the timeline's note reads %q", got)
	}
}
