package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/ask"
)

// TestDealWholeDecisionWords: on the CLI's testdata/rules-mixed.yaml (the
// budget by qmv with no veto of its own, the tax by no rule, every actor
// required) the deal view names the veto players as the command line
// does, the whole decision's (ask.VetoHead), not "Veto players (in every
// winning coalition)" beside rules that have none.
func TestDealWholeDecisionWords(t *testing.T) {
	e := startE2E(t)
	body, err := os.ReadFile("../cli/testdata/rules-mixed.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rec := e.stored("A rule on one issue", body)
	e.do("deal view of the mixed rules case", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		e.poll(`[...document.querySelectorAll("#scenario option")].some(o => o.value === "`+rec.ID+`")`),
		e.choose(rec.ID), e.poll(`/veto/i.test(document.querySelector("[data-testid=zone-rules] p")?.textContent ?? "")`))
	want := ask.VetoHead(true) + ": Alpha, Beta, Gamma, Delta."
	p := get(t, e.bctx, "rules line", chromedp.Evaluate[string](`document.querySelector("[data-testid=zone-rules] p").textContent`))
	if !strings.HasSuffix(p, want) {
		t.Fatalf("rules line reads %q, want it to end %q", p, want)
	}
}
