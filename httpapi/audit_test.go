package httpapi_test

import (
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"parley/cli"
	"parley/httpapi"
	"parley/scenarios"
)

// A sensitivity job of fewer than 4 draws (whose variance shares are NaN,
// which JSON cannot hold: the job had failed with "json: unsupported
// value: NaN") is refused when it is submitted, naming draws and the
// valid range; 4 draws run.
func TestSensitivityJobDraws(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	p := "/api/scenarios/" + createBuiltin(e) + "/runs"
	for _, d := range []string{"1", "3", "0", "-1"} {
		b := hinRefused(t, e, "POST", p, `{"kind":"sensitivity","draws":`+d+`}`, 400, "draws "+d+": valid: a whole number from 4 to 1000000")
		if b.Code != "argument" {
			t.Errorf("draws %s: code %s", d, b.Code)
		}
	}
	var run struct{ ID string }
	e.want(e.do("POST", p, `{"kind":"sensitivity","draws":4}`), 202).json(t, &run)
	var got struct{ Status, Error string }
	e.do("POST", "/api/runs/"+run.ID+"/cancel", "") // waits for its end, or says it has ended
	e.want(e.do("GET", "/api/runs/"+run.ID, ""), 200).json(t, &got)
	if got.Status != "done" && got.Status != "cancelled" {
		t.Fatalf("4 draws: %+v", got)
	}
}

// Deleting a scenario cancels its queued and running jobs: they give
// back their places (here the one --max-queued place, so the next job is
// accepted at once) and their end is not logged as an error.
func TestDeleteCancelsJobs(t *testing.T) {
	var log syncBuffer
	e := newEnv(t, httpapi.Options{MaxJobs: 1, MaxQueued: 1, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	var big view
	e.want(e.do("POST", "/api/scenarios", string(generated(t, 100, 5))), 201).json(t, &big)
	other := createBuiltin(e)
	// smp over 10,000 draws of 100 actors: a minute or more, if it ran.
	var run struct{ ID string }
	e.want(e.do("POST", "/api/scenarios/"+big.ID+"/runs", `{"kind":"sweep","models":["smp"],"draws":10000}`), 202).json(t, &run)
	refused(t, "a second job", e.do("POST", "/api/scenarios/"+other+"/runs", `{"kind":"forecast"}`), 503, "busy", "--max-queued")
	e.want(e.do("DELETE", "/api/scenarios/"+big.ID, "", "If-Match", "*"), 204)
	e.want(e.do("GET", "/api/runs/"+run.ID, ""), 404)
	e.want(e.do("POST", "/api/scenarios/"+other+"/runs", `{"kind":"forecast","models":["compromise"]}`), 202)
	if l := log.String(); strings.Contains(l, "level=ERROR") {
		t.Fatalf("log:\n%s", l)
	}
}

// Every error has a request_id, 404 and 405 among them, equal to the
// X-Request-Id header.
func TestErrorsHaveRequestID(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	id := createBuiltin(e)
	for _, c := range []struct {
		method, path string
		code         int
	}{
		{"GET", "/api/nonexistent", 404},
		{"POST", "/api/nonexistent", 404},
		{"GET", "/api/scenarios/" + id + "/forecast", 405},
		{"DELETE", "/api/openapi.json", 405},
		{"GET", "/api/scenarios/nope", 404},
	} {
		r := e.want(e.do(c.method, c.path, ""), c.code)
		var b struct {
			Code      string `json:"code"`
			RequestID string `json:"request_id"`
		}
		r.json(t, &b)
		if b.RequestID == "" || b.RequestID != r.hdr.Get("X-Request-Id") {
			t.Errorf("%s %s: request_id %q, header %q", c.method, c.path, b.RequestID, r.hdr.Get("X-Request-Id"))
		}
	}
}

// A missing file under assets/ is a 404, not the index page; a page
// route still gets the index (the app routes on the client).
func TestMissingAsset(t *testing.T) {
	web := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><p>app")}, "assets/app.js": {Data: []byte("let x = 1")}}
	e := newEnv(t, httpapi.Options{Web: web})
	for _, c := range []struct {
		path, ctype string
		code        int
		body        string
	}{
		{"/assets/missing.js", "text/plain", 404, "no file /assets/missing.js"},
		{"/assets/", "text/plain", 404, "no file /assets/"},
		{"/assets/app.js", "text/javascript", 200, "let x = 1"},
		{"/scenarios/abc", "text/html", 200, "<p>app"},
		{"/", "text/html", 200, "<p>app"},
	} {
		r := e.want(e.do("GET", c.path, ""), c.code)
		if !strings.HasPrefix(r.hdr.Get("Content-Type"), c.ctype) || !strings.Contains(string(r.body), c.body) {
			t.Errorf("%s: %d %s %q", c.path, r.code, r.hdr.Get("Content-Type"), r.body)
		}
	}
}

// parley serve refuses at start a token no request could present (white
// space: HTTP trims the header) or one shorter than 16 characters, and
// says a duration flag wants a duration.
func TestServeRefusesBadSettings(t *testing.T) {
	for _, c := range []struct {
		token string
		args  []string
		want  string
	}{
		{" ", nil, "white space only"},
		{"\t\n", nil, "white space only"},
		{" 0123456789abcdef0123", nil, "white space at its start or end"},
		{"0123456789abcdef0123 ", nil, "white space at its start or end"},
		{"x", nil, "PARLEY_TOKEN has 1 characters; valid: at least 16"},
		{"0123456789abcde", nil, "PARLEY_TOKEN has 15 characters; valid: at least 16"},
		{"", []string{"--inline-timeout", "-1s"}, "--inline-timeout -1s: valid: a duration > 0, such as 30s or 2m"},
		{"", []string{"--keep-runs-for", "-5m"}, "--keep-runs-for -5m0s: valid: 0 (no limit) or a duration > 0"},
	} {
		t.Setenv("PARLEY_TOKEN", c.token)
		var stderr strings.Builder
		args := append([]string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "x.db")}, c.args...)
		code := cli.Main(args, strings.NewReader(""), io.Discard, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("token %q %v: exit %d, stderr %q; want 2 and %q", c.token, c.args, code, stderr.String(), c.want)
		}
	}
	// 16 characters is enough: httpapi.New takes it.
	if err := httpapi.CheckToken("0123456789abcdef"); err != nil {
		t.Fatal(err)
	}
}

