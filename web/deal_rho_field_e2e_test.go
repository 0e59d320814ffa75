package web_test

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestDealRhoRefusedByField: the deal view tells the server's refusal of
// ρ from any other by the error body's field (rho), not by its words.
// The server's words for ρ all start "rho " today, so the test has the
// page's fetch say them otherwise (a prefix before the server's own
// words, the body's field kept): the page, which looked at the first
// word, left ρ 20 shown beside answers at ρ 2 and said the refusal as
// one of something else; it now puts ρ back to 2, the last ρ the server
// took, and says so in the words it got.
func TestDealRhoRefusedByField(t *testing.T) {
	req := answer.NewDealEvaluateRequest()
	req.Rho = 20
	refused := ask.Check(req)
	if refused == nil {
		t.Fatal("ask.Check accepts ρ 20")
	}
	e := startE2E(t)
	verdicts := `[data-testid=deal-verdicts] tr:first-child td`
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(verdicts)))
	at1 := e.text(verdicts)
	e.do("rho 2", void(chromedp.Evaluate[bool](`(() => { const r = document.querySelector('input[name=rho]'); r.value = '2'; r.dispatchEvent(new Event('change')); return true })()`)),
		e.poll(`(() => { const x = document.querySelector('`+verdicts+`'); return !!x && x.textContent !== `+strconv.Quote(at1)+` })()`))
	reword := `(() => { const real = window.fetch
		window.fetch = async (url, init) => {
			const res = await real(url, init)
			if (res.status !== 400 || !String(url).endsWith('/deal/evaluate')) return res
			const b = await res.json()
			b.error = 'in other words: ' + b.error
			return new Response(JSON.stringify(b), { status: 400, headers: res.headers })
		}
		return true })()`
	e.do("rho 20, reworded", void(chromedp.Evaluate[bool](reword)),
		void(chromedp.Evaluate[bool](`(() => { const r = document.querySelector('input[name=rho]'); r.value = '20'; r.dispatchEvent(new Event('change')); return true })()`)),
		e.poll(`document.getElementById('status').textContent.startsWith('in other words: ')`), settled())
	if v := get(t, e.bctx, "rho", chromedp.Evaluate[string](`document.querySelector('input[name=rho]').value`)); v != "2" {
		t.Errorf("ρ field reads %q after 20 was refused, want 2", v)
	}
	if s, want := e.text("#status"), "in other words: "+refused.Error()+"; kept 2"; s != want {
		t.Errorf("status %q, want %q", s, want)
	}
}
