package httpapi_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
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
	if b := w.Body.String(); !strings.Contains(b, `"error":"192.0.2.1 sent 3 requests with a wrong bearer token within 1m0s, this server's limit (parley serve --max-auth-failures); every request from there that needs the token is refused for 30 s more; valid: retry in 30 s (Retry-After), with Authorization: Bearer \u003cPARLEY_TOKEN\u003e"`) {
		t.Errorf("the refusal does not say when to retry, and with what: %s", b)
	}
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

// via sends a request as from does, with the headers hdr (name, value, …).
func via(api http.Handler, remote, method, path, tok string, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, "http://127.0.0.1"+path, strings.NewReader("{}"))
	req.RemoteAddr = remote
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Add(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	api.ServeHTTP(w, req)
	return w
}

// Behind a proxy on its own machine, a loopback server gets every
// client's request from 127.0.0.1. A request that carries a header only
// proxies set is relayed, not a local client's: reads of /api/ need the
// token as beyond loopback (they were answered without it, to anyone
// the proxy let in), and a loopback server without a token refuses it,
// naming the header, rather than answer the world's reads and writes.
// /api/health stays public; a local client without those headers is
// served as before.
func TestRelayedRequestIsNotLoopback(t *testing.T) {
	const tok = "s3cret-s3cret-s3cret"
	const local = "127.0.0.1:5000"
	guarded := newEnv(t, httpapi.Options{Token: tok, LoopbackOnly: true})
	open := newEnv(t, httpapi.Options{LoopbackOnly: true})
	if c := via(guarded.api, local, "GET", "/api/scenarios", "").Code; c != 200 {
		t.Fatalf("a local read without the token: %d, want 200", c)
	}
	if c := via(open.api, local, "POST", "/api/scenarios/none/forecast", "").Code; c != 404 {
		t.Fatalf("a local write on a server without a token: %d, want 404 (no such scenario)", c)
	}
	for _, h := range []string{"X-Forwarded-For", "Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP"} {
		w := via(guarded.api, local, "GET", "/api/scenarios", "", h, "203.0.113.9")
		refused(t, h+", no token", resp{w.Code, w.Result().Header, w.Body.Bytes()}, 401, "unauthorized", "every request to /api/ but /api/health")
		if c := via(guarded.api, local, "GET", "/api/scenarios", tok, h, "203.0.113.9").Code; c != 200 {
			t.Errorf("%s, the token: %d, want 200", h, c)
		}
		for _, m := range []string{"GET", "POST"} {
			w = via(open.api, local, m, "/api/scenarios", "", h, "203.0.113.9")
			refused(t, h+", "+m+" on a loopback server without a token", resp{w.Code, w.Result().Header, w.Body.Bytes()}, 403, "forbidden", "came through a proxy ("+http.CanonicalHeaderKey(h)+")", "set PARLEY_TOKEN")
		}
		if c := via(open.api, local, "GET", "/api/health", "", h, "203.0.113.9").Code; c != 200 {
			t.Errorf("%s: health %d, want 200", h, c)
		}
	}
}

