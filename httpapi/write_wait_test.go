package httpapi_test

import (
	"context"
	"net"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/httpapi"
	"parley/store"
)

// heldCreates holds every scenario creation, once armed, until release
// is closed, telling entered when one arrives: so a write keeps its
// parsing slot for as long as the test needs.
type heldCreates struct {
	store.Store
	mu      sync.Mutex
	release chan struct{}
	entered chan struct{}
}

// post makes a POST in a goroutine of its own (try), its response sent
// on the channel returned.
func (e *env) post(t *testing.T, path, body string) <-chan resp {
	out := make(chan resp, 1)
	go func() {
		r, err := e.try("POST", path, body)
		if err != nil {
			t.Error(err)
		}
		out <- r
	}()
	return out
}

func (h *heldCreates) arm() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.release, h.entered = make(chan struct{}), make(chan struct{}, 16)
}

func (h *heldCreates) CreateScenario(ctx context.Context, sc *store.Scenario, max int) error {
	h.mu.Lock()
	release, entered := h.release, h.entered
	h.mu.Unlock()
	if release != nil {
		entered <- struct{}{}
		<-release
	}
	return h.Store.CreateScenario(ctx, sc, max)
}

// expiring is a listener whose connections a test can make behave as if
// their read deadline had passed, without waiting for it: reads fail as
// a passed deadline makes them fail, until a new deadline is set.
type expiring struct {
	net.Listener
	mu    sync.Mutex
	conns []*expiringConn
}

func (l *expiring) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return c, err
	}
	ec := &expiringConn{Conn: c}
	l.mu.Lock()
	l.conns = append(l.conns, ec)
	l.mu.Unlock()
	return ec, nil
}

// expire makes the read deadline in force on every connection pass.
func (l *expiring) expire() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.conns {
		c.mu.Lock()
		c.expired = true
		c.mu.Unlock()
	}
}

type expiringConn struct {
	net.Conn
	mu      sync.Mutex
	expired bool
}

func (c *expiringConn) Read(p []byte) (int, error) {
	c.mu.Lock()
	expired := c.expired
	c.mu.Unlock()
	if expired {
		return 0, os.ErrDeadlineExceeded
	}
	return c.Conn.Read(p)
}

func (c *expiringConn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	c.expired = false
	c.mu.Unlock()
	return c.Conn.SetReadDeadline(t)
}

func (c *expiringConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	c.expired = false
	c.mu.Unlock()
	return c.Conn.SetDeadline(t)
}

// A write that waits for one of the slots that parse bodies, for as long
// as the request's read timeout, then gets one, reads its body and is
// saved: it was a 400 "cannot read the request body" (the wait had used
// the read timeout, and the body was read only after it). The read
// deadline is made to pass by the test (expiring), not by waiting.
func TestWriteThatWaitedForASlotIsRead(t *testing.T) {
	held := &heldCreates{}
	e := newEnvWith(t, httpapi.Options{}, func(st store.Store) store.Store { held.Store = st; return held })
	waiting := make(chan struct{}, 16)
	httpapi.SetWriteSlots(e.api, 1, time.Minute, func() { waiting <- struct{}{} })
	// A server of its own, with parley serve's read timeout, on the
	// expiring listener; at, the env that requests it.
	srv := httptest.NewUnstartedServer(e.api)
	ln := &expiring{Listener: srv.Listener}
	srv.Listener = ln
	srv.Config.ReadTimeout = httpapi.ReadTimeout
	srv.Start()
	t.Cleanup(srv.Close)
	at := *e
	at.srv = srv

	held.arm()
	first := e.post(t, "/api/scenarios", small(t))
	<-held.entered // the first write holds the one slot
	// The second's body is larger than the server's read buffer, so that
	// it is read from the connection, not from what came with the headers.
	body := withID(t, small(t), "small-2") + "\n#" + strings.Repeat(" padding", 16<<10) + "\n"
	second := at.post(t, "/api/scenarios", body)
	<-waiting
	ln.expire() // the wait has used the request's read timeout
	close(held.release)
	if r := <-first; r.code != 201 {
		t.Fatalf("the first write: %d %s", r.code, r.body)
	}
	held.mu.Lock()
	held.release = nil
	held.mu.Unlock()
	if r := <-second; r.code != 201 {
		t.Fatalf("a write that waited for a slot past its read deadline: %d %s, want 201", r.code, r.body)
	}
}

// A write that gets no slot to parse its body within the wait is 503
// busy with Retry-After, never a 400: the server is busy, the request
// was fine.
func TestWriteThatGetsNoSlotIsBusy(t *testing.T) {
	held := &heldCreates{}
	e := newEnvWith(t, httpapi.Options{}, func(st store.Store) store.Store { held.Store = st; return held })
	httpapi.SetWriteSlots(e.api, 1, time.Nanosecond, nil)
	held.arm()
	first := e.post(t, "/api/scenarios", small(t))
	<-held.entered
	for _, path := range []string{"/api/scenarios", "/api/scenarios/import"} {
		r := e.do("POST", path, small(t))
		refused(t, "a write while the slot is held", r, 503, "busy", "1 request bodies at once", "try again")
	}
	close(held.release)
	if r := <-first; r.code != 201 {
		t.Fatalf("the first write: %d %s", r.code, r.body)
	}
}
