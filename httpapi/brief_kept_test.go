package httpapi

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"testing"

	"parley/gen"
	"parley/scenariofile"
	"parley/store"
	"parley/store/bolt"
)

// A brief is kept as its HTML and Markdown alone, counted at their
// bytes: the memory budget counts what an entry holds. It had kept the
// brief's content too (its forecast with every round, its sweep, its
// sensitivity), counted as twice its renderings: for 60 actors × 8
// issues some 2.9 MB of JSON counted as 52 kB, so that the briefs of a
// few scenarios' snapshots and variants held many times maxMemoBytes.
func TestBriefKeptAsItsRenderings(t *testing.T) {
	ctx := context.Background()
	db, err := bolt.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := New(ctx, Options{Store: db})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	body, err := scenariofile.Marshal(gen.Scenario(gen.Options{Actors: 20, Issues: 4, Seed: 7}), "json")
	if err != nil {
		t.Fatal(err)
	}
	rec := &store.Scenario{Name: "g", Format: "json", Body: body}
	if err := db.CreateScenario(ctx, rec, 0); err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1/api/scenarios/"+rec.ID+"/brief?format=md", nil))
	if w.Code != 200 {
		t.Fatalf("brief: %d %s", w.Code, w.Body)
	}
	st, err := s.load(httptest.NewRequest("GET", "/", nil), rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	var e *memoEntry
	for k, el := range st.memo {
		if k.what == "brief" {
			e = el.Value.(*memoEntry)
		}
	}
	if e == nil {
		t.Fatal("no brief kept")
	}
	v := reflect.ValueOf(e.v).Elem()
	var bytes int64
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Type() != reflect.TypeFor[[]byte]() {
			t.Errorf("the kept brief holds %s (%s), which its size does not count", v.Type().Field(i).Name, f.Type())
			continue
		}
		bytes += int64(f.Len())
	}
	if e.size < bytes {
		t.Errorf("the kept brief is counted at %d bytes and holds %d", e.size, bytes)
	}
}
