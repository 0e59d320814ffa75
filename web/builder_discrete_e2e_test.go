package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderDiscrete: ask/testdata/contract.yaml without its issue's
// discrete: true, opened in the builder; the issue's box "Discrete" is
// unticked, and ticking it and saving stores discrete: true (the saved
// file and the API's GET both have it).
func TestBuilderDiscrete(t *testing.T) {
	b, err := os.ReadFile("../ask/testdata/contract.yaml")
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(string(b), "    discrete: true\n", "", 1)
	if body == string(b) {
		t.Fatal("contract.yaml no longer says discrete: true where this test takes it out")
	}
	r := openStored(t, "Contract length talks", body)
	const box = `[data-path="issues[0].discrete"]`
	if got := get(t, r.bctx, "unticked", chromedp.Evaluate[bool](`document.querySelector('`+box+`')?.checked ?? true`)); got {
		t.Fatal("the issue's box Discrete is missing, or ticked on an issue that is not discrete")
	}
	r.do("tick discrete", void(chromedp.Evaluate[bool](`(() => { document.querySelector('`+box+`').click(); return true })()`)))
	saved := r.save()
	if !saved.Issues[0].Discrete {
		t.Errorf("the saved file's issue is not discrete")
	}
	resp, err := http.Get(r.srv.URL + "/api/scenarios/" + r.id)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var got struct {
		Scenario struct {
			Issues []struct {
				ID       string `json:"id"`
				Discrete bool   `json:"discrete"`
			} `json:"issues"`
		} `json:"scenario"`
	}
	if err := json.Unmarshal(raw, &got); err != nil || len(got.Scenario.Issues) != 1 || !got.Scenario.Issues[0].Discrete {
		t.Errorf("the API's GET: %v\n%s", err, raw)
	}
	// unticked again and saved, the field is left out
	r.do("untick discrete", void(chromedp.Evaluate[bool](`(() => { document.querySelector('`+box+`').click(); return true })()`)))
	if saved := r.save(); saved.Issues[0].Discrete || strings.Contains(r.exported(), "    discrete:") {
		t.Errorf("unticked, the saved file still says discrete:\n%s", r.exported())
	}
}
