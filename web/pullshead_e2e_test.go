package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestExplainPullsHead: the explain view heads each issue's pulls with
// what its model's pull measures, as parley explain does (ask.PullsHead):
// compromise's a share × distance from the forecast, median's a share of
// the weight above or below, neither "from the status quo"; and on the
// ceasefire Russia, below the compromise, pulls it down (a bar left of
// zero, a negative data-pull).
func TestExplainPullsHead(t *testing.T) {
	c := builtinCase(t, "latest")
	e := startE2E(t)
	pick := func(testid, value string) chromedp.Action[chromedp.Void] {
		return void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const s = document.querySelector("[data-testid=%s]"); s.value = %q; s.dispatchEvent(new Event("change")); return true })()`, testid, value)))
	}
	head := `section[data-issue="ceasefire"] [data-testid=pulls-head]`
	e.do("explain", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(head)))
	for _, model := range []string{"compromise", "median"} {
		req := answer.NewExplainRequest()
		req.Model, req.Issue = model, "ceasefire"
		x, err := ask.Explain(context.Background(), c, req)
		if err != nil {
			t.Fatal(err)
		}
		want := ask.PullsHead(model, x.Issues[0], 1)
		if model != "compromise" {
			e.do(model, pick("explain-model", model), e.poll(fmt.Sprintf(`(document.querySelector('%s')?.textContent ?? '') === %q`, head, want)))
		}
		if got := e.text(head); got != want {
			t.Errorf("%s: pulls headed %q, want %q", model, got, want)
		}
		if model == "compromise" {
			pull := get(t, e.bctx, "russia", chromedp.AttributeValue(chromedp.CSS(`section[data-issue="ceasefire"] rect.pull[data-actor="russia"]`), "data-pull")).Value
			if pull == "" || pull[0] != '-' {
				t.Errorf("Russia's pull on the ceasefire %q, want negative: it stands below the forecast", pull)
			}
		}
	}
}
