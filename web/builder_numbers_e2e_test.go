package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/scenario"
)

// TestBuilderNumberNotANumber types text that is not a number into two
// number fields of the builder, Issue A's status quo ("5e") and the low
// end of a stance's position range ("1e"): the browser gives such a
// field's value as empty, and the save used to send them as not given
// and say "Nothing to save", the text still shown. Now the save is
// refused in the page, nothing sent: each field has its problem beside
// it and the focus goes to the first. Typed again as numbers, the save
// goes through and the file has them.
func TestBuilderNumberNotANumber(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	low := `[data-path="stances[0].range.position"] input`
	r.do("type text that is not a number", chromedp.SendKeys(chromedp.CSS(`[data-path="issues[0].reference"]`), "5e"),
		chromedp.SendKeys(chromedp.CSS(low), "1e"),
		void(chromedp.Evaluate[bool](`(() => { document.querySelector("#status").textContent = ""; return true })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		r.poll(`/^(Saved|Nothing to save|The server found|Not saved)/.test(document.querySelector("#status").textContent)`))
	if s := r.text(`#status`); s != "Not saved: 2 number fields hold text that is not a number: see the marked fields." {
		t.Fatalf("status %q", s)
	}
	notes := get(t, r.bctx, "notes", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=diagnostic]")].map((x) => x.dataset.for + " | " + x.textContent)`))
	want := []string{
		"issues[0].reference | ✕ Issue “Issue A”: status quo: what is typed is not a number, and would be saved as no value; use a number, e.g. 40, 0.5 or -2",
		"stances[0].range.position | ✕ Stance of North on Issue A: range of the position: low: what is typed is not a number, and would be saved as no value; use a number, e.g. 40, 0.5 or -2",
	}
	if strings.Join(notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("the notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
	if at := get(t, r.bctx, "focus", chromedp.Evaluate[string](`document.activeElement?.dataset.path ?? ""`)); at != "issues[0].reference" {
		t.Errorf("the focus is on %q, not the status quo", at)
	}
	if file := r.exported(); file != unruled {
		t.Errorf("the file changed:\n%s", file)
	}
	// A second refused save says the problems once, not twice.
	r.do("save again", chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)))
	if n := r.count(`[data-testid=diagnostic]`); n != 2 {
		t.Errorf("after a second save, %d notes", n)
	}

	r.do("type numbers", chromedp.SetValue(chromedp.CSS(`[data-path="issues[0].reference"]`), ""), chromedp.SendKeys(chromedp.CSS(`[data-path="issues[0].reference"]`), "45"),
		chromedp.SetValue(chromedp.CSS(low), ""), chromedp.SendKeys(chromedp.CSS(low), "10"),
		chromedp.SendKeys(chromedp.CSS(`[data-path="stances[0].range.position"] input + input`), "30"))
	saved := r.save()
	if ref := saved.Issues[0].Reference; ref == nil || *ref != 45 {
		t.Errorf("status quo saved as %v", ref)
	}
	if rg := saved.Stances[0].Range; rg == nil || rg.Position == nil || *rg.Position != (scenario.Range{10, 30}) {
		t.Errorf("position range saved as %+v", rg)
	}
}
