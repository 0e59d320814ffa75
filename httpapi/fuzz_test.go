package httpapi_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parley/httpapi"
	"parley/store/sqlite"
)

// FuzzWrites sends arbitrary bodies to the endpoints that read one: the
// server must answer every one with a success or a 4xx that says what is
// wrong, never a 500 or a crash.
func FuzzWrites(f *testing.F) {
	b, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{string(b), "", "{}", "[]", "metadata: [", `{"version":1,"position":1e309}`, `{"kind":"sweep","samples":-1}`, "\x00\xff", `{"range":{"position":[1]}}`} {
		for ep := range 4 {
			f.Add(uint8(ep), seed)
		}
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "f.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	api, err := httpapi.New(context.Background(), httpapi.Options{Store: st, MaxBody: 1 << 16, ForecastTimeout: time.Second})
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
		var req *http.Request
		switch ep % 4 {
		case 0:
			req = httptest.NewRequest("POST", "/api/scenarios", strings.NewReader(body))
		case 1:
			req = httptest.NewRequest("PATCH", "/api/scenarios/"+id+"/stances/x/a", strings.NewReader(body))
			req.Header.Set("If-Match", `"1"`)
		case 2:
			req = httptest.NewRequest("POST", "/api/scenarios/"+id+"/forecast", strings.NewReader(body))
		case 3:
			req = httptest.NewRequest("POST", "/api/scenarios/import?filename=x", strings.NewReader(body))
		}
		rec := httptest.NewRecorder()
		api.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s with %q: %d %s", req.Method, req.URL, body, rec.Code, rec.Body)
		}
		if rec.Code >= 400 && !strings.Contains(rec.Body.String(), `"error"`) {
			t.Fatalf("%d without an error message: %s", rec.Code, rec.Body)
		}
	})
}
