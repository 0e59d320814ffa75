package web_test

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// TestDealRhoKeptOnOtherRefusal: with robust on and draws over the
// server's limit (answer.MaxDraws), every evaluation is refused for its
// draws; a ρ typed then (2, which the server takes) stays, and the status
// line gives the server's refusal of the draws as it is. The page took
// every 400 for a refusal of ρ: it put ρ back to 1 and said "robust
// draws …; kept 1".
func TestDealRhoKeptOnOtherRefusal(t *testing.T) {
	req := answer.NewDealEvaluateRequest()
	req.Robust = answer.DealRobust{On: true, Draws: answer.MaxDraws + 1}
	req.Rho = 2
	refused := ask.Check(req)
	if refused == nil {
		t.Fatalf("ask.Check accepts %d robust draws", req.Robust.Draws)
	}
	e := startE2E(t)
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-summary]`)),
		e.poll(robustOn(answer.MaxDraws+1)), e.poll(`document.querySelector('[data-testid=deal-result]').textContent.startsWith('robust draws')`),
		void(chromedp.Evaluate[bool](`(() => { const r = document.querySelector('input[name=rho]'); r.value = '2'; r.dispatchEvent(new Event('change')); return true })()`)),
		e.poll(`document.getElementById('status').textContent.startsWith('robust draws')`))
	if v := get(t, e.bctx, "rho", chromedp.Evaluate[string](`document.querySelector('input[name=rho]').value`)); v != "2" {
		t.Errorf("ρ field reads %q after the draws were refused, want 2", v)
	}
	if s, want := e.text("#status"), refused.Error(); s != want {
		t.Errorf("status %q, want %q", s, want)
	}
}

// TestDealRhoPutBackToAccepted: ρ 2, which the server takes, then 50 and
// 60 typed before the server answers: both are refused, and ρ goes back
// to 2, the last ρ the server took, the status line saying so. The page
// put back the value the previous, unanswered change had written: 60
// went back to 50, which the server refuses too.
func TestDealRhoPutBackToAccepted(t *testing.T) {
	req := answer.NewDealEvaluateRequest()
	req.Rho = 60
	refused := ask.Check(req)
	if refused == nil {
		t.Fatal("ask.Check accepts ρ 60")
	}
	e := startE2E(t)
	verdicts := `[data-testid=deal-verdicts] tr:first-child td`
	e.do("deal", chromedp.Navigate(e.srv.URL+"/#deal"), chromedp.WaitVisible(chromedp.CSS(verdicts)))
	at1 := e.text(verdicts)
	// ρ 2 answered: the first actor's utility is the one at ρ 2
	e.do("rho 2", void(chromedp.Evaluate[bool](`(() => { const r = document.querySelector('input[name=rho]'); r.value = '2'; r.dispatchEvent(new Event('change')); return true })()`)),
		e.poll(`(() => { const x = document.querySelector('`+verdicts+`'); return !!x && x.textContent !== `+strconv.Quote(at1)+` })()`))
	e.do("rho 50 then 60", void(chromedp.Evaluate[bool](`(() => { const r = document.querySelector('input[name=rho]');
		r.value = '50'; r.dispatchEvent(new Event('change')); r.value = '60'; r.dispatchEvent(new Event('change')); return true })()`)),
		e.poll(`document.getElementById('status').textContent.startsWith('rho 60')`), settled())
	if v := get(t, e.bctx, "rho", chromedp.Evaluate[string](`document.querySelector('input[name=rho]').value`)); v != "2" {
		t.Errorf("ρ field reads %q after 50 and 60 were refused, want 2", v)
	}
	if s, want := e.text("#status"), refused.Error()+"; kept 2"; s != want {
		t.Errorf("status %q, want %q", s, want)
	}
}
