package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/errs"
)

// TestAddressUnknownParams: a parameter the page does not read
// (?modle=exchange, ?foo=1) was dropped without a word. The page now
// says each in the notice of what it could not use from its address, in
// the words the command line and the API give an unknown name
// (errs.Choices: `unknown parameter "modle" (did you mean "models"?);
// valid: …`), naming the parameters it reads — the list below, the
// page's one list (address.ts) — and with the suggestion errs.Nearest
// makes, or none. What it reads it still uses: models=median is the
// column shown, and the address it writes drops the rest.
// "pariamt" is two edits from "variant" and from "param": a tie, so no
// suggestion, whichever of them the list names first.
func TestAddressUnknownParams(t *testing.T) {
	e := startE2E(t)
	reads := []string{"scenario", "snapshot", "variant", "models", "param"}
	unknown := []string{"modle", "foo", "Scenario", "variants", "parms", "snap", "modelss", "scenari0s", "pariamt"}
	var want []string
	q := "scenario=" + e.rec.ID + "&models=median"
	for _, k := range unknown {
		want = append(want, fmt.Sprintf("unknown parameter %q%s", k, errs.Choices(k, reads)))
		q += "&" + k + "=1"
	}
	if !strings.Contains(want[0], `(did you mean "models"?)`) || strings.Contains(want[1], "did you mean") {
		t.Fatalf("errs.Choices: %q, %q", want[0], want[1])
	}
	e.do("unknown parameters", chromedp.Navigate(e.srv.URL+"/?"+q+"#forecast"),
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
	for _, k := range unknown {
		if strings.Contains(addr, k+"=") {
			t.Errorf("the address is now %q; want it without %s", addr, k)
		}
	}
}
