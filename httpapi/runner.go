package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"parley/ask"
	"parley/errs"
	"parley/store"
)

// runner runs jobs in goroutines, at most max at once, and keeps the live
// state (progress, cancel) of the ones queued or running: at most
// maxQueued, counted with the places reserved for jobs being stored, under
// one lock, so concurrent submissions never exceed it (finding 5).
type runner struct {
	st        store.Store
	sem       chan struct{}
	maxQueued int
	log       *slog.Logger
	ctx       context.Context
	stop      context.CancelFunc
	wg        sync.WaitGroup

	mu       sync.Mutex
	live     map[string]*job
	reserved int

	// progressed, when not nil, is called with each progress a job
	// reports, in the goroutine that reports it, with the job's context:
	// for tests that act at a chosen point of a run (SetJobProgress).
	progressed func(ctx context.Context, run string, done, total int)
}

type job struct {
	// scenario is the id of the scenario the job runs on: deleting it
	// cancels the job (cancelScenario).
	scenario    string
	cancel      context.CancelFunc
	done, total int
	status      store.RunStatus
	subs        map[chan struct{}]bool
	finished    chan struct{}
	// size is the job's estimated size (ask.Estimate, as its budget
	// admitted it), which its status gives while it is queued or
	// running.
	size ask.Size
}

// jobFunc computes a job's result. It reports progress as done of total
// steps (from any goroutine) and honours ctx. Cancelled, it returns an
// error, or a result that covers what finished and says what it lacks
// (a sweep's draws done, marked interrupted), which the run keeps.
type jobFunc func(ctx context.Context, progress func(done, total int)) (any, error)

func newRunner(st store.Store, max, maxQueued int, log *slog.Logger) *runner {
	ctx, stop := context.WithCancel(context.Background())
	return &runner{st: st, sem: make(chan struct{}, max), maxQueued: maxQueued, log: log, ctx: ctx, stop: stop, live: map[string]*job{}}
}

// reserve takes a place in the queue for a job about to be stored and
// started, or returns false when the queue is full. start or release
// gives it back.
func (q *runner) reserve() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.live)+q.reserved >= q.maxQueued {
		return false
	}
	q.reserved++
	return true
}

// release gives back a place reserve took for a job that did not start.
func (q *runner) release() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.reserved--
}

// recover marks runs a previous process left unfinished as failed.
func (q *runner) recover(ctx context.Context) error {
	runs, err := q.st.ListRuns(ctx, "")
	if err != nil {
		return err
	}
	for _, r := range runs {
		if r.Status.Final() {
			continue
		}
		full, err := q.st.GetRun(ctx, r.ID)
		if err != nil {
			return err
		}
		full.Status, full.Error, full.Finished = store.Failed, "the server stopped before the run finished; re-run it", time.Now().UTC()
		if err := q.st.UpdateRun(ctx, full); err != nil {
			return err
		}
	}
	return nil
}

