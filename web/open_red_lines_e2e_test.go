package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestProposalOpenRedLines: under a proposal's verdict the page shows,
// in the words the answer carries (open_red_lines_text), the red lines
// the issues it leaves open would cross at their value without a deal,
// which the verdict does not check, as parley deal proposals prints them
// (docs/DECISIONS.md, "verdict25"). On the built-in case every proposal
// leaves Territory open, where Russia's red line >= 65 would be crossed
// at the reference 35.0.
func TestProposalOpenRedLines(t *testing.T) {
	e := startE2E(t)
	c := loadCase(t, "stored", e.rec.Body, "latest")
	req := answer.NewDealProposalsRequest()
	req.Models = []string{"none"}
	props, err := ask.DealProposals(e.ctx, c, req)
	if err != nil {
		t.Fatal(err)
	}
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposals-table]`)))
	shown := 0
	for _, p := range props.Proposals {
		sel := fmt.Sprintf(`[data-testid=proposals-table] tr[data-proposal=%q] [data-testid=proposal-open-red-lines]`, p.ID)
		if p.OpenRedLinesText == "" {
			if n := e.count(sel); n != 0 {
				t.Errorf("%s: %d open red-line lines, want none", p.ID, n)
			}
			continue
		}
		shown++
		if got := e.text(sel); got != p.OpenRedLinesText || !strings.HasPrefix(got, "Russia's red line (Territory at 65 or above) would be crossed at the assumed 35.0") {
			t.Errorf("%s: open red lines read %q, want the answer's %q", p.ID, got, p.OpenRedLinesText)
		}
	}
	if shown == 0 {
		t.Fatal("no proposal leaves a red line unchecked: the test tests nothing")
	}
}
