package httpapi_test

import (
	"testing"

	"parley/httpapi"
)

// TestOwnLimitBeforeBudget: a request within a request over its own
// limit (a robust analysis's draws over answer.MaxDraws) is refused, 400,
// in the limit's words before its cost is weighed against the server's
// budget (a 413 "estimated to need … of memory" whose advice, fewer
// draws, did not say how many).
func TestOwnLimitBeforeBudget(t *testing.T) {
	e := newEnv(t, httpapi.Options{MaxMemory: 1, MaxWork: 1})
	var v view
	e.want(e.do("POST", "/api/scenarios", string(generated(t, 3, 2))), 201).json(t, &v)
	p := "/api/scenarios/" + v.ID
	var b errBody
	e.want(e.do("POST", p+"/deal/evaluate", `{"robust":{"on":true,"draws":100000000}}`), 400).json(t, &b)
	if want := "robust draws 100000000: valid: 1 to 1000000 (0: 500)"; b.Error != want {
		t.Errorf("deal evaluate: %q, want %q", b.Error, want)
	}
	e.want(e.do("POST", p+"/forecast", `{"rounds":100000}`), 400).json(t, &b)
	if want := "rounds 100000: valid: a whole number from 0 to 10000"; b.Error != want {
		t.Errorf("forecast: %q, want %q", b.Error, want)
	}
}
