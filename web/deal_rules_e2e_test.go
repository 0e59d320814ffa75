package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestDealRulesView: on a case with decision rules (the CLI's
// testdata/rules.yaml: the budget by [3; a 2, b 1, c 1, d 1], the tax by
// a majority of the four) the deal view's zone of agreement lists the
// four minimal winning coalitions (the four triples), only {a, b, c}'s
// zone open, no veto player, and which voters carry each package on each
// ruled issue: Alpha, Beta and Gamma carry the Nash package on both,
// Delta against (its red line: budget at most 40). The package the
// sliders start at (the compromise forecast, budget 59 and tax 56: Delta
// refuses it too) says which voters carry it rather than that every
// required actor accepts. The search's note on the rules names the issues
// (Budget, Tax), as the rest of the view does.
func TestDealRulesView(t *testing.T) {
	e := startE2E(t)
	e.dealOn("../cli/testdata/rules.yaml", "Decision rules", chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-rules]`)), e.shot("13-deal-rules"))
	if s := e.text(`[data-testid=deal-summary]`); s != "Accepted: it passes every issue's decision rule (Budget by qmv, Tax by majority)." {
		t.Fatalf("the package evaluated reads %q", s)
	}
	if s := e.text(`[data-testid=deal-rules]`); s != "Budget by qmv: passes (4.0 of 5.0, quota 3.0), carried by Alpha, Beta, Gamma; Delta against\nTax by majority: passes (3.0 of 4.0, quota 3.0), carried by Alpha, Beta, Gamma; Delta against" {
		t.Fatalf("the rules under it read %q", s)
	}
	if s := e.text(`[data-testid=zone-summary]`); !strings.HasPrefix(s, "Agreement is possible under the decision rules: in 1 of the 4 minimal winning coalitions") {
		t.Fatalf("zone summary reads %q", s)
	}
	rows := `[data-testid=zone-rules] > table:first-of-type tbody tr`
	if n := e.count(rows); n != 4 {
		t.Fatalf("%d coalitions shown, want 4", n)
	}
	if r := e.text(rows + `:first-child`); !strings.Contains(r, "Alpha, Beta, Gamma") || !strings.Contains(r, "open") {
		t.Fatalf("first coalition reads %q", r)
	}
	if p := e.text(`[data-testid=zone-rules] p`); !strings.Contains(p, "No actor has a veto") {
		t.Fatalf("rules line reads %q", p)
	}
	carried := `[data-testid=zone-carried] tbody tr`
	if n := e.count(carried); n != 2 {
		t.Fatalf("%d ruled issues shown, want 2", n)
	}
	if r := e.text(carried + `:first-child`); !strings.Contains(r, "Budget") || !strings.Contains(r, "Alpha, Beta, Gamma") {
		t.Fatalf("who carries the budget reads %q", r)
	}
	// The search's note on the rules names the issues, as every other
	// line of the view does (it read "budget by qmv …, tax by majority …").
	note := get(t, e.bctx, "the rules' note", chromedp.Evaluate[string](`[...document.querySelectorAll("li")].map((li) => li.textContent).find((s) => s.startsWith("decision rules decide")) ?? ""`))
	if !strings.HasPrefix(note, "decision rules decide (as in deal evaluate): Budget by qmv (quota 3 of 5; no veto), Tax by majority (quota 3 of 4; no veto);") {
		t.Fatalf("the rules' note reads %q", note)
	}
}
