package httpapi_test

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
	"parley/scenario"
	"parley/scenariofile"
	"parley/store"
	"parley/store/bolt"
	"parley/store/postgres"
	"parley/store/storetest"
)

type env struct {
	t   *testing.T
	srv *httptest.Server
	api *httpapi.Server
	st  store.Store
	tok string
}

// pgURL, when set (by TestOnPostgres), makes newEnv use PostgreSQL.
var pgURL string

func newEnv(t *testing.T, o httpapi.Options) *env {
	t.Helper()
	return newEnvWith(t, o, nil)
}

// newEnvWith is newEnv with the store wrapped by wrap (when not nil), to
// make it fail on purpose.
func newEnvWith(t *testing.T, o httpapi.Options, wrap func(store.Store) store.Store) *env {
	t.Helper()
	var st store.Store
	var err error
	if pgURL != "" {
		db, derr := sql.Open("postgres", pgURL)
		if derr != nil {
			t.Fatal(derr)
		}
		if _, derr := db.Exec(`DROP TABLE IF EXISTS runs, scenarios, scenario_versions, scenario_count, schema_migrations`); derr != nil {
			t.Fatal(derr)
		}
		db.Close()
		var pg *postgres.Store
		if pg, err = postgres.Open(context.Background(), pgURL); err == nil {
			st = pg
		}
	} else {
		var fs *bolt.Store
		if fs, err = bolt.Open(context.Background(), filepath.Join(t.TempDir(), "p.db")); err == nil {
			st = fs
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	o.Store = st
	if wrap != nil {
		o.Store = wrap(st)
	}
	api, err := httpapi.New(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api)
	t.Cleanup(func() { srv.Close(); api.Close(); st.Close() })
	return &env{t: t, srv: srv, api: api, st: st, tok: o.Token}
}

type resp struct {
	code int
	hdr  http.Header
	body []byte
}

func (r resp) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("response %d %s: %v", r.code, r.body, err)
	}
}

func (e *env) do(method, path, body string, hdr ...string) resp {
	e.t.Helper()
	r, err := e.try(method, path, body, hdr...)
	if err != nil {
		e.t.Fatal(err)
	}
	return r
}

// try is do for a goroutine other than the test's, which must not call
// t.Fatal: a request that could not be made is its error.
func (e *env) try(method, path, body string, hdr ...string) (resp, error) {
	req, err := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
	if err != nil {
		return resp{}, err
	}
	if e.tok != "" {
		req.Header.Set("Authorization", "Bearer "+e.tok)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i] == "Host" {
			req.Host = hdr[i+1]
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return resp{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return resp{res.StatusCode, res.Header, b}, err
}

func (e *env) want(r resp, code int) resp {
	e.t.Helper()
	if r.code != code {
		e.t.Fatalf("got %d %s, want %d", r.code, r.body, code)
	}
	return r
}

type errBody struct {
	Error       string               `json:"error"`
	Code        string               `json:"code"`
	Diagnostics scenario.Diagnostics `json:"diagnostics"`
}

type view struct {
	ID       string               `json:"id"`
	Version  int64                `json:"version"`
	Name     string               `json:"name"`
	Format   string               `json:"format"`
	Scenario scenario.Scenario    `json:"scenario"`
	Warnings scenario.Diagnostics `json:"warnings"`
}

type run struct {
	store.Run
	SameResult *bool  `json:"same_result"`
	Of         string `json:"rerun_of"`
}

func small(t *testing.T) string {
	b, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// wage is ask/testdata/wage.yaml (a case on the 0–100 salience scale,
// with a red line) created on a new server: the server and the
// scenario's path, /api/scenarios/ID.
func wage(t *testing.T) (*env, string) {
	t.Helper()
	b, err := os.ReadFile("../ask/testdata/wage.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{})
	return e, "/api/scenarios/" + e.create(string(b)).ID
}

func (e *env) create(body string) view {
	e.t.Helper()
	var v view
	e.want(e.do("POST", "/api/scenarios", body), 201).json(e.t, &v)
	return v
}

const eps = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9*math.Max(1, math.Abs(b)) }

// TestOpenAPIMatchesRoutes checks that the document lists exactly the
// routes the server registers, and that each answers (not the catch-all).
func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Summary string `json:"summary"`
		} `json:"paths"`
	}
	e.want(e.do("GET", "/api/openapi.json", ""), 200).json(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi %q, want 3.x", doc.OpenAPI)
	}
	var inDoc, inRoutes []string
	for p, ops := range doc.Paths {
		for m := range ops {
			inDoc = append(inDoc, strings.ToUpper(m)+" "+p)
		}
	}
	for _, r := range e.api.Routes() {
		inRoutes = append(inRoutes, r.Method+" "+r.Pattern)
		if op, ok := doc.Paths[r.Pattern][strings.ToLower(r.Method)]; ok && op.Summary != r.Summary {
			t.Errorf("%s %s: summary %q in the document, %q in the route table", r.Method, r.Pattern, op.Summary, r.Summary)
		}
		path := strings.NewReplacer("{id}", "nope", "{run}", "nope", "{actor}", "x", "{issue}", "a", "{n}", "1").Replace(r.Pattern)
		res := e.do(r.Method, path, "")
		var b errBody
		json.Unmarshal(res.body, &b)
		if res.code == 405 || strings.HasPrefix(b.Error, "no endpoint") {
			t.Errorf("%s %s is not routed: %d %s", r.Method, r.Pattern, res.code, res.body)
		}
	}
	sort.Strings(inDoc)
	sort.Strings(inRoutes)
	if fmt.Sprint(inDoc) != fmt.Sprint(inRoutes) {
		t.Fatalf("OpenAPI paths\n%v\ndiffer from routes\n%v", inDoc, inRoutes)
	}
}

func TestMetaEndpoints(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	e.want(e.do("GET", "/api/health", ""), 200)
	// The models are ask's, settings included.
	var models []answer.ModelInfo
	r := e.want(e.do("GET", "/api/models", ""), 200)
	r.json(t, &models)
	if want, _ := json.Marshal(ask.Models()); strings.TrimSpace(string(r.body)) != string(want) {
		t.Fatalf("models %s\nwant ask.Models() %s", r.body, want)
	}
	found, params := false, 0
	for _, m := range models {
		found = found || (m.Name == "compromise" && m.Default)
		params += len(m.Params)
	}
	if !found || params == 0 {
		t.Fatalf("models %+v lack compromise (default) or any setting", models)
	}
	var kinds []string
	e.want(e.do("GET", "/api/kinds", ""), 200).json(t, &kinds)
	if fmt.Sprint(kinds) != "[forecast sweep sensitivity deal deal-search deal-proposals explain backtest advise power compare]" {
		t.Fatalf("kinds %v", kinds)
	}
	var formats []struct{ Name, Summary string }
	e.want(e.do("GET", "/api/formats", ""), 200).json(t, &formats)
	var names []string
	for _, f := range formats {
		if f.Summary == "" {
			t.Errorf("format %s has no summary", f.Name)
		}
		names = append(names, f.Name)
	}
	if fmt.Sprint(names) != fmt.Sprint(ask.FormatNames()) || names[0] != "scenario" {
		t.Fatalf("formats %v, want %v", names, ask.FormatNames())
	}
	var b errBody
	e.want(e.do("GET", "/api/nope", ""), 404).json(t, &b)
	if b.Code != "not_found" {
		t.Fatalf("unknown endpoint: %+v", b)
	}
	e.want(e.do("DELETE", "/api/models", ""), 405)
}

