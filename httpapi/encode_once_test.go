package httpapi_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"parley/httpapi"
	"parley/store"
)

// Readers of a large scenario share one encoding of each answer: N
// readers at once of GET /api/scenarios/{id} encode its JSON once (they
// had each encoded a copy, with no bound on how many at once), and of
// …/resolved once per snapshot and variant; an edit is a new version,
// encoded afresh, so no reader sees the old one.
func TestReadersShareOneEncoding(t *testing.T) {
	var reads *countingReads
	e := newEnvWith(t, httpapi.Options{}, func(st store.Store) store.Store {
		reads = &countingReads{Store: st}
		return reads
	})
	var encodings atomic.Int64
	httpapi.SetEncoding(e.api, func() { encodings.Add(1) })
	v := e.create(httpapi.BigScenario(60, 12, 20, 20))
	const readers = 12
	readAll := func(path string) []resp {
		t.Helper()
		reads.arm(readers) // they all wait for one another at the load
		got := make([]resp, readers)
		var wg sync.WaitGroup
		for i := range readers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var err error
				if got[i], err = e.try("GET", path, ""); err != nil {
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
		return got
	}
	for version := int64(1); version <= 2; version++ {
		before := encodings.Load()
		got := readAll("/api/scenarios/" + v.ID)
		var view view
		got[0].json(t, &view)
		if view.Version != version || len(view.Scenario.Actors) != 60 || len(view.Scenario.Snapshots) != 20 {
			t.Fatalf("version %d: read version %d, %d actors, %d snapshots", version, view.Version, len(view.Scenario.Actors), len(view.Scenario.Snapshots))
		}
		if n := encodings.Load() - before; n != 1 {
			t.Errorf("version %d: %d readers at once encoded the scenario %d times, want once", version, readers, n)
		}
		before = encodings.Load()
		for _, target := range []string{"snapshot=2025-01-05&variant=v3", "snapshot=base"} {
			got := readAll("/api/scenarios/" + v.ID + "/resolved?" + target)
			var res struct {
				Version  int64 `json:"version"`
				Snapshot string
				Scenario struct {
					Stances []json.RawMessage `json:"stances"`
				} `json:"scenario"`
			}
			got[0].json(t, &res)
			if res.Version != version || len(res.Scenario.Stances) != 60*12 {
				t.Fatalf("version %d, %s: version %d, %d stances", version, target, res.Version, len(res.Scenario.Stances))
			}
		}
		if n := encodings.Load() - before; n != 2 {
			t.Errorf("version %d: two resolved cases read by %d readers each were encoded %d times, want 2", version, readers, n)
		}
		// An edit: the next round reads version 2.
		e.want(e.do("PATCH", "/api/scenarios/"+v.ID+"/stances/a1/i1", fmt.Sprintf(`{"version":%d,"snapshot":"base","position":77}`, version)), 200)
	}
}

// A read of a scenario does not wait for the making of another answer
// from it (the scenario's lock was held while anything was made from
// it): while the encoding of one resolved case is held up, the
// scenario's JSON and another resolved case are read; then the held-up
// read ends with its answer.
func TestReadsDoNotWaitForOtherAnswers(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(httpapi.BigScenario(20, 4, 3, 2))
	var encodings atomic.Int64
	started, release := make(chan struct{}), make(chan struct{})
	httpapi.SetEncoding(e.api, func() {
		if encodings.Add(1) == 1 {
			close(started)
			<-release
		}
	})
	released := false
	defer func() {
		if !released {
			close(release)
		}
	}()
	held := make(chan resp, 1)
	go func() {
		r, err := e.try("GET", "/api/scenarios/"+v.ID+"/resolved?snapshot=base", "")
		if err != nil {
			t.Error(err)
		}
		held <- r
	}()
	<-started
	for _, path := range []string{"/api/scenarios/" + v.ID, "/api/scenarios/" + v.ID + "/resolved?snapshot=latest&variant=v1"} {
		read := make(chan resp, 1)
		go func() {
			r, err := e.try("GET", path, "")
			if err != nil {
				t.Error(err)
			}
			read <- r
		}()
		select {
		case r := <-read:
			if r.code != 200 {
				t.Errorf("GET %s: %d %.200s", path, r.code, r.body)
			}
		case <-time.After(time.Minute): // bounds a failure, never a passing run
			t.Fatalf("GET %s waited for the encoding of another answer", path)
		}
	}
	released = true
	close(release)
	if r := <-held; r.code != 200 || !strings.Contains(string(r.body), `"snapshot":"base"`) {
		t.Errorf("the held-up read: %d %.200s", r.code, r.body)
	}
	if n := encodings.Load(); n != 3 {
		t.Errorf("%d encodings, want 3", n)
	}
}
