package httpapi_test

import (
	"context"
	"encoding/json"
	"runtime"
	"testing"
	"time"

	"parley/answer"
	"parley/ask"
	"parley/httpapi"
	"parley/store"
)

// cancelAt makes every job of e stop at its at-th step: the job that
// reports it waits there, and the test, told on the channel returned,
// cancels it through the API; the job goes on only once cancelled, so
// no step after at finishes (with one worker). Nothing sleeps.
func cancelAt(e *env, at int) <-chan string {
	reached := make(chan string, 1)
	httpapi.SetJobProgress(e.api, func(ctx context.Context, run string, done, total int) {
		if done != at {
			return
		}
		select {
		case reached <- run:
		default:
		}
		<-ctx.Done()
	})
	return reached
}

// waitFor is the run the job reached its step in, or the test fails
// after a minute (the job never got there).
func waitFor(t *testing.T, reached <-chan string) string {
	t.Helper()
	select {
	case id := <-reached:
		return id
	case <-time.After(time.Minute):
		t.Fatal("the job never reached the step to cancel it at")
		return ""
	}
}

// A sweep job cancelled after 5 of its first model's 20 draws keeps them,
// as the command line keeps a sweep stopped by Ctrl-C: the run is
// cancelled, its result the answer ask.Sweep gives when stopped at the
// same draw — compromise's 5 draws, marked interrupted, with the warning
// that says so and names smp, which was not run — readable through the
// API as a finished run's result is. A sensitivity analysis cancelled at
// the same point, which has no answer without every end, keeps nothing.
// On one goroutine (GOMAXPROCS 1: the sweep's workers) the sweep stops
// at the draw the hook cancels at.
func TestCancelledSweepKeepsItsDraws(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	e := newEnv(t, httpapi.Options{})
	reached := cancelAt(e, 5)
	v := e.create(small(t))

	var started, cancelled, got run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind": "sweep", "models": ["compromise", "smp"], "draws": 20}`), 202).json(t, &started)
	if id := waitFor(t, reached); id != started.ID {
		t.Fatalf("run %s reached the step, want %s", id, started.ID)
	}
	e.want(e.do("POST", "/api/runs/"+started.ID+"/cancel", ""), 200).json(t, &cancelled)
	e.want(e.do("GET", "/api/runs/"+started.ID, ""), 200).json(t, &got)
	for _, r := range []run{cancelled, got} {
		if r.Status != store.Cancelled || r.Error != "cancelled; the result keeps what finished, and its warnings say what it lacks" || r.Result == nil {
			t.Fatalf("cancelled run: status %s, error %q, result %s; want cancelled with the draws done", r.Status, r.Error, r.Result)
		}
	}
	var sw answer.Sweep
	if err := json.Unmarshal(got.Result, &sw); err != nil {
		t.Fatal(err)
	}
	if len(sw.Models) != 1 || sw.Models[0].Model != "compromise" || sw.Models[0].Draws != 5 || sw.Models[0].Requested != 20 || !sw.Models[0].Interrupted {
		t.Fatalf("result %s; want compromise alone, 5 of 20 draws, interrupted", got.Result)
	}
	want := "interrupted after 5 of 20 draws: the intervals rest on the draws that finished; the models after it (smp) were not run"
	if w := sw.Models[0].Warnings; len(w) == 0 || w[0] != want {
		t.Errorf("warnings %q; want first %q", w, want)
	}

	// The same answer as ask.Sweep stopped at the same draw: the command
	// line's, number for number.
	in, err := ask.Load("small.yaml", []byte(small(t)), ask.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewSweepRequest()
	req.Models, req.Draws, req.Workers = []string{"compromise", "smp"}, 20, 1
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cli, err := ask.Sweep(ctx, c, req, func(model string, done, total int) {
		if model == "compromise" && done == 5 {
			cancel()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(cli.Models)
	b, _ := json.Marshal(sw.Models)
	if string(a) != string(b) {
		t.Errorf("the cancelled job's models differ from ask.Sweep's stopped at the same draw:\n job %s\n ask %s", b, a)
	}

	// A sensitivity analysis has no answer without every end: cancelled,
	// it keeps nothing, as before.
	var se, seCancelled run
	e.want(e.do("POST", "/api/scenarios/"+v.ID+"/runs", `{"kind": "sensitivity", "models": ["compromise"]}`), 202).json(t, &se)
	if id := waitFor(t, reached); id != se.ID {
		t.Fatalf("run %s reached the step, want %s", id, se.ID)
	}
	e.want(e.do("POST", "/api/runs/"+se.ID+"/cancel", ""), 200).json(t, &seCancelled)
	if seCancelled.Status != store.Cancelled || seCancelled.Error != "cancelled" || seCancelled.Result != nil {
		t.Errorf("cancelled sensitivity analysis: status %s, error %q, result %s; want cancelled with no result", seCancelled.Status, seCancelled.Error, seCancelled.Result)
	}
}