func TestScenarioLifecycle(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	body := small(t)
	v := e.create(body)
	if v.Version != 1 || v.Name != "Small test case" || v.Format != "yaml" || len(v.Scenario.Actors) != 3 || len(v.Warnings) != 0 {
		t.Fatalf("created %+v", v)
	}
	var l []store.Scenario
	e.want(e.do("GET", "/api/scenarios", ""), 200).json(t, &l)
	if len(l) != 1 || l[0].ID != v.ID {
		t.Fatalf("list %+v", l)
	}
	var got view
	r := e.want(e.do("GET", "/api/scenarios/"+v.ID, ""), 200)
	r.json(t, &got)
	if r.hdr.Get("ETag") != `"1"` || got.Scenario.Stances[0].Evidence[0].Quote != "x wants little" {
		t.Fatalf("get: etag %q %+v", r.hdr.Get("ETag"), got.Scenario.Stances[0])
	}
	// Export as saved: the same bytes, comments included.
	r = e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export", ""), 200)
	if string(r.body) != body || !strings.HasPrefix(r.hdr.Get("Content-Type"), "application/yaml") {
		t.Fatalf("export differs from the saved file")
	}
	r = e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export?format=json", ""), 200)
	js, ds := scenariofile.Parse("x.json", r.body)
	if len(ds.Errors(false)) > 0 || js.Metadata.ID != "small" || len(js.Snapshots) != 1 {
		t.Fatalf("json export: %v", ds)
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export?format=toml", ""), 400)
	e.want(e.do("GET", "/api/scenarios/nope/export", ""), 404)

	edited := strings.Replace(body, "title: Small test case", "title: Edited", 1)
	var b errBody
	e.want(e.do("PUT", "/api/scenarios/"+v.ID, edited), 400).json(t, &b)
	if !strings.HasPrefix(b.Error, "version: missing") {
		t.Fatalf("put without version: %+v", b)
	}
	e.want(e.do("PUT", "/api/scenarios/"+v.ID, edited, "If-Match", "x"), 400)
	e.want(e.do("PUT", "/api/scenarios/"+v.ID, edited, "If-Match", `"1"`), 200).json(t, &got)
	if got.Version != 2 || got.Name != "Edited" {
		t.Fatalf("put: %+v", got)
	}
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"?version=1", body), 409).json(t, &b)
	if b.Code != "conflict" || !strings.Contains(b.Error, "version 2, not 1") {
		t.Fatalf("stale put: %+v", b)
	}
	e.want(e.do("PUT", "/api/scenarios/nope?version=1", body), 404)
	e.want(e.do("GET", "/api/scenarios/nope", ""), 404)
	e.want(e.do("DELETE", "/api/scenarios/"+v.ID, "", "If-Match", `"1"`), 409)
	e.want(e.do("DELETE", "/api/scenarios/"+v.ID, "", "If-Match", `"2"`), 204)
	e.want(e.do("GET", "/api/scenarios/"+v.ID, ""), 404)
	e.want(e.do("DELETE", "/api/scenarios/"+v.ID, "", "If-Match", "*"), 404)

	// JSON bodies are kept as JSON.
	jv := e.create(string(mustJSON(t, body)))
	if jv.Format != "json" {
		t.Fatalf("json create stored as %s", jv.Format)
	}
}

