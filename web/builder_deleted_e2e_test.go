package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"parley/store"
)

// TestBuilderDeletedRestores saves a scenario as version 2 and deletes
// it from the Build view, whose confirmation says where to bring it back
// from: "Deleted scenarios" then lists it, with the time the server says
// it was deleted and its last version, and its Restore, pressed from the
// keyboard, brings it back as version 3 with version 2's content, open in
// the builder and chosen in the scenario list. Deleted again, and
// restored through the API after the page listed it, its Restore is
// refused, saying why; the list is drawn afresh, empty, and the scenario
// list names it again.
func TestBuilderDeletedRestores(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	r.enter("issues[0].name", "Budget")
	r.save()

	del := func(step string) {
		t.Helper()
		r.do(step, void(chromedp.Evaluate[bool](`(() => { window.confirm = (m) => { window.asked = m; return true }; document.querySelector("#status").textContent = ""; return true })()`)),
			chromedp.Click(chromedp.CSS(`[data-testid=build-delete]`)),
			r.poll(`document.querySelector("#status").textContent.startsWith("Deleted")`))
	}
	del("delete")
	if asked := get(t, r.bctx, "confirmation", chromedp.Evaluate[string](`window.asked`)); !strings.Contains(asked, "“Deleted scenarios” in the Build view") {
		t.Errorf("the delete's confirmation reads %q: it does not say where to restore from", asked)
	}
	if s := r.text(`#status`); s != "Deleted “Unruled” and its runs; “Deleted scenarios” in the Build view lists it, to restore." {
		t.Errorf("status after the delete %q", s)
	}

	// Opened from the keyboard, the list names it, when the server says
	// it was deleted (in the reader's time zone, as History does) and
	// the version deleted.
	row := fmt.Sprintf(`[data-testid=deleted-list] li[data-deleted=%q]`, r.id)
	r.do("open the list", chromedp.Focus(chromedp.CSS(`[data-testid=build-deleted] > summary`)), chromedp.KeyEvent(kb.Enter),
		r.poll(fmt.Sprintf(`!!document.querySelector(%q)`, row)))
	var deleted []store.Deleted
	res, err := http.Get(r.srv.URL + "/api/scenarios/deleted")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.NewDecoder(res.Body).Decode(&deleted); err != nil || len(deleted) != 1 || deleted[0].Version.Version != 2 {
		t.Fatalf("the API lists as deleted %+v (%v)", deleted, err)
	}
	res.Body.Close()
	at := func(ts string) string {
		return get(t, r.bctx, "a time", chromedp.Evaluate[string](fmt.Sprintf(`new Date(%q).toLocaleString()`, ts)))
	}
	want := fmt.Sprintf("Unruled · deleted %s · version 2, saved %s", at(deleted[0].Replaced.Format(time.RFC3339Nano)), at(deleted[0].Saved.Format(time.RFC3339Nano)))
	if got := r.text(row + ` > span`); got != want {
		t.Errorf("the deleted scenario's row reads\n%q, want\n%q", got, want)
	}

	// Restore, from the keyboard: version 2 comes back as version 3 and
	// is open in the builder.
	r.do("restore", chromedp.Focus(chromedp.CSS(fmt.Sprintf(`[data-testid="deleted-restore-%s"]`, r.id))), chromedp.KeyEvent(kb.Enter),
		r.poll(`/^(Restored|Not restored)/.test(document.querySelector("#status").textContent)`))
	if s := r.text(`#status`); s != "Restored “Unruled” as it was deleted (version 2), now version 3; it is open in the builder." {
		t.Fatalf("status after the restore %q", s)
	}
	r.do("opened", r.poll(`document.querySelector("[data-testid=build-state]").textContent === "Unruled · version 3 · saved"`))
	if name := get(t, r.bctx, "issue name", chromedp.Evaluate[string](`document.querySelector('[data-path="issues[0].name"]').value`)); name != "Budget" {
		t.Errorf("the builder shows issue name %q after the restore, want version 2's Budget", name)
	}
	if sel := get(t, r.bctx, "picked", chromedp.Evaluate[string](`document.querySelector("#scenario").value`)); sel != r.id {
		t.Errorf("the scenario list has %q chosen, want the restored %q", sel, r.id)
	}
	if file := r.exported(); !strings.Contains(file, "name: Budget") {
		t.Errorf("the stored file is not version 2's:\n%s", file)
	}
	r.do("listed afresh", r.poll(`document.querySelector("[data-testid=deleted-list]")?.textContent.startsWith("None")`))

	// Deleted again, and restored elsewhere after the page listed it: the
	// page's Restore is refused, says why, and lists afresh.
	del("delete again")
	r.do("listed again", r.poll(fmt.Sprintf(`!!document.querySelector(%q)`, row)))
	req, err := http.NewRequest("POST", r.srv.URL+"/api/scenarios/"+r.id+"/versions/3/restore", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("If-Match", `"3"`)
	if res, err = http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the other restore: %v %v", res, err)
	}
	res.Body.Close()
	r.do("stale restore", void(chromedp.Evaluate[bool](`(() => { document.querySelector("#status").textContent = ""; return true })()`)),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-testid="deleted-restore-%s"]`, r.id))),
		r.poll(`document.querySelector("#status").textContent !== ""`))
	if s := r.text(`#status`); s != "Not restored: “Unruled”: it was restored or saved elsewhere since this list was loaded; choose it in the scenario list." {
		t.Errorf("stale restore: status %q", s)
	}
	r.do("listed afresh after the refusal", r.poll(`document.querySelector("[data-testid=deleted-list]")?.textContent.startsWith("None")`))
	r.do("in the scenario list", r.poll(fmt.Sprintf(`[...document.querySelectorAll("#scenario option")].some((o) => o.value === %q)`, r.id)))
}