// start runs fn as the job of the stored run, which is queued, in the
// place reserve took. A panic anywhere in the job's goroutine (fn is
// guarded by safeRun; this guards the rest) is logged, and the run is
// recorded as failed rather than ending the server.
func (q *runner) start(run *store.Run, size ask.Size, fn jobFunc) {
	ctx, cancel := context.WithCancel(q.ctx)
	j := &job{scenario: run.ScenarioID, cancel: cancel, status: store.Queued, subs: map[chan struct{}]bool{}, finished: make(chan struct{}), size: size}
	q.mu.Lock()
	q.live[run.ID] = j
	q.reserved--
	q.mu.Unlock()
	q.wg.Add(1)
	go func() {
		defer q.wg.Done()
		defer cancel()
		defer func() {
			if p := recover(); p != nil {
				q.log.Error("job panicked", "run", run.ID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				r := *run
				r.Status, r.Error, r.Finished = store.Failed, "the run failed inside the server (see its log)", time.Now().UTC()
				q.st.UpdateRun(context.WithoutCancel(ctx), &r)
				q.finish(run.ID, j)
			}
		}()
		r := *run
		select {
		case q.sem <- struct{}{}:
			defer func() { <-q.sem }()
		case <-ctx.Done():
		}
		bg := context.WithoutCancel(ctx)
		if ctx.Err() == nil {
			r.Status, r.Started = store.Running, time.Now().UTC()
			q.set(run.ID, func(j *job) { j.status = store.Running })
			q.st.UpdateRun(bg, &r)
		}
		var res any
		var err error
		if ctx.Err() == nil {
			var mu sync.Mutex
			last := time.Now()
			res, err = safeRun(ctx, fn, func(done, total int) {
				if q.progressed != nil {
					q.progressed(ctx, run.ID, done, total)
				}
				// Jobs may report from several goroutines.
				q.set(run.ID, func(j *job) {
					if done > j.done || total != j.total {
						j.done, j.total = done, total
					}
				})
				mu.Lock()
				defer mu.Unlock()
				if time.Since(last) > 500*time.Millisecond && total > 0 {
					last = time.Now()
					p := r
					p.Progress = float64(done) / float64(total)
					q.st.UpdateRun(bg, &p)
				}
			})
		}
		r.Finished = time.Now().UTC()
		switch {
		case ctx.Err() != nil && err == nil && res != nil:
			// Cancelled with an answer for what finished: kept, as a
			// finished run's result is (bounded by the same run
			// history), the run still cancelled.
			r.Status, r.Error = store.Cancelled, partialError
			if b, merr := json.Marshal(res); merr != nil {
				r.Error = "cancelled; what finished could not be kept: " + merr.Error()
			} else {
				r.Result = b
			}
		case ctx.Err() != nil:
			r.Status, r.Error = store.Cancelled, "cancelled"
		case err != nil:
			r.Status, r.Error = store.Failed, err.Error()
			if errs.CodeOf(err) == errs.Internal {
				// The details go to the log, not to whoever reads the run.
				q.log.Error("job failed", "run", run.ID, "err", err)
				r.Error = "the run failed inside the server (see its log under run " + run.ID + ")"
			}
		default:
			b, merr := json.Marshal(res)
			if merr != nil {
				r.Status, r.Error = store.Failed, merr.Error()
			} else {
				r.Status, r.Progress, r.Result = store.Done, 1, b
			}
		}
		if r.Status != store.Done {
			if p, ok := q.progress(run.ID); ok {
				r.Progress = p.Progress
			}
		}
		if err := q.st.UpdateRun(bg, &r); err != nil {
			if errs.CodeOf(err) == errs.NotFound && r.Status == store.Cancelled {
				// Its scenario was deleted, and the run with it
				// (cancelScenario): there is no end to record.
				q.log.Info("job cancelled with its scenario", "run", run.ID, "scenario", run.ScenarioID)
			} else {
				q.log.Error("cannot record a job's end", "run", run.ID, "status", r.Status, "err", err)
			}
		}
		q.finish(run.ID, j)
	}()
}

// partialError is the error of a cancelled run that kept an answer for
// what finished before it stopped (a sweep's draws done): the answer
// itself says what it lacks (ask's interrupted warning).
const partialError = "cancelled; the result keeps what finished, and its warnings say what it lacks"

// finish forgets a job that has ended and tells its subscribers.
func (q *runner) finish(id string, j *job) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.live[id] != j {
		return
	}
	delete(q.live, id)
	for ch := range j.subs {
		close(ch)
	}
	j.subs = nil
	close(j.finished)
}

// safeRun turns a panicking run into a failed one.
func safeRun(ctx context.Context, fn jobFunc, progress func(int, int)) (res any, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, errs.New(errs.Internal, "the run crashed: %v", p)
		}
	}()
	return fn(ctx, progress)
}

func (q *runner) set(id string, f func(*job)) {
	q.mu.Lock()
	defer q.mu.Unlock()
	j := q.live[id]
	if j == nil {
		return
	}
	f(j)
	for ch := range j.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

func (q *runner) progress(id string) (progressEvent, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	j := q.live[id]
	if j == nil {
		return progressEvent{}, false
	}
	p := progressEvent{Done: j.done, Total: j.total}
	if j.total > 0 {
		p.Progress = float64(j.done) / float64(j.total)
	}
	return p, true
}

// overlay puts the live progress of a running job into run.
func (q *runner) overlay(run *store.Run) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if j := q.live[run.ID]; j != nil {
		run.Status = j.status
		if j.total > 0 {
			run.Progress = float64(j.done) / float64(j.total)
		}
	}
}

// size is the estimated size of a job queued or running here, nil for
// any other run.
func (q *runner) size(id string) *ask.Size {
	q.mu.Lock()
	defer q.mu.Unlock()
	if j := q.live[id]; j != nil {
		size := j.size
		return &size
	}
	return nil
}

// subscribe returns a channel that receives on progress and is closed when
// the job ends; nil when the job is not running here.
func (q *runner) subscribe(id string) (chan struct{}, func()) {
	q.mu.Lock()
	defer q.mu.Unlock()
	j := q.live[id]
	if j == nil {
		return nil, func() {}
	}
	ch := make(chan struct{}, 1)
	j.subs[ch] = true
	ch <- struct{}{}
	return ch, func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		if j.subs != nil && j.subs[ch] {
			delete(j.subs, ch)
		}
	}
}

func (q *runner) cancel(id string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if j := q.live[id]; j != nil {
		j.cancel()
		return true
	}
	return false
}

// cancelScenario cancels every job queued or running on the scenario and
// returns their run ids; each gives back its place when it ends.
func (q *runner) cancelScenario(scenario string) []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	var ids []string
	for id, j := range q.live {
		if j.scenario == scenario {
			j.cancel()
			ids = append(ids, id)
		}
	}
	return ids
}

// wait waits for the job to record its end.
func (q *runner) wait(ctx context.Context, id string) {
	q.mu.Lock()
	j := q.live[id]
	q.mu.Unlock()
	if j == nil {
		return
	}
	select {
	case <-j.finished:
	case <-ctx.Done():
	}
}

func (q *runner) close() {
	q.stop()
	q.wg.Wait()
}
