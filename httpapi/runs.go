package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/store"
)

func (s *Server) kindList(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, kindNames())
}

// defaults answers GET /api/defaults: each kind's default request and
// the limits, with the words a client labels its inputs with, as ask
// gives them (ask.Defaults).
func (s *Server) defaults(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, ask.Defaults())
}

func (s *Server) models(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, ask.Models())
}

// runView is a run as the API returns it.
type runView struct {
	store.Run
	// SameResult, on a re-run, says whether the result bytes equal the
	// original run's.
	SameResult *bool `json:"same_result,omitempty"`
	// Of names the run a re-run repeated.
	Of string `json:"rerun_of,omitempty"`
	// Estimate is a job's estimated size (ask.Estimate: its steps,
	// memory and roughly the CPU time they take), in the answer that
	// starts it (202) and in its status while it is queued or running;
	// an estimate, not a prediction. Omitted for other runs.
	Estimate *estimateView `json:"estimate,omitempty"`
}

// estimateView is a job's estimated size as the API returns it: its
// numbers and, in text, the words the command line says them in before
// a long run (ask.Size.Estimated), which the web page shows as they are
// rather than writing them again.
type estimateView struct {
	ask.Size
	Text string `json:"text"`
}

// estimateOf is size's view; nil for none.
func estimateOf(size *ask.Size) *estimateView {
	if size == nil {
		return nil
	}
	return &estimateView{Size: *size, Text: size.Estimated()}
}

// inline answers a question of the kind within the request, stores the
// run and returns it (200). The body is the kind's request type, read as
// every body is (admitWrite); runNow lets the run in.
func (s *Server) inline(kind store.RunKind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := kinds[kind]()
		release, err := s.admitWrite(w, r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		err = s.decode(r, q.request())
		if f, ok := q.request().(interface{ FoldFrom() error }); ok && err == nil {
			err = f.FoldFrom() // a backtest's "from", the CLI's --from, is its "snapshot"
		}
		release()
		if err != nil {
			s.fail(w, r, err)
			return
		}
		st, err := s.load(r, r.PathValue("id"))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p, err := st.prepareAll(r.Context(), q)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		run, err := s.runNow(r.Context(), st, kind, q, p)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, runView{Run: *run})
	}
}

// runNow answers q within the request, bounded by ForecastTimeout, and
// stores the run: its options are the request as the answer echoes it.
// p is what q reads of st (prepareAll), read by its budget, its run and
// its input hash alike. A request over the inline budget (MaxWork,
// MaxMemory) is refused before it runs; it waits for one of MaxInline
// slots, within the deadline, if no more than MaxWaiting others wait
// already.
func (s *Server) runNow(ctx context.Context, st *stored, kind store.RunKind, q question, p *prepared) (*store.Run, error) {
	if _, err := s.budget(st, p, q, string(kind), s.o.MaxWork, "--max-work"); err != nil {
		return nil, err
	}
	start := time.Now().UTC()
	instead := fmt.Sprintf("start it as a job instead: POST /api/scenarios/%s/runs {\"kind\": %q, …}", st.rec.ID, kind)
	v, err := s.runInline(ctx, "the run", instead, func(ctx context.Context) (any, error) { return p.run(ctx, q, nil) })
	if err != nil {
		return nil, err
	}
	out := v.(*outcome)
	result, err := json.Marshal(out.answer)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	opts, err := json.Marshal(out.request)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	fp, _ := p.fingerprint(out.request)
	run := &store.Run{ScenarioID: st.rec.ID, ScenarioVersion: st.rec.Version, Kind: kind, InputHash: inputHash(opts, fp),
		Model: strings.Join(out.models, ","), Options: opts, Seed: out.seed, Status: store.Done, Progress: 1,
		Result: result, Started: start, Finished: time.Now().UTC()}
	if err := s.o.Store.CreateRun(ctx, run); err != nil {
		return nil, err
	}
	s.stored(ctx)
	return run, nil
}

// pruneEvery is how many runs are stored between two prunings of the run
// history.
const pruneEvery = 32

// stored counts a run stored, and prunes the run history every
// pruneEvery runs.
func (s *Server) stored(ctx context.Context) {
	if s.created.Add(1)%pruneEvery == 0 {
		if err := s.prune(context.WithoutCancel(ctx)); err != nil {
			s.o.Logger.Error("cannot prune the run history", "err", err)
		}
	}
}

// prune deletes finished runs beyond KeepRuns or older than KeepRunsFor.
func (s *Server) prune(ctx context.Context) error {
	keep, before := s.o.KeepRuns, time.Time{}
	if keep < 0 {
		keep = -1
	}
	if s.o.KeepRunsFor > 0 {
		before = time.Now().Add(-s.o.KeepRunsFor)
	}
	n, err := s.o.Store.PruneRuns(ctx, keep, before)
	if n > 0 {
		s.o.Logger.Info("pruned the run history", "deleted", n, "keep", s.o.KeepRuns, "keep_for", s.o.KeepRunsFor.String())
	}
	return err
}

