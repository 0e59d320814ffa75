package httpapi_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/fuzzbudget"
	"parley/httpapi"
	"parley/store/bolt"
)

// endpoints are the endpoints FuzzWrites sends bodies to: every one that
// reads a body and answers within the request (a job would outlive the
// fuzzed call).
var endpoints = []struct{ method, path string }{
	{"POST", "/api/scenarios"},
	{"PATCH", "/api/scenarios/{id}/stances/x/a"},
	{"POST", "/api/scenarios/{id}/forecast"},
	{"POST", "/api/scenarios/import?filename=x"},
	{"POST", "/api/scenarios/{id}/deal/evaluate"},
	{"POST", "/api/scenarios/{id}/deal/search"},
	{"POST", "/api/scenarios/{id}/deal/proposals"},
	{"PUT", "/api/scenarios/{id}/document"},
	{"POST", "/api/scenarios/{id}/explain"},
	{"POST", "/api/scenarios/{id}/advise"},
	{"POST", "/api/scenarios/{id}/power"},
	{"POST", "/api/scenarios/{id}/backtest"},
	{"POST", "/api/scenarios/{id}/ingest"},
}

// writeBudget bounds one fuzzed request: the seeds allocate at most
// 0.6 MB each (forecasts of the seed scenario included), so a request
// allocating over 64 MB plus 4 KB per byte of body, or (while fuzzing) running over 5 s
// plus 50 µs per byte past the server's own 1 s limit, is a finding.
var writeBudget = fuzzbudget.Budget{FixedBytes: 64 << 20, BytesPerByte: 4 << 10, FixedTime: 5 * time.Second, TimePerByte: 50 * time.Microsecond}

// FuzzWrites sends arbitrary bodies to the endpoints that read one: the
// server must answer every one with a success or a 4xx that says what is
// wrong, never a 500 or a crash.
func FuzzWrites(f *testing.F) {
	b, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{string(b), "", "{}", "[]", "metadata: [", `{"version":1,"position":1e309}`, `{"kind":"sweep","draws":-1}`, "\x00\xff", `{"range":{"position":[1]}}`,
		`{"models":["all"],"rounds":3}`, `{"package":{"a":50,"b":50},"rest":"none"}`, `{"require":["y"],"fix":{"a":1e308},"frontier":3}`, `{"rho":1e-300,"batna":"model:bdm"}`, `{"package":{"a":10,"a":40}}`, `{"models":["compromise"],"Models":["median"]}`, "Actor,Capability,Position,Salience\nA,1,0,0.5\n"} {
		for ep := range endpoints {
			f.Add(uint8(ep), seed)
		}
	}
	st, err := bolt.Open(context.Background(), filepath.Join(f.TempDir(), "f.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	api, err := httpapi.New(context.Background(), httpapi.Options{Store: st, MaxBody: 1 << 16, ForecastTimeout: time.Second, Hosts: []string{"example.com"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(api.Close)
	rec := httptest.NewRecorder()
	api.ServeHTTP(rec, httptest.NewRequest("POST", "/api/scenarios", strings.NewReader(string(b))))
	if rec.Code != 201 {
		f.Fatalf("seed scenario: %d %s", rec.Code, rec.Body)
	}
	id := strings.TrimPrefix(rec.Header().Get("Location"), "/api/scenarios/")
	f.Fuzz(func(t *testing.T, ep uint8, body string) {
		e := endpoints[int(ep)%len(endpoints)]
		req := httptest.NewRequest(e.method, strings.Replace(e.path, "{id}", id, 1), strings.NewReader(body))
		req.Header.Set("If-Match", `"1"`)
		rec := httptest.NewRecorder()
		fuzzbudget.Check(t, writeBudget, len(body), func() { api.ServeHTTP(rec, req) })
		// 503 is a limit's answer (busy, over the time limit), not a bug.
		if rec.Code >= 500 && rec.Code != 503 {
			t.Fatalf("%s %s with %q: %d %s", req.Method, req.URL, body, rec.Code, rec.Body)
		}
		if rec.Code >= 400 && !strings.Contains(rec.Body.String(), `"error"`) {
			t.Fatalf("%d without an error message: %s", rec.Code, rec.Body)
		}
	})
}
