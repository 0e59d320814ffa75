package web_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAddressRefusedInWords: a shared address naming a model that does
// not exist and a snapshot that is no date was shown with every model
// unticked, the default models' forecast at "latest" and no word of
// either, where parley -m medain --snapshot 2025-13-01 and the API refuse
// both. The page now says what of its address it could not use, in the
// server's words (its refusal of each value), ticks the models whose
// columns it shows, and writes its address as what it shows. With one
// good model beside the bad one, that one is ticked and forecast alone.
func TestAddressRefusedInWords(t *testing.T) {
	e := startE2E(t)
	const (
		badModel    = `unknown model "medain" (did you mean "median"?); valid: bdm, bdm-paper, compromise, compromise-band, ensemble, exchange, ks, median, nash, smp, snap`
		badSnapshot = `snapshot "2025-13-01" is not a date (YYYY-MM-DD); valid: a date on or after 2025-02-28, base or latest (snapshots: 2025-03-11, 2025-03-18, 2025-08-18)`
	)
	ticked := func() []string {
		return get(t, e.bctx, "ticked", chromedp.Evaluate[[]string](`[...document.querySelectorAll("#models input:checked")].map((c) => c.value)`))
	}
	columns := func() []string {
		return get(t, e.bctx, "columns", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=model-table] thead th")].slice(1).map((c) => c.textContent)`))
	}
	for _, c := range []struct {
		query   string
		want    []string
		columns []string
	}{
		{"models=medain&snapshot=2025-13-01", []string{badModel, badSnapshot}, nil},
		{"models=median,medain", []string{badModel}, []string{"median"}},
	} {
		e.do(c.query, chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"&"+c.query+"#forecast"),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)),
			e.poll(`document.querySelector("[data-testid=address-refused]") !== null`), e.shot("address-refused"))
		msg := e.text(`[data-testid=address-refused]`)
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: the page says %q; want the server's words %q", c.query, msg, w)
			}
		}
		if !strings.Contains(c.query, "snapshot") && strings.Contains(msg, `snapshot "`) {
			t.Errorf("%s: the page says %q of a snapshot the address does not name", c.query, msg)
		}
		tk, cols := ticked(), columns()
		if !slices.Equal(tk, cols) || len(cols) == 0 {
			t.Errorf("%s: ticked %v, columns shown %v; want the same, not none", c.query, tk, cols)
		}
		if c.columns != nil && !slices.Equal(cols, c.columns) {
			t.Errorf("%s: columns %v, want %v", c.query, cols, c.columns)
		}
		if snap := get(t, e.bctx, "snapshot", chromedp.Evaluate[string](`document.getElementById("snapshot").value`)); snap != "latest" {
			t.Errorf("%s: snapshot shown %q, want latest", c.query, snap)
		}
		addr := get(t, e.bctx, "address", chromedp.Evaluate[string](`location.search`))
		if strings.Contains(addr, "medain") || strings.Contains(addr, "2025-13-01") || !strings.Contains(addr, "models="+strings.Join(tk, ",")) {
			t.Errorf("%s: the address is now %q; want the models shown (%v) and neither refused value", c.query, addr, tk)
		}
	}
	// A good address says nothing of itself.
	e.do("a good address", chromedp.Navigate(e.srv.URL+"/?scenario="+e.rec.ID+"&models=median&snapshot=base#forecast"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=model-table]`)))
	if n := e.count(`[data-testid=address-refused]`); n != 0 {
		t.Errorf("a good address: %d notices of a refused address", n)
	}
	if cols := columns(); !slices.Equal(cols, []string{"median"}) {
		t.Errorf("a good address: columns %v, want [median]", cols)
	}
}
