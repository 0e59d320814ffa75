package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderPurgesDeleted: "Deleted scenarios" offers Purge beside
// Restore. Its confirmation names the scenario and says it cannot be
// undone; declined, nothing changes; accepted, the server has none of
// its versions left, the status says so and the list, asked afresh,
// names it no more.
func TestBuilderPurgesDeleted(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	secret := r.stored("Secret", []byte("# uploaded by mistake\n"+unruled))
	if err := r.st.DeleteScenario(context.Background(), secret.ID, 1, 100); err != nil {
		t.Fatal(err)
	}
	row := fmt.Sprintf(`[data-testid=deleted-list] li[data-deleted=%q]`, secret.ID)
	r.do("open the list", chromedp.Click(chromedp.CSS(`[data-testid=build-deleted] > summary`)),
		r.poll(fmt.Sprintf(`!!document.querySelector(%q)`, row)))
	versions := func() int {
		res, err := http.Get(r.srv.URL + "/api/scenarios/" + secret.ID + "/versions")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	purgeSel := fmt.Sprintf(`[data-testid="deleted-purge-%s"]`, secret.ID)
	if n := r.count(purgeSel); n != 1 {
		t.Fatalf("the deleted scenario's row has %d purge buttons, want 1", n) // not a wait for one that never comes
	}
	purge := chromedp.Click(chromedp.CSS(purgeSel))

	r.do("decline", void(chromedp.Evaluate[bool](`(() => { window.confirm = (m) => { window.asked = m; return false }; document.querySelector("#status").textContent = ""; return true })()`)),
		purge, r.poll(`window.asked !== undefined`))
	asked := get(t, r.bctx, "confirmation", chromedp.Evaluate[string](`window.asked`))
	for _, want := range []string{"Purge “Secret”?", "version 1", "for good", "cannot be undone"} {
		if !strings.Contains(asked, want) {
			t.Errorf("the confirmation %q does not say %q", asked, want)
		}
	}
	if code := versions(); code != http.StatusOK {
		t.Fatalf("declined, the versions are %d", code)
	}

	r.do("purge", void(chromedp.Evaluate[bool](`(() => { window.confirm = () => true; document.querySelector("#status").textContent = ""; return true })()`)),
		purge, r.poll(`document.querySelector("#status").textContent !== ""`))
	if s := r.text(`#status`); s != "Purged “Secret”: its saved versions are deleted from the server for good." {
		t.Fatalf("status after the purge %q", s)
	}
	if code := versions(); code != http.StatusNotFound {
		t.Errorf("purged, GET …/versions is %d, want 404", code)
	}
	r.do("listed afresh", r.poll(`document.querySelector("[data-testid=deleted-list]")?.textContent.startsWith("None")`))
}
