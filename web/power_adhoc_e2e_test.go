package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAdHocWeightsThatAreNoNumbers: the ad-hoc voting game the Advise
// view offers refuses weights that are no number, naming them, and
// measures nothing: "1,a,3" went to the server as [1, null, 3] (JSON has
// no NaN), which it read as 1, 0, 3 and measured, a voter of weight 0
// the user never typed.
func TestAdHocWeightsThatAreNoNumbers(t *testing.T) {
	e := startE2E(t)
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(`#power-weights`)),
		chromedp.SetValue(chromedp.CSS(`#power-quota`), "3"), chromedp.SetValue(chromedp.CSS(`#power-weights`), "1,a,3"),
		chromedp.Click(chromedp.CSS(`#power-weights ~ button`)),
		e.poll(`!!document.querySelector('[data-testid=power-out] [data-testid=power-game], [data-testid=power-out] [role=alert]')`), e.shot("66-power-weights"))
	if n := e.count(`[data-testid=power-out] [data-testid=power-game]`); n != 0 {
		t.Fatalf("the game with a weight \"a\" was measured: %q", e.text(`[data-testid=power-out] [data-testid=power-game]`))
	}
	if m := e.text(`[data-testid=power-out] [role=alert]`); !strings.Contains(m, "“a” is not a number") {
		t.Errorf("the page says %q, want it to name the weight that is no number", m)
	}
	// Numbers again: measured (a voter of weight 3 of 4, quota 3, is a
	// dictator: Shapley–Shubik 1).
	e.do("numbers", chromedp.SetValue(chromedp.CSS(`#power-weights`), "1,3"), chromedp.Click(chromedp.CSS(`#power-weights ~ button`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=power-out] [data-testid=power-game]`)))
	if r := e.text(`[data-testid=power-out] [data-testid=power-game] tbody tr:nth-child(2)`); !strings.Contains(r, "1.0000") {
		t.Errorf("the voter of weight 3 reads %q, want Shapley–Shubik 1.0000", r)
	}
}
