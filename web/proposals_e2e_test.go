package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestProposalNotJudgedView: on a case whose proposal leaves open an
// issue with no reference point (ask's testdata/open-proposal.yaml, batna
// auto falling back to none), the deal view lists that proposal as not
// judged, with the reason the answer gives, and the other as accepted.
func TestProposalNotJudgedView(t *testing.T) {
	e := startE2E(t)
	body, err := os.ReadFile("../ask/testdata/open-proposal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rec := e.stored("Open issue", body)
	e.do("deal view of the open-proposal case", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		e.poll(`[...document.querySelectorAll("#scenario option")].some(o => o.value === "`+rec.ID+`")`),
		e.choose(rec.ID), chromedp.WaitVisible(chromedp.CSS(`[data-testid=proposal-error]`)), e.shot("14-proposal-not-judged"))
	if s := e.text(`[data-proposal=budget-only] [data-testid=proposal-error]`); !strings.HasPrefix(s, "it leaves issues [timeline] open, and they have no value in the issues' reference points") {
		t.Fatalf("the unjudged proposal's reason reads %q", s)
	}
	if s := e.text(`[data-proposal=budget-only] td:nth-of-type(2)`); s != "not judged" {
		t.Fatalf("the unjudged proposal's verdict reads %q", s)
	}
	// The verdict the answer carries (ask.ProposalVerdictText), by
	// name: the three actors accept, each by default.
	if s := e.text(`[data-proposal=both] td:nth-of-type(2)`); s != "accepted by North, South, East" {
		t.Fatalf("the judged proposal's verdict reads %q", s)
	}
}
