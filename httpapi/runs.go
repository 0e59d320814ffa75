package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"parley/errs"
	"parley/model"
	"parley/model/catalog"
	"parley/scenario"
	"parley/store"
)

// RunRequest is what a run is asked to do. The fields a kind does not use
// are ignored by it but still part of the stored options.
type RunRequest struct {
	Kind store.RunKind `json:"kind,omitempty"`
	// Models are model names; empty means the catalog's default set.
	Models []string `json:"models,omitempty"`
	// Snapshot is a date YYYY-MM-DD, "base" or "latest" ("" = latest).
	Snapshot string `json:"snapshot,omitempty"`
	// Variant is a variant id or name ("" = none).
	Variant string `json:"variant,omitempty"`
	// Seed seeds every random draw of the run.
	Seed      uint64 `json:"seed,omitempty"`
	Rounds    int    `json:"rounds,omitempty"`
	MaxRounds int    `json:"max_rounds,omitempty"`
	// Samples is the number of draws of a sweep (0 = the kind's default).
	Samples int `json:"samples,omitempty"`
	// Package is a deal to evaluate: issue id → position.
	Package map[string]float64 `json:"package,omitempty"`
	// Params holds kind-specific settings.
	Params json.RawMessage `json:"params,omitempty"`
}

// Input is what a job reads: the scenario, resolved, as a Problem, with
// the models and the request. Input values are shared between runs: a
// job must not change them (clone the Problem first).
type Input struct {
	Scenario *scenario.Scenario
	Resolved *scenario.Scenario
	Problem  *model.Problem
	Models   []model.Model
	Request  RunRequest
}

// Options returns the model options of the request.
func (in *Input) Options() model.Options {
	return model.Options{Rounds: in.Request.Rounds, MaxRounds: in.Request.MaxRounds, Seed: in.Request.Seed}
}

// JobFunc computes one kind of run. It reports progress as done of total
// steps, honours ctx, and returns a result that encodes to the same JSON
// bytes for the same input.
type JobFunc func(ctx context.Context, in *Input, progress func(done, total int)) (any, error)

func (s *Server) kinds() map[store.RunKind]JobFunc {
	k := map[store.RunKind]JobFunc{
		store.Forecast:    forecastJob,
		store.Sweep:       sweepJob,
		store.Sensitivity: sensitivityJob,
		store.Deal:        dealJob,
	}
	for kind, f := range s.o.Jobs {
		k[kind] = f
	}
	return k
}

func (s *Server) kindList(w http.ResponseWriter, r *http.Request) {
	var out []string
	for k := range s.jobs.kinds {
		out = append(out, string(k))
	}
	sort.Strings(out)
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) models(w http.ResponseWriter, r *http.Request) {
	type m struct {
		Name    string `json:"name"`
		Summary string `json:"summary"`
		Default bool   `json:"default"`
	}
	def := map[string]bool{}
	for _, x := range catalog.Default() {
		def[x.Name()] = true
	}
	out := []m{}
	for _, x := range catalog.All() {
		out = append(out, m{x.Name(), x.Summary(), def[x.Name()]})
	}
	writeJSON(w, http.StatusOK, out)
}

// prepare builds the input of a run over a stored scenario and its hash.
func prepare(p *parsed, req RunRequest) (*Input, string, error) {
	if !req.Kind.Valid() {
		return nil, "", errs.New(errs.Invalid, "kind: %q; valid: forecast, sweep, sensitivity or deal", req.Kind)
	}
	if req.Rounds < 0 || req.MaxRounds < 0 || req.Samples < 0 {
		return nil, "", errs.New(errs.Invalid, "rounds, max_rounds and samples: valid: numbers ≥ 0")
	}
	if req.Samples > maxSamples {
		return nil, "", errs.New(errs.Invalid, "samples: %d; valid: at most %d", req.Samples, maxSamples)
	}
	if req.Rounds > 10000 || req.MaxRounds > 10000 {
		return nil, "", errs.New(errs.Invalid, "rounds: valid: at most 10000")
	}
	ms, err := catalog.Parse(strings.Join(req.Models, ","))
	if err != nil {
		return nil, "", errs.New(errs.Invalid, "models: %v", err)
	}
	req.Models = nil
	for _, m := range ms {
		req.Models = append(req.Models, m.Name())
	}
	if req.Snapshot == "" {
		req.Snapshot = scenario.Latest
	}
	res := p.resolve(req.Snapshot, req.Variant)
	if res.err != nil {
		if errs.CodeOf(res.err) == errs.Argument {
			return nil, "", errs.New(errs.Invalid, "snapshot: %v", res.err)
		}
		return nil, "", res.err
	}
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(req); err != nil {
		return nil, "", errs.Wrap(errs.Internal, err)
	}
	h.Write(res.json)
	return &Input{Scenario: p.s, Resolved: res.s, Problem: res.p, Models: ms, Request: req}, hex.EncodeToString(h.Sum(nil)), nil
}

