package httpapi_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/ask"
	"parley/httpapi"
	"parley/scenario"
	"parley/scenariofile"
	"parley/scenarios"
)

// document is the body PUT …/document takes: the scenario of a view,
// as JSON.
func document(t *testing.T, s *scenario.Scenario) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// PUT /api/scenarios/{id}/document saves the scenario sent as JSON over
// the stored file: unchanged, the file stays byte for byte (the starter's
// comments and the built-in case's layout); edited, only the edited values
// change and the comments stay; a bad value is a 400 whose diagnostic is
// the one parley validate prints, naming the field by its path.
func TestPutDocument(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	starter := string(ask.Starter())
	v := e.create(starter)

	// Unchanged: nothing is saved, the file stays as it was, comments
	// and layout included.
	var got view
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", document(t, &v.Scenario), "If-Match", `"1"`), 200).json(t, &got)
	if got.Version != 1 {
		t.Fatalf("an unchanged document saved as version %d, want 1 (nothing saved)", got.Version)
	}
	if body := string(e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export", ""), 200).body); body != starter {
		t.Fatalf("an unchanged document rewrote the file:\n%s", body)
	}
	_, builtin := scenarios.Default()
	bv := e.create(string(builtin))
	e.want(e.do("PUT", "/api/scenarios/"+bv.ID+"/document", document(t, &bv.Scenario), "If-Match", `"1"`), 200)
	if body := e.want(e.do("GET", "/api/scenarios/"+bv.ID+"/export", ""), 200).body; string(body) != string(builtin) {
		t.Fatal("an unchanged document rewrote the built-in case's file")
	}

	// Edited: a fourth actor with its stances, North's capability, the
	// title. The comments stay; the new values are in the file.
	s := got.Scenario
	s.Metadata.Title = "Four parties"
	s.Actors[0].Capability = 65
	s.Actors = append(s.Actors, scenario.Actor{ID: "west", Name: "West", Capability: 10, CapabilityAssumed: "test"})
	s.Stances = append(s.Stances,
		scenario.Stance{Actor: "west", Issue: "budget", Position: 10, Salience: 0.5, Assumed: "test"},
		scenario.Stance{Actor: "west", Issue: "timeline", Position: 70, Salience: 0.2, Assumed: "test"})
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", document(t, &s), "If-Match", `"1"`), 200).json(t, &got)
	if got.Version != 2 || got.Name != "Four parties" || len(got.Scenario.Actors) != 4 {
		t.Fatalf("edit saved as %+v", got)
	}
	body := string(e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export", ""), 200).body)
	for _, keep := range []string{"# A starter scenario, written by `parley init`.", "# Anchors label points of the scale with concrete options, in order.", "- {value: 0, label: \"No joint budget\"}"} {
		if !strings.Contains(body, keep) {
			t.Errorf("the saved file lost %q", keep)
		}
	}
	saved, ds := scenariofile.Parse("saved.yaml", []byte(body))
	if err := ds.Err(true); err != nil {
		t.Fatal(err)
	}
	if saved.Metadata.Title != "Four parties" || saved.Actors[0].Capability != 65 || saved.Actor("west") == nil || saved.Stance("west", "timeline").Position != 70 {
		t.Fatalf("saved file: %+v", saved)
	}
	if strings.Count(body, "\n") <= strings.Count(starter, "\n") {
		t.Fatal("the saved file did not grow by the new actor and stances")
	}

	// A position outside the scale: the CLI's diagnostic, by path.
	bad := got.Scenario
	bad.Stances = append([]scenario.Stance(nil), bad.Stances...)
	bad.Stances[2].Position = 150
	var b errBody
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", document(t, &bad), "If-Match", `"2"`), 400).json(t, &b)
	if len(b.Diagnostics) != 1 || b.Diagnostics[0].Path != "stances[2].position" || b.Diagnostics[0].Message != "position 150 is outside the scale" ||
		b.Diagnostics[0].Valid != "a number from 0 to 100 (the scale of issue budget)" {
		t.Fatalf("diagnostics %+v", b.Diagnostics)
	}
	// A field of the wrong type, and an unknown one, named by path.
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", strings.Replace(document(t, &got.Scenario), `"capability":65`, `"capability":"high"`, 1), "If-Match", `"2"`), 400).json(t, &b)
	if len(b.Diagnostics) == 0 || b.Diagnostics[0].Path != "actors[0].capability" || b.Diagnostics[0].Message != `expected a number, got the text "high"` {
		t.Fatalf("diagnostics %+v", b.Diagnostics)
	}
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", strings.Replace(document(t, &got.Scenario), `"capability":65`, `"capability":65,"capabilty":1`, 1), "If-Match", `"2"`), 400).json(t, &b)
	if len(b.Diagnostics) != 1 || b.Diagnostics[0].Path != "actors[0].capabilty" {
		t.Fatalf("diagnostics %+v", b.Diagnostics)
	}
	// Warnings stop a save only with strict.
	warn := got.Scenario
	warn.Stances = append([]scenario.Stance(nil), warn.Stances...)
	warn.Stances[7].Assumed = ""
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document?strict=true", document(t, &warn), "If-Match", `"2"`), 400).json(t, &b)
	if len(b.Diagnostics) != 1 || b.Diagnostics[0].Path != "stances[7]" || b.Diagnostics[0].Message != "no evidence and no assumed reason" {
		t.Fatalf("strict: %+v", b.Diagnostics)
	}
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", document(t, &warn), "If-Match", `"2"`), 200).json(t, &got)
	if got.Version != 3 || len(got.Warnings) != 1 || got.Warnings[0].Path != "stances[7]" {
		t.Fatalf("saved with warnings %+v", got.Warnings)
	}

	// The version is required and must be current; the body a JSON object.
	doc := document(t, &got.Scenario)
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", doc), 400).json(t, &b)
	if !strings.HasPrefix(b.Error, "version: missing") {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", doc, "If-Match", `"2"`), 409)
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", starter, "If-Match", `"3"`), 400).json(t, &b)
	if !strings.Contains(b.Error, "not a JSON object") {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("PUT", "/api/scenarios/nope/document", doc, "If-Match", `"1"`), 404)

	// A scenario stored as JSON stays JSON.
	jv := e.create(string(mustJSON(t, small(t))))
	js := jv.Scenario
	js.Metadata.Title = "Edited in JSON"
	e.want(e.do("PUT", "/api/scenarios/"+jv.ID+"/document", document(t, &js), "If-Match", `"1"`), 200).json(t, &got)
	r := e.want(e.do("GET", "/api/scenarios/"+jv.ID+"/export", ""), 200)
	if got.Format != "json" || !strings.HasPrefix(r.hdr.Get("Content-Type"), "application/json") || !strings.Contains(string(r.body), `"title": "Edited in JSON"`) {
		t.Fatalf("json scenario saved as %s: %s", got.Format, r.body)
	}
}

// With a sources folder, a document's quotes are checked against their
// source's file as parley validate checks them: a quote the text does not
// hold is refused by its path; a verbatim one is saved.
func TestPutDocumentChecksQuotes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "minutes.txt"), []byte("The minutes.\nNorth will not sign for less than most of the proposal.\nNorth pays for most of the programme.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{SourcesDir: dir})
	v := e.create(string(ask.Starter()))
	s := v.Scenario
	s.Metadata.Sources[0].File = "minutes.txt"
	s.Stances[0].Evidence[0].Quote = "North will sign anything."
	var b errBody
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", document(t, &s), "If-Match", `"1"`), 400).json(t, &b)
	if len(b.Diagnostics) != 1 || b.Diagnostics[0].Path != "stances[0].evidence[0].quote" || !strings.Contains(b.Diagnostics[0].Message, "not found in") {
		t.Fatalf("diagnostics %+v", b.Diagnostics)
	}
	s.Stances[0].Evidence[0].Quote = "North will not sign for less than most of the proposal."
	var got view
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"/document", document(t, &s), "If-Match", `"1"`), 200).json(t, &got)
	if got.Scenario.Metadata.Sources[0].File != "minutes.txt" {
		t.Fatalf("saved %+v", got.Scenario.Metadata.Sources)
	}
}