// Wrong tokens behind a proxy. X-Forwarded-For from a peer that is not
// a trusted proxy is never believed: a guesser that names a new address
// at each guess is still counted under its own, and refused. From a
// trusted proxy, each client is counted under the address the proxy
// names (the right-most entry that is not a trusted proxy: what the
// client wrote to the left of it is not believed either), so one
// guesser behind the proxy no longer locks out every other client of
// it; the proxy's own requests, and those it names no client for, are
// counted under the proxy.
func TestTokenGuessingBehindAProxy(t *testing.T) {
	const tok = "s3cret-s3cret-s3cret"
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	code := func(w *httptest.ResponseRecorder) int { return w.Code }

	// No proxy trusted: the peer's address counts, whatever it claims.
	e := newEnv(t, httpapi.Options{Token: tok, MaxAuthFailures: 3, Now: clock.Now})
	for i := range 3 {
		if c := code(via(e.api, "192.0.2.1:1", "GET", "/api/scenarios", "wrong-wrong-wrong", "X-Forwarded-For", fmt.Sprintf("198.51.100.%d", i))); c != 401 {
			t.Fatalf("spoofed guess %d: %d, want 401", i+1, c)
		}
	}
	w := via(e.api, "192.0.2.1:1", "GET", "/api/scenarios", tok, "X-Forwarded-For", "198.51.100.77")
	refused(t, "a fourth guess under a new X-Forwarded-For", resp{w.Code, w.Result().Header, w.Body.Bytes()}, 429, "rate_limited", "192.0.2.1 sent 3 requests")

	// The proxy on loopback and one at 10.0.0.2 trusted.
	e = newEnv(t, httpapi.Options{Token: tok, MaxAuthFailures: 3, Now: clock.Now, LoopbackOnly: true,
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::ffff:10.0.0.0/104")}})
	const proxy = "127.0.0.1:6000"
	for i, xff := range []string{"203.0.113.9", "1.1.1.1, 203.0.113.9", "203.0.113.9:4711, 10.0.0.2"} {
		if c := code(via(e.api, proxy, "GET", "/api/scenarios", "wrong-wrong-wrong", "X-Forwarded-For", xff)); c != 401 {
			t.Fatalf("guess %d via the proxy: %d, want 401", i+1, c)
		}
	}
	w = via(e.api, proxy, "GET", "/api/scenarios", tok, "X-Forwarded-For", "9.9.9.9, 203.0.113.9")
	refused(t, "the guesser behind the proxy", resp{w.Code, w.Result().Header, w.Body.Bytes()}, 429, "rate_limited", "203.0.113.9 sent 3 requests")
	if c := code(via(e.api, proxy, "GET", "/api/scenarios", tok, "X-Forwarded-For", "203.0.113.10")); c != 200 {
		t.Errorf("another client behind the proxy: %d, want 200", c)
	}
	// The proxy's own requests need the token (it relays), and count
	// under it, as do those naming no address a client could have.
	if c := code(via(e.api, proxy, "GET", "/api/scenarios", "")); c != 401 {
		t.Errorf("a read from the trusted proxy without the token: %d, want 401", c)
	}
	for i, xff := range []string{"", "unknown", "203.0.113.11, garbage"} {
		hdr := []string{"X-Forwarded-For", xff}
		if xff == "" {
			hdr = nil
		}
		if c := code(via(e.api, proxy, "GET", "/api/scenarios", "wrong-wrong-wrong", hdr...)); c != 401 {
			t.Fatalf("proxy's own guess %d: %d, want 401", i+1, c)
		}
	}
	w = via(e.api, proxy, "GET", "/api/scenarios", tok)
	refused(t, "the proxy after its own 3 guesses", resp{w.Code, w.Result().Header, w.Body.Bytes()}, 429, "rate_limited", "127.0.0.1 sent 3 requests")
	if c := code(via(e.api, proxy, "GET", "/api/scenarios", tok, "X-Forwarded-For", "203.0.113.11")); c != 200 {
		t.Errorf("a client behind the locked-out proxy: %d, want 200", c)
	}
}

// Trusting a proxy needs a token (everything it relays needs one), and
// a trusted proxy that is no address prefix, or no network peers are in
// (ProxyPrefix), is refused, naming it.
func TestTrustedProxiesNeedAToken(t *testing.T) {
	for _, c := range []struct {
		o    httpapi.Options
		want string
	}{
		{httpapi.Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}, "without a token"},
		{httpapi.Options{Token: "s3cret-s3cret-s3cret", TrustedProxies: []netip.Prefix{{}}}, "trusted proxy 1: not a valid address prefix; valid:"},
		// once read as 0.0.0.0/0: every IPv4 peer a proxy
		{httpapi.Options{Token: "s3cret-s3cret-s3cret", TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("::ffff:0:0/80")}}, "trusted proxy 2: ::ffff:0.0.0.0/80 is an IPv4-mapped prefix shorter than /96"},
	} {
		c.o.Store = newEnv(t, httpapi.Options{}).st
		if _, err := httpapi.New(t.Context(), c.o); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("New: %v, want an error saying %q", err, c.want)
		}
	}
}
