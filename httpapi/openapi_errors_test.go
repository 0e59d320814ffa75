package httpapi_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"parley/httpapi"
)

// openapiErrorDoc is what these tests read of openapi.json: each
// operation's response statuses and the Error schema's codes.
type openapiErrorDoc struct {
	Paths      map[string]map[string]struct{ Responses map[string]json.RawMessage } `json:"paths"`
	Components struct {
		Schemas struct {
			Error struct {
				Properties struct {
					Code struct {
						Enum []string `json:"enum"`
					} `json:"code"`
				} `json:"properties"`
			} `json:"Error"`
		} `json:"schemas"`
	} `json:"components"`
}

func readErrorDoc(t *testing.T) openapiErrorDoc {
	t.Helper()
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc openapiErrorDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// The Error schema's code enum is exactly the codes the server writes:
// the errs codes (errs.go's constants, mapped by fail) and every code
// the server's own source writes as a literal (Code: "…" of an error
// body, code: "…" of a limit's refusal).
func TestOpenAPIErrorCodesAreTheServers(t *testing.T) {
	written := map[string]string{}
	lit := regexp.MustCompile(`\b[Cc]ode: "([a-z_]+)"`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllStringSubmatch(string(b), -1) {
			written[m[1]] = f
		}
	}
	b, err := os.ReadFile("../errs/errs.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`Code = "([a-z_]+)"`).FindAllStringSubmatch(string(b), -1) {
		written[m[1]] = "errs/errs.go"
	}
	for _, c := range []string{"invalid", "argument", "not_found", "conflict", "internal", "rate_limited", "unauthorized", "forbidden", "too_large", "busy", "over_budget", "timeout", "unavailable", "method_not_allowed"} {
		if written[c] == "" {
			t.Errorf("the scan of the server's source missed the code %s", c)
		}
	}
	enum := readErrorDoc(t).Components.Schemas.Error.Properties.Code.Enum
	for c, f := range written {
		if !slices.Contains(enum, c) {
			t.Errorf("the server writes the code %q (%s), which the Error schema's code enum in openapi.json lacks", c, f)
		}
	}
	for _, c := range enum {
		if written[c] == "" {
			t.Errorf("openapi.json's Error code enum lists %q, which the server never writes", c)
		}
	}
}

// Every operation lists the statuses it can answer, and only those:
// 400 (a query parameter it does not read), 403 (a Host it does not
// answer to), 500 (a failure of the server); 401 and 429 where a request
// without the token is refused (every read of /api/ but /api/health off
// loopback, every write); 413 on every write (a body over --max-body).
// Which routes need the token is found by asking a server beyond
// loopback with a token, not assumed.
func TestOpenAPIListsEveryStatus(t *testing.T) {
	const tok = "s3cret-s3cret-s3cret"
	e := newEnv(t, httpapi.Options{Token: tok})
	doc := readErrorDoc(t)
	canWrite := []string{"200", "201", "202", "204", "400", "401", "403", "404", "409", "413", "429", "500", "503"}
	protected := 0
	for _, r := range e.api.Routes() {
		op, ok := doc.Paths[r.Pattern][strings.ToLower(r.Method)]
		if !ok {
			t.Errorf("%s %s: not in openapi.json", r.Method, r.Pattern)
			continue
		}
		var listed []string
		for s := range op.Responses {
			listed = append(listed, s)
		}
		sort.Strings(listed)
		path := strings.NewReplacer("{id}", "nope", "{run}", "nope", "{actor}", "x", "{issue}", "a", "{n}", "1").Replace(r.Pattern)
		e.tok = ""
		noToken := e.do(r.Method, path, "")
		e.tok = tok
		unknownQuery := e.do(r.Method, path+"?zzz=1", "")
		want := []string{"400", "403", "500"}
		if unknownQuery.code != 400 {
			t.Errorf("%s %s?zzz=1: %d %s, want 400", r.Method, r.Pattern, unknownQuery.code, unknownQuery.body)
		}
		if noToken.code == 401 {
			protected++
			want = append(want, "401", "429")
		}
		if r.Method != "GET" {
			want = append(want, "413")
		}
		for _, s := range want {
			if !slices.Contains(listed, s) {
				t.Errorf("%s %s lists responses %v, without %s", r.Method, r.Pattern, listed, s)
			}
		}
		for _, s := range listed {
			if !slices.Contains(canWrite, s) {
				t.Errorf("%s %s lists the response %s, which the server never answers", r.Method, r.Pattern, s)
			}
		}
	}
	if protected != len(e.api.Routes())-1 {
		t.Errorf("%d routes refused a request without the token beyond loopback, want every route but /api/health (%d)", protected, len(e.api.Routes())-1)
	}
}
