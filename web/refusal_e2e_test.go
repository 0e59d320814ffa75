package web_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSweepRefusalInWords: a sweep the server refuses (more draws than
// it allows) is shown in the server's words, which say what is valid —
// not prefixed with the "Error:" of a script's error object — and marked
// as an error.
func TestSweepRefusalInWords(t *testing.T) {
	e := startE2E(t)
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)))
	max := get(t, e.bctx, "max", chromedp.Evaluate[string](`document.querySelector("[data-testid=sweep-samples]").max`))
	n, err := strconv.Atoi(max)
	if err != nil {
		t.Fatalf("the draws' max reads %q", max)
	}
	e.do("too many draws", chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), strconv.Itoa(n+1)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelector("[data-testid=sweep-message]").textContent !== ""`), e.shot("56-sweep-refused"))
	msg := e.text(`[data-testid=sweep-message]`)
	if strings.HasPrefix(msg, "Error") || !strings.Contains(msg, max) {
		t.Errorf("the refusal reads %q; want the server's words, naming the limit %s", msg, max)
	}
	if cls := get(t, e.bctx, "class", chromedp.Evaluate[string](`document.querySelector("[data-testid=sweep-message]").className`)); cls != "error" {
		t.Errorf("the refusal is shown with class %q, not as an error", cls)
	}
}
