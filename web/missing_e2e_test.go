package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestMissingNumberAsCommandLine: ks's table on NATO, where ks keeps the
// status quo and no actor has an ideal, reads on the Explain view as
// parley explain prints it, a missing number "—" (an em dash) in both;
// the page wrote "–", the command line's old placeholder, which beside
// a range such as 45.3–54.1 reads as half of one.
func TestMissingNumberAsCommandLine(t *testing.T) {
	want := map[string]string{}
	for _, l := range strings.Split(parley(t, "explain", "--model", "ks", "--issue", "nato", "-q"), "\n") {
		f := strings.Split(l, "│")
		if len(f) < 3 || strings.TrimSpace(f[1]) == "ACTOR" {
			continue
		}
		var cells []string
		for _, c := range f[1 : len(f)-1] {
			cells = append(cells, strings.TrimSpace(c))
		}
		want[cells[0]] = strings.Join(cells, " | ")
	}
	if r := want["Russia"]; r != "Russia | 5.0 | 35.8% | — | 0.00 | — | — | — | " {
		t.Fatalf("parley explain prints Russia's row %q, want its missing numbers —", r)
	}

	e := startE2E(t)
	card := `section[data-issue="nato"] [data-testid=ks-table]`
	pick := func(testid, value string) chromedp.Action[chromedp.Void] {
		return void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const s = document.querySelector("[data-testid=%s]"); s.value = %q; s.dispatchEvent(new Event("change")); return true })()`, testid, value)))
	}
	e.do("explain", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=explain-model]`)),
		pick("explain-model", "ks"), pick("explain-issue", "nato"),
		e.poll(fmt.Sprintf(`document.querySelectorAll('[data-testid=ks-table]').length === 1 && !!document.querySelector('%s')`, card)))
	rows := get(t, e.bctx, "rows", chromedp.Evaluate[[]string](fmt.Sprintf(`[...document.querySelectorAll('%s tbody tr')].map((r) => [...r.children].map((c) => c.textContent).join(" | "))`, card)))
	if len(rows) != len(want) {
		t.Errorf("%d rows, want %d as parley explain prints: %q", len(rows), len(want), rows)
	}
	for _, r := range rows {
		name, _, _ := strings.Cut(r, " | ")
		if r != want[name] {
			t.Errorf("the page's row %q, want %q as parley explain prints it", r, want[name])
		}
	}
}
