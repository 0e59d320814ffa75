package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCitedDocumentOpens: where an answer's words cite a document
// ("add them under proposals: (docs/format.md)", the warning of a
// scenario with no proposals), the page links the citation to the
// server's copy, /docs/format.md, in a new tab, the words unchanged;
// following the link gives the repository's file, which a user of the
// browser alone could not open before.
func TestCitedDocumentOpens(t *testing.T) {
	body, err := os.ReadFile("../cli/testdata/unit-scale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A unit scale", body)
	li := `[data-testid=proposals-result] [data-testid=proposals-warnings] li`
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#deal"),
		e.poll(`!!document.querySelector('[data-testid=proposals-warnings] li a.doc-link')`))
	if w := e.text(li); !strings.Contains(w, "add them under proposals: (docs/format.md) to have them judged") {
		t.Errorf("the warning reads %q; the link must leave its words as they were", w)
	}
	link := get(t, e.bctx, "link", chromedp.Evaluate[[]string](`(() => { const a = document.querySelector('[data-testid=proposals-warnings] li a.doc-link'); return [a.getAttribute('href'), a.target, a.rel, a.textContent] })()`))
	if strings.Join(link, " ") != "/docs/format.md _blank noopener docs/format.md" {
		t.Errorf("the citation's link is %q, want /docs/format.md in a new tab", link)
	}
	got := get(t, e.bctx, "document", chromedp.Evaluate[string](`fetch(document.querySelector('[data-testid=proposals-warnings] li a.doc-link').href).then(async (r) => r.status + " " + r.headers.get("Content-Type") + "\n" + (await r.text()))`, chromedp.EvalAwaitPromise))
	if wantHead := "200 text/plain; charset=utf-8\n"; got != wantHead+string(want) {
		t.Errorf("the link gives %.80q…, want %q and format.md (%d bytes)", got, wantHead, len(want))
	}
}
