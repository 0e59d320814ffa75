package httpapi_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/answer"
	"parley/httpapi"
)

// evidenceEnv is a server reading sources from a folder holding s1.txt
// (modified at a fixed time long past), the evidence case stored in it,
// and the number of times the evidence answer with sources was made.
func evidenceEnv(t *testing.T, o httpapi.Options) (e *env, dir, base string, made func() int) {
	t.Helper()
	dir = t.TempDir()
	writeSource(t, dir, "Héllo. We hear that x wants little.\n", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	o.SourcesDir = dir
	e = newEnv(t, o)
	var mu sync.Mutex
	n := 0
	httpapi.SetMaking(e.api, func(what string) {
		if strings.HasPrefix(what, "evidence") {
			mu.Lock()
			defer mu.Unlock()
			n++
		}
	})
	made = func() int {
		mu.Lock()
		defer mu.Unlock()
		return n
	}
	return e, dir, "/api/scenarios/" + e.create(evidenceCase(t)).ID, made
}

// writeSource writes s1.txt in dir, modified at mod.
func writeSource(t *testing.T, dir, text string, mod time.Time) {
	t.Helper()
	f := filepath.Join(dir, "s1.txt")
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(f, mod, mod); err != nil {
		t.Fatal(err)
	}
}

// The evidence answer with --sources is made once per version of the
// scenario and state of its source files (each one's size and
// modification time), and kept: asked again, the same bytes without
// reading the files again; after a source file is edited (even to the
// same size) or the scenario is, made afresh — never the answer of the
// files or the version before.
func TestEvidenceMadeOncePerVersionAndSources(t *testing.T) {
	e, dir, base, made := evidenceEnv(t, httpapi.Options{})
	get := func(step string, wantText, wantTitle string, wantMade int) {
		t.Helper()
		var first []byte
		for i := range 2 {
			r := e.want(e.do("GET", base+"/evidence", ""), 200)
			var ev answer.Evidence
			r.json(t, &ev)
			if len(ev.Sources) != 1 || ev.Sources[0].Text != wantText || ev.Title != wantTitle {
				t.Errorf("%s: sources %+v, title %q; want the text %q and the title %q", step, ev.Sources, ev.Title, wantText, wantTitle)
			}
			if i == 0 {
				first = r.body
			} else if string(r.body) != string(first) {
				t.Errorf("%s: asked again, another answer:\n%s\nthen\n%s", step, first, r.body)
			}
		}
		if n := made(); n != wantMade {
			t.Errorf("%s: the evidence made %d times, want %d", step, n, wantMade)
		}
	}
	get("first", "Héllo. We hear that x wants little.\n", "Small test case", 1)
	// The same size, another modification time.
	writeSource(t, dir, "Hélla. We hear that x wants little.\n", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC))
	get("after the source file's edit", "Hélla. We hear that x wants little.\n", "Small test case", 2)
	// The same modification time, another size.
	writeSource(t, dir, "Hélla! We hear that x wants little!!\n", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC))
	get("after an edit of its size", "Hélla! We hear that x wants little!!\n", "Small test case", 3)
	e.want(e.do("PUT", base, strings.Replace(evidenceCase(t), "title: Small test case", "title: Edited case", 1), "If-Match", `"1"`), 200)
	get("after the scenario's edit", "Hélla! We hear that x wants little!!\n", "Edited case", 4)
	// A file removed is a state of the files too.
	os.Remove(filepath.Join(dir, "s1.txt"))
	get("after the file's removal", "", "Edited case", 5)
}

// A source file modified within the last seconds (or in the future) may
// still change within its file system's clock tick without its size or
// modification time changing: its answer is made for each request and
// not kept.
func TestEvidenceOfFreshFilesNotKept(t *testing.T) {
	e, dir, base, made := evidenceEnv(t, httpapi.Options{})
	writeSource(t, dir, "Héllo. We hear that x wants little.\n", time.Now().Add(time.Hour))
	for i := range 2 {
		e.want(e.do("GET", base+"/evidence", ""), 200)
		if n := made(); n != i+1 {
			t.Errorf("request %d: the evidence made %d times, want %d (not kept)", i+1, n, i+1)
		}
	}
}

// Reading the sources is admitted as any run within a request is: with
// every place taken, 503 busy with Retry-After naming --max-inline; an
// answer already kept is given without a place.
func TestEvidenceBusy(t *testing.T) {
	e, _, base, made := evidenceEnv(t, httpapi.Options{MaxInline: 1, MaxWaiting: -1})
	release := httpapi.FillInline(e.api)
	refused(t, "the evidence with every slot taken", e.do("GET", base+"/evidence", ""), 503, "busy", "--max-inline", "try again")
	release()
	e.want(e.do("GET", base+"/evidence", ""), 200)
	release = httpapi.FillInline(e.api)
	defer release()
	e.want(e.do("GET", base+"/evidence", ""), 200)
	// The making refused, then the one kept.
	if n := made(); n != 2 {
		t.Errorf("the evidence made %d times, want 2", n)
	}
}

