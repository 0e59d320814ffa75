package httpapi_test

// The server's promises (docs/serve.md, "Security"; docs/limits.md,
// "Running (server)"): it admits only work it can finish, and a write
// never silently overwrites another.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"parley/httpapi"
	"parley/store"
)

// Every kind GET /api/kinds lists starts as a job (202) and finishes
// (backtest and deal-proposals were a 500 while ask.Check knew neither),
// and a request of either that could never run is refused at once with
// 400 naming its field, a backtest's end date too (it was queued, then
// failed).
func TestEveryKindStartsAsJob(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	var kinds []string
	e.want(e.do("GET", "/api/kinds", ""), 200).json(t, &kinds)
	if !slices.Contains(kinds, "backtest") || !slices.Contains(kinds, "deal-proposals") {
		t.Fatalf("kinds %v", kinds)
	}
	// What the small case needs besides the defaults (it has no status quo
	// and no decision rule), and fewer draws.
	extra := map[string]string{"advise": `,"actor":"x","draws":3`, "sweep": `,"draws":20`, "sensitivity": `,"draws":20`,
		"deal": `,"package":{"a":40,"b":40}`, "power": `,"quota":2,"weights":[1,1,1]`}
	for _, k := range kinds {
		var r run
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind":"`+k+`"`+extra[k]+`}`), 202).json(t, &r)
		e.events(r.ID)
		e.want(e.do("GET", "/api/runs/"+r.ID, ""), 200).json(t, &r)
		if r.Status != store.Done || string(r.Kind) != k {
			t.Errorf("job of kind %s: %s %s", k, r.Status, r.Error)
		}
	}
	for body, field := range map[string]string{
		`{"kind":"backtest","to":"soon"}`:          `to "soon"`,
		`{"kind":"backtest","models":["nope"]}`:    `unknown model "nope"`,
		`{"kind":"deal-proposals","rho":-1}`:       "rho -1",
		`{"kind":"deal-proposals","models":["x"]}`: `unknown model "x"`,
	} {
		var b errBody
		e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", body), 400).json(t, &b)
		if b.Code != "argument" || !strings.Contains(b.Error, field) {
			t.Errorf("%s: %+v, want an argument error naming %s", body, b, field)
		}
	}
	var runs []json.RawMessage
	e.want(e.do("GET", "/api/scenarios/"+v.ID+"/runs", ""), 200).json(t, &runs)
	if len(runs) != len(kinds) {
		t.Errorf("%d runs stored for %d kinds: a refused request stored one", len(runs), len(kinds))
	}
}

// longJob starts a job that runs until the test ends (it is cancelled
// then) and that reports progress all along: a sweep of smp over a
// million draws.
func longJob(t *testing.T, e *env, scenarioID string) run {
	t.Helper()
	var job run
	e.want(e.do("POST", "/api/scenarios/"+scenarioID+"/runs", `{"kind":"sweep","models":["smp"],"draws":1000000}`), 202).json(t, &job)
	t.Cleanup(func() { e.do("POST", "/api/runs/"+job.ID+"/cancel", "") })
	return job
}

// stream opens the run's event stream at base; when it is admitted it
// reads up to the first event, so the stream holds its place.
func stream(t *testing.T, base, id string) (*http.Response, resp) {
	t.Helper()
	res, err := http.Get(base + "/api/runs/" + id + "/events")
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 {
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return nil, resp{res.StatusCode, res.Header, b}
	}
	line, err := bufio.NewReader(res.Body).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "event: ") {
		t.Fatalf("first line of the stream: %q, %v", line, err)
	}
	return res, resp{code: 200}
}

// admitted opens the run's event stream until it is admitted, each
// refusal a 503 busy; the stream holding the place is going away.
func admitted(t *testing.T, base, id string) *http.Response {
	t.Helper()
	for range 3000 {
		res, r := stream(t, base, id)
		if res != nil {
			return res
		}
		refused(t, "a stream over --max-streams", r, 503, "busy", "--max-streams")
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the stream was never admitted: the one before it still holds its place")
	return nil
}

// Event streams hold a goroutine and a connection each for as long as
// their run goes on: MaxStreams of them at once, a further one is 503
// busy naming --max-streams, and a stream closed gives its place back.
func TestEventStreamsCapped(t *testing.T) {
	e := newEnv(t, httpapi.Options{MaxStreams: 2})
	v := e.create(small(t))
	job := longJob(t, e, v.ID)
	var open []*http.Response
	for range 2 {
		res, r := stream(t, e.srv.URL, job.ID)
		if res == nil {
			t.Fatalf("stream within the limit: %d %s", r.code, r.body)
		}
		open = append(open, res)
	}
	_, r := stream(t, e.srv.URL, job.ID)
	refused(t, "a third stream", r, 503, "busy", "2 event streams", "--max-streams", "GET /api/runs/"+job.ID)
	open[0].Body.Close()
	open[0] = admitted(t, e.srv.URL, job.ID)
	for _, res := range open {
		res.Body.Close()
	}
}

// smallBuffers gives each accepted connection a small send buffer, so
// that a client that stops reading fills it within a few events.
type smallBuffers struct{ net.Listener }

func (l smallBuffers) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetWriteBuffer(4096)
	}
	return c, err
}

