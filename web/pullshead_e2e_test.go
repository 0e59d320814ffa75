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
// what its model's pull measures, as parley explain does (ask.PullsHead),
// for every model explain covers (answer.ExplainModels): compromise's a
// share × distance from the forecast, snap's and compromise-band's from
// the compromise they start from (its value with the issue's decimals),
// median's a share of the weight above or below, nash's a term of the
// first-order condition, neither "from the status quo"; a model whose
// reasons are not pulls (ks, bdm, …) has no such head. And on the
// ceasefire Russia, below the compromise, pulls it down (a bar left of
// zero, a negative data-pull). Only compromise and median were compared.
func TestExplainPullsHead(t *testing.T) {
	c := builtinCase(t, "latest")
	e := startE2E(t)
	pick := func(testid, value string) chromedp.Action[chromedp.Void] {
		return void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const s = document.querySelector("[data-testid=%s]"); s.value = %q; s.dispatchEvent(new Event("change")); return true })()`, testid, value)))
	}
	card := `section[data-issue="ceasefire"]`
	head := card + ` [data-testid=pulls-head]`
	e.do("explain", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(head)),
		pick("explain-issue", "ceasefire"), e.poll(fmt.Sprintf(`!!document.querySelector('%s') && document.querySelectorAll('[data-testid=explain-result] section[data-issue]').length === 1`, head)))
	heads := 0
	for _, model := range answer.ExplainModels {
		req := answer.NewExplainRequest()
		req.Model, req.Issue = model, "ceasefire"
		x, err := ask.Explain(context.Background(), c, req)
		if err != nil {
			t.Fatal(err)
		}
		want := ask.PullsHead(model, x.Issues[0], x.Scenario.IssueDecimals("ceasefire"))
		if model != answer.NewExplainRequest().Model {
			// the view drawn anew for the model: "Explaining…" until its answer
			e.do(model, pick("explain-model", model), e.poll(fmt.Sprintf(`(() => { const r = document.querySelector('[data-testid=explain-result]'); return !!r && (!!r.querySelector('%s') || !!r.querySelector('.error')) })()`, card)))
		}
		if e.count(`[data-testid=explain-result] > .error`) > 0 {
			t.Errorf("%s: the page explains %q", model, e.text(`[data-testid=explain-result] > .error`))
			continue
		}
		got := ""
		if e.count(head) > 0 {
			got = e.text(head)
			heads++
		}
		if got != want {
			t.Errorf("%s: pulls headed %q, want %q", model, got, want)
		}
		if model == "compromise" {
			pull := get(t, e.bctx, "russia", chromedp.AttributeValue(chromedp.CSS(`section[data-issue="ceasefire"] rect.pull[data-actor="russia"]`), "data-pull")).Value
			if pull == "" || pull[0] != '-' {
				t.Errorf("Russia's pull on the ceasefire %q, want negative: it stands below the forecast", pull)
			}
		}
	}
	if heads != 5 {
		t.Errorf("%d models' pulls headed, want 5 (compromise, median, nash, snap, compromise-band)", heads)
	}
}
