package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestUncertifiedZoneView: on a case whose zone is a single point (the
// CLI's testdata/point-zone.yaml: the solver's certificate does not
// close), the deal view says the answer is not certified instead of
// stating "no package does better than" a bound of some 10⁷.
func TestUncertifiedZoneView(t *testing.T) {
	e := startE2E(t)
	body, err := os.ReadFile("../cli/testdata/point-zone.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rec := e.stored("Point zone", body)
	e.do("deal view of the point zone", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		e.poll(`[...document.querySelectorAll("#scenario option")].some(o => o.value === "`+rec.ID+`")`),
		e.choose(rec.ID), e.poll(`document.querySelector("[data-testid=zone-line]")?.textContent.includes("certified")`))
	// Read in one evaluation: the view may redraw the line between a
	// node's lookup and the read of its text. The zone's line is the
	// answer's (zone_text, ask.ZoneLine), as parley deal search prints it.
	s := get(t, e.bctx, "zone line", chromedp.Evaluate[string](`document.querySelector("[data-testid=zone-line]").textContent`))
	if !strings.Contains(s, "(not certified: see the note)") || strings.Contains(s, "certified ≤") {
		t.Fatalf("the zone reads %q", s)
	}
}
