package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"parley/answer"
	"parley/ask"
)

// Admission control (issue 14): before a request runs anything it must be
// let in, and a request over a limit is refused with the status that says
// why (413: the request is too big for this server; 503 with Retry-After:
// the server is busy, try again) and a message naming the limit and the
// flag of `parley serve` that raises it. docs/limits.md lists them all.

// Defaults of the limits (Options' zero values).
const (
	DefaultMaxBody = 4 << 20
	// DefaultMaxValues bounds the JSON values (or YAML lines) of a body.
	DefaultMaxValues = 500_000
	DefaultMaxQueued = 64
	// DefaultMaxWaiting bounds the runs within requests waiting for a
	// slot.
	DefaultMaxWaiting = 64
	// DefaultMaxStreams bounds the event streams open at once: each holds
	// a goroutine and a connection for as long as its run goes on.
	DefaultMaxStreams = 256
	// DefaultMaxAuthFailures bounds the wrong tokens from one address
	// within DefaultAuthWindow, past which it is refused with 429.
	DefaultMaxAuthFailures = 10
	DefaultAuthWindow      = time.Minute
	// DefaultStreamWriteTimeout bounds each write of an event stream.
	DefaultStreamWriteTimeout = 30 * time.Second
	// DefaultInlineTimeout bounds a run within a request.
	DefaultInlineTimeout = time.Minute
	// DefaultMaxWork bounds the estimated CPU time of a run within a
	// request, in steps of ask.StepTime (ask.Cost.Priced): 5×10⁷ of
	// 50 ns is 2.5 s of CPU, well under DefaultInlineTimeout on a busy
	// machine.
	DefaultMaxWork = 5e7
	// DefaultMaxJobWork bounds the estimated CPU time of a job, in the
	// same steps: 10¹¹ of 50 ns is 5,000 s (83 minutes) of CPU.
	DefaultMaxJobWork = 1e11
	// DefaultMaxMemory bounds the estimated memory of one run, in bytes.
	DefaultMaxMemory = 1 << 30
	// DefaultKeepRuns and DefaultKeepRunsFor bound the run history.
	DefaultKeepRuns    = 1000
	DefaultKeepRunsFor = 30 * 24 * time.Hour
)

// inlineWait bounds how long a run within a request waits for one of the
// MaxInline slots before it is refused as busy.
const inlineWait = 10 * time.Second

// limitError is a request refused by a limit: its status, code, message
// and, for 503, when to retry (seconds).
type limitError struct {
	status int
	code   string
	msg    string
	retry  string
	// field is the request field the refusal names as the one to lower
	// (errorBody's field), "" for none.
	field string
}

func (e *limitError) Error() string { return e.msg }

// busy is a 503 with Retry-After.
func busy(retry int, format string, args ...any) error {
	return &limitError{status: http.StatusServiceUnavailable, code: "busy", msg: fmt.Sprintf(format, args...), retry: fmt.Sprint(retry)}
}

// tooBig is a 413: the request is over a budget of this server.
func tooBig(format string, args ...any) error {
	return &limitError{status: http.StatusRequestEntityTooLarge, code: "over_budget", msg: fmt.Sprintf(format, args...)}
}

// gate is a counting semaphore.
type gate chan struct{}

// try takes a slot if one is free.
func (g gate) try() bool {
	select {
	case g <- struct{}{}:
		return true
	default:
		return false
	}
}