func mustJSON(t *testing.T, yamlBody string) []byte {
	s, _ := scenariofile.Parse("s.yaml", []byte(yamlBody))
	b, err := scenariofile.Marshal(s, "json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestInvalidScenarioSameDiagnosticsAsCLI checks that a rejected scenario
// is a 400 whose diagnostics are exactly what scenariofile.Parse (the
// CLI's reader) reports, each naming the field.
func TestInvalidScenarioSameDiagnosticsAsCLI(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	bad := strings.Replace(small(t), "position: 20", "position: 120", 1)
	var b errBody
	e.want(e.do("POST", "/api/scenarios?filename=bad.yaml", bad), 400).json(t, &b)
	_, want := scenariofile.Parse("bad.yaml", []byte(bad))
	if fmt.Sprint(b.Diagnostics) != fmt.Sprint(want.Errors(false)) || len(b.Diagnostics) == 0 {
		t.Fatalf("diagnostics\n%v\nwant\n%v", b.Diagnostics, want.Errors(false))
	}
	if b.Diagnostics[0].Path != "stances[0].position" || b.Diagnostics[0].Line == 0 || b.Code != "invalid" {
		t.Fatalf("first diagnostic %+v", b.Diagnostics[0])
	}
	// An unclosed [ is named where it opened (line 1, column 11), not at
	// the line after the last, where yaml.v3 finds it missing.
	e.want(e.do("POST", "/api/scenarios", "metadata: [unclosed"), 400).json(t, &b)
	if len(b.Diagnostics) != 1 || b.Diagnostics[0].Line != 1 || b.Diagnostics[0].Column != 11 ||
		b.Diagnostics[0].Message != "malformed YAML: this [ is never closed" {
		t.Fatalf("malformed YAML: %+v", b)
	}
	// A warning is fine unless strict.
	warn := strings.Replace(small(t), `assumed: "no source"}`, `}`, 1)
	e.want(e.do("POST", "/api/scenarios?strict=true", warn), 400)
	v := e.create(warn)
	if len(v.Warnings) != 1 || !v.Warnings[0].Warning {
		t.Fatalf("warnings %+v", v.Warnings)
	}
	e.want(e.do("PUT", "/api/scenarios/"+v.ID+"?version=1", bad), 400)
}

func TestBodyLimit(t *testing.T) {
	e := newEnv(t, httpapi.Options{MaxBody: 1000})
	var b errBody
	e.want(e.do("POST", "/api/scenarios", small(t)), 413).json(t, &b)
	if b.Code != "too_large" {
		t.Fatalf("%+v", b)
	}
}

// threeActors is a peer tool's file (the BDM CSV): one issue whose scale
// is the span of the positions, 0–100. The compromise forecast is the
// capability × salience weighted mean of the positions:
// (1·0.5·0 + 2·1·50 + 1·0.5·100) / (0.5 + 2 + 0.5) = 150/3 = 50.
const threeActors = "Actor,Capability,Position,Salience\nA,1,0,0.5\nB,2,50,1\nC,1,100,0.5\n"

func TestImport(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := view{}
	e.want(e.do("POST", "/api/scenarios/import?filename=s.yaml", small(t)), 201).json(t, &v)
	if v.Scenario.Metadata.ID != "small" || v.Format != "yaml" {
		t.Fatalf("%+v", v)
	}
	// A peer file, detected, is stored converted to YAML.
	e.want(e.do("POST", "/api/scenarios/import?filename=x.csv", threeActors), 201).json(t, &v)
	if v.Format != "yaml" || len(v.Scenario.Actors) != 3 || len(v.Scenario.Stances) != 3 || v.Scenario.Stances[1].Position != 50 {
		t.Fatalf("%+v", v)
	}
	exported := string(e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export", ""), 200).body)
	if !strings.Contains(exported, "issues:") {
		t.Fatalf("export of an imported file is not a scenario file:\n%s", exported)
	}
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/forecast", `{"models":["compromise"]}`), 200).json(t, &r)
	if got := forecastOf(t, r, "compromise", "issue"); !near(got, 50) {
		t.Fatalf("forecast of the imported file: %v, want 50", got)
	}
	// Named, the format need not be detected.
	e.want(e.do("POST", "/api/scenarios/import?format=bdmcsv", threeActors), 201)
	var b errBody
	e.want(e.do("POST", "/api/scenarios/import?format=bdmcsv", "junk\n"), 400).json(t, &b)
	if len(b.Diagnostics) == 0 || !strings.Contains(b.Error, "no Actor column") {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("POST", "/api/scenarios/import?format=nope", "junk"), 400).json(t, &b)
	if b.Code != "argument" || !strings.Contains(b.Error, "valid: "+strings.Join(ask.FormatNames(), ", ")) {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("POST", "/api/scenarios/import?filename=x.bin", "1,2,3"), 400).json(t, &b)
	if !strings.Contains(b.Error, "not a file Parley can read") {
		t.Fatalf("%+v", b)
	}
	// A scenario file is stored as sent, and strict holds for it too.
	warn := strings.Replace(small(t), `assumed: "no source"}`, `}`, 1)
	e.want(e.do("POST", "/api/scenarios/import?filename=w.yaml&strict=true", warn), 400)
}

// A delete names the version it deletes, as an edit does: without one it
// is refused and the scenario stays (a client that had not seen the
// latest version deleted edits it never saw); "If-Match: *" deletes
// whatever version is stored. Before, a delete without a version deleted
// whatever was stored.
func TestDeleteNeedsAVersion(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	var b errBody
	e.want(e.do("DELETE", "/api/scenarios/"+v.ID, ""), 400).json(t, &b)
	if b.Code != "invalid" || b.Error != `version: missing; valid: the version you are deleting, as If-Match: "N" or ?version=N, so that edits saved since you read it are not deleted unseen (If-Match: * deletes whatever version is stored)` {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("DELETE", "/api/scenarios/"+v.ID, "", "If-Match", "x"), 400)
	e.want(e.do("GET", "/api/scenarios/"+v.ID, ""), 200)
	e.want(e.do("DELETE", "/api/scenarios/"+v.ID, "", "If-Match", "*"), 204)
	e.want(e.do("GET", "/api/scenarios/"+v.ID, ""), 404)
	w := e.create(withID(t, small(t), "small-2"))
	e.want(e.do("DELETE", "/api/scenarios/"+w.ID+"?version=1", ""), 204)
	e.want(e.do("GET", "/api/scenarios/"+w.ID, ""), 404)
}

// An import is stored only when its converted file fits the body limit,
// as a file sent does: over it, 413 naming the size, the limit and the
// flag, and nothing stored. threeActors (68 bytes of BDM CSV) converts
// to several hundred bytes of YAML; before, it was stored whatever its
// size (an 880 kB KTAB CSV became a 13.9 MB scenario under a 4 MiB
// limit).
func TestImportOverBodyLimit(t *testing.T) {
	e := newEnv(t, httpapi.Options{MaxBody: 200})
	var b errBody
	e.want(e.do("POST", "/api/scenarios/import?filename=x.csv", threeActors), 413).json(t, &b)
	if b.Code != "over_budget" || !strings.HasPrefix(b.Error, "x.csv: the bdmcsv file converts to a scenario file of ") ||
		!strings.Contains(b.Error, " bytes, over this server's body limit of 200 bytes (parley serve --max-body)") {
		t.Fatalf("%+v", b)
	}
	var l []view
	e.want(e.do("GET", "/api/scenarios", ""), 200).json(t, &l)
	if len(l) != 0 {
		t.Fatalf("%d scenarios stored", len(l))
	}
}

func TestPatchStance(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID + "/stances/"
	var got view
	// y's position on a at the latest snapshot comes from the snapshot:
	// the edit goes there, and the base stays 60.
	e.want(e.do("PATCH", p+"y/a", `{"version":1,"position":90}`), 200).json(t, &got)
	if got.Version != 2 || *got.Scenario.Snapshots[0].Stances[0].Position != 90 || got.Scenario.Stance("y", "a").Position != 60 {
		t.Fatalf("latest edit: %+v", got.Scenario.Snapshots[0])
	}
	// Viewed at base, the base stance is edited.
	e.want(e.do("PATCH", p+"y/a", `{"version":2,"snapshot":"base","position":65,"note":"edited"}`), 200).json(t, &got)
	if st := got.Scenario.Stance("y", "a"); st.Position != 65 || st.Note != "edited" || *got.Scenario.Snapshots[0].Stances[0].Position != 90 {
		t.Fatalf("base edit: %+v", st)
	}
	// x's range; then a position outside it is rejected naming the field.
	e.want(e.do("PATCH", p+"x/a", `{"position":25,"range":{"position":[5,35]}}`, "If-Match", `"3"`), 200).json(t, &got)
	if r := got.Scenario.Stance("x", "a").Range.Position; r[0] != 5 || r[1] != 35 {
		t.Fatalf("range %v", r)
	}
	var b errBody
	// (38: outside the range, inside x's own red line "<= 40", which 50
	// would break, a warning beside the error.)
	e.want(e.do("PATCH", p+"x/a", `{"version":4,"position":38}`), 400).json(t, &b)
	if len(b.Diagnostics) != 1 || b.Diagnostics[0].Path != "stances[0].range.position" || !strings.Contains(b.Diagnostics[0].Valid, "containing the position 38") {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("PATCH", p+"x/a", `{"version":4,"position":500,"range":null}`), 400).json(t, &b)
	if b.Diagnostics[0].Path != "stances[0].position" || b.Diagnostics[0].Valid != "a number from 0 to 100 (the scale of issue a)" {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("PATCH", p+"x/a", `{"version":3,"position":26}`), 409)
	e.want(e.do("PATCH", p+"x/a", `{"position":26}`), 400)
	e.want(e.do("PATCH", p+"x/a", `{"version":4,"positon":26}`), 400).json(t, &b)
	if !strings.Contains(b.Error, `unknown field "positon"`) {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("PATCH", p+"x/a", `{"version":4,"position":"high"}`), 400)
	e.want(e.do("PATCH", p+"nobody/a", `{"version":4,"position":26}`), 404)
	e.want(e.do("PATCH", p+"x/nothing", `{"version":4,"position":26}`), 404)
	e.want(e.do("PATCH", "/api/scenarios/nope/stances/x/a", `{"version":4,"position":26}`), 404)
	e.want(e.do("PATCH", p+"x/a", `{"version":4,"evidence":[{"source":"s9","quote":"q"}]}`), 400).json(t, &b)
	if b.Diagnostics[0].Path != "stances[0].evidence[0].source" {
		t.Fatalf("%+v", b)
	}
}

// A stance edit rewrites the saved YAML over itself: the file's comments
// and flow-style lines stay, and only the edited line changes.
func TestPatchStanceKeepsTheFile(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	orig := small(t)
	v := e.create(orig)
	e.want(e.do("PATCH", "/api/scenarios/"+v.ID+"/stances/y/a", `{"version":1,"snapshot":"base","position":65}`), 200)
	got := string(e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export", ""), 200).body)
	want := strings.Replace(orig, "{actor: y, issue: a, position: 60,", "{actor: y, issue: a, position: 65,", 1)
	if want == orig {
		t.Fatal("testdata/small.yaml no longer has y's stance on a at 60")
	}
	if got != want {
		t.Errorf("after the edit the file is\n%s\nwant the original with one line changed:\n%s", got, want)
	}
}

func forecastOf(t *testing.T, r run, model, issue string) float64 {
	t.Helper()
	var res answer.Forecast
	if err := json.Unmarshal(r.Result, &res); err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Models {
		if m.Model != model {
			continue
		}
		for _, is := range m.Issues {
			if is.Issue == issue {
				return float64(is.Forecast)
			}
		}
	}
	t.Fatalf("no %s forecast for %s in %s", model, issue, r.Result)
	return 0
}

// TestForecast checks the compromise forecasts against the weighted means
// worked by hand from testdata/small.yaml:
//
//	a, base:    (50·1·20 + 30·.5·60 + 20·1·100) / (50+15+20) = 3900/85
//	a, latest:  y at 80 → 4200/85
//	b:          (0 + 30·1·50 + 20·.5·100) / (25+30+10)        = 2500/65
//	a, strong-z: z capability 40 → (1000+1200+4000)/105       = 6200/105
func TestForecast(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	path := "/api/scenarios/" + v.ID + "/forecast"
	cases := []struct {
		body, issue string
		want        float64
	}{
		{`{"models":["compromise"],"snapshot":"base"}`, "a", 3900.0 / 85},
		{`{"models":["compromise"]}`, "a", 4200.0 / 85},
		{`{"models":["compromise"],"snapshot":"2025-01-15"}`, "a", 3900.0 / 85},
		{`{"models":["compromise"]}`, "b", 2500.0 / 65},
		{`{"models":["compromise"],"variant":"strong-z"}`, "a", 6200.0 / 105},
	}
	var first run
	for i, c := range cases {
		var r run
		e.want(e.do("POST", path, c.body), 200).json(t, &r)
		if got := forecastOf(t, r, "compromise", c.issue); !near(got, c.want) {
			t.Errorf("%s %s: %v, want %v", c.body, c.issue, got, c.want)
		}
		if r.Status != store.Done || r.Kind != store.Forecast || len(r.InputHash) != 64 || r.ScenarioVersion != 1 {
			t.Fatalf("run %+v", r.Run)
		}
		if i == 1 {
			first = r
		}
	}
	// Round 0 holds the positions by actor: x, y, z on a at latest.
	var res answer.Forecast
	json.Unmarshal(first.Result, &res)
	if pos := res.Models[0].Issues[0].Rounds[0].Positions; fmt.Sprint(pos) != "map[x:20 y:80 z:100]" || len(res.Scenario.Actors) != 3 {
		t.Fatalf("round 0 %v actors %v", pos, res.Scenario.Actors)
	}
	// The run's options are the request as the answer echoes it, every
	// default filled in; its model and seed are the request's.
	if want := `{"snapshot":"latest","models":["compromise"],"seed":1}`; string(first.Options) != want || first.Model != "compromise" || first.Seed != 1 {
		t.Fatalf("options %s model %q seed %d, want %s", first.Options, first.Model, first.Seed, want)
	}
	if echo, _ := json.Marshal(res.Request); string(echo) != string(first.Options) {
		t.Fatalf("options %s differ from the answer's request %s", first.Options, echo)
	}
	// The default model set runs when none is named.
	var all run
	e.want(e.do("POST", path, `{}`), 200).json(t, &all)
	json.Unmarshal(all.Result, &res)
	var defaults []string
	for _, m := range ask.Models() {
		if m.Default {
			defaults = append(defaults, m.Name)
		}
	}
	if len(defaults) < 2 || fmt.Sprint(res.Request.Models) != fmt.Sprint(defaults) || all.Model != strings.Join(defaults, ",") || len(res.Models) != len(defaults) {
		t.Fatalf("default models: ran %v (model %q), want %v", res.Request.Models, all.Model, defaults)
	}
	// Stored: listed and shown again with the same bytes.
	var runs []store.Run
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/runs", ""), 200).json(t, &runs)
	if len(runs) != len(cases)+1 || runs[0].ID != all.ID || runs[0].Result != nil {
		t.Fatalf("runs %d, first %s", len(runs), runs[0].ID)
	}
	var again run
	e.want(e.do("GET", "/api/runs/"+first.ID, ""), 200).json(t, &again)
	if string(again.Result) != string(first.Result) {
		t.Fatal("stored result differs")
	}
	// Re-run: same inputs, same bytes.
	var rr run
	e.want(e.do("POST", "/api/runs/"+first.ID+"/rerun", ""), 200).json(t, &rr)
	if rr.SameResult == nil || !*rr.SameResult || rr.InputHash != first.InputHash || rr.Of != first.ID || rr.ID == first.ID {
		t.Fatalf("rerun %+v", rr)
	}
	// Bad requests name the field.
	for body, want := range map[string]string{
		`{"models":["nope"]}`:                                 `unknown model "nope"`,
		`{"models":["median","median"]}`:                      "named twice",
		`{"models":["compromise"],"params":{"exact":"true"}}`: "which this run does not include",
		`{"params":{"nope":"1"}}`:                             `no model setting "nope"`,
		`{"snapshot":"yesterday"}`:                            "snapshot",
		`{"variant":"nope"}`:                                  `variant "nope": no such variant`,
		`{"rounds":-1}`:                                       "rounds",
		`{"max_rounds":10001}`:                                "max_rounds",
		`{"modles":["x"]}`:                                    `unknown field "modles"`,
		`{"kind":"forecast"}`:                                 `unknown field "kind"`,
		`{"seed":"one"}`:                                      "seed: a string; give a number",
		`[1]`:                                                 "request body",
		`{"models":["compromise"]} {"x":1}`:                   "malformed JSON at line 1, column 27: more than one JSON value; valid: ",
		`{"models":["compromise"]}]`:                          "malformed JSON at line 1, column 26: ']' after the JSON value; valid: ",
		`{"models":["compromise"]}}x`:                         "malformed JSON at line 1, column 26: '}' after the JSON value; valid: ",
	} {
		var b errBody
		r := e.do("POST", path, body)
		r.json(t, &b)
		if r.code/100 != 4 || !strings.Contains(b.Error, want) {
			t.Errorf("%s: %d %+v, want 4xx containing %q", body, r.code, b, want)
		}
	}
	e.want(e.do("POST", "/api/scenarios/nope/forecast", `{}`), 404)
	e.want(e.do("GET", "/api/scenarios/nope/runs", ""), 404)
	e.want(e.do("GET", "/api/runs/nope", ""), 404)
	e.want(e.do("POST", "/api/runs/nope/rerun", ""), 404)
	// After an edit the old run cannot be repeated.
	e.want(e.do("PATCH", "/api/scenarios/"+v.ID+"/stances/z/a", `{"version":1,"position":90}`), 200)
	var b errBody
	e.want(e.do("POST", "/api/runs/"+first.ID+"/rerun", ""), 409).json(t, &b)
	if !strings.Contains(b.Error, "input hash differs") {
		t.Fatalf("%+v", b)
	}
}

type event struct {
	name string
	data string
}

func (e *env) events(id string) []event {
	e.t.Helper()
	res, err := http.Get(e.srv.URL + "/api/runs/" + id + "/events")
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	if res.Header.Get("Content-Type") != "text/event-stream" {
		e.t.Fatalf("content type %q", res.Header.Get("Content-Type"))
	}
	var out []event
	var cur event
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			cur.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			cur.data = strings.TrimPrefix(line, "data: ")
		case line == "" && cur.name != "":
			out = append(out, cur)
			cur = event{}
		}
	}
	return out
}

func TestSweepJob(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"sweep","models":["compromise"],"draws":300,"seed":7,"uniform":true}`), 202).json(t, &r)
	if r.Status != store.Queued || r.Model != "compromise" || r.Seed != 7 {
		t.Fatalf("queued %+v", r.Run)
	}
	evs := e.events(r.ID)
	last := evs[len(evs)-1]
	if last.name != "end" || !strings.Contains(last.data, `"status":"done"`) {
		t.Fatalf("events end with %+v", last)
	}
	// Every event before the end is progress, counting the 300 draws and
	// never going back (a job that ends before the stream subscribes
	// sends none).
	prev := -1
	for _, ev := range evs[:len(evs)-1] {
		var p struct{ Done, Total int }
		if ev.name != "progress" || json.Unmarshal([]byte(ev.data), &p) != nil || p.Done < prev || (p.Total != 0 && p.Total != 300) {
			t.Fatalf("event %+v after done=%d", ev, prev)
		}
		prev = p.Done
	}
	var done run
	e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &done)
	var res answer.Sweep
	if err := json.Unmarshal(done.Result, &res); err != nil {
		t.Fatal(err)
	}
	// Only x's capability (40–60) and position on a (10–30) vary. On a,
	// (60·10+3200)/95 = 40 and (40·30+3200)/75 = 58.67 bound the
	// forecast; the base is 4200/85.
	a := res.Models[0].Issues[0]
	n := 0
	for _, c := range a.Hist {
		n += c.Count
	}
	if n != 300 || res.Models[0].Draws != 300 || a.Lo95 < 40 || a.Hi95 > 58.67 || a.Lo95 > a.Median || a.Median > a.Hi95 || !near(a.Base, 4200.0/85) {
		t.Fatalf("issue a: %+v", a)
	}
	// b: only x's capability varies and x is at 0 there: 2500/(w_x+40),
	// w_x = c·0.5 in 20…30, so the forecast lies in 2500/70 … 2500/60.
	b := res.Models[0].Issues[1]
	if b.Lo95 < 2500.0/70-eps || b.Hi95 > 2500.0/60+eps {
		t.Fatalf("issue b: %+v", b)
	}
	if res.Request.Seed != 7 || !res.Request.Uniform || res.Request.Draws != 300 || res.Models[0].Distribution != "uniform" {
		t.Fatalf("request %+v, distribution %s", res.Request, res.Models[0].Distribution)
	}
	// Re-run with the same seed: the same bytes.
	var rr run
	e.want(e.do("POST", "/api/runs/"+r.ID+"/rerun", ""), 202).json(t, &rr)
	e.events(rr.ID)
	e.want(e.do("GET", "/api/runs/"+rr.ID, ""), 200).json(t, &rr)
	if string(rr.Result) != string(done.Result) || rr.InputHash != done.InputHash {
		t.Fatal("sweep re-run with the same seed differs")
	}
	e.want(e.do("POST", "/api/runs/"+r.ID+"/cancel", ""), 409)
	// Events of a finished run: just the end.
	if evs := e.events(r.ID); len(evs) != 1 || evs[0].name != "end" {
		t.Fatalf("events of a finished run: %+v", evs)
	}
	e.want(e.do("GET", "/api/runs/nope/events", ""), 404)
	// A field of the wrong type, and a request that could never run, are
	// refused at once, saying why; nothing is queued.
	var bad errBody
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"sweep","uniform":"yes"}`), 400).json(t, &bad)
	if bad.Code != "argument" || !strings.Contains(bad.Error, "uniform") {
		t.Fatalf("uniform: %+v", bad)
	}
	for body, says := range map[string]string{
		`{"kind":"sweep","draws":0}`:                                     "draws 0: valid: a whole number from 1",
		`{"kind":"sensitivity","models":["nope"]}`:                       `unknown model "nope"`,
		`{"kind":"forecast","models":["bdm"],"params":{"exact":"true"}}`: "setting exact is for model exchange",
		`{"kind":"deal","batna":"status-quo"}`:                           `batna "status-quo": valid: auto, reference, none, model:NAME`,
		`{"kind":"deal-search","samples":5000}`:                          "samples 5000: valid",
	} {
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", body), 400).json(t, &bad)
		if bad.Code != "argument" || !strings.Contains(bad.Error, says) {
			t.Errorf("%s: %+v, want %q", body, bad, says)
		}
	}
}

