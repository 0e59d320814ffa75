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
	if s := e.text(alts); !strings.Contains(s, "(no-deal package: reference)") {
		t.Fatalf("the proposals' alternatives read %q, want them judged at the status quo first", s)
	}
	e.do("no deal: the smp forecast", void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=deal-batna]"); s.value = "model:smp"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(`(document.querySelector("[data-testid=proposals-alternatives]")?.textContent ?? "").includes("(no-deal package: model:smp)")`),
		e.poll(`!!document.querySelector("[data-testid=search-no-deal]") && document.querySelector("[data-testid=search-no-deal]").textContent.includes("No-deal package behind each alternative: the forecast of smp (KTAB spatial model, SMP).")`),
		e.shot("58-proposals-model-batna"))
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
