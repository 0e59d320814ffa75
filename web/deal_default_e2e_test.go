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
// line. The deal view's headline says so beside "Open", in the words of
// the answer's default_note (cli's TestDealSearchDefaultedHeadline reads
// the same words from parley deal search), not only in the warnings
// below it.
func TestDealDefaultHeadline(t *testing.T) {
	e := startE2E(t)
	body, err := os.ReadFile("../cli/testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rec := e.stored("Defaulted alternatives", body)
	e.do("deal view of the defaulted case", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		e.poll(`[...document.querySelectorAll("#scenario option")].some(o => o.value === "`+rec.ID+`")`),
		e.choose(rec.ID), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-default]`)))
	const note = "Decided by a default: no required actor states an alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so each one's is 0, below every package, and the zone is every package that crosses none of their red lines."
	if s := e.text(`[data-testid=zone-default]`); s != note {
		t.Errorf("the headline's default reads %q, want %q", s, note)
	}
	if s := e.text(`[data-testid=zone-summary]`); !strings.HasPrefix(s, "Open: some packages give every required actor at least its alternative. "+note+" The balanced one gives each at least ") {
		t.Errorf("the headline reads %q", s)
	}
}