// Reading the sources is refused with 413 when its estimated memory
// (EvidenceMemory bytes per byte of source file) is over --max-memory:
// at the limit it is read, one byte past it refused. The refusal writes
// both sizes in the unit that says them: the source is 37 bytes, so the
// estimate is 52 × 37 = 1924 bytes, 1.88 KiB (1924 / 1024 = 1.8789…),
// and against a limit of 1923 bytes (1.8779… KiB) a fourth digit tells
// them apart; it had said "0 MiB … over this server's limit of 0 MiB".
func TestEvidenceMemoryLimit(t *testing.T) {
	n := float64(len("Héllo. We hear that x wants little.\n"))
	for _, c := range []struct {
		name string
		max  float64
		code int
		want []string
	}{
		{"at the limit", httpapi.EvidenceMemory * n, 200, nil},
		{"a byte past it", httpapi.EvidenceMemory*n - 1, 413, []string{"estimated to need 1.879 KiB of memory (1 source file, 37 bytes in all,", "limit of 1.878 KiB per run (parley serve --max-memory)"}},
		{"a tiny limit", 1000, 413, []string{"estimated to need 1.88 KiB of memory (1 source file, 37 bytes in all,", "limit of 1000 bytes per run (parley serve --max-memory)"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _, base, _ := evidenceEnv(t, httpapi.Options{MaxMemory: c.max})
			r := e.do("GET", base+"/evidence", "")
			if c.code == 413 {
				refused(t, "the evidence over --max-memory", r, 413, "over_budget", c.want...)
				return
			}
			e.want(r, 200)
		})
	}
}

// Reading and checking the sources stop at --inline-timeout, as any run
// within a request does: the request gets the same 503 timeout, its
// --max-inline slot is freed (one slot, none waiting: the next request
// gets it), and the answer cut short is not kept — the next request
// reads the files afresh, and its answer is then kept. The reading is
// held (a hook) until its context is done, so it meets the deadline
// whatever the machine's speed.
func TestEvidenceTimeoutNotKept(t *testing.T) {
	e, _, base, made := evidenceEnv(t, httpapi.Options{MaxInline: 1, MaxWaiting: -1})
	var mu sync.Mutex
	var seen []error
	hold := true
	httpapi.SetReadingSources(e.api, func(ctx context.Context) {
		mu.Lock()
		h := hold
		mu.Unlock()
		if h {
			<-ctx.Done()
		}
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, ctx.Err())
	})
	httpapi.SetInlineTimeout(e.api, time.Millisecond)
	refused(t, "the evidence past the deadline", e.do("GET", base+"/evidence", ""), 503, "timeout",
		"reading and checking the sources took longer than 1ms, the limit within a request (parley serve --inline-timeout); check the sources at the command line instead")
	mu.Lock()
	hold = false
	mu.Unlock()
	httpapi.SetInlineTimeout(e.api, time.Minute)
	for i := range 2 {
		var ev answer.Evidence
		e.want(e.do("GET", base+"/evidence", ""), 200).json(t, &ev)
		if len(ev.Sources) != 1 || ev.Sources[0].Text != "Héllo. We hear that x wants little.\n" || len(ev.Items) == 0 || ev.Items[0].Found == nil || !*ev.Items[0].Found {
			t.Errorf("request %d after the timeout: %+v", i+2, ev)
		}
	}
	// The timed-out making, then one made afresh and kept.
	if n := made(); n != 2 {
		t.Errorf("the evidence made %d times, want 2", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 2 || seen[0] != context.DeadlineExceeded || seen[1] != nil {
		t.Errorf("the readings saw %v; want the deadline, then nothing", seen)
	}
}

// A client that leaves while its evidence is read, no other waiting for
// it, stops the reading (its context is done, where it had run on to its
// end) and frees its slot; what it made is not kept.
func TestEvidenceAbandonedStops(t *testing.T) {
	e, _, base, made := evidenceEnv(t, httpapi.Options{MaxInline: 1, MaxWaiting: -1})
	reading := make(chan context.Context, 2)
	var mu sync.Mutex
	hold := true
	httpapi.SetReadingSources(e.api, func(ctx context.Context) {
		mu.Lock()
		h := hold
		mu.Unlock()
		if h {
			reading <- ctx
			<-ctx.Done()
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		e.api.ServeHTTP(httptest.NewRecorder(), httptest.NewRequestWithContext(ctx, "GET", "http://127.0.0.1"+base+"/evidence", nil))
		close(done)
	}()
	var rctx context.Context
	select {
	case rctx = <-reading:
	case <-time.After(time.Minute): // bounds a failure, never a passing run
		t.Fatal("the reading did not start")
	}
	cancel()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("the reading runs on with no one waiting for it")
	}
	if err := rctx.Err(); !errors.Is(err, context.Canceled) {
		t.Errorf("the reading's context: %v, want context.Canceled", err)
	}
	mu.Lock()
	hold = false
	mu.Unlock()
	e.want(e.do("GET", base+"/evidence", ""), 200)
	if n := made(); n != 2 {
		t.Errorf("the evidence made %d times, want 2 (the abandoned reading not kept)", n)
	}
}