// TestRunDefaults checks that a request naming nothing runs with the
// defaults of package answer, the command line's: a sweep of compromise
// with 1000 draws and seed 1, a sensitivity analysis with 4000 (answer.DefaultSensitivityDraws).
func TestRunDefaults(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	for kind, want := range map[string]answer.SweepRequest{"sweep": answer.NewSweepRequest(), "sensitivity": answer.NewSensitivityRequest()} {
		var r run
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"`+kind+`"}`), 202).json(t, &r)
		e.events(r.ID)
		e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
		var res struct {
			Request answer.SweepRequest `json:"request"`
		}
		if err := json.Unmarshal(r.Result, &res); err != nil || r.Status != store.Done {
			t.Fatalf("%s: %v %+v", kind, err, r.Run)
		}
		if !reflect.DeepEqual(res.Request, want) || res.Request.Draws != map[string]int{"sweep": 1000, "sensitivity": 4000}[kind] || fmt.Sprint(res.Request.Models) != "[compromise]" || res.Request.Seed != 1 {
			t.Errorf("%s ran %+v, want the defaults %+v", kind, res.Request, want)
		}
		if opts, _ := json.Marshal(want); string(r.Options) != string(opts) {
			t.Errorf("%s options %s, want %s", kind, r.Options, opts)
		}
	}
}

// TestProgressOverModels checks that a sweep of two models counts the
// draws of both: 2 × 100.
func TestProgressOverModels(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"sweep","models":["compromise","median"],"draws":100}`), 202).json(t, &r)
	prev := -1
	for _, ev := range e.events(r.ID) {
		var p struct{ Done, Total int }
		if ev.name != "progress" {
			continue
		}
		if json.Unmarshal([]byte(ev.data), &p) != nil || p.Done < prev || p.Done > 200 || (p.Total != 0 && p.Total != 200) {
			t.Fatalf("event %+v after done=%d", ev, prev)
		}
		prev = p.Done
	}
	e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
	var res answer.Sweep
	if err := json.Unmarshal(r.Result, &res); err != nil || len(res.Models) != 2 || r.Model != "compromise,median" {
		t.Fatalf("%v %s", err, r.Result)
	}
}