// Num is a number that encodes NaN and ±Inf as null.
type Num float64

// MarshalJSON implements json.Marshaler.
func (n Num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

func nums(x []float64) []Num {
	out := make([]Num, len(x))
	for i, v := range x {
		out[i] = Num(v)
	}
	return out
}

func numMap(m map[string]float64) map[string]Num {
	if m == nil {
		return nil
	}
	out := make(map[string]Num, len(m))
	for k, v := range m {
		out[k] = Num(v)
	}
	return out
}

// ForecastResult is the result of a forecast run.
type ForecastResult struct {
	AsOf     string        `json:"as_of"`
	Snapshot string        `json:"snapshot"`
	Variant  string        `json:"variant,omitempty"`
	Actors   []string      `json:"actors"`
	Issues   []string      `json:"issues"`
	Models   []ModelResult `json:"models"`
}

// ModelResult is one model's forecast, or the error it stopped with.
type ModelResult struct {
	Model  string        `json:"model"`
	Error  string        `json:"error,omitempty"`
	Notes  []string      `json:"notes,omitempty"`
	Issues []IssueResult `json:"issues"`
}

// IssueResult is one issue's forecast with its rounds.
type IssueResult struct {
	Issue    string         `json:"issue"`
	Forecast Num            `json:"forecast"`
	Values   map[string]Num `json:"values,omitempty"`
	Rounds   []RoundResult  `json:"rounds,omitempty"`
}

// RoundResult is the state after one round; Positions align with Actors.
type RoundResult struct {
	Round     int            `json:"round"`
	Positions []Num          `json:"positions"`
	Forecast  Num            `json:"forecast"`
	Values    map[string]Num `json:"values,omitempty"`
}

func convert(r *model.Result) ModelResult {
	out := ModelResult{Model: r.Model, Notes: r.Notes, Issues: []IssueResult{}}
	for _, is := range r.Issues {
		ir := IssueResult{Issue: is.Issue, Forecast: Num(is.Forecast), Values: numMap(is.Values)}
		for _, rd := range is.Rounds {
			ir.Rounds = append(ir.Rounds, RoundResult{Round: rd.Round, Positions: nums(rd.Positions), Forecast: Num(rd.Forecast), Values: numMap(rd.Values)})
		}
		out.Issues = append(out.Issues, ir)
	}
	return out
}

func forecastJob(ctx context.Context, in *Input, progress func(done, total int)) (any, error) {
	out := &ForecastResult{AsOf: in.Resolved.Metadata.AsOf, Snapshot: in.Request.Snapshot, Variant: in.Request.Variant, Models: []ModelResult{}}
	for _, a := range in.Problem.Actors {
		out.Actors = append(out.Actors, a.ID)
	}
	for _, is := range in.Problem.Issues {
		out.Issues = append(out.Issues, is.ID)
	}
	for i, m := range in.Models {
		res, err := m.Forecast(ctx, in.Problem.Clone(), in.Options())
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			out.Models = append(out.Models, ModelResult{Model: m.Name(), Error: err.Error(), Issues: []IssueResult{}})
		} else {
			mr := convert(res)
			mr.Model = m.Name()
			out.Models = append(out.Models, mr)
		}
		progress(i+1, len(in.Models))
	}
	return out, nil
}

// runView is a run as the API returns it.
type runView struct {
	store.Run
	// SameResult, on a re-run, says whether the result bytes equal the
	// original run's.
	SameResult *bool `json:"same_result,omitempty"`
	// Of names the run a re-run repeated.
	Of string `json:"rerun_of,omitempty"`
}

func (s *Server) readRun(r *http.Request) (*parsed, RunRequest, error) {
	var req RunRequest
	if err := decode(r, &req); err != nil {
		return nil, req, err
	}
	p, err := s.load(r, r.PathValue("id"))
	return p, req, err
}

