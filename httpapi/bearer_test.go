package httpapi_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"parley/httpapi"
)

// withAuth sends GET /api/scenarios from a non-loopback address with the
// Authorization header auth ("" sends none).
func withAuth(api *httpapi.Server, auth string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("GET", "http://127.0.0.1/api/scenarios", nil)
	req.RemoteAddr = "192.0.2.9:4000"
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	w := httptest.NewRecorder()
	api.ServeHTTP(w, req)
	return w
}

// The scheme of Authorization is case-insensitive (RFC 7235, 2.1):
// "bearer TOKEN" and "BEARER TOKEN" are the token, and are not counted
// as wrong ones. A request without the header, with another scheme and
// with a wrong token are each told which it was.
func TestBearerSchemeAnyCase(t *testing.T) {
	const tok = "s3cret-s3cret-s3cret"
	e := newEnv(t, httpapi.Options{Token: tok, MaxAuthFailures: 1})
	for _, auth := range []string{"bearer " + tok, "BEARER " + tok, "Bearer " + tok, "bEaReR  " + tok} {
		for range 2 {
			if w := withAuth(e.api, auth); w.Code != 200 {
				t.Fatalf("%q: %d %s, want 200", auth, w.Code, w.Body)
			}
		}
	}
	for _, c := range []struct{ auth, says string }{
		{"", "no Authorization header; valid: Authorization: Bearer <PARLEY_TOKEN>"},
		{"Basic dXNlcjpwYXNz", `Authorization scheme "Basic"; valid: Authorization: Bearer <PARLEY_TOKEN>`},
		{"bearer wrong-wrong-wrong", "the bearer token is not this server's PARLEY_TOKEN; valid: Authorization: Bearer <PARLEY_TOKEN>"},
	} {
		w := withAuth(e.api, c.auth)
		refused(t, c.auth, resp{w.Code, w.Result().Header, w.Body.Bytes()}, 401, "unauthorized", c.says, "for every request to /api/ but /api/health")
		if strings.Contains(w.Body.String(), "wrong-wrong") {
			t.Errorf("%q: the message repeats the token sent: %s", c.auth, w.Body)
		}
	}
	// The wrong token above was the one MaxAuthFailures allows.
	if w := withAuth(e.api, "bearer "+tok); w.Code != 429 {
		t.Errorf("after a wrong token: %d, want 429", w.Code)
	}
}