// wait takes a slot, waiting at most d or until ctx is done.
func (g gate) wait(ctx context.Context, d time.Duration) bool {
	if g.try() {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case g <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
}

func (g gate) done() { <-g }

// admitInline lets a run within a request in: MaxInline run at once and
// MaxWaiting more may wait for a slot; the others are refused at once,
// told to try again or do instead (what to do rather than run it within
// a request). release gives the place back.
func (s *Server) admitInline(instead string) (release func(), err error) {
	if !s.inlineQueue.try() {
		return nil, busy(2, "the server is answering %d runs within requests and %d more are waiting, its limit (parley serve --max-inline, --max-waiting); try again shortly, or %s", cap(s.inlineRun), s.o.MaxWaiting, instead)
	}
	return s.inlineQueue.done, nil
}

// estimate is the cost of answering q on what p resolved: ask.Estimate
// of its request as ask takes it (asked), or of a comparison's resolved
// columns.
func estimate(p *prepared, q question) (ask.Cost, error) {
	if p.cols != nil {
		return ask.Estimate(p.res.c, p.cols)
	}
	return ask.Estimate(p.res.c, asked(q))
}

// budget refuses a run whose estimated cost is over the work limit given
// (the inline or the job limit, named by flag, in steps of ask.StepTime:
// ask.Cost.Priced) or the memory limit; it returns the cost it
// estimated.
func (s *Server) budget(st *stored, p *prepared, q question, kind string, maxWork float64, flag string) (ask.Cost, error) {
	c, err := estimate(p, q)
	if err != nil {
		return c, err
	}
	// A job has a work limit of its own, but needs as much memory: it is
	// the way out of the work limit within a request only.
	job := ""
	if flag == "--max-work" && c.Priced() > maxWork {
		job = fmt.Sprintf("start it as a job (POST /api/scenarios/%s/runs {\"kind\": %q, …}; its limit is %s (%s), --max-job-work)", st.rec.ID, kind, stepsText(s.o.MaxJobWork), cpuText(s.o.MaxJobWork))
	}
	var req any
	if p.cols == nil {
		req = asked(q)
	}
	return c, s.overBudget(c, p.res.c, req, kind, maxWork, flag, "fewer models, rounds or draws", job)
}

// overBudget refuses a run of the case estimated at c when its CPU time
// in steps of ask.StepTime (ask.Cost.Priced) is over maxWork (the limit
// of flag, in those steps) or its memory over MaxMemory: the refusal
// says both the estimate and the limit in those steps and in seconds. req is
// the run's request (nil for one with no fields to lower: a brief, a
// comparison): when lowering one of its fields alone would let it in
// (ask.Largest, on the same estimate), the refusal names that field
// (its field) and the largest value this server admits, or fewer models
// where it runs several (fewerModels);
// otherwise it says what the client can ask for less of (lower). instead,
// when not "", is what to do rather than run it here.
func (s *Server) overBudget(c ask.Cost, cs *ask.Case, req any, kind string, maxWork float64, flag, lower, instead string) error {
	a, i := len(cs.Header.Actors), len(cs.Header.Issues)
	var msg string
	fits := func(c ask.Cost) bool { return c.Priced() <= maxWork && c.Bytes <= s.o.MaxMemory }
	switch {
	case c.Priced() > maxWork:
		msg = fmt.Sprintf("this %s is estimated at %s (%s, each model's steps at its measured time; %d actors × %d issues, its models, rounds and draws; see docs/limits.md), over this server's limit of %s (%s; parley serve %s)", kind, stepsText(c.Priced()), cpuText(c.Priced()), a, i, stepsText(maxWork), cpuText(maxWork), flag)
	case c.Bytes > s.o.MaxMemory:
		need, limit := ask.BytesOver(c.Bytes, s.o.MaxMemory)
		msg = fmt.Sprintf("this %s is estimated to need %s of memory (%d actors × %d issues, its models, its draws, the rounds it keeps and this server's cores; see docs/limits.md), over this server's limit of %s per run (parley serve --max-memory)", kind, need, a, i, limit)
	default:
		return nil
	}
	if instead != "" {
		instead = ", or " + instead
	}
	if req != nil {
		if b, ok := ask.Largest(cs, req, fits); ok {
			e := tooBig("%s; valid: %s at most %d on this server (asked %d)%s%s", msg, b.Field, b.Max, b.Asked, fewerModels(req), instead)
			e.(*limitError).field = b.Field
			return e
		}
	}
	return tooBig("%s; ask for %s%s", msg, lower, instead)
}

// stepsText says n steps of ask.StepTime, the unit of the work budgets:
// "5e+07 steps of 50 ns".
func stepsText(n float64) string {
	return fmt.Sprintf("%.3g steps of %d ns", n, ask.StepTime.Nanoseconds())
}

// cpuText says the CPU time of n steps of ask.StepTime in the words of
// every estimate (ask.CPUText): "2.5 s of CPU time", "83 minutes of CPU
// time".
func cpuText(n float64) string {
	return ask.CPUText(n*ask.StepTime.Seconds()) + " of CPU time"
}

// fewerModels is ", or fewer models" for a request that runs a list of
// models, "" for one that names its one model (advise, explain), to which
// fewer models is no advice.
func fewerModels(req any) string {
	switch req.(type) {
	case answer.AdviseRequest, *answer.AdviseRequest, answer.ExplainRequest, *answer.ExplainRequest:
		return ""
	}
	return ", or fewer models"
}

// runInline runs fn within the request as every run within a request
// runs: it takes one of MaxInline slots (waiting, if no more than
// MaxWaiting others wait, up to 10 s within the deadline), and stops at
// ForecastTimeout, which is then a 503 timeout whose message names the
// work (what: "the run", "making the brief", "reading and checking the
// sources") and ends with instead (what to do rather than run it within
// a request), as a 503 busy's does. fn must be admitted by overBudget
// first.
func (s *Server) runInline(ctx context.Context, what, instead string, fn func(ctx context.Context) (any, error)) (any, error) {
	release, err := s.admitInline(instead)
	if err != nil {
		return nil, err
	}
	defer release()
	rctx, cancel := context.WithTimeout(ctx, s.o.ForecastTimeout)
	defer cancel()
	if !s.inlineRun.wait(rctx, min(inlineWait, s.o.ForecastTimeout)) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, busy(2, "the server is answering %d runs within requests, its limit (parley serve --max-inline); try again shortly, or %s", cap(s.inlineRun), instead)
	}
	defer s.inlineRun.done()
	v, err := safeRun(rctx, func(ctx context.Context, _ func(int, int)) (any, error) { return fn(ctx) }, func(int, int) {})
	return v, s.timedOut(err, rctx, ctx, what, instead)
}