// forecast runs the models now, within the request, and stores the run.
func (s *Server) forecast(w http.ResponseWriter, r *http.Request) {
	p, req, err := s.readRun(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	req.Kind = store.Forecast
	run, err := s.runNow(r.Context(), p, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, runView{Run: *run})
}

func (s *Server) runNow(ctx context.Context, p *parsed, req RunRequest) (*store.Run, error) {
	in, hash, err := prepare(p, req)
	if err != nil {
		return nil, err
	}
	fn := s.jobs.kinds[req.Kind]
	if fn == nil {
		return nil, errs.New(errs.Invalid, "kind: %s is not available on this server", req.Kind)
	}
	start := time.Now().UTC()
	fctx, cancel := context.WithTimeout(ctx, s.o.ForecastTimeout)
	defer cancel()
	res, err := fn(fctx, in, func(int, int) {})
	if err != nil {
		if fctx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
			return nil, errs.New(errs.Invalid, "the run took longer than %v, the limit within a request; start it as a job instead: POST /api/scenarios/%s/runs {\"kind\": %q, …}", s.o.ForecastTimeout, p.rec.ID, req.Kind)
		}
		return nil, err
	}
	b, err := json.Marshal(res)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	opts, _ := json.Marshal(in.Request)
	run := &store.Run{ScenarioID: p.rec.ID, ScenarioVersion: p.rec.Version, Kind: req.Kind, InputHash: hash,
		Model: strings.Join(in.Request.Models, ","), Options: opts, Seed: req.Seed, Status: store.Done, Progress: 1,
		Result: b, Started: start, Finished: time.Now().UTC()}
	if err := s.o.Store.CreateRun(ctx, run); err != nil {
		return nil, err
	}
	return run, nil
}