// TestSensitivityJob checks the tornado of issue a at the latest snapshot
// for the compromise model, worked by hand:
//
//	x position 10 / 30: 3700/85 = 43.53, 4700/85 = 55.29 (swing 11.76)
//	x capability 40 / 60: 4000/75 = 53.33, 4400/95 = 46.32 (swing 7.02)
func TestSensitivityJob(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"sensitivity","models":["compromise"],"draws":200}`), 202).json(t, &r)
	e.events(r.ID)
	e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
	var res answer.Sensitivity
	if err := json.Unmarshal(r.Result, &res); err != nil {
		t.Fatal(err)
	}
	a := res.Models[0].Issues[0]
	if !near(a.Base, 4200.0/85) || len(a.Swings) < 2 || res.Request.Draws != 200 {
		t.Fatalf("issue a: %+v", a)
	}
	want := []struct {
		kind      string
		low, high float64
	}{{"position", 3700.0 / 85, 4700.0 / 85}, {"capability", 4000.0 / 75, 4400.0 / 95}}
	for i, w := range want {
		g := a.Swings[i]
		if string(g.Input.Kind) != w.kind || g.Input.ActorID != "x" || g.Low == nil || g.High == nil || !near(*g.Low, w.low) || !near(*g.High, w.high) || !near(g.Swing, math.Abs(w.high-w.low)) {
			t.Errorf("swing %d: %+v, want %s %v→%v", i, g, w.kind, w.low, w.high)
		}
	}
}

// TestDealEvaluate checks package deal's verdicts through the API on a
// package worked by hand with utility (1), ρ = 1, scales 0–100, at the
// latest snapshot (y at 80 on a):
//
//	p = (a 50, b 50)
//	U_x = 1 − (1·0.30 + 0.5·0.50)/1.5 = 0.6333, but 50 crosses x's red line a ≤ 40
//	U_y = 1 − (0.5·0.30 + 1·0)/1.5   = 0.9, no alternative stated: accepts
//	U_z = 1 − (1·0.50 + 0.5·0.50)/1.5 = 0.5 < reservation 0.6: rejects
//
// The issues have no reference point, so by default (batna auto) each
// actor's alternative is its stated reservation, and the answer says so.
// Compromise forecasts a 4200/85 and b 2500/65: the package lies
// 50 − 4200/85 and 50 − 2500/65 from it.
func TestDealEvaluate(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	body := `{"models":["compromise"],"package":{"a":50,"b":50}}`
	var inl, job run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/evaluate", body), 200).json(t, &inl)
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"deal",`+body[1:]), 202).json(t, &job)
	e.events(job.ID)
	e.want(e.do("GET", "/api/runs/"+job.ID, ""), 200).json(t, &job)
	if string(inl.Result) != string(job.Result) || inl.Kind != store.Deal || job.Kind != store.Deal || inl.Model != "compromise" {
		t.Fatalf("inline %s\njob %s (%s)", inl.Result, job.Result, job.Error)
	}
	var res answer.DealEvaluation
	if err := json.Unmarshal(inl.Result, &res); err != nil {
		t.Fatal(err)
	}
	ev := res.Evaluation
	if ev.Accepted || fmt.Sprint(ev.Blockers) != "[x z]" || len(ev.Actors) != 3 || res.NoDeal != "none" || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "no reference point") {
		t.Fatalf("%s", inl.Result)
	}
	for i, w := range []struct {
		u  float64
		ok bool
	}{{1 - 0.55/1.5, false}, {0.9, true}, {0.5, false}} {
		if g := ev.Actors[i]; !near(g.Utility, w.u) || g.Accepts != w.ok {
			t.Errorf("actor %s: utility %v accepts %v, want %v %v", g.Actor, g.Utility, g.Accepts, w.u, w.ok)
		}
	}
	if c := ev.Actors[0].Crossed; len(c) != 1 || c[0].Issue != "a" || !near(c[0].By, 10) {
		t.Fatalf("x crossed %+v", c)
	}
	if f := ev.Forecasts; len(f) != 1 || f[0].Model != "compromise" || !near(f[0].ByIssue[0], 50-4200.0/85) || !near(f[0].ByIssue[1], 50-2500.0/65) {
		t.Fatalf("forecasts %+v", f)
	}
	// The defaults fill issues left out from the reference point, which
	// these issues lack: the answer says what is valid.
	var b errBody
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/evaluate", `{"package":{"a":50}}`), 400).json(t, &b)
	if !strings.Contains(b.Error, "rest reference") || !strings.Contains(b.Error, "valid:") {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/evaluate", `{"package":{"zz":1}}`), 400).json(t, &b)
	if !strings.Contains(b.Error, "unknown issue") {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/evaluate", `{"rho":0}`), 400).json(t, &b)
	if b.Code != "argument" || !strings.Contains(b.Error, "rho") {
		t.Fatalf("%+v", b)
	}
	// The same refusal, from a job, is the same 400 at once: it used to
	// be accepted and fail the run later, without its field (jobs21).
	var jb errBody
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"deal","package":{"zz":1}}`), 400).json(t, &jb)
	if jb.Code != "argument" || jb.Error != `package: unknown issue "zz"; valid: a, b` {
		t.Fatalf("unknown issue from a job: %+v", jb)
	}
}

// TestDealSearch checks the zone of agreement worked by hand. With only y
// required, and y stating no red line and no reservation (alternative 0),
// every package is in the zone; the best smallest gain is y's best
// utility, 1, at y's own positions (a 80, b 50). With a fixed at 30, y's
// best is b 50: U_y = 1 − (0.5·0.50)/1.5 = 5/6.
func TestDealSearch(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	for _, c := range []struct {
		body   string
		margin float64
		pkg    string
	}{
		{`{"require":["y"],"samples":-1,"frontier":-1}`, 1, "[80 50]"},
		{`{"require":["y"],"fix":{"a":30},"samples":-1,"frontier":-1}`, 5.0 / 6, "[30 50]"},
	} {
		var r run
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/search", c.body), 200).json(t, &r)
		var res answer.DealSearch
		if err := json.Unmarshal(r.Result, &res); err != nil {
			t.Fatal(err)
		}
		z := res.Result
		if !z.Open || !near(z.Margin, c.margin) || z.Balanced == nil || fmt.Sprint(roundAll(z.Balanced.Values)) != c.pkg || fmt.Sprint(z.Required) != "[y]" {
			t.Fatalf("%s: open %v margin %v balanced %+v required %v", c.body, z.Open, z.Margin, z.Balanced, z.Required)
		}
		if r.Kind != store.DealSearch || r.Model != "" || r.Seed != 1 || res.Request.Seed != 1 || res.Request.Batna != "auto" || res.Request.Rho != 1 {
			t.Fatalf("run %+v request %+v", r.Run, res.Request)
		}
		// As a job: the same answer.
		var job run
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"deal-search",`+c.body[1:]), 202).json(t, &job)
		e.events(job.ID)
		e.want(e.do("GET", "/api/runs/"+job.ID, ""), 200).json(t, &job)
		if string(job.Result) != string(r.Result) {
			t.Fatalf("job %s (%s)\ninline %s", job.Result, job.Error, r.Result)
		}
	}
	var b errBody
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/search", `{"batna":"guess"}`), 400).json(t, &b)
	if !strings.Contains(b.Error, "batna") || !strings.Contains(b.Error, "valid:") {
		t.Fatalf("%+v", b)
	}
	// The frontier and the sample: at most answer.MaxPackages packages.
	var r run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/search", fmt.Sprintf(`{"require":["y"],"frontier":%d,"samples":%[1]d}`, answer.MaxPackages)), 200).json(t, &r)
	var res answer.DealSearch
	if err := json.Unmarshal(r.Result, &res); err != nil || len(res.Result.Frontier) != answer.MaxPackages || len(res.Result.Sample) != answer.MaxPackages {
		t.Fatalf("at the limit: %v, %d frontier and %d sample packages", err, len(res.Result.Frontier), len(res.Result.Sample))
	}
	for _, body := range []string{
		fmt.Sprintf(`{"frontier":%d}`, answer.MaxPackages+1),
		fmt.Sprintf(`{"samples":%d}`, answer.MaxPackages+1),
		`{"samples":-2}`,
	} {
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/deal/search", body), 400).json(t, &b)
		if b.Code != "argument" || !strings.Contains(b.Error, fmt.Sprintf("up to %d", answer.MaxPackages)) {
			t.Fatalf("%s: %+v", body, b)
		}
	}
}