// startRun starts a run of any kind as a job (202). The body is
// {"kind": KIND, …the fields of the kind's request}.
func (s *Server) startRun(w http.ResponseWriter, r *http.Request) {
	release, err := s.admitWrite(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer release()
	b, err := s.readBody(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var k struct {
		Kind store.RunKind `json:"kind"`
	}
	if len(bytes.TrimSpace(b)) > 0 {
		if err := json.Unmarshal(b, &k); err != nil {
			// A kind of the wrong type is a field that is not valid
			// (argument), as any other field's; not an object, or not
			// JSON, is said as decoding it strictly says it (invalid).
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) && te.Field != "" {
				s.fail(w, r, errs.Field("kind", "%v, one of %s", typeError("request body", b, &k, te), errs.OneOf(kindNames())))
				return
			}
			if derr := decodeJSON("request body", b, &k); derr != nil {
				err = derr
			}
			s.fail(w, r, errs.Wrap(errs.Invalid, err))
			return
		}
	}
	newQ := kinds[k.Kind]
	switch {
	case k.Kind == "":
		s.fail(w, r, errs.Field("kind", "kind: missing; valid: %s", errs.OneOf(kindNames())))
		return
	case newQ == nil:
		s.fail(w, r, errs.Field("kind", "kind %q: no such kind of run%s", k.Kind, errs.Choices(string(k.Kind), kindNames())))
		return
	}
	q := newQ()
	if err := decodeJSON("request body", b, q.flat()); err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.load(r, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	run, size, err := s.start(r.Context(), st, k.Kind, q, nil, nil)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/runs/"+run.ID)
	writeJSON(w, http.StatusAccepted, runView{Run: *run, Estimate: estimateOf(&size)})
}

// start queues q as a job and stores the run. Its options are the
// request as asked, every default filled in (opts, when not nil: a
// re-run's); the result, once done, holds the answer with the request as
// it echoes it. p is what q reads of st when the caller has prepared it
// already (a re-run, which has hashed it), nil to prepare it here. size
// is the job's estimated size, as its budget admitted it.
func (s *Server) start(ctx context.Context, st *stored, kind store.RunKind, q question, opts []byte, p *prepared) (run *store.Run, size ask.Size, err error) {
	res, err := st.resolve(ctx, q.target())
	if err != nil {
		return nil, size, err
	}
	// A request that can never run, on this case or any, or is over the
	// budget, is refused now, not failed later: in the words of the
	// route that answers within the request, whose question runs the
	// same check first (ask.CheckCase).
	if err := ask.CheckCase(res.c, asked(q)); err != nil {
		return nil, size, err
	}
	if p == nil {
		if p, err = st.prepare(ctx, q, res); err != nil {
			return nil, size, err
		}
	}
	cost, err := s.budget(st, p, q, string(kind), s.o.MaxJobWork, "--max-job-work")
	if err != nil {
		return nil, size, err
	}
	size = ask.SizeOf(cost)
	if opts == nil {
		// Stored as the answer will echo it: only the request's own
		// fields, every default filled in, model names resolved.
		if err := normalise(q.request()); err != nil {
			return nil, size, err
		}
		if opts, err = json.Marshal(q.request()); err != nil {
			return nil, size, errs.Wrap(errs.Internal, err)
		}
	}
	fp, cases := p.fingerprint(q.request())
	if !s.jobs.reserve() {
		return nil, size, busy(5, "the server has %d jobs queued or running, its limit (parley serve --max-queued); try again shortly", s.o.MaxQueued)
	}
	run = &store.Run{ScenarioID: st.rec.ID, ScenarioVersion: st.rec.Version, Kind: kind, InputHash: inputHash(opts, fp),
		Model: strings.Join(q.models(), ","), Options: opts, Seed: q.seed(), Status: store.Queued}
	if err := s.o.Store.CreateRun(ctx, run); err != nil {
		s.jobs.release()
		return nil, size, err
	}
	s.stored(ctx)
	// The models the run goes through, for its progress (ask.Check has
	// already accepted the list; a kind without models counts none),
	// once per case it runs them on (a comparison's columns, which
	// fingerprint has counted).
	names, _ := ask.ModelList(q.models())
	n := len(names) * cases
	// The job holds its target's case alone while it waits, not p: a
	// queued comparison would otherwise hold every column's case, past
	// the bound of the scenarios' cases (maxMemoBytes). As it starts it
	// prepares again from the scenario's cases, which hold the columns
	// resolved above while the bound allows: a comparison job had
	// resolved every column afresh (ask.Compare), besides, so that its
	// answer could come from other cases than those its input hash
	// names.
	s.jobs.start(run, size, func(ctx context.Context, progress func(done, total int)) (any, error) {
		jp, err := st.prepare(ctx, q, res)
		if err != nil {
			return nil, err
		}
		out, err := jp.run(ctx, q, overall(n, progress))
		if err != nil {
			return nil, err
		}
		if ctx.Err() != nil && !keepsPartial(q) {
			// An answer that may not say it was cut short is not kept.
			return nil, ctx.Err()
		}
		return out.answer, nil
	})
	return run, size, nil
}

// keepsPartial reports whether q's answer, when its job is cancelled,
// covers what finished and says what it lacks, so that the cancelled run
// keeps it as its result: a sweep's (ask.Sweep: the draws done, marked
// interrupted, its warning naming the models not run). The other kinds
// answer a cancelled run with the cancellation alone (a sensitivity
// analysis, whose swings need every end; a forecast, a comparison,
// advice, …), or could give an answer that does not say it was cut
// short: their cancelled runs keep nothing.
func keepsPartial(q question) bool {
	_, ok := q.(*sweepRun)
	return ok
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
	storedTexts(run)
	writeJSON(w, http.StatusOK, runView{Run: *run, Estimate: estimateOf(s.jobs.size(run.ID))})
}

// storedTexts writes into a run's result, read back from the store, the
// words an answer stored before the answers carried them lacks, composed
// from its numbers as a new answer's are (ask.StoredSweepTexts,
// ask.StoredSensitivityTexts): the page shows an answer's words as they
// are, and an old sweep would show an empty place where a new one has
// its clause. The result is re-encoded only when a word was written; one
// that does not decode is left as stored.
func storedTexts(run *store.Run) {
	if len(run.Result) == 0 {
		return
	}
	var v any
	var wrote func() bool
	switch run.Kind {
	case store.Sweep:
		a := new(answer.Sweep)
		v, wrote = a, func() bool { return ask.StoredSweepTexts(a) }
	case store.Sensitivity:
		a := new(answer.Sensitivity)
		v, wrote = a, func() bool { return ask.StoredSensitivityTexts(a) }
	default:
		return
	}
	if json.Unmarshal(run.Result, v) != nil || !wrote() {
		return
	}
	if b, err := json.Marshal(v); err == nil {
		run.Result = b
	}
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
	storedTexts(run)
	writeJSON(w, http.StatusOK, runView{Run: *run})
}

// rerun runs a stored run again with the same inputs: within the
// request (200, with same_result) for the kinds that have an endpoint of
// their own, as a job (202) for the others. The scenario must still hash
// to the run's input hash (it may have been edited since); otherwise the
// re-run would not be the same computation: 409.
func (s *Server) rerun(w http.ResponseWriter, r *http.Request) {
	old, err := s.o.Store.GetRun(r.Context(), r.PathValue("run"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	newQ := kinds[old.Kind]
	if newQ == nil {
		s.fail(w, r, errs.New(errs.Conflict, "run %s is of kind %q, which this server does not run; valid: %s", old.ID, old.Kind, errs.OneOf(kindNames())))
		return
	}
	q := newQ()
	if err := decodeJSON("options", old.Options, q.request()); err != nil {
		s.fail(w, r, errs.New(errs.Conflict, "run %s was made by another version of Parley and cannot be re-run: %v", old.ID, err))
		return
	}
	st, err := s.load(r, old.ScenarioID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := st.prepareAll(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fp, _ := p.fingerprint(q.request())
	if inputHash(old.Options, fp) != old.InputHash {
		s.fail(w, r, errs.New(errs.Conflict, "the scenario has changed since run %s (version %d, now %d): its input hash differs, so it cannot be re-run to the same result", old.ID, old.ScenarioVersion, st.rec.Version))
		return
	}
	if inline[old.Kind] {
		run, err := s.runNow(r.Context(), st, old.Kind, q, p)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		same := string(run.Result) == string(old.Result)
		writeJSON(w, http.StatusOK, runView{Run: *run, SameResult: &same, Of: old.ID})
		return
	}
	run, size, err := s.start(r.Context(), st, old.Kind, q, old.Options, p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/runs/"+run.ID)
	writeJSON(w, http.StatusAccepted, runView{Run: *run, Of: old.ID, Estimate: estimateOf(&size)})
}

// runEvents streams a run's progress as server-sent events: "progress"
// events with {done, total, progress} and one final "end" event with the
// run (without its result), after which the stream closes. At most
// MaxStreams are open at once, and each write has a deadline of its own
// (StreamWriteTimeout) in place of the server's WriteTimeout: a stream
// lasts as long as its run, but a client that stops reading is dropped.
func (s *Server) runEvents(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("run")
	run, err := s.o.Store.GetRun(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.streams.try() {
		s.fail(w, r, busy(5, "the server has %d event streams open, its limit (parley serve --max-streams); try again shortly, or poll GET /api/runs/%s", cap(s.streams), id))
		return
	}
	defer s.streams.done()
	rc := http.NewResponseController(w)
	// write writes and flushes within StreamWriteTimeout.
	write := func(format string, args ...any) bool {
		if err := rc.SetWriteDeadline(time.Now().Add(s.o.StreamWriteTimeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return false
		}
		if _, err := fmt.Fprintf(w, format, args...); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	send := func(event string, v any) bool {
		b, _ := json.Marshal(v)
		return write("event: %s\ndata: %s\n\n", event, b)
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
			if !write(": keep-alive\n\n") {
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