// A client that opens an event stream and stops reading, its socket
// open, is dropped once a write waits StreamWriteTimeout: before, the
// stream cleared its write deadline and its goroutine and connection
// stayed blocked in a write for as long as the client kept the socket
// open, the run long finished (shown on `parley serve`: the server's
// Send-Q full a minute after the run ended).
func TestEventStreamDropsAClientThatStopsReading(t *testing.T) {
	e := newEnv(t, httpapi.Options{MaxStreams: 1, StreamWriteTimeout: 50 * time.Millisecond})
	srv := httptest.NewUnstartedServer(e.api)
	srv.Listener = smallBuffers{srv.Listener}
	srv.Start()
	defer srv.Close()
	v := e.create(small(t))
	job := longJob(t, e, v.ID)
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.(*net.TCPConn).SetReadBuffer(4096)
	fmt.Fprintf(conn, "GET /api/runs/%s/events HTTP/1.1\r\nHost: %s\r\n\r\n", job.ID, srv.Listener.Addr())
	// It never reads; the stream's one place frees once it is dropped.
	admitted(t, srv.URL, job.ID).Body.Close()
}

// Writers that all edited version 1 of a scenario, at once, through each
// of the routes that edit it (the file replaced, the document saved over
// it, a stance patched): exactly one is saved, as version 2, and every
// other is a 409 conflict, so no edit is silently lost under another.
func TestConcurrentEditsLoseNoUpdate(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	body := small(t)
	const each = 3
	for round := range 4 {
		v := e.create(withID(t, body, fmt.Sprintf("small-%d", round)))
		var doc struct {
			Scenario map[string]any `json:"scenario"`
		}
		e.want(e.do("GET", "/api/scenarios/"+v.ID, ""), 200).json(t, &doc)
		type write struct {
			method, path, body string
			hdr                []string
			// title and position (y on b, at base) after it
			title    string
			position float64
		}
		var writes []write
		for n := range each {
			title := fmt.Sprintf("Put %d", n)
			writes = append(writes, write{"PUT", "", strings.Replace(body, "Small test case", title, 1), []string{"If-Match", `"1"`}, title, 50})
			doc.Scenario["metadata"].(map[string]any)["title"] = fmt.Sprintf("Doc %d", n)
			b, err := json.Marshal(doc.Scenario)
			if err != nil {
				t.Fatal(err)
			}
			writes = append(writes, write{"PUT", "/document", string(b), []string{"If-Match", `"1"`}, fmt.Sprintf("Doc %d", n), 50})
			writes = append(writes, write{"PATCH", "/stances/y/b", fmt.Sprintf(`{"version":1,"snapshot":"base","position":%d}`, 10+n), nil, "Small test case", float64(10 + n)})
		}
		got := make([]resp, len(writes))
		var start, wg sync.WaitGroup
		start.Add(1)
		for i, w := range writes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				start.Wait()
				var err error
				if got[i], err = e.try(w.method, "/api/scenarios/"+v.ID+w.path, w.body, w.hdr...); err != nil {
					t.Errorf("round %d: %s %s: %v", round, w.method, w.path, err)
				}
			}()
		}
		start.Done()
		wg.Wait()
		if t.Failed() {
			t.FailNow()
		}
		winner := -1
		for i, r := range got {
			switch r.code {
			case 200:
				if winner >= 0 {
					t.Fatalf("round %d: %s %s and %s %s both saved version 1", round, writes[winner].method, writes[winner].path, writes[i].method, writes[i].path)
				}
				winner = i
			case 409:
				refused(t, writes[i].method+" "+writes[i].path, r, 409, "conflict", "version 2, not 1")
			default:
				t.Fatalf("round %d: %s %s: %d %s", round, writes[i].method, writes[i].path, r.code, r.body)
			}
		}
		if winner < 0 {
			t.Fatalf("round %d: no write was saved", round)
		}
		var now view
		e.want(e.do("GET", "/api/scenarios/"+v.ID, ""), 200).json(t, &now)
		w := writes[winner]
		if now.Version != 2 || now.Scenario.Metadata.Title != w.title || now.Scenario.Stance("y", "b").Position != w.position {
			t.Fatalf("round %d: %s %s won, but the scenario is at version %d, titled %q, y on b at %g", round, w.method, w.path, now.Version, now.Scenario.Metadata.Title, now.Scenario.Stance("y", "b").Position)
		}
	}
}

