package httpapi_test

import (
	"testing"

	"parley/httpapi"
	"parley/scenario"
)

// TestScenariosLimit: the server holds at most --limit scenarios=N
// scenarios, stored or deleted with their versions kept. A create or an
// import past it is refused as other work over a limit is (413,
// over_budget), naming the count, the limit and the way out; nothing is
// stored. A delete does not free room (the history stays), a restore of
// the deleted scenario takes none, a purge frees it.
func TestScenariosLimit(t *testing.T) {
	var lim scenario.Limits
	if err := lim.Set("scenarios=2"); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{Limits: lim})
	body := small(t)
	a := e.create(body)
	e.create(withID(t, body, "small-2"))
	words := []string{"this server holds 2 scenarios (stored, or deleted with their versions kept), and a new one would be over the limit scenarios=2",
		"at most 2 scenarios", "delete some and purge them", "--limit scenarios=N"}
	third := withID(t, body, "third")
	refused(t, "a third scenario", e.do("POST", "/api/scenarios", third), 413, "over_budget", words...)
	refused(t, "a third scenario imported", e.do("POST", "/api/scenarios/import", third), 413, "over_budget", words...)
	var l []view
	e.want(e.do("GET", "/api/scenarios", ""), 200).json(t, &l)
	if len(l) != 2 {
		t.Fatalf("after the refusals: %d scenarios listed, want 2", len(l))
	}

	p := "/api/scenarios/" + a.ID
	e.want(e.do("DELETE", p, "", "If-Match", `"1"`), 204)
	refused(t, "a new scenario beside a deleted one", e.do("POST", "/api/scenarios", third), 413, "over_budget", words...)
	e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"1"`), 200)
	e.want(e.do("DELETE", p, "", "If-Match", `"2"`), 204)
	e.want(e.do("DELETE", p+"/versions", "", "If-Match", `"2"`), 204)
	e.create(third)
	e.want(e.do("GET", "/api/scenarios", ""), 200).json(t, &l)
	if len(l) != 2 {
		t.Fatalf("after the purge and a create: %d scenarios listed, want 2", len(l))
	}
}
