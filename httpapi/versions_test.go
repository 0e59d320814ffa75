package httpapi_test

import (
	"fmt"
	"strings"
	"testing"

	"parley/httpapi"
	"parley/scenario"
	"parley/store"
	"parley/store/storetest"
)

// versionList is GET …/versions written as storetest.VersionsText
// writes it ("N:how", newest first), and the versions themselves.
func (e *env) versionList(id string) (string, []store.Version) {
	e.t.Helper()
	var l []store.Version
	e.want(e.do("GET", "/api/scenarios/"+id+"/versions", ""), 200).json(e.t, &l)
	return storetest.VersionsText(l), l
}

// TestVersions: every save keeps the version it replaces; the list
// says each version's number, size, time and what replaced it; each
// version reads back as its scenario; a restore saves a kept file as the
// next version (so it can be undone), refusing a stale If-Match with 409;
// a delete keeps its history, listed as deleted, and a restore brings
// the scenario back under its id.
func TestVersions(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	body := small(t)
	v := e.create(body)
	p := "/api/scenarios/" + v.ID
	second := strings.Replace(body, "title: Small test case", "title: Edited", 1)
	third := strings.Replace(body, "title: Small test case", "title: Third", 1)
	e.want(e.do("PUT", p, second, "If-Match", `"1"`), 200)
	e.want(e.do("PUT", p, third, "If-Match", `"2"`), 200)
	got, l := e.versionList(v.ID)
	if got != "[3:current 2:edit 1:edit]" {
		t.Fatalf("versions %s, want [3:current 2:edit 1:edit]", got)
	}
	for i, want := range []struct {
		name string
		size int
	}{{"Third", len(third)}, {"Edited", len(second)}, {"Small test case", len(body)}} {
		if l[i].Name != want.name || l[i].Size != int64(want.size) || l[i].Saved.IsZero() || l[i].Current != (i == 0) || l[i].Replaced.IsZero() == (i > 0) {
			t.Errorf("version %d: %+v; want %q, %d bytes", l[i].Version, l[i], want.name, want.size)
		}
	}
	if !l[2].Replaced.Equal(l[1].Saved) || !l[1].Replaced.Equal(l[0].Saved) {
		t.Errorf("a version's replaced_at is not its successor's saved_at: %+v", l)
	}

	// One version, read as a scenario.
	var one struct {
		ID       string                `json:"id"`
		Version  int64                 `json:"version"`
		Current  bool                  `json:"current"`
		Scenario scenario.Scenario     `json:"scenario"`
		Warnings []scenario.Diagnostic `json:"warnings"`
	}
	r := e.want(e.do("GET", p+"/versions/1", ""), 200)
	r.json(t, &one)
	if one.ID != v.ID || one.Version != 1 || one.Current || one.Scenario.Metadata.Title != "Small test case" || r.hdr.Get("ETag") != `"1"` {
		t.Fatalf("version 1: %+v etag %s", one, r.hdr.Get("ETag"))
	}
	e.want(e.do("GET", p+"/versions/3", ""), 200).json(t, &one)
	if !one.Current || one.Scenario.Metadata.Title != "Third" {
		t.Fatalf("version 3: %+v", one)
	}
	var b errBody
	e.want(e.do("GET", p+"/versions/9", ""), 404).json(t, &b)
	if !strings.Contains(b.Error, "has no version 9") {
		t.Fatalf("version 9: %+v", b)
	}
	e.want(e.do("GET", p+"/versions/x", ""), 400).json(t, &b)
	if !strings.Contains(b.Error, `version "x" in the path`) {
		t.Fatalf("version x: %+v", b)
	}
	e.want(e.do("GET", "/api/scenarios/nope/versions", ""), 404)

	// Restore: If-Match is needed, and must be the current version.
	e.want(e.do("POST", p+"/versions/1/restore", ""), 400).json(t, &b)
	if !strings.HasPrefix(b.Error, "version: missing") {
		t.Fatalf("restore without If-Match: %+v", b)
	}
	e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"2"`), 409).json(t, &b)
	if b.Code != "conflict" || !strings.Contains(b.Error, "is at version 3, not 2") || !strings.Contains(b.Error, "restore version 1 again") {
		t.Fatalf("stale restore: %+v", b)
	}
	e.want(e.do("POST", p+"/versions/3/restore", "", "If-Match", `"3"`), 400).json(t, &b)
	if !strings.Contains(b.Error, "is scenario") || !strings.Contains(b.Error, "current version") {
		t.Fatalf("restore of the current version: %+v", b)
	}
	e.want(e.do("POST", p+"/versions/7/restore", "", "If-Match", `"3"`), 404)
	if got, _ := e.versionList(v.ID); got != "[3:current 2:edit 1:edit]" {
		t.Fatalf("refused restores changed the history: %s", got)
	}
	var rv view
	r = e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"3"`), 200)
	r.json(t, &rv)
	if rv.Version != 4 || rv.Name != "Small test case" || rv.Scenario.Metadata.Title != "Small test case" || r.hdr.Get("ETag") != `"4"` {
		t.Fatalf("restored: %+v etag %s", rv, r.hdr.Get("ETag"))
	}
	if r := e.want(e.do("GET", p+"/export", ""), 200); string(r.body) != body {
		t.Fatalf("the restored file differs from version 1's:\n%s", r.body)
	}
	if got, _ := e.versionList(v.ID); got != "[4:current 3:restore1 2:edit 1:edit]" {
		t.Fatalf("after the restore: %s", got)
	}
	// What is served is the restored version, not a cached one.
	var cur view
	e.want(e.do("GET", p, ""), 200).json(t, &cur)
	if cur.Version != 4 || cur.Scenario.Metadata.Title != "Small test case" {
		t.Fatalf("GET after the restore: version %d %q", cur.Version, cur.Scenario.Metadata.Title)
	}

	// A delete keeps the history; a restore brings the scenario back.
	var deleted []store.Deleted
	e.want(e.do("GET", "/api/scenarios/deleted", ""), 200).json(t, &deleted)
	if len(deleted) != 0 {
		t.Fatalf("deleted before any delete: %+v", deleted)
	}
	e.want(e.do("DELETE", p, "", "If-Match", `"4"`), 204)
	e.want(e.do("GET", p, ""), 404)
	e.want(e.do("GET", "/api/scenarios/deleted", ""), 200).json(t, &deleted)
	if len(deleted) != 1 || deleted[0].ID != v.ID || deleted[0].Version.Version != 4 || deleted[0].ReplacedBy != "delete" || deleted[0].Name != "Small test case" {
		t.Fatalf("deleted: %+v", deleted)
	}
	if got, _ := e.versionList(v.ID); got != "[4:delete 3:restore1 2:edit 1:edit]" {
		t.Fatalf("after the delete: %s", got)
	}
	e.want(e.do("POST", p+"/versions/2/restore", "", "If-Match", `"3"`), 409)
	e.want(e.do("POST", p+"/versions/2/restore", "", "If-Match", `"4"`), 200).json(t, &rv)
	if rv.ID != v.ID || rv.Version != 5 || rv.Scenario.Metadata.Title != "Edited" {
		t.Fatalf("undeleted: %+v", rv)
	}
	e.want(e.do("GET", p, ""), 200)
	e.want(e.do("GET", "/api/scenarios/deleted", ""), 200).json(t, &deleted)
	if len(deleted) != 0 {
		t.Fatalf("deleted after the restore: %+v", deleted)
	}
}