// countingReads counts the reads of a stored scenario's file, and, once
// armed with n, holds each until n requests have asked for the
// scenario's version: so that n readers are sure to overlap.
type countingReads struct {
	store.Store
	mu       sync.Mutex
	n, asked int
	all      chan struct{}
	reads    atomic.Int64
}

func (c *countingReads) arm(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n, c.asked, c.all = n, 0, make(chan struct{})
}

func (c *countingReads) ScenarioVersion(ctx context.Context, id string) (int64, time.Time, error) {
	c.mu.Lock()
	if c.all != nil {
		if c.asked++; c.asked == c.n {
			close(c.all)
		}
	}
	c.mu.Unlock()
	return c.Store.ScenarioVersion(ctx, id)
}

func (c *countingReads) GetScenario(ctx context.Context, id string) (*store.Scenario, error) {
	c.reads.Add(1)
	c.mu.Lock()
	all := c.all
	c.mu.Unlock()
	if all != nil {
		select {
		case <-all:
		case <-time.After(time.Minute):
			return nil, errors.New("the readers never all arrived")
		}
	}
	return c.Store.GetScenario(ctx, id)
}

// Readers of a stored scenario that is not loaded yet (after a restart,
// or an edit) share one load of it: 30 at once had loaded 30 copies of a
// 3.5 MB scenario (58 s, 4.4 GB on `parley serve`), where one is
// 150 MB.
func TestReadersShareOneLoad(t *testing.T) {
	var reads *countingReads
	e := newEnvWith(t, httpapi.Options{}, func(st store.Store) store.Store {
		reads = &countingReads{Store: st}
		return reads
	})
	v := e.create(small(t))
	for _, path := range []string{"", "/export?format=json"} {
		// An edit: the version read next is not loaded yet.
		e.want(e.do("PATCH", "/api/scenarios/"+v.ID+"/stances/y/b", fmt.Sprintf(`{"version":%d,"snapshot":"base","position":%d}`, v.Version, 40+v.Version)), 200).json(t, &v)
		const readers = 8
		reads.arm(readers)
		before := reads.reads.Load()
		var wg sync.WaitGroup
		got := make([]resp, readers)
		for i := range readers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var err error
				if got[i], err = e.try("GET", "/api/scenarios/"+v.ID+path, ""); err != nil {
					t.Errorf("GET %s: reader %d: %v", path, i, err)
				}
			}()
		}
		wg.Wait()
		for i, r := range got {
			if r.code != 200 || string(r.body) != string(got[0].body) {
				t.Fatalf("GET %s: reader %d: %d %.200s", path, i, r.code, r.body)
			}
		}
		if n := reads.reads.Load() - before; n != 1 {
			t.Errorf("GET %s: %d readers at once read the stored file %d times, want once", path, readers, n)
		}
	}
}

// panicOnce panics in its first read of a stored scenario's file.
type panicOnce struct {
	store.Store
	done atomic.Bool
}

func (p *panicOnce) GetScenario(ctx context.Context, id string) (*store.Scenario, error) {
	if !p.done.Swap(true) {
		panic("the first read fails")
	}
	return p.Store.GetScenario(ctx, id)
}

// A load that panics is a 500 and is over: the next reader loads the
// scenario afresh rather than wait for a load that will never land.
func TestLoadThatPanicsLands(t *testing.T) {
	e := newEnvWith(t, httpapi.Options{}, func(st store.Store) store.Store { return &panicOnce{Store: st} })
	v := e.create(small(t))
	e.want(e.do("GET", "/api/scenarios/"+v.ID, ""), 500)
	c := &http.Client{Timeout: 30 * time.Second}
	res, err := c.Get(e.srv.URL + "/api/scenarios/" + v.ID)
	if err != nil {
		t.Fatalf("the read after a load that panicked: %v (it waited for that load)", err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("the read after a load that panicked: %s", res.Status)
	}
}
