package httpapi_test

import (
	"strings"
	"testing"
	"time"

	"parley/httpapi"
)

// The work budgets count what a run costs the machine: each model's
// steps at its measured time (ask's modelCost StepNs), in steps of
// 50 ns (ask.StepTime), not raw steps, which snap's 19 µs a step made
// look cheap. The figures are hand-derived on the built-in case, 10
// actors × 7 issues (A·I = 70): snap counts A·I = 70 steps a run at
// 19,000 ns (380 steps of 50 ns each), exchange 10·A²·I·(I−1) = 42,000
// at 70 ns in a forecast, which keeps its trace (1.4 each; 40 ns, 0.8,
// in a sweep), compromise 70 at 260 ns (5.2 each).
func TestWorkBudgetPricesSteps(t *testing.T) {
	t.Run("snap advise inline, default budget", func(t *testing.T) {
		// Advise of snap with 5,000 draws: every lever (2·A·I = 140)
		// and the stated values (1) run the model on each of the 5,001
		// runs: 70 × 5,001 × 141 = 49,359,870 steps, within the default
		// 5×10⁷, but priced 49,359,870 × 380 = 1.88×10¹⁰ (938 s of
		// CPU). The most draws admitted: 70 × (1 + d) × 141 × 380 =
		// 3,750,600 × (1 + d) ≤ 5×10⁷, so d = 12. The deadline is past
		// so that a server that admitted it would answer at once (503)
		// rather than run it for a quarter of an hour.
		e := newEnv(t, httpapi.Options{ForecastTimeout: time.Nanosecond})
		id := createBuiltin(e)
		var b boundBody
		e.want(e.do("POST", "/api/scenarios/"+id+"/advise", `{"actor":"russia","model":"snap","draws":5000}`), 413).json(t, &b)
		for _, w := range []string{
			"estimated at 1.88e+10 steps of 50 ns (16 minutes of CPU time",
			"over this server's limit of 5e+07 steps of 50 ns (2.5 s of CPU time; parley serve --max-work)",
			"valid: draws at most 12 on this server (asked 5000)",
		} {
			if !strings.Contains(b.Error, w) {
				t.Errorf("refusal lacks %q: %s", w, b.Error)
			}
		}
		if b.Code != "over_budget" || b.Field != "draws" {
			t.Errorf("refusal %+v, want over_budget naming draws", b)
		}
	})
	t.Run("snap sweep job", func(t *testing.T) {
		// A sweep of 100,000 draws of snap: 70 × 100,000 = 7×10⁶
		// steps, within a job budget of 5×10⁷, but priced 2.66×10⁹ (133
		// s of CPU; it took some 106 s). The most draws: 70 × 380 × d
		// = 26,600 × d ≤ 5×10⁷, so d = 1,879.
		e := newEnv(t, httpapi.Options{MaxJobWork: 5e7})
		id := createBuiltin(e)
		var b boundBody
		e.want(e.do("POST", "/api/scenarios/"+id+"/runs", `{"kind":"sweep","draws":100000,"models":["snap"]}`), 413).json(t, &b)
		for _, w := range []string{
			"estimated at 2.66e+09 steps of 50 ns (2.2 minutes of CPU time",
			"limit of 5e+07 steps of 50 ns (2.5 s of CPU time; parley serve --max-job-work)",
			"valid: draws at most 1879 on this server (asked 100000)",
		} {
			if !strings.Contains(b.Error, w) {
				t.Errorf("refusal lacks %q: %s", w, b.Error)
			}
		}
		if b.Field != "draws" {
			t.Errorf("refusal %+v, want field draws", b)
		}
		e.want(e.do("POST", "/api/scenarios/"+id+"/runs", `{"kind":"sweep","draws":1880,"models":["snap"]}`), 413)
	})
	t.Run("exchange and compromise still admitted", func(t *testing.T) {
		// Under a budget of 60,000: a forecast of exchange, 42,000
		// steps, priced 58,800; advise by compromise's closed form with
		// 20 draws, 21 runs of the model (70 steps, priced 364) and of
		// 140 levers × 10 actors of closed form (1,400 steps of 50 ns):
		// 21 × 1,470 = 30,870 steps, priced 21 × 1,764 = 37,044. Both
		// were admitted on raw steps and are on priced ones.
		e := newEnv(t, httpapi.Options{MaxWork: 60000})
		id := createBuiltin(e)
		e.want(e.do("POST", "/api/scenarios/"+id+"/forecast", `{"models":["exchange"]}`), 200)
		e.want(e.do("POST", "/api/scenarios/"+id+"/advise", `{"actor":"russia","model":"compromise","draws":20}`), 200)
		// And a forecast of snap, 70 steps, priced 26,600, too; advise
		// of snap with one draw, 70 × 2 × 141 = 19,740 steps, priced
		// 7.5×10⁶, is not.
		e.want(e.do("POST", "/api/scenarios/"+id+"/forecast", `{"models":["snap"]}`), 200)
		e.want(e.do("POST", "/api/scenarios/"+id+"/advise", `{"actor":"russia","model":"snap","draws":1}`), 413)
	})
}
