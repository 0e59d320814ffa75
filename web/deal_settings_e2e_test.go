package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestProposalsFollowDealSettings: changing the deal's no-deal package
// judges the proposals on the table again with it (they were judged once,
// with the package the view opened with), and the proposals and the zone
// of agreement name the Forecast view's settings their no-deal model ran
// with, as the evaluation does.
func TestProposalsFollowDealSettings(t *testing.T) {
	e := startE2E(t)
	alts := `[data-testid=proposals-alternatives]`
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?models=compromise,smp&param=smp-vote=Binary#deal"), chromedp.WaitVisible(chromedp.CSS(alts)))
	// the answer's line (alternatives_text, ask.AlternativesLine), as
	// parley deal proposals prints it
	if s, want := e.text(alts), "Alternatives to agreement, each actor's utility at the no-deal package, the reference points (status quo): Ukraine 0.598, Russia 0.521, United States 0.797,"; !strings.HasPrefix(s, want) {
		t.Fatalf("the proposals' alternatives read %q, want them judged at the status quo first, from %q", s, want)
	}
	e.do("no deal: the smp forecast", void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=deal-batna]"); s.value = "model:smp"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(`(document.querySelector("[data-testid=proposals-alternatives]")?.textContent ?? "").includes("Alternatives to agreement, each actor's utility at the no-deal package, smp's forecast: Ukraine ")`),
		e.poll(`!!document.querySelector("[data-testid=search-no-deal]") && document.querySelector("[data-testid=search-no-deal]").textContent.includes("No-deal package behind each alternative: the forecast of smp (KTAB spatial model, SMP).")`),
		e.poll(`document.querySelector("[data-testid=deal-no-deal]")?.textContent?.includes("the forecast of smp") ?? false`),
		e.shot("58-proposals-model-batna"))
	// The no-deal package and the required actors in the answers' words
	// (no_deal_text, must_accept_text; ask.NoDealText, MustAcceptText),
	// as parley deal evaluate and search print them.
	const nd = "No-deal package behind each alternative: the forecast of smp (KTAB spatial model, SMP)."
	if s := e.text(`[data-testid=deal-no-deal]`); s != nd {
		t.Errorf("deal-no-deal reads %q, want %q", s, nd)
	}
	if s, want := e.text(`[data-testid=search-no-deal]`), nd+" Must accept: Ukraine, Russia, United States, United Kingdom, France, Germany, Italy, Finland, European Commission, NATO."; s != want {
		t.Errorf("search-no-deal reads %q, want %q", s, want)
	}
	for _, sel := range []string{`[data-testid=proposals-settings]`, `[data-testid=search-settings]`} {
		if e.count(sel) != 1 {
			t.Errorf("no %s naming the settings the no-deal model ran with", sel)
			continue
		}
		if s := e.text(sel); !strings.Contains(s, "smp-vote=Binary") {
			t.Errorf("%s reads %q, want it to name smp-vote=Binary", sel, s)
		}
	}
}