// TestVersionsLimit: the server keeps the newest --limit versions=N
// earlier versions of each scenario.
func TestVersionsLimit(t *testing.T) {
	var lim scenario.Limits
	if err := lim.Set("versions=2"); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Options{Limits: lim})
	body := small(t)
	v := e.create(body)
	for i := 1; i <= 4; i++ {
		edited := strings.Replace(body, "title: Small test case", fmt.Sprintf("title: Edit %d", i), 1)
		e.want(e.do("PUT", "/api/scenarios/"+v.ID, edited, "If-Match", fmt.Sprintf(`"%d"`, i)), 200)
	}
	if got, _ := e.versionList(v.ID); got != "[5:current 4:edit 3:edit]" {
		t.Fatalf("versions=2: %s, want [5:current 4:edit 3:edit]", got)
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/versions/2", ""), 404)
}

// TestVersionsAuth: beyond loopback the history's reads need the token,
// as every /api/ read does, and a restore needs it as every write does;
// on a loopback server with a token, reads are open and a restore still
// needs it.
func TestVersionsAuth(t *testing.T) {
	const tok = "s3cret-s3cret-s3cret"
	for _, loopback := range []bool{false, true} {
		e := newEnv(t, httpapi.Options{Token: tok, LoopbackOnly: loopback})
		v := e.create(small(t))
		p := "/api/scenarios/" + v.ID
		edited := strings.Replace(small(t), "title: Small test case", "title: Edited", 1)
		e.want(e.do("PUT", p, edited, "If-Match", `"1"`), 200)
		e.tok = ""
		read := 401
		if loopback {
			read = 200
		}
		for _, path := range []string{p + "/versions", p + "/versions/1", "/api/scenarios/deleted"} {
			e.want(e.do("GET", path, ""), read)
		}
		e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"2"`), 401)
		e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"2"`, "Authorization", "Bearer wrong-wrong-wrong"), 401)
		e.tok = tok
		for _, path := range []string{p + "/versions", p + "/versions/1", "/api/scenarios/deleted"} {
			e.want(e.do("GET", path, ""), 200)
		}
		var rv view
		e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"2"`), 200).json(t, &rv)
		if rv.Version != 3 || rv.Scenario.Metadata.Title != "Small test case" {
			t.Fatalf("loopback %v: restored %+v", loopback, rv)
		}
	}
}

// TestVersionsMatchOpenAPI: the history's answers have the fields their
// schemas in the OpenAPI document list, and those they require.
func TestVersionsMatchOpenAPI(t *testing.T) {
	schemas := openAPISchemas(t)
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	p := "/api/scenarios/" + v.ID
	e.want(e.do("PUT", p, strings.Replace(small(t), "title: Small test case", "title: Edited", 1), "If-Match", `"1"`), 200)
	e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"2"`), 200)
	ref := func(n string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + n} }
	check := func(path, schema string, list bool) {
		var got any
		e.want(e.do("GET", path, ""), 200).json(t, &got)
		// The parsed scenario is docs/format.md's, which the document
		// gives as a free-form object: its fields are not checked here.
		s := ref(schema)
		if m, ok := got.(map[string]any); ok {
			if _, ok := m["scenario"].(map[string]any); !ok {
				t.Errorf("%s: no scenario object", path)
			}
			m["scenario"] = map[string]any{}
		}
		if list {
			s = map[string]any{"type": "array", "items": s}
		}
		conform(t, schemas, s, got, path)
	}
	check(p+"/versions", "ScenarioVersion", true)
	check(p+"/versions/1", "VersionView", false)
	check(p+"/versions/3", "VersionView", false)
	e.want(e.do("DELETE", p, "", "If-Match", `"3"`), 204)
	check("/api/scenarios/deleted", "DeletedScenario", true)
}
