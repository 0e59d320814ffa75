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
		e.choose(rec.ID), e.poll(`document.querySelector("[data-testid=zone-summary]")?.textContent.includes("certified")`))
	// Read in one evaluation: the view may redraw the summary between a
	// node's lookup and the read of its text.
	s := get(t, e.bctx, "zone summary", chromedp.Evaluate[string](`document.querySelector("[data-testid=zone-summary]").textContent`))
	if !strings.Contains(s, "not certified: see the notes") || strings.Contains(s, "no package does better than") {
		t.Fatalf("the zone reads %q", s)
	}
}
