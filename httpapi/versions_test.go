package httpapi_test

import (
	"context"
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
// as every /api/ read does, and a restore and a purge need it as every
// write does; on a loopback server with a token, reads are open and a
// restore or a purge still needs it.
func TestVersionsAuth(t *testing.T) {
	const tok = "s3cret-s3cret-s3cret"
	for _, loopback := range []bool{false, true} {
		e := newEnv(t, httpapi.Options{Token: tok, LoopbackOnly: loopback})
		v := e.create(small(t))
		p := "/api/scenarios/" + v.ID
		edited := strings.Replace(small(t), "title: Small test case", "title: Edited", 1)
		e.want(e.do("PUT", p, edited, "If-Match", `"1"`), 200)
		gone := "/api/scenarios/" + e.create(withID(t, small(t), "gone")).ID
		e.want(e.do("DELETE", gone, "", "If-Match", `"1"`), 204)
		e.tok = ""
		read := 401
		if loopback {
			read = 200
		}
		for _, path := range []string{p + "/versions", p + "/versions/1", p + "/versions/1/file", "/api/scenarios/deleted"} {
			e.want(e.do("GET", path, ""), read)
		}
		e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"2"`), 401)
		e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"2"`, "Authorization", "Bearer wrong-wrong-wrong"), 401)
		e.want(e.do("DELETE", gone+"/versions", "", "If-Match", `"1"`), 401)
		e.want(e.do("DELETE", gone+"/versions", "", "If-Match", `"1"`, "Authorization", "Bearer wrong-wrong-wrong"), 401)
		e.tok = tok
		for _, path := range []string{p + "/versions", p + "/versions/1", p + "/versions/1/file", "/api/scenarios/deleted"} {
			e.want(e.do("GET", path, ""), 200)
		}
		var rv view
		e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"2"`), 200).json(t, &rv)
		if rv.Version != 3 || rv.Scenario.Metadata.Title != "Small test case" {
			t.Fatalf("loopback %v: restored %+v", loopback, rv)
		}
		e.want(e.do("DELETE", gone+"/versions", "", "If-Match", `"1"`), 204)
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

// TestVersionFile: GET …/versions/{n}/file answers a version as the file
// saved, byte for byte (its comments kept), in its format's content
// type, as an attachment named for the id and version, a deleted
// scenario's versions too; GET …/versions/{n} still answers it parsed.
func TestVersionFile(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	first := "# saved first, with this comment\n" + small(t)
	v := e.create(first)
	p := "/api/scenarios/" + v.ID
	second := strings.Replace(first, "title: Small test case", "title: Edited # and a comment here", 1)
	e.want(e.do("PUT", p, second, "If-Match", `"1"`), 200)
	asJSON := string(e.want(e.do("GET", p+"/export?format=json", ""), 200).body)
	e.want(e.do("PUT", p, asJSON, "If-Match", `"2"`), 200)
	for _, c := range []struct {
		n          int
		body, ct   string
		attachment string
	}{
		{1, first, "application/yaml; charset=utf-8", fmt.Sprintf(`attachment; filename="%s-v1.yaml"`, v.ID)},
		{2, second, "application/yaml; charset=utf-8", fmt.Sprintf(`attachment; filename="%s-v2.yaml"`, v.ID)},
		{3, asJSON, "application/json; charset=utf-8", fmt.Sprintf(`attachment; filename="%s-v3.json"`, v.ID)},
	} {
		r := e.want(e.do("GET", fmt.Sprintf("%s/versions/%d/file", p, c.n), ""), 200)
		if string(r.body) != c.body {
			t.Errorf("version %d's file:\n%s\nwant the file saved:\n%s", c.n, r.body, c.body)
		}
		if ct, cd, tag := r.hdr.Get("Content-Type"), r.hdr.Get("Content-Disposition"), r.hdr.Get("ETag"); ct != c.ct || cd != c.attachment || tag != fmt.Sprintf(`"%d"`, c.n) {
			t.Errorf("version %d: Content-Type %q, Content-Disposition %q, ETag %s; want %q, %q, \"%d\"", c.n, ct, cd, tag, c.ct, c.attachment, c.n)
		}
	}
	var b errBody
	e.want(e.do("GET", p+"/versions/9/file", ""), 404).json(t, &b)
	if !strings.Contains(b.Error, "has no version 9") {
		t.Fatalf("version 9: %+v", b)
	}
	e.want(e.do("GET", p+"/versions/0/file", ""), 400)
	e.want(e.do("GET", p+"/versions/1/file?format=json", ""), 400)
	// Deleted, its versions are files still.
	e.want(e.do("DELETE", p, "", "If-Match", `"3"`), 204)
	if r := e.want(e.do("GET", p+"/versions/2/file", ""), 200); string(r.body) != second {
		t.Errorf("a deleted scenario's version 2:\n%s", r.body)
	}
}

// TestPurge: DELETE …/versions purges a deleted scenario's kept versions
// for good when it names the version deleted: without a version, with
// "*", with a stale one, of a stored scenario or of an id with nothing
// kept it is refused and nothing changes; afterwards the id has no
// versions and is not listed as deleted, and another deleted scenario
// is.
func TestPurge(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	body := small(t)
	v := e.create(body)
	p := "/api/scenarios/" + v.ID
	e.want(e.do("PUT", p, strings.Replace(body, "title: Small test case", "title: Edited", 1), "If-Match", `"1"`), 200)
	e.want(e.do("DELETE", p, "", "If-Match", `"2"`), 204)
	kept := e.create(withID(t, body, "kept"))
	e.want(e.do("DELETE", "/api/scenarios/"+kept.ID, "", "If-Match", `"1"`), 204)
	live := e.create(withID(t, body, "live"))

	var b errBody
	for _, c := range []struct {
		path, ifMatch string
		code          int
		says          string
	}{
		{p + "/versions", "", 400, "version: missing; valid: the version deleted, as GET /api/scenarios/deleted lists it"},
		{p + "/versions", "*", 400, "If-Match: * is not taken by a purge, which cannot be undone"},
		{p + "/versions", `"1"`, 409, fmt.Sprintf("scenario %q was deleted at version 2, not 1", v.ID)},
		{"/api/scenarios/" + live.ID + "/versions", `"1"`, 409, fmt.Sprintf("scenario %q is not deleted (it is at version 1); valid: a deleted scenario", live.ID)},
		{"/api/scenarios/nope/versions", `"1"`, 404, `no deleted scenario "nope" has versions kept`},
	} {
		var hdr []string
		if c.ifMatch != "" {
			hdr = []string{"If-Match", c.ifMatch}
		}
		e.want(e.do("DELETE", c.path, "", hdr...), c.code).json(t, &b)
		if !strings.Contains(b.Error, c.says) {
			t.Errorf("DELETE %s If-Match %s: %q, want it to say %q", c.path, c.ifMatch, b.Error, c.says)
		}
	}
	if got, _ := e.versionList(v.ID); got != "[2:delete 1:edit]" {
		t.Fatalf("refused purges changed the history: %s", got)
	}
	if got, _ := e.versionList(live.ID); got != "[1:current]" {
		t.Fatalf("a refused purge changed a stored scenario: %s", got)
	}

	e.want(e.do("DELETE", p+"/versions?version=2", ""), 204)
	e.want(e.do("GET", p+"/versions", ""), 404)
	e.want(e.do("GET", p+"/versions/1", ""), 404)
	e.want(e.do("GET", p+"/versions/2/file", ""), 404)
	e.want(e.do("POST", p+"/versions/1/restore", "", "If-Match", `"2"`), 404)
	var deleted []store.Deleted
	e.want(e.do("GET", "/api/scenarios/deleted", ""), 200).json(t, &deleted)
	if len(deleted) != 1 || deleted[0].ID != kept.ID {
		t.Fatalf("deleted after the purge: %+v; want %s alone", deleted, kept.ID)
	}
}

// TestCreateAtDeletedID: a scenario a Go caller creates under the id of
// a deleted one (the API gives new scenarios ids of their own) is
// served as the version after the one deleted, not the one the server
// read before the delete; the deleted versions stay in its history,
// restorable as any, and it is no longer listed as deleted, nor purged.
func TestCreateAtDeletedID(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	body := small(t)
	v := e.create(body)
	p := "/api/scenarios/" + v.ID
	edited := strings.Replace(body, "title: Small test case", "title: Edited", 1)
	e.want(e.do("PUT", p, edited, "If-Match", `"1"`), 200)
	e.want(e.do("GET", p, ""), 200)
	e.want(e.do("DELETE", p, "", "If-Match", `"2"`), 204)
	again := strings.Replace(body, "title: Small test case", "title: Again", 1)
	rec := &store.Scenario{ID: v.ID, Name: "Again", Format: "yaml", Body: []byte(again)}
	if err := e.st.CreateScenario(context.Background(), rec, 0); err != nil || rec.Version != 3 {
		t.Fatalf("created under the deleted id: version %d, %v; want 3", rec.Version, err)
	}
	var cur view
	r := e.want(e.do("GET", p, ""), 200)
	r.json(t, &cur)
	if cur.Version != 3 || cur.Scenario.Metadata.Title != "Again" || r.hdr.Get("ETag") != `"3"` {
		t.Fatalf("GET: version %d %q, ETag %s; want version 3, Again", cur.Version, cur.Scenario.Metadata.Title, r.hdr.Get("ETag"))
	}
	var deleted []store.Deleted
	e.want(e.do("GET", "/api/scenarios/deleted", ""), 200).json(t, &deleted)
	if len(deleted) != 0 {
		t.Fatalf("created again, listed as deleted: %+v", deleted)
	}
	if got, _ := e.versionList(v.ID); got != "[3:current 2:delete 1:edit]" {
		t.Fatalf("versions %s, want [3:current 2:delete 1:edit]", got)
	}
	if r := e.want(e.do("GET", p+"/versions/2/file", ""), 200); string(r.body) != edited {
		t.Fatalf("version 2's file:\n%s", r.body)
	}
	var b errBody
	e.want(e.do("DELETE", p+"/versions", "", "If-Match", `"2"`), 409).json(t, &b)
	if !strings.Contains(b.Error, "is not deleted (it is at version 3)") {
		t.Fatalf("purge of the id created again: %+v", b)
	}
	var rv view
	e.want(e.do("POST", p+"/versions/2/restore", "", "If-Match", `"3"`), 200).json(t, &rv)
	if rv.Version != 4 || rv.Scenario.Metadata.Title != "Edited" {
		t.Fatalf("restored: version %d %q", rv.Version, rv.Scenario.Metadata.Title)
	}
}
