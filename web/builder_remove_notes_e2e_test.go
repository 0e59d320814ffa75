package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// notesShown is the builder's notes beside their fields, each as its
// path, whether it is the element it was before the removal (kept) and
// its words, one a line.
const notesShown = `[...document.querySelectorAll('main p.diag')].map((n) => n.dataset.for + (n.e2eKept ? ' kept: ' : ' new: ') + n.textContent.slice(0, 80)).join('\n')`

// TestBuilderRemoveKeepsNotes removes the first capability quote of the
// built-in case's first actor (dated 2025-03-02, source
// brookings-2025-03). The case's five notes are of quotes dated after
// their state's date (parley validate): the one at the quote removed
// goes; the two at the actor's quotes after it stay, the elements they
// were, moved up to its quotes 1 and 2 and named so; the other two stay
// as they were. (Every note went with any removal: the positions they
// named had gone stale.)
func TestBuilderRemoveKeepsNotes(t *testing.T) {
	e := openBuiltinBuilder(t)
	e.do("remove the quote", void(chromedp.Evaluate[bool](markAll)),
		void(chromedp.Evaluate[bool](`(() => { document.querySelector('button[data-remove="actors[0].capability_evidence[0]"]').click(); return true })()`)),
		e.poll(`!document.querySelector('[data-path="actors[0].capability_evidence[2]"]')`))
	got := get(t, e.bctx, "the notes", chromedp.Evaluate[string](notesShown))
	want := strings.Join([]string{
		"actors[0].capability_evidence[0] kept: ℹ Actor “Ukraine”, capability quote 1: is dated 2025-03-11 (source report-2025-0",
		"actors[0].capability_evidence[1] kept: ℹ Actor “Ukraine”, capability quote 2: is dated 2025-03-18 (source brookings-202",
		"actors[3].capability_evidence[0] kept: ℹ Actor “United Kingdom”, capability quote 1: is dated 2025-08-17 (source report",
		"snapshots[0].stances[0].evidence[2] kept: ℹ Snapshot of 2025-03-11 (“Jeddah”), change to the stance of Ukraine on Ceasefir",
	}, "\n")
	if got != want {
		t.Errorf("after the removal the notes read\n%s\nwant\n%s", got, want)
	}
	if got := e.text(`[data-testid=build-problems] p`); got != "4 notes:" {
		t.Errorf("the list of the draft's diagnostics opens %q, want 4 notes:", got)
	}
	// Only the actor's list of quotes changed: nothing else is drawn anew.
	drawn := get(t, e.bctx, "drawn anew", chromedp.Evaluate[int](`[...document.querySelectorAll('main *')].filter((el) => !el.e2eKept &&
		!el.closest('[data-testid=build-file], [data-testid=build-downloads]')).length`))
	if drawn != 0 {
		t.Errorf("%d elements drawn anew, want 0", drawn)
	}
}
