package httpapi_test

import (
	"testing"

	"parley/httpapi"
)

// A PUT of the bytes already stored saves nothing, as a /document of an
// unchanged scenario does: 200 with the current version, no new version,
// none kept. A stale version is still a 409, and a changed file still a
// new version. TestOnPostgres runs it on PostgreSQL too.
func TestPutUnchangedSavesNothing(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	body := small(t)
	v := e.create(body)
	var got view
	r := e.want(e.do("PUT", "/api/scenarios/"+v.ID, body, "If-Match", `"1"`), 200)
	r.json(t, &got)
	if got.Version != 1 || r.hdr.Get("ETag") != `"1"` {
		t.Fatalf("PUT of the same bytes: version %d, ETag %s; want 1, \"1\"", got.Version, r.hdr.Get("ETag"))
	}
	var versions []struct {
		Version int64 `json:"version"`
	}
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/versions", ""), 200).json(t, &versions)
	if len(versions) != 1 || versions[0].Version != 1 {
		t.Fatalf("versions after an unchanged PUT: %+v, want only 1", versions)
	}
	changed := body + "\n# a comment\n"
	e.want(e.do("PUT", "/api/scenarios/"+v.ID, changed, "If-Match", `"1"`), 200).json(t, &got)
	if got.Version != 2 {
		t.Fatalf("PUT of a changed file: version %d, want 2", got.Version)
	}
	// The stored bytes under a stale version: a conflict still.
	e.want(e.do("PUT", "/api/scenarios/"+v.ID, changed, "If-Match", `"1"`), 409)
	e.want(e.do("PUT", "/api/scenarios/"+v.ID, changed, "If-Match", `"2"`), 200).json(t, &got)
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/versions", ""), 200).json(t, &versions)
	if got.Version != 2 || len(versions) != 2 {
		t.Fatalf("a second PUT of the changed file: version %d, %d versions; want 2, 2", got.Version, len(versions))
	}
}