// timedOut is err, or 503 timeout when work run under rctx (a child of
// ctx, bounded by ForecastTimeout) stopped at that deadline rather than
// because the client went away; what names the work, instead says what
// to do rather than run it within a request.
func (s *Server) timedOut(err error, rctx, ctx context.Context, what, instead string) error {
	if err == nil || rctx.Err() != context.DeadlineExceeded || ctx.Err() != nil {
		return err
	}
	return &limitError{status: http.StatusServiceUnavailable, code: "timeout", retry: "5",
		msg: fmt.Sprintf("%s took longer than %v, the limit within a request (parley serve --inline-timeout); %s", what, s.o.ForecastTimeout, instead)}
}

// countValues counts the values of a request body cheaply, before it is
// parsed: the JSON values (every scalar, object and list) of a JSON
// document, or for YAML the lines and the flow separators (',') — an upper
// bound on what the body can expand to before aliases, which the
// scenario reader bounds itself. It stops counting past limit.
func countValues(b []byte, limit int) int {
	n := 0
	if isJSON(b) {
		inString, escaped, inScalar := false, false, false
		for _, c := range b {
			switch {
			case inString:
				switch {
				case escaped:
					escaped = false
				case c == '\\':
					escaped = true
				case c == '"':
					inString = false
				}
			case c == '"':
				inString, inScalar = true, false
				n++
			case c == '{' || c == '[':
				inScalar = false
				n++
			case c == ',' || c == ':' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r':
				inScalar = false
			default:
				if !inScalar {
					inScalar = true
					n++
				}
			}
			if n > limit {
				return n
			}
		}
		return n
	}
	for _, c := range b {
		if c == '\n' || c == ',' {
			n++
			if n > limit {
				return n
			}
		}
	}
	return n + 1
}

// isJSON reports whether b starts (after white space and a BOM) with '{'
// or '['.
func isJSON(b []byte) bool {
	for len(b) > 0 {
		switch {
		case b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n':
			b = b[1:]
		case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
			b = b[3:]
		default:
			return b[0] == '{' || b[0] == '['
		}
	}
	return false
}

// checkValues refuses a body with more values than MaxValues (413).
func (s *Server) checkValues(b []byte) error {
	if n := countValues(b, s.o.MaxValues); n > s.o.MaxValues {
		return tooBig("the request body holds more than %d values (JSON values, or YAML lines), this server's limit (parley serve --max-values); split the scenario or raise the limit", s.o.MaxValues)
	}
	return nil
}