// roundAll rounds to 6 decimals: the search solves to a tolerance.
func roundAll(x []float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = math.Round(v*1e6) / 1e6
	}
	return out
}

// TestRerunEveryKind re-runs a run of each kind: the same result bytes
// and input hash, and a 409 once the scenario has changed.
func TestRerunEveryKind(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID
	var runs []run
	for _, c := range []struct{ path, body string }{
		{"/forecast", `{"models":["compromise","bdm"]}`},
		{"/deal/evaluate", `{"package":{"a":50,"b":50},"models":["compromise"]}`},
		{"/deal/search", `{"samples":2}`},
		{"/runs", `{"kind":"forecast","models":["median"]}`},
		{"/runs", `{"kind":"sweep","draws":50}`},
		{"/runs", `{"kind":"sensitivity","draws":50}`},
		{"/runs", `{"kind":"deal","package":{"a":40,"b":40}}`},
		{"/runs", `{"kind":"deal-search","require":["y","z"]}`},
		{"/advise", `{"actor":"y","draws":5}`},
		{"/runs", `{"kind":"advise","actor":"x","model":"median","draws":3}`},
		{"/power", `{"quota":2,"weights":[1,1,1]}`},
		{"/compare", `{"models":["compromise","bdm"]}`},
		{"/runs", `{"kind":"compare","over":"snapshots","models":["median"]}`},
	} {
		var r run
		res := e.do("POST", p+c.path, c.body)
		if res.code != 200 && res.code != 202 {
			t.Fatalf("%s %s: %d %s", c.path, c.body, res.code, res.body)
		}
		res.json(t, &r)
		e.events(r.ID)
		e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
		if r.Status != store.Done {
			t.Fatalf("%s %s: %+v", c.path, c.body, r.Run)
		}
		runs = append(runs, r)
	}
	for _, r := range runs {
		var started, rr run
		res := e.do("POST", "/api/runs/"+r.ID+"/rerun", "")
		res.json(t, &started)
		if started.Of != r.ID || res.code == 200 && (started.SameResult == nil || !*started.SameResult) || res.code != 200 && res.code != 202 {
			t.Errorf("%s rerun: %d %+v", r.Kind, res.code, started)
		}
		e.events(started.ID)
		e.want(e.do("GET", "/api/runs/"+started.ID, ""), 200).json(t, &rr)
		if string(rr.Result) != string(r.Result) || rr.Kind != r.Kind {
			t.Errorf("%s rerun differs:\n%s\n%s", r.Kind, rr.Result, r.Result)
		}
		if res.code == 202 && rr.InputHash != r.InputHash {
			t.Errorf("%s rerun as a job: hash %s, was %s", r.Kind, rr.InputHash, r.InputHash)
		}
	}
	// A run stored by an earlier version, whose options this one does not
	// read, is not re-run as something else.
	old := &store.Run{ScenarioID: v.ID, ScenarioVersion: 1, Kind: store.Sweep, InputHash: "x", Options: json.RawMessage(`{"kind":"sweep","samples":300}`), Status: store.Done}
	if err := e.st.CreateRun(context.Background(), old); err != nil {
		t.Fatal(err)
	}
	var b errBody
	e.want(e.do("POST", "/api/runs/"+old.ID+"/rerun", ""), 409).json(t, &b)
	if !strings.Contains(b.Error, "another version of Parley") || !strings.Contains(b.Error, `unknown field "kind"`) {
		t.Fatalf("%+v", b)
	}
	// After an edit every run that read the scenario is refused; the
	// ad-hoc power game read none (TestAdHocPowerRerunsAfterAnEdit).
	e.want(e.do("PATCH", p+"/stances/y/b", `{"version":1,"salience":0.9}`), 200)
	for _, r := range runs {
		if r.Kind == store.Power {
			e.want(e.do("POST", "/api/runs/"+r.ID+"/rerun", ""), 200)
			continue
		}
		var b errBody
		e.want(e.do("POST", "/api/runs/"+r.ID+"/rerun", ""), 409).json(t, &b)
		if !strings.Contains(b.Error, "input hash differs") {
			t.Errorf("%s: %+v", r.Kind, b)
		}
	}
}

