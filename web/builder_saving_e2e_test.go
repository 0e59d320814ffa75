package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderTakesNoEditsWhileSaving holds the save's request in the page
// until the test lets it go: meanwhile the builder is inert (nothing can
// be typed into it, nor Save clicked again), since the server's copy
// replaces the draft when it answers and what was typed meanwhile was
// lost without a word. Once the server has answered, the builder takes
// edits again, and the file has the edit made before the save.
func TestBuilderTakesNoEditsWhileSaving(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	r.enter("issues[0].name", "Budget")
	r.do("hold the save", void(chromedp.Evaluate[bool](`(() => {
		const send = window.fetch
		window.__release = null
		window.fetch = (url, o) => o && o.method === "PUT"
			? new Promise((done) => { window.__release = () => done(send(url, o)) })
			: send(url, o)
		document.querySelector("#status").textContent = ""
		return true
	})()`)), chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)), r.poll(`window.__release !== null`))
	field := `document.querySelector('[data-path="issues[0].name"]')`
	if inert := get(t, r.bctx, "inert while saving", chromedp.Evaluate[bool](field+`.closest("[inert]") !== null`)); !inert {
		t.Error("the builder takes edits while the server has the document")
	}
	r.do("let the save go", void(chromedp.Evaluate[bool](`(() => { window.__release(); return true })()`)),
		r.poll(`/^(Saved|Nothing to save|The server found)/.test(document.querySelector("#status").textContent)`))
	if inert := get(t, r.bctx, "inert after", chromedp.Evaluate[bool](`document.querySelector("[inert]") !== null`)); inert {
		t.Error("the builder takes no edits after the server answered")
	}
	if s := r.text(`#status`); !strings.HasPrefix(s, "Saved ") {
		t.Errorf("status %q", s)
	}
	if file := r.exported(); !strings.Contains(file, "name: Budget") {
		t.Errorf("the file lacks the edit:\n%s", file)
	}
}