// Input that was silently accepted is refused, naming the field and what
// is valid; the same kind of mistake has the same code (argument: a
// setting of the request that is not valid).
func TestSilentInputRefused(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	id := createBuiltin(e)
	p := "/api/scenarios/" + id
	_, yaml := scenarios.Default()
	for _, c := range []struct {
		method, path, body string
		want               []string
	}{
		{"POST", "/api/scenarios?strict=maybe", string(yaml), []string{`strict: "maybe"; valid: true`}},
		{"PUT", p + "?strict=1&version=1", string(yaml), []string{`strict: "1"; valid: true`}},
		{"GET", p + "/export?to=decide&format=json", "", []string{`format: "json" with to: "decide"; valid: one of them`}},
		{"GET", p + "/export?format=xml", "", []string{`format: "xml"; valid: yaml or json`}},
		{"POST", p + "/deal/evaluate", `{"robust":{"draws":-1}}`, []string{"robust draws -1: valid: 1 to 1000000 (0: 500)"}},
		{"POST", p + "/deal/search", `{"robust":{"draws":-1}}`, []string{"robust draws -1: valid"}},
		{"POST", p + "/runs", `{"kind":"deal","robust":{"draws":2000000}}`, []string{"robust draws 2000000: valid"}},
		{"POST", p + "/runs", `{"kind":5}`, []string{"request body: kind: a number; give a string, one of forecast, "}},
	} {
		if b := hinRefused(t, e, c.method, c.path, c.body, 400, c.want...); b.Code != "argument" {
			t.Errorf("%s %s: code %s", c.method, c.path, b.Code)
		}
	}
	// strict=true and strict=false still work.
	e.want(e.do("POST", "/api/scenarios?strict=false", withID(t, string(yaml), "again")), 201)
	e.want(e.do("GET", p+"/export?to=decide", ""), 200)
}
