package web_test

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderDeletedListedOnce opens "Deleted scenarios" and then draws
// the Build view again twice (two issues added): the list is asked of
// the server once, when opened, and drawn again from that answer (it was
// asked again at every redraw, and the builder is drawn again with every
// item added or removed). A delete made in the page asks again, and the
// list then names both deleted scenarios; closed and opened, it is
// asked again.
func TestBuilderDeletedListedOnce(t *testing.T) {
	var asked atomic.Int32
	count := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if req.Method == http.MethodGet && req.URL.Path == "/api/scenarios/deleted" {
				asked.Add(1)
			}
			h.ServeHTTP(w, req)
		})
	}
	r := openStoredWith(t, e2eOptions{wrap: count}, "Unruled", unruled)
	gone := r.stored("Gone", []byte(unruled))
	if err := r.st.DeleteScenario(context.Background(), gone.ID, 1, 100); err != nil {
		t.Fatal(err)
	}
	row := func(id string) string {
		return fmt.Sprintf(`!!document.querySelector('[data-testid=deleted-list] li[data-deleted=%q]')`, id)
	}
	r.do("open the list", chromedp.Click(chromedp.CSS(`[data-testid=build-deleted] > summary`)), r.poll(row(gone.ID)))
	if n := asked.Load(); n != 1 {
		t.Fatalf("opening the list asked for it %d times, want 1", n)
	}
	issues := `document.querySelectorAll('[data-path^="issues["][data-path$="].name"]').length`
	for i, want := range []int{3, 4} {
		// The click draws the view again at once; the new list is
		// filled when its toggle is told it is open, after which the
		// row is there (before, once the server had answered again).
		r.do(fmt.Sprintf("redraw %d", i+1), chromedp.Click(chromedp.CSS(`[data-add="issues"]`)),
			r.poll(fmt.Sprintf(`%s === %d`, issues, want)), r.poll(row(gone.ID)))
	}
	if n := asked.Load(); n != 1 {
		t.Errorf("after two redraws the list was asked for %d times, want once", n)
	}

	// A delete made here asks again: both are listed.
	r.do("delete", void(chromedp.Evaluate[bool](`(() => { window.confirm = () => true; document.querySelector("#status").textContent = ""; return true })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-delete]`)),
		r.poll(`document.querySelector("#status").textContent.startsWith("Deleted")`), r.poll(row(r.id)), r.poll(row(gone.ID)))
	if n := asked.Load(); n != 2 {
		t.Errorf("after a delete the list was asked for %d times in all, want 2", n)
	}
	// Closed and opened, it is asked again.
	r.do("close", chromedp.Click(chromedp.CSS(`[data-testid=build-deleted] > summary`)),
		r.poll(`!document.querySelector("[data-testid=build-deleted]").open`))
	r.do("open again", chromedp.Click(chromedp.CSS(`[data-testid=build-deleted] > summary`)),
		r.poll(`document.querySelector("[data-testid=build-deleted]").open`), r.poll(row(r.id)))
	if n := asked.Load(); n != 3 {
		t.Errorf("opened again, the list was asked for %d times in all, want 3", n)
	}
}
