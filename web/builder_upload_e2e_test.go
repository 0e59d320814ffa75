package web_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/ask"
)

// TestBuilderUploadBeforeFormats chooses a file to upload while the server
// still holds back the list of upload formats (GET /api/formats), then
// lets it answer. The file is still chosen, the formats are listed beside
// it as the server names them; drawn again (an issue added) the view
// still holds the file and the format picked; and the upload opens the
// file, after which both are cleared. (The builder drew itself again
// when the formats came, with a new, empty file field: the file was
// lost.)
func TestBuilderUploadBeforeFormats(t *testing.T) {
	asked, release := make(chan struct{}), make(chan struct{})
	var askedOnce, releaseOnce sync.Once
	free := func() { releaseOnce.Do(func() { close(release) }) }
	hold := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/api/formats" {
				askedOnce.Do(func() { close(asked) })
				select {
				case <-release:
				case <-r.Context().Done():
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}
	e := startE2EWith(t, e2eOptions{empty: true, wrap: hold})
	// Registered after the server's, so run before it closes: a request
	// still held would keep it from closing.
	t.Cleanup(free)

	dir := t.TempDir()
	file := filepath.Join(dir, "held.yaml")
	held := `metadata: {id: held, title: Held formats, as_of: "2025-01-01"}
issues: [{id: a, name: Issue A}]
actors: [{id: north, name: North, capability: 1, capability_assumed: an example}]
stances: [{actor: north, issue: a, position: 20, salience: 1, assumed: an example}]
`
	if err := os.WriteFile(file, []byte(held), 0o644); err != nil {
		t.Fatal(err)
	}

	e.do("builder", chromedp.Navigate(e.srv.URL+"/#build"), chromedp.WaitVisible(chromedp.CSS(`#build-upload-file`)))
	select {
	case <-asked:
	case <-e.bctx.Done():
		t.Fatal("the page never asked for the upload formats")
	}
	e.do("choose file", chromedp.SetUploadFiles(chromedp.CSS(`#build-upload-file`), []string{file}))
	label := `document.querySelector('label[for="build-upload-file"]').textContent`
	before := get(t, e.bctx, "before", chromedp.Evaluate[string](`[`+label+`, document.querySelectorAll("#build-upload-format option").length].join(" | ")`))
	if want := "Or upload a file (a scenario, or a peer tool’s: …)  | 1"; before != want {
		t.Fatalf("before the formats come the upload reads %q, want %q", before, want)
	}

	free()
	e.do("formats", e.poll(`document.querySelectorAll("#build-upload-format option").length > 1`))
	var peers []string
	for _, f := range ask.Formats() {
		if f.Name != ask.Scenario {
			peers = append(peers, f.Name)
		}
	}
	if got, want := get(t, e.bctx, "label", chromedp.Evaluate[string](label)), "Or upload a file (a scenario, or a peer tool’s: "+strings.Join(peers, ", ")+") "; got != want {
		t.Errorf("once the formats came the upload reads %q, want %q", got, want)
	}
	if n := e.count("#build-upload-format option"); n != len(peers)+2 {
		t.Errorf("the format list has %d choices, want detect, scenario and the %d peers", n, len(peers))
	}
	chosen := `[...document.querySelector("#build-upload-file").files].map((f) => f.name).join(",")`
	if got := get(t, e.bctx, "chosen", chromedp.Evaluate[string](chosen)); got != "held.yaml" {
		t.Fatalf("once the formats came the file chosen is %q, want held.yaml", got)
	}
	// Drawn again (an issue added), the view keeps the file chosen and
	// the format picked.
	e.do("pick a format, add an issue", chromedp.SetValue(chromedp.CSS(`#build-upload-format`), ask.Scenario),
		chromedp.Click(chromedp.CSS(`button[data-add="issues"]`)), chromedp.WaitVisible(chromedp.CSS(`[data-path="issues[0].id"]`)))
	if got := get(t, e.bctx, "chosen after a redraw", chromedp.Evaluate[string](chosen+` + " " + document.querySelector("#build-upload-format").value`)); got != "held.yaml scenario" {
		t.Fatalf("drawn again, the upload holds %q, want held.yaml scenario", got)
	}

	// The draft has an issue added: the page asks before it is replaced,
	// and the test agrees.
	e.do("upload", void(chromedp.Evaluate[bool](`(() => { window.confirm = () => true; return true })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-upload]`)),
		e.poll(`document.querySelector("[data-testid=build-state]").textContent.startsWith("Held formats")`))
	if got := get(t, e.bctx, "chosen after", chromedp.Evaluate[string](chosen+` + " " + document.querySelector("#build-upload-format").value`)); got != " " {
		t.Errorf("after the upload the file field and the format hold %q", got)
	}
	list, err := e.st.ListScenarios(e.ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("stored: %v %v", list, err)
	}
	if rec, err := e.st.GetScenario(e.ctx, list[0].ID); err != nil || string(rec.Body) != held {
		t.Fatalf("the file stored is not the one chosen (%v):\n%s", err, rec.Body)
	}
}