// TestForecastTimeout checks that a forecast too long for a request is
// stopped and answered with a 503 that names the limit and says to run
// it as a job.
func TestForecastTimeout(t *testing.T) {
	e := newEnv(t, httpapi.Options{ForecastTimeout: time.Nanosecond})
	v := e.create(small(t))
	var b errBody
	r := e.want(e.do("POST", "/api/scenarios/"+v.ID+"/forecast", `{}`), 503)
	r.json(t, &b)
	if b.Code != "timeout" || !strings.Contains(b.Error, "start it as a job") || !strings.Contains(b.Error, "--inline-timeout") || r.hdr.Get("Retry-After") == "" {
		t.Fatalf("%v %+v", r.hdr, b)
	}
}

// long is a sweep that runs for minutes but within the default memory
// budget: the two slowest models, 200,000 draws.
const long = `{"kind":"sweep","models":["smp","ensemble"],"draws":200000}`

func TestJobErrors(t *testing.T) {
	e := newEnv(t, httpapi.Options{MaxJobs: 1})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID + "/runs"
	e.want(e.do("POST", p, `{}`), 400)
	e.want(e.do("POST", p, `{"kind":"guess"}`), 400)
	var b errBody
	e.want(e.do("POST", p, `{"kind":"guess"}`), 400).json(t, &b)
	if b.Code != "argument" || !strings.Contains(b.Error, "valid: forecast, sweep, sensitivity, deal, deal-search") {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("POST", p, `{"kind":"sweep","package":{"a":1}}`), 400).json(t, &b)
	if !strings.Contains(b.Error, `unknown field "package"`) {
		t.Fatalf("a deal field in a sweep: %+v", b)
	}
	e.want(e.do("POST", p, `{"kind":"sweep","snapshot":"soon"}`), 400)
	e.want(e.do("POST", p, `[1]`), 400)
	e.want(e.do("POST", "/api/scenarios/nope/runs", `{"kind":"sweep"}`), 404)
	e.want(e.do("POST", "/api/runs/nope/cancel", ""), 404)
	// Cancel a long sweep: it stops as cancelled, not done, keeping no
	// result or one that says it was interrupted (the draws done before
	// the cancel came: TestCancelledSweepKeepsItsDraws).
	var r run
	e.want(e.do("POST", p, long), 202).json(t, &r)
	var c run
	e.want(e.do("POST", "/api/runs/"+r.ID+"/cancel", ""), 200).json(t, &c)
	if c.Status != store.Cancelled {
		t.Fatalf("cancelled run %+v", c.Run)
	}
	if c.Result != nil {
		var sw answer.Sweep
		if err := json.Unmarshal(c.Result, &sw); err != nil || len(sw.Models) != 1 || !sw.Models[0].Interrupted {
			t.Fatalf("cancelled run's result %s (%v); want the first model's draws done, interrupted", c.Result, err)
		}
	}
}

