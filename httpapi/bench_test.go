package httpapi_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"parley/httpapi"
	"parley/scenarios"
	"parley/store"
	"parley/store/bolt"
)

// BenchmarkForecast measures POST /api/scenarios/{id}/forecast on the
// built-in case (compromise model, run stored in the file store) through the whole
// HTTP stack, with b.N requests from GOMAXPROCS×8 clients.
func BenchmarkForecast(b *testing.B) {
	for _, models := range []string{`["compromise"]`, `[]`} {
		name := "compromise"
		if models == `[]` {
			name = "default-models"
		}
		b.Run(name, func(b *testing.B) {
			st, err := bolt.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			_, data := scenarios.Default()
			rec := &store.Scenario{Format: "yaml", Body: data}
			if err := st.CreateScenario(context.Background(), rec, 0); err != nil {
				b.Fatal(err)
			}
			api, err := httpapi.New(context.Background(), httpapi.Options{Store: st})
			if err != nil {
				b.Fatal(err)
			}
			defer api.Close()
			srv := newLoopback(b, api)
			url := srv + "/api/scenarios/" + rec.ID + "/forecast"
			body := `{"models":` + models + `}`
			b.SetParallelism(8)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					res, err := http.Post(url, "application/json", strings.NewReader(body))
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode != 200 {
						b.Errorf("status %d", res.StatusCode)
						return
					}
				}
			})
		})
	}
}

func newLoopback(b *testing.B, h http.Handler) string {
	srv := httptest.NewServer(h)
	b.Cleanup(srv.Close)
	return srv.URL
}