// TestBuilderUploadAsksOnlyWithEdits uploads into a fresh page, whose
// builder holds a blank draft nobody has touched: nothing would be lost,
// so the page does not ask. Then, on a new blank draft with its title
// typed, it asks before the upload replaces it, and nothing is uploaded
// when the answer is no; with the title erased again the draft is as it
// started, and the upload goes ahead without asking. (Every new draft
// counted as unsaved, so the page asked to discard edits there were
// none of.)
func TestBuilderUploadAsksOnlyWithEdits(t *testing.T) {
	e := startE2EWith(t, e2eOptions{empty: true})
	dir := t.TempDir()
	files := map[string]string{}
	for _, name := range []string{"first", "second"} {
		files[name] = filepath.Join(dir, name+".yaml")
		body := `metadata: {id: ` + name + `, title: The ` + name + ` file, as_of: "2025-01-01"}
issues: [{id: a, name: Issue A}]
actors: [{id: north, name: North, capability: 1, capability_assumed: an example}]
stances: [{actor: north, issue: a, position: 20, salience: 1, assumed: an example}]
`
		if err := os.WriteFile(files[name], []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Every question the page asks is recorded, and answered no.
	e.do("fresh page", chromedp.Navigate(e.srv.URL+"/#build"), chromedp.WaitVisible(chromedp.CSS(`#build-upload-file`)),
		void(chromedp.Evaluate[bool](`(() => { window.asked = []; window.confirm = (m) => { window.asked.push(m); return false }; return true })()`)))
	upload := func(step, file string, done string) {
		t.Helper()
		e.do(step, chromedp.SetUploadFiles(chromedp.CSS(`#build-upload-file`), []string{file}),
			chromedp.Click(chromedp.CSS(`[data-testid=build-upload]`)), e.poll(done))
	}
	questions := func() []string {
		t.Helper()
		return get(t, e.bctx, "questions", chromedp.Evaluate[[]string](`window.asked`))
	}

	upload("upload into the fresh page", files["first"], `window.asked.length > 0 || document.querySelector("[data-testid=build-state]").textContent.startsWith("The first file")`)
	if q := questions(); len(q) != 0 {
		t.Fatalf("uploading into a fresh page asked %q", q)
	}

	title := `[data-path="metadata.title"]`
	typeTitle := func(v string) chromedp.Action[chromedp.Void] {
		return void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %q; return el.dispatchEvent(new Event("input")) })()`, title, v)))
	}
	e.do("new blank, title typed", chromedp.Click(chromedp.CSS(`[data-testid=build-new]`)),
		e.poll(`document.querySelector("[data-testid=build-state]").textContent === "New scenario, not saved yet"`), typeTitle("A draft"))
	if q := questions(); len(q) != 0 {
		t.Fatalf("a new blank draft over the untouched upload asked %q", q)
	}
	// Declined, the upload changes nothing: the draft and its title stay.
	upload("upload over the typed title", files["second"], `window.asked.length > 0`)
	if q := questions(); strings.Join(q, "|") != "Discard the unsaved edits and open the uploaded file?" {
		t.Fatalf("with a title typed the page asked %q", q)
	}
	if s, v := e.text(`[data-testid=build-state]`), get(t, e.bctx, "title", chromedp.Value(chromedp.CSS(title))); s != "New scenario, not saved yet" || v != "A draft" {
		t.Fatalf("after declining, the builder reads %q with the title %q", s, v)
	}
	if list, err := e.st.ListScenarios(e.ctx); err != nil || len(list) != 1 {
		t.Fatalf("after declining, stored: %v %v", list, err)
	}

	e.do("erase the title", typeTitle(""))
	upload("upload over the erased title", files["second"], `document.querySelector("[data-testid=build-state]").textContent.startsWith("The second file")`)
	if q := questions(); len(q) != 1 {
		t.Fatalf("with the title erased the page asked again: %q", q)
	}
}
