package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
	"parley/store"
	"parley/store/bolt"
)

// An inline comparison resolves its columns once, from the scenario's
// cases, and its budget, its run and its input hash all read them
// (ask's estimate and ask's run had each resolved every column again):
// its answer is ask.Compare's and its input hash the target's and every
// column's fingerprint, as before; and a case kept for a column — here,
// as a probe, one from the scenario with an actor added — is the case
// the estimate, the forecasts and the input hash read.
func TestInlineCompareResolvesOnce(t *testing.T) {
	ctx := context.Background()
	data, added, db, s := comparePlant(t)
	loadIn := func(rec *store.Scenario, body string) *ask.Input {
		in, err := ask.Load(rec.ID+".yaml", []byte(body), ask.LoadOptions{Format: ask.Scenario})
		if err != nil {
			t.Fatal(err)
		}
		in.Name = storedName(rec) // as loadStored names it
		return in
	}
	mustCase := func(in *ask.Input, tg answer.Target) *ask.Case {
		c, err := in.Case(tg)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	fingerprint := func(c *ask.Case) []byte {
		fp, err := c.Fingerprint()
		if err != nil {
			t.Fatal(err)
		}
		return fp
	}
	req := answer.NewCompareRequest()
	req.Models = []string{"compromise"}
	latest := answer.Target{Snapshot: "latest"}
	// Over variants at the latest snapshot, 2025-03-01.
	probe := answer.Target{Snapshot: "2025-03-01", Variant: "b-leaves"}
	columns := []answer.Target{{Snapshot: "2025-03-01"}, {Snapshot: "2025-03-01", Variant: "a-cares"}, probe, {Snapshot: "2025-03-01", Variant: "c-firm"}}

	for _, probed := range []bool{false, true} {
		rec := &store.Scenario{Name: "compare", Format: "yaml", Body: data}
		if err := db.CreateScenario(ctx, rec, 0); err != nil {
			t.Fatal(err)
		}
		st, err := s.load(httptest.NewRequest("GET", "/api/scenarios/"+rec.ID, nil).WithContext(ctx), rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		in, other := loadIn(rec, string(data)), loadIn(rec, added)
		// caseOf is each column's case as the run should read it.
		caseOf := func(tg answer.Target) (*ask.Case, error) { return in.Case(tg) }
		if probed {
			caseOf = func(tg answer.Target) (*ask.Case, error) {
				if tg == probe {
					return other.Case(tg)
				}
				return in.Case(tg)
			}
			if _, err := st.memoize(ctx, memoKey{what: "case", target: probe}, func() (any, int64, error) {
				c := mustCase(other, probe)
				return &resolution{c: c, fp: fingerprint(c)}, 1, nil
			}); err != nil {
				t.Fatal(err)
			}
		}
		c := mustCase(in, latest)
		want, err := ask.Compare(ctx, c, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		wantCost, err := ask.Estimate(c, req)
		if err != nil {
			t.Fatal(err)
		}
		if probed {
			cols, err := ask.ResolveCompare(c, req, caseOf)
			if err != nil {
				t.Fatal(err)
			}
			plain, plainCost := want, wantCost
			if want, err = cols.Compare(ctx, nil); err != nil {
				t.Fatal(err)
			}
			if wantCost, err = ask.Estimate(c, cols); err != nil {
				t.Fatal(err)
			}
			if mustJSON(t, plain.Models) == mustJSON(t, want.Models) || plainCost == wantCost {
				t.Fatal("the probe's case changes nothing: the test proves nothing")
			}
		}
		wantFP := fingerprint(c)
		for _, tg := range columns {
			cc, err := caseOf(tg)
			if err != nil {
				t.Fatal(err)
			}
			wantFP = append(append(wantFP, '\n'), fingerprint(cc)...)
		}

		q := &compareRun{req}
		p, err := st.prepareAll(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		cost, err := estimate(p, q)
		if err != nil {
			t.Fatal(err)
		}
		run, err := s.runNow(ctx, st, store.Compare, q, p)
		if err != nil {
			t.Fatal(err)
		}
		if string(run.Result) != mustJSON(t, want) {
			t.Errorf("probed %v: the run's answer\n%s\nwant\n%s", probed, run.Result, mustJSON(t, want))
		}
		if cost != wantCost {
			t.Errorf("probed %v: estimated at %+v, want %+v", probed, cost, wantCost)
		}
		if fp, _ := p.fingerprint(q.request()); !bytes.Equal(fp, wantFP) || run.InputHash != inputHash(run.Options, wantFP) {
			t.Errorf("probed %v: the input hash is not that of the target's and every column's fingerprint", probed)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A comparison job reads the columns its start resolved, from the
// scenario's cases, as an inline comparison does: it had resolved every
// column afresh as it ran (ask.Compare), so that its answer could come
// from other cases than those its input hash names. Probed as above: a
// case kept for a column, from the scenario with an actor added, is the
// case the job's forecasts read — as a job started afresh and as the
// re-run of one (which hashes what it prepared, and starts on that).
func TestCompareJobReadsTheColumnsItsStartResolved(t *testing.T) {
	ctx := context.Background()
	data, added, db, s := comparePlant(t)
	rec := &store.Scenario{Name: "compare", Format: "yaml", Body: data}
	if err := db.CreateScenario(ctx, rec, 0); err != nil {
		t.Fatal(err)
	}
	st, err := s.load(httptest.NewRequest("GET", "/api/scenarios/"+rec.ID, nil).WithContext(ctx), rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	load := func(body string) *ask.Input {
		in, err := ask.Load(rec.ID+".yaml", []byte(body), ask.LoadOptions{Format: ask.Scenario})
		if err != nil {
			t.Fatal(err)
		}
		in.Name = storedName(rec)
		return in
	}
	in, other := load(string(data)), load(added)
	probe := answer.Target{Snapshot: "2025-03-01", Variant: "b-leaves"}
	if _, err := st.memoize(ctx, memoKey{what: "case", target: probe}, func() (any, int64, error) {
		c, err := other.Case(probe)
		if err != nil {
			return nil, 0, err
		}
		fp, err := c.Fingerprint()
		return &resolution{c: c, fp: fp}, 1, err
	}); err != nil {
		t.Fatal(err)
	}
	req := answer.NewCompareRequest()
	req.Models = []string{"compromise"}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := ask.Compare(ctx, c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	cols, err := ask.ResolveCompare(c, req, func(tg answer.Target) (*ask.Case, error) {
		if tg == probe {
			return other.Case(tg)
		}
		return in.Case(tg)
	})
	if err != nil {
		t.Fatal(err)
	}
	want, err := cols.Compare(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if mustJSON(t, plain.Models) == mustJSON(t, want.Models) {
		t.Fatal("the probe's case changes nothing: the test proves nothing")
	}
	finished := func(run *store.Run) *store.Run {
		t.Helper()
		s.jobs.wait(ctx, run.ID)
		got, err := db.GetRun(ctx, run.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != store.Done {
			t.Fatalf("run %s: %s %s", got.ID, got.Status, got.Error)
		}
		return got
	}
	run, _, err := s.start(ctx, st, store.Compare, &compareRun{req}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	first := finished(run)
	if string(first.Result) != mustJSON(t, want) {
		t.Errorf("the job's answer\n%s\nwant (the columns its start resolved)\n%s", first.Result, mustJSON(t, want))
	}
	// Re-run as a job: prepared once by the re-run, which hashed it.
	q := &compareRun{}
	if err := decodeJSON("options", first.Options, q.request()); err != nil {
		t.Fatal(err)
	}
	p, err := st.prepareAll(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	again, _, err := s.start(ctx, st, store.Compare, q, first.Options, p)
	if err != nil {
		t.Fatal(err)
	}
	second := finished(again)
	if string(second.Result) != string(first.Result) || second.InputHash != first.InputHash {
		t.Errorf("the re-run's answer or input hash differs from the run's:\n%s\n%s", second.Result, first.Result)
	}
}

// comparePlant is the comparison tests' setting: a server on a fresh
// store, ask/testdata/compare.yaml (data) and the same file with an
// actor D added on issue x (added), whose case the tests plant as a
// probe for one column.
func comparePlant(t *testing.T) (data []byte, added string, db *bolt.Store, s *Server) {
	t.Helper()
	ctx := context.Background()
	var err error
	data, err = os.ReadFile("../ask/testdata/compare.yaml")
	if err != nil {
		t.Fatal(err)
	}
	added = strings.Replace(strings.Replace(string(data),
		"  - {actor: b, issue: x, position: 80, salience: 1, assumed: test}\n",
		"  - {actor: b, issue: x, position: 80, salience: 1, assumed: test}\n  - {actor: d, issue: x, position: 100, salience: 1, assumed: test}\n", 1),
		"  - {id: b, name: Actor B, capability: 1, capability_assumed: test}\n",
		"  - {id: b, name: Actor B, capability: 1, capability_assumed: test}\n  - {id: d, name: Actor D, capability: 1, capability_assumed: test}\n", 1)
	db, err = bolt.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err = New(ctx, Options{Store: db})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return data, added, db, s
}
