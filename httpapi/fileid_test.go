package httpapi_test

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"parley/httpapi"
)

// TestCreateTakesTheFilesID: POST /api/scenarios (and import of a
// scenario file) stores the scenario under the id its file names
// (metadata.id), in its URL; a second file of that id is a 409 that
// names the id and says to PUT to replace it; an id that cannot be a
// URL's segment, or names an API path, is a 400 at metadata.id saying
// what is valid. Before, every create got a random id.
func TestCreateTakesTheFilesID(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	body := small(t)
	r := e.want(e.do("POST", "/api/scenarios", body), 201)
	if got := r.hdr.Get("Location"); got != "/api/scenarios/small" {
		t.Fatalf("Location %q, want /api/scenarios/small", got)
	}
	var v view
	r.json(t, &v)
	if v.ID != "small" || v.Version != 1 {
		t.Fatalf("created %s version %d, want small version 1", v.ID, v.Version)
	}
	e.want(e.do("GET", "/api/scenarios/small", ""), 200)

	const dup = `a scenario with id "small" (the file's metadata.id) already exists; valid: PUT /api/scenarios/small with its version (If-Match) to replace it with this file, or another metadata.id to create a new scenario`
	for _, path := range []string{"/api/scenarios", "/api/scenarios/import", "/api/scenarios?as=json"} {
		var b struct {
			errBody
			Field string `json:"field"`
		}
		e.want(e.do("POST", path, body), 409).json(t, &b)
		if b.Code != "conflict" || b.Error != dup || b.Field != "metadata.id" {
			t.Errorf("POST %s again: %+v\nwant conflict at metadata.id: %s", path, b, dup)
		}
	}
	// The stored file is the first one still.
	var l []view
	e.want(e.do("GET", "/api/scenarios", ""), 200).json(t, &l)
	if len(l) != 1 {
		t.Fatalf("%d scenarios stored, want 1", len(l))
	}

	// Import of a scenario file follows the same rule.
	r = e.want(e.do("POST", "/api/scenarios/import?filename=other.yaml", withID(t, body, "Other_case.v2")), 201)
	if got := r.hdr.Get("Location"); got != "/api/scenarios/Other_case.v2" {
		t.Fatalf("import: Location %q", got)
	}

	for _, c := range []struct{ id, bad string }{
		{"two words", `"two words" holds ' '`},
		{"-lead", `"-lead" starts with '-'`},
		{"..", `".." starts with '.'`},
		{"a/b", `"a/b" holds '/'`},
		{"été", `"été" starts with 'é'`},
		{"deleted", `"deleted" is the name of an API path (/api/scenarios/deleted)`},
		{"import", `"import" is the name of an API path (/api/scenarios/import)`},
		{strings.Repeat("x", 65), "65 bytes, over 64"},
	} {
		var b errBody
		e.want(e.do("POST", "/api/scenarios", withID(t, body, `"`+c.id+`"`)), 400).json(t, &b)
		want := "metadata.id: " + c.bad + ": the id of the scenario stored, in its URL (/api/scenarios/{id})"
		if b.Code != "invalid" || len(b.Diagnostics) != 1 || b.Diagnostics[0].Path != "metadata.id" || b.Diagnostics[0].Message != want ||
			b.Diagnostics[0].Valid != "1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter or a digit (the characters of the ids Parley makes), and not deleted or import (names the API's paths take)" {
			t.Errorf("id %q: %+v\nwant at metadata.id: %s", c.id, b, want)
		}
	}
	// 64 bytes is the limit, and is taken.
	long := strings.Repeat("x", 64)
	e.want(e.do("POST", "/api/scenarios", withID(t, body, long)), 201)
	e.want(e.do("GET", "/api/scenarios/"+long, ""), 200)
}

// TestCreateAtADeletedID: a file whose id is a deleted scenario's,
// whose history the store keeps, is that id's next version, the old
// versions kept before it (nothing lost, no version number naming two
// files) and the answer notes it.
func TestCreateAtADeletedID(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	body := small(t)
	e.create(body)
	e.want(e.do("PUT", "/api/scenarios/small", strings.Replace(body, "title: Small test case", "title: Edited", 1), "If-Match", `"1"`), 200)
	e.want(e.do("DELETE", "/api/scenarios/small", "", "If-Match", `"2"`), 204)
	var v struct {
		view
		Notes []string `json:"notes"`
	}
	r := e.want(e.do("POST", "/api/scenarios", strings.Replace(body, "title: Small test case", "title: Anew", 1)), 201)
	r.json(t, &v)
	want := []string{`"small" was the id of a deleted scenario whose history is kept: this file is its version 3, after the version deleted, and the earlier versions stay in its history, restorable (GET /api/scenarios/small/versions lists them)`}
	if v.ID != "small" || v.Version != 3 || v.Name != "Anew" || r.hdr.Get("ETag") != `"3"` || len(v.Notes) != 1 || v.Notes[0] != want[0] {
		t.Fatalf("created %s version %d %q, notes %q; want small version 3 Anew, notes %q", v.ID, v.Version, v.Name, v.Notes, want)
	}
	var vs []struct {
		Version    int64  `json:"version"`
		Name       string `json:"name"`
		ReplacedBy string `json:"replaced_by"`
	}
	e.want(e.do("GET", "/api/scenarios/small/versions", ""), 200).json(t, &vs)
	b, _ := json.Marshal(vs)
	if got := string(b); got != `[{"version":3,"name":"Anew","replaced_by":""},{"version":2,"name":"Edited","replaced_by":"delete"},{"version":1,"name":"Small test case","replaced_by":"edit"}]` {
		t.Fatalf("versions %s", got)
	}
	// A first create has no note.
	var fresh struct {
		Notes []string `json:"notes"`
	}
	e.want(e.do("POST", "/api/scenarios", withID(t, body, "fresh")), 201).json(t, &fresh)
	if fresh.Notes != nil {
		t.Fatalf("a new id: notes %q", fresh.Notes)
	}
}

// TestImportOfAPeerFileGetsANewID: a peer format's file converted has
// an id its converter made of names, not one the person wrote: each
// import is a new scenario under a random id, as before.
func TestImportOfAPeerFileGetsANewID(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	data, err := os.ReadFile("../model/bdm/testdata/eu_emissions_bdm1994.csv")
	if err != nil {
		t.Fatal(err)
	}
	hex := regexp.MustCompile(`^[0-9a-f]{16}$`)
	var ids []string
	for range 2 {
		var v view
		e.want(e.do("POST", "/api/scenarios/import?format=bdmcsv&filename=eu.csv", string(data)), 201).json(t, &v)
		if !hex.MatchString(v.ID) {
			t.Fatalf("imported as %q, want a random id", v.ID)
		}
		ids = append(ids, v.ID)
	}
	if ids[0] == ids[1] {
		t.Fatalf("two imports, one id %s", ids[0])
	}
}
