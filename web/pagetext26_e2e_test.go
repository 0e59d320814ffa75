package web_test

import (
	"encoding/json"
	"testing"

	"parley/store"
)

// storedAnswers decodes, with decode, the result of every run of kind
// the server has done on the test's scenario, in the store's order: the
// answers the page was handed, whose words it must show as they are.
func storedAnswers(t *testing.T, e *e2e, kind store.RunKind, decode func(json.RawMessage) error) {
	t.Helper()
	runs, err := e.st.ListRuns(e.ctx, e.rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range runs {
		if r.Kind != kind || r.Status != store.Done {
			continue
		}
		full, err := e.st.GetRun(e.ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := decode(full.Result); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n == 0 {
		t.Fatalf("no %s run stored", kind)
	}
}