// POST /api/scenarios?as=yaml stores a scenario sent as JSON as the YAML
// file scenariofile.Marshal writes (what "the file as saved" then
// downloads); as=json keeps JSON; any other format is refused.
func TestCreateAs(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	doc := `{"metadata":{"id":"t","title":"T","as_of":"2025-01-01"},"issues":[{"id":"a","name":"A"}],` +
		`"actors":[{"id":"x","name":"X","capability":1,"capability_assumed":"x"}],"stances":[{"actor":"x","issue":"a","position":10,"salience":0.5,"assumed":"x"}]}`
	var v struct {
		ID     string `json:"id"`
		Format string `json:"format"`
	}
	e.want(e.do("POST", "/api/scenarios?as=yaml", doc), 201).json(t, &v)
	s, ds := scenariofile.Parse("t.json", []byte(doc))
	if ds.Err(true) != nil {
		t.Fatal(ds)
	}
	want, err := scenariofile.Marshal(s, "yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export", ""), 200)
	if string(r.body) != string(want) {
		t.Errorf("stored file:\n%s\nwant\n%s", r.body, want)
	}
	e.want(e.do("POST", "/api/scenarios?as=json", withID(t, doc, "t-json")), 201)
	var b errBody
	e.want(e.do("POST", "/api/scenarios?as=toml", doc), 400).json(t, &b)
	if b.Code != "argument" || !strings.Contains(b.Error, "valid: yaml or json") {
		t.Errorf("as=toml: %+v", b)
	}
}
