package httpapi_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"parley/answer"
	"parley/docs"
	"parley/httpapi"
)

// TestDocsServed: /docs/NAME.md is the repository's file, as plain
// text, without a token even beyond loopback (the documents are the
// same in every binary, like the page's files), while the list at
// /api/docs is an API read like any other; an unknown name is a 404
// that lists the names there are; /docs/ lists them.
func TestDocsServed(t *testing.T) {
	const tok = "0123456789abcdef0123"
	e := newEnv(t, httpapi.Options{Token: tok})
	e.tok = "" // ask as a client without the token, beyond loopback

	want, err := os.ReadFile("../docs/limits.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/docs/limits.md", "/docs/limits"} {
		r := e.want(e.do("GET", p, ""), 200)
		if string(r.body) != string(want) {
			t.Errorf("GET %s: %d bytes, want limits.md's %d", p, len(r.body), len(want))
		}
		if ct := r.hdr.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q, want text/plain; charset=utf-8", p, ct)
		}
	}
	r := e.want(e.do("GET", "/docs/nosuch.md", ""), 404)
	if !strings.Contains(string(r.body), `no document "nosuch.md"; valid: DECISIONS, brief-ukraine-2025`) {
		t.Errorf("GET /docs/nosuch.md: %s", r.body)
	}
	e.want(e.do("GET", "/docs/..%2f..%2fgo.mod", ""), 404)
	idx := e.want(e.do("GET", "/docs/", ""), 200)
	for _, line := range []string{"/docs/limits.md", "Limits", "/docs/format.md", "The scenario file format"} {
		if !strings.Contains(string(idx.body), line) {
			t.Errorf("GET /docs/ lacks %q:\n%s", line, idx.body)
		}
	}
	// A write is refused as anywhere else.
	e.want(e.do("POST", "/docs/limits.md", "x"), 401)

	e.want(e.do("GET", "/api/docs", ""), 401)
	e.tok = tok
	var list []answer.Document
	e.want(e.do("GET", "/api/docs", ""), 200).json(t, &list)
	wantList, _ := json.Marshal(docs.List())
	if got, _ := json.Marshal(list); string(got) != string(wantList) || len(list) < 10 {
		t.Errorf("GET /api/docs = %s\nwant docs.List() %s", got, wantList)
	}
}