// TestQueueFull checks that a full job queue refuses more, saying when
// to retry.
func TestQueueFull(t *testing.T) {
	e := newEnv(t, httpapi.Options{MaxJobs: 1, MaxQueued: 1})
	v := e.create(small(t))
	var first run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", long), 202).json(t, &first)
	r := e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"sweep"}`), 503)
	if r.hdr.Get("Retry-After") == "" || !strings.Contains(string(r.body), `"code":"busy"`) {
		t.Fatalf("full queue: %v %s", r.hdr, r.body)
	}
	e.want(e.do("POST", "/api/runs/"+first.ID+"/cancel", ""), 200)
}

func TestAuth(t *testing.T) {
	e := newEnv(t, httpapi.Options{Token: "s3cret-s3cret-s3cret"})
	body := small(t)
	e.tok = ""
	var b errBody
	r := e.want(e.do("POST", "/api/scenarios", body), 401)
	r.json(t, &b)
	if b.Code != "unauthorized" || r.hdr.Get("WWW-Authenticate") == "" {
		t.Fatalf("%+v", b)
	}
	e.want(e.do("POST", "/api/scenarios", body, "Authorization", "Bearer wrong"), 401)
	e.want(e.do("POST", "/api/scenarios", body, "Authorization", "s3cret-s3cret-s3cret"), 401)
	var v view
	e.want(e.do("POST", "/api/scenarios", body, "Authorization", "Bearer s3cret-s3cret-s3cret"), 201).json(t, &v)
	// Beyond loopback (not LoopbackOnly) reads need the token too, all
	// but the health check.
	e.want(e.do("GET", "/api/scenarios/"+v.ID, ""), 401)
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/export", ""), 401)
	e.want(e.do("GET", "/api/health", ""), 200)
	e.want(e.do("GET", "/api/scenarios/"+v.ID, "", "Authorization", "Bearer s3cret-s3cret-s3cret"), 200)
	// Every write route needs the token.
	writes := 0
	for _, r := range e.api.Routes() {
		if r.Method == "GET" {
			continue
		}
		writes++
		path := strings.NewReplacer("{id}", v.ID, "{run}", "nope", "{actor}", "x", "{issue}", "a", "{n}", "1").Replace(r.Pattern)
		e.want(e.do(r.Method, path, "{}"), 401)
	}
	if writes != 23 {
		t.Fatalf("%d write routes checked, want 23", writes)
	}
	// A write from another origin is refused even with the token.
	e.tok = "s3cret-s3cret-s3cret"
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/forecast", "{}", "Origin", "http://evil.example"), 403)
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/forecast", "{}", "Origin", e.srv.URL), 200)
}

func TestLoopbackOnly(t *testing.T) {
	e := newEnv(t, httpapi.Options{LoopbackOnly: true})
	e.want(e.do("GET", "/api/health", ""), 200)
	e.want(e.do("GET", "/api/health", "", "Host", "localhost:8080"), 200)
	e.want(e.do("GET", "/api/health", "", "Host", "rebind.example:8080"), 403)
	// A name under .localhost may resolve anywhere: not trusted.
	e.want(e.do("GET", "/api/health", "", "Host", "evil.localhost:8080"), 403)
	e.want(e.do("GET", "/api/health", "", "Host", "192.0.2.1:8080"), 403)
	for ip, want := range map[string]bool{"127.0.0.1": true, "::1": true, "127.0.0.2": true, "0.0.0.0": false, "::": false, "192.0.2.1": false} {
		if httpapi.LoopbackAddr(&net.TCPAddr{IP: net.ParseIP(ip), Port: 80}) != want {
			t.Errorf("LoopbackAddr(%s) = %v", ip, !want)
		}
	}
}

func TestWebApp(t *testing.T) {
	web := fstest.MapFS{
		"index.html":    {Data: []byte("<!doctype html><title>Parley</title>")},
		"assets/app.js": {Data: []byte("console.log(1)")},
	}
	e := newEnv(t, httpapi.Options{Web: web})
	r := e.want(e.do("GET", "/", ""), 200)
	if !strings.Contains(string(r.body), "<title>Parley</title>") || !strings.Contains(r.hdr.Get("Content-Security-Policy"), "default-src 'self'") {
		t.Fatalf("index: %s %v", r.body, r.hdr)
	}
	r = e.want(e.do("GET", "/scenario/abc", ""), 200)
	if !strings.Contains(string(r.body), "<title>Parley</title>") {
		t.Fatal("client route does not serve index.html")
	}
	r = e.want(e.do("GET", "/assets/app.js", ""), 200)
	if string(r.body) != "console.log(1)" || !strings.Contains(r.hdr.Get("Cache-Control"), "immutable") {
		t.Fatalf("asset: %s %v", r.body, r.hdr)
	}
}

// TestRestartFailsOrphanedRuns checks that a run left running by a
// process that died is marked failed when the next server starts.
func TestRestartFailsOrphanedRuns(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	st, err := bolt.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sc := &store.Scenario{Format: "yaml", Body: []byte(small(t))}
	if err := st.CreateScenario(ctx, sc, 0); err != nil {
		t.Fatal(err)
	}
	r := &store.Run{ScenarioID: sc.ID, Kind: store.Sweep, Status: store.Running}
	if err := st.CreateRun(ctx, r); err != nil {
		t.Fatal(err)
	}
	api, err := httpapi.New(ctx, httpapi.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	got, _ := st.GetRun(ctx, r.ID)
	if got.Status != store.Failed || !strings.Contains(got.Error, "server stopped") {
		t.Fatalf("orphan %+v", got)
	}
}

func TestResolved(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	var got struct {
		Snapshot string            `json:"snapshot"`
		Scenario scenario.Scenario `json:"scenario"`
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/resolved", ""), 200).json(t, &got)
	if got.Snapshot != "latest" || got.Scenario.Stance("y", "a").Position != 80 || len(got.Scenario.Snapshots) != 0 || got.Scenario.Metadata.AsOf != "2025-02-01" {
		t.Fatalf("latest: %+v", got)
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/resolved?snapshot=base&variant=strong-z", ""), 200).json(t, &got)
	if got.Scenario.Stance("y", "a").Position != 60 || got.Scenario.Actor("z").Capability != 40 {
		t.Fatalf("base + strong-z: %+v", got.Scenario)
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/resolved?snapshot=soon", ""), 400)
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/resolved?variant=nope", ""), 400) // a value of the query, not the path
	e.want(e.do("GET", "/api/scenarios/nope/resolved", ""), 404)
}

// TestOnPostgres runs the handler tests that write against PostgreSQL
// (PARLEY_TEST_POSTGRES; see .ci/postgres.sh), so both stores serve the
// API alike.
func TestOnPostgres(t *testing.T) {
	pgURL = storetest.PostgresURL(t, "parley_httpapi_test")
	defer func() { pgURL = "" }()
	for name, fn := range map[string]func(*testing.T){
		"ScenarioLifecycle": TestScenarioLifecycle,
		"PatchStance":       TestPatchStance,
		"Forecast":          TestForecast,
		"SweepJob":          TestSweepJob,
		"DealEvaluate":      TestDealEvaluate,
		"DealSearch":        TestDealSearch,
		"RerunEveryKind":    TestRerunEveryKind,
		"JobErrors":         TestJobErrors,
		"QueueFull":         TestQueueFull,
		"Import":            TestImport,
		"ConcurrentEdits":   TestConcurrentEditsLoseNoUpdate,
		"EveryKindAsJob":    TestEveryKindStartsAsJob,
		"Versions":          TestVersions,
		"VersionFile":       TestVersionFile,
		"Purge":             TestPurge,
		"ScenariosLimit":    TestScenariosLimit,
		"CreateAtDeletedID": TestCreateAtDeletedID,
		"PutUnchanged":      TestPutUnchangedSavesNothing,
	} {
		t.Run(name, fn)
	}
}

// TestPowerDoorsStoreOneRequest: the same ad-hoc power question asked
// within a request (POST …/power) and as a job (POST …/runs, kind power)
// is stored with the same options — the request as the answer echoes
// it, "snapshot": "" for a game that reads no scenario (the job stored
// "latest") — and so the same input hash; the job's answer echoes the
// options it stored.
func TestPowerDoorsStoreOneRequest(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID
	var inline, job run
	e.want(e.do("POST", p+"/power", `{"weights":[3,2,1],"quota":4}`), 200).json(t, &inline)
	e.want(e.do("POST", p+"/runs", `{"kind":"power","weights":[3,2,1],"quota":4}`), 202).json(t, &job)
	e.events(job.ID)
	e.want(e.do("GET", "/api/runs/"+job.ID, ""), 200).json(t, &job)
	want := `{"snapshot":"","quota":4,"weights":[3,2,1],"samples":100000,"seed":1}`
	if string(inline.Options) != want || string(job.Options) != want {
		t.Errorf("options:\ninline %s\njob    %s\nwant   %s", inline.Options, job.Options, want)
	}
	if inline.InputHash != job.InputHash {
		t.Errorf("input hashes differ: inline %s, job %s", inline.InputHash, job.InputHash)
	}
	var res struct {
		Request json.RawMessage `json:"request"`
	}
	if err := json.Unmarshal(job.Result, &res); err != nil || string(res.Request) != want {
		t.Errorf("the job's answer echoes %s (%v); want %s", res.Request, err, want)
	}
}

// TestAdHocPowerRerunsAfterAnEdit: an ad-hoc game reads no scenario, so
// its input hash leaves the scenario out and it re-runs to the same
// result after the scenario is edited (it was refused, 409, as a run
// that read the scenario is).
func TestAdHocPowerRerunsAfterAnEdit(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID
	var first, fc run
	e.want(e.do("POST", p+"/power", `{"weights":[3,2,1],"quota":4}`), 200).json(t, &first)
	e.want(e.do("POST", p+"/forecast", `{"models":["compromise"]}`), 200).json(t, &fc)
	e.want(e.do("PATCH", p+"/stances/z/a", `{"version":1,"position":90}`), 200)
	var rr run
	e.want(e.do("POST", "/api/runs/"+first.ID+"/rerun", ""), 200).json(t, &rr)
	if rr.SameResult == nil || !*rr.SameResult || rr.InputHash != first.InputHash {
		t.Errorf("rerun of the ad-hoc game: %+v", rr)
	}
	var b errBody
	e.want(e.do("POST", "/api/runs/"+fc.ID+"/rerun", ""), 409).json(t, &b)
	if !strings.Contains(b.Error, "input hash differs") {
		t.Errorf("the forecast's rerun: %+v", b)
	}
}

// TestPowerHugeWeights: weights of 1e19 answered 500 (an int64 overflow
// in package power); the API now refuses weights past a scenario's
// decision-rule bound with 400 naming the weight and the range, inline
// and as a job.
func TestPowerHugeWeights(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID
	for _, c := range []struct{ path, body string }{
		{"/power", `{"weights":[1e19,1e19,1],"quota":1e19}`},
		{"/runs", `{"kind":"power","weights":[1e19,1e19,1],"quota":1e19}`},
	} {
		var b errBody
		e.want(e.do("POST", p+c.path, c.body), 400).json(t, &b)
		if !strings.Contains(b.Error, "weight 1 is 1e+19; valid: a number from 0 to 1e12") {
			t.Errorf("%s: %+v", c.path, b)
		}
	}
}

// withID is a scenario file (YAML or JSON) with id as its metadata.id,
// the id POST /api/scenarios stores it under: for a test that creates
// one file more than once.
func withID(t *testing.T, body, id string) string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^(\s+id:\s*)\S+|("id"\s*:\s*)"[^"]*"`)
	loc := re.FindStringSubmatchIndex(body)
	if loc == nil {
		t.Fatalf("no id in %.200s", body)
	}
	if loc[2] >= 0 {
		return body[:loc[3]] + id + body[loc[1]:]
	}
	return body[:loc[5]] + `"` + id + `"` + body[loc[1]:]
}
