package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderHistoryRestores saves the scenario twice, opens History,
// which lists the three saved versions, and restores the first: the
// builder then shows the first version's content as the new version 4,
// and History lists four versions, the third replaced by restoring the
// first. A restore after someone else saved is refused, saying so.
func TestBuilderHistoryRestores(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	r.enter("issues[0].name", "Budget")
	r.save()
	r.enter("issues[0].name", "Trade")
	r.save()
	rows := `document.querySelectorAll("[data-testid=history-list] li[data-version]")`
	openHistory := func(n int) {
		t.Helper()
		r.do("open history", chromedp.Click(chromedp.CSS(`[data-testid=build-history] > summary`)),
			r.poll(fmt.Sprintf(`%s.length === %d`, rows, n)))
	}
	openHistory(3)
	if first := r.text(`[data-testid=history-list] li[data-version="3"]`); !strings.Contains(first, "Version 3") || !strings.Contains(first, "current") {
		t.Errorf("the newest row reads %q", first)
	}
	r.do("restore version 1", void(chromedp.Evaluate[bool](`(() => { window.confirm = () => true; document.querySelector("#status").textContent = ""; return true })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=history-restore-1]`)),
		r.poll(`/^(Restored|Not restored|.*error)/i.test(document.querySelector("#status").textContent)`))
	if s := r.text(`#status`); !strings.HasPrefix(s, "Restored version 1 of “Unruled” as version 4") {
		t.Fatalf("status %q", s)
	}
	name := get(t, r.bctx, "issue name", chromedp.Evaluate[string](`document.querySelector('[data-path="issues[0].name"]').value`))
	if name != "Issue A" {
		t.Errorf("the builder shows issue name %q after restoring version 1, want Issue A", name)
	}
	if s := r.text(`[data-testid=build-state]`); s != "Unruled · version 4 · saved" {
		t.Errorf("state %q", s)
	}
	openHistory(4)
	if row := r.text(`[data-testid=history-list] li[data-version="3"]`); !strings.Contains(row, "replaced by restoring version 1") {
		t.Errorf("version 3's row reads %q", row)
	}
	if file := r.exported(); !strings.Contains(file, "name: Issue A") || strings.Contains(file, "Trade") {
		t.Errorf("the stored file is not version 1's:\n%s", file)
	}

	// Someone else saves version 5 meanwhile: the page, at version 4,
	// is refused, and says why and what to do.
	req, err := http.NewRequest("PUT", r.srv.URL+"/api/scenarios/"+r.id, strings.NewReader(strings.Replace(unruled, "Issue B", "Issue Bee", 1)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("If-Match", `"4"`)
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the other save: %v %v", res, err)
	}
	res.Body.Close()
	r.do("stale restore", void(chromedp.Evaluate[bool](`(() => { document.querySelector("#status").textContent = ""; return true })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=history-restore-2]`)),
		r.poll(`document.querySelector("#status").textContent !== ""`))
	if s := r.text(`#status`); !strings.HasPrefix(s, "Not restored: “Unruled” was saved elsewhere since you loaded version 4") {
		t.Errorf("stale restore: status %q", s)
	}
}
