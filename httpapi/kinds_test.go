package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"parley/answer"
	"parley/store"
)

// TestOverall checks that a run's progress counts every model's steps:
// three models of 10 steps, reported one model after another, are 30
// steps, and the second model's 4th step is step 14.
func TestOverall(t *testing.T) {
	var got []string
	p := overall(3, func(done, total int) { got = append(got, fmt.Sprintf("%d/%d", done, total)) })
	p("a", 1, 10)
	p("a", 10, 10)
	p("b", 4, 10)
	p("c", 10, 10)
	// A model the count missed stretches the total rather than going past it.
	p("d", 5, 10)
	if want := "[1/30 10/30 14/30 30/30 35/40]"; fmt.Sprint(got) != want {
		t.Fatalf("progress %v, want %s", got, want)
	}
}

// TestDefaultsAreTheKinds checks GET /api/defaults against the requests
// the server starts each kind of run from: for every kind, the default
// request it serves is, field for field, the one a body is decoded over;
// and it serves a kind for each kind there is, no more.
func TestDefaultsAreTheKinds(t *testing.T) {
	rec := httptest.NewRecorder()
	(&Server{}).defaults(rec, httptest.NewRequest("GET", "/api/defaults", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	var got struct {
		Requests  map[string]json.RawMessage `json:"requests"`
		Limits    map[string]int             `json:"limits"`
		StepUnit  string                     `json:"advise_step_unit"`
		IDExample string                     `json:"id_example"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Requests) != len(store.Kinds) {
		t.Errorf("%d default requests, want one per kind (%d)", len(got.Requests), len(store.Kinds))
	}
	for _, k := range store.Kinds {
		want, err := json.Marshal(kinds[k]().request())
		if err != nil {
			t.Fatal(err)
		}
		if string(got.Requests[string(k)]) != string(want) {
			t.Errorf("%s: served %s, want %s", k, got.Requests[string(k)], want)
		}
	}
	if got.Limits["max_draws"] != answer.MaxDraws || got.Limits["min_sensitivity_draws"] != answer.MinSensitivityDraws || got.Limits["max_advise_draws"] != answer.MaxAdviseDraws {
		t.Errorf("limits %v", got.Limits)
	}
	// advise's step in the command line's words (its --step's help).
	if got.StepUnit != "a share of the scale" {
		t.Errorf("advise_step_unit %q, want the command line's \"a share of the scale\"", got.StepUnit)
	}
	// the builder's hint for the id gives validation's example.
	if got.IDExample != "trade-talks-2026" {
		t.Errorf("id_example %q, want validation's \"trade-talks-2026\"", got.IDExample)
	}
}
