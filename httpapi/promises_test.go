package httpapi_test

// The server's promises (docs/serve.md, "Security"; docs/limits.md,
// "Running (server)"): it admits only work it can finish, and a write
// never silently overwrites another.

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"parley/httpapi"
	"parley/store"
)

// Every kind GET /api/kinds lists starts as a job (202) and finishes
// (backtest and deal-proposals were a 500 while ask.Check knew neither),
// and a request of either that could never run is refused at once with
// 400 naming its field, a backtest's end date too (it was queued, then
// failed).
func TestEveryKindStartsAsJob(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	var kinds []string
	e.want(e.do("GET", "/api/kinds", ""), 200).json(t, &kinds)
	if !slices.Contains(kinds, "backtest") || !slices.Contains(kinds, "deal-proposals") {
		t.Fatalf("kinds %v", kinds)
	}
	// What the small case needs besides the defaults (it has no status quo
	// and no decision rule), and fewer draws.
	extra := map[string]string{"advise": `,"actor":"x","draws":3`, "sweep": `,"draws":20`, "sensitivity": `,"draws":20`,
		"deal": `,"package":{"a":40,"b":40}`, "power": `,"quota":2,"weights":[1,1,1]`}
	for _, k := range kinds {
		var r run
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"`+k+`"`+extra[k]+`}`), 202).json(t, &r)
		e.events(r.ID)
		e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
		if r.Status != store.Done || string(r.Kind) != k {
			t.Errorf("job of kind %s: %s %s", k, r.Status, r.Error)
		}
	}
	for body, field := range map[string]string{
		`{"kind":"backtest","to":"soon"}`:          `to "soon"`,
		`{"kind":"backtest","models":["nope"]}`:    `unknown model "nope"`,
		`{"kind":"deal-proposals","rho":-1}`:       "rho -1",
		`{"kind":"deal-proposals","models":["x"]}`: `unknown model "x"`,
	} {
		var b errBody
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", body), 400).json(t, &b)
		if b.Code != "argument" || !strings.Contains(b.Error, field) {
			t.Errorf("%s: %+v, want an argument error naming %s", body, b, field)
		}
	}
	var runs []json.RawMessage
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/runs", ""), 200).json(t, &runs)
	if len(runs) != len(kinds) {
		t.Errorf("%d runs stored for %d kinds: a refused request stored one", len(runs), len(kinds))
	}
}
