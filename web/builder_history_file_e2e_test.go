package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderHistoryDownloadsFile saves an edit of a YAML file with a
// comment, opens History and downloads version 1: the file the page
// saves is version 1 byte for byte, the comment kept (the parsed
// version the page shows with View has none), named for the id and the
// version.
func TestBuilderHistoryDownloadsFile(t *testing.T) {
	first := "# version 1, with a comment to keep\n" + unruled
	r := openStored(t, "Unruled", first)
	r.enter("issues[0].name", "Budget")
	r.save()
	r.do("open history", chromedp.Click(chromedp.CSS(`[data-testid=build-history] > summary`)),
		r.poll(`document.querySelectorAll("[data-testid=history-list] li[data-version]").length === 2`))
	if n := r.count(`[data-testid=history-download-1]`); n != 1 {
		t.Fatalf("version 1 has %d download buttons, want 1", n) // not a wait for one that never comes
	}
	// The file is caught as the page hands it to the browser to save.
	r.do("download version 1", void(chromedp.Evaluate[bool](`(() => {
		URL.createObjectURL = (b) => { b.text().then((t) => { window.savedText = t }); return "about:blank" }
		HTMLAnchorElement.prototype.click = function () { window.savedName = this.download }
		document.querySelector("#status").textContent = ""
		return true
	})()`)), chromedp.Click(chromedp.CSS(`[data-testid=history-download-1]`)),
		r.poll(`window.savedText !== undefined && document.querySelector("#status").textContent !== ""`))
	if got := get(t, r.bctx, "file", chromedp.Evaluate[string](`window.savedText`)); got != first {
		t.Errorf("the file downloaded:\n%s\nwant version 1 as saved:\n%s", got, first)
	}
	if name := get(t, r.bctx, "name", chromedp.Evaluate[string](`window.savedName`)); name != fmt.Sprintf("%s-v1.yaml", r.id) {
		t.Errorf("saved as %q", name)
	}
	if s := r.text(`#status`); s != "Downloaded version 1 of “Unruled” as it was saved." {
		t.Errorf("status %q", s)
	}
}
