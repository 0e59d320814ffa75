package httpapi_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/httpapi"
)

// fakeClock is a clock a test moves by hand.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// from sends a request to the server as if from remote (host:port),
// with the token tok ("" sends no Authorization header).
func from(api http.Handler, remote, method, path, tok string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, "http://127.0.0.1"+path, strings.NewReader("{}"))
	req.RemoteAddr = remote
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	w := httptest.NewRecorder()
	api.ServeHTTP(w, req)
	return w
}

// Guessing the token is bounded: past MaxAuthFailures wrong tokens from
// one address within AuthWindow, every request from there that needs the
// token is 429 with Retry-After (the right token too, or the difference
// would tell a guess) until the window ends; other addresses, requests
// that need no token, and requests without a token (the web page sends
// one before it asks for the token) are not held against it. An IPv6
// address counts with the rest of its /64.
func TestTokenGuessingLimited(t *testing.T) {
	const tok = "s3cret-s3cret-s3cret"
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	var log bytes.Buffer
	e := newEnv(t, httpapi.Options{Token: tok, MaxAuthFailures: 3, AuthWindow: time.Minute, Now: clock.Now, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	api := e.api
	const guesser, other = "192.0.2.1:4000", "192.0.2.2:4000"
	code := func(w *httptest.ResponseRecorder) int { return w.Code }
	for range 5 {
		if c := code(from(api, guesser, "GET", "/api/scenarios", "")); c != 401 {
			t.Fatalf("no token: %d, want 401", c)
		}
	}
	for i := range 3 {
		if c := code(from(api, guesser, "POST", "/api/scenarios", "guess-guess-guess-"+string(rune('a'+i)))); c != 401 {
			t.Fatalf("wrong token %d: %d, want 401", i+1, c)
		}
		clock.add(10 * time.Second)
	}
	// 30 s into the window of the first wrong token.
	w := from(api, guesser, "POST", "/api/scenarios", "guess-guess-guess-d")
	refused(t, "a fourth wrong token", resp{w.Code, w.Result().Header, w.Body.Bytes()}, 429, "rate_limited", "192.0.2.1 sent 3 requests with a wrong bearer token within 1m0s", "--max-auth-failures", "30 s more")
	if ra := w.Result().Header.Get("Retry-After"); ra != "30" {
		t.Errorf("Retry-After %q, want 30", ra)
	}
	if c := code(from(api, guesser, "GET", "/api/scenarios", tok)); c != 429 {
		t.Errorf("the right token from an address refused: %d, want 429", c)
	}
	if n := strings.Count(log.String(), "refusing an address"); n != 1 {
		t.Errorf("the server logged %d lockouts of one address, want 1:\n%s", n, log.String())
	}
	if c := code(from(api, guesser, "GET", "/api/health", "")); c != 200 {
		t.Errorf("health from an address refused: %d, want 200", c)
	}
	if c := code(from(api, other, "GET", "/api/scenarios", tok)); c != 200 {
		t.Errorf("another address: %d, want 200", c)
	}
	clock.add(29 * time.Second)
	if w := from(api, guesser, "GET", "/api/scenarios", tok); w.Code != 429 || w.Result().Header.Get("Retry-After") != "1" {
		t.Errorf("a second before the window ends: %d, Retry-After %q; want 429, 1", w.Code, w.Result().Header.Get("Retry-After"))
	}
	clock.add(time.Second)
	if c := code(from(api, guesser, "GET", "/api/scenarios", tok)); c != 200 {
		t.Errorf("once the window ended, the right token: %d, want 200", c)
	}
	// A new window: three wrong tokens again before a refusal.
	for i := range 3 {
		if c := code(from(api, guesser, "GET", "/api/scenarios", "wrong-wrong-wrong")); c != 401 {
			t.Fatalf("new window, wrong token %d: %d, want 401", i+1, c)
		}
	}
	if c := code(from(api, guesser, "GET", "/api/scenarios", "wrong-wrong-wrong")); c != 429 {
		t.Errorf("new window, fourth wrong token: %d, want 429", c)
	}
	// IPv6: the addresses of one /64 count together.
	for i, a := range []string{"[2001:db8::1]:1", "[2001:db8::2]:1", "[2001:db8::3:4]:1"} {
		if c := code(from(api, a, "GET", "/api/scenarios", "wrong-wrong-wrong")); c != 401 {
			t.Fatalf("IPv6 wrong token %d: %d", i+1, c)
		}
	}
	if c := code(from(api, "[2001:db8::ffff]:1", "GET", "/api/scenarios", tok)); c != 429 {
		t.Errorf("another address of the same /64: %d, want 429", c)
	}
	if c := code(from(api, "[2001:db8:0:1::1]:1", "GET", "/api/scenarios", tok)); c != 200 {
		t.Errorf("an address of another /64: %d, want 200", c)
	}
}

// With no limit (negative MaxAuthFailures, --max-auth-failures 0) wrong
// tokens are only 401s.
func TestTokenGuessingUnlimited(t *testing.T) {
	const tok = "s3cret-s3cret-s3cret"
	e := newEnv(t, httpapi.Options{Token: tok, MaxAuthFailures: -1})
	for i := range 50 {
		if c := from(e.api, "192.0.2.1:1", "GET", "/api/scenarios", "wrong-wrong-wrong").Code; c != 401 {
			t.Fatalf("wrong token %d: %d, want 401", i+1, c)
		}
	}
	if c := from(e.api, "192.0.2.1:1", "GET", "/api/scenarios", tok).Code; c != 200 {
		t.Fatalf("right token: %d", c)
	}
}
