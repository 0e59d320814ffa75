package httpapi_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"parley/answer"
	"parley/httpapi"
	"parley/store"
)

// TestStoredAnswerGetsItsWords: a sweep and a sensitivity analysis stored
// before the answers carried outside_text and caption_text read back
// from GET /api/runs/{id} with them, in the words a fresh run's answer
// holds. The stored answers are fixtures made by taking a fresh run's
// result and deleting the fields (as the JSON of an answer stored
// before omitted them), stored as runs of their own. Fare's point in the
// transit case, compromise's 16.6, lies below its 80% interval over
// 1,000 draws (seed 1; ask's TestStoredSweepTextsAsFresh), so its clause
// is there to be lost.
func TestStoredAnswerGetsItsWords(t *testing.T) {
	b, err := os.ReadFile("../ask/testdata/transit/transit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{})
	v := e.create(string(b))
	for _, c := range []struct {
		kind, body, field, want string
	}{
		{"sweep", `{"kind":"sweep","models":["compromise"],"draws":1000,"seed":1}`, "outside_text", "the forecast at the stated values, 16.6, lies outside the 80% interval"},
		{"sensitivity", `{"kind":"sensitivity","models":["compromise"],"draws":100,"seed":1}`, "caption_text", "Fare increase (cents): 16.6 at the stated values"},
	} {
		var r run
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", c.body), 202).json(t, &r)
		e.events(r.ID)
		var fresh run
		e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &fresh)
		if got := fareText(t, fresh.Result, c.field); got != c.want {
			t.Fatalf("%s: a fresh run's fare %s %q, want %q", c.kind, c.field, got, c.want)
		}
		old := &store.Run{ScenarioID: v.ID, ScenarioVersion: fresh.ScenarioVersion, Kind: fresh.Kind, InputHash: fresh.InputHash, Model: fresh.Model,
			Options: fresh.Options, Seed: fresh.Seed, Status: store.Done, Progress: 1, Result: deleteField(t, fresh.Result, c.field)}
		if strings.Contains(string(old.Result), `"`+c.field+`"`) {
			t.Fatalf("%s: the fixture still holds %s", c.kind, c.field)
		}
		if err := e.st.CreateRun(context.Background(), old); err != nil {
			t.Fatal(err)
		}
		var back run
		e.want(e.do("GET", "/api/runs/"+old.ID, ""), 200).json(t, &back)
		if got := fareText(t, back.Result, c.field); got != c.want {
			t.Errorf("%s stored without %s reads back fare's as %q, want %q", c.kind, c.field, got, c.want)
		}
		if string(back.Result) != string(fresh.Result) {
			t.Errorf("%s stored without %s reads back\n%s\nnot as the fresh run's\n%s", c.kind, c.field, back.Result, fresh.Result)
		}
	}
}

// fareText is field of the fare issue of the first model of a sweep's or
// a sensitivity analysis's result.
func fareText(t *testing.T, result json.RawMessage, field string) string {
	t.Helper()
	var a struct {
		Models []struct {
			Issues []map[string]any `json:"issues"`
		} `json:"models"`
	}
	if err := json.Unmarshal(result, &a); err != nil || len(a.Models) == 0 {
		t.Fatalf("result %.300s: %v", result, err)
	}
	for _, is := range a.Models[0].Issues {
		if is["issue"] == "fare" {
			s, _ := is[field].(string)
			return s
		}
	}
	t.Fatalf("no fare issue in %.300s", result)
	return ""
}

// deleteField is result with field deleted from every issue of every
// model, re-encoded as a stored answer is (the answer's own type: the
// field order of a stored run).
func deleteField(t *testing.T, result json.RawMessage, field string) json.RawMessage {
	t.Helper()
	var s answer.Sweep
	var se answer.Sensitivity
	var v any = &s
	if field == "caption_text" {
		v = &se
	}
	if err := json.Unmarshal(result, v); err != nil {
		t.Fatal(err)
	}
	switch field {
	case "outside_text":
		for _, m := range s.Models {
			for k := range m.Issues {
				m.Issues[k].OutsideText = ""
			}
		}
	case "caption_text":
		for _, m := range se.Models {
			for k := range m.Issues {
				m.Issues[k].CaptionText = ""
			}
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
