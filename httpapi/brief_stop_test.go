package httpapi_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"parley/httpapi"
)

// A brief's making is shared by the requests that ask for it meanwhile
// (memoize), so it runs on while any of them waits, its own client gone
// or not; once the last has left it stops (it ran to its end, holding
// an inline slot, for no one), and what it made is not kept: the next
// request makes it afresh. The making is held (a hook) until its
// context is done or the test releases it; the hooks of the memo say
// when a request starts waiting and when one leaves, so nothing is
// timed (a minute bounds a failure, never a passing run).
func TestBriefStopsWhenNoOneWaits(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	id := e.create(small(t)).ID
	e.want(e.do("GET", "/api/scenarios/"+id, ""), 200) // loaded: the memo's hooks are set on it
	var mu sync.Mutex
	makings := 0
	httpapi.SetMaking(e.api, func(what string) {
		if what == "brief" {
			mu.Lock()
			defer mu.Unlock()
			makings++
		}
	})
	made := func() int {
		mu.Lock()
		defer mu.Unlock()
		return makings
	}
	started := make(chan context.Context, 4)
	var release chan struct{}
	httpapi.SetBriefing(e.api, func(ctx context.Context) {
		mu.Lock()
		rel := release
		mu.Unlock()
		started <- ctx
		select {
		case <-ctx.Done():
		case <-rel:
		}
	})
	waiting, left := make(chan struct{}, 4), make(chan int, 4)
	httpapi.SetMemoWaiting(e.api, id, func(string) { waiting <- struct{}{} })
	httpapi.SetMemoLeft(e.api, id, func(_ string, wanted int) { left <- wanted })
	ask := func(ctx context.Context, query string) chan *httptest.ResponseRecorder {
		ch := make(chan *httptest.ResponseRecorder, 1)
		go func() {
			w := httptest.NewRecorder()
			e.api.ServeHTTP(w, httptest.NewRequestWithContext(ctx, "GET", "http://127.0.0.1/api/scenarios/"+id+"/brief?format=md"+query, nil))
			ch <- w
		}()
		return ch
	}
	within := func(what string, ch <-chan struct{}) {
		t.Helper()
		select {
		case <-ch:
		case <-time.After(time.Minute):
			t.Fatalf("%s: still not after a minute", what)
		}
	}
	// wantLeft reads the memo's count of those still waiting as one leaves.
	wantLeft := func(step string, want int) {
		t.Helper()
		select {
		case n := <-left:
			if n != want {
				t.Fatalf("%s: %d still want the brief, want %d", step, n, want)
			}
		case <-time.After(time.Minute):
			t.Fatalf("%s: the memo saw no one leave", step)
		}
	}
	phase := func(query string) (making context.Context, cancelA, cancelB context.CancelFunc, a, b chan *httptest.ResponseRecorder, rel chan struct{}) {
		t.Helper()
		rel = make(chan struct{})
		mu.Lock()
		release = rel
		mu.Unlock()
		ctxA, cancelA := context.WithCancel(context.Background())
		ctxB, cancelB := context.WithCancel(context.Background())
		a = ask(ctxA, query)
		select {
		case making = <-started:
		case <-time.After(time.Minute):
			t.Fatal("the brief's making did not start")
		}
		b = ask(ctxB, query)
		within("the second request waiting", waiting)
		return making, cancelA, cancelB, a, b, rel
	}

	// The client that started the making leaves, another still waits:
	// the making goes on, and finishes for it, and is kept.
	making, cancelA, cancelB, a, b, rel := phase("")
	defer cancelB()
	cancelA()
	wantLeft("the maker's client gone", 1)
	if err := making.Err(); err != nil {
		t.Fatalf("the making stopped (%v) while a request still waited for it", err)
	}
	close(rel)
	if w := <-b; w.Code != http.StatusOK {
		t.Fatalf("the request still waiting: %d %s", w.Code, w.Body)
	}
	<-a
	e.want(e.do("GET", "/api/scenarios/"+id+"/brief?format=md", ""), 200)
	if n := made(); n != 1 {
		t.Fatalf("made %d times, want once (made for the one waiting, then kept)", n)
	}

	// Both leave: the making stops as the last leaves, with its
	// context's error, and is not kept.
	making, cancelA, cancelB, a, b, rel = phase("&snapshot=base")
	cancelA()
	wantLeft("the maker's client gone", 1)
	if err := making.Err(); err != nil {
		t.Fatalf("the making stopped (%v) while a request still waited for it", err)
	}
	cancelB()
	wantLeft("the last client gone", 0)
	stopped := make(chan struct{})
	go func() { <-a; <-b; close(stopped) }()
	within("the handlers returning once no one waits (the making ran on for no one)", stopped)
	if err := making.Err(); !errors.Is(err, context.Canceled) {
		t.Errorf("the making's context: %v, want context.Canceled", err)
	}
	close(rel)
	e.want(e.do("GET", "/api/scenarios/"+id+"/brief?format=md&snapshot=base", ""), 200)
	if n := made(); n != 3 {
		t.Errorf("made %d times, want 3: the stopped making is not kept, so the next request makes it afresh", n)
	}
}