func (s *Server) startRun(w http.ResponseWriter, r *http.Request) {
	p, req, err := s.readRun(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if req.Kind == "" {
		s.fail(w, r, errs.New(errs.Invalid, "kind: missing; valid: one of %v", s.kindNames()))
		return
	}
	run, err := s.start(r.Context(), p, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/runs/"+run.ID)
	writeJSON(w, http.StatusAccepted, runView{Run: *run})
}

func (s *Server) kindNames() []string {
	var out []string
	for k := range s.jobs.kinds {
		out = append(out, string(k))
	}
	sort.Strings(out)
	return out
}

func (s *Server) start(ctx context.Context, p *parsed, req RunRequest) (*store.Run, error) {
	in, hash, err := prepare(p, req)
	if err != nil {
		return nil, err
	}
	fn := s.jobs.kinds[req.Kind]
	if fn == nil {
		return nil, errs.New(errs.Invalid, "kind: %s is not available on this server yet; valid: one of %v", req.Kind, s.kindNames())
	}
	if s.jobs.count() >= s.o.MaxQueued {
		return nil, errBusy
	}
	opts, _ := json.Marshal(in.Request)
	run := &store.Run{ScenarioID: p.rec.ID, ScenarioVersion: p.rec.Version, Kind: req.Kind, InputHash: hash,
		Model: strings.Join(in.Request.Models, ","), Options: opts, Seed: req.Seed, Status: store.Queued}
	if err := s.o.Store.CreateRun(ctx, run); err != nil {
		return nil, err
	}
	s.jobs.start(run, in, fn)
	return run, nil
}

func (s *Server) listRuns(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, err := s.o.Store.GetScenario(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	}
	l, err := s.o.Store.ListRuns(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for i := range l {
		s.jobs.overlay(&l[i])
	}
	writeJSON(w, http.StatusOK, l)
}

func (s *Server) getRun(w http.ResponseWriter, r *http.Request) {
	run, err := s.o.Store.GetRun(r.Context(), r.PathValue("run"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.jobs.overlay(run)
	writeJSON(w, http.StatusOK, runView{Run: *run})
}

func (s *Server) cancelRun(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("run")
	run, err := s.o.Store.GetRun(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.jobs.cancel(id) {
		if run.Status.Final() {
			s.fail(w, r, errs.New(errs.Conflict, "run %s has already stopped (%s)", id, run.Status))
			return
		}
	}
	s.jobs.wait(r.Context(), id)
	run, err = s.o.Store.GetRun(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, runView{Run: *run})
}

// rerun runs a stored run again with the same inputs. The scenario must
// still hash to the run's input hash (it may have been edited since);
// otherwise the re-run would not be the same computation: 409.
func (s *Server) rerun(w http.ResponseWriter, r *http.Request) {
	old, err := s.o.Store.GetRun(r.Context(), r.PathValue("run"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var req RunRequest
	if err := json.Unmarshal(old.Options, &req); err != nil {
		s.fail(w, r, errs.Wrap(errs.Internal, fmt.Errorf("run %s options: %w", old.ID, err)))
		return
	}
	req.Kind = old.Kind
	p, err := s.load(r, old.ScenarioID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	_, hash, err := prepare(p, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if hash != old.InputHash {
		s.fail(w, r, errs.New(errs.Conflict, "the scenario has changed since run %s (version %d, now %d): its input hash differs, so it cannot be re-run to the same result", old.ID, old.ScenarioVersion, p.rec.Version))
		return
	}
	if old.Kind == store.Forecast {
		run, err := s.runNow(r.Context(), p, req)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		same := string(run.Result) == string(old.Result)
		writeJSON(w, http.StatusOK, runView{Run: *run, SameResult: &same, Of: old.ID})
		return
	}
	run, err := s.start(r.Context(), p, req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/runs/"+run.ID)
	writeJSON(w, http.StatusAccepted, runView{Run: *run, Of: old.ID})
}

// runEvents streams a run's progress as server-sent events: "progress"
// events with {done, total, progress} and one final "end" event with the
// run (without its result), after which the stream closes.
func (s *Server) runEvents(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("run")
	run, err := s.o.Store.GetRun(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{})
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	send := func(event string, v any) bool {
		b, _ := json.Marshal(v)
		if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	end := func() {
		if run, err := s.o.Store.GetRun(context.WithoutCancel(r.Context()), id); err == nil {
			run.Result = nil
			send("end", run)
		}
	}
	ch, unsub := s.jobs.subscribe(id)
	defer unsub()
	if ch == nil {
		if !run.Status.Final() {
			s.jobs.overlay(run)
		}
		end()
		return
	}
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		case _, open := <-ch:
			if p, ok := s.jobs.progress(id); ok {
				if !send("progress", p) {
					return
				}
			}
			if !open {
				end()
				return
			}
		}
	}
}

// progressEvent is the data of a "progress" event.
type progressEvent struct {
	Done     int     `json:"done"`
	Total    int     `json:"total"`
	Progress float64 `json:"progress"`
}

// runner runs jobs in goroutines, at most max at once, and keeps the live
// state (progress, cancel) of the ones running.
type runner struct {
	st    store.Store
	sem   chan struct{}
	kinds map[store.RunKind]JobFunc
	ctx   context.Context
	stop  context.CancelFunc
	wg    sync.WaitGroup

	mu   sync.Mutex
	live map[string]*job
}

type job struct {
	cancel      context.CancelFunc
	done, total int
	status      store.RunStatus
	subs        map[chan struct{}]bool
	finished    chan struct{}
}

func newRunner(st store.Store, max int, kinds map[store.RunKind]JobFunc) *runner {
	ctx, stop := context.WithCancel(context.Background())
	return &runner{st: st, sem: make(chan struct{}, max), kinds: kinds, ctx: ctx, stop: stop, live: map[string]*job{}}
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

func (q *runner) start(run *store.Run, in *Input, fn JobFunc) {
	ctx, cancel := context.WithCancel(q.ctx)
	j := &job{cancel: cancel, status: store.Queued, subs: map[chan struct{}]bool{}, finished: make(chan struct{})}
	q.mu.Lock()
	q.live[run.ID] = j
	q.mu.Unlock()
	q.wg.Add(1)
	go func() {
		defer q.wg.Done()
		defer cancel()
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
			res, err = safeRun(ctx, fn, in, func(done, total int) {
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
		case ctx.Err() != nil:
			r.Status, r.Error = store.Cancelled, "cancelled"
		case err != nil:
			r.Status, r.Error = store.Failed, err.Error()
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
		q.st.UpdateRun(bg, &r)
		q.mu.Lock()
		delete(q.live, run.ID)
		for ch := range j.subs {
			close(ch)
		}
		j.subs = nil
		close(j.finished)
		q.mu.Unlock()
	}()
}

// safeRun turns a panicking job into a failed run.
func safeRun(ctx context.Context, fn JobFunc, in *Input, progress func(int, int)) (res any, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, errs.New(errs.Internal, "the run crashed: %v", p)
		}
	}()
	return fn(ctx, in, progress)
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

// count returns the number of jobs queued or running.
func (q *runner) count() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.live)
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
