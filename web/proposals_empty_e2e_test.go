package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestNoProposalsSaidOnceAsWarning: on a scenario with no proposals
// (cli/testdata/unit-scale.yaml) the Deal view's proposals card shows
// the answer's warning as parley deal proposals prints it ("the scenario
// has no proposals: …"), in the warnings' list as every view shows
// warnings, and does not say it again in words of its own: it wrote
// the warning as a plain paragraph, unstyled, followed by "No proposal
// is on the table at this snapshot." of a scenario that has none at all.
func TestNoProposalsSaidOnceAsWarning(t *testing.T) {
	const file = "../cli/testdata/unit-scale.yaml"
	const want = "the scenario has no proposals: add them under proposals: (docs/format.md) to have them judged"
	if out := parley(t, "deal", "proposals", file, "-q"); !strings.Contains(oneLine(out), "warning: "+want) {
		t.Fatalf("parley deal proposals prints\n%s", out)
	}
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A unit scale", body)
	box := `[data-testid=proposals-result]`
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#deal"),
		e.poll(`(document.querySelector('[data-testid=proposals-result]')?.textContent ?? '').includes('the scenario has no proposals')`),
		chromedp.ScrollIntoView(chromedp.CSS(box)), e.shot("65-no-proposals"))
	if e.count(box+` [data-testid=proposals-warnings] li`) != 1 {
		t.Fatalf("the proposals card reads %q; want the answer's one warning in the warnings' list", e.text(box))
	}
	if w := e.text(box + ` [data-testid=proposals-warnings] li`); !strings.Contains(w, want) {
		t.Errorf("the proposals card's warning reads %q, want %q", w, want)
	}
	if all := e.text(box); strings.Contains(all, "No proposal is on the table") {
		t.Errorf("the proposals card says it twice: %q", all)
	}
}
