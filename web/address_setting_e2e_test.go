package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/ask"
)

// TestAddressUnknownSetting: an address's param=NAME=VALUE whose NAME
// is a setting no model has (a typo, param=smp-vot=Binary) was dropped
// without a word, and so was one of a model not ticked. The page now
// says each in the notice of what it could not use from its address, in
// the server's words — ask.NoSetting's, as parley forecast --smp-vot and
// the API's params say it, with the setting it most likely misspells
// and every setting valid; for a model not ticked, the model it is for.
// A param= that is not NAME=VALUE is said too. The forecast shown is the
// ticked model's, and the address written back keeps the setting of the
// model not ticked (it runs once that model is) and drops the rest.
func TestAddressUnknownSetting(t *testing.T) {
	e := startE2E(t)
	words := func(name string) string { return "params: " + ask.NoSetting(name).Error() }
	want := []string{
		words("smp-vot"),
		words("nosuch"),
		"params: setting smp-vote is for model smp, which this run does not include (it runs median); valid: add smp to the models, or drop the setting",
		`param "junk": valid: NAME=VALUE, a setting of a model ticked and its value (param=smp-vote=Binary)`,
	}
	if !strings.Contains(want[0], `(did you mean "smp-vote"?); valid: exact, exchange-p,`) || strings.Contains(want[1], "did you mean") {
		t.Fatalf("ask.NoSetting: %q, %q", want[0], want[1])
	}
	q := "scenario=" + e.rec.ID + "&models=median&param=smp-vot=Binary&param=nosuch=1&param=smp-vote=Binary&param=junk"
	e.do("unknown settings", chromedp.Navigate(e.srv.URL+"/?"+q+"#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)),
		e.poll(`document.querySelector("[data-testid=address-refused]") !== null`))
	said := get(t, e.bctx, "said", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=address-refused] li")].map((li) => li.textContent)`))
	if !slices.Equal(said, want) {
		t.Errorf("the page says\n%q\nwant\n%q", said, want)
	}
	if cols := get(t, e.bctx, "columns", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=model-table] thead th")].slice(1).map((c) => c.textContent)`)); !slices.Equal(cols, []string{"median"}) {
		t.Errorf("columns %v, want [median]", cols)
	}
	addr := get(t, e.bctx, "address", chromedp.Evaluate[string](`location.search`))
	if w := fmt.Sprintf("?scenario=%s&models=median&param=smp-vote=Binary", e.rec.ID); addr != w {
		t.Errorf("the address is now %q; want %q", addr, w)
	}
	// A setting of a model ticked says nothing.
	e.do("a setting of a model ticked", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"&models=median,smp&param=smp-vote=Binary#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)))
	if n := e.count(`[data-testid=address-refused]`); n != 0 {
		t.Errorf("a setting of a model ticked: %d notices of a refused address", n)
	}
}
